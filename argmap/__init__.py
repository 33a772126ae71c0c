"""argmap: map opposing perspectives as one argument graph.

>>> import argmap
>>> m = argmap.load("claims")
>>> m.graph.number_of_nodes() == len(m.claims)
True
"""

from ._version import __version__
from .errors import MapError, Position, Problem
from .load import load
from .model import ArgumentMap, Claim, Perspective, Relation, Source
from .query import summary
from .render import render_html, write_html

__all__ = [
    "ArgumentMap",
    "Claim",
    "MapError",
    "Perspective",
    "Position",
    "Problem",
    "Relation",
    "Source",
    "load",
    "render_html",
    "summary",
    "write_html",
    "__version__",
]
