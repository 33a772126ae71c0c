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
from typing import Hashable, Iterable, Iterator, TypeAlias

from ..errors import EnumerationLimit
from ..graph import attack_graph, edges_of_kind, support_graph
from ..model import ArgumentMap
from .answers import Rows, html_table, record
from .arrows import Arrows
from .sides import Store
from .._lazy import nx  # networkx, imported on first use

DEFAULT_LIMIT = 10_000
SAT_SOLVER = "cadical153"  # chosen by bench/semantics.py

Extension = frozenset
#: An attack or support graph: a ``networkx.DiGraph``, or the lighter :class:`~argmap.analysis.arrows.Arrows`.
Graph: TypeAlias = "nx.DiGraph | Arrows"


def grounded_extension(attacks: nx.DiGraph, *, supports: nx.DiGraph | None = None) -> Extension:
    """The grounded extension: what is accepted with no choice at all.

    Linear in arguments plus attacks: an argument is IN once all its attackers
    are OUT, and OUT once one attacker is IN.

    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "c")])))
    ['a', 'c']
    >>> sorted(grounded_extension(nx.DiGraph([("a", "b"), ("b", "a")])))
    []
    """
    return grounded_labelling(attacks, supports=supports)[0]


def grounded_labelling(attacks: Graph, *, supports: Graph | None = None) -> tuple[Extension, Extension]:
    """The grounded labelling as its IN and OUT sets; every other argument is UNDEC.

    With ``supports`` it is the least fixed point of the support-aware
    conditions: IN once every attacker is OUT and, if it has reasons, one
    reason is IN; OUT once an attacker is IN or every reason is OUT. Every
    complete labelling agrees with it where it decides, so the SAT search
    needs only the arguments it leaves UNDEC. Linear.

    >>> accepted, defeated = grounded_labelling(nx.DiGraph([("a", "b"), ("c", "d"), ("d", "c")]))
    >>> sorted(accepted), sorted(defeated)
    (['a'], ['b'])
    >>> supports = nx.DiGraph([("b", "e")])  # e's only reason is out, so e falls with it
    >>> [sorted(side) for side in grounded_labelling(nx.DiGraph([("a", "b"), ("a", "e")]), supports=supports)]
    [['a'], ['b', 'e']]
    """
    victims: dict[Hashable, Iterable[Hashable]] = dict(attacks.adjacency())
    conclusions: dict[Hashable, Iterable[Hashable]] = dict(supports.adjacency()) if supports is not None else {}
    attackers_left = dict(attacks.in_degree())
    reasons_left = {node: count for node, count in supports.in_degree() if count} if supports is not None else {}
    reason_in: set[Hashable] = set()
    accepted: set[Hashable] = set()
    defeated: set[Hashable] = set()
    # A claim waits in ``ready`` once it can be IN, in ``beaten`` once it must be OUT. The conditions
    # only ever become true (the labelling grows), so each is checked when what it reads changes.
    ready = [node for node, count in attackers_left.items() if not count and node not in reasons_left]
    beaten: list[Hashable] = []
    while ready or beaten:
        if beaten:
            node = beaten.pop()
            if node in defeated or node in accepted:
                continue
            defeated.add(node)
            for victim in victims[node]:
                left = attackers_left[victim] = attackers_left[victim] - 1
                if not left and (victim not in reasons_left or victim in reason_in):
                    ready.append(victim)
            for conclusion in conclusions.get(node, ()):
                left = reasons_left[conclusion] = reasons_left[conclusion] - 1
                if not left:
                    beaten.append(conclusion)
            continue
        node = ready.pop()
        if node in accepted or node in defeated:
            continue
        accepted.add(node)
        beaten.extend(victims[node])
        for conclusion in conclusions.get(node, ()):
            if conclusion not in reason_in:
                reason_in.add(conclusion)
                if not attackers_left[conclusion]:
                    ready.append(conclusion)
    return frozenset(accepted), frozenset(defeated)


