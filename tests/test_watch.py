"""argmap watch serves one map and nothing else, and keeps watching through every failure."""

from __future__ import annotations

import http.client
import io
import os
import socket
import threading
import time

import pytest

from argmap.web import watch as watching
from argmap.web.watch import Site, rebuild, serve


@pytest.fixture
def served(monkeypatch):
    monkeypatch.setattr(watching._Handler, "timeout", 1)
    site = Site("map.html")
    site.update("<!DOCTYPE html><title>map</title>", "v1")
    server = serve(site, 0)
    yield site, server.server_address[1], server
    server.shutdown()
    server.server_close()


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, dict(response.getheaders())


def test_it_serves_the_map_and_its_version_only(served, tmp_path):
    _, port, _ = served
    assert get(port, "/map.html")[:2] == (200, b"<!DOCTYPE html><title>map</title>")
    assert get(port, "/map.html.version")[:2] == (200, b"v1")
    status, _, headers = get(port, "/")
    assert status == 302 and headers["Location"] == "/map.html"
    for path in ("/.git/config", "/claims/", "/../etc/passwd", "/map.html/../tea.yaml", "/output/", "/map.html.bak"):
        assert get(port, path)[0] == 404, path


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1", "127.0.0.1:1", "localhost.evil:{port}"])
def test_it_refuses_other_hosts(served, host):
    _, port, _ = served
    assert get(port, "/map.html", host.format(port=port))[0] == 421


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}"])
def test_it_answers_local_hosts(served, host):
    _, port, _ = served
    assert get(port, "/map.html", host.format(port=port))[0] == 200


def test_idle_connections_time_out_and_are_capped(served, capsys):
    _, port, server = served
    server.slots = threading.BoundedSemaphore(2)
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
    time.sleep(0.2)
    extra = socket.create_connection(("127.0.0.1", port))
    extra.settimeout(3)
    assert extra.recv(10) == b""  # over the cap: closed at once
    for sock in idle:
        sock.settimeout(5)
        assert sock.recv(10) == b""  # closed by the server after its idle timeout
    half = socket.create_connection(("127.0.0.1", port))
    half.sendall(b"GET /map.html HTTP/1.1\r\nHo")
    half.close()  # a client that vanishes mid-request
    time.sleep(0.3)
    assert get(port, "/map.html")[0] == 200
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_a_failing_rebuild_keeps_the_last_good_map(make_map, tmp_path):
    root = make_map()
    output = tmp_path / "site" / "map.html"
    site = Site(output.name)
    out, err = io.StringIO(), io.StringIO()
    assert rebuild(root, output, site, out, err)
    good = site.html
    os.mkfifo(root / "late.yaml")
    assert not rebuild(root, output, site, out, err)
    assert "cannot read a FIFO" in err.getvalue() and site.html == good
    (root / "late.yaml").unlink()
    output.unlink()
    output.mkdir()
    assert not rebuild(root, output, site, out, err)
    assert "it is a directory" in err.getvalue() and site.html == good
