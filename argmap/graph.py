"""Turn an :class:`~argmap.model.ArgumentMap` into a networkx graph."""

from __future__ import annotations

import networkx as nx

from .model import ArgumentMap, Claim


def claim_attributes(claim: Claim) -> dict[str, object]:
    """The node attributes for one claim: its fields, flattened.

    >>> from argmap.model import Claim, Source
    >>> attrs = claim_attributes(Claim("a", "A.", "tea", source=Source(title="T")))
    >>> attrs["text"], attrs["perspective"], attrs["source_title"], attrs["tags"]
    ('A.', 'tea', 'T', [])
    """
    source = claim.source
    return {
        "text": claim.text,
        "perspective": claim.perspective,
        "kind": claim.kind,
        "quote": claim.quote,
        "tags": list(claim.tags),
        "note": claim.note,
        "source_title": source.title if source else None,
        "source_author": source.author if source else None,
        "source_url": source.url if source else None,
        "file": claim.position.path if claim.position else None,
        "line": claim.position.line if claim.position else None,
    }


def build_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """Build the claim graph: one node per claim, one edge per relation.

    The graph's own attributes hold the map's ``title``, ``description`` and
    ``perspectives`` (id → label).

    >>> import argmap
    >>> g = argmap.load("claims").graph
    >>> g.graph["title"]
    'Is the therapeutic relationship what heals?'
    >>> {kind for _, _, kind in g.edges(data="kind")} == {"supports", "contradicts"}
    True
    """
    graph = nx.DiGraph(
        title=argument_map.title,
        description=argument_map.description,
        perspectives={p.id: p.label for p in argument_map.perspectives.values()},
    )
    graph.add_nodes_from(
        (claim.id, claim_attributes(claim)) for claim in argument_map.claims.values()
    )
    graph.add_edges_from(
        (r.source, r.target, {"kind": r.kind, "note": r.note})
        for r in argument_map.relations()
    )
    return graph
