"""A Markdown comparison report that reads well on its own (and on GitHub)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from .analysis.compare import Clash
from .analysis.query import edges_per_kind
from .analysis.questions import QuestionView
from .analysis.reading import ISSUE_WORDS, NOT_ENGAGED_PER_SIDE, Reading, case_of, weighty_unanswered
from .analysis.semantics import acceptance
from .errors import EnumerationLimit, printable
from .formats.mermaid import mermaid_flowchart
from .graph import attack_graph, support_graph
from .io.files import write_atomically
from .model import ArgumentMap

#: The most items of each list the main text shows, whatever the map's size; the rest go to an appendix.
SHOWN = {"theses": 3, "reasons": 6, "apart": 4, "foils": 8, "questions": 3, "clashes": 8, "agreements": 5,
         "uses": 5}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, read as English.

    >>> plural(1, "place"), plural(1200, "place"), plural(2, "thesis", "theses")
    ('1 place', '1,200 places', '2 theses')
    """
    return f"{count:,} {word if count == 1 else many or word + 's'}"


class _Overflow:
    """The items each capped list of the main text leaves out, for the appendix that lists them in full."""

    def __init__(self) -> None:
        self.sections: list[tuple[str, list[str]]] = []

    def cap(self, kind: str, heading: str, lines: list[str], noun: tuple[str, str]) -> list[str]:
        """The first :data:`SHOWN` lines of a list, then one saying how many more the appendix holds."""
        limit = SHOWN[kind]
        if len(lines) <= limit:
            return lines
        self.sections.append((heading, [line if line.startswith("- ") else f"- {line}" for line in lines]))
        rest = len(lines) - limit
        return [*lines[:limit], f"- … and {rest:,} more {noun[0] if rest == 1 else noun[1]} (Appendix D)"]

    def appendix(self) -> list[str]:
        if not self.sections:
            return []
        out = ["## Appendix D: the lists in full", "",
               "The main text shows the first items of each long list; here is each one whole.", ""]
        for heading, lines in self.sections:
            out += [f"### {heading}", "", *lines, ""]
        return out

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~])")


def md(text: str | None) -> str:
    """Escape text so Markdown shows it literally, on one line.

    >>> md("a <b>*bold*</b> | c")
    'a \\\\<b\\\\>\\\\*bold\\\\*\\\\</b\\\\> \\\\| c'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(" ".join((text or "").split())))


def _title(argument_map: ArgumentMap, claim_id: str) -> str:
    return f"“{md(argument_map.claims[claim_id].label)}”"


def _claim_ref(argument_map: ArgumentMap, claim_id: str) -> str:
    return f"{md(argument_map.claims[claim_id].text)} (`{claim_id}`)"


def in_short(argument_map: ArgumentMap) -> list[str]:
    """The report's "In short" section (its heading first), for other views of the comparison."""
    return _summary(Reading(argument_map))


def _summary(reading: Reading) -> list[str]:
    """The synthesis: the questions they answer differently, the sharpest clashes, the agreement, what is left open."""
    argument_map, labels = reading.map, reading.labels
    out = ["## In short", ""]
    contested = reading.contested_questions
    if contested:
        doubles = sum(q.double_crux for q in contested)
        named = [f"*{md(q.text)}*" for q in contested[:2]]
        if len(contested) > 2:
            named.append(f"{len(contested) - 2:,} more")
        out.append(f"- **They answer {plural(len(contested), 'question')} differently**"
                   + (f"; on {doubles:,} of them each side's case rests on its answer" if doubles
                      else "") + ": " + "; ".join(named) + ".")
    clashes = reading.ranked_clashes
    theses = {c.id for c in argument_map.claims.values() if c.kind == "thesis"}
    if not clashes:
        out.append("- The sides never contradict each other in this map.")
    else:
        mutual = sum(c.mutual for c in clashes)
        theses_clash = any({c.first, c.second} <= theses for c in clashes)
        out.append(f"- **Claims clash in {plural(len(clashes), 'place')}**"
                   + (f", {mutual:,} of them both ways" if mutual else "")
                   + ("; each side's thesis denies the other's." if theses_clash else "."))
        focus = reading.focus()
        if focus and not contested:
            claim = argument_map.claims[focus]
            others = reading.opponents[focus]
            against = (f", which contests {plural(len(others), 'claim')}" if len(others) > 1
                       else f", against {_title(argument_map, next(iter(others)))}" if others else "")
            out.append(f"  The disagreement turns most on {md(labels[claim.perspective])}'s "
                       f"{_title(argument_map, focus)}{against}.")
    agreed = reading.agreed_questions
    rows = reading.agreement_rows
    if agreed or rows:
        parts = [f"*{md(q.text)}* ({md(' / '.join(q.answers[0].positions))})" for q in agreed[:2]]
        if rows:
            parts.append(f"{plural(len(rows), 'pair')} of claims")
        out.append("- **They agree on** " + " and on ".join(parts) + ".")
    open_points = weighty_unanswered(reading, per_side=1)
    one_sided = reading.one_sided_questions
    if open_points or one_sided:
        out.append("- **Not engaged by the other side:** " + "; ".join(
            [f"{md(labels[u.unanswered_by])} never engages {_title(argument_map, u.claim)}" for u in open_points]
            + [f"only {md(labels[q.answers[0].perspective])} answers {md(q.text)}" for q in one_sided[:2]]) + ".")
    return out + [""]


