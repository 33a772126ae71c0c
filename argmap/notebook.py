"""The map in a notebook, as a MIME bundle: the interactive page where scripts run, a picture and text elsewhere.

A notebook viewer picks one representation from the bundle. Jupyter and VS
Code run the page (``text/html``: a sandboxed frame). A viewer that strips
frames and scripts, as GitHub's does, falls back on the frame's own text,
and one that drops HTML it cannot trust on the SVG picture
(``image/svg+xml``) or the short comparison (``text/markdown``).
nbconvert's ``--sanitize-html`` escapes any HTML it is given into text, so
for a notebook published that way display ``show(m, view="static")``,
which has no HTML at all. ``show(m, view="comparison")`` is the comparison
alone.

>>> import argmap
>>> sorted(mime_bundle(argmap.example_map()))
['image/svg+xml', 'text/html', 'text/markdown', 'text/plain']
>>> sorted(show(argmap.example_map(), view="comparison")._repr_mimebundle_())
['text/markdown', 'text/plain']
"""

from __future__ import annotations

import html
from typing import Any

from .formats.svg import write_svg
from .model import ArgumentMap
from .report import in_short, md
from .web.notebook import FRAME_HEIGHT, notebook_html

#: What :func:`show` can show: everything, no HTML, the comparison's text, the picture.
VIEWS = ("all", "static", "comparison", "picture")
#: The largest map drawn as an SVG picture in the bundle: a larger picture is more than a notebook shows.
PICTURE_LIMIT = 2000


def comparison_markdown(argument_map: ArgumentMap) -> str:
    """The comparison in a few lines of Markdown: the title, the summary and the report's "In short".

    >>> import argmap
    >>> print(comparison_markdown(argmap.example_map()).splitlines()[0])
    ## Tea or coffee?
    """
    out = [f"## {md(argument_map.title)}", ""]
    if argument_map.summary or argument_map.description:
        out += [md(argument_map.summary or argument_map.description), ""]
    short = in_short(argument_map)
    return "\n".join(out + ["**In short**", *short[2:]]).rstrip() + "\n"


def mime_bundle(argument_map: ArgumentMap, *, view: str = "all", height: int = FRAME_HEIGHT) -> dict[str, str]:
    """The representations of ``argument_map`` a notebook may choose from, by MIME type, for ``view``."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    bundle = {"text/plain": repr(argument_map)}
    if view in ("all", "static", "comparison"):
        bundle["text/markdown"] = comparison_markdown(argument_map)
    if view in ("all", "static", "picture") and len(argument_map.claims) <= PICTURE_LIMIT:
        bundle["image/svg+xml"] = write_svg(argument_map)
    if view == "all":
        bundle["text/html"] = notebook_html(argument_map, height=height, fallback=_fallback(argument_map))
    return bundle


def _fallback(argument_map: ArgumentMap) -> str:
    """What a viewer that strips the frame shows in its place: plain HTML, no script."""
    return (f"<p><strong>{html.escape(argument_map.title)}</strong>: {html.escape(repr(argument_map))}. "
            "This viewer does not run the interactive map; in a notebook, "
            "<code>argmap.notebook.show(m, view=\"static\")</code> shows its picture and text.</p>")


class Shown:
    """A map as :func:`show` displays it."""

    def __init__(self, argument_map: ArgumentMap, view: str, height: int):
        self.map, self.view, self.height = argument_map, view, height

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return mime_bundle(self.map, view=self.view, height=self.height)

    def __repr__(self) -> str:
        return repr(self.map)


def show(argument_map: ArgumentMap, view: str = "all", *, height: int = FRAME_HEIGHT) -> Shown:
    """Display ``argument_map`` in a notebook as ``view`` (one of :data:`VIEWS`); the last line of a cell shows it.

    >>> import argmap
    >>> show(argmap.example_map(), view="everything")
    Traceback (most recent call last):
    ...
    ValueError: view must be one of all, static, comparison, picture, not 'everything'
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    return Shown(argument_map, view, height)


def install() -> None:
    """Give :class:`~argmap.model.ArgumentMap` its notebook display: the whole bundle, and the frame alone."""
    ArgumentMap._repr_mimebundle_ = lambda self, include=None, exclude=None: mime_bundle(self)  # type: ignore
    ArgumentMap._repr_html_ = notebook_html  # type: ignore[attr-defined]
