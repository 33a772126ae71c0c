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
import json
from collections.abc import Mapping, Sequence
from typing import Any, Callable, TypeVar

from ..analysis.compare import Clash, Comparison
from ..analysis.layout import side_by_side
from ..analysis.questions import QuestionView
from ..analysis.reading import ISSUE_WORDS, NOT_ENGAGED_PER_SIDE, Reading, case_of, weighty_unanswered
from ..analysis.sides import Store
from ..model import CLAIM_KINDS, ArgumentMap, Claim, Source
from ..io.cache import DERIVED_KEEP, DerivedCache
from ..io.parts import FilePart, file_parts
from ..io.structure import structure_digest
from ..profile import phase
from ..style import EDGE_STYLES, FOIL_BORDER, FOIL_DASHES, FOIL_FILL, FOIL_PREFIX, tint

T = TypeVar("T")

#: From this many claims on, the page draws for speed: dots, solid lines and
#: labels only when zoomed in (see map.js).
LARGE_MAP = 2000

#: The most rows of each list the comparison view carries; it shows them a page at a time.
COMPARISON_ROWS = 200


Shape = Mapping[str, tuple[str, ...]]

#: The columns that a claims file alone decides: of its claims (``nodes``) and of their relations (``edges``).
FILE_COLUMNS: Shape = {"nodes": ("id", "label", "title", "asserted", "group", "kind", "tags", "quote", "note"),
                       "edges": ("kind", "note", "basis", "issue", "mutual")}
#: The columns that the map's structure decides: the claims' places, and the claims each relation joins.
PLACED_COLUMNS: Shape = {"nodes": ("x", "y"), "edges": ("from", "to")}

Columns = dict[str, dict[str, Any]]


class Encoded(str):
    """A value already written as JSON: :func:`dumps` copies it into the page as it is."""


def page_data(argument_map: ArgumentMap, *, cache: DerivedCache | None = None,
              encoded: bool = False) -> dict[str, object]:
    """Everything the page shows, as JSON-ready data.

    ``nodes`` and ``edges`` are columns: ``nodes["label"][i]`` is the text of
    claim ``nodes["id"][i]``, ``edges["from"][j]`` is the index of a claim,
    and ``nodes["source"][i]`` indexes ``sources``, so data that claims
    share is written once.

    With ``encoded``, the columns of :data:`FILE_COLUMNS` and
    :data:`PLACED_COLUMNS` come as :class:`Encoded` JSON, for :func:`dumps`.
    With a ``cache`` too, they come from it: a claims file's own columns
    while its bytes are unchanged, the placed ones (and the comparison) while
    the map's structure is. A rebuild after a one-file edit then encodes one
    file's columns, not the map's.

    >>> import argmap
    >>> data = page_data(argmap.example_map())
    >>> first = data["edges"]["from"][0], data["edges"]["to"][0]
    >>> [data["nodes"]["id"][i] for i in first]
    ['tea.gentle', 'tea.best']
    >>> data["sources"][data["nodes"]["source"][0]]
    {'title': 'On Tea', 'author': 'Ann', 'url': None}
    >>> json.loads(dumps(page_data(argmap.example_map(), encoded=True))) == json.loads(json.dumps(data))
    True
    """
    digest = argument_map.view(structure_digest) if cache is not None else ""
    claims = list(argument_map.claims.values())
    sources, source_column = _number_sources(claims)
    claim_index = {claim.id: index for index, claim in enumerate(claims)}
    if encoded:
        own = _encoded_file_columns(argument_map, claims, cache)
        placed = _joined([_cached(cache, "placed", digest,
                                  lambda: _pieces(_placed_columns(argument_map, claims, claim_index)),
                                  lambda found: _has_shape(found, PLACED_COLUMNS))], PLACED_COLUMNS)
    else:
        own, placed = _file_columns(claims), _placed_columns(argument_map, claims, claim_index)
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
                              lambda found: isinstance(found, dict) and "questions" in found),
        "nodes": {**own["nodes"], "source": source_column, **placed["nodes"]},
        "edges": {**placed["edges"], **own["edges"]},
        # [undercutter, reason, conclusion, note, inferred]: the page draws each to the middle of its support
        "undercuts": [[claim_index[u.source], claim_index[u.reason], claim_index[u.conclusion], u.note,
                       argument_map.basis_of(u) == "inferred"] for u in argument_map.undercuts()],
        # [claim, question, position]: what the details panel says a claim answers
        "answers": [[claim_index[claim.id], argument_map.questions[a.question].text, a.position]
                    for claim in claims for a in claim.answers],
    }


