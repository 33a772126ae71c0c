"""A content-hashed cache of parsed claims files, so a rebuild re-parses only
the files that changed.

The cache lives in the user's cache directory (``$XDG_CACHE_HOME/argmap``,
else ``~/.cache/argmap``, through platformdirs), never in the claims
directory: a map that arrives with a repository cannot bring a cache, or a
symlink in its place. Each map gets a folder named by a hash of its resolved
path, and each claims file one JSON entry there. JSON, not pickle, so an
entry can never run code.

An entry is believed only if it was written by this argmap for exactly this
file: it names the cache format and the SHA-256 of the file's bytes, and it
carries an HMAC under a secret key kept (mode 0600) in the cache directory,
so an entry planted or edited by anyone else is ignored; the shape of an
authentic entry is the encoder's own. A bad entry is parsed again and
overwritten.

Writing never follows a symlink: temporary files are created exclusively
(``O_EXCL``, and ``O_NOFOLLOW`` where the system has it) and renamed over the entry, and pruning deletes only
regular files with the names this module gives. A cache that cannot be read
or written is ignored; it never fails a build.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import Position, Problem
from ..model import Answer, Claim, Relation, Source, Undercut
from .documents import ClaimsFile
from .files import portable_flags

FORMAT = f"10/{__version__}"
_ENTRY = re.compile(r"[0-9a-f]{32}\.json")
_TEMPORARY = re.compile(r"\.[0-9a-f]{32}\.json\.[0-9a-f]{16}\.tmp")
KEY_FILE = "key"
#: Entries of each kind a DerivedCache keeps: a few maps built in turn all stay warm.
DERIVED_KEEP = 8


def cache_home() -> Path:
    """Where argmap keeps its caches: ``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``.

    >>> import os
    >>> os.environ["XDG_CACHE_HOME"] = "/tmp/argmap-doctest-cache"
    >>> str(cache_home())
    '/tmp/argmap-doctest-cache/argmap'
    >>> del os.environ["XDG_CACHE_HOME"]
    """
    import platformdirs

    return Path(platformdirs.user_cache_dir("argmap", appauthor=False))


def _place(position: Position | None) -> tuple[int, int]:
    """A position within the cached file as (line, column); (0, 0) for none."""
    return (position.line, position.column) if position else (0, 0)


def _source_to_json(source: Source | None) -> list[Any] | None:
    return [source.title, source.author, source.url, source.text] if source else None


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
        "structure": claims_file.structure,
        "problems": [[_place(p.position), p.message, p.hint] for p in problems],
        "claims": [
            [c.id, c.text, c.kind, c.quote, c.tags, c.note, *_place(c.position), *_place(c.quote_position),
             [[r.target, r.kind, r.note, *_place(r.position), r.basis, r.issue, r.mutual] for r in c.relations],
             c.title, c.asserted,
             [[u.reason, u.conclusion, u.note, *_place(u.position), u.basis, u.issue] for u in c.undercuts],
             [[a.question, a.position, *_place(a.place)] for a in c.answers]]
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
    ...     "  - {id: best, title: Tea, text: Tea is best., kind: thesis, tags: [core], asserted: false}\\n"
    ...     "  - {id: calm, text: Tea calms., quote: it calms, supports: [{to: best, note: Calm., basis: inferred}]}\\n")
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
        return tuple.__new__(Position, (path, line, column)) if line else None  # Position(...), one call less

    source = Source(*raw["source"]) if raw["source"] else None
    perspective = raw["perspective"]
    # Decoding is most of a cached load, so this is one loop, not nested calls (0.7 s for 100,000 claims,
    # from 1.1 s), and each claim and relation is filled in without its dataclass __init__, which sets
    # every field through object.__setattr__ (40% of decoding). The Positions are made as at() makes
    # them, written out: one call less per claim and relation.
    new, position, claim_type, relation_type = object.__new__, tuple.__new__, Claim, Relation
    claims = []
    for (claim_id, text, kind, quote, tags, note, line, column, quote_line, quote_column, relations, title,
         asserted, undercuts, answers) in raw["claims"]:
        kept = []
        for target, relation_kind, relation_note, relation_line, relation_column, basis, issue, mutual in relations:
            relation = new(relation_type)
            relation.__dict__.update(source=claim_id, target=target, kind=relation_kind, note=relation_note,
                                     position=position(Position, (path, relation_line, relation_column))
                                     if relation_line else None, basis=basis, issue=issue, mutual=mutual)
            kept.append(relation)
        claim = new(claim_type)
        claim.__dict__.update(id=claim_id, text=text, perspective=perspective or "", kind=kind, quote=quote,
                              tags=tuple(tags), note=note, relations=tuple(kept), source=source,
                              position=position(Position, (path, line, column)) if line else None,
                              quote_position=position(Position, (path, quote_line, quote_column))
                              if quote_line else None, title=title, asserted=asserted,
                              undercuts=tuple(Undercut(claim_id, reason, conclusion, u_note, at(u_line, u_column),
                                                       u_basis, u_issue)
                                              for reason, conclusion, u_note, u_line, u_column, u_basis, u_issue
                                              in undercuts),
                              answers=tuple(Answer(question, answer, at(a_line, a_column))
                                            for question, answer, a_line, a_column in answers))
        claims.append(claim)
    parsed = ClaimsFile(path, perspective, at(*raw["perspective_position"]), source, claims,
                        unparsed=raw["unparsed"], structure=raw["structure"])
    problems = [Problem(at(*place) or Position(path, 1, 1), message, hint) for place, message, hint in raw["problems"]]
    return parsed, problems


def _private_folder(path: Path) -> bool:
    """Make ``path`` a folder only we can enter; refuse a symlink or anything else in its place."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode)


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file, never through a symlink; ``None`` for anything else."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):  # never a link, a FIFO or a folder, flags or not
            return None
        descriptor = os.open(path, os.O_RDONLY | portable_flags("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"))
    except OSError:
        return None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:  # before fdopen, which raises for a directory
        os.close(descriptor)
        return None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read(limit + 1)
        except OSError:
            return None


