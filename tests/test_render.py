"""The HTML file: content, self-containment and determinism."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import argmap

from .conftest import BUNDLED_CLAIMS


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.resources: list[tuple[str, str]] = []
        self.data_json = ""
        self._in_data = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "href"):
            value = attributes.get(name)
            if value and not value.startswith("#"):  # a link within the page fetches nothing
                self.resources.append((tag, value))
        self._in_data = tag == "script" and attributes.get("id") == "argmap-data"

    def handle_data(self, data):
        if self._in_data:
            self.data_json += data

    def handle_endtag(self, tag):
        self._in_data = False


def rows(columns: dict[str, list]) -> list[dict]:
    """The page's column-wise claims or relations, one dict per row."""
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_every_claim_and_edge_is_in_the_page():
    m = argmap.load(BUNDLED_CLAIMS)
    data = json.loads(parse(argmap.render_html(m)).data_json)
    nodes = rows(data["nodes"])
    ids = [n["id"] for n in nodes]
    assert ids == list(m.claims)
    assert {(ids[e["from"]], ids[e["to"]], e["kind"]) for e in rows(data["edges"])} == {
        (a, b, k) for a, b, k in m.graph.edges(data="kind")}
    texts = {n["id"]: n["label"] for n in nodes}
    assert all(texts[c.id] == c.text for c in m.claims.values())
    assert [p["label"] for p in data["perspectives"]] == [p.label for p in m.perspectives.values()]


def test_page_links_no_external_script_or_stylesheet():
    html = argmap.render_html(argmap.load(BUNDLED_CLAIMS))
    assert parse(html).resources == []
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html, re.I)
    assert "default-src 'none'" in html  # the browser itself refuses any fetch


def test_two_builds_are_byte_identical(tmp_path):
    m = argmap.load(BUNDLED_CLAIMS)
    first = argmap.write_html(m, tmp_path / "a.html").read_bytes()
    second = argmap.write_html(argmap.load(BUNDLED_CLAIMS), tmp_path / "b.html").read_bytes()
    assert first == second


def test_title_and_legend_are_escaped(make_map):
    hostile = '<img src=x onerror="window.__x=1">'
    manifest = f"title: '{hostile}'\nperspectives:\n  tea: {{label: '{hostile}'}}\n  coffee: {{}}\n"
    html = argmap.render_html(argmap.load(make_map(manifest=manifest)))
    assert hostile not in html
    assert "&lt;img src=x onerror=&#34;window.__x=1&#34;&gt;" in html


def test_rendering_does_not_change_the_graph(make_map):
    m = argmap.load(make_map())
    before = (dict(m.graph.nodes(data=True)), list(m.graph.edges(data=True)))
    argmap.render_html(m)
    assert (dict(m.graph.nodes(data=True)), list(m.graph.edges(data=True))) == before