def _file_columns(claims: Sequence[Claim]) -> Columns:
    """The columns of :data:`FILE_COLUMNS` for these claims and their relations."""
    relations = [relation for claim in claims for relation in claim.relations]
    return {
        "nodes": {
            "id": [claim.id for claim in claims],
            "label": [claim.text for claim in claims],
            "title": [claim.title for claim in claims],  # the page cuts a label from the text where this is null
            "asserted": [claim.asserted for claim in claims],
            "group": [claim.perspective for claim in claims],
            "kind": [claim.kind or "claim" for claim in claims],
            "tags": [claim.tags for claim in claims],
            "quote": [claim.quote for claim in claims],
            "note": [claim.note for claim in claims],
        },
        "edges": {
            "kind": [r.kind for r in relations],
            "note": [r.note for r in relations],
            "basis": [r.basis for r in relations],  # null: the default, inferred across perspectives
            "issue": [r.issue for r in relations],
            "mutual": [r.mutual or None for r in relations],  # null unless mutual: most of a large page's edges
        },
    }


def _placed_columns(argument_map: ArgumentMap, claims: list[Claim], claim_index: dict[str, int]) -> Columns:
    """The columns of :data:`PLACED_COLUMNS`: positions from :mod:`argmap.analysis.layout`, relations by index."""
    with phase("layout"):
        positions = side_by_side(argument_map)
    relations = list(argument_map.relations())
    return {
        "nodes": {"x": [positions[claim.id][0] for claim in claims], "y": [positions[claim.id][1] for claim in claims]},
        "edges": {"from": [claim_index[r.source] for r in relations], "to": [claim_index[r.target] for r in relations]},
    }


def _encoded_file_columns(argument_map: ArgumentMap, claims: list[Claim], cache: DerivedCache | None) -> Columns:
    """:func:`_file_columns` as :class:`Encoded` JSON, each file's from ``cache`` while its bytes are unchanged."""
    parts = argument_map.view(file_parts) if cache is not None else None
    spans = parts if parts is not None else (FilePart("", len(claims)),)
    pieces: list[Columns] = []
    start = 0
    for part in spans:
        found: Any = cache.get("columns", part.content) if cache is not None and part.content else None
        if not _has_shape(found, FILE_COLUMNS):
            found = _pieces(_file_columns(claims[start:start + part.claims]))
            if cache is not None and part.content:
                cache.put("columns", part.content, found, keep=DERIVED_KEEP + 2 * len(spans))
        pieces.append(found)
        start += part.claims
    return _joined(pieces, FILE_COLUMNS)


def _pieces(columns: Columns) -> Columns:
    """Each column as ``json.dumps`` writes it, without its brackets: a piece of the page's column."""
    return {group: {name: json.dumps(values, ensure_ascii=False)[1:-1] for name, values in named.items()}
            for group, named in columns.items()}


def _joined(pieces: list[Columns], shape: Shape) -> Columns:
    """Whole columns from their pieces, in order; an empty piece (a file without relations) adds nothing.

    The result is byte for byte what ``json.dumps`` makes of the joined lists.

    >>> _joined([{"edges": {"to": "1, 2"}}, {"edges": {"to": ""}}, {"edges": {"to": "3"}}], {"edges": ("to",)})
    {'edges': {'to': '[1, 2, 3]'}}
    """
    return {group: {name: Encoded("[" + ", ".join(p[group][name] for p in pieces if p[group][name]) + "]")
                    for name in names}
            for group, names in shape.items()}


