"""What a reader sees first: the comparison as text, and a map whose text is always readable.

Every test drives Debian's Chromium with every request blocked (see conftest).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap

from .conftest import BUNDLED_CLAIMS

#: Records every text the map's canvas draws, with its size on screen in CSS px,
#: from the canvas's own font and transform.
MEASURE_CANVAS_TEXT = """
  window.__drawn = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    const m = this.getTransform(), px = parseFloat(/([\\d.]+)px/.exec(this.font)[1]);
    window.__drawn.push({ text: String(text), px: px * Math.hypot(m.a, m.b) / devicePixelRatio });
    return fillText.apply(this, arguments);
  };
"""


@pytest.fixture(scope="module")
def bundled() -> argmap.ArgumentMap:
    return argmap.load(BUNDLED_CLAIMS)


@pytest.fixture(scope="module")
def html(bundled, tmp_path_factory) -> Path:
    return argmap.write_html(bundled, tmp_path_factory.mktemp("page") / "map.html")


@pytest.fixture
def reader(open_map, html):
    """Open the page as a reader would, at a viewport size, with no hash unless given."""
    opened_pages = []

    def open_(width: int = 1400, height: int = 900, hash_: str = "", media: str = "screen"):
        opened = open_map(html, hash_, width=width, height=height, media=media, init_script=MEASURE_CANVAS_TEXT,
                          as_opened=True)
        opened_pages.append(opened)
        return opened.page

    yield open_
    for opened in opened_pages:
        assert opened.console_errors == [] and opened.requests == []


def box_in_viewport(page, locator) -> dict:
    """The element's box, its font size, and whether it is wholly inside the first viewport."""
    return locator.evaluate("""(e) => { const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
                 font: parseFloat(getComputedStyle(e).fontSize),
                 inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.width > 0 }; }""")


def drawn_texts(page) -> list[dict]:
    page.evaluate("() => { window.__drawn = []; window.argmap.network.redraw(); }")
    page.wait_for_timeout(100)
    return page.evaluate("() => window.__drawn")


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080), (390, 844)], ids=["laptop", "desktop", "phone"])
def test_the_first_screen_shows_both_theses_and_the_top_clash_as_text(reader, bundled, size):
    page = reader(*size)
    assert page.locator("#comparison").is_visible() and not page.locator("#map-view").is_visible()
    theses = page.locator(".case .thesis a")
    assert theses.count() == 2
    for i in range(2):
        found = box_in_viewport(page, theses.nth(i))
        assert found["inside"] and found["font"] >= 12, found
        assert theses.nth(i).inner_text() in {c.text for c in bundled.claims.values() if c.kind == "thesis"}
    # the clash section opens with the question the sides answer differently that most rests on
    top_question = page.locator("#question-list .question-text").first
    found = box_in_viewport(page, top_question)
    assert found["inside"] and found["font"] >= 12, found
    assert top_question.inner_text() == argmap.compare.Comparison(bundled).questions()[0].text
    summary = box_in_viewport(page, page.locator("#map-summary"))
    assert summary["top"] < box_in_viewport(page, theses.first)["top"] and summary["font"] >= 12
    # further down the same view: agreement, counted as the report counts it, and what is not engaged
    from argmap.analysis.reading import Reading
    assert page.locator(".agree-row").count() == len(Reading(bundled).agreement_rows) == 8
    assert page.locator("#unanswered li").count() >= 1


def test_the_clash_ledger_rows_carry_issue_inferred_mark_and_weight(reader, bundled):
    from argmap.analysis.reading import Reading

    page = reader()
    rows = page.locator(".clash-row")
    reading = Reading(bundled)
    assert rows.count() == len(reading.ranked_clashes) == 4
    undercut = rows.filter(has_text="undercut: denies that a reason supports it")
    assert undercut.count() == 1
    content = undercut.inner_text()
    assert bundled.claims["svc.not-the-centrepiece"].title in content
    assert "a question of what matters" in content and "inferred by the mapper" in content
    assert reading.rests_on("svc.not-the-centrepiece") in content
    # a clash between two claims that answer one question says which
    assert "on: " + bundled.questions["q.what-heals"].text in rows.nth(1).inner_text()


