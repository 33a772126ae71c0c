"""Argdown files that argmap did not write, imported as Argdown itself reads them.

The oracle is ``argdown json``: for each of Argdown's own example documents, the
imported map must hold the same statements and arguments, and the same relations
with the same directions.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.formats.imported import slug

from .conftest import REPO
from .test_ecosystem import argdown_binary

EXAMPLES = sorted((REPO.parent / "shared" / "argdown-examples").glob("*.argdown"))
KINDS = {"support": "supports", "attack": "contradicts", "undercut": "contradicts",
         "contrary": "contradicts", "contradictory": "contradicts"}


@pytest.fixture(scope="module")
def cli() -> Path:
    binary = argdown_binary()
    if binary is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":
            pytest.fail("the Argdown CLI is missing; .ci/run installs @argdown/cli")
        pytest.skip("the Argdown CLI is not installed (npm install @argdown/cli)")
    return binary


def oracle(cli: Path, path: Path, tmp_path: Path) -> dict:
    done = subprocess.run([str(cli), "json", str(path), "--stdout", "--removeMap", "--removeEmbeddedRelations"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)
    return json.JSONDecoder().raw_decode(out[out.index("{"):])[0]


def test_the_examples_are_there():
    if not EXAMPLES and os.environ.get("CI"):
        pytest.fail("../shared/argdown-examples is missing")
    assert len(EXAMPLES) == 11 or not EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_argdown_example_imports_with_argdowns_statements_and_relations(cli, path, run_cli, tmp_path):
    expected = oracle(cli, path, tmp_path)
    result = run_cli("import", "--from", "argdown", path, "-o", tmp_path / "out", env={"ARGMAP_ARGDOWN": str(cli)})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "renamed" not in result.stderr
    m = argmap.load(tmp_path / "out")
    ids = {("equivalence-class", title): slug(title) for title in expected["statements"]}
    ids |= {("argument", title): slug(f"argument:{title}") for title in expected["arguments"]}
    assert set(m.claims) == set(ids.values())
    for (kind, title), claim_id in ids.items():
        claim = m.claims[claim_id]
        assert ("argument" in claim.tags) == (kind == "argument")
    got = {(r.source, r.target): r.kind for r in m.relations()}
    want = {(ids[r["fromType"], r["from"]], ids[r["toType"], r["to"]]): KINDS[r["relationType"]]
            for r in expected["relations"] if r["from"] != r["to"] and r["toType"] != "inference"}
    # An argument's premises support the conclusion they lead to: the ones its inference uses, else the
    # conclusion before and the premises since.
    for argument in expected["arguments"].values():
        numbered, since = [], []
        for statement in argument.get("pcs") or []:
            claim = ids.get(("equivalence-class", statement["title"]))
            numbered.append(claim)
            if statement["role"] in ("main-conclusion", "intermediary-conclusion"):
                uses = ((statement.get("inference") or {}).get("data") or {}).get("uses")
                for premise in ([numbered[u - 1] for u in uses] if uses else since):
                    if premise != claim:
                        want.setdefault((premise, claim), "supports")
                since = [claim]
            else:
                since.append(claim)
    assert got == want  # same relations, same directions, same kind, and every inference
    with_pcs = [t for t, a in expected["arguments"].items() if a.get("pcs")]
    for title in with_pcs:
        assert "Premise–conclusion structure" in (m.claims[ids["argument", title]].note or "")


def test_argdowns_syntax_errors_come_back_positioned(cli, run_cli, tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[a]: Tea.\n  +> [b\n<x>\n\n(1) p\n----\n")
    result = run_cli("import", "--from", "argdown", bad, "-o", tmp_path / "out", env={"ARGMAP_ARGDOWN": str(cli)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"bad\.argdown:3:1: ", result.stderr) and re.search(r"bad\.argdown:6:5: ", result.stderr)
    assert not (tmp_path / "out").exists()


def test_an_argdown_config_in_the_imported_folder_never_runs(cli, run_cli, tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "argdown.config.js").write_text("require('fs').writeFileSync('PWNED', 'x'); module.exports = {};\n")
    (folder / "a.argdown").write_text("[a]: Tea is best.\n  <+ [b]: Tea calms.\n")
    result = run_cli("import", "--from", "argdown", folder / "a.argdown", "-o", tmp_path / "out", cwd=folder,
                     env={"ARGMAP_ARGDOWN": str(cli)})
    assert result.returncode == 0, result.stderr
    assert not (folder / "PWNED").exists() and not any(tmp_path.rglob("PWNED"))
    m = argmap.load(tmp_path / "out")
    assert [(r.source, r.kind, r.target) for r in m.relations()] == [("b", "supports", "a")]


STRICT = """===
model:
    mode: strict
