"""A contradiction marked mutual: written once, read both ways, by the semantics, the comparison and lint."""

from __future__ import annotations

import pytest

import argmap
from argmap.compare import Comparison
from argmap.graph import attack_graph
from argmap.semantics import acceptance, grounded_extension, preferred_extensions

HEAD = "title: T\nperspectives: {tea: {label: Tea}, cof: {label: Coffee}}\n---\n"
TEA = ("perspective: tea\nclaims:\n  - {id: tea.best, text: Tea is best., kind: thesis}\n"
       "  - {id: tea.calm, text: Tea calms., supports: [tea.best]}\n")
ONCE = HEAD + TEA + ("---\nperspective: cof\nclaims:\n  - {id: cof.best, text: Coffee is best., kind: thesis,\n"
                     "     contradicts: [{to: tea.best, mutual: true, note: Only one is best.}]}\n")
TWICE = HEAD + TEA.replace("kind: thesis}", "kind: thesis, contradicts: [{to: cof.best, note: Only one is best.}]}") \
    + ("---\nperspective: cof\nclaims:\n  - {id: cof.best, text: Coffee is best., kind: thesis,\n"
       "     contradicts: [{to: tea.best, note: Only one is best.}]}\n")


def test_mutual_reads_as_the_contradiction_written_on_both_claims():
    once, twice = argmap.loads(ONCE), argmap.loads(TWICE)
    assert [r.mutual for r in once.relations() if r.kind == "contradicts"] == [True]
    assert set(attack_graph(once).edges) == set(attack_graph(twice).edges)  # one attack each way
    assert grounded_extension(attack_graph(once)) == grounded_extension(attack_graph(twice))
    assert list(preferred_extensions(attack_graph(once))) == list(preferred_extensions(attack_graph(twice)))
    assert str(acceptance(once)) == str(acceptance(twice))
    clash = Comparison(once).clashes()
    assert [(c.mutual, len(c.edges)) for c in clash] == [(True, 2)]
    rows = [(e.source, e.target, e.contradicting_claims) for e in Comparison(once).engagement()]
    assert rows == [(e.source, e.target, e.contradicting_claims) for e in Comparison(twice).engagement()]


def test_mutual_is_for_contradicts_and_true_or_false():
    with pytest.raises(argmap.MapError, match="mutual is for contradicts relations only"):
        argmap.loads(TEA.replace("supports: [tea.best]", "supports: [{to: tea.best, mutual: true}]"))
    with pytest.raises(argmap.MapError, match="mutual must be true or false"):
        argmap.loads(ONCE.replace("mutual: true", "mutual: sometimes"))


def test_lint_suggests_mutual_for_a_contradiction_written_on_both_claims():
    from argmap.analysis.lint import lint

    assert [w.rule for w in lint(argmap.loads(ONCE)) if w.rule == "two-way-contradiction"] == []
    warned = [w for w in lint(argmap.loads(TWICE)) if w.rule == "two-way-contradiction"]
    assert len(warned) == 1 and "mutual: true" in (warned[0].hint or "")


def test_mutual_survives_the_cache_and_the_exports(make_map, tmp_path):
    from argmap.formats.aif import read_aif, write_aif
    from argmap.formats.argdown import write_argdown
    from argmap.formats.argdown import _front_matter, _read_subset  # the reader argmap carries

    parts = ONCE.split("---\n")
    root = make_map({"tea.yaml": parts[1], "coffee.yaml": parts[2]}, manifest=parts[0])
    for _ in range(2):  # cold, then from the parse cache
        loaded = argmap.load(root, cache=True)
        assert [r.mutual for r in loaded.relations() if r.kind == "contradicts"] == [True]
    (tmp_path / "m.aif.json").write_text(write_aif(loaded))
    again = argmap.load(read_aif(tmp_path / "m.aif.json").write(tmp_path / "from-aif"))
    assert [r.mutual for r in again.relations() if r.kind == "contradicts"] == [True]
    text = write_argdown(loaded)
    lines = text.splitlines()
    header, start = _front_matter(lines, tmp_path / "m.argdown")
    back = argmap.load(_read_subset(lines[start:], start, header, tmp_path / "m.argdown").write(tmp_path / "ad"))
    assert [r.mutual for r in back.relations() if r.kind == "contradicts"] == [True]
