r"""Graphviz DOT: one cluster per perspective, in argmap's own layout.

Each claim is labelled by its title (or a label cut from its text), wrapped
as the SVG picture wraps it, with the full text as its tooltip. Every node
carries its position from :mod:`argmap.analysis.layout` in points, so
``neato -n2 -Tsvg map.dot`` draws the page's layout, while ``dot -Tsvg``
still lays the graph out by itself.

>>> import argmap
>>> text = write_dot(argmap.example_map())
>>> text.splitlines()[0]
'digraph argmap {'
>>> next(line.strip()[:67] for line in text.splitlines() if '"tea.best" [' in line)
'"tea.best" [label="Tea is the better morning\\ndrink.", pos="540,0!"'
"""

from __future__ import annotations

import warnings

from ..analysis.layout import side_by_side
from ..model import ArgumentMap
from ..style import EDGE_STYLES, FOIL_BORDER, FOIL_FILL, FOIL_PREFIX, tint
from .format import Format, LossyExport
from .svg import BOX_WIDTH, PADDING, wrap


#: Graphviz refuses a quoted string longer than 16,384 bytes; longer ones are
#: written as pieces joined with ``+``, which DOT concatenates.
_PIECE = 4000
#: Points per layout pixel: a 13 px label becomes 10 pt text in a box that fits its spacing.
POINTS_PER_PIXEL = 0.75


def _dot_string(text: str) -> str:
    r"""A DOT quoted string for any text: NUL dropped, long text in joined pieces.

    >>> print(_dot_string('say "hi"\nbye\x00'))
    "say \"hi\"\nbye"
    """
    text = text.replace("\x00", "")
    pieces = [text[i:i + _PIECE] for i in range(0, len(text), _PIECE)] or [""]
    return " + ".join('"' + p.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
                      for p in pieces)


def write_dot(argument_map: ArgumentMap) -> str:
    """The map as a DOT digraph."""
    for claim in argument_map.claims.values():
        if "\x00" in claim.text:
            warnings.warn(f"claim '{claim.id}': text: dropped NUL characters, which DOT cannot carry", LossyExport,
                          stacklevel=2)
    positions = side_by_side(argument_map)
    out = ["digraph argmap {", f"  label={_dot_string(argument_map.title)};", "  rankdir=BT;", "  labelloc=t;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];']
    for index, perspective in enumerate(argument_map.perspectives.values()):
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    label={_dot_string(perspective.label)}; color={_dot_string(perspective.color)};")
        for claim in (c for c in argument_map.claims.values() if c.perspective == perspective.id):
            x, y = positions[claim.id]
            label = (FOIL_PREFIX if not claim.asserted else "") + " ".join(claim.label.split())
            lines = "\n".join(wrap(label, BOX_WIDTH - 2 * PADDING))
            look = (f"color={_dot_string(perspective.color)}, fillcolor={_dot_string(tint(perspective.color))}"
                    if claim.asserted else f'color="{FOIL_BORDER}", fillcolor="{FOIL_FILL}", style="rounded,filled,dotted"')
            width = ", penwidth=3" if claim.kind == "thesis" else ""
            out.append(f"    {_dot_string(claim.id)} [label={_dot_string(lines)}, "
                       f'pos="{round(x * POINTS_PER_PIXEL)},{-round(y * POINTS_PER_PIXEL)}!", '
                       f"tooltip={_dot_string(claim.text)}, {look}{width}];")
        out.append("  }")
    for relation in argument_map.relations():
        style = EDGE_STYLES[relation.kind]
        inferred = argument_map.basis_of(relation) == "inferred"
        line = "dotted" if inferred else ("dashed" if style.dashes else "solid")
        head = "normal" if relation.kind == "supports" else "tee"
        tooltip = f", tooltip={_dot_string(relation.note)}" if relation.note else ""
        out.append(f"  {_dot_string(relation.source)} -> {_dot_string(relation.target)} "
                   f'[color="{style.color}", style={line}, arrowhead={head}, penwidth={style.width}{tooltip}];')
    style = EDGE_STYLES["contradicts"]
    for undercut in argument_map.undercuts():  # DOT has no edge to an edge: it points at the conclusion, and says so
        line = "dotted" if argument_map.basis_of(undercut) == "inferred" else "dashed"
        tooltip = f", tooltip={_dot_string(undercut.note)}" if undercut.note else ""
        out.append(f"  {_dot_string(undercut.source)} -> {_dot_string(undercut.conclusion)} "
                   f"[label={_dot_string('undercuts ' + undercut.reason)}, fontsize=8, "
                   f'color="{style.color}", style={line}, arrowhead=tee, penwidth={style.width}{tooltip}];')
    out.append("}")
    return "\n".join(out) + "\n"


FORMAT = Format("dot", ".dot", "Graphviz", write=write_dot)
