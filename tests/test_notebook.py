"""argmap in a notebook: a short repr, and the interactive map inline in a sandboxed frame."""

from __future__ import annotations

import argmap

from .conftest import BUNDLED_CLAIMS


def test_a_map_shows_as_one_short_line():
    text = repr(argmap.load(BUNDLED_CLAIMS))
    assert text == ("<ArgumentMap 'Is the therapeutic relationship what heals?': 67 claims "
                    "(relational 35, professional-service 32), 78 relations>")


def test_the_inline_map_runs_in_its_sandboxed_frame(chromium, tmp_path):
    frame_html = argmap.load(BUNDLED_CLAIMS)._repr_html_()
    assert frame_html.startswith('<iframe sandbox="allow-scripts"') and "allow-same-origin" not in frame_html
    notebook = tmp_path / "notebook.html"
    notebook.write_text(f"<!DOCTYPE html><html><body><h1>Notebook</h1>{frame_html}</body></html>")
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    errors, requests = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(notebook.as_uri())
        frame = page.frame_locator("iframe")
        frame.locator("body[data-drawn=true]").wait_for(state="attached", timeout=15_000)
        assert frame.locator(".clash-row").count() == 7
        assert frame.locator(".case .thesis a").first.is_visible()
        # the frame cannot reach the notebook: its origin is opaque
        assert page.frames[1].evaluate("() => { try { return parent.document.title; } catch (e) { return 'blocked'; } }") == "blocked"
    finally:
        context.close()
    assert errors == [] and requests == []
