"""The comparison arranged for a reader, shared by the report and the page.

It ranks the clashes by how much of both cases they engage, says in plain
words how much rests on a claim, picks the unanswered claims that carry
weight, and outlines each side's case: thesis, main reasons, what stands
apart, and the views reported in order to be rejected.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..graph import side_heads
from ..model import ArgumentMap, Relation, Undercut
from .compare import Clash, CommonGround, Comparison, CrossEdge, Unanswered
from .questions import QuestionView, SideAnswer
from .sides import Store

#: The kinds of disagreement, in plain words, in the order the report groups them.
ISSUE_WORDS = {
    "empirical": "a question of fact",
    "values": "a question of what matters",
    "definitional": "a question of what words mean",
    None: "a disagreement of unstated kind",
}


class Reading:
    """The comparison arranged for a reader: what rests on each claim, the clashes ranked.

    The report and the page both read the disagreement through this, so they
    tell it in the same order and the same words.

    >>> import argmap
    >>> reading = Reading(argmap.example_map())
    >>> [(c.first, c.second) for c in reading.ranked_clashes]
    [('cof.best', 'tea.best'), ('cof.alert', 'tea.gentle')]
    >>> reading.rests_on("cof.alert")
    'if it fell, 2 of the 2 reasons for the thesis would lose their support'
    """

    def __init__(self, argument_map: ArgumentMap, *, store: Store | None = None):
        self.map = argument_map
        self.comparison = Comparison(argument_map, store=store)
        self.labels = {p.id: p.label for p in argument_map.perspectives.values()}
        self.clashes = self.comparison.clashes()
        self.sides = self.comparison.sides
        self.case_sizes = self.comparison.case_sizes

    def relation(self, edge: CrossEdge) -> Relation | Undercut:
        """The relation the map writes for ``edge``: for the reverse of a mutual one, the one written."""
        if edge.reason is not None:
            return next(u for u in self.map.claims[edge.source].undercuts if u.support == (edge.reason, edge.target))
        found = next((r for r in self.map.claims[edge.source].relations
                      if r.target == edge.target and r.kind == edge.kind), None)
        return found or next(r for r in self.map.claims[edge.target].relations
                             if r.target == edge.source and r.kind == edge.kind and r.mutual)

    def weight(self, claim_id: str) -> int:
        return self.sides[self.map.claims[claim_id].perspective].weight.get(claim_id, 1)

    def rests_on(self, claim_id: str) -> str:
        """How much of its side's case rests on a claim, in plain words."""
        claim = self.map.claims[claim_id]
        side = self.sides[claim.perspective]
        thesis = side.thesis_of.get(claim_id)
        if claim.kind == "thesis":
            return "it is the thesis"
        if thesis:
            load, size = side.load[claim_id], side.support_size[thesis]
            return (f"if it fell, {load} of the {size} reasons for the thesis would lose their support"
                    if load > 1 else f"it is one of the {size} reasons for the thesis")
        weight, size = self.weight(claim_id), self.case_sizes.get(claim.perspective, 0)
        return f"{weight} of the side's {size} asserted claims rest on it" if weight > 1 else "nothing else rests on it"

    @cached_property
    def opponents(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for clash in self.clashes:
            found[clash.first].add(clash.second)
            found[clash.second].add(clash.first)
        return found

    def reach(self, claim_id: str) -> int:
        """How much a clash around this claim engages: its weight and all its opponents' weights."""
        return self.weight(claim_id) + sum(self.weight(o) for o in self.opponents[claim_id])

    @cached_property
    def common_ground(self) -> CommonGround:
        """:meth:`Comparison.common_ground`, computed once."""
        return self.comparison.common_ground()

    def in_map_order(self, a: str, b: str) -> tuple[str, str]:
        """Two claims of a pair, the claim of the perspective ``map.yaml`` lists first, first."""
        order = list(self.map.perspectives)
        pa, pb = (order.index(self.map.claims[c].perspective) for c in (a, b))
        return (a, b) if pa <= pb else (b, a)

    @cached_property
    def ranked_clashes(self) -> list[Clash]:
        """The clashes, mutual first, then by how much of both cases they engage."""
        return sorted(self.clashes, key=lambda c: (
            not c.mutual, -max(self.reach(c.first), self.reach(c.second)),
            -(self.weight(c.first) + self.weight(c.second))))

    def focus(self) -> str | None:
        """The claim the disagreement turns on most: the first of :meth:`Comparison.cruxes`, as ``query cruxes`` ranks it.

        >>> import argmap
        >>> Reading(argmap.example_map()).focus()
        'cof.alert'
        """
        top = self.comparison.cruxes(1)
        return top[0].claim if top else None

    @cached_property
    def questions(self) -> list[QuestionView]:
        """The map's questions, as :meth:`Comparison.questions` ranks them."""
        return list(self.comparison.questions())

    @cached_property
    def contested_questions(self) -> list[QuestionView]:
        """The questions the sides answer differently, double cruxes first."""
        return [q for q in self.questions if q.contested]

    @cached_property
    def agreed_questions(self) -> list[QuestionView]:
        return [q for q in self.questions if q.agreed]

    @cached_property
    def one_sided_questions(self) -> list[QuestionView]:
        """The questions only one side answers: the other does not engage them."""
        return [q for q in self.questions if len(q.answers) == 1]

    def question_of(self, clash: Clash) -> str | None:
        """The question both claims of a clash answer, if there is one: the clash belongs under it."""
        asked = [{a.question for a in self.map.claims[c].answers} for c in (clash.first, clash.second)]
        return next((q.question for q in self.questions if q.question in asked[0] & asked[1]), None)

    def answer_rests(self, answer: SideAnswer) -> str:
        """How much of a side's case rests on its answer to a question, in plain words, its denominator said.

        >>> import argmap
        >>> from argmap.analysis.questions import SideAnswer
        >>> reading = Reading(argmap.example_map())
        >>> reading.answer_rests(SideAnswer("tea", ("yes",), ("tea.gentle",), 1, 2, 2, 4))
        '1 of its 2 reasons for its thesis rests on it'
        >>> reading.answer_rests(SideAnswer("tea", ("yes",), ("tea.ritual",), 0, 2, 1, 4))
        'no reason for its thesis rests on it (1 of its 4 asserted claims does)'
        """
        if any(self.map.claims[c].kind == "thesis" for c in answer.claims):
            return f"its thesis answers: all {answer.thesis_support} of its reasons for it rest on the answer"
        if answer.rests_on_thesis:
            verb = "rests" if answer.rests_on_thesis == 1 else "rest"
            return f"{answer.rests_on_thesis} of its {answer.thesis_support} reasons for its thesis {verb} on it"
        verb = "does" if answer.rests_in_case == 1 else "do"
        return (f"no reason for its thesis rests on it ({answer.rests_in_case} of its {answer.case_size} "
                f"asserted claims {verb})")

    @property
    def agreement_rows(self) -> list[tuple[str, tuple[str, ...]]]:
        """:attr:`CommonGround.pairs`: the places the sides agree, as every view counts them."""
        return self.common_ground.pairs

    def issue(self, clash: Clash) -> str | None:
        return next((i for i in (self.relation(e).issue for e in clash.edges) if i), None)


@dataclass(frozen=True)
class Case:
    """One side's case in outline."""

    perspective: str
    theses: tuple[str, ...]  # its theses; for a side with none, its objections to another side's thesis
    reasons: tuple[str, ...]  # the theses' direct own-side reasons, heaviest first (reader comments apart)
    comments: tuple[str, ...]  # reader comments that support a thesis directly
    apart: tuple[str, ...]  # asserted conclusions outside the theses' support that carry weight or link across
    foils: tuple[str, ...]  # views the side reports in order to reject them
    #: the side has no thesis of its own: ``theses`` are its objections to another side's
    objections: bool = False


def case_of(reading: Reading, perspective: str) -> Case:
    """The outline of one side's case.

    >>> import argmap
    >>> case = case_of(Reading(argmap.example_map()), "tea")
    >>> case.theses, case.reasons
    (('tea.best',), ('tea.gentle', 'tea.ritual'))
    """
    argument_map = reading.map
    side = reading.sides.get(perspective)
    claims = [c for c in argument_map.claims.values() if c.perspective == perspective]
    if side is None:
        return Case(perspective, (), (), (), (), tuple(c.id for c in claims if not c.asserted))
    theses = argument_map.view(side_heads).get(perspective, [])
    objections = bool(theses) and not any(argument_map.claims[t].kind == "thesis" for t in theses)
    if objections:  # its heaviest objections first, as a reader wants them
        theses = sorted(theses, key=lambda t: -reading.weight(t))
    supports = side.supports
    direct = list(dict.fromkeys(r for thesis in theses if thesis in supports for r in supports.predecessors(thesis)))
    # Every claim that reaches a thesis, in one walk back from all of them (one per thesis was quadratic).
    placed, frontier = set(theses), [thesis for thesis in theses if thesis in supports]
    while frontier:
        for reason in supports.predecessors(frontier.pop()):
            if reason not in placed:
                placed.add(reason)
                frontier.append(reason)
    direct.sort(key=lambda i: -reading.weight(i))  # stable: file order among equals
    comments = [r for r in direct if "comment" in argument_map.claims[r].tags]
    linked = {claim for r in reading.comparison.cross_relations for claim in (r.source, r.target)}
    apart = [c.id for c in claims if c.id not in placed and c.asserted
             and (c.id not in side.supports or side.supports.out_degree(c.id) == 0)
             and (reading.weight(c.id) > 1 or c.id in linked)]
    return Case(perspective, tuple(theses), tuple(r for r in direct if r not in comments), tuple(comments),
                tuple(apart), tuple(c.id for c in claims if not c.asserted), objections)


#: The share of its side's case that must rest on an unanswered claim for the report to list it.
WEIGHTY = 0.1
#: How many claims not engaged by the other side the report and the page list for each side.
NOT_ENGAGED_PER_SIDE = 3


def weighty_unanswered(reading: Reading, *, per_side: int) -> list[Unanswered]:
    """The unanswered claims that carry weight, each side's heaviest first.

    A claim carries weight when other claims rest on it, and at least
    :data:`WEIGHTY` of its side's case (or of its thesis's support) does.
    """
    def weighty(claim_id: str, perspective: str, load: int) -> bool:
        if reading.map.claims[claim_id].kind == "thesis":
            return False
        side = reading.sides[perspective]
        thesis = side.thesis_of.get(claim_id)
        if thesis and load > 1 and load >= WEIGHTY * side.support_size[thesis]:
            return True
        weight = reading.weight(claim_id)
        return weight > 1 and weight >= WEIGHTY * reading.case_sizes[perspective]

    candidates = reading.comparison.unanswered_among(weighty)
    chosen = []
    for perspective in reading.map.perspectives:
        rows = [u for u in candidates if u.perspective == perspective]
        rows.sort(key=lambda u: (-u.load, -reading.weight(u.claim), u.claim))
        chosen += rows[:per_side]
    return chosen