def _has_shape(found: Any, shape: Shape) -> bool:
    """Whether a cached value is pieces of the columns ``shape`` names."""
    return isinstance(found, dict) and found.keys() == shape.keys() and all(
        isinstance(found[group], dict) and found[group].keys() == set(names)
        and all(isinstance(piece, str) for piece in found[group].values())
        for group, names in shape.items())


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps(value, **options)``, with each :class:`Encoded` value inside dicts copied in as it is.

    The page's template writes its data with this (without ``indent`` or
    ``separators``, whose defaults it follows).

    >>> dumps({"nodes": {"id": Encoded('["a", "b"]'), "x": [0.5, 1]}, "large": False})
    '{"nodes": {"id": ["a", "b"], "x": [0.5, 1]}, "large": false}'
    """
    if isinstance(value, Encoded):
        return str(value)
    if isinstance(value, dict) and _holds_encoded(value):
        return "{" + ", ".join(f"{json.dumps(key, **options)}: {dumps(item, **options)}"
                               for key, item in value.items()) + "}"
    return json.dumps(value, **options)


def _holds_encoded(value: dict[Any, Any]) -> bool:
    return any(isinstance(item, Encoded) or (isinstance(item, dict) and _holds_encoded(item))
               for item in value.values())


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
        question = reading.question_of(clash)
        return {"left": claim_index[left], "right": claim_index[right], "mutual": clash.mutual,
                "undercut": all(e.kind == "undercuts" for e in clash.edges),
                "question": argument_map.questions[question].text if question else None,
                "issue": reading.issue(clash),
                "inferred": any(argument_map.basis_of(r) == "inferred" for r in relations),
                "note": next((e.note for e in clash.edges if e.note), None),
                "left_stake": reading.rests_on(left), "right_stake": reading.rests_on(right)}

    clashes = reading.ranked_clashes
    focus = reading.focus()
    cases = [case_of(reading, perspective) for perspective in order]

    notes: dict[str, str] = {}
    for e in ground.agreements:
        if e.note:
            notes.setdefault(reading.in_map_order(e.source, e.target)[1], e.note)

    def question_row(view: QuestionView) -> dict[str, object]:
        return {"text": view.text, "issue": view.issue, "note": view.note, "double_crux": view.double_crux,
                "answers": [{"perspective": a.perspective, "positions": list(a.positions),
                             "claims": [claim_index[c] for c in a.claims], "rests": reading.answer_rests(a)}
                            for a in view.answers]}
    return {
        "cases": [{"perspective": case.perspective,
                   "theses": [claim_index[c] for c in case.theses], "objections": case.objections,
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
        "questions": [question_row(q) for q in reading.contested_questions[:COMPARISON_ROWS]],
        "agreed_questions": [question_row(q) for q in reading.agreed_questions[:COMPARISON_ROWS]],
        "one_sided_questions": [[q.answers[0].perspective, q.text] for q in reading.one_sided_questions],
        # one row per claim of the later perspective, with every claim of the earlier one it pairs with, as in the report
        "agreements": [[[claim_index[c] for c in lefts], claim_index[right], notes.get(right)]
                       for right, lefts in reading.agreement_rows[:COMPARISON_ROWS]],
        "agreement_count": len(reading.agreement_rows),  # as the report counts them: one row per pair of claims
        "uses": [[claim_index[e.source], claim_index[e.target]] for e in ground.uses[:COMPARISON_ROWS]],
        "unanswered": [[claim_index[u.claim], reading.rests_on(u.claim)]
                       for u in weighty_unanswered(reading, per_side=NOT_ENGAGED_PER_SIDE)],
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
