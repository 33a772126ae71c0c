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

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, permutations
from operator import itemgetter

from ..graph import IndexedSupports, both_ways, cross_relations, joined_supports, side_supports
from ..model import ArgumentMap, Relation, Undercut
from .answers import Rows, html_table, record
from .questions import QuestionView, question_views

#: The tag that marks a claim as standing apart from its side's thesis on purpose (see argmap lint).
STANDS_ALONE = "stands-alone"
from .sides import (Side, Store, count_dependants, decode_claim_lists, decode_counts, decode_sides,
                    encode_claim_lists, encode_counts, encode_sides, measured_sides)
from .._lazy import rx  # rustworkx, imported on first use

#: Up to this many unanswered claims, each one's dependants are counted alone, not every claim's at once.
FEW_DEPENDANTS = 1000


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
    #: on an undercut (``kind`` "undercuts"): the reason whose support of ``target`` the source denies
    reason: str | None = None


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
    #: the agreements as places where the sides agree, the count the report, the page and the notebook give:
    #: one per claim of the perspective ``map.yaml`` lists later, with the earlier side's claims paired with it
    pairs: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"CommonGround: {len(self.pairs)} places ({len(self.agreements)} agreements), {len(self.endorsed)} "
                f"claims endorsed by both sides, {len(self.uses)} uses")

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


