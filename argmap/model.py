"""The argument map as plain dataclasses: no YAML, no HTML.

A map has perspectives, and claims that belong to one perspective each. A
claim lists its relations to other claims; the claim that lists a relation is
its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Iterator, Literal

from .errors import Position

if TYPE_CHECKING:
    import networkx as nx

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


@dataclass(frozen=True)
class Relation:
    """A directed edge: ``source`` supports or contradicts ``target``."""

    source: str
    target: str
    kind: RelationKind
    note: str | None = None
    position: Position | None = field(default=None, compare=False)


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


@dataclass
class ArgumentMap:
    """A validated map: perspectives and claims, in file order.

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

    def relations(self) -> Iterator[Relation]:
        """Every relation of every claim, in file order."""
        return chain.from_iterable(claim.relations for claim in self.claims.values())

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The map as a ``networkx.DiGraph`` (built once, then cached).

        Nodes are claim ids carrying the claim's fields; edges carry ``kind``
        and ``note``. Treat it as read-only: copy it before changing it.
        """
        from .graph import build_graph
        from .profile import phase

        with phase("build graph"):
            return build_graph(self)
