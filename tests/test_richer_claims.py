"""title, asserted, basis, issue and summary: loaded, validated with positions, and carried to the graph and the exports."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import networkx as nx
import pytest
import yaml

import argmap
from argmap.formats import export_text
from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown
from argmap.io.schema import schema

MAP = textwrap.dedent("""\
    title: Tea or coffee?
    summary: Tea drinkers want calm; coffee drinkers want speed.
    perspectives: {tea: {}, coffee: {}}
    ---
    perspective: tea
    claims:
      - id: tea.best
        title: Tea is best
        text: Tea is the better morning drink.
        kind: thesis
      - id: tea.myth
        text: Some say tea has no caffeine at all.
        asserted: false
    ---
    perspective: coffee
    claims:
      - id: cof.best
        text: Coffee is the better morning drink.
        kind: thesis
        contradicts:
          - {to: tea.best, note: Only one can be better., issue: values}
          - {to: tea.myth, basis: stated, issue: empirical}
    """)


def test_the_new_keys_load_and_reach_the_graph():
    m = argmap.loads(MAP)
    assert m.summary.startswith("Tea drinkers")
    assert m.claims["tea.best"].title == "Tea is best" and m.claims["tea.best"].label == "Tea is best"
    assert m.claims["tea.myth"].asserted is False and m.claims["tea.best"].asserted is True
    g = m.graph
    assert g.graph["summary"] == m.summary
    assert g.nodes["tea.myth"]["asserted"] is False and g.nodes["tea.best"]["title"] == "Tea is best"
    assert g.edges["cof.best", "tea.best"] == {"kind": "contradicts", "note": "Only one can be better.",
                                               "basis": "inferred", "issue": "values", "mutual": False}  # the cross default
    assert g.edges["cof.best", "tea.myth"]["basis"] == "stated"  # given explicitly


@pytest.mark.parametrize("good, bad, message", [
    ("issue: empirical}", "issue: empirical}", None),
    ("issue: empirical}", "issue: empiricle}", "unknown issue 'empiricle' (did you mean 'empirical'?)"),
    ("basis: stated", "basis: infered", "unknown basis 'infered' (did you mean 'inferred'?)"),
])
def test_unknown_values_get_a_did_you_mean_at_their_place(good, bad, message):
    text = MAP.replace(good, bad)
    if message is None:
        argmap.loads(text)
        return
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(text)
    problem = caught.value.problems[0]
    assert message in str(problem) and problem.position.line == 22


def test_issue_is_only_for_contradicts_and_asserted_is_a_boolean_and_titles_are_short():
    bad = MAP.replace("    kind: thesis\n  - id: tea.myth", "    kind: thesis\n    supports: [{to: tea.myth, issue: values}]"
                      "\n  - id: tea.myth").replace("asserted: false", "asserted: maybe").replace(
        "title: Tea is best", "title: " + "x" * 90)
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(bad)
    messages = [p.message for p in caught.value.problems]
    assert "issue is for contradicts relations only" in messages
    assert "asserted must be true or false, not the string maybe" in messages
    assert "title is 90 characters long; the limit is 80" in messages


def test_the_schema_knows_the_new_keys():
    documents = list(yaml.safe_load_all(MAP))
    jsonschema.validate(documents[0], schema("map"))
    for document in documents[1:]:
        jsonschema.validate(document, schema("claims"))
    wrong = json.loads(json.dumps(documents[2]))
    wrong["claims"][0]["contradicts"][0]["issue"] = "vibes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, schema("claims"))


@pytest.mark.parametrize("fmt, read", [("aif", read_aif), ("argdown", read_argdown)])
def test_aif_and_argdown_round_trips_keep_the_new_keys(tmp_path, fmt, read):
    m = argmap.loads(MAP)
    path = tmp_path / f"map.{fmt}"
    path.write_text(export_text(m, fmt))
    again = argmap.load(read(path).write(tmp_path / "back"))
    assert again.summary == m.summary
    for claim_id, claim in m.claims.items():
        assert (again.claims[claim_id].title, again.claims[claim_id].asserted) == (claim.title, claim.asserted)
    assert {(r.source, r.target): (r.basis, r.issue) for r in again.relations()} == {
        (r.source, r.target): (r.basis, r.issue) for r in m.relations()}


def test_graphml_carries_the_new_keys():
    g = nx.parse_graphml(export_text(argmap.loads(MAP), "graphml"))
    assert g.nodes["tea.myth"]["asserted"] is False
    assert g.edges["cof.best", "tea.best"]["issue"] == "values"


def test_a_claim_not_asserted_is_never_its_sides_own():
    from argmap.compare import Comparison
    from argmap.semantics import acceptance

    text = MAP.replace("  - id: cof.best", "  - id: cof.agrees\n    text: Tea has caffeine.\n"
                                           "    supports: [tea.myth]\n  - id: cof.best")
    m = argmap.loads(text)
    comparison = Comparison(m)
    assert [e.claim for e in comparison.common_ground().endorsed] == []  # support for a foil is no agreement
    assert "tea.myth" not in [u.claim for u in comparison.unanswered()]
    assert "tea.myth" not in [c.claim for c in comparison.cruxes()]
    unattacked_foil = argmap.loads(MAP.replace("      - {to: tea.myth, basis: stated, issue: empirical}\n", ""))
    tea = next(side for side in acceptance(unattacked_foil, semantics="bipolar").sides if side.perspective == "tea")
    assert tea.own_claims_kept == 0  # tea.best falls; the foil that stands is not tea's own
