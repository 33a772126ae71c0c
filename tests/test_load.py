"""The loader: the happy path, and every class of error with its position."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import MapError

from .conftest import BUNDLED_CLAIMS


def problems_of(root: Path) -> list[str]:
    with pytest.raises(MapError) as caught:
        argmap.load(root)
    return [str(p) for p in caught.value.problems]


def only_problem(root: Path) -> str:
    problems = problems_of(root)
    assert len(problems) == 1, problems
    return problems[0]


def test_loads_a_valid_map(make_map):
    m = argmap.load(make_map())
    assert m.title == "Tea or coffee?"
    assert list(m.perspectives) == ["tea", "coffee"]
    assert m.perspectives["tea"].label == "Tea drinkers"
    assert list(m.claims) == ["cof.best", "tea.best", "tea.calm"]  # files sorted by path
    calm = m.claims["tea.calm"]
    assert (calm.perspective, calm.quote, calm.source.title) == ("tea", "tea calms me", "On Tea")
    assert calm.position.line == 7 and calm.position.path.endswith("tea.yaml")
    contradiction = m.claims["cof.best"].relations[0]
    assert (contradiction.kind, contradiction.target, contradiction.note) == (
        "contradicts", "tea.best", "Both cannot be the better drink.")


def test_loads_the_bundled_map():
    m = argmap.load(BUNDLED_CLAIMS)
    assert {c.perspective for c in m.claims.values()} == {"relational", "professional-service"}


def test_accepts_the_manifest_path_and_yml_files_in_subfolders(make_map):
    root = make_map()
    (root / "more").mkdir()
    (root / "tea.yaml").rename(root / "more" / "tea.yml")
    m = argmap.load(root / "map.yaml")
    assert "tea.calm" in m.claims


def test_defaults_perspective_label_and_colour(make_map):
    root = make_map(manifest="title: T\nperspectives:\n  tea: {}\n  coffee: null\n")
    m = argmap.load(root)
    assert m.perspectives["tea"].label == "tea"
    assert m.perspectives["tea"].color != m.perspectives["coffee"].color


STANDALONE_COFFEE = "perspective: coffee\nclaims:\n  - {id: cof.best, text: Coffee wins., kind: thesis}\n"
SYNTAX = "perspective: tea\nclaims:\n  - id: tea.best\n    text: [unclosed\n"


@pytest.mark.parametrize(
    ("tea_yaml", "expected"),
    [
        pytest.param(SYNTAX, "tea.yaml:5:1: error: YAML syntax error", id="yaml-syntax"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: 42\n",
                     'tea.yaml:4:11: error: text must be a string, not the number 42 (put it in quotes: "42")',
                     id="wrong-type-scalar"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    tags: core\n",
                     "tea.yaml:5:11: error: tags must be a list, not the string core (write tags: [core])",
                     id="wrong-type-list"),
        pytest.param("perspective: tea\nclaims: {id: x}\n",
                     "tea.yaml:2:9: error: claims must be a list, not a mapping", id="wrong-type-claims"),
        pytest.param("perspective: tea\nclaims:\n  - text: No id here.\n",
                     "tea.yaml:3:5: error: the claim has no 'id' (add 'id:')", id="missing-id"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n",
                     "tea.yaml:3:5: error: claim 'tea.best' has no 'text' (add 'text:')", id="missing-text"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    suports: [tea.x]\n",
                     "tea.yaml:5:5: error: unknown key 'suports' in a claim (did you mean 'supports'?)",
                     id="unknown-key"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    supports: [cof.bets]\n",
                     "tea.yaml:5:16: error: supports refers to unknown claim id 'cof.bets' "
                     "(did you mean 'cof.best'?)", id="unknown-reference"),
        pytest.param("perspective: taa\nclaims: []\n",
                     "tea.yaml:1:14: error: unknown perspective 'taa' (did you mean 'tea'?)",
                     id="unknown-perspective"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    supports: [tea.best]\n",
                     "tea.yaml:5:16: error: claim 'tea.best' supports itself (remove this entry)",
                     id="self-relation"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n"
                     "    supports: [cof.best]\n    contradicts: [cof.best]\n",
                     "tea.yaml:6:19: error: claim 'tea.best' both supports and contradicts 'cof.best' "
                     "(keep only one of the two relations)", id="supports-and-contradicts"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n"
                     "    supports:\n      - cof.best\n      - {to: cof.best, note: again}\n",
                     "tea.yaml:7:9: error: 'cof.best' is listed twice in supports; it is first listed at ",
                     id="repeated-relation"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    kind: theses\n",
                     "tea.yaml:5:11: error: unknown kind 'theses' (did you mean 'thesis'?)", id="unknown-kind"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    text: U\n",
                     "tea.yaml:5:5: error: duplicate key 'text' in a claim; it is first set at line 4",
                     id="duplicate-yaml-key"),
        pytest.param("perspective: tea\nclaims:\n  - id: has space\n    text: T\n",
                     "tea.yaml:3:9: error: claim id 'has space' is not valid", id="invalid-id"),
        pytest.param("", "tea.yaml:1:1: error: claims file is empty", id="empty-file"),
        pytest.param("perspective: tea\nclaims:\n  - id: tea.best\n    text: T\n    supports:\n"
                     "      - {to: cof.best, nte: typo}\n",
                     "tea.yaml:6:24: error: unknown key 'nte' in a supports entry (did you mean 'note'?)",
                     id="unknown-relation-key"),
    ],
)
def test_reports_each_error_with_its_position(make_map, tea_yaml, expected):
    problem = only_problem(make_map({"tea.yaml": tea_yaml, "coffee.yaml": STANDALONE_COFFEE}))
    assert "/claims/" + expected in problem


def test_duplicate_ids_name_both_places(make_map):
    problem = only_problem(make_map({"zz.yaml": "perspective: tea\nclaims:\n  - id: tea.best\n    text: Again.\n"}))
    assert "zz.yaml:3:5: error: duplicate claim id 'tea.best'; it is first defined at " in problem
    assert problem.endswith("tea.yaml:4:5 (give one of them a new id)")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!custom"])
def test_rejects_non_data_tags_without_running_them(make_map, tmp_path, tag):
    marker = tmp_path / "pwned"
    root = make_map({"tea.yaml": f"perspective: tea\nclaims:\n  - id: tea.best\n"
                                 f"    text: {tag} ['touch {marker}']\n", "coffee.yaml": STANDALONE_COFFEE})
    problem = only_problem(root)
    assert "tea.yaml:4:11: error: YAML tag " in problem and "is not allowed" in problem
    assert not marker.exists()


def test_a_broken_claim_still_counts_as_defined(make_map):
    # coffee.yaml contradicts tea.best; only the missing text is reported.
    problem = only_problem(make_map({"tea.yaml": "perspective: tea\nclaims:\n  - id: tea.best\n"}))
    assert "has no 'text'" in problem


def test_unknown_ids_are_not_reported_while_a_file_does_not_parse(make_map):
    problem = only_problem(make_map({"tea.yaml": SYNTAX}))
    assert "YAML syntax error" in problem


def test_collects_errors_from_every_file_at_once(make_map):
    root = make_map({
        "tea.yaml": "perspective: tea\nclaims:\n  - id: tea.best\n    txt: T\n",
        "coffee.yaml": "perspective: coffee\nclaims:\n  - {id: cof.best, text: C, supports: [nope]}\n",
    })
    problems = problems_of(root)
    assert len(problems) == 3, problems
    assert any("coffee.yaml" in p and "unknown claim id 'nope'" in p for p in problems)
    assert any("tea.yaml" in p and "unknown key 'txt'" in p for p in problems)
    assert any("tea.yaml" in p and "has no 'text'" in p for p in problems)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ("title: T\n", "map.yaml:1:1: error: map.yaml has no 'perspectives' (add 'perspectives:')"),
        ("title: T\nperspectives:\n  tea: {colour: red}\n",
         "map.yaml:3:9: error: unknown key 'colour' in perspective 'tea' (did you mean 'color'?)"),
        ("title: T\nperspectives:\n  tea: {color: red}\n",
         "map.yaml:3:16: error: color 'red' is not a hex colour"),
        ("title: T\nperspectives: {}\n", "map.yaml:2:15: error: perspectives is empty"),
        ("", "map.yaml:1:1: error: map.yaml is empty"),
    ],
)
def test_reports_manifest_errors(make_map, manifest, expected):
    problems = problems_of(make_map({"tea.yaml": None, "coffee.yaml": None}, manifest=manifest))
    assert any(expected in p for p in problems), problems


def test_missing_directory_and_manifest(tmp_path):
    assert "no such directory" in only_problem(tmp_path / "absent")
    assert "the map has no map.yaml" in only_problem(tmp_path)


def test_uses_the_c_loader_when_available():
    import yaml

    from argmap.io import yamlnodes

    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yamlnodes._Loader, yaml.CSafeLoader)
