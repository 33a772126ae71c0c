"""``argmap init``: a small, valid two-perspective map whose comments teach the format."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ArgmapError
from .files import write_atomically

#: The starter map's files: each passes ``argmap check``, and its comments explain every key.
FILES = {
    "map.yaml": """\
# map.yaml names the question and the perspectives. Each other *.yaml file in
# this folder holds the claims of one perspective, usually one source each.
title: Should the office move to a four-day week?
# summary: a few sentences by you, the editor, stating both positions and what divides them.
summary: >-
  One side holds that a four-day week keeps output and makes staff healthier; the other
  that it squeezes the same work into fewer days and strains customer service. They
  agree that burnout is a problem.
perspectives:
  for:                  # a perspective id: letters, digits, . _ : -
    label: For the four-day week
    color: "#2a9d8f"    # optional; #rgb or #rrggbb
  against:
    label: Against it
    color: "#e76f51"
""",
    "for.yaml": """\
# The claims of one perspective. 'perspective' names an id from map.yaml.
# For completion in your editor: argmap schema claims > claims.schema.json
perspective: for
source:                 # optional: where these claims come from
  title: The case for a shorter week
  author: A. Writer
  url: null
claims:
  - id: for.thesis      # unique across the whole map
    title: A four-day week works   # a short label for overviews (optional)
    text: A four-day week keeps output steady and makes staff healthier.
    kind: thesis        # thesis, premise, evidence, experience, definition,
                        # recommendation, concession or background
  - id: for.focus
    text: Staff with a long weekend come back rested and focus better.
    quote: come back rested   # a verbatim excerpt of the source (argmap quotes checks it)
    supports: [for.thesis]    # reasons point at what they support
  - id: for.burnout
    text: Burnout is common in the office.
    supports: [for.thesis]
""",
    "against.yaml": """\
perspective: against
source:
  title: Why the four-day week fails
  author: B. Critic
  url: null
claims:
  - id: against.thesis
    title: A four-day week strains the work
    text: A four-day week squeezes the same work into fewer days and strains customer service.
    kind: thesis
    contradicts:
      - to: for.thesis
        note: Both cannot hold at once.   # say why the two clash
        issue: empirical                  # empirical, values or definitional
        basis: inferred                   # stated: the source says it; inferred: you do
  - id: against.coverage
    text: Customers still call on the fifth day, and nobody is there to answer.
    supports: [against.thesis]
    contradicts: [for.focus]
  - id: against.burnout-too
    text: Burnout is real, and long days make it worse.
    kind: concession
    supports:
      - to: for.burnout
        note: Both sides grant the problem.
""",
}


def write_starter(directory: str | os.PathLike[str]) -> Path:
    """Write the starter map into ``directory``, which must be new or empty; return it.

    >>> import tempfile, pathlib, argmap
    >>> root = write_starter(pathlib.Path(tempfile.mkdtemp()) / "claims")
    >>> len(argmap.load(root).claims)
    6
    """
    root = Path(directory)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ArgmapError(f"{root} already exists and is not an empty folder; choose a new one, "
                          "such as: argmap init my-map")
    root.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        write_atomically(root / name, text)
    return root
