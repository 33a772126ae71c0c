"""The built map in a real headless Chromium, offline, driven as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import query

from .conftest import BUNDLED_CLAIMS, synthetic_map

pytestmark = pytest.mark.browser

HOSTILE = [
    "</script><script>window.__x=1</script>",
    '<img src=x onerror="window.__x=1">',
    "<svg onload=window.__x=1>",
    "javascript:window.__x=1",
]


@pytest.fixture(scope="module")
def bundled() -> argmap.ArgumentMap:
    return argmap.load(BUNDLED_CLAIMS)


@pytest.fixture(scope="module")
def bundled_html(bundled, tmp_path_factory) -> Path:
    return argmap.write_html(bundled, tmp_path_factory.mktemp("map") / "map.html")


@pytest.fixture
def page_of(open_map, bundled_html):
    """Open the bundled map, optionally at a URL hash; check it stayed clean.

    These tests drive the whole map, so its support trees start expanded
    (``tree=all``); test_reading_page covers the map as it first opens, collapsed.
    """
    opened_pages = []

    def open_(hash_: str = ""):
        if "tree=" not in hash_:
            hash_ = (hash_ + "&" if hash_ else "#") + "tree=all"
        opened = open_map(bundled_html, hash_)
        opened_pages.append(opened)
        return opened.page

    yield open_
    for opened in opened_pages:
        assert opened.console_errors == [], opened.console_errors
        assert opened.requests == [], opened.requests


def claim_point(page, claim_id: str) -> dict:
    return page.evaluate(
        """(id) => { const n = window.argmap.network;
                     const p = n.canvasToDOM(n.getPosition(id));
                     const r = document.querySelector('#map canvas').getBoundingClientRect();
                     return {x: p.x + r.left, y: p.y + r.top}; }""", claim_id)


def click_claim(page, claim_id: str, modifiers: list[str] | None = None) -> None:
    point = claim_point(page, claim_id)
    box = page.locator("#map canvas").bounding_box()
    if not (box["x"] < point["x"] < box["x"] + box["width"] - 400 and box["y"] < point["y"] < box["y"] + box["height"]):
        page.evaluate("() => window.argmap.network.fit({animation: false})")  # as a reader would pan to it
        point = claim_point(page, claim_id)
    page.mouse.move(point["x"], point["y"])
    if modifiers:
        for key in modifiers:
            page.keyboard.down(key)
    page.mouse.click(point["x"], point["y"])
    for key in modifiers or []:
        page.keyboard.up(key)
    page.wait_for_timeout(350)  # a click on a claim waits out the double-click time before it acts


def hover_claim(page, claim_id: str) -> str:
    """Move the mouse over a claim and return its tooltip's text."""
    point = claim_point(page, claim_id)
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def visible_counts(page) -> tuple[int, int]:
    status = page.locator("#status")
    return int(status.get_attribute("data-visible-claims")), int(status.get_attribute("data-visible-edges"))


def hidden_ids(page) -> set[str]:
    """The claims not on the map: the map holds only the claims it shows."""
    shown = page.evaluate("() => window.argmap.network.body.data.nodes.getIds()")
    return set(page.evaluate("() => window.argmap.data.nodes.map((n) => n.id)")) - set(shown)


def hash_of(page) -> str:
    return page.evaluate("() => location.hash")


def test_bundled_map_opens_offline_and_draws_every_claim(page_of, bundled):
    page = page_of()
    drawn = page.evaluate("() => window.argmap.network.body.data.nodes.getIds()")
    assert sorted(drawn) == sorted(bundled.claims)
    assert page.evaluate("() => window.argmap.network.body.data.edges.length") == bundled.graph.number_of_edges()
    assert page.locator("#map canvas").count() == 1
    assert page.locator("#map-title").inner_text() == bundled.title
    assert visible_counts(page) == (len(bundled.claims), bundled.graph.number_of_edges())


def test_perspectives_are_side_by_side(page_of, bundled):
    page = page_of()
    xs = page.evaluate("() => { const n = window.argmap.network; return n.getPositions(); }")
    by_side = {p: [xs[c.id]["x"] for c in bundled.claims.values() if c.perspective == p] for p in bundled.perspectives}
    left, right = by_side["relational"], by_side["professional-service"]
    assert max(left) < min(right)  # two columns, with a gutter between them
    assert min(right) - max(left) >= 200


