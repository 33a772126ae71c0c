"""Checks that span claims and files: ids, references and relation sanity."""

from __future__ import annotations

import functools
from typing import Iterable

from ..errors import Position, Problem, Suggester, did_you_mean, excerpt
from ..model import Perspective, Relation
from .documents import ClaimsFile


def validate(perspectives: dict[str, Perspective], files: Iterable[ClaimsFile]) -> list[Problem]:
    """Every cross-file problem of a map, in no particular order.

    Caught here: unknown perspectives, duplicate claim ids, relations to
    unknown ids (unless some file could not be parsed, since the id may be
    defined there), claims that relate to themselves, claims that both support and
    contradict one target, and repeated relation entries.
    """
    files = list(files)
    problems: list[Problem] = []
    first_seen: dict[str, Position | None] = {}
    for file in files:
        if file.perspective and file.perspective not in perspectives:
            where = file.perspective_position or Position(file.path, 1, 1)
            hint = did_you_mean(file.perspective, perspectives) or "declare it under perspectives: in map.yaml"
            problems.append(Problem(where, f"unknown perspective '{excerpt(file.perspective)}'", hint))
        for claim in file.claims:
            if claim.id in first_seen:
                problems.append(Problem(claim.position or Position(file.path, 1, 1),
                                        f"duplicate claim id '{excerpt(claim.id)}'; it is first defined at {first_seen[claim.id]}",
                                        "give one of them a new id"))
            else:
                first_seen[claim.id] = claim.position
    known_ids = set(first_seen)
    suggestions = _LazySuggester(known_ids)
    some_file_unparsed = any(f.unparsed for f in files)
    for file in files:
        for claim in file.claims:
            problems.extend(_relation_problems(claim.relations, known_ids, suggestions, some_file_unparsed))
    return problems


class _LazySuggester:
    """Builds the suggestion index only if some id is actually unknown."""

    def __init__(self, ids: set[str]):
        self._ids = ids
        self._suggester: Suggester | None = None

    def suggest(self, word: str) -> str | None:
        if self._suggester is None:
            self._suggester = _suggester_for(frozenset(self._ids))
        return self._suggester.suggest(word)


@functools.lru_cache(maxsize=2)  # an editor checks the same ids again after every keystroke
def _suggester_for(ids: frozenset[str]) -> Suggester:
    return Suggester(sorted(ids))


def _relation_problems(relations: Iterable[Relation], known_ids: set[str], suggestions: _LazySuggester,
                       some_file_unparsed: bool) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], Relation] = {}
    for relation in relations:
        where = relation.position or Position("?", 1, 1)
        if relation.target == relation.source:
            problems.append(Problem(where, f"claim '{excerpt(relation.source)}' {relation.kind} itself",
                                    "remove this entry"))
            continue
        if relation.target not in known_ids:
            if some_file_unparsed:  # the target may be defined in that file
                continue
            problems.append(Problem(where, f"{relation.kind} refers to unknown claim id '{excerpt(relation.target)}'",
                                    suggestions.suggest(relation.target)))
            continue
        key = (relation.kind, relation.target)
        if key in seen:
            problems.append(Problem(where, f"'{excerpt(relation.target)}' is listed twice in {relation.kind}; "
                                           f"it is first listed at {seen[key].position}", "remove one entry"))
            continue
        seen[key] = relation
        other = "contradicts" if relation.kind == "supports" else "supports"
        if (other, relation.target) in seen:
            problems.append(Problem(where, f"claim '{excerpt(relation.source)}' both supports and contradicts "
                                           f"'{excerpt(relation.target)}'", "keep only one of the two relations"))
    return problems
