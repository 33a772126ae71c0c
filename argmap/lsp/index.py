"""Where ids sit in one claims file's text: definitions, references, claims and section comments.

The language server needs exact spans, which the model does not keep: the
span of each claim's ``id`` value, of every id a ``supports``,
``contradicts`` or ``to:`` names, and of each claim item, with the section
comments (``# ── Thesis ──``) that group claims. They come from the YAML
nodes' marks, so they hold for flow and block style alike. A quoted id's span
is its text inside the quotes, so a rename keeps the quotes.

Spans are 0-based ``(line, column)`` pairs in code points; the server turns
columns into the UTF-16 units LSP counts in.

>>> index = index_text('''perspective: tea
... claims:
...   # ── Thesis ──
...   - id: tea.best
...     text: Tea is best.
...   - {id: "tea.calm", text: Calm., supports: [tea.best]}
... ''')
>>> [(c.id, c.id_span, c.section) for c in index.claims]
[('tea.best', ((3, 8), (3, 16)), 'Thesis'), ('tea.calm', ((5, 10), (5, 18)), 'Thesis')]
>>> [(r.target, r.kind, r.span) for r in index.references]
[('tea.best', 'supports', ((5, 45), (5, 53)))]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

import yaml

from ..io.yamlnodes import compose_documents
from ..model import RELATION_KINDS

Point = tuple[int, int]
Span = tuple[Point, Point]
_SECTION = re.compile(r"^\s*#\s*(?:─|-|=|#)+\s*(?P<title>[^─=#]*?)\s*(?:─|-|=|#)*\s*$")


@dataclass(frozen=True)
class ClaimEntry:
    """One claim item of the file."""

    id: str
    id_span: Span
    span: Span  # the whole item
    title: str | None
    text: str | None
    section: str | None


@dataclass(frozen=True)
class Reference:
    """An id named by a relation of ``source``."""

    target: str
    kind: str  # supports or contradicts
    source: str | None
    span: Span
    item_span: Span  # the relation entry as written: the scalar (quotes included), or its {to: ...} mapping
    has_note: bool
    bare: bool  # the entry is the id alone, not a mapping


@dataclass(frozen=True)
class QuestionEntry:
    """One question that ``map.yaml`` declares."""

    id: str
    id_span: Span
    text: str | None


@dataclass(frozen=True)
class QuestionReference:
    """A question id that a claim's ``answers`` names."""

    question: str
    source: str | None
    span: Span


@dataclass
class FileIndex:
    """What one file's text says where."""

    claims: list[ClaimEntry] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    #: the questions map.yaml declares, and the answers that name them
    questions: list[QuestionEntry] = field(default_factory=list)
    question_references: list[QuestionReference] = field(default_factory=list)
    source_text: str | None = None
    parsed: bool = True
    _starts: dict[Point, Reference] | None = field(default=None, repr=False)

    def id_at(self, line: int, column: int) -> tuple[str, Span] | None:
        """The claim id (defined or referred to) whose span holds the point."""
        return _named_at(chain(((e.id, e.id_span) for e in self.claims), ((r.target, r.span) for r in self.references)),
                         line, column)

    def question_at(self, line: int, column: int) -> tuple[str, Span] | None:
        """The question id (declared or answered) whose span holds the point."""
        return _named_at(chain(((e.id, e.id_span) for e in self.questions),
                               ((r.question, r.span) for r in self.question_references)), line, column)

    def reference_starting_at(self, line: int, column: int) -> Reference | None:
        """The relation entry written at the point (where a problem about it is reported)."""
        if self._starts is None:
            self._starts = {r.item_span[0]: r for r in reversed(self.references)}
        return self._starts.get((line, column))


def _named_at(names: Iterable[tuple[str, Span]], line: int, column: int) -> tuple[str, Span] | None:
    """The first (name, span) whose span holds the point."""
    return next(((name, span) for name, span in names if _holds(span, line, column)), None)


def _holds(span: Span, line: int, column: int) -> bool:
    (start_line, start_column), (end_line, end_column) = span
    return (start_line, start_column) <= (line, column) <= (end_line, end_column)


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"') and end.line == start.line:
        return (start.line, start.column + 1), (end.line, end.column - 1)
    return _raw_span(node)