===

[A]: Tea calms. {credence: 0.9, reason: "studies"}

[D]: Coffee wakes.
  >< [A]

[E]: Tea is tea.
  - [E]

[F]: Tea entails calm.
  +> [A]
"""


def test_strict_mode_keeps_entails_titles_with_data_and_names_a_self_attack(cli, run_cli, tmp_path):
    (tmp_path / "strict.argdown").write_text(STRICT)
    done = run_cli("import", "--from", "argdown", tmp_path / "strict.argdown", "-o", tmp_path / "map",
                   env={"ARGMAP_ARGDOWN": str(cli)})
    assert done.returncode == 0, done.stderr
    m = argmap.load(tmp_path / "map")
    a = m.claims["A"]
    assert a.title == "A" and "credence: 0.9" in a.note and "reason: studies" in a.note
    edges = {(r.source, r.kind, r.target): r.note for r in m.relations()}
    assert "entails" in edges["F", "supports", "A"] and "contradictory" in edges["D", "contradicts", "A"]
    assert f"{tmp_path / 'strict.argdown'}:" in done.stderr and "E has a contrary relation with itself" in done.stderr


def test_includes_resolve_from_the_documents_folder_and_none_leaves_it(cli, run_cli, tmp_path):
    folder = tmp_path / "doc"
    (folder / "sub").mkdir(parents=True)
    (folder / "main.argdown").write_text("[A]: Tea calms.\n\n@include(sub/more.argdown)\n")
    (folder / "sub" / "more.argdown").write_text("[B]: Coffee wakes.\n  - [A]\n")
    (folder / "argdown.config.js").write_text("throw new Error('never run')\n")  # a repository's config is code
    done = run_cli("import", "--from", "argdown", folder / "main.argdown", "-o", tmp_path / "map",
                   env={"ARGMAP_ARGDOWN": str(cli)})
    assert done.returncode == 0, done.stderr
    m = argmap.load(tmp_path / "map")
    assert sorted(m.claims) == ["A", "B"] and [(r.source, r.kind, r.target) for r in m.relations()] == [
        ("A", "contradicts", "B")]
    (tmp_path / "secret.argdown").write_text("[S]: A secret.\n")
    (folder / "evil.argdown").write_text("[A]: Tea.\n\n@include(../secret.argdown)\n")
    refused = run_cli("import", "--from", "argdown", folder / "evil.argdown", "-o", tmp_path / "evil",
                      env={"ARGMAP_ARGDOWN": str(cli)})
    assert refused.returncode == 1 and f"{folder / 'evil.argdown'}:3:1: error: includes ../secret.argdown" \
        in refused.stderr and "A secret" not in refused.stderr


UNDERCUT = """===
perspectives: {tea: {label: Tea}, coffee: {label: Coffee}}
===

<Calm mornings>: Tea gives a calm morning. #tea

(1) [Calm]: Tea calms. #tea
(2) [Mornings]: A morning wants calm. #tea
----
(3) [Drink tea]: Drink tea in the morning. #tea

[Alert]: A morning wants alertness, not calm. #coffee
  _> <Calm mornings>
