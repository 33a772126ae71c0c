"""The format registry: every outside format argmap writes or reads, in one list.

Each format is one module of this package holding its writer and, where it
has one, its reader, and naming them in a :class:`Format`. The command
line's ``export`` and ``import`` choices and their help are built from
:data:`FORMATS`. To add a format, add its module and list it here.

>>> [f.name for f in FORMATS]
['graphml', 'gexf', 'json', 'aif', 'argdown', 'kialo', 'mermaid', 'dot', 'svg', 'png', 'pdf']
>>> [f.name for f in FORMATS if f.read]
['aif', 'argdown', 'kialo']
>>> import argmap
>>> export_text(argmap.example_map(), "dot").splitlines()[0]
'digraph argmap {'
>>> export_text(argmap.example_map(), "bmp")
Traceback (most recent call last):
...
argmap.errors.UnknownFormat: unknown format 'bmp'; choose one of graphml, gexf, json, aif, argdown, mermaid, dot, svg, png, pdf
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import ArgmapError, UnknownFormat
from ..io.files import write_atomically
from ..model import ArgumentMap
from . import aif, argdown, dot, gexf, graphml, kialo, mermaid, node_link, picture, svg
from .format import Format, LossyExport
from .imported import Imported

FORMATS: tuple[Format, ...] = (*(module.FORMAT for module in (graphml, gexf, node_link, aif, argdown, kialo,
                                                               mermaid, dot, svg)), picture.PNG, picture.PDF)
EXPORTS = {f.name: f for f in FORMATS if f.write is not None}
IMPORTS = {f.name: f for f in FORMATS if f.read is not None}

__all__ = ["EXPORTS", "FORMATS", "IMPORTS", "Format", "Imported", "LossyExport", "export_bytes", "export_text",
           "import_file", "write_export"]


def export_bytes(argument_map: ArgumentMap, format_name: str) -> bytes:
    """The map in the export format ``format_name``, as the bytes of its file (text as UTF-8).

    >>> import argmap
    >>> export_bytes(argmap.example_map(), "svg")[:4]
    b'<svg'
    """
    written = _exporter(format_name).write(argument_map)  # type: ignore[misc]  # _exporter checked write
    return written.encode("utf-8") if isinstance(written, str) else written


def _exporter(format_name: str) -> Format:
    found = EXPORTS.get(format_name)
    if found is None or found.write is None:
        raise UnknownFormat(format_name, EXPORTS)
    return found


def export_text(argument_map: ArgumentMap, format_name: str) -> str:
    """The map as text in the export format ``format_name``; a picture format is an error."""
    found = _exporter(format_name)
    if found.binary:
        raise ArgmapError(f"{format_name} is a picture, not text; use export_bytes or write_export")
    written = found.write(argument_map)  # type: ignore[misc]
    assert isinstance(written, str)
    return written


def write_export(argument_map: ArgumentMap, format_name: str, path: str | os.PathLike[str]) -> Path:
    """Write an export atomically; return the path.

    >>> import argmap, tempfile, pathlib
    >>> path = write_export(argmap.example_map(), "graphml", pathlib.Path(tempfile.mkdtemp()) / "m.graphml")
    >>> path.read_text().startswith("<?xml")
    True
    """
    return write_atomically(path, export_bytes(argument_map, format_name))


def import_file(format_name: str, path: str | os.PathLike[str], **options: Any) -> Imported:
    """Read ``path`` in the import format ``format_name``, as a map ready to write.

    ``options`` go to the format's reader, such as ``perspectives="positions"`` for Kialo.
    """
    found = IMPORTS.get(format_name)
    if found is None or found.read is None:
        raise UnknownFormat(format_name, IMPORTS)
    return found.read(path, **options)
