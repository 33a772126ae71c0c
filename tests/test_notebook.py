"""argmap in a notebook: a short repr, and the interactive map inline in a sandboxed frame."""

from __future__ import annotations

import argmap

from .conftest import BUNDLED_CLAIMS


def test_a_map_shows_as_one_short_line():
    text = repr(argmap.load(BUNDLED_CLAIMS))
    assert text == ("<ArgumentMap 'Is the therapeutic relationship what heals?': 67 claims "
                    "(relational 35, professional-service 32), 71 relations, 2 undercuts, 6 questions>")


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
        assert frame.locator(".clash-row").count() == 4 and frame.locator("#question-list .question").count() == 5
        assert frame.locator(".case .thesis a").first.is_visible()
        # the frame cannot reach the notebook: its origin is opaque
        assert page.frames[1].evaluate("() => { try { return parent.document.title; } catch (e) { return 'blocked'; } }") == "blocked"
    finally:
        context.close()
    assert errors == [] and requests == []


def test_query_answers_are_short_reprs_tables_and_dataframes():
    m = argmap.load(BUNDLED_CLAIMS)
    comparison = argmap.compare.Comparison(m)
    cruxes = comparison.cruxes()
    assert isinstance(cruxes, list) and len(repr(cruxes)) < 200 and repr(cruxes).startswith(f"{len(cruxes)} rows (Crux)")
    table = cruxes._repr_html_()
    assert table.count("<tr>") == len(cruxes) + 1 and "<th>case_share</th>" in table
    frame = cruxes.to_dataframe()
    assert list(frame["claim"]) == [c.claim for c in cruxes]
    assert frame.loc[0, "case_share"] == cruxes[0].case_share
    for answer in (argmap.query.find_claims(m), comparison.clashes(), comparison.unanswered(),
                   argmap.query.supporters(m, "rel.relationship-required"), argmap.query.paths(m, "rel.relationship-required", "svc.relationship-harmful"),
                   comparison.common_ground(), argmap.query.support_tree(m, "rel.relationship-required"),
                   argmap.semantics.acceptance(m)):
        assert len(repr(answer)) < 300, type(answer)
        assert "<table" in answer._repr_html_()
    tree = argmap.query.support_tree(m, "rel.relationship-required").to_dataframe()
    assert tree.loc[0, "claim"] == "rel.relationship-required" and tree["depth"].max() >= 2


def test_claim_text_in_a_table_is_escaped():
    m = argmap.loads("perspective: tea\nclaims:\n  - {id: a, text: '<script>alert(1)</script> & co'}\n")
    table = argmap.query.find_claims(m)._repr_html_()
    assert "<script>" not in table and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in table


def test_to_pyvis_gives_the_bare_graph_in_argmaps_layout():
    m = argmap.load(BUNDLED_CLAIMS)
    network = argmap.to_pyvis(m)
    nodes = {node["id"]: node for node in network.nodes}
    assert set(nodes) == set(m.claims) and len(network.edges) == sum(1 for _ in m.relations())
    positions = argmap.analysis.layout.side_by_side(m)
    for claim in m.claims.values():
        assert (nodes[claim.id]["x"], nodes[claim.id]["y"]) == positions[claim.id]
        assert nodes[claim.id]["title"] == claim.text
        assert nodes[claim.id]["label"].endswith(claim.label)
    assert network.options.physics.enabled is False  # the layout stays as argmap drew it
    styles = {(e["from"], e["to"]): e for e in network.edges}
    stated = next(r for r in m.relations() if m.basis_of(r) == "stated" and r.kind == "supports")
    assert styles[stated.source, stated.target]["color"] == "#2e7d32"
    assert styles[stated.source, stated.target]["dashes"] is False


def test_a_notebook_shows_the_map_inline_and_a_query_as_a_table(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    cells = [f"import argmap\nm = argmap.load({str(BUNDLED_CLAIMS)!r})\nm",
             "from argmap.compare import Comparison\nComparison(m).cruxes()",
             "Comparison(m).cruxes().to_dataframe().shape"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [cell.outputs[0]["data"] for cell in notebook.cells]
    assert outputs[0]["text/html"].startswith('<iframe sandbox="allow-scripts"')
    assert outputs[0]["text/plain"].startswith("<ArgumentMap 'Is the therapeutic relationship what heals?'")
    cruxes = argmap.compare.Comparison(argmap.load(BUNDLED_CLAIMS)).cruxes()
    assert outputs[1]["text/html"].count("<tr>") == len(cruxes) + 1
    assert outputs[2]["text/plain"] == f"({len(cruxes)}, {len(cruxes.records()[0])})"