def _raw_span(node: yaml.Node) -> Span:
    return (node.start_mark.line, node.start_mark.column), (node.end_mark.line, node.end_mark.column)


def _entries(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else None


def sections(text: str) -> dict[int, str]:
    """Each section comment's line and title: a comment of rules and a title (``# ── Thesis ──``)."""
    found = {}
    for number, line in enumerate(text.splitlines()):
        match = _SECTION.match(line)
        if match and match["title"].strip():
            found[number] = match["title"].strip()
    return found


def index_text(text: str) -> FileIndex:
    """Index one claims file's text; a file YAML cannot parse gives an empty, unparsed index."""
    nodes, problems = compose_documents(text, "<buffer>")
    if problems:
        return FileIndex(parsed=False)
    index = FileIndex()
    headings = sections(text)
    heading_lines = sorted(headings)
    # An alias (*name) makes one node appear many times; each is indexed once, so a file of aliases costs what
    # its text does, not its text multiplied out. The tree keeps every node alive, so ids are not reused.
    seen: set[int] = set()

    def first_time(node: yaml.Node) -> bool:
        if id(node) in seen:
            return False
        seen.add(id(node))
        return True

    for document in nodes:
        top = _entries(document)
        source = _entries(top["source"][1]) if "source" in top else {}
        index.source_text = index.source_text or _scalar(source.get("text", (None, None))[1])
        questions = top.get("questions", (None, None))[1]
        for item in questions.value if isinstance(questions, yaml.SequenceNode) and first_time(questions) else []:
            fields = _entries(item)
            id_node = fields.get("id", (None, None))[1]
            question_id = _scalar(id_node)
            if question_id is not None and id_node is not None and first_time(item):
                index.questions.append(QuestionEntry(question_id, _span(id_node),
                                                     _scalar(fields.get("text", (None, None))[1])))
        claims = top.get("claims", (None, None))[1]
        for item in claims.value if isinstance(claims, yaml.SequenceNode) and first_time(claims) else []:
            if not first_time(item):
                continue
            fields = _entries(item)
            id_node = fields.get("id", (None, None))[1]
            claim_id = _scalar(id_node)
            if claim_id is not None and id_node is not None:
                line = item.start_mark.line
                above = [n for n in heading_lines if n < line]
                index.claims.append(ClaimEntry(claim_id, _span(id_node), _span(item),
                                               _scalar(fields.get("title", (None, None))[1]),
                                               _scalar(fields.get("text", (None, None))[1]),
                                               headings[above[-1]] if above else None))
            for kind in RELATION_KINDS:
                relations = fields.get(kind, (None, None))[1]
                for entry in relations.value if isinstance(relations, yaml.SequenceNode) and first_time(relations) \
                        else []:
                    if not first_time(entry):
                        continue
                    pair = _entries(entry).get("support", (None, None))[1]
                    if isinstance(pair, yaml.SequenceNode):  # an undercut names the two claims of a support
                        for node in pair.value:
                            if _scalar(node) is not None:
                                index.references.append(Reference(node.value, kind, claim_id, _span(node),
                                                                  _raw_span(node), "note" in _entries(entry), False))
                        continue
                    target_node = _entries(entry).get("to", (None, None))[1] if isinstance(entry, yaml.MappingNode) \
                        else entry
                    target = _scalar(target_node)
                    if target is not None and target_node is not None:
                        index.references.append(Reference(target, kind, claim_id, _span(target_node),
                                                          _raw_span(entry), "note" in _entries(entry),
                                                          not isinstance(entry, yaml.MappingNode)))
            answers = fields.get("answers", (None, None))[1]
            for entry in answers.value if isinstance(answers, yaml.SequenceNode) and first_time(answers) else []:
                question_node = _entries(entry).get("question", (None, None))[1]
                if _scalar(question_node) is not None and question_node is not None:
                    index.question_references.append(QuestionReference(question_node.value, claim_id,
                                                                       _span(question_node)))
    return index
