"""Navigation and comparison queries, on a small map whose answers are known."""

from __future__ import annotations

import json
import os

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import query
from argmap.analysis.reach import descendant_counts
from argmap.analysis.sides import measured_sides, weights
from argmap.graph import IndexedSupports, side_supports
from argmap.compare import Comparison
from argmap.model import ArgumentMap, Claim, Perspective, Relation
from argmap import UnknownClaim
from argmap.semantics import acceptance
from argmap.cli.questions import RANKED_ROWS

MANIFEST = "title: Tea or coffee?\nperspectives:\n  tea: {label: Tea}\n  coffee: {label: Coffee}\n"
# tea.best <- tea.calm <- tea.science, tea.best <- tea.cheap
# coffee.best <- cof.focus <- cof.study
# clashes: cof.focus x tea.calm (both ways), cof.study -> tea.science
# agreement: cof.water supports tea.calm
TEA = """\
perspective: tea
claims:
  - {id: tea.best, text: Tea is best., kind: thesis}
  - {id: tea.calm, text: Tea calms., supports: [tea.best],
     contradicts: [{to: cof.focus, note: calm beats focus}]}
  - {id: tea.science, text: Studies show tea calms., kind: evidence, supports: [tea.calm], tags: [study]}
  - {id: tea.cheap, text: Tea is cheap., supports: [tea.best]}
  - {id: tea.quiet, text: Tea is quiet., supports: [tea.best]}
"""
COFFEE = """\
perspective: coffee
claims:
  - {id: cof.best, text: Coffee is best., kind: thesis}
  - {id: cof.focus, text: Coffee focuses., supports: [cof.best],
     contradicts: [{to: tea.calm, note: focus beats calm}]}
  - {id: cof.study, text: The tea studies are flawed., supports: [cof.focus],
     contradicts: [{to: tea.science, note: flawed method}]}
  - {id: cof.water, text: Hot drinks soothe., supports: [{to: tea.calm, note: both soothe}]}
"""


@pytest.fixture
def drinks(make_map):
    return argmap.load(make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST))


def test_find_claims_filters(drinks):
    assert [c.id for c in query.find_claims(drinks, perspective="tea", kind="thesis")] == ["tea.best"]
    assert [c.id for c in query.find_claims(drinks, tag="study")] == ["tea.science"]
    assert query.find_claims(drinks, perspective="coffee", tag="study") == []


def test_supporters_and_contradictors_carry_notes(drinks):
    assert [(l.claim, l.note) for l in query.supporters(drinks, "tea.calm")] == [
        ("cof.water", "both soothe"), ("tea.science", None)]
    assert [(l.claim, l.note) for l in query.contradictors(drinks, "tea.calm")] == [("cof.focus", "focus beats calm")]


def test_support_tree_nests_reasons_and_can_stay_on_one_side(drinks):
    tree = query.support_tree(drinks, "tea.best")
    assert [r.claim for r in tree.reasons] == ["tea.calm", "tea.cheap", "tea.quiet"]
    assert [r.claim for r in tree.reasons[0].reasons] == ["cof.water", "tea.science"]
    assert tree.size() == 6
    assert query.support_tree(drinks, "tea.best", same_side=True).size() == 5


def test_neighbourhood_grows_with_k(drinks):
    assert {c.id for c in query.neighbourhood(drinks, "tea.science", 1)} == {"tea.science", "tea.calm", "cof.study"}
    assert len(query.neighbourhood(drinks, "tea.science", 2)) == 6
    assert [c.id for c in query.neighbourhood(drinks, "tea.science", 0)] == ["tea.science"]


def test_paths_walk_edges_both_ways(drinks):
    found = query.paths(drinks, "tea.science", "cof.best")
    walked = [[(s.source, s.kind, s.target, s.forward) for s in p] for p in found]
    assert [("cof.study", "contradicts", "tea.science", False), ("cof.study", "supports", "cof.focus", True),
            ("cof.focus", "supports", "cof.best", True)] in walked
    assert [len(p) for p in found] == sorted(len(p) for p in found) and len(found[0]) == 3
    assert query.paths(drinks, "tea.best", "tea.best") == []