def test_hover_shows_text_quote_and_source(page_of, bundled):
    page = page_of()
    claim = bundled.claims["rel.relationship-required"]
    text = hover_claim(page, claim.id)
    assert claim.text in text and claim.quote in text and claim.source.title in text


def test_clicking_a_claim_opens_its_details(page_of, bundled):
    page = page_of()
    claim = bundled.claims["svc.life-neglected"]
    click_claim(page, claim.id)
    panel = page.locator("#details")
    panel.wait_for(state="visible")
    assert page.locator("#details-title").inner_text() == claim.text
    body = page.locator("#details-body").inner_text()
    assert "Professional-service critique" in body and "premise" in body
    assert claim.quote in page.locator("#details blockquote").inner_text()
    source_link = page.locator("#details .source a")
    assert source_link.get_attribute("href") == claim.source.url
    assert source_link.inner_text() == f"{claim.source.title} — {claim.source.author}"
    fragment = page.locator("#details a.quote-link").get_attribute("href")
    assert fragment.startswith(claim.source.url + "#:~:text=the%20real%20problems%20in%20a,")
    # supporters and contradictors, each with its note, each clickable
    for link in query.supporters(bundled, claim.id) + query.contradictors(bundled, claim.id):
        assert page.locator(f"#details-body button[data-claim='{link.claim}']").count() == 1
        if link.note:
            assert link.note in body
    # the questions it answers, and their answers
    answers = page.locator("#details-body .claim-answers li")
    assert [answers.nth(i).inner_text() for i in range(answers.count())] == [
        f"{bundled.questions[a.question].text} {a.position}" for a in claim.answers]
    page.locator("#details-body button[data-claim='svc.therapist-redirects']").first.click()
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.therapist-redirects"].text
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["svc.therapist-redirects"]
    assert "claim=svc.therapist-redirects" in hash_of(page)
    # a claim whose support is undercut says by whom
    page.evaluate("() => window.argmap.select('rel.comment-trust')")
    said = page.locator("#details-body .undercuts").inner_text()
    assert "denies that this supports" in said and bundled.claims["rel.relationship-required"].text in said


def test_escape_closes_the_panel(page_of):
    page = page_of("#claim=rel.repair-valuable")
    assert page.locator("#details").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#details").is_hidden()
    assert "claim=" not in hash_of(page)


def test_search_is_incremental_and_enter_focuses_the_claim(page_of, bundled):
    page = page_of()
    box = page.locator("#search")
    box.fill("gaslight")
    results = page.locator("#search-results button")
    assert results.count() == 1 and results.first.get_attribute("data-claim") == "svc.obsession"
    box.fill("comment")  # matches the tag
    assert {b.get_attribute("data-claim") for b in results.all()} == {
        c.id for c in bundled.claims.values() if "comment" in c.tags}
    box.fill("rel.repair-")  # matches ids
    assert results.count() == 3
    box.fill("transference")  # matches a quote, not the claim text
    box.press("Enter")
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["svc.obsession"]
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.obsession"].text
    assert "claim=svc.obsession" in hash_of(page)
    # the panel docks beside the map, which shrinks; the claim is centred in what is left
    point = claim_point(page, "svc.obsession")
    canvas = page.locator("#map canvas").bounding_box()
    panel = page.locator("#details").bounding_box()
    assert canvas["x"] + canvas["width"] <= panel["x"] + 1
    assert abs(point["x"] - (canvas["x"] + canvas["width"] / 2)) < 5


def test_choosing_a_result_with_the_mouse_focuses_it(page_of):
    page = page_of()
    page.locator("#search").fill("rupture")
    page.locator("#search-results button[data-claim='rel.ruptures-inevitable']").click()
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["rel.ruptures-inevitable"]


