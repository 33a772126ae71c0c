"""Query answers as tables: a list that notebooks show as a table and pandas takes as a DataFrame.

Every question that answers with several records (claims, links, cruxes,
clashes, paths, extensions, ...) returns :class:`Rows`, a ``list`` with three
additions: a one-line ``repr``, an HTML table for Jupyter, and
:meth:`Rows.to_dataframe` (pandas is an optional extra:
``pip install 'argmap[notebook]'``). Each record becomes one row of plain
values: nested claims by their id, relations as ``kind target``, sets of
claims as a sorted, comma-separated string.

>>> import argmap
>>> from argmap.compare import Comparison
>>> cruxes = Comparison(argmap.example_map()).cruxes()
>>> cruxes
2 rows (Crux): cof.alert, tea.gentle
>>> cruxes.records()[0]["claim"], cruxes.records()[0]["opponents"], cruxes.records()[0]["case_share"]
('cof.alert', 'cof.alert contradicts tea.gentle', 0.5)
>>> "<table" in cruxes._repr_html_()
True
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any, List, TypeVar

T = TypeVar("T")

#: Rows an HTML table shows; the rest are counted below it.
HTML_ROWS = 50
#: Characters of one cell an HTML table shows (the records keep all of them).
HTML_CELL = 160
#: Ids a one-line repr names.
REPR_IDS = 5


def _identity(item: Any) -> str | None:
    for name in ("claim", "id", "source"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return None


def cell(value: Any) -> Any:
    """One value as a table cell: numbers, text and ``None`` as they are, the rest as short text.

    >>> cell(frozenset({"b", "a"})), cell(("x", "y")), cell(0.5)
    ('a, b', 'x, y', 0.5)
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(map(str, value)))
    if isinstance(value, (list, tuple)):
        return "; ".join(str(cell(v)) for v in value) if any(dataclasses.is_dataclass(v) for v in value) \
            else ", ".join(str(cell(v)) for v in value)
    if dataclasses.is_dataclass(value):
        kind, target = getattr(value, "kind", None), getattr(value, "target", None)
        if isinstance(kind, str) and isinstance(target, str):  # a relation or an edge
            source = getattr(value, "source", None)
            return f"{source} {kind} {target}" if isinstance(source, str) else f"{kind} {target}"
        return _identity(value) or getattr(value, "title", None) or str(value)
    return str(value)


def record(item: Any) -> dict[str, Any]:
    """One answer record as a flat dict of cells (a dataclass's fields and properties).

    >>> import argmap
    >>> record(argmap.example_map().claims["tea.gentle"])["relations"]
    'tea.gentle supports tea.best'
    """
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        row = {f.name: cell(getattr(item, f.name)) for f in dataclasses.fields(item)}
        for name, attribute in vars(type(item)).items():
            if isinstance(attribute, property) and not name.startswith("_"):
                row[name] = cell(getattr(item, name))
        return row
    if isinstance(item, (list, tuple)) and item and all(hasattr(s, "forward") for s in item):  # a path
        line = item[0].source if item[0].forward else item[0].target
        for step in item:
            line += f" -{step.kind}-> {step.target}" if step.forward else f" <-{step.kind}- {step.source}"
        return {"path": line, "length": len(item)}
    if isinstance(item, (set, frozenset)):
        return {"claims": cell(item), "size": len(item)}
    return {"value": cell(item)}


def html_table(records: list[dict[str, Any]], caption: str) -> str:
    """Records as an HTML table, every cell escaped, long tables and cells cut with a note."""
    columns = list(dict.fromkeys(key for row in records for key in row))
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = []
    for row in records[:HTML_ROWS]:
        cells = []
        for column in columns:
            value = row.get(column)
            text = "" if value is None else (f"{value:.0%}" if isinstance(value, float) and 0 <= value <= 1
                                             else str(value))
            if len(text) > HTML_CELL:
                text = text[:HTML_CELL - 1] + "…"
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="argmap-more">… and {len(records) - HTML_ROWS} more rows; '
            "use .to_dataframe() for all of them</p>") if len(records) > HTML_ROWS else ""
    return (f'<table class="argmap-rows"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}")


def dataframe(records: list[dict[str, Any]]) -> Any:
    """Records as a pandas DataFrame, or a clear error if pandas is not installed."""
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        from ..errors import ArgmapError
        raise ArgmapError("to_dataframe needs pandas: pip install 'argmap[notebook]' (or pip install pandas)") \
            from None
    return pandas.DataFrame.from_records(records)


class Rows(List[T]):
    """A list of answer records that shows itself as a table."""

    def records(self) -> list[dict[str, Any]]:
        """Each record as a flat dict of plain values."""
        return [record(item) for item in self]

    def to_dataframe(self) -> Any:
        """The records as a ``pandas.DataFrame`` (needs pandas)."""
        return dataframe(self.records())

    def _kind(self) -> str:
        return type(self[0]).__name__ if self else "none"

    def __repr__(self) -> str:
        if not self:
            return "[]"
        ids = [_identity(item) or str(cell(item))[:40] for item in self[:REPR_IDS]]
        more = f", … {len(self) - REPR_IDS} more" if len(self) > REPR_IDS else ""
        return f"{len(self)} row{'s' if len(self) != 1 else ''} ({self._kind()}): {', '.join(ids)}{more}"

    def _repr_html_(self) -> str:
        return html_table(self.records(), f"{len(self)} rows ({self._kind()})")
