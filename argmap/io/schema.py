"""The JSON Schemas for claims files and map.yaml, which ship in the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).parent.parent / "schemas"


def schema_text(which: str = "claims") -> str:
    """The schema for ``"claims"`` files or for ``"map"`` (map.yaml), as JSON text.

    >>> json.loads(schema_text("map"))["required"]
    ['title', 'perspectives']
    """
    if which not in ("claims", "map"):
        raise ValueError("which must be 'claims' or 'map'")
    return (SCHEMAS / f"{which}.schema.json").read_text(encoding="utf-8")


def schema(which: str = "claims") -> dict[str, Any]:
    """The schema as a dictionary.

    >>> sorted(schema("claims")["properties"])
    ['claims', 'perspective', 'source']
    """
    return json.loads(schema_text(which))
