"""Undercuts and audience semantics: random small maps against a brute-force enumerator of the definitions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.semantics import _extensions_kept
from argmap.model import ArgumentMap, Claim, Perspective, Relation, Undercut
from argmap.semantics import acceptance

SIDES = ("p", "q")


def brute_force(claims, attacks, supports, undercuts, audience=None):
    """The preferred extensions, straight from the definitions, by trying all 3^n labellings of the claims.

    A support (r, c) is *active* when r is IN and every undercutter that succeeds is OUT, and
    *disabled* when r is OUT or one such undercutter is IN. A claim with reasons is IN iff every
    attacker that succeeds is OUT and some support of it is active; OUT iff such an attacker is IN
    or every support of it is disabled. A claim without reasons is IN iff every such attacker is OUT.
    The accepted claims must be well-founded along active supports, and preferred means maximal.
    For an audience, an attack (or undercut) by another side's claim on its own claims fails.
    """
    own = {c.id for c in claims if audience is not None and c.perspective == audience and c.asserted}

    def succeeds(attacker, *victims):
        return audience is None or attacker in own or not all(v in own for v in victims)

    ids = [c.id for c in claims]
    attackers = {n: [a for a, b in attacks if b == n and succeeds(a, b)] for n in ids}
    reasons = {n: [r for r, c in supports if c == n] for n in ids}
    cutters = {(r, c): [u for u, (ur, uc) in undercuts if (ur, uc) == (r, c) and succeeds(u, r, c)]
               for r, c in supports}
    found = []
    for labels in itertools.product("IOU", repeat=len(ids)):
        label = dict(zip(ids, labels))

        def active(r, c):
            return label[r] == "I" and all(label[u] == "O" for u in cutters[r, c])

        def disabled(r, c):
            return label[r] == "O" or any(label[u] == "I" for u in cutters[r, c])

        ok = True
        for n in ids:
            beaten = any(label[a] == "I" for a in attackers[n])
            free = all(label[a] == "O" for a in attackers[n])
            if reasons[n]:
                should_in = free and any(active(r, n) for r in reasons[n])
                should_out = beaten or all(disabled(r, n) for r in reasons[n])
            else:
                should_in, should_out = free, beaten
            if (label[n] == "I") != should_in or (label[n] == "O") != should_out:
                ok = False
                break
        if not ok:
            continue
        accepted = {n for n in ids if label[n] == "I"}
        founded = {n for n in accepted if not reasons[n]}
        while more := {n for n in accepted - founded if any(r in founded and active(r, n) for r in reasons[n])}:
            founded |= more
        if founded == accepted:
            found.append(frozenset(accepted))
    return {e for e in found if not any(e < other for other in found)}


@st.composite
def small_maps(draw):
    n = draw(st.integers(2, 6))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    supports = {(f"c{a}", f"c{b}") for a, b in draw(st.lists(pairs, max_size=6)) if a != b}
    attacks = {(f"c{a}", f"c{b}") for a, b in draw(st.lists(pairs, max_size=6))
               if a != b and (f"c{a}", f"c{b}") not in supports}
    mutual = {pair for pair in attacks if draw(st.booleans()) and (pair[1], pair[0]) not in attacks
              and (pair[1], pair[0]) not in supports}
    undercuts = set()
    for support in sorted(supports):
        for u in draw(st.lists(st.integers(0, n - 1), max_size=2)):
            if f"c{u}" not in support:
                undercuts.add((f"c{u}", support))
    sides = draw(st.lists(st.sampled_from(SIDES), min_size=n, max_size=n))
    asserted = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    claims = []
    for i in range(n):
        cid = f"c{i}"
        relations = tuple(Relation(cid, b, "supports") for a, b in sorted(supports) if a == cid) + tuple(
            Relation(cid, b, "contradicts", mutual=(a, b) in mutual) for a, b in sorted(attacks) if a == cid)
        cuts = tuple(Undercut(cid, r, c) for u, (r, c) in sorted(undercuts) if u == cid)
        claims.append(Claim(cid, f"Claim {i}.", sides[i], relations=relations, undercuts=cuts,
                            asserted=asserted[i] or i == 0))
    read_attacks = attacks | {(b, a) for a, b in mutual}
    argument_map = ArgumentMap("Random", {p: Perspective(p, p, "#000") for p in SIDES},
                               {c.id: c for c in claims})
    return argument_map, claims, read_attacks, supports, undercuts


@settings(max_examples=200, deadline=None)
@given(small_maps())
def test_undercuts_and_audiences_match_brute_force(case):
    argument_map, claims, attacks, supports, undercuts = case
    _, bipolar = _extensions_kept(argument_map, "bipolar", 10_000, None)
    assert set(bipolar) == brute_force(claims, attacks, supports, undercuts)
    result = acceptance(argument_map)
    for side in result.sides:
        _, preferred = _extensions_kept(argument_map, "audience", 10_000, None, audience=side.perspective)
        expected = brute_force(claims, attacks, supports, undercuts, audience=side.perspective)
        assert set(preferred) == expected
        assert side.acceptable == frozenset().union(*expected)
        assert side.accepted == frozenset.intersection(*expected)
    everyone = [side.accepted for side in result.sides]
    assert result.by_all == frozenset.intersection(*everyone)


TEA = """
title: Tea or coffee?
perspectives: {tea: {label: Tea}, cof: {label: Coffee}}
---
perspective: tea
claims:
  - {id: tea.best, text: Tea is the better morning drink., kind: thesis}
  - {id: tea.calm, text: Tea calms., supports: [tea.best]}
  - {id: tea.ritual, text: Tea is a ritual., supports: [tea.best]}
