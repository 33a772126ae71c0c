"""Argdown as Argdown itself reads it: the Argdown CLI's JSON, turned into a map.

Argdown's grammar (equivalence classes, arguments, premise–conclusion
structures, relations nested by indentation, undercuts, headings, tags, YAML
data and front matter) is defined by its own parser. Driving that parser is the
only way to read a file as Argdown means it, and its ``argdown json`` is also
the oracle the tests compare against, so argmap uses it whenever the CLI is
installed (``npm install @argdown/cli``). Without it, :mod:`argmap.formats.argdown`
reads the subset argmap writes.

How Argdown maps onto argmap:

- every equivalence class ``[Title]`` is a claim; when it has several texts, the
  first is its text and the others are kept in its note;
- every argument ``<Title>`` is a claim of kind ``premise``, its description its text;
- each relation in Argdown's JSON becomes one relation with the same direction:
  ``support`` and ``entails`` are *supports*; ``attack``, ``contrary`` and
  ``contradictory`` are *contradicts*, the last two with a note that says which;
- an undercut of an argument's inference (``_>``, ``toType: "inference"``) is an
  undercut of each support from a premise of its last inference to its
  conclusion; an argument of argmap's own export that stands for one support
  (``{"inference": [REASON, CONCLUSION]}``) is that support, not a claim;
- a premise–conclusion structure is kept in notes: the argument's note lists its
  premises and conclusion, and each of those statements names the argument
  (Argdown draws no relation for them either), with one warning line per argument;
- the perspective of a claim is its first tag that the front matter declares
  under ``perspectives``, else its first tag, else the file's name.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..errors import MapError, Position, Problem, excerpt
from ..io.files import read_input
from .imported import (Imported, MapBuilder, as_dict, declared_perspectives, given_questions, given_source,
                       long_number, perspective_for, slug)

#: How long the Argdown CLI may take on one file.
TIMEOUT = 120

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_SYNTAX_ERROR = re.compile(r"^At (\d+):(\d+)\s*\n(.+)$", re.M)
_CRASH = re.compile(r"^(?P<kind>\w*(?:Exception|Error)): (?P<message>.+?)(?: \((?P<line>\d+):(?P<column>\d+)\))?$", re.M)
_BUFFER = re.compile(r"buffer: '(?P<buffer>[^'\n\\]*)")
_RELATION_NOTES = {
    "entails": "entails: Argdown's strict entailment (if this is true, so is what it entails)",
    "undercut": "undercut: attacks the inference of the argument it targets",
    "contrary": "contrary: Argdown's contrary relation (both cannot be true)",
    "contradictory": "contradictory: Argdown's contradictory relation (exactly one is true)",
}


def argdown_cli() -> Path | None:
    """The Argdown CLI: ``$ARGMAP_ARGDOWN``, else ``argdown`` on the PATH, else None."""
    for candidate in (os.environ.get("ARGMAP_ARGDOWN"), shutil.which("argdown")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


#: ``@include(a.argdown, "b c.argdown")``: the files Argdown reads in at this place.
_INCLUDE = re.compile(r"@include\((?P<paths>[^)]*)\)")


def included_files(source: Path, text: bytes) -> dict[str, bytes]:
    """Every file ``source`` includes, and they include, by path relative to ``source``'s folder.

    An include is read as Argdown reads it, relative to the file that names
    it, and only from ``source``'s own folder tree: one outside it (or a link
    out of it) is a positioned error, so a document cannot make argmap read
    any file on the machine.
    """
    top = Path(os.path.realpath(source.parent))
    found: dict[str, bytes] = {}
    problems: list[Problem] = []

    def scan(path: Path, content: bytes) -> None:
        decoded = content.decode("utf-8", "replace")
        for match in _INCLUDE.finditer(decoded):
            line = decoded.count("\n", 0, match.start()) + 1
            column = match.start() - (decoded.rfind("\n", 0, match.start()) + 1) + 1
            for name in (n.strip().strip("'\"") for n in match["paths"].split(",")):
                if not name:
                    continue
                target = Path(os.path.realpath(path.parent / name))
                if target != top and top not in target.parents:
                    problems.append(Problem(Position(str(path), line, column), f"includes {excerpt(name, 60)}, "
                                            "which is outside the document's folder, so it is not read",
                                            "keep included files beside the document or below it"))
                    continue
                relative = target.relative_to(top).as_posix()
                if relative in found:
                    continue
                raw = read_input(target, str(target), problems, within=top, what="included file")
                if raw is not None:
                    found[relative] = raw
                    scan(target, raw)
    scan(Path(os.path.realpath(source)), text)
    if problems:
        raise MapError(problems)
    return found


def argdown_json(cli: Path, text: bytes, name: str, includes: dict[str, bytes] | None = None) -> dict[str, Any]:
    """Run ``argdown json`` on a private copy of a file; Argdown's syntax errors become positioned problems.

    The CLI runs in an empty temporary folder, so no ``argdown.config.js`` of the
    folder being imported is ever loaded (it would be code). The files the
    document includes (:func:`included_files`) are copied in beside it, at
    the same relative paths, so its ``@include`` lines resolve.
    """
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as folder:
        for relative, content in (includes or {}).items():
            placed = Path(folder, *relative.split("/"))
            placed.parent.mkdir(parents=True, exist_ok=True)
            placed.write_bytes(content)
        copy = Path(folder) / f"input-{os.getpid()}.argdown"  # never one of the included names
        copy.write_bytes(text)
        try:
            done = subprocess.run([str(cli), "json", copy.name, "--stdout", "--removeMap", "--removeEmbeddedRelations"],
                                  cwd=folder, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                                  env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"})
        except subprocess.TimeoutExpired:
            raise MapError([Problem(Position(name, 1, 1), f"the Argdown CLI took longer than {TIMEOUT} s")]) from None
        except OSError as error:
            raise MapError([Problem(Position(name, 1, 1), f"cannot run the Argdown CLI {cli}: {error.strerror}")]) from None
    output = _ANSI.sub("", done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace"))
    errors = [Problem(Position(name, int(line), int(column)), message.strip())
              for line, column, message in _SYNTAX_ERROR.findall(output)]
    if errors:
        raise MapError(errors)
    if (crash := _CRASH.search(output)) is not None:  # Argdown stops on bad YAML data with a stack trace
        raise MapError([Problem(_data_position(crash, output, text, name),
                                f"Argdown cannot read this: {crash['kind']}: {crash['message'].strip()}")])
    start = output.find("{")
    try:
        data, _ = json.JSONDecoder().raw_decode(output[start:]) if start >= 0 else (None, 0)
    except (json.JSONDecodeError, RecursionError):
        data = None
    except ValueError:  # a number in the file's data past Python's limit on digits
        raise long_number(text.decode("utf-8", "replace"), name) from None
    if not isinstance(data, dict):
        last = next((line for line in reversed(output.splitlines()) if line.strip()), "no output")
        raise MapError([Problem(Position(name, 1, 1), f"the Argdown CLI could not read the file: {last.strip()}")])
    return data


def inference_steps(pcs: list[Any], key_of: dict[tuple[str, str], str]) -> list[tuple[str, str, list[str], list[str]]]:
    """An argument's premise–conclusion structure as (claim, role, the claims it is inferred from, rules).

    A conclusion is inferred from the statements its inference ``uses``
    (1-based, as ``-- rule {uses: [1, 2]} --`` writes them), and otherwise
    from the previous conclusion and the premises after it; a premise is
    inferred from nothing.

    >>> keys = {("equivalence-class", t): t for t in "abcde"}
    >>> pcs = [{"title": "a", "role": "premise"}, {"title": "b", "role": "premise"},
    ...        {"title": "c", "role": "intermediary-conclusion", "inference": {"inferenceRules": ["MP"]}},
    ...        {"title": "d", "role": "premise"}, {"title": "e", "role": "main-conclusion",
    ...                                          "inference": {"data": {"uses": [1, 4]}}}]
    >>> [(claim, role, premises) for claim, role, premises, _ in inference_steps(pcs, keys)]
    [('a', 'premise', []), ('b', 'premise', []), ('c', 'conclusion', ['a', 'b']), ('d', 'premise', []), ('e', 'conclusion', ['a', 'd'])]
    """
    steps: list[tuple[str, str, list[str], list[str]]] = []
    numbered: list[str | None] = []  # each statement's claim, by its number in the structure
    since: list[str] = []  # the conclusion before, and the premises after it
    for statement in pcs:
        member = key_of.get(("equivalence-class", str(statement.get("title")))) if isinstance(statement, dict) \
            else None
        numbered.append(member)
        if member is None:
            continue
        if statement.get("role") not in ("main-conclusion", "intermediary-conclusion"):
            steps.append((member, "premise", [], []))
            since.append(member)
            continue
        inference = as_dict(statement.get("inference"))
        uses = as_dict(inference.get("data")).get("uses")
        if isinstance(uses, list) and uses and all(isinstance(u, int) and 0 < u < len(numbered) for u in uses):
            premises = [m for m in (numbered[u - 1] for u in uses) if m is not None]
        else:
            premises = since
        rules = [str(rule) for rule in inference.get("inferenceRules") or [] if str(rule).strip()]
        steps.append((member, "conclusion", list(dict.fromkeys(p for p in premises if p != member)), rules))
        since = [member]
    return steps


def _member_text(member: dict[str, Any]) -> str:
    """A member's text without its ``#tags``: they become the claim's tags (Argdown marks them as ranges)."""
    text = str(member.get("text") or "")
    cuts = sorted((r["start"], r["stop"]) for r in member.get("ranges") or []
                  if isinstance(r, dict) and r.get("type") == "tag"
                  and isinstance(r.get("start"), int) and isinstance(r.get("stop"), int))
    for start, stop in reversed(cuts):
        text = text[:start] + text[stop + 1:]
    return " ".join(text.split())


def _data_position(crash: re.Match[str], output: str, text: bytes, name: str) -> Position:
    """Where in the file the YAML that Argdown choked on is: its text is in the stack trace."""
    found = _BUFFER.search(output)
    if found and found["buffer"].strip():
        source = text.decode("utf-8", "replace")
        index = source.find(found["buffer"])
        if index >= 0:
            line = source.count("\n", 0, index) + 1
            column = index - (source.rfind("\n", 0, index) + 1) + int(crash["column"] or 1)
            return Position(name, line, column)
    return Position(name, 1, 1)


def _texts(element: dict[str, Any]) -> list[str]:
    """An equivalence class's or argument's distinct texts, in order."""
    seen: list[str] = []
    for member in element.get("members") or []:
        text = _member_text(member) if isinstance(member, dict) else ""
        if text and text not in seen:
            seen.append(text)
    return seen


#: The data keys argmap's Argdown export writes: a statement that has any of them came from argmap.
_ARGMAP_DATA = frozenset({"title", "kind", "quote", "tags", "note", "asserted", "source", "relation_notes",
                          "relation_data", "answers", "inference"})


def _data_value(value: Any) -> str:
    """A data value as one short line of text."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return " ".join(text.split())[:200]


