"""The parse cache, --profile, progress, and start-up cost (no timings asserted, only ratios measured side by side)."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.io.cache import FORMAT, ParseCache
from argmap.profile import Profile, profiling

from .conftest import REPO, synthetic_map


def small_map(tmp_path: Path) -> Path:
    return synthetic_map(tmp_path / "synthetic", 300, perspectives=3, files=6, seed=3)


def test_cached_rebuild_reparses_only_the_changed_file(tmp_path):
    root = small_map(tmp_path)
    with profiling() as cold:
        first = argmap.load(root, cache=True)
    assert len(cold.parsed_files) == 6 and cold.cached_files == []

    edited = sorted(root.glob("side1-*.yaml"))[0]
    edited.write_text(edited.read_text().replace("They cannot both hold.", "Edited note."))
    with profiling() as warm:
        second = argmap.load(root, cache=True)
    assert warm.parsed_files == [str(edited)]
    assert len(warm.cached_files) == 5
    # the cached load gives the same map as a fresh parse
    fresh = argmap.load(root)
    assert second.claims == fresh.claims and [r for r in second.relations()] == [r for r in fresh.relations()]
    assert any(r.note == "Edited note." for r in second.relations())
    assert [r.position for r in second.relations()] == [r.position for r in fresh.relations()]
    assert first.claims.keys() == second.claims.keys()


def test_cached_errors_are_reported_again(tmp_path):
    root = small_map(tmp_path)
    broken = sorted(root.glob("side0-*.yaml"))[0]
    broken.write_text(broken.read_text().replace("  text:", "  txt:", 1))
    messages = []
    for _ in range(2):
        try:
            argmap.load(root, cache=True)
        except argmap.MapError as error:
            messages.append([str(p) for p in error.problems])
    assert len(messages) == 2 and messages[0] == messages[1]
    assert any("unknown key 'txt'" in m for m in messages[0])


def cache_entries(root):
    """The parsed files' entries, not the one that records the files last found valid together."""
    cache = ParseCache(root)
    validated = cache.folder / cache._entry_name(ParseCache._VALIDATED)
    return sorted(entry for entry in cache.folder.glob("*.json") if entry != validated)


def test_files_found_valid_together_are_not_checked_again_until_one_changes(tmp_path):
    root = small_map(tmp_path)
    with profiling() as first:
        argmap.load(root, cache=True)
    with profiling() as second:
        again = argmap.load(root, cache=True)
    assert "validate" in first.seconds and "validate" not in second.seconds
    assert again.claims == argmap.load(root).claims
    # A change that breaks the map across files is caught: its files no longer match.
    edited = sorted(root.glob("side1-*.yaml"))[0]
    target = next(iter(argmap.load(root).claims))
    twin = f"- id: {target}\n  text: A twin.\n- id: "
    original = edited.read_text()
    edited.write_text(original.replace("- id: ", twin, 1))
    for _ in range(2):
        with pytest.raises(argmap.MapError, match=re.escape(f"duplicate claim id '{target}'")):
            argmap.load(root, cache=True)
    # So is a file that is back as it was but a perspective the manifest no longer declares.
    edited.write_text(original)
    argmap.load(root, cache=True)
    manifest = root / "map.yaml"
    manifest.write_text(manifest.read_text().replace("side2", "side9"))
    with pytest.raises(argmap.MapError, match="unknown perspective 'side2'"):
        argmap.load(root, cache=True)


def test_a_forged_record_of_valid_files_is_ignored(tmp_path):
    root = small_map(tmp_path)
    broken = sorted(root.glob("side0-*.yaml"))[0]
    broken.write_text(broken.read_text().replace("  supports:\n  - ", "  supports:\n  - nowhere\n  - ", 1))
    cache = ParseCache(root)
    with pytest.raises(argmap.MapError):
        argmap.load(root, cache=True)
    from argmap.io.load import _validation_key, load_result
    result = load_result(root)
    key = _validation_key(result.manifest, [dataclasses.replace(f, structure=g.structure) for f, g in
                                            zip(result.files, load_result(root, cache=True).files)])
    assert key is not None
    record = cache.folder / cache._entry_name(ParseCache._VALIDATED)
    record.write_text('0000\n{"format": "%s", "validated": "%s"}' % (FORMAT, key))  # a MAC not made with the key
    with pytest.raises(argmap.MapError, match="unknown claim id 'nowhere'"):  # the forged record is not trusted
        argmap.load(root, cache=True)