def test_unknown_claim_suggests_a_fix(drinks):
    with pytest.raises(UnknownClaim, match="did you mean 'tea.calm'"):
        query.supporters(drinks, "tea.clam")


def test_engagement_counts_claims_and_edges(drinks):
    rows = {(r.source, r.target): r for r in Comparison(drinks).engagement()}
    assert (rows["coffee", "tea"].contradicting_claims, rows["coffee", "tea"].supporting_claims) == (2, 1)
    assert (rows["tea", "coffee"].contradicting_claims, rows["tea", "coffee"].supports_edges) == (1, 0)


def test_disagreements_and_common_ground(drinks):
    comparison = Comparison(drinks)
    assert {(d.source, d.target, d.note) for d in comparison.disagreements()} == {
        ("tea.calm", "cof.focus", "calm beats focus"), ("cof.focus", "tea.calm", "focus beats calm"),
        ("cof.study", "tea.science", "flawed method")}
    ground = comparison.common_ground()
    # coffee supports tea.calm, but another coffee claim contradicts it: a use of tea's claim, not agreement
    assert ground.agreements == [] and ground.endorsed == []
    assert [(a.source, a.target, a.note) for a in ground.uses] == [("cof.water", "tea.calm", "both soothe")]


def test_cruxes_are_ranked_by_the_share_of_support_that_falls(drinks):
    cruxes = Comparison(drinks).cruxes()
    # tea.best is supported by 4 own claims; rejecting tea.calm cuts tea.calm and tea.science (2 of 4)
    tea_calm = next(c for c in cruxes if c.claim == "tea.calm")
    assert (tea_calm.thesis, tea_calm.load, tea_calm.support_size, tea_calm.share) == ("tea.best", 2, 4, 0.5)
    assert tea_calm.path == ("tea.calm", "tea.best")
    # cof.best has 2 supporters; rejecting cof.focus cuts both. Equal shares rank by load.
    assert [(c.claim, c.share) for c in cruxes] == [
        ("cof.focus", 1.0), ("tea.calm", 0.5), ("cof.study", 0.5), ("tea.science", 0.25)]
    # the mutual clash ranks first; weight counts the side's case that rests on a claim
    assert [(c.claim, c.mutual, c.weight, c.case_size) for c in cruxes] == [
        ("cof.focus", True, 2, 4), ("tea.calm", True, 2, 5), ("cof.study", False, 1, 4), ("tea.science", False, 1, 5)]


def test_a_contested_claim_outside_the_thesis_support_is_a_crux_by_its_weight(make_map):
    advice = TEA + """\
  - {id: tea.brew, text: Brew it for three minutes., kind: recommendation}
  - {id: tea.taste, text: Short brews taste better., supports: [tea.brew]}
  - {id: tea.bitter, text: Long brews are bitter., supports: [tea.brew]}
"""
    coffee = COFFEE.replace("supports: [{to: tea.calm, note: both soothe}]}",
                            "contradicts: [{to: tea.brew, note: brew longer}]}")
    cruxes = Comparison(argmap.load(make_map({"tea.yaml": advice, "coffee.yaml": coffee}, manifest=MANIFEST))).cruxes()
    brew = next(c for c in cruxes if c.claim == "tea.brew")
    assert (brew.thesis, brew.load, brew.weight, brew.case_size, brew.path) == (None, 0, 3, 8, ())
    # 3 of tea's 8 claims rest on the advice, more than on the studies (1 of 8)
    order = [c.claim for c in cruxes]
    assert order.index("tea.brew") < order.index("tea.science")


def test_double_cruxes_pair_load_bearing_clashes(drinks):
    doubles = Comparison(drinks).double_cruxes()
    assert [(d.first.claim, d.second.claim) for d in doubles] == [
        ("cof.focus", "tea.calm"), ("cof.study", "tea.science")]
    assert {e.note for e in doubles[0].edges} == {"calm beats focus", "focus beats calm"}


