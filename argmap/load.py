"""Load a map directory (``map.yaml`` plus claims files) into an ArgumentMap.

The loader knows YAML and files. It reads each file strictly, collects every
problem in every file, runs the cross-file checks of :mod:`argmap.validate`,
and raises one :class:`~argmap.errors.MapError` listing them all.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .bulk import gc_paused
from .cache import ParseCache, digest_of
from .errors import MapError, Position, Problem, did_you_mean
from .model import CLAIM_KINDS, RELATION_KINDS, ArgumentMap, Claim, Perspective, Relation, Source
from .profile import current as current_profile
from .profile import phase
from .validate import validate
from .yamlnodes import NodeReader, compose_file, is_null

MANIFEST = "map.yaml"
CLAIM_KEYS = ("id", "text", "quote", "kind", "tags", "note", *RELATION_KINDS)
ID_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*")
COLOR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")
DEFAULT_COLORS = ("#2a9d8f", "#e76f51", "#457b9d", "#b5838d", "#6a994e", "#8d6a9f")


@dataclass
class Manifest:
    """What ``map.yaml`` declares."""

    title: str
    description: str | None
    perspectives: dict[str, Perspective]


@dataclass
class ClaimsFile:
    """One claims file as read, before the cross-file checks."""

    path: str
    perspective: str | None
    perspective_position: Position | None
    source: Source | None
    #: every claim with an id, even one with other problems, so that its
    #: relations are checked and references to it do not cascade into errors
    claims: list[Claim] = field(default_factory=list)
    #: the file could not be parsed at all, so any id might be defined in it
    unparsed: bool = False


def load(path: str | os.PathLike[str] = "claims", *, cache: bool = False) -> ArgumentMap:
    """Load and validate the map in directory ``path``.

    Raises :class:`~argmap.errors.MapError` listing every problem found, each
    with its file, line and column. With ``cache``, parse results are kept in
    ``path/.argmap-cache/`` keyed by each file's content, so the next load
    re-parses only the files that changed.

    >>> import argmap
    >>> m = argmap.load("claims")
    >>> sorted(m.perspectives)
    ['professional-service', 'relational']
    >>> argmap.load("no-such-dir")
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: no-such-dir:1:1: error: no such directory (give the directory that holds map.yaml)
    """
    root = Path(path)
    if root.is_file() and root.name == MANIFEST:
        root = root.parent
    if not root.is_dir():
        raise MapError([Problem(Position(str(path), 1, 1), "no such directory",
                                "give the directory that holds map.yaml")])
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise MapError([Problem(Position(str(manifest_path), 1, 1), "the map has no map.yaml",
                                "create it with a title and the perspectives")])

    problems: list[Problem] = []
    parse_cache = ParseCache(root) if cache else None
    with gc_paused():
        with phase("read claims"):
            manifest = read_manifest(manifest_path, problems)
            paths = find_claims_files(root)
            files = []
            for index, claims_path in enumerate(paths):
                report_progress(f"reading {index + 1} of {len(paths)} claims files")
                files.append(read_claims_file(claims_path, problems, cache=parse_cache))
            if parse_cache is not None:
                parse_cache.prune()
        if manifest is not None:
            with phase("validate"):
                problems.extend(validate(manifest.perspectives, files))
    if problems or manifest is None:
        raise MapError(problems)
    return ArgumentMap(
        title=manifest.title,
        description=manifest.description,
        perspectives=manifest.perspectives,
        claims={claim.id: claim for f in files for claim in f.claims},
    )


def report_progress(message: str) -> None:
    profile = current_profile()
    if profile is not None:
        profile.report(message)


def find_claims_files(root: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` below ``root`` except the manifest, sorted.

    Hidden files and folders (``.git``, ``.cache``) are skipped.

    >>> [p.name for p in find_claims_files(Path("claims"))]
    ['professional-service.yaml', 'relational.yaml']
    """
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            path = Path(folder) / name
            if name.startswith(".") or path.suffix not in (".yaml", ".yml") or path == root / MANIFEST:
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


@dataclass
class _Document:
    """A composed file: its root node and a reader, or why there is none."""

    node: yaml.Node | None
    reader: NodeReader
    unreadable: bool  # it could not be read or parsed at all


