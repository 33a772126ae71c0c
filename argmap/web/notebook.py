"""The map inline in a notebook: the whole offline page in a sandboxed ``<iframe srcdoc>``.

The page keeps its own Content-Security-Policy inside the frame, and the
sandbox allows scripts but not the notebook's origin, so claim text can never
reach the notebook itself.
"""

from __future__ import annotations

import html

from ..model import ArgumentMap
from .render import render_html

#: The frame's height in CSS px: the comparison's first screen and part of the ledger.
FRAME_HEIGHT = 720


def notebook_html(argument_map: ArgumentMap, *, height: int = FRAME_HEIGHT, fallback: str = "") -> str:
    """The map as one ``<iframe>`` whose ``srcdoc`` is the offline page.

    ``fallback`` (HTML) is the frame's content, which a browser never shows,
    but a viewer that strips frames leaves in its place.

    >>> import argmap
    >>> frame = notebook_html(argmap.example_map())
    >>> frame.startswith('<iframe sandbox="allow-scripts"') and "&lt;!DOCTYPE html&gt;" in frame
    True
    """
    return (f'<iframe sandbox="allow-scripts" title="{html.escape(argument_map.title)}" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ccc" '
            f'srcdoc="{html.escape(render_html(argument_map), quote=True)}">{fallback}</iframe>')

