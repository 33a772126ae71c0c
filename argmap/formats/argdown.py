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
from ..model import ArgumentMap, Claim, Relation
from .argdown_json import argdown_cli, argdown_json, from_argdown_json, included_files
from .format import Format
from .imported import PERSPECTIVE_RULES, Imported, as_dict, load_yaml, question_record, read_text_file, slug

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


#: How argmap's Argdown reader names the relations Argdown has and argmap does not: the note's opening words.
#: The writer gives each its own arrow back.
_ARROW_OF_NOTE = {"contradictory:": "><", "undercut:": "_>", "entails:": "+>", "contrary:": "->"}
#: The note the reader gives a support it read off an argument's premise–conclusion structure.
_STRUCTURE = re.compile(r"Premise–conclusion structure: (.*?)\.(?:\s|$)")
_STRUCTURE_ITEM = re.compile(r"\[(.+?)\](?:;|$)")
_PREMISE = re.compile(r"A premise of the argument <(.+?)>\.")
_STEP = re.compile(r"A step of the argument <(?P<title>.+?)>(?: \((?P<rules>.*?)\))?\.(?:\s|$)")


def write_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown: statements and their relations, under one heading per perspective.

    A claim tagged ``argument`` (as argmap's Argdown reader tags an Argdown
    argument) is written as an argument ``<Title>``, with its premise–conclusion
    structure where the supports say so (the reader notes each such support
    as "A step of the argument <Title>"); a relation the reader noted as
    Argdown's contradictory, undercut, entails or contrary gets its own arrow
    back (``><``, ``_>``, and, in strict mode, ``+>`` and ``->``). So an
    imported Argdown document exports to one that Argdown reads the same way.
    """
    header: dict[str, Any] = {"title": argument_map.title}
    for key in ("description", "summary"):
        if getattr(argument_map, key):
            header[key] = getattr(argument_map, key)
    header["perspectives"] = {p.id: {"label": p.label, "color": p.color} for p in argument_map.perspectives.values()}
    if argument_map.questions:  # Argdown has no questions: they ride in the front matter, answers in each claim's data
        header["questions"] = [question_record(q) for q in argument_map.questions.values()]
    # Argdown colours a statement by its first tag, which is its perspective.
    header["color"] = {"tagColors": {p.id: p.color for p in argument_map.perspectives.values()}}
    writer = _Writer(argument_map)
    if writer.strict:
        header["model"] = {"mode": "strict"}
    out = ["===", argdown_data(header), "==="]
    by_perspective: dict[str, list[Claim]] = {pid: [] for pid in argument_map.perspectives}
    for claim in argument_map.claims.values():
        by_perspective[claim.perspective].append(claim)
    for perspective_id, claims in by_perspective.items():
        out += ["", f"# {argdown_escape(argument_map.perspectives[perspective_id].label)}"]
        for claim in claims:
            out += writer.element(claim)
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


class _Writer:
    """Writes one claim at a time, knowing which claims are arguments and which supports are their steps."""

    def __init__(self, argument_map: ArgumentMap):
        self.map = argument_map
        claims = argument_map.claims
        #: each argument claim's Argdown title (its title, which the reader kept), by claim id
        self.arguments = {c.id: c.title or c.id.removeprefix("argument:") for c in claims.values()
                          if "argument" in c.tags}
        by_title = {slug(title): claim_id for claim_id, title in self.arguments.items()}
        #: per argument, its premise–conclusion steps as (premise, conclusion, rules), in file order
        self.steps: dict[str, list[tuple[str, str, str | None]]] = {}
        self.in_structure: set[tuple[str, str]] = set()
        for r in argument_map.relations():
            match = _STEP.search(r.note or "") if r.kind == "supports" else None
            if match and slug(match["title"]) in by_title:
                self.steps.setdefault(by_title[slug(match["title"])], []).append((r.source, r.target, match["rules"]))
                self.in_structure.add((r.source, r.target))
        #: per argument, the premises the reader noted on their claims ("A premise of the argument <Title>."),
        #: one of which its inferences may not use: it is still part of the structure
        self.premises: dict[str, list[str]] = {}
        for claim in claims.values():
            for title in _PREMISE.findall(claim.note or ""):
                if slug(title) in by_title:
                    self.premises.setdefault(by_title[slug(title)], []).append(claim.id)
        #: per argument, its structure's statements in the order the reader noted them
        #: ("Premise–conclusion structure: premise [a]; premise [b]; conclusion [c].")
        named = {c.title: c.id for c in claims.values() if c.title} | {c: c for c in claims}
        self.order: dict[str, list[str]] = {}
        for claim_id in self.arguments:
            if (noted := _STRUCTURE.search(claims[claim_id].note or "")) is not None:
                self.order[claim_id] = [named[item] for item in _STRUCTURE_ITEM.findall(noted[1]) if item in named]
        kinds = [self._marker(r) for r in argument_map.relations()]
        # Strict mode reads +> and -> between statements as entails and contrary: only when no plain support
        # or attack between statements would be read so too.
        plain = [r for r, kind in zip(argument_map.relations(), kinds) if kind is None
                 and (r.source, r.target) not in self.in_structure
                 and r.source not in self.arguments and r.target not in self.arguments]
        self.strict = any(kind in ("entails:", "contrary:") for kind in kinds) and not plain

    @staticmethod
    def _marker(relation: Relation) -> str | None:
        note = relation.note or ""
        return next((m for m in _ARROW_OF_NOTE if note.startswith(m) or f" {m}" in note), None)

    def ref(self, claim_id: str) -> str:
        return f"<{self.arguments[claim_id]}>" if claim_id in self.arguments else f"[{claim_id}]"

    def arrow(self, relation: Relation) -> str:
        marker = self._marker(relation)
        if marker in ("contradictory:", "undercut:") or (marker and self.strict):
            return _ARROW_OF_NOTE[marker]
        return "+>" if relation.kind == "supports" else "->"

    def element(self, claim: Claim) -> list[str]:
        """A claim as a statement (or an argument, with its structure), its data, and its outgoing relations."""
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
        line = f"{self.ref(claim.id)}: {argdown_escape(claim.text)} #{claim.perspective}"
        if data:
            line += " " + argdown_data(data)
        out = ["", line]
        out += [f"  {self.arrow(r)} {self.ref(r.target)}" for r in claim.relations
                if (r.source, r.target) not in self.in_structure]
        out += [f"  _> <{_inference_title(u.reason, u.conclusion)}>" for u in claim.undercuts]
        if claim.id in self.steps:
            order = {c: i for i, c in enumerate(self.order.get(claim.id, []))}
            steps = sorted(self.steps[claim.id], key=lambda step: order.get(step[0], len(order)))
            premises = sorted(self.premises.get(claim.id, []), key=lambda c: order.get(c, len(order)))
            out += ["", *self._structure(steps, premises)]
        return out

    def _structure(self, steps: list[tuple[str, str, str | None]], premises: list[str]) -> list[str]:
        """A premise–conclusion structure: each conclusion after its premises, each inference naming what it uses."""
        premises_of: dict[str, list[str]] = {}
        rules_of: dict[str, str | None] = {}
        for premise, conclusion, rules in steps:
            premises_of.setdefault(conclusion, []).append(premise)
            rules_of.setdefault(conclusion, rules)
        number: dict[str, int] = {}
        lines: list[str] = []

        def state(claim_id: str) -> None:
            number[claim_id] = len(number) + 1
            lines.append(f"({number[claim_id]}) {self.ref(claim_id)}")

        def infer(conclusion: str, given: list[str]) -> None:
            uses = ", ".join(str(number[p]) for p in given if p in number)
            rules = rules_of[conclusion]
            lines.append(f"-- {argdown_escape(rules)} {{uses: [{uses}]}} --" if rules else f"-- {{uses: [{uses}]}} --")
            state(conclusion)

        def conclude(conclusion: str, seen: frozenset[str]) -> None:
            for premise in premises_of[conclusion]:
                if premise in number:
                    continue
                if premise in premises_of and premise not in seen:
                    conclude(premise, seen | {conclusion})  # an intermediary conclusion, derived first
                else:
                    state(premise)
            infer(conclusion, premises_of[conclusion])

        if len(premises_of) == 1:  # one inference: every premise in the order noted, used or not
            (conclusion, given), = premises_of.items()
            for premise in dict.fromkeys(premises + given):
                state(premise)
            infer(conclusion, given)
            return lines
        used = {p for given in premises_of.values() for p in given}
        for conclusion in [c for c in premises_of if c not in used] or list(premises_of)[-1:]:
            if conclusion not in number:
                conclude(conclusion, frozenset())
        unused = [p for p in premises if p not in number and p not in premises_of]
        if unused:  # premises no inference uses: listed before the last inference, so no number it uses moves
            last = max(i for i, line in enumerate(lines) if line.startswith("--"))
            end = lines.pop()
            lines[last:last] = [f"({len(number) + i}) {self.ref(p)}" for i, p in enumerate(unused)]
            lines.append(f"({len(number) + len(unused)}) {end.split(') ', 1)[1]}")
        return lines




_STATEMENT = re.compile(r"^\[(?P<title>(?:\\.|[^\]\\])+)\]:\s*(?P<rest>.*)$")
_RELATION = re.compile(r"^(?P<indent>\s+)(?P<arrow>\+>|->|><|_>|<\+|<-|\+|-)\s*(?:\[(?P<title>(?:\\.|[^\]\\])+)\]"
                       r"|<(?P<argument>[^<>]+)>)\s*(?P<rest>.*)$")
#: A statement of a premise–conclusion structure, ``(1) [title]``, and an inference line between them.
_PCS_STATEMENT = re.compile(r"^\(\d+\)\s*\[(?P<title>(?:\\.|[^\]\\])+)\]\s*$")
_INFERENCE = re.compile(r"^-{2,}(?:\s*(?P<rules>[^{}]*?)\s*(?P<data>\{.*\})?\s*-{2,})?$")
_ARGUMENT = re.compile(r"^<(?P<title>[^<>]+)>:\s*(?P<rest>.*)$")
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
    """Without the Argdown CLI: the Argdown argmap writes, read into the JSON ``argdown json`` would give.

    Statements, their tags and data; arguments ``<Title>: text`` with their
    premise–conclusion structures (``(1) [a]``, ``-- rule {uses: [1]} --``);
    relations ``+>``, ``->``, ``><``, ``_>``, ``<+``, ``<-`` and Argdown's plain
    ``+`` and ``-`` (the child supports or attacks the item above it), a
    relation indented under another being the inner item's, as in Argdown,
    and ``+> [b]: text`` defining ``b``; strict mode (``model: {mode: strict}``)
    reading ``+>`` and ``->`` between statements as entails and contrary. The
    JSON then becomes a map exactly as Argdown's own would
    (:func:`~argmap.formats.argdown_json.from_argdown_json`).
    """
    problems: list[Problem] = []
    statements: dict[str, dict[str, Any]] = {}
    arguments: dict[str, dict[str, Any]] = {}
    relations: list[dict[str, Any]] = []
    strict = as_dict(header.get("model")).get("mode") == "strict"
    #: the items the next relation may hang from: (indent, (type, title)), innermost last
    above: list[tuple[int, tuple[str, str]]] = []
    structure: list[dict[str, Any]] | None = None  # the premise–conclusion structure being read
    pending: dict[str, Any] | None = None  # the inference line before a conclusion
    opened: int | None = None  # the line of an open /* comment

    def element(kind: str, title: str) -> dict[str, Any]:
        table = arguments if kind == "argument" else statements
        return table.setdefault(title, {"members": [], "tags": [], "data": {}})

    def define(kind: str, title: str, rest: str, number: int, column: int) -> bool:
        try:
            text, data = _split_data(rest, Position(str(source), number, column))
        except MapError as error:
            problems.extend(error.problems)
            return False
        found = element(kind, title)
        found["tags"] += [t for t in (m["long"] or m["short"] for m in _TAG.finditer(text)) if t not in found["tags"]]
        found["data"] = found["data"] or data
        clean = _UNESCAPE.sub(r"\1", _TAG.sub("", text)).strip()
        if clean:
            found["members"].append({"text": clean, "startLine": number})
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
        if structure is not None and (match := _PCS_STATEMENT.match(stripped)) is not None:
            title = _UNESCAPE.sub(r"\1", match["title"])
            element("equivalence-class", title)
            step: dict[str, Any] = {"title": title, "role": "premise"}
            if pending is not None:
                step.update(role="intermediary-conclusion", inference=pending)
                pending = None
            structure.append(step)
            continue
        if structure is not None and (match := _INFERENCE.match(stripped)) is not None:
            rules = [r for r in [(match["rules"] or "").strip()] if r]
            try:
                _, data = _split_data(match["data"] or "", Position(str(source), number, 1))
            except MapError as error:
                problems.extend(error.problems)
                data = {}
            pending = {"inferenceRules": [_UNESCAPE.sub(r"\1", r) for r in rules], "data": data}
            continue
        structure = None
        if (match := _ARGUMENT.match(line)) is not None:
            title = _UNESCAPE.sub(r"\1", match["title"])
            if define("argument", title, match["rest"], number, match.start("rest") + 1):
                above = [(0, ("argument", title))]
                structure = arguments[title].setdefault("pcs", [])
            continue
        if (match := _STATEMENT.match(line)) is not None:
            title = _UNESCAPE.sub(r"\1", match["title"])
            if define("equivalence-class", title, match["rest"], number, match.start("rest") + 1):
                above = [(0, ("equivalence-class", title))]
            continue
        if (match := _RELATION.match(line)) is not None and above:
            indent = len(match["indent"])
            while len(above) > 1 and above[-1][0] >= indent:
                above.pop()
            parent = above[-1][1]
            target = ("argument" if match["argument"] is not None else "equivalence-class",
                      _UNESCAPE.sub(r"\1", match["argument"] if match["argument"] is not None else match["title"]))
            arrow = match["arrow"]
            # +> -> >< _> run from the item above to the child; <+ <- + - from the child to it
            source_end, target_end = (parent, target) if arrow in ("+>", "->", "><", "_>") else (target, parent)
            relations.append({"arrow": arrow, "from": source_end, "to": target_end})
            rest = match["rest"]
            if rest.startswith(":"):  # +> [b]: text defines b where it is named
                define(target[0], target[1], rest[1:].lstrip(), number, match.start("rest") + 2)
            element(*target)
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
    for argument in arguments.values():  # the last statement of a structure is its main conclusion
        if argument.get("pcs") and argument["pcs"][-1]["role"] == "intermediary-conclusion":
            argument["pcs"][-1]["role"] = "main-conclusion"
    data = {"statements": statements, "arguments": arguments,
            "relations": [_relation_json(r, strict, arguments) for r in relations]}
    return from_argdown_json(data, str(source), header, perspective_from=perspective_from)


def _relation_json(relation: dict[str, Any], strict: bool, arguments: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A relation as ``argdown json`` gives it: its type from the arrow, the mode and what it joins."""
    (from_type, source), (to_type, target) = relation["from"], relation["to"]
    arrow = relation["arrow"].strip("<>") or relation["arrow"]
    between_statements = from_type == to_type == "equivalence-class"
    if relation["arrow"] == "><":
        kind = "contradictory"
    elif relation["arrow"] == "_>":
        kind = "undercut"
        if to_type == "argument" and arguments.get(target, {}).get("pcs"):
            to_type = "inference"
    elif "+" in arrow:
        kind = "entails" if strict and between_statements else "support"
    else:
        kind = "contrary" if strict and between_statements else "attack"
    return {"relationType": kind, "from": source, "fromType": from_type, "to": target, "toType": to_type}


FORMAT = Format("argdown", ".argdown", "Argdown", write=write_argdown, read=read_argdown)
