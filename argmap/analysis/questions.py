"""The questions the sides answer: where they differ, where they agree, and how much rests on each answer.

A question is declared in ``map.yaml`` and answered by claims. For each side,
the claims that answer it carry some of that side's case: the claims that
would lose every own-side support route to the side's theses (or to any of its
conclusions) if those answers were given up, the answering claims included.
The counts are always given with their denominator: the side's reasons for
its theses, or its asserted claims.

A question is a **crux** for a side when its answers carry weight toward the
side's thesis, and a **double crux** when it is a crux for two sides that
answer it differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..graph import side_heads
from ..model import ArgumentMap
from .answers import Rows
from .sides import Side
from .._lazy import nx  # networkx, imported on first use


@dataclass(frozen=True)
class SideAnswer:
    """One side's answer to a question: its positions, the claims that give them, and what rests on those."""

    perspective: str
    positions: tuple[str, ...]  # each position its claims take, in file order
    claims: tuple[str, ...]
    #: the side's reasons for its theses (claims with a support path to one) that reach them only through
    #: these answers, the answers included; all of them when a thesis is itself an answer
    rests_on_thesis: int
    #: the side's reasons for its theses: the denominator of ``rests_on_thesis``
    thesis_support: int
    #: the side's asserted claims that reach any of its conclusions only through these answers
    rests_in_case: int
    #: the side's asserted claims: the denominator of ``rests_in_case``
    case_size: int
    #: the answers carry weight toward the side's thesis
    crux: bool = field(init=False)
    #: ``rests_on_thesis / thesis_support``: how much of the thesis's support rests on the answers
    share: float = field(init=False)

    def __post_init__(self) -> None:  # derived, but fields, so that --json and tables carry them
        object.__setattr__(self, "crux", self.rests_on_thesis > 0)
        object.__setattr__(self, "share", round(self.rests_on_thesis / self.thesis_support, 3)
                           if self.thesis_support else 0.0)


@dataclass(frozen=True)
class QuestionView:
    """A declared question, each side's answer, and whether they differ.

    >>> import argmap
    >>> m = argmap.loads('''
    ... title: Tea or coffee?
    ... perspectives: {tea: {}, coffee: {}}
    ... questions: [{id: calm, text: Is a calm start what a morning needs?, issue: values, positions: [yes, no]}]
    ... ---
    ... perspective: tea
    ... claims:
    ...   - {id: tea.best, text: Tea is the better morning drink., kind: thesis}
    ...   - {id: tea.calm, text: A morning wants calm., supports: [tea.best],
    ...      answers: [{question: calm, position: yes}]}
    ... ---
    ... perspective: coffee
    ... claims:
    ...   - {id: cof.best, text: Coffee is the better morning drink., kind: thesis}
    ...   - {id: cof.alert, text: A morning wants alertness., supports: [cof.best],
    ...      answers: [{question: calm, position: no}]}
    ... ''')
    >>> view = argmap.compare.Comparison(m).questions()[0]
    >>> [(a.perspective, a.positions, a.rests_on_thesis, a.thesis_support) for a in view.answers]
    [('tea', ('yes',), 1, 1), ('coffee', ('no',), 1, 1)]
    >>> view.contested, view.double_crux
    (True, True)
    """

    question: str
    text: str
    issue: str | None
    note: str | None
    answers: tuple[SideAnswer, ...]  # one per side that answers it, in the order of the perspectives
    #: two sides answer it, and not with the same positions
    contested: bool = field(init=False)
    #: two or more sides answer it, all with the same positions
    agreed: bool = field(init=False)
    #: contested, and a crux for at least two of the sides
    double_crux: bool = field(init=False)

    def __post_init__(self) -> None:
        contested = len({frozenset(a.positions) for a in self.answers}) > 1
        object.__setattr__(self, "contested", contested)
        object.__setattr__(self, "agreed", len(self.answers) > 1 and not contested)
        object.__setattr__(self, "double_crux", contested and sum(a.crux for a in self.answers) > 1)

    @property
    def engaged_by(self) -> tuple[str, ...]:
        """The sides that answer it."""
        return tuple(a.perspective for a in self.answers)


def question_views(argument_map: ArgumentMap, sides: dict[str, Side], case_sizes: dict[str, int]) -> Rows[QuestionView]:
    """Every declared question with each side's answer, double cruxes first, then contested, then the rest.

    Within each group, questions rank by the smaller share of a thesis's
    support that rests on the answers (a double crux matters as much as its
    weaker half), then in the order ``map.yaml`` declares them.
    """
    answered: dict[str, dict[str, list[tuple[str, str]]]] = {q: {} for q in argument_map.questions}
    for claim in argument_map.claims.values():
        for answer in claim.answers:
            answered[answer.question].setdefault(claim.perspective, []).append((claim.id, answer.position))
    views = []
    for order, (question_id, question) in enumerate(argument_map.questions.items()):
        answers = []
        for perspective in argument_map.perspectives:
            given = answered[question_id].get(perspective)
            if not given:
                continue
            claims = tuple(claim_id for claim_id, _ in given)
            side = sides[perspective]
            on_thesis, support = _resting(argument_map, side, claims, toward_theses=True)
            in_case, _ = _resting(argument_map, side, claims, toward_theses=False)
            answers.append(SideAnswer(perspective, tuple(dict.fromkeys(p for _, p in given)), claims, on_thesis,
                                      support, in_case, case_sizes.get(perspective, 0)))
        views.append((order, QuestionView(question_id, question.text, question.issue, question.note,
                                          tuple(answers))))

    def rank(item: tuple[int, QuestionView]) -> tuple[int, float, int]:
        order, view = item
        group = 0 if view.double_crux else 1 if view.contested else 2
        weakest = min((a.share for a in view.answers), default=0.0)
        return (group, -weakest, order)

    return Rows(view for _, view in sorted(views, key=rank))


def _resting(argument_map: ArgumentMap, side: Side, answers: Iterable[str], *,
             toward_theses: bool) -> tuple[int, int]:
    """How many of the side's claims reach its targets only through ``answers``, and out of how many.

    Toward the theses, both counts are of the theses' reasons (the claims with
    a support path to one). Toward every conclusion of its case (a claim that
    supports nothing else on its side), both are of the side's asserted claims.
    """
    claims = argument_map.claims
    graph = side.supports
    if toward_theses:
        targets = argument_map.view(side_heads).get(side.perspective, [])
    else:
        targets = [c for c in side.claims if graph.out_degree(c) == 0]
    before = _reaching(graph, targets)
    removed = set(answers)
    after = _reaching(graph.subgraph(n for n in graph if n not in removed), [t for t in targets if t not in removed])
    if toward_theses:  # counted in reasons for the theses, as the cruxes' thesis support is
        theses = set(targets)
        return len(before - after - theses), len(before - theses)
    return (sum(1 for c in before - after if claims[c].asserted),
            sum(1 for c in side.claims if claims[c].asserted))


def _reaching(graph: nx.DiGraph, targets: list[str]) -> set[str]:
    """The targets and every claim with a support path to one of them, in one walk."""
    reached = set(targets)
    stack = [t for t in targets if t in graph]
    while stack:
        for reason in graph.predecessors(stack.pop()):
            if reason not in reached:
                reached.add(reason)
                stack.append(reason)
    return reached
