"""Questions asked of a loaded map; answers are plain Python values."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import Any, Iterator

from ..errors import UnknownClaim
from ..graph import all_supports, relation_graph, side_supports, undirected_relations
from ..model import RELATION_KINDS, ArgumentMap, Claim
from .answers import Rows, dataframe, html_table
from .reach import breadth_first_parents
from .._lazy import nx, rx  # networkx and rustworkx, imported on first use


def claims_per_perspective(argument_map: ArgumentMap) -> dict[str, int]:
    """How many claims each perspective has, in ``map.yaml`` order.

    >>> import argmap
    >>> claims_per_perspective(argmap.example_map())
    {'tea': 4, 'coffee': 4}
    """
    counts = Counter(map(attrgetter("perspective"), argument_map.claims.values()))
    return {pid: counts[pid] for pid in argument_map.perspectives}


def edges_per_kind(argument_map: ArgumentMap) -> dict[str, int]:
    """How many ``supports`` and ``contradicts`` edges the map has.

    >>> import argmap
    >>> edges_per_kind(argmap.example_map())
    {'supports': 6, 'contradicts': 2}
    """
    counts = Counter(map(attrgetter("kind"), argument_map.relations()))  # no need to build the graph
    return {kind: counts[kind] for kind in RELATION_KINDS}


def summary(argument_map: ArgumentMap) -> str:
    """One line: claims per perspective and edges by kind.

    >>> import argmap
    >>> summary(argmap.example_map())
    '8 claims (tea 4, coffee 4); 8 edges (6 supports, 2 contradicts)'
    """
    per_perspective = claims_per_perspective(argument_map)
    per_kind = edges_per_kind(argument_map)
    if len(per_perspective) > 6:  # keep it one readable line
        claims = f"in {len(per_perspective)} perspectives"
    else:
        claims = ", ".join(f"{pid} {n}" for pid, n in per_perspective.items())
    edges = ", ".join(f"{n} {kind}" for kind, n in per_kind.items())
    return (f"{sum(per_perspective.values())} claims ({claims}); "
            f"{sum(per_kind.values())} edges ({edges})")


def _claim(argument_map: ArgumentMap, claim_id: str) -> Claim:
    try:
        return argument_map.claims[claim_id]
    except KeyError:
        raise UnknownClaim(claim_id, argument_map.claims) from None


def find_claims(argument_map: ArgumentMap, *, perspective: str | None = None, kind: str | None = None,
                tag: str | None = None) -> Rows[Claim]:
    """Claims filtered by perspective, kind and tag (all optional), in file order.

    >>> import argmap
    >>> [c.id for c in find_claims(argmap.example_map(), kind="thesis")]
    ['tea.best', 'cof.best']
    >>> [c.id for c in find_claims(argmap.example_map(), perspective="coffee", kind="evidence")]
    ['cof.strong']
    """
    return Rows(c for c in argument_map.claims.values()
                if (perspective is None or c.perspective == perspective)
                and (kind is None or c.kind == kind)
                and (tag is None or tag in c.tags))


@dataclass(frozen=True)
class Link:
    """A neighbouring claim and the note on the edge that joins them."""

    claim: str
    perspective: str
    text: str
    kind: str
    note: str | None


def _links(argument_map: ArgumentMap, claim_id: str, kind: str) -> Rows[Link]:
    _claim(argument_map, claim_id)
    claims = argument_map.claims
    # One pass over the relations: building a graph to ask one claim would take a thousand times longer.
    return Rows(Link(r.source, claims[r.source].perspective, claims[r.source].text, kind, r.note)
                for r in argument_map.relations() if r.target == claim_id and r.kind == kind)


def supporters(argument_map: ArgumentMap, claim_id: str) -> Rows[Link]:
    """The claims that support ``claim_id``, each with its edge note.

    >>> import argmap
    >>> [l.claim for l in supporters(argmap.example_map(), "tea.ritual")]
    ['cof.ritual']
    """
    return _links(argument_map, claim_id, "supports")


def contradictors(argument_map: ArgumentMap, claim_id: str) -> Rows[Link]:
    """The claims that contradict ``claim_id``, each with its edge note.

    >>> import argmap
    >>> [(l.claim, l.note) for l in contradictors(argmap.example_map(), "tea.best")]
    [('cof.best', 'Only one can be the better morning drink.')]
    """
    return _links(argument_map, claim_id, "contradicts")


@dataclass(frozen=True)
class SupportTree:
    """A claim and, recursively, the reasons that support it."""

    claim: str
    perspective: str
    text: str
    note: str | None = None  # the note on the edge to the parent
    reasons: tuple[SupportTree, ...] = ()

    def __repr__(self) -> str:
        return f"SupportTree({self.claim}: {self.size()} claims)"

    def records(self) -> list[dict[str, object]]:
        """Each claim of the tree as a row: its depth, id, perspective, text and edge note."""
        return [{"depth": depth, "claim": tree.claim, "perspective": tree.perspective, "text": tree.text,
                 "note": tree.note} for depth, tree in self.walk()]

    def to_dataframe(self) -> Any:
        """The tree's rows as a ``pandas.DataFrame`` (needs pandas)."""
        return dataframe(self.records())

    def _repr_html_(self) -> str:
        rows = [{**row, "claim": "\u2003" * min(int(row["depth"]), 12) + str(row["claim"])}  # type: ignore[call-overload]
                for row in self.records()]
        return html_table(rows, f"The reasons under {self.claim}")

    def size(self) -> int:
        """How many claims the tree holds, the root included."""
        return sum(1 for _ in self.walk())

    def walk(self) -> Iterator[tuple[int, SupportTree]]:
        """Every claim of the tree with its depth, depth first, without recursion.

        >>> leaf = SupportTree("b", "tea", "B.")
        >>> [(depth, tree.claim) for depth, tree in SupportTree("a", "tea", "A.", reasons=(leaf,)).walk()]
        [(0, 'a'), (1, 'b')]
        """
        stack: list[tuple[int, SupportTree]] = [(0, self)]
        while stack:
            depth, tree = stack.pop()
            yield depth, tree
            stack.extend((depth + 1, reason) for reason in reversed(tree.reasons))