def _question_lines(reading: Reading, question: QuestionView, clash_lines: list[str], *,
                    quotes: bool = False) -> list[str]:
    """One contested question: its kind, each side's answer with the claims that give it, and its clashes.

    With ``quotes``, every answering claim is listed with its quote (the appendix); else the first, by title.
    """
    argument_map = reading.map
    kind = ISSUE_WORDS.get(question.issue) or "a question"
    marks = f"{kind}; each side's case rests on its answer" if question.double_crux else kind
    out = [f"- **{md(question.text)}** *({marks})*"]
    for answer in question.answers:
        if quotes:
            given = "; ".join(_title(argument_map, c) + (f": “{md(argument_map.claims[c].quote)}”"
                                                          if argument_map.claims[c].quote else "")
                              for c in answer.claims)
        else:
            more = len(answer.claims) - 1
            given = _title(argument_map, answer.claims[0]) + (f" and {more} more" if more else "")
        out.append(f"  - **{md(reading.labels[answer.perspective])}:** *{md(' / '.join(answer.positions))}*. "
                   f"{given}; {reading.answer_rests(answer)}.")
    out += [f"  {line}" for line in clash_lines]
    return out


def _case(reading: Reading, perspective: str, overflow: _Overflow) -> list[str]:
    """One side's case in outline: the thesis, its reasons by title, what stands apart, what it rejects."""
    argument_map = reading.map
    label = md(reading.labels[perspective])
    case = case_of(reading, perspective)
    if not case.theses and not case.apart and not case.foils:
        return ["*No thesis in this map.*", ""]

    def line(claim_id: str) -> str:
        count = reading.weight(claim_id) - 1
        more = f" ({count} reason{'s' if count > 1 else ''})" if count > 0 else ""
        return f"- {md(argument_map.claims[claim_id].label)}{more}"

    out: list[str] = []
    head = "**Objection:**" if case.objections else "**Thesis:**"
    theses = [f"{head} {md(argument_map.claims[thesis].text)}" for thesis in case.theses]
    if case.objections:  # a side with no thesis of its own: its case is its objections to the other's
        out += ["*No thesis of its own: its case is its objections to the other side's thesis and its reasons.*",
                ""]
    nouns = ("objection", "objections") if case.objections else ("thesis", "theses")
    for thesis in overflow.cap("theses", f"{label}: {nouns[1]}", theses, nouns):
        out += [thesis, ""]
    out += overflow.cap("reasons", f"{label}: reasons for its theses", [line(r) for r in case.reasons],
                        ("reason", "reasons"))
    if case.comments:  # readers' agreement is one line, not one per reader
        out.append(f"- {plural(len(case.comments), 'reader comment')} agreeing with it")
    if case.theses:
        out.append("")
    if case.apart:
        if case.theses:
            heading = "Also argued, " + ("apart from its objections" if case.objections else "apart from the thesis")
        else:
            heading = "What it argues (it states no thesis in this map)"
        out += [f"{heading}:", ""] + overflow.cap(
            "apart", f"{label}: {heading[0].lower()}{heading[1:]}", [line(c) for c in case.apart],
            ("claim", "claims")) + [""]
    if case.foils:
        foils = [_title(argument_map, c) for c in case.foils]
        shown = foils[:SHOWN["foils"]]
        if len(foils) > len(shown):
            overflow.sections.append((f"{label}: reported in order to be rejected", [f"- {f}" for f in foils]))
            shown.append(f"and {len(foils) - len(shown):,} more (Appendix D)")
        out += ["Reported in order to be rejected: " + "; ".join(shown) + ".", ""]
    return out


