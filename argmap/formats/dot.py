"""Graphviz DOT: one cluster per perspective.

>>> import argmap
>>> write_dot(argmap.example_map()).splitlines()[0]
'digraph argmap {'
"""

from __future__ import annotations

from ..model import ArgumentMap
from .format import Format


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_dot(argument_map: ArgumentMap) -> str:
    """The map as a DOT digraph."""
    out = ["digraph argmap {", f"  label={_dot_string(argument_map.title)};", "  rankdir=BT;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    for index, perspective in enumerate(argument_map.perspectives.values()):
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    label={_dot_string(perspective.label)}; color={_dot_string(perspective.color)};")
        for claim in (c for c in argument_map.claims.values() if c.perspective == perspective.id):
            width = ", penwidth=3" if claim.kind == "thesis" else ""
            out.append(f"    {_dot_string(claim.id)} [label={_dot_string(claim.text)}, "
                       f"color={_dot_string(perspective.color)}, fillcolor=white{width}];")
        out.append("  }")
    for relation in argument_map.relations():
        style = 'color="#2e7d32"' if relation.kind == "supports" else 'color="#c62828", style=dashed, arrowhead=tee'
        label = f", tooltip={_dot_string(relation.note)}" if relation.note else ""
        out.append(f"  {_dot_string(relation.source)} -> {_dot_string(relation.target)} [{style}{label}];")
    out.append("}")
    return "\n".join(out) + "\n"


FORMAT = Format("dot", ".dot", "Graphviz", write=write_dot)
