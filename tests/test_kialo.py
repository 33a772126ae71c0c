"""Kialo's text export in: Pro is supports, Con is contradicts, each toward its parent."""

from __future__ import annotations

import pytest

import argmap

ZOOS = """\
Discussion Title: Should zoos exist?

1. Zoos should exist.
1.1. Pro: Zoos protect endangered species
through breeding programmes.
1.1.1. Con: Most zoo animals are not endangered.
1.1.1.1. Pro: -> See 1.2.1.
1.2. Con: Animals suffer in captivity.
1.2.1. Pro: Enclosures are far smaller than [natural ranges](https://example.org).
1.2.2. Con: Modern zoos build large habitats.
"""


def imported(run_cli, tmp_path, text: str, *options: str):
    source = tmp_path / "zoos.txt"
    source.write_text(text)
    result = run_cli("import", "--from", "kialo", source, "-o", tmp_path / "out", *options)
    return result, (argmap.load(tmp_path / "out") if result.returncode == 0 else None)


def test_pro_and_con_become_supports_and_contradicts_toward_the_parent(run_cli, tmp_path):
    result, m = imported(run_cli, tmp_path, ZOOS)
    assert result.returncode == 0, result.stderr
    assert m.title == "Should zoos exist?"
    assert {(r.source, r.kind, r.target) for r in m.relations()} == {
        ("k1.1", "supports", "k1"), ("k1.1.1", "contradicts", "k1.1"), ("k1.2.1", "supports", "k1.1.1"),
        ("k1.2", "contradicts", "k1"), ("k1.2.1", "supports", "k1.2"), ("k1.2.2", "contradicts", "k1.2")}
    assert m.claims["k1.1"].text == "Zoos protect endangered species through breeding programmes."  # runs on
    assert m.claims["k1.2.1"].text == "Enclosures are far smaller than natural ranges."  # links become text
    # camps: a Con of a Con is for the thesis again
    camp = {c.id: c.perspective for c in m.claims.values()}
    assert camp == {"k1": "for", "k1.1": "for", "k1.1.1": "against", "k1.2": "against",
                    "k1.2.1": "against", "k1.2.2": "for"}
    assert m.claims["k1"].kind == "thesis"


def test_positions_give_each_top_level_claim_its_own_perspective(run_cli, tmp_path):
    result, m = imported(run_cli, tmp_path, ZOOS, "--perspectives", "positions")
    assert result.returncode == 0, result.stderr
    assert set(m.perspectives) == {"discussion", "position-1", "position-2"}
    assert m.claims["k1.1"].kind == m.claims["k1.2"].kind == "thesis"
    assert m.claims["k1.2.2"].perspective == "position-2"


def test_a_broken_export_gets_positioned_errors(run_cli, tmp_path):
    result, _ = imported(run_cli, tmp_path, "Discussion Title: x\n\n1. A\n1.3.1. Pro: orphan\n1. again\n")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "zoos.txt:4:1: error: claim 1.3.1. has no parent 1.3." in result.stderr
    assert "zoos.txt:5:1: error: claim 1. is listed twice" in result.stderr
    result, _ = imported(run_cli, tmp_path, "just some text\n")
    assert result.returncode == 1 and "zoos.txt:1:1: error: expected a numbered claim" in result.stderr
    other = run_cli("import", "--from", "aif", tmp_path / "zoos.txt", "-o", tmp_path / "x", "--perspectives", "camps")
    assert other.returncode == 1 and "--perspectives applies to --from kialo only" in other.stderr


CURRENT = """Discussion Name:
Should we drink tea or coffee?

1. Question:
   Should we drink tea or coffee?
1.1. Thesis:
   We should drink tea.
1.1.1. Pro:
   Tea calms the mind. [1]
1.1.1.1. Con:
   Calm is not always wanted,
   for instance before an exam.
1.1.2. Con:
   -> See 1.2.1.
1.2. Thesis:
   We should drink coffee.
1.2.1. Pro:
   Coffee wakes you up. [2]
1.2.1.1. Pro:
   Studies agree. [1] [2]

Sources:
[1] https://example.org/tea-study
[2] https://example.org/coffee-study
"""


def test_kialos_current_export_with_crlf_a_bom_theses_under_a_question_and_sources(run_cli, tmp_path):
    source = tmp_path / "current.txt"
    source.write_bytes(b"\xef\xbb\xbf" + CURRENT.replace("\n", "\r\n").encode())
    done = run_cli("import", "--from", "kialo", source, "-o", tmp_path / "map")
    assert done.returncode == 0, done.stderr
    m = argmap.load(tmp_path / "map")
    assert m.title == "Should we drink tea or coffee?"
    claims = m.claims
    assert claims["k1"].kind == "background" and claims["k1.1"].kind == claims["k1.2"].kind == "thesis"
    assert claims["k1.1.1.1"].text == "Calm is not always wanted, for instance before an exam."
    edges = {(r.source, r.kind, r.target) for r in m.relations()}
    assert edges == {("k1.1.1", "supports", "k1.1"), ("k1.1.1.1", "contradicts", "k1.1.1"),
                     ("k1.2.1", "contradicts", "k1.1"), ("k1.2.1", "supports", "k1.2"),
                     ("k1.2.1.1", "supports", "k1.2.1")}  # the reference is an edge, not a copy; no thesis edge
    assert "k1.1.2" not in claims
    assert claims["k1.2.1.1"].note == ("Sources: [1] https://example.org/tea-study; "
                                       "[2] https://example.org/coffee-study")
    # Several theses under a question: each is its own perspective, unless --perspectives says otherwise.
    assert [p.label for p in m.perspectives.values()] == ["The question", "We should drink tea.",
                                                           "We should drink coffee."]
    camps = run_cli("import", "--from", "kialo", source, "-o", tmp_path / "camps", "--perspectives", "camps")
    assert camps.returncode == 0 and set(argmap.load(tmp_path / "camps").perspectives) == {"for", "against"}