def test_the_questions_lead_the_clashes_with_each_sides_answer_and_what_rests_on_it(reader, bundled):
    from argmap.analysis.reading import Reading

    page = reader()
    reading = Reading(bundled)
    shown = page.locator("#question-list .question")
    assert shown.count() == len(reading.contested_questions) == 5
    for i, question in enumerate(reading.contested_questions):
        block = shown.nth(i)
        assert block.locator(".question-text").inner_text() == question.text
        answers = block.locator(".answer")
        assert answers.count() == len(question.answers)
        for j, answer in enumerate(question.answers):
            said = answers.nth(j).inner_text()
            assert " / ".join(answer.positions) in said
            assert reading.answer_rests(answer) in said.lower() or reading.answer_rests(answer)[1:] in said
            assert answers.nth(j).get_attribute("data-perspective") == answer.perspective
    heading_top = page.locator("#questions-heading").bounding_box()["y"]
    assert heading_top < page.locator("#clash-ledger").bounding_box()["y"]  # before the clashes between claims
    agreed = page.locator("#agreed-questions .question-text")
    assert [agreed.nth(i).inner_text() for i in range(agreed.count())] == [q.text for q in reading.agreed_questions]


def test_an_undercut_is_drawn_from_its_claim_to_the_middle_of_the_support_it_objects_to(reader, bundled):
    page = reader(hash_="#view=map")
    page.evaluate("() => { window.argmap.network.fit({animation: false}); window.argmap.network.redraw(); }")
    page.wait_for_timeout(200)
    lines = page.evaluate("() => window.argmap.undercuts()")
    drawn = {(l["source"], l["reason"], l["conclusion"]) for l in lines}
    assert drawn == {(u.source, u.reason, u.conclusion) for u in bundled.undercuts()}
    for line in lines:
        ends = page.evaluate("""([reason, conclusion]) => {
            const n = window.argmap.network, at = n.getPositions([reason, conclusion]);
            return [n.canvasToDOM(at[reason]), n.canvasToDOM(at[conclusion])]; }""", [line["reason"], line["conclusion"]])
        (ax, ay), (bx, by) = ((p["x"], p["y"]) for p in ends)
        # its end lies on the support's line, between the two claims
        cross = (bx - ax) * (line["to"]["y"] - ay) - (by - ay) * (line["to"]["x"] - ax)
        assert abs(cross) / max(((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5, 1) < 2
        assert min(ax, bx) - 1 <= line["to"]["x"] <= max(ax, bx) + 1
        # and the canvas is red along it (a dotted line: at many of 40 points between its ends, in the
        # canvas's own coordinates, as canvasToDOM gives them)
        red = page.evaluate("""(l) => {
            const canvas = document.querySelector('#map canvas'), box = canvas.getBoundingClientRect();
            const ratio = canvas.width / box.width, ctx = canvas.getContext('2d');
            let found = 0;
            for (let i = 1; i < 40; i++) {
              const x = l.from.x + (i / 40) * (l.to.x - l.from.x), y = l.from.y + (i / 40) * (l.to.y - l.from.y);
              const p = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
              if (p[0] > 150 && p[0] - p[1] > 60) found += 1;
            }
            return found; }""", line)
        assert red >= 8, red


def test_a_comparison_item_opens_the_map_on_its_claim_and_back_returns(reader, bundled):
    page = reader()
    link = page.locator(".question a[data-claim='svc.qualities-not-relationship']").first
    link.click()
    page.locator("#details").wait_for(state="visible")
    assert page.locator("#map-view").is_visible() and not page.locator("#comparison").is_visible()
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.qualities-not-relationship"].text
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["svc.qualities-not-relationship"]
    page.locator("#tab-comparison").click()  # switching views keeps the selection
    assert page.locator("#comparison a.selected[data-claim='svc.qualities-not-relationship']").count() >= 1
    page.locator("#tab-map").click()
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.qualities-not-relationship"].text
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_function("() => !document.getElementById('comparison').hidden")
    assert page.evaluate("() => window.argmap.state().claim") is None


def test_back_and_forward_step_through_selections(reader, bundled):
    page = reader(hash_="#view=map")
    for claim_id in ("svc.life-neglected", "svc.obsession"):
        page.evaluate("(id) => window.argmap.select(id)", claim_id)
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.obsession"].text
    page.go_back()
    page.wait_for_function("() => window.argmap.state().claim === 'svc.life-neglected'")
    assert page.locator("#details-title").inner_text() == bundled.claims["svc.life-neglected"].text
    page.go_forward()
    page.wait_for_function("() => window.argmap.state().claim === 'svc.obsession'")


def test_no_text_on_the_map_is_drawn_under_10_px_at_any_zoom(reader, bundled):
    page = reader(hash_="#view=map")
    first = drawn_texts(page)
    assert first and min(t["px"] for t in first) >= 10
    # The first view frames both theses, readable, under their column headings.
    texts = " ".join(t["text"] for t in first)
    for claim in bundled.claims.values():
        if claim.kind == "thesis":
            assert claim.title.split()[0] in texts
    assert {"Relational view", "Professional-service critique"} <= {t["text"] for t in first}
    # Zoom out with the wheel as far as it goes: labels vanish before they shrink below 10 px.
    box = page.locator("#map canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(40):
        page.mouse.wheel(0, 400)
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.argmap.network.getScale()") < 0.1
    far = drawn_texts(page)
    assert min(t["px"] for t in far) >= 10
    assert not any(t["text"] == bundled.claims["svc.obsession"].title.split()[0] for t in far)


def shown_on_map(page) -> dict:
    return page.evaluate("""() => { const data = window.argmap.network.body.data;
        return { nodes: data.nodes.getIds(), edges: data.edges.get().map((e) => ({ id: String(e.id), from: e.from, to: e.to })) }; }""")


def test_support_trees_open_to_a_readable_depth_and_collapse_and_expand(reader, bundled):
    page = reader(hash_="#view=map")
    status = page.locator("#status")
    visible = int(status.get_attribute("data-visible-claims"))
    hidden = int(status.get_attribute("data-hidden-claims"))
    assert visible + hidden == len(bundled.claims) and 0 < visible < len(bundled.claims)
    shown = shown_on_map(page)
    assert len(shown["nodes"]) == visible
    # every thesis and its direct reasons are there
    for claim in bundled.claims.values():
        if claim.kind == "thesis":
            assert claim.id in shown["nodes"]
            reasons = [r.source for r in bundled.relations() if r.target == claim.id and r.kind == "supports"
                       and bundled.claims[r.source].perspective == claim.perspective]
            assert set(reasons) <= set(shown["nodes"])
    # a collapsed claim says on the map how many it hides
    tree = page.evaluate("() => Object.fromEntries(window.argmap.tree().view.hiddenBelow)")
    collapsed, count = max(tree.items(), key=lambda item: item[1])
    page.evaluate("(id) => window.argmap.network.focus(id, { scale: 1, animation: false })", collapsed)
    texts = " ".join(t["text"] for t in drawn_texts(page))
    assert f"▸ {count} more below" in texts
    # lines to hidden claims are drawn to the collapsed claim that stands for them
    stand_in = page.evaluate("() => Object.fromEntries(window.argmap.tree().view.standIn)")
    folded = [e for e in shown["edges"] if e["id"].startswith("fold:")]
    assert folded and all(e["from"] in shown["nodes"] and e["to"] in shown["nodes"] for e in folded)
    hidden_relations = [r for r in bundled.relations() if (r.source in stand_in) != (r.target in stand_in)]
    for r in hidden_relations:
        ends = (stand_in.get(r.source, r.source), stand_in.get(r.target, r.target))
        if ends[0] == ends[1]:
            continue  # a hidden reason of the collapsed claim itself: inside the collapsed box
        assert any((e["from"], e["to"]) == ends for e in folded), r
    # the rows a collapsed tree leaves empty are closed up; each side keeps its rows' order and every x
    closed = page.evaluate("() => window.argmap.network.getPositions()")
    full = {c: (x, y) for c, x, y in zip(*[page.evaluate(f"() => window.argmap.data.nodes.map((n) => n.{f})")
                                            for f in ("id", "x", "y")])}
    for side in bundled.perspectives:
        mine = [c for c in closed if bundled.claims[c].perspective == side]
        assert all(closed[c]["x"] == full[c][0] for c in mine)
        assert all((full[a][1] < full[b][1]) == (closed[a]["y"] < closed[b]["y"]) for a in mine for b in mine)
        assert max(closed[c]["y"] for c in mine) - min(closed[c]["y"] for c in mine) < \
            max(full[c][1] for c in mine) - min(full[c][1] for c in mine)
    # double-click opens it; its details button shuts it again
    point = page.evaluate("(id) => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", collapsed)
    canvas = page.locator("#map canvas").bounding_box()
    if not (0 < point["x"] < canvas["width"] and 0 < point["y"] < canvas["height"]):
        page.evaluate("(id) => window.argmap.network.focus(id, { animation: false })", collapsed)
        point = page.evaluate("(id) => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", collapsed)
    page.mouse.dblclick(canvas["x"] + point["x"], canvas["y"] + point["y"])
    assert int(status.get_attribute("data-visible-claims")) == visible + count
    assert f"open={collapsed}" in page.evaluate("() => decodeURIComponent(location.hash)")
    page.wait_for_timeout(350)
    assert page.locator("#details").is_hidden()  # a double-click opens the tree, and opens no panel
    page.evaluate("(id) => window.argmap.select(id)", collapsed)
    page.locator("#collapse-button").click()
    assert int(status.get_attribute("data-visible-claims")) == visible
    page.locator("#expand-all").click()
    assert int(status.get_attribute("data-visible-claims")) == len(bundled.claims)
    assert not [e for e in shown_on_map(page)["edges"] if e["id"].startswith("fold:")]
    assert "tree=all" in page.evaluate("() => location.hash")


def test_with_a_side_filtered_out_of_collapsed_trees_every_line_joins_two_drawn_claims(reader, bundled):
    side = next(iter(bundled.perspectives))
    page = reader(hash_=f"#view=map&p={side}")
    shown = shown_on_map(page)
    assert shown["nodes"] and all(bundled.claims[c].perspective == side for c in shown["nodes"])
    hidden_below = page.evaluate("() => Object.fromEntries(window.argmap.tree().view.hiddenBelow)")
    assert any(bundled.claims[c].perspective == side for c in hidden_below)  # the side's trees are still collapsed
    drawn = set(shown["nodes"])
    assert all(e["from"] in drawn and e["to"] in drawn for e in shown["edges"]), \
        [e for e in shown["edges"] if e["from"] not in drawn or e["to"] not in drawn][:3]
    within = sum(1 for r in bundled.relations() if bundled.claims[r.source].perspective == side
                 and bundled.claims[r.target].perspective == side)
    assert len(shown["edges"]) <= int(page.locator("#status").get_attribute("data-visible-edges")) <= within


def test_choosing_a_hidden_claim_opens_the_trees_above_it(reader, bundled):
    page = reader(hash_="#claim=svc.obsession")
    assert "svc.obsession" in shown_on_map(page)["nodes"]
    assert page.evaluate("() => window.argmap.network.getSelectedNodes()") == ["svc.obsession"]


def test_full_texts_and_edge_notes_appear_as_you_zoom_in_never_under_10_px(reader, bundled):
    page = reader(hash_="#view=map&tree=all")
    thesis = bundled.claims["rel.relationship-required"]
    first = " ".join(t["text"] for t in drawn_texts(page))
    assert thesis.title.split()[0] in first
    note_words = {r.note.split()[0] for r in bundled.relations() if r.note
                  and bundled.claims[r.source].perspective != bundled.claims[r.target].perspective}
    # zoom in between the two theses, where the line between the sides runs
    page.evaluate("""() => { const n = window.argmap.network;
        const a = n.getPosition("rel.relationship-required"), b = n.getPosition("svc.relationship-harmful");
        n.moveTo({ position: { x: (a.x + b.x) / 2, y: a.y }, scale: 1.8, animation: false });
        n.emit("zoom", { scale: 1.8 }); }""")
    near = drawn_texts(page)
    assert min(t["px"] for t in near) >= 10
    texts = [t["text"] for t in near]
    # the full text, wrapped into lines: its last words appear, which the title lacks
    assert thesis.text.split()[-1] in " ".join(texts) and thesis.text.split()[-1] not in thesis.title
    assert any(text.split()[0] in note_words for text in texts if text.split())
    # zoomed back out, titles return
    page.evaluate("() => { const n = window.argmap.network; n.moveTo({ scale: 0.9, animation: false }); n.emit('zoom', { scale: 0.9 }); }")
    assert thesis.title in " ".join(t["text"] for t in drawn_texts(page)).replace("\n", " ") or \
        thesis.title.split()[0] in " ".join(t["text"] for t in drawn_texts(page))


def test_a_clicked_claim_is_never_under_the_panel(reader):
    page = reader(hash_="#view=map")
    canvas = page.locator("#map canvas").bounding_box()
    # the rightmost claim in view, where a panel laid over the map used to land
    target = page.evaluate("""([w, h]) => { const n = window.argmap.network;
        const ps = n.getPositions(); let best = null;
        for (const [id, p] of Object.entries(ps)) { const d = n.canvasToDOM(p);
          if (d.x > 0 && d.x < w - 30 && d.y > 40 && d.y < h - 40 && (!best || d.x > best.x)) best = { id, x: d.x, y: d.y }; }
        return best; }""", [canvas["width"], canvas["height"]])
    page.mouse.click(canvas["x"] + target["x"], canvas["y"] + target["y"])
    page.locator("#details").wait_for(state="visible")
    assert page.evaluate("() => window.argmap.state().claim") == target["id"]
    panel = page.locator("#details").bounding_box()
    canvas = page.locator("#map canvas").bounding_box()
    point = page.evaluate("(id) => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", target["id"])
    assert canvas["x"] + canvas["width"] <= panel["x"] + 1
    assert 0 < point["x"] < canvas["width"] and 0 < point["y"] < canvas["height"]


def test_an_unknown_claim_in_the_link_says_so(reader):
    page = reader(hash_="#claim=rel.no-such-claim")
    assert "No claim “rel.no-such-claim” in this map" in page.locator("#status").inner_text()
    assert page.locator("#map-view").is_visible()


def haloed(page) -> list[str]:
    return page.evaluate("""() => Object.values(window.argmap.network.body.nodes)
        .filter((n) => n.options.shadow && n.options.shadow.enabled).map((n) => n.id)""")


def test_search_hits_are_marked_on_the_map_and_counted(reader, bundled):
    page = reader(hash_="#view=map")
    page.locator("#search").fill("gaslighting")
    assert page.locator("#status").get_attribute("data-search-hits") == "1"
    status = page.locator("#status").inner_text()
    assert "1 match for “gaslighting”" in status
    # the hit sits in a collapsed support tree: the claim that stands for it is marked, and the bar says so
    stand_in = page.evaluate("() => window.argmap.tree().view.standIn.get('svc.obsession')")
    assert stand_in and haloed(page) == [stand_in] and "1 inside collapsed claims" in status
    page.locator("#expand-all").click()
    assert haloed(page) == ["svc.obsession"]
    page.locator("#search").fill("")
    assert haloed(page) == []


def test_reported_views_and_edge_notes_can_be_told_and_read_on_the_map(reader, bundled):
    page = reader(hash_="#view=map")
    reported = page.evaluate("""() => Object.values(window.argmap.network.body.nodes)
        .filter((n) => n.options.label && n.options.label.startsWith("Reported: ")).map((n) => n.id)""")
    assert sorted(reported) == sorted(c.id for c in bundled.claims.values() if not c.asserted)
    # clicking the line between the theses shows its note beside the map
    point = page.evaluate("""() => { const n = window.argmap.network;
        const a = n.getPosition("rel.relationship-required"), b = n.getPosition("svc.relationship-harmful");
        return n.canvasToDOM({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }); }""")
    canvas = page.locator("#map canvas").bounding_box()
    page.mouse.click(canvas["x"] + point["x"], canvas["y"] + point["y"])
    page.locator("#details").wait_for(state="visible")
    body = page.locator("#details-body").inner_text()
    assert "inferred by the mapper" in body and "a question of fact" in body
    notes = {r.note for r in bundled.relations() if {r.source, r.target} == {"rel.relationship-required",
                                                                             "svc.relationship-harmful"}}
    assert any(note in body for note in notes)


def test_the_phone_layout_is_one_column_with_the_map_full_width(reader):
    page = reader(390, 844)
    row = page.locator(".clash-row").first
    columns = row.evaluate("(e) => getComputedStyle(e).gridTemplateColumns.split(' ').length")
    assert columns == 1
    page.locator("#tab-map").click()
    width = page.locator("#map").bounding_box()["width"]
    assert width >= 350
    assert not page.locator("#sidebar").is_visible()  # the filters sit in a drawer
    page.locator("#drawer-toggle").click()
    assert page.locator("#sidebar").is_visible()


def test_printing_gives_the_comparison_and_each_sides_outline_as_text(reader, bundled):
    page = reader(hash_="#view=map", media="print")
    assert page.locator("#comparison").is_visible()
    assert page.locator(".clash-row").first.is_visible()
    assert not page.locator("#map").is_visible() and not page.locator("#legend").is_visible()
    outlines = page.locator(".side-outline")
    assert outlines.count() == 2 and all(outline.is_visible() for outline in outlines.all())
    printed = page.locator("#claim-list").inner_text()
    assert all(claim.text in printed for claim in bundled.claims.values())
    # an outline: each thesis heads its side, and its reasons are nested under it
    first = outlines.first
    thesis = bundled.claims["rel.relationship-required"]
    assert first.locator(":scope > ul > li").first.locator(":scope > button").inner_text() == thesis.text
    nested = first.locator(":scope > ul > li").first.locator(":scope > ul > li > button")
    reasons = {r.source for r in bundled.relations() if r.target == thesis.id and r.kind == "supports"
               and bundled.claims[r.source].perspective == thesis.perspective}
    assert {b.get_attribute("data-claim") for b in nested.all()} == reasons
    font = page.locator("#claim-list button").first.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 12


def test_a_path_reads_as_a_chain_and_its_end_can_be_picked_from_the_keyboard(reader, bundled):
    from argmap import query

    page = reader(hash_="#claim=rel.wired-for-connection")
    page.locator("#path-button").click()
    end = page.locator("#path-end")
    assert end.evaluate("(e) => e === document.activeElement")  # the keyboard is already there
    end.fill("svc.life-neglected")
    end.press("Enter")
    shortest = query.paths(bundled, "rel.wired-for-connection", "svc.life-neglected")[0]
    assert page.locator("#status").get_attribute("data-path-length") == str(len(shortest))
    steps = page.locator("#path-chain li")
    assert steps.count() == len(shortest)
    first, last = steps.first.inner_text(), steps.last.inner_text()
    assert first.startswith(bundled.claims["rel.wired-for-connection"].text)
    assert bundled.claims["svc.life-neglected"].text in last
    # each step says which way it runs: walking from the relational reason up to the critique's claim,
    # the last step is one the claim supports, read backwards
    kinds = [(s.get_attribute("data-kind"), s.get_attribute("data-forward")) for s in steps.all()]
    assert kinds[0] == ("supports", "true") and kinds[-1] == ("supports", "false")
    assert "is supported by" in last
    page.go_back()
    page.wait_for_function("() => window.argmap.state().path === null")


@pytest.mark.parametrize("size", [(1400, 900), (390, 844)], ids=["laptop", "phone"])
def test_the_positions_stay_short_on_a_map_of_hundreds_of_theses(open_map, tmp_path, size):
    """Each side lists its first theses, reasons and claims apart; the rest open a page at a time."""
    from .conftest import synthetic_map

    m = argmap.load(synthetic_map(tmp_path / "many", 2000, shape="many"))
    theses = {p: sum(c.kind == "thesis" and c.perspective == p for c in m.claims.values()) for p in m.perspectives}
    assert min(theses.values()) > 100
    opened = open_map(argmap.write_html(m, tmp_path / "many.html"), "", width=size[0], height=size[1],
                      as_opened=True)
    page = opened.page
    page.locator(".case").first.wait_for()
    for side in range(2):
        case = page.locator(".case").nth(side)
        assert case.locator(".thesis").count() == 3
        assert case.locator(".reasons li").count() <= 4
        more = case.locator(".theses + button.more")
        assert more.is_visible() and "more of" in more.inner_text()
        more.click()
        assert case.locator(".thesis").count() == 6  # the next page, in place
    # The first screen reaches the clashes: the positions no longer fill page after page.
    clashes = page.locator("#clashes-heading").bounding_box()
    assert clashes is not None and clashes["y"] < 3 * size[1], clashes
    assert opened.console_errors == [] and opened.requests == []


def test_on_a_phone_every_claim_of_the_ledger_says_its_side_in_its_colour(reader, bundled):
    def rgb(hex_color: str) -> str:
        value = hex_color.lstrip("#")
        return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))

    labels = {p.label: rgb(p.color) for p in bundled.perspectives.values()}
    phone = reader(390, 844)
    tags = phone.locator(".ledger-row > div > .side-tag")  # not the tags of a clash read in place
    rows = phone.locator(".clash-row").count() + phone.locator(".agree-row").count()
    assert tags.count() == 2 * rows
    for i in range(tags.count()):
        tag = tags.nth(i)
        tag.scroll_into_view_if_needed()
        assert tag.is_visible()
        colour = tag.evaluate("e => getComputedStyle(e).borderLeftColor")
        assert labels[tag.inner_text()] == colour
    assert not phone.locator(".case .reasons + .more").first.is_visible()  # no button for a hidden list
    laptop = reader(1400, 900)
    assert not laptop.locator(".ledger-row > div > .side-tag").first.is_visible()  # the column heads say it there


def _lens_geometry(page) -> dict:
    lens = page.evaluate("() => window.argmap.state().lens")
    boxes = [page.evaluate("(id) => window.argmap.box(id)", claim) for claim in lens]
    area = page.locator("#map").bounding_box()
    card = page.locator("#lens-card").bounding_box()
    card = {"left": card["x"] - area["x"], "top": card["y"] - area["y"],
            "right": card["x"] - area["x"] + card["width"], "bottom": card["y"] - area["y"] + card["height"]}
    return {"lens": lens, "boxes": boxes, "area": area, "card": card,
            "scale": page.evaluate("() => window.argmap.network.getScale()")}


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)], ids=["laptop", "desktop"])
def test_the_clash_lens_frames_both_claims_of_every_clash_clear_of_its_card(reader, bundled, size):
    from argmap.analysis.reading import Reading

    page = reader(*size)
    buttons = page.locator(".clash-row .lens-button")
    clashes = Reading(bundled).ranked_clashes
    assert buttons.count() == len(clashes)
    for i, clash in enumerate(clashes):
        buttons.nth(i).click()
        page.wait_for_function("() => window.argmap.state().lens !== null")
        found = _lens_geometry(page)
        assert set(found["lens"]) == {clash.first, clash.second}
        for box in found["boxes"]:  # wholly inside the map, clear of the card, and text at 12 px or more
            assert box["left"] >= 0 and box["top"] >= 0, found
            assert box["right"] <= found["area"]["width"] and box["bottom"] <= found["area"]["height"], found
            card = found["card"]
            assert box["bottom"] < card["top"] or box["top"] > card["bottom"] or box["right"] < card["left"] \
                or box["left"] > card["right"], found
        assert 14 * found["scale"] >= 12, found
        shown = page.locator("#lens-card").inner_text()
        assert all(bundled.claims[c].text in shown for c in found["lens"])
        note = next((e.note for e in clash.edges if e.note), None)
        assert note is None or note in shown
        # everything but the pair is dimmed
        dimmed = page.evaluate("() => window.argmap.network.body.data.nodes.get().filter((n) => n.opacity < 1).length")
        assert dimmed == len(page.evaluate("() => window.argmap.network.body.data.nodes.getIds()")) - 2
        page.go_back()  # Back returns to where the reader was
        page.wait_for_function("() => window.argmap.state().lens === null && !document.getElementById('comparison').hidden")
        assert page.locator("#lens-card").is_hidden()