def _document(path: Path, shown: str, problems: list[Problem], content: bytes | None,
              empty: tuple[str, str]) -> _Document:
    """Compose a file; record why it cannot be read, or ``empty`` (message, hint) if it is empty."""
    node, failures = compose_file(path, shown, content)
    problems.extend(failures)
    if node is None and not failures:
        problems.append(Problem(Position(shown, 1, 1), *empty))
    return _Document(node, NodeReader(shown), unreadable=bool(failures))


def read_manifest(path: Path, problems: list[Problem]) -> Manifest | None:
    """Read ``map.yaml``; append its problems to ``problems``."""
    document = _document(path, str(path), problems, None, ("map.yaml is empty", "give it a title and perspectives"))
    node, reader = document.node, document.reader
    if node is None:
        return None
    entries = reader.mapping(node, "map.yaml")
    manifest = None
    if entries is not None:
        reader.reject_unknown_keys(entries, ("title", "description", "perspectives"), "map.yaml")
        title = reader.string(reader.require(entries, "title", node, "map.yaml"), "title", required=True)
        description = reader.string(entries.get("description", (None, None))[1], "description")
        perspectives_node = reader.require(entries, "perspectives", node, "map.yaml")
        perspectives = _read_perspectives(reader, perspectives_node) if perspectives_node else {}
        manifest = Manifest(title or "", description, perspectives)
    problems.extend(reader.problems)
    return manifest


def _read_perspectives(reader: NodeReader, node: yaml.Node) -> dict[str, Perspective]:
    entries = reader.mapping(node, "perspectives")
    if entries is None:
        return {}
    if not entries:
        reader.error(node, "perspectives is empty", "declare at least one perspective")
    perspectives = {}
    for index, (pid, (key_node, value_node)) in enumerate(entries.items()):
        if not ID_PATTERN.fullmatch(pid):
            reader.error(key_node, f"perspective id '{pid}' is not valid",
                         "use letters, digits, '_', '.', ':' and '-'")
            continue
        label, color = pid, DEFAULT_COLORS[index % len(DEFAULT_COLORS)]
        fields = {} if is_null(value_node) else reader.mapping(value_node, f"perspective '{pid}'")
        if fields is not None:
            reader.reject_unknown_keys(fields, ("label", "color"), f"perspective '{pid}'")
            label = reader.string(fields.get("label", (None, None))[1], "label", required="label" in fields) or label
            color_node = fields.get("color", (None, None))[1]
            given = reader.string(color_node, "color")
            if given is not None and COLOR_PATTERN.fullmatch(given):
                color = given
            elif given is not None:
                reader.error(color_node, f"color '{given}' is not a hex colour", 'write it like "#2a9d8f"')
        perspectives[pid] = Perspective(pid, label, color)
    return perspectives


def read_claims_file(path: str | os.PathLike[str], problems: list[Problem], *,
                     cache: ParseCache | None = None) -> ClaimsFile:
    """Read one claims file on its own; append its problems to ``problems``.

    Cross-file checks (unknown ids, perspectives) are not run here. With a
    ``cache``, a file whose content has not changed is not parsed again.

    >>> problems = []
    >>> parsed = read_claims_file("claims/relational.yaml", problems)
    >>> parsed.perspective, len(parsed.claims) > 30, problems
    ('relational', True, [])
    """
    shown = str(path)
    profile = current_profile()
    content = digest = None
    if cache is not None:
        try:
            content = Path(path).read_bytes()
        except OSError:
            pass
        else:
            digest = digest_of(content)
            with phase("cache"):
                hit = cache.get(shown, digest)
            if hit is not None:
                if profile is not None:
                    profile.cached_files.append(shown)
                problems.extend(hit[1])
                return hit[0]
    own_problems: list[Problem] = []
    result = _parse_claims_file(Path(path), shown, own_problems, content)
    if profile is not None:
        profile.parsed_files.append(shown)
    if cache is not None and digest is not None:
        with phase("cache"):
            cache.put(shown, digest, result, own_problems)
    problems.extend(own_problems)
    return result


