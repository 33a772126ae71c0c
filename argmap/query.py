"""Questions asked of a loaded map; answers are plain Python values."""

from __future__ import annotations

from collections import Counter

from .model import RELATION_KINDS, ArgumentMap


def claims_per_perspective(argument_map: ArgumentMap) -> dict[str, int]:
    """How many claims each perspective has, in ``map.yaml`` order.

    >>> import argmap
    >>> counts = claims_per_perspective(argmap.load("claims"))
    >>> list(counts) == ["relational", "professional-service"] and all(counts.values())
    True
    """
    counts = Counter(claim.perspective for claim in argument_map.claims.values())
    return {pid: counts[pid] for pid in argument_map.perspectives}


def edges_per_kind(argument_map: ArgumentMap) -> dict[str, int]:
    """How many ``supports`` and ``contradicts`` edges the map has.

    >>> import argmap
    >>> sorted(edges_per_kind(argmap.load("claims")))
    ['contradicts', 'supports']
    """
    counts = Counter(kind for _, _, kind in argument_map.graph.edges(data="kind"))
    return {kind: counts[kind] for kind in RELATION_KINDS}


def summary(argument_map: ArgumentMap) -> str:
    """One line: claims per perspective and edges by kind.

    >>> import argmap
    >>> summary(argmap.load("claims")).split(" claims (")[0].isdigit()
    True
    """
    per_perspective = claims_per_perspective(argument_map)
    per_kind = edges_per_kind(argument_map)
    claims = ", ".join(f"{pid} {n}" for pid, n in per_perspective.items())
    edges = ", ".join(f"{n} {kind}" for kind, n in per_kind.items())
    return (f"{sum(per_perspective.values())} claims ({claims}); "
            f"{sum(per_kind.values())} edges ({edges})")
