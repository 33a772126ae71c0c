"""Kialo's text export: a numbered tree of Pro and Con claims.

The export starts with ``Discussion Title: ...`` and a blank line; then
``1. The thesis`` and one line per claim, ``1.2.1. Con: text``, whose number
names its parent (``1.2.``). A claim's text may run on over the following
lines, and ``-> See 1.4.`` reuses a claim already listed (as arguebuf's Kialo
loader reads it). Pro becomes *supports* and Con *contradicts*, each toward
its parent, with ``basis: stated``: the Kialo author drew it. A line without a
stance rephrases its parent and becomes *supports* with a note saying so.

Perspectives come from ``perspectives``:

- ``camps`` (the default): two camps, for and against the thesis. A Pro keeps
  its parent's camp and a Con takes the other one, so a Con of a Con is for.
- ``positions``: one perspective per top-level claim (``1.1.``, ``1.2.``, ...),
  each its own thesis, for discussions whose ``1.`` is a question.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path
from typing import Any

from ..errors import MapError, Position, Problem
from .format import Format
from .imported import Imported, MapBuilder, read_text_file

#: The ways ``perspectives`` can be chosen.
PERSPECTIVES = ("camps", "positions")

_TITLE = re.compile(r"^Discussion Title:\s*(?P<title>.*)$")
# Kialo writes "Pro: " and "Con: ", but hand-edited exports carry "pro:", "CON:" or two spaces: a stance is
# read whatever its case and spacing, since a Con read as text would turn an objection into a support.
_LINE = re.compile(r"^(?P<number>(?:\d+\.)+)\s+(?:(?P<stance>[Pp][Rr][Oo]|[Cc][Oo][Nn])\s*:\s*)?(?P<text>.*)$")
_SEE = re.compile(r"^->\s*See\s+(?P<number>(?:\d+\.)+)\s*$", re.IGNORECASE)
#: A Markdown link, whose address may hold one level of parentheses: [t](javascript:alert(1)) is "t".
_LINK = re.compile(r"\[(.*?)\]\((?:[^()\s]|\([^()]*\))*\)")
_ESCAPE = re.compile(r"\\([\[\]()])")


def _parent(number: str) -> str:
    """The number of a claim's parent: ``1.2.`` for ``1.2.1.`` (and ``""`` for ``1.``)."""
    return number[:number[:-1].rfind(".") + 1]


def _clean(text: str) -> str:
    """Kialo's Markdown: escaped brackets and links become plain text."""
    return " ".join(_LINK.sub(r"\1", _ESCAPE.sub(r"\1", text)).split())


def read_kialo(path: str | os.PathLike[str], *, perspectives: str = "camps") -> Imported:
    """Import a Kialo discussion exported as text.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "tea.txt"
    >>> _ = f.write_text("Discussion Title: Tea?\\n\\n1. Tea is best.\\n1.1. Pro: Tea calms.\\n"
    ...                  "1.2. Con: Coffee wakes you.\\n1.2.1. Con: So does tea.\\n")
    >>> imported = read_kialo(f)
    >>> sorted(imported.manifest["perspectives"])
    ['against', 'for']
    >>> [c["id"] for c in imported.files["for.yaml"]["claims"]], imported.files["for.yaml"]["claims"][2]["contradicts"]
    (['k1', 'k1.1', 'k1.2.1'], [{'to': 'k1.2', 'basis': 'stated'}])
    """
    if perspectives not in PERSPECTIVES:
        raise ValueError(f"perspectives must be one of {', '.join(PERSPECTIVES)}")
    source = Path(path)
    _, lines = read_text_file(source)
    problems: list[Problem] = []
    title = f"Imported from {source.name}"
    start = 0
    if lines and (match := _TITLE.match(lines[0].strip())):
        title = match["title"].strip() or title
        start = 1
    # Entries: number -> [stance, text lines, line number]; a line that starts no entry continues the last.
    entries: dict[str, dict[str, Any]] = {}
    last: str | None = None
    for number, line in enumerate(lines[start:], start + 1):
        if (match := _LINE.match(line.strip())) is not None:
            key = match["number"]
            if key in entries:
                problems.append(Problem(Position(str(source), number, 1), f"claim {key} is listed twice"))
                continue
            stance = match["stance"].capitalize() if match["stance"] else None
            entries[key] = {"stance": stance, "text": [match["text"]], "line": number}
            last = key
        elif line.strip():
            if last is None:
                problems.append(Problem(Position(str(source), number, 1),
                                        "expected a numbered claim such as '1. The thesis'",
                                        "a Kialo text export starts with 'Discussion Title:' and '1. ...'"))
            else:
                entries[last]["text"].append(line.strip())
    if not entries and not problems:
        problems.append(Problem(Position(str(source), 1, 1), "no numbered claims in this file",
                                "export the discussion from Kialo as text"))
    roots = [key for key in entries if key.count(".") == 1]
    for key, entry in entries.items():
        parent = _parent(key)
        if key not in roots and parent not in entries:
            problems.append(Problem(Position(str(source), entry["line"], 1),
                                    f"claim {key} has no parent {parent or '(none)'} in the file"))
    if len(roots) != 1 and not problems:
        problems.append(Problem(Position(str(source), 1, 1), f"expected one top claim '1.', found {len(roots)}"))
    seen = _references(entries, str(source), problems) if not problems else {}
    if problems:
        raise MapError(problems)
    return _build(entries, roots[0], title, perspectives, seen)


