"""The argument map as plain dataclasses: no YAML, no HTML.

A map has perspectives, and claims that belong to one perspective each. A
claim lists its relations to other claims; the claim that lists a relation is
its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterator, Literal, TypeVar

from .errors import Position

if TYPE_CHECKING:
    import networkx as nx

View = TypeVar("View")

RelationKind = Literal["supports", "contradicts"]
RELATION_KINDS: tuple[RelationKind, ...] = ("supports", "contradicts")
CLAIM_KINDS: tuple[str, ...] = (
    "thesis",
    "premise",
    "evidence",
    "experience",
    "definition",
    "recommendation",
    "concession",
    "background",
)
#: ``basis`` of a relation: the source itself makes the link, or the mapper reconstructed it.
BASES: tuple[str, ...] = ("stated", "inferred")
#: ``issue`` of a contradicts relation: what the disagreement is about.
ISSUES: tuple[str, ...] = ("empirical", "values", "definitional")
#: The longest ``title`` a claim may have: it labels the claim where space is short.
TITLE_LIMIT = 80
#: How long a label derived from a claim's text is, when the claim has no title.
LABEL_LENGTH = 60
#: The rules of ``argmap lint``, each of which ``map.yaml`` can turn off (``lint: {rule: off}``).
LINT_RULES: dict[str, str] = {
    "cross-note": "a relation between perspectives has no note",
    "missing-quote": "a claim has no quote, though its file names its source's text",
    "dead-end": "a claim supports nothing on its side, and is no thesis, not stands-alone and not reported",
    "unanswered-attack": "a thesis or crux is attacked, and its side draws no answer to the attack",
    "near-duplicate": "two claims have near-identical text",
    "same-text-relation": "a relation joins two claims whose texts are the same",
    "two-way-contradiction": "two claims contradict each other, written on both; mutual: true says it once",
    "long-title": f"a title is longer than the {LABEL_LENGTH} characters an overview shows",
    "todo-text": "a claim's text is still the TODO that argmap draft wrote",
    "agree-and-contest": "a claim the other side supports is also attacked by it, directly or through what it supports",
    "one-sided-question": "a question map.yaml declares is answered by fewer than two sides",
}
#: What a claim or perspective id may look like.
ID_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*")
#: A perspective's colour: ``#rgb`` or ``#rrggbb``.
COLOR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}")
#: Colours given, in order, to perspectives that name none.
DEFAULT_COLORS = ("#2a9d8f", "#e76f51", "#457b9d", "#b5838d", "#6a994e", "#8d6a9f")


@dataclass(frozen=True)
class Perspective:
    """One side of the comparison, declared in ``map.yaml``."""

    id: str
    label: str
    color: str


@dataclass(frozen=True)
class Source:
    """The document a claims file encodes."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    #: the document's plain text, as a path relative to the claims file: quotes are checked against it
    text: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The fields that are set, by name.

        >>> Source(title="On Tea").as_dict()
        {'title': 'On Tea'}
        """
        return {k: v for k, v in (("title", self.title), ("author", self.author), ("url", self.url),
                                  ("text", self.text)) if v is not None}


@dataclass(frozen=True)
class Relation:
    """A directed edge: ``source`` supports or contradicts ``target``."""

    source: str
    target: str
    kind: RelationKind
    note: str | None = None
    position: Position | None = field(default=None, compare=False)
    #: "stated" or "inferred"; ``None`` takes the default (:meth:`ArgumentMap.basis_of`)
    basis: str | None = None
    #: on a contradicts relation: "empirical", "values" or "definitional"
    issue: str | None = None
    #: on a contradicts relation: the two claims cannot both be held, and each attacks the other. Written once,
    #: on either claim; the comparison, the semantics (:func:`argmap.graph.edges_of_kind`) and the page read it
    #: both ways, while :meth:`ArgumentMap.relations` lists it once, as written.
    mutual: bool = False


@dataclass(frozen=True)
class Undercut:
    """An objection to an inference: ``source`` says that ``reason`` does not support ``conclusion``.

    Pollock's undercutter, Argdown's ``_>``, AIF's CA node on an RA node. It is
    written as a ``contradicts`` entry aimed at a support,
    ``contradicts: [{support: [REASON, CONCLUSION]}]``, and leaves both claims
    standing: once it is accepted, the conclusion stands only on its other reasons.
    """

    source: str
    reason: str
    conclusion: str
    note: str | None = None
    position: Position | None = field(default=None, compare=False)
    basis: str | None = None
    issue: str | None = None

    @property
    def support(self) -> tuple[str, str]:
        """The support it undercuts, as (reason, conclusion)."""
        return (self.reason, self.conclusion)


@dataclass(frozen=True)
class Question:
    """A question the sides answer, declared in ``map.yaml``: the crux a claim graph cannot state by itself."""

    id: str
    text: str
    #: "empirical", "values" or "definitional"
    issue: str | None = None
    #: the answers allowed, or ``()`` for any
    positions: tuple[str, ...] = ()
    note: str | None = None
    position: Position | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Answer:
    """A claim's answer to a question: ``position`` is what it says, e.g. "yes"."""

    question: str
    position: str
    place: Position | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Claim:
    """One idea, in our words, optionally grounded in a verbatim quote."""

    id: str
    text: str
    perspective: str
    kind: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    relations: tuple[Relation, ...] = ()
    source: Source | None = None
    position: Position | None = field(default=None, compare=False)
    #: where the quote's value starts, so a quote that drifts can be pointed at
    quote_position: Position | None = field(default=None, compare=False, repr=False)
    #: a short label for overviews, tables and diagrams
    title: str | None = None
    #: False for a view its author reports without holding it (a foil)
    asserted: bool = True
    #: the supports this claim objects to (``contradicts: [{support: [REASON, CONCLUSION]}]``)
    undercuts: tuple[Undercut, ...] = ()
    #: the map's questions this claim answers
    answers: tuple[Answer, ...] = ()

    @property
    def label(self) -> str:
        """The claim's title, or a short label cut from its text at a word.

        >>> Claim("a", "Tea, brewed well and drunk slowly, calms the mind better than anything else does.",
        ...       "tea").label
        'Tea, brewed well and drunk slowly, calms the mind better…'
        >>> Claim("a", "Long text.", "tea", title="Tea calms").label
        'Tea calms'
        """
        if self.title:
            return self.title
        text = " ".join(self.text.split())
        if len(text) <= LABEL_LENGTH:
            return text
        cut = text[:LABEL_LENGTH - 1]
        return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