def _first_line(element: dict[str, Any]) -> int:
    lines = [m.get("startLine") for m in element.get("members") or [] if isinstance(m, dict)]
    return min((n for n in lines if isinstance(n, int)), default=0)


def _section_titles(sections: Any, found: dict[str, str] | None = None) -> dict[str, str]:
    """Each heading's id, to its title, through every level."""
    found = {} if found is None else found
    for section in sections if isinstance(sections, list) else []:
        if isinstance(section, dict):
            if isinstance(section.get("id"), str) and isinstance(section.get("title"), str):
                found[section["id"]] = section["title"]
            _section_titles(section.get("children"), found)
    return found


def _tags(element: dict[str, Any]) -> list[str]:
    tags: list[str] = []
    for source in [element, *(m for m in element.get("members") or [] if isinstance(m, dict))]:
        tags += [t for t in source.get("tags") or [] if isinstance(t, str) and t not in tags]
    return tags


def relation_details(data: dict[str, Any], kind: str, target_title: str) -> tuple[str | None, dict[str, Any]]:
    """The note and the basis/issue that argmap's export keeps for one relation in its source's data."""
    key = f"{kind} {slug(target_title)}"
    note = as_dict(data.get("relation_notes")).get(key)
    return (note if isinstance(note, str) else None), as_dict(as_dict(data.get("relation_data")).get(key))


