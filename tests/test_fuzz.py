"""Property-based: any YAML document gives a valid map or positioned errors."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import MapError

KEYS = ["title", "description", "perspectives", "perspective", "source", "claims", "id", "text",
        "quote", "kind", "tags", "note", "supports", "contradicts", "to", "label", "color",
        "tea", "coffee", "thesis", "a", "b", "url"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.sampled_from(["tea", "coffee", "a", "b", "thesis", "#fff", "", "x y", "!!python/object"]),
    st.text(max_size=12),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=6), st.integers(), st.none())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
raw_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["a: [", "- !!python/object/apply:os.system [ls]", "&a [*a]", "a: &x 1\nb: *x",
                     "--- 1\n--- 2", "\t- x", "key: value\n  bad", "%YAML 9.9\n---\na", "\x00",
                     "a: !!binary aGVsbG8=", "? [a]\n: b", "<<: {a: 1}"]),
)
file_contents = st.one_of(documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), raw_text)


def assert_map_loads_or_reports(manifest: str, claims_files: list[str]) -> None:
    """Write a map of these texts; it must load, or fail with positioned problems only."""
    root = Path(tempfile.mkdtemp())
    try:
        (root / "map.yaml").write_text(manifest, encoding="utf-8")
        for index, text in enumerate(claims_files):
            (root / f"c{index}.yaml").write_text(text, encoding="utf-8")
        assert_loads_or_reports(root)
    finally:
        shutil.rmtree(root)


def assert_loads_or_reports(root: Path) -> None:
    try:
        m = argmap.load(root)
    except MapError as error:
        assert error.problems
        for problem in error.problems:
            assert Path(problem.position.path).resolve().is_relative_to(root.resolve())
            assert problem.position.line >= 1 and problem.position.column >= 1
            assert problem.message
    else:
        argmap.render_html(m)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(manifest=file_contents, claims=st.lists(file_contents, min_size=0, max_size=3))
def test_arbitrary_documents_give_a_map_or_positioned_errors(manifest, claims):
    assert_map_loads_or_reports(manifest, claims)


VALID_MANIFEST = "title: T\nperspectives:\n  tea: {}\n  coffee: {label: C}\n"
claim_like = st.dictionaries(st.sampled_from(KEYS), documents, max_size=6)
claims_files = st.fixed_dictionaries(
    {"perspective": st.sampled_from(["tea", "coffee", "tee"]), "claims": st.lists(claim_like, max_size=4)},
    optional={"source": documents},
).map(lambda d: yaml.safe_dump(d, allow_unicode=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=st.lists(claims_files, min_size=1, max_size=3))
def test_claim_shaped_documents_give_a_map_or_positioned_errors(claims):
    assert_map_loads_or_reports(VALID_MANIFEST, claims)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"[0-9 :.+\-TtZeE_]{1,30}", fullmatch=True),
                 st.sampled_from(["yes", "No", "~", "null", "2001-12-14 21:59:43.10 -5", "1 2", ".inf",
                                  "<<", "=", "0x1F", "1_000", "12:30:45", "True story", "on and off"])))
def test_fast_resolver_agrees_with_pyyaml(value):
    from argmap.io.yamlnodes import _BaseLoader, _Loader

    stock, fast = _BaseLoader(""), _Loader("")
    try:
        for implicit in ((True, False), (False, True)):
            assert fast.resolve(yaml.ScalarNode, value, implicit) == stock.resolve(yaml.ScalarNode, value, implicit)
    finally:
        stock.dispose()
        fast.dispose()