def test_kialos_current_export_names_what_it_cannot_read_at_its_line(run_cli, tmp_path):
    source = tmp_path / "bad.txt"
    source.write_text("Discussion Name:\nT\n\n1. Thesis:\n   Tea.\n1.1. Maybe:\n   Coffee.\n1.2. Pro:\n\n"
                      "Sources:\nnot a source\n")
    done = run_cli("import", "--from", "kialo", source, "-o", tmp_path / "map")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{source}:6:6: error: unknown kind of claim 'Maybe'" in done.stderr
    assert f"{source}:8:1: error: claim 1.2. has no text" in done.stderr
    assert f"{source}:11:1: error: expected a source such as '[1] https://...'" in done.stderr


def test_the_camp_against_a_single_thesis_is_measured_toward_its_objections(run_cli, tmp_path):
    """Kialo's against camp has no thesis: its case is its objections to the thesis and its reasons."""
    from argmap.compare import Comparison
    from argmap.report import render_report

    lines = ["Discussion Title: Tea is better than coffee.", "", "1. Tea is better than coffee.",
             "1.1. Pro: Tea calms.", "1.1.1. Con: Calm is not what a morning needs.",
             "1.1.1.1. Pro: Mornings need alertness.", "1.2. Con: Tea has less caffeine.",
             "1.2.1. Pro: Caffeine wakes you.", "1.2.2. Con: Tea has enough caffeine."]
    (tmp_path / "debate.txt").write_text("\n".join(lines) + "\n")
    assert run_cli("import", "--from", "kialo", tmp_path / "debate.txt", "-o", tmp_path / "out").returncode == 0
    m = argmap.load(tmp_path / "out")
    against = next(p for p in m.perspectives if not any(c.kind == "thesis" and c.perspective == p
                                                        for c in m.claims.values()))
    side = Comparison(m).sides[against]
    heads = {c.text for c in m.claims.values() if c.id in set(side.thesis_of.values())}
    assert heads == {"Calm is not what a morning needs.", "Tea has less caffeine."}
    by_text = {c.text: c.id for c in m.claims.values()}
    assert side.thesis_of[by_text["Mornings need alertness."]] == by_text["Calm is not what a morning needs."]
    report = render_report(m)
    case = report.split("### ")[2].split("## Where they clash")[0]
    assert "No thesis of its own: its case is its objections" in case
    assert "**Objection:** Calm is not what a morning needs." in case and "**Thesis:**" not in case


def test_a_classic_kialo_export_imports_as_arguebuf_reads_it(run_cli, tmp_path):
    """arguebuf as a second opinion on Kialo's classic layout (it cannot read today's): claims and relations."""
    import io
    import random

    arguebuf = pytest.importorskip("arguebuf")
    rng = random.Random(5)
    lines, numbers = ["Discussion Title: Tea is better than coffee.", "", "1. Tea is better than coffee."], ["1."]
    for index in range(200):
        parent = rng.choice(numbers)
        number = f"{parent}{sum(n.startswith(parent) and n.count('.') == parent.count('.') + 1 for n in numbers) + 1}."
        numbers.append(number)
        lines.append(f"{number} {rng.choice(['Pro', 'Con'])}: Claim {index}, with a reason of its own.")
    text = "\n".join(lines) + "\n"
    (tmp_path / "debate.txt").write_text(text)
    graph = arguebuf.load.kialo(io.StringIO(text))

    def plain(node) -> str:
        return " ".join(node.plain_text.split())

    expected = set()
    for scheme in graph.scheme_nodes.values():
        kind = "supports" if type(scheme.scheme).__name__ == "Support" else "contradicts"
        expected |= {(plain(a), kind, plain(b)) for a in graph.incoming_nodes(scheme) for b in graph.outgoing_nodes(scheme)}
    assert run_cli("import", "--from", "kialo", tmp_path / "debate.txt", "-o", tmp_path / "out").returncode == 0
    m = argmap.load(tmp_path / "out")
    assert sorted(c.text for c in m.claims.values()) == sorted(plain(n) for n in graph.atom_nodes.values())
    said = {c.id: c.text for c in m.claims.values()}
    assert {(said[r.source], r.kind, said[r.target]) for r in m.relations()} == expected
