"""How a map looks, wherever it is drawn: the page, the SVG picture and the DOT export.

Supports are green and solid, contradicts red and dashed; an edge the mapper
inferred (rather than one its source states) is dotted. A claim its author
reports only to reject it (``asserted: false``) is grey with a dotted border.

>>> EDGE_STYLES["contradicts"].color, EDGE_STYLES["supports"].dashes
('#c62828', ())
>>> tint("#000000", 0.5)
'#808080'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EdgeStyle:
    """One relation kind's line: colour, width in px, and dash patterns (empty: solid)."""

    color: str
    width: float
    dashes: tuple[int, ...]
    inferred_dashes: tuple[int, ...] = (2, 5)


EDGE_STYLES = {
    "supports": EdgeStyle("#2e7d32", 1.5, ()),
    "contradicts": EdgeStyle("#c62828", 2.5, (10, 6)),
}

#: A reported, not asserted, claim: fill, border and border dashes.
FOIL_FILL = "#eeeeee"
FOIL_BORDER = "#777777"
FOIL_DASHES = (2, 3)
#: What a reported claim's label starts with.
FOIL_PREFIX = "Reported: "


def tint(color: str, amount: float = 0.8) -> str:
    """Mix a ``#rgb``/``#rrggbb`` colour with white, for readable node fills.

    >>> tint("#2a9d8f")
    '#d4ebe9'
    """
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)