def support_tree(argument_map: ArgumentMap, claim_id: str, *, same_side: bool = False) -> SupportTree:
    """The reasons under a claim, their reasons, and so on.

    Each claim appears once, at its shallowest depth, so cycles end. With
    ``same_side`` only reasons from the claim's own perspective are followed.

    >>> import argmap
    >>> tree = support_tree(argmap.example_map(), "tea.best")
    >>> [r.claim for r in tree.reasons], [r.claim for r in tree.reasons[0].reasons], tree.size()
    (['tea.gentle', 'tea.ritual'], ['tea.theanine'], 5)
    >>> support_tree(argmap.example_map(), "tea.best", same_side=True).size()
    4
    """
    root = _claim(argument_map, claim_id)
    supports = argument_map.view(side_supports)[root.perspective] if same_side else argument_map.view(all_supports)
    reasons, _ = supports.toward_reasons()  # a claim's reasons in file order, as they are listed

    # Breadth first, from conclusions to reasons, so every claim hangs at its shallowest depth.
    ids = supports.claims
    reasons_of: dict[str, list[str]] = defaultdict(list)
    for reason, conclusion in breadth_first_parents(reasons, ids.index(claim_id)).items():
        reasons_of[ids[conclusion]].append(ids[reason])

    # Built from the leaves up, without recursion, so a chain of any length is fine.
    order = [claim_id, *(reason for reasons in reasons_of.values() for reason in reasons)]
    parent = {reason: conclusion for conclusion, reasons in reasons_of.items() for reason in reasons}
    built: dict[str, SupportTree] = {}
    for node in reversed(order):
        claim = argument_map.claims[node]
        note = next(r.note for r in claim.relations if r.target == parent[node] and r.kind == "supports") \
            if node in parent else None
        built[node] = SupportTree(node, claim.perspective, claim.text, note,
                                  tuple(built[r] for r in reasons_of[node]))
    return built[claim_id]


