"""A real AIFdb dialogue (arguebuf's 6064): two speakers, no participants list."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

import argmap

from .conftest import REPO

DIALOGUE = REPO.parent / "shared" / "aif-dialogue" / "6064-original.json"


@pytest.fixture
def dialogue():
    if not DIALOGUE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DIALOGUE} is missing")
        pytest.skip("the shared AIF dialogue is not beside the repository")
    return DIALOGUE


def test_speakers_become_perspectives_and_nothing_is_dropped_in_silence(dialogue, run_cli, tmp_path):
    result = run_cli("import", "--from", "aif", dialogue, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    m = argmap.load(tmp_path / "out")
    # two speakers, each named by the initials their locutions carry
    assert {p.label for p in m.perspectives.values()} == {"Speaker CL", "Speaker NL"}
    assert all(len([c for c in m.claims.values() if c.perspective == p]) for p in m.perspectives)
    # illocutions are kept as tags, inference schemes as notes
    assert {"asserting", "popularconceding"} <= {t for c in m.claims.values() for t in c.tags}
    assert any((r.note or "").startswith("Scheme: Default Inference") for r in m.relations())
    # every node kind that is not a claim or a relation is counted, in one line
    lines = [line for line in result.stderr.splitlines() if "not imported" in line]
    assert lines == ["argmap: warning: AIF nodes not imported as claims or relations: 16 L locutions (their speakers "
                     "became perspectives), 8 TA dialogue transitions, 14 YA illocutions (kept as tags)"]


XAIF = {
    "AIF": {
        "nodes": [
            {"nodeID": "1", "text": "Tea calms the mind", "type": "I"},
            {"nodeID": "2", "text": "Coffee is better in the morning", "type": "I"},
            {"nodeID": "3", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "4", "text": "Bob Smith : tea calms the mind", "type": "L"},
            {"nodeID": "5", "text": "Ann Lee : coffee is better in the morning", "type": "L"},
            {"nodeID": "6", "text": "Asserting", "type": "YA"},
            {"nodeID": "7", "text": "Asserting", "type": "YA"},
            {"nodeID": "8", "text": "Default Transition", "type": "TA"},
        ],
        "edges": [{"edgeID": 1, "fromID": "2", "toID": "3"}, {"edgeID": 2, "fromID": "3", "toID": "1"},
                  {"edgeID": 3, "fromID": "4", "toID": "6"}, {"edgeID": 4, "fromID": "6", "toID": "1"},
                  {"edgeID": 5, "fromID": "5", "toID": "7"}, {"edgeID": 6, "fromID": "7", "toID": "2"},
                  {"edgeID": 7, "fromID": "4", "toID": "8"}, {"edgeID": 8, "fromID": "8", "toID": "5"}],
        "schemefulfillments": [],
        "locutions": [{"nodeID": "4", "personID": "1"}, {"nodeID": "5", "personID": "2"}],
        "participants": [{"participantID": 1, "firstname": "Bob", "surname": "Smith"},
                         {"participantID": 2, "firstname": "Ann", "surname": "Lee"}],
    },
    "OVA": {"firstname": "", "surname": "", "url": "", "nodes": [{"nodeID": "1", "visible": True, "x": 1, "y": 2}],
            "edges": []},
    "text": "<p><span class=\"highlighted\" id=\"node4\">Bob: tea calms the mind</span></p>"
            "<br><span id=\"node5\">Ann: coffee is better in the morning</span> &amp; more.",
}


def test_xaif_from_ova3_keeps_participants_and_the_original_text(run_cli, tmp_path):
    import json

    (tmp_path / "debate.json").write_text(json.dumps(XAIF))
    result = run_cli("import", "--from", "aif", tmp_path / "debate.json", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "OVA block" in result.stderr and "not imported" in result.stderr
    m = argmap.load(tmp_path / "out")
    assert {p.label for p in m.perspectives.values()} == {"Bob", "Ann"}
    speaker = {c.text: m.perspectives[c.perspective].label for c in m.claims.values()}
    assert speaker == {"Tea calms the mind": "Bob", "Coffee is better in the morning": "Ann"}
    assert {(r.source, r.kind, r.target) for r in m.relations()} == {("2", "contradicts", "1")}
    text = (tmp_path / "out" / "debate.source.txt").read_text()
    assert text == "Bob: tea calms the mind\n\nAnn: coffee is better in the morning & more.\n"
    assert all(c.source is not None and c.source.text == "debate.source.txt" for c in m.claims.values())
    # The text is the claims' source: a quote added to a claim is checked against it.
    claims_file = next(p for p in (tmp_path / "out").glob("*.yaml") if "Tea calms" in p.read_text())
    claims_file.write_text(claims_file.read_text().replace("text: Tea calms the mind",
                                                           "text: Tea calms the mind\n  quote: tea calms the mind"))
    assert run_cli("check", tmp_path / "out").returncode == 0
    claims_file.write_text(claims_file.read_text().replace("quote: tea calms the mind", "quote: tea heals"))
    checked = run_cli("check", tmp_path / "out")
    assert checked.returncode == 1 and "closest passage" in checked.stderr


def test_an_undercut_comes_in_as_one_and_an_attack_on_an_attack_is_named_at_its_place(run_cli, tmp_path):
    import json

    nodes = [{"nodeID": "p", "text": "Tea calms", "type": "I"}, {"nodeID": "c", "text": "Drink tea", "type": "I"},
             {"nodeID": "u", "text": "Calm is not why one drinks", "type": "I"},
             {"nodeID": "x", "text": "That is beside the point", "type": "I"},
             {"nodeID": "ra", "text": "Default Inference", "type": "RA"},
             {"nodeID": "ca1", "text": "Default Conflict", "type": "CA"},
             {"nodeID": "ca2", "text": "Default Conflict", "type": "CA"}]
    edges = [["p", "ra"], ["ra", "c"], ["u", "ca1"], ["ca1", "ra"], ["x", "ca2"], ["ca2", "ca1"]]
    text = json.dumps({"nodes": nodes, "edges": [{"edgeID": str(i), "fromID": a, "toID": b}
                                                 for i, (a, b) in enumerate(edges)]}, indent=1)
    (tmp_path / "u.json").write_text(text)
    result = run_cli("import", "--from", "aif", tmp_path / "u.json", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    line_of = {n["nodeID"]: text.splitlines().index(next(l for l in text.splitlines()
                                                          if f'"nodeID": "{n["nodeID"]}"' in l)) + 1 for n in nodes}
    assert "undercuts the inference" not in result.stderr  # an undercut is kept as one: nothing to warn about
    assert f"u.json:{line_of['ca2']}:" in result.stderr and "attack on an attack" in result.stderr
    m = argmap.load(tmp_path / "out")
    assert [(u.source, u.reason, u.conclusion) for u in m.undercuts()] == [("u", "p", "c")]
    assert not any(r.source == "u" for r in m.relations())  # not re-aimed at the conclusion as a rebuttal
    # and it goes back out as AIF writes it: a CA node aimed at the RA node of that support
    exported = json.loads(run_cli("export", tmp_path / "out", "--format", "aif").stdout)
    kinds = {n["nodeID"]: n["type"] for n in exported["nodes"]}
    into = {(e["fromID"], e["toID"]) for e in exported["edges"]}
    ca = next(a for a, b in into if a.startswith("CA") and kinds.get(b) == "RA")
    ra = next(b for a, b in into if a == ca)
    assert ("u", ca) in into and ("p", ra) in into and (ra, "c") in into


ARAUCARIA = sorted((REPO.parent / "shared" / "aif-araucaria").glob("nodeset*.json"))


def _as_arguebuf_reads_it(path: Path) -> tuple[Counter, set, set]:
    """The atoms, and each scheme's (premise, kind, conclusion) and undercut triples, as arguebuf reads the file."""
    import json

    arguebuf = pytest.importorskip("arguebuf")
    graph = arguebuf.load.aif(json.loads(path.read_text(encoding="utf-8")))

    def text(node) -> str:
        return " ".join(node.plain_text.split())

    atoms = Counter(text(n) for n in graph.atom_nodes.values())
    relations, undercuts = set(), set()
    for scheme in graph.scheme_nodes.values():
        kind = "supports" if type(scheme.scheme).__name__ == "Support" else "contradicts"
        premises = [n for n in graph.incoming_nodes(scheme) if n.id in graph.atom_nodes]
        for target in graph.outgoing_nodes(scheme):
            if target.id in graph.atom_nodes:
                relations |= {(text(p), kind, text(target)) for p in premises}
            elif target.id in graph.scheme_nodes and kind == "contradicts":  # an attack on an inference
                reasons = [n for n in graph.incoming_nodes(target) if n.id in graph.atom_nodes]
                conclusions = [n for n in graph.outgoing_nodes(target) if n.id in graph.atom_nodes]
                undercuts |= {(text(p), text(r), text(c)) for p in premises for r in reasons for c in conclusions}
    return atoms, relations, undercuts


