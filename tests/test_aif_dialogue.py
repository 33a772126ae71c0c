"""A real AIFdb dialogue (arguebuf's 6064): two speakers, no participants list."""

from __future__ import annotations

import os

import pytest

import argmap

from .conftest import REPO

DIALOGUE = REPO.parent / "shared" / "aif-dialogue" / "6064-original.json"


@pytest.fixture
def dialogue():
    if not DIALOGUE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DIALOGUE} is missing")
        pytest.skip("the shared AIF dialogue is not beside the repository")
    return DIALOGUE


def test_speakers_become_perspectives_and_nothing_is_dropped_in_silence(dialogue, run_cli, tmp_path):
    result = run_cli("import", "--from", "aif", dialogue, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    m = argmap.load(tmp_path / "out")
    # two speakers, each named by the initials their locutions carry
    assert {p.label for p in m.perspectives.values()} == {"Speaker CL", "Speaker NL"}
    assert all(len([c for c in m.claims.values() if c.perspective == p]) for p in m.perspectives)
    # illocutions are kept as tags, inference schemes as notes
    assert {"asserting", "popularconceding"} <= {t for c in m.claims.values() for t in c.tags}
    assert any((r.note or "").startswith("Scheme: Default Inference") for r in m.relations())
    # every node kind that is not a claim or a relation is counted, in one line
    lines = [line for line in result.stderr.splitlines() if "not imported" in line]
    assert lines == ["argmap: warning: AIF nodes not imported as claims or relations: 16 L locutions (their speakers "
                     "became perspectives), 8 TA dialogue transitions, 14 YA illocutions (kept as tags)"]
