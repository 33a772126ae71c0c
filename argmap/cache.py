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
from typing import Any

from ._version import __version__
from .errors import Position, Problem
from .model import Claim, Relation, Source

CACHE_FOLDER = ".argmap-cache"
FORMAT = f"1/{__version__}"


def _position(position: Position | None) -> list[Any] | None:
    return list(position) if position else None


def _unposition(raw: list[Any] | None) -> Position | None:
    return Position(*raw) if raw else None


def _source_to_json(source: Source | None) -> list[Any] | None:
    return [source.title, source.author, source.url] if source else None


def encode(claims_file: Any, problems: list[Problem]) -> dict[str, Any]:
    """One parsed claims file (and its problems) as JSON-ready data."""
    return {
        "perspective": claims_file.perspective,
        "perspective_position": _position(claims_file.perspective_position),
        "source": _source_to_json(claims_file.source),
        "unparsed": claims_file.unparsed,
        "problems": [[_position(p.position), p.message, p.hint] for p in problems],
        "claims": [
            [c.id, c.text, c.kind, c.quote, list(c.tags), c.note, _position(c.position), _position(c.quote_position),
             [[r.target, r.kind, r.note, _position(r.position)] for r in c.relations]]
            for c in claims_file.claims
        ],
    }


def decode(path: str, raw: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """Rebuild a parsed claims file and its problems from :func:`encode`'s data."""
    from .load import ClaimsFile

    source = Source(*raw["source"]) if raw["source"] else None
    perspective = raw["perspective"]
    claims = [
        Claim(id=cid, text=text, perspective=perspective or "", kind=kind, quote=quote, tags=tuple(tags), note=note,
              relations=tuple(Relation(cid, target, kind_, rnote, _unposition(rpos))
                              for target, kind_, rnote, rpos in relations),
              source=source, position=_unposition(position), quote_position=_unposition(quote_position))
        for cid, text, kind, quote, tags, note, position, quote_position, relations in raw["claims"]
    ]
    parsed = ClaimsFile(path, perspective, _unposition(raw["perspective_position"]), source, claims,
                        unparsed=raw["unparsed"])
    problems = [Problem(_unposition(pos) or Position(path, 1, 1), message, hint) for pos, message, hint in raw["problems"]]
    return parsed, problems


class ParseCache:
    """Parse results of one map's claims files, keyed by content."""

    def __init__(self, root: Path):
        self.folder = root / CACHE_FOLDER
        self.used: set[str] = set()

    def _entry(self, shown_path: str) -> Path:
        return self.folder / (hashlib.sha256(shown_path.encode("utf-8")).hexdigest()[:32] + ".json")

    def get(self, shown_path: str, digest: str) -> tuple[Any, list[Problem]] | None:
        entry = self._entry(shown_path)
        self.used.add(entry.name)
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("digest") != digest or raw.get("path") != shown_path:
                return None
            return decode(shown_path, raw["result"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, shown_path: str, digest: str, claims_file: Any, problems: list[Problem]) -> None:
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