---
perspective: cof
claims:
  - {id: cof.best, text: Coffee is the better morning drink., kind: thesis,
     contradicts: [{to: tea.best, mutual: true}]}
  - {id: cof.so-what, text: A calm start is no reason to prefer a drink in the morning.,
     supports: [cof.best], contradicts: [{support: [tea.calm, tea.best], note: Calm is beside the point.}]}
  - {id: cof.no-ritual, text: "Rituals are habits, not reasons.", supports: [cof.best],
     contradicts: [{support: [tea.ritual, tea.best]}]}
"""


def test_an_undercut_disables_one_support_and_leaves_both_claims_standing():
    m = argmap.loads(TEA.replace(",\n     contradicts: [{support: [tea.ritual, tea.best]}]}", "}"))
    bipolar = acceptance(m, semantics="bipolar")
    # The calm support is undercut; the ritual one still carries the thesis.
    assert {"tea.calm", "tea.ritual", "cof.so-what"} <= bipolar.by_all
    both = acceptance(argmap.loads(TEA), semantics="bipolar")
    tea = next(s for s in both.sides if s.perspective == "tea")
    assert "tea.best" not in tea.acceptable  # both its supports are undercut: nothing carries it
    assert {"tea.calm", "tea.ritual"} <= tea.acceptable  # yet its reasons stand: an undercut is no rebuttal


def test_each_audience_keeps_its_own_case_and_says_what_it_rejects():
    result = acceptance(argmap.loads(TEA))
    assert result.semantics == "audience"
    tea, cof = result.sides
    assert tea.theses_accepted and cof.theses_accepted
    assert tea.coherent and cof.coherent
    assert "tea.best" in tea.accepted and "cof.best" in tea.rejected
    assert "cof.best" in cof.accepted and "tea.best" in cof.rejected
    assert "tea.calm" in result.by_all  # nobody attacks the claim itself


def test_a_side_whose_own_claims_attack_each_other_is_incoherent():
    text = TEA.replace("  - {id: tea.ritual, text: Tea is a ritual., supports: [tea.best]}",
                       "  - {id: tea.ritual, text: Tea is a ritual., supports: [tea.best]}\n"
                       "  - {id: tea.no-calm, text: Tea does not calm., contradicts: [tea.calm]}")
    tea = acceptance(argmap.loads(text)).sides[0]
    assert not tea.coherent and tea.conflicts == (("tea.no-calm", "tea.calm"),)


def test_an_undercut_of_a_missing_support_is_a_positioned_error():
    text = TEA.replace("[{support: [tea.ritual, tea.best]}]", "[{support: [tea.ritual, cof.best]}]")
    with pytest.raises(argmap.MapError) as caught:
        argmap.loads(text)
    assert "<string>:18:20:" in str(caught.value)
    assert "no support from 'tea.ritual' to 'cof.best'" in str(caught.value)


def test_the_claim_graph_carries_undercuts_on_the_support_they_undercut():
    g = argmap.loads(TEA).graph
    assert g.edges["tea.calm", "tea.best"]["undercut_by"] == ["cof.so-what"]
    assert [u["source"] for u in g.graph["undercuts"]] == ["cof.so-what", "cof.no-ritual"]
    assert not g.has_edge("cof.so-what", "tea.best") and not g.has_edge("cof.so-what", "tea.calm")
