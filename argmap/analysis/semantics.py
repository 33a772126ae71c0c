"""Dung argumentation semantics over an attack graph.

An attack graph is a ``networkx.DiGraph`` whose nodes are arguments and whose
edge ``a → b`` means *a attacks b*. For an argument map, the attacks are its
``contradicts`` edges (:func:`attack_graph`).

- :func:`grounded_extension` is the least fixed point, computed in linear time.
- :func:`complete_extensions`, :func:`preferred_extensions` and
  :func:`stable_extensions` are exact. They use a SAT encoding of complete
  labellings (Caminada's IN/OUT/UNDEC), solved with PySAT; ``bench/semantics.py``
  measures this against other engines. Enumeration stops with
  :class:`EnumerationLimit` once more than ``limit`` extensions exist, so a
  framework with exponentially many extensions fails fast instead of hanging.

>>> import networkx as nx
>>> af = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "c")])
>>> sorted(grounded_extension(af))
['a']
>>> sorted(sorted(e) for e in preferred_extensions(af))
[['a', 'c'], ['a', 'd']]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Hashable, Iterator

import networkx as nx

from ..errors import EnumerationLimit
from ..graph import attack_graph
from ..model import ArgumentMap

DEFAULT_LIMIT = 10_000
SAT_SOLVER = "cadical153"  # chosen by bench/semantics.py

Extension = frozenset


def grounded_extension(attacks: nx.DiGraph) -> Extension:
    """The grounded extension: what is accepted with no choice at all.

    Linear in arguments plus attacks: an argument is IN once all its attackers
    are OUT, and OUT once one attacker is IN.

    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")])))
    []
    """
    live_attackers = {node: attacks.in_degree(node) for node in attacks}
    queue = deque(node for node, count in live_attackers.items() if count == 0)
    accepted: set[Hashable] = set()
    defeated: set[Hashable] = set()
    while queue:
        node = queue.popleft()
        accepted.add(node)
        for target in attacks.successors(node):
            if target in defeated:
                continue
            defeated.add(target)
            for victim in attacks.successors(target):
                live_attackers[victim] -= 1
                if live_attackers[victim] == 0 and victim not in defeated:
                    queue.append(victim)
    return frozenset(accepted)


class _Labelling:
    """A SAT encoding of the complete labellings of an attack graph."""

    def __init__(self, attacks: nx.DiGraph, *, stable: bool = False):
        from pysat.solvers import Solver

        self.arguments = list(attacks)
        index = {node: i for i, node in enumerate(self.arguments)}
        self.in_var = {node: 2 * i + 1 for node, i in index.items()}
        self.out_var = {node: 2 * i + 2 for node, i in index.items()}
        self.next_var = 2 * len(self.arguments) + 1
        self.solver = Solver(name=SAT_SOLVER)
        add = self.solver.add_clause
        for node in self.arguments:
            in_, out = self.in_var[node], self.out_var[node]
            attackers = list(attacks.predecessors(node))
            add([-in_, -out])
            # IN iff every attacker is OUT
            add([in_] + [-self.out_var[b] for b in attackers])
            for b in attackers:
                add([-in_, self.out_var[b]])
                # OUT iff some attacker is IN
                add([-self.in_var[b], out])
            add([-out] + [self.in_var[b] for b in attackers])
            if stable:
                add([in_, out])

    def fresh_var(self) -> int:
        self.next_var += 1
        return self.next_var

    def solve(self, assumptions: list[int] = ()) -> Extension | None:  # type: ignore[assignment]
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
        true = {v for v in self.solver.get_model() if v > 0}
        return frozenset(node for node in self.arguments if self.in_var[node] in true)

    def block(self, extension: Extension) -> None:
        """Forbid exactly this IN set from being found again."""
        self.solver.add_clause([-self.in_var[a] if a in extension else self.in_var[a] for a in self.arguments])

    def close(self) -> None:
        self.solver.delete()


def _enumerate(attacks: nx.DiGraph, semantics: str, limit: int, *, stable: bool) -> Iterator[Extension]:
    labelling = _Labelling(attacks, stable=stable)
    try:
        found = 0
        while (extension := labelling.solve()) is not None:
            found += 1
            if found > limit:
                raise EnumerationLimit(semantics, limit)
            yield extension
            labelling.block(extension)
    finally:
        labelling.close()


def _canonical(extensions: list[Extension]) -> list[Extension]:
    """Extensions in a fixed order, whatever order the solver found them in."""
    return sorted(extensions, key=lambda e: (len(e), sorted(map(str, e))))


def complete_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT) -> list[Extension]:
    """Every complete extension (admissible, and containing all it defends).

    >>> sorted(sorted(e) for e in complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")])))
    [[], ['a'], ['b']]
    """
    return _canonical(list(_enumerate(attacks, "complete", limit, stable=False)))


def stable_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT) -> list[Extension]:
    """Every stable extension (conflict-free, attacking everything outside it).

    >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    []
    """
    return _canonical(list(_enumerate(attacks, "stable", limit, stable=True)))


def preferred_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT) -> list[Extension]:
    """Every preferred extension (a maximal admissible set).

    Each is found by growing a complete extension until no strictly larger
    one exists; found ones are then excluded as subsets.

    >>> [sorted(e) for e in preferred_extensions(nx.DiGraph([("a", "a")]))]
    [[]]
    """
    labelling = _Labelling(attacks)
    preferred: list[Extension] = []
    try:
        while (candidate := labelling.solve()) is not None:
            while True:  # grow to a maximal one
                selector = labelling.fresh_var()
                outside = [labelling.in_var[a] for a in labelling.arguments if a not in candidate]
                labelling.solver.add_clause([-selector] + outside)
                larger = labelling.solve([selector] + [labelling.in_var[a] for a in candidate])
                labelling.solver.add_clause([-selector])
                if larger is None:
                    break
                candidate = larger
            preferred.append(candidate)
            if len(preferred) > limit:
                raise EnumerationLimit("preferred", limit)
            # Later candidates must not lie inside this one.
            outside = [labelling.in_var[a] for a in labelling.arguments if a not in candidate]
            if not outside:
                break
            labelling.solver.add_clause(outside)
    finally:
        labelling.close()
    return _canonical(preferred)


@dataclass(frozen=True)
class SideAcceptance:
    """What one perspective can coherently accept under preferred semantics."""

    perspective: str
    theses: tuple[str, ...]
    theses_accepted: bool  # some of its best extensions contain all its theses
    own_claims_kept: int  # the most of its own claims one preferred extension holds
    acceptable: frozenset  # claims in at least one of its best extensions


@dataclass(frozen=True)
class Acceptance:
    """Per-perspective acceptance, plus what both and neither side can accept."""

    grounded: frozenset
    preferred_count: int
    sides: tuple[SideAcceptance, ...]
    by_all: frozenset
    by_none: frozenset


def acceptance(argument_map: ArgumentMap, *, limit: int = DEFAULT_LIMIT) -> Acceptance:
    """Which claims each perspective can accept, which all can, which none can.

    A side's *best* extensions are the preferred extensions that keep the most
    of its own claims; it can accept exactly the claims in one of them.

    >>> import argmap
    >>> result = acceptance(argmap.example_map())
    >>> [(side.perspective, side.theses_accepted, side.own_claims_kept) for side in result.sides]
    [('tea', False, 2), ('coffee', True, 4)]
    >>> sorted(result.by_none), result.preferred_count
    (['tea.best', 'tea.gentle'], 1)
    """
    attacks = argument_map.view(attack_graph)
    extensions = preferred_extensions(attacks, limit=limit)
    sides = []
    for perspective in argument_map.perspectives:
        # A claim its author reports without holding (asserted: false) is not the side's own.
        own = {c.id for c in argument_map.claims.values() if c.perspective == perspective and c.asserted}
        theses = tuple(c.id for c in argument_map.claims.values()
                       if c.perspective == perspective and c.kind == "thesis")
        kept = max((len(e & own) for e in extensions), default=0)
        best = [e for e in extensions if len(e & own) == kept]
        sides.append(SideAcceptance(perspective, theses, any(set(theses) <= e for e in best), kept,
                                    frozenset().union(*best)))
    acceptable = [side.acceptable for side in sides]
    everything = frozenset(argument_map.claims)
    return Acceptance(
        grounded_extension(attacks),
        len(extensions),
        tuple(sides),
        frozenset.intersection(*acceptable) if acceptable else frozenset(),
        everything - frozenset().union(*acceptable),
    )
