"""A directed graph in plain dicts, for the semantics' pass over a whole map's attacks and supports.

:class:`Arrows` offers what :mod:`argmap.analysis.semantics` reads of a
``networkx.DiGraph``: its nodes in order, ``adjacency()``, ``in_degree()``,
``predecessors()`` and membership, with the same orders. Building networkx's
graphs of a 100,000-claim map's attacks and supports took 1.2 s of its
first ``argmap query acceptance``, a third of the question; networkx keeps
an attribute dict per edge, which the semantics never read.

>>> arrows = Arrows([("a", "b"), ("c", "b"), ("a", "b")], nodes=["a", "b", "c", "d"])
>>> list(arrows), dict(arrows.in_degree()), list(arrows.predecessors("b")), "d" in arrows
(['a', 'b', 'c', 'd'], {'a': 0, 'b': 2, 'c': 0, 'd': 0}, ['a', 'c'], True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from itertools import chain


class Arrows:
    """Directed edges between hashable nodes; a repeated edge counts once, as in a ``networkx.DiGraph``.

    ``nodes`` come first, in order; a node only an edge names follows, in the order the edges name it.
    """

    def __init__(self, edges: Iterable[tuple[Hashable, Hashable]], nodes: Iterable[Hashable] = ()):
        successors: dict[Hashable, dict[Hashable, None]] = {node: {} for node in nodes}
        added = []
        for source, target in edges:
            targets = successors.get(source)
            if targets is None:
                targets = successors[source] = {}
            if target not in successors:
                successors[target] = {}
            targets[target] = None
            added.append((source, target))
        self._successors = successors
        self._added = added
        self._predecessors: dict[Hashable, dict[Hashable, None]] | None = None  # built when first asked

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._successors)

    def __contains__(self, node: object) -> bool:
        return node in self._successors

    def __len__(self) -> int:
        return len(self._successors)

    def adjacency(self) -> Iterator[tuple[Hashable, dict[Hashable, None]]]:
        """Each node and its successors (as the keys of a dict), in node order."""
        return iter(self._successors.items())

    def in_degree(self) -> Iterator[tuple[Hashable, int]]:
        """Each node and how many nodes have an edge to it, in node order."""
        counts = Counter(chain.from_iterable(self._successors.values()))
        return ((node, counts[node]) for node in self._successors)

    def predecessors(self, node: Hashable) -> Iterator[Hashable]:
        """The nodes with an edge to ``node``, in the order their edges were added."""
        if self._predecessors is None:
            self._predecessors = {node: {} for node in self._successors}
            for source, target in self._added:
                self._predecessors[target][source] = None
        return iter(self._predecessors[node])
