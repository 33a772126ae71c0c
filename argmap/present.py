"""Turn query answers into stable JSON or readable plain-text tables."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Sequence

from .model import Claim


def jsonable(value: Any) -> Any:
    """Plain JSON data for any query answer: dataclasses, sets, tuples, claims.

    Sets become sorted lists so the output is stable.

    >>> jsonable({"ids": frozenset({"b", "a"}), "pair": ("x", 1)})
    {'ids': ['a', 'b'], 'pair': ['x', 1]}
    """
    if isinstance(value, Claim):
        return {"id": value.id, "text": value.text, "perspective": value.perspective, "kind": value.kind,
                "quote": value.quote, "tags": list(value.tags), "note": value.note}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
    return json.dumps(jsonable(value), indent=2, sort_keys=True, ensure_ascii=False)


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
