"""Load a map: a directory (``map.yaml`` plus claims files), or one YAML string.

This is the loading orchestrator. It reads each file strictly, collects every
problem in every file, runs the cross-file checks of :mod:`argmap.io.validate`,
and raises one :class:`~argmap.errors.MapError` listing them all. It also
applies the speed helpers: the parse cache, phase timing and GC pausing.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

from ..errors import MapError, Position, Problem
from ..model import DEFAULT_COLORS, ArgumentMap, Perspective
from ..profile import count_file, gc_paused, phase, report_progress
from .cache import ParseCache, digest_of
from .documents import (MANIFEST_KEYS, ClaimsFile, Manifest, claims_file_from, compose_file, manifest_from,
                        read_claims_document, read_manifest)
from .files import (MANIFEST, MAX_FILE_BYTES, OUTSIDE_LINK, find_claims_files, hidden_below, read_input,
                    symlink_outside)
from .parts import FilePart, remember_file_parts
from .structure import claims_structure, remember_structure
from .validate import validate
from .yamlnodes import NodeReader, compose_documents

#: The name a map read by :func:`loads` gives its text in messages.
STRING_SOURCE = "<string>"


def load(path: str | os.PathLike[str] = "claims", *, cache: bool = False,
         max_file_bytes: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Load and validate the map in directory ``path``.

    Raises :class:`~argmap.errors.MapError` listing every problem found, each
    with its file, line and column. With ``cache``, parse results are kept in
    the user's cache directory (see :mod:`argmap.io.cache`) keyed by each
    file's content, so the next load re-parses only the files that changed.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "map.yaml").write_text("title: Tea?\\nperspectives: {tea: {label: Tea}}\\n")
    >>> _ = (root / "tea.yaml").write_text("perspective: tea\\nclaims:\\n  - {id: best, text: Tea is best.}\\n")
    >>> sorted(load(root).claims)
    ['best']
    >>> load(root / "no-such-dir")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: ...no-such-dir:1:1: error: no such directory (give the directory that holds map.yaml, or start one with: argmap init)
    """
    result = load_result(path, cache=cache, max_file_bytes=max_file_bytes)
    if result.map is None:
        raise MapError(result.problems)
    return result.map


@dataclass
class LoadResult:
    """A map as far as it could be read: its files and problems, and the map itself when it is valid."""

    manifest: Manifest | None
    files: list[ClaimsFile]
    problems: list[Problem]
    map: ArgumentMap | None


