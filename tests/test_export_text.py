"""Every export stays valid for any claim text, checked in each format's own tool where the tests can run it."""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import warnings

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import LossyExport, export_text
from argmap.model import ArgumentMap, Claim, Perspective, Relation

from .test_ecosystem import argdown_binary

NASTY = [
    "a } brace and a { brace",
    "see http://example.com/a//b and /* not a comment */",
    "`backtick first",
    "%%{init: {'theme': 'dark'}}%% re-themed?",
    "bell \a escape \x1b[2J and NUL \x00 end",
    "carriage\rreturn and line\nbreak and tab\t",
    "C1 \x85 \x9b controls and bidi \u202e override",
    'quotes " and \' and \\ backslash',
    "[brackets] <angles> #hash *stars* _under_ @at",
    "x" * 20_000,
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=80)
XML_CANNOT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def map_of(texts: list[str], note: str = "a note } with // marks") -> ArgumentMap:
    claims = {}
    for index, text in enumerate(texts):
        relations = (Relation(f"c{index}", f"c{index - 1}", "supports", note),) if index else ()
        claims[f"c{index}"] = Claim(f"c{index}", text, "tea", quote=text, note=text, relations=relations)
    return ArgumentMap("Odd text", {"tea": Perspective("tea", "Tea", "#2a9d8f")}, claims)


def quietly(fmt: str, m: ArgumentMap) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyExport)
        return export_text(m, fmt)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_graphml_and_gexf_parse_back_for_any_text(texts):
    m = map_of(texts)
    graphml = nx.parse_graphml(quietly("graphml", m))
    gexf = nx.read_gexf(io.BytesIO(quietly("gexf", m).encode("utf-8")))
    for index, text in enumerate(texts):
        expected = XML_CANNOT.sub("", text)
        assert graphml.nodes[f"c{index}"]["text"] == expected  # carriage returns survive too
        assert gexf.nodes[f"c{index}"]["text"] == expected


def test_xml_exports_warn_about_what_they_drop():
    with pytest.warns(LossyExport, match="claim 'c0': text: dropped 1 control character"):
        export_text(map_of(["bell \a"]), "graphml")


def test_mermaid_labels_hold_no_markup_for_any_text():
    rng = random.Random(7)
    texts = NASTY + ["".join(chr(rng.randrange(0, 0x250)) for _ in range(40)) for _ in range(50)]
    lines = quietly("mermaid", map_of(texts)).splitlines()
    labels = [line for line in lines if re.match(r"\s+n\d+\[", line)]
    assert len(labels) == len(texts)
    for line in labels:
        assert re.fullmatch(r'\s+n\d+\["[^"`%\x00-\x1f\x7f-\x9f]*"\]', line), line
    assert not any("%%" in line for line in lines)


@pytest.mark.skipif(shutil.which("dot") is None and os.environ.get("ARGMAP_REQUIRE_GRAPHVIZ") != "1",
                    reason="Graphviz is not installed")
def test_dot_parses_in_graphviz_for_any_text():
    rng = random.Random(11)
    texts = NASTY + ["".join(chr(rng.randrange(0, 0x250)) for _ in range(60)) for _ in range(50)]
    m = map_of(texts)
    done = subprocess.run(["dot", "-Tcanon"], input=quietly("dot", m), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(re.findall(r"^\s+c\d+\s+\[", done.stdout, re.M)) == len(texts)


def test_argdown_reads_back_every_text(tmp_path):
    binary = argdown_binary()
    if binary is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":
            pytest.fail("the Argdown CLI is missing; .ci/run installs @argdown/cli")
        pytest.skip("the Argdown CLI is not installed")
    rng = random.Random(5)
    printable = [chr(c) for c in range(0x20, 0x250) if c not in range(0x7f, 0xa0)]
    texts = [t for t in NASTY if "\x00" not in t] + [
        "".join(rng.choice(printable) for _ in range(40)).strip() or "x" for _ in range(40)]
    m = map_of(texts)
    source = tmp_path / "odd.argdown"
    source.write_text(export_text(m, "argdown"))
    done = subprocess.run([str(binary), "json", str(source), str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    parsed = json.loads((tmp_path / "out" / "odd.json").read_text())
    assert set(parsed["statements"]) == set(m.claims)
    assert len(parsed["relations"]) == len(texts) - 1
    for claim in m.claims.values():
        statement = parsed["statements"][claim.id]
        text = next(member["text"] for member in statement["members"] if "text" in member)
        assert " ".join(text.replace("#tea", "").split()) == " ".join(claim.text.split()), claim.id
        assert statement["data"]["quote"] == claim.quote


def test_report_diagram_breaks_lines_instead_of_showing_markup():
    from argmap.report import render_report

    import argmap

    long = "a long claim text that needs more than one line in any diagram"
    m = argmap.loads(argmap.io.examples.TEA_OR_COFFEE.replace("Coffee is the better morning drink.", long))
    diagram = render_report(m).split("```mermaid")[1]
    assert "<br>" in diagram and "#60;br#62;" not in diagram


def test_export_names_what_it_drops_on_stderr(run_cli, make_map):
    tea = 'perspective: tea\nclaims:\n  - {id: tea.best, text: "Tea \\a is best.", kind: thesis}\n'
    result = run_cli("export", make_map({"tea.yaml": tea}), "--format", "graphml")
    assert result.returncode == 0 and result.stdout.startswith("<?xml")
    assert "argmap: warning: claim 'tea.best': text: dropped 1 control character that XML cannot carry" in result.stderr
    assert "Traceback" not in result.stderr and "warnings.warn" not in result.stderr