"""


def test_an_undercut_of_an_arguments_inference_comes_in_as_undercuts_of_its_supports(cli, run_cli, tmp_path):
    source = tmp_path / "undercut.argdown"
    source.write_text(UNDERCUT)
    expected = oracle(cli, source, tmp_path)
    assert [(r["relationType"], r["toType"]) for r in expected["relations"]] == [("undercut", "inference")]
    result = run_cli("import", "--from", "argdown", source, "-o", tmp_path / "out", env={"ARGMAP_ARGDOWN": str(cli)})
    assert result.returncode == 0, result.stderr
    m = argmap.load(tmp_path / "out")
    # The argument's premises each support its conclusion; the undercut denies both supports, rebuts nothing.
    assert sorted((u.source, u.reason, u.conclusion) for u in m.undercuts()) == [
        ("Alert", "Calm", "Drink-tea"), ("Alert", "Mornings", "Drink-tea")]
    assert not [r for r in m.relations() if r.source == "Alert"]
    # Out again, as Argdown's _> on an argument that stands for each support, and back in unchanged.
    written = tmp_path / "again.argdown"
    assert run_cli("export", tmp_path / "out", "--format", "argdown", "-o", written).returncode == 0
    again = oracle(cli, written, tmp_path)
    assert sorted(r["to"] for r in again["relations"] if r["relationType"] == "undercut") == [
        "Calm supports Drink-tea", "Mornings supports Drink-tea"]
    for reader in ({"ARGMAP_ARGDOWN": str(cli)}, {"ARGMAP_ARGDOWN": str(tmp_path / "none"), "PATH": "/usr/bin:/bin"}):
        back = tmp_path / f"back{len(reader)}"
        assert run_cli("import", "--from", "argdown", written, "-o", back, env=reader).returncode == 0
        assert sorted(u.support for u in argmap.load(back).undercuts()) == sorted(u.support for u in m.undercuts())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_imported_argdown_document_exports_to_one_argdown_reads_the_same_way(cli, path, run_cli, tmp_path):
    """Round trip: statements, arguments with their premise–conclusion structures, and every relation's type
    and endpoints, as ``argdown json`` reads the original and the export."""
    env = {"ARGMAP_ARGDOWN": str(cli)}
    assert run_cli("import", "--from", "argdown", path, "-o", tmp_path / "map", env=env).returncode == 0
    written = tmp_path / "again.argdown"
    assert run_cli("export", tmp_path / "map", "--format", "argdown", "-o", written).returncode == 0
    before, after = oracle(cli, path, tmp_path), oracle(cli, written, tmp_path)
    assert {slug(t) for t in after["statements"]} == {slug(t) for t in before["statements"]}
    assert {slug(t) for t in after["arguments"]} == {slug(t) for t in before["arguments"]}

    def structure(data: dict) -> dict:
        return {slug(t): [(slug(s["title"]), s["role"]) for s in a.get("pcs") or []]
                for t, a in data["arguments"].items()}

    assert structure(after) == structure(before)

    def relations(data: dict) -> list:
        return sorted((r["relationType"], slug(r["from"]), r["fromType"], slug(r["to"]), r["toType"])
                      for r in data["relations"])

    assert relations(after) == relations(before)
    # and argmap's own reader, without the CLI, reads its export as the CLI does
    by_cli, by_subset = tmp_path / "by-cli", tmp_path / "by-subset"
    assert run_cli("import", "--from", "argdown", written, "-o", by_cli, env=env).returncode == 0
    assert run_cli("import", "--from", "argdown", written, "-o", by_subset,
                   env={"ARGMAP_ARGDOWN": str(tmp_path / "none"), "PATH": "/usr/bin:/bin"}).returncode == 0
    a, b = argmap.load(by_cli), argmap.load(by_subset)
    assert {c.id: (c.text, c.kind, c.tags, c.title) for c in a.claims.values()} == \
           {c.id: (c.text, c.kind, c.tags, c.title) for c in b.claims.values()}
    assert sorted((r.source, r.kind, r.target, r.note) for r in a.relations()) == \
           sorted((r.source, r.kind, r.target, r.note) for r in b.relations())
    assert sorted(u.support for u in a.undercuts()) == sorted(u.support for u in b.undercuts())
