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

import html
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

from ..errors import MapError, Position, Problem, excerpt
from ..io.files import read_input
from ..model import ArgumentMap
from .format import Format
from .imported import (Imported, MapBuilder, declared_perspectives, given_questions, load_json, question_record,
                       slug)


#: How many premises of a linked argument its note names.
LINKED_NAMED = 10

def aif_data(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map in AIF JSON, with AIFdb's field names.

    Claims become I-nodes (their ids kept as ``nodeID``); each ``supports``
    edge becomes an RA node and each ``contradicts`` edge a CA node;
    perspectives become participants, who assert their claims through L- and
    YA-nodes and ``locutions``. Fields AIF has no place for (kind, quote, tags,
    notes, sources, the map's questions and the claims' answers to them)
    travel in an ``argmap`` object that AIF tools ignore. An undercut is a CA
    node aimed at the RA node of the support it objects to, as AIF writes one.

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
    notes: dict[str, str] = {}
    details: dict[str, dict[str, str | bool]] = {}
    inference_of: dict[tuple[str, str], str] = {}  # each support's RA node, for the undercuts aimed at it
    for index, relation in enumerate(argument_map.relations(), 1):
        kind = "RA" if relation.kind == "supports" else "CA"
        node_id = f"{kind}.{index}"
        text = "Default Inference" if kind == "RA" else "Default Conflict"
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": ""})
        edge(relation.source, node_id)
        edge(node_id, relation.target)
        if kind == "RA":
            inference_of[relation.source, relation.target] = node_id
        if relation.note:
            notes[node_id] = relation.note
        if relation.basis or relation.issue or relation.mutual:
            details[node_id] = {k: v for k, v in (("basis", relation.basis), ("issue", relation.issue),
                                                  ("mutual", relation.mutual)) if v}
    for index, undercut in enumerate(argument_map.undercuts(), 1):  # a CA node aimed at the RA node: AIF's undercut
        node_id = f"CA.u{index}"
        nodes.append({"nodeID": node_id, "text": "Default Conflict", "type": "CA", "timestamp": ""})
        edge(undercut.source, node_id)
        edge(node_id, inference_of[undercut.support])
        if undercut.note:
            notes[node_id] = undercut.note
        if undercut.basis or undercut.issue:
            details[node_id] = {k: v for k, v in (("basis", undercut.basis), ("issue", undercut.issue)) if v}
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [{"participantID": number, "firstname": argument_map.perspectives[pid].label, "surname": pid}
                         for pid, number in participants.items()],
        "argmap": {
            "title": argument_map.title,
            "description": argument_map.description,
            "summary": argument_map.summary,
            "perspectives": {p.id: {"label": p.label, "color": p.color} for p in argument_map.perspectives.values()},
            "claims": {c.id: {k: v for k, v in (("title", c.title), ("kind", c.kind), ("quote", c.quote),
                                                ("tags", list(c.tags) or None), ("note", c.note),
                                                ("asserted", None if c.asserted else False),
                                                ("source", c.source.as_dict() if c.source else None),
                                                ("answers", [{"question": a.question, "position": a.position}
                                                             for a in c.answers] or None))
                              if v is not None} for c in argument_map.claims.values()},
            "questions": [question_record(q) for q in argument_map.questions.values()],
            "notes": notes,
            "relations": details,
        },
    }


def write_aif(argument_map: ArgumentMap) -> str:
    """The map as indented AIF JSON."""
    return json.dumps(aif_data(argument_map), indent=2, ensure_ascii=False) + "\n"


def _read_json(path: Path) -> Any:
    problems: list[Problem] = []
    raw = read_input(path, str(path), problems, what="the file to import")
    if raw is None:
        raise MapError(problems)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MapError([Problem(Position(str(path), 1, 1), "file is not valid UTF-8", "save it as UTF-8")]) from None
    return load_json(text, str(path))