def test_unanswered_excludes_engaged_claims_and_their_conclusions(drinks):
    rows = Comparison(drinks).unanswered()
    by_tea = [u.claim for u in rows if u.unanswered_by == "coffee"]
    # coffee engages tea.calm and tea.science, hence also tea.best which they support
    assert by_tea == ["tea.cheap", "tea.quiet"]
    by_coffee = {u.claim: u for u in rows if u.unanswered_by == "tea"}
    assert set(by_coffee) == {"cof.study", "cof.water"}
    assert by_coffee["cof.study"].load == 1 and by_coffee["cof.study"].path == ("cof.study", "cof.focus", "cof.best")


def test_acceptance_per_side(drinks):
    result = acceptance(drinks, semantics="bipolar")
    assert result.preferred_count == 2  # tea.calm and cof.focus attack each other
    assert "cof.study" in result.grounded and "tea.science" not in result.grounded
    sides = {s.perspective: s for s in result.sides}
    assert sides["tea"].theses_accepted and sides["coffee"].theses_accepted
    assert result.by_none == {"tea.science"}
    # As audiences, tea keeps its study against coffee's unanswered objection; coffee rejects it.
    audience = {s.perspective: s for s in acceptance(drinks).sides}
    assert "tea.science" in audience["tea"].accepted and "tea.science" in audience["coffee"].rejected
    assert audience["tea"].coherent and audience["coffee"].coherent


@pytest.mark.parametrize(("question", "expected"), [
    (["cruxes"], "cof.focus"),
    (["double-cruxes"], "tea.calm"),
    (["engagement"], "coffee"),
    (["disagreements"], "flawed method"),
    (["common-ground"], "both soothe"),
    (["unanswered"], "tea.cheap"),
    (["claims", "--kind", "thesis"], "tea.best"),
    (["supporters", "tea.calm"], "cof.water"),
    (["contradictors", "tea.calm"], "cof.focus"),
    (["support-tree", "tea.best"], "tea.science"),
    (["neighbourhood", "tea.science", "-k", "2"], "cof.focus"),
    (["paths", "tea.science", "cof.best"], "-supports-> cof.best"),
    (["grounded"], "cof.study"),
    (["complete"], "cof.study"),
    (["preferred"], "cof.study"),
    (["stable"], "cof.study"),
    (["acceptance", "--semantics", "bipolar"], "no side can accept: tea.science"),
    (["acceptance"], "must reject: tea.calm, tea.science"),
    (["not-engaged"], "tea.cheap"),
])
def test_every_question_is_reachable_from_the_cli(make_map, run_cli, question, expected):
    root = make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST)
    text = run_cli("query", *question, "--map", root)
    assert text.returncode == 0, text.stderr
    assert expected in text.stdout
    as_json = run_cli("query", *question, "--map", root, "--json")
    assert as_json.returncode == 0
    assert expected.split()[-1].split(">")[-1] in as_json.stdout
    json.loads(as_json.stdout)
    assert run_cli("query", *question, "--map", root, "--json").stdout == as_json.stdout  # stable


def test_query_errors_are_clean(make_map, run_cli):
    root = make_map({"tea.yaml": TEA, "coffee.yaml": COFFEE}, manifest=MANIFEST)
    missing = run_cli("query", "supporters", "tea.clam", "--map", root)
    assert missing.returncode == 1
    assert missing.stderr == "argmap: error: no claim 'tea.clam' in the map (did you mean 'tea.calm'?)\n"
    limit = run_cli("query", "preferred", "--limit", "0", "--map", root)
    assert limit.returncode == 2 and "--limit: 0 is out of range" in limit.stderr and "Traceback" not in limit.stderr
    bad_map = run_cli("query", "cruxes", "--map", root / "nope")
    assert bad_map.returncode == 1 and "no such directory" in bad_map.stderr


# ── the comparison's near-linear shortcuts agree with the obvious definitions ──
@given(st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=50), st.integers(1, 6))
def test_descendant_counts_match_networkx(edges, block):
    own = IndexedSupports([str(n) for n in range(17)], sorted({(a, b) for a, b in edges if a != b}))
    graph = nx.DiGraph(own.supports)
    graph.add_nodes_from(range(17))  # 16 is never on an edge
    assert descendant_counts(own.graph(), block=block) == [len(nx.descendants(graph, n)) for n in range(17)]