def test_filters_change_the_visible_counts(page_of, bundled):
    page = page_of()
    claims, edges = len(bundled.claims), bundled.graph.number_of_edges()
    svc = {c.id for c in bundled.claims.values() if c.perspective == "professional-service"}
    page.get_by_label("Relational view", exact=True).uncheck()
    svc_edges = sum(1 for a, b in bundled.graph.edges if a in svc and b in svc)
    assert visible_counts(page) == (len(svc), svc_edges)
    assert hidden_ids(page) == set(bundled.claims) - svc
    assert "p=professional-service" in hash_of(page)
    page.get_by_label("Relational view", exact=True).check()
    assert visible_counts(page) == (claims, edges)

    cross = sum(1 for r in bundled.relations()
                if bundled.claims[r.source].perspective != bundled.claims[r.target].perspective)
    page.locator("#cross-only").check()
    assert visible_counts(page) == (claims, cross)
    page.locator("#cross-only").uncheck()

    page.locator("input[name=edge-kind][value=supports]").uncheck()
    contradicts = sum(1 for *_, k in bundled.graph.edges(data="kind") if k == "contradicts")
    assert visible_counts(page) == (claims, contradicts)
    page.locator("input[name=edge-kind][value=supports]").check()

    page.locator("input[name=kind][value=thesis]").uncheck()
    assert visible_counts(page)[0] == claims - 2
    page.locator("input[name=kind][value=thesis]").check()

    page.locator("#tag-filter").select_option("comment")
    assert visible_counts(page)[0] == sum("comment" in c.tags for c in bundled.claims.values())
    page.locator("#reset").click()
    assert hash_of(page) == "#view=map"  # reset keeps the map view, with every default
    opened_collapsed = visible_counts(page)  # the support trees as the map opens: collapsed to a readable depth
    assert 2 <= opened_collapsed[0] < claims and int(page.locator("#status").get_attribute("data-hidden-claims")) == \
        claims - opened_collapsed[0]


def test_deep_link_opens_a_claim_with_filters(page_of, bundled):
    page = page_of("#claim=rel.repair-valuable&p=relational&e=supports")
    assert page.locator("#details-title").inner_text() == bundled.claims["rel.repair-valuable"].text
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["rel.repair-valuable"]
    rel = {c.id for c in bundled.claims.values() if c.perspective == "relational"}
    rel_supports = sum(1 for a, b, k in bundled.graph.edges(data="kind") if a in rel and b in rel and k == "supports")
    assert visible_counts(page) == (len(rel), rel_supports)
    assert not page.get_by_label("Professional-service critique", exact=True).is_checked()
    assert not page.locator("input[name=edge-kind][value=contradicts]").is_checked()


def test_focus_mode_shows_the_k_hop_neighbourhood(page_of, bundled):
    page = page_of("#claim=svc.life-neglected")
    page.locator("#details select").select_option("2")
    page.locator("#focus-button").click()
    expected = {c.id for c in query.neighbourhood(bundled, "svc.life-neglected", 2)}
    assert set(bundled.claims) - hidden_ids(page) == expected
    assert visible_counts(page)[0] == len(expected)
    assert "focus=svc.life-neglected" in hash_of(page) and "depth=2" in hash_of(page)


def test_selecting_two_claims_highlights_the_paths_between_them(page_of, bundled):
    page = page_of()
    click_claim(page, "rel.wired-for-connection")
    page.locator("#details").wait_for(state="visible")
    page.locator("#close-details").click()
    click_claim(page, "rel.wired-for-connection")
    click_claim(page, "svc.life-neglected", modifiers=["Control"])
    shortest = query.paths(bundled, "rel.wired-for-connection", "svc.life-neglected")[0]
    assert page.locator("#status").get_attribute("data-path-length") == str(len(shortest))
    opacity = page.evaluate("() => Object.fromEntries(window.argmap.network.body.data.nodes.get().map(n => [n.id, n.opacity]))")
    on_path = {s.source for s in shortest} | {s.target for s in shortest}
    assert all(opacity[c] == 1 for c in on_path)
    assert opacity["svc.obsession"] == 0.2
    assert "path=rel.wired-for-connection%2Csvc.life-neglected" in hash_of(page)


