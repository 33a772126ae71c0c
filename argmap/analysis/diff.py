"""A semantic diff between two versions of a map.

The diff lists claims added, removed and
changed (field by field, the questions they answer included), edges added,
removed and re-noted (an undercut is an edge of kind ``undercuts`` from its
claim to the conclusion, naming the ``reason``), questions declared, dropped
or reworded, and how the comparison answers moved: the cruxes, the
questions' standing (contested, agreed) and per-side acceptance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import EnumerationLimit
from ..model import ArgumentMap, Claim
from .compare import Comparison
from .semantics import acceptance

CLAIM_FIELDS = ("title", "text", "perspective", "kind", "asserted", "quote", "tags", "note", "answers")
QUESTION_FIELDS = ("text", "issue", "positions", "note")


@dataclass(frozen=True)
class ClaimChange:
    claim: str
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class EdgeChange:
    source: str
    kind: str
    target: str
    note: str | None
    old_note: str | None = None
    #: on an undercut: the reason whose support of ``target`` it denies
    reason: str | None = None


@dataclass
class MapDiff:
    """What changed between two maps."""

    added_claims: list[str] = field(default_factory=list)
    removed_claims: list[str] = field(default_factory=list)
    changed_claims: list[ClaimChange] = field(default_factory=list)
    added_edges: list[EdgeChange] = field(default_factory=list)
    removed_edges: list[EdgeChange] = field(default_factory=list)
    renoted_edges: list[EdgeChange] = field(default_factory=list)
    cruxes_before: list[str] = field(default_factory=list)
    cruxes_after: list[str] = field(default_factory=list)
    acceptance_changes: list[str] = field(default_factory=list)
    added_questions: list[str] = field(default_factory=list)
    removed_questions: list[str] = field(default_factory=list)
    #: a question's field that changed; ``claim`` holds the question's id
    changed_questions: list[ClaimChange] = field(default_factory=list)
    #: how a question's standing moved, such as "q.calm: contested → agreed"
    question_changes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing at all changed."""
        return not (self.added_claims or self.removed_claims or self.changed_claims or self.added_edges
                    or self.removed_edges or self.renoted_edges or self.acceptance_changes
                    or self.cruxes_before != self.cruxes_after or self.added_questions
                    or self.removed_questions or self.changed_questions or self.question_changes)


def _edges(argument_map: ArgumentMap) -> dict[tuple[str, str, str, str | None], str | None]:
    edges: dict[tuple[str, str, str, str | None], str | None] = {
        (r.source, r.kind, r.target, None): r.note for r in argument_map.relations()}
    edges.update({(u.source, "undercuts", u.conclusion, u.reason): u.note for u in argument_map.undercuts()})
    return edges


def _field(claim: Claim, name: str) -> object:
    """A claim's field as the diff shows it: answers as "question: position" words."""
    if name == "answers":
        return [f"{a.question}: {a.position}" for a in claim.answers]
    return getattr(claim, name)


def _standing(argument_map: ArgumentMap) -> dict[str, str]:
    return {q.question: "double crux" if q.double_crux else "contested" if q.contested else "agreed" if q.agreed
            else "answered by one side" if q.answers else "unanswered"
            for q in Comparison(argument_map).questions()}


def _acceptance_summary(argument_map: ArgumentMap) -> dict[str, object]:
    try:
        result = acceptance(argument_map)
    except EnumerationLimit as error:
        return {"error": str(error)}
    summary: dict[str, object] = {f"{s.perspective} thesis holds": s.theses_accepted for s in result.sides}
    summary.update({f"{s.perspective} must reject": sorted(s.rejected) for s in result.sides})
    summary["no side can accept"] = sorted(result.by_none)
    return summary


def diff_maps(old: ArgumentMap, new: ArgumentMap) -> MapDiff:
    """Compare two loaded maps.

    >>> import argmap
    >>> old = argmap.example_map()
    >>> diff_maps(old, old).empty
    True
    >>> text = argmap.io.examples.TEA_OR_COFFEE
    >>> new = argmap.loads(text.replace("    supports: [tea.best]\\n  - id: tea.theanine", "  - id: tea.theanine"))
    >>> changes = diff_maps(old, new)
    >>> [(e.source, e.kind, e.target) for e in changes.removed_edges]
    [('tea.gentle', 'supports', 'tea.best')]
    >>> undercut = argmap.loads(text.replace("- {to: tea.gentle, note:", "- {support: [tea.gentle, tea.best], note:"))
    >>> [(e.source, e.kind, e.reason, e.target) for e in diff_maps(old, undercut).added_edges]
    [('cof.alert', 'undercuts', 'tea.gentle', 'tea.best')]
    >>> [(e.source, e.kind, e.target) for e in diff_maps(old, undercut).removed_edges]
    [('cof.alert', 'contradicts', 'tea.gentle')]
    """
    result = MapDiff()
    result.added_claims = [c for c in new.claims if c not in old.claims]
    result.removed_claims = [c for c in old.claims if c not in new.claims]
    for claim_id in (c for c in new.claims if c in old.claims):
        before, after = old.claims[claim_id], new.claims[claim_id]
        for name in CLAIM_FIELDS:
            if _field(before, name) != _field(after, name):
                result.changed_claims.append(ClaimChange(claim_id, name, _field(before, name), _field(after, name)))
    old_edges, new_edges = _edges(old), _edges(new)
    result.added_edges = [EdgeChange(s, k, t, note, None, r) for (s, k, t, r), note in new_edges.items()
                          if (s, k, t, r) not in old_edges]
    result.removed_edges = [EdgeChange(s, k, t, note, None, r) for (s, k, t, r), note in old_edges.items()
                            if (s, k, t, r) not in new_edges]
    result.renoted_edges = [EdgeChange(s, k, t, note, old_edges[s, k, t, r], r) for (s, k, t, r), note
                            in new_edges.items() if (s, k, t, r) in old_edges and old_edges[s, k, t, r] != note]
    result.added_questions = [q for q in new.questions if q not in old.questions]
    result.removed_questions = [q for q in old.questions if q not in new.questions]
    for question_id in (q for q in new.questions if q in old.questions):
        before_q, after_q = old.questions[question_id], new.questions[question_id]
        result.changed_questions += [ClaimChange(question_id, name, getattr(before_q, name), getattr(after_q, name))
                                     for name in QUESTION_FIELDS if getattr(before_q, name) != getattr(after_q, name)]
    standing_before, standing_after = _standing(old), _standing(new)
    result.question_changes = [f"{q}: {standing_before[q]} → {standing_after[q]}" for q in standing_after
                               if q in standing_before and standing_before[q] != standing_after[q]]
    result.cruxes_before = [c.claim for c in Comparison(old).cruxes()]
    result.cruxes_after = [c.claim for c in Comparison(new).cruxes()]
    accepted_before, accepted_after = _acceptance_summary(old), _acceptance_summary(new)
    for key in dict.fromkeys([*accepted_before, *accepted_after]):
        if accepted_before.get(key) != accepted_after.get(key):
            result.acceptance_changes.append(f"{key}: {accepted_before.get(key)} → {accepted_after.get(key)}")
    return result
