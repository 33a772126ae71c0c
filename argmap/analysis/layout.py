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

from ..graph import cross_relations, side_support_graphs
from ..model import ArgumentMap
from .._lazy import nx  # networkx, imported on first use

NODE_SPACING = 240
LINE_SPACING = 120
ROW_GAP = 80
GUTTER = 360


def side_by_side(argument_map: ArgumentMap) -> dict[str, tuple[int, int]]:
    """Map each claim id to an ``(x, y)`` position in pixels.

    >>> import argmap
    >>> positions = side_by_side(argmap.example_map())
    >>> positions["tea.best"], positions["tea.gentle"], positions["cof.best"]
    ((720, 0), (720, 200), (1320, 0))
    """
    sides = argument_map.view(side_support_graphs)
    crossing = {claim_id for r in argument_map.view(cross_relations) for claim_id in (r.source, r.target)}
    depth = _support_depths(argument_map, sides)

    per_line = max([4] + [math.ceil(math.sqrt(len(graph))) for graph in sides.values()])
    column_width = per_line * NODE_SPACING + GUTTER
    columns = len(argument_map.perspectives)
    positions: dict[str, tuple[int, int]] = {}
    for column, (perspective, graph) in enumerate(sides.items()):
        rows = _rows(list(graph), depth, graph)
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


def _support_depths(argument_map: ArgumentMap, sides: dict[str, nx.DiGraph]) -> dict[str, int]:
    """Each claim's own-side support distance to the nearest thesis.

    A perspective with no thesis counts the claims that support nothing on
    their side as its roots. Claims that reach no root get no depth.
    """
    depth: dict[str, int] = {}
    for graph in sides.values():
        theses = [cid for cid in graph if argument_map.claims[cid].kind == "thesis"]
        roots = theses or [cid for cid in graph if graph.out_degree(cid) == 0]
        for number, layer in enumerate(nx.bfs_layers(graph.reverse(copy=False), roots)):
            depth.update(dict.fromkeys(layer, number))
    return depth


def _rows(claim_ids: list[str], depth: dict[str, int], supports: nx.DiGraph) -> list[list[str]]:
    """Group one perspective's claims into rows by support depth."""
    deepest = max((depth[cid] for cid in claim_ids if cid in depth), default=-1)
    rows: list[list[str]] = [[] for _ in range(deepest + 2)]
    for cid in claim_ids:
        rows[depth.get(cid, deepest + 1)].append(cid)
    # Put each claim under the claim it supports, so edges cross less.
    order = {cid: i for i, cid in enumerate(rows[0])}
    for row_number in range(1, len(rows)):
        def parent_order(cid: str) -> float:
            return min((order[t] for t in supports.successors(cid) if t in order), default=math.inf)
        rows[row_number].sort(key=parent_order)  # stable: file order breaks ties
        order.update((cid, i) for i, cid in enumerate(rows[row_number]))
    return [row for row in rows if row]
