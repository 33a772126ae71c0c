"""Pictures of the map: the SVG as Chromium draws it, PNG and PDF, and DOT and GEXF in argmap's layout."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap.analysis.layout import side_by_side
from argmap.cli.main import main as cli_main
from argmap.formats import export_text
from argmap.formats.dot import POINTS_PER_PIXEL

from .conftest import BUNDLED_CLAIMS, browser_required

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def bundled() -> argmap.ArgumentMap:
    return argmap.load(BUNDLED_CLAIMS)


def drawn_claims(chromium, svg: str) -> dict:
    """Each claim box as Chromium draws the SVG at its own size: lines, text box, rect, font size on screen."""
    page = chromium.new_page()
    try:
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{svg}</body></html>")
        return page.evaluate("""() => {
            const svg = document.querySelector("svg");
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const boxOf = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const claims = {};
            for (const g of document.querySelectorAll("g.claim")) {
                const text = g.querySelector("text");
                claims[g.dataset.id] = {
                    lines: [...text.querySelectorAll("tspan")].map((t) => t.textContent),
                    text: boxOf(text), rect: boxOf(g.querySelector("rect")),
                    px: parseFloat(getComputedStyle(text).fontSize) * scale,
                };
            }
            const headings = [...document.querySelectorAll("text.heading")].map((t) =>
                ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, box: boxOf(t) }));
            return { claims, headings, width: svg.getBoundingClientRect().width,
                     scripts: document.querySelectorAll("svg script, svg foreignObject").length };
        }""")
    finally:
        page.close()


def test_the_svg_shows_every_claim_readably_in_chromium(chromium, bundled):
    drawn = drawn_claims(chromium, export_text(bundled, "svg"))
    assert set(drawn["claims"]) == set(bundled.claims)
    for claim_id, box in drawn["claims"].items():
        claim = bundled.claims[claim_id]
        label = ("" if claim.asserted else "Reported: ") + " ".join(claim.label.split())
        assert " ".join(box["lines"]) == label, claim_id  # the whole title, wrapped, none cut
        assert box["px"] >= 10, claim_id
        left, top, right, bottom = box["text"]
        r_left, r_top, r_right, r_bottom = box["rect"]
        assert r_left <= left and right <= r_right and r_top <= top and bottom <= r_bottom, claim_id
    # Boxes never overlap, so no label hides another.
    rects = sorted(box["rect"] for box in drawn["claims"].values())
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if b[0] >= a[2]:
                break
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    headings = {h["text"]: h for h in drawn["headings"]}
    assert set(headings) == {p.label for p in bundled.perspectives.values()}
    relational, critique = (headings[p.label]["box"] for p in bundled.perspectives.values())
    assert relational[2] < critique[0]  # side by side, in map.yaml order
    assert all(h["px"] >= 20 for h in drawn["headings"])


def test_hostile_claim_text_stays_text_in_the_svg(chromium, make_map):
    hostile = "</text><script>alert(1)</script> ]]> &amp; \x07bell \u202eevil \"q\" 'a' " + "W" * 80
    tea = ("perspective: tea\nclaims:\n"
           f"  - {{id: tea.best, text: {json.dumps(hostile)}, kind: thesis}}\n"
           f"  - {{id: tea.x, text: Tea., title: {json.dumps(hostile[:60])}, supports: [tea.best]}}\n")
    m = argmap.load(make_map({"tea.yaml": tea}))
    svg = export_text(m, "svg")
    ET.fromstring(svg)  # well-formed XML
    drawn = drawn_claims(chromium, svg)
    assert drawn["scripts"] == 0
    for box in drawn["claims"].values():
        assert len(box["lines"]) <= 4
        assert box["rect"][0] <= box["text"][0] and box["text"][2] <= box["rect"][2]
    assert export_text(m, "svg") == svg  # deterministic


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def picture_renderer() -> None:
    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        if browser_required():
            pytest.fail("Chromium is missing: apt-get install chromium")
        pytest.skip("no Chromium to draw PNG and PDF with")


def test_png_and_pdf_are_drawn_deterministically(run_cli, tmp_path):
    picture_renderer()
    svg = ET.fromstring(export_text(argmap.load(BUNDLED_CLAIMS), "svg"))
    for kind in ("png", "pdf"):
        first, second = tmp_path / f"a.{kind}", tmp_path / f"b.{kind}"
        for target in (first, second):
            done = run_cli("export", BUNDLED_CLAIMS, "--format", kind, "-o", target)
            assert done.returncode == 0, done.stderr
        assert first.read_bytes() == second.read_bytes()
    assert png_size((tmp_path / "a.png").read_bytes()) == (int(svg.get("width")), int(svg.get("height")))
    pdf = (tmp_path / "a.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>>") + \
        pdf.count(b"/Type /Page ") >= 1
    assert b"/MediaBox [0 0 %d %d]" % (round(int(svg.get("width")) * 0.75), round(int(svg.get("height")) * 0.75)) in pdf
    # To standard output, as bytes; nothing is left in the folder but what was asked for.
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(BUNDLED_CLAIMS), "-f", "png", "-o", "-"],
                          capture_output=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == first.with_suffix(".png").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "a.png", "b.pdf", "b.png"]


def test_without_a_renderer_the_message_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ARGMAP_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no Chromium on it
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # as if it were not installed
    target = tmp_path / "map.png"
    assert cli_main(["export", str(BUNDLED_CLAIMS), "--format", "png", "-o", str(target)]) == 1
    error = capsys.readouterr().err
    assert "cannot draw a PNG" in error and "install Chromium" in error and "cairosvg" in error
    assert "Traceback" not in error and not target.exists() and len(error.splitlines()) == 1
    # A renderer named by ARGMAP_CHROMIUM that is not there is named in the message.
    monkeypatch.setenv("ARGMAP_CHROMIUM", str(tmp_path / "chromium"))
    assert cli_main(["export", str(BUNDLED_CLAIMS), "--format", "pdf", "-o", str(target)]) == 1
    assert "ARGMAP_CHROMIUM" in capsys.readouterr().err and not target.exists()


def test_dot_carries_argmaps_layout_for_neato(bundled, tmp_path):
    if shutil.which("neato") is None:
        if os.environ.get("ARGMAP_REQUIRE_GRAPHVIZ") == "1":
            pytest.fail("Graphviz is missing")
        pytest.skip("Graphviz is not installed")
    source = export_text(bundled, "dot")
    done = subprocess.run(["neato", "-n2", "-Tplain"], input=source, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    positions = side_by_side(bundled)
    drawn = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts[0] == "node":
            drawn[parts[1].strip('"')] = (float(parts[2]), float(parts[3]), float(parts[4]))
    assert set(drawn) == set(bundled.claims)
    origin_x = min(positions[c][0] for c in drawn) * POINTS_PER_PIXEL / 72
    top = max(y for _, y, _ in drawn.values())
    for claim_id, (x, y, width) in drawn.items():
        px, py = positions[claim_id]
        assert abs((x - min(v[0] for v in drawn.values())) - (px * POINTS_PER_PIXEL / 72 - origin_x)) < 0.02
        assert abs((top - y) - py * POINTS_PER_PIXEL / 72) < 0.02
        assert width <= 240 * POINTS_PER_PIXEL / 72  # boxes fit their spacing, so none overlap
    # dot's own layout is a picture, not a 14,506 px strip: wrapped labels keep it within a few screens.
    done = subprocess.run(["dot", "-Tplain"], input=source, capture_output=True, text=True, timeout=120)
    graph_width = float(done.stdout.split()[2])
    assert graph_width * 72 < 6000


def test_gexf_opens_with_titles_colours_and_positions(bundled):
    from argmap.formats.gexf import write_gexf
    text = write_gexf(bundled)
    root = ET.fromstring(text)
    nodes = root.findall(".//{http://gexf.net/1.2}node") or root.findall(".//{http://www.gexf.net/1.2draft}node")
    assert len(nodes) == len(bundled.claims)
    positions = side_by_side(bundled)
    for node in nodes:
        claim = bundled.claims[node.get("id")]
        assert node.get("label") == claim.label
        viz = {child.tag.split("}")[1]: child.attrib for child in node if "viz" in child.tag}
        assert (float(viz["position"]["x"]), -float(viz["position"]["y"])) == positions[claim.id]
        color = bundled.perspectives[claim.perspective].color.lstrip("#")
        assert (int(viz["color"]["r"]), int(viz["color"]["g"]), int(viz["color"]["b"])) == \
            tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))
    read_back = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert read_back.nodes[claim.id]["viz"]["position"]["x"] == positions[claim.id][0]
