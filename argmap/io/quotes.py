"""Check that every ``quote`` of a claims file occurs in its source text.

Matching ignores case and differences in whitespace, typographic quotes,
apostrophes, dashes and ellipses, because copying from a web page changes
those freely. A quote that is not found is reported with the closest passage
of the source (found with rapidfuzz's partial-ratio alignment), so the fix is
usually a glance away.
"""

from __future__ import annotations

import difflib
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import MESSAGE_LIMIT, MapError, Position, Problem, excerpt
from ..model import Claim
from .documents import read_claims_file
from .files import read_input

_EQUIVALENTS = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}


def normalize(text: str) -> tuple[str, list[int]]:
    """Normalise text for matching; also map each output char to its input index.

    >>> normalize("  It’s —  “Here”\\n")[0]
    'it\\'s - "here"'
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(index)
            continue
        for out in _EQUIVALENTS.get(char) or char.lower():
            chars.append(out)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


@functools.lru_cache(maxsize=2)  # each miss of one check searches the same source
def _normalized(text: str) -> tuple[str, list[int]]:
    return normalize(text)


#: How much of a quote (normalised characters) decides where its closest passage is.
PROBE_LENGTH = 200


def closest_passage(quote: str, source_text: str) -> tuple[str, float]:
    """The passage of ``source_text`` most like ``quote``, and how alike (0–1).

    Only the quote's first :data:`PROBE_LENGTH` characters are aligned, so
    the cost grows with the source's length times that bound, never with the
    quote's length: a longer quote's passage runs on from where its start
    fits best, as long as the quote.

    >>> closest_passage("the cat sat on teh mat", "Once, the cat sat on the mat. Then it left.")
    ('the cat sat on the mat', 0.95)
    """
    from rapidfuzz import fuzz  # C, bit-parallel

    needle = normalize(quote)[0]
    haystack, origin = _normalized(source_text)
    if not needle or not haystack:
        return "", 0.0
    probe = needle[:PROBE_LENGTH]
    alignment = fuzz.partial_ratio_alignment(probe, haystack)
    if alignment is None:  # only when one side is empty, which is handled above
        return "", 0.0
    start, end = alignment.dest_start, max(alignment.dest_end, alignment.dest_start + 1)
    if len(needle) > len(probe):
        end = min(len(haystack), start + len(needle))
    # Widen to whole words so the passage reads naturally.
    while start > 0 and haystack[start - 1].isalnum():
        start -= 1
    while end < len(haystack) and haystack[end].isalnum():
        end += 1
    compared = min(end - start, len(needle), PROBE_LENGTH * 4)  # difflib is quadratic: compare a bounded span
    similarity = difflib.SequenceMatcher(None, haystack[start:start + compared], needle[:compared],
                                         autojunk=False).ratio()
    passage = source_text[origin[start]:origin[end - 1] + 1]
    return " ".join(passage.split()), round(similarity, 2)


@dataclass(frozen=True)
class QuoteMiss:
    """A quote that does not occur in the source, and the closest passage."""

    claim_id: str
    quote: str
    position: Position
    closest: str
    similarity: float

    def __str__(self) -> str:
        # Three lines a person reads: control characters shown escaped, the texts cut to a readable length.
        return (f"{excerpt(self.position, MESSAGE_LIMIT)}: error: quote of '{self.claim_id}' is not in the source\n"
                f"  quote:   {excerpt(self.quote, MESSAGE_LIMIT)}\n"
                f"  closest: {excerpt(self.closest, MESSAGE_LIMIT)} ({self.similarity:.0%} alike)")


@dataclass(frozen=True)
class QuoteReport:
    """The outcome of checking one claims file against one source text."""

    checked: int
    misses: list[QuoteMiss]

    @property
    def ok(self) -> bool:
        """True when every quote was found."""
        return not self.misses


def check_quotes(claims_file: str | os.PathLike[str], source_file: str | os.PathLike[str]) -> QuoteReport:
    """Check every ``quote`` in ``claims_file`` against the text in ``source_file``.

    Raises :class:`~argmap.errors.MapError` when either file cannot be read,
    or the claims file has structural problems.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "source.txt").write_text("Tea, I’d say, calms  the mind.")
    >>> _ = (folder / "tea.yaml").write_text(
    ...     "perspective: tea\\nclaims:\\n"
    ...     "  - {id: a, text: A, quote: \\"I'd say, calms the mind\\"}\\n"
    ...     "  - {id: b, text: B, quote: calms the soul}\\n")
    >>> report = check_quotes(folder / "tea.yaml", folder / "source.txt")
    >>> report.checked, [miss.claim_id for miss in report.misses]
    (2, ['b'])
    >>> report.misses[0].closest
    'calms the mind'
    """
    problems: list[Problem] = []
    parsed = read_claims_file(claims_file, problems)
    source_text = ""
    raw = read_input(Path(source_file), str(source_file), problems, what="source text")
    if raw is not None:
        try:
            source_text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(Position(str(source_file), 1, 1), "cannot read source text: not UTF-8 text"))
    if problems:
        raise MapError(problems)
    return QuoteReport(sum(1 for claim in parsed.claims if claim.quote),
                       quote_misses(parsed.claims, source_text, str(claims_file)))


def quote_misses(claims: Iterable[Claim], source_text: str, shown: str, *, closest: bool = True) -> list[QuoteMiss]:
    """The claims' quotes that ``source_text`` does not hold, each with the closest passage (unless not ``closest``).

    >>> from argmap.model import Claim
    >>> [m.closest for m in quote_misses([Claim("a", "A", "t", quote="calms the soul")], "It calms the mind.", "t")]
    ['It calms the mind']
    """
    haystack = _normalized(source_text)[0]
    misses = []
    for claim in claims:
        if not claim.quote:
            continue
        needle = normalize(claim.quote)[0]
        if needle and needle in haystack:
            continue
        passage, similarity = closest_passage(claim.quote, source_text) if closest else ("", 0.0)
        where = claim.quote_position or claim.position or Position(shown, 1, 1)
        misses.append(QuoteMiss(claim.id, claim.quote, where, passage, similarity))
    return misses