def well_founded(accepted: frozenset, reasons: dict[Hashable, list[Hashable]]) -> frozenset:
    """The claims of ``accepted`` whose support reaches, within ``accepted``, a claim with no reasons.

    ``reasons`` maps a claim to its reasons; a claim not in it has none.

    >>> sorted(well_founded(frozenset("abcd"), {"a": ["b"], "b": ["c"], "d": ["e"]}))
    ['a', 'b', 'c']
    >>> sorted(well_founded(frozenset("ab"), {"a": ["b"], "b": ["a"]}))  # a cycle does not stand by itself
    []
    """
    founded = {node for node in accepted if node not in reasons}
    supported_by: dict[Hashable, list[Hashable]] = {}
    for node in accepted:
        for reason in reasons.get(node, ()):
            supported_by.setdefault(reason, []).append(node)
    queue = deque(founded)
    while queue:
        for conclusion in supported_by.get(queue.popleft(), ()):
            if conclusion not in founded:
                founded.add(conclusion)
                queue.append(conclusion)
    return frozenset(founded)


class _Labelling:
    """A SAT encoding of the complete labellings of an attack graph, with or without supports.

    With ``supports`` (reason → conclusion), a claim that has reasons is IN
    only while all its attackers are OUT and one of its reasons is IN, and OUT
    once an attacker is IN or all its reasons are OUT. IN claims must also be
    well-founded: every reason chain ends in a claim with no reasons. That is
    not a local condition, so :meth:`solve` adds it lazily: when a model's IN
    set holds claims supported only from within themselves (an unfounded set),
    a loop clause forbids them IN without a reason from outside, and the
    solver tries again, as answer-set solvers do with loop formulas.
    """

    def __init__(self, attacks: Graph, *, stable: bool = False, supports: Graph | None = None,
                 grounded: tuple[Extension, Extension] | None = None):
        from pysat.solvers import Solver

        # Only what the grounded labelling leaves UNDEC is searched; its IN and OUT claims are
        # constants. On a generated 100,000-claim map that leaves nothing to search.
        self.fixed_in, fixed_out = grounded or grounded_labelling(attacks, supports=supports)
        self.arguments = [node for node in attacks if node not in self.fixed_in and node not in fixed_out]
        index = {node: i for i, node in enumerate(self.arguments)}
        self.in_var = {node: 2 * i + 1 for node, i in index.items()}
        self.out_var = {node: 2 * i + 2 for node, i in index.items()}
        self.next_var = 2 * len(self.arguments) + 1
        self.exhausted = False
        self.solver = Solver(name=SAT_SOLVER)
        add = self.solver.add_clause
        self.reasons: dict[Hashable, list[Hashable]] = {}
        for node in self.arguments:
            in_, out = self.in_var[node], self.out_var[node]
            # No attacker is IN (it would be OUT), so the OUT ones drop out; likewise its reasons.
            attackers = [b for b in attacks.predecessors(node) if b not in fixed_out]
            all_reasons = list(supports.predecessors(node)) if supports is not None and node in supports else []
            reasons = [r for r in all_reasons if r not in fixed_out]
            add([-in_, -out])
            for b in attackers:
                add([-in_, self.out_var[b]])  # IN needs every attacker OUT
                add([-self.in_var[b], out])  # an IN attacker makes it OUT
            if not all_reasons or any(r in self.fixed_in for r in reasons):  # no reasons, or one stands
                add([in_] + [-self.out_var[b] for b in attackers])  # IN iff every attacker is OUT
                add([-out] + [self.in_var[b] for b in attackers])  # OUT iff some attacker is IN
            else:
                self.reasons[node] = reasons
                some_in, all_out = self.fresh_var(), self.fresh_var()
                add([-some_in] + [self.in_var[r] for r in reasons])
                for r in reasons:
                    add([-self.in_var[r], some_in])
                    add([-all_out, self.out_var[r]])
                add([all_out] + [-self.out_var[r] for r in reasons])
                add([-in_, some_in])  # IN needs an IN reason ...
                add([in_, -some_in] + [-self.out_var[b] for b in attackers])  # ... and then it is IN
                add([-out, all_out] + [self.in_var[b] for b in attackers])  # OUT iff an attacker IN or no reason left
                add([-all_out, out])
            if stable:
                add([in_, out])

    def fresh_var(self) -> int:
        self.next_var += 1
        return self.next_var

    def solve(self, assumptions: list[int] = ()) -> Extension | None:  # type: ignore[assignment]
        """An extension, or ``None`` when no (further) one exists."""
        while True:
            if self.exhausted or not self.solver.solve(assumptions=list(assumptions)):
                return None
            true = {v for v in self.solver.get_model() or () if v > 0}
            accepted = frozenset(node for node in self.arguments if self.in_var[node] in true)
            unfounded = accepted - well_founded(accepted, self.reasons)
            if not unfounded:
                return accepted | self.fixed_in
            outside = {r for node in unfounded for r in self.reasons[node]} - unfounded
            for node in unfounded:  # IN only with a reason from outside the set
                self.solver.add_clause([-self.in_var[node]] + [self.in_var[r] for r in outside])

    def block(self, extension: Extension) -> None:
        """Forbid exactly this IN set from being found again."""
        if not self.arguments:  # the grounded labelling was the only one
            self.exhausted = True
            return
        self.solver.add_clause([-self.in_var[a] if a in extension else self.in_var[a] for a in self.arguments])

    def close(self) -> None:
        self.solver.delete()


