"""Render a map as one self-contained, offline HTML file.

The page draws the map with vis-network, the build that ships inside pyvis
0.3.2, inlined. pyvis's own ``Network`` is not used to hold the map: it keeps
one dict per node and per edge and its template links Bootstrap and
vis-network from CDNs and injects titles as raw HTML. Instead:

- an autoescaping template of our own passes every datum as JSON;
- claims and relations travel as columns (one list per field, relations
  pointing at claims by index), which is about half the size of one object
  per claim and encodes three times faster; the page rebuilds the objects;
- positions come from :mod:`argmap.layout`, so physics stays off and the
  first frame is drawn at once.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import importlib.util
import os
from pathlib import Path

import jinja2
from markupsafe import Markup

from .bulk import gc_paused
from .compare import Comparison
from .files import write_atomically
from .layout import side_by_side
from .model import CLAIM_KINDS, ArgumentMap, Claim, Source
from .profile import phase

#: From this many claims on, the page draws for speed: dots, solid lines and
#: labels only when zoomed in (see map.js).
LARGE_MAP = 2000


def _vis_js_path() -> Path:
    """vis-network as bundled in pyvis, found without importing pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; argmap needs its bundled vis-network")
    return Path(next(iter(spec.submodule_search_locations))) / "lib" / "vis-9.1.2" / "vis-network.min.js"


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


def page_data(argument_map: ArgumentMap) -> dict[str, object]:
    """Everything the page shows, as JSON-ready data.

    ``nodes`` and ``edges`` are columns: ``nodes["label"][i]`` is the text of
    claim ``nodes["id"][i]``, ``edges["from"][j]`` is the index of a claim,
    and ``nodes["source"][i]`` indexes ``sources``, so data that claims
    share is written once.

    >>> import argmap
    >>> data = page_data(argmap.load("claims"))
    >>> first = data["edges"]["from"][0], data["edges"]["to"][0]
    >>> [data["nodes"]["id"][i] for i in first]
    ['svc.relationship-harmful', 'rel.relationship-required']
    """
    with phase("layout"):
        positions = side_by_side(argument_map)
    claims = list(argument_map.claims.values())
    sources, source_column = _number_sources(claims)
    claim_index = {claim.id: index for index, claim in enumerate(claims)}
    relations = list(argument_map.relations())
    return {
        "perspectives": [{"id": p.id, "label": p.label, "color": p.color, "fill": tint(p.color)}
                         for p in argument_map.perspectives.values()],
        "sources": [{"title": s.title, "author": s.author, "url": _web_url(s.url)} for s in sources],
        "kinds": [*CLAIM_KINDS, "claim"],
        "large": len(claims) > LARGE_MAP,
        "tags": sorted({tag for claim in claims for tag in claim.tags}),
        "engagement": [dataclasses.asdict(row) for row in Comparison(argument_map).engagement()],
        "nodes": {
            "id": list(claim_index),
            "label": [claim.text for claim in claims],
            "group": [claim.perspective for claim in claims],
            "kind": [claim.kind or "claim" for claim in claims],
            "tags": [claim.tags for claim in claims],
            "quote": [claim.quote for claim in claims],
            "note": [claim.note for claim in claims],
            "source": source_column,
            "x": [positions[claim.id][0] for claim in claims],
            "y": [positions[claim.id][1] for claim in claims],
        },
        "edges": {
            "from": [claim_index[r.source] for r in relations],
            "to": [claim_index[r.target] for r in relations],
            "kind": [r.kind for r in relations],
            "note": [r.note for r in relations],
        },
    }


def _number_sources(claims: list[Claim]) -> tuple[list[Source], list[int | None]]:
    """The distinct sources, and for each claim the index of its source.

    The claims of one file share one ``Source`` object, so it is looked up by
    identity first: hashing a dataclass for each of 20,000 claims cost more
    than the rest of this function.
    """
    numbers: dict[Source, int] = {}
    number_of_object: dict[int, int] = {}
    column: list[int | None] = []
    for claim in claims:
        source = claim.source
        if source is None:
            column.append(None)
            continue
        number = number_of_object.get(id(source))
        if number is None:
            number = number_of_object[id(source)] = numbers.setdefault(source, len(numbers))
        column.append(number)
    return list(numbers), column


def _web_url(url: str | None) -> str | None:
    """Only http(s) links reach the page: a javascript: URL must never become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@functools.cache  # one environment, so `argmap watch` compiles the template once
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("argmap", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.policies["json.dumps_kwargs"] = {"ensure_ascii": False}  # dicts are built in a fixed order
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
    with gc_paused(), phase("render HTML"):  # the layout inside it is timed on its own
        data = page_data(argument_map)
        data["live"] = live_reload
        scripts = {"vis_js": _vis_network_js(), "app_js": _template_text("map.js")}
        template = _environment().get_template("map.html.j2")
        return template.render(page_title=argument_map.title, description=argument_map.description,
                               perspectives=data["perspectives"], page=data, **scripts,
                               script_hashes=" ".join(map(_csp_hash, scripts.values())))


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _template_text(name: str) -> Markup:
    return Markup((Path(__file__).parent / "templates" / name).read_text(encoding="utf-8"))


@functools.cache
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

