"""What GraphML and GEXF share: XML that parses back, whatever the claims say.

XML 1.0 cannot carry most C0 control characters, not even as character
references, so they are dropped, each with a :class:`LossyExport` warning
that names the claim. A carriage return is written as ``&#13;``, since an
XML parser turns a raw one into a newline.

>>> import argmap, warnings
>>> m = argmap.loads('perspective: tea\\nclaims: [{id: a, text: "bell\\\\a and\\\\r return"}]')
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     graph = xml_ready_graph(m)
>>> graph.nodes["a"]["text"], str(caught[0].message)
('bell and\\r return', "claim 'a': text: dropped 1 control character that XML cannot carry")
"""

from __future__ import annotations

import io
import re
import warnings
from typing import BinaryIO, Callable

import networkx as nx

from ..graph import portable_graph
from ..model import ArgumentMap
from .format import LossyExport

DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(owner: str, attributes: dict[str, object]) -> dict[str, object]:
    cleaned = {}
    for key, value in attributes.items():
        if isinstance(value, str) and _NOT_XML.search(value):
            value, count = _NOT_XML.subn("", value)
            warnings.warn(f"{owner}: {key}: dropped {count} control character{'s' if count > 1 else ''} "
                          "that XML cannot carry", LossyExport, stacklevel=2)
        cleaned[key] = value
    return cleaned


def xml_ready_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The portable graph, with what XML cannot carry dropped (and warned about)."""
    source = argument_map.view(portable_graph)
    graph = nx.DiGraph()
    graph.graph.update(_clean("the map", source.graph))
    for node, data in source.nodes(data=True):
        graph.add_node(node, **_clean(f"claim '{node}'", data))
    for a, b, data in source.edges(data=True):
        graph.add_edge(a, b, **_clean(f"relation {a} → {b}", data))
    return graph


def document(write: Callable[[nx.DiGraph, BinaryIO], None], graph: nx.DiGraph) -> str:
    """The XML document a networkx writer makes of ``graph``, with carriage returns kept as references.

    The writer's own bytes are used, not its line generator, which splits a
    claim's text at every carriage return.
    """
    buffer = io.BytesIO()
    write(graph, buffer)
    body = buffer.getvalue().decode("utf-8").split("\n", 1)[1]  # our declaration, in double quotes
    return (DECLARATION + body.rstrip("\n") + "\n").replace("\r", "&#13;")
