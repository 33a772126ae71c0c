"""Quote verification, from Python and from the CLI."""

from __future__ import annotations

import pytest

from argmap import MapError
from argmap.quotes import check_quotes, normalize

SOURCE = "He said: “Therapy — done well — isn’t magic.”\nIt is   WORK, mostly…\n"


@pytest.mark.parametrize("quote", [
    '"Therapy - done well - isn\'t magic."',     # straight quotes and hyphens
    "therapy – done well – ISN’T magic",         # en dashes, case
    "It is work, mostly...",                      # whitespace and ellipsis
    "magic.” It is",                              # across a line break
])
def test_matching_normalises_quotes_dashes_whitespace_and_case(tmp_path, quote):
    (tmp_path / "s.txt").write_text(SOURCE)
    (tmp_path / "c.yaml").write_text(f"perspective: p\nclaims:\n  - id: a\n    text: A\n    quote: '{quote.replace(chr(39), chr(39) * 2)}'\n")
    report = check_quotes(tmp_path / "c.yaml", tmp_path / "s.txt")
    assert report.ok and report.checked == 1


def test_miss_reports_position_and_closest_passage(tmp_path):
    (tmp_path / "s.txt").write_text(SOURCE)
    (tmp_path / "c.yaml").write_text(
        "perspective: p\nclaims:\n  - id: a\n    text: A\n    quote: It is play, mostly\n"
        "  - id: b\n    text: B\n")
    report = check_quotes(tmp_path / "c.yaml", tmp_path / "s.txt")
    assert report.checked == 1 and not report.ok
    miss = report.misses[0]
    assert (miss.claim_id, miss.position.line, miss.position.column) == ("a", 5, 12)
    assert miss.closest == "It is WORK, mostly"
    assert 0.5 < miss.similarity < 1


def test_unreadable_source_is_a_map_error(tmp_path):
    (tmp_path / "c.yaml").write_text("perspective: p\nclaims: []\n")
    with pytest.raises(MapError, match="cannot read source text"):
        check_quotes(tmp_path / "c.yaml", tmp_path / "missing.txt")


def test_normalize_maps_back_to_the_original():
    text, origin = normalize("A  “b”")
    assert text == 'a "b"' and [("A  “b”")[i] for i in origin] == ["A", " ", "“", "b", "”"]


def test_cli_exits_1_on_a_miss_with_the_closest_passage(run_cli, tmp_path):
    (tmp_path / "s.txt").write_text(SOURCE)
    (tmp_path / "c.yaml").write_text("perspective: p\nclaims:\n  - {id: a, text: A, quote: Therapy done badly}\n")
    result = run_cli("quotes", tmp_path / "c.yaml", tmp_path / "s.txt")
    assert result.returncode == 1
    assert f"{tmp_path / 'c.yaml'}:3:29: error: quote of 'a' is not in the source" in result.stderr
    assert "closest: " in result.stderr and "1 of 1 quotes not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_exits_0_when_all_quotes_are_found(run_cli, tmp_path):
    (tmp_path / "s.txt").write_text(SOURCE)
    (tmp_path / "c.yaml").write_text("perspective: p\nclaims:\n  - {id: a, text: A, quote: isn't magic}\n")
    result = run_cli("quotes", tmp_path / "c.yaml", tmp_path / "s.txt")
    assert result.returncode == 0 and "all 1 quotes found" in result.stdout


def test_cli_reports_a_missing_source_cleanly(run_cli, tmp_path):
    (tmp_path / "c.yaml").write_text("perspective: p\nclaims: []\n")
    result = run_cli("quotes", tmp_path / "c.yaml", tmp_path / "none.txt")
    assert result.returncode == 1 and "none.txt:1:1: error: cannot read source text" in result.stderr
