"""GEXF (Gephi): the same portable graph as GraphML, without a date stamp.

Gephi shows each claim by its title (or a label cut from its text, never its
id), in its perspective's colour, where argmap's layout puts it (y grows
upwards in Gephi, so theses stay on top).

>>> import argmap
>>> text = write_gexf(argmap.example_map())
>>> text.startswith('<?xml version="1.0" encoding="utf-8"?>'), 'label="Tea is the better morning drink."' in text
(True, True)
>>> '<viz:position x="720.0" y="0.0" z="0.0"' in text
True
"""

from __future__ import annotations

import re

from ..analysis.layout import side_by_side
from ..graph import portable_graph
from ..model import ArgumentMap
from .format import Format
from .xml import document
from .._lazy import nx  # networkx, imported on first use


def _rgb(color: str) -> dict[str, float]:
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return {"r": int(digits[0:2], 16), "g": int(digits[2:4], 16), "b": int(digits[4:6], 16), "a": 1.0}


def write_gexf(argument_map: ArgumentMap) -> str:
    """The map as a GEXF document."""
    graph = argument_map.view(portable_graph).copy()
    positions = side_by_side(argument_map)
    for claim in argument_map.claims.values():  # the label is already the claim's (see portable_graph)
        x, y = positions[claim.id]
        graph.nodes[claim.id]["viz"] = {"color": _rgb(argument_map.perspectives[claim.perspective].color),
                                        "position": {"x": float(x), "y": float(-y), "z": 0.0}}
    text = document(nx.write_gexf, graph)
    # GEXF's writer stamps today's date; a fixed file must not change by the day.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text)


FORMAT = Format("gexf", ".gexf", "Gephi", write=write_gexf)