def _clash_lines(reading: Reading, clashes: list[Clash], *, with_issue: bool = False,
                 with_note: bool = True) -> list[str]:
    """One line per claim and the claims it clashes with, each pair once, ranked.

    ``with_issue`` names the kind of disagreement; without ``with_note`` the
    line is short, for a clash listed under the question it belongs to.
    """
    argument_map, labels = reading.map, reading.labels
    grouped: dict[tuple[str, str, bool], list[Clash]] = defaultdict(list)
    for clash in clashes:
        # A claim that clashes in the same way with several claims of one side gathers them.
        grouped[clash.first, argument_map.claims[clash.second].perspective, clash.mutual].append(clash)
    lines = []
    for (first_id, _, mutual), group in grouped.items():
        first = argument_map.claims[first_id]
        others = [argument_map.claims[c.second] for c in group]
        edges = [e for c in group for e in c.edges]
        bases = {argument_map.basis_of(reading.relation(e)) for e in edges}
        undercut = all(e.kind == "undercuts" for e in edges)
        marks = "an undercut: denies that a reason supports it" if undercut else "both ways" if mutual else "one way"
        marks += ", inferred" if "inferred" in bases else ", stated"
        issue = next((i for i in (reading.relation(e).issue for e in edges) if i), None)
        if with_issue and issue:
            marks += f"; {ISSUE_WORDS[issue]}"
        note = next((md(e.note) for e in edges if e.note), "*(no note)*") if with_note else "drawn against each other"
        lines.append(f"- **{md(labels[first.perspective])}:** {_title(argument_map, first_id)} ⟷ "
                     f"**{md(labels[others[0].perspective])}:** " + "; ".join(_title(argument_map, o.id) for o in others)
                     + f" — {note} *({marks}.)*")
    return lines


