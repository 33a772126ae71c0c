"""AIF JSON (AIFdb, OVA): claims as I-nodes, relations as RA and CA nodes.

Writing keeps every argmap field: what AIF has no place for rides in an
``argmap`` object that AIF tools ignore. Reading takes one nodeset, or a
folder of them (one claims file each).

>>> import argmap, json, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "tea.json"
>>> _ = path.write_text(write_aif(argmap.example_map()))
>>> again = read_aif(path)
>>> sorted(again.manifest["perspectives"])
['coffee', 'tea']
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import MapError, Position, Problem
from ..model import ArgumentMap
from .format import Format
from .imported import Imported, MapBuilder, slug


def aif_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map in AIF JSON, with AIFdb's field names.

    Claims become I-nodes (their ids kept as ``nodeID``); each ``supports``
    edge becomes an RA node and each ``contradicts`` edge a CA node;
    perspectives become participants, who assert their claims through L- and
    YA-nodes and ``locutions``. Fields AIF has no place for (kind, quote, tags,
    notes, sources) travel in an ``argmap`` object that AIF tools ignore.

    >>> import argmap
    >>> aif = aif_data(argmap.example_map())
    >>> sorted({node["type"] for node in aif["nodes"]})
    ['CA', 'I', 'L', 'RA', 'YA']
    >>> [p["surname"] for p in aif["participants"]]
    ['tea', 'coffee']
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
                                                ("note", c.note), ("source", c.source.as_dict() if c.source else None))
                              if v is not None} for c in argument_map.claims.values()},
            "notes": notes,
        },
    }


def write_aif(argument_map: ArgumentMap) -> str:
    """The map as indented AIF JSON."""
    return json.dumps(aif_data(argument_map), indent=2, ensure_ascii=False) + "\n"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise MapError([Problem(Position(str(path), error.lineno, error.colno), f"invalid JSON: {error.msg}")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise MapError([Problem(Position(str(path), 1, 1), f"cannot read file: {error}")]) from None


def _check_aif(path: Path, data: Any) -> None:
    problems = []
    where = Position(str(path), 1, 1)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise MapError([Problem(where, "not AIF JSON: expected an object with 'nodes' and 'edges' lists")])
    for index, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "nodeID" not in node or "type" not in node:
            problems.append(Problem(where, f"nodes[{index}] needs a nodeID and a type"))
    for index, edge in enumerate(data["edges"]):
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            problems.append(Problem(where, f"edges[{index}] needs a fromID and a toID"))
    if problems:
        raise MapError(problems)


def _aif_nodeset(builder: MapBuilder, path: Path, data: dict[str, Any], prefix: str | None, default_perspective: str,
                 perspectives: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]]) -> None:
    ours = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
    nodes = {str(n["nodeID"]): n for n in data["nodes"]}
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for edge in data["edges"]:
        incoming[str(edge["toID"])].append(str(edge["fromID"]))
        outgoing[str(edge["fromID"])].append(str(edge["toID"]))

    # Perspectives: participants who assert claims through L -> YA -> I.
    participants = {str(p.get("participantID")): p for p in data.get("participants") or [] if isinstance(p, dict)}
    speaker = {str(l.get("nodeID")): str(l.get("personID")) for l in data.get("locutions") or [] if isinstance(l, dict)}

    def perspective_of(node_id: str) -> str:
        for ya in incoming[node_id]:
            for locution in incoming[ya]:
                person = participants.get(speaker.get(locution, ""))
                if person:
                    pid = slug(str(person.get("surname") or f"participant-{person.get('participantID')}"))
                    label = str(person.get("firstname") or "").strip() or pid
                    perspectives.setdefault(pid, {"label": label})
                    return pid
        perspectives.setdefault(default_perspective, {"label": default_perspective})
        return default_perspective

    def claim_id(node_id: str) -> str:
        return builder.id_for(f"{prefix}.{node_id}" if prefix else node_id)

    for pid, info in (ours.get("perspectives") or {}).items():
        perspectives.setdefault(pid, {k: v for k, v in info.items() if k in ("label", "color")})
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        perspective = perspective_of(node_id)
        if prefix:
            suffix = "" if perspective == default_perspective else f"-{perspective}"
            file_name = f"{slug(prefix)}{suffix}.yaml"
        else:
            file_name = f"{perspective}.yaml"
        extra = (ours.get("claims") or {}).get(node_id, {})
        if extra.get("source"):
            sources.setdefault(file_name, extra["source"])
        elif prefix:
            sources.setdefault(file_name, {"title": path.name})
        builder.claim(claim_id(node_id), node.get("text") or "", perspective, file_name,
                      kind=extra.get("kind"), quote=extra.get("quote"), tags=extra.get("tags"), note=extra.get("note"))

    notes = ours.get("notes") or {}
    for node_id, node in nodes.items():
        if node["type"] not in ("RA", "CA"):
            continue
        kind = "supports" if node["type"] == "RA" else "contradicts"
        sources_in = [s for s in incoming[node_id] if nodes.get(s, {}).get("type") == "I"]
        targets = [t for t in outgoing[node_id] if nodes.get(t, {}).get("type") == "I"]
        for t in outgoing[node_id]:  # an attack on an inference lands on its conclusion
            if nodes.get(t, {}).get("type") == "RA":
                targets += [c for c in outgoing[t] if nodes.get(c, {}).get("type") == "I"]
        note = notes.get(node_id)
        if note is None and len(sources_in) > 1:
            together = ", ".join(claim_id(s) for s in sources_in)
            note = f"Linked argument {node_id}: {together} support this together."
        for source in sources_in:
            for target in targets:
                builder.relate(claim_id(source), kind, claim_id(target), note)


def read_aif(path: str | os.PathLike[str]) -> Imported:
    """Import one AIF JSON file, or a directory of nodesets (one claims file each).

    >>> import tempfile, pathlib, json
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "n.json"
    >>> _ = f.write_text(json.dumps({"nodes": [
    ...     {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
    ...     {"nodeID": "3", "text": "RA", "type": "RA"}],
    ...     "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"}]}))
    >>> imported = read_aif(f)
    >>> imported.files["n.yaml"]["claims"][0]
    {'id': '1', 'text': 'A', 'supports': ['2']}
    """
    source = Path(path)
    paths = sorted(source.glob("*.json")) if source.is_dir() else [source]
    if not paths:
        raise MapError([Problem(Position(str(source), 1, 1), "no *.json nodesets in this directory")])
    builder = MapBuilder()
    perspectives: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    title = None
    description = None
    for nodeset in paths:
        data = _read_json(nodeset)
        _check_aif(nodeset, data)
        ours = data.get("argmap") if isinstance(data.get("argmap"), dict) else {}
        title = title or ours.get("title")
        description = description or ours.get("description")
        prefix = nodeset.stem if source.is_dir() else None
        default_perspective = slug(source.name if source.is_dir() else source.stem.split(".")[0])
        _aif_nodeset(builder, nodeset, data, prefix, default_perspective, perspectives, sources)
    manifest: dict[str, Any] = {"title": title or f"Imported from {source.name}"}
    if description:
        manifest["description"] = description
    manifest["perspectives"] = perspectives or {"aif": {"label": source.stem}}
    return Imported(manifest, builder.files(sources), builder.renamed)


FORMAT = Format("aif", ".aif.json", "AIFdb, OVA", write=write_aif, read=read_aif)
