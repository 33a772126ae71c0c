"""Quotes checked against the article each claims file names in ``source: {text: ...}``.

A claims file's ``source.text`` is a path, relative to the file, to the plain
text of the document it encodes. :func:`check_source_texts` verifies every
quote of such a file against that text, the way ``argmap quotes`` does, and
reports each miss as an error at the quote, with the closest passage as the
hint. A source text that is missing or unreadable is a warning, not an
error: a map stays valid on a machine without the articles beside it.

Only a relative path to a ``.txt``, ``.text`` or ``.md`` regular file is
read, at most :data:`MAX_SOURCE_BYTES` of it, and a symlink only if what it
points to has one of those suffixes too (never ``/proc/self/environ``). A
map's files are untrusted, so a passage of a source text (a hint's closest
passage, the editor's hover and quote completion) is shown only when the text
lies inside the map's folder: a text outside it (``../private/diary.md``) is
still checked, quote by quote, but none of its content is printed unless the
user names it, as in ``argmap quotes CLAIMS_FILE TEXT``.

>>> import argmap, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "map.yaml").write_text("title: Tea?\\nperspectives: {tea: {label: Tea}}\\n")
>>> _ = (folder / "article.txt").write_text("I think tea calms the mind.")
>>> _ = (folder / "tea.yaml").write_text(
...     "perspective: tea\\nsource: {title: On Tea, text: article.txt}\\nclaims:\\n"
...     "  - {id: a, text: Tea calms., quote: tea calms the mind}\\n"
...     "  - {id: b, text: Tea heals., quote: tea heals the body}\\n")
>>> result = check_source_texts(argmap.load(folder))
>>> result.checked, [str(p).split(": ", 1)[1] for p in result.problems]
(2, ["error: quote of 'b' is not in the source text article.txt (closest passage, 72% alike: 'tea calms the mind')"])
"""

from __future__ import annotations

import os
import shlex
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Mapping

from ..errors import Position, Problem, excerpt
from ..model import ArgumentMap, Claim
from .files import find_map_root, read_input
from .quotes import quote_misses

#: The largest source text read.
MAX_SOURCE_BYTES = 20 * 1024 * 1024
SOURCE_SUFFIXES = (".txt", ".text", ".md")
#: How much of the closest passage a hint shows.
HINT_LENGTH = 160


@dataclass
class SourceCheck:
    """What checking the quotes against the source texts found."""

    checked: int = 0
    #: quotes not in their source text: errors
    problems: list[Problem] = field(default_factory=list)
    #: source texts that could not be read: warnings
    warnings: list[Problem] = field(default_factory=list)


def source_text_path(claims_file: str, text: str) -> Path | None:
    """Where ``source.text`` points, from the claims file that names it; ``None`` if it may not be read.

    >>> source_text_path("claims/rel.yaml", "../seeds/article.txt").as_posix()
    'claims/../seeds/article.txt'
    >>> source_text_path("claims/rel.yaml", "/etc/passwd") is None, source_text_path("c/r.yaml", "a.pdf") is None
    (True, True)
    """
    given = PurePath(text)
    if given.is_absolute() or given.suffix.lower() not in SOURCE_SUFFIXES or "\x00" in text:
        return None
    path = Path(claims_file).parent / given
    # A link named article.txt may point at /proc/self/environ: what it resolves to must be a text file too.
    if os.path.islink(path) and Path(os.path.realpath(path)).suffix.lower() not in SOURCE_SUFFIXES:
        return None
    return path


def passages_shown(claims_file: str, path: Path) -> bool:
    """Whether passages of the source text at ``path`` may be printed: only if it lies inside the map's folder.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "map").mkdir(), (root / "map" / "map.yaml").write_text(""), (root / "map" / "a.txt").write_text("")
    >>> passages_shown(str(root / "map" / "t.yaml"), root / "map" / "a.txt")
    True
    >>> passages_shown(str(root / "map" / "t.yaml"), root / "map" / ".." / "diary.md")
    False
    """
    folder = find_map_root(Path(claims_file))
    if folder is None:
        return False
    target, inside = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return target == inside or inside in target.parents


def read_source_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """A source text's content, or ``None`` and the reasons it cannot be read."""
    problems: list[Problem] = []
    raw = read_input(path, shown, problems, limit=MAX_SOURCE_BYTES, what="source text")
    if raw is None:
        return None, problems
    try:
        return raw.decode("utf-8"), problems
    except UnicodeDecodeError:
        return None, [Problem(Position(shown, 1, 1), "cannot read source text: not UTF-8 text")]


def check_source_texts(argument_map: ArgumentMap, *, texts: Mapping[str, str] | None = None) -> SourceCheck:
    """Check every quote of every claims file that names a ``source.text``.

    ``texts`` maps a source text's path to its content, for editors that
    already hold it; other texts are read from disk.
    """
    result = SourceCheck()
    by_file: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in argument_map.claims.values():
        if claim.source is not None and claim.source.text and claim.position is not None:
            by_file[claim.position.path, claim.source.text].append(claim)
    for (claims_file, text), claims in by_file.items():
        first = claims[0].position or Position(claims_file, 1, 1)
        path = source_text_path(claims_file, text)
        if path is None:
            result.warnings.append(Problem(Position(claims_file, 1, 1), f"source text '{excerpt(text, 60)}' is "
                                           "not read: give a relative path to a .txt, .text or .md file",
                                           severity="warning"))
            continue
        content = (texts or {}).get(str(path))
        if content is None:
            content, unreadable = read_source_text(path, str(path))
            if content is None:
                reason = unreadable[0].message if unreadable else "cannot read it"
                result.warnings.append(Problem(Position(claims_file, first.line, first.column),
                                               f"source text {excerpt(text, 60)}: {reason}; its quotes are not "
                                               "checked", severity="warning"))
                continue
        shown = passages_shown(claims_file, path)
        result.problems.extend(_misses(claims, content, text, path if not shown else None))
        result.checked += sum(1 for claim in claims if claim.quote)
    return result


def _misses(claims: list[Claim], content: str, shown: str, outside: Path | None) -> list[Problem]:
    """A problem per quote missing from ``content``; with ``outside``, the text's path, no passage is shown."""
    def hint(claims_file: str, similarity: float, closest: str) -> str:
        if outside is None:
            return f"closest passage, {similarity:.0%} alike: '{excerpt(closest, HINT_LENGTH)}'"
        return (f"the source text is outside the map's folder, so none of it is shown here; "
                f"argmap quotes {shlex.quote(claims_file)} {shlex.quote(str(outside))} shows the closest passages")
    return [Problem(miss.position, f"quote of '{miss.claim_id}' is not in the source text {excerpt(shown, 60)}",
                    hint(miss.position.path, miss.similarity, miss.closest))
            for miss in quote_misses(claims, content, shown, closest=outside is None)]
