"""Every graph the rest of argmap needs, derived from the model in one place.

Each view is a plain function of an :class:`~argmap.model.ArgumentMap`. Call
it through ``argument_map.view(function)`` to build it once per map and share
it: the comparison, the semantics, the layout and the exports all read these
views, and nothing else constructs a graph from claims.

- :func:`claim_graph`: every claim and relation (it is ``ArgumentMap.graph``);
- :func:`relation_graph`: the same nodes and edges, each edge holding its relation, no attributes copied;
- :func:`attack_graph`: the ``contradicts`` edges, as an attack graph;
- :func:`support_graph`: the ``supports`` edges, reason → conclusion;
- :func:`edges_of_kind`: the edges of those two, for graphs of other types (the semantics' plain-dict ones);
- :func:`side_claims`: per perspective, its claim ids in file order;
- :func:`side_heads`: per perspective, what its case is measured toward: its theses, or its objections to one;
- :func:`side_support_graphs`: per perspective, the supports within that side;
- :func:`side_supports`, :func:`all_supports` and :func:`joined_supports`: supports on claim indices, for rustworkx;
- :func:`undirected_relations`: every relation as an undirected rustworkx edge, for walks from one claim;
- :func:`cross_relations`: the relations between claims of two perspectives;
- :func:`portable_graph`: the claim graph with scalar attributes only, for GraphML and GEXF.

>>> import argmap
>>> m = argmap.loads('''
... perspective: tea
... claims:
...   - {id: best, text: Tea is best., kind: thesis}
...   - {id: calm, text: Tea calms., supports: [best], contradicts: [jitters]}
...   - {id: jitters, text: Tea gives jitters.}
... ''')
>>> sorted(m.view(attack_graph).edges)
[('calm', 'jitters')]
>>> sorted(m.view(side_support_graphs)["tea"].edges)
[('calm', 'best')]
"""

from __future__ import annotations

import dataclasses
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import LossyExport
from .model import ArgumentMap, Claim, Relation
from ._lazy import nx, rx  # networkx and rustworkx, imported on first use


def claim_attributes(claim: Claim) -> dict[str, object]:
    """The node attributes for one claim: its fields, flattened.

    >>> from argmap.model import Claim, Source
    >>> attrs = claim_attributes(Claim("a", "A.", "tea", source=Source(title="T")))
    >>> attrs["text"], attrs["perspective"], attrs["source_title"], attrs["tags"]
    ('A.', 'tea', 'T', [])
    """
    source = claim.source
    return {
        "title": claim.title,
        "label": claim.label,
        "text": claim.text,
        "perspective": claim.perspective,
        "kind": claim.kind,
        "quote": claim.quote,
        "tags": list(claim.tags),
        "note": claim.note,
        "asserted": claim.asserted,
        "answers": [{"question": a.question, "position": a.position} for a in claim.answers],
        "source_title": source.title if source else None,
        "source_author": source.author if source else None,
        "source_url": source.url if source else None,
        "file": claim.position.path if claim.position else None,
        "line": claim.position.line if claim.position else None,
    }


