"""Incremental rebuilds: what an edit does not change is reused, and the page is the cold build's, byte for byte."""

from __future__ import annotations

import json

import argmap
import argmap.web.page as page
from argmap.io.cache import DerivedCache, cache_home
from argmap.web.render import render_html

from .conftest import synthetic_map


def reworded(root) -> None:
    """Change one claim's words (not the map's structure) in the first claims file."""
    path = sorted(root.glob("side0-*.yaml"))[0]
    text = path.read_text()
    path.write_text(text.replace("  text: ", "  text: Reworded, ", 1))


def test_a_rebuild_after_a_text_edit_reuses_layout_and_comparison_and_matches_a_cold_build(run_cli, tmp_path,
                                                                                          monkeypatch):
    root = synthetic_map(tmp_path / "map", 400, files=4)
    warm, cold = tmp_path / "warm.html", tmp_path / "cold.html"
    assert run_cli("build", root, "-o", warm).returncode == 0  # fills both caches
    reworded(root)
    assert run_cli("build", root, "-o", warm).returncode == 0
    assert run_cli("build", root, "-o", cold, "--no-cache").returncode == 0
    assert warm.read_bytes() == cold.read_bytes()
    assert "Reworded, " in warm.read_text()
    # In process: with the structure unchanged, neither the layout nor the comparison is computed again.
    edited = argmap.load(root)
    render_html(edited, cache=True)

    def recomputed(*args, **kwargs):
        raise AssertionError("computed again")
    monkeypatch.setattr(page, "side_by_side", recomputed)
    monkeypatch.setattr(page, "comparison_data", recomputed)
    assert render_html(edited, cache=True) == cold.read_text()


def test_a_structural_edit_is_computed_afresh(run_cli, tmp_path):
    root = synthetic_map(tmp_path / "map", 300, files=3)
    warm, cold = tmp_path / "warm.html", tmp_path / "cold.html"
    assert run_cli("build", root, "-o", warm).returncode == 0
    path = sorted(root.glob("side0-*.yaml"))[0]
    text = path.read_text()
    path.write_text(text.replace("  kind: premise\n", "  kind: thesis\n", 1))  # the layout and the cruxes change
    assert run_cli("build", root, "-o", warm).returncode == 0
    assert run_cli("build", root, "-o", cold, "--no-cache").returncode == 0
    assert warm.read_bytes() == cold.read_bytes()


def test_a_tampered_derived_entry_is_ignored(run_cli, tmp_path):
    root = synthetic_map(tmp_path / "map", 200, files=2)
    warm, cold = tmp_path / "warm.html", tmp_path / "cold.html"
    assert run_cli("build", root, "-o", warm).returncode == 0
    folder = cache_home() / "derived"
    entries = sorted(folder.glob("comparison-*.json"))
    assert entries
    for entry in entries:  # keep the signature, change the content: the signature no longer matches
        mac, _, body = entry.read_bytes().partition(b"\n")
        data = json.loads(body)
        data["value"]["clash_count"] = 999
        entry.write_bytes(mac + b"\n" + json.dumps(data).encode())
    assert run_cli("build", root, "-o", warm).returncode == 0
    assert run_cli("build", root, "-o", cold, "--no-cache").returncode == 0
    assert warm.read_bytes() == cold.read_bytes()


def test_the_derived_cache_keeps_a_few_entries_of_each_kind(tmp_path):
    cache = DerivedCache(tmp_path)
    for number in range(12):
        cache.put("layout", f"digest-{number}", {"n": number})
    assert len(list((tmp_path / "derived").glob("layout-*.json"))) == 8
    assert cache.get("layout", "digest-11") == {"n": 11} and cache.get("layout", "digest-0") is None


def test_the_loader_knows_the_structure_digest_from_each_files_part(tmp_path):
    from argmap.io.structure import claims_structure, structure_digest

    root = synthetic_map(tmp_path / "map", 300, files=3)
    parsed = argmap.load(root, cache=True)  # parsed, and each file's part kept in the parse cache
    cached = argmap.load(root, cache=True)  # every file from the cache
    assert parsed.view(structure_digest) == cached.view(structure_digest)
    reworded(root)
    assert argmap.load(root, cache=True).view(structure_digest) == parsed.view(structure_digest)
    path = sorted(root.glob("side0-*.yaml"))[0]
    path.write_text(path.read_text().replace("  kind: premise\n", "  kind: evidence\n", 1))
    changed = argmap.load(root, cache=True)
    assert changed.view(structure_digest) != parsed.view(structure_digest)
    # a map that did not come from files computes its digest from its claims
    assert structure_digest(changed) != changed.view(structure_digest)
    assert claims_structure(changed.claims.values()) == claims_structure(list(changed.claims.values()))
