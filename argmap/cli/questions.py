"""The question registry: what ``argmap query`` answers, each through one public function.

A question has command-line arguments, the Python call that answers it, and a
plain-text rendering of the answer. ``--json`` output needs no per-question
code: :func:`argmap.cli.text.to_json` handles every answer.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, Callable

from ..analysis import query, semantics
from ..analysis.compare import Comparison, CrossEdge, Crux
from ..analysis.questions import QuestionView
from ..graph import attack_graph
from ..model import CLAIM_KINDS, ArgumentMap
from .text import shorten, table
from .values import count, positive_count


@dataclass(frozen=True)
class Question:
    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    answer: Callable[[ArgumentMap, argparse.Namespace], Any]
    text: Callable[[Any], str]
    #: for a ranked list, what its rows are called; its text shows the first RANKED_ROWS unless --all
    ranked: str | None = None
    #: for a ranked list, its first n rows and how many there are, without building the rest
    top: Callable[[ArgumentMap, argparse.Namespace, int], tuple[list[Any], int]] | None = None


#: The rows a ranked list shows as text by default: a reader wants the top, a program the --json.
RANKED_ROWS = 100


def _none(parser: argparse.ArgumentParser) -> None:
    pass


def _top_unanswered(argument_map: ArgumentMap, args: argparse.Namespace, n: int) -> tuple[list[Any], int]:
    comparison = _comparison(argument_map, args)
    return comparison.unanswered(n), comparison.count_unanswered()


def _top_cruxes(argument_map: ArgumentMap, args: argparse.Namespace, n: int) -> tuple[list[Any], int]:
    comparison = _comparison(argument_map, args)
    return comparison.cruxes(n), comparison.count_cruxes()


def _top_double_cruxes(argument_map: ArgumentMap, args: argparse.Namespace, n: int) -> tuple[list[Any], int]:
    comparison = _comparison(argument_map, args)
    return comparison.double_cruxes(n), comparison.count_double_cruxes()


def _ranked_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true",
                        help=f"list every row as text, not only the first {RANKED_ROWS} (--json always has them all)")


def _comparison(argument_map: ArgumentMap, args: argparse.Namespace) -> Comparison:
    """The comparison, its measures kept in the store ``argmap query`` hands it (the derived cache)."""
    return Comparison(argument_map, store=getattr(args, "store", None))


def _claim_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim", metavar="CLAIM_ID", help="a claim id, such as rel.relationship-required")


def _limit_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=positive_count, default=semantics.DEFAULT_LIMIT,
                        help=f"stop with an error past this many extensions (default: {semantics.DEFAULT_LIMIT})")


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--perspective", help="only claims of this perspective")
    parser.add_argument("--kind", choices=CLAIM_KINDS, help="only claims of this kind")
    parser.add_argument("--tag", help="only claims with this tag")


def _neighbourhood_args(parser: argparse.ArgumentParser) -> None:
    _claim_arg(parser)
    parser.add_argument("-k", type=count, default=1, help="how many edges away (default: 1)")


def _paths_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start", metavar="FROM", help="a claim id")
    parser.add_argument("end", metavar="TO", help="a claim id")
    parser.add_argument("--limit", type=positive_count, default=10, help="at most this many paths (default: 10)")


def _claims_text(claims: list) -> str:
    return table(["claim", "perspective", "kind", "text"],
                 [[c.id, c.perspective, c.kind or "", shorten(c.text)] for c in claims])


def _links_text(links: list[query.Link]) -> str:
    if not links:
        return "(none)"
    return table(["claim", "perspective", "text", "note"],
                 [[l.claim, l.perspective, shorten(l.text, 50), shorten(l.note, 50)] for l in links])


#: The deepest a tree indents; deeper lines show their level, so output stays linear in the tree.
TREE_DEPTH = 12


def _tree_text(tree: query.SupportTree) -> str:
    return "\n".join(f"{'  ' * min(depth, TREE_DEPTH)}{'└ ' if depth else ''}"
                     f"{f'[{depth}] ' if depth > TREE_DEPTH else ''}{node.claim}: {shorten(node.text, 70)}"
                     for depth, node in tree.walk())


def _paths_text(found: list[list[query.Step]]) -> str:
    if not found:
        return "(no path)"
    lines = []
    for steps in found:
        line = steps[0].source if steps[0].forward else steps[0].target
        for step in steps:
            line += f" -{step.kind}-> {step.target}" if step.forward else f" <-{step.kind}- {step.source}"
        lines.append(line)
    return "\n".join(lines)


def _edges_text(edges: list[CrossEdge]) -> str:
    def aim(e: CrossEdge) -> str:
        return f"the support from {e.reason} to {e.target}" if e.reason else e.target
    return "\n\n".join(f"{e.source} ({e.source_perspective})\n  {e.kind} {aim(e)} ({e.target_perspective})\n"
                       f"  {shorten(e.source_text, 90)}\n  {e.kind}: {shorten(e.target_text, 90)}\n"
                       f"  note: {e.note or '(none)'}" for e in edges) or "(none)"


def _questions_text(views: list[QuestionView]) -> str:
    if not views:
        return "(no questions: declare them under questions: in map.yaml)"
    blocks = []
    for view in views:
        state = ("double crux" if view.double_crux else "contested" if view.contested
                 else "agreed" if view.agreed else "answered by one side" if view.answers else "unanswered")
        lines = [f"{view.question}: {view.text}", f"  {state}" + (f"; {view.issue}" if view.issue else "")]
        for a in view.answers:
            lines.append(f"  {a.perspective}: {' / '.join(a.positions)} ({', '.join(a.claims)})"
                         f"{', a crux' if a.crux else ''}\n    rests on it: {a.rests_on_thesis} of its "
                         f"{a.thesis_support} reasons for its thesis; {a.rests_in_case} of its {a.case_size} "
                         "asserted claims")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _cruxes_text(cruxes: list[Crux]) -> str:
    def opponents(c: Crux) -> str:
        return ", ".join(dict.fromkeys(e.target if e.source == c.claim else e.source for e in c.opponents))
    return table(["crux", "perspective", "clash", "rests on it", "of case", "thesis support", "contested by"],
                 [[c.claim, c.perspective, "mutual" if c.mutual else "one-way", f"{c.weight} of {c.case_size}",
                   f"{c.case_share:.0%}", f"{c.load} of {c.support_size}" if c.thesis else "-", opponents(c)]
                  for c in cruxes])


def _extensions_text(extensions: list[frozenset]) -> str:
    return "\n".join(f"{i}. {', '.join(sorted(e)) or '(empty)'}" for i, e in enumerate(extensions, 1)) or "(none)"


def _acceptance_args(parser: argparse.ArgumentParser) -> None:
    _limit_arg(parser)
    parser.add_argument("--semantics", choices=semantics.SEMANTICS, default=semantics.SEMANTICS[0],
                        help="audience (default): each side is an audience that prefers its own claims, so an "
                             "attack on them by another side does not succeed for it; bipolar: one audience for "
                             "all, a claim with reasons stands only while one of them does; dung: contradicts "
                             "edges only, support ignored")


_SEMANTICS_NAMES = {"audience": "audience semantics (each side prefers its own claims; bipolar within)",
                    "bipolar": "support-aware (bipolar) preferred semantics",
                    "dung": "Dung's preferred semantics over the contradicts edges"}


def _acceptance_text(result: semantics.Acceptance) -> str:
    lines = [f"answered by {_SEMANTICS_NAMES[result.semantics]}",
             f"preferred extensions: {result.preferred_count}; grounded: {len(result.grounded)} claims"]
    for side in result.sides:
        lines.append(f"{side.perspective}: can accept {len(side.acceptable)} claims, keeping "
                     f"{side.own_claims_kept} of its own; its theses "
                     f"{'hold' if side.theses_accepted else 'do not hold'}")
        if result.semantics == "audience":
            lines.append(f"  {'coherent' if side.coherent else 'not coherent: ' + ', '.join(f'{a} attacks {b}' for a, b in side.conflicts)}"
                         f"; must reject: {', '.join(sorted(side.rejected)) or '(none)'}")
    every = "accepted by every side (objectively)" if result.semantics == "audience" else "all sides can accept"
    lines.append(f"{every}: {len(result.by_all)} claims")
    lines.append("no side can accept: " + (", ".join(sorted(result.by_none)) or "(none)"))
    return "\n".join(lines)


def _extensions_question(name: str, enumerate_extensions: Callable[..., list[frozenset]]) -> Question:
    return Question(name, f"every {name} extension of the contradicts graph", _limit_arg,
                    lambda m, a: enumerate_extensions(m.view(attack_graph), limit=a.limit), _extensions_text)


QUESTIONS = [
    Question("claims", "claims filtered by perspective, kind and tag", _filters,
             lambda m, a: query.find_claims(m, perspective=a.perspective, kind=a.kind, tag=a.tag), _claims_text),
    Question("supporters", "the claims that support a claim", _claim_arg,
             lambda m, a: query.supporters(m, a.claim), _links_text),
    Question("contradictors", "the claims that contradict a claim", _claim_arg,
             lambda m, a: query.contradictors(m, a.claim), _links_text),
    Question("support-tree", "the reasons under a claim, and their reasons", _claim_arg,
             lambda m, a: query.support_tree(m, a.claim), _tree_text),
    Question("neighbourhood", "the claims within k edges of a claim", _neighbourhood_args,
             lambda m, a: query.neighbourhood(m, a.claim, a.k), _claims_text),
    Question("paths", "the shortest paths between two claims", _paths_args,
             lambda m, a: query.paths(m, a.start, a.end, limit=a.limit), _paths_text),
    Question("engagement", "how much each perspective contradicts and supports each other one", _none,
             lambda m, a: _comparison(m, a).engagement(),
             lambda rows: table(["from", "to", "contradicting claims", "supporting claims",
                                 "contradicts edges", "supports edges"],
                                [[r.source, r.target, r.contradicting_claims, r.supporting_claims,
                                  r.contradicts_edges, r.supports_edges] for r in rows])),
    Question("disagreements", "every cross-perspective contradicts edge, with its note", _none,
             lambda m, a: _comparison(m, a).disagreements(), _edges_text),
    Question("clashes", "each pair of clashing claims once, and whether the clash is mutual", _none,
             lambda m, a: _comparison(m, a).clashes(),
             lambda rows: table(["claim", "vs claim", "clash", "note"],
                                [[c.first, c.second, "mutual" if c.mutual else "one-way",
                                  shorten(c.edges[0].note, 60)] for c in rows])),
    Question("common-ground", "where the sides agree (both assert compatible claims), apart from where one "
                              "side's claim is used for a view the other reports or denies", _none,
             lambda m, a: _comparison(m, a).common_ground(),
             lambda g: _edges_text(g.agreements) + "\n\nendorsed by both sides:\n" + table(
                 ["claim", "perspective", "endorsed by"],
                 [[e.claim, e.perspective, ", ".join(e.endorsed_by)] for e in g.endorsed])
             + "\n\nused, not agreed:\n" + _edges_text(g.uses)),
    *[Question(name, "claims another side never engages: no relation, undercut or shared question from that side "
                     "reaches them or what they support; ranked by how much rests on them"
               + ("" if name == "not-engaged" else " (the old name of not-engaged)"), _ranked_args,
               lambda m, a: _comparison(m, a).unanswered(),
               lambda rows: table(["claim", "perspective", "not engaged by", "load", "dependants"],
                                  [[u.claim, u.perspective, u.unanswered_by, u.load, u.dependants] for u in rows]),
               ranked="claims not engaged", top=_top_unanswered) for name in ("not-engaged", "unanswered")],
    Question("questions", "the questions map.yaml declares, each side's answer and what rests on it: double "
                          "cruxes first, then the contested ones", _none,
             lambda m, a: _comparison(m, a).questions(), _questions_text),
    Question("cruxes", "contested claims, mutual clashes first, then by the share of their side's case "
                       "that rests on them", _ranked_args,
             lambda m, a: _comparison(m, a).cruxes(), _cruxes_text, ranked="cruxes", top=_top_cruxes),
    Question("double-cruxes", "clashing pairs where each claim is load-bearing for its side", _ranked_args,
             lambda m, a: _comparison(m, a).double_cruxes(),
             lambda rows: table(["claim", "share", "vs claim", "share"],
                                [[d.first.claim, f"{d.first.share:.0%}", d.second.claim, f"{d.second.share:.0%}"]
                                 for d in rows]),
             ranked="double cruxes", top=_top_double_cruxes),
    Question("grounded", "the grounded extension of the contradicts graph", _none,
             lambda m, a: semantics.grounded_extension(m.view(attack_graph)),
             lambda e: _extensions_text([e])),
    *[_extensions_question(name, f) for name, f in (("complete", semantics.complete_extensions),
                                                     ("preferred", semantics.preferred_extensions),
                                                     ("stable", semantics.stable_extensions))],
    Question("acceptance", "which claims each side can accept, which all can, which none can", _acceptance_args,
             lambda m, a: semantics.acceptance(m, limit=a.limit, semantics=a.semantics,
                                               store=getattr(a, "store", None)), _acceptance_text),
]