def _enumerate(attacks: nx.DiGraph, semantics: str, limit: int, *, stable: bool,
               supports: nx.DiGraph | None) -> Iterator[Extension]:
    labelling = _Labelling(attacks, stable=stable, supports=supports)
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


def _canonical(extensions: list[Extension]) -> Rows[Extension]:
    """Extensions in a fixed order, whatever order the solver found them in."""
    return Rows(sorted(extensions, key=lambda e: (len(e), sorted(map(str, e)))))


def complete_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT,
                        supports: nx.DiGraph | None = None) -> Rows[Extension]:
    """Every complete extension (admissible, and containing all it defends).

    >>> sorted(sorted(e) for e in complete_extensions(nx.DiGraph([("a", "b"), ("b", "a")])))
    [[], ['a'], ['b']]
    """
    return _canonical(list(_enumerate(attacks, "complete", limit, stable=False, supports=supports)))


def stable_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT,
                      supports: nx.DiGraph | None = None) -> Rows[Extension]:
    """Every stable extension (conflict-free, attacking everything outside it).

    >>> stable_extensions(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]))
    []
    """
    return _canonical(list(_enumerate(attacks, "stable", limit, stable=True, supports=supports)))


def preferred_extensions(attacks: nx.DiGraph, *, limit: int = DEFAULT_LIMIT,
                         supports: nx.DiGraph | None = None) -> Rows[Extension]:
    """Every preferred extension (a maximal admissible set).

    Each is found by growing a complete extension until no strictly larger
    one exists; found ones are then excluded as subsets.

    >>> [sorted(e) for e in preferred_extensions(nx.DiGraph([("a", "a")]))]
    [[]]
    """
    return _preferred(attacks, limit, supports, None)


def _preferred(attacks: Graph, limit: int, supports: Graph | None,
               grounded: tuple[Extension, Extension] | None) -> Rows[Extension]:
    """:func:`preferred_extensions`, given the grounded labelling when it is already known."""
    labelling = _Labelling(attacks, supports=supports, grounded=grounded)
    preferred: list[Extension] = []
    try:
        while (candidate := labelling.solve()) is not None:
            while True:  # grow to a maximal one
                selector = labelling.fresh_var()
                outside = [labelling.in_var[a] for a in labelling.arguments if a not in candidate]
                labelling.solver.add_clause([-selector] + outside)
                larger = labelling.solve([selector] + [labelling.in_var[a] for a in labelling.arguments
                                                       if a in candidate])
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
    """What one perspective can coherently accept, under the semantics chosen.

    Under ``audience`` semantics the side is an audience that prefers its own
    asserted claims, and ``accepted``, ``coherent``, ``conflicts`` and
    ``rejected`` say what that audience makes of the map; under ``bipolar``
    and ``dung`` they are left empty.
    """

    perspective: str
    theses: tuple[str, ...]
    theses_accepted: bool  # some of its best extensions contain all its theses (audience: every one does)
    own_claims_kept: int  # the most of its own claims one preferred extension holds
    acceptable: frozenset  # claims in at least one of its best extensions
    #: claims in every one of its preferred extensions (audience semantics)
    accepted: frozenset = frozenset()
    #: its own claims attack none of its own claims, so it can hold its whole case at once
    coherent: bool = True
    #: the (attacker, attacked) pairs among its own claims that make it incoherent
    conflicts: tuple[tuple[str, str], ...] = ()
    #: the other sides' asserted claims it must reject: in none of its preferred extensions
    rejected: frozenset = frozenset()


