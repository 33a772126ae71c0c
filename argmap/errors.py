"""Every error a user can cause, and the positioned problems they carry.

:class:`ArgmapError` is the base of them all, so a caller (the command line
among them) can catch one class and show its message. Problems in a map's
files are collected rather than raised one by one, so that a user sees every
mistake at once: :class:`MapError` carries them, each with a file, line and
column.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

#: C0 and C1 control characters, DEL, and the bidirectional overrides that can
#: make a terminal line read differently from what it holds.
_CONTROL_CHARACTERS = "".join(map(chr, [*range(0x20), *range(0x7f, 0xa0), 0x200e, 0x200f, *range(0x202a, 0x202f),
                                        *range(0x2066, 0x206a)]))
#: How much of a bad value a message shows, and the most any message says.
EXCERPT = 60
MESSAGE_LIMIT = 400


def printable(text: str, *, keep: str = "") -> str:
    r"""``text`` with control characters shown as escapes, so a terminal shows what is there.

    Characters in ``keep`` (such as newlines in a table) stay as they are.

    >>> print(printable("red\x1b[31m bell\a tab\t"))
    red\x1b[31m bell\x07 tab\t
    >>> printable("one\ntwo", keep="\n")
    'one\ntwo'
    """
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char) or (
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return _control_except(keep).sub(escape, text)


@functools.cache
def _control_except(keep: str) -> re.Pattern[str]:
    """The control characters but those in ``keep``, as a pattern.

    Kept characters do not match at all: each newline of a table of 85,000
    rows, matched and handed back by Python, took half a second.
    """
    return re.compile("[" + "".join(re.escape(c) for c in _CONTROL_CHARACTERS if c not in keep) + "]")


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """A value as a message may show it: control characters escaped, cut to ``limit`` characters.

    >>> excerpt("x" * 100)
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 characters)'
    """
    text = printable(str(value))
    return text if len(text) <= limit else f"{text[:limit - 1]}… ({len(str(value)):,} characters)"


class Position(NamedTuple):
    """A 1-based place in a file (a named tuple: cheap to make, sorts by place).

    >>> str(Position("claims/map.yaml", 3, 5))
    'claims/map.yaml:3:5'
    """

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, where it is, and how to fix it.

    >>> print(Problem(Position("a.yaml", 2, 3), "unknown key 'suports'", "did you mean 'supports'?"))
    a.yaml:2:3: error: unknown key 'suports' (did you mean 'supports'?)

    A warning (from ``argmap lint``, or a source text that is missing) names
    its severity and, for lint, its rule:

    >>> print(Problem(Position("a.yaml", 4, 7), "no note", severity="warning", rule="cross-note"))
    a.yaml:4:7: warning: no note [cross-note]
    """

    position: Position
    message: str
    hint: str | None = None
    #: "error" or "warning"
    severity: str = "error"
    #: the lint rule that found it, if a lint rule did
    rule: str | None = None

    def __str__(self) -> str:
        """One line, whatever the message holds: controls escaped, length capped."""
        text = f"{excerpt(self.position, MESSAGE_LIMIT)}: {self.severity}: {excerpt(self.message, MESSAGE_LIMIT)}"
        if self.hint:
            text += f" ({excerpt(self.hint, MESSAGE_LIMIT)})"
        return f"{text} [{self.rule}]" if self.rule else text


class ArgmapError(Exception):
    """The base of every error a user can cause; its message says what to do.

    >>> issubclass(MapError, ArgmapError) and issubclass(UnknownClaim, ArgmapError)
    True
    """


