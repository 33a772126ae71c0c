"""Read one YAML document as a manifest or a claims file, collecting problems.

These readers work on composed YAML nodes (see :mod:`argmap.io.yamlnodes`)
and know nothing of the other files of a map: the checks across files are in
:mod:`argmap.io.validate`, and :mod:`argmap.io.load` puts it all together.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Position, Problem, did_you_mean, excerpt
from ..model import (BASES, CLAIM_KINDS, COLOR_PATTERN, DEFAULT_COLORS, ID_PATTERN, ISSUES, LINT_RULES,
                     RELATION_KINDS, TITLE_LIMIT, Answer, Claim, Perspective, Question, Relation, Source, Undercut)
from .files import read_input
from .yamlnodes import NodeReader, compose_documents, decode_file, is_null

MANIFEST_KEYS = ("title", "description", "summary", "perspectives", "questions", "lint")
CLAIMS_FILE_KEYS = ("perspective", "source", "claims")
CLAIM_KEYS = ("id", "title", "text", "quote", "kind", "asserted", "tags", "note", *RELATION_KINDS, "answers")
RELATION_KEYS = ("to", "note", "basis", "issue", "mutual")
UNDERCUT_KEYS = ("support", "note", "basis", "issue")
QUESTION_KEYS = ("id", "text", "issue", "positions", "note")
ANSWER_KEYS = ("question", "position")
SOURCE_KEYS = ("title", "author", "url", "text")


@dataclass
class Manifest:
    """What ``map.yaml`` declares."""

    title: str
    description: str | None
    perspectives: dict[str, Perspective]
    summary: str | None = None
    lint_off: frozenset[str] = frozenset()
    questions: dict[str, Question] = field(default_factory=dict)


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
    #: the digest of its claims' structure (argmap.io.structure), once known
    structure: str | None = None
    #: the SHA-256 of the file's bytes (the parse cache's key), once known
    content: str | None = None


def read_manifest(node: yaml.Node, reader: NodeReader) -> Manifest | None:
    """Read ``map.yaml``'s document; its problems go to ``reader.problems``.

    >>> reader = NodeReader("map.yaml")
    >>> manifest = read_manifest(yaml.compose("title: Tea?\\nperspectives: {tea: {label: Tea}}"), reader)
    >>> manifest.title, manifest.perspectives["tea"].label, reader.problems
    ('Tea?', 'Tea', [])
    """
    entries = reader.mapping(node, "map.yaml")
    if entries is None:
        return None
    reader.reject_unknown_keys(entries, MANIFEST_KEYS, "map.yaml")
    title = reader.string(reader.require(entries, "title", node, "map.yaml"), "title", required=True)
    description = reader.string(entries.get("description", (None, None))[1], "description")
    summary = reader.string(entries.get("summary", (None, None))[1], "summary")
    perspectives_node = reader.require(entries, "perspectives", node, "map.yaml")
    perspectives = _read_perspectives(reader, perspectives_node) if perspectives_node else {}
    lint_off = _read_lint(reader, entries["lint"][1]) if "lint" in entries else frozenset()
    questions = _read_questions(reader, entries["questions"][1]) if "questions" in entries else {}
    return Manifest(title or "", description, perspectives, summary, lint_off, questions)


def _read_questions(reader: NodeReader, node: yaml.Node) -> dict[str, Question]:
    """``questions: [{id, text, issue, positions, note}]``: what the sides answer.

    >>> reader = NodeReader("map.yaml")
    >>> found = _read_questions(reader, yaml.compose("[{id: calms, text: Does tea calm, positions: [yes, no]}]"))
    >>> found["calms"].positions, reader.problems
    (('yes', 'no'), [])
    """
    questions: dict[str, Question] = {}
    if is_null(node):
        return questions
    for item in reader.sequence(node, "questions", "questions: [- id: ..., text: ...]"):
        fields = reader.mapping(item, "a question")
        if fields is None:
            continue
        reader.reject_unknown_keys(fields, QUESTION_KEYS, "a question")
        question_id = reader.string(reader.require(fields, "id", item, "the question"), "id", required=True)
        text = reader.string(reader.require(fields, "text", item, f"question '{question_id or '?'}'"), "text",
                             required=True)
        issue = _choice(reader, fields, "issue", ISSUES)
        note = reader.string(fields["note"][1], "note") if "note" in fields else None
        positions: list[str] = []
        if "positions" in fields:
            for position_node in reader.sequence(fields["positions"][1], "positions", "positions: [yes, no]"):
                value = reader.word(position_node, "a position")
                if value is not None and value in positions:
                    reader.error(position_node, f"position '{excerpt(value)}' is listed twice", "remove one")
                elif value is not None:
                    positions.append(value)
        if question_id is None:
            continue
        if not ID_PATTERN.fullmatch(question_id):
            reader.error(fields["id"][1], f"question id '{excerpt(question_id)}' is not valid",
                         "use letters, digits, '_', '.', ':' and '-'")
        elif question_id in questions:
            reader.error(fields["id"][1], f"duplicate question id '{excerpt(question_id)}'; it is first defined at "
                         f"{questions[question_id].position}", "give one of them a new id")
        else:
            questions[question_id] = Question(question_id, text or "", issue, tuple(positions), note,
                                              reader.position(item))
    return questions


def _read_lint(reader: NodeReader, node: yaml.Node) -> frozenset[str]:
    """``lint: {rule: off}``: the lint rules turned off (``on`` keeps one, as the default does)."""
    if is_null(node) or (fields := reader.mapping(node, "lint")) is None:
        return frozenset()
    off = set()
    for rule, (key_node, value_node) in fields.items():
        if rule not in LINT_RULES:
            reader.error(key_node, f"unknown lint rule '{excerpt(rule)}'",
                         did_you_mean(rule, LINT_RULES) or "one of: " + ", ".join(LINT_RULES))
            continue
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if value in ("off", "false", "no"):
            off.add(rule)
        elif value not in ("on", "true", "yes", "warn"):
            reader.error(value_node, f"lint rule '{rule}' must be on or off", f"write {rule}: off")
    return frozenset(off)


def read_claims_document(node: yaml.Node, reader: NodeReader) -> ClaimsFile:
    """Read one claims file's document; its problems go to ``reader.problems``.

    Cross-file checks (unknown ids, perspectives) are not run here.

    >>> reader = NodeReader("tea.yaml")
    >>> parsed = read_claims_document(yaml.compose(
    ...     "perspective: tea\\nclaims:\\n  - {id: best, text: Tea is best., suports: [x]}"), reader)
    >>> parsed.perspective, [c.id for c in parsed.claims]
    ('tea', ['best'])
    >>> print(reader.problems[0])
    tea.yaml:3:36: error: unknown key 'suports' in a claim (did you mean 'supports'?)
    """
    result = ClaimsFile(reader.path, None, None, None)
    if (entries := reader.mapping(node, "a claims file")) is None:
        return result
    reader.reject_unknown_keys(entries, CLAIMS_FILE_KEYS, "a claims file")
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
    return result


def read_claims_file(path: str | os.PathLike[str], problems: list[Problem]) -> ClaimsFile:
    """Read one claims file on its own; append its problems to ``problems``.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tea.yaml"
    >>> _ = path.write_text("perspective: tea\\nclaims:\\n  - {id: best, text: Tea is best.}\\n")
    >>> problems = []
    >>> parsed = read_claims_file(path, problems)
    >>> parsed.perspective, [c.id for c in parsed.claims], problems
    ('tea', ['best'], [])
    """
    shown = str(path)
    raw = read_input(Path(path), shown, problems)
    if raw is None:
        return ClaimsFile(shown, None, None, None, unparsed=True)
    return claims_file_from(compose_file(raw, shown, problems), shown, problems, may_alias=b"*" in raw)


def compose_file(raw: bytes, shown: str, problems: list[Problem]) -> list[yaml.Node] | None:
    """A file's YAML documents as nodes; ``None`` (and a problem) if it cannot be parsed.

    >>> problems = []
    >>> compose_file(b"a: [", "c.yaml", problems) is None, len(problems)
    (True, 1)
    """
    text, failures = decode_file(raw, shown)
    if text is not None:
        nodes, failures = compose_documents(text, shown)
    problems.extend(failures)
    return None if failures else nodes


def _single_document(nodes: list[yaml.Node], reader: NodeReader, what: str, empty_hint: str) -> yaml.Node | None:
    if not nodes:
        reader.problems.append(Problem(Position(reader.path, 1, 1), f"{what} is empty", empty_hint))
        return None
    if len(nodes) > 1:
        reader.error(nodes[1], f"{what} holds more than one YAML document", "keep one document per file")
    return nodes[0]


def claims_file_from(nodes: list[yaml.Node] | None, shown: str, problems: list[Problem], *,
                     may_alias: bool = True) -> ClaimsFile:
    """Read a claims file from :func:`compose_file`'s nodes; append its problems.

    ``may_alias=False`` says the file has no ``*``, so no YAML alias to look for.
    """
    if nodes is None:
        return ClaimsFile(shown, None, None, None, unparsed=True)
    reader = NodeReader(shown, may_alias=may_alias)
    node = _single_document(nodes, reader, "claims file", "give it a perspective and a list of claims")
    parsed = ClaimsFile(shown, None, None, None) if node is None else read_claims_document(node, reader)
    problems.extend(reader.problems)
    return parsed


def manifest_from(nodes: list[yaml.Node] | None, shown: str, problems: list[Problem]) -> Manifest | None:
    """Read ``map.yaml`` from :func:`compose_file`'s nodes; append its problems."""
    if nodes is None:
        return None
    reader = NodeReader(shown)
    node = _single_document(nodes, reader, "map.yaml", "give it a title and perspectives")
    manifest = None if node is None else read_manifest(node, reader)
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
            reader.error(key_node, f"perspective id '{excerpt(pid)}' is not valid",
                         "use letters, digits, '_', '.', ':' and '-'")
            continue
        label, color = pid, DEFAULT_COLORS[index % len(DEFAULT_COLORS)]
        fields = {} if is_null(value_node) else reader.mapping(value_node, f"perspective '{excerpt(pid)}'")
        if fields is not None:
            reader.reject_unknown_keys(fields, ("label", "color"), f"perspective '{excerpt(pid)}'")
            label = reader.string(fields.get("label", (None, None))[1], "label", required="label" in fields) or label
            color_node = fields.get("color", (None, None))[1]
            given = reader.string(color_node, "color")
            if given is not None and COLOR_PATTERN.fullmatch(given):
                color = given
            elif given is not None and color_node is not None:
                reader.error(color_node, f"color '{excerpt(given)}' is not a hex colour", 'write it like "#2a9d8f"')
        perspectives[pid] = Perspective(pid, label, color)
    return perspectives