def test_the_clash_lens_works_by_keyboard_and_on_a_phone(reader, bundled):
    page = reader(390, 844)
    button = page.locator(".clash-row .lens-button").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.argmap.state().lens !== null")
    assert page.evaluate("() => document.activeElement.id") == "lens-card"
    card = page.locator("#lens-card")
    box = card.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844 and box["width"] <= 390
    claims = card.locator(".lens-claim")
    assert claims.count() == 2  # one above the other, each with its side
    first, second = (claims.nth(i).bounding_box() for i in range(2))
    assert first["y"] + first["height"] <= second["y"]
    assert all(claims.nth(i).locator(".side-tag").is_visible() for i in range(2))
    page.keyboard.press("Escape")
    page.wait_for_function("() => window.argmap.state().lens === null")
    # a question's two answers open the lens too, with the question on its card
    page = reader()
    page.locator(".question .lens-button").first.click()
    page.wait_for_function("() => window.argmap.state().lens !== null")
    assert argmap.compare.Comparison(bundled).questions()[0].text in page.locator("#lens-card").inner_text()


def test_a_filter_never_leaves_a_blank_map_or_a_panel_about_a_hidden_claim(reader, bundled):
    page = reader(hash_="#claim=svc.life-neglected")
    assert page.locator("#details").is_visible()
    page.locator("input[name=perspective][value='professional-service']").uncheck()
    assert page.evaluate("() => window.argmap.state().claim") is None and page.locator("#details").is_hidden()
    assert page.evaluate("() => window.argmap.network.body.data.nodes.length") > 0
    page.locator("input[name=perspective][value='relational']").uncheck()
    notice = page.locator("#nothing-shown")
    assert notice.is_visible() and "No claim passes these filters" in notice.inner_text()
    page.locator("#undo-filter").click()
    assert notice.is_hidden() and page.evaluate("() => window.argmap.network.body.data.nodes.length") > 0