def undercut_details(data: dict[str, Any], reason: str, conclusion: str) -> tuple[str | None, dict[str, Any]]:
    """The note and basis/issue argmap's export keeps for an undercut, under ``undercuts REASON CONCLUSION``."""
    key = f"undercuts {reason} {conclusion}"
    note = as_dict(data.get("relation_notes")).get(key)
    return (note if isinstance(note, str) else None), as_dict(as_dict(data.get("relation_data")).get(key))


def inference_of(data: dict[str, Any]) -> tuple[str, str] | None:
    """The support an argument of argmap's export stands for (``{"inference": [REASON, CONCLUSION]}``), if any.

    argmap writes an undercut as Argdown's ``_>`` aimed at such an argument,
    whose premise–conclusion structure is the reason and the conclusion.
    """
    pair = data.get("inference")
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(c, str) for c in pair):
        return pair[0], pair[1]
    return None


def manifest_of(front: dict[str, Any], name: str, perspectives: dict[str, dict[str, Any]],
                default_perspective: str) -> dict[str, Any]:
    """``map.yaml`` for an imported document: its front matter's title, description, summary and questions."""
    manifest: dict[str, Any] = {"title": f"Imported from {Path(name).name}"}
    for key in ("title", "description", "summary"):
        if isinstance(front.get(key), str) and front[key].strip():
            manifest[key] = front[key]
    manifest["perspectives"] = perspectives or {default_perspective: {"label": default_perspective}}
    if questions := given_questions(front.get("questions")):
        manifest["questions"] = questions
    return manifest