@dataclass
class ArgumentMap:
    """A validated map: perspectives and claims, in file order.

    Derived views (the networkx graphs of :mod:`argmap.graph`) are computed
    once per map by :meth:`view` and then reused; treat them as read-only.

    >>> m = ArgumentMap(
    ...     title="Tea or coffee?",
    ...     perspectives={"tea": Perspective("tea", "Tea", "#2a9d8f")},
    ...     claims={
    ...         "t1": Claim("t1", "Tea is best.", "tea", kind="thesis"),
    ...         "t2": Claim("t2", "Tea calms.", "tea",
    ...                     relations=(Relation("t2", "t1", "supports"),)),
    ...     },
    ... )
    >>> [(r.source, r.kind, r.target) for r in m.relations()]
    [('t2', 'supports', 't1')]
    >>> sorted(m.graph.edges(data="kind"))
    [('t2', 't1', 'supports')]
    """

    title: str
    perspectives: dict[str, Perspective]
    claims: dict[str, Claim]
    description: str | None = None
    #: the editor's synthesis: both positions and what divides them
    summary: str | None = None
    #: the lint rules ``map.yaml`` turns off
    lint_off: frozenset[str] = frozenset()
    #: the questions the sides answer, declared in ``map.yaml``, by id
    questions: dict[str, Question] = field(default_factory=dict)
    _views: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    #: Builds :attr:`graph`; :mod:`argmap.graph` sets it, so that the model
    #: itself needs no networkx.
    claim_graph_builder: ClassVar[Callable[[ArgumentMap], nx.DiGraph] | None] = None

    def __repr__(self) -> str:
        """Short, for notebooks and shells: the title, claims per perspective and the relations.

        >>> import argmap
        >>> argmap.example_map()
        <ArgumentMap 'Tea or coffee?': 8 claims (tea 4, coffee 4), 8 relations>
        """
        counts: dict[str, int] = dict.fromkeys(self.perspectives, 0)
        for claim in self.claims.values():
            counts[claim.perspective] = counts.get(claim.perspective, 0) + 1
        sides = ", ".join(f"{pid} {n}" for pid, n in counts.items()) if len(counts) <= 6 else f"{len(counts)} perspectives"
        relations = sum(1 for _ in self.relations())
        undercuts, questions = sum(1 for _ in self.undercuts()), len(self.questions)
        more = (f", {undercuts} undercut{'s' if undercuts != 1 else ''}" if undercuts else "") + (
            f", {questions} question{'s' if questions != 1 else ''}" if questions else "")
        return f"<ArgumentMap {self.title!r}: {len(self.claims)} claims ({sides}), {relations} relations{more}>"

    def relations(self) -> Iterator[Relation]:
        """Every relation of every claim, in file order."""
        return chain.from_iterable(claim.relations for claim in self.claims.values())

    def undercuts(self) -> Iterator[Undercut]:
        """Every undercut of every claim, in file order."""
        return chain.from_iterable(claim.undercuts for claim in self.claims.values())

    def answers_to(self, question_id: str) -> list[tuple[str, str]]:
        """The (claim id, position) pairs that answer one question, in file order.

        >>> m = ArgumentMap("Tea?", {}, {"a": Claim("a", "Tea calms.", "tea", answers=(Answer("calms", "yes"),))},
        ...                 questions={"calms": Question("calms", "Does tea calm?")})
        >>> m.answers_to("calms")
        [('a', 'yes')]
        """
        return [(claim.id, answer.position) for claim in self.claims.values()
                for answer in claim.answers if answer.question == question_id]

    def basis_of(self, relation: Relation | Undercut) -> str:
        """Whether the source states a relation or the mapper inferred it.

        An explicit ``basis`` wins; otherwise a relation between two
        perspectives is inferred, and one within a perspective stated.
        """
        if relation.basis is not None:
            return relation.basis
        claims = self.claims
        target = relation.conclusion if isinstance(relation, Undercut) else relation.target
        return "inferred" if claims[relation.source].perspective != claims[target].perspective else "stated"

    def view(self, build: Callable[[ArgumentMap], View]) -> View:
        """``build(self)``, computed on the first call and then remembered.

        >>> from argmap.graph import attack_graph
        >>> m = ArgumentMap("Tea?", {}, {})
        >>> m.view(attack_graph) is m.view(attack_graph)
        True
        """
        try:
            return self._views[build]  # type: ignore[no-any-return]
        except KeyError:
            result = self._views[build] = build(self)
            return result

    @property
    def graph(self) -> nx.DiGraph:
        """The map as a ``networkx.DiGraph`` (built once, then cached).

        Nodes are claim ids carrying the claim's fields; edges carry ``kind``
        and ``note``. Treat it as read-only: copy it before changing it.
        """
        builder = type(self).claim_graph_builder
        if builder is None:  # pragma: no cover - importing argmap imports argmap.graph
            raise RuntimeError("import argmap.graph to build graphs")
        return self.view(builder)
