"""Side-by-side positions for the map, computed in Python.

Each perspective gets a column. Its theses sit at the top; every other claim
sits one row below the claim it supports, so a column reads top-down as
thesis → reasons → their reasons. Claims that reach no thesis go to a last
row. Within a row, claims with cross-perspective edges sit nearest the gutter
between the columns, so the edges between the sides run through it. The layout
is deterministic and linear in claims plus edges.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from .model import ArgumentMap

NODE_SPACING = 240
LINE_SPACING = 120
ROW_GAP = 80
GUTTER = 360


def side_by_side(argument_map: ArgumentMap) -> dict[str, tuple[int, int]]:
    """Map each claim id to an ``(x, y)`` position in pixels.

    >>> import argmap
    >>> m = argmap.load("claims")
    >>> positions = side_by_side(m)
    >>> len(positions) == len(m.claims)
    True
    >>> thesis_y = {positions[c.id][1] for c in m.claims.values() if c.kind == "thesis"}
    >>> min(y for _, y in positions.values()) in thesis_y
    True
    """
    by_perspective: dict[str, list[str]] = defaultdict(list)
    for claim in argument_map.claims.values():
        by_perspective[claim.perspective].append(claim.id)
    per_line = max([4] + [math.ceil(math.sqrt(len(ids))) for ids in by_perspective.values()])
    column_width = per_line * NODE_SPACING + GUTTER

    crossing = _claims_with_cross_edges(argument_map)
    columns = len(argument_map.perspectives)
    positions: dict[str, tuple[int, int]] = {}
    for column, perspective in enumerate(argument_map.perspectives):
        rows = _rows(argument_map, by_perspective.get(perspective, []))
        # The first column fills its rows from the right, so in both columns of a
        # two-sided map the claims that cross over sit next to the gutter.
        mirrored = column == 0 and columns > 1
        y = 0
        for row in rows:
            row.sort(key=lambda cid: cid not in crossing)  # stable: keeps the parent order
            for index, claim_id in enumerate(row):
                slot = index % per_line
                x = (per_line - 1 - slot if mirrored else slot) * NODE_SPACING
                positions[claim_id] = (column * column_width + x, y + (index // per_line) * LINE_SPACING)
            y += math.ceil(len(row) / per_line) * LINE_SPACING + ROW_GAP
    return positions


def _claims_with_cross_edges(argument_map: ArgumentMap) -> set[str]:
    claims = argument_map.claims
    crossing = set()
    for relation in argument_map.relations():
        if claims[relation.source].perspective != claims[relation.target].perspective:
            crossing.update((relation.source, relation.target))
    return crossing


def _rows(argument_map: ArgumentMap, claim_ids: list[str]) -> list[list[str]]:
    """Group one perspective's claims into rows by support distance to a thesis."""
    members = set(claim_ids)
    supports = nx.DiGraph()
    supports.add_nodes_from(claim_ids)
    supports.add_edges_from(
        (r.source, r.target) for cid in claim_ids for r in argument_map.claims[cid].relations
        if r.kind == "supports" and r.target in members
    )
    roots = [cid for cid in claim_ids if argument_map.claims[cid].kind == "thesis"]
    if not roots:
        roots = [cid for cid in claim_ids if supports.out_degree(cid) == 0]
    depth = nx.multi_source_dijkstra_path_length(supports.reverse(copy=False), roots) if roots else {}

    deepest = max(depth.values(), default=-1)
    rows: list[list[str]] = [[] for _ in range(deepest + 2)]
    for cid in claim_ids:
        rows[int(depth.get(cid, deepest + 1))].append(cid)
    # Put each claim under the claim it supports, so edges cross less.
    order = {cid: i for i, cid in enumerate(rows[0])}
    for row_number in range(1, len(rows)):
        def parent_order(cid: str) -> float:
            return min((order[t] for t in supports.successors(cid) if t in order), default=math.inf)
        rows[row_number].sort(key=parent_order)  # stable: file order breaks ties
        order.update((cid, i) for i, cid in enumerate(rows[row_number]))
    return [row for row in rows if row]