@dataclass(frozen=True)
class Acceptance:
    """Per-perspective acceptance, plus what every side and no side can accept.

    Under ``audience`` semantics ``by_all`` is objective acceptance (in every
    preferred extension of every audience) and ``by_none`` the claims no
    audience can accept, not even subjectively (in no preferred extension of any).
    """

    grounded: frozenset
    preferred_count: int
    sides: tuple[SideAcceptance, ...]
    by_all: frozenset
    by_none: frozenset
    #: which semantics answered: "audience", "bipolar" (support-aware) or "dung"
    semantics: str = "audience"

    @property
    def subjective(self) -> frozenset:
        """Claims some side can accept (subjective acceptance, under audience semantics)."""
        return frozenset().union(*(side.acceptable for side in self.sides))

    def __repr__(self) -> str:
        sides = "; ".join(f"{s.perspective} can accept {len(s.acceptable)} (theses "
                          f"{'hold' if s.theses_accepted else 'fall'})" for s in self.sides)
        return (f"Acceptance ({self.semantics}): {sides}; all can accept {len(self.by_all)}, "
                f"none can accept {len(self.by_none)}")

    def _repr_html_(self) -> str:
        sides = [{**record(side), "acceptable": len(side.acceptable), "accepted": len(side.accepted),
                  "rejected": len(side.rejected)} for side in self.sides]
        overall = [{"who": "every side", "claims": len(self.by_all), "which": record(self.by_all)["claims"]},
                   {"who": "no side", "claims": len(self.by_none), "which": record(self.by_none)["claims"]}]
        return (html_table(sides, f"What each side can accept ({self.semantics} semantics)")
                + html_table(overall, f"{self.preferred_count} preferred extensions; "
                                      f"{len(self.grounded)} claims grounded"))


#: The semantics :func:`acceptance` can use; the first is the default.
SEMANTICS = ("audience", "bipolar", "dung")


