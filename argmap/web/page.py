"""The page's data: everything the map page shows, as JSON-ready columns.

Claims and relations travel as columns (one list per field, relations
pointing at claims by index), which is about half the size of one object per
claim and encodes three times faster; the page rebuilds the objects.
Positions come from :mod:`argmap.analysis.layout` and colours from
:mod:`argmap.style`, so physics stays off and the
first frame is drawn at once.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar

from ..analysis.compare import Clash, Comparison
from ..analysis.layout import side_by_side
from ..analysis.reading import ISSUE_WORDS, Reading, case_of, weighty_unanswered
from ..analysis.sides import Store
from ..model import CLAIM_KINDS, ArgumentMap, Claim, Source
from ..io.cache import DerivedCache
from ..io.structure import structure_digest
from ..profile import phase
from ..style import EDGE_STYLES, FOIL_BORDER, FOIL_DASHES, FOIL_FILL, FOIL_PREFIX, tint

T = TypeVar("T")

#: From this many claims on, the page draws for speed: dots, solid lines and
#: labels only when zoomed in (see map.js).
LARGE_MAP = 2000

#: The most rows of each list the comparison view carries; it shows them a page at a time.
COMPARISON_ROWS = 200


def page_data(argument_map: ArgumentMap, *, cache: DerivedCache | None = None) -> dict[str, object]:
    """Everything the page shows, as JSON-ready data.

    ``nodes`` and ``edges`` are columns: ``nodes["label"][i]`` is the text of
    claim ``nodes["id"][i]``, ``edges["from"][j]`` is the index of a claim,
    and ``nodes["source"][i]`` indexes ``sources``, so data that claims
    share is written once.

    >>> import argmap
    >>> data = page_data(argmap.example_map())
    >>> first = data["edges"]["from"][0], data["edges"]["to"][0]
    >>> [data["nodes"]["id"][i] for i in first]
    ['tea.gentle', 'tea.best']
    >>> data["sources"][data["nodes"]["source"][0]]
    {'title': 'On Tea', 'author': 'Ann', 'url': None}
    """
    digest = argument_map.view(structure_digest) if cache is not None else ""
    with phase("layout"):
        positions = _cached(cache, "layout", digest, lambda: side_by_side(argument_map),
                            lambda found: isinstance(found, dict) and found.keys() == argument_map.claims.keys())
    claims = list(argument_map.claims.values())
    sources, source_column = _number_sources(claims)
    claim_index = {claim.id: index for index, claim in enumerate(claims)}
    relations = list(argument_map.relations())
    return {
        "summary": argument_map.summary,
        "perspectives": [{"id": p.id, "label": p.label, "color": p.color, "fill": tint(p.color)}
                         for p in argument_map.perspectives.values()],
        "styles": {"edges": {kind: {"color": style.color, "width": style.width, "dashes": list(style.dashes) or False,
                                    "inferredDashes": list(style.inferred_dashes)}
                             for kind, style in EDGE_STYLES.items()},
                   "foil": {"fill": FOIL_FILL, "border": FOIL_BORDER, "dashes": list(FOIL_DASHES),
                            "prefix": FOIL_PREFIX}},
        "sources": [{"title": s.title, "author": s.author, "url": _web_url(s.url)} for s in sources],
        "kinds": [*CLAIM_KINDS, "claim"],
        "large": len(claims) > LARGE_MAP,
        "tags": sorted({tag for claim in claims for tag in claim.tags}),
        "engagement": _cached(cache, "engagement", digest,
                              lambda: [dataclasses.asdict(row) for row in Comparison(argument_map).engagement()],
                              lambda found: isinstance(found, list)),
        "comparison": _cached(cache, "comparison", digest, lambda: comparison_data(argument_map, claim_index, store=cache.bound(digest) if cache else None),
                              lambda found: isinstance(found, dict) and "clashes" in found),
        "nodes": {
            "id": list(claim_index),
            "label": [claim.text for claim in claims],
            "title": [claim.title for claim in claims],  # the page cuts a label from the text where this is null
            "asserted": [claim.asserted for claim in claims],
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
            "basis": [r.basis for r in relations],  # null: the default, inferred across perspectives
            "issue": [r.issue for r in relations],
        },
    }


def _cached(cache: DerivedCache | None, kind: str, digest: str, compute: Callable[[], T],
            valid: Callable[[Any], bool]) -> T:
    """``compute()``, or its result from ``cache`` under ``digest``."""
    if cache is None:
        return compute()
    found = cache.get(kind, digest)
    if found is not None and valid(found):
        return found  # type: ignore[no-any-return]
    result = compute()
    cache.put(kind, digest, result)
    return result


def comparison_data(argument_map: ArgumentMap, claim_index: dict[str, int], *,
                    store: Store | None = None) -> dict[str, object]:
    """The comparison view: each side's case, the clash ledger, agreements and open points.

    Claims are named by their index in the page's claim columns. Every phrase
    comes from :class:`argmap.analysis.reading.Reading`, as in the report.

    >>> import argmap
    >>> m = argmap.example_map()
    >>> data = comparison_data(m, {claim_id: i for i, claim_id in enumerate(m.claims)})
    >>> [row["mutual"] for row in data["clashes"]], data["clash_count"]
    ([False, False], 2)
    """
    reading = Reading(argument_map, store=store)  # the measures it takes are kept for argmap query
    ground = reading.common_ground
    order = list(argument_map.perspectives)

    def clash_row(clash: Clash) -> dict[str, object]:
        left, right = reading.in_map_order(clash.first, clash.second)
        relations = [reading.relation(e) for e in clash.edges]
        return {"left": claim_index[left], "right": claim_index[right], "mutual": clash.mutual,
                "issue": reading.issue(clash),
                "inferred": any(argument_map.basis_of(r) == "inferred" for r in relations),
                "note": next((e.note for e in clash.edges if e.note), None),
                "left_stake": reading.rests_on(left), "right_stake": reading.rests_on(right)}

    clashes = reading.ranked_clashes
    focus = reading.focus()
    cases = [case_of(reading, perspective) for perspective in order]
    return {
        "cases": [{"perspective": case.perspective,
                   "theses": [claim_index[c] for c in case.theses],
                   "reasons": [[claim_index[c], reading.weight(c) - 1] for c in case.reasons],
                   "comments": len(case.comments),
                   "apart": [[claim_index[c], reading.weight(c) - 1] for c in case.apart],
                   "foils": [claim_index[c] for c in case.foils]} for case in cases],
        "issue_words": {issue: words for issue, words in ISSUE_WORDS.items() if issue},  # as the report says them
        "clash_count": len(clashes),
        "mutual_count": sum(c.mutual for c in clashes),
        "focus": None if focus is None else claim_index[focus],
        "focus_opponents": len(reading.opponents[focus]) if focus else 0,
        "clashes": [clash_row(c) for c in clashes[:COMPARISON_ROWS]],
        "agreements": [[claim_index[a], claim_index[b], e.note]
                       for e in ground.agreements[:COMPARISON_ROWS] for a, b in [reading.in_map_order(e.source, e.target)]],
        "agreement_count": len(ground.agreements),
        "uses": [[claim_index[e.source], claim_index[e.target]] for e in ground.uses[:COMPARISON_ROWS]],
        "unanswered": [[claim_index[u.claim], reading.rests_on(u.claim)]
                       for u in weighty_unanswered(reading, per_side=3)],
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
