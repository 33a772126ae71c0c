"""Authoring: argmap lint's rules, quotes checked against source.text, and argmap draft."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import argmap
from argmap.model import LINT_RULES

from .conftest import BUNDLED_CLAIMS, MANIFEST, SEEDS

ARTICLE = "I think tea calms the mind, because it is warm. Coffee, however, jolts you awake.\n"

#: One claims file that trips every lint rule once, each on a line of its own.
SEEDED_TEA = """\
perspective: tea
source: {title: On Tea, text: article.txt}
claims:
  - id: tea.best
    text: Tea is the better drink.
    kind: thesis
    quote: tea calms the mind
  - id: tea.calm
    text: Tea calms the mind, because it is warm.
    quote: tea calms the mind, because it is warm
    supports: [tea.best]
  - id: tea.calm-again
    text: "Tea calms the mind -- because it is warm!"
    quote: because it is warm
    supports: [tea.best]
  - id: tea.stray
    text: Tea leaves are green.
    quote: tea calms
  - id: tea.unquoted
    text: Tea is cheap.
    supports: [tea.best]
  - id: tea.titled
    title: A title far longer than the sixty characters that the overview of a map can show
    text: Tea is old.
    quote: I think tea
    supports: [tea.best]
  - id: tea.draft
    text: "TODO: what this sentence claims, in your words"
    quote: Coffee, however, jolts you awake
    supports: [tea.best]
  - id: tea.same
    text: Tea is the better drink!
    quote: tea
    supports: [tea.best]
"""

SEEDED_COFFEE = """\
perspective: coffee
claims:
  - id: cof.best
    text: Coffee is the better drink.
    kind: thesis
    contradicts: [tea.best]
  - id: cof.jolt
    text: Coffee jolts you awake.
    supports:
      - {to: cof.best, note: A jolt is what a morning needs.}
      - {to: tea.calm, note: Reporting it.}
  - id: cof.hot
    text: Coffee is best hot.
    supports: [cof.best]
    contradicts: [cof.iced]
  - id: cof.iced
    text: Coffee is best iced.
    supports: [cof.best]
    contradicts: [cof.hot]
