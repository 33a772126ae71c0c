"""SVG: a static picture of the map, in argmap's own side-by-side layout.

Each claim is a box with its title (or a label cut from its text) wrapped to
fit, under a heading per perspective; the colours and line styles are the
page's (:mod:`argmap.style`). The full text rides along as each box's
tooltip. No outside program is needed: the text is wrapped by estimated glyph
widths, which err wide, so a line never leaves its box.

>>> import argmap
>>> svg = write_svg(argmap.example_map())
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.count('class="claim"')
(True, 8)
>>> 'Tea drinkers' in svg and 'Tea is the better morning drink.' in svg
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..analysis.layout import side_by_side
from ..graph import NOT_XML
from ..model import ArgumentMap, Claim
from ..style import EDGE_STYLES, FOIL_BORDER, FOIL_DASHES, FOIL_FILL, FOIL_PREFIX, tint
from .format import Format

BOX_WIDTH = 200
FONT_SIZE = 13
LINE_HEIGHT = 16
PADDING = 8
MAX_LINES = 4
HEADING_SIZE = 22
MARGIN = 40
#: Bold glyphs are wider; a thesis's lines wrap this much sooner.
BOLD_SHRINK = 0.88
FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif"


#: Advance widths in em of DejaVu Sans, a wide face, so that narrower fonts fit too.
_NARROW = dict.fromkeys("ijl.,:;'|!", 0.32) | dict.fromkeys("ftrI()[]-\" ", 0.42)
_WIDE = dict.fromkeys("mwMW%@", 1.0) | dict.fromkeys("ABCDEGHKNOQRUVXYZ&", 0.8)


def _em(char: str) -> float:
    if char in _NARROW:
        return _NARROW[char]
    if char in _WIDE:
        return _WIDE[char]
    return 0.66 if char.isascii() else 1.0


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An upper estimate of ``text``'s width in px at ``size`` px.

    >>> text_width("Tea") < text_width("WWW")
    True
    """
    return sum(map(_em, text)) * size


def wrap(text: str, width: float = BOX_WIDTH - 2 * PADDING, lines: int = MAX_LINES) -> list[str]:
    """``text`` in lines no wider than ``width`` px, at most ``lines`` of them (the last cut with …).

    >>> wrap("Tea wakes you gently, without the jitters that coffee brings on")
    ['Tea wakes you gently,', 'without the jitters that', 'coffee brings on']
    >>> [text_width(line) <= 184 for line in wrap("W" * 100)]
    [True, True, True, True]
    """
    out: list[str] = []
    line = ""
    for word in text.split():
        while text_width(word) > width:  # a word longer than the box is broken
            cut = max(1, next(i for i in range(len(word), 0, -1) if text_width(word[:i]) <= width))
            if line:
                out.append(line)
                line = ""
            out.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if text_width(candidate) <= width:
            line = candidate
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        last = out[lines - 1]
        while last and text_width(last + "…") > width:
            last = last[:-1]
        out = out[:lines - 1] + [last.rstrip() + "…"]
    return out or [""]


def _attr(text: str) -> str:
    return html.escape(NOT_XML.sub("", text), quote=True)


@dataclass(frozen=True)
class _Box:
    claim: Claim
    x: float
    y: float
    lines: list[str]

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING

    def edge_point(self, toward_x: float, toward_y: float) -> tuple[float, float]:
        """Where the line from this box's centre toward a point leaves the box."""
        dx, dy = toward_x - self.x, toward_y - self.y
        if dx == 0 and dy == 0:
            return self.x, self.y
        scale = min(BOX_WIDTH / 2 / abs(dx) if dx else float("inf"), self.height / 2 / abs(dy) if dy else float("inf"))
        return self.x + dx * min(scale, 1), self.y + dy * min(scale, 1)


def _label(claim: Claim) -> str:
    return (FOIL_PREFIX if not claim.asserted else "") + " ".join(claim.label.split())


def _dash(pattern: tuple[int, ...]) -> str:
    return f' stroke-dasharray="{" ".join(map(str, pattern))}"' if pattern else ""


