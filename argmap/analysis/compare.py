"""Comparing perspectives: where they clash, agree, and leave things unanswered.

Every answer is computed from the map's structure alone and carries what
justifies it: the edge and its note, the support path to a thesis, or the
numbers behind a ranking.

Two measures say how much rests on a claim. Both are read off the dominator
tree of the side's support graph, so computing them for every claim is
near-linear:

- *load*: the claims (itself included) that would lose their last
  ``supports`` path to their side's thesis if the claim were rejected;
- *weight*: the same toward any of the side's conclusions, the claims that
  support nothing else on their side (the thesis, advice that stands apart
  from it, a view reported in order to be rejected). It counts how much of
  the side's whole case rests on a claim, including the parts that are not
  reasons for the thesis.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import permutations
from typing import Any

from ..graph import cross_relations, side_support_graphs, support_graph, toward_reasons
from ..model import ArgumentMap, Claim, Relation
from .answers import Rows, html_table, record
from .reach import descendant_counts
from .._lazy import nx  # networkx, imported on first use


@dataclass(frozen=True)
class Engagement:
    """How perspective ``source`` engages perspective ``target``."""

    source: str
    target: str
    contradicting_claims: int
    supporting_claims: int
    contradicts_edges: int
    supports_edges: int


@dataclass(frozen=True)
class CrossEdge:
    """A relation between claims of two perspectives, with both claims' text."""

    source: str
    source_perspective: str
    source_text: str
    kind: str
    target: str
    target_perspective: str
    target_text: str
    note: str | None


@dataclass(frozen=True)
class Clash:
    """Two claims of different perspectives that contradict each other, counted once.

    ``mutual`` when each denies the other; otherwise ``edges`` holds the one
    attack, from ``first`` to ``second``.
    """

    first: str
    second: str
    mutual: bool
    edges: tuple[CrossEdge, ...]


@dataclass(frozen=True)
class Endorsement:
    """A claim that another perspective supports, so both sides endorse it."""

    claim: str
    perspective: str
    text: str
    endorsed_by: tuple[str, ...]  # ids of the other side's supporting claims


@dataclass(frozen=True)
class CommonGround:
    """Where the sides agree, told apart from where one side's claim is used for the other.

    ``agreements`` are cross-perspective supports between two claims their
    sides assert, where the supporting side never contradicts the claim it
    supports. ``uses`` are the other cross-perspective supports: one side's
    claim bearing on a view the other side reports without holding, or on a
    claim the supporting side also denies.
    """

    agreements: list[CrossEdge]
    endorsed: list[Endorsement]
    uses: list[CrossEdge] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"CommonGround: {len(self.agreements)} agreements, {len(self.endorsed)} claims endorsed by both "
                f"sides, {len(self.uses)} uses")

    def _repr_html_(self) -> str:
        return "".join(html_table([record(item) for item in items], caption)
                       for items, caption in ((self.agreements, "Agreements: supports across the sides"),
                                              (self.endorsed, "Claims both sides endorse"),
                                              (self.uses, "Used, not agreed")))


@dataclass(frozen=True)
class Unanswered:
    """A claim the other side never engages, directly or via its reasons."""

    claim: str
    perspective: str
    text: str
    unanswered_by: str
    load: int  # claims that would fall with it, itself included
    dependants: int  # own-side claims it supports, directly or not
    path: tuple[str, ...]  # support path from the claim to its side's thesis


@dataclass(frozen=True)
class Crux:
    """A contested claim that its side's thesis depends on."""

    claim: str
    perspective: str
    text: str
    thesis: str | None  # None when the claim is not a reason for a thesis
    load: int
    support_size: int  # claims that reach the thesis through supports
    share: float  # load / support_size: how much of the thesis's support would fall
    path: tuple[str, ...]
    opponents: tuple[CrossEdge, ...]
    weight: int = 0  # the side's claims that rest on it, toward any of its conclusions
    case_size: int = 0  # the claims the side asserts
    mutual: bool = False  # some opponent and this claim deny each other

    @property
    def case_share(self) -> float:
        """The share of its side's case that rests on the claim: weight / case_size."""
        return self.weight / self.case_size if self.case_size else 0.0


@dataclass(frozen=True)
class DoubleCrux:
    """Two claims that clash, each load-bearing for its own side."""

    first: Crux
    second: Crux
    edges: tuple[CrossEdge, ...]


@dataclass
class _Side:
    """One perspective's support structure, toward each of its theses."""

    perspective: str
    claims: list[str]
    supports: nx.DiGraph  # own-side supports edges, reason -> conclusion
    load: dict[str, int] = field(default_factory=dict)
    thesis_of: dict[str, str] = field(default_factory=dict)
    support_size: dict[str, int] = field(default_factory=dict)
    weight: dict[str, int] = field(default_factory=dict)
    #: per thesis, each claim that reaches it → the next claim on a shortest path
    next_toward: dict[str, dict[str, str]] = field(default_factory=dict)

    @cached_property
    def dependants(self) -> dict[str, int]:
        """How many own-side claims each claim supports, directly or not."""
        return descendant_counts(self.supports)


