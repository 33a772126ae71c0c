"""Modules imported when first used, not when argmap is imported.

networkx takes 0.4 s to import, more than half of a cached rebuild; a
command that never builds a graph (a rebuild whose layout and comparison come
from the cache, ``argmap check`` on a small map) should not pay for it.

>>> json = lazy_module("json")
>>> json.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING


def lazy_module(name: str) -> ModuleType:
    """``name`` as a module that is executed on its first attribute access (or the module, if already loaded)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"no module named {name!r}")
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


#: networkx and rustworkx, for every module that uses them: ``from .._lazy import nx``.
if TYPE_CHECKING:
    import networkx as nx
    import rustworkx as rx
else:
    nx = lazy_module("networkx")
    rx = lazy_module("rustworkx")  # for the whole-side walks on claim indices

__all__ = ["lazy_module", "nx", "rx"]
