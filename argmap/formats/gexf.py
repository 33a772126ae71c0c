"""GEXF (Gephi): the same portable graph as GraphML, without a date stamp.

>>> import argmap
>>> write_gexf(argmap.example_map()).startswith('<?xml version="1.0" encoding="utf-8"?>')
True
"""

from __future__ import annotations

import re

import networkx as nx

from ..graph import portable_graph
from ..model import ArgumentMap
from .format import Format
from .xml import document


def write_gexf(argument_map: ArgumentMap) -> str:
    """The map as a GEXF document."""
    text = document(nx.write_gexf, argument_map.view(portable_graph))
    # GEXF's writer stamps today's date; a fixed file must not change by the day.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text)


FORMAT = Format("gexf", ".gexf", "Gephi", write=write_gexf)
