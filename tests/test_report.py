"""The Markdown comparison report."""

from __future__ import annotations

import re

import argmap
from argmap.compare import Comparison
from argmap.report import md, render_report

from .conftest import BUNDLED_CLAIMS, synthetic_map
from .test_queries import COFFEE, MANIFEST, TEA


def main_text(report: str) -> str:
    """The report before its appendices."""
    return report.split("\n## Appendix")[0]


def section(report: str, heading: str) -> str:
    return report.split(f"\n## {heading}\n")[1].split("\n## ")[0]


def test_report_has_every_section_and_the_cross_edges(make_map):
    m = argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST))
    text = render_report(m)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["In short", "Each side's case", "Where they clash", "Where they agree",
                        "Not engaged by the other side", "Appendix A: formal acceptance",
                        "Appendix B: the numbers", "Appendix C: diagrams of the sharpest clashes"]
    case = section(text, "Each side's case")
    assert "**Thesis:** Tea is best." in case and "- Tea calms. (1 reason)" in case
    clashes = section(text, "Where they clash")
    # the mutual clash is listed once, first, though both claims list the edge
    assert clashes.count("“Tea calms.”") == 1 and clashes.index("both ways") < clashes.index("flawed method")
    assert "“Hot drinks soothe.” bears on" in section(text, "Where they agree")  # coffee also denies tea.calm
    from argmap.analysis.reading import Reading

    diagrams = [block.split("```")[0] for block in text.split("```mermaid\n")[1:]]
    assert len(diagrams) == len(Reading(m).ranked_clashes)  # one small diagram per clash
    assert '-.->|"focus beats calm"|' in diagrams[0] and '-.->|"calm beats focus"|' in diagrams[0]  # the notes
    # As an audience, tea keeps its study against coffee's unanswered objection; coffee must reject it.
    assert "Coffee: its thesis holds; its own claims attack none of its own; it must reject `tea.calm`, " \
           "`tea.science`." in section(text, "Appendix A: formal acceptance")


def test_unanswered_lists_only_claims_that_carry_weight(make_map):
    heavy = TEA.replace("  - {id: tea.quiet, text: Tea is quiet., supports: [tea.best]}\n",
                        "  - {id: tea.quiet, text: Tea is quiet., supports: [tea.best]}\n"
                        "  - {id: tea.hush, text: No kettle whistles., supports: [tea.quiet]}\n")
    text = section(render_report(argmap.load(make_map({"tea.yaml": heavy, "coffee.yaml": COFFEE},
                                                      manifest=MANIFEST))), "Not engaged by the other side")
    assert "“Tea is quiet.”: if it fell, 2 of the 5 reasons for the thesis would lose their support." in text
    assert "Tea is cheap" not in text  # nothing else rests on it


def test_report_escapes_claim_text(make_map):
    hostile = "<script>alert(1)</script> *x* | y"
    tea = TEA.replace("text: Tea calms.", f"text: '{hostile}'")
    text = render_report(argmap.load(make_map({"tea.yaml": tea, "coffee.yaml": COFFEE}, manifest=MANIFEST)))
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\> \*x\* \| y" in text
    assert "#60;script#62;" in text  # inside the Mermaid label


def test_bundled_report_explains_the_disagreement_in_plain_words():
    bundled = argmap.load(BUNDLED_CLAIMS)
    text = render_report(bundled)
    assert text == render_report(argmap.load(BUNDLED_CLAIMS))  # deterministic
    main = main_text(text)
    assert len(main.split()) <= 1200
    assert main.split("\n\n")[1] == md(bundled.summary)  # the editor's summary comes first
    for jargon in ("load", "falls", "Dung", "crux", "semantics", "extension"):
        assert not re.search(rf"\b{jargon}\b", main, re.I), jargon
    # the synthesis names the questions the sides answer differently, the sharpest first
    in_short = section(text, "In short")
    questions = Comparison(bundled).questions()
    assert questions[0].double_crux and md(questions[0].text) in in_short
    assert "They answer 5 questions differently" in in_short
    # each clashing pair once, and every clash inferred: the articles never answer each other
    clashes = section(text, "Where they clash")
    pairs = Comparison(bundled).clashes()
    assert len(pairs) == len({frozenset((c.first, c.second)) for c in pairs})
    for clash in pairs:
        first, second = (bundled.claims[c].title for c in (clash.first, clash.second))
        assert sum(first in line and second in line for line in clashes.splitlines()) == 1, (first, second)
    lines = [line for line in clashes.splitlines() if "⟷" in line]
    assert lines and all("inferred" in line for line in lines)
    assert re.findall(r"^### (.+)$", clashes, re.M) == ["The questions they answer differently", "Between single claims"]
    # each question shown gives each side's answer and how much of its case rests on it, its denominator said
    first = clashes.split("\n- **")[1]
    assert "*the relationship*" in first and "all 8 of its reasons for it rest on the answer" in first
    assert "7 of its 26 reasons for its thesis rest on it" in first
    # the undercut is said to be one, and the agreed question is agreement, not a clash
    assert "an undercut: denies that a reason supports it" in clashes
    assert "Whose judgment" not in clashes and "Whose judgment" in section(text, "Where they agree")


