"""Rebuild the map whenever a claims file changes, and reload open pages.

``argmap watch`` serves the output folder on 127.0.0.1 so that the page can
poll a small version file and reload itself after each rebuild (a page opened
from ``file://`` cannot notice anything). The view survives the reload, since
it lives in the URL hash. A build that fails prints its errors and leaves the
last good map in place.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path
from typing import Callable, TextIO

from ..analysis.query import summary
from ..errors import MapError
from ..io.files import MANIFEST, find_claims_files, write_atomically
from ..io.load import load
from .render import render_html


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file that makes up the map."""
    state = {}
    for path in [root / MANIFEST, *find_claims_files(root)] if root.is_dir() else []:
        try:
            info = path.stat()
        except OSError:
            continue
        state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


def rebuild(root: Path, output: Path, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> bool:
    """Build once for watching; report the outcome; keep the old map on failure."""
    version = f"{os.getpid()}-{time.time_ns()}"
    try:
        argument_map = load(root, cache=True)
        html = render_html(argument_map, live_reload={"url": output.name + ".version", "version": version})
    except MapError as error:
        for problem in error.problems:
            print(problem, file=err)
        print(f"{len(error.problems)} error(s); kept the last good map", file=err, flush=True)
        return False
    write_atomically(output, html)
    write_atomically(output.with_name(output.name + ".version"), version)
    print(f"{time.strftime('%H:%M:%S')} wrote {output}: {summary(argument_map)}", file=out, flush=True)
    return True


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``folder`` on 127.0.0.1 (only) in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(root: str | os.PathLike[str], output: str | os.PathLike[str], *, port: int | None = 8000,
          interval: float = 0.5, keep_going: Callable[[], bool] = lambda: True) -> None:
    """Build, then rebuild on every change until interrupted.

    With ``port`` (0 picks a free one), the output folder is served and the
    page's address is printed; with ``None`` nothing is served.
    """
    root, output = Path(root), Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    rebuild(root, output)
    server = serve(output.parent, port) if port is not None else None
    if server is not None:
        print(f"serving http://127.0.0.1:{server.server_address[1]}/{output.name} "
              f"(it reloads after each rebuild; Ctrl-C stops)", flush=True)
    seen = snapshot(root)
    try:
        while keep_going():
            time.sleep(interval)
            now = snapshot(root)
            if now != seen:
                seen = now
                rebuild(root, output)
    finally:
        if server is not None:
            server.shutdown()
