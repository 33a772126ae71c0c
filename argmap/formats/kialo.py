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
_NAME = re.compile(r"^Discussion Name:\s*(?P<name>.*)$")
#: A claim's label line in Kialo's current export; its text follows on the next, indented lines.
_LABEL = re.compile(r"^(?P<number>(?:\d+\.)+)\s+(?P<role>[A-Za-z]+)\s*:\s*(?P<text>.*)$")
_ROLES = ("pro", "con", "thesis", "question")
_SOURCE = re.compile(r"^\[(?P<number>\d+)\]\s*(?P<url>\S.*)$")
_CITED = re.compile(r"\[(\d+)\]")
#: Kialo entries by number: stance (Pro, Con or None), role (thesis, question or None), text lines, line.
Entries = dict[str, dict[str, Any]]
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


def read_kialo(path: str | os.PathLike[str], *, perspectives: str | None = None) -> Imported:
    """Import a Kialo discussion exported as text, in the layout Kialo writes today or the classic one.

    ``perspectives`` is ``camps`` (for and against the thesis) or
    ``positions`` (each top-level claim its own); by default it is
    ``positions`` for a question with several theses, else ``camps``.

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
    if perspectives is not None and perspectives not in PERSPECTIVES:
        raise ValueError(f"perspectives must be one of {', '.join(PERSPECTIVES)}")
    source = Path(path)
    _, lines = read_text_file(source)
    problems: list[Problem] = []
    first = next((line.strip() for line in lines if line.strip()), "")
    read = _read_current if _NAME.match(first) else _read_classic
    title, entries, sources = read(lines, str(source), problems)
    title = title or f"Imported from {source.name}"
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
    root = roots[0]
    if perspectives is None:
        theses = [k for k in entries if _parent(k) == root and entries[k]["role"] == "thesis"]
        perspectives = "positions" if entries[root]["role"] == "question" and len(theses) > 1 else "camps"
    return _build(entries, root, title, perspectives, seen, sources)


def _read_classic(lines: list[str], shown: str, problems: list[Problem]) -> tuple[str | None, Entries, dict[str, str]]:
    """The layout arguebuf documents: ``Discussion Title: ...``, then ``1.1. Pro: text`` lines."""
    title, start = None, 0
    if lines and (match := _TITLE.match(lines[0].strip())):
        title, start = match["title"].strip() or None, 1
    # Entries: number -> stance, text lines, line number; a line that starts no entry continues the last.
    entries: Entries = {}
    last: str | None = None
    for number, line in enumerate(lines[start:], start + 1):
        if (match := _LINE.match(line.strip())) is not None:
            key = match["number"]
            if key in entries:
                problems.append(Problem(Position(shown, number, 1), f"claim {key} is listed twice"))
                continue
            stance = match["stance"].capitalize() if match["stance"] else None
            entries[key] = {"stance": stance, "role": None, "text": [match["text"]], "line": number}
            last = key
        elif line.strip():
            if last is None:
                problems.append(Problem(Position(shown, number, 1),
                                        "expected a numbered claim such as '1. The thesis'",
                                        "a Kialo text export starts with 'Discussion Title:' and '1. ...'"))
            else:
                entries[last]["text"].append(line.strip())
    return title, entries, {}


def _read_current(lines: list[str], shown: str, problems: list[Problem]) -> tuple[str | None, Entries, dict[str, str]]:
    """The layout Kialo exports today: ``Discussion Name:`` and the name on the next line, each claim a
    label line (``1.1. Pro:``, ``1. Question:``, ``1.1. Thesis:``) with its text on the indented lines after
    it, and at the end ``Sources:`` with one ``[n] url`` a line."""
    title: str | None = None
    entries: Entries = {}
    sources: dict[str, str] = {}
    last: str | None = None
    in_sources = False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        if (match := _NAME.match(stripped)) is not None and title is None:
            title = match["name"].strip() or None
            last = "name" if title is None else None
            continue
        if last == "name":  # the name, on the line after its label
            title, last = stripped, None
            continue
        if stripped.lower() == "sources:":
            in_sources = True
            continue
        if in_sources:
            if (cited := _SOURCE.match(stripped)) is not None:
                sources[cited["number"]] = cited["url"].strip()
            else:
                problems.append(Problem(Position(shown, number, 1), "expected a source such as '[1] https://...'",
                                        "the Sources: list closes a Kialo export"))
            continue
        if (match := _LABEL.match(stripped)) is not None:
            key, role = match["number"], match["role"].lower()
            if key in entries:
                problems.append(Problem(Position(shown, number, 1), f"claim {key} is listed twice"))
                last = None
                continue
            if role not in _ROLES:
                problems.append(Problem(Position(shown, number, len(line) - len(line.lstrip()) + len(key) + 2),
                                        f"unknown kind of claim '{match['role']}'",
                                        "Kialo labels a claim Pro, Con, Thesis or Question"))
            stance = role.capitalize() if role in ("pro", "con") else None
            entries[key] = {"stance": stance, "role": role if role in ("thesis", "question") else None,
                            "text": [match["text"]] if match["text"] else [], "line": number}
            last = key
        elif last is not None and last in entries:
            entries[last]["text"].append(stripped)
        else:
            problems.append(Problem(Position(shown, number, 1), "expected a numbered claim such as '1.1. Pro:'",
                                    "a Kialo export starts with 'Discussion Name:' and '1. ...'"))
    for key, entry in entries.items():
        if not entry["text"]:
            problems.append(Problem(Position(shown, entry["line"], 1), f"claim {key} has no text"))
    return title, entries, sources


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


def _build(entries: Entries, root: str, title: str, perspectives: str, seen: dict[str, str],
           sources: dict[str, str]) -> Imported:
    """The map of Kialo entries; ``seen`` maps each ``-> See`` entry to the claim it stands for.

    A question at the top is background, and each thesis under it a thesis
    that answers it (no edge: a thesis neither supports nor attacks its
    question). The sources a claim cites as ``[n]`` are named in its note.
    """
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
        kind: str | None
        if entry["role"] == "question":
            kind = "background"
        elif entry["role"] == "thesis":
            kind = "thesis"
        elif perspectives == "camps":
            kind = "thesis" if key == root else None
        else:  # the question is background; each position is a thesis
            kind = "background" if key == root else "thesis" if parent_of[key] == root else None
        cited = [f"[{n}] {sources[n]}" for n in dict.fromkeys(_CITED.findall(text)) if n in sources]
        notes = []
        if entry["role"] == "thesis" and key != root:
            notes.append(f"Answers the question {builder.id_for('k' + parent_of[key][:-1])}.")
        if cited:
            notes.append("Sources: " + "; ".join(cited))
        builder.claim(builder.id_for("k" + key[:-1]), text, side, f"{side}.yaml", kind=kind,
                      note=" ".join(notes) or None)
    for key, entry in entries.items():
        if key == root or (entry["role"] == "thesis" and entries[parent_of[key]]["role"] == "question"):
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