@st.composite
def two_sided_maps(draw) -> ArgumentMap:
    sizes = {"a": draw(st.integers(1, 12)), "b": draw(st.integers(1, 12))}
    ids = [f"{side}{i}" for side, n in sizes.items() for i in range(n)]
    edges = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids),
                                    st.sampled_from(["supports", "contradicts"])), max_size=40))
    relations: dict[str, dict[str, str]] = {i: {} for i in ids}
    for source, target, kind in edges:
        if source != target:
            relations[source].setdefault(target, kind)
    claims = {i: Claim(i, i, i[0], kind="thesis" if i[1:] == "0" else None,
                       relations=tuple(Relation(i, t, k) for t, k in relations[i].items()))  # type: ignore[arg-type]
              for i in ids}
    return ArgumentMap("random", {p: Perspective(p, p, "#000000") for p in sizes}, claims)


@settings(max_examples=150)
@given(two_sided_maps())
def test_unanswered_matches_its_definition(argument_map):
    comparison = Comparison(argument_map)
    supports = nx.DiGraph([(r.source, r.target) for r in argument_map.relations() if r.kind == "supports"])
    expected = set()
    for side in "ab":
        for other in "ab".replace(side, ""):
            touched = {r.target for r in argument_map.relations()
                       if r.source[0] == other and r.target[0] == side}
            engaged = set(touched).union(*(nx.descendants(supports, t) for t in touched if t in supports))
            expected |= {(c, other) for c in argument_map.claims if c[0] == side and c not in engaged}
    rows = comparison.unanswered()
    assert {(u.claim, u.unanswered_by) for u in rows} == expected
    for u in rows:
        own = comparison.sides[u.perspective].supports
        assert u.dependants == len(nx.descendants(own, u.claim))
        if u.path:  # a shortest own-side support path to the claim's thesis
            assert all(own.has_edge(a, b) for a, b in zip(u.path, u.path[1:]))
            assert len(u.path) - 1 == nx.shortest_path_length(own, u.claim, u.path[-1])
            assert argument_map.claims[u.path[-1]].kind == "thesis"


@settings(max_examples=150)
@given(two_sided_maps())
def test_side_measures_match_their_networkx_definitions(argument_map):
    for perspective, side in measured_sides(argument_map).items():
        own = [c for c in argument_map.claims if c[0] == perspective]
        reasons = nx.DiGraph()
        reasons.add_nodes_from(own)
        reasons.add_edges_from((r.target, c) for c in own for r in argument_map.claims[c].relations
                               if r.kind == "supports" and r.target[0] == perspective)
        load: dict[str, int] = {}
        thesis_of: dict[str, str] = {}
        theses = [c for c in own if argument_map.claims[c].kind == "thesis"]
        for thesis in theses:
            assert side.support_size[thesis] == len(nx.descendants(reasons, thesis))
        # Over all the theses at once: a virtual root above them, each claim's nearest thesis breadth-first,
        # and its load its subtree in that root's dominator tree.
        rooted = reasons.copy()
        rooted.add_edges_from(("top", thesis) for thesis in theses)
        nearest: dict[str, str] = {}
        next_toward: dict[str, dict[str, str]] = {thesis: {} for thesis in theses}
        for claim, parent in nx.bfs_predecessors(rooted, "top") if theses else []:
            nearest[claim] = claim if parent == "top" else nearest[parent]
            if parent != "top":
                next_toward[nearest[claim]][claim] = parent
                thesis_of[claim] = nearest[claim]
        assert side.next_toward == next_toward
        if theses:
            tree = nx.DiGraph((parent, node) for node, parent in nx.immediate_dominators(rooted, "top").items()
                              if node != "top")
            for claim in thesis_of:
                load[claim] = 1 + (len(nx.descendants(tree, claim)) if claim in tree else 0)
                assert load[claim] <= side.support_size[thesis_of[claim]]
        assert side.load == load and side.thesis_of == thesis_of


