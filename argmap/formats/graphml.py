"""GraphML (Gephi, yEd): every claim and edge attribute, read back by networkx.

Neither GraphML nor GEXF has lists or nulls, so both write
:func:`argmap.graph.portable_graph`, which turns ``tags`` into a JSON list in
a string and leaves empty values out; :mod:`argmap.formats.xml` keeps the
document valid for any text.

>>> import argmap, networkx as nx
>>> text = write_graphml(argmap.example_map())
>>> nx.parse_graphml(text).nodes["tea.gentle"]["quote"]
'tea wakes me gently'
"""

from __future__ import annotations

from ..graph import portable_graph
from ..model import ArgumentMap
from .format import Format
from .xml import document
from .._lazy import nx  # networkx, imported on first use


def write_graphml(argument_map: ArgumentMap) -> str:
    """The map as a GraphML document."""
    return document(nx.write_graphml, argument_map.view(portable_graph))


FORMAT = Format("graphml", ".graphml", "Gephi, yEd", write=write_graphml)
