"""Fuzzing the AIF and Argdown importers and the parse cache: a result or positioned errors, never another exception.

Seeded and bounded, so CI runs the same cases every time.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import argmap
from argmap.formats.aif import read_aif
from argmap.formats.argdown import read_argdown
from argmap.formats.kialo import read_kialo
from argmap.io.cache import ParseCache

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    database=None)

SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True), st.text(max_size=12))
ANY_JSON = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                                               inner, max_size=3),
                        max_leaves=8)
NODE_ID = st.one_of(st.sampled_from(["1", "2", "3", "4", "5"]), st.integers(1, 5), ANY_JSON)
NODE = st.fixed_dictionaries({"nodeID": NODE_ID, "type": st.one_of(st.sampled_from(["I", "RA", "CA", "MA", "PA", "L",
                                                                                    "YA", "TA"]), ANY_JSON)},
                             optional={"text": st.one_of(st.text(max_size=20), ANY_JSON), "scheme": ANY_JSON})
EDGE = st.fixed_dictionaries({"fromID": NODE_ID, "toID": NODE_ID}, optional={"edgeID": NODE_ID})
AIF = st.one_of(
    ANY_JSON,
    st.fixed_dictionaries({"nodes": st.lists(NODE, max_size=8), "edges": st.lists(EDGE, max_size=10)},
                          optional={"locutions": st.lists(st.dictionaries(st.sampled_from(["nodeID", "personID"]),
                                                                          NODE_ID), max_size=4) | ANY_JSON,
                                    "participants": st.lists(st.dictionaries(
                                        st.sampled_from(["participantID", "firstname", "surname"]), NODE_ID),
                                        max_size=3) | ANY_JSON,
                                    "argmap": ANY_JSON}),
)

TOKENS = ["[a]", "[b]", "[c d]", "<A>", ": ", "text ", "#tag ", "#(long tag) ", "{x: 1}", "{", "}", "+> ", "-> ",
          "<+ ", "<- ", "_> ", "<_ ", "+ ", "- ", "// comment", "/* ", " */", "===", "# Heading", "(1) ", "----",
          "\\", "\t", "  ", "    ", "é", "\x1b", '"', "'"]
ARGDOWN = st.lists(st.lists(st.sampled_from(TOKENS), max_size=6).map("".join), max_size=10).map("\n".join) | st.text(
    max_size=200)


def imports_or_positioned_error(read, path: Path) -> None:
    try:
        imported = read(path)
    except argmap.MapError as error:
        assert error.problems and all(p.position.line >= 1 for p in error.problems)
        return
    with tempfile.TemporaryDirectory() as folder:
        argmap.load(imported.write(Path(folder) / "out"))  # what an import writes passes argmap check


def imports_text_or_positioned_error(read, name: str, text: str) -> None:
    """Write ``text`` to a file ``name`` in a scratch folder and check its import as above."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        imports_or_positioned_error(read, path)


@seed(12345)
@SETTINGS
@given(AIF)
def test_aif_importer_never_crashes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "n.json"
        path.write_text(json.dumps(data))
        imports_or_positioned_error(read_aif, path)


@seed(12345)
@SETTINGS
@given(ARGDOWN)
def test_argdown_importer_never_crashes(text):
    # The reader argmap carries; the Argdown CLI's reading has its tests in test_argdown_import.py
    # and meets every real file below (a Node process per example would make fuzzing slow).
    with tempfile.TemporaryDirectory() as folder, mock.patch("argmap.formats.argdown.argdown_cli", return_value=None):
        path = Path(folder) / "a.argdown"
        path.write_text(text, encoding="utf-8")
        imports_or_positioned_error(read_argdown, path)


@seed(12345)
@SETTINGS
@given(st.lists(st.sampled_from(["Discussion Title: t", "", "1. A", "1.1. Pro: B", "1.1.1. Con: C", "1.2. D",
                                 "1.1.1.1. Pro: -> See 1.1.", "2. E", "1.9.9. Con: F", "x"]) | st.text(), max_size=12)
       .map(lambda parts: "\n".join(parts) if isinstance(parts, list) else parts))
def test_kialo_importer_never_crashes(text):
    imports_text_or_positioned_error(read_kialo, "k.txt", text)


@seed(2026)
@SETTINGS
@given(st.lists(st.sampled_from(["Discussion Name:", "T", "", "1. Question:", "1. Thesis:", "   Tea?", "1.1. Thesis:",
                                 "   Tea.", "1.1.1. Pro:", "1.1.1. Con:", "   -> See 1.1.", "   -> See 1.9.",
                                 "1.2. Maybe:", "1.1.2. con: x [1]", "Sources:", "[1] https://x", "[2]", "junk",
                                 "\ufeffDiscussion Name: T"]), max_size=16)
       .map(lambda parts: "\r\n".join(parts)))
def test_kialos_current_layout_never_crashes(text):
    imports_text_or_positioned_error(read_kialo, "k.txt", text)


@seed(2026)
@SETTINGS
@given(st.fixed_dictionaries({"AIF": AIF}, optional={"OVA": ANY_JSON, "text": st.one_of(st.text(max_size=40),
                                                                                        ANY_JSON)}))
def test_xaif_never_crashes(data):
    imports_text_or_positioned_error(read_aif, "x.json", json.dumps(data))


def test_real_argdown_and_aif_files_never_crash():
    shared = Path(__file__).resolve().parents[2] / "shared"
    paths = sorted((shared / "argdown-examples").glob("*.argdown")) + sorted((shared / "argdown-tests").rglob(
        "*.argdown")) + [shared / "aif-dialogue" / "6064-original.json"]
    for path in (p for p in paths if p.exists()):
        imports_or_positioned_error(read_aif if path.suffix == ".json" else read_argdown, path)


@seed(12345)
@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=200) | ANY_JSON.map(lambda v: json.dumps(v).encode()))
def test_a_garbled_cache_entry_is_ignored_and_rebuilt(garbage):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "claims"
        root.mkdir()
        (root / "map.yaml").write_text("title: Tea?\nperspectives: {tea: {}}\n")
        (root / "tea.yaml").write_text("perspective: tea\nclaims:\n  - {id: a, text: A., kind: thesis}\n")
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        argmap.load(root, cache=True)
        for entry in ParseCache(root).folder.glob("*.json"):
            mac = entry.read_bytes().split(b"\n", 1)[0]
            entry.write_bytes(garbage)
            assert list(argmap.load(root, cache=True).claims) == ["a"]
            entry.write_bytes(mac + b"\n" + garbage)  # the old MAC over new bytes: refused too
            assert list(argmap.load(root, cache=True).claims) == ["a"]
