"""Which of a map's claims came from which claims file, named by the digest of the file's bytes.

Data derived from one claims file alone, such as the page's columns of its
claims, can then be kept under that digest: a rebuild after a one-file edit
derives it again for that file only. The loader remembers the parts when it
knows every file's digest (it does with the parse cache); a map built in
Python has none.

>>> import argmap
>>> argmap.example_map().view(file_parts) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import ArgumentMap


@dataclass(frozen=True)
class FilePart:
    """One claims file: the SHA-256 of its bytes, and how many of the map's claims, in order, it holds."""

    content: str
    claims: int


def file_parts(argument_map: ArgumentMap) -> tuple[FilePart, ...] | None:
    """The map's claims files in order; call it as ``argument_map.view(file_parts)``.

    ``None`` unless the loader remembered them, or if they no longer add up to the map's claims.
    """
    return None


def remember_file_parts(argument_map: ArgumentMap, parts: Sequence[FilePart]) -> None:
    """Record that the map's claims, in order, came from the files ``parts`` names."""
    if sum(part.claims for part in parts) == len(argument_map.claims):
        argument_map._views[file_parts] = tuple(parts)