@settings(max_examples=100)
@given(two_sided_maps(), st.booleans())
def test_support_trees_match_networkx_breadth_first(argument_map, same_side):
    perspective_of = {c.id: c.perspective for c in argument_map.claims.values()}
    for claim_id in argument_map.claims:
        supports = nx.DiGraph((r.source, r.target) for r in argument_map.relations() if r.kind == "supports" and (
            not same_side or perspective_of[r.source] == perspective_of[r.target] == perspective_of[claim_id]))
        expected: dict[str, list[str]] = {}
        if claim_id in supports:
            for conclusion, reason in nx.bfs_edges(supports, claim_id, reverse=True):
                expected.setdefault(conclusion, []).append(reason)
        found, stack = {}, [query.support_tree(argument_map, claim_id, same_side=same_side)]
        while stack:
            tree = stack.pop()
            if tree.reasons:
                found[tree.claim] = [reason.claim for reason in tree.reasons]
                stack.extend(tree.reasons)
        assert found == expected


@settings(max_examples=100)
@given(two_sided_maps(), st.integers(0, 3))
def test_neighbourhoods_match_networkx(argument_map, k):
    undirected = nx.Graph((r.source, r.target) for r in argument_map.relations())
    undirected.add_nodes_from(argument_map.claims)
    for claim_id in argument_map.claims:
        near = nx.single_source_shortest_path_length(undirected, claim_id, cutoff=k)
        assert [c.id for c in query.neighbourhood(argument_map, claim_id, k)] == [c for c in argument_map.claims
                                                                                  if c in near]


def test_each_clash_is_listed_once_and_mutual_clashes_are_told_apart(run_cli, tmp_path):
    from argmap.io.examples import TEA_OR_COFFEE

    root = tmp_path / "m"
    root.mkdir()
    manifest, tea, coffee = TEA_OR_COFFEE.split("---\n")
    (root / "map.yaml").write_text(manifest)
    (root / "tea.yaml").write_text(tea.replace("    kind: thesis\n", "    kind: thesis\n    contradicts: [cof.best]\n", 1))
    (root / "coffee.yaml").write_text(coffee)
    result = run_cli("query", "clashes", "-m", root, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["first"], r["second"], r["mutual"], len(r["edges"])) for r in rows] == [
        ("cof.best", "tea.best", True, 2), ("cof.alert", "tea.gentle", False, 1)]
    report = run_cli("report", root).stdout
    clash_section = report.split("## Where they clash")[1].split("\n## ")[0]
    assert clash_section.count("“Tea is the better morning drink.”") == 1 and "*(both ways, inferred.)*" in clash_section


@settings(max_examples=150)
@given(two_sided_maps())
def test_the_weights_shortcut_and_unanswered_among_agree_with_the_general_ways(argument_map):
    comparison = Comparison(argument_map)
    for perspective, side in comparison.sides.items():  # a side whose one conclusion is its thesis reuses that tree
        assert side.weight == weights(argument_map.view(side_supports)[perspective])
    every = comparison.unanswered()
    kept = comparison.unanswered_among(lambda claim, perspective, load: claim.endswith(("1", "3")))
    assert kept == [u for u in every if u.claim.endswith(("1", "3"))]
    # The first rows alone, their dependants counted one by one, are the first rows of them all.
    for limit in (0, 1, 2, 5):
        assert Comparison(argument_map).unanswered(limit) == every[:limit]
    assert comparison.count_unanswered() == len(every)
    # Measures kept in a store and read back give the same answers.
    store = DictStore()
    assert Comparison(argument_map, store=store).unanswered() == every
    assert {"sides", "unengaged"} <= set(store.values) <= {"sides", "unengaged", "dependants", "cruxes"}
    again = Comparison(argument_map, store=store)
    assert again.unanswered() == every and again.cruxes() == comparison.cruxes()
    assert again.double_cruxes() == comparison.double_cruxes()
    assert set(store.values) >= {"cruxes", "double-cruxes"}
    assert again.cruxes(2) == comparison.cruxes()[:2] and again.count_cruxes() == len(comparison.cruxes())
    assert again.double_cruxes(1) == comparison.double_cruxes()[:1]


class DictStore:
    """A measure store in memory, as the derived cache is on disk."""

    def __init__(self):
        self.values: dict[str, object] = {}

    def get(self, kind):
        return self.values.get(kind)

    def put(self, kind, value):
        self.values[kind] = value