def render_report(argument_map: ArgumentMap, *, top: int = NOT_ENGAGED_PER_SIDE) -> str:
    """The comparison report as Markdown text.

    The main text explains the disagreement in plain words: the summary, a
    synthesis, each side's case, the questions they answer differently and
    the clashes under them, the common ground, and what the other side does
    not engage. The appendices hold the formal acceptance, the numbers and
    diagrams. ``top`` caps the claims not engaged listed per side.

    >>> import argmap
    >>> text = render_report(argmap.example_map())
    >>> text.splitlines()[0]
    '# Tea or coffee?'
    >>> "## Where they clash" in text and "```mermaid" in text
    True
    """
    reading = Reading(argument_map)
    comparison, labels = reading.comparison, reading.labels
    overflow = _Overflow()
    out = [f"# {md(argument_map.title)}", ""]
    if argument_map.summary or argument_map.description:
        out += [md(argument_map.summary or argument_map.description), ""]
    cross = comparison.cross_relations
    inferred = sum(argument_map.basis_of(r) == "inferred" for r in cross)
    if not cross:
        links = "no links between the sides"
    elif inferred == len(cross):
        links = f"all {len(cross)} links between the sides are the mapper's reconstruction"
    else:
        links = f"{inferred} of the {len(cross)} links between the sides are the mapper's reconstruction"
    note = f"*{len(argument_map.claims)} claims; {links}.*"
    out += [note, ""]
    out += _summary(reading)

    out += ["## Each side's case", ""]
    for perspective in argument_map.perspectives.values():
        sample = next((c for c in argument_map.claims.values() if c.perspective == perspective.id), None)
        source = sample.source if sample else None
        credit = ", ".join(md(x) for x in (source.author, source.title) if x) if source else ""
        out += [f"### {md(perspective.label)}" + (f" ({credit})" if credit else ""), ""]
        out += _case(reading, perspective.id, overflow)

    out += ["## Where they clash", ""]
    ranked = reading.ranked_clashes
    contested = reading.contested_questions
    if not ranked and not contested:
        out += ["*The sides never contradict each other in this map.*", ""]
    under: dict[str, list[Clash]] = defaultdict(list)
    loose: list[Clash] = []
    for clash in ranked:
        question_id = reading.question_of(clash)
        (under[question_id] if question_id else loose).append(clash)
    if contested:
        out += ["### The questions they answer differently", ""]
        clashes_under = {q.question: under.pop(q.question, []) for q in contested}
        clash_lines = {q: _clash_lines(reading, clashes, with_note=False) for q, clashes in clashes_under.items()}
        for question in contested[:SHOWN["questions"]]:
            out += _question_lines(reading, question, clash_lines[question.question])
        rest = len(contested) - SHOWN["questions"]
        out += [f"- … and {plural(rest, 'more question')}; Appendix D has them all, with quotes" if rest > 0
                else "- Appendix D quotes every answer.", ""]
        overflow.sections.append(("The questions they answer differently, with quotes", [
            line for q in contested for line in _question_lines(reading, q, _clash_lines(
                reading, clashes_under[q.question]), quotes=True)]))
    loose += [clash for clashes in under.values() for clash in clashes]  # under a question no one contests
    if loose:
        lines = _clash_lines(reading, loose, with_issue=True)
        out += ["### Between single claims" if contested else "### Claims drawn against each other", "",
                *lines[:SHOWN["clashes"]]]
        if len(lines) > SHOWN["clashes"]:
            rest = len(lines) - SHOWN["clashes"]
            out.append(f"- … and {rest:,} more {'clash' if rest == 1 else 'clashes'} (Appendix D)")
            overflow.sections.append(("Where they clash", lines))
        out.append("")

    ground = reading.common_ground
    out += ["## Where they agree", ""]
    for question in reading.agreed_questions:
        out.append(f"- **{md(question.text)}** {'Both' if len(question.answers) == 2 else 'All'} answer *{md(' / '.join(question.answers[0].positions))}*: "
                   + "; ".join(f"{md(reading.labels[a.perspective])} in {_title(argument_map, a.claims[0])}"
                               + (f" and {len(a.claims) - 1:,} more" if len(a.claims) > 1 else "")
                               for a in question.answers) + ".")
    if reading.agreed_questions:
        out.append("")
    if ground.agreements:
        # One row per claim of the second column, with every claim of the first that it pairs with.
        out.append("Pairs of claims both sides assert, neither denying the other:")
        tables: list[str] = []
        header = None
        for right, lefts in reading.agreement_rows:
            pair = (argument_map.claims[lefts[0]].perspective, argument_map.claims[right].perspective)
            if pair != header:  # one table per pair of perspectives
                header = pair
                tables += ["", f"| {md(labels[pair[0]])} | {md(labels[pair[1]])} |", "|---|---|"]
            tables.append(f"| {'; '.join(_title(argument_map, c) for c in lefts)} | {_title(argument_map, right)} |")
        shown_rows = [i for i, line in enumerate(tables) if line.startswith("| ") and not line.startswith("|---")
                      and tables[i + 1:i + 2] != ["|---|---|"]]
        if len(shown_rows) > SHOWN["agreements"]:
            overflow.sections.append(("Where they agree", tables))
            tables = tables[:shown_rows[SHOWN["agreements"] - 1] + 1] + [
                "", f"… and {len(shown_rows) - SHOWN['agreements']:,} more "
                f"{'pair' if len(shown_rows) - SHOWN['agreements'] == 1 else 'pairs'} (Appendix D)"]
        out += tables + [""]
    elif not reading.agreed_questions:
        out += ["*No claim of one side supports a claim the other side asserts.*", ""]
    if ground.uses:
        out += ["One side's claim bears on a view the other reports or denies; this is use, not agreement:", ""]
        out += overflow.cap("uses", "Where one side's claim bears on a view the other reports or denies", [
            f"- **{md(labels[e.source_perspective])}:** {_title(argument_map, e.source)} bears on "
            f"**{md(labels[e.target_perspective])}:** {_title(argument_map, e.target)}." for e in ground.uses],
            ("use", "uses")) + [""]

    out += ["## Not engaged by the other side", "",
            "No relation, undercut or shared question from the other side reaches these claims or what they "
            "support, and other claims rest on them:", ""]
    open_points = weighty_unanswered(reading, per_side=top)
    out += [f"- **{md(labels[u.perspective])}:** {_title(argument_map, u.claim)}: {reading.rests_on(u.claim)}."
            for u in open_points] or ["*Nothing that carries weight.*"]
    out += [f"- Only **{md(labels[q.answers[0].perspective])}** answers: {md(q.text)}"
            for q in reading.one_sided_questions]
    out.append("")

    out += _acceptance_appendix(reading)
    out += _numbers_appendix(reading)
    out += _diagram_appendix(reading)
    out += overflow.appendix()
    return "\n".join(out)