def _parse_claims_file(path: Path, shown: str, problems: list[Problem], content: bytes | None) -> ClaimsFile:
    document = _document(path, shown, problems, content,
                         ("claims file is empty", "give it a perspective and a list of claims"))
    node, reader = document.node, document.reader
    result = ClaimsFile(shown, None, None, None, unparsed=document.unreadable)
    if node is None:
        return result
    if (entries := reader.mapping(node, "a claims file")) is not None:
        reader.reject_unknown_keys(entries, ("perspective", "source", "claims"), "a claims file")
        perspective_node = reader.require(entries, "perspective", node, "the claims file")
        result.perspective = reader.string(perspective_node, "perspective", required=True)
        if perspective_node is not None:
            result.perspective_position = reader.position(perspective_node)
        if "source" in entries:
            result.source = _read_source(reader, entries["source"][1])
        claims_node = reader.require(entries, "claims", node, "the claims file")
        for item in reader.sequence(claims_node, "claims", "claims: [- id: ..., text: ...]") if claims_node else []:
            claim = _read_claim(reader, item, result)
            if claim is not None:
                result.claims.append(claim)
    problems.extend(reader.problems)
    return result


def _read_source(reader: NodeReader, node: yaml.Node) -> Source | None:
    entries = reader.mapping(node, "source")
    if entries is None:
        return None
    reader.reject_unknown_keys(entries, ("title", "author", "url"), "source")
    title, author, url = (reader.string(entries.get(k, (None, None))[1], k) for k in ("title", "author", "url"))
    return Source(title, author, url)


def _read_claim(reader: NodeReader, node: yaml.Node, file: ClaimsFile) -> Claim | None:
    entries = reader.mapping(node, "a claim")
    if entries is None:
        return None
    reader.reject_unknown_keys(entries, CLAIM_KEYS, "a claim")
    claim_id = reader.string(reader.require(entries, "id", node, "the claim"), "id", required=True)
    if claim_id is not None and not ID_PATTERN.fullmatch(claim_id):
        reader.error(entries["id"][1], f"claim id '{claim_id}' is not valid",
                     "start with a letter or digit; use letters, digits, '_', '.', ':' and '-'")
        claim_id = None
    text = reader.string(reader.require(entries, "text", node, f"claim '{claim_id or '?'}'"), "text", required=True)

    def optional(key: str) -> str | None:
        return reader.string(entries[key][1], key) if key in entries else None

    kind = optional("kind")
    if kind is not None and kind not in CLAIM_KINDS:
        reader.error(entries["kind"][1], f"unknown kind '{kind}'",
                     did_you_mean(kind, CLAIM_KINDS) or "one of: " + ", ".join(CLAIM_KINDS))
    tags: list[str] = []
    if "tags" in entries:
        for tag_node in reader.sequence(entries["tags"][1], "tags", "tags: [core]"):
            tag = reader.string(tag_node, "a tag", required=True)
            if tag is not None:
                tags.append(tag)
    relations = [r for kind_name in RELATION_KINDS if kind_name in entries
                 for r in _read_relations(reader, entries[kind_name][1], kind_name, claim_id or "")]
    if claim_id is None:
        return None
    return Claim(
        id=claim_id, text=text or "", perspective=file.perspective or "", kind=kind, quote=optional("quote"),
        tags=tuple(tags), note=optional("note"), relations=tuple(relations), source=file.source,
        position=reader.position(node),
        quote_position=reader.position(entries["quote"][1]) if "quote" in entries else None,
    )


def _read_relations(reader: NodeReader, node: yaml.Node, kind: str, source: str) -> list[Relation]:
    relations = []
    for item in reader.sequence(node, kind, f"{kind}: [some.claim-id]"):
        target, note = None, None
        if isinstance(item, yaml.MappingNode):
            fields = reader.mapping(item, f"a {kind} entry")
            if fields is not None:
                reader.reject_unknown_keys(fields, ("to", "note"), f"a {kind} entry")
                target = reader.string(reader.require(fields, "to", item, f"the {kind} entry"), "to", required=True)
                note = reader.string(fields.get("note", (None, None))[1], "note")
        else:
            target = reader.string(item, f"a {kind} entry", required=True)
        if target is not None:
            relations.append(Relation(source, target, kind, note, reader.position(item)))  # type: ignore[arg-type]
    return relations