def _read_source(reader: NodeReader, node: yaml.Node) -> Source | None:
    entries = reader.mapping(node, "source")
    if entries is None:
        return None
    reader.reject_unknown_keys(entries, SOURCE_KEYS, "source")
    title, author, url, text = (reader.string(entries.get(k, (None, None))[1], k) for k in SOURCE_KEYS)
    return Source(title, author, url, text)


def _read_claim(reader: NodeReader, node: yaml.Node, file: ClaimsFile) -> Claim | None:
    entries = reader.mapping(node, "a claim")
    if entries is None:
        return None
    reader.reject_unknown_keys(entries, CLAIM_KEYS, "a claim")
    claim_id = reader.string(reader.require(entries, "id", node, "the claim"), "id", required=True)
    if claim_id is not None and not ID_PATTERN.fullmatch(claim_id):
        reader.error(entries["id"][1], f"claim id '{excerpt(claim_id)}' is not valid",
                     "start with a letter or digit; use letters, digits, '_', '.', ':' and '-'")
        claim_id = None
    text = reader.string(reader.require(entries, "text", node, f"claim '{claim_id or '?'}'"), "text", required=True)

    def optional(key: str) -> str | None:
        return reader.string(entries[key][1], key) if key in entries else None

    kind = _choice(reader, entries, "kind", CLAIM_KINDS)
    title = optional("title")
    if title is not None and len(title) > TITLE_LIMIT:
        reader.error(entries["title"][1], f"title is {len(title)} characters long; the limit is {TITLE_LIMIT}",
                     "a title is a short label: say the rest in text")
    asserted = reader.boolean(entries["asserted"][1], "asserted") if "asserted" in entries else None
    tags: list[str] = []
    if "tags" in entries:
        for tag_node in reader.sequence(entries["tags"][1], "tags", "tags: [core]"):
            tag = reader.string(tag_node, "a tag", required=True)
            if tag is not None:
                tags.append(tag)
    undercuts: list[Undercut] = []
    relations = [r for kind_name in RELATION_KINDS if kind_name in entries
                 for r in _read_relations(reader, entries[kind_name][1], kind_name, claim_id or "", undercuts)]
    answers = _read_answers(reader, entries["answers"][1]) if "answers" in entries else []
    if claim_id is None:
        return None
    return Claim(
        id=claim_id, text=text or "", perspective=file.perspective or "", kind=kind, quote=optional("quote"),
        tags=tuple(tags), note=optional("note"), relations=tuple(relations), source=file.source,
        position=reader.position(node),
        quote_position=reader.position(entries["quote"][1]) if "quote" in entries else None,
        title=title, asserted=asserted is not False, undercuts=tuple(undercuts), answers=tuple(answers),
    )


