"""Walks on rustworkx graphs of claim indices: breadth-first parents, and how many nodes each node reaches.

The counts come from one sweep of bitsets, in bounded memory.

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

from collections.abc import Sequence

from .._lazy import rx  # rustworkx, imported on first use

#: bytes the live bitsets of one pass may take, counted as if each were a whole block wide
MEMORY_BUDGET = 128 * 2**20
#: the smallest block: below it the Python loop, not the bit operations, is the cost
MIN_BLOCK = 4096


def descendant_counts(graph: rx.PyDiGraph, *, block: int | None = None) -> list[int]:
    """``len(rustworkx.descendants(graph, node))`` for every node, by index, of a graph with no removed nodes.

    ``block`` forces the number of bits per pass; by default it is the
    largest that :data:`MEMORY_BUDGET` allows.

    >>> g = rx.PyDiGraph()
    >>> g.add_nodes_from(range(4))
    NodeIndices[0, 1, 2, 3]
    >>> g.extend_from_edge_list([(0, 1), (1, 2), (2, 1), (3, 2)])
    >>> descendant_counts(g), [len(rx.descendants(g, n)) for n in g.node_indices()]
    ([2, 1, 1, 2], [2, 1, 1, 2])
    >>> descendant_counts(g, block=1)
    [2, 1, 1, 2]
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
        reach = [0] * len(groups)  # a skipped node's stays empty
        for index in range(start, len(groups)):
            own_first = max(first_bit[index], low)
            own_last = min(first_bit[index] + len(groups[index]), high)
            found = ((1 << (own_last - own_first)) - 1) << (own_first - low) if own_first < own_last else 0
            for successor in successors[index]:
                found |= reach[successor]
            counts[index] += found.bit_count()
            reach[index] = found
            for done in freed_after[index]:
                reach[done] = 0
    by_node = [0] * graph.num_nodes()
    for index, members in enumerate(groups):
        for node in members:
            by_node[node] = counts[index] - 1
    return by_node


def _sinks_first(graph: rx.PyDiGraph) -> tuple[list[Sequence[int]], list[list[int]]]:
    """The strongly connected components, sinks first, with the indices of their successors."""
    try:
        order = rx.topological_sort(graph)[::-1]
    except rx.DAGHasCycle:  # a cycle: its claims reach each other, and count as one
        pass
    else:
        position = [0] * graph.num_nodes()
        for at, node in enumerate(order):
            position[node] = at
        return [(node,) for node in order], [[position[s] for s in graph.successor_indices(node)] for node in order]
    condensed = rx.digraph_condensation(graph)  # each node's payload lists its members' payloads: their indices
    order = rx.topological_sort(condensed)[::-1]
    index = {component: at for at, component in enumerate(order)}
    return ([condensed[component] for component in order],
            [[index[s] for s in condensed.successor_indices(component)] for component in order])


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


def breadth_first_parents(graph: rx.PyDiGraph, source: int) -> dict[int, int]:
    """Each node reached breadth-first from ``source`` → the node it was first reached from, in the order reached.

    >>> from argmap.graph import IndexedSupports
    >>> graph, _ = IndexedSupports(list("tabc"), [(1, 0), (2, 0), (3, 1), (3, 2), (0, 3)]).toward_reasons()
    >>> breadth_first_parents(graph, 0)
    {1: 0, 2: 0, 3: 1}
    """
    parents: dict[int, int] = {}
    for parent, children in rx.bfs_successors(graph, source):
        for child in children:  # every successor, the ones reached before included
            if child not in parents and child != source:
                parents[child] = parent
    return parents


__all__ = ["breadth_first_parents", "descendant_counts", "MEMORY_BUDGET"]
