"""A semantic diff between two versions of a map.

The diff lists claims added, removed and
changed (field by field), edges added, removed and re-noted, and how the
comparison answers moved: the cruxes and per-side acceptance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import EnumerationLimit
from ..model import ArgumentMap
from .compare import Comparison
from .semantics import acceptance

CLAIM_FIELDS = ("title", "text", "perspective", "kind", "asserted", "quote", "tags", "note")


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

    @property
    def empty(self) -> bool:
        """True when nothing at all changed."""
        return not (self.added_claims or self.removed_claims or self.changed_claims or self.added_edges
                    or self.removed_edges or self.renoted_edges or self.acceptance_changes
                    or self.cruxes_before != self.cruxes_after)


def _edges(argument_map: ArgumentMap) -> dict[tuple[str, str, str], str | None]:
    return {(r.source, r.kind, r.target): r.note for r in argument_map.relations()}


def _acceptance_summary(argument_map: ArgumentMap) -> dict[str, object]:
    try:
        result = acceptance(argument_map)
    except EnumerationLimit as error:
        return {"error": str(error)}
    summary: dict[str, object] = {f"{s.perspective} thesis holds": s.theses_accepted for s in result.sides}
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
    """
    result = MapDiff()
    result.added_claims = [c for c in new.claims if c not in old.claims]
    result.removed_claims = [c for c in old.claims if c not in new.claims]
    for claim_id in (c for c in new.claims if c in old.claims):
        before, after = old.claims[claim_id], new.claims[claim_id]
        for name in CLAIM_FIELDS:
            if getattr(before, name) != getattr(after, name):
                result.changed_claims.append(ClaimChange(claim_id, name, getattr(before, name), getattr(after, name)))
    old_edges, new_edges = _edges(old), _edges(new)
    result.added_edges = [EdgeChange(*key, note) for key, note in new_edges.items() if key not in old_edges]
    result.removed_edges = [EdgeChange(*key, note) for key, note in old_edges.items() if key not in new_edges]
    result.renoted_edges = [EdgeChange(*key, note, old_edges[key]) for key, note in new_edges.items()
                            if key in old_edges and old_edges[key] != note]
    result.cruxes_before = [c.claim for c in Comparison(old).cruxes()]
    result.cruxes_after = [c.claim for c in Comparison(new).cruxes()]
    accepted_before, accepted_after = _acceptance_summary(old), _acceptance_summary(new)
    for key in dict.fromkeys([*accepted_before, *accepted_after]):
        if accepted_before.get(key) != accepted_after.get(key):
            result.acceptance_changes.append(f"{key}: {accepted_before.get(key)} → {accepted_after.get(key)}")
    return result