def write_svg(argument_map: ArgumentMap) -> str:
    """The map as one SVG document."""
    positions = side_by_side(argument_map)
    boxes = {cid: _Box(claim, positions[cid][0], positions[cid][1],
                       wrap(_label(claim), (BOX_WIDTH - 2 * PADDING) * (BOLD_SHRINK if claim.kind == "thesis" else 1)))
             for cid, claim in argument_map.claims.items()}
    left = min((b.x for b in boxes.values()), default=0) - BOX_WIDTH / 2 - MARGIN
    right = max((b.x for b in boxes.values()), default=0) + BOX_WIDTH / 2 + MARGIN
    top = min((b.y - b.height / 2 for b in boxes.values()), default=0) - 3 * HEADING_SIZE - 150
    bottom = max((b.y + b.height / 2 for b in boxes.values()), default=0) + MARGIN
    right = max(right, left + 760)  # room for the title and the legend
    width, height = round(right - left), round(bottom - top)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="{round(left)} {round(top)} {width} {height}" font-family="{FONT_FAMILY}">',
           f"<title>{_attr(argument_map.title)}</title>",
           f'<rect x="{round(left)}" y="{round(top)}" width="{width}" height="{height}" fill="#ffffff"/>',
           "<defs>"]
    for kind, style in EDGE_STYLES.items():
        shape = ("M0,0 L10,5 L0,10 z" if kind == "supports" else "M4,0 L7,0 L7,10 L4,10 z")
        out.append(f'<marker id="end-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
                   f'orient="auto-start-reverse"><path d="{shape}" fill="{style.color}"/></marker>')
    out.append("</defs>")
    out += _header(argument_map, left, top)
    out += _headings(argument_map, boxes, top)
    out.append('<g class="relations" fill="none">')
    for relation in argument_map.relations():
        source, target = boxes[relation.source], boxes[relation.target]
        style = EDGE_STYLES[relation.kind]
        x1, y1 = source.edge_point(target.x, target.y)
        x2, y2 = target.edge_point(source.x, source.y)
        inferred = argument_map.basis_of(relation) == "inferred"
        note = f": {relation.note}" if relation.note else ""
        out.append(f'<line class="{relation.kind}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{style.color}" stroke-width="{style.width}"'
                   f'{_dash(style.inferred_dashes if inferred else style.dashes)} marker-end="url(#end-{relation.kind})">'
                   f"<title>{_attr(relation.kind + (' (inferred)' if inferred else '') + note)}</title></line>")
    style = EDGE_STYLES["contradicts"]
    for undercut in argument_map.undercuts():  # to the middle of the support it objects to
        reason, conclusion = boxes[undercut.reason], boxes[undercut.conclusion]
        (ax, ay), (bx, by) = reason.edge_point(conclusion.x, conclusion.y), conclusion.edge_point(reason.x, reason.y)
        mx, my = (ax + bx) / 2, (ay + by) / 2
        x1, y1 = boxes[undercut.source].edge_point(mx, my)
        inferred = argument_map.basis_of(undercut) == "inferred"
        note = f": {undercut.note}" if undercut.note else ""
        out.append(f'<line class="undercuts" x1="{x1:.1f}" y1="{y1:.1f}" x2="{mx:.1f}" y2="{my:.1f}" '
                   f'stroke="{style.color}" stroke-width="{style.width}"'
                   f'{_dash(style.inferred_dashes if inferred else style.dashes)} marker-end="url(#end-contradicts)">'
                   f"<title>{_attr(f'undercuts the support from {undercut.reason} to {undercut.conclusion}' + note)}"
                   "</title></line>")
    out.append("</g>")
    for box in boxes.values():
        out += _box(argument_map, box)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _header(argument_map: ArgumentMap, left: float, top: float) -> list[str]:
    """The map's title and a legend of what the lines and boxes mean."""
    x, y = left + MARGIN, top + MARGIN
    out = [f'<text x="{x:.0f}" y="{y + 20:.0f}" font-size="24" font-weight="bold" fill="#1d1d1d">'
           f"{_attr(argument_map.title)}</text>", '<g class="legend" font-size="13" fill="#1d1d1d">']
    legend_y = y + 52
    items = [("supports", EDGE_STYLES["supports"].dashes, "supports"),
             ("contradicts", EDGE_STYLES["contradicts"].dashes, "contradicts"),
             ("supports", EDGE_STYLES["supports"].inferred_dashes, "inferred by the mapper (dotted)")]
    for kind, dashes, words in items:
        style = EDGE_STYLES[kind]
        out.append(f'<line x1="{x:.0f}" y1="{legend_y - 4:.0f}" x2="{x + 40:.0f}" y2="{legend_y - 4:.0f}" '
                   f'stroke="{style.color}" stroke-width="{style.width}"{_dash(dashes)} '
                   f'marker-end="url(#end-{kind})"/>')
        out.append(f'<text x="{x + 50:.0f}" y="{legend_y:.0f}">{words}</text>')
        x += 60 + text_width(words)
    out.append(f'<rect x="{x:.0f}" y="{legend_y - 14:.0f}" width="24" height="16" rx="4" fill="{FOIL_FILL}" '
               f'stroke="{FOIL_BORDER}"{_dash(FOIL_DASHES)}/>')
    out.append(f'<text x="{x + 32:.0f}" y="{legend_y:.0f}">reported in order to be rejected</text>')
    out.append("</g>")
    return out


def _headings(argument_map: ArgumentMap, boxes: dict[str, _Box], top: float) -> list[str]:
    """Each perspective's label over the middle of its column."""
    out = ['<g class="headings" font-weight="bold" text-anchor="middle">']
    for perspective in argument_map.perspectives.values():
        xs = [b.x for b in boxes.values() if b.claim.perspective == perspective.id]
        if xs:
            out.append(f'<text class="heading" x="{(min(xs) + max(xs)) / 2:.0f}" y="{top + 130:.0f}" '
                       f'font-size="{HEADING_SIZE}" fill="{perspective.color}">{_attr(perspective.label)}</text>')
    out.append("</g>")
    return out


def _box(argument_map: ArgumentMap, box: _Box) -> list[str]:
    claim = box.claim
    color = argument_map.perspectives[claim.perspective].color
    fill, border, dashes = (tint(color), color, ()) if claim.asserted else (FOIL_FILL, FOIL_BORDER, FOIL_DASHES)
    thesis = claim.kind == "thesis"
    weight = ' font-weight="bold"' if thesis else ""
    x, y = box.x - BOX_WIDTH / 2, box.y - box.height / 2
    first = box.y - (len(box.lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
    tspans = "".join(f'<tspan x="{box.x:.0f}" y="{first + i * LINE_HEIGHT:.1f}">{_attr(line)}</tspan>'
                     for i, line in enumerate(box.lines))
    return [f'<g class="claim" data-id="{_attr(claim.id)}"><title>{_attr(claim.text)}</title>',
            f'<rect x="{x:.0f}" y="{y:.1f}" width="{BOX_WIDTH}" height="{box.height:.0f}" rx="6" fill="{fill}" '
            f'stroke="{border}" stroke-width="{4 if thesis else 1.5}"{_dash(dashes)}/>',
            f'<text font-size="{FONT_SIZE}" text-anchor="middle" fill="#1d1d1d"'
            f"{weight}>{tspans}</text></g>"]


FORMAT = Format("svg", ".svg", "papers, slides, any browser", write=write_svg)
