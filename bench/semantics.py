"""Pick the Dung-semantics engine by measurement.

Times preferred and stable enumeration with several PySAT solvers (through
argmap's own encoding) and with clingo (the standard ASPARTIX-style ASP
encoding), side by side in one run, on:

- the 40 reference frameworks in ../shared/semantics-cases (total time), and
- seeded Barabási–Albert attack graphs of 1,000 and 5,000 arguments, the
  shape of real argument maps: sparse, with a few heavily attacked claims.

Every engine's answers are checked against each other. Run:

    pip install clingo   # optional peer; skipped when missing
    python bench/semantics.py
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from argmap import semantics  # noqa: E402

CASES = Path(__file__).resolve().parent.parent.parent / "shared" / "semantics-cases"
SAT_SOLVERS = ["cadical153", "cadical195", "glucose4", "minisat22"]

ASP_CORE = """
in(X) :- not out(X), arg(X).
out(X) :- not in(X), arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
"""
ASP = {
    "preferred": (ASP_CORE + ":- out(X), not undefended(X).\n#heuristic in(X) : arg(X). [1,true]\n",
                  ["--heuristic=Domain", "--enum-mode=domRec"]),
    "stable": (ASP_CORE + ":- out(X), not defeated(X).\n", []),
}


def clingo_extensions(af: nx.DiGraph, kind: str) -> set[frozenset]:
    import clingo

    program, options = ASP[kind]
    names = {node: i for i, node in enumerate(af)}
    back = {i: node for node, i in names.items()}
    control = clingo.Control(["0", "--project", "--warn=none", *options])
    facts = "".join(f"arg({i})." for i in names.values())
    facts += "".join(f"att({names[a]},{names[b]})." for a, b in af.edges)
    control.add("base", [], facts + program + "#show in/1.")
    control.ground([("base", [])])
    found = set()
    with control.solve(yield_=True) as handle:
        for model in handle:
            found.add(frozenset(back[s.arguments[0].number] for s in model.symbols(shown=True)))
    return found


def sat_extensions(af: nx.DiGraph, kind: str, solver: str) -> set[frozenset]:
    semantics.SAT_SOLVER = solver
    solve = semantics.preferred_extensions if kind == "preferred" else semantics.stable_extensions
    return set(solve(af))


def barabasi_albert_af(n: int, seed: int, mutual_pairs: int = 5) -> nx.DiGraph:
    """A sparse attack graph with random directions and a few mutual attacks.

    Each mutual pair can double the number of extensions, so a fixed handful
    keeps the answer small enough to list at every size.
    """
    undirected = nx.barabasi_albert_graph(n, 2, seed=seed)
    rng = random.Random(seed)
    edges = sorted(undirected.edges)
    mutual = set(rng.sample(range(len(edges)), mutual_pairs))
    af = nx.DiGraph()
    af.add_nodes_from(undirected)
    for index, (a, b) in enumerate(edges):
        if index in mutual:
            af.add_edges_from([(a, b), (b, a)])
        else:
            af.add_edge(*((a, b) if rng.random() < 0.5 else (b, a)))
    return af


def workloads() -> list[tuple[str, list[nx.DiGraph]]]:
    cases = []
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text())
        af = nx.DiGraph()
        af.add_nodes_from(case["arguments"])
        af.add_edges_from(map(tuple, case["attacks"]))
        cases.append(af)
    loads = [("40 reference cases", cases)] if cases else []
    return loads + [(f"BA {n} args", [barabasi_albert_af(n, seed=7)]) for n in (1_000, 5_000)]


def engines() -> list[tuple[str, object]]:
    found = [(f"pysat/{s}", lambda af, k, s=s: sat_extensions(af, k, s)) for s in SAT_SOLVERS]
    try:
        import clingo  # noqa: F401
        found.append(("clingo", clingo_extensions))
    except ImportError:
        print("clingo is not installed: pip install clingo to include it", file=sys.stderr)
    return found


def main() -> None:
    chosen = f"pysat/{semantics.SAT_SOLVER}"
    rows = []
    for label, frameworks in workloads():
        for kind in ("preferred", "stable"):
            times, answers = {}, {}
            for name, run in engines():
                start = time.perf_counter()
                answers[name] = [run(af, kind) for af in frameworks]
                times[name] = time.perf_counter() - start
            reference = answers[chosen]
            assert all(a == reference for a in answers.values()), f"engines disagree on {label} {kind}"
            rows.append((label, kind, times))
    names = list(rows[0][2])
    print(f"{'workload':<20} {'semantics':<10} " + " ".join(f"{n:>18}" for n in names))
    for label, kind, times in rows:
        base = times[chosen]
        cells = " ".join(f"{times[n]:8.3f}s ({times[n] / base:4.1f}x)" for n in names)
        print(f"{label:<20} {kind:<10} {cells}")
    print(f"\nratios are relative to argmap's engine, {chosen}; all engines agreed on every answer")
    semantics.SAT_SOLVER = chosen.split("/")[1]


if __name__ == "__main__":
    main()
