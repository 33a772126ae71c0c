"""Turn answers into stable JSON or readable plain text: tables, trees, diffs."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any, Sequence, TextIO

from ..analysis.diff import EdgeChange, MapDiff
from ..analysis.query import SupportTree
from ..errors import printable

_TERMINAL_UNSAFE = re.compile("[\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")
from ..model import Claim


class EscapedText:
    """A text stream that shows control characters as escapes (newlines and tabs stay).

    Claim text is data: an escape sequence in it must never reach a terminal raw.

    >>> import io
    >>> out = io.StringIO()
    >>> _ = EscapedText(out).write("title\\x1b]0;pwned\\x07\\n")
    >>> out.getvalue()
    'title\\\\x1b]0;pwned\\\\x07\\n'
    """

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text, keep="\n\t"))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_PLAIN = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, or ``None`` for any other type."""
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) \
            else None
    return _FIELD_NAMES[kind]


def jsonable(value: Any) -> Any:
    """Plain JSON data for any query answer: dataclasses, sets, tuples, claims.

    Sets become sorted lists so the output is stable.

    >>> jsonable({"ids": frozenset({"b", "a"}), "pair": ("x", 1)})
    {'ids': ['a', 'b'], 'pair': ['x', 1]}
    """
    if type(value) in _PLAIN:  # most of a large answer: checked first, it halves the time
        return value
    if isinstance(value, SupportTree):  # flat, so that a chain of any depth encodes
        return [{"claim": tree.claim, "perspective": tree.perspective, "text": tree.text, "note": tree.note,
                 "depth": depth} for depth, tree in value.walk()]
    if isinstance(value, Claim):
        return {"id": value.id, "text": value.text, "perspective": value.perspective, "kind": value.kind,
                "quote": value.quote, "tags": list(value.tags), "note": value.note}
    names = _field_names(type(value))
    if names is not None:
        return {name: jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def to_json(value: Any) -> str:
    """Stable, indented JSON for a query answer.

    >>> print(to_json({"b": frozenset({2, 1}), "a": None}))
    {
      "a": null,
      "b": [
        1,
        2
      ]
    }
    """
    text = json.dumps(jsonable(value), indent=2, sort_keys=True, ensure_ascii=False)
    # JSON leaves C1 controls and bidirectional overrides raw; a terminal may act on them.
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shorten(text: str | None, width: int = 60) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis.

    >>> shorten("The therapeutic relationship heals", 20)
    'The therapeutic rel…'
    """
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with a header rule; numbers align right.

    >>> print(table(["claim", "load"], [["a", 3], ["bb", 10]]))
    claim  load
    -----  ----
    a         3
    bb       10
    """
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) and bool(rows) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric)]
        return "  ".join(parts).rstrip()

    rule = ["-" * w for w in widths]
    return "\n".join([line(cells[0]), line(rule)] + [line(r) for r in cells[1:]])


def format_diff(result: MapDiff) -> str:
    """The diff as readable text.

    >>> print(format_diff(MapDiff(added_claims=["tea.new"], removed_claims=["tea.old"])))
    + claim tea.new
    - claim tea.old
    """
    if result.empty:
        return "no changes"
    lines: list[str] = []
    lines += [f"+ claim {c}" for c in result.added_claims]
    lines += [f"- claim {c}" for c in result.removed_claims]
    lines += [f"~ claim {c.claim} {c.field}: {c.old!r} → {c.new!r}" for c in result.changed_claims]
    def edge(e: EdgeChange) -> str:
        return f"{e.source} undercuts {e.reason} supports {e.target}" if e.reason else f"{e.source} {e.kind} {e.target}"

    lines += [f"+ question {q}" for q in result.added_questions]
    lines += [f"- question {q}" for q in result.removed_questions]
    lines += [f"~ question {c.claim} {c.field}: {c.old!r} → {c.new!r}" for c in result.changed_questions]
    lines += [f"+ edge {edge(e)}" + (f" ({e.note})" if e.note else "") for e in result.added_edges]
    lines += [f"- edge {edge(e)}" for e in result.removed_edges]
    lines += [f"~ edge {edge(e)} note: {e.old_note!r} → {e.note!r}" for e in result.renoted_edges]
    if result.cruxes_before != result.cruxes_after:
        lines.append(f"~ cruxes: {', '.join(result.cruxes_before[:5]) or '(none)'} → "
                     f"{', '.join(result.cruxes_after[:5]) or '(none)'}")
    lines += [f"~ question {change}" for change in result.question_changes]
    lines += [f"~ acceptance: {change}" for change in result.acceptance_changes]
    return "\n".join(lines)
