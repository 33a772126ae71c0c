"""The built map in a real headless Chromium, offline."""

from __future__ import annotations

import pytest

import argmap

from .conftest import BUNDLED_CLAIMS

pytestmark = pytest.mark.browser

HOSTILE = [
    "</script><script>window.__x=1</script>",
    '<img src=x onerror="window.__x=1">',
    "<svg onload=window.__x=1>",
    "javascript:window.__x=1",
]


def hover_claim(page, claim_id: str) -> str:
    """Move the mouse over a claim and return its tooltip's text."""
    point = page.evaluate(
        """(id) => { const n = window.argmap.network;
                     const p = n.canvasToDOM(n.getPosition(id));
                     const r = document.querySelector('#map canvas').getBoundingClientRect();
                     return {x: p.x + r.left, y: p.y + r.top}; }""", claim_id)
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def test_bundled_map_opens_offline_and_draws_every_claim(open_map, tmp_path):
    m = argmap.load(BUNDLED_CLAIMS)
    html = argmap.write_html(m, tmp_path / "map.html")
    opened = open_map(html)
    page = opened.page
    drawn = page.evaluate("() => window.argmap.network.body.data.nodes.getIds()")
    assert sorted(drawn) == sorted(m.claims)
    edges = page.evaluate("() => window.argmap.network.body.data.edges.length")
    assert edges == m.graph.number_of_edges()
    assert page.locator("#map canvas").count() == 1
    assert page.locator("#map-title").inner_text() == m.title
    assert opened.console_errors == [] and opened.requests == []


def test_hover_shows_text_quote_and_source(open_map, tmp_path):
    m = argmap.load(BUNDLED_CLAIMS)
    opened = open_map(argmap.write_html(m, tmp_path / "map.html"))
    claim = next(c for c in m.claims.values() if c.quote and c.kind == "thesis")
    text = hover_claim(opened.page, claim.id)
    assert claim.text in text and claim.quote in text and claim.source.title in text


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_claim_text_stays_inert(make_map, open_map, tmp_path, payload):
    def q(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    manifest = (f"title: {q(payload)}\ndescription: {q(payload)}\nperspectives:\n"
                f"  tea: {{label: {q(payload)}}}\n  coffee: {{}}\n")
    tea = (f"perspective: tea\nsource: {{title: {q(payload)}, author: {q(payload)}, url: {q(payload)}}}\n"
           f"claims:\n  - id: tea.best\n    text: {q(payload)}\n    quote: {q(payload)}\n"
           f"    note: {q(payload)}\n    kind: thesis\n    tags: [{q(payload)}]\n"
           f"  - id: tea.calm\n    text: calm\n    supports:\n      - to: tea.best\n        note: {q(payload)}\n")
    html = argmap.write_html(argmap.load(make_map({"tea.yaml": tea}, manifest=manifest)), tmp_path / "x.html")
    opened = open_map(html)
    page = opened.page
    assert page.evaluate("() => window.__x") is None
    assert page.locator("img, svg[onload]").count() == 0
    assert page.locator("#map-title").inner_text() == payload
    labels = page.evaluate("() => window.argmap.network.body.data.nodes.get('tea.best').label")
    assert labels == payload
    tooltip = hover_claim(page, "tea.best")
    assert payload in tooltip  # shown as text
    assert page.evaluate("() => window.__x") is None
    assert page.locator("div.vis-tooltip *:not(br)").count() == 0
    assert opened.requests == []