def claim_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The claim graph: one node per claim, one edge per relation.

    The graph's own attributes hold the map's ``title``, ``description``,
    ``perspectives`` (id → label) and ``questions`` (id → its fields). Nodes
    carry the claim's fields (and its ``label``: the title, or a short cut of
    the text; ``answers``: the questions it answers); edges carry ``kind``,
    ``note``, ``basis`` (``stated`` or ``inferred``, the default resolved),
    ``issue`` and ``mutual``. ``ArgumentMap.graph`` is this view.

    An undercut is an objection to a support, not to a claim, so it is no
    edge of its own: the support edge it undercuts lists the objecting claims
    in ``undercut_by``, and ``graph.graph["undercuts"]`` lists each undercut
    (``source``, ``reason``, ``conclusion``, ``note``, ``basis``, ``issue``).

    >>> import argmap
    >>> g = argmap.loads('''
    ... title: Tea?
    ... perspectives: {tea: {label: Tea drinkers}}
    ... ---
    ... perspective: tea
    ... claims:
    ...   - {id: best, text: Tea is best.}
    ...   - {id: calm, text: Tea calms., supports: [{to: best, note: Calm is good.}]}
    ... ''').graph
    >>> g.graph["title"], g.graph["perspectives"]
    ('Tea?', {'tea': 'Tea drinkers'})
    >>> g.edges["calm", "best"]
    {'kind': 'supports', 'note': 'Calm is good.', 'basis': 'stated', 'issue': None, 'mutual': False}
    >>> g = argmap.loads('''
    ... perspective: tea
    ... claims:
    ...   - {id: best, text: Tea is best.}
    ...   - {id: calm, text: Tea calms., supports: [best]}
    ...   - {id: so, text: Calm is beside the point., contradicts: [{support: [calm, best]}]}
    ... ''').graph
    >>> g.edges["calm", "best"]["undercut_by"], g.graph["undercuts"][0]["source"]
    (['so'], 'so')
    """
    graph: nx.DiGraph = nx.DiGraph(
        title=argument_map.title,
        description=argument_map.description,
        summary=argument_map.summary,
        perspectives={p.id: p.label for p in argument_map.perspectives.values()},
        questions={q.id: {"text": q.text, "issue": q.issue, "positions": list(q.positions), "note": q.note}
                   for q in argument_map.questions.values()},
        undercuts=[],
    )
    graph.add_nodes_from(
        (claim.id, claim_attributes(claim)) for claim in argument_map.claims.values()
    )
    basis_of = argument_map.basis_of
    graph.add_edges_from(
        (r.source, r.target, {"kind": r.kind, "note": r.note, "basis": basis_of(r), "issue": r.issue,
                              "mutual": r.mutual})
        for r in argument_map.relations()
    )
    for u in argument_map.undercuts():
        graph.edges[u.reason, u.conclusion].setdefault("undercut_by", []).append(u.source)
        graph.graph["undercuts"].append({"source": u.source, "reason": u.reason, "conclusion": u.conclusion,
                                         "note": u.note, "basis": basis_of(u), "issue": u.issue})
    return graph


ArgumentMap.claim_graph_builder = claim_graph


def relation_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """Every claim id as a node and every relation as an edge, its ``relation`` attribute the relation itself.

    What the walking queries (support trees, neighbourhoods, paths) need,
    built in half the time of :func:`claim_graph`, which copies every field
    into attributes (1.2 s against 2.4 s for 100,000 claims).

    >>> import argmap
    >>> g = argmap.example_map().view(relation_graph)
    >>> g.edges["cof.alert", "tea.gentle"]["relation"].note, dict(g.nodes["tea.best"])
    ('A gentle start is a slow start.', {})
    """
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(argument_map.claims)
    graph.add_edges_from((r.source, r.target, {"relation": r}) for r in argument_map.relations())
    return graph


def edges_of_kind(argument_map: ArgumentMap, kind: str) -> Iterator[tuple[str, str]]:
    """Each ``kind`` relation as (source, target), in file order: the edges of :func:`attack_graph` and
    :func:`support_graph`, for other graph types too. A ``mutual`` contradiction is two attacks, one each
    way (the reverse right after it), unless the map writes the reverse too.

    >>> import argmap
    >>> list(edges_of_kind(argmap.example_map(), "contradicts"))
    [('cof.best', 'tea.best'), ('cof.alert', 'tea.gentle')]
    >>> m = argmap.loads("perspective: t\\nclaims:\\n  - {id: a, text: A.}\\n"
    ...                  "  - {id: b, text: B., contradicts: [{to: a, mutual: true}]}\\n")
    >>> list(edges_of_kind(m, "contradicts"))
    [('b', 'a'), ('a', 'b')]
    """
    return ((r.source, r.target) for r in both_ways(argument_map.relations()) if r.kind == kind)


def both_ways(relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` as they are read: each ``mutual`` contradiction followed by its reverse, unless that is
    written too. The map lists a mutual contradiction once; its claims each attack the other.

    >>> import argmap
    >>> m = argmap.loads("perspective: t\\nclaims:\\n  - {id: a, text: A.}\\n"
    ...                  "  - {id: b, text: B., contradicts: [{to: a, mutual: true}]}\\n")
    >>> [(r.source, r.target, r.mutual) for r in both_ways(m.relations())]
    [('b', 'a', True), ('a', 'b', True)]
    """
    given = list(relations)
    if not any(r.mutual for r in given):  # most maps: read as written, no set of every contradiction built
        return given
    written = {(r.source, r.target) for r in given if r.kind == "contradicts"}
    read: list[Relation] = []
    for r in given:
        read.append(r)
        if r.mutual and (r.target, r.source) not in written:
            read.append(dataclasses.replace(r, source=r.target, target=r.source))
    return read