def _read_answers(reader: NodeReader, node: yaml.Node) -> list[Answer]:
    """``answers: [{question: ID, position: TEXT}]``; whether the question exists is checked across files."""
    answers = []
    for item in reader.sequence(node, "answers", "answers: [{question: some-question, position: yes}]"):
        fields = reader.mapping(item, "an answer")
        if fields is None:
            continue
        reader.reject_unknown_keys(fields, ANSWER_KEYS, "an answer")
        question = reader.string(reader.require(fields, "question", item, "the answer"), "question", required=True)
        position = reader.word(reader.require(fields, "position", item, "the answer"), "position")
        if question is not None and position is not None:
            answers.append(Answer(question, position, reader.position(item)))
    return answers


def _choice(reader: NodeReader, entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str,
            choices: tuple[str, ...]) -> str | None:
    """An optional value that must be one of ``choices``; a did-you-mean otherwise."""
    value = reader.string(entries[key][1], key) if key in entries else None
    if value is not None and value not in choices:
        reader.error(entries[key][1], f"unknown {key} '{excerpt(value)}'",
                     did_you_mean(value, choices) or "one of: " + ", ".join(choices))
        return None
    return value


def _read_relations(reader: NodeReader, node: yaml.Node, kind: str, source: str,
                    undercuts: list[Undercut]) -> list[Relation]:
    """A claim's ``supports`` or ``contradicts`` list; a contradicts entry aimed at a support goes to ``undercuts``."""
    relations = []
    for item in reader.sequence(node, kind, f"{kind}: [some.claim-id]"):
        target = note = basis = issue = None
        mutual = False
        if isinstance(item, yaml.MappingNode) and any(
                isinstance(key, yaml.ScalarNode) and key.value == "support" for key, _ in item.value):
            undercut = _read_undercut(reader, item, kind, source)
            if undercut is not None:
                undercuts.append(undercut)
            continue
        if isinstance(item, yaml.MappingNode):
            fields = reader.mapping(item, f"a {kind} entry")
            if fields is not None:
                reader.reject_unknown_keys(fields, RELATION_KEYS, f"a {kind} entry")
                target = reader.string(reader.require(fields, "to", item, f"the {kind} entry"), "to", required=True)
                note = reader.string(fields.get("note", (None, None))[1], "note")
                basis = _choice(reader, fields, "basis", BASES)
                issue = _choice(reader, fields, "issue", ISSUES)
                if issue is not None and kind != "contradicts":
                    reader.error(fields["issue"][0], "issue is for contradicts relations only",
                                 "say what kind of disagreement a contradicts relation is; remove it here")
                if "mutual" in fields:
                    mutual = reader.boolean(fields["mutual"][1], "mutual") is True
                    if kind != "contradicts":
                        reader.error(fields["mutual"][0], "mutual is for contradicts relations only",
                                     "a mutual contradiction says the two claims cannot both be held; remove it here")
        else:
            target = reader.string(item, f"a {kind} entry", required=True)
        if target is not None:
            relations.append(Relation(source, target, kind, note, reader.position(item),  # type: ignore[arg-type]
                                      basis, issue, mutual))
    return relations