def test_path_button_then_click(page_of, bundled):
    page = page_of("#claim=rel.wired-for-connection")
    page.locator("#path-button").click()
    assert "click another claim" in page.locator("#status").inner_text()
    page.locator("#close-details").click()
    click_claim(page, "svc.qualities-not-relationship")
    shortest = query.paths(bundled, "rel.wired-for-connection", "svc.qualities-not-relationship")[0]
    assert page.locator("#status").get_attribute("data-path-length") == str(len(shortest))


def test_highlight_toggles_dim_everything_but_the_cross_edges(page_of, bundled):
    page = page_of()

    def lit_edges() -> set[tuple[str, str]]:
        edges = page.evaluate("() => window.argmap.network.body.data.edges.get()")
        return {(e["from"], e["to"]) for e in edges if e["color"]["opacity"] == 1}

    cross = [r for r in bundled.relations()
             if bundled.claims[r.source].perspective != bundled.claims[r.target].perspective]
    page.locator("#hl-disagreements").check()
    assert lit_edges() == {(r.source, r.target) for r in cross if r.kind == "contradicts"}
    page.locator("#hl-disagreements").uncheck()
    page.locator("#hl-common").check()
    assert lit_edges() == {(r.source, r.target) for r in cross if r.kind == "supports"}
    assert "hl=common" in hash_of(page)
    page.locator("#hl-common").uncheck()
    assert len(lit_edges()) == bundled.graph.number_of_edges()


def test_engagement_summary_matches_the_query(page_of, bundled):
    from argmap.compare import Comparison

    page = page_of()
    rows = page.locator("#summary tbody tr").all()
    expected = Comparison(bundled).engagement()
    assert len(rows) == len(expected)
    for row, engagement in zip(rows, expected):
        cells = row.locator("td").all_inner_texts()
        assert cells[1:] == [str(engagement.contradicting_claims), str(engagement.supporting_claims)]


def test_force_layout_is_seeded_and_reproducible_and_keeps_the_sides_apart(page_of, bundled):
    def force_positions(page):
        page.get_by_label("free force layout").check()
        page.wait_for_selector("body[data-layout=force]", state="attached", timeout=30_000)
        return page.evaluate("() => window.argmap.network.getPositions()")

    first_page = page_of()
    sides = first_page.evaluate("() => window.argmap.network.getPositions()")
    first = force_positions(first_page)
    assert first != sides
    assert force_positions(page_of()) == first
    # each perspective keeps a side of its own, in the map's order
    xs = {p: [first[c.id]["x"] for c in bundled.claims.values() if c.perspective == p] for p in bundled.perspectives}
    assert max(xs["relational"]) < min(xs["professional-service"])
    first_page.get_by_label("side by side").check()
    assert first_page.evaluate("() => window.argmap.network.getPositions()") == sides


def test_keyboard_reaches_search_filters_and_the_claim_list(page_of, bundled):
    page = page_of()
    page.locator("body").focus()
    order = []
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.id"))
    # the skip links, the views, then search: the legend is read first
    assert order == ["skip-clashes", "skip-map", "tab-comparison", "tab-map", "search"]
    reached = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.name || document.activeElement.id "
                                  "|| (document.activeElement.dataset.claim ? 'claim-list' : '')"))
    assert {"perspective", "kind", "edge-kind", "reset", "claim-list"} <= reached
    listed = page.locator("#claim-list button")
    assert listed.count() == len(bundled.claims)
    listed.first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#details").is_visible()


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
    assert page.locator("#map-title").inner_text() == payload
    assert page.evaluate("() => window.argmap.network.body.data.nodes.get('tea.best').label") == payload
    assert payload in hover_claim(page, "tea.best")
    click_claim(page, "tea.best")
    page.locator("#details").wait_for(state="visible")
    assert page.locator("#details-title").inner_text() == payload
    assert payload in page.locator("#details blockquote").inner_text()
    assert page.locator("#details a").count() == 0  # a javascript: URL never becomes a link
    page.locator("#search").fill(payload[:12])
    assert page.locator("#search-results button").count() >= 1
    assert page.locator("img, svg[onload], #details script, #search-results script, div.vis-tooltip *:not(br)").count() == 0
    assert page.evaluate("() => window.__x") is None
    assert opened.requests == [] and opened.console_errors == []