def from_argdown_json(data: dict[str, Any], name: str, front: dict[str, Any] | None = None, *,
                      perspective_from: str = "declared") -> Imported:
    """A map from Argdown's JSON (see the module's docstring for what becomes what).

    ``front`` is the document's front matter, which Argdown's JSON leaves out;
    ``perspective_from`` is the rule of :func:`~argmap.formats.imported.perspective_for`.

    >>> data = {"statements": {"A": {"members": [{"text": "Tea is best.", "startLine": 1}]},
    ...                        "B": {"members": [{"text": "Tea calms.", "startLine": 2}]}},
    ...         "relations": [{"relationType": "support", "from": "B", "fromType": "equivalence-class",
    ...                        "to": "A", "toType": "equivalence-class"}]}
    >>> imported = from_argdown_json(data, "tea.argdown")
    >>> [(c["id"], c["text"], c.get("supports")) for c in imported.files["tea.yaml"]["claims"]]
    [('A', 'Tea is best.', None), ('B', 'Tea calms.', [{'to': 'A', 'basis': 'stated'}])]
    """
    front = front or {}
    headings = _section_titles(data.get("sections"))
    perspectives = declared_perspectives(front)
    declared = set(perspectives)
    default_perspective = slug(Path(name).stem)
    builder, warnings = MapBuilder(), []
    statements, arguments = as_dict(data.get("statements")), as_dict(data.get("arguments"))
    key_of: dict[tuple[str, str], str] = {}  # (Argdown type, title) -> claim id
    data_of: dict[tuple[str, str], dict[str, Any]] = {}  # its YAML data: argmap's export writes fields there
    sources: dict[str, dict[str, Any]] = {}
    notes: dict[str, list[str]] = {}
    elements = [("equivalence-class", t, e) for t, e in statements.items()] + \
               [("argument", t, e) for t, e in arguments.items()]
    elements.sort(key=lambda item: (_first_line(item[2]) if isinstance(item[2], dict) else 0))
    inferences: dict[str, tuple[str, str]] = {}  # argmap's own arguments that stand for one support each
    for kind, title, element in elements:
        if not isinstance(element, dict):
            continue
        if kind == "argument" and (pair := inference_of(as_dict(element.get("data")))) is not None:
            inferences[title] = pair
            continue
        texts = _texts(element)
        tags = _tags(element)
        perspective = perspective_for(tags, declared, default_perspective, perspective_from)
        perspectives.setdefault(perspective, {"label": perspective})
        details = data_of[kind, title] = as_dict(element.get("data"))
        claim_id = builder.id_for(f"argument:{title}" if kind == "argument" else title)
        heading = headings.get(str(element.get("section")))
        if heading is not None and slug(heading) in {slug(str(p.get("label", ""))) for p in perspectives.values()}:
            heading = None  # a heading that names a perspective (as argmap writes them) is no topic tag
        key_of[kind, title] = claim_id
        note_lines = notes.setdefault(claim_id, [])
        if isinstance(details.get("note"), str) and details["note"].strip():
            note_lines.append(details["note"])
        ours = bool(details.keys() & _ARGMAP_DATA)  # argmap's own export: its data carries the claim's fields
        foreign = {key: value for key, value in details.items() if key not in _ARGMAP_DATA}
        if foreign:  # another tool's data (credence, reason, ...) is kept, named in the note
            note_lines.append("Data: " + "; ".join(f"{key}: {_data_value(value)}" for key, value in foreign.items())
                              + ".")
        if len(texts) > 1:
            note_lines.append("Also stated as: " + " | ".join(texts[1:]))
        file_name = f"{perspective}.yaml"
        if given := given_source(details):
            sources.setdefault(file_name, given)
        # With argmap's own data, the title is in it (argmap writes claim ids as Argdown titles); else, whatever
        # other data the statement carries, Argdown's title is the claim's.
        # An argument's title is Argdown's own (argmap writes it so too), unless Argdown made it up ("Untitled 3").
        own_title = None if (ours and kind != "argument") or len(title) > 80 or title.startswith("Untitled") else title
        builder.claim(claim_id, texts[0] if texts else title, perspective, file_name,
                      kind=details.get("kind") or ("premise" if kind == "argument" else None),
                      title=details.get("title") or own_title,
                      asserted=details.get("asserted"), quote=details.get("quote"), answers=details.get("answers"),
                      tags=details.get("tags") or ([t for t in tags if slug(t) != perspective]
                                                   + (["argument"] if kind == "argument" else [])
                                                   + ([slug(heading).lower()[:40]] if heading else [])))
    inferred: list[tuple[str, str, str]] = []  # (premise, conclusion, note) of every argument's inferences
    final_step: dict[str, tuple[str, list[str]]] = {}  # each argument's main conclusion and its premises
    for title, argument in arguments.items():
        if not isinstance(argument, dict) or not argument.get("pcs") or title in inferences:
            continue
        argument_id = key_of["argument", title]
        steps = []
        for member, role, premises, rules in inference_steps(argument["pcs"], key_of):
            steps.append(f"{role} [{builder.claims[member].get('title') or member}]")
            notes[member].append(f"A {role} of the argument <{title}>.")
            step = f"A step of the argument <{title}>" + (f" ({', '.join(rules)})" if rules else "") + "."
            inferred += [(premise, member, step) for premise in premises]  # each premise supports its conclusion
            if premises:
                final_step[title] = (member, premises)
        notes[argument_id].append("Premise–conclusion structure: " + "; ".join(steps) + ".")
    undercuts: list[tuple[str, str, str, str | None, Any]] = []  # (undercutter, reason, conclusion, note, basis)
    for relation in data.get("relations") or []:
        if not isinstance(relation, dict):
            continue
        if relation.get("relationType") == "undercut" and relation.get("toType") == "inference":
            source = key_of.get((str(relation.get("fromType")), str(relation.get("from"))))
            aimed = str(relation.get("to"))
            details = data_of.get((str(relation.get("fromType")), str(relation.get("from"))), {})
            if source is not None and aimed in inferences:  # argmap's own export: one support
                reason, conclusion = inferences[aimed]
                note, detail = undercut_details(details, reason, conclusion)
                pairs = [(key_of.get(("equivalence-class", reason)), key_of.get(("equivalence-class", conclusion)),
                          note, detail.get("basis"))]
            elif source is not None and aimed in final_step:  # the argument's last inference, premise by premise
                conclusion, premises = final_step[aimed]
                pairs = [(premise, conclusion, f"Undercuts the inference of the argument <{aimed}>.", "stated")
                         for premise in premises]
            else:
                warnings.append(f"an undercut from {relation.get('from')} of the inference of <{aimed}> was not "
                                "imported: that argument has no premise–conclusion structure to read it from")
                continue
            undercuts += [(source, reason, conclusion, note, basis) for reason, conclusion, note, basis in pairs
                          if reason is not None and conclusion is not None]
            continue
        source = key_of.get((str(relation.get("fromType")), str(relation.get("from"))))
        target = key_of.get((str(relation.get("toType")), str(relation.get("to"))))
        relation_type = relation.get("relationType")
        if source is None or target is None or relation_type not in ("support", "attack", *_RELATION_NOTES):
            warnings.append(f"a {relation_type} relation from {relation.get('from')} to {relation.get('to')} "
                            "was not imported")
            continue
        argmap_kind = "supports" if relation_type in ("support", "entails") else "contradicts"
        if source == target:  # a claim cannot contradict (or support) itself in argmap: said, not dropped
            where = _first_line(statements.get(str(relation.get("from")), {})) or 1
            warnings.append(f"{name}:{where}:1: {relation.get('from')} has a {relation_type} relation with itself, "
                            "which a claim cannot have in argmap; it is not kept")
            continue
        details = data_of.get((str(relation.get("fromType")), str(relation.get("from"))), {})
        note, detail = relation_details(details, argmap_kind, str(relation.get("to")))
        note = note or _RELATION_NOTES.get(relation_type)
        builder.relate(source, argmap_kind, target, note, basis=detail.get("basis") if details else "stated",
                       issue=detail.get("issue"), mutual=detail.get("mutual") is True)
    for premise, conclusion, step in inferred:  # after Argdown's own relations, which win for a pair
        builder.relate(premise, "supports", conclusion, step, basis="stated")
    for source, reason, conclusion, note, basis in undercuts:
        builder.undercut(source, reason, conclusion, note, basis=basis)
    for claim_id, lines in notes.items():
        if lines:
            builder.claims[claim_id]["note"] = " ".join(lines)
    return Imported(manifest_of(front, name, perspectives, default_perspective), builder.files(sources),
                    builder.renamed, warnings)
