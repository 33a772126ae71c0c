"""Write a map in other tools' formats: GraphML, GEXF, node-link JSON, AIF,
Argdown, Mermaid and Graphviz DOT. Every export is deterministic.

>>> import argmap
>>> text = export_text(argmap.load("claims"), "argdown")
>>> text.splitlines()[4].startswith("[svc.relationship-harmful]: The idea of a healing")
True
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx

from .files import write_atomically
from .model import ArgumentMap

def portable_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The claim graph with only scalar attributes, for GraphML and GEXF.

    ``tags`` become a JSON list in a string, the graph's ``perspectives`` a
    JSON object, and empty (``None``) values are left out, since neither format
    has lists or nulls. Everything else is kept as it is.

    >>> import argmap
    >>> g = portable_graph(argmap.load("claims"))
    >>> g.nodes["rel.comment-trust"]["tags"]
    '["comment"]'
    """
    source = argument_map.graph
    graph = nx.DiGraph()
    graph.graph.update({k: v for k, v in (("title", source.graph["title"]), ("description", source.graph["description"]),
                                          ("perspectives", json.dumps(source.graph["perspectives"]))) if v is not None})
    for node, attributes in source.nodes(data=True):
        flat = {k: (json.dumps(v) if k == "tags" else v) for k, v in attributes.items() if v is not None}
        graph.add_node(node, **flat)
    for a, b, attributes in source.edges(data=True):
        graph.add_edge(a, b, **{k: v for k, v in attributes.items() if v is not None})
    return graph


_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def _graphml(argument_map: ArgumentMap) -> str:
    return _XML_DECLARATION + "\n".join(nx.generate_graphml(portable_graph(argument_map))) + "\n"


def _gexf(argument_map: ArgumentMap) -> str:
    text = _XML_DECLARATION + "\n".join(nx.generate_gexf(portable_graph(argument_map))) + "\n"
    # GEXF's writer stamps today's date; a fixed file must not change by the day.
    return re.sub(r' lastmodifieddate="[^"]*"', "", text)