class MemoryCache:
    """Parse results kept in memory, keyed by path and content: what an editor session reuses.

    It has :class:`~argmap.io.cache.ParseCache`'s ``get``, ``put`` and ``prune``.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, ClaimsFile, list[Problem]]] = {}
        self._used: set[str] = set()

    def get(self, shown_path: str, digest: str) -> tuple[ClaimsFile, list[Problem]] | None:
        self._used.add(shown_path)
        entry = self._entries.get(shown_path)
        return (entry[1], list(entry[2])) if entry is not None and entry[0] == digest else None

    def put(self, shown_path: str, digest: str, claims_file: ClaimsFile, problems: list[Problem]) -> None:
        self._used.add(shown_path)
        self._entries[shown_path] = (digest, claims_file, list(problems))

    def prune(self) -> None:
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self._used = set()


def load_result(path: str | os.PathLike[str], *, cache: bool | MemoryCache = False,
                overlays: Mapping[str, str] | None = None, max_file_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Read the map in directory ``path`` without raising: every file, every problem, and the map if valid.

    ``cache`` is ``True`` for the on-disk parse cache (as :func:`load` uses
    it), or a :class:`MemoryCache` kept across calls. ``overlays`` maps a file's path (as ``path / name`` spells it) to text that
    replaces the file's content on disk, or adds a claims file not yet saved:
    what an editor holds is what is checked.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "map.yaml").write_text("title: Tea?\\nperspectives: {tea: {label: Tea}}\\n")
    >>> _ = (root / "tea.yaml").write_text("perspective: tea\\nclaims:\\n  - {id: best, text: Tea is best.}\\n")
    >>> typo = "perspective: tea\\nclaims:\\n  - {id: best, text: Tea., supports: [bets]}\\n"
    >>> result = load_result(root, overlays={str(root / "tea.yaml"): typo})
    >>> result.map is None, [c.id for f in result.files for c in f.claims], result.problems[0].message
    (True, ['best'], "supports refers to unknown claim id 'bets'")
    """
    root = Path(path)
    if root.is_file() and root.name == MANIFEST:
        root = root.parent
    if not root.is_dir():
        return LoadResult(None, [], [Problem(Position(str(path), 1, 1), "no such directory",
                                             "give the directory that holds map.yaml, or start one with: argmap init")],
                          None)
    manifest_path = root / MANIFEST
    texts = dict(overlays or {})
    if not os.path.lexists(manifest_path) and str(manifest_path) not in texts:
        return LoadResult(None, [], [Problem(Position(str(manifest_path), 1, 1), "the map has no map.yaml",
                                             "create it with a title and the perspectives")], None)

    problems: list[Problem] = []
    parse_cache = ParseCache(root) if cache is True else (cache or None)

    def read(file: Path) -> bytes | None:
        if str(file) not in texts:
            return read_input(file, str(file), problems, within=root, limit=max_file_bytes)
        # What an editor holds meets the same rules as what is on disk.
        if symlink_outside(file, root):
            problems.append(Problem(Position(str(file), 1, 1), OUTSIDE_LINK, "copy the file into the map instead"))
            return None
        data = texts[str(file)].encode("utf-8", "surrogateescape")
        if len(data) > max_file_bytes:
            problems.append(Problem(Position(str(file), 1, 1), f"file is too large ({len(data):,} bytes; the limit "
                                    f"is {max_file_bytes:,})", "split it into several claims files"))
            return None
        return data

    with gc_paused():
        with phase("read claims"):
            manifest_bytes = read(manifest_path)
            with phase("parse YAML"):
                nodes = None if manifest_bytes is None else compose_file(manifest_bytes, str(manifest_path), problems)
            manifest = manifest_from(nodes, str(manifest_path), problems)
            paths = find_claims_files(root, problems)
            unsaved = sorted(Path(p) for p in texts if Path(p).suffix in (".yaml", ".yml") and Path(p) != manifest_path
                             and Path(p) not in paths and _inside_folder(Path(p), root)
                             and not hidden_below(Path(p), root))
            paths = sorted([*paths, *unsaved], key=lambda p: p.relative_to(root).as_posix())
            files = []
            for index, claims_path in enumerate(paths):
                report_progress(f"reading {index + 1} of {len(paths)} claims files")
                files.append(_read_claims_file(claims_path, read(claims_path), problems, parse_cache))
            if parse_cache is not None:
                parse_cache.prune()
        return LoadResult(manifest, files, problems, _assembled(manifest, files, problems, parse_cache))


