"""Each perspective's support structure and the measures read off it, and their cached form.

The measures (load toward a thesis, weight toward any conclusion, the next
claim on a shortest path to the thesis, how many claims each one supports)
come from dominator trees and a reachability sweep: seconds on a
100,000-claim map. A :class:`Store` keeps them between runs, as plain lists
aligned with each side's claims; a stored value that does not fit the map
is ignored and measured again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..graph import side_reason_graphs, side_support_graphs
from ..model import ArgumentMap
from .reach import descendant_counts
from .._lazy import nx  # networkx, imported on first use


class Store(Protocol):
    """Where measures are kept between runs, for one map structure (a derived cache bound to its digest)."""

    def get(self, kind: str) -> Any | None: ...

    def put(self, kind: str, value: Any) -> None: ...


@dataclass
class Side:
    """One perspective's support structure, toward each of its theses."""

    perspective: str
    claims: list[str]  # the side's claim ids, in file order
    graphs: Callable[[], dict[str, nx.DiGraph]]  # the map's side support graphs, built when first asked
    load: dict[str, int] = field(default_factory=dict)
    thesis_of: dict[str, str] = field(default_factory=dict)
    support_size: dict[str, int] = field(default_factory=dict)
    weight: dict[str, int] = field(default_factory=dict)
    #: per thesis, each claim that reaches it → the next claim on a shortest path
    next_toward: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def supports(self) -> nx.DiGraph:
        """Own-side supports edges, reason → conclusion."""
        return self.graphs()[self.perspective]


def _side_graphs(argument_map: ArgumentMap) -> Callable[[], dict[str, nx.DiGraph]]:
    """The map's side support graphs, built when first asked (a claim's dependants need them)."""
    return lambda: argument_map.view(side_support_graphs)


def measured_sides(argument_map: ArgumentMap) -> dict[str, Side]:
    """Every perspective's :class:`Side`, measured from the map.

    >>> import argmap
    >>> side = measured_sides(argmap.example_map())["coffee"]
    >>> side.load["cof.alert"], side.thesis_of["cof.alert"], side.weight["cof.best"]
    (2, 'cof.best', 3)
    """
    graphs = _side_graphs(argument_map)
    sides = {}
    members = side_claims(argument_map)
    # Called, not kept as a view: the walks are needed once, and holding them took 27 MB at 100,000 claims.
    for perspective, (reasons, root) in side_reason_graphs(argument_map).items():
        side = Side(perspective, members[perspective], graphs)
        dominated = {thesis: _measure_load(side, reasons, thesis)
                     for thesis in side.claims if argument_map.claims[thesis].kind == "thesis"}
        conclusions = list(reasons.successors(root))
        if len(conclusions) == 1 and conclusions[0] in dominated:
            # The side's one conclusion is its thesis: the dominator tree over all its
            # conclusions is the thesis's own, already built (a second one took seconds at scale).
            size = dominated[conclusions[0]]
            side.weight = {claim: size.get(claim, 1) for claim in side.claims}
        else:
            side.weight = weights(side.claims, reasons, root)
        sides[perspective] = side
    return sides


def weights(claims: list[str], reasons: nx.DiGraph, root: object) -> dict[str, int]:
    """Each claim's weight: its subtree in the dominator tree over all the side's conclusions."""
    order = [root, *(node for _, node in nx.bfs_edges(reasons, root))]
    size = _dominated_counts(reasons, root, order)
    # A claim only on a cycle of mutual support reaches no conclusion: it carries itself.
    return {claim: size.get(claim, 1) for claim in claims}


def _measure_load(side: Side, reasons: nx.DiGraph, thesis: str) -> dict[str, int]:
    """Each claim's load toward ``thesis``; returns the thesis's dominated counts."""
    next_toward = side.next_toward[thesis] = dict(nx.bfs_predecessors(reasons, thesis))
    order = [thesis, *next_toward]
    size = _dominated_counts(reasons, thesis, order)
    side.support_size[thesis] = len(order) - 1
    for node in order[1:]:
        if size[node] > side.load.get(node, 0):
            side.load[node], side.thesis_of[node] = size[node], thesis
    return size


def _dominated_counts(graph: nx.DiGraph, root: Any, order: list[Any]) -> dict[Any, int]:
    """For each node reachable from ``root``, itself plus the nodes it dominates.

    ``order`` lists the reachable nodes breadth-first from ``root``, so every
    dominator precedes what it dominates and one backward sweep sums the
    dominator tree's subtrees.

    >>> g = nx.DiGraph([("r", "a"), ("a", "b"), ("r", "c"), ("c", "b")])
    >>> _dominated_counts(g, "r", ["r", "a", "c", "b"])
    {'r': 4, 'a': 1, 'c': 1, 'b': 1}
    """
    children: dict[Any, list[Any]] = defaultdict(list)
    for node, parent in nx.immediate_dominators(graph, root).items():
        if node != root:
            children[parent].append(node)
    size = dict.fromkeys(order, 1)
    for node in reversed(order):
        for child in children[node]:
            size[node] += size[child]
    return size


def side_claims(argument_map: ArgumentMap) -> dict[str, list[str]]:
    """Each perspective's claim ids in file order, as the sides list them, without building a graph."""
    members: dict[str, list[str]] = {perspective: [] for perspective in argument_map.perspectives}
    for claim in argument_map.claims.values():
        members.setdefault(claim.perspective, []).append(claim.id)
    return {perspective: members[perspective] for perspective in argument_map.perspectives}


