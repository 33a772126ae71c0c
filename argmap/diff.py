"""A semantic diff between two versions of a map.

Each side is a map directory, or ``REV:PATH`` for a map directory as it was at
a git revision (``HEAD~1:claims``). The diff lists claims added, removed and
changed (field by field), edges added, removed and re-noted, and how the
comparison answers moved: the cruxes and per-side acceptance.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .compare import Comparison
from .errors import MapError, Position, Problem
from .load import load
from .model import ArgumentMap
from .semantics import EnumerationLimit, acceptance

CLAIM_FIELDS = ("text", "perspective", "kind", "quote", "tags", "note")


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
    >>> m = argmap.load("claims")
    >>> diff_maps(m, m).empty
    True
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
    before, after = _acceptance_summary(old), _acceptance_summary(new)
    for key in dict.fromkeys([*before, *after]):
        if before.get(key) != after.get(key):
            result.acceptance_changes.append(f"{key}: {before.get(key)} → {after.get(key)}")
    return result


def load_side(spec: str) -> ArgumentMap:
    """Load a map directory, or ``REV:PATH`` from git (``HEAD~1:claims``).

    >>> len(load_side("claims").claims) == len(load_side("HEAD:claims").claims) > 0
    True
    """
    if os.path.isdir(spec) or ":" not in spec:
        return load(spec)
    revision, _, path = spec.partition(":")
    path = path.strip("/") or "."
    try:
        listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", revision, "--", path],
                                 capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise MapError([Problem(Position(spec, 1, 1), f"cannot read {path} at git revision {revision}: "
                                                      f"{detail.strip()}")]) from None
    if not listing:
        raise MapError([Problem(Position(spec, 1, 1), f"no files under {path} at git revision {revision}")])
    with tempfile.TemporaryDirectory() as folder:
        prefix = "" if path == "." else path + "/"
        for name in listing:
            target = Path(folder) / name[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(subprocess.run(["git", "show", f"{revision}:{name}"], capture_output=True,
                                              check=True).stdout)
        try:
            return load(folder)
        except MapError as error:  # show the user's names, not the temporary folder's
            raise MapError([Problem(Position(p.position.path.replace(folder, spec), p.position.line,
                                             p.position.column), p.message, p.hint) for p in error.problems]) from None


def format_diff(result: MapDiff) -> str:
    """The diff as readable text.

    >>> print(format_diff(MapDiff(added_claims=["tea.new"], removed_claims=["tea.old"])))
    + claim tea.new
    - claim tea.old
    """
    if result.empty:
        return "no changes"
    lines: list[str] = []
    lines += [f"+ claim {c}" for c in result.added_claims]
    lines += [f"- claim {c}" for c in result.removed_claims]
    lines += [f"~ claim {c.claim} {c.field}: {c.old!r} → {c.new!r}" for c in result.changed_claims]
    lines += [f"+ edge {e.source} {e.kind} {e.target}" + (f" ({e.note})" if e.note else "") for e in result.added_edges]
    lines += [f"- edge {e.source} {e.kind} {e.target}" for e in result.removed_edges]
    lines += [f"~ edge {e.source} {e.kind} {e.target} note: {e.old_note!r} → {e.note!r}" for e in result.renoted_edges]
    if result.cruxes_before != result.cruxes_after:
        lines.append(f"~ cruxes: {', '.join(result.cruxes_before[:5]) or '(none)'} → "
                     f"{', '.join(result.cruxes_after[:5]) or '(none)'}")
    lines += [f"~ acceptance: {change}" for change in result.acceptance_changes]
    return "\n".join(lines)