def _write_new(folder: Path, name: str, data: bytes) -> None:
    """Write ``data`` to ``folder/name`` through an exclusive temporary file and a rename."""
    temporary = folder / f".{name}.{secrets.token_hex(8)}.tmp"
    # O_EXCL alone refuses any existing name, a symlink included; O_NOFOLLOW is a second guard where it exists.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | portable_flags("O_NOFOLLOW", "O_BINARY"),
                         0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, folder / name)  # a rename replaces a symlink itself, never its target
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


#: The largest cache entry read back: far beyond any claims file's.
MAX_ENTRY_BYTES = 512 * 1024 * 1024


class _Signed:
    """A cache in ``home`` whose entries carry an HMAC under this user's key."""

    home: Path
    _key: bytes | None = None

    def key(self) -> bytes | None:
        """The secret that signs this user's entries, made on first use."""
        if self._key is None:
            self._key = _user_key(self.home)
        return self._key


class ParseCache(_Signed):
    """Parse results of one map's claims files, keyed by content.

    >>> import tempfile, pathlib, os
    >>> os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> parsed = ClaimsFile("tea.yaml", "tea", None, None)
    >>> ParseCache(root).put("tea.yaml", "abc", parsed, [])
    >>> ParseCache(root).get("tea.yaml", "abc") == (parsed, [])
    True
    >>> ParseCache(root).get("tea.yaml", "another digest") is None
    True
    >>> del os.environ["XDG_CACHE_HOME"]
    """

    def __init__(self, root: Path, home: Path | None = None):
        self.home = home or cache_home()
        self.folder = self.home / hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape")
                                                 ).hexdigest()[:32]
        self.used: set[str] = set()

    def _entry_name(self, shown_path: str) -> str:
        return hashlib.sha256(shown_path.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"

    def get(self, shown_path: str, digest: str) -> tuple[ClaimsFile, list[Problem]] | None:
        # The MAC proves this module wrote the entry, for this format, path and
        # content, so its shape is the encoder's: no per-claim check is needed
        # (one cost 70 ms of a 20,000-claim rebuild). Anything that still
        # fails to decode is parsed again.
        data = self._read(shown_path)
        try:
            if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("digest") != digest \
                    or data.get("path") != shown_path:
                return None
            return decode(shown_path, data["result"])
        except Exception:  # noqa: BLE001 - any entry that does not decode is simply parsed again
            return None

    def put(self, shown_path: str, digest: str, claims_file: ClaimsFile, problems: list[Problem]) -> None:
        self._write(shown_path, {"format": FORMAT, "digest": digest, "path": shown_path,
                                 "result": encode(claims_file, problems)})

    #: the entry's name for the files last found valid together; no file's path holds a NUL
    _VALIDATED = "\0validated"

    def validated(self, key: str) -> bool:
        """Whether the map's files, as summed up by ``key``, were found valid together when last loaded.

        >>> import tempfile, pathlib, os
        >>> os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
        >>> cache = ParseCache(pathlib.Path(tempfile.mkdtemp()))
        >>> cache.remember_validated("abc")
        >>> cache.validated("abc"), cache.validated("another key")
        (True, False)
        >>> del os.environ["XDG_CACHE_HOME"]
        """
        return bool(self._read(self._VALIDATED) == {"format": FORMAT, "validated": key})

    def remember_validated(self, key: str) -> None:
        """Record ``key`` as the files found valid together (one entry: the last map loaded from this folder)."""
        self._write(self._VALIDATED, {"format": FORMAT, "validated": key})

    def _read(self, shown_path: str) -> Any:
        """The data of the entry for ``shown_path`` if this user's key signed it, else ``None``."""
        name = self._entry_name(shown_path)
        self.used.add(name)
        key = self.key()
        raw = _read_regular(self.folder / name, MAX_ENTRY_BYTES) if key is not None else None
        if raw is None:
            return None
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(mac, _mac(key, body).encode("ascii")):  # type: ignore[arg-type]
            return None
        try:
            return json.loads(body)
        except ValueError:
            return None

    def _write(self, shown_path: str, data: Any) -> None:
        name = self._entry_name(shown_path)
        self.used.add(name)
        key = self.key()
        if key is None or not _private_folder(self.folder):
            return
        body = json.dumps(data, separators=(",", ":")).encode("utf-8")
        try:
            _write_new(self.folder, name, _mac(key, body).encode("ascii") + b"\n" + body)
        except OSError:
            pass

    def prune(self) -> None:
        """Drop entries this load did not use (files deleted or renamed), and stale temporary files.

        The record of the files last found valid together stays.

        Only regular files with the names this module writes are removed.
        """
        try:
            names = os.listdir(self.folder) if stat.S_ISDIR(os.lstat(self.folder).st_mode) else []
        except OSError:
            return
        kept = self.used | {self._entry_name(self._VALIDATED)}
        for name in names:
            stale = _ENTRY.fullmatch(name) and name not in kept
            if stale or _TEMPORARY.fullmatch(name):
                try:
                    if stat.S_ISREG(os.lstat(self.folder / name).st_mode):
                        os.unlink(self.folder / name)
                except OSError:
                    pass


def _user_key(home: Path) -> bytes | None:
    """The secret (mode 0600, in the cache directory) that signs this user's entries, made on first use."""
    if not _private_folder(home):
        return None
    path = home / KEY_FILE
    key = _read_regular(path, 64)
    if key is None or len(key) != 32:
        try:
            _write_new(home, KEY_FILE, secrets.token_bytes(32))
        except OSError:
            return None
        key = _read_regular(path, 64)
    return key if key is not None and len(key) == 32 else None


def _mac(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


class DerivedCache(_Signed):
    """What a build derives from a map's structure (the layout, the comparison), keyed by a digest of it.

    A rebuild after an edit that leaves the structure as it was (a claim's
    text, a quote, a comment) reuses them instead of computing them again.
    Entries are signed and checked like :class:`ParseCache`'s, and name the
    cache format, so another argmap version's entries are never believed. Only
    the newest :data:`DERIVED_KEEP` entries of each kind are kept.

    >>> import tempfile, pathlib
    >>> cache = DerivedCache(pathlib.Path(tempfile.mkdtemp()))
    >>> cache.put("layout", "d1", {"a": [0, 0]})
    >>> cache.get("layout", "d1"), cache.get("layout", "d2")
    ({'a': [0, 0]}, None)
    """

    def __init__(self, home: Path | None = None):
        self.home = home or cache_home()
        self.folder = self.home / "derived"

    def _name(self, kind: str, digest: str) -> str:
        return f"{kind}-{hashlib.sha256(digest.encode('ascii', 'replace')).hexdigest()[:32]}.json"

    def get(self, kind: str, digest: str) -> Any | None:
        key = self.key()
        path = self.folder / self._name(kind, digest)
        raw = _read_regular(path, MAX_ENTRY_BYTES) if key else None
        if raw is None or key is None:
            return None
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(mac, _mac(key, body).encode("ascii")):
            return None
        try:
            data = json.loads(body)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("kind") != kind \
                or data.get("digest") != digest:
            return None
        try:  # used now: pruning keeps the entries used last
            os.utime(path, follow_symlinks=False)
        except OSError:
            pass
        return data.get("value")

    def put(self, kind: str, digest: str, value: Any, keep: int = DERIVED_KEEP) -> None:
        key = self.key()
        if key is None or not _private_folder(self.folder):
            return
        body = json.dumps({"format": FORMAT, "kind": kind, "digest": digest, "value": value},
                          separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        name = self._name(kind, digest)
        try:
            _write_new(self.folder, name, _mac(key, body).encode("ascii") + b"\n" + body)
        except OSError:
            return
        self._prune(kind, name, keep)

    def bound(self, digest: str) -> BoundCache:
        """This cache for one map structure, as :class:`argmap.analysis.sides.Store` asks for it.

        >>> import tempfile, pathlib
        >>> store = DerivedCache(pathlib.Path(tempfile.mkdtemp())).bound("d1")
        >>> store.put("sides", {"tea": 1})
        >>> store.get("sides"), store.get("dependants")
        ({'tea': 1}, None)
        """
        return BoundCache(self, digest)

    def _prune(self, kind: str, written: str, keep: int) -> None:
        pattern = re.compile(rf"{re.escape(kind)}-[0-9a-f]{{32}}\.json")
        try:
            found = [(os.lstat(self.folder / n), n) for n in os.listdir(self.folder) if pattern.fullmatch(n)]
        except OSError:
            return
        others = [(info.st_mtime, n) for info, n in found if stat.S_ISREG(info.st_mode) and n != written]
        for _, name in sorted(others, reverse=True)[keep - 1:]:
            try:
                os.unlink(self.folder / name)
            except OSError:
                pass


def digest_of(content: bytes) -> str:
    """The cache key for a file's bytes."""
    return hashlib.sha256(content).hexdigest()


class BoundCache:
    """A :class:`DerivedCache` for one structure digest: ``get(kind)`` and ``put(kind, value)``."""

    def __init__(self, cache: DerivedCache, digest: str):
        self.cache, self.digest = cache, digest

    def get(self, kind: str) -> Any | None:
        return self.cache.get(kind, self.digest)

    def put(self, kind: str, value: Any) -> None:
        self.cache.put(kind, self.digest, value)
