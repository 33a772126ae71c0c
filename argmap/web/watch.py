"""Rebuild the map whenever a claims file changes, and reload open pages.

``argmap watch`` serves the map on 127.0.0.1 so that the page can poll a
small version address and reload itself after each rebuild (a page opened
from ``file://`` cannot notice anything). The view survives the reload, since
it lives in the URL hash. A build that fails prints its errors and leaves the
last good map in place; watching goes on.

The server serves one map and nothing else: the last good page and its
version, from memory, at two fixed addresses. It never lists or reads a
folder, answers only requests addressed to ``localhost``, ``127.0.0.1`` or
``[::1]`` with its own port (so a web page cannot reach it by DNS
rebinding), times out idle connections and caps how many it holds at once.
"""

from __future__ import annotations

import http.server
import os
import socket
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

from ..analysis.query import summary
from ..errors import ArgmapError, MapError, excerpt
from ..io.files import MANIFEST, find_claims_files, write_atomically
from ..io.load import load
from .render import render_html

#: Seconds an idle connection is kept, and the most connections served at once.
IDLE_SECONDS = 10
MAX_CONNECTIONS = 16
#: Seconds a client has to send a whole request line and headers: a client that trickles them in (a byte
#: every few seconds never trips the idle timeout) is cut off then, so slow sockets cannot hold every slot.
REQUEST_SECONDS = 5
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file that makes up the map (nothing is opened)."""
    state = {}
    for path in [root / MANIFEST, *find_claims_files(root)] if root.is_dir() else []:
        try:
            info = path.stat()
        except OSError:
            continue
        state[str(path)] = (info.st_mtime_ns, info.st_size)
    return state


@dataclass
class Site:
    """What the server serves: the last good page and its version, by address."""

    name: str
    html: bytes = b""
    version: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def update(self, html: str, version: str) -> None:
        with self.lock:
            self.html, self.version = html.encode("utf-8"), version

    def get(self, address: str) -> tuple[bytes, str] | None:
        """The body and content type at ``address``, or ``None``."""
        with self.lock:
            if address == f"/{self.name}":
                return self.html, "text/html; charset=utf-8"
            if address == f"/{self.name}.version":
                return self.version.encode("ascii"), "text/plain; charset=utf-8"
        return None


def rebuild(root: Path, output: Path, site: Site | None = None, out: TextIO = sys.stdout,
            err: TextIO = sys.stderr) -> bool:
    """Build once for watching; report the outcome; keep the last good map on any failure."""
    version = f"{os.getpid()}-{time.time_ns()}"
    try:
        argument_map = load(root, cache=True)
        html = render_html(argument_map, live_reload={"url": urllib.parse.quote(output.name) + ".version",
                                                      "version": version},
                           cache=True)
        write_atomically(output, html)
    except MapError as error:
        for problem in error.problems:
            print(problem, file=err)
        print(f"{len(error.problems)} error(s); kept the last good map", file=err, flush=True)
        return False
    except (ArgmapError, OSError) as error:
        print(f"argmap: error: {excerpt(error, 400)}; kept the last good map", file=err, flush=True)
        return False
    if site is not None:
        site.update(html, version)
    print(f"{time.strftime('%H:%M:%S')} wrote {output}: {summary(argument_map)}", file=out, flush=True)
    return True


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the :class:`Site` and nothing else."""

    site: Site
    timeout = IDLE_SECONDS  # idle connections are closed
    protocol_version = "HTTP/1.1"
    server_version = "argmap"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _host_allowed(self) -> bool:
        port = self.server.server_address[1]  # type: ignore[index]  # an (address, port) pair for TCP
        return self.headers.get("Host", "") in {f"{host}:{port}" for host in LOCAL_HOSTS}

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_one_request(self) -> None:
        deadline = threading.Timer(REQUEST_SECONDS, self._cut_off)
        deadline.daemon = True
        self._deadline = deadline
        deadline.start()
        try:
            super().handle_one_request()
        finally:
            deadline.cancel()

    def _cut_off(self) -> None:
        try:
            self.connection.shutdown(socket.SHUT_RDWR)  # the blocked read returns, and the handler ends
        except OSError:
            pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self._deadline.cancel()  # the request is read: its answer may take as long as the client reads
        if not self._host_allowed():
            self._send(421, b"argmap watch answers only requests for localhost, 127.0.0.1 or [::1]\n")
            return
        address = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0], errors="replace")
        if address == "/":
            self._send(302, b"", headers={"Location": f"/{urllib.parse.quote(self.site.name)}"})
            return
        found = self.site.get(address)
        if found is None:
            self._send(404, b"not found: argmap watch serves only the map\n")
        else:
            self._send(200, *found)

    do_HEAD = do_GET

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError, socket.timeout):
            pass  # a client that goes away is no error


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[_Handler]):
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)  # over the cap: close at once
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, socket.timeout)):
            print(f"argmap watch: a request failed: {excerpt(sys.exc_info()[1], 200)}", file=sys.stderr)


def serve(site: Site, port: int) -> http.server.ThreadingHTTPServer:
    """Serve ``site`` on 127.0.0.1 (only) in a background thread."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(root: str | os.PathLike[str], output: str | os.PathLike[str], *, port: int | None = 8000,
          interval: float = 0.5, keep_going: Callable[[], bool] = lambda: True) -> None:
    """Build, then rebuild on every change until interrupted.

    With ``port`` (0 picks a free one), the map is served and its address is
    printed; with ``None`` nothing is served.
    """
    root, output = Path(root), Path(output)
    site = Site(output.name)
    seen = snapshot(root)  # before the first build, so that an edit made during it is not missed
    rebuild(root, output, site)
    server = serve(site, port) if port is not None else None
    if server is not None:
        print(f"serving http://127.0.0.1:{server.server_address[1]}/{urllib.parse.quote(output.name)} "
              f"(it reloads after each rebuild; Ctrl-C stops)", flush=True)
    try:
        while keep_going():
            time.sleep(interval)
            now = snapshot(root)
            if now != seen:
                seen = now
                rebuild(root, output, site)
    finally:
        if server is not None:
            server.shutdown()
