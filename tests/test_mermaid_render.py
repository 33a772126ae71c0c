"""The report's Mermaid diagram as Mermaid itself draws it, in headless Chromium."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import argmap
from argmap.report import render_report

from .conftest import BUNDLED_CLAIMS
from .test_queries import COFFEE, MANIFEST, TEA

#: The width GitHub gives a Markdown document's content, in CSS px.
PAGE_WIDTH = 1000


@pytest.fixture(scope="module")
def mermaid_js() -> str:
    path = os.environ.get("ARGMAP_MERMAID", "")
    if not path or not Path(path).is_file():
        message = "set ARGMAP_MERMAID to mermaid.min.js (npm install mermaid)"
        if os.environ.get("ARGMAP_REQUIRE_MERMAID") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return Path(path).read_text(encoding="utf-8")


def draw(chromium, mermaid_js: str, report: str, html_labels: bool) -> dict:
    """Render the report's diagram; return each node's drawn text and box, and the diagram's width."""
    source = report.split("```mermaid\n")[1].split("```")[0]
    page = chromium.new_page()
    try:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(content=mermaid_js)
        return page.evaluate("""async ([source, htmlLabels]) => {
            mermaid.initialize({startOnLoad: false, securityLevel: "strict", flowchart: {htmlLabels}});
            const {svg} = await mermaid.render("diagram", source);
            document.body.innerHTML = svg;
            const root = document.querySelector("svg");
            const nodes = {};
            for (const node of root.querySelectorAll("g.node")) {
                const id = node.id.match(/flowchart-(n\\d+)-/)[1];
                const label = node.querySelector(".nodeLabel, text");
                nodes[id] = {text: node.textContent, height: node.getBBox().height,
                             font: parseFloat(getComputedStyle(label).fontSize)};
            }
            return {nodes, width: root.viewBox.baseVal.width,
                    scripts: root.querySelectorAll("script").length};
        }""", [source, html_labels])
    finally:
        page.close()


def labels_of(report: str) -> dict[str, str]:
    source = report.split("```mermaid\n")[1].split("```")[0]
    return dict(re.findall(r'^\s+(n\d+)\["(.*)"\]$', source, re.M))


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("html_labels", [True, False], ids=["html-labels", "svg-labels"])
def test_bundled_diagram_shows_titles_with_real_line_breaks(chromium, mermaid_js, html_labels):
    bundled = argmap.load(BUNDLED_CLAIMS)
    report = render_report(bundled)
    drawn = draw(chromium, mermaid_js, report, html_labels)
    titles = {c.label for c in bundled.claims.values()}
    labels = labels_of(report)
    assert set(drawn["nodes"]) == set(labels)
    for node_id, node in drawn["nodes"].items():
        text = node["text"]
        assert not re.search(r"<br|#\d+;|&#|&lt;", text), text  # no markup shown as text
        assert squeeze(text) in {squeeze(t) for t in titles}
        lines = labels[node_id].count("<br>") + 1
        assert node["height"] >= lines * node["font"], (text, node["height"])  # each line drawn as a line
    # Shrunk to the page's width, the labels stay at least 10 px.
    smallest_font = min(node["font"] for node in drawn["nodes"].values())
    assert smallest_font * min(1, PAGE_WIDTH / drawn["width"]) >= 10, drawn["width"]


def test_hostile_claim_text_is_drawn_as_text(chromium, mermaid_js, make_map):
    hostile = '<img src=x onerror=alert(1)> #1 "quoted" `%%{init}%%` & done'
    tea = TEA.replace("text: Tea calms.", f"text: '{hostile}'")
    report = render_report(argmap.load(make_map({"tea.yaml": tea, "coffee.yaml": COFFEE}, manifest=MANIFEST)))
    drawn = draw(chromium, mermaid_js, report, True)
    assert drawn["scripts"] == 0
    texts = [squeeze(node["text"]) for node in drawn["nodes"].values()]
    assert squeeze(hostile) in texts


def test_every_clash_diagram_fits_600_px_at_githubs_width(chromium, mermaid_js, tmp_path):
    """One small diagram per clash: each at most 600 px tall once shrunk to the page's 1,000 px."""
    from .conftest import synthetic_map

    maps = [argmap.load(BUNDLED_CLAIMS), argmap.load(synthetic_map(tmp_path / "big", 1500, shape="many"))]
    page = chromium.new_page()
    try:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(content=mermaid_js)
        for m in maps:
            report = render_report(m)
            diagrams = [block.split("```")[0] for block in report.split("```mermaid\n")[1:]]
            assert diagrams
            for index, source in enumerate(diagrams):
                size = page.evaluate("""async ([source, index]) => {
                    mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
                    const {svg} = await mermaid.render("clash" + index, source);
                    document.body.innerHTML = svg;
                    const box = document.querySelector("svg").viewBox.baseVal;
                    return {width: box.width, height: box.height};
                }""", [source, index])
                shown = size["height"] * min(1, PAGE_WIDTH / size["width"])
                assert shown <= 600, (m.title, index, size)
    finally:
        page.close()
