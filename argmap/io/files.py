"""Finding a map's files, and writing output so that a failure never leaves half a file behind."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..errors import ArgmapError, Position, Problem

MANIFEST = "map.yaml"
#: The largest input file read, unless the caller allows more.
MAX_FILE_BYTES = 64 * 1024 * 1024
OUTSIDE_LINK = "is a symlink to a file outside the claims directory"

_SPECIAL = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
            stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def find_map_root(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` (a file or a folder) that holds a ``map.yaml``.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "sub").mkdir(), (root / MANIFEST).write_text("")
    >>> find_map_root(root / "sub" / "t.yaml") == root, find_map_root(root) == root
    (True, True)
    """
    path = Path(os.path.abspath(path))
    for folder in [path, *path.parents] if path.is_dir() else path.parents:
        if (folder / MANIFEST).is_file():
            return folder
    return None


def portable_flags(*names: str) -> int:
    """The ``os.O_*`` flags of these names that this system has, or'ed; a missing one counts as 0.

    Read at each call, not at import, so that a test can take them away.

    >>> portable_flags("O_RDONLY", "O_NO_SUCH_FLAG") == os.O_RDONLY
    True
    """
    flags = 0
    for name in names:
        flags |= getattr(os, name, 0)
    return flags


def symlink_outside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is a symlink that resolves outside ``folder``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "link.yaml").symlink_to("/tmp")
    >>> symlink_outside(folder / "link.yaml", folder), symlink_outside(folder / "plain.yaml", folder)
    (True, False)
    """
    return os.path.islink(path) and not _inside(Path(os.path.realpath(path)), Path(os.path.realpath(folder)))


def hidden_below(path: Path, folder: Path) -> bool:
    """Whether a part of ``path`` below ``folder`` is hidden (``.github/workflows/ci.yml``).

    >>> hidden_below(Path("m/.github/ci.yml"), Path("m")), hidden_below(Path("m/a/b.yaml"), Path("m"))
    (True, False)
    """
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        return False
    return any(part.startswith(".") for part in parts)


def read_input(path: Path, shown: str, problems: list[Problem], *, within: Path | None = None,
               limit: int = MAX_FILE_BYTES, what: str = "file") -> bytes | None:
    """The bytes of an input file, or ``None`` and a problem saying why it cannot be read.

    Only regular files are read: a FIFO, a device or a socket is refused
    without being read (so nothing blocks), and so is a file over ``limit``
    bytes. With ``within``, a symlink is followed only if it resolves inside
    that folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> os.mkfifo(folder / "x.yaml")
    >>> problems = []
    >>> read_input(folder / "x.yaml", "x.yaml", problems) is None
    True
    >>> print(problems[0])
    x.yaml:1:1: error: cannot read a FIFO (claims and manifests must be regular files)
    """
    def refuse(message: str, hint: str | None = None) -> None:
        problems.append(Problem(Position(shown, 1, 1), message, hint))

    def not_regular(mode: int) -> bool:
        kind = stat.S_IFMT(mode)
        if kind != stat.S_IFREG:
            refuse(f"cannot read {_SPECIAL.get(kind, 'a special file')}",
                   "claims and manifests must be regular files" if what == "file" else "give a regular file")
        return kind != stat.S_IFREG

    try:
        if within is not None and symlink_outside(path, within):
            refuse(OUTSIDE_LINK, "copy the file into the map instead")
            return None
        # Looked at before opening: where O_NONBLOCK is missing (Windows), opening a FIFO would block.
        if not_regular(os.stat(path).st_mode):
            return None
        descriptor = os.open(path, os.O_RDONLY | portable_flags("O_NONBLOCK", "O_CLOEXEC", "O_BINARY"))
    except OSError as error:
        refuse(f"cannot read {what}: {error.strerror or error}")
        return None
    info = os.fstat(descriptor)
    if not_regular(info.st_mode):  # again, of what was opened; before fdopen, which refuses a folder with an errno
        os.close(descriptor)
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if info.st_size > limit:
            refuse(f"file is too large ({info.st_size:,} bytes; the limit is {limit:,})",
                   "split it into several claims files, or raise the limit with --max-file-mb")
            return None
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            refuse(f"cannot read {what}: {error.strerror or error}")
            return None
    if len(data) > limit:  # it grew while being read
        refuse(f"file is too large (over {limit:,} bytes)", "split it into several claims files")
        return None
    return data


def find_claims_files(root: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` below ``root`` except the manifest, sorted.

    Hidden files and folders (``.git``, ``.cache``) are skipped. A folder that
    cannot be listed, or a folder symlink that leads out of ``root``, is a
    problem appended to ``problems`` (never skipped in silence); a folder
    symlink that stays inside is not followed, since its files are read where
    they are.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("map.yaml", "b.yaml", "a/c.yml", ".hidden/d.yaml", "notes.txt"):
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("")
    >>> [p.relative_to(root).as_posix() for p in find_claims_files(root)]
    ['a/c.yml', 'b.yaml']
    """
    found = []
    real_root = Path(os.path.realpath(root))

    def unreadable(error: OSError) -> None:
        if problems is not None:
            shown = error.filename or str(root)
            problems.append(Problem(Position(str(shown), 1, 1), f"cannot list folder: {error.strerror or error}",
                                    "make it readable, or move it out of the map"))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for link in [d for d in subfolders if os.path.islink(Path(folder) / d)]:
            subfolders.remove(link)
            if problems is not None and not _inside(Path(os.path.realpath(Path(folder) / link)), real_root):
                problems.append(Problem(Position(str(Path(folder) / link), 1, 1),
                                        "is a symlink to a folder outside the claims directory",
                                        "copy the files into the map instead"))
        for name in names:
            path = Path(folder) / name
            if name.startswith(".") or path.suffix not in (".yaml", ".yml") or path == root / MANIFEST:
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


#: Seconds after which a temporary file beside an output is a killed run's, not another run's still writing.
STALE_AFTER = 3600


def _stale_temporaries(target: Path) -> list[Path]:
    """Temporary files a killed run left beside ``target``; a younger one may be another build's, still writing."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    stale = []
    for name in names:
        if pattern.fullmatch(name):
            try:
                info = os.lstat(target.parent / name)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > STALE_AFTER:
                stale.append(target.parent / name)
    return stale


def write_atomically(path: str | os.PathLike[str], text: str | bytes) -> Path:
    """Write ``text`` (or bytes) to ``path`` via a temporary file and an atomic rename.

    Parent folders are created. Either the old file stays untouched or the
    whole new file replaces it. A symlink is resolved, and the file it points
    to is replaced. A directory, FIFO, device or socket at ``path`` is an
    error that leaves it untouched. Temporary files that a killed run left
    beside the target are removed.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
    >>> write_atomically(target, "hello").read_text()
    'hello'
    >>> write_atomically(target.parent, "hello")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: cannot write .../out: it is a directory, not a file
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        what = _SPECIAL.get(stat.S_IFMT(info.st_mode), "a special file")
        raise ArgmapError(f"cannot write {path}: it is {what}, not a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in _stale_temporaries(target):
        stale.unlink(missing_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, (info.st_mode & 0o777) if info is not None else 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(path)