@pytest.mark.parametrize("path", ARAUCARIA[::20] + ([DIALOGUE] if DIALOGUE.exists() else []),
                         ids=lambda p: p.stem)
def test_an_aif_nodeset_imports_as_arguebuf_reads_it(run_cli, tmp_path, path):
    """arguebuf as a second opinion: every atom a claim, every scheme's premises related to its conclusion."""
    atoms, relations, undercuts = _as_arguebuf_reads_it(path)
    assert run_cli("import", "--from", "aif", path, "-o", tmp_path / "out").returncode == 0
    m = argmap.load(tmp_path / "out")
    assert Counter(c.text for c in m.claims.values()) == atoms
    text = {c.id: c.text for c in m.claims.values()}
    assert {(text[r.source], r.kind, text[r.target]) for r in m.relations()} == relations
    assert {(text[u.source], text[u.reason], text[u.conclusion]) for u in m.undercuts()} == undercuts


def test_an_xaif_file_with_an_undercut_imports_as_arguebuf_reads_it(run_cli, tmp_path):
    import json

    nodes = [{"nodeID": "p", "text": "Tea calms", "type": "I"}, {"nodeID": "c", "text": "Drink tea", "type": "I"},
             {"nodeID": "u", "text": "Calm is not why one drinks", "type": "I"},
             {"nodeID": "ra", "text": "Default Inference", "type": "RA"},
             {"nodeID": "ca", "text": "Default Conflict", "type": "CA"},
             {"nodeID": "l1", "text": "Ann: Tea calms", "type": "L"}, {"nodeID": "l2", "text": "Bob: Calm is not", "type": "L"}]
    edges = [["p", "ra"], ["ra", "c"], ["u", "ca"], ["ca", "ra"]]
    xaif = {"AIF": {"nodes": nodes, "edges": [{"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
                    "locutions": [{"nodeID": "l1", "personID": "1"}, {"nodeID": "l2", "personID": "2"}],
                    "participants": [{"participantID": "1", "firstname": "Ann", "surname": "A"},
                                     {"participantID": "2", "firstname": "Bob", "surname": "B"}]},
            "text": "Tea calms, so drink tea. Calm is not why one drinks."}
    path = tmp_path / "u.json"
    path.write_text(json.dumps(xaif))
    assert run_cli("import", "--from", "aif", path, "-o", tmp_path / "out").returncode == 0
    m = argmap.load(tmp_path / "out")
    arguebuf = pytest.importorskip("arguebuf")
    graph = arguebuf.load.aif(xaif["AIF"])
    assert sorted(n.plain_text for n in graph.atom_nodes.values()) == sorted(c.text for c in m.claims.values())
    assert [(u.source, u.reason, u.conclusion) for u in m.undercuts()] == [("u", "p", "c")]
