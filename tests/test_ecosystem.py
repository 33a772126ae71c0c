"""Schema, exports, imports, diff, watch and the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
import yaml

import argmap
from argmap.formats import EXPORTS
from argmap.formats import export_text
from argmap.formats.aif import aif_data
from argmap.graph import portable_graph
from argmap.formats.aif import read_aif as import_aif
from argmap.formats.argdown import read_argdown as import_argdown
from argmap.io.schema import schema

from .conftest import BUNDLED_CLAIMS, REPO

ARAUCARIA = REPO.parent / "shared" / "aif-araucaria"


# ── schema ──────────────────────────────────────────────────────────────────
def test_schema_command_prints_the_shipped_schemas(run_cli):
    for which in ("claims", "map"):
        result = run_cli("schema", which)
        assert result.returncode == 0
        assert json.loads(result.stdout) == schema(which)
        jsonschema.Draft202012Validator.check_schema(schema(which))


def test_bundled_files_validate_and_name_their_schema():
    jsonschema.validate(yaml.safe_load((BUNDLED_CLAIMS / "map.yaml").read_text()), schema("map"))
    for path in BUNDLED_CLAIMS.glob("*.yaml"):
        first = path.read_text().splitlines()[0]
        which = "map" if path.name == "map.yaml" else "claims"
        assert first == f"# yaml-language-server: $schema=../argmap/schemas/{which}.schema.json"
        if which == "claims":
            jsonschema.validate(yaml.safe_load(path.read_text()), schema("claims"))


def test_schema_flags_an_unknown_key_as_an_editor_would():
    errors = list(jsonschema.Draft202012Validator(schema("claims")).iter_errors(
        {"perspective": "p", "claims": [{"id": "a", "text": "A", "suports": ["b"]}]}))
    assert len(errors) == 1 and "'suports' was unexpected" in errors[0].message


VALID = [
    "perspective: p\nclaims: []\n",
    "perspective: p\nclaims:\n",
    "perspective: p\nsource: {title: T, author: null, url: 'http://x'}\nclaims:\n  - {id: a, text: A}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, kind: thesis, quote: null, tags: [x, y], note: n}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, kind: null, tags: null, supports: null}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [b, {to: c, note: why}], contradicts: [{to: d}]}\n"
    "  - {id: b, text: B}\n  - {id: c, text: C}\n  - {id: d, text: D}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [b]}\n  - {id: b, text: B}\n"
    "  - {id: c, text: C, contradicts: [{support: [a, b], note: no reason, issue: values}]}\n",
]
INVALID = [
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [b]}\n  - {id: b, text: B}\n"
    "  - {id: c, text: C, contradicts: [{support: [a]}]}\n",   # an undercut names two claims
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [b]}\n  - {id: b, text: B}\n"
    "  - {id: c, text: C, contradicts: [{support: [a, b], to: b}]}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, answers: [{question: q}]}\n",  # no position
    "claims: []\n",                                              # no perspective
    "perspective: p\n",                                          # no claims
    "perspective: p\nclaims: []\nextra: 1\n",                    # unknown key
    "perspective: p\nclaims: {id: a}\n",                         # claims not a list
    "perspective: p\nclaims:\n  - {text: A}\n",                  # no id
    "perspective: p\nclaims:\n  - {id: a}\n",                    # no text
    "perspective: p\nclaims:\n  - {id: a, text: ''}\n",          # empty text
    "perspective: p\nclaims:\n  - {id: a, text: '  '}\n",        # blank text
    "perspective: p\nclaims:\n  - {id: a, text: 42}\n",          # wrong type
    "perspective: p\nclaims:\n  - {id: a, text: yes}\n",         # a YAML boolean
    "perspective: p\nclaims:\n  - {id: a, text: 2020-01-01}\n",  # a YAML date
    "perspective: p\nclaims:\n  - {id: 'a b', text: A}\n",       # bad id
    "perspective: p\nclaims:\n  - {id: a, text: A, kind: theses}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, tags: core}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, tags: ['']}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, suports: [b]}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: b}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [{note: x}]}\n",
    "perspective: p\nclaims:\n  - {id: a, text: A, supports: [{to: b, nte: x}]}\n",
    "perspective: p\nsource: null\nclaims: []\n",
    "perspective: p\nsource: {titel: T}\nclaims: []\n",
    "perspective: 5\nclaims: []\n",
]


def _loader_accepts(tmp_path: Path, claims_yaml: str) -> bool:
    root = tmp_path / f"m{abs(hash(claims_yaml))}"
    root.mkdir()
    (root / "map.yaml").write_text("title: T\nperspectives:\n  p: {}\n")
    (root / "c.yaml").write_text(claims_yaml)
    try:
        argmap.load(root)
        return True
    except argmap.MapError:
        return False


def _schema_accepts(claims_yaml: str) -> bool:
    return jsonschema.Draft202012Validator(schema("claims")).is_valid(yaml.safe_load(claims_yaml))


@pytest.mark.parametrize("claims_yaml", VALID + INVALID)
def test_schema_and_loader_agree(tmp_path, claims_yaml):
    expected = claims_yaml in VALID
    assert _loader_accepts(tmp_path, claims_yaml) is expected
    assert _schema_accepts(claims_yaml) is expected


@pytest.mark.parametrize(("manifest", "valid"), [
    ("title: T\nperspectives:\n  p: {}\n", True),
    ("title: T\ndescription: null\nperspectives:\n  p: null\n  q: {label: Q, color: '#abc'}\n", True),
    ("perspectives:\n  p: {}\n", False),
    ("title: T\nperspectives: {}\n", False),
    ("title: T\nperspectives:\n  p: {colour: red}\n", False),
    ("title: T\nperspectives:\n  p: {color: red}\n", False),
    ("title: T\nperspectives:\n  'p q': {}\n", False),
    ("title: ''\nperspectives:\n  p: {}\n", False),
    ("title: T\nperspectives:\n  p: {}\nquestions:\n  - {id: q, text: 'Why?', issue: values, positions: [yes, no]}\n",
     True),
    ("title: T\nperspectives:\n  p: {}\nquestions:\n  - {id: q}\n", False),
    ("title: T\nperspectives:\n  p: {}\nquestions:\n  - {id: q, text: 'Why?', issue: value}\n", False),
    ("title: T\nperspectives:\n  p: {}\nquestions:\n  - {id: q, text: 'Why?', positions: [yes, yes]}\n", False),
])
def test_manifest_schema_and_loader_agree(tmp_path, manifest, valid):
    root = tmp_path / "m"
    root.mkdir()
    (root / "map.yaml").write_text(manifest)
    try:
        argmap.load(root)
        loads = True
    except argmap.MapError:
        loads = False
    assert loads is valid
    assert jsonschema.Draft202012Validator(schema("map")).is_valid(yaml.safe_load(manifest)) is valid


# ── exports ─────────────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def bundled() -> argmap.ArgumentMap:
    return argmap.load(BUNDLED_CLAIMS)


@pytest.mark.parametrize("format_name", [name for name, f in EXPORTS.items() if not f.binary])  # pictures: test_pictures
def test_every_export_is_deterministic_and_complete(run_cli, tmp_path, format_name, bundled):
    out = tmp_path / f"map{EXPORTS[format_name].suffix}"
    first = run_cli("export", BUNDLED_CLAIMS, "--format", format_name, "-o", out)
    assert first.returncode == 0, first.stderr
    again = run_cli("export", BUNDLED_CLAIMS, "--format", format_name, env={"PYTHONHASHSEED": "7"})
    assert again.stdout == out.read_text()
    text = out.read_text()
    for claim in bundled.claims.values():
        assert claim.id in text or format_name == "mermaid"


@pytest.mark.parametrize("reader", [nx.read_graphml, nx.read_gexf])
def test_graphml_and_gexf_reopen_unchanged(tmp_path, bundled, reader):
    extension = ".graphml" if reader is nx.read_graphml else ".gexf"
    path = tmp_path / f"map{extension}"
    path.write_text(export_text(bundled, extension[1:]))
    expected = portable_graph(bundled)
    reopened = reader(path)
    # GEXF's node label is the claim's label (its title, or its text cut short), as Gephi shows it,
    # in its perspective's colour; every other attribute reopens unchanged.
    shown = {n: {k: v for k, v in d.items() if k != "viz"} for n, d in reopened.nodes(data=True)}
    assert shown == dict(expected.nodes(data=True))
    if extension == ".gexf":
        node = reopened.nodes["rel.relationship-required"]
        assert node["label"] == bundled.claims["rel.relationship-required"].label
        assert node["viz"]["color"] == {"r": 0x2a, "g": 0x9d, "b": 0x8f, "a": 1.0}
    assert {(a, b): d for a, b, d in reopened.edges(data=True)} == {
        (a, b): {**d, **({"id": str(i)} if extension == ".gexf" else {})}
        for i, (a, b, d) in enumerate(expected.edges(data=True))}
    assert json.loads(reopened.nodes["rel.comment-trust"]["tags"]) == ["comment"]


def test_node_link_json_round_trips_exactly(bundled):
    data = json.loads(export_text(bundled, "json"))
    graph = nx.node_link_graph(data, edges="edges")
    assert dict(graph.nodes(data=True)) == dict(bundled.graph.nodes(data=True))
    assert list(graph.edges(data=True)) == list(bundled.graph.edges(data=True))
    assert graph.graph == bundled.graph.graph


def test_aif_uses_aifdb_fields_and_loads_in_arguebuf(tmp_path, bundled):
    arguebuf = pytest.importorskip("arguebuf")
    data = aif_data(bundled)
    assert set(data) >= {"nodes", "edges", "locutions", "participants"}
    assert all({"nodeID", "text", "type"} <= set(n) for n in data["nodes"])
    assert all({"edgeID", "fromID", "toID"} <= set(e) for e in data["edges"])
    path = tmp_path / "map.json"
    path.write_text(export_text(bundled, "aif"))
    graph = arguebuf.load.file(path)
    assert {n.id: n.plain_text for n in graph.atom_nodes.values()} == {c.id: c.text for c in bundled.claims.values()}
    kinds = sorted(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    relations = list(bundled.relations())
    undercuts = list(bundled.undercuts())
    assert kinds == sorted(["Support" if r.kind == "supports" else "Attack" for r in relations]
                           + ["Attack"] * len(undercuts))
    links = {(e.source.id, e.target.id) for e in graph.edges.values()}
    scheme_of = {}
    for index, relation in enumerate(relations, 1):
        scheme = scheme_of[relation.source, relation.target] = f"{'RA' if relation.kind == 'supports' else 'CA'}.{index}"
        assert (relation.source, scheme) in links and (scheme, relation.target) in links
    # arguebuf reads an undercut as AIF means it: an attack node aimed at the inference node of that support
    for index, undercut in enumerate(undercuts, 1):
        assert (undercut.source, f"CA.u{index}") in links and (f"CA.u{index}", scheme_of[undercut.support]) in links


def _same_map(a: argmap.ArgumentMap, b: argmap.ArgumentMap) -> None:
    fields = ("id", "text", "perspective", "kind", "quote", "tags", "note")
    assert [[getattr(c, f) for f in fields] for c in sorted(a.claims.values(), key=lambda c: c.id)] == \
           [[getattr(c, f) for f in fields] for c in sorted(b.claims.values(), key=lambda c: c.id)]
    assert sorted((r.source, r.kind, r.target, r.note) for r in a.relations()) == \
           sorted((r.source, r.kind, r.target, r.note) for r in b.relations())
    assert sorted((u.source, u.support, u.note, u.basis) for u in a.undercuts()) == \
           sorted((u.source, u.support, u.note, u.basis) for u in b.undercuts())
    assert a.questions == b.questions
    assert {c.id: c.answers for c in a.claims.values()} == {c.id: c.answers for c in b.claims.values()}
    assert {p.id: p.label for p in a.perspectives.values()} == {p.id: p.label for p in b.perspectives.values()}
    assert a.title == b.title


@pytest.mark.parametrize("format_name", ["aif", "argdown"])
def test_yaml_round_trips_through_aif_and_argdown(run_cli, tmp_path, bundled, format_name):
    exported = tmp_path / f"map.{format_name}"
    assert run_cli("export", BUNDLED_CLAIMS, "-f", format_name, "-o", exported).returncode == 0
    result = run_cli("import", "--from", format_name, exported, "-o", tmp_path / "back")
    assert result.returncode == 0, result.stderr
    assert run_cli("check", tmp_path / "back").returncode == 0
    _same_map(bundled, argmap.load(tmp_path / "back"))


def argdown_binary() -> Path | None:
    for candidate in (os.environ.get("ARGMAP_ARGDOWN"), shutil.which("argdown"),
                      REPO / "bench" / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


def test_argdown_cli_accepts_the_export(tmp_path, make_map, bundled):
    binary = argdown_binary()
    if binary is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":
            pytest.fail("the Argdown CLI is missing; .ci/run installs @argdown/cli")
        pytest.skip("the Argdown CLI is not installed (npm install @argdown/cli)")
    hostile = "Odd [text] with #hash, {braces}, <angle> *stars* _under_ and \\ backslash"
    tea = f"perspective: tea\nclaims:\n  - {{id: tea.odd, text: '{hostile}', supports: [tea.best]}}\n" \
          "  - {id: tea.best, text: Tea is best., kind: thesis}\n"
    for name, argument_map in (("bundled", bundled), ("odd", argmap.load(make_map({"tea.yaml": tea})))):
        source = tmp_path / f"{name}.argdown"
        source.write_text(export_text(argument_map, "argdown"))
        done = subprocess.run([str(binary), "json", str(source), str(tmp_path / "out")], capture_output=True,
                              text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        parsed = json.loads((tmp_path / "out" / f"{name}.json").read_text())
        assert set(parsed["statements"]) == set(argument_map.claims)
        undercuts = list(argument_map.undercuts())
        assert len(parsed["relations"]) == sum(1 for _ in argument_map.relations()) + len(undercuts)
        assert sorted((r["from"], r["to"]) for r in parsed["relations"] if r["relationType"] == "undercut") == \
            sorted((u.source, f"{u.reason} supports {u.conclusion}") for u in undercuts)
        texts = {t: next(m["text"] for m in s["members"] if "text" in m) for t, s in parsed["statements"].items()}
        for claim in argument_map.claims.values():
            assert texts[claim.id].replace(f"#{claim.perspective}", "").strip() == claim.text
        # Argdown itself files each claim under its perspective's heading and gives it that colour.
        headings = {s["id"]: s["title"] for s in parsed["sections"]}
        assert list(headings.values()) == [p.label for p in argument_map.perspectives.values()] + (
            ["Supports that are undercut"] if undercuts else [])
        for claim in argument_map.claims.values():
            statement = parsed["statements"][claim.id]
            assert headings[statement["section"]] == argument_map.perspectives[claim.perspective].label
            assert statement["color"] == argument_map.perspectives[claim.perspective].color


def test_mermaid_and_dot_escape_quotes(make_map):
    tea = "perspective: tea\nclaims:\n  - {id: tea.best, text: 'Say \"hi\" <b> #1 \\ end', kind: thesis}\n"
    m = argmap.load(make_map({"tea.yaml": tea}))
    assert '"Say #34;hi#34; #60;b#62; #35;1 \\ end"' in export_text(m, "mermaid")
    assert '[label="Say \\"hi\\" <b> #1 \\\\ end"' in export_text(m, "dot")


# ── imports ─────────────────────────────────────────────────────────────────
def test_every_araucaria_nodeset_imports_into_a_valid_map(tmp_path):
    if not ARAUCARIA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{ARAUCARIA} is missing")
        pytest.skip("../shared/aif-araucaria is not beside the repository")
    nodesets = sorted(ARAUCARIA.glob("*.json"))
    assert len(nodesets) == 661
    imported = import_aif(ARAUCARIA).write(tmp_path / "all")
    m = argmap.load(imported)
    i_nodes = sum(1 for p in nodesets for n in json.loads(p.read_text())["nodes"] if n["type"] == "I")
    assert len(m.claims) == i_nodes
    assert len(list(imported.glob("nodeset*.yaml"))) == 661
    # each nodeset also imports on its own
    for path in nodesets:
        import_aif(path).write(tmp_path / "one" / path.stem)
        argmap.load(tmp_path / "one" / path.stem)


def test_a_linked_argument_keeps_its_link_visible(tmp_path):
    path = tmp_path / "linked.json"
    path.write_text(json.dumps({"nodes": [
        {"nodeID": "1", "text": "Premise one", "type": "I"}, {"nodeID": "2", "text": "Premise two", "type": "I"},
        {"nodeID": "3", "text": "Conclusion", "type": "I"}, {"nodeID": "9", "text": "RA", "type": "RA"},
        {"nodeID": "4", "text": "Objection", "type": "I"}, {"nodeID": "8", "text": "CA", "type": "CA"}],
        "edges": [{"edgeID": "a", "fromID": "1", "toID": "9"}, {"edgeID": "b", "fromID": "2", "toID": "9"},
                  {"edgeID": "c", "fromID": "9", "toID": "3"}, {"edgeID": "d", "fromID": "4", "toID": "8"},
                  {"edgeID": "e", "fromID": "8", "toID": "3"}]}))
    m = argmap.load(import_aif(path).write(tmp_path / "out"))
    notes = {(r.source, r.kind, r.target): r.note for r in m.relations()}
    assert notes[("1", "supports", "3")] == notes[("2", "supports", "3")] == \
        "Linked argument 9: 1, 2 support this together."
    assert ("4", "contradicts", "3") in notes


@pytest.mark.parametrize(("content", "expected"), [
    ('{"nodes": [', "bad.json:1:"),
    ('{"nodes": []}', "not AIF JSON"),
    ('{"nodes": [{"text": "x"}], "edges": []}', "nodes[0] needs a nodeID and a type"),
    ('[1, 2]', "not AIF JSON"),
])
def test_malformed_aif_is_a_clear_error(run_cli, tmp_path, content, expected):
    (tmp_path / "bad.json").write_text(content)
    result = run_cli("import", "--from", "aif", tmp_path / "bad.json", "-o", tmp_path / "out")
    assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_malformed_argdown_is_a_clear_error(run_cli, tmp_path):
    (tmp_path / "bad.argdown").write_text("[a]: A #p\n  +> [b]\n\nA paragraph of prose.\n\n[c]: C {kind: [}\n")
    # without the Argdown CLI, argmap reads only the Argdown it writes, and says how to read the rest
    result = run_cli("import", "--from", "argdown", tmp_path / "bad.argdown", "-o", tmp_path / "out",
                     env={"ARGMAP_ARGDOWN": ""})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bad.argdown:4:1: error: cannot read this line as a statement or relation " \
           "(without the Argdown CLI" in result.stderr and "@argdown/cli" in result.stderr
    binary = argdown_binary()
    if binary is not None:  # with it, Argdown's own verdict, positioned on the bad data
        result = run_cli("import", "--from", "argdown", tmp_path / "bad.argdown", "-o", tmp_path / "out",
                         env={"ARGMAP_ARGDOWN": str(binary)})
        assert result.returncode == 1 and "Traceback" not in result.stderr and "    at " not in result.stderr
        assert "bad.argdown:6:" in result.stderr and "YAMLException" in result.stderr
    assert not (tmp_path / "out").exists()


def test_argdown_import_reads_common_forms(tmp_path, monkeypatch):
    monkeypatch.setattr("argmap.formats.argdown.argdown_cli", lambda: None)  # the reader argmap carries
    (tmp_path / "d.argdown").write_text(
        "# A heading\n// a comment\n[Tea]: Tea is best. #tea #core\n  <+ [Calm]\n  <- [Coffee]\n\n"
        "[Calm]: Tea calms \\#really\\. #tea\n[Coffee]: Coffee is best. #(coffee drinkers)\n")
    m = argmap.load(import_argdown(tmp_path / "d.argdown", perspective_from="tag").write(tmp_path / "out"))
    assert m.claims["Calm"].text == "Tea calms #really."
    assert m.claims["Tea"].tags == ("core",)
    assert m.claims["Coffee"].perspective == "coffee-drinkers"
    # By default a tag makes a perspective only where the front matter declares it; the others stay tags.
    plain = argmap.load(import_argdown(tmp_path / "d.argdown").write(tmp_path / "plain"))
    assert {c.perspective for c in plain.claims.values()} == {"d"}
    assert plain.claims["Tea"].tags == ("tea", "core") and plain.claims["Coffee"].tags == ("coffee drinkers",)
    assert {(r.source, r.kind, r.target) for r in m.relations()} == {
        ("Calm", "supports", "Tea"), ("Coffee", "contradicts", "Tea")}


# ── diff ────────────────────────────────────────────────────────────────────
def _edited_copy(tmp_path: Path) -> Path:
    new = Path(shutil.copytree(BUNDLED_CLAIMS, tmp_path / "new"))
    rel = new / "relational.yaml"
    text = rel.read_text()
    text = text.replace("text: As in any relationship, ruptures occur in therapy, and given time they are inevitable.",
                        "text: As in any relationship, ruptures occur in therapy; given time they are inevitable.")
    text = text.replace("    supports: [rel.repair-valuable]\n  - id: rel.repair-valuable",
                        "    supports: [rel.relationship-required]\n  - id: rel.repair-valuable", 1)
    text += ("  - id: rel.new-claim\n    text: A claim added later.\n    kind: premise\n"
             "    contradicts: [rel.relationship-required]\n")
    rel.write_text(text)
    return new


def test_diff_reports_claims_edges_and_answers(run_cli, tmp_path):
    new = _edited_copy(tmp_path)
    result = run_cli("diff", BUNDLED_CLAIMS, new)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "+ claim rel.new-claim" in out
    assert ("~ claim rel.ruptures-inevitable text: 'As in any relationship, ruptures occur in therapy, and given "
            "time they are inevitable.' → 'As in any relationship, ruptures occur in therapy; given time they are "
            "inevitable.'") in out
    assert "+ edge rel.new-claim contradicts rel.relationship-required" in out
    assert "~ acceptance: relational thesis holds: True → False" in out
    as_json = json.loads(run_cli("diff", BUNDLED_CLAIMS, new, "--json").stdout)
    assert as_json["added_claims"] == ["rel.new-claim"]
    assert run_cli("diff", BUNDLED_CLAIMS, BUNDLED_CLAIMS).stdout.strip() == "no changes"


def test_diff_reports_questions_answers_and_undercuts(run_cli, tmp_path):
    new = Path(shutil.copytree(BUNDLED_CLAIMS, tmp_path / "claims"))
    for name in ("relational.yaml", "professional-service.yaml"):  # keep the source texts reachable
        path = new / name
        path.write_text(path.read_text().replace("text: ../../shared/", f"text: {BUNDLED_CLAIMS.parent.parent}/shared/"))
    manifest = new / "map.yaml"
    manifest.write_text(manifest.read_text().replace(
        "    positions: [the client's]\n", "    positions: [the client's]\n"
        "  - id: q.new\n    text: Is this new?\n    issue: empirical\n"))
    critique = new / "professional-service.yaml"
    critique.write_text(critique.read_text().replace(
        "      - support: [rel.comment-trust, rel.relationship-required]\n",
        "      - support: [rel.comment-pivotal, rel.relationship-required]\n").replace(
        "      - {question: q.client-judgment, position: the client's}\n", "", 1))
    out = run_cli("diff", BUNDLED_CLAIMS, new).stdout
    assert "+ question q.new" in out
    assert "+ edge svc.not-the-centrepiece undercuts rel.comment-pivotal supports rel.relationship-required" in out
    assert "- edge svc.not-the-centrepiece undercuts rel.comment-trust supports rel.relationship-required" in out
    assert "~ claim svc.ask-if-it-works answers: [\"q.client-judgment: the client's\"] → []" in out
    as_json = json.loads(run_cli("diff", BUNDLED_CLAIMS, new, "--json").stdout)
    assert {"source": "svc.not-the-centrepiece", "kind": "undercuts", "target": "rel.relationship-required",
            "reason": "rel.comment-pivotal"}.items() <= next(e for e in as_json["added_edges"]).items()


def test_diff_reads_git_revisions(run_cli, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(BUNDLED_CLAIMS, repo / "claims")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    shutil.rmtree(repo / "claims")
    shutil.copytree(_edited_copy(tmp_path), repo / "claims")
    subprocess.run([*git, "commit", "-qam", "two"], check=True)
    result = run_cli("diff", "HEAD~1:claims", "HEAD:claims", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "+ claim rel.new-claim" in result.stdout
    bad = run_cli("diff", "nope:claims", "HEAD:claims", cwd=repo)
    assert bad.returncode == 1 and "cannot read claims at git revision nope" in bad.stderr


# ── pre-commit and watch ────────────────────────────────────────────────────
def test_pre_commit_hook_runs_argmap_check():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "argmap-check")
    assert hook["entry"] == "argmap check" and hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "claims/relational.yaml")


@pytest.mark.browser
def test_watch_rebuilds_keeps_the_last_good_map_and_reloads_the_page(make_map, tmp_path, chromium):
    root = make_map()
    out = tmp_path / "site" / "map.html"
    process = subprocess.Popen([sys.executable, "-m", "argmap", "watch", str(root), "-o", str(out), "--port", "0",
                                "--interval", "0.1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    context = chromium.new_context()
    try:
        assert "wrote" in process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/map\.html", process.stdout.readline())[0]
        page = context.new_page()
        outside = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1")
                   else (outside.append(r.request.url), r.abort()))
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "#claim=tea.best")
        page.wait_for_selector("body[data-drawn=true]", state="attached")
        (root / "tea.yaml").write_text((root / "tea.yaml").read_text().replace(
            "Tea calms without jitters.", "Tea calms, and it is cheap."))
        assert "wrote" in process.stdout.readline()
        page.wait_for_function("() => window.argmap && window.argmap.data.nodes.some("
                               "n => n.label === 'Tea calms, and it is cheap.')", timeout=15_000)
        page.wait_for_selector("#details-title", state="visible")
        assert page.locator("#details-title").inner_text() == "Tea is the better drink."  # the view survived
        good = out.read_bytes()
        (root / "tea.yaml").write_text("perspective: tea\nclaims: [\n")
        line = process.stderr.readline()
        while "kept the last good map" not in line:
            assert "error" in line
            line = process.stderr.readline()
        assert out.read_bytes() == good
        assert errors == [] and outside == []
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=10)
