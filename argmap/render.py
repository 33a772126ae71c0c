"""Render a map as one self-contained, offline HTML file through pyvis.

pyvis 0.3.2 is used for what it does well (its bundled vis-network build and
its template hook) and bypassed where it is weak:

- nodes and edges are assigned as lists in one pass, not through ``add_node``
  and ``add_edge``, which scan lists and are quadratic;
- ``from_nx`` is never called, so the caller's graph is never mutated;
- pyvis's own template links Bootstrap and vis-network from CDNs and injects
  ``heading`` and titles as raw HTML, so an autoescaping template of our own
  replaces it, with vis-network inlined and every datum passed as JSON;
- positions come from :mod:`argmap.layout`, so physics stays off and the
  first frame is drawn at once.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from .bulk import gc_paused
from .compare import Comparison
from .files import write_atomically
from .layout import side_by_side
from .model import CLAIM_KINDS, ArgumentMap, Source
from .profile import phase

if TYPE_CHECKING:
    from pyvis.network import Network


class _NotebookOnly:
    """Stands in for IPython's IFrame, which pyvis needs only to show a notebook."""

    def __init__(self, *args: object, **kwargs: object):
        raise RuntimeError("argmap does not display maps in notebooks through pyvis")


def _pyvis_network() -> ModuleType:
    """Import ``pyvis.network`` without paying for IPython (0.4 s at start-up).

    pyvis imports ``IPython.display`` only for ``Network.show(notebook=True)``,
    which argmap never calls. Unless IPython is already loaded, a stand-in
    serves that one import and is removed at once, so a later ``import IPython``
    still gets the real package.
    """
    if "pyvis.network" in sys.modules or "IPython.display" in sys.modules:
        import pyvis.network

        return pyvis.network
    display = ModuleType("IPython.display")
    display.IFrame = _NotebookOnly  # type: ignore[attr-defined]
    package = ModuleType("IPython")
    package.display = display  # type: ignore[attr-defined]
    stand_ins = {"IPython": package, "IPython.display": display}
    sys.modules.update(stand_ins)
    try:
        import pyvis.network
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return pyvis.network


def _vis_js_path() -> Path:
    return Path(_pyvis_network().__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"


def tint(color: str, amount: float = 0.8) -> str:
    """Mix a ``#rgb``/``#rrggbb`` colour with white, for readable node fills.

    >>> tint("#000000", 0.5)
    '#808080'
    """
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def network_for(argument_map: ArgumentMap) -> Network:
    """A pyvis ``Network`` holding the map's nodes, edges and positions.

    Nodes carry the claim's fields, and an index into the page's list of
    sources, so that shared data is written once, not once per claim.
    """
    with phase("layout"):
        positions = side_by_side(argument_map)
    source_index = {source: index for index, source in enumerate(_sources(argument_map))}
    network = _pyvis_network().Network(directed=True)
    network.nodes = [
        {
            "id": claim.id,
            "label": claim.text,
            "group": claim.perspective,
            "kind": claim.kind or "claim",
            "tags": list(claim.tags),
            "quote": claim.quote,
            "note": claim.note,
            "source": source_index.get(claim.source) if claim.source is not None else None,
            "x": positions[claim.id][0],
            "y": positions[claim.id][1],
        }
        for claim in argument_map.claims.values()
    ]
    network.node_ids = [node["id"] for node in network.nodes]
    perspective_of = {claim.id: claim.perspective for claim in argument_map.claims.values()}
    network.edges = [
        {"from": r.source, "to": r.target, "kind": r.kind, "note": r.note,
         "cross": perspective_of[r.source] != perspective_of[r.target]}
        for r in argument_map.relations()
    ]
    return network


def _sources(argument_map: ArgumentMap) -> list[Source]:
    return list(dict.fromkeys(c.source for c in argument_map.claims.values() if c.source is not None))


def page_data(argument_map: ArgumentMap) -> dict[str, object]:
    """Everything the page needs besides nodes and edges, as JSON-ready data."""
    return {
        "perspectives": [{"id": p.id, "label": p.label, "color": p.color, "fill": tint(p.color)}
                         for p in argument_map.perspectives.values()],
        "sources": [{"title": s.title, "author": s.author, "url": _web_url(s.url)} for s in _sources(argument_map)],
        "kinds": [*CLAIM_KINDS, "claim"],
        "tags": sorted({tag for claim in argument_map.claims.values() for tag in claim.tags}),
        "engagement": [dataclasses.asdict(row) for row in Comparison(argument_map).engagement()],
    }


def _web_url(url: str | None) -> str | None:
    """Only http(s) links reach the page: a javascript: URL must never become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("argmap", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return environment


def render_html(argument_map: ArgumentMap, *, live_reload: dict[str, str] | None = None) -> str:
    """The whole map as one HTML document that needs no network.

    ``live_reload`` (used by ``argmap watch``) is ``{"url": ..., "version":
    ...}``: a version file, relative to the page, that the page polls when
    served over HTTP, and this build's version; the page reloads when the file
    says otherwise. Only then does the page's policy allow same-origin requests.

    >>> import argmap
    >>> html = render_html(argmap.load("claims"))
    >>> html.startswith("<!DOCTYPE html>") and "cdn" not in html.lower()
    True
    """
    with gc_paused():
        network = network_for(argument_map)
        with phase("render HTML"):
            return _render(argument_map, network, live_reload)


def _render(argument_map: ArgumentMap, network: Network, live_reload: dict[str, str] | None) -> str:
    network.path = "map.html.j2"
    network.templateEnv = _environment()
    data = page_data(argument_map)
    data["live"] = live_reload
    network.templateEnv.globals.update(page_title=argument_map.title, description=argument_map.description,
                                       perspectives=data["perspectives"], page=data)
    scripts = {"vis_js": _vis_network_js(), "app_js": _template_text("map.js")}
    network.templateEnv.globals.update(scripts, script_hashes=" ".join(map(_csp_hash, scripts.values())))
    return network.generate_html()


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _template_text(name: str) -> Markup:
    return Markup((Path(__file__).parent / "templates" / name).read_text(encoding="utf-8"))


def _vis_network_js() -> Markup:
    source = _vis_js_path().read_text(encoding="utf-8")
    # An inline script ends at the first "</script"; make sure the library has none.
    source = source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return Markup(source)


def write_html(argument_map: ArgumentMap, path: str | os.PathLike[str] = "output/map.html") -> Path:
    """Render the map and write it atomically to ``path``; return the path.

    >>> import argmap, tempfile, pathlib
    >>> out = write_html(argmap.load("claims"), pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> out.stat().st_size > 100_000
    True
    """
    html = render_html(argument_map)
    with phase("write"):
        return write_atomically(path, html)