def encode_sides(sides: dict[str, Side]) -> dict[str, Any]:
    """The measures as JSON-ready lists, claims named by their index in their side.

    >>> import argmap, json
    >>> m = argmap.example_map()
    >>> sides = measured_sides(m)
    >>> again = decode_sides(json.loads(json.dumps(encode_sides(sides))), m)
    >>> all(vars(again[p]) | {"graphs": None} == vars(sides[p]) | {"graphs": None} for p in sides)
    True
    """
    encoded = {}
    for perspective, side in sides.items():
        index = {claim: i for i, claim in enumerate(side.claims)}
        encoded[perspective] = {
            "claims": len(side.claims),
            "load": [side.load.get(claim, 0) for claim in side.claims],
            "thesis": [index[side.thesis_of[claim]] if claim in side.thesis_of else -1 for claim in side.claims],
            "weight": [side.weight[claim] for claim in side.claims],
            "theses": [[index[thesis], side.support_size[thesis],
                        [index[nxt[claim]] if claim in nxt else -1 for claim in side.claims]]
                       for thesis, nxt in side.next_toward.items()],
        }
    return encoded


def decode_sides(raw: Any, argument_map: ArgumentMap) -> dict[str, Side] | None:
    """:func:`encode_sides`'s data as sides of ``argument_map``, or ``None`` if it does not fit the map."""
    graphs = _side_graphs(argument_map)
    members = side_claims(argument_map)
    if not isinstance(raw, dict) or raw.keys() != members.keys():
        return None
    sides = {}
    for perspective, ids in members.items():
        entry = raw[perspective]
        size = len(ids)
        if not isinstance(entry, dict) or entry.get("claims") != size or not isinstance(entry.get("theses"), list) \
                or not (_column(entry.get("load"), size, 0, size) and _column(entry.get("weight"), size, 1, size)
                        and _column(entry.get("thesis"), size, -1, size - 1)):
            return None
        side = Side(perspective, ids, graphs)
        side.load = {claim: load for claim, load in zip(ids, entry["load"]) if load}
        side.thesis_of = {claim: ids[t] for claim, t in zip(ids, entry["thesis"]) if t >= 0}
        side.weight = dict(zip(ids, entry["weight"]))
        for thesis in entry["theses"]:
            if not (isinstance(thesis, list) and len(thesis) == 3 and _column(thesis[:1], 1, 0, size - 1)
                    and _column(thesis[1:2], 1, 0, size) and _column(thesis[2], size, -1, size - 1)):
                return None
            side.support_size[ids[thesis[0]]] = thesis[1]
            side.next_toward[ids[thesis[0]]] = {claim: ids[n] for claim, n in zip(ids, thesis[2]) if n >= 0}
        sides[perspective] = side
    return sides


def encode_counts(sides: dict[str, Side], counts: dict[str, dict[str, int]]) -> dict[str, list[int]]:
    """Per-claim counts of each side (such as its dependants) as lists aligned with the side's claims."""
    return {perspective: [counts[perspective][claim] for claim in side.claims] for perspective, side in sides.items()}


def decode_counts(raw: Any, sides: dict[str, Side]) -> dict[str, dict[str, int]] | None:
    """:func:`encode_counts`'s data, or ``None`` if it does not fit the sides."""
    if not isinstance(raw, dict) or raw.keys() != sides.keys():
        return None
    if not all(_column(raw[p], len(side.claims), 0, len(side.claims)) for p, side in sides.items()):
        return None
    return {p: dict(zip(side.claims, raw[p])) for p, side in sides.items()}


def encode_claim_lists(sides: dict[str, Side], lists: list[tuple[str, str, list[str]]]) -> list[list[Any]]:
    """Lists of one side's claims, each under its perspective and a label, with claims as indices in the side."""
    index = {p: {claim: i for i, claim in enumerate(side.claims)} for p, side in sides.items()}
    return [[perspective, label, [index[perspective][claim] for claim in claims]] for perspective, label, claims in lists]


def decode_claim_lists(raw: Any, sides: dict[str, Side]) -> list[tuple[str, str, list[str]]] | None:
    """:func:`encode_claim_lists`'s data, or ``None`` if it does not fit the sides.

    >>> import argmap
    >>> sides = measured_sides(argmap.example_map())
    >>> lists = [("tea", "coffee", ["tea.best", "tea.ritual"])]
    >>> decode_claim_lists(encode_claim_lists(sides, lists), sides) == lists
    True
    >>> decode_claim_lists([["tea", "coffee", [99]]], sides) is None
    True
    """
    if not isinstance(raw, list):
        return None
    lists = []
    for entry in raw:
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] in sides and isinstance(entry[1], str)):
            return None
        claims = sides[entry[0]].claims
        if not _column(entry[2], len(entry[2]) if isinstance(entry[2], list) else -1, 0, len(claims) - 1):
            return None
        lists.append((entry[0], entry[1], [claims[i] for i in entry[2]]))
    return lists


def _column(values: Any, length: int, low: int, high: int) -> bool:
    """Whether ``values`` is a list of ``length`` ints from ``low`` to ``high``, both included."""
    return isinstance(values, list) and len(values) == length and all(type(v) is int for v in values) \
        and (not values or (min(values) >= low and max(values) <= high))


def count_dependants(sides: dict[str, Side]) -> dict[str, dict[str, int]]:
    """How many own-side claims each claim supports, directly or not, per side."""
    return {perspective: descendant_counts(side.supports) for perspective, side in sides.items()}  # type: ignore[misc]