def _acceptance_appendix(reading: Reading) -> list[str]:
    argument_map, labels = reading.map, reading.labels
    out = ["## Appendix A: formal acceptance", "",
           "What each side can hold together, read as an audience that prefers its own claims (a value-based "
           "argumentation framework, after Bench-Capon, 2003): an attack by another side on one of its own claims "
           "does not succeed for it. Within that, acceptance respects support (a bipolar framework, after Brewka "
           "and Woltran, 2010): a claim that has reasons stands only while one of them stands, and an undercut, "
           "once accepted, takes away the one support it objects to. The result reflects only the relations the "
           "mapper drew.", ""]
    try:
        result = acceptance(argument_map)
    except EnumerationLimit as error:
        return out + [f"*Not computed: {md(str(error))}.*", ""]
    for side in result.sides:
        holds = "holds" if side.theses_accepted else "does not hold"
        coherent = ("its own claims attack none of its own" if side.coherent else "its own claims attack each "
                    "other: " + "; ".join(f"`{a}` attacks `{b}`" for a, b in side.conflicts))
        rejected = sorted(side.rejected)
        out.append(f"- {md(labels[side.perspective])}: its thesis {holds}; {coherent}; it must reject "
                   + (", ".join(f"`{c}`" for c in rejected[:12]) + (f" and {len(rejected) - 12:,} more"
                                                                    if len(rejected) > 12 else "")
                      if rejected else "nothing of the other side") + ".")
    out += ["", f"Every side accepts {plural(len(result.by_all), 'claim')}."]
    if not result.by_none:
        return out + ["Every claim can be accepted by some side.", ""]
    out += ["", "No side can accept these claims:", ""]
    attacks = argument_map.view(attack_graph)
    supports = argument_map.view(support_graph)
    for claim_id in sorted(result.by_none):
        winners = [a for a in attacks.predecessors(claim_id) if a in result.grounded]
        reasons = list(supports.predecessors(claim_id)) if claim_id in supports else []
        if not argument_map.claims[claim_id].asserted:
            why = "reported by its own side in order to be rejected"
        elif winners:
            why = "defeated by " + ", ".join(f"`{w}`" for w in winners)
        elif reasons and not any(r in result.grounded for r in reasons):
            why = "its reasons fall: " + ", ".join(f"`{r}`" for r in reasons)
        else:
            why = "caught in a cycle of attacks"
        out.append(f"- {_claim_ref(argument_map, claim_id)}: {why}")
    return out + [""]


def _numbers_appendix(reading: Reading) -> list[str]:
    argument_map, labels, comparison = reading.map, reading.labels, reading.comparison
    edge_counts = edges_per_kind(argument_map)
    out = ["## Appendix B: the numbers", "",
           f"{len(argument_map.claims)} claims, {edge_counts['supports']} supports and "
           f"{edge_counts['contradicts']} contradicts edges.", "",
           "| from | to | claims that contradict | claims that support |", "|---|---|---:|---:|"]
    out += [f"| {md(labels[r.source])} | {md(labels[r.target])} | {r.contradicting_claims} | {r.supporting_claims} |"
            for r in comparison.engagement()]
    if reading.questions:
        out += ["", "The questions, and how much of each side rests on its answer: its reasons for its thesis, and "
                    "its asserted claims, that would lose their support without the answering claims.", "",
                "| question | side | answer | claims | of its reasons for the thesis | of its asserted claims |",
                "|---|---|---|---:|---:|---:|"]
        for question in reading.questions:
            for answer in question.answers:
                out.append(f"| {md(question.text)} | {md(labels[answer.perspective])} | {md(' / '.join(answer.positions))}"
                           f" | {len(answer.claims)} | {answer.rests_on_thesis} of {answer.thesis_support} | "
                           f"{answer.rests_in_case} of {answer.case_size} |")
    out += ["", "Contested claims, ranked: *rests on it* counts the claims of its side's case that would lose "
                "their support if it fell; *thesis support* counts those among the reasons for the thesis.", "",
            "| claim | side | clash | rests on it | thesis support | contested by |", "|---|---|---|---:|---:|---|"]
    for c in comparison.cruxes():
        opponents = ", ".join(f"`{o}`" for o in dict.fromkeys(
            e.target if e.source == c.claim else e.source for e in c.opponents))
        thesis = f"{c.load} of {c.support_size}" if c.thesis else "–"
        out.append(f"| {_claim_ref(argument_map, c.claim)} | {md(labels[c.perspective])} | "
                   f"{'both ways' if c.mutual else 'one way'} | {c.weight} of {c.case_size} | {thesis} | {opponents} |")
    return out + [""]


