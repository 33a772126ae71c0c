"""A Markdown comparison report that reads well on its own (and on GitHub)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .compare import Comparison, CrossEdge
from .files import write_atomically
from .model import ArgumentMap
from .query import edges_per_kind, support_tree
from .semantics import EnumerationLimit, acceptance, attack_graph

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~])")


def md(text: str | None) -> str:
    """Escape text so Markdown shows it literally, on one line.

    >>> md("a <b>*bold*</b> | c")
    'a \\\\<b\\\\>\\\\*bold\\\\*\\\\</b\\\\> \\\\| c'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def mermaid_label(text: str) -> str:
    """Quote text for a Mermaid node label, with entity codes for risky characters.

    >>> mermaid_label('say "hi" <now> #1')
    '"say #34;hi#34; #60;now#62; #35;1"'
    """
    codes = {"#": "#35;", '"': "#34;", "<": "#60;", ">": "#62;", "&": "#38;"}
    return '"' + "".join(codes.get(ch, ch) for ch in " ".join(text.split())) + '"'


def _wrap(text: str, width: int = 38) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def _claim_ref(argument_map: ArgumentMap, claim_id: str) -> str:
    return f"{md(argument_map.claims[claim_id].text)} (`{claim_id}`)"


def _edge_line(argument_map: ArgumentMap, edge: CrossEdge) -> str:
    labels = {p.id: p.label for p in argument_map.perspectives.values()}
    return (f"- **{md(labels[edge.source_perspective])}:** {_claim_ref(argument_map, edge.source)}\n"
            f"  *{edge.kind}* **{md(labels[edge.target_perspective])}:** {_claim_ref(argument_map, edge.target)}\n"
            f"  — {md(edge.note) or '*(no note)*'}")


def _outline(argument_map: ArgumentMap, perspective: str) -> list[str]:
    lines: list[str] = []
    claims = [c for c in argument_map.claims.values() if c.perspective == perspective]
    placed: set[str] = set()

    def walk(tree, depth: int) -> None:  # type: ignore[no-untyped-def]
        placed.add(tree.claim)
        kind = argument_map.claims[tree.claim].kind
        prefix = "**Thesis:** " if kind == "thesis" else ""
        lines.append(f"{'  ' * depth}- {prefix}{_claim_ref(argument_map, tree.claim)}")
        for reason in tree.reasons:
            walk(reason, depth + 1)

    for thesis in (c for c in claims if c.kind == "thesis"):
        walk(support_tree(argument_map, thesis.id, same_side=True), 0)
    rest = [c for c in claims if c.id not in placed]
    if rest:
        lines.append("")
        lines.append("Outside that structure (the views the author argues against, and advice that follows "
                     "from the thesis):")
        lines.append("")
        for claim in rest:
            why = f" — {md(claim.note)}" if claim.note else ""
            lines.append(f"- {_claim_ref(argument_map, claim.id)}{why}")
    return lines


def _mermaid(argument_map: ArgumentMap, edges: list[CrossEdge]) -> list[str]:
    involved = {e.source for e in edges} | {e.target for e in edges}
    node = {claim_id: f"n{i}" for i, claim_id in enumerate(c for c in argument_map.claims if c in involved)}
    lines = ["```mermaid", "flowchart LR"]
    for index, perspective in enumerate(argument_map.perspectives.values()):
        members = [c for c in argument_map.claims.values() if c.id in involved and c.perspective == perspective.id]
        lines.append(f"  subgraph p{index}[{mermaid_label(perspective.label)}]")
        lines.extend(f"    {node[c.id]}[{mermaid_label(_wrap(c.text))}]" for c in members)
        lines.append("  end")
        lines.append(f"  style p{index} stroke:{perspective.color},stroke-width:3px")
    for edge in edges:
        arrow = "-->|supports|" if edge.kind == "supports" else "-.->|contradicts|"
        lines.append(f"  {node[edge.source]} {arrow} {node[edge.target]}")
    lines.append("```")
    return lines


