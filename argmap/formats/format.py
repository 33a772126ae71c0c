"""What the registry knows of one outside format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..errors import LossyExport
from ..model import ArgumentMap

__all__ = ["Format", "LossyExport"]

if TYPE_CHECKING:
    from .imported import Imported


@dataclass(frozen=True)
class Format:
    """One outside format: its name, file suffix, and its writer and reader where it has them.

    ``write`` turns a map into the format's text (or bytes, for a picture); ``read`` turns a file (or,
    for some formats, a folder) into an :class:`~argmap.formats.imported.Imported`
    map ready to write as claim YAML.
    """

    name: str
    suffix: str
    #: who uses it, for ``--help``: "Gephi, yEd"
    used_by: str
    write: Callable[[ArgumentMap], str | bytes] | None = None
    read: Callable[..., Imported] | None = None  # (path, **options) -> Imported
    #: whether ``write`` gives bytes (a picture) rather than text
    binary: bool = False
