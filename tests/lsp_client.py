"""A small LSP client over stdio: what an editor does, for tests and the benchmark."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent


class LspClient:
    """``argmap lsp`` in a subprocess, spoken to in JSON-RPC with Content-Length framing."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "argmap", "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env={**os.environ, "PYTHONPATH": str(REPO)})
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def _next(self, timeout: float) -> dict[str, Any]:
        message = self.messages.get(timeout=timeout)
        if "id" in message and "method" in message:  # a request from the server (e.g. a registration): accept it
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(max(deadline - time.monotonic(), 0.01))
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise LspError(message["error"]["message"])
                return message.get("result")

    def wait_for(self, matches: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        """The first notification (already seen or to come) that ``matches``."""
        for seen in self.notifications:
            if matches(seen):
                self.notifications.remove(seen)
                return seen
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(max(deadline - time.monotonic(), 0.01))
            if "method" in message and "id" not in message and matches(message):
                self.notifications.remove(message)
                return message

    def initialize(self, root: Path) -> dict[str, Any]:
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str | None = None) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": path.as_uri(), "languageId": "yaml", "version": 1,
            "text": path.read_text(encoding="utf-8") if text is None else text}})

    def change(self, path: Path, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": path.as_uri(), "version": version},
                                               "contentChanges": [{"text": text}]})

    def diagnostics_for(self, path: Path, matches: Callable[[list[dict[str, Any]]], bool] = lambda d: True,
                        timeout: float = 30) -> list[dict[str, Any]]:
        message = self.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == path.as_uri() and matches(m["params"]["diagnostics"]),
                                timeout)
        return message["params"]["diagnostics"]

    def close(self) -> str:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")


class LspError(Exception):
    """The server answered a request with an error."""
