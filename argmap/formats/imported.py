"""What every importer builds: a map as plain data, ready to write as claim YAML."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ArgmapError, MapError, Position, Problem
from ..io.files import MANIFEST, find_claims_files, read_input, write_atomically
from ..model import BASES, CLAIM_KINDS, COLOR_PATTERN, ID_PATTERN, ISSUES, TITLE_LIMIT

NO_TEXT = "(no text)"


def read_text_file(source: Path) -> tuple[bytes, list[str]]:
    """An import's bytes and its lines as UTF-8 (a byte-order mark dropped), or a positioned MapError.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = f.write_bytes(b"\\xef\\xbb\\xbfone\\ntwo\\n")
    >>> read_text_file(f)[1]
    ['one', 'two']
    """
    problems: list[Problem] = []
    raw = read_input(source, str(source), problems)
    if raw is None:
        raise MapError(problems)
    try:
        return raw, raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise MapError([Problem(Position(str(source), 1, 1), "file is not valid UTF-8", "save it as UTF-8")]) from None


@dataclass
class Imported:
    """A map ready to write: manifest data, claims files by file name, and the ids it had to rename."""

    manifest: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (original name, new id) for every claim whose id would have collided with another's
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: one line per thing the source holds that the map cannot represent as it is
    warnings: list[str] = field(default_factory=list)

    def write(self, directory: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write ``map.yaml`` and the claims files into ``directory``.

        A folder that holds any file is refused, unless ``force``; then the old
        map's manifest and claims files are removed first, so that what is
        written is the whole map. Nothing else in the folder is touched.
        """
        root = Path(directory)
        if root.exists() and not root.is_dir():
            raise ArgmapError(f"cannot import into {root}: it is not a directory")
        existing = sorted(root.iterdir()) if root.is_dir() else []
        if existing and not force:
            raise MapError([Problem(Position(str(root), 1, 1), f"the folder is not empty ({len(existing)} entries)",
                                    "choose an empty or new directory, or pass --force to replace the map there")])
        if force and existing:
            old = [root / MANIFEST] if (root / MANIFEST).is_file() else []
            for path in old + find_claims_files(root):
                path.unlink()
        write_atomically(root / MANIFEST, _dump(self.manifest))
        for name, content in self.files.items():
            write_atomically(root / name, _dump(content))
        return root


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def slug(text: str) -> str:
    """A valid claim or perspective id made from any text.

    >>> slug("Tea is best!"), slug("-1")
    ('Tea-is-best', '1')
    """
    made = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text).strip("-.:")
    return made if made and ID_PATTERN.fullmatch(made) else "x" + made


def as_dict(value: Any) -> dict[str, Any]:
    """``value`` if it is a mapping, else an empty one: outside data has any shape."""
    return value if isinstance(value, dict) else {}


def declared_perspectives(front: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The perspectives the front matter declares, with only a valid label and colour kept."""
    return {slug(str(pid)): {k: v for k, v in as_dict(info).items()
                             if (k == "label" and isinstance(v, str) and v.strip())
                             or (k == "color" and isinstance(v, str) and COLOR_PATTERN.fullmatch(v))}
            for pid, info in as_dict(front.get("perspectives")).items()}


def given_source(data: dict[str, Any]) -> dict[str, str]:
    """The ``source`` in a statement's data (argmap's export writes it), its string fields only."""
    return {k: v for k, v in as_dict(data.get("source")).items()
            if k in ("title", "author", "url", "text") and isinstance(v, str)}


class MapBuilder:
    """Collects claims and relations, dropping what a valid map cannot hold."""

    def __init__(self) -> None:
        self.claims: dict[str, dict[str, Any]] = {}
        self.perspective_of: dict[str, str] = {}
        self.file_of: dict[str, str] = {}
        self.relations: dict[tuple[str, str], dict[str, Any]] = {}
        self._ids: dict[str, str] = {}
        self.renamed: list[tuple[str, str]] = []

    def id_for(self, original: str) -> str:
        """The claim id for an outside name: its slug, made distinct if another name took it.

        >>> builder = MapBuilder()
        >>> builder.id_for("a b"), builder.id_for("a-b"), builder.id_for("a b")
        ('a-b', 'a-b-2', 'a-b')
        >>> builder.renamed
        [('a-b', 'a-b-2')]
        """
        if original not in self._ids:
            wanted = candidate = slug(original)
            taken = set(self._ids.values())
            number = 2
            while candidate in taken:
                candidate, number = f"{wanted}-{number}", number + 1
            if candidate != wanted:
                self.renamed.append((original, candidate))
            self._ids[original] = candidate
        return self._ids[original]

    def claim(self, claim_id: str, text: str, perspective: str, file_name: str, **extra: Any) -> None:
        """Add a claim; extra fields of a type or value argmap check would refuse are left out."""
        if file_name.lower() in (MANIFEST, "map.yml"):  # the manifest's name is never a claims file's
            file_name = "map-claims.yaml"
        fields: dict[str, Any] = {"id": claim_id}
        title = extra.get("title")
        if isinstance(title, str) and title.strip() and len(title) <= TITLE_LIMIT:
            fields["title"] = title
        fields["text"] = " ".join(str(text).split()) or NO_TEXT
        for key in ("quote", "note"):
            if isinstance(extra.get(key), str) and extra[key].strip():
                fields[key] = extra[key]
        if extra.get("kind") in CLAIM_KINDS:
            fields["kind"] = extra["kind"]
        if extra.get("asserted") is False:
            fields["asserted"] = False
        tags = extra.get("tags")
        if isinstance(tags, list) and (kept := [t for t in tags if isinstance(t, str) and t.strip()]):
            fields["tags"] = kept
        self.claims[claim_id] = fields
        self.perspective_of[claim_id] = perspective
        self.file_of[claim_id] = file_name

    def relate(self, source: str, kind: str, target: str, note: str | None = None, *, basis: Any = None,
               issue: Any = None) -> None:
        if source == target or source not in self.claims or target not in self.claims:
            return
        existing = self.relations.get((source, target))
        if existing is None:
            self.relations[(source, target)] = {
                "kind": kind, "note": note, "basis": basis if basis in BASES else None,
                "issue": issue if issue in ISSUES and kind == "contradicts" else None}
        elif existing["kind"] == kind and note and note not in (existing["note"] or ""):
            existing["note"] = f"{existing['note']} {note}" if existing["note"] else note
        # a pair that both supports and contradicts keeps its first relation only

    def files(self, sources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for (source, target), relation in self.relations.items():
            details = {k: relation[k] for k in ("note", "basis", "issue") if relation[k]}
            entry: Any = {"to": target, **details} if details else target
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