def _read_undercut(reader: NodeReader, item: yaml.Node, kind: str, source: str) -> Undercut | None:
    """``{support: [REASON, CONCLUSION], note: ...}`` in a contradicts list: an objection to that inference."""
    fields = reader.mapping(item, "an undercut")
    if fields is None:
        return None
    if kind != "contradicts":
        reader.error(fields["support"][0], f"support: aims an objection at a support, so it goes under contradicts, "
                     f"not {kind}", "move this entry to contradicts:")
        return None
    reader.reject_unknown_keys(fields, UNDERCUT_KEYS, "an undercut")
    pair_node = fields["support"][1]
    pair = [reader.string(n, "a claim id", required=True)
            for n in reader.sequence(pair_node, "support", "support: [REASON, CONCLUSION]")]
    note = reader.string(fields.get("note", (None, None))[1], "note")
    basis = _choice(reader, fields, "basis", BASES)
    issue = _choice(reader, fields, "issue", ISSUES)
    if len(pair) != 2:
        if isinstance(pair_node, yaml.SequenceNode):
            reader.error(pair_node, f"support names {len(pair)} claim{'' if len(pair) == 1 else 's'}; it takes two, the reason and its conclusion",
                         "write support: [REASON, CONCLUSION]")
        return None
    if pair[0] is None or pair[1] is None:
        return None
    return Undercut(source, pair[0], pair[1], note, reader.position(item), basis, issue)