def _node_link(argument_map: ArgumentMap) -> str:
    data = nx.node_link_data(argument_map.graph, edges="edges")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def aif_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map in AIF JSON, with AIFdb's field names.

    Claims become I-nodes (their ids kept as ``nodeID``); each ``supports``
    edge becomes an RA node and each ``contradicts`` edge a CA node;
    perspectives become participants, who assert their claims through L- and
    YA-nodes and ``locutions``. Fields AIF has no place for (kind, quote, tags,
    notes, sources) travel in an ``argmap`` object that AIF tools ignore.

    >>> import argmap
    >>> aif = aif_data(argmap.load("claims"))
    >>> sorted({node["type"] for node in aif["nodes"]})
    ['CA', 'I', 'L', 'RA', 'YA']
    >>> [p["surname"] for p in aif["participants"]]
    ['relational', 'professional-service']
    """
    participants = {pid: index for index, pid in enumerate(argument_map.perspectives, 1)}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    for claim in argument_map.claims.values():
        nodes.append({"nodeID": claim.id, "text": claim.text, "type": "I", "timestamp": ""})
        label = argument_map.perspectives[claim.perspective].label
        nodes.append({"nodeID": f"L.{claim.id}", "text": f"{label}: {claim.text}", "type": "L", "timestamp": ""})
        nodes.append({"nodeID": f"YA.{claim.id}", "text": "Asserting", "type": "YA", "timestamp": ""})
        edge(f"L.{claim.id}", f"YA.{claim.id}")
        edge(f"YA.{claim.id}", claim.id)
        locutions.append({"nodeID": f"L.{claim.id}", "personID": participants[claim.perspective], "timestamp": ""})
    notes = {}
    for index, relation in enumerate(argument_map.relations(), 1):
        kind = "RA" if relation.kind == "supports" else "CA"
        node_id = f"{kind}.{index}"
        text = "Default Inference" if kind == "RA" else "Default Conflict"
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": ""})
        edge(relation.source, node_id)
        edge(node_id, relation.target)
        if relation.note:
            notes[node_id] = relation.note
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [{"participantID": number, "firstname": argument_map.perspectives[pid].label, "surname": pid}
                         for pid, number in participants.items()],
        "argmap": {
            "title": argument_map.title,
            "description": argument_map.description,
            "perspectives": {p.id: {"label": p.label, "color": p.color} for p in argument_map.perspectives.values()},
            "claims": {c.id: {k: v for k, v in (("kind", c.kind), ("quote", c.quote), ("tags", list(c.tags) or None),
                                                ("note", c.note), ("source", _source(c)))
                              if v is not None} for c in argument_map.claims.values()},
            "notes": notes,
        },
    }


def _source(claim: Any) -> dict[str, str] | None:
    if claim.source is None:
        return None
    return {k: v for k, v in (("title", claim.source.title), ("author", claim.source.author),
                              ("url", claim.source.url)) if v is not None} or None


def _aif(argument_map: ArgumentMap) -> str:
    return json.dumps(aif_data(argument_map), indent=2, ensure_ascii=False) + "\n"


_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]{}<>#*_`@])")


def argdown_escape(text: str) -> str:
    """Escape characters that mean something in Argdown text.

    >>> argdown_escape("a [b] #c")
    'a \\\\[b\\\\] \\\\#c'
    """
    return _ARGDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _argdown(argument_map: ArgumentMap) -> str:
    header = {"title": argument_map.title}
    if argument_map.description:
        header["description"] = argument_map.description
    header["perspectives"] = {p.id: {"label": p.label, "color": p.color} for p in argument_map.perspectives.values()}
    out = ["===", json.dumps(header, ensure_ascii=False, sort_keys=False), "==="]
    for claim in argument_map.claims.values():
        # Argdown relations carry no data, so their notes ride on the source claim.
        notes = {f"{r.kind} {r.target}": r.note for r in claim.relations if r.note}
        data = {k: v for k, v in (("kind", claim.kind), ("quote", claim.quote), ("tags", list(claim.tags) or None),
                                  ("note", claim.note), ("source", _source(claim)), ("relation_notes", notes or None))
                if v is not None}
        line = f"[{claim.id}]: {argdown_escape(claim.text)} #{claim.perspective}"
        if data:
            line += " " + json.dumps(data, ensure_ascii=False)
        out += ["", line]
        out += [f"  {'+>' if r.kind == 'supports' else '->'} [{r.target}]" for r in claim.relations]
    return "\n".join(out) + "\n"


def mermaid_label(text: str) -> str:
    """Quote text for a Mermaid node label, with entity codes for risky characters.

    >>> mermaid_label('say "hi" <now> #1')
    '"say #34;hi#34; #60;now#62; #35;1"'
    """
    codes = {"#": "#35;", '"': "#34;", "<": "#60;", ">": "#62;", "&": "#38;"}
    return '"' + "".join(codes.get(ch, ch) for ch in " ".join(text.split())) + '"'


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def mermaid_flowchart(argument_map: ArgumentMap, relations: Iterable[tuple[str, str, str]] | None = None, *,
                      direction: str = "BT", wrap: int | None = None) -> list[str]:
    """A Mermaid flowchart, one subgraph per perspective, as lines.

    ``relations`` are ``(source, kind, target)`` triples; by default every
    relation, with every claim. Given a subset, only the claims it touches are
    drawn. ``wrap`` breaks long labels at that many characters.

    >>> import argmap
    >>> m = argmap.load("claims")
    >>> lines = mermaid_flowchart(m, [("svc.relationship-harmful", "contradicts", "rel.relationship-required")])
    >>> lines[0], lines[-1]
    ('flowchart BT', '  n0 -.->|contradicts| n1')
    """
    if relations is None:
        relations = [(r.source, r.kind, r.target) for r in argument_map.relations()]
        shown = list(argument_map.claims)
    else:
        relations = list(relations)
        touched = {claim_id for source, _, target in relations for claim_id in (source, target)}
        shown = [claim_id for claim_id in argument_map.claims if claim_id in touched]
    node = {claim_id: f"n{i}" for i, claim_id in enumerate(shown)}
    out = [f"flowchart {direction}"]
    for index, perspective in enumerate(argument_map.perspectives.values()):
        members = [argument_map.claims[c] for c in shown if argument_map.claims[c].perspective == perspective.id]
        out.append(f"  subgraph p{index}[{mermaid_label(perspective.label)}]")
        out += [f"    {node[c.id]}[{mermaid_label(_wrap(c.text, wrap) if wrap else c.text)}]" for c in members]
        out.append("  end")
        out.append(f"  style p{index} stroke:{perspective.color},stroke-width:3px")
    for source, kind, target in relations:
        arrow = "-->" if kind == "supports" else "-.->"
        out.append(f"  {node[source]} {arrow}|{kind}| {node[target]}")
    return out


def _mermaid(argument_map: ArgumentMap) -> str:
    return "\n".join(mermaid_flowchart(argument_map)) + "\n"


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot(argument_map: ArgumentMap) -> str:
    out = ["digraph argmap {", f"  label={_dot_string(argument_map.title)};", "  rankdir=BT;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    for index, perspective in enumerate(argument_map.perspectives.values()):
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    label={_dot_string(perspective.label)}; color={_dot_string(perspective.color)};")
        for claim in (c for c in argument_map.claims.values() if c.perspective == perspective.id):
            width = ", penwidth=3" if claim.kind == "thesis" else ""
            out.append(f"    {_dot_string(claim.id)} [label={_dot_string(claim.text)}, "
                       f"color={_dot_string(perspective.color)}, fillcolor=white{width}];")
        out.append("  }")
    for relation in argument_map.relations():
        style = 'color="#2e7d32"' if relation.kind == "supports" else 'color="#c62828", style=dashed, arrowhead=tee'
        label = f", tooltip={_dot_string(relation.note)}" if relation.note else ""
        out.append(f"  {_dot_string(relation.source)} -> {_dot_string(relation.target)} [{style}{label}];")
    out.append("}")
    return "\n".join(out) + "\n"


FORMATS: dict[str, tuple[str, Callable[[ArgumentMap], str]]] = {
    "graphml": (".graphml", _graphml),
    "gexf": (".gexf", _gexf),
    "json": (".json", _node_link),
    "aif": (".aif.json", _aif),
    "argdown": (".argdown", _argdown),
    "mermaid": (".mmd", _mermaid),
    "dot": (".dot", _dot),
}


def export_text(argument_map: ArgumentMap, format_name: str) -> str:
    """The map as text in one of :data:`FORMATS`.

    >>> import argmap
    >>> export_text(argmap.load("claims"), "dot").splitlines()[0]
    'digraph argmap {'
    >>> export_text(argmap.load("claims"), "pdf")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'pdf'; choose one of graphml, gexf, json, aif, argdown, mermaid, dot
    """
    try:
        return FORMATS[format_name][1](argument_map)
    except KeyError:
        raise ValueError(f"unknown format '{format_name}'; choose one of {', '.join(FORMATS)}") from None


def write_export(argument_map: ArgumentMap, format_name: str, path: str | os.PathLike[str]) -> Path:
    """Write an export atomically; return the path.

    >>> import argmap, tempfile, pathlib
    >>> path = write_export(argmap.load("claims"), "graphml", pathlib.Path(tempfile.mkdtemp()) / "m.graphml")
    >>> path.read_text().startswith("<?xml")
    True
    """
    return write_atomically(path, export_text(argument_map, format_name))

