"""A Markdown comparison report that reads well on its own (and on GitHub)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

from .analysis.compare import Clash
from .analysis.query import edges_per_kind
from .analysis.reading import ISSUE_WORDS, Reading, case_of, weighty_unanswered
from .analysis.semantics import acceptance
from .errors import EnumerationLimit, printable
from .formats.mermaid import mermaid_flowchart
from .graph import attack_graph, support_graph
from .io.files import write_atomically
from .model import ArgumentMap

#: The most items of each list the main text shows, whatever the map's size; the rest go to an appendix.
SHOWN = {"theses": 3, "reasons": 8, "apart": 5, "foils": 8, "clashes": 8, "agreements": 8, "uses": 5}


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
    """The synthesis: the sharpest clashes, the agreement, and what is left open, from the structure."""
    argument_map, labels = reading.map, reading.labels
    out = ["## In short", ""]
    clashes = reading.ranked_clashes
    theses = {c.id for c in argument_map.claims.values() if c.kind == "thesis"}
    if not clashes:
        out.append("- The sides never contradict each other in this map.")
    else:
        mutual = sum(c.mutual for c in clashes)
        out.append(f"- **They clash in {plural(len(clashes), 'place')}**"
                   + (f", {mutual:,} of them both ways." if mutual else "."))
        if any({c.first, c.second} <= theses for c in clashes):
            out.append("  Each side's thesis denies the other's.")
        focus = reading.focus()
        if focus:
            claim = argument_map.claims[focus]
            others = reading.opponents[focus]
            against = (f"which contests {plural(len(others), 'claim')}" if len(others) > 1
                       else f"against {_title(argument_map, next(iter(others)))}")
            out.append(f"  The disagreement turns most on {md(labels[claim.perspective])}'s "
                       f"{_title(argument_map, focus)}, {against}.")
    ground = reading.common_ground
    if ground.agreements:
        first = ground.agreements[0]
        out.append(f"- **They agree in {plural(len(ground.agreements), 'place')}**, first: "
                   f"{_title(argument_map, first.source)} and {_title(argument_map, first.target)}.")
    open_points = weighty_unanswered(reading, per_side=1)
    if open_points:
        out.append("- **Left open:** " + "; ".join(
            f"{md(labels[u.unanswered_by])} never answers {_title(argument_map, u.claim)}" for u in open_points) + ".")
    return out + [""]


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
    theses = [f"**Thesis:** {md(argument_map.claims[thesis].text)}" for thesis in case.theses]
    for thesis in overflow.cap("theses", f"{label}: theses", theses, ("thesis", "theses")):
        out += [thesis, ""]
    out += overflow.cap("reasons", f"{label}: reasons for its theses", [line(r) for r in case.reasons],
                        ("reason", "reasons"))
    if case.comments:  # readers' agreement is one line, not one per reader
        out.append(f"- {plural(len(case.comments), 'reader comment')} agreeing with it")
    if case.theses:
        out.append("")
    if case.apart:
        out += ["Also argued, apart from the thesis:", ""] + overflow.cap(
            "apart", f"{label}: also argued, apart from the thesis", [line(c) for c in case.apart],
            ("claim", "claims")) + [""]
    if case.foils:
        foils = [_title(argument_map, c) for c in case.foils]
        shown = foils[:SHOWN["foils"]]
        if len(foils) > len(shown):
            overflow.sections.append((f"{label}: reported in order to be rejected", [f"- {f}" for f in foils]))
            shown.append(f"and {len(foils) - len(shown):,} more (Appendix D)")
        out += ["Reported in order to be rejected: " + "; ".join(shown) + ".", ""]
    return out


def _clash_lines(reading: Reading, clashes: list[Clash]) -> list[str]:
    """One line per claim and the claims it clashes with, each pair once, ranked."""
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
        marks = "both ways" if mutual else "one way"
        marks += ", inferred" if "inferred" in bases else ", stated"
        note = next((md(e.note) for e in edges if e.note), "*(no note)*")
        lines.append(f"- **{md(labels[first.perspective])}:** {_title(argument_map, first_id)} ⟷ "
                     f"**{md(labels[others[0].perspective])}:** " + "; ".join(_title(argument_map, o.id) for o in others)
                     + f" — {note} *({marks}.)*")
    return lines


def render_report(argument_map: ArgumentMap, *, top: int = 2) -> str:
    """The comparison report as Markdown text.

    The main text explains the disagreement in plain words: the summary, a
    synthesis, each side's case, the clashes grouped by what they are about,
    the common ground and what each side leaves unanswered. The appendices
    hold the formal acceptance, the numbers and a diagram. ``top`` caps the
    unanswered claims listed per side.

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
    if not ranked:
        out += ["*The sides never contradict each other in this map.*", ""]
    groups: dict[str | None, list[Clash]] = defaultdict(list)
    for clash in ranked:
        groups[reading.issue(clash)].append(clash)
    grouped = [((ISSUE_WORDS.get(issue) or str(issue)).capitalize(), _clash_lines(reading, clashes))
               for issue, clashes in groups.items()]  # in the order of each group's sharpest clash
    room = SHOWN["clashes"]
    for heading, lines in grouped:
        if room > 0:
            out += [f"### {heading}", "", *lines[:room], ""]
        room -= len(lines)
    if room < 0:
        out += [f"- … and {-room:,} more {'clash' if room == -1 else 'clashes'} (Appendix D)", ""]
        overflow.sections.append(("Where they clash", [line for heading, lines in grouped
                                                       for line in [f"**{heading}**", "", *lines, ""]]))

    ground = reading.common_ground
    out += ["## Where they agree", ""]
    if ground.agreements:
        order = list(argument_map.perspectives)
        # One row per claim of the second column, with every claim of the first that it pairs with.
        rows: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for e in ground.agreements:
            left, right = reading.in_map_order(e.source, e.target)
            rows[argument_map.claims[left].perspective, argument_map.claims[right].perspective, right].append(left)
        out.append("Both sides assert each pair, and neither denies the other's claim:")
        tables: list[str] = []
        header = None
        for (left_side, right_side, right), lefts in sorted(
                rows.items(), key=lambda row: (order.index(row[0][0]), order.index(row[0][1]))):
            if (left_side, right_side) != header:  # one table per pair of perspectives
                header = (left_side, right_side)
                tables += ["", f"| {md(labels[left_side])} | {md(labels[right_side])} |", "|---|---|"]
            tables.append(f"| {'; '.join(_title(argument_map, c) for c in lefts)} | {_title(argument_map, right)} |")
        shown_rows = [i for i, line in enumerate(tables) if line.startswith("| ") and not line.startswith("|---")
                      and tables[i + 1:i + 2] != ["|---|---|"]]
        if len(shown_rows) > SHOWN["agreements"]:
            overflow.sections.append(("Where they agree", tables))
            tables = tables[:shown_rows[SHOWN["agreements"] - 1] + 1] + [
                "", f"… and {len(shown_rows) - SHOWN['agreements']:,} more "
                f"{'pair' if len(shown_rows) - SHOWN['agreements'] == 1 else 'pairs'} (Appendix D)"]
        out += tables + [""]
    else:
        out += ["*No claim of one side supports a claim the other side asserts.*", ""]
    if ground.uses:
        out += ["One side's claim bears on a view the other reports or denies; this is use, not agreement:", ""]
        out += overflow.cap("uses", "Where one side's claim bears on a view the other reports or denies", [
            f"- **{md(labels[e.source_perspective])}:** {_title(argument_map, e.source)} bears on "
            f"**{md(labels[e.target_perspective])}:** {_title(argument_map, e.target)}." for e in ground.uses],
            ("use", "uses")) + [""]

    out += ["## What each side leaves unanswered", "",
            "The other side draws no relation to these claims, or to anything they support, and other claims "
            "rest on them:", ""]
    open_points = weighty_unanswered(reading, per_side=top)
    out += [f"- **{md(labels[u.perspective])}:** {_title(argument_map, u.claim)}: {reading.rests_on(u.claim)}."
            for u in open_points] or ["*Nothing.*"]
    out.append("")

    out += _acceptance_appendix(reading)
    out += _numbers_appendix(reading)
    out += _diagram_appendix(reading)
    out += overflow.appendix()
    return "\n".join(out)


