"""The networkx graph built from a map."""

import networkx as nx

import argmap


def test_graph_has_one_node_per_claim_and_one_edge_per_relation(make_map):
    m = argmap.load(make_map())
    g = m.graph
    assert isinstance(g, nx.DiGraph)
    assert set(g.nodes) == {"tea.best", "tea.calm", "cof.best"}
    assert sorted(g.edges(data="kind")) == [
        ("cof.best", "tea.best", "contradicts"),
        ("tea.calm", "tea.best", "supports"),
    ]


def test_nodes_carry_claim_fields_and_edges_carry_kind_and_note(make_map):
    g = argmap.load(make_map()).graph
    calm = g.nodes["tea.calm"]
    assert calm["text"] == "Tea calms without jitters."
    assert calm["quote"] == "tea calms me"
    assert calm["perspective"] == "tea"
    assert calm["source_title"] == "On Tea" and calm["source_author"] == "Ann"
    assert calm["tags"] == [] and calm["kind"] is None
    assert g.nodes["tea.best"]["kind"] == "thesis"
    assert g.edges["cof.best", "tea.best"] == {"kind": "contradicts", "note": "Both cannot be the better drink.",
                                               "basis": "inferred", "issue": None, "mutual": False}
    assert g.edges["tea.calm", "tea.best"] == {"kind": "supports", "note": None, "basis": "stated", "issue": None, "mutual": False}
    assert g.graph["title"] == "Tea or coffee?"
    assert g.graph["perspectives"] == {"tea": "Tea drinkers", "coffee": "Coffee drinkers"}


def test_graph_is_built_once_and_cached(make_map):
    m = argmap.load(make_map())
    assert m.graph is m.graph
