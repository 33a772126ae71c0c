"""``argmap lint``: warnings beyond validity, about what a comparison needs.

A valid map can still leave a reader without an answer: a link between the
sides with no note saying why, a reason that leads nowhere, a thesis attacked
and never defended. Each rule (:data:`argmap.model.LINT_RULES`) gives
warnings at a ``file:line:col`` with the rule's name; ``map.yaml`` turns a
rule off with ``lint: {rule: off}``. Every rule is linear in claims and
relations, but for ``near-duplicate``, which compares only claims whose
normalised texts share their first or last words.

>>> import argmap
>>> m = argmap.loads('''
... perspective: tea
... claims:
...   - {id: tea.best, text: Tea is the better drink., kind: thesis}
...   - {id: tea.calm, text: Tea calms the mind., supports: [tea.best]}
...   - {id: tea.calm2, text: "Tea calms the mind!", supports: [tea.best]}
...   - {id: tea.stray, text: Tea is green.}
... ''')
>>> for warning in lint(m):
...     print(warning.rule, warning.message)
near-duplicate claim 'tea.calm2' says nearly what 'tea.calm' says (100% alike)
dead-end claim 'tea.stray' supports nothing on its side
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Iterator

from rapidfuzz import fuzz

from ..errors import Position, Problem
from ..graph import both_ways, cross_relations
from ..model import LABEL_LENGTH, LINT_RULES, ArgumentMap, Claim
from .compare import STANDS_ALONE, Comparison

#: How alike (rapidfuzz's ratio, 0–100) two texts must be to be near-identical.
NEAR_IDENTICAL = 92
#: Texts shorter than this many characters are not compared for near-duplicates.
MIN_COMPARED = 20
#: A block of claims sharing words larger than this is checked for exact duplicates only.
MAX_BLOCK = 64
TODO_PREFIX = "TODO"
_WORDS = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=1 << 16)  # rules and reruns in an editor ask for the same texts
def normalized(text: str) -> str:
    """Text for comparing: lower case, punctuation and spacing dropped.

    >>> normalized("Tea  calms, the MIND!")
    'tea calms the mind'
    """
    return " ".join(_WORDS.sub(" ", text.lower()).split())


def _where(claim: Claim) -> Position:
    return claim.position or Position("<map>", 1, 1)


def _warn(rule: str, position: Position | None, message: str, hint: str | None = None) -> Problem:
    return Problem(position or Position("<map>", 1, 1), message, hint, severity="warning", rule=rule)


def lint(argument_map: ArgumentMap, *, rules: tuple[str, ...] | None = None) -> list[Problem]:
    """Every lint warning for the map, in file order, from ``rules`` (default: all that ``map.yaml`` keeps on)."""
    chosen = [r for r in (rules if rules is not None else tuple(LINT_RULES)) if r not in argument_map.lint_off]
    found: list[Problem] = []
    for rule in chosen:
        found.extend(_RULES[rule](argument_map))
    return sorted(found, key=lambda p: (p.position.path, p.position.line, p.position.column, p.rule or ""))


def _cross_note(m: ArgumentMap) -> Iterator[Problem]:
    for relation in m.view(cross_relations):
        if not relation.note:
            yield _warn("cross-note", relation.position,
                        f"{relation.source} {relation.kind} {relation.target} links the sides without a note",
                        "say in a note why the one claim bears on the other")


def _missing_quote(m: ArgumentMap) -> Iterator[Problem]:
    for claim in m.claims.values():
        if not claim.quote and claim.source is not None and claim.source.text:
            yield _warn("missing-quote", _where(claim), f"claim '{claim.id}' has no quote",
                        "quote the sentence of the source it stands for")


def _dead_end(m: ArgumentMap) -> Iterator[Problem]:
    for claim in m.claims.values():
        if claim.kind == "thesis" or not claim.asserted or STANDS_ALONE in claim.tags:
            continue
        if not any(r.kind == "supports" and m.claims[r.target].perspective == claim.perspective
                   for r in claim.relations):
            yield _warn("dead-end", _where(claim), f"claim '{claim.id}' supports nothing on its side",
                        "tag it stands-alone, or link it")


def _unanswered_attack(m: ArgumentMap) -> Iterator[Problem]:
    defended = {claim.id for claim in m.claims.values() if claim.kind == "thesis"}
    defended |= {crux.claim for crux in Comparison(m).cruxes()}
    read = both_ways(m.view(cross_relations))  # a mutual contradiction answers in both directions
    answered = {(m.claims[r.source].perspective, r.target) for r in read if r.kind == "contradicts"}
    for relation in read:
        if relation.kind != "contradicts" or relation.target not in defended:
            continue
        target = m.claims[relation.target]
        if (target.perspective, relation.source) not in answered:
            what = "thesis" if target.kind == "thesis" else "crux"
            yield _warn("unanswered-attack", _where(target),
                        f"{what} '{target.id}' is contradicted by '{relation.source}', and its side draws no answer",
                        f"draw what {target.perspective} says against '{relation.source}', or say why it stands")


def _near_duplicate(m: ArgumentMap) -> Iterator[Problem]:
    texts = {cid: normalized(c.text) for cid, c in m.claims.items()}
    first_seen: dict[str, str] = {}
    blocks: dict[str, list[str]] = defaultdict(list)
    reported: set[str] = set()
    for cid, text in texts.items():
        if text in first_seen:
            reported.add(cid)
            yield _warn("near-duplicate", _where(m.claims[cid]),
                        f"claim '{cid}' says nearly what '{first_seen[text]}' says (100% alike)",
                        "merge them, or say what sets them apart")
            continue
        first_seen[text] = cid
        if len(text) >= MIN_COMPARED:
            words = text.split()
            blocks["^" + " ".join(words[:3])].append(cid)
            blocks["$" + " ".join(words[-3:])].append(cid)
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for index, cid in enumerate(members):
            if cid in reported:
                continue
            for earlier in members[:index]:
                score = fuzz.ratio(texts[cid], texts[earlier], score_cutoff=NEAR_IDENTICAL)
                if score:
                    reported.add(cid)
                    yield _warn("near-duplicate", _where(m.claims[cid]),
                                f"claim '{cid}' says nearly what '{earlier}' says ({score:.0f}% alike)",
                                "merge them, or say what sets them apart")
                    break


def _same_text_relation(m: ArgumentMap) -> Iterator[Problem]:
    for relation in m.relations():
        if normalized(m.claims[relation.source].text) == normalized(m.claims[relation.target].text):
            yield _warn("same-text-relation", relation.position,
                        f"{relation.source} {relation.kind} {relation.target}, and the two say the same",
                        "one claim cannot support or contradict itself in other words: merge them")


def _two_way_contradiction(m: ArgumentMap) -> Iterator[Problem]:
    """The second of two claims that each contradict the other: one relation marked ``mutual`` says it."""
    written = {(r.source, r.target) for r in m.relations() if r.kind == "contradicts"}
    for relation in m.relations():
        if relation.kind == "contradicts" and (relation.target, relation.source) in written \
                and relation.source > relation.target:  # once per pair, at the later id's relation
            yield _warn("two-way-contradiction", relation.position,
                        f"{relation.source} and {relation.target} each contradict the other, written on both",
                        "write it once, with mutual: true: the two cannot both be held")


def _agree_and_contest(m: ArgumentMap) -> Iterator[Problem]:
    """A claim one side supports and also attacks: itself, or what it is a reason for.

    Agreeing that a claim is true while denying what it is taken to show is an
    objection to the inference, which an undercut says; so an undercut of the
    claim's support is no warning here.
    """
    claims = m.claims
    read = both_ways(m.view(cross_relations))
    supported_by = {(r.target, claims[r.source].perspective): r for r in read if r.kind == "supports"}
    if not supported_by:
        return
    attacked_by = {(r.target, claims[r.source].perspective): r for r in read if r.kind == "contradicts"}
    undercut_by = {(u.reason, u.conclusion, claims[u.source].perspective) for u in m.undercuts()}
    for (claim_id, other), support in supported_by.items():
        claim = claims[claim_id]
        attack = attacked_by.get((claim_id, other))
        if attack is not None:
            yield _warn("agree-and-contest", _where(claim), f"{other} both supports '{claim_id}' (from "
                        f"'{support.source}') and contradicts it (from '{attack.source}')",
                        "keep the one the source says, or say in notes how both hold")
            continue
        for r in claim.relations:
            attack = attacked_by.get((r.target, other)) if r.kind == "supports" else None
            if attack is not None and (claim_id, r.target, other) not in undercut_by:
                yield _warn("agree-and-contest", _where(claim), f"{other} supports '{claim_id}' (from "
                            f"'{support.source}') and contradicts '{r.target}', which it supports (from "
                            f"'{attack.source}')", f"if {other} grants the claim but denies that it shows "
                            f"'{r.target}', say so with an undercut: contradicts: [{{support: [{claim_id}, "
                            f"{r.target}]}}]")
                break


def _one_sided_question(m: ArgumentMap) -> Iterator[Problem]:
    """A question is there to say where the sides meet: one that fewer than two sides answer does not."""
    for question in m.questions.values():
        sides = list(dict.fromkeys(m.claims[c].perspective for c, _ in m.answers_to(question.id)))
        if len(sides) < 2 and len(m.perspectives) > 1:
            said = f"only {sides[0]} answers it" if sides else "no claim answers it"
            yield _warn("one-sided-question", question.position, f"question '{question.id}': {said}",
                        "give each side's answer with answers: [{question: " + question.id + ", position: ...}] "
                        "on the claims that give it")


def _long_title(m: ArgumentMap) -> Iterator[Problem]:
    for claim in m.claims.values():
        if claim.title and len(claim.title) > LABEL_LENGTH:
            yield _warn("long-title", _where(claim), f"title of '{claim.id}' is {len(claim.title)} characters; "
                        f"an overview shows {LABEL_LENGTH}", "shorten it")


def _todo_text(m: ArgumentMap) -> Iterator[Problem]:
    for claim in m.claims.values():
        if claim.text.startswith(TODO_PREFIX):
            yield _warn("todo-text", _where(claim), f"claim '{claim.id}' still has its draft text",
                        "say what the quote claims, in your words")


_RULES = {
    "cross-note": _cross_note,
    "missing-quote": _missing_quote,
    "dead-end": _dead_end,
    "unanswered-attack": _unanswered_attack,
    "near-duplicate": _near_duplicate,
    "same-text-relation": _same_text_relation,
    "two-way-contradiction": _two_way_contradiction,
    "agree-and-contest": _agree_and_contest,
    "one-sided-question": _one_sided_question,
    "long-title": _long_title,
    "todo-text": _todo_text,
}
assert set(_RULES) == set(LINT_RULES)