def test_perspective_ids_that_name_object_internals_keep_their_colours(make_map, open_map, tmp_path):
    manifest = ('title: Odd ids\nperspectives:\n  __proto__: {label: Proto, color: "#123456"}\n'
                '  constructor: {label: Ctor, color: "#abcdef"}\n')
    files = {"tea.yaml": "perspective: __proto__\nclaims:\n  - {id: p.a, text: A., kind: thesis}\n",
             "coffee.yaml": "perspective: constructor\nclaims:\n  - {id: c.a, text: B., kind: thesis}\n"}
    opened = open_map(argmap.write_html(argmap.load(make_map(files, manifest=manifest)), tmp_path / "odd.html"))
    borders = opened.page.evaluate("() => ['p.a', 'c.a'].map((id) => "
                                   "window.argmap.network.body.nodes[id].options.color.border)")
    assert borders == ["#123456", "#abcdef"]
    assert opened.console_errors == []


def test_a_larger_map_builds_its_claim_list_when_opened(open_map, tmp_path):
    root = synthetic_map(tmp_path / "big", 400, perspectives=2, files=4, seed=5)
    opened = open_map(argmap.write_html(argmap.load(root), tmp_path / "big.html"))
    page = opened.page
    assert page.locator("#claim-list-count").inner_text() == "400"
    assert page.locator("#claim-list button").count() == 0  # not built until wanted
    page.locator("#claim-list-section summary").click()
    # The details element's toggle event, which builds the list, comes a task later.
    page.wait_for_function("() => document.querySelectorAll('#claim-list button').length > 0")
    assert page.locator("#claim-list button").count() == 400
    page.locator("#claim-list button[data-claim='side1.c399']").click()
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["side1.c399"]
    assert opened.console_errors == [] and opened.requests == []


def test_a_chain_of_reasons_thousands_deep_opens_and_outlines(open_map, tmp_path):
    root = tmp_path / "chain"
    root.mkdir()
    (root / "map.yaml").write_text("title: A long chain\nperspectives: {a: {label: A}, b: {label: B}}\n")
    lines = ["perspective: a", "claims:", "  - {id: c0, text: The thesis., kind: thesis}"]
    lines += [f"  - {{id: c{i}, text: Reason {i}., supports: [c{i - 1}]}}" for i in range(1, 5000)]
    (root / "a.yaml").write_text("\n".join(lines) + "\n")
    (root / "b.yaml").write_text("perspective: b\nclaims:\n  - {id: d0, text: No., kind: thesis, contradicts: [c4999]}\n")
    opened = open_map(argmap.write_html(argmap.load(root), tmp_path / "chain.html"))
    page = opened.page
    assert int(page.locator("#status").get_attribute("data-visible-claims")) < 100  # collapsed near the thesis
    page.locator("#claim-list-section summary").click()
    page.wait_for_function("() => document.querySelectorAll('#claim-list button').length === 5001")
    deepest = page.locator("#claim-list button[data-claim='c4999']")
    depth = deepest.evaluate("(e) => { let n = 0; for (; e; e = e.parentElement) n += e.tagName === 'UL'; return n; }")
    # nested as deep as a page lays out, then listed with their levels
    assert depth == 24 and deepest.locator("xpath=..").inner_text().startswith("level 5000:")
    page.locator("#claim-list button[data-claim='c4999']").click()  # opens the trees above it, 5,000 levels
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["c4999"]
    assert opened.console_errors == [] and opened.requests == []