def test_report_cli_writes_stdout_or_a_file(run_cli, tmp_path):
    to_stdout = run_cli("report", BUNDLED_CLAIMS)
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("# Is the therapeutic relationship")
    out = tmp_path / "r.md"
    written = run_cli("report", BUNDLED_CLAIMS, "-o", out)
    assert written.returncode == 0 and out.read_text() == to_stdout.stdout


def test_a_large_maps_diagrams_are_few_and_small(tmp_path):
    from argmap.report import DIAGRAM_SUPPORTERS, SHOWN

    m = argmap.load(synthetic_map(tmp_path / "big", 1500, perspectives=2, files=2, seed=2))
    text = render_report(m)
    diagrams = [block.split("```")[0] for block in text.split("```mermaid\n")[1:]]
    from argmap.analysis.reading import Reading

    assert len(diagrams) == SHOWN["clashes"] < len(Comparison(m).clashes())
    for diagram in diagrams:
        nodes = re.findall(r"^\s+n\d+\[", diagram, re.M)
        assert 2 <= len(nodes) <= 2 + 2 * DIAGRAM_SUPPORTERS and diagram.count("-.->|") >= 1
    sharpest = Reading(m).ranked_clashes[0]
    first_two = {m.claims[sharpest.first].label, m.claims[sharpest.second].label}
    assert all(label in diagrams[0].replace("<br>", " ") for label in first_two)

def kialo_debate(claims: int, seed: int = 7) -> str:
    """A Kialo export in today's layout: a question, two theses, and ``claims`` pros and cons beneath."""
    import random

    rng = random.Random(seed)
    lines = ["Discussion Name:", "Is tea better than coffee?", "", "1. Question:", "   Is tea better than coffee?",
             "1.1. Thesis:", "   Tea is better.", "1.2. Thesis:", "   Coffee is better."]
    numbers = ["1.1.", "1.2."]
    for index in range(claims):
        parent = rng.choice(numbers)
        number = f"{parent}{sum(n.startswith(parent) and n.count('.') == parent.count('.') + 1 for n in numbers) + 1}."
        numbers.append(number)
        lines += [f"{number} {rng.choice(['Pro', 'Con'])}:", f"   Claim {index} about tea and coffee, and why."]
    return "\r\n".join(lines) + "\r\n"


def test_the_main_text_stays_short_on_maps_of_any_size_and_shape(run_cli, tmp_path):
    from .test_aif_dialogue import DIALOGUE

    (tmp_path / "debate.txt").write_text(kialo_debate(400))
    maps = [synthetic_map(tmp_path / "many", 2000, shape="many"), synthetic_map(tmp_path / "forest", 2000,
                                                                               shape="forest")]
    imports = [("kialo", tmp_path / "debate.txt")] + ([("aif", DIALOGUE)] if DIALOGUE.exists() else [])
    for fmt, source in imports:
        target = tmp_path / f"from-{fmt}"
        assert run_cli("import", "--from", fmt, source, "-o", target).returncode == 0
        maps.append(target)
    for root in maps:
        report = render_report(argmap.load(root))
        main = main_text(report)
        assert len(main.split()) <= 1200, (root, len(main.split()))
        assert not re.search(r"\b1 (places|claims|reasons|theses|clashes)\b", report)
        if "more" in main:  # what the main text leaves out, the appendix lists
            assert "## Appendix D: the lists in full" in report


def test_counts_read_as_english():
    from argmap.report import plural

    m = argmap.loads(MANIFEST + "---\n" + "perspective: tea\nclaims:\n"
                     "  - {id: tea.best, text: Tea is best., kind: thesis}\n"
                     "  - {id: tea.calm, text: Tea calms., supports: [tea.best]}\n---\n"
                     "perspective: coffee\nclaims:\n"
                     "  - {id: cof.best, text: Coffee is best., kind: thesis, contradicts: [tea.best]}\n"
                     "  - {id: cof.calm, text: Calm matters., supports: [tea.calm]}\n")
    text = render_report(m)
    assert "Claims clash in 1 place" in text and "They agree on** 1 pair of claims" in text
    assert plural(2, "place") == "2 places"
