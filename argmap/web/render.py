"""Render a map as one self-contained, offline HTML file; this is the build orchestrator.

The page draws the map with vis-network, the build that ships inside pyvis
0.3.2, inlined. pyvis's own ``Network`` is not used to hold the map: it keeps
one dict per node and per edge and its template links Bootstrap and
vis-network from CDNs and injects titles as raw HTML. Instead an autoescaping
template of our own passes every datum (:mod:`argmap.web.page`) as JSON.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import os
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..errors import MissingDependency
from ..io.cache import DerivedCache
from ..io.files import write_atomically
from ..model import ArgumentMap
from ..profile import gc_paused, phase
from .page import dumps, page_data

TEMPLATES = Path(__file__).parent / "templates"
SCRIPTS = Path(__file__).parent / "scripts"
#: The page's script modules, in the order they are joined: each may use those before it.
SCRIPT_MODULES = ("data", "walks", "viewstate", "search", "dom", "panels", "map", "app")


def _vis_js_path() -> Path:
    """vis-network as bundled in pyvis, found without importing pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency("pyvis", "argmap draws maps with the vis-network that pyvis bundles: "
                                         "pip install pyvis==0.3.2")
    return Path(next(iter(spec.submodule_search_locations))) / "lib" / "vis-9.1.2" / "vis-network.min.js"


@functools.cache  # one environment, so `argmap watch` compiles the template once
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.policies["json.dumps_kwargs"] = {"ensure_ascii": False}  # dicts are built in a fixed order
    environment.policies["json.dumps_function"] = dumps  # the columns come encoded, file by file
    return environment


def render_html(argument_map: ArgumentMap, *, live_reload: dict[str, str] | None = None,
                cache: bool = False) -> str:
    """The whole map as one HTML document that needs no network.

    ``live_reload`` (used by ``argmap watch``) is ``{"url": ..., "version":
    ...}``: a version file, relative to the page, that the page polls when
    served over HTTP, and this build's version; the page reloads when the file
    says otherwise. Only then does the page's policy allow same-origin requests.
    With ``cache``, the layout and the comparison come from the user's cache
    when the map's structure is as it was, and each claims file's columns
    while the file is as it was (see
    :class:`~argmap.io.cache.DerivedCache`); the page is byte-identical.

    >>> import argmap
    >>> html = render_html(argmap.example_map())
    >>> html.startswith("<!DOCTYPE html>") and "cdn" not in html.lower()
    True
    """
    with gc_paused(), phase("render HTML"):  # the layout inside it is timed on its own
        data = page_data(argument_map, cache=DerivedCache() if cache else None, encoded=True)
        data["live"] = live_reload
        scripts = {"vis_js": _vis_network_js(), "app_js": _page_script()}
        template = _environment().get_template("map.html.j2")
        return template.render(page_title=argument_map.title, description=argument_map.description,
                               summary=argument_map.summary,
                               perspectives=data["perspectives"], page=data, **scripts,
                               script_hashes=" ".join(map(_csp_hash, scripts.values())))


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def _page_script() -> Markup:
    """The page's modules joined into one script, run under the page's policy by its hash.

    Each module becomes a function of ``(exports, modules)``, as
    ``tests/js/modules.cjs`` loads it under node, so none shares a scope with another.
    """
    parts = []
    for name in SCRIPT_MODULES:
        source = (SCRIPTS / f"{name}.js").read_text(encoding="utf-8")
        parts.append(f"(function (exports, modules) {{\n\"use strict\";\n{source}}})(modules.{name} = {{}}, modules);\n")
    return Markup("(function () {\n\"use strict\";\nconst modules = {};\n" + "".join(parts) + "})();\n")


@functools.cache
def _vis_network_js() -> Markup:
    source = _vis_js_path().read_text(encoding="utf-8")
    # An inline script ends at the first "</script"; make sure the library has none.
    source = source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return Markup(source)


def write_html(argument_map: ArgumentMap, path: str | os.PathLike[str] = "output/map.html", *,
               cache: bool = False) -> Path:
    """Render the map and write it atomically to ``path``; return the path.

    >>> import argmap, tempfile, pathlib
    >>> out = write_html(argmap.example_map(), pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> out.stat().st_size > 100_000
    True
    """
    html = render_html(argument_map, cache=cache)
    with phase("write"):
        return write_atomically(path, html)

