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

from ..graph import IndexedSupports, side_claims, side_heads, side_support_graphs, side_supports
from ..model import ArgumentMap
from .reach import breadth_first_parents, descendant_counts
from .._lazy import nx, rx  # networkx and rustworkx, imported on first use


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


def measured_sides(argument_map: ArgumentMap, supports: dict[str, IndexedSupports] | None = None) -> dict[str, Side]:
    """Every perspective's :class:`Side`, measured from the map (and its :func:`side_supports`, if given).

    >>> import argmap
    >>> side = measured_sides(argmap.example_map())["coffee"]
    >>> side.load["cof.alert"], side.thesis_of["cof.alert"], side.weight["cof.best"]
    (2, 'cof.best', 3)
    """
    graphs = _side_graphs(argument_map)
    sides = {}
    heads = argument_map.view(side_heads)  # a side with no thesis is measured toward its objections to one
    for perspective, own in (supports or side_supports(argument_map)).items():
        side = sides[perspective] = Side(perspective, own.claims, graphs)
        reasons, root = own.toward_reasons()
        wanted = set(heads.get(perspective, ()))
        theses = [i for i, claim_id in enumerate(own.claims) if claim_id in wanted]
        size = _measure_loads(side, reasons, theses)
        conclusions = reasons.successor_indices(root)
        if len(conclusions) == 1 and conclusions == theses:
            # The side's one conclusion is its thesis: the dominator tree over all its
            # conclusions is the thesis's own, already built.
            side.weight = {claim_id: size.get(i, 1) for i, claim_id in enumerate(own.claims)}
        else:
            side.weight = _weights(own.claims, reasons, root)
    return sides


def weights(own: IndexedSupports) -> dict[str, int]:
    """Each claim's weight: its subtree in the dominator tree over all the side's conclusions.

    >>> from argmap.graph import IndexedSupports
    >>> weights(IndexedSupports(["thesis", "reason", "loop"], [(1, 0), (2, 2)]))
    {'thesis': 2, 'reason': 1, 'loop': 1}
    """
    return _weights(own.claims, *own.toward_reasons())


def _weights(claims: list[str], reasons: rx.PyDiGraph, root: int) -> dict[str, int]:
    size = _dominated_counts(reasons, root, [root, *breadth_first_parents(reasons, root)])
    # A claim only on a cycle of mutual support reaches no conclusion: it carries itself.
    return {claim_id: size.get(i, 1) for i, claim_id in enumerate(claims)}


def _measure_loads(side: Side, reasons: rx.PyDiGraph, theses: list[int]) -> dict[int, int]:
    """Each claim's load toward the side's theses, all of them in one pass; returns the dominated counts.

    The measures are defined over all the theses at once, not thesis by
    thesis (which cost a whole-side walk per thesis: quadratic on a map of
    many theses): a virtual root stands above the theses, and

    - a claim's **load** is the number of claims (itself included) that would
      lose every support route to every thesis without it: its subtree in the
      dominator tree of that root;
    - its **thesis** is the nearest one, breadth-first, theses and reasons in
      file order, and ``next_toward`` its next step on a shortest path there;
    - each thesis's **support size** is the number of claims that reach it,
      counted for every thesis in one bitset sweep.

    A claim's load never exceeds its thesis's support size: what depends on
    it reaches that thesis through it. With one thesis these are the
    thesis's own measures.
    """
    if not theses:
        return {}
    ids = side.claims
    graph = reasons.copy()
    top = graph.add_node(None)
    graph[top] = top  # payloads are indices: rustworkx's breadth-first walk reports payloads
    graph.add_edges_from_no_data([(top, thesis) for thesis in reversed(theses)])  # rustworkx walks newest first
    parents = breadth_first_parents(graph, top)
    size = _dominated_counts(graph, top, [top, *parents])
    # Toward reasons, a thesis's descendants are the claims that reach it: with one thesis, the walk just
    # made found them all; with several, one bitset sweep counts them for every thesis.
    reach = {theses[0]: len(parents) - 1} if len(theses) == 1 else descendant_counts(reasons)
    nearest: dict[int, int] = {}
    for thesis in theses:
        side.support_size[ids[thesis]] = reach[thesis]
        side.next_toward[ids[thesis]] = {}
    load, thesis_of = side.load, side.thesis_of
    for node, parent in parents.items():  # breadth-first, so a parent's thesis is known before its reasons'
        if parent == top:
            nearest[node] = node
            continue
        thesis = nearest[node] = nearest[parent]
        claim_id = ids[node]
        side.next_toward[ids[thesis]][claim_id] = ids[parent]
        load[claim_id], thesis_of[claim_id] = size[node], ids[thesis]
    return size


def _dominated_counts(graph: rx.PyDiGraph, root: int, order: list[int]) -> dict[int, int]:
    """For each node reachable from ``root``, itself plus the nodes it dominates.

    ``order`` lists the reachable nodes breadth-first from ``root``, so every
    dominator precedes what it dominates and one backward sweep sums the
    dominator tree's subtrees.

    >>> from argmap.graph import IndexedSupports
    >>> graph, root = IndexedSupports(list("abc"), [(0, 1), (2, 1)]).toward_reasons()
    >>> _dominated_counts(graph, root, [root, 1, 0, 2])
    {3: 4, 1: 3, 0: 1, 2: 1}
    """
    children: dict[int, list[int]] = defaultdict(list)
    for node, parent in rx.immediate_dominators(graph, root).items():
        if node != root:
            children[parent].append(node)
    size = dict.fromkeys(order, 1)
    for node in reversed(order):
        for child in children[node]:
            size[node] += size[child]
    return size


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
            "theses": [[index[thesis], side.support_size[thesis]] for thesis in side.next_toward],
            # A claim's one next step, toward its thesis: a list per thesis would be theses × claims long.
            "next": [index[side.next_toward[side.thesis_of[claim]][claim]] if claim in side.thesis_of else -1
                     for claim in side.claims],
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
                        and _column(entry.get("thesis"), size, -1, size - 1)
                        and _column(entry.get("next"), size, -1, size - 1)):
            return None
        side = Side(perspective, ids, graphs)
        side.load = {claim: load for claim, load in zip(ids, entry["load"]) if load}
        side.thesis_of = {claim: ids[t] for claim, t in zip(ids, entry["thesis"]) if t >= 0}
        side.weight = dict(zip(ids, entry["weight"]))
        for thesis in entry["theses"]:
            if not (isinstance(thesis, list) and len(thesis) == 2 and _column(thesis[:1], 1, 0, size - 1)
                    and _column(thesis[1:2], 1, 0, size)):
                return None
            side.support_size[ids[thesis[0]]] = thesis[1]
            side.next_toward[ids[thesis[0]]] = {}
        for claim, step in zip(ids, entry["next"]):
            thesis = side.thesis_of.get(claim)
            if (step >= 0) != (thesis is not None) or (thesis is not None and thesis not in side.next_toward):
                return None
            if thesis is not None:
                side.next_toward[thesis][claim] = ids[step]
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


def count_dependants(supports: dict[str, IndexedSupports]) -> dict[str, dict[str, int]]:
    """How many own-side claims each claim supports, directly or not, per side (of :func:`side_supports`).

    >>> import argmap
    >>> count_dependants(side_supports(argmap.example_map()))["tea"]
    {'tea.best': 0, 'tea.gentle': 1, 'tea.theanine': 2, 'tea.ritual': 1}
    """
    return {perspective: dict(zip(own.claims, descendant_counts(own.graph()))) for perspective, own in supports.items()}