def test_one_tab_and_enter_reach_the_first_clash_and_the_map(reader, bundled):
    page = reader()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "skip-clashes"
    assert page.locator("#skip-clashes").is_visible()
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement.closest('.question, .clash-row') !== null")
    assert focused
    page = reader()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "skip-map"
    page.keyboard.press("Enter")
    assert page.locator("#map-view").is_visible() and page.evaluate("() => document.activeElement.id") == "map"


def test_a_contradiction_line_opens_the_clash_lens_from_its_details(reader, bundled):
    page = reader(hash_="#view=map")
    index = next(i for i, r in enumerate(bundled.relations()) if r.source == "svc.qualities-not-relationship"
                 and r.target == "rel.relationship-required")
    page.evaluate("(i) => window.argmap.network.body.emitter.emit('click', {nodes: [], edges: [i]})", index)
    page.locator("#lens-from-line").click()
    page.wait_for_function("() => window.argmap.state().lens !== null")
    assert sorted(page.evaluate("() => window.argmap.state().lens")) == ["rel.relationship-required",
                                                                         "svc.qualities-not-relationship"]
    assert page.locator("#lens-card").is_visible() and page.locator("#details").is_hidden()


def test_twenty_double_clicks_on_collapsed_claims_each_open_their_tree(reader, bundled):
    """The first click of a double-click never moves the claim from under the pointer."""
    page = reader(hash_="#view=map")
    canvas = page.locator("#map canvas").bounding_box()
    opened = 0
    for attempt in range(20):
        tree = page.evaluate("() => Object.fromEntries(window.argmap.tree().view.hiddenBelow)")
        if not tree:  # everything open: start again from the first view
            page.locator("#collapse-top").click()
            tree = page.evaluate("() => Object.fromEntries(window.argmap.tree().view.hiddenBelow)")
        target = sorted(tree)[attempt % len(tree)]
        page.evaluate("(id) => window.argmap.network.focus(id, { scale: 1, animation: false })", target)
        point = page.evaluate("(id) => window.argmap.network.canvasToDOM(window.argmap.network.getPosition(id))", target)
        before = int(page.locator("#status").get_attribute("data-visible-claims"))
        page.mouse.dblclick(canvas["x"] + point["x"], canvas["y"] + point["y"])
        page.wait_for_timeout(350)
        after = int(page.locator("#status").get_attribute("data-visible-claims"))
        opened += after == before + tree[target]
    assert opened == 20