class MapError(ArgmapError):
    """Raised when a map cannot be loaded; ``problems`` lists every reason.

    >>> error = MapError([Problem(Position("m.yaml", 1, 1), "empty file")])
    >>> print(error)
    m.yaml:1:1: error: empty file
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UnknownClaim(ArgmapError, KeyError):
    """A claim id that is not in the map; the message suggests a near miss.

    It is also a ``KeyError``, as a missing key of ``ArgumentMap.claims`` is.

    >>> print(UnknownClaim("tea.bset", ["tea.best", "tea.calm"]))
    no claim 'tea.bset' in the map (did you mean 'tea.best'?)
    """

    def __init__(self, claim_id: str, known: Iterable[str]):
        hint = Suggester(known).suggest(claim_id)  # a map may hold thousands of ids
        self.claim_id = claim_id
        super().__init__(f"no claim '{excerpt(claim_id)}' in the map" + (f" ({hint})" if hint else ""))

    def __str__(self) -> str:
        return str(self.args[0])


class EnumerationLimit(ArgmapError):
    """Raised when a framework has more extensions than the caller allowed.

    >>> print(EnumerationLimit("preferred", 10))
    more than 10 preferred extensions; stopped enumerating (pass a higher limit to go further)
    """

    def __init__(self, semantics: str, limit: int):
        self.semantics, self.limit = semantics, limit
        super().__init__(f"more than {limit} {semantics} extensions; stopped enumerating "
                         f"(pass a higher limit to go further)")


class UnknownFormat(ArgmapError, ValueError):
    """A format name that no export or import knows.

    >>> print(UnknownFormat("pdf", ["svg", "dot"]))
    unknown format 'pdf'; choose one of svg, dot
    """

    def __init__(self, name: str, known: Iterable[str]):
        super().__init__(f"unknown format '{name}'; choose one of {', '.join(known)}")


class MissingDependency(ArgmapError):
    """A package or program argmap needs for this job is not installed.

    >>> print(MissingDependency("pyvis", "pip install pyvis"))
    pyvis is not installed (pip install pyvis)
    """

    def __init__(self, what: str, hint: str):
        super().__init__(f"{what} is not installed ({hint})")


class CommandFailed(ArgmapError):
    """An outside program argmap ran (such as git) failed; the message says why."""


class LossyExport(UserWarning):
    """Warned when a format cannot carry some of a claim's text; the message names the claim."""


class Suggester:
    """Did-you-mean suggestions in time that does not grow with the candidates.

    Every candidate is indexed under itself and each of its one-character
    deletions, so one look-up finds all candidates within one insertion,
    deletion, substitution or adjacent swap. Only for small candidate sets
    does it also fall back to a full fuzzy comparison.

    >>> ids = Suggester(["rel.repair-valuable", "rel.relationship-required"])
    >>> ids.suggest("rel.repiar-valuable")
    "did you mean 'rel.repair-valuable'?"
    >>> ids.suggest("unrelated") is None
    True
    """

    FULL_SCAN_LIMIT = 500
    #: Longer words are no typos of an id: they get no suggestion, which keeps
    #: time and memory linear in the input (variants are quadratic in length).
    LONGEST = 120

    def __init__(self, candidates: Iterable[str]):
        self.candidates = [c for c in dict.fromkeys(candidates) if len(c) <= self.LONGEST]
        self._index: dict[str, list[str]] = {}
        for candidate in self.candidates:
            for variant in self._variants(candidate):
                self._index.setdefault(variant, []).append(candidate)

    @staticmethod
    def _variants(word: str) -> set[str]:
        return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}

    def suggest(self, word: str) -> str | None:
        """A hint naming the closest candidate, or ``None``."""
        if len(word) > self.LONGEST:
            return None
        near = {c for variant in self._variants(word) for c in self._index.get(variant, ())}
        pool = near if near or len(self.candidates) > self.FULL_SCAN_LIMIT else self.candidates
        return did_you_mean(word, sorted(pool))


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """Suggest the candidate closest to a misspelt ``word``, as a hint.

    >>> did_you_mean("suports", ["supports", "contradicts"])
    "did you mean 'supports'?"
    >>> did_you_mean("zzz", ["supports"]) is None
    True
    """
    if len(word) > Suggester.LONGEST:
        return None
    matches = difflib.get_close_matches(word, [c for c in candidates if len(c) <= Suggester.LONGEST], n=1, cutoff=0.6)
    return f"did you mean '{excerpt(matches[0])}'?" if matches else None