def render_report(argument_map: ArgumentMap, *, top: int = 5) -> str:
    """The comparison report as Markdown text.

    ``top`` caps the number of unanswered claims listed per side.

    >>> import argmap
    >>> text = render_report(argmap.load("claims"))
    >>> text.splitlines()[0]
    '# Is the therapeutic relationship what heals?'
    >>> "```mermaid" in text and "## Cruxes" in text
    True
    """
    comparison = Comparison(argument_map)
    labels = {p.id: p.label for p in argument_map.perspectives.values()}
    edge_counts = edges_per_kind(argument_map)
    out = [f"# {md(argument_map.title)}", ""]
    if argument_map.description:
        out += [md(argument_map.description), ""]
    out += [f"*{len(argument_map.claims)} claims, {edge_counts['supports']} supports and "
            f"{edge_counts['contradicts']} contradicts edges. Generated by argmap from the claim files; "
            f"every statement below is computed from the map's structure.*", ""]

    out += ["## At a glance", "", "| from | to | claims that contradict | claims that support |", "|---|---|---:|---:|"]
    out += [f"| {md(labels[r.source])} | {md(labels[r.target])} | {r.contradicting_claims} | {r.supporting_claims} |"
            for r in comparison.engagement()]
    cruxes = comparison.cruxes()
    if cruxes:
        c = cruxes[0]
        out += ["", f"The main crux: {_claim_ref(argument_map, c.claim)}. {c.load} of the {c.support_size} claims "
                    f"supporting the {md(labels[c.perspective])} thesis ({c.share:.0%}) rest on it."]
    out.append("")

    out += ["## Each side's case", ""]
    for perspective in argument_map.perspectives.values():
        sample = next((c for c in argument_map.claims.values() if c.perspective == perspective.id), None)
        source = sample.source if sample else None
        credit = ", ".join(md(x) for x in (source.author, source.title) if x) if source else ""
        out += [f"### {md(perspective.label)}" + (f" ({credit})" if credit else ""), ""]
        out += _outline(argument_map, perspective.id) + [""]

    disagreements = comparison.disagreements()
    out += ["## Where they clash", ""]
    out += ["\n".join(_edge_line(argument_map, e) for e in disagreements) or "*No cross-perspective contradictions.*", ""]

    out += ["## Cruxes", "",
            "Contested claims that a side's thesis rests on. *Falls* counts the claims that would lose their "
            "last line of support to the thesis if the crux were rejected.", "",
            "| crux | side | falls | share of thesis support | contested by |", "|---|---|---:|---:|---|"]
    for c in cruxes:
        opponents = ", ".join(f"`{o}`" for o in dict.fromkeys(
            e.source if e.target == c.claim else e.target for e in c.opponents))
        out.append(f"| {_claim_ref(argument_map, c.claim)} | {md(labels[c.perspective])} | {c.load} of "
                   f"{c.support_size} | {c.share:.0%} | {opponents} |")
    doubles = comparison.double_cruxes()
    if doubles:
        out += ["", "**Double cruxes**: clashing pairs where each claim carries weight for its own side.", ""]
        out += [f"- `{d.first.claim}` ({d.first.share:.0%}) ⟷ `{d.second.claim}` ({d.second.share:.0%}): "
                f"{md(d.edges[0].note)}" for d in doubles]
    out.append("")

    ground = comparison.common_ground()
    out += ["## Common ground", ""]
    out += ["\n".join(_edge_line(argument_map, e) for e in ground.agreements) or "*No cross-perspective support.*", ""]

    out += ["## Left unanswered", ""]
    unanswered = comparison.unanswered()
    for perspective in argument_map.perspectives.values():
        rows = [u for u in unanswered if u.perspective == perspective.id and u.load > 0][:top]
        if not rows:
            continue
        out += [f"What {md(perspective.label)} argues that no other side engages, by how much of its case "
                f"rests on it:", ""]
        out += [f"- {_claim_ref(argument_map, u.claim)}: {u.load} claim(s) fall with it" for u in rows]
        out.append("")

    out += ["## Formal acceptance", "",
            "Dung's preferred semantics, reading every *contradicts* edge as an attack and ignoring support.", ""]
    try:
        result = acceptance(argument_map)
    except EnumerationLimit as error:
        out += [f"*Not computed: {md(str(error))}.*", ""]
    else:
        attacks = attack_graph(argument_map)
        for side in result.sides:
            holds = "holds" if side.theses_accepted else "does not hold"
            out.append(f"- {md(labels[side.perspective])}: its thesis {holds}; at best it keeps "
                       f"{side.own_claims_kept} of its own claims.")
        out += ["", "No side can accept these claims, because an attack on them goes unanswered:", ""]
        for claim_id in sorted(result.by_none):
            winners = [a for a in attacks.predecessors(claim_id) if a in result.grounded]
            by = ", ".join(f"`{w}`" for w in winners) or "a cycle of attacks"
            out.append(f"- {_claim_ref(argument_map, claim_id)}: defeated by {by}")
        out.append("")

    cross = comparison.disagreements() + ground.agreements
    out += ["## Diagram of the cross-perspective edges", ""] + _mermaid(argument_map, cross) + [""]
    return "\n".join(out)


def write_report(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> Path:
    """Write the report atomically to ``path``; return the path.

    >>> import argmap, tempfile, pathlib
    >>> path = write_report(argmap.load("claims"), pathlib.Path(tempfile.mkdtemp()) / "report.md")
    >>> path.read_text().startswith("# Is the therapeutic relationship what heals?")
    True
    """
    return write_atomically(path, render_report(argument_map))
