"""One map as an editor sees it: the files on disk, overlaid by the buffers the editor holds.

:class:`MapSession` answers everything the language server is asked, in
plain Python values (0-based spans in code points), so that it can be tested
and benchmarked without a client. :mod:`argmap.lsp.server` turns the answers
into LSP messages.

A refresh re-parses only the buffers whose text changed (a
:class:`~argmap.io.load.MemoryCache` keeps the rest), then runs the checks
across files. Lint warnings and quotes against the source texts come with
the diagnostics once the map is valid.

>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "map.yaml").write_text("title: Tea?\\nperspectives: {tea: {label: Tea}}\\n")
>>> _ = (root / "tea.yaml").write_text("perspective: tea\\nclaims:\\n  - {id: tea.best, text: Tea is best.}\\n")
>>> session = MapSession(root)
>>> session.set_text(root / "tea.yaml", "perspective: tea\\nclaims:\\n  - {id: a, text: A., supports: [tea.bets]}\\n")
>>> [(p.message, span) for p, span in session.diagnostics()[root / "tea.yaml"]]
[("supports refers to unknown claim id 'tea.bets'", ((2, 33), (2, 41)))]
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..analysis.lint import lint
from ..analysis.semantics import acceptance
from ..errors import ArgmapError, Position, Problem, printable
from ..io.files import MANIFEST, find_map_root, read_input, symlink_outside
from ..io.load import LoadResult, MemoryCache, load_result
from ..io.source_texts import check_source_texts, passages_shown, read_source_text, source_text_path
from ..model import BASES, CLAIM_KINDS, ID_PATTERN, ISSUES, ArgumentMap, Claim
from ..io.documents import (ANSWER_KEYS, CLAIM_KEYS, CLAIMS_FILE_KEYS, MANIFEST_KEYS, QUESTION_KEYS, RELATION_KEYS,
                            SOURCE_KEYS, UNDERCUT_KEYS)
from ..io.draft import paragraphs, sentences, yaml_string
from .index import ClaimEntry, FileIndex, QuestionEntry, Span, index_text

#: The largest map whose hover shows what each side can accept (it needs a solver run).
ACCEPTANCE_LIMIT = 3000
#: The most completion items one request returns.
COMPLETION_LIMIT = 200
_TOKEN_END = re.compile(r"[,\]}#]|:(?=\s|$)|\s#|\s*$")
_MENTIONED = re.compile(r"did you mean '([^']+)'")
NOTE_STUB = "TODO: why this bears on the other side"


@dataclass(frozen=True)
class Completion:
    label: str
    detail: str | None = None
    kind: str = "value"  # value, key, id, quote
    insert: str | None = None


@dataclass
class Snapshot:
    """The map as the editor's buffers make it, and what was found in it."""

    result: LoadResult
    texts: dict[Path, str]
    indexes: dict[Path, FileIndex] = field(default_factory=dict)
    _lines: dict[Path, list[str]] = field(default_factory=dict)

    @property
    def map(self) -> ArgumentMap | None:
        return self.result.map

    def lines_of(self, path: Path) -> list[str]:
        """The lines of a file of the map, split once per snapshot."""
        if path not in self._lines:
            self._lines[path] = self.texts[path].splitlines()
        return self._lines[path]

    @cached_property
    def warnings(self) -> list[Problem]:
        """Lint warnings, source-text warnings and quote misses (the map must be valid)."""
        if self.map is None:
            return []
        sources = check_source_texts(self.map)
        return sources.problems + sources.warnings + lint(self.map)

    @cached_property
    def definitions(self) -> dict[str, tuple[Path, ClaimEntry]]:
        found: dict[str, tuple[Path, ClaimEntry]] = {}
        for path, index in self.indexes.items():
            for entry in index.claims:
                found.setdefault(entry.id, (path, entry))
        return found

    @cached_property
    def question_definitions(self) -> dict[str, tuple[Path, QuestionEntry]]:
        found: dict[str, tuple[Path, QuestionEntry]] = {}
        for path, index in self.indexes.items():
            for entry in index.questions:
                found.setdefault(entry.id, (path, entry))
        return found

    @cached_property
    def claims(self) -> dict[str, Claim]:
        """Every claim read, even from a map with problems."""
        return {claim.id: claim for f in self.result.files for claim in f.claims}

    @cached_property
    def acceptable_by(self) -> dict[str, list[str]] | None:
        if self.map is None or len(self.map.claims) > ACCEPTANCE_LIMIT:
            return None
        try:
            result = acceptance(self.map)
        except ArgmapError:
            return None
        return {side.perspective: sorted(side.acceptable) for side in result.sides}


