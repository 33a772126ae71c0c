"""A content-hashed cache of parsed claims files, so a rebuild re-parses only
the files that changed.

Entries live in ``CLAIMS_DIR/.argmap-cache/`` (with a ``.gitignore`` so they
are never committed). Each holds one file's parse result as JSON, keyed by a
SHA-256 of the file's bytes and by the cache format. JSON, not pickle: a cache
folder that arrives with a cloned repository must never be able to run code.
A cache that cannot be read or written is ignored; it never fails a build.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TypeVar

from .._version import __version__
from ..errors import Position, Problem
from ..model import Claim, Relation, Source
from .documents import ClaimsFile

CACHE_FOLDER = ".argmap-cache"
FORMAT = f"2/{__version__}"
T = TypeVar("T")


def _place(position: Position | None) -> tuple[int, int]:
    """A position within the cached file as (line, column); (0, 0) for none."""
    return (position.line, position.column) if position else (0, 0)


def _source_to_json(source: Source | None) -> list[Any] | None:
    return [source.title, source.author, source.url] if source else None


def encode(claims_file: ClaimsFile, problems: list[Problem]) -> dict[str, Any]:
    """One parsed claims file (and its problems) as JSON-ready data.

    Positions inside the file are stored as line and column only: their path
    is the file's own.
    """
    return {
        "perspective": claims_file.perspective,
        "perspective_position": _place(claims_file.perspective_position),
        "source": _source_to_json(claims_file.source),
        "unparsed": claims_file.unparsed,
        "problems": [[_place(p.position), p.message, p.hint] for p in problems],
        "claims": [
            [c.id, c.text, c.kind, c.quote, c.tags, c.note, *_place(c.position), *_place(c.quote_position),
             [[r.target, r.kind, r.note, *_place(r.position)] for r in c.relations]]
            for c in claims_file.claims
        ],
    }


def decode(path: str, raw: dict[str, Any]) -> tuple[ClaimsFile, list[Problem]]:
    """Rebuild a parsed claims file and its problems from :func:`encode`'s data.

    >>> import tempfile, pathlib
    >>> from argmap.io.documents import read_claims_file
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tea.yaml"
    >>> _ = path.write_text(
    ...     "perspective: tea\\nsource: {title: On Tea}\\nclaims:\\n"
    ...     "  - {id: best, text: Tea is best., kind: thesis, tags: [core]}\\n"
    ...     "  - {id: calm, text: Tea calms., quote: it calms, supports: [{to: best, note: Calm is good.}]}\\n")
    >>> parsed = read_claims_file(path, [])
    >>> again, problems = decode(parsed.path, json.loads(json.dumps(encode(parsed, []))))
    >>> def places(f):
    ...     return [(c.position, c.quote_position, [r.position for r in c.relations]) for c in f.claims]
    >>> again == parsed and places(again) == places(parsed) and problems == []
    True
    >>> vars(again.claims[1]) == vars(parsed.claims[1])  # every field, compared or not
    True
    """
    def at(line: int, column: int) -> Position | None:
        return Position(path, line, column) if line else None

    source = Source(*raw["source"]) if raw["source"] else None
    perspective = raw["perspective"]
    claims = [
        _trusted(Claim, id=claim_id, text=text, perspective=perspective or "", kind=kind, quote=quote,
                 tags=tuple(tags), note=note,
                 relations=tuple([_trusted(Relation, source=claim_id, target=target, kind=relation_kind,
                                           note=relation_note, position=at(line, column))
                                  for target, relation_kind, relation_note, line, column in relations]),
                 source=source, position=at(line, column), quote_position=at(quote_line, quote_column))
        for claim_id, text, kind, quote, tags, note, line, column, quote_line, quote_column, relations in raw["claims"]
    ]
    parsed = ClaimsFile(path, perspective, at(*raw["perspective_position"]), source, claims,
                        unparsed=raw["unparsed"])
    problems = [Problem(at(*place) or Position(path, 1, 1), message, hint) for place, message, hint in raw["problems"]]
    return parsed, problems


def _trusted(cls: type[T], **fields: Any) -> T:
    """An instance of a frozen dataclass, from values this module wrote itself.

    It skips the dataclass ``__init__``, which sets each field through
    ``object.__setattr__``: that was 40% of decoding a cached map.
    """
    instance = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance


class ParseCache:
    """Parse results of one map's claims files, keyed by content."""

    def __init__(self, root: Path):
        self.folder = root / CACHE_FOLDER
        self.used: set[str] = set()

    def _entry(self, shown_path: str) -> Path:
        return self.folder / (hashlib.sha256(shown_path.encode("utf-8")).hexdigest()[:32] + ".json")

    def get(self, shown_path: str, digest: str) -> tuple[ClaimsFile, list[Problem]] | None:
        entry = self._entry(shown_path)
        self.used.add(entry.name)
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("digest") != digest or raw.get("path") != shown_path:
                return None
            return decode(shown_path, raw["result"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, shown_path: str, digest: str, claims_file: ClaimsFile, problems: list[Problem]) -> None:
        entry = self._entry(shown_path)
        self.used.add(entry.name)
        data = {"format": FORMAT, "digest": digest, "path": shown_path, "result": encode(claims_file, problems)}
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# written by argmap: never commit this cache\n*\n", encoding="utf-8")
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, entry)
        except OSError:
            pass

    def prune(self) -> None:
        """Drop entries this load did not use (files deleted or renamed)."""
        try:
            for entry in self.folder.glob("*.json"):
                if entry.name not in self.used:
                    entry.unlink()
        except OSError:
            pass


def digest_of(content: bytes) -> str:
    """The cache key for a file's bytes."""
    return hashlib.sha256(content).hexdigest()
