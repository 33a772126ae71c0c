"""The Markdown comparison report."""

from __future__ import annotations

import re

import argmap
from argmap.report import render_report

from .conftest import BUNDLED_CLAIMS, synthetic_map
from .test_queries import COFFEE, MANIFEST, TEA


def test_report_has_every_section_and_the_cross_edges(make_map):
    m = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST))
    text = render_report(m)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["At a glance", "Each side's case", "Where they clash", "Cruxes", "Common ground",
                        "Left unanswered", "Formal acceptance", "Diagram of the cross-perspective edges"]
    assert "- **Thesis:** Tea is best. (`tea.best`)" in text
    assert "  - Tea calms. (`tea.calm`)" in text
    assert "flawed method" in text and "both soothe" in text
    mermaid = text.split("```mermaid\n")[1].split("```")[0]
    assert mermaid.count("-.->|contradicts|") == 3 and mermaid.count("-->|supports|") == 1
    assert "Tea is cheap. (`tea.cheap`): 1 claim(s) fall with it" in text
    assert "Studies show tea calms. (`tea.science`): defeated by `cof.study`" in text


def test_report_escapes_claim_text(make_map):
    hostile = "<script>alert(1)</script> *x* | y"
    tea = TEA.replace("text: Tea calms.", f"text: '{hostile}'")
    text = render_report(argmap.load(make_map({"tea.yaml": tea, "coffee.yaml": COFFEE}, manifest=MANIFEST)))
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\> \*x\* \| y" in text
    assert "#60;script#62;" in text  # inside the Mermaid label


def test_bundled_report_names_the_real_disagreement():
    text = render_report(argmap.load(BUNDLED_CLAIMS))
    assert "The main crux: Therapy is a professional service" in text
    assert text == render_report(argmap.load(BUNDLED_CLAIMS))  # deterministic


def test_report_cli_writes_stdout_or_a_file(run_cli, tmp_path):
    to_stdout = run_cli("report", BUNDLED_CLAIMS)
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("# Is the therapeutic relationship")
    out = tmp_path / "r.md"
    written = run_cli("report", BUNDLED_CLAIMS, "-o", out)
    assert written.returncode == 0 and out.read_text() == to_stdout.stdout


def test_a_large_maps_diagram_stays_within_mermaids_limits(tmp_path):
    from argmap.compare import Comparison
    from argmap.report import DIAGRAM_EDGES

    m = argmap.load(synthetic_map(tmp_path / "big", 1500, perspectives=2, files=2, seed=2))
    text = render_report(m)
    mermaid = text.split("```mermaid\n")[1].split("```")[0]
    drawn = mermaid.count("-.->|contradicts|") + mermaid.count("-->|supports|")
    assert drawn == DIAGRAM_EDGES < len(Comparison(m).cross_relations)
    assert f"The {DIAGRAM_EDGES} edges nearest the cruxes, of {len(Comparison(m).cross_relations)}" in text
    top_crux = m.claims[Comparison(m).cruxes()[0].claim]
    assert top_crux.text in mermaid.replace("<br>", " ")  # edges at the cruxes are kept first
