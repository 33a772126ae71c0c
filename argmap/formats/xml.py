"""What GraphML and GEXF share: an XML document that parses back, whatever the claims say.

The graph they write is :func:`argmap.graph.portable_graph`, which drops what
XML 1.0 cannot carry (with a warning). Here a carriage return is written as
``&#13;``, since an XML parser turns a raw one into a newline.

>>> import argmap, networkx as nx
>>> m = argmap.loads('perspective: tea\\nclaims: [{id: a, text: "line\\\\rreturn"}]')
>>> nx.parse_graphml(document(nx.write_graphml, m.view(argmap.graph.portable_graph))).nodes["a"]["text"]
'line\\rreturn'
"""

from __future__ import annotations

import io
from typing import BinaryIO, Callable

from .._lazy import nx  # networkx, imported on first use


DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def document(write: Callable[[nx.DiGraph, BinaryIO], None], graph: nx.DiGraph) -> str:
    """The XML document a networkx writer makes of ``graph``, with carriage returns kept as references.

    The writer's own bytes are used, not its line generator, which splits a
    claim's text at every carriage return.
    """
    buffer = io.BytesIO()
    write(graph, buffer)
    body = buffer.getvalue().decode("utf-8").split("\n", 1)[1]  # our declaration, in double quotes
    return (DECLARATION + body.rstrip("\n") + "\n").replace("\r", "&#13;")