def acceptance(argument_map: ArgumentMap, *, limit: int = DEFAULT_LIMIT, semantics: str = "audience",
               store: Store | None = None) -> Acceptance:
    """Which claims each perspective can accept, which all can, which none can.

    ``semantics="audience"`` (the default) reads each perspective as an
    audience that prefers its own asserted claims: an attack by another
    perspective's claim on one of them, or another perspective's undercut of
    a support between two of them, does not succeed for that audience. This
    is a value-based argumentation framework (Bench-Capon 2003, "Persuasion
    in practical argument using value-based argumentation frameworks",
    J. Logic and Computation 13(3)), each claim's value being its perspective
    and each audience ranking its own value above the others; a claim marked
    ``asserted: false`` carries no audience's value. Each audience's
    acceptance is the bipolar one below, under its own defeats, so a side no
    longer "cannot accept" its own claims only because the other side
    attacked them and nobody answered, as the two articles of a debate
    rarely answer each other. ``by_all`` is objective acceptance: what every
    audience accepts in every one of its preferred extensions.

    ``semantics="bipolar"`` respects support: a claim that has reasons in the
    map stands only while one of its reasons stands, and its support must be
    well-founded, so claims that only support each other do not stand by
    themselves. This is the bipolar abstract dialectical framework of the map
    (Brewka & Woltran 2010; Brewka et al. 2013), each claim's acceptance
    condition being "no attacker is accepted and, if it has reasons, one
    reason is accepted", read with the well-founded support of evidential
    argumentation (Oren & Norman 2008): its complete labellings whose
    accepted claims are well-founded, maximal in what they accept. An undercut
    (Pollock 1987, "Defeasible reasoning", Cognitive Science 11(4)) attacks
    one support: once the undercutter is accepted, that support carries
    nothing, and the conclusion stands only on its other reasons. It is read
    as AIF reads it, through an inference node between the reason and the
    conclusion that the undercutter attacks (:func:`framework`).

    ``semantics="dung"`` is plain Dung over the contradicts edges, ignoring
    supports and so undercuts. Under bipolar and dung a side's *best*
    extensions are the preferred extensions that keep the most of its own
    claims, and it can accept exactly the claims in one of them. ``store``
    keeps the extensions between runs, as the comparison's measures are kept.

    >>> import argmap
    >>> result = acceptance(argmap.example_map(), semantics="bipolar")
    >>> [(side.perspective, side.theses_accepted, side.own_claims_kept) for side in result.sides]
    [('tea', False, 2), ('coffee', True, 4)]
    >>> sorted(result.by_none), result.preferred_count
    (['tea.best', 'tea.gentle'], 1)
    >>> result = acceptance(argmap.example_map())  # as an audience, each side keeps its own case
    >>> [(side.perspective, side.theses_accepted, side.coherent, sorted(side.rejected)) for side in result.sides]
    [('tea', True, True, []), ('coffee', True, True, ['tea.best', 'tea.gentle'])]
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"semantics must be one of {', '.join(SEMANTICS)}")
    if semantics == "audience":
        return _audience_acceptance(argument_map, limit, store)
    accepted, extensions = _extensions_kept(argument_map, semantics, limit, store)
    sides = []
    for perspective in argument_map.perspectives:
        own = _own_claims(argument_map, perspective)
        theses = _theses(argument_map, perspective)
        kept = max((len(e & own) for e in extensions), default=0)
        best = [e for e in extensions if len(e & own) == kept]
        sides.append(SideAcceptance(perspective, theses, any(set(theses) <= e for e in best), kept,
                                    frozenset().union(*best)))
    acceptable = [side.acceptable for side in sides]
    everything = frozenset(argument_map.claims)
    return Acceptance(
        accepted,
        len(extensions),
        tuple(sides),
        frozenset.intersection(*acceptable) if acceptable else frozenset(),
        everything - frozenset().union(*acceptable),
        semantics,
    )


def _own_claims(argument_map: ArgumentMap, perspective: str) -> frozenset:
    """A side's own claims: the ones it asserts. A view it reports without holding (asserted: false) is not."""
    return frozenset(c.id for c in argument_map.claims.values() if c.perspective == perspective and c.asserted)


def _theses(argument_map: ArgumentMap, perspective: str) -> tuple[str, ...]:
    return tuple(c.id for c in argument_map.claims.values() if c.perspective == perspective and c.kind == "thesis")


def _audience_acceptance(argument_map: ArgumentMap, limit: int, store: Store | None) -> Acceptance:
    sides, grounded_sets, found = [], [], 0
    for perspective in argument_map.perspectives:
        own = _own_claims(argument_map, perspective)
        grounded, extensions = _extensions_kept(argument_map, "audience", limit, store, audience=perspective)
        grounded_sets.append(grounded)
        found += len(extensions)
        theses = _theses(argument_map, perspective)
        acceptable = frozenset().union(*extensions)
        accepted = frozenset.intersection(*extensions) if extensions else frozenset()
        conflicts = tuple(_attacks_within(argument_map, own))
        others = frozenset(c.id for c in argument_map.claims.values() if c.asserted and c.perspective != perspective)
        sides.append(SideAcceptance(perspective, theses, bool(extensions) and set(theses) <= accepted,
                                    max((len(e & own) for e in extensions), default=0), acceptable, accepted,
                                    not conflicts, conflicts, others - acceptable))
    everything = frozenset(argument_map.claims)
    return Acceptance(frozenset.intersection(*grounded_sets) if grounded_sets else frozenset(), found, tuple(sides),
                      frozenset.intersection(*(side.accepted for side in sides)) if sides else frozenset(),
                      everything - frozenset().union(*(side.acceptable for side in sides)), "audience")


def _attacks_within(argument_map: ArgumentMap, own: frozenset) -> list[tuple[str, str]]:
    """Own claims attacking own claims: contradictions, and undercuts of a support between two of them."""
    pairs = [(a, b) for a, b in edges_of_kind(argument_map, "contradicts") if a in own and b in own]
    pairs += [(u.source, u.conclusion) for u in argument_map.undercuts()
              if u.source in own and u.reason in own and u.conclusion in own]
    return list(dict.fromkeys(pairs))