#: A map whose last check took longer than this (seconds) is answered from that check while the next one runs.
SLOW_CHECK = 0.5


class MapSession:
    """The map in ``root``, with the editor's unsaved buffers over the files on disk.

    It may be checked in a worker thread (:meth:`refresh`) while the event
    loop goes on asking it questions: a lock keeps one check at a time, and
    :attr:`version` counts the edits, so a check that an edit overtook is not
    taken for the current one. While a slow map is being checked, questions
    are answered from the last check (:attr:`snapshot`).
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.overlays: dict[Path, str] = {}
        #: edits so far: a check is current only if no edit came after it started
        self.version = 0
        #: whether the server has a check of this map scheduled or running in the background
        self.check_due = False
        self._lock = threading.RLock()
        self._last: Snapshot | None = None
        self._check_seconds = 0.0
        self._cache = MemoryCache()
        self._snapshot: Snapshot | None = None
        self._indexes: dict[Path, tuple[str, FileIndex]] = {}
        self._sources: dict[Path, str | None] = {}
        self._split: dict[Path, tuple[str, list[str]]] = {}
        #: the warnings last computed, per file, with the file's text then
        self._warned: dict[Path, tuple[str | None, list[tuple[Problem, Span]]]] = {}

    # ── buffers ──────────────────────────────────────────────────────────
    def set_text(self, path: Path, text: str) -> None:
        """What the editor holds for ``path`` (opened or changed)."""
        self.overlays[Path(path)] = text
        self._changed()

    def close(self, path: Path) -> None:
        """The editor closed ``path``: its file on disk counts again."""
        self.overlays.pop(Path(path), None)
        self._changed()

    def invalidate(self) -> None:
        """Files changed on disk: read them again at the next question."""
        self._sources.clear()
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._snapshot = None

    def text_of(self, path: Path) -> str:
        if path in self.overlays:
            return self.overlays[path]
        return self._disk_text(path)

    def _disk_text(self, path: Path) -> str:
        problems: list[Problem] = []
        raw = read_input(path, str(path), problems, within=self.root)
        return raw.decode("utf-8", "replace") if raw is not None else ""

    @property
    def snapshot(self) -> Snapshot:
        """The map as checked now; while a slow map is checked in the background, the last check."""
        current = self._snapshot
        if current is not None:
            return current
        if self.check_due and self._last is not None and self._check_seconds > SLOW_CHECK:
            return self._last
        return self.refresh()

    def refresh(self) -> Snapshot:
        """Check the map as the buffers now make it (safe to call from a worker thread)."""
        with self._lock:
            if self._snapshot is not None:
                return self._snapshot
            version, overlays = self.version, dict(self.overlays)
            started = time.monotonic()
            snapshot = self._check(overlays)
            self._check_seconds = time.monotonic() - started
            self._last = snapshot
            if version == self.version:
                self._snapshot = snapshot
            return snapshot

    def _check(self, overlays: dict[Path, str]) -> Snapshot:
        result = load_result(self.root, cache=self._cache, overlays={str(p): t for p, t in overlays.items()})
        # A file the editor may not edit through (a symlink out of the map) is checked, never indexed:
        # a rename must not write through the link.
        paths = [Path(f.path) for f in result.files if not symlink_outside(Path(f.path), self.root)]
        manifest = self.root / MANIFEST  # indexed too: it declares the questions
        if (manifest in overlays or manifest.is_file()) and not symlink_outside(manifest, self.root):
            paths.append(manifest)
        texts = {p: overlays[p] if p in overlays else self._disk_text(p) for p in paths}
        snapshot = Snapshot(result, texts)
        for path, text in texts.items():
            cached = self._indexes.get(path)
            if cached is None or cached[0] != text:
                fresh = index_text(text)
                # While a buffer is half typed (`supports: [`), its last good index keeps its ids known.
                if not fresh.parsed:
                    fresh = cached[1] if cached is not None else index_text(self._disk_text(path))
                cached = self._indexes[path] = (text, fresh)
            snapshot.indexes[path] = cached[1]
        return snapshot

    # ── diagnostics ──────────────────────────────────────────────────────
    def diagnostics(self, *, with_warnings: bool = True) -> dict[Path, list[tuple[Problem, Span]]]:
        """Every problem of every file of the map, with its span; files without any get an empty list."""
        snapshot = self.snapshot
        fresh = with_warnings and snapshot.map is not None
        found: dict[Path, list[tuple[Problem, Span]]] = {p: [] for p in [self.root / MANIFEST, *snapshot.texts]}
        for problem in snapshot.result.problems + (snapshot.warnings if fresh else []):
            path = Path(problem.position.path)
            if path not in found:
                if not str(path).startswith(str(self.root)):
                    continue
                found[path] = []
            found[path].append((problem, self.span_of(path, problem.position)))
        if fresh:
            self._warned = {path: (snapshot.texts.get(path), [d for d in spans if d[0].severity == "warning"])
                            for path, spans in found.items()}
        else:
            # Until the warnings are computed again (or while the map has errors), a file whose text is as it
            # was when they were last computed keeps them; a file that changed shows only its errors.
            for path, (text, warned) in self._warned.items():
                if path in found and snapshot.texts.get(path) == text:
                    found[path] += warned  # warnings only: never among the problems already there
        return found

    def warnings_current(self) -> bool:
        """Whether every file reads as it did when the warnings were last computed (so they still hold)."""
        texts = self.snapshot.texts
        return bool(self._warned) and set(texts) <= set(self._warned) and all(
            self._warned[path][0] == text for path, text in texts.items())

    def span_of(self, path: Path, position: Position) -> Span:
        """The token a problem points at: a relation's id, or from its position to the end of the scalar there."""
        line_index, column = max(position.line - 1, 0), max(position.column - 1, 0)
        index = self.snapshot.indexes.get(path)
        if index is not None and (reference := index.reference_starting_at(line_index, column)) is not None:
            return reference.span
        lines = self.snapshot.lines_of(path) if path in self.snapshot.texts else self.lines_of(path)
        line = lines[line_index] if line_index < len(lines) else ""
        rest = line[column:]
        if rest[:1] in ('"', "'"):
            end = rest.find(rest[0], 1)
            length = end + 1 if end > 0 else len(rest)
        elif rest.startswith(("- ", "{")):
            length = 1
        else:
            match = _TOKEN_END.search(rest)
            length = match.start() if match else len(rest)
        return (line_index, column), (line_index, column + max(length, 1))

    # ── navigation ───────────────────────────────────────────────────────
    def id_at(self, path: Path, line: int, column: int) -> tuple[str, Span] | None:
        index = self.snapshot.indexes.get(path)
        return index.id_at(line, column) if index is not None else None

    def question_at(self, path: Path, line: int, column: int) -> tuple[str, Span] | None:
        index = self.snapshot.indexes.get(path)
        return index.question_at(line, column) if index is not None else None

    def definition(self, path: Path, line: int, column: int) -> tuple[Path, Span] | None:
        """Where the claim or question id under the point is defined."""
        question = self.question_at(path, line, column)
        if question is not None:
            declared = self.snapshot.question_definitions.get(question[0])
            return (declared[0], declared[1].id_span) if declared else None
        found = self.id_at(path, line, column)
        if found is None or found[0] not in self.snapshot.definitions:
            return None
        where, entry = self.snapshot.definitions[found[0]]
        return where, entry.id_span

    def references(self, claim_id: str, *, include_definition: bool = True) -> list[tuple[Path, Span]]:
        """Every span that names ``claim_id``, across the map's files."""
        found = []
        if include_definition and claim_id in self.snapshot.definitions:
            where, entry = self.snapshot.definitions[claim_id]
            found.append((where, entry.id_span))
        for path, index in self.snapshot.indexes.items():
            found += [(path, r.span) for r in index.references if r.target == claim_id]
        return found

    def name_at(self, path: Path, line: int, column: int) -> tuple[str, Span] | None:
        """The claim or question id under the point, and its span: what a rename would change."""
        return self.question_at(path, line, column) or self.id_at(path, line, column)

    def references_at(self, path: Path, line: int, column: int, *,
                      include_definition: bool = True) -> list[tuple[Path, Span]] | None:
        """Every span that names the claim or question id under the point; ``None`` if there is none."""
        question = self.question_at(path, line, column)
        if question is not None:
            return self.question_references(question[0], include_definition=include_definition)
        found = self.id_at(path, line, column)
        return None if found is None else self.references(found[0], include_definition=include_definition)

    def question_references(self, question_id: str, *,
                            include_definition: bool = True) -> list[tuple[Path, Span]]:
        """Every span that names the question ``question_id``: its declaration and the answers to it."""
        found = []
        declared = self.snapshot.question_definitions.get(question_id)
        if include_definition and declared:
            found.append((declared[0], declared[1].id_span))
        for path, index in self.snapshot.indexes.items():
            found += [(path, r.span) for r in index.question_references if r.question == question_id]
        return found

    def rename(self, path: Path, line: int, column: int, new_id: str) -> dict[Path, list[tuple[Span, str]]]:
        """The edits that rename the claim or question id under the point, in every file; ``ValueError`` says why not."""
        question = self.question_at(path, line, column)
        if question is not None:
            if not ID_PATTERN.fullmatch(new_id):
                raise ValueError(f"'{new_id}' is not a valid question id: use letters, digits, '_', '.', ':' and '-'")
            if new_id in self.snapshot.question_definitions and new_id != question[0]:
                raise ValueError(f"'{new_id}' is already a question's id")
            edits: dict[Path, list[tuple[Span, str]]] = {}
            for where, span in self.question_references(question[0]):
                edits.setdefault(where, []).append((span, new_id))
            return edits
        found = self.id_at(path, line, column)
        if found is None:
            raise ValueError("no claim id here to rename")
        if not ID_PATTERN.fullmatch(new_id):
            raise ValueError(f"'{new_id}' is not a valid claim id: use letters, digits, '_', '.', ':' and '-'")
        if new_id in self.snapshot.definitions and new_id != found[0]:
            raise ValueError(f"'{new_id}' is already a claim's id")
        edits = {}
        for where, span in self.references(found[0]):
            edits.setdefault(where, []).append((span, new_id))
        return edits

    def symbols(self, path: Path) -> list[tuple[str | None, list[ClaimEntry]]]:
        """The file's claims in order, grouped under their section comments."""
        groups: list[tuple[str | None, list[ClaimEntry]]] = []
        for entry in self.snapshot.indexes.get(path, FileIndex()).claims:
            if not groups or groups[-1][0] != entry.section:
                groups.append((entry.section, []))
            groups[-1][1].append(entry)
        return groups

    # ── hover ────────────────────────────────────────────────────────────
    def hover(self, path: Path, line: int, column: int) -> tuple[str, Span] | None:
        """Markdown about the claim id, the question id or the quote under the point."""
        question = self.question_at(path, line, column)
        if question is not None:
            text = self._question_hover(question[0])
            return (text, question[1]) if text else None
        found = self.id_at(path, line, column)
        if found is not None:
            text = self._claim_hover(found[0])
            return (text, found[1]) if text else None
        line_text = self._line(path, line)
        if re.match(r"\s*quote:", line_text):
            return self._quote_hover(path, line, line_text)
        return None

    def _claim_hover(self, claim_id: str) -> str | None:
        snapshot = self.snapshot
        claim = snapshot.claims.get(claim_id)
        if claim is None:
            return None
        out = [f"**{md(claim.title or claim.id)}** · `{claim.id}` · {md(claim.perspective)}"
               + (f" · {claim.kind}" if claim.kind else "") + ("" if claim.asserted else " · reported, not asserted"),
               "", md(claim.text)]
        if claim.quote:
            out += ["", f"> {md(claim.quote)}"]
        for kind in ("supports", "contradicts"):
            targets = [r.target for r in claim.relations if r.kind == kind]
            if targets:
                out += ["", f"{kind}: " + ", ".join(f"`{t}`" for t in targets)]
        attackers = [c.id for c in snapshot.claims.values()
                     for r in c.relations if r.kind == "contradicts" and r.target == claim_id]
        if attackers:
            out += ["", "contradicted by: " + ", ".join(f"`{a}`" for a in attackers)]
        accepting = snapshot.acceptable_by
        if accepting is not None:
            sides = [f"{side} {'can' if claim_id in ids else 'cannot'} accept it" for side, ids in accepting.items()]
            out += ["", "; ".join(sides)]
        return "\n".join(out)

    def _question_hover(self, question_id: str) -> str | None:
        manifest = self.snapshot.result.manifest
        question = manifest.questions.get(question_id) if manifest else None
        if question is None:
            return None
        out = [f"**{md(question.text)}** · `{question.id}`" + (f" · {question.issue}" if question.issue else "")]
        if question.positions:
            out += ["", "positions: " + ", ".join(md(p) for p in question.positions)]
        if question.note:
            out += ["", md(question.note)]
        answers: dict[str, list[str]] = {}
        for claim in self.snapshot.claims.values():
            for answer in claim.answers:
                if answer.question == question_id:
                    answers.setdefault(f"{claim.perspective}: {answer.position}", []).append(claim.id)
        for said, ids in answers.items():
            out += ["", f"{md(said)} (" + ", ".join(f"`{i}`" for i in ids) + ")"]
        return "\n".join(out)

    def _quote_hover(self, path: Path, line: int, line_text: str) -> tuple[str, Span] | None:
        quote = line_text.split("quote:", 1)[1].strip().strip("\"'")
        source = self.source_text(path)
        if not quote or source is None:
            return None
        from ..io.quotes import normalize
        needle = normalize(quote)[0]
        for paragraph in paragraphs(source):
            if needle and needle in normalize(paragraph)[0]:
                column = line_text.index("quote:")
                return f"In its paragraph of the source:\n\n> {md(paragraph)}", ((line, column), (line, len(line_text)))
        return "This quote is not in the source text.", ((line, 0), (line, len(line_text)))

    def source_text(self, path: Path) -> str | None:
        """The text ``path``'s ``source.text`` names, if it can be read and lies inside the map's folder."""
        index = self.snapshot.indexes.get(path)
        if index is None or not index.source_text:
            return None
        target = source_text_path(str(path), index.source_text)
        if target is None or not passages_shown(str(path), target):  # never show a file outside the map
            return None
        if target not in self._sources:
            self._sources[target] = read_source_text(target, str(target))[0]
        return self._sources[target]

    # ── completion ───────────────────────────────────────────────────────
    def _line(self, path: Path, line: int) -> str:
        lines = self.lines_of(path)
        return lines[line] if 0 <= line < len(lines) else ""

    def lines_of(self, path: Path) -> list[str]:
        """The lines of what the editor (or the disk) holds for ``path``, split once per text.

        Completion looks at the lines above the point one by one: splitting
        the whole text for each made a request on a 5 MB buffer take 30 s.
        """
        text = self.text_of(path)
        cached = self._split.get(path)
        if cached is None or cached[0] != text:
            cached = self._split[path] = (text, text.splitlines())
        return cached[1]

    def completions(self, path: Path, line: int, column: int) -> list[Completion]:
        """What may be written at the point: ids, keys, values or quotes."""
        text = self._line(path, line)[:column]
        context = self._relation_context(path, line, text)
        if context:
            return self._ids()
        manifest = self.snapshot.result.manifest
        questions = manifest.questions if manifest else {}
        value = re.search(r"(?:^\s*(?:- )?|[{,]\s*)(?P<key>\w+):\s*(?P<typed>[^,{}]*)$", text)
        if value and value["key"] == "question":
            return [Completion(q.id, q.text[:120], "id") for q in questions.values()]
        if value and value["key"] == "position":
            named = re.search(r"question:\s*([^,}\s]+)", text) or re.search(
                r"question:\s*([^,}\s]+)", self._line(path, line - 1))
            asked = [questions[named[1]]] if named and named[1] in questions else list(questions.values())
            return [Completion(p, q.id) for q in asked for p in q.positions]
        value = re.match(r"\s*(?:- )?(?P<key>\w+):\s*(?P<typed>.*)$", text)
        if value:
            key, typed = value["key"], value["typed"]
            choices = {"kind": CLAIM_KINDS, "basis": BASES, "issue": ISSUES, "mutual": ("true", "false")}.get(key)
            if choices is not None:
                return [Completion(c) for c in choices]
            if key == "perspective":
                manifest = self.snapshot.result.manifest
                return [Completion(p.id, p.label) for p in (manifest.perspectives.values() if manifest else [])]
            if key == "quote":
                return self._quotes(path, typed)
            if typed:
                return []
        return [Completion(k, kind="key", insert=f"{k}: ") for k in self._keys_for(path, line, text)]

    def _relation_context(self, path: Path, line: int, before: str) -> bool:
        if re.search(r"\b(supports|contradicts):\s*\[[^\]]*$", before) or re.match(r"\s*(- )?to:\s*\S*$", before):
            return True
        if re.match(r"\s*-\s*\S*$", before):  # a list item: is it under supports or contradicts?
            indent = len(before) - len(before.lstrip())
            for number in range(line - 1, -1, -1):
                above = self._line(path, number)
                if not above.strip() or above.lstrip().startswith("#"):
                    continue
                above_indent = len(above) - len(above.lstrip())
                if above_indent < indent or (above_indent == indent and not above.lstrip().startswith("-")):
                    return bool(re.match(r"\s*(- )?(supports|contradicts):\s*$", above))
        return False

    def _keys_for(self, path: Path, line: int, before: str) -> tuple[str, ...]:
        if path.name == MANIFEST:
            if before[:1] in (" ", "-"):  # inside a top-level key: the questions list, or another
                top = next((self._line(path, n) for n in range(line - 1, -1, -1)
                            if self._line(path, n)[:1].isalpha()), "")
                if top.startswith("questions:"):
                    return QUESTION_KEYS
            return MANIFEST_KEYS
        indent = len(before) - len(before.lstrip(" -"))
        if indent == 0:
            return CLAIMS_FILE_KEYS
        for number in range(line - 1, -1, -1):
            above = self._line(path, number)
            if above.strip() and len(above) - len(above.lstrip(" -")) < indent:
                key = above.strip(" -").split(":", 1)[0]
                if key == "supports":
                    return RELATION_KEYS
                if key == "contradicts":
                    return RELATION_KEYS + UNDERCUT_KEYS[:1]
                if key == "answers":
                    return ANSWER_KEYS
                if key == "questions":
                    return QUESTION_KEYS
                if key == "source":
                    return SOURCE_KEYS
                return CLAIM_KEYS
        return CLAIM_KEYS

    def _ids(self) -> list[Completion]:
        items = []
        for claim_id, (_, entry) in self.snapshot.definitions.items():
            claim = self.snapshot.claims.get(claim_id)
            perspective = claim.perspective if claim else ""
            items.append(Completion(claim_id, f"{perspective}: {entry.title or entry.text or ''}"[:120], "id"))
        return items

    def _quotes(self, path: Path, typed: str) -> list[Completion]:
        source = self.source_text(path)
        if source is None:
            return []
        wanted = typed.strip("\"' ").lower()
        found = []
        for sentence in (s for p in paragraphs(source) for s in sentences(p) if len(s.split()) >= 3):
            if wanted in sentence.lower():
                found.append(Completion(sentence[:80] + ("…" if len(sentence) > 80 else ""), None, "quote",
                                        insert=yaml_string(sentence)))
                if len(found) >= COMPLETION_LIMIT:
                    break
        return found

    # ── code actions ─────────────────────────────────────────────────────
    def code_actions(self, path: Path, problem: Problem, span: Span) -> list[tuple[str, list[tuple[Span, str]]]]:
        """Fixes for one diagnostic: the did-you-mean replacement, or a note stub on a link between sides."""
        actions = []
        suggestion = _MENTIONED.search(problem.hint or "")
        if suggestion and ID_PATTERN.fullmatch(suggestion[1]):
            actions.append((f"Replace with '{suggestion[1]}'", [(span, suggestion[1])]))
        if problem.rule == "cross-note":
            edit = self._note_stub(path, span)
            if edit is not None:
                actions.append(("Add a note to this link between the sides", [edit]))
        return actions

    def _note_stub(self, path: Path, span: Span) -> tuple[Span, str] | None:
        index = self.snapshot.indexes.get(path)
        reference = next((r for r in (index.references if index else []) if span[0] in (r.span[0], r.item_span[0])),
                         None)
        if reference is None:
            return None
        if reference.bare:  # the id alone: make it a mapping with a note
            return reference.item_span, f"{{to: {yaml_string(reference.target)}, note: {yaml_string(NOTE_STUB)}}}"
        start = reference.item_span[0]
        if self._line(path, start[0])[start[1]:].startswith("{"):
            point = (start[0], start[1] + 1)
            return (point, point), f"note: {yaml_string(NOTE_STUB)}, "
        point = (start[0] + 1, 0)
        return (point, point), " " * start[1] + f"note: {yaml_string(NOTE_STUB)}\n"


def md(text: str) -> str:
    """Claim text as Markdown that shows as text: control characters escaped, markup characters too.

    >>> md("a *b* <i>")
    'a \\\\*b\\\\* \\\\<i\\\\>'
    >>> md("bell\\a")
    'bell\\\\\\\\x07'
    """
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", printable(" ".join(text.split())))


def session_for(path: Path, sessions: dict[Path, MapSession]) -> MapSession | None:
    """The session of the map that holds ``path``, made on first use."""
    root = find_map_root(Path(os.path.abspath(path)))
    if root is None:
        return None
    if root not in sessions:
        sessions[root] = MapSession(root)
    return sessions[root]
