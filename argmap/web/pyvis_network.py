"""The map as a pyvis ``Network``, for pyvis users who want to restyle it themselves.

The network has argmap's layout (positions fixed, physics off), each claim's
title as its label and full text as its tooltip, perspective colours, and the
page's edge colours and dashes (:mod:`argmap.style`). argmap's own page
(:func:`argmap.render_html`) adds the comparison view and the reading aids;
this is the bare graph. (pyvis's own HTML template links Bootstrap from a
CDN when it renders; argmap's page needs no network.)

>>> import argmap
>>> network = to_pyvis(argmap.example_map())
>>> len(network.nodes), len(network.edges), network.nodes[0]["label"], network.nodes[0]["color"]["border"]
(8, 8, 'Tea is the better morning drink.', '#2a9d8f')
"""

from __future__ import annotations

from typing import Any

from ..analysis.layout import side_by_side
from ..model import ArgumentMap
from ..style import EDGE_STYLES, FOIL_BORDER, FOIL_FILL, FOIL_PREFIX, tint


def to_pyvis(argument_map: ArgumentMap, **network_options: Any) -> Any:
    """A ``pyvis.network.Network`` of the map; ``network_options`` go to ``Network(...)``."""
    from pyvis.network import Network

    options = {"directed": True, "height": "750px", "width": "100%", "cdn_resources": "in_line", **network_options}
    network = Network(**options)
    network.toggle_physics(False)
    positions = side_by_side(argument_map)
    for claim in argument_map.claims.values():
        color = argument_map.perspectives[claim.perspective].color
        x, y = positions[claim.id]
        look = ({"background": tint(color), "border": color} if claim.asserted
                else {"background": FOIL_FILL, "border": FOIL_BORDER})
        network.add_node(claim.id, label=(FOIL_PREFIX if not claim.asserted else "") + claim.label, title=claim.text,
                         x=x, y=y, color=look, shape="box", group=claim.perspective,
                         borderWidth=4 if claim.kind == "thesis" else 1)
        network.node_map[claim.id]["color"] = look  # pyvis 0.3.2 drops a node's color when it has a group
    for relation in argument_map.relations():
        style = EDGE_STYLES[relation.kind]
        inferred = argument_map.basis_of(relation) == "inferred"
        dashes = list(style.inferred_dashes if inferred else style.dashes) or False
        network.add_edge(relation.source, relation.target, color=style.color, width=style.width, dashes=dashes,
                         title=relation.kind + (" (inferred)" if inferred else "")
                         + (f": {relation.note}" if relation.note else ""))
    return network
