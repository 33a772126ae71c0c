"""Checks that span claims and files: ids, references and relation sanity."""

from __future__ import annotations

import functools
from typing import Iterable

from ..errors import Position, Problem, Suggester, did_you_mean, excerpt
from ..model import Answer, Perspective, Question, Relation, Undercut
from .documents import ClaimsFile


def validate(perspectives: dict[str, Perspective], files: Iterable[ClaimsFile],
             questions: dict[str, Question] | None = None) -> list[Problem]:
    """Every cross-file problem of a map, in no particular order.

    Caught here: unknown perspectives, duplicate claim ids, relations to
    unknown ids (unless some file could not be parsed, since the id may be
    defined there), claims that relate to themselves, claims that both support and
    contradict one target, repeated relation entries, undercuts of supports
    the map does not have, and answers to undeclared questions or with a
    position the question does not allow.
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
    supports = {(r.source, r.target) for file in files for claim in file.claims for r in claim.relations
                if r.kind == "supports"}
    for file in files:
        for claim in file.claims:
            problems.extend(_relation_problems(claim.relations, known_ids, suggestions, some_file_unparsed))
            if claim.undercuts:
                problems.extend(_undercut_problems(claim.undercuts, known_ids, supports, suggestions,
                                                   some_file_unparsed))
            if claim.answers:
                problems.extend(_answer_problems(claim.id, claim.answers, questions or {}))
    return problems


def _undercut_problems(undercuts: Iterable[Undercut], known_ids: set[str], supports: set[tuple[str, str]],
                       suggestions: _LazySuggester, some_file_unparsed: bool) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], Undercut] = {}
    for undercut in undercuts:
        where = undercut.position or Position("?", 1, 1)
        unknown = [claim_id for claim_id in undercut.support if claim_id not in known_ids]
        if unknown:
            if not some_file_unparsed:
                problems.append(Problem(where, f"support refers to unknown claim id '{excerpt(unknown[0])}'",
                                        suggestions.suggest(unknown[0])))
            continue
        if undercut.source in undercut.support:
            problems.append(Problem(where, f"claim '{excerpt(undercut.source)}' objects to a support it is part of",
                                    "contradict the other claim instead, or remove this entry"))
        elif undercut.support not in supports:
            reason, conclusion = map(excerpt, undercut.support)
            problems.append(Problem(where, f"there is no support from '{reason}' to '{conclusion}' to object to",
                                    f"an undercut names an existing support: '{reason}' must list "
                                    f"supports: [{conclusion}]"))
        elif undercut.support in seen:
            problems.append(Problem(where, f"the support from '{excerpt(undercut.reason)}' to "
                                    f"'{excerpt(undercut.conclusion)}' is undercut twice; it is first at "
                                    f"{seen[undercut.support].position}", "remove one entry"))
        else:
            seen[undercut.support] = undercut
    return problems


def _answer_problems(claim_id: str, answers: Iterable[Answer], questions: dict[str, Question]) -> list[Problem]:
    problems = []
    answered: dict[str, Answer] = {}
    for answer in answers:
        where = answer.place or Position("?", 1, 1)
        question = questions.get(answer.question)
        if question is None:
            hint = did_you_mean(answer.question, questions) or (
                "declare it under questions: in map.yaml" if not questions else "one of: " + ", ".join(questions))
            problems.append(Problem(where, f"answers an unknown question '{excerpt(answer.question)}'", hint))
        elif question.positions and answer.position not in question.positions:
            problems.append(Problem(where, f"'{excerpt(answer.position)}' is not a position of question "
                                    f"'{question.id}'", did_you_mean(answer.position, question.positions)
                                    or "one of: " + ", ".join(question.positions)))
        elif answer.question in answered:
            problems.append(Problem(where, f"claim '{excerpt(claim_id)}' answers question '{question.id}' twice; "
                                    f"first at {answered[answer.question].place}", "keep one answer"))
        else:
            answered[answer.question] = answer
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
