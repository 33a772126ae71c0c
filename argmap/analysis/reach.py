"""How many nodes each node reaches: one sweep of bitsets, in bounded memory.

Counting descendants is quadratic however it is done, since the answer sums
to the size of the transitive closure; on a generated 50,000-claim side each
claim supports a quarter of the others. What can be kept small is the
Python-level work. Nodes are numbered sinks first, so every node's reach
holds only bits below its own: a Python int of at most that many bits. The
bits flow once from sinks to sources, and each node's bitset is dropped as
soon as its last predecessor has read it. When the bitsets still alive at
once would take more than :data:`MEMORY_BUDGET`, the bits are split into
blocks and the sweep is run once per block, each pass skipping the nodes
that sit wholly below its block.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from .._lazy import nx  # networkx, imported on first use

#: bytes the live bitsets of one pass may take, counted as if each were a whole block wide
MEMORY_BUDGET = 128 * 2**20
#: the smallest block: below it the Python loop, not the bit operations, is the cost
MIN_BLOCK = 4096


def descendant_counts(graph: nx.DiGraph, *, block: int | None = None) -> dict[Hashable, int]:
    """``len(nx.descendants(graph, node))`` for every node of ``graph``.

    ``block`` forces the number of bits per pass; by default it is the
    largest that :data:`MEMORY_BUDGET` allows.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("d", "c")])
    >>> descendant_counts(g) == {n: len(nx.descendants(g, n)) for n in g}
    True
    >>> descendant_counts(g, block=1) == descendant_counts(g)
    True
    """
    groups, successors = _sinks_first(graph)
    first_bit: list[int] = []
    bits = 0
    for members in groups:
        first_bit.append(bits)
        bits += len(members)
    freed_after = _last_readers(successors)
    if block is None:
        block = max(MIN_BLOCK, MEMORY_BUDGET * 8 // max(1, _most_alive(successors, freed_after)))
    counts = [0] * len(groups)
    start = 0
    for low in range(0, bits, block):
        high = low + block
        while start < len(groups) and first_bit[start] + len(groups[start]) <= low:
            start += 1  # wholly below this block: it reaches none of its bits
        reach: dict[int, int] = {}
        for index in range(start, len(groups)):
            own_first = max(first_bit[index], low)
            own_last = min(first_bit[index] + len(groups[index]), high)
            found = ((1 << (own_last - own_first)) - 1) << (own_first - low) if own_first < own_last else 0
            for successor in successors[index]:
                found |= reach.get(successor, 0)
            counts[index] += found.bit_count()
            reach[index] = found
            for done in freed_after[index]:
                reach.pop(done, None)  # a skipped node was never stored
    return {node: counts[index] - 1 for index, members in enumerate(groups) for node in members}


def _sinks_first(graph: nx.DiGraph) -> tuple[list[Sequence[Hashable]], list[list[int]]]:
    """The strongly connected components, sinks first, with the indices of their successors."""
    try:
        order = list(nx.topological_sort(graph))[::-1]
    except nx.NetworkXUnfeasible:  # a cycle: its claims reach each other, and count as one
        pass
    else:
        index = {node: position for position, node in enumerate(order)}
        return [(node,) for node in order], [[index[s] for s in graph.successors(node)] for node in order]
    condensed = nx.condensation(graph)
    order = list(nx.topological_sort(condensed))[::-1]
    index = {component: position for position, component in enumerate(order)}
    return ([condensed.nodes[component]["members"] for component in order],
            [[index[s] for s in condensed.successors(component)] for component in order])


def _last_readers(successors: list[list[int]]) -> list[list[int]]:
    """For each index, the bitsets no later node reads once it is done (itself included)."""
    last_read = list(range(len(successors)))  # a source's bitset is read by nobody after itself
    for index, following in enumerate(successors):
        for successor in following:
            last_read[successor] = index  # indices grow, so the last write is the last reader
    freed_after: list[list[int]] = [[] for _ in successors]
    for node, reader in enumerate(last_read):
        freed_after[reader].append(node)
    return freed_after


def _most_alive(successors: list[list[int]], freed_after: list[list[int]]) -> int:
    """The most bitsets alive at once during a sweep."""
    alive = most = 0
    for index in range(len(successors)):
        alive += 1
        most = max(most, alive)
        alive -= len(freed_after[index])
    return most


__all__ = ["descendant_counts", "MEMORY_BUDGET"]
