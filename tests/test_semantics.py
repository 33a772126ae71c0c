"""Dung semantics: the 40 reference frameworks, and random graphs vs brute force."""

from __future__ import annotations

import json
import os
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.semantics import (EnumerationLimit, complete_extensions, grounded_extension,
                              preferred_extensions, stable_extensions)

from .conftest import REPO

CASES = REPO.parent / "shared" / "semantics-cases"
CASE_FILES = sorted(CASES.glob("*.json")) if CASES.is_dir() else []


def framework(arguments, attacks) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(arguments)
    graph.add_edges_from(map(tuple, attacks))
    return graph


def as_sets(extensions) -> set[frozenset]:
    return {frozenset(e) for e in extensions}


def test_reference_cases_are_present():
    if not CASE_FILES and not os.environ.get("CI"):
        pytest.skip("../shared/semantics-cases is not beside the repository")
    assert len(CASE_FILES) == 40


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.stem)
def test_reference_case(case_file: Path):
    case = json.loads(case_file.read_text())
    af = framework(case["arguments"], case["attacks"])
    assert grounded_extension(af) == frozenset(case["grounded"])
    for name, solve in (("complete", complete_extensions), ("preferred", preferred_extensions),
                        ("stable", stable_extensions)):
        found = solve(af)
        assert len(found) == len(as_sets(found)), f"{name}: duplicate extensions"
        assert as_sets(found) == as_sets(case[name]), name


# ── brute force, straight from the definitions ──────────────────────────────
def brute_force(af: nx.DiGraph) -> dict[str, set[frozenset]]:
    nodes = list(af)
    attackers = {n: set(af.predecessors(n)) for n in nodes}

    def attacks_set(s, n):
        return bool(attackers[n] & s)

    def defends(s, n):
        return all(attacks_set(s, b) for b in attackers[n])

    subsets = [frozenset(c) for r in range(len(nodes) + 1) for c in combinations(nodes, r)]
    conflict_free = [s for s in subsets if not any(attacks_set(s, n) for n in s)]
    admissible = [s for s in conflict_free if all(defends(s, n) for n in s)]
    complete = {s for s in admissible if {n for n in nodes if defends(s, n)} == s}
    preferred = {s for s in admissible if not any(s < t for t in admissible)}
    stable = {s for s in conflict_free if all(attacks_set(s, n) for n in nodes if n not in s)}
    grounded = min(complete, key=len)
    return {"complete": complete, "preferred": preferred, "stable": stable, "grounded": {grounded}}


random_frameworks = st.integers(min_value=0, max_value=9).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
                       max_size=n * 3 if n else 0).map(lambda edges: framework(range(n), edges)))


@settings(max_examples=300, deadline=None)
@given(random_frameworks)
def test_random_frameworks_match_brute_force(af):
    expected = brute_force(af)
    assert {grounded_extension(af)} == expected["grounded"]
    assert as_sets(complete_extensions(af)) == expected["complete"]
    assert as_sets(preferred_extensions(af)) == expected["preferred"]
    assert as_sets(stable_extensions(af)) == expected["stable"]


def test_enumeration_stops_at_the_limit_with_a_clear_error():
    # 20 independent mutual attacks: 2**20 preferred extensions.
    af = nx.DiGraph()
    for i in range(20):
        af.add_edges_from([(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")])
    for solve in (preferred_extensions, stable_extensions, complete_extensions):
        with pytest.raises(EnumerationLimit, match="more than 50 .* extensions"):
            solve(af, limit=50)


def test_grounded_handles_long_chains_without_recursion():
    chain = nx.path_graph(200_000, create_using=nx.DiGraph)
    accepted = grounded_extension(chain)
    assert len(accepted) == 100_000 and 0 in accepted and 1 not in accepted