def framework(argument_map: ArgumentMap, *, supports: bool = True,
              audience: str | None = None) -> tuple[Arrows, Arrows | None]:
    """The map's attacks and supports as the semantics read them, for every audience at once or for one.

    Claims are nodes by id. A support that is undercut becomes an inference
    node ``("inference", reason, conclusion)`` between the two, as AIF's RA
    node: the reason supports it, it supports the conclusion, and each
    undercutter attacks it. For an ``audience`` (a perspective), an attack on
    one of its own claims by another perspective's claim, or such an undercut
    of a support between two of its own claims, is left out: it does not
    succeed for that audience. Without ``supports`` (Dung), supports and
    undercuts are left out.

    >>> import argmap
    >>> m = argmap.loads('''
    ... perspective: tea
    ... claims:
    ...   - {id: best, text: Tea is best.}
    ...   - {id: calm, text: Tea calms., supports: [best]}
    ...   - {id: so, text: Calm is beside the point., contradicts: [{support: [calm, best]}]}
    ... ''')
    >>> attacks, supports = framework(m)
    >>> [(a, sorted(b)) for a, b in attacks.adjacency() if b], list(supports.adjacency())[0]
    ([('so', [('inference', 'calm', 'best')])], ('calm', {('inference', 'calm', 'best'): None}))
    """
    claims = argument_map.claims
    own = _own_claims(argument_map, audience) if audience is not None else frozenset()

    def succeeds(attacker: str, *victims: str) -> bool:
        return audience is None or attacker in own or not all(v in own for v in victims)

    attack_edges: list[tuple[Hashable, Hashable]] = [(a, b) for a, b in edges_of_kind(argument_map, "contradicts")
                                                     if succeeds(a, b)]
    if not supports:
        return Arrows(attack_edges, nodes=claims), None
    undercut: dict[tuple[str, str], list[str]] = {}
    for u in argument_map.undercuts():
        if succeeds(u.source, u.reason, u.conclusion):
            undercut.setdefault(u.support, []).append(u.source)
    support_edges: list[tuple[Hashable, Hashable]] = []
    inferences: list[Hashable] = []
    for reason, conclusion in edges_of_kind(argument_map, "supports"):
        if (reason, conclusion) in undercut:
            node = ("inference", reason, conclusion)
            inferences.append(node)
            support_edges += [(reason, node), (node, conclusion)]
            attack_edges += [(u, node) for u in undercut[reason, conclusion]]
        else:
            support_edges.append((reason, conclusion))
    return Arrows(attack_edges, nodes=[*claims, *inferences]), Arrows(support_edges)


def _extensions_kept(argument_map: ArgumentMap, semantics: str, limit: int, store: Store | None, *,
                     audience: str | None = None) -> tuple[Extension, list[Extension]]:
    """The grounded extension and the preferred ones, from ``store`` when it holds them for this map.

    A stored list is complete (it was found within some limit), so a smaller
    limit still fails as a search would. Inference nodes are left out of
    what is returned: the extensions hold claims.
    """
    ids = list(argument_map.claims)
    kind = f"acceptance-{semantics}" + (f"-{audience}" if audience is not None else "")
    stored = store.get(kind) if store is not None else None
    if isinstance(stored, list) and stored and all(
            isinstance(row, list) and all(type(i) is int and 0 <= i < len(ids) for i in row) for row in stored):
        if len(stored) - 1 > limit:
            raise EnumerationLimit("preferred", limit)
        grounded, *found = (frozenset(ids[i] for i in row) for row in stored)
        return grounded, found
    attacks, supports = framework(argument_map, supports=semantics != "dung", audience=audience)
    labelling = grounded_labelling(attacks, supports=supports)
    claims = argument_map.claims
    grounded = frozenset(node for node in labelling[0] if node in claims)
    extensions = [frozenset(node for node in e if node in claims)
                  for e in _preferred(attacks, limit, supports, labelling)]
    if store is not None:
        index = {claim_id: i for i, claim_id in enumerate(ids)}
        store.put(kind, [sorted(index[c] for c in extension) for extension in (grounded, *extensions)])
    return grounded, extensions