class Comparison:
    """The comparison queries over one map; build once, ask many times.

    >>> import argmap
    >>> c = Comparison(argmap.example_map())
    >>> top = c.cruxes()[0]
    >>> top.claim, top.load, top.support_size
    ('cof.alert', 2, 2)
    """

    def __init__(self, argument_map: ArgumentMap, *, store: Store | None = None):
        self.map = argument_map
        self.claims = argument_map.claims
        #: keeps the measures between runs (``argmap.io.cache.DerivedCache.bound``); ``None`` measures every time
        self.store = store
        self._paths: dict[str, dict[str, tuple[str, ...]]] = {}  # per thesis, each claim's path to it
        self._side_graphs: dict[str, tuple[rx.PyDiGraph, dict[str, int]]] = {}

    def _edge(self, relation: Relation | Undercut) -> CrossEdge:
        if isinstance(relation, Undercut):
            source, target = self.claims[relation.source], self.claims[relation.conclusion]
            return CrossEdge(source.id, source.perspective, source.text, "undercuts", target.id, target.perspective,
                             target.text, relation.note, relation.reason)
        source, target = self.claims[relation.source], self.claims[relation.target]
        return CrossEdge(source.id, source.perspective, source.text, relation.kind,
                         target.id, target.perspective, target.text, relation.note)

    @cached_property
    def cross_undercuts(self) -> list[Undercut]:
        """The undercuts by one perspective's claim of a support on another's, in file order."""
        claims = self.claims
        return [u for u in self.map.undercuts()
                if claims[u.source].perspective != claims[u.conclusion].perspective]

    @cached_property
    def _perspective_of(self) -> dict[str, str]:
        return {claim_id: claim.perspective for claim_id, claim in self.claims.items()}

    @property
    def cross_relations(self) -> list[Relation]:
        """The relations between claims of different perspectives (:func:`argmap.graph.cross_relations`)."""
        return self.map.view(cross_relations)

    @cached_property
    def _both_ways(self) -> list[Relation]:
        """The cross relations as the comparison reads them: a mutual contradiction both ways (:func:`both_ways`)."""
        return both_ways(self.cross_relations)

    @cached_property
    def sides(self) -> dict[str, Side]:
        """Each perspective's support structure and measures, from the store when it has them."""
        stored = self.store.get("sides") if self.store is not None else None
        sides = decode_sides(stored, self.map) if stored is not None else None
        if sides is None:
            sides = measured_sides(self.map, self._side_supports)
            if self.store is not None:
                self.store.put("sides", encode_sides(sides))
        return sides

    @cached_property
    def _side_supports(self) -> dict[str, IndexedSupports]:
        """Each side's own supports on claim indices: the sides and the dependants both walk them."""
        return side_supports(self.map)

    @cached_property
    def dependants(self) -> dict[str, dict[str, int]]:
        """Per perspective, how many own-side claims each claim supports, directly or not."""
        stored = self.store.get("dependants") if self.store is not None else None
        counts = decode_counts(stored, self.sides) if stored is not None else None
        if counts is None:
            counts = count_dependants(self._side_supports)
            if self.store is not None:
                self.store.put("dependants", encode_counts(self.sides, counts))
        return counts

    def path_to_thesis(self, claim_id: str) -> tuple[str, ...]:
        """The shortest own-side support path from a claim to its thesis."""
        side = self.sides[self.claims[claim_id].perspective]
        thesis = side.thesis_of.get(claim_id)
        return () if thesis is None else self._path(side, thesis, claim_id)

    def _path(self, side: Side, thesis: str, claim_id: str) -> tuple[str, ...]:
        # Paths toward one thesis share their tails: each claim's is kept, so a walk stops at a known one.
        known = self._paths.get(thesis)
        if known is None:
            known = self._paths[thesis] = {thesis: (thesis,)}
        next_toward, chain, node = side.next_toward[thesis], [], claim_id
        while node not in known:
            chain.append(node)
            node = next_toward[node]
        path = known[node]
        for node in reversed(chain):
            path = known[node] = (node, *path)
        return path

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
        for r in self._both_ways:  # a mutual contradiction engages each side
            key = (perspective_of[r.source], perspective_of[r.target], r.kind)
            sources[key].add(r.source)
            edges[key] += 1
        return Rows(Engagement(a, b, len(sources[a, b, "contradicts"]), len(sources[a, b, "supports"]),
                               edges[a, b, "contradicts"], edges[a, b, "supports"])
                    for a, b in permutations(self.map.perspectives, 2))

    def disagreements(self) -> Rows[CrossEdge]:
        """Every cross-perspective ``contradicts`` edge, with both claims and the note; then the undercuts.

        An undercut's edge has kind ``undercuts``, its target the conclusion,
        and ``reason`` the claim whose support of it is denied.

        >>> import argmap
        >>> first = Comparison(argmap.example_map()).disagreements()[0]
        >>> first.source, first.target, first.note
        ('cof.best', 'tea.best', 'Only one can be the better morning drink.')
        """
        return Rows(self._contradictions)

    def clashes(self) -> Rows[Clash]:
        """Each pair of clashing claims once, whichever claim lists the edge, mutual ones first.

        >>> import argmap
        >>> m = argmap.loads(argmap.io.examples.TEA_OR_COFFEE.replace(
        ...     "    kind: thesis\\n  - id: tea.gentle", "    kind: thesis\\n    contradicts: [cof.best]\\n  - id: tea.gentle"))
        >>> [(c.first, c.second, c.mutual, len(c.edges)) for c in Comparison(m).clashes()]
        [('tea.best', 'cof.best', True, 2), ('cof.alert', 'tea.gentle', False, 1)]
        """
        pairs: dict[frozenset[str], list[CrossEdge]] = defaultdict(list)
        for edge in self._contradictions:
            pairs[frozenset((edge.source, edge.target))].append(edge)
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
                       for r in self._both_ways if r.kind == "contradicts"}
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
        order = {perspective: i for i, perspective in enumerate(self.map.perspectives)}
        paired: dict[str, list[str]] = defaultdict(list)
        for r in agreements:
            left, right = sorted((r.source, r.target), key=lambda c: order[self.claims[c].perspective])
            paired[right].append(left)
        pairs = sorted(((right, tuple(lefts)) for right, lefts in paired.items()),
                       key=lambda row: (order[self.claims[row[1][0]].perspective], order[self.claims[row[0]].perspective]))
        return CommonGround(Rows(self._edge(r) for r in agreements), endorsed, Rows(self._edge(r) for r in uses),
                            pairs)

    def unanswered(self, limit: int | None = None) -> Rows[Unanswered]:
        """Claims another side never engages, directly or through their reasons.

        Ranked by load, then by how many own-side claims rest on them.
        ``limit`` keeps the first so many; :meth:`count_unanswered` says how
        many there are.

        >>> import argmap
        >>> top = Comparison(argmap.example_map()).unanswered()[0]
        >>> top.claim, top.unanswered_by, top.load, top.path
        ('cof.alert', 'tea', 2, ('cof.alert', 'cof.best'))
        """
        return self.unanswered_among(None, limit)

    def count_unanswered(self) -> int:
        """How many rows :meth:`unanswered` lists."""
        return sum(len(claim_ids) for _, _, claim_ids in self._unengaged)

    def unanswered_among(self, keep: Callable[[str, str, int], bool] | None,
                         limit: int | None = None) -> Rows[Unanswered]:
        """:meth:`unanswered`, only for the claims ``keep(claim, perspective, load)`` accepts.

        Counting every claim's dependants costs more than the rest of the
        comparison on a large map (0.9 s at 100,000 claims). So for a few
        claims each is counted alone: for the kept ones, or for the ones that
        can rank within ``limit`` (those whose load reaches the limit-th).

        >>> import argmap
        >>> [u.claim for u in Comparison(argmap.example_map()).unanswered_among(lambda c, p, load: load > 1)]
        ['cof.alert']
        """
        found = [(claim_id, side, other, side.load.get(claim_id, 0))
                 for perspective, other, claim_ids in self._unengaged for side in (self.sides[perspective],)
                 for claim_id in claim_ids if keep is None or keep(claim_id, perspective, side.load.get(claim_id, 0))]
        if limit is not None and 0 < limit < len(found):
            floor = heapq.nlargest(limit, (load for *_, load in found))[-1]
            found = [row for row in found if row[3] >= floor]
        few = (keep is not None or limit is not None) and len(found) <= FEW_DEPENDANTS

        def dependants(claim_id: str, side: Side) -> int:
            if not few:
                return self.dependants[side.perspective][claim_id]
            graph, index = self._side_graph(side.perspective)
            return len(rx.descendants(graph, index[claim_id]))

        results = [Unanswered(claim_id, side.perspective, self.claims[claim_id].text, other, load,
                              dependants(claim_id, side), self.path_to_thesis(claim_id))
                   for claim_id, side, other, load in found]
        return Rows(sorted(results, key=lambda u: (-u.load, -u.dependants, u.claim))[:limit])

    def _side_graph(self, perspective: str) -> tuple[rx.PyDiGraph, dict[str, int]]:
        """A side's supports as a rustworkx graph, and each of its claims' node."""
        if perspective not in self._side_graphs:
            own = self._side_supports[perspective]
            self._side_graphs[perspective] = own.graph(), {claim_id: i for i, claim_id in enumerate(own.claims)}
        return self._side_graphs[perspective]

    @cached_property
    def _contradictions(self) -> list[CrossEdge]:
        """Every cross-perspective ``contradicts`` edge, in file order, then every undercut between the sides."""
        relations: list[Relation | Undercut] = [r for r in self._both_ways if r.kind == "contradicts"]
        return [self._edge(r) for r in relations + self.cross_undercuts]

    @cached_property
    def _unengaged(self) -> list[tuple[str, str, list[str]]]:
        """For each perspective and each other one, the asserted claims the other never engages, in file order."""
        stored = self.store.get("unengaged") if self.store is not None else None
        found = decode_claim_lists(stored, self.sides) if stored is not None else None
        if found is not None:
            return found
        every = joined_supports(self._side_supports, self.cross_relations)
        supports, index = every.graph(), {claim_id: i for i, claim_id in enumerate(every.claims)}
        perspective_of, claims = self._perspective_of, self.claims
        found = []
        for perspective, side in self.sides.items():
            first = index[side.claims[0]] if side.claims else 0  # each side's claims are consecutive in ``every``
            for other in self.map.perspectives:
                if other == perspective:
                    continue
                touched = {index[r.target] for r in self._both_ways
                           if perspective_of[r.source] == other and perspective_of[r.target] == perspective}
                touched |= {index[claim_id] for u in self.cross_undercuts if perspective_of[u.source] == other
                            for claim_id in u.support if perspective_of[claim_id] == perspective}
                touched |= {index[claim_id] for claim_id in self._answering_a_question_of(other)
                            if perspective_of[claim_id] == perspective}
                # Engaging a reason engages every conclusion it supports.
                engaged = set(chain.from_iterable(rx.bfs_layers(supports, list(touched))))
                found.append((perspective, other, [claim_id for i, claim_id in enumerate(side.claims, first)
                                                   if i not in engaged and claims[claim_id].asserted]))
        if self.store is not None:
            self.store.put("unengaged", encode_claim_lists(self.sides, found))
        return found

    def _answering_a_question_of(self, other: str) -> list[str]:
        """The claims that answer a question ``other`` answers too: a shared question engages them."""
        asked: dict[str, set[str]] = defaultdict(set)
        for claim in self.claims.values():
            for answer in claim.answers:
                asked[answer.question].add(claim.perspective)
        return [claim.id for claim in self.claims.values()
                if any(other in asked[a.question] and claim.perspective != other for a in claim.answers)]

    @cached_property
    def case_sizes(self) -> dict[str, int]:
        """How many claims each perspective asserts: the size of its case."""
        return dict(Counter(c.perspective for c in self.claims.values() if c.asserted))

    @cached_property
    def _against(self) -> dict[str, list[Relation | Undercut]]:
        """Each claim's cross-perspective ``contradicts`` relations, either way, in file order; then undercuts.

        An undercut counts against its source and against the reason whose support it denies.
        """
        against: dict[str, list[Relation | Undercut]] = defaultdict(list)
        for r in self._both_ways:
            if r.kind == "contradicts":
                against[r.source].append(r)
                against[r.target].append(r)
        for u in self.cross_undercuts:  # what is contested is the reason's use: what rests on it
            against[u.source].append(u)
            against[u.reason].append(u)
        return against

    @cached_property
    def _shares(self) -> dict[str, float]:
        """For each claim that supports a thesis, the share of the thesis's support that would fall with it."""
        return {claim_id: round(side.load[claim_id] / side.support_size[thesis], 3)
                for side in self.sides.values() for claim_id, thesis in side.thesis_of.items()}

    @cached_property
    def _contested(self) -> list[str]:
        """The claims :meth:`cruxes` lists, in the order of :attr:`_against`: asserted, not theses, contradicted."""
        claims = self.claims
        return [claim_id for claim_id in self._against
                if claims[claim_id].kind != "thesis" and claims[claim_id].asserted]

    @cached_property
    def _ranked_cruxes(self) -> list[str]:
        """The cruxes' claims, best first; the records are built afterwards, for the rows asked.

        A 100,000-claim map has 93,828 cruxes, and a reader asks for the top.
        """
        def rank() -> list[tuple[str, ...]]:
            denied = {(r.source, r.target) for r in self._both_ways if r.kind == "contradicts"}
            mutual = {source for source, target in denied if (target, source) in denied}
            claims, sides, case_sizes, shares = self.claims, self.sides, self.case_sizes, self._shares
            # A stand-alone claim (how a side's practice works, advice) ranks after the claims its thesis rests on,
            # unless it answers a question the sides answer differently: a crux the map says it is part of.
            asked = {q.question for q in self.questions() if q.contested} if self.map.questions else set()
            ranked = []
            for claim_id in self._contested:
                claim = claims[claim_id]
                perspective = claim.perspective
                case_size = case_sizes[perspective]
                weight = sides[perspective].weight[claim_id]
                aside = STANDS_ALONE in claim.tags and not any(a.question in asked for a in claim.answers)
                ranked.append(((claim_id not in mutual, aside, -(weight / case_size if case_size else 0.0),
                                -shares.get(claim_id, 0.0), claim_id), claim_id))
            ranked.sort(key=itemgetter(0))  # claim ids are unique, so two keys never tie
            return [(claim_id,) for _, claim_id in ranked]
        return [claim_id for (claim_id,) in self._kept("cruxes", 1, rank)]

    @cached_property
    def _ranked_doubles(self) -> list[tuple[str, str]]:
        """Each pair of clashing cruxes (in id order), best first.

        Both claims must carry some of their thesis's support: a claim nothing of the thesis rests on is no
        crux for its side, so a pair with one is no double crux.
        """
        def rank() -> list[tuple[str, ...]]:
            shares = self._shares
            cruxes = {c for c in self._contested if shares.get(c, 0.0) > 0}  # which they are, not how they rank
            pairs = dict.fromkeys((r.source, r.target) if r.source < r.target else (r.target, r.source)
                                  for r in self.cross_relations
                                  if r.kind == "contradicts" and r.source in cruxes and r.target in cruxes)
            return sorted(pairs, key=lambda pair: (-min(shares.get(pair[0], 0.0), shares.get(pair[1], 0.0)), pair[0]))
        return [(a, b) for a, b in self._kept("double-cruxes", 2, rank)]

    def _kept(self, kind: str, width: int, compute: Callable[[], list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
        """``compute()``'s rows of ``width`` claim ids, from the store when it holds them for this map."""
        ids = list(self.claims)
        stored = self.store.get(kind) if self.store is not None else None
        if isinstance(stored, list) and all(isinstance(row, list) and len(row) == width
                                            and all(type(i) is int and 0 <= i < len(ids) for i in row)
                                            for row in stored):
            return [tuple(ids[i] for i in row) for row in stored]
        found = compute()
        if self.store is not None:
            index = {claim_id: i for i, claim_id in enumerate(ids)}
            self.store.put(kind, [[index[claim_id] for claim_id in row] for row in found])
        return found

    def _crux(self, claim_id: str, edges: dict[int, CrossEdge]) -> Crux:
        """The record of a contested claim; ``edges`` keeps each relation's edge, so cruxes share them."""
        claim = self.claims[claim_id]
        side = self.sides[claim.perspective]
        thesis = side.thesis_of.get(claim_id)
        size = side.support_size[thesis] if thesis else 0
        load = side.load.get(claim_id, 0)
        opponents = tuple(edges[id(r)] if id(r) in edges else edges.setdefault(id(r), self._edge(r))
                          for r in self._against[claim_id])
        mutual = any(e.source == claim_id and e.kind == "contradicts" and any(
            o.source == e.target and o.kind == "contradicts" for o in opponents) for e in opponents)
        return Crux(claim_id, claim.perspective, claim.text, thesis, load, size, round(load / size, 3) if size else 0.0,
                    self._path(side, thesis, claim_id) if thesis else (), opponents, side.weight[claim_id],
                    self.case_sizes[claim.perspective], mutual)

    def cruxes(self, limit: int | None = None) -> Rows[Crux]:
        """Asserted claims in a cross-perspective clash, ranked by how much rests on them.

        Theses themselves are left out: they are what is disputed, not a crux.
        Mutual clashes, where each side denies the other, rank first; claims
        tagged ``stands-alone`` rank after the rest unless they answer a
        question the sides answer differently; then the share of the side's
        case that rests on the claim (its weight over the claims the side
        asserts), then the share of the thesis's support that would fall with it. ``limit`` keeps the first so many, and builds
        only their records; :meth:`count_cruxes` says how many there are.

        >>> import argmap
        >>> crux = Comparison(argmap.example_map()).cruxes()[0]
        >>> crux.claim, crux.share, crux.path, [(edge.source, edge.target) for edge in crux.opponents]
        ('cof.alert', 1.0, ('cof.alert', 'cof.best'), [('cof.alert', 'tea.gentle')])
        """
        edges: dict[int, CrossEdge] = {}
        return Rows(self._crux(claim_id, edges) for claim_id in self._ranked_cruxes[:limit])

    def count_cruxes(self) -> int:
        """How many cruxes :meth:`cruxes` lists."""
        return len(self._ranked_cruxes)

    def double_cruxes(self, limit: int | None = None) -> Rows[DoubleCrux]:
        """Pairs of clashing claims where each is load-bearing for its own side.

        Ranked by the smaller of the two shares: a double crux matters as much
        as its weaker half. ``limit`` keeps the first so many, as in :meth:`cruxes`.

        >>> import argmap
        >>> pair = Comparison(argmap.example_map()).double_cruxes()[0]
        >>> pair.first.claim, pair.second.claim, pair.edges[0].note
        ('cof.alert', 'tea.gentle', 'A gentle start is a slow start.')
        """
        pairs = self._ranked_doubles[:limit]
        wanted = {claim_id for pair in pairs for claim_id in pair}
        edges: dict[int, CrossEdge] = {}
        cruxes = {claim_id: self._crux(claim_id, edges) for claim_id in sorted(wanted)}
        return Rows(DoubleCrux(cruxes[a], cruxes[b], tuple(edges[id(r)] for r in self._against[a]
                                                            if isinstance(r, Relation) and {r.source, r.target} == {a, b}))
                    for a, b in pairs)

    def questions(self) -> Rows[QuestionView]:
        """The map's declared questions with each side's answer: double cruxes first, then contested, then the rest.

        See :mod:`argmap.analysis.questions` for what the counts mean.
        """
        return self._question_views

    @cached_property
    def _question_views(self) -> Rows[QuestionView]:
        return question_views(self.map, self.sides, self.case_sizes)

    def count_double_cruxes(self) -> int:
        """How many pairs :meth:`double_cruxes` lists."""
        return len(self._ranked_doubles)
