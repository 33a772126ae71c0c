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


def test_a_rebuild_encodes_only_the_edited_files_columns_and_matches_a_cold_build(run_cli, tmp_path, monkeypatch):
    root = synthetic_map(tmp_path / "map", 400, files=4)
    warm, cold = tmp_path / "warm.html", tmp_path / "cold.html"
    assert run_cli("build", root, "-o", warm).returncode == 0
    # A claim added to a middle file: every later claim's index moves, and the structure changes.
    middle = sorted(root.glob("side*.yaml"))[1]
    first_id = next(line.split(": ", 1)[1] for line in middle.read_text().splitlines() if line.startswith("- id: "))
    middle.write_text(middle.read_text().replace("claims:\n", f"claims:\n- id: added.one\n  text: An added <b>&'claim'.\n"
                                                              f"  supports:\n  - {first_id}\n", 1))
    encoded = []
    real = page._file_columns
    monkeypatch.setattr(page, "_file_columns", lambda claims: encoded.append(len(claims)) or real(claims))
    edited = argmap.load(root, cache=True)
    html = render_html(edited, cache=True)
    claims_in_middle = sum(1 for line in middle.read_text().splitlines() if line.startswith("- id: "))
    assert encoded == [claims_in_middle]  # the three unchanged files' columns came from the cache
    monkeypatch.undo()
    assert run_cli("build", root, "-o", cold, "--no-cache").returncode == 0
    assert html == cold.read_text()
    data = json.loads(cold.read_text().split('id="argmap-data">', 1)[1].split("</script>", 1)[0])
    index = data["nodes"]["id"].index("added.one")
    assert data["nodes"]["label"][index] == "An added <b>&'claim'."
    assert [data["nodes"]["id"][data["edges"]["to"][j]] for j, f in enumerate(data["edges"]["from"]) if f == index] \
        == [first_id]
    assert "<b>" not in cold.read_text().split('id="argmap-data">', 1)[1].split("</script>", 1)[0]


def test_a_tampered_columns_entry_is_ignored(run_cli, tmp_path):
    root = synthetic_map(tmp_path / "map", 200, files=2)
    warm, cold = tmp_path / "warm.html", tmp_path / "cold.html"
    assert run_cli("build", root, "-o", warm).returncode == 0
    entries = sorted((cache_home() / "derived").glob("columns-*.json"))
    assert len(entries) == 2
    for entry in entries:  # a valid signature over other content: believed only if the signature matches
        mac, _, body = entry.read_bytes().partition(b"\n")
        data = json.loads(body)
        data["value"]["nodes"]["label"] = '"planted"'
        entry.write_bytes(mac + b"\n" + json.dumps(data).encode())
    assert run_cli("build", root, "-o", warm).returncode == 0
    assert run_cli("build", root, "-o", cold, "--no-cache").returncode == 0
    assert warm.read_bytes() == cold.read_bytes() and "planted" not in warm.read_text()


def test_the_derived_cache_keeps_the_entries_used_last(tmp_path):
    cache = DerivedCache(tmp_path)
    for number in range(8):
        cache.put("columns", f"digest-{number}", number)
    assert cache.get("columns", "digest-0") == 0  # used again: now among the newest
    for number in range(8, 12):
        cache.put("columns", f"digest-{number}", number, keep=6)
    kept = {number for number in range(12) if cache.get("columns", f"digest-{number}") is not None}
    assert kept == {0, 7, 8, 9, 10, 11}