#: The most claims of each side a clash's diagram shows resting on the clashing claim, the heaviest first: with
#: more, a diagram no longer fits 600 px at GitHub's width with labels of 12 px or more (measured in Mermaid 11).
DIAGRAM_SUPPORTERS = 1


def _diagram_appendix(reading: Reading) -> list[str]:
    """One small diagram per clash, the sharpest first, as many as the main text lists.

    Each shows the two claims, what each rests on (its side's heaviest reason
    for it) and the note on their contradiction: small enough to read on
    GitHub's page, which one diagram of every link was not.
    """
    argument_map = reading.map
    clashes = reading.ranked_clashes[:SHOWN["clashes"]]
    out = ["## Appendix C: diagrams of the sharpest clashes", ""]
    if not clashes:
        return out + ["*The sides never contradict each other in this map.*", ""]
    supporters: dict[str, list[str]] = defaultdict(list)
    for relation in argument_map.relations():
        source, target = argument_map.claims[relation.source], argument_map.claims[relation.target]
        if relation.kind == "supports" and source.perspective == target.perspective:
            supporters[target.id].append(source.id)
    for number, clash in enumerate(clashes, 1):
        reasons = [e.reason for e in clash.edges if e.reason]
        edges: list[tuple[str, str, str]]
        if reasons and len(reasons) == len(clash.edges):
            # An objection to a support: that support, and the objection aimed at its conclusion. Mermaid has no
            # edge to an edge, so the label says which support it objects to (and how many more).
            first = clash.edges[0]
            more = f" (and {len(reasons) - 1} more)" if len(reasons) > 1 else ""
            edges = [(reasons[0], "supports", first.target), (first.source, "contradicts", first.target)]
            notes = {(first.source, first.target): excerpt_note(
                f"undercuts the support from {argument_map.claims[reasons[0]].label}{more}")}
        else:
            edges = [(s, "supports", claim) for claim in (clash.first, clash.second)
                     for s in sorted((s for s in supporters[claim] if s not in (clash.first, clash.second)),
                                     key=lambda s: -reading.weight(s))[:DIAGRAM_SUPPORTERS]]
            edges += [(e.source, "contradicts", e.target) for e in clash.edges]
            notes = {(e.source, e.target): excerpt_note(e.note) for e in clash.edges if e.note}
        out += [f"**{number}.** {_title(argument_map, clash.first)} and {_title(argument_map, clash.second)}", "",
                "```mermaid", *mermaid_flowchart(argument_map, edges, direction="LR", wrap=22, titles=True,
                                                edge_labels=notes), "```", ""]
    return out


def excerpt_note(note: str, limit: int = 60) -> str:
    """A relation's note short enough to label a diagram's edge.

    >>> excerpt_note("a " * 60)[-1], len(excerpt_note("a " * 60)) <= 60
    ('…', True)
    """
    plain = " ".join(note.split())
    return plain if len(plain) <= limit else plain[:limit - 1].rsplit(" ", 1)[0] + "…"


def write_report(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> Path:
    """Write the report atomically to ``path``; return the path.

    >>> import argmap, tempfile, pathlib
    >>> path = write_report(argmap.example_map(), pathlib.Path(tempfile.mkdtemp()) / "report.md")
    >>> path.read_text().startswith("# Tea or coffee?")
    True
    """
    return write_atomically(path, render_report(argument_map))
