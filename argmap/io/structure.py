"""A digest of a map's structure: everything its layout and its comparison read, not its words.

Ids, perspectives, kinds, whether claims are asserted, tags, and relations
with their notes, bases and issues; never texts, titles, quotes or sources.
A rebuild after an edit to a claim's words gets the same digest, so it reuses
the layout and the comparison from :class:`~argmap.io.cache.DerivedCache`.

The loader knows it cheaply: each claims file's part is computed once, when
the file is parsed, and kept in the parse cache with it, so a rebuild after
a one-file edit hashes one file, not the whole map (:func:`remember_structure`).

>>> import argmap, dataclasses
>>> m = argmap.example_map()
>>> reworded = dataclasses.replace(m, claims={**m.claims, "tea.best": dataclasses.replace(
...     m.claims["tea.best"], text="Tea is simply the better morning drink.")})
>>> structure_digest(m) == structure_digest(reworded)
True
>>> retyped = dataclasses.replace(m, claims={**m.claims, "tea.best": dataclasses.replace(
...     m.claims["tea.best"], kind="premise")})
>>> structure_digest(m) == structure_digest(retyped)
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from ..model import ArgumentMap, Claim, Perspective, Question


def _sha256(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def claims_structure(claims: Iterable[Claim]) -> str:
    """The digest of these claims' structural fields, in their order."""
    return _sha256([(c.id, c.perspective, c.kind, c.asserted, c.tags,
                     [(r.kind, r.target, r.note, r.basis, r.issue, r.mutual) for r in c.relations],
                     [(u.reason, u.conclusion, u.note, u.basis, u.issue) for u in c.undercuts],
                     [(a.question, a.position) for a in c.answers]) for c in claims])


def combined_structure(perspectives: dict[str, Perspective], parts: Sequence[str],
                       questions: Iterable[Question] = ()) -> str:
    """The map's digest from its perspectives, its questions and the digests of its claims, part by part."""
    return _sha256([[(p.id, p.label) for p in perspectives.values()], list(parts),
                    [(q.id, q.text, q.issue, q.positions) for q in questions]])


def structure_digest(argument_map: ArgumentMap) -> str:
    """The map's structure digest; call it as ``argument_map.view(structure_digest)``.

    Computed here from every claim, as one part, unless the loader has
    remembered it from the files' parts. Either is a faithful key: the same
    structure split into other files gets another digest, and only a
    cache miss follows.
    """
    return combined_structure(argument_map.perspectives, [claims_structure(argument_map.claims.values())],
                              argument_map.questions.values())


def remember_structure(argument_map: ArgumentMap, parts: Sequence[str]) -> None:
    """Record the digest of a map assembled from claims files whose parts are ``parts``, in file order."""
    argument_map._views[structure_digest] = combined_structure(argument_map.perspectives, parts,
                                                               argument_map.questions.values())
