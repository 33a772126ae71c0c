"""Graphviz DOT: one cluster per perspective.

>>> import argmap
>>> write_dot(argmap.example_map()).splitlines()[0]
'digraph argmap {'
"""

from __future__ import annotations

import textwrap
import warnings

from ..model import ArgumentMap
from .format import Format, LossyExport


#: Graphviz refuses a quoted string longer than 16,384 bytes; longer ones are
#: written as pieces joined with ``+``, which DOT concatenates.
_PIECE = 4000
#: Labels wrap at this many characters, so Graphviz boxes stay readable.
LABEL_WIDTH = 40


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
    out = ["digraph argmap {", f"  label={_dot_string(argument_map.title)};", "  rankdir=BT;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    for index, perspective in enumerate(argument_map.perspectives.values()):
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    label={_dot_string(perspective.label)}; color={_dot_string(perspective.color)};")
        for claim in (c for c in argument_map.claims.values() if c.perspective == perspective.id):
            width = ", penwidth=3" if claim.kind == "thesis" else ""
            label = "\n".join(textwrap.wrap(claim.text, LABEL_WIDTH, break_on_hyphens=False)) or claim.text
            out.append(f"    {_dot_string(claim.id)} [label={_dot_string(label)}, "
                       f"color={_dot_string(perspective.color)}, fillcolor=white{width}];")
        out.append("  }")
    for relation in argument_map.relations():
        style = 'color="#2e7d32"' if relation.kind == "supports" else 'color="#c62828", style=dashed, arrowhead=tee'
        label = f", tooltip={_dot_string(relation.note)}" if relation.note else ""
        out.append(f"  {_dot_string(relation.source)} -> {_dot_string(relation.target)} [{style}{label}];")
    out.append("}")
    return "\n".join(out) + "\n"


FORMAT = Format("dot", ".dot", "Graphviz", write=write_dot)