def _references(entries: dict[str, dict[str, Any]], shown: str, problems: list[Problem]) -> dict[str, str]:
    """Each ``-> See N.`` entry and the claim it stands for, chains of references followed to their end.

    A reference to a number the file lacks, or a chain that comes back to
    itself, is a positioned problem: dropping it would drop its edges.
    """
    named = {key: see["number"] for key, entry in entries.items()
             if (see := _SEE.match(_clean(" ".join(entry["text"])))) is not None}
    resolved: dict[str, str] = {}
    for key, target in named.items():
        chain = [key]
        while target in named and target not in chain:
            chain.append(target)
            target = named[target]
        where = Position(shown, entries[key]["line"], 1)
        if target in chain:
            problems.append(Problem(where, f"claim {key} refers to itself through '-> See' ({' -> '.join(chain)})"))
        elif target not in entries:
            problems.append(Problem(where, f"claim {key} refers to claim {target}, which is not in the file"))
        elif key == target or _parent(target).startswith(key):
            problems.append(Problem(where, f"claim {key} refers to {target}, which is its own descendant"))
        else:
            resolved[key] = target
    return resolved


def _build(entries: dict[str, dict[str, Any]], root: str, title: str, perspectives: str,
           seen: dict[str, str]) -> Imported:
    """The map of Kialo entries; ``seen`` maps each ``-> See`` entry to the claim it stands for."""
    builder = MapBuilder()
    parent_of = {key: seen.get(_parent(key), _parent(key)) for key in entries if key != root}
    side_of: dict[str, str] = {root: "for" if perspectives == "camps" else "discussion"}

    def camp(key: str) -> str:
        """A claim's camp, from its parent's: a parent may be a referenced claim numbered after it."""
        chain = []
        while key not in side_of:
            chain.append(key)
            key = parent_of[key]
        for key in reversed(chain):
            parent_side = side_of[parent_of[key]]
            if perspectives == "positions":
                side_of[key] = "position-" + key.split(".")[1] if parent_of[key] == root else parent_side
            elif entries[key]["stance"] == "Con":  # a Con changes camp; a Pro keeps its parent's
                side_of[key] = "against" if parent_side == "for" else "for"
            else:
                side_of[key] = parent_side
        return side_of[chain[0]] if chain else side_of[key]
    labels = {"for": "For the thesis", "against": "Against the thesis", "discussion": "The question"}
    for key, entry in entries.items():
        if key in seen:
            continue
        text = _clean(" ".join(entry["text"]))
        side = camp(key)
        if perspectives == "positions" and parent_of.get(key) == root:
            labels.setdefault(side, textwrap.shorten(text, 60, placeholder="…"))
        if perspectives == "camps":
            kind = "thesis" if key == root else None
        else:  # the question is background; each position is a thesis
            kind = "background" if key == root else "thesis" if parent_of[key] == root else None
        builder.claim(builder.id_for("k" + key[:-1]), text, side, f"{side}.yaml", kind=kind)
    for key, entry in entries.items():
        if key == root:
            continue
        claim = builder.id_for("k" + seen.get(key, key)[:-1])
        target = builder.id_for("k" + parent_of[key][:-1])
        stance = entry["stance"]
        note = None if stance else "A rephrasing of its parent in Kialo."
        builder.relate(claim, "contradicts" if stance == "Con" else "supports", target, note, basis="stated")
    used = dict.fromkeys(camp(k) for k in entries if k not in seen)
    manifest: dict[str, Any] = {"title": title,
                                "perspectives": {side: {"label": labels.get(side, side)} for side in used}}
    return Imported(manifest, builder.files({}), builder.renamed)


FORMAT = Format("kialo", ".txt", "Kialo (text export)", read=read_kialo)