class Comparison:
    """The comparison queries over one map; build once, ask many times.

    >>> import argmap
    >>> c = Comparison(argmap.example_map())
    >>> top = c.cruxes()[0]
    >>> top.claim, top.load, top.support_size
    ('cof.alert', 2, 2)
    """

    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        self.claims = argument_map.claims

    def _edge(self, relation: Relation) -> CrossEdge:
        source, target = self.claims[relation.source], self.claims[relation.target]
        return CrossEdge(source.id, source.perspective, source.text, relation.kind,
                         target.id, target.perspective, target.text, relation.note)

    @cached_property
    def _perspective_of(self) -> dict[str, str]:
        return {claim_id: claim.perspective for claim_id, claim in self.claims.items()}

    @property
    def cross_relations(self) -> list[Relation]:
        """The relations between claims of different perspectives (:func:`argmap.graph.cross_relations`)."""
        return self.map.view(cross_relations)

    @cached_property
    def sides(self) -> dict[str, _Side]:
        sides = {}
        for perspective, supports in self.map.view(side_support_graphs).items():
            ids = list(supports)
            side = _Side(perspective, ids, supports)
            reasons, root = toward_reasons(supports)
            dominated = {thesis: self._measure_load(side, reasons, thesis)
                         for thesis in ids if self.claims[thesis].kind == "thesis"}
            conclusions = list(reasons.successors(root))
            if len(conclusions) == 1 and conclusions[0] in dominated:
                # The side's one conclusion is its thesis: the dominator tree over all its
                # conclusions is the thesis's own, already built (a second one took seconds at scale).
                size = dominated[conclusions[0]]
                side.weight = {claim: size.get(claim, 1) for claim in supports}
            else:
                side.weight = self._weights(supports, reasons, root)
            sides[perspective] = side
        return sides

    @staticmethod
    def _weights(supports: nx.DiGraph, reasons: nx.DiGraph, root: object) -> dict[str, int]:
        """Each claim's weight: its subtree in the dominator tree over all the side's conclusions."""
        order = [root, *(node for _, node in nx.bfs_edges(reasons, root))]
        size = _dominated_counts(reasons, root, order)
        # A claim only on a cycle of mutual support reaches no conclusion: it carries itself.
        return {claim: size.get(claim, 1) for claim in supports}

    @staticmethod
    def _measure_load(side: _Side, reasons: nx.DiGraph, thesis: str) -> dict[str, int]:
        """Each claim's load toward ``thesis``; returns the thesis's dominated counts."""
        next_toward = side.next_toward[thesis] = dict(nx.bfs_predecessors(reasons, thesis))
        order = [thesis, *next_toward]
        size = _dominated_counts(reasons, thesis, order)
        side.support_size[thesis] = len(order) - 1
        for node in order[1:]:
            if size[node] > side.load.get(node, 0):
                side.load[node], side.thesis_of[node] = size[node], thesis
        return size

    def path_to_thesis(self, claim_id: str) -> tuple[str, ...]:
        """The shortest own-side support path from a claim to its thesis."""
        side = self.sides[self.claims[claim_id].perspective]
        thesis = side.thesis_of.get(claim_id)
        if thesis is None:
            return ()
        next_toward, path = side.next_toward[thesis], [claim_id]
        while path[-1] != thesis:
            path.append(next_toward[path[-1]])
        return tuple(path)

    def engagement(self) -> Rows[Engagement]:
        """For each ordered pair of perspectives, how much A contradicts and supports B.

        >>> import argmap
        >>> for row in Comparison(argmap.example_map()).engagement():
        ...     print(row.source, row.target, row.contradicting_claims, row.supporting_claims)
        tea coffee 0 0
        coffee tea 2 1
        """
        perspective_of = self._perspective_of
        sources: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        edges: Counter[tuple[str, str, str]] = Counter()
        for r in self.cross_relations:
            key = (perspective_of[r.source], perspective_of[r.target], r.kind)
            sources[key].add(r.source)
            edges[key] += 1
        return Rows(Engagement(a, b, len(sources[a, b, "contradicts"]), len(sources[a, b, "supports"]),
                               edges[a, b, "contradicts"], edges[a, b, "supports"])
                    for a, b in permutations(self.map.perspectives, 2))

    def disagreements(self) -> Rows[CrossEdge]:
        """Every cross-perspective ``contradicts`` edge, with both claims and the note.

        >>> import argmap
        >>> first = Comparison(argmap.example_map()).disagreements()[0]
        >>> first.source, first.target, first.note
        ('cof.best', 'tea.best', 'Only one can be the better morning drink.')
        """
        return Rows(self._edge(r) for r in self.cross_relations if r.kind == "contradicts")

    def clashes(self) -> Rows[Clash]:
        """Each pair of clashing claims once, whichever claim lists the edge, mutual ones first.

        >>> import argmap
        >>> m = argmap.loads(argmap.io.examples.TEA_OR_COFFEE.replace(
        ...     "    kind: thesis\\n  - id: tea.gentle", "    kind: thesis\\n    contradicts: [cof.best]\\n  - id: tea.gentle"))
        >>> [(c.first, c.second, c.mutual, len(c.edges)) for c in Comparison(m).clashes()]
        [('tea.best', 'cof.best', True, 2), ('cof.alert', 'tea.gentle', False, 1)]
        """
        pairs: dict[frozenset[str], list[CrossEdge]] = defaultdict(list)
        for r in self.cross_relations:
            if r.kind == "contradicts":
                pairs[frozenset((r.source, r.target))].append(self._edge(r))
        found = [Clash(edges[0].source, edges[0].target, len({e.source for e in edges}) == 2, tuple(edges))
                 for edges in pairs.values()]
        return Rows(sorted(found, key=lambda c: not c.mutual))  # stable: file order within each group

    def common_ground(self) -> CommonGround:
        """Cross-perspective supports, and the claims both sides endorse.

        A claim is endorsed by both sides when its own side asserts it, an
        asserted claim of another perspective supports it, and no claim of
        that perspective contradicts it. A claim marked ``asserted: false``
        is never endorsed: its own side reports it without holding it.

        >>> import argmap
        >>> ground = Comparison(argmap.example_map()).common_ground()
        >>> len(ground.agreements), ground.endorsed[0].claim, ground.endorsed[0].endorsed_by
        (1, 'tea.ritual', ('cof.ritual',))
        """
        attacked_by = {(r.target, self.claims[r.source].perspective)
                       for r in self.cross_relations if r.kind == "contradicts"}
        agreements: list[Relation] = []
        uses: list[Relation] = []
        for r in self.cross_relations:
            if r.kind == "supports":
                agree = (self.claims[r.source].asserted and self.claims[r.target].asserted
                         and (r.target, self.claims[r.source].perspective) not in attacked_by)
                (agreements if agree else uses).append(r)
        supporters: dict[str, list[str]] = defaultdict(list)
        for r in agreements:
            supporters[r.target].append(r.source)
        endorsed = Rows(Endorsement(claim_id, self.claims[claim_id].perspective, self.claims[claim_id].text,
                                    tuple(sources)) for claim_id, sources in supporters.items())
        return CommonGround(Rows(self._edge(r) for r in agreements), endorsed, Rows(self._edge(r) for r in uses))

    def unanswered(self) -> Rows[Unanswered]:
        """Claims another side never engages, directly or through their reasons.

        Ranked by load, then by how many own-side claims rest on them.

        >>> import argmap
        >>> top = Comparison(argmap.example_map()).unanswered()[0]
        >>> top.claim, top.unanswered_by, top.load, top.path
        ('cof.alert', 'tea', 2, ('cof.alert', 'cof.best'))
        """
        return self.unanswered_among(None)

    def unanswered_among(self, keep: Callable[[str, str, int], bool] | None) -> Rows[Unanswered]:
        """:meth:`unanswered`, only for the claims ``keep(claim, perspective, load)`` accepts.

        Counting every claim's dependants costs more than the rest of the
        comparison on a large map; for a few kept claims each is counted alone.

        >>> import argmap
        >>> [u.claim for u in Comparison(argmap.example_map()).unanswered_among(lambda c, p, load: load > 1)]
        ['cof.alert']
        """
        supports = self.map.view(support_graph)
        perspective_of = self._perspective_of
        found: list[tuple[str, _Side, str]] = []
        for perspective, side in self.sides.items():
            for other in self.map.perspectives:
                if other == perspective:
                    continue
                touched = {r.target for r in self.cross_relations
                           if perspective_of[r.source] == other and perspective_of[r.target] == perspective}
                # Engaging a reason engages every conclusion it supports.
                reached = nx.bfs_layers(supports, [c for c in touched if c in supports])
                engaged = touched.union(*reached)
                found += [(claim_id, side, other) for claim_id in side.claims
                          if claim_id not in engaged and self.claims[claim_id].asserted
                          and (keep is None or keep(claim_id, perspective, side.load.get(claim_id, 0)))]
        few = keep is not None and len(found) <= 64

        def dependants(claim_id: str, side: _Side) -> int:
            return len(nx.descendants(side.supports, claim_id)) if few else side.dependants[claim_id]

        results = [Unanswered(claim_id, side.perspective, self.claims[claim_id].text, other,
                              side.load.get(claim_id, 0), dependants(claim_id, side), self.path_to_thesis(claim_id))
                   for claim_id, side, other in found]
        return Rows(sorted(results, key=lambda u: (-u.load, -u.dependants, u.claim)))

    def _opponents(self) -> dict[str, list[CrossEdge]]:
        opponents: dict[str, list[CrossEdge]] = defaultdict(list)
        for r in self.cross_relations:
            if r.kind == "contradicts":
                edge = self._edge(r)
                opponents[r.source].append(edge)
                opponents[r.target].append(edge)
        return opponents

    @cached_property
    def case_sizes(self) -> dict[str, int]:
        """How many claims each perspective asserts: the size of its case."""
        return dict(Counter(c.perspective for c in self.claims.values() if c.asserted))

    def _crux(self, claim_id: str, opponents: list[CrossEdge]) -> Crux | None:
        claim: Claim = self.claims[claim_id]
        side = self.sides[claim.perspective]
        if claim.kind == "thesis" or not claim.asserted:
            return None
        thesis = side.thesis_of.get(claim_id)
        size = side.support_size[thesis] if thesis else 0
        load = side.load.get(claim_id, 0)
        mutual = any(e.source == claim_id and any(o.source == e.target for o in opponents) for e in opponents)
        return Crux(claim_id, claim.perspective, claim.text, thesis, load, size,
                    round(load / size, 3) if size else 0.0, self.path_to_thesis(claim_id), tuple(opponents),
                    side.weight[claim_id], self.case_sizes[claim.perspective], mutual)

    def cruxes(self) -> Rows[Crux]:
        """Asserted claims in a cross-perspective clash, ranked by how much rests on them.

        Theses themselves are left out: they are what is disputed, not a crux.
        Mutual clashes, where each side denies the other, rank first; then
        the share of the side's case that rests on the claim (its weight over
        the claims the side asserts), then the share of the thesis's support
        that would fall with it.

        >>> import argmap
        >>> crux = Comparison(argmap.example_map()).cruxes()[0]
        >>> crux.claim, crux.share, crux.path, [(edge.source, edge.target) for edge in crux.opponents]
        ('cof.alert', 1.0, ('cof.alert', 'cof.best'), [('cof.alert', 'tea.gentle')])
        """
        found = [crux for claim_id, edges in self._opponents().items()
                 if (crux := self._crux(claim_id, edges)) is not None]
        return Rows(sorted(found, key=lambda c: (not c.mutual, -c.case_share, -c.share, c.claim)))

    def double_cruxes(self) -> Rows[DoubleCrux]:
        """Pairs of clashing claims where each is load-bearing for its own side.

        Ranked by the smaller of the two shares: a double crux matters as much
        as its weaker half.

        >>> import argmap
        >>> pair = Comparison(argmap.example_map()).double_cruxes()[0]
        >>> pair.first.claim, pair.second.claim, pair.edges[0].note
        ('cof.alert', 'tea.gentle', 'A gentle start is a slow start.')
        """
        cruxes = {c.claim: c for c in self.cruxes()}
        pairs: dict[tuple[str, str], list[CrossEdge]] = defaultdict(list)
        for r in self.cross_relations:
            if r.kind == "contradicts" and r.source in cruxes and r.target in cruxes:
                pairs[tuple(sorted((r.source, r.target)))].append(self._edge(r))  # type: ignore[index]
        doubles = [DoubleCrux(cruxes[a], cruxes[b], tuple(edges)) for (a, b), edges in pairs.items()]
        return Rows(sorted(doubles, key=lambda d: (-min(d.first.share, d.second.share), d.first.claim)))


def _dominated_counts(graph: nx.DiGraph, root: Any, order: list[Any]) -> dict[Any, int]:
    """For each node reachable from ``root``, itself plus the nodes it dominates.

    ``order`` lists the reachable nodes breadth-first from ``root``, so every
    dominator precedes what it dominates and one backward sweep sums the
    dominator tree's subtrees.

    >>> g = nx.DiGraph([("r", "a"), ("a", "b"), ("r", "c"), ("c", "b")])
    >>> _dominated_counts(g, "r", ["r", "a", "c", "b"])
    {'r': 4, 'a': 1, 'c': 1, 'b': 1}
    """
    children: dict[Any, list[Any]] = defaultdict(list)
    for node, parent in nx.immediate_dominators(graph, root).items():
        if node != root:
            children[parent].append(node)
    size = dict.fromkeys(order, 1)
    for node in reversed(order):
        for child in children[node]:
            size[node] += size[child]
    return size