def _id(value: Any) -> str | None:
    """A node or person id as AIF writes them: a string or a whole number."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _clean_nodeset(path: Path, data: Any) -> dict[str, Any]:
    """The nodeset with every value of the type argmap uses, or positioned problems.

    Nodes and edges that cannot be read are errors. Optional parts of the
    wrong shape (locutions, participants, argmap's own extras) are left out,
    so that whatever is written passes ``argmap check``.
    """
    where = Position(str(path), 1, 1)
    text, ova = None, False
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict) and "nodes" not in data:
        # xAIF, as AIFdb and OVA3 write it today: the nodeset in "AIF", its original text beside it,
        # and OVA's drawing (positions, colours), which a map has no place for.
        text, ova = _text(data.get("text")), "OVA" in data
        data = data["AIF"]
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise MapError([Problem(where, "not AIF JSON: expected an object with 'nodes' and 'edges' lists, or "
                                       "xAIF's 'AIF' object holding them")])
    problems = []
    nodes: dict[str, dict[str, Any]] = {}
    for index, node in enumerate(data["nodes"]):
        node_id = _id(node.get("nodeID")) if isinstance(node, dict) else None
        kind = node.get("type") if isinstance(node, dict) else None
        if node_id is None or not isinstance(kind, str):
            problems.append(Problem(where, f"nodes[{index}] needs a nodeID and a type (the id a string or a number)"))
        elif node_id in nodes:
            problems.append(Problem(where, f"nodes[{index}] repeats the nodeID {excerpt(node_id)!r}"))
        else:
            nodes[node_id] = {"type": kind, "text": node.get("text") if isinstance(node.get("text"), str) else "",
                              "scheme": _text(node.get("scheme"))}
    edges = []
    for index, edge in enumerate(data["edges"]):
        ends = (_id(edge.get("fromID")), _id(edge.get("toID"))) if isinstance(edge, dict) else (None, None)
        if None in ends:
            problems.append(Problem(where, f"edges[{index}] needs a fromID and a toID (strings or numbers)"))
        else:
            edges.append(ends)
    if problems:
        raise MapError(problems)

    def records(key: str) -> list[dict[str, Any]]:
        value = data.get(key)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    participants = {pid: {"surname": _text(p.get("surname")), "firstname": _text(p.get("firstname"))}
                    for p in records("participants") if (pid := _id(p.get("participantID"))) is not None}
    speakers = {node: person for loc in records("locutions")
                if (node := _id(loc.get("nodeID"))) is not None
                and (person := _id(loc.get("personID", loc.get("participantID")))) is not None}
    def mapping(value: Any) -> dict[str, Any]:
        return {k: v for k, v in value.items() if isinstance(k, str)} if isinstance(value, dict) else {}

    ours = mapping(data.get("argmap"))

    extras = {}
    for claim_id, extra in mapping(ours.get("claims")).items():
        extra = mapping(extra)
        tags = extra.get("tags")
        extras[claim_id] = {
            "kind": extra.get("kind"), "title": extra.get("title"), "asserted": extra.get("asserted"),
            "quote": _text(extra.get("quote")), "note": _text(extra.get("note")),
            "tags": [t for t in tags if _text(t)] if isinstance(tags, list) else None,
            "answers": extra.get("answers"),
            "source": {k: v for k, v in mapping(extra.get("source")).items()
                       if k in ("title", "author", "url") and _text(v)} or None,
        }
    declared = declared_perspectives(ours)
    return {"nodes": nodes, "edges": edges, "participants": participants, "speakers": speakers,
            "title": _text(ours.get("title")), "description": _text(ours.get("description")),
            "summary": _text(ours.get("summary")),
            "relations": {k: mapping(v) for k, v in mapping(ours.get("relations")).items()},
            "claims": extras, "perspectives": declared, "questions": ours.get("questions"),
            "notes": {k: v for k, v in mapping(ours.get("notes")).items() if _text(v)},
            "text": _plain_text(text) if text else None, "ova": ova}


def _plain_text(text: str) -> str:
    """xAIF's original text as plain text: OVA3 writes it as HTML, with a <span> around each locution.

    >>> _plain_text("<p><span class='highlighted'>Tea calms</span> &amp; soothes.</p><br>More.")
    'Tea calms & soothes.\\n\\nMore.'
    """
    lines = re.sub(r"(?i)<br\s*/?>|</p>", "\n", text)
    return html.unescape(re.sub(r"<[^>]*>", "", lines)).strip()


def _aif_nodeset(builder: MapBuilder, path: Path, data: dict[str, Any], prefix: str | None, default_perspective: str,
                 perspectives: dict[str, dict[str, Any]], sources: dict[str, dict[str, Any]],
                 warnings: list[str]) -> None:
    place = _node_places(path)
    nodes: dict[str, dict[str, Any]] = data["nodes"]
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for source_id, target_id in data["edges"]:
        incoming[target_id].append(source_id)
        outgoing[source_id].append(target_id)

    # Perspectives: participants who assert claims through L -> YA -> I.
    participants, speakers = data["participants"], data["speakers"]

    def perspective_of(node_id: str) -> str:
        for ya in incoming[node_id]:
            for locution in incoming[ya]:
                person_id = speakers.get(locution)
                if person_id is None:
                    continue
                if person_id in participants:
                    person = participants[person_id]
                    pid = slug(person["surname"] or f"participant-{person_id}")
                    perspectives.setdefault(pid, {"label": person["firstname"] or pid})
                    return pid
                # No participants list (as in AIFdb dialogues): the speaker is the locution's personID,
                # named by the "XY : ..." prefix of its text where there is one.
                pid = slug(f"speaker-{person_id}")
                prefix_text = nodes.get(locution, {}).get("text", "").partition(" : ")
                label = prefix_text[0].strip() if prefix_text[1] and 0 < len(prefix_text[0].strip()) <= 30 else ""
                perspectives.setdefault(pid, {"label": f"Speaker {label or person_id}"})
                return pid
        perspectives.setdefault(default_perspective, {"label": default_perspective})
        return default_perspective

    def illocutions(node_id: str) -> list[str]:
        """The illocutions (YA schemes) through which the claim was put forward, as tags."""
        names = [nodes[ya]["scheme"] or nodes[ya]["text"] for ya in incoming[node_id]
                 if nodes.get(ya, {}).get("type") == "YA"]
        return list(dict.fromkeys(slug(n).lower() for n in names if n and n.strip()))

    def claim_id(node_id: str) -> str:
        return builder.id_for(f"{prefix}.{node_id}" if prefix else node_id)

    for pid, info in data["perspectives"].items():
        perspectives.setdefault(pid, info)
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        perspective = perspective_of(node_id)
        if prefix:
            suffix = "" if perspective == default_perspective else f"-{perspective}"
            file_name = f"{slug(prefix)}{suffix}.yaml"
        else:
            file_name = f"{perspective}.yaml"
        extra = data["claims"].get(node_id, {})
        if extra.get("source"):
            sources.setdefault(file_name, extra["source"])
        elif prefix or data["text"]:
            sources.setdefault(file_name, {"title": path.name})
        if data["text"]:  # xAIF's original text, written beside the claims: their quotes check against it
            sources[file_name].setdefault("text", source_text_name(path))
        if node_id not in data["claims"] and (said := illocutions(node_id)):  # argmap's own export carries its tags
            extra = {**extra, "tags": said}
        builder.claim(claim_id(node_id), node["text"], perspective, file_name, **extra)

    for node_id, node in nodes.items():
        if node["type"] not in ("RA", "CA"):
            continue
        kind = "supports" if node["type"] == "RA" else "contradicts"
        sources_in = [s for s in incoming[node_id] if nodes.get(s, {}).get("type") == "I"]
        targets = [t for t in outgoing[node_id] if nodes.get(t, {}).get("type") == "I"]
        details = data["relations"].get(node_id, {})
        for t in outgoing[node_id]:
            aimed = nodes.get(t, {}).get("type")
            if kind == "contradicts" and aimed == "RA":  # an undercut: the premises do not support the conclusion
                premises = [p for p in incoming[t] if nodes.get(p, {}).get("type") == "I"]
                conclusions = [c for c in outgoing[t] if nodes.get(c, {}).get("type") == "I"]
                for source in sources_in:
                    for premise in premises:
                        for conclusion in conclusions:
                            builder.undercut(claim_id(source), claim_id(premise), claim_id(conclusion),
                                             data["notes"].get(node_id), basis=details.get("basis"))
            elif kind == "contradicts" and aimed == "CA":
                warnings.append(f"{place(node_id)}: CA node {node_id} attacks the attack {t} (an attack on an "
                                "attack); argmap has no relation to aim it at, so it is not kept")
        note = data["notes"].get(node_id)
        if note is None:
            parts = []
            if node["scheme"] and node["scheme"] not in ("RA", "CA"):
                parts.append(f"Scheme: {node['scheme']}.")
            if len(sources_in) > 1:  # every premise carries the note: name a few, or 2,000 premises write 23 MB
                named = ", ".join(claim_id(s) for s in sources_in[:LINKED_NAMED])
                more = len(sources_in) - LINKED_NAMED
                together = f"{named} and {more:,} more" if more > 0 else named
                parts.append(f"Linked argument {node_id}: {together} support this together.")
            note = " ".join(parts) or None
        for source in sources_in:
            for target in targets:
                builder.relate(claim_id(source), kind, claim_id(target), note, basis=details.get("basis"),
                               issue=details.get("issue"), mutual=details.get("mutual") is True)


#: What each AIF node kind argmap does not import as a claim or relation is, and where its content went.
_NOT_IMPORTED = {"L": "locutions (their speakers became perspectives)", "YA": "illocutions (kept as tags)",
                 "TA": "dialogue transitions", "MA": "rephrases", "PA": "preferences"}


def _skipped_kinds(nodes: dict[str, dict[str, Any]]) -> str | None:
    """One line counting the nodes of every kind that is not imported, or None."""
    counts = Counter(node["type"] for node in nodes.values() if node["type"] not in ("I", "RA", "CA"))
    if not counts:
        return None
    parts = [f"{n} {kind} {_NOT_IMPORTED.get(kind, 'nodes of a kind argmap does not read')}"
             for kind, n in sorted(counts.items())]
    return "AIF nodes not imported as claims or relations: " + ", ".join(parts)


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
    about: dict[str, str] = {}  # the map's title, description and summary, from the first nodeset giving each
    skipped: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    notes: list[str] = []
    questions: list[dict[str, Any]] = []
    for nodeset in paths:
        data = _clean_nodeset(nodeset, _read_json(nodeset))
        questions += [q for q in given_questions(data["questions"]) if q["id"] not in {k["id"] for k in questions}]
        for key in ("title", "description", "summary"):
            if data[key] and key not in about:
                about[key] = data[key]
        prefix = nodeset.stem if source.is_dir() else None
        default_perspective = slug(source.name if source.is_dir() else source.stem.split(".")[0])
        _aif_nodeset(builder, nodeset, data, prefix, default_perspective, perspectives, sources, notes)
        skipped.update({f"{nodeset}:{k}": v for k, v in data["nodes"].items()})
        if data["text"]:
            texts[source_text_name(nodeset)] = data["text"] + "\n"
        if data["ova"]:
            notes.append(f"{nodeset}: its OVA block (the diagram's positions and looks) is not imported")
    manifest: dict[str, Any] = {"title": f"Imported from {source.name}", **about}
    manifest["perspectives"] = perspectives or {"aif": {"label": source.stem}}
    if questions:
        manifest["questions"] = questions
    line = _skipped_kinds(skipped)
    return Imported(manifest, builder.files(sources), builder.renamed, notes + ([line] if line else []), texts)


def _node_places(path: Path) -> Callable[[str], str]:
    """``file:line:col`` of a node's ``"nodeID"`` in the file, read once when first asked."""
    text: list[str] = []

    def place(node_id: str) -> str:
        if not text:
            try:
                text.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                text.append("")
        found = re.search(rf'"nodeID"\s*:\s*"?{re.escape(node_id)}"?\s*[,}}]', text[0])
        if found is None:
            return f"{path}:1:1"
        before = text[0][:found.start()]
        return f"{path}:{before.count(chr(10)) + 1}:{found.start() - before.rfind(chr(10))}"
    return place


def source_text_name(nodeset: Path) -> str:
    """The file an xAIF nodeset's original text is written to, beside its claims files.

    >>> source_text_name(Path("corpus/nodeset 12.json"))
    'nodeset-12.source.txt'
    """
    return f"{slug(nodeset.name.split('.')[0])}.source.txt"


FORMAT = Format("aif", ".aif.json", "AIFdb, OVA", write=write_aif, read=read_aif)
