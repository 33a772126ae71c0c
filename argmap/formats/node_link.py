"""networkx's node-link JSON (D3, notebooks); it round-trips exactly.

>>> import argmap, json, networkx as nx
>>> g = nx.node_link_graph(json.loads(write_node_link(argmap.example_map())), edges="edges")
>>> g.edges["cof.best", "tea.best"]["kind"]
'contradicts'
"""

from __future__ import annotations

import json

from ..model import ArgumentMap
from .format import Format
from .._lazy import nx  # networkx, imported on first use


def write_node_link(argument_map: ArgumentMap) -> str:
    """The claim graph as indented node-link JSON, keys sorted."""
    data = nx.node_link_data(argument_map.graph, edges="edges")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


FORMAT = Format("json", ".json", "networkx node-link, for D3", write=write_node_link)