def _acceptance_appendix(reading: Reading) -> list[str]:
    argument_map, labels = reading.map, reading.labels
    out = ["## Appendix A: formal acceptance", "",
           "Which claims each side can hold together, computed with a support-aware preferred semantics (a "
           "bipolar abstract dialectical framework, after Brewka and Woltran, 2010): every *contradicts* edge is "
           "an attack, and a claim that has reasons stands only while one of its reasons stands. The result "
           "reflects only the relations the mapper drew: an attack that nothing in the map answers defeats its "
           "target, even where the sources never addressed each other.", ""]
    try:
        result = acceptance(argument_map)
    except EnumerationLimit as error:
        return out + [f"*Not computed: {md(str(error))}.*", ""]
    attacks = argument_map.view(attack_graph)
    for side in result.sides:
        holds = "holds" if side.theses_accepted else "does not hold"
        out.append(f"- {md(labels[side.perspective])}: its thesis {holds} in at least one coherent position; "
                   f"at best it keeps {side.own_claims_kept} of its own claims.")
    if not result.by_none:
        return out + ["", "Every claim can be accepted by some side.", ""]
    out += ["", "No side can accept these claims, because an attack on them goes unanswered or their "
                "reasons fall:", ""]
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
    out += ["", "Contested claims, ranked: *rests on it* counts the claims of its side's case that would lose "
                "their support if it fell; *thesis support* counts those among the reasons for the thesis.", "",
            "| claim | side | clash | rests on it | thesis support | contested by |", "|---|---|---|---:|---:|---|"]
    for c in comparison.cruxes():
        opponents = ", ".join(f"`{o}`" for o in dict.fromkeys(
            e.source if e.target == c.claim else e.target for e in c.opponents))
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
