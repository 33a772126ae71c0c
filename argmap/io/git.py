"""A map as it was at a git revision: ``REV:PATH``, read without a checkout.

Revisions and paths are data, never options: a value that starts with ``-``
is refused, and every git call passes it after the options. ``PATH`` is
relative to the current directory, and file names may hold spaces or any
other character.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ArgmapError, CommandFailed, MapError, MissingDependency, Position, Problem, printable
from ..model import ArgumentMap
from .load import load


def _git(*args: str) -> bytes:
    if shutil.which("git") is None:
        raise MissingDependency("git", "install git to compare revisions")
    done = subprocess.run(["git", *args], capture_output=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CommandFailed(f"git {args[0]} failed: {detail[-1] if detail else f'exit {done.returncode}'}")
    return done.stdout


def _inside(folder: str, relative: str, spec: str) -> Path:
    """Where a file git lists goes in the temporary ``folder``; a name that would leave it is refused.

    Git trees may hold entries named ``..`` or ``.`` (``git mktree`` accepts them), so every part is checked.

    >>> _inside("/tmp/x", "a/b.yaml", "HEAD:c").as_posix()
    '/tmp/x/a/b.yaml'
    >>> _inside("/tmp/x", "../../escaped.txt", "HEAD:c")
    Traceback (most recent call last):
    ...
    argmap.errors.MapError: HEAD:c:1:1: error: the revision holds a file named '../../escaped.txt', which would lie outside the map (it is not read)
    """
    parts = relative.split("/")
    if any(part in ("", ".", "..") or "\0" in part for part in parts) or (os.sep != "/" and any(
            os.sep in part or (os.altsep and os.altsep in part) or ":" in part for part in parts)):
        raise MapError([Problem(Position(spec, 1, 1), f"the revision holds a file named {printable(repr(relative))}, "
                                "which would lie outside the map (it is not read)")])
    return Path(folder, *parts)


def load_side(spec: str) -> ArgumentMap:
    """Load a map directory, or ``REV:PATH`` from git (``HEAD~1:claims``).

    A directory that exists wins over a revision of the same name.

    >>> load_side("-rf:claims")
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: '-rf:claims': a revision must not start with '-'
    """
    if os.path.isdir(spec) or ":" not in spec:
        return load(spec)
    revision, _, path = spec.partition(":")
    for part, name in ((revision, "revision"), (path, "path")):
        if part.startswith("-"):
            raise ArgmapError(f"'{spec}': a {name} must not start with '-'")
    if not revision:
        raise ArgmapError(f"'{spec}': name a revision before the ':', such as HEAD:{path}")
    try:
        prefix = _git("rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()
    except CommandFailed:
        raise ArgmapError(f"cannot read {path or '.'} at git revision {revision}: "
                          "this folder is not inside a git repository") from None
    full = posixpath.normpath(posixpath.join(prefix, path or "."))
    if full == ".." or full.startswith("../"):
        raise ArgmapError(f"'{spec}': {path} is outside the repository")
    try:
        _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except CommandFailed:
        raise ArgmapError(f"cannot read {path or '.'} at git revision {revision}: there is no such revision") from None
    listing = [name for name in _git("ls-tree", "-r", "-z", "--full-tree", "--name-only", "--end-of-options",
                                     revision, "--", "." if full == "." else full).decode(
                                         "utf-8", "surrogateescape").split("\0") if name]
    if not listing:
        raise MapError([Problem(Position(spec, 1, 1), f"no files under {path or '.'} at git revision {revision}")])
    base = "" if full == "." else full + "/"
    with tempfile.TemporaryDirectory(prefix="argmap-diff-") as folder:
        for name in listing:
            relative = name[len(base):] if name.startswith(base) else posixpath.basename(name)
            target = _inside(folder, relative, spec)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git("cat-file", "blob", f"{revision}:{name}"))
        try:
            return load(folder)
        except MapError as error:  # show the user's names, not the temporary folder's
            raise MapError([Problem(Position(p.position.path.replace(folder, spec), p.position.line,
                                             p.position.column), p.message, p.hint) for p in error.problems]) from None