def test_the_cache_lives_outside_the_claims_directory(tmp_path):
    root = small_map(tmp_path)
    before = sorted(p.name for p in root.rglob("*"))
    argmap.load(root, cache=True)
    assert sorted(p.name for p in root.rglob("*")) == before
    assert len(cache_entries(root)) == 6
    assert str(cache_entries(root)[0]).startswith(os.environ["XDG_CACHE_HOME"])


def test_a_corrupt_or_foreign_cache_is_ignored(tmp_path):
    root = small_map(tmp_path)
    argmap.load(root, cache=True)
    for entry in cache_entries(root):
        entry.write_text("{not json")
    with profiling() as profile:
        argmap.load(root, cache=True)
    assert len(profile.parsed_files) == 6


def test_deleted_files_leave_the_cache(tmp_path):
    root = small_map(tmp_path)
    argmap.load(root, cache=True)
    assert len(cache_entries(root)) == 6
    for extra in sorted(root.glob("side2-*.yaml")):
        extra.unlink()
    (root / "map.yaml").write_text((root / "map.yaml").read_text())
    try:
        argmap.load(root, cache=True)
    except argmap.MapError:
        pass
    assert len(cache_entries(root)) == 4


def test_build_profile_prints_each_phase(run_cli, tmp_path):
    root = small_map(tmp_path)
    result = run_cli("build", root, "-o", tmp_path / "m.html", "--profile")
    assert result.returncode == 0
    for name in ("read claims", "parse YAML", "validate", "layout", "render HTML", "write", "total"):
        assert name in result.stderr
    assert "files parsed: 6, from cache: 0" in result.stderr
    again = run_cli("build", root, "-o", tmp_path / "m.html", "--profile")
    assert "files parsed: 0, from cache: 6" in again.stderr
    uncached = run_cli("check", root, "--no-cache", "--profile")
    assert "files parsed: 6, from cache: 0" in uncached.stderr


def test_progress_appears_only_after_a_second_on_a_terminal():
    ticks = iter([0.0, 0.5, 0.6, 1.7, 1.8, 1.9, 2.0])
    stream = io.StringIO()
    profile = Profile(progress=stream, clock=lambda: next(ticks))
    profile.report("early")          # 0.5 s: quiet
    profile.report("reading 2 of 9")  # 0.6 s: quiet
    profile.report("reading 9 of 9")  # 1.7 s: shown
    profile.finish()
    assert "early" not in stream.getvalue() and "reading 2" not in stream.getvalue()
    assert "argmap: reading 9 of 9…" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_build_is_quiet_when_stderr_is_not_a_terminal(run_cli, tmp_path):
    result = run_cli("build", small_map(tmp_path), "-o", tmp_path / "m.html")
    assert result.returncode == 0 and result.stderr == ""


def test_rendering_imports_neither_pyvis_nor_ipython():
    # pyvis is needed only for its vis-network file; importing it would pull
    # in IPython, which costs more start-up time than a small build takes.
    code = ("import sys, argmap; argmap.render_html(argmap.load('claims')); "
            "print('pyvis' in sys.modules, 'IPython' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_a_map_of_many_conclusions_builds_about_as_fast_as_one_of_one_thesis(tmp_path):
    """Per-conclusion whole-side walks made many conclusions quadratic: 6.6 times the one-thesis build at
    2,000 claims (76 s at 20,000). A ratio measured side by side in this test, never a time."""
    import time

    from argmap.web.render import render_html

    def best_render(root):
        times = []
        for _ in range(3):
            fresh = argmap.load(root)
            started = time.perf_counter()
            render_html(fresh, cache=False)
            times.append(time.perf_counter() - started)
        return min(times)

    many = synthetic_map(tmp_path / "many", 2000, shape="many")
    one = synthetic_map(tmp_path / "one", 2000, shape="thesis")
    theses = sum(c.kind == "thesis" for c in argmap.load(many).claims.values())
    assert theses > 300  # the shape is what it says: hundreds of conclusions, each a thesis
    ratio = best_render(many) / best_render(one)
    assert ratio < 3, ratio
