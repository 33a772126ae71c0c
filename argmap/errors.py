"""Positioned problems and the exception that carries them.

Every user-facing error in argmap names a place in a file. Problems are
collected rather than raised one by one, so that a user sees every mistake
in a map at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, NamedTuple


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
    """

    position: Position
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.position}: error: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class MapError(Exception):
    """Raised when a map cannot be loaded; ``problems`` lists every reason.

    >>> error = MapError([Problem(Position("m.yaml", 1, 1), "empty file")])
    >>> print(error)
    m.yaml:1:1: error: empty file
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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

    def __init__(self, candidates: Iterable[str]):
        self.candidates = list(dict.fromkeys(candidates))
        self._index: dict[str, list[str]] = {}
        for candidate in self.candidates:
            for variant in self._variants(candidate):
                self._index.setdefault(variant, []).append(candidate)

    @staticmethod
    def _variants(word: str) -> set[str]:
        return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}

    def suggest(self, word: str) -> str | None:
        """A hint naming the closest candidate, or ``None``."""
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
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else None