def test_a_large_map_draws_plainly_for_speed(open_map, tmp_path):
    root = synthetic_map(tmp_path / "large", 2001, perspectives=2, files=2, seed=3)
    opened = open_map(argmap.write_html(argmap.load(root), tmp_path / "large.html"))
    page = opened.page
    looks = page.evaluate("""() => {
        const body = window.argmap.network.body;
        const edges = Object.values(body.edges), nodes = Object.values(body.nodes);
        return { dashedEdges: edges.filter((e) => e.options.dashes).length,
                 dashedBorders: nodes.filter((n) => n.options.shapeProperties.borderDashes).length,
                 shapes: [...new Set(nodes.map((n) => n.options.shape))], hover: window.argmap.network.interactionHandler.options.hover };
    }""")
    assert looks == {"dashedEdges": 0, "dashedBorders": 0, "shapes": ["dot"], "hover": False}
    # it opens collapsed to each side's top levels: a bounded number of claims reach vis-network
    shown = page.evaluate("() => window.argmap.network.body.data.nodes.length")
    assert 2 < shown <= 200
    assert int(page.locator("#status").get_attribute("data-hidden-claims")) == 2001 - shown
    page.locator("#drawer-toggle").click() if page.locator("#drawer-toggle").is_visible() else None
    page.locator("#expand-all").click()
    assert page.locator("#status").get_attribute("data-visible-claims") == "2001"
    # vis-network holds only the claims near the view; seen whole, the claims are dots and their lines summed
    held = page.evaluate("() => window.argmap.network.body.data.nodes.length")
    assert held == int(page.locator("#map").get_attribute("data-claims-held")) and held < 2001
    page.evaluate("() => window.argmap.network.moveTo({ scale: 0.02, animation: false })")
    page.evaluate("() => window.argmap.network.emit('zoom', {})")
    page.wait_for_function("() => document.getElementById('map').dataset.overview === 'dots'")
    overview = page.locator("#map-overview")
    assert overview.is_visible() and "2,001 claims" in overview.inner_text()
    sums = [int(t.split()[0].replace(",", "")) for t in overview.locator("li").all_inner_texts()]
    assert sum(sums) == int(page.locator("#status").get_attribute("data-visible-edges"))
    page.get_by_label("free force layout").check() if page.get_by_label("free force layout").is_enabled() else None
    assert page.get_by_label("free force layout").is_disabled()  # physics needs every claim held
    legend = page.locator("#legend").inner_text()
    assert "contradicts: red line" in legend and "dashed" not in legend
    assert opened.console_errors == [] and opened.requests == []


def test_a_small_map_keeps_dashes_and_says_so(page_of):
    page = page_of()
    dashes = page.evaluate("""() => Object.fromEntries(Object.values(window.argmap.network.body.edges)
        .map((e) => [e.options.id, JSON.stringify(e.options.dashes)]))""")
    edges = page.evaluate("() => window.argmap.data.edges")
    # stated supports are solid, stated contradicts dashed, and every inferred link dotted
    styles = {(e["kind"], e["inferred"]): set() for e in edges}
    for e in edges:
        styles[e["kind"], e["inferred"]].add(dashes[str(e["index"])])
    assert styles[("supports", False)] == {"false"}
    assert styles[("contradicts", False)] == {"[10,6]"}
    assert styles[("supports", True)] == styles[("contradicts", True)] == {"[2,5]"}
    legend = page.locator("#legend").inner_text()
    assert "contradicts: dashed red line" in legend and "dotted: a link the mapper inferred" in legend


def test_the_status_bar_never_resizes_the_map(page_of):
    # A taller status bar would shrink the map, and vis-network would draw
    # every claim again: seconds on a large map.
    page = page_of()
    heights = page.evaluate("""() => ["", "one line", "a very long status ".repeat(40)].map((text) => {
        document.getElementById("status").textContent = text;
        return document.getElementById("map").getBoundingClientRect().height;
    })""")
    assert len(set(heights)) == 1 and heights[0] > 0


def test_a_mutual_contradiction_is_drawn_both_ways_once(page_of, bundled):
    """The theses' contradiction is written once, with mutual: true: one line, a bar at each end."""
    mutual = [r for r in bundled.relations() if r.mutual]
    assert [(r.source, r.target) for r in mutual] == [("svc.relationship-harmful", "rel.relationship-required")]
    page = page_of()
    edges = page.evaluate("() => window.argmap.network.body.data.edges.get()")
    between = [e for e in edges if {e["from"], e["to"]} == {"svc.relationship-harmful", "rel.relationship-required"}]
    assert len(between) == 1
    arrows = between[0]["arrows"]
    assert arrows["to"]["enabled"] and arrows["from"]["enabled"] and arrows["from"]["type"] == "bar"
    assert "both ways" in between[0]["title"]
    others = [e for e in edges if e not in between and e["arrows"].get("from")]
    assert others == []  # every other line has one end marked
