"""Turn AIF JSON and Argdown into claim YAML that passes ``argmap check``.

Both importers produce an :class:`Imported` map: a manifest and one claims
file per source and perspective, as plain data ready to write as YAML.
Malformed input raises :class:`~argmap.errors.MapError` with positions.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import MapError, Position, Problem
from .files import write_atomically
from .load import ID_PATTERN

NO_TEXT = "(no text)"


@dataclass
class Imported:
    """A map ready to write: manifest data, and claims files by file name."""

    manifest: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def write(self, directory: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write ``map.yaml`` and the claims files; refuse to overwrite a map."""
        root = Path(directory)
        if (root / "map.yaml").exists() and not force:
            raise MapError([Problem(Position(str(root / "map.yaml"), 1, 1), "a map already exists here",
                                    "choose an empty directory, or pass --force to overwrite it")])
        write_atomically(root / "map.yaml", _dump(self.manifest))
        for name, content in self.files.items():
            write_atomically(root / name, _dump(content))
        return root


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text).strip("-.:")
    return slug if slug and ID_PATTERN.fullmatch(slug) else "x" + slug


class _Builder:
    """Collects claims and relations, dropping what a valid map cannot hold."""

    def __init__(self) -> None:
        self.claims: dict[str, dict[str, Any]] = {}
        self.perspective_of: dict[str, str] = {}
        self.file_of: dict[str, str] = {}
        self.relations: dict[tuple[str, str], dict[str, Any]] = {}

    def claim(self, claim_id: str, text: str, perspective: str, file_name: str, **extra: Any) -> None:
        self.claims[claim_id] = {"id": claim_id, "text": " ".join(str(text).split()) or NO_TEXT,
                                 **{k: v for k, v in extra.items() if v not in (None, [], "")}}
        self.perspective_of[claim_id] = perspective
        self.file_of[claim_id] = file_name

    def relate(self, source: str, kind: str, target: str, note: str | None = None) -> None:
        if source == target or source not in self.claims or target not in self.claims:
            return
        existing = self.relations.get((source, target))
        if existing is None:
            self.relations[(source, target)] = {"kind": kind, "note": note}
        elif existing["kind"] == kind and note and note not in (existing["note"] or ""):
            existing["note"] = f"{existing['note']} {note}" if existing["note"] else note
        # a pair that both supports and contradicts keeps its first relation only

    def files(self, sources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for (source, target), relation in self.relations.items():
            entry: Any = {"to": target, "note": relation["note"]} if relation["note"] else target
            self.claims[source].setdefault(relation["kind"], []).append(entry)
        files: dict[str, dict[str, Any]] = {}
        for claim_id, claim in self.claims.items():
            name = self.file_of[claim_id]
            if name not in files:
                files[name] = {"perspective": self.perspective_of[claim_id]}
                if sources.get(name):
                    files[name]["source"] = sources[name]
                files[name]["claims"] = []
            files[name]["claims"].append(claim)
        return files


# ── AIF ─────────────────────────────────────────────────────────────────────
def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise MapError([Problem(Position(str(path), error.lineno, error.colno), f"invalid JSON: {error.msg}")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise MapError([Problem(Position(str(path), 1, 1), f"cannot read file: {error}")]) from None


def _check_aif(path: Path, data: Any) -> None:
    problems = []
    where = Position(str(path), 1, 1)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise MapError([Problem(where, "not AIF JSON: expected an object with 'nodes' and 'edges' lists")])
    for index, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            problems.append(Problem(where, f"nodes[{index}] needs a nodeID and a type"))
    for index, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            problems.append(Problem(where, f"edges[{index}] needs a fromID and a toID"))
    if problems:
        raise MapError(problems)


def _aif_nodeset(builder: _Builder, path: Path, data: dict[str, Any], prefix: str | None, default_perspective: str,
                 perspectives: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]]) -> None:
    ours = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
    nodes = {str(n["nodeID"]): n for n in data["nodes"]}
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for edge in data["edges"]:
        incoming[str(edge["toID"])].append(str(edge["fromID"]))
        outgoing[str(edge["fromID"])].append(str(edge["toID"]))

    # Perspectives: participants who assert claims through L -> YA -> I.
    participants = {str(p.get("participantID")): p for p in data.get("participants") or [] if isinstance(p, dict)}
    speaker = {str(l.get("nodeID")): str(l.get("personID")) for l in data.get("locutions") or [] if isinstance(l, dict)}

    def perspective_of(node_id: str) -> str:
        for ya in incoming[node_id]:
            for locution in incoming[ya]:
                person = participants.get(speaker.get(locution, ""))
                if person:
                    pid = _slug(str(person.get("surname") or f"participant-{person.get('participantID')}"))
                    label = str(person.get("firstname") or "").strip() or pid
                    perspectives.setdefault(pid, {"label": label})
                    return pid
        perspectives.setdefault(default_perspective, {"label": default_perspective})
        return default_perspective

    def claim_id(node_id: str) -> str:
        return _slug(f"{prefix}.{node_id}") if prefix else _slug(node_id)

    for pid, info in (ours.get("perspectives") or {}).items():
        perspectives.setdefault(pid, {k: v for k, v in info.items() if k in ("label", "color")})
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        perspective = perspective_of(node_id)
        if prefix:
            suffix = "" if perspective == default_perspective else f"-{perspective}"
            file_name = f"{_slug(prefix)}{suffix}.yaml"
        else:
            file_name = f"{perspective}.yaml"
        extra = (ours.get("claims") or {}).get(node_id, {})
        if extra.get("source"):
            sources.setdefault(file_name, extra["source"])
        elif prefix:
            sources.setdefault(file_name, {"title": path.name})
        builder.claim(claim_id(node_id), node.get("text") or "", perspective, file_name,
                      kind=extra.get("kind"), quote=extra.get("quote"), tags=extra.get("tags"), note=extra.get("note"))

    notes = ours.get("notes") or {}
    for node_id, node in nodes.items():
        if node["type"] not in ("RA", "CA"):
            continue
        kind = "supports" if node["type"] == "RA" else "contradicts"
        sources_in = [s for s in incoming[node_id] if nodes.get(s, {}).get("type") == "I"]
        targets = [t for t in outgoing[node_id] if nodes.get(t, {}).get("type") == "I"]
        for t in outgoing[node_id]:  # an attack on an inference lands on its conclusion
            if nodes.get(t, {}).get("type") == "RA":
                targets += [c for c in outgoing[t] if nodes.get(c, {}).get("type") == "I"]
        note = notes.get(node_id)
        if note is None and len(sources_in) > 1:
            together = ", ".join(claim_id(s) for s in sources_in)
            note = f"Linked argument {node_id}: {together} support this together."
        for source in sources_in:
            for target in targets:
                builder.relate(claim_id(source), kind, claim_id(target), note)


def import_aif(path: str | os.PathLike[str]) -> Imported:
    """Import one AIF JSON file, or a directory of nodesets (one claims file each).

    >>> import tempfile, pathlib, json
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "n.json"
    >>> _ = f.write_text(json.dumps({"nodes": [
    ...     {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
    ...     {"nodeID": "3", "text": "RA", "type": "RA"}],
    ...     "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"}]}))
    >>> imported = import_aif(f)
    >>> imported.files["n.yaml"]["claims"][0]
    {'id': '1', 'text': 'A', 'supports': ['2']}
    """
    source = Path(path)
    paths = sorted(source.glob("*.json")) if source.is_dir() else [source]
    if not paths:
        raise MapError([Problem(Position(str(source), 1, 1), "no *.json nodesets in this directory")])
    builder = _Builder()
    perspectives: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    title = None
    description = None
    for nodeset in paths:
        data = _read_json(nodeset)
        _check_aif(nodeset, data)
        ours = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
        title = title or ours.get("title")
        description = description or ours.get("description")
        prefix = nodeset.stem if source.is_dir() else None
        default_perspective = _slug(source.name if source.is_dir() else source.stem.split(".")[0])
        _aif_nodeset(builder, nodeset, data, prefix, default_perspective, perspectives, sources)
    manifest: dict[str, Any] = {"title": title or f"Imported from {source.name}"}
    if description:
        manifest["description"] = description
    manifest["perspectives"] = perspectives or {"aif": {"label": source.stem}}
    return Imported(manifest, builder.files(sources))


# ── Argdown ─────────────────────────────────────────────────────────────────
_STATEMENT = re.compile(r"^\[(?P<title>(?:\\.|[^\]\\])+)\]:\s*(?P<rest>.*)$")
_RELATION = re.compile(r"^(?P<indent>\s+)(?P<arrow>\+>|->|<\+|<-)\s*\[(?P<title>(?:\\.|[^\]\\])+)\]\s*(?P<rest>.*)$")
_TAG = re.compile(r"(?<!\\)#(?:\((?P<long>[^)]*)\)|(?P<short>[\w-]+))")
_UNESCAPE = re.compile(r"\\(.)")


def _split_data(rest: str, where: Position) -> tuple[str, dict[str, Any]]:
    """Split a trailing ``{...}`` data element off a statement's text."""
    if not rest.rstrip().endswith("}"):
        return rest, {}
    text = rest.rstrip()
    depth, index, in_string = 0, len(text) - 1, False
    while index >= 0:
        char = text[index]
        if char == '"' and text[index - 1:index] != "\\":
            in_string = not in_string
        elif not in_string and char == "}" and text[index - 1:index] != "\\":
            depth += 1
        elif not in_string and char == "{" and text[index - 1:index] != "\\":
            depth -= 1
            if depth == 0:
                break
        index -= 1
    if index < 0:
        return rest, {}
    try:
        data = yaml.safe_load(text[index:])
    except yaml.YAMLError as error:
        raise MapError([Problem(Position(where.path, where.line, where.column + index),
                                f"invalid data element: {str(error).splitlines()[0]}")]) from None
    if not isinstance(data, dict):
        return rest, {}
    return text[:index], data


def import_argdown(path: str | os.PathLike[str]) -> Imported:
    """Import Argdown: statements, their tags and data, and ``+>``/``->`` relations.

    The first tag of a statement that names a perspective (or, failing that,
    its first tag) is its perspective. Argument reconstructions (``<...>``)
    are not supported and are reported as errors.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.argdown"
    >>> _ = f.write_text("[a]: Tea is best. #tea\\n  +> [b]\\n\\n[b]: Drink tea. #tea\\n")
    >>> import_argdown(f).files["tea.yaml"]["claims"]
    [{'id': 'a', 'text': 'Tea is best.', 'supports': ['b']}, {'id': 'b', 'text': 'Drink tea.'}]
    """
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise MapError([Problem(Position(str(source), 1, 1), f"cannot read file: {error}")]) from None
    header: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "===":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "===")
        except StopIteration:
            raise MapError([Problem(Position(str(source), 1, 1), "front matter is not closed", "end it with ===")]) from None
        try:
            header = yaml.safe_load("\n".join(lines[1:end])) or {}
        except yaml.YAMLError as error:
            raise MapError([Problem(Position(str(source), 2, 1), f"invalid front matter: {error}")]) from None
        start = end + 1
    declared = header.get("perspectives") if isinstance(header.get("perspectives"), dict) else {}
    problems: list[Problem] = []
    statements: dict[str, dict[str, Any]] = {}
    relations: list[tuple[str, str, str]] = []
    current: str | None = None
    in_comment = False
    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        if in_comment:
            in_comment = "*/" not in stripped
            continue
        if not stripped or stripped.startswith("//") or (stripped.startswith("#") and not line.startswith(" ")):
            continue
        if stripped.startswith("/*"):
            in_comment = "*/" not in stripped
            continue
        where = Position(str(source), number, 1)
        if (match := _STATEMENT.match(line)) is not None:
            title = _UNESCAPE.sub(r"\1", match["title"])
            try:
                text, data = _split_data(match["rest"], Position(str(source), number, match.start("rest") + 1))
            except MapError as error:
                problems.extend(error.problems)
                continue
            tags = [m["long"] or m["short"] for m in _TAG.finditer(text)]
            clean = _UNESCAPE.sub(r"\1", _TAG.sub("", text)).strip()
            statements[title] = {"text": clean or title, "tags": tags, "data": data, "where": where}
            current = title
            continue
        if (match := _RELATION.match(line)) is not None and current is not None:
            target = _UNESCAPE.sub(r"\1", match["title"])
            arrow = match["arrow"]
            kind = "supports" if "+" in arrow else "contradicts"
            relations.append((current, kind, target) if arrow.endswith(">") else (target, kind, current))
            statements.setdefault(target, {"text": target, "tags": [], "data": {}, "where": where})
            continue
        hint = "argument reconstructions are not supported" if stripped.startswith("<") else None
        problems.append(Problem(Position(str(source), number, len(line) - len(line.lstrip()) + 1),
                                "cannot read this line as a statement or relation", hint))
    if problems:
        raise MapError(problems)

    builder = _Builder()
    perspectives: dict[str, dict[str, Any]] = {
        _slug(pid): {k: v for k, v in (info or {}).items() if k in ("label", "color")} for pid, info in declared.items()}
    sources: dict[str, dict[str, Any]] = {}
    default_perspective = _slug(source.stem)
    for title, statement in statements.items():
        tags = statement["tags"]
        perspective = next((t for t in tags if t in perspectives), tags[0] if tags else default_perspective)
        perspective = _slug(perspective)
        perspectives.setdefault(perspective, {"label": perspective})
        data = statement["data"]
        other_tags = [t for t in tags if _slug(t) != perspective]
        file_name = f"{perspective}.yaml"
        if isinstance(data.get("source"), dict):
            sources.setdefault(file_name, data["source"])
        builder.claim(_slug(title), statement["text"], perspective, file_name, kind=data.get("kind"),
                      quote=data.get("quote"), tags=(data.get("tags") or other_tags) or None, note=data.get("note"))
    for source_title, kind, target_title in relations:
        notes = statements.get(source_title, {}).get("data", {}).get("relation_notes") or {}
        builder.relate(_slug(source_title), kind, _slug(target_title), notes.get(f"{kind} {_slug(target_title)}"))
    manifest: dict[str, Any] = {"title": header.get("title") or f"Imported from {source.name}"}
    if header.get("description"):
        manifest["description"] = header["description"]
    manifest["perspectives"] = perspectives or {default_perspective: {"label": default_perspective}}
    return Imported(manifest, builder.files(sources))