def test_stored_measures_that_do_not_fit_the_map_are_measured_again():
    m = argmap.example_map()
    honest = Comparison(m)
    store = DictStore()
    Comparison(m, store=store).unanswered()
    good = store.values["sides"]
    coffee = good["coffee"]
    spoiled = [
        {"coffee": good["coffee"]},  # a side missing
        {**good, "coffee": {**coffee, "load": coffee["load"][:-1]}},  # too short
        {**good, "coffee": {**coffee, "thesis": [len(coffee["thesis"])] * len(coffee["thesis"])}},  # out of range
        {**good, "coffee": {**coffee, "weight": ["1"] * len(coffee["weight"])}},  # not numbers
        {**good, "coffee": {**coffee, "theses": [[0, 1, [99] * coffee["claims"]]]}},  # a path off the map
        "not a dict",
    ]
    for value in spoiled:
        store.values = {"sides": value, "dependants": {"tea": [7], "coffee": []}, "unengaged": [["tea", "tea", [99]]],
                        "cruxes": [[99]], "double-cruxes": [[0]]}  # out of range; a pair of one
        measured = Comparison(m, store=store)
        assert measured.cruxes() == honest.cruxes() and measured.unanswered() == honest.unanswered()
        assert measured.double_cruxes() == honest.double_cruxes()
        assert store.values["sides"] == good  # measured again, and kept again


def many_cruxes_map(make_map, reasons: int):
    """Two theses, each with ``reasons`` reasons that contradict the other thesis: 2 × reasons cruxes."""
    def side(name: str, other: str) -> str:
        lines = [f"perspective: {name}", "claims:", f"  - {{id: {name}.best, text: {name} is best., kind: thesis}}"]
        lines += [f"  - {{id: {name}.r{i}, text: Reason {i}., supports: [{name}.best], contradicts: [{other}.best]}}"
                  for i in range(reasons)]
        return "\n".join(lines) + "\n"
    return make_map({"tea.yaml": side("tea", "cof"), "coffee.yaml": side("cof", "tea")},
                    manifest="title: Tea or coffee?\nperspectives:\n  tea: {label: Tea}\n  cof: {label: Coffee}\n")


def test_ranked_lists_show_their_top_rows_and_keep_their_measures(make_map, run_cli, private_cache_home):
    root = many_cruxes_map(make_map, 70)
    first = run_cli("query", "cruxes", "--map", root)
    assert first.returncode == 0
    rows = first.stdout.splitlines()[2:]  # under the header and its rule
    assert len(rows) == RANKED_ROWS
    assert first.stderr == f"argmap: showed the first {RANKED_ROWS} of 140 cruxes; --all lists every one\n"
    everything = run_cli("query", "cruxes", "--all", "--map", root)
    assert everything.stderr == "" and everything.stdout.splitlines()[2:RANKED_ROWS + 2] == rows
    assert len(everything.stdout.splitlines()) == 142
    as_json = run_cli("query", "cruxes", "--json", "--map", root)
    assert as_json.stderr == "" and len(json.loads(as_json.stdout)) == 140
    # The first run kept the comparison's measures in the cache; the second reads them and says the same.
    derived = private_cache_home / "argmap" / "derived"
    assert {name.rsplit("-", 1)[0] for name in os.listdir(derived)} == {"sides", "cruxes"}
    again = run_cli("query", "cruxes", "--map", root)
    assert (again.stdout, again.stderr) == (first.stdout, first.stderr)
    fresh = run_cli("query", "cruxes", "--no-cache", "--map", root)
    assert (fresh.stdout, fresh.stderr) == (first.stdout, first.stderr)
    # A spoiled cache entry is not believed: the measures are taken again.
    for entry in derived.iterdir():
        entry.write_bytes(entry.read_bytes().replace(b'"load":[', b'"load":[9999,'))
    spoiled = run_cli("query", "cruxes", "--map", root)
    assert (spoiled.stdout, spoiled.stderr) == (first.stdout, first.stderr)
    short = run_cli("query", "double-cruxes", "--map", root)  # under the limit (none at all): no note
    assert short.returncode == 0 and short.stderr == ""