def neighbourhood(argument_map: ArgumentMap, claim_id: str, k: int = 1) -> Rows[Claim]:
    """The claims within ``k`` edges of ``claim_id``, in either direction.

    >>> import argmap
    >>> [c.id for c in neighbourhood(argmap.example_map(), "tea.gentle")]
    ['tea.best', 'tea.gentle', 'tea.theanine', 'cof.alert']
    """
    _claim(argument_map, claim_id)
    if k < 0:
        raise ValueError("k must be 0 or more")
    index, undirected = argument_map.view(undirected_relations)
    near = set(chain.from_iterable(rx.bfs_layers(undirected, [index[claim_id]])[:k + 1]))
    return Rows(c for i, c in enumerate(argument_map.claims.values()) if i in near)


@dataclass(frozen=True)
class Step:
    """One edge walked along a path, forwards or against its direction."""

    source: str
    kind: str
    target: str
    forward: bool  # False when the path walks from the edge's target to its source


#: The most steps :func:`paths` takes through the map before it answers with the paths found so far.
PATH_SEARCH_BUDGET = 200_000


def paths(argument_map: ArgumentMap, start: str, end: str, *, limit: int = 10,
          max_length: int = 8) -> Rows[list[Step]]:
    """The shortest paths between two claims, along edges in either direction.

    Paths come shortest first, and paths of one length in the order of their
    claims' ids, so the answer is the same on every run. They are found
    without listing every path of a length (a layered map has exponentially
    many): a depth-first search in that order, which never steps where the
    end is out of reach, stops at ``limit`` paths or after
    :data:`PATH_SEARCH_BUDGET` steps.

    >>> import argmap
    >>> p = paths(argmap.example_map(), "tea.theanine", "cof.strong")[0]
    >>> [(s.source, s.kind, s.target, s.forward) for s in p]  # doctest: +NORMALIZE_WHITESPACE
    [('tea.theanine', 'supports', 'tea.gentle', True), ('cof.alert', 'contradicts', 'tea.gentle', False),
     ('cof.strong', 'supports', 'cof.alert', False)]
    """
    _claim(argument_map, start)
    _claim(argument_map, end)
    graph = argument_map.view(relation_graph)
    undirected = graph.to_undirected(as_view=True)
    if start == end:
        return Rows()
    distance = nx.single_source_shortest_path_length(undirected, end, cutoff=max_length)
    if start not in distance:
        return Rows()
    neighbours: dict[str, list[str]] = {}
    candidates: list[list[str]] = []
    budget = PATH_SEARCH_BUDGET

    def extend(path: list[str], on_path: set[str], length: int) -> None:
        nonlocal budget
        here = path[-1]
        if here == end:
            if len(path) - 1 == length:  # a shorter path came out at its own length already
                candidates.append(list(path))
            return
        if here not in neighbours:
            neighbours[here] = sorted(undirected[here])
        for after in neighbours[here]:
            if len(candidates) >= limit or budget <= 0:
                return
            budget -= 1
            if after not in on_path and distance.get(after, max_length + 1) <= length - len(path):
                path.append(after)
                on_path.add(after)
                extend(path, on_path, length)
                on_path.discard(path.pop())

    for length in range(distance[start], max_length + 1):  # length: the number of steps
        if len(candidates) >= limit or budget <= 0:
            break
        extend([start], {start}, length)

    def step(a: str, b: str) -> Step:
        forward = graph.has_edge(a, b)
        source, target = (a, b) if forward else (b, a)
        return Step(source, graph.edges[source, target]["relation"].kind, target, forward)

    return Rows([step(a, b) for a, b in zip(nodes, nodes[1:])] for nodes in candidates[:limit])
