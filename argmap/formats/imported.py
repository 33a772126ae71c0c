"""What every importer builds: a map as plain data, ready to write as claim YAML."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ArgmapError, MapError, Position, Problem
from ..io.files import MANIFEST, find_claims_files, read_input, write_atomically
from ..io.yamlnodes import compose_documents
from ..model import BASES, CLAIM_KINDS, COLOR_PATTERN, ID_PATTERN, ISSUES, TITLE_LIMIT, Question

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
    raw = read_input(source, str(source), problems, what="the file to import")
    if raw is None:
        raise MapError(problems)
    try:
        return raw, raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise MapError([Problem(Position(str(source), 1, 1), "file is not valid UTF-8", "save it as UTF-8")]) from None


#: The most digits a number in an imported file may have: Python refuses to convert longer ones.
MAX_DIGITS = 4000
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


def long_number(text: str, shown: str, line: int = 1, column: int = 1) -> MapError:
    """The positioned error for a number too long to read in ``text`` (which starts at ``line``:``column``).

    >>> print(long_number("a: 1\\nb: " + "9" * 5000, "x.yaml"))
    x.yaml:2:4: error: a number of 5,000 digits is too long to read (the limit is 4,000 digits)
    """
    found = _LONG_NUMBER.search(text)
    if found is None:  # Python's own limit was met in a way the pattern does not see
        return MapError([Problem(Position(shown, line, column), "a number is too long to read")])
    before = text[:found.start()]
    where_line = line + before.count("\n")
    where_column = (column if "\n" not in before else 1) + found.start() - (before.rfind("\n") + 1)
    return MapError([Problem(Position(shown, where_line, where_column),
                             f"a number of {len(found.group()):,} digits is too long to read "
                             f"(the limit is {MAX_DIGITS:,} digits)")])


def load_json(text: str, shown: str) -> Any:
    """JSON from an imported file; invalid JSON or a number too long to read is a positioned MapError.

    >>> load_json('{"a": [1, 2]}', "x.json")
    {'a': [1, 2]}
    >>> print(load_json('{"a": ' + "1" * 5000 + "}", "x.json"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: x.json:1:7: error: a number of 5,000 digits is too long to read ...
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise MapError([Problem(Position(shown, error.lineno, error.colno), f"invalid JSON: {error.msg}")]) from None
    except RecursionError:
        raise MapError([Problem(Position(shown, 1, 1), "JSON nested too deeply")]) from None
    except ValueError:  # an integer past Python's limit on digits
        raise long_number(text, shown) from None


def load_yaml(text: str, shown: str, line: int = 1, column: int = 1) -> Any:
    """YAML data from an imported file (front matter, a data element), as PyYAML's safe loader reads it.

    Raises ``yaml.YAMLError`` for what is not YAML, and a positioned MapError
    for a number too long to read.
    """
    try:
        return yaml.safe_load(text)
    except RecursionError:
        raise MapError([Problem(Position(shown, line, column), "YAML nested too deeply")]) from None
    except ValueError:  # an integer past Python's limit on digits
        raise long_number(text, shown, line, column) from None


@dataclass
class Imported:
    """A map ready to write: manifest data, claims files by file name, and the ids it had to rename."""

    manifest: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (original name, new id) for every claim whose id would have collided with another's
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: one line per thing the source holds that the map cannot represent as it is
    warnings: list[str] = field(default_factory=list)
    #: plain-text files written beside the claims (a nodeset's original text, which its claims files name
    #: as their ``source.text``), by file name
    texts: dict[str, str] = field(default_factory=dict)

    def write(self, directory: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write ``map.yaml`` and the claims files into ``directory``; nothing is lost if that fails.

        A folder that holds any file is refused, unless ``force``, and even then
        only if it holds a map (a ``map.yaml`` that declares perspectives): its
        manifest and claims files are replaced, and nothing else in the folder
        is touched. The new map is written whole into a hidden folder beside
        the old one first; only then are the old files moved aside and the new
        ones moved in, so a failed write leaves the old map as it was.

        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "docker-compose.yml").write_text("services: {}\\n")
        >>> Imported({"title": "T", "perspectives": {"t": {}}}).write(folder, force=True)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.MapError: ...: error: the folder holds no map to replace (no map.yaml with perspectives), ...
        """
        root = Path(directory)
        if root.exists() and not root.is_dir():
            raise ArgmapError(f"cannot import into {root}: it is not a directory")
        existing = sorted(root.iterdir()) if root.is_dir() else []
        if existing and not force:
            raise MapError([Problem(Position(str(root), 1, 1), f"the folder is not empty ({len(existing)} entries)",
                                    "choose an empty or new directory, or pass --force to replace the map there")])
        old = _map_files(root) if existing else []
        contents = {MANIFEST: _dump(self.manifest), **{_file_name(name): _dump(content)
                                                       for name, content in self.files.items()}, **self.texts}
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".argmap-import-", dir=root))
        try:
            for name, text in contents.items():
                write_atomically(staging / name, text)
            _swap(root, staging, old, list(contents))
        except OSError as error:
            raise ArgmapError(f"cannot write the map into {root}: {error.strerror or error}; "
                              "the folder is as it was") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return root


#: The longest claims file name written: file systems refuse names over 255 bytes.
MAX_FILE_NAME_BYTES = 100


def _file_name(name: str) -> str:
    """``name``, or a shortened name that stays distinct, if it is too long for a file system.

    >>> len(_file_name("t" * 300 + ".yaml").encode()), _file_name("tea.yaml")
    (94, 'tea.yaml')
    """
    if len(name.encode("utf-8")) <= MAX_FILE_NAME_BYTES:
        return name
    stem = name.removesuffix(".yaml").encode("utf-8")[:MAX_FILE_NAME_BYTES - 20].decode("utf-8", "ignore")
    return f"{stem}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}.yaml"


def _map_files(root: Path) -> list[Path]:
    """The manifest and claims files of the map in ``root``; a positioned error if ``root`` holds no map.

    A YAML file that is not a claims file (no ``claims`` list at its top) is
    not the map's; since a map would read it as one, such a folder is refused.
    """
    manifest = _top_mapping(root / MANIFEST)
    if manifest is None or not isinstance(manifest.get("perspectives"), yaml.MappingNode):
        raise MapError([Problem(Position(str(root / MANIFEST), 1, 1),
                                "the folder holds no map to replace (no map.yaml with perspectives), "
                                "so --force deletes nothing there",
                                "choose an empty or new directory for the import")])
    claims: list[Path] = []
    others: list[Path] = []
    for path in find_claims_files(root):
        is_claims = isinstance((_top_mapping(path) or {}).get("claims"), yaml.SequenceNode)
        (claims if is_claims else others).append(path)
    if others:
        raise MapError([Problem(Position(str(path), 1, 1), "is not a claims file, so --force would neither delete "
                                "it nor leave a valid map beside it", "move it out of the folder first")
                        for path in others])
    return [root / MANIFEST, *claims]


def _top_mapping(path: Path) -> dict[str, yaml.Node] | None:
    """The top-level keys of a regular YAML file and their value nodes, or ``None``; never raises."""
    problems: list[Problem] = []
    raw = read_input(path, str(path), problems, within=path.parent)
    if raw is None:
        return None
    nodes, failures = compose_documents(raw.decode("utf-8", "replace"), str(path))
    if failures or not nodes or not isinstance(nodes[0], yaml.MappingNode):
        return None
    return {key.value: value for key, value in nodes[0].value if isinstance(key, yaml.ScalarNode)}


def _swap(root: Path, staging: Path, old: list[Path], names: list[str]) -> None:
    """Move the old map's files aside, the new ones in; undo every move if one fails."""
    aside = staging / ".replaced"
    done: list[tuple[Path, Path]] = []
    try:
        for path in old:
            kept = aside / path.relative_to(root)
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, kept)
            done.append((kept, path))
        for name in names:
            if os.path.lexists(root / name):  # a file the old map did not own: never overwritten
                if os.path.isfile(root / name) and not os.path.islink(root / name) \
                        and (root / name).read_bytes() == (staging / name).read_bytes():
                    continue  # the same text written again (a source text the old import wrote)
                raise FileExistsError(f"{root / name} exists and is not a file of the old map")
            os.replace(staging / name, root / name)
            done.append((root / name, staging / name))
    except OSError:
        for moved, back in reversed(done):
            os.replace(moved, back)
        raise


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


#: Where an Argdown statement's perspective comes from (``--perspective-from``).
PERSPECTIVE_RULES = ("declared", "tag", "file", "none")


def perspective_for(tags: list[str], declared: set[str], default: str, rule: str = "declared") -> str:
    """A statement's perspective, from its ``#tags`` by ``rule``; its other tags stay tags.

    - ``declared`` (the default): the first tag the front matter declares
      as a perspective (``perspectives:``, as argmap's export writes it);
      a statement with none is in the file's perspective ``default``, so
      ``#observation`` or ``#assumption`` never becomes a side;
    - ``tag``: the first declared tag, else the first tag of any kind;
    - ``file`` (and ``none``): the file's perspective, whatever the tags.

    >>> perspective_for(["observation", "tea"], {"tea"}, "doc"), perspective_for(["observation"], {"tea"}, "doc")
    ('tea', 'doc')
    >>> perspective_for(["observation"], set(), "doc", "tag"), perspective_for(["tea"], {"tea"}, "doc", "file")
    ('observation', 'doc')
    """
    if rule not in PERSPECTIVE_RULES:
        raise ValueError(f"the perspective rule must be one of {', '.join(PERSPECTIVE_RULES)}")
    if rule in ("file", "none"):
        return default
    chosen = next((slug(t) for t in tags if slug(t) in declared), None)
    if chosen is None and rule == "tag" and tags:
        chosen = slug(tags[0])
    return chosen or default


def given_source(data: dict[str, Any]) -> dict[str, str]:
    """The ``source`` in a statement's data (argmap's export writes it), its string fields only."""
    return {k: v for k, v in as_dict(data.get("source")).items()
            if k in ("title", "author", "url", "text") and isinstance(v, str)}


def question_record(question: Question) -> dict[str, Any]:
    """A question as the exports write it: its fields that are set.

    >>> question_record(Question("q", "Why?", "values"))
    {'id': 'q', 'text': 'Why?', 'issue': 'values'}
    """
    return {k: v for k, v in (("id", question.id), ("text", question.text), ("issue", question.issue),
                              ("positions", list(question.positions) or None), ("note", question.note)) if v}


def given_questions(value: Any) -> list[dict[str, Any]]:
    """The questions an exported file carries, as ``map.yaml`` may declare them; what does not fit is left out.

    >>> given_questions([{"id": "q", "text": "Why?", "issue": "moods"}, {"id": "bad id"}, "x"])
    [{'id': 'q', 'text': 'Why?'}]
    """
    found: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not ID_PATTERN.fullmatch(item["id"]):
            continue
        if not isinstance(item.get("text"), str) or not item["text"].strip() or item["id"] in {q["id"] for q in found}:
            continue
        question: dict[str, Any] = {"id": item["id"], "text": item["text"]}
        if item.get("issue") in ISSUES:
            question["issue"] = item["issue"]
        positions = item.get("positions")
        if isinstance(positions, list) and positions and all(isinstance(p, str) and p.strip() for p in positions):
            question["positions"] = list(dict.fromkeys(positions))
        if isinstance(item.get("note"), str) and item["note"].strip():
            question["note"] = item["note"]
        found.append(question)
    return found


class MapBuilder:
    """Collects claims and relations, dropping what a valid map cannot hold."""

    def __init__(self) -> None:
        self.claims: dict[str, dict[str, Any]] = {}
        self.perspective_of: dict[str, str] = {}
        self.file_of: dict[str, str] = {}
        self.relations: dict[tuple[str, str], dict[str, Any]] = {}
        #: (undercutter, reason, conclusion) -> the undercut's fields
        self.undercuts: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._ids: dict[str, str] = {}
        self._taken: set[str] = set()
        self._file_names: dict[tuple[str, str], str] = {}
        self._files_taken: set[str] = {MANIFEST, "map.yml"}
        self._asked_for: dict[str, str] = {}  # each file's name as the importer gave it, for its source
        self._next_number: dict[str, int] = {}
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
            number = self._next_number.get(wanted, 2)  # where to go on counting: never from 2 again
            while candidate in self._taken:
                candidate, number = f"{wanted}-{number}", number + 1
            self._next_number[wanted] = number
            if candidate != wanted:
                self.renamed.append((original, candidate))
            self._ids[original] = candidate
            self._taken.add(candidate)
        return self._ids[original]

    def claim(self, claim_id: str, text: str, perspective: str, file_name: str, **extra: Any) -> None:
        """Add a claim; extra fields of a type or value argmap check would refuse are left out."""
        file_name = self._file_for(file_name, perspective)
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
        answers = extra.get("answers")
        if isinstance(answers, list) and (given := [
                {"question": a["question"], "position": a["position"]} for a in answers
                if isinstance(a, dict) and isinstance(a.get("question"), str) and isinstance(a.get("position"), str)
                and a["position"].strip()]):
            fields["answers"] = given  # checked against the questions when the map loads
        self.claims[claim_id] = fields
        self.perspective_of[claim_id] = perspective
        self.file_of[claim_id] = file_name

    def _file_for(self, wanted: str, perspective: str) -> str:
        """The file a perspective's claims go to: never another perspective's, nor the manifest, in any case.

        A claims file has one perspective, so ``#MAP`` and ``map`` (one file on
        macOS and Windows, and the manifest's name) get files of their own.

        >>> builder = MapBuilder()
        >>> builder._file_for("map.yaml", "map"), builder._file_for("MAP.yaml", "MAP"), builder._file_for("a.yaml", "a")
        ('map-claims.yaml', 'map-claims-2.yaml', 'a.yaml')
        """
        key = (wanted, perspective)
        if key not in self._file_names:
            name = "map-claims.yaml" if wanted.lower() in (MANIFEST, "map.yml") else wanted
            stem, number = name.removesuffix(".yaml"), 2
            while name.lower() in self._files_taken:
                name, number = f"{stem}-{number}.yaml", number + 1
            self._files_taken.add(name.lower())
            self._file_names[key] = name
            self._asked_for[name] = wanted
        return self._file_names[key]

    def relate(self, source: str, kind: str, target: str, note: str | None = None, *, basis: Any = None,
               issue: Any = None, mutual: bool = False) -> None:
        if source == target or source not in self.claims or target not in self.claims:
            return
        existing = self.relations.get((source, target))
        if existing is None:
            self.relations[(source, target)] = {
                "kind": kind, "note": note, "basis": basis if basis in BASES else None,
                "issue": issue if issue in ISSUES and kind == "contradicts" else None,
                "mutual": True if mutual is True and kind == "contradicts" else None}
        elif existing["kind"] == kind and note and note not in (existing["note"] or ""):
            existing["note"] = f"{existing['note']} {note}" if existing["note"] else note
        # a pair that both supports and contradicts keeps its first relation only

    def undercut(self, source: str, reason: str, conclusion: str, note: str | None = None, *,
                 basis: Any = None) -> bool:
        """Record that ``source`` objects to the support from ``reason`` to ``conclusion``.

        It is written only if that support is there when :meth:`files` runs
        (a map may not undercut a support it lacks); ``False`` when a claim is unknown.

        >>> builder = MapBuilder()
        >>> for claim_id in ("a", "b", "c"):
        ...     builder.claim(claim_id, claim_id.upper() + ".", "p", "p.yaml")
        >>> builder.relate("b", "supports", "a")
        >>> builder.undercut("c", "b", "a", "Not a reason.")
        True
        >>> builder.files({})["p.yaml"]["claims"][2]["contradicts"]
        [{'support': ['b', 'a'], 'note': 'Not a reason.'}]
        """
        if not {source, reason, conclusion} <= self.claims.keys() or source in (reason, conclusion):
            return False
        existing = self.undercuts.setdefault((source, reason, conclusion), {"note": None, "basis": None})
        if note and note not in (existing["note"] or ""):
            existing["note"] = f"{existing['note']} {note}" if existing["note"] else note
        if basis in BASES:
            existing["basis"] = basis
        return True

    def files(self, sources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for (source, target), relation in self.relations.items():
            details = {k: relation[k] for k in ("note", "basis", "issue", "mutual") if relation[k]}
            entry: Any = {"to": target, **details} if details else target
            self.claims[source].setdefault(relation["kind"], []).append(entry)
        for (source, reason, conclusion), undercut in self.undercuts.items():
            if self.relations.get((reason, conclusion), {}).get("kind") == "supports":
                self.claims[source].setdefault("contradicts", []).append(
                    {"support": [reason, conclusion], **{k: v for k, v in undercut.items() if v}})
        files: dict[str, dict[str, Any]] = {}
        for claim_id, claim in self.claims.items():
            name = self.file_of[claim_id]
            if name not in files:
                files[name] = {"perspective": self.perspective_of[claim_id]}
                if given := sources.get(self._asked_for.get(name, name)):
                    files[name]["source"] = given
                files[name]["claims"] = []
            files[name]["claims"].append(claim)
        return files
