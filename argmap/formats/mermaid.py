"""Mermaid flowcharts, for diagrams in Markdown (GitHub renders them).

>>> import argmap
>>> print(write_mermaid(argmap.example_map()).splitlines()[0])
flowchart BT
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from ..model import ArgumentMap
from .format import Format


#: Characters written as Mermaid entity codes (``#NN;``) in labels: those that
#: end a label or start markup (a backtick opens a Markdown string, ``%%`` a
#: directive), and every control character.
_LABEL_CODES = {ord(ch): f"#{ord(ch)};" for ch in '#"<>&`%'} | {
    code: f"#{code};" for code in [*range(0x20), *range(0x7f, 0xa0)]}


def mermaid_label(text: str, wrap: int | None = None) -> str:
    """Quote text for a Mermaid node label, with entity codes for risky characters.

    >>> mermaid_label("one two <three>", wrap=8)
    '"one two<br>#60;three#62;"'
    >>> mermaid_label("`%%{init}%%`")
    '"#96;#37;#37;{init}#37;#37;#96;"'

    >>> mermaid_label('say "hi" <now> #1')
    '"say #34;hi#34; #60;now#62; #35;1"'
    """
    lines = textwrap.wrap(text, wrap, break_long_words=False, break_on_hyphens=False) if wrap else [text]
    # Escaped line by line, so that the <br> between lines stays a line break.
    return '"' + "<br>".join(" ".join(line.split()).translate(_LABEL_CODES) for line in lines) + '"'


def mermaid_flowchart(argument_map: ArgumentMap, relations: Iterable[tuple[str, str, str]] | None = None, *,
                      direction: str = "BT", wrap: int | None = None, titles: bool = False,
                      edge_labels: dict[tuple[str, str], str] | None = None) -> list[str]:
    """A Mermaid flowchart, one subgraph per perspective, as lines.

    ``relations`` are ``(source, kind, target)`` triples; by default every
    relation, with every claim. Given a subset, only the claims it touches are
    drawn. ``wrap`` breaks long labels at that many characters; ``titles``
    labels claims by their short titles instead of their full text.
    ``edge_labels`` gives some edges, by ``(source, target)``, a label of
    their own (such as the relation's note) in place of their kind.

    >>> import argmap
    >>> lines = mermaid_flowchart(argmap.example_map(), [("cof.best", "contradicts", "tea.best")])
    >>> lines[0], lines[-1]
    ('flowchart BT', '  n1 -.->|contradicts| n0')
    """
    if relations is None:
        relations = [(r.source, r.kind, r.target) for r in argument_map.relations()]
        # Mermaid has no edge to an edge: an undercut points at the conclusion, labelled with the reason.
        relations += [(u.source, "undercuts", u.conclusion) for u in argument_map.undercuts()]
        edge_labels = {**{(u.source, u.conclusion): f"undercuts {u.reason}" for u in argument_map.undercuts()},
                       **(edge_labels or {})}
        shown = list(argument_map.claims)
    else:
        relations = list(relations)
        touched = {claim_id for source, _, target in relations for claim_id in (source, target)}
        shown = [claim_id for claim_id in argument_map.claims if claim_id in touched]
    node = {claim_id: f"n{i}" for i, claim_id in enumerate(shown)}
    out = [f"flowchart {direction}"]
    for index, perspective in enumerate(argument_map.perspectives.values()):
        members = [argument_map.claims[c] for c in shown if argument_map.claims[c].perspective == perspective.id]
        out.append(f"  subgraph p{index}[{mermaid_label(perspective.label)}]")
        out += [f"    {node[c.id]}[{mermaid_label(c.label if titles else c.text, wrap)}]" for c in members]
        out.append("  end")
        out.append(f"  style p{index} stroke:{perspective.color},stroke-width:3px")
    for source, kind, target in relations:
        arrow = "-->" if kind == "supports" else "-.->"
        label = (edge_labels or {}).get((source, target))
        out.append(f"  {node[source]} {arrow}|{mermaid_label(label, wrap) if label else kind}| {node[target]}")
    return out


def write_mermaid(argument_map: ArgumentMap) -> str:
    """Every claim and relation as one Mermaid flowchart."""
    return "\n".join(mermaid_flowchart(argument_map)) + "\n"


FORMAT = Format("mermaid", ".mmd", "Mermaid diagrams", write=write_mermaid)
