"""argmap: map opposing perspectives as one argument graph.

This package is the public façade; the stages live in subpackages (see the
README's "Architecture" section). ``argmap.query``, ``argmap.compare``,
``argmap.semantics`` and ``argmap.quotes`` are the public names of
:mod:`argmap.analysis.query`, :mod:`argmap.analysis.compare`,
:mod:`argmap.analysis.semantics` and :mod:`argmap.io.quotes`.

>>> import argmap
>>> m = argmap.loads('''
... perspective: tea
... claims:
...   - {id: tea.best, text: Tea is the better drink., kind: thesis}
...   - {id: tea.calm, text: Tea calms., supports: [tea.best]}
... ''')
>>> m.graph.number_of_nodes() == len(m.claims)
True
>>> argmap.summary(m)
'2 claims (tea 2); 1 edges (1 supports, 0 contradicts)'
"""

import sys as _sys

from . import graph as _graph  # noqa: F401 - it gives ArgumentMap its .graph
from ._version import __version__
from .analysis import compare, query, semantics
from .analysis.query import summary
from .errors import ArgmapError, EnumerationLimit, MapError, Position, Problem, UnknownClaim
from .io import quotes
from .io.examples import example_map
from .io.load import load, loads
from .model import Answer, ArgumentMap, Claim, Perspective, Question, Relation, Source, Undercut
from . import notebook
from .web.pyvis_network import to_pyvis
from .web.render import render_html, write_html

# The README's `from argmap.compare import Comparison` and the like keep working.
for _module in (compare, query, semantics, quotes):
    _sys.modules[f"{__name__}.{_module.__name__.rsplit('.', 1)[1]}"] = _module

__all__ = [
    "Answer",
    "ArgmapError",
    "ArgumentMap",
    "Claim",
    "EnumerationLimit",
    "MapError",
    "Perspective",
    "Position",
    "Problem",
    "Question",
    "Relation",
    "Source",
    "Undercut",
    "UnknownClaim",
    "compare",
    "example_map",
    "load",
    "loads",
    "notebook",
    "query",
    "quotes",
    "render_html",
    "semantics",
    "summary",
    "to_pyvis",
    "write_html",
    "__version__",
]

notebook.install()  # Jupyter shows a map as a MIME bundle: the interactive page, a picture, the comparison
