"""Questions the sides answer: validation with positions, the comparison built on them, and the CLI."""

from __future__ import annotations

import json

import argmap
from argmap.compare import Comparison

MANIFEST = """\
title: Tea or coffee?
perspectives:
  tea: {label: Tea}
  coffee: {label: Coffee}
questions:
  - id: q.calm
    text: Is a calm start what a morning needs?
    issue: values
    positions: [yes, no]
  - id: q.taste
    text: Which tastes better?
"""

TEA = """\
perspective: tea
claims:
  - id: tea.best
    text: Tea is the better morning drink.
    kind: thesis
  - id: tea.calm
    text: A morning wants calm.
    supports: [tea.best]
    answers: [{question: q.calm, position: yes}]
  - id: tea.ritual
    text: Brewing is a ritual.
    tags: [stands-alone]
    contradicts: [cof.quick]
"""

COFFEE = """\
perspective: coffee
claims:
  - id: cof.best
    text: Coffee is the better morning drink.
    kind: thesis
    contradicts: [{to: tea.best, mutual: true}]
  - id: cof.alert
    text: A morning wants alertness.
    supports: [cof.best]
    answers: [{question: q.calm, position: no}]
    contradicts: [tea.calm]
  - id: cof.quick
    text: Coffee is quick to make.
    supports: [cof.best]
"""


def test_answers_to_unknown_questions_or_positions_are_positioned_errors_with_a_did_you_mean(make_map, run_cli):
    root = make_map({"tea.yaml": TEA.replace("question: q.calm, position: yes", "question: q.clam, position: yes"),
                     "coffee.yaml": COFFEE.replace("position: no", "position: nope")}, manifest=MANIFEST)
    done = run_cli("check", root)
    assert done.returncode == 1
    assert f"{root / 'tea.yaml'}:9:15: error: answers an unknown question 'q.clam' (did you mean 'q.calm'?)" \
        in done.stderr
    assert f"{root / 'coffee.yaml'}:10:15: error: 'nope' is not a position of question 'q.calm' (did you mean 'no'?)" \
        in done.stderr
    assert "Traceback" not in done.stderr
    twice = make_map({"tea.yaml": TEA.replace("answers: [{question: q.calm, position: yes}]",
                                              "answers: [{question: q.calm, position: yes}, "
                                              "{question: q.calm, position: no}]"), "coffee.yaml": COFFEE},
                     manifest=MANIFEST)
    assert "answers question 'q.calm' twice" in run_cli("check", twice).stderr
    duplicate = make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE},
                         manifest=MANIFEST + "  - id: q.calm\n    text: Again?\n")
    said = run_cli("check", duplicate, "--json")
    assert said.returncode == 1
    problem = json.loads(said.stdout)["problems"][0]
    assert "duplicate question id 'q.calm'" in problem["message"] and problem["line"] == 12


def test_a_question_is_a_double_crux_when_both_theses_rest_on_answers_that_differ(make_map, run_cli):
    root = make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST)
    m = argmap.load(root)
    views = {v.question: v for v in Comparison(m).questions()}
    calm = views["q.calm"]
    assert calm.contested and calm.double_crux
    assert [(a.perspective, a.positions, a.rests_on_thesis, a.thesis_support) for a in calm.answers] == [
        ("tea", ("yes",), 1, 1), ("coffee", ("no",), 1, 2)]
    assert views["q.taste"].answers == () and not views["q.taste"].contested
    # the CLI says the same, as text and as JSON
    done = run_cli("query", "questions", root, "--json")
    assert done.returncode == 0
    asked = {q["question"]: q for q in json.loads(done.stdout)}
    assert asked["q.calm"]["double_crux"] and [a["rests_on_thesis"] for a in asked["q.calm"]["answers"]] == [1, 1]
    text = run_cli("query", "questions", root).stdout
    assert text.startswith("q.calm: Is a calm start what a morning needs?\n  double crux; values")
    assert "q.taste: Which tastes better?\n  unanswered" in text


def test_a_stand_alone_claim_never_tops_the_cruxes_and_a_pair_nothing_rests_on_is_no_double_crux(make_map):
    m = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST))
    cruxes = [c.claim for c in Comparison(m).cruxes()]
    assert cruxes.index("tea.ritual") > cruxes.index("cof.quick")  # stands-alone, and answers no question
    doubles = [(d.first.claim, d.second.claim) for d in Comparison(m).double_cruxes()]
    assert doubles == [("cof.alert", "tea.calm")]  # tea.ritual carries none of tea's thesis
    assert all(d.first.share > 0 and d.second.share > 0 for d in Comparison(m).double_cruxes())


def test_a_question_both_sides_answer_engages_the_claims_that_answer_it(make_map):
    coffee = COFFEE.replace("    contradicts: [tea.calm]\n", "")  # no relation reaches tea.calm any more
    m = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": coffee}, manifest=MANIFEST))
    assert "tea.calm" not in [u.claim for u in Comparison(m).unanswered()]
    alone = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": coffee.replace(
        "    answers: [{question: q.calm, position: no}]\n", "")}, manifest=MANIFEST))
    assert "tea.calm" in [u.claim for u in Comparison(alone).unanswered()]


def test_questions_survive_the_parse_cache_and_change_the_structure_digest(make_map, tmp_path, monkeypatch):
    from argmap.io.structure import structure_digest

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST)
    first, again = argmap.load(root, cache=True), argmap.load(root, cache=True)
    assert again.questions == first.questions
    assert {c.id: c.answers for c in again.claims.values()} == {c.id: c.answers for c in first.claims.values()}
    assert [a.place for c in again.claims.values() for a in c.answers] == \
        [a.place for c in first.claims.values() for a in c.answers]
    reworded = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE},
                                    manifest=MANIFEST.replace("positions: [yes, no]", "positions: [yes, no, maybe]")))
    assert reworded.view(structure_digest) != first.view(structure_digest)
