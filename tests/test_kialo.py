"""Kialo's text export in: Pro is supports, Con is contradicts, each toward its parent."""

from __future__ import annotations

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
