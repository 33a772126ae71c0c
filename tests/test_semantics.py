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


# ── support-aware (bipolar) semantics, against a brute-force enumerator of the same definition ──
import itertools  # noqa: E402

from hypothesis import given as _given  # noqa: E402
from hypothesis import settings as _settings  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

import argmap  # noqa: E402
from argmap.analysis.arrows import Arrows  # noqa: E402
from argmap.semantics import acceptance, grounded_labelling  # noqa: E402


def brute_force_bipolar(nodes, attacks, supports):
    """Every complete labelling with well-founded IN claims, by trying all 3^n labellings."""
    attackers = {n: [a for a, b in attacks if b == n] for n in nodes}
    reasons = {n: [a for a, b in supports if b == n] for n in nodes}
    complete, founded_complete = [], []
    for labels in itertools.product("IOU", repeat=len(nodes)):
        label = dict(zip(nodes, labels))
        ok = True
        for n in nodes:
            should_in = all(label[a] == "O" for a in attackers[n]) and (
                not reasons[n] or any(label[r] == "I" for r in reasons[n]))
            should_out = any(label[a] == "I" for a in attackers[n]) or (
                bool(reasons[n]) and all(label[r] == "O" for r in reasons[n]))
            if (label[n] == "I") != should_in or (label[n] == "O") != should_out:
                ok = False
                break
        if not ok:
            continue
        accepted = {n for n in nodes if label[n] == "I"}
        founded = {n for n in accepted if not reasons[n]}
        while True:  # grow along reasons inside the accepted set
            more = {n for n in accepted - founded if any(r in founded for r in reasons[n])}
            if not more:
                break
            founded |= more
        complete.append(label)
        if founded == accepted:
            founded_complete.append(label)
    return complete, founded_complete


@_settings(max_examples=150, deadline=None)
@_given(_st.integers(1, 5).flatmap(lambda n: _st.tuples(
    _st.just(n), _st.lists(_st.tuples(_st.integers(0, n - 1), _st.integers(0, n - 1)), max_size=7),
    _st.lists(_st.tuples(_st.integers(0, n - 1), _st.integers(0, n - 1)), max_size=7))))
def test_bipolar_semantics_match_brute_force(case):
    n, attack_pairs, support_pairs = case
    nodes = [f"c{i}" for i in range(n)]
    attacks = {(f"c{a}", f"c{b}") for a, b in attack_pairs}
    supports = {(f"c{a}", f"c{b}") for a, b in support_pairs if a != b and (f"c{a}", f"c{b}") not in attacks}
    attack_graph = nx.DiGraph(list(attacks))
    attack_graph.add_nodes_from(nodes)
    support_graph = nx.DiGraph(list(supports))
    complete, founded = brute_force_bipolar(nodes, attacks, supports)
    ins = [frozenset(n for n, v in label.items() if v == "I") for label in founded]
    assert sorted(map(sorted, complete_extensions(attack_graph, supports=support_graph))) == sorted(
        map(sorted, set(ins)))
    maximal = {e for e in ins if not any(e < other for other in ins)}
    assert set(preferred_extensions(attack_graph, supports=support_graph)) == maximal
    stable = {frozenset(n for n, v in label.items() if v == "I") for label in founded if "U" not in label.values()}
    assert set(stable_extensions(attack_graph, supports=support_graph)) == stable
    least = min(complete, key=lambda label: sum(v != "U" for v in label.values()))
    assert grounded_extension(attack_graph, supports=support_graph) == frozenset(
        n for n, v in least.items() if v == "I")
    # The plain-dict graphs acceptance builds for a map answer as networkx's do.
    arrows, support_arrows = Arrows(sorted(attacks), nodes=nodes), Arrows(sorted(supports))
    assert grounded_labelling(arrows, supports=support_arrows) == (
        frozenset(n for n, v in least.items() if v == "I"), frozenset(n for n, v in least.items() if v == "O"))
    assert set(preferred_extensions(arrows, supports=support_arrows)) == maximal


def test_a_cycle_of_mutual_support_does_not_stand_by_itself():
    attacks = nx.DiGraph()
    attacks.add_nodes_from(["a", "b", "t", "c"])
    supports = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "t")])
    assert preferred_extensions(attacks, supports=supports) == [frozenset({"c"})]
    assert grounded_extension(attacks, supports=supports) == frozenset({"c"})
    supports.add_edge("c", "a")  # one reason from outside grounds the whole cycle
    assert preferred_extensions(attacks, supports=supports) == [frozenset({"a", "b", "c", "t"})]


def test_a_thesis_whose_only_reason_falls_does_not_hold_under_bipolar_but_does_under_dung():
    m = argmap.loads("""
title: Tea or coffee?
perspectives: {tea: {}, coffee: {}}
---
perspective: tea
claims:
  - {id: tea.best, text: Tea is best., kind: thesis}
  - {id: tea.calm, text: Tea calms., supports: [tea.best]}
---
perspective: coffee
claims:
  - {id: cof.jitters, text: Tea has caffeine too., contradicts: [tea.calm]}
""")
    bipolar, dung = acceptance(m, semantics="bipolar"), acceptance(m, semantics="dung")
    assert (bipolar.semantics, dung.semantics) == ("bipolar", "dung")
    tea = {result.semantics: next(s for s in result.sides if s.perspective == "tea") for result in (bipolar, dung)}
    assert tea["bipolar"].theses_accepted is False
    assert tea["dung"].theses_accepted is True


def test_acceptance_kept_in_a_store_answers_the_same_and_keeps_its_limit():
    m = argmap.loads("perspective: tea\nclaims:\n  - {id: a, text: A., contradicts: [b]}\n"
                     "  - {id: b, text: B., contradicts: [a]}\n  - {id: c, text: C., supports: [a]}\n")

    class Store(dict):
        def put(self, kind, value):
            self[kind] = value

    store = Store()
    honest = acceptance(m, semantics="bipolar")
    assert honest.preferred_count == 2
    assert acceptance(m, store=store, semantics="bipolar") == honest and set(store) == {"acceptance-bipolar"}
    assert acceptance(m, store=store, semantics="bipolar") == honest  # read back
    with pytest.raises(EnumerationLimit):
        acceptance(m, store=store, limit=1, semantics="bipolar")  # the stored list is whole: a smaller limit fails
    for spoiled in ([[0, 99]], [], "x", [["0"]]):
        store["acceptance-bipolar"] = spoiled
        assert acceptance(m, store=store, semantics="bipolar") == honest
    audience = acceptance(m, store=store)
    assert set(store) == {"acceptance-bipolar", "acceptance-audience-tea"}
    assert acceptance(m, store=store) == audience
