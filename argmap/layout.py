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
    claims = argument_map.claims
    perspective_of = {claim_id: claim.perspective for claim_id, claim in claims.items()}
    by_perspective: dict[str, list[str]] = defaultdict(list)
    for claim_id, perspective in perspective_of.items():
        by_perspective[perspective].append(claim_id)

    # What each claim supports on its own side, and which claims reach across.
    supported: dict[str, list[str]] = defaultdict(list)
    crossing: set[str] = set()
    for claim_id, claim in claims.items():
        for relation in claim.relations:
            if perspective_of[relation.target] != claim.perspective:
                crossing.add(claim_id)
                crossing.add(relation.target)
            elif relation.kind == "supports":
                supported[claim_id].append(relation.target)
    depth = _support_depths(argument_map, by_perspective, supported)

    per_line = max([4] + [math.ceil(math.sqrt(len(ids))) for ids in by_perspective.values()])
    column_width = per_line * NODE_SPACING + GUTTER
    columns = len(argument_map.perspectives)
    positions: dict[str, tuple[int, int]] = {}
    for column, perspective in enumerate(argument_map.perspectives):
        rows = _rows(by_perspective.get(perspective, []), depth, supported)
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


def _support_depths(argument_map: ArgumentMap, by_perspective: dict[str, list[str]],
                    supported: dict[str, list[str]]) -> dict[str, int]:
    """Each claim's own-side support distance to the nearest thesis.

    A perspective with no thesis counts the claims that support nothing on
    their side as its roots. Claims that reach no root get no depth.
    """
    roots = []
    for ids in by_perspective.values():
        theses = [cid for cid in ids if argument_map.claims[cid].kind == "thesis"]
        roots += theses or [cid for cid in ids if cid not in supported]
    toward_reasons = nx.DiGraph()
    toward_reasons.add_nodes_from(roots)  # claims off every path to a root need not be in it
    toward_reasons.add_edges_from([(target, source) for source, targets in supported.items() for target in targets])
    return {cid: number for number, layer in enumerate(nx.bfs_layers(toward_reasons, roots)) for cid in layer}


def _rows(claim_ids: list[str], depth: dict[str, int], supported: dict[str, list[str]]) -> list[list[str]]:
    """Group one perspective's claims into rows by support depth."""
    deepest = max((depth[cid] for cid in claim_ids if cid in depth), default=-1)
    rows: list[list[str]] = [[] for _ in range(deepest + 2)]
    for cid in claim_ids:
        rows[depth.get(cid, deepest + 1)].append(cid)
    # Put each claim under the claim it supports, so edges cross less.
    order = {cid: i for i, cid in enumerate(rows[0])}
    for row_number in range(1, len(rows)):
        def parent_order(cid: str) -> float:
            return min((order[t] for t in supported.get(cid, ()) if t in order), default=math.inf)
        rows[row_number].sort(key=parent_order)  # stable: file order breaks ties
        order.update((cid, i) for i, cid in enumerate(rows[row_number]))
    return [row for row in rows if row]
