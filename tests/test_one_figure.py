"""One function behind each figure: the report, the page, ``argmap query --json`` and the notebook agree.

Each figure is read as a reader meets it, from each surface's own output,
on the bundled map and on maps nobody here wrote (a Kialo debate, an AIF
dialogue), and compared across the four.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import argmap
from argmap.notebook import comparison_markdown
from argmap.report import render_report
from argmap.web.page import comparison_data

from .conftest import BUNDLED_CLAIMS
from .test_aif_dialogue import DIALOGUE
from .test_report import kialo_debate, main_text, section


def _maps(run_cli, tmp_path: Path) -> list[Path]:
    found = [BUNDLED_CLAIMS]
    (tmp_path / "debate.txt").write_text(kialo_debate(300))
    sources = [("kialo", tmp_path / "debate.txt")] + ([("aif", DIALOGUE)] if DIALOGUE.exists() else [])
    for fmt, source in sources:
        target = tmp_path / f"from-{fmt}"
        assert run_cli("import", "--from", fmt, source, "-o", target).returncode == 0
        found.append(target)
    return found


def _number(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    return int(match.group(1).replace(",", "")) if match else 0


def test_the_report_the_page_the_query_and_the_notebook_give_the_same_figures(run_cli, tmp_path):
    for root in _maps(run_cli, tmp_path):
        m = argmap.load(root)
        report = render_report(m)
        short = section(report, "In short")
        page = comparison_data(m, {claim_id: i for i, claim_id in enumerate(m.claims)})
        notebook = comparison_markdown(m)

        def query(question: str):
            done = run_cli("query", question, root, "--json")
            assert done.returncode == 0, done.stderr
            return json.loads(done.stdout)

        # where claims clash
        clashes = query("clashes")
        assert _number(r"Claims clash in ([\d,]+) place", short) == page["clash_count"] == len(clashes), root
        # the questions they answer differently, and how much of each side rests on its answer
        questions = [q for q in query("questions") if q["contested"]]
        assert _number(r"They answer ([\d,]+) question", short) == len(page["questions"]) == len(questions), root
        numbers = section(report, "Appendix B: the numbers")
        for shown, asked in zip(page["questions"], questions):
            assert shown["text"] == asked["text"]
            for on_page, answer in zip(shown["answers"], asked["answers"]):
                figure = f"{answer['rests_on_thesis']} of {answer['thesis_support']}"
                assert f"| {figure} |" in numbers
                said = on_page["rests"]
                if answer["rests_on_thesis"] == 0:
                    assert f"({answer['rests_in_case']} of its {answer['case_size']} asserted claims" in said
                else:
                    assert f"{figure.replace(' of ', ' of its ')} reasons" in said or (
                        f"all {answer['thesis_support']} of its reasons" in said)
        # where they agree: one place per pair of claims, everywhere
        ground = query("common-ground")
        agreed = _number(r"([\d,]+) pairs? of claims", short)
        assert agreed == page["agreement_count"] == len(ground["pairs"]), root
        # what the other side does not engage: the same claims in the report and on the page
        listed = section(report, "Not engaged by the other side")
        ids = list(m.claims)
        titles = {m.claims[ids[i]].label for i, _ in page["unanswered"]}
        assert all(f"“{argmap.report.md(title)}”" in listed for title in titles), root
        assert listed.count("\n- **") == len(page["unanswered"]), root
        # and the notebook says what the report's synthesis says
        assert "\n".join(short.strip().splitlines()) in notebook, root


def test_the_main_text_counts_what_it_shows(tmp_path):
    """No figure in the main text is off by the rows it leaves out or groups."""
    m = argmap.load(BUNDLED_CLAIMS)
    report = render_report(m)
    main = main_text(report)
    agree = section(report, "Where they agree")
    rows = [line for line in agree.splitlines() if line.startswith("| “")]
    more = _number(r"… and ([\d,]+) more pairs?", agree)
    assert len(rows) + more == _number(r"([\d,]+) pairs? of claims", section(report, "In short")) == 8
    # a count of asserted claims is of the side's asserted claims, a count of reasons of its thesis's reasons
    asserted = {sum(c.asserted for c in m.claims.values() if c.perspective == p) for p in m.perspectives}
    assert {int(n) for n in re.findall(r"of its (\d+) asserted claims", main)} <= asserted
    reasons = {len(s.thesis_of) for s in argmap.compare.Comparison(m).sides.values()}
    assert {int(n) for n in re.findall(r"of its (\d+) reasons for its thesis", main)} <= reasons