"""

EXPECTED = {  # rule -> (file, line, the claim or relation it names)
    "unanswered-attack": ("tea.yaml", 4, "thesis 'tea.best'"),
    "near-duplicate": ("tea.yaml", 12, "'tea.calm-again'"),
    "dead-end": ("tea.yaml", 16, "'tea.stray'"),
    "missing-quote": ("tea.yaml", 19, "'tea.unquoted'"),
    "long-title": ("tea.yaml", 22, "'tea.titled'"),
    "todo-text": ("tea.yaml", 27, "'tea.draft'"),
    "same-text-relation": ("tea.yaml", 34, "tea.same supports tea.best"),
    "cross-note": ("coffee.yaml", 6, "cof.best contradicts tea.best"),
    "two-way-contradiction": ("coffee.yaml", 19, "cof.iced and cof.hot each contradict the other"),
    "agree-and-contest": ("tea.yaml", 8, "coffee supports 'tea.calm' (from 'cof.jolt') and contradicts 'tea.best'"),
    "one-sided-question": ("map.yaml", 10, "question 'q.calm': only tea answers it"),
}


SEEDED_MANIFEST = MANIFEST + "questions:\n  - id: q.calm\n    text: Is calm what a morning needs?\n"


@pytest.fixture
def seeded(make_map):
    root = make_map({"tea.yaml": SEEDED_TEA + "    answers: [{question: q.calm, position: yes}]\n",
                     "coffee.yaml": SEEDED_COFFEE}, manifest=SEEDED_MANIFEST)
    (root / "article.txt").write_text(ARTICLE)
    return root


def test_lint_prints_each_rules_warning_at_its_place(run_cli, seeded):
    assert set(EXPECTED) == set(LINT_RULES)
    done = run_cli("lint", seeded)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()[:-1]  # the warnings, then their count, all on stderr
    assert done.stdout == ""
    for rule, (name, line, names) in EXPECTED.items():
        assert any(l.endswith(f"[{rule}]") and l.startswith(f"{seeded / name}:{line}:") and names in l
                   for l in lines), (rule, lines)
    # tea.same also repeats tea.best's text, so near-duplicate speaks twice; nothing else is reported.
    assert len(lines) == len(EXPECTED) + 1
    assert any("claim 'tea.same' says nearly what 'tea.best' says" in l for l in lines)
    assert done.stderr.splitlines()[-1] == f"{len(lines)} warnings"
    assert run_cli("lint", seeded, "--strict").returncode == 1
    as_json = json.loads(run_cli("lint", seeded, "--json").stdout)
    assert as_json["ok"] is True and set(as_json) == {"ok", "problems"}
    problems = as_json["problems"]
    assert {w["rule"] for w in problems} == set(EXPECTED) and all(w["severity"] == "warning" for w in problems)
    checked = json.loads(run_cli("check", seeded / "missing", "--json").stdout)
    assert checked["ok"] is False and set(checked["problems"][0]) == set(problems[0])  # one record shape
    strict = run_cli("lint", seeded, "--json", "--strict")
    assert strict.returncode == 1 and json.loads(strict.stdout)["ok"] is False


def test_map_yaml_turns_rules_off_and_names_a_mistyped_rule(run_cli, seeded):
    manifest = (seeded / "map.yaml").read_text()
    (seeded / "map.yaml").write_text(manifest + "lint:\n  cross-note: off\n  dead-end: off\n")
    done = run_cli("lint", seeded)
    assert "[cross-note]" not in done.stderr and "[dead-end]" not in done.stderr and "[long-title]" in done.stderr
    assert "rules off in map.yaml: cross-note, dead-end" in done.stderr
    (seeded / "map.yaml").write_text(manifest + "lint:\n  cross-notes: off\n")
    done = run_cli("lint", seeded)
    assert done.returncode == 1
    assert f"{seeded / 'map.yaml'}:13:3: error: unknown lint rule 'cross-notes' (did you mean 'cross-note'?)" \
        in done.stderr


def test_lint_on_the_bundled_map_is_clean_but_for_the_rule_it_turns_off(run_cli):
    done = run_cli("lint", BUNDLED_CLAIMS, "--strict")
    assert done.returncode == 0, done.stderr
    # The two articles never answer each other, so map.yaml turns unanswered-attack off and says why.
    assert done.stderr.strip() == "0 warnings; rules off in map.yaml: unanswered-attack"


def test_check_verifies_quotes_against_the_source_text(run_cli, seeded):
    assert run_cli("check", seeded).returncode == 0
    tea = (seeded / "tea.yaml").read_text().replace("quote: tea calms the mind\n", "quote: tea soothes the mind\n")
    (seeded / "tea.yaml").write_text(tea)
    done = run_cli("check", seeded)
    assert done.returncode == 1
    assert (f"{seeded / 'tea.yaml'}:7:12: error: quote of 'tea.best' is not in the source text article.txt "
            "(closest passage, ") in done.stderr and "tea calms the mind,')" in done.stderr
    problem = json.loads(run_cli("check", seeded, "--json").stdout)["problems"][0]
    assert (problem["line"], problem["column"], problem["severity"]) == (7, 12, "error")


def test_a_missing_or_forbidden_source_text_is_a_warning(run_cli, seeded, tmp_path):
    (seeded / "article.txt").unlink()
    done = run_cli("check", seeded)
    assert done.returncode == 0 and "warning: source text article.txt: cannot read source text" in done.stderr
    for text in ("/etc/passwd", "../../secret.key"):
        tea = SEEDED_TEA.replace("text: article.txt", f"text: {text}")
        (seeded / "tea.yaml").write_text(tea)
        done = run_cli("check", seeded)
        assert done.returncode == 0 and "is not read: give a relative path to a .txt" in done.stderr
        assert "root:" not in done.stderr
    os.mkfifo(seeded / "fifo.txt")
    (seeded / "tea.yaml").write_text(SEEDED_TEA.replace("text: article.txt", "text: fifo.txt"))
    done = run_cli("check", seeded)  # refused without being opened for reading: no hang
    assert done.returncode == 0 and "cannot read a FIFO" in done.stderr


def test_the_bundled_map_points_at_its_articles():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    from argmap.io.source_texts import check_source_texts
    result = check_source_texts(argmap.load(BUNDLED_CLAIMS))
    assert result.problems == [] and result.warnings == []
    assert result.checked == len(argmap.load(BUNDLED_CLAIMS).claims)


@pytest.mark.parametrize("article, perspective", [("000_2d4881c6229b3c38.txt", "rel"),
                                                   ("004_5d93c372aca7a234.txt", "svc")])
def test_draft_gives_a_skeleton_whose_every_quote_verifies(run_cli, tmp_path, article, perspective):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    source = tmp_path / "sources" / article
    source.parent.mkdir()
    shutil.copy(SEEDS / article, source)
    target = tmp_path / "claims" / f"{perspective}.yaml"
    done = run_cli("draft", source, "--perspective", perspective, "-o", target)
    assert done.returncode == 0, done.stderr
    count = int(done.stdout.split(": ")[1].split()[0])
    assert count >= 5
    (tmp_path / "claims" / "map.yaml").write_text(f"title: Draft\nperspectives: {{{perspective}: {{label: X}}}}\n")
    checked = run_cli("check", tmp_path / "claims")
    assert checked.returncode == 0, checked.stderr
    assert f"; {count} quotes found in their source texts" in checked.stdout
    assert run_cli("quotes", target, source).returncode == 0
    drafted = argmap.load(tmp_path / "claims")
    assert all(c.text.startswith("TODO") and c.quote for c in drafted.claims.values())
    text = target.read_text()
    assert text.count("# ── paragraph ") >= 2 and "text: \"../sources/" in text
    lint = run_cli("lint", tmp_path / "claims")
    assert lint.stderr.count("[todo-text]") == count
    # A draft never overwrites an author's file.
    again = run_cli("draft", source, "--perspective", perspective, "-o", target)
    assert again.returncode == 1 and "exists; pass --force" in again.stderr
    assert target.read_text() == text


def test_draft_refuses_bad_input_cleanly(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    bad_id = run_cli("draft", tmp_path / "a.txt", "-p", "no good", "-o", tmp_path / "x.yaml")
    assert bad_id.returncode == 1 and "perspective id 'no good' is not valid" in bad_id.stderr
    os.mkfifo(tmp_path / "pipe.txt")
    fifo = run_cli("draft", tmp_path / "pipe.txt", "-p", "tea", "-o", tmp_path / "y.yaml")
    assert fifo.returncode == 1 and "cannot read a FIFO" in fifo.stderr and not (tmp_path / "y.yaml").exists()
    to_stdout = run_cli("draft", tmp_path / "a.txt", "-p", "tea", "-o", "-")
    assert to_stdout.returncode == 0 and "quote: \"I think tea calms the mind, because it is warm.\"" in to_stdout.stdout
    assert "Traceback" not in bad_id.stderr + fifo.stderr + to_stdout.stderr