def _inside_folder(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def loads(text: str, source_name: str = STRING_SOURCE) -> ArgumentMap:
    """Load a map from one YAML string; handy for examples, tests and notebooks.

    The string holds what a map directory's files would, as YAML documents
    separated by ``---``: optionally first a manifest (``title`` and
    ``perspectives``, as in ``map.yaml``), then one or more claims documents.
    Without a manifest, the perspectives are the ones the claims documents
    name, in order. Problems are reported at their line in the string, under
    ``source_name`` (``argmap check -`` passes ``<stdin>``).

    >>> m = loads('''
    ... perspective: tea
    ... claims:
    ...   - {id: tea.best, text: Tea is the better drink., kind: thesis}
    ...   - {id: tea.calm, text: Tea calms., supports: [tea.best]}
    ... ''')
    >>> m.title, list(m.perspectives), [(r.source, r.kind, r.target) for r in m.relations()]
    ('Untitled map', ['tea'], [('tea.calm', 'supports', 'tea.best')])
    >>> loads("perspective: tea\\nclaims:\\n  - {id: a, text: A., supports: [b]}\\n")
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: <string>:3:34: error: supports refers to unknown claim id 'b'
    """
    problems: list[Problem] = []
    with gc_paused():
        with phase("parse YAML"):
            nodes, failures = compose_documents(text, source_name)
        problems.extend(failures)
        reader = NodeReader(source_name, may_alias="*" in text)
        with phase("read claims"):
            manifest = None
            if nodes and _is_manifest(nodes[0]):
                manifest = read_manifest(nodes.pop(0), reader)
            files = [read_claims_document(node, reader) for node in nodes]
        problems.extend(reader.problems)
        if not failures and not files:
            problems.append(Problem(Position(source_name, 1, 1), "the map has no claims",
                                    "add a document with a perspective and a list of claims"))
        if manifest is None and not failures:
            manifest = _inferred_manifest(files)
        return _validated(manifest, files, problems)


def _is_manifest(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value in MANIFEST_KEYS for key, _ in node.value)


def _inferred_manifest(files: list[ClaimsFile]) -> Manifest:
    """The manifest of a map that has none: one perspective per name its claims documents use."""
    names = dict.fromkeys(f.perspective for f in files if f.perspective)
    perspectives = {name: Perspective(name, name, DEFAULT_COLORS[index % len(DEFAULT_COLORS)])
                    for index, name in enumerate(names)}
    return Manifest("Untitled map", None, perspectives)


def _validated(manifest: Manifest | None, files: list[ClaimsFile], problems: list[Problem]) -> ArgumentMap:
    argument_map = _assembled(manifest, files, problems)
    if argument_map is None:
        raise MapError(problems)
    return argument_map


def _assembled(manifest: Manifest | None, files: list[ClaimsFile], problems: list[Problem],
               parse_cache: ParseCache | MemoryCache | None = None) -> ArgumentMap | None:
    """The map, after the checks across files; ``None`` if any problem was found.

    The checks are skipped when the parse cache says these very files, with
    these perspectives, passed them before: they took 0.4 s of every load
    of a 100,000-claim map.
    """
    if manifest is not None:
        cache = parse_cache if isinstance(parse_cache, ParseCache) else None
        key = _validation_key(manifest, files) if cache is not None else None
        if cache is None or key is None or not cache.validated(key):
            with phase("validate"):
                found = validate(manifest.perspectives, files, manifest.questions)
            problems.extend(found)
            if cache is not None and key is not None and not found:
                cache.remember_validated(key)
    if problems or manifest is None:
        return None
    argument_map = ArgumentMap(
        title=manifest.title,
        description=manifest.description,
        summary=manifest.summary,
        lint_off=manifest.lint_off,
        questions=manifest.questions,
        perspectives=manifest.perspectives,
        claims={claim.id: claim for f in files for claim in f.claims},
    )
    parts = [f.structure for f in files]
    if all(parts):  # each file's part came with the parse cache; else the digest is computed when asked
        remember_structure(argument_map, parts)  # type: ignore[arg-type]
    if all(f.content for f in files):
        remember_file_parts(argument_map, [FilePart(f.content, len(f.claims)) for f in files])  # type: ignore[arg-type]
    return argument_map


def _validation_key(manifest: Manifest, files: list[ClaimsFile]) -> str | None:
    """All that :func:`validate` reads, as one digest; ``None`` unless every file's structure digest is known.

    The checks read the perspectives' ids, each file's perspective and
    whether it parsed, and the claims' ids and relations, which the
    structure digests cover; positions only go into the messages.
    """
    if not all(f.structure for f in files):
        return None
    parts = [[f.perspective, f.unparsed, f.structure] for f in files]
    questions = [[q.id, list(q.positions)] for q in manifest.questions.values()]
    return hashlib.sha256(json.dumps([list(manifest.perspectives), questions, parts]).encode("utf-8")).hexdigest()


def _read_claims_file(path: Path, raw: bytes | None, problems: list[Problem],
                      cache: ParseCache | MemoryCache | None) -> ClaimsFile:
    """One claims file, from the cache when its content has not changed."""
    shown = str(path)
    if raw is None:
        return ClaimsFile(shown, None, None, None, unparsed=True)
    digest = None
    if cache is not None:
        digest = digest_of(raw)
        with phase("cache"):
            hit = cache.get(shown, digest)
        if hit is not None:
            count_file(shown, cached=True)
            problems.extend(hit[1])
            hit[0].content = digest
            return hit[0]
    own_problems: list[Problem] = []
    with phase("parse YAML"):
        nodes = compose_file(raw, shown, own_problems)
    parsed = claims_file_from(nodes, shown, own_problems, may_alias=b"*" in raw)
    count_file(shown, cached=False)
    parsed.content = digest
    if cache is not None and digest is not None:
        parsed.structure = claims_structure(parsed.claims)  # kept in the cache with the file
        with phase("cache"):
            cache.put(shown, digest, parsed, own_problems)
    problems.extend(own_problems)
    return parsed