def attack_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The map's claims as arguments and its ``contradicts`` edges as attacks.

    >>> import argmap
    >>> m = argmap.loads('''
    ... perspective: tea
    ... claims:
    ...   - {id: a, text: Tea is best., contradicts: [b]}
    ...   - {id: b, text: Coffee is best., supports: [a]}
    ... ''')
    >>> sorted(attack_graph(m).nodes), sorted(attack_graph(m).edges)
    (['a', 'b'], [('a', 'b')])
    """
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(argument_map.claims)
    graph.add_edges_from(edges_of_kind(argument_map, "contradicts"))
    return graph


def support_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """Every ``supports`` edge, reason → conclusion, across all perspectives.

    Only claims that take part in some ``supports`` edge are nodes.

    >>> import argmap
    >>> m = argmap.loads('''
    ... perspective: tea
    ... claims:
    ...   - {id: a, text: Tea is best.}
    ...   - {id: b, text: Tea calms., supports: [a]}
    ...   - {id: c, text: Coffee is best., contradicts: [a]}
    ... ''')
    >>> sorted(support_graph(m).edges)
    [('b', 'a')]
    """
    return nx.DiGraph(list(edges_of_kind(argument_map, "supports")))


def side_claims(argument_map: ArgumentMap) -> dict[str, list[str]]:
    """Each perspective's claim ids in file order, as every side view lists them.

    >>> import argmap
    >>> side_claims(argmap.example_map())["tea"]
    ['tea.best', 'tea.gentle', 'tea.theanine', 'tea.ritual']
    """
    members: dict[str, list[str]] = {perspective: [] for perspective in argument_map.perspectives}
    for claim in argument_map.claims.values():
        members.setdefault(claim.perspective, []).append(claim.id)
    return {perspective: members[perspective] for perspective in argument_map.perspectives}


def side_heads(argument_map: ArgumentMap) -> dict[str, list[str]]:
    """Each perspective's theses; for a side with none, its objections to another side's case.

    A side's case is measured toward these. One side often has no thesis of
    its own: Kialo's camp against the thesis, a speaker of an AIF dialogue
    who only objects. Its case is then its objections: the asserted claims
    that contradict (or undercut a support of) another side's thesis or one
    of that thesis's reasons; its other claims are reasons for them.

    >>> import argmap
    >>> m = argmap.loads("title: T\\nperspectives: {pro: {}, con: {}}\\n---\\nperspective: pro\\nclaims:\\n"
    ...                  "  - {id: t, text: Tea is best., kind: thesis}\\n  - {id: p, text: Tea calms., supports: [t]}\\n"
    ...                  "---\\nperspective: con\\nclaims:\\n  - {id: o, text: Tea is bitter., contradicts: [t]}\\n"
    ...                  "  - {id: q, text: Not for all., contradicts: [p]}\\n  - {id: r, text: Tannin., supports: [o]}\\n")
    >>> side_heads(m)
    {'pro': ['t'], 'con': ['o', 'q']}
    """
    claims = argument_map.claims
    heads: dict[str, list[str]] = {p: [] for p in argument_map.perspectives}
    for claim in claims.values():
        if claim.kind == "thesis":
            heads.setdefault(claim.perspective, []).append(claim.id)
    without = {p for p, ids in heads.items() if not ids}
    if not without or len(without) == len(heads):
        return heads
    # The other sides' cases: their theses and every claim with an own-side support path to one.
    graphs = argument_map.view(side_support_graphs)
    case: set[str] = set()
    for perspective, ids in heads.items():
        graph = graphs.get(perspective)
        for thesis in ids:
            case.add(thesis)
            if graph is not None and thesis in graph:
                case |= nx.ancestors(graph, thesis)
    for claim in claims.values():
        if claim.perspective in without and claim.asserted and (
                any(r.kind == "contradicts" and r.target in case for r in claim.relations)
                or any(u.reason in case or u.conclusion in case for u in claim.undercuts)):
            heads[claim.perspective].append(claim.id)
    return heads


def side_support_graphs(argument_map: ArgumentMap) -> dict[str, nx.DiGraph]:
    """For each perspective, its claims and the ``supports`` edges among them.

    Every claim of the side is a node, in file order; edges keep file order.

    >>> import argmap
    >>> m = argmap.loads('''
    ... title: Tea or coffee?
    ... perspectives: {tea: {}, coffee: {}}
    ... ---
    ... perspective: tea
    ... claims:
    ...   - {id: t, text: Tea is best.}
    ...   - {id: t2, text: Tea calms., supports: [t]}
    ... ---
    ... perspective: coffee
    ... claims:
    ...   - {id: c, text: Tea is fine too., supports: [t]}
    ... ''')
    >>> {side: sorted(g.edges) for side, g in side_support_graphs(m).items()}
    {'tea': [('t2', 't')], 'coffee': []}
    """
    claims = argument_map.claims
    graphs = {}
    for perspective, ids in side_claims(argument_map).items():
        graph: nx.DiGraph = nx.DiGraph()
        graph.add_nodes_from(ids)
        graph.add_edges_from((r.source, r.target) for i in ids for r in claims[i].relations
                             if r.kind == "supports" and claims[r.target].perspective == perspective)
        graphs[perspective] = graph
    return graphs


@dataclass(frozen=True)
class IndexedSupports:
    """Claims and the ``supports`` among them, each claim named by its index in ``claims``.

    The form the whole-side walks take (dominator trees, reachability),
    which run on :mod:`rustworkx` graphs of indices, not on networkx graphs
    of claim ids: on a 100,000-claim map, building a side's networkx graph
    and its dominator tree took about 0.8 s, the rustworkx ones 0.08 s.
    """

    claims: list[str]  # claim ids, in file order
    supports: list[tuple[int, int]]  # (reason, conclusion) indices, in file order

    def graph(self) -> rx.PyDiGraph:
        """A rustworkx graph of these supports, reason → conclusion; node ``i`` is ``claims[i]``.

        >>> IndexedSupports(["a", "b"], [(1, 0)]).graph().edge_list()
        EdgeList[(1, 0)]
        """
        graph = rx.PyDiGraph(multigraph=False)
        graph.add_nodes_from(range(len(self.claims)))
        graph.extend_from_edge_list(self.supports)
        return graph

    def toward_reasons(self) -> tuple[rx.PyDiGraph, int]:
        """The supports walked from conclusions to reasons, under one root above every conclusion.

        Returns the graph, with an edge ``(conclusion, reason)`` for each
        support, and its root: node ``len(claims)``, with an edge to every
        claim that supports nothing. Nothing leads back to the root. Edges
        are added last first, because rustworkx lists a node's newest edge
        first: walks then take a node's reasons in file order, as networkx's
        walks of the same graph would.

        >>> graph, root = IndexedSupports(["thesis", "a", "b"], [(1, 0), (2, 0)]).toward_reasons()
        >>> root, list(graph.successor_indices(root)), list(graph.successor_indices(0))
        (3, [0], [1, 2])
        """
        root = len(self.claims)
        graph = rx.PyDiGraph(multigraph=False)
        graph.add_nodes_from(range(root + 1))
        reasons = {reason for reason, _ in self.supports}
        graph.extend_from_edge_list([(root, claim) for claim in reversed(range(root)) if claim not in reasons])
        graph.extend_from_edge_list([(conclusion, reason) for reason, conclusion in reversed(self.supports)])
        return graph, root


def side_supports(argument_map: ArgumentMap) -> dict[str, IndexedSupports]:
    """For each perspective, its claims and the ``supports`` among them, as :class:`IndexedSupports`.

    >>> import argmap
    >>> tea = argmap.example_map().view(side_supports)["tea"]
    >>> [(tea.claims[a], tea.claims[b]) for a, b in tea.supports]
    [('tea.gentle', 'tea.best'), ('tea.theanine', 'tea.gentle'), ('tea.ritual', 'tea.best')]
    """
    claims = argument_map.claims
    sides = {}
    for perspective, ids in side_claims(argument_map).items():
        index = {claim_id: i for i, claim_id in enumerate(ids)}
        sides[perspective] = IndexedSupports(ids, [(index[r.source], index[r.target]) for i in ids
                                                   for r in claims[i].relations
                                                   if r.kind == "supports" and r.target in index])
    return sides


def all_supports(argument_map: ArgumentMap) -> IndexedSupports:
    """Every claim of the map and every ``supports`` edge, across perspectives too, both in file order.

    >>> import argmap
    >>> every = all_supports(argmap.example_map())
    >>> len(every.claims), [(every.claims[a], every.claims[b]) for a, b in every.supports][-1]
    (8, ('cof.ritual', 'tea.ritual'))
    """
    index = {claim_id: i for i, claim_id in enumerate(argument_map.claims)}
    return IndexedSupports(list(index), [(index[r.source], index[r.target]) for r in argument_map.relations()
                                         if r.kind == "supports" and r.target in index])


def joined_supports(sides: dict[str, IndexedSupports], cross: Iterable[Relation]) -> IndexedSupports:
    """The sides' claims one after another, with their own supports and the ``supports`` in ``cross`` among them.

    What :func:`side_supports` and :func:`cross_relations` hold, joined
    without another pass over every relation of the map.

    >>> import argmap
    >>> m = argmap.example_map()
    >>> every = joined_supports(side_supports(m), cross_relations(m))
    >>> len(every.claims), [(every.claims[a], every.claims[b]) for a, b in every.supports][-1]
    (8, ('cof.ritual', 'tea.ritual'))
    """
    claims: list[str] = []
    supports: list[tuple[int, int]] = []
    for own in sides.values():
        offset = len(claims)
        claims += own.claims
        supports += [(reason + offset, conclusion + offset) for reason, conclusion in own.supports]
    index = {claim_id: i for i, claim_id in enumerate(claims)}
    supports += [(index[r.source], index[r.target]) for r in cross
                 if r.kind == "supports" and r.source in index and r.target in index]
    return IndexedSupports(claims, supports)


def undirected_relations(argument_map: ArgumentMap) -> tuple[dict[str, int], rx.PyGraph]:
    """Every relation as an undirected rustworkx edge, and each claim id's node (claims in file order).

    For walks that ignore direction from one claim: building it takes a
    fifth of the time networkx takes for :func:`relation_graph`.

    >>> import argmap
    >>> index, graph = undirected_relations(argmap.example_map())
    >>> index["tea.best"], sorted(graph.neighbors(index["tea.best"]))
    (0, [1, 3, 4])
    """
    index = {claim_id: i for i, claim_id in enumerate(argument_map.claims)}
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(len(index)))
    graph.extend_from_edge_list([(index[r.source], index[r.target]) for r in argument_map.relations()
                                 if r.target in index])
    return index, graph


def cross_relations(argument_map: ArgumentMap) -> list[Relation]:
    """The relations whose two claims belong to different perspectives, in file order.

    >>> import argmap
    >>> [(r.source, r.kind, r.target) for r in cross_relations(argmap.example_map())]
    [('cof.best', 'contradicts', 'tea.best'), ('cof.alert', 'contradicts', 'tea.gentle'), \
('cof.ritual', 'supports', 'tea.ritual')]
    """
    perspective_of = {claim_id: claim.perspective for claim_id, claim in argument_map.claims.items()}
    return [r for claim in argument_map.claims.values() for own in (claim.perspective,) for r in claim.relations
            if perspective_of[r.target] != own]


#: What XML 1.0 cannot carry, not even as a character reference.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _portable(owner: str, attributes: dict[str, object]) -> dict[str, object]:
    """Scalar attributes XML can carry: no ``None``, tags as JSON, XML-less characters dropped with a warning."""
    flat = {}
    for key, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, (list, dict)):  # tags, answers, undercut_by; the map's perspectives and questions
            if not value:
                continue
            value = json.dumps(value, ensure_ascii=False)
        if isinstance(value, str) and NOT_XML.search(value):
            value, count = NOT_XML.subn("", value)
            warnings.warn(f"{owner}: {key}: dropped {count} control character{'s' if count > 1 else ''} "
                          "that XML cannot carry", LossyExport, stacklevel=3)
        flat[key] = value
    return flat


def portable_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The claim graph with only what GraphML and GEXF can carry.

    Lists and mappings (``tags``, ``answers``, ``undercut_by``, the graph's
    ``perspectives``, ``questions`` and ``undercuts``) become JSON in a string, empty ones
    and empty (``None``) values are left out, since neither format
    has lists or nulls. XML 1.0 cannot carry most control characters, so they
    are dropped, each time with a :class:`~argmap.errors.LossyExport` warning
    that names the claim. Everything else is kept as it is.

    >>> import argmap, warnings
    >>> g = portable_graph(argmap.loads("perspective: tea\\nclaims: [{id: a, text: A., tags: [core]}]"))
    >>> g.nodes["a"]["tags"], "kind" in g.nodes["a"]
    ('["core"]', False)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     g = portable_graph(argmap.loads('perspective: tea\\nclaims: [{id: a, text: "bell\\\\a"}]'))
    >>> g.nodes["a"]["text"], [str(w.message) for w in caught if ": text:" in str(w.message)]
    ('bell', ["claim 'a': text: dropped 1 control character that XML cannot carry"])
    """
    source = argument_map.graph
    graph: nx.DiGraph = nx.DiGraph()
    graph.graph.update(_portable("the map", source.graph))
    for node, attributes in source.nodes(data=True):
        graph.add_node(node, **_portable(f"claim '{node}'", attributes))
    for a, b, attributes in source.edges(data=True):
        graph.add_edge(a, b, **_portable(f"relation {a} → {b}", attributes))
    return graph