def test_a_clash_reads_in_place_with_both_full_texts_and_quotes(reader, bundled):
    from argmap.analysis.reading import Reading

    page = reader()
    row = page.locator(".clash-row").first
    row.locator(".in-place-toggle").click()
    assert page.locator("#comparison").is_visible() and page.locator("#map-view").is_hidden()  # still the text
    clash = Reading(bundled).ranked_clashes[0]
    shown = row.locator(".in-place").inner_text()
    for claim_id in (clash.first, clash.second):
        claim = bundled.claims[claim_id]
        assert claim.text in shown and claim.quote in shown and claim.source.title in shown
    assert row.locator(".in-place-toggle").get_attribute("aria-expanded") == "true"


def test_on_a_phone_the_details_panel_opens_inside_the_screen_and_scrolls_on_its_own(reader, bundled):
    page = reader(390, 844, hash_="#claim=svc.life-neglected")
    panel = page.locator("#details")
    panel.wait_for(state="visible")
    box = panel.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844 and box["width"] <= 390, box
    assert panel.evaluate("(e) => getComputedStyle(e).overflowY") == "auto"
    assert page.locator("#details-title").is_visible()


def test_search_results_all_reachable_and_choosing_one_pans_the_map_to_it(reader, bundled):
    page = reader(hash_="#view=map")
    page.locator("#search").fill("relationship")
    results = page.locator("#search-results button")
    assert results.count() >= 3
    listing = page.locator("#search-results")
    assert listing.evaluate("(e) => getComputedStyle(e).overflowY") == "auto"  # a long list scrolls on its own
    third = results.nth(2)
    third.scroll_into_view_if_needed()
    assert third.is_visible()
    chosen = third.get_attribute("data-claim")
    third.click()
    box = page.evaluate("(id) => window.argmap.box(id)", chosen)
    area = page.locator("#map").bounding_box()
    assert 0 <= box["left"] and box["right"] <= area["width"] and 0 <= box["top"] and box["bottom"] <= area["height"]


def test_every_claim_in_the_outline_names_its_side(reader, bundled):
    page = reader(hash_="#view=map")
    buttons = page.locator("#claim-list button[data-claim]")
    assert buttons.count() == len(bundled.claims)
    for i in range(buttons.count()):
        claim = bundled.claims[buttons.nth(i).get_attribute("data-claim")]
        assert buttons.nth(i).get_attribute("aria-label") == \
            f"{bundled.perspectives[claim.perspective].label}: {claim.text}"
