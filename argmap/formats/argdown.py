"""Argdown: statements ``[id]: text #perspective {data}`` with ``+>`` and ``->`` relations.

Writing gives a document the Argdown CLI accepts; reading takes the same
subset back (statements, tags, data and relations).

>>> import argmap, tempfile, pathlib
>>> text = write_argdown(argmap.example_map())

Claims are grouped under one heading per perspective, coloured by their
perspective tag through Argdown's ``tagColors``:

>>> text.splitlines()[4], text.splitlines()[6][:35]
('# Tea drinkers', '[tea.best]: Tea is the better morni')
>>> text.splitlines()[6]
'[tea.best]: Tea is the better morning drink. #tea {"kind": "thesis", "source": {"title": "On Tea", "author": "Ann"}}'
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import MapError, Position, Problem
from ..model import ArgumentMap, Claim
from .argdown_json import (argdown_cli, argdown_json, from_argdown_json, included_files, inference_of,
                           manifest_of, relation_details, undercut_details)
from .format import Format
from .imported import (PERSPECTIVE_RULES, Imported, MapBuilder, declared_perspectives, given_source, load_yaml,
                       perspective_for, question_record, read_text_file, slug)

_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]{}<>#*_`@/])")
#: Inside a data element, a raw brace ends it and ``//`` starts a comment, even
#: within a quoted string; JSON's own escapes carry them instead.
_DATA_ESCAPES = str.maketrans({"{": "\\u007b", "}": "\\u007d", "/": "\\u002f"})


def argdown_escape(text: str) -> str:
    r"""Escape characters that mean something in Argdown text (``//`` would start a comment).

    >>> print(argdown_escape("a [b] #c http://x"))
    a \[b\] \#c http:\/\/x
    """
    return _ARGDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def argdown_data(value: Any) -> str:
    r"""A data element (or front matter) as JSON that Argdown reads back intact.

    >>> print(argdown_data({"note": "a } b // c"}))
    {"note": "a \u007d b \u002f\u002f c"}
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{argdown_data(str(k))}: {argdown_data(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(argdown_data(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_DATA_ESCAPES)
    return json.dumps(value)


def write_argdown(argument_map: ArgumentMap) -> str:
    header: dict[str, Any] = {"title": argument_map.title}
    for key in ("description", "summary"):
        if getattr(argument_map, key):
            header[key] = getattr(argument_map, key)
    header["perspectives"] = {p.id: {"label": p.label, "color": p.color} for p in argument_map.perspectives.values()}
    if argument_map.questions:  # Argdown has no questions: they ride in the front matter, answers in each claim's data
        header["questions"] = [question_record(q) for q in argument_map.questions.values()]
    # Argdown colours a statement by its first tag, which is its perspective.
    header["color"] = {"tagColors": {p.id: p.color for p in argument_map.perspectives.values()}}
    out = ["===", argdown_data(header), "==="]
    by_perspective: dict[str, list[Claim]] = {pid: [] for pid in argument_map.perspectives}
    for claim in argument_map.claims.values():
        by_perspective[claim.perspective].append(claim)
    for perspective_id, claims in by_perspective.items():
        out += ["", f"# {argdown_escape(argument_map.perspectives[perspective_id].label)}"]
        out += _statements(claims)
    supports = list(dict.fromkeys(u.support for u in argument_map.undercuts()))
    if supports:  # Argdown undercuts an argument's inference: each undercut support is an argument of its own
        out += ["", "# Supports that are undercut"]
        for reason, conclusion in supports:
            out += ["", f"<{_inference_title(reason, conclusion)}>: The support from {reason} to {conclusion}. "
                        + argdown_data({"inference": [reason, conclusion]}),
                    "", f"(1) [{reason}]", "----", f"(2) [{conclusion}]"]
    return "\n".join(out) + "\n"


def _inference_title(reason: str, conclusion: str) -> str:
    """The title of the argument that stands for one support, which an undercut (``_>``) aims at."""
    return f"{reason} supports {conclusion}"


def _statements(claims: list[Claim]) -> list[str]:
    """Each claim as a statement with its data, followed by its outgoing relations."""
    out: list[str] = []
    for claim in claims:
        # Argdown relations carry no data, so their notes ride on the source claim.
        notes = {f"{r.kind} {r.target}": r.note for r in claim.relations if r.note}
        notes.update({f"undercuts {u.reason} {u.conclusion}": u.note for u in claim.undercuts if u.note})
        details = {f"{r.kind} {r.target}": {k: v for k, v in (("basis", r.basis), ("issue", r.issue),
                                                              ("mutual", r.mutual)) if v}
                   for r in claim.relations if r.basis or r.issue or r.mutual}
        details.update({f"undercuts {u.reason} {u.conclusion}": {k: v for k, v in (("basis", u.basis),
                                                                                  ("issue", u.issue)) if v}
                        for u in claim.undercuts if u.basis or u.issue})
        data = {k: v for k, v in (("title", claim.title), ("kind", claim.kind), ("quote", claim.quote),
                                  ("tags", list(claim.tags) or None), ("note", claim.note),
                                  ("asserted", None if claim.asserted else False),
                                  ("source", claim.source.as_dict() if claim.source else None),
                                  ("answers", [{"question": a.question, "position": a.position}
                                               for a in claim.answers] or None),
                                  ("relation_notes", notes or None), ("relation_data", details or None))
                if v is not None}
        line = f"[{claim.id}]: {argdown_escape(claim.text)} #{claim.perspective}"
        if data:
            line += " " + argdown_data(data)
        out += ["", line]
        out += [f"  {'+>' if r.kind == 'supports' else '->'} [{r.target}]" for r in claim.relations]
        out += [f"  _> <{_inference_title(u.reason, u.conclusion)}>" for u in claim.undercuts]
    return out


_STATEMENT = re.compile(r"^\[(?P<title>(?:\\.|[^\]\\])+)\]:\s*(?P<rest>.*)$")
_RELATION = re.compile(r"^(?P<indent>\s+)(?P<arrow>\+>|->|<\+|<-|\+|-)\s*\[(?P<title>(?:\\.|[^\]\\])+)\]\s*(?P<rest>.*)$")
_ARGUMENT = re.compile(r"^<(?P<title>[^<>]+)>:\s*(?P<rest>.*)$")
_UNDERCUT = re.compile(r"^(?P<indent>\s+)_>\s*<(?P<title>[^<>]+)>\s*$")
#: A premise–conclusion structure's lines, which argmap writes only for an argument that stands for one support.
_PCS_LINE = re.compile(r"^\(\d+\)\s*\[(?:\\.|[^\]\\])+\]\s*$|^-{2,}$")
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
        data = load_yaml(text[index:], where.path, where.line, where.column + index)
    except yaml.YAMLError as error:
        raise MapError([Problem(Position(where.path, where.line, where.column + index),
                                f"invalid data element: {str(error).splitlines()[0]}")]) from None
    if not isinstance(data, dict):
        return rest, {}
    return text[:index], data


def read_argdown(path: str | os.PathLike[str], *, perspective_from: str = "declared") -> Imported:
    """Import an Argdown file.

    With the Argdown CLI installed, Argdown's own parser reads it, and
    :mod:`argmap.formats.argdown_json` turns its JSON into a map: all of
    Argdown, as Argdown means it. Without the CLI, the subset argmap writes is
    read (statements, their tags and data, and ``+>``/``->`` relations), and any
    other line is an error that says how to get the CLI.

    A statement's perspective comes from its tags by ``perspective_from``
    (see :func:`~argmap.formats.imported.perspective_for`): by default only a
    tag the front matter declares as a perspective makes one; other tags
    stay tags, and a statement without such a tag is in the file's.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.argdown"
    >>> _ = f.write_text("[a]: Tea is best. #core\\n  +> [b]\\n\\n[b]: Drink tea.\\n")
    >>> [(c["id"], c["text"], c.get("tags")) for c in read_argdown(f).files["a.yaml"]["claims"]]
    [('a', 'Tea is best.', ['core']), ('b', 'Drink tea.', None)]
    """
    if perspective_from not in PERSPECTIVE_RULES:
        raise ValueError(f"perspective_from must be one of {', '.join(PERSPECTIVE_RULES)}")
    source = Path(path)
    raw, lines = read_text_file(source)
    header, start = _front_matter(lines, source)
    cli = argdown_cli()
    if cli is not None:  # Argdown's own parser reads Argdown as Argdown means it
        return from_argdown_json(argdown_json(cli, raw, str(source), included_files(source, raw)), str(source),
                                 header, perspective_from=perspective_from)
    return _read_subset(lines[start:], start, header, source, perspective_from)


def _front_matter(lines: list[str], source: Path) -> tuple[dict[str, Any], int]:
    """The ``===`` YAML front matter, and the number of the line after it."""
    header: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "===":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "===")
        except StopIteration:
            raise MapError([Problem(Position(str(source), 1, 1), "front matter is not closed", "end it with ===")]) from None
        try:
            header = load_yaml("\n".join(lines[1:end]), str(source), 2, 1) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = Position(str(source), mark.line + 2, mark.column + 1) if mark else Position(str(source), 2, 1)
            reason = getattr(error, "problem", None) or "it is not YAML"
            raise MapError([Problem(where, f"invalid front matter: {reason}")]) from None
        if not isinstance(header, dict):
            raise MapError([Problem(Position(str(source), 2, 1), "front matter must be a mapping of keys to values")])
        start = end + 1
    return header, start


def _read_subset(lines: list[str], start: int, header: dict[str, Any], source: Path,
                 perspective_from: str = "declared") -> Imported:
    """Without the Argdown CLI: the subset argmap writes (statements, tags, data, relations).

    Relations are ``+>``, ``->``, ``<+``, ``<-`` and Argdown's plain ``+``
    and ``-`` (the child supports or attacks the item above it); a relation
    indented under another relation is the inner item's, as in Argdown, and
    ``+> [b]: text`` defines ``b``. A statement defined twice keeps its first
    text, the others in its note, as Argdown's own reading gives them.
    """
    problems: list[Problem] = []
    statements: dict[str, dict[str, Any]] = {}
    relations: list[tuple[str, str, str]] = []
    undercuts: list[tuple[str, str, Position]] = []  # (undercutter, argument title, where)
    inferences: dict[str, tuple[str, str]] = {}  # argument title -> the support it stands for
    #: the items the next relation may hang from: (indent, title), innermost last
    above: list[tuple[int, str]] = []
    opened: int | None = None  # the line of an open /* comment

    def define(title: str, rest: str, where: Position, column: int) -> bool:
        try:
            text, data = _split_data(rest, Position(where.path, where.line, column))
        except MapError as error:
            problems.extend(error.problems)
            return False
        tags = [m["long"] or m["short"] for m in _TAG.finditer(text)]
        clean = _UNESCAPE.sub(r"\1", _TAG.sub("", text)).strip()
        known = statements.get(title)
        if known is None or not known["defined"]:
            statements[title] = {"text": clean or title, "tags": tags, "data": data, "where": where,
                                 "defined": True, "also": []}
        elif clean and clean != known["text"]:
            known["also"].append(clean)
        return True

    for number, line in enumerate(lines, start + 1):
        stripped = line.strip()
        if opened is not None:
            if "*/" in stripped:
                opened = None
            continue
        if not stripped or stripped.startswith("//") or (stripped.startswith("#") and not line.startswith(" ")):
            continue
        if stripped.startswith("/*"):
            opened = None if "*/" in stripped[2:] else number
            continue
        where = Position(str(source), number, 1)
        if (match := _ARGUMENT.match(line)) is not None:
            try:
                _, data = _split_data(match["rest"], Position(where.path, number, match.start("rest") + 1))
            except MapError as error:
                problems.extend(error.problems)
                continue
            if (pair := inference_of(data)) is not None:
                inferences[match["title"]] = pair
                above = []
                continue
        if _PCS_LINE.match(stripped) and inferences:
            continue
        if (match := _UNDERCUT.match(line)) is not None and above:
            undercuts.append((above[0][1], match["title"], where))
            continue
        if (match := _STATEMENT.match(line)) is not None:
            title = _UNESCAPE.sub(r"\1", match["title"])
            if define(title, match["rest"], where, match.start("rest") + 1):
                above = [(0, title)]
            continue
        if (match := _RELATION.match(line)) is not None and above:
            indent = len(match["indent"])
            while len(above) > 1 and above[-1][0] >= indent:
                above.pop()
            parent = above[-1][1]
            target = _UNESCAPE.sub(r"\1", match["title"])
            arrow = match["arrow"]
            kind = "supports" if "+" in arrow else "contradicts"
            relations.append((parent, kind, target) if arrow.endswith(">") else (target, kind, parent))
            rest = match["rest"]
            if rest.startswith(":"):  # +> [b]: text defines b where it is named
                define(target, rest[1:].lstrip(), where, match.start("rest") + 2)
            statements.setdefault(target, {"text": target, "tags": [], "data": {}, "where": where,
                                           "defined": False, "also": []})
            above.append((indent, target))
            continue
        problems.append(Problem(Position(str(source), number, len(line) - len(line.lstrip()) + 1),
                                "cannot read this line as a statement or relation",
                                "without the Argdown CLI argmap reads only the Argdown it writes; "
                                "npm install -g @argdown/cli (or set ARGMAP_ARGDOWN) to import any Argdown"))
    if opened is not None:
        problems.append(Problem(Position(str(source), opened, 1), "this /* comment is never closed",
                                "end it with */, or every line after it is read as a comment"))
    if problems:
        raise MapError(problems)

    builder = MapBuilder()
    perspectives = declared_perspectives(header)
    declared = set(perspectives)
    sources: dict[str, dict[str, Any]] = {}
    default_perspective = slug(source.stem)
    for title, statement in statements.items():
        tags = statement["tags"]
        perspective = perspective_for(tags, declared, default_perspective, perspective_from)
        perspectives.setdefault(perspective, {"label": perspective})
        data = statement["data"]
        other_tags = [t for t in tags if slug(t) != perspective]
        file_name = f"{perspective}.yaml"
        if given := given_source(data):
            sources.setdefault(file_name, given)
        notes = [data["note"]] if isinstance(data.get("note"), str) and data["note"].strip() else []
        if statement["also"]:
            notes.append("Also stated as: " + " | ".join(statement["also"]))
        builder.claim(builder.id_for(title), statement["text"], perspective, file_name, kind=data.get("kind"),
                      title=data.get("title"), asserted=data.get("asserted"), quote=data.get("quote"),
                      answers=data.get("answers"),
                      tags=data.get("tags") or other_tags, note=" ".join(notes) or None)
    for source_title, kind, target_title in relations:
        note, detail = relation_details(statements.get(source_title, {}).get("data", {}), kind, target_title)
        builder.relate(builder.id_for(source_title), kind, builder.id_for(target_title), note,
                       basis=detail.get("basis"), issue=detail.get("issue"), mutual=detail.get("mutual") is True)
    warnings = []
    for source_title, argument, where in undercuts:
        if argument not in inferences:
            warnings.append(f"{where}: the undercut of <{argument}> names no argument of this file that stands for "
                            "a support; it is not kept")
            continue
        reason, conclusion = inferences[argument]
        note, detail = undercut_details(statements.get(source_title, {}).get("data", {}), reason, conclusion)
        builder.undercut(builder.id_for(source_title), builder.id_for(reason), builder.id_for(conclusion), note,
                         basis=detail.get("basis"))
    return Imported(manifest_of(header, str(source), perspectives, default_perspective), builder.files(sources),
                    builder.renamed, warnings)


FORMAT = Format("argdown", ".argdown", "Argdown", write=write_argdown, read=read_argdown)
