"""Good manners wherever argmap runs: pipes, argument order, other platforms' file handling, notebooks, shells."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

from .conftest import BUNDLED_CLAIMS, MANIFEST, REPO

TEA = "perspective: tea\nclaims:\n  - {id: tea.best, text: Tea is best., kind: thesis}\n" \
      "  - {id: tea.calm, text: Tea calms., supports: [tea.best]}\n"


def run(*args: object, **options: object) -> subprocess.CompletedProcess[str]:
    streams = {} if "stdout" in options else {"capture_output": True}
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, **streams, **options)  # type: ignore


def small_map(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "map.yaml").write_text(MANIFEST)
    (root / "tea.yaml").write_text(TEA)
    return root


# ── 1. a closed pipe ends quietly ────────────────────────────────────────────
@pytest.mark.parametrize("args", [("query", "cruxes", BUNDLED_CLAIMS, "--all"), ("check", BUNDLED_CLAIMS),
                                  ("export", BUNDLED_CLAIMS, "-f", "dot", "-o", "-"),
                                  ("build", BUNDLED_CLAIMS, "-o", "-")])
def test_a_reader_that_went_away_ends_the_command_quietly_with_141(args: tuple[object, ...]) -> None:
    reading, writing = os.pipe()
    os.close(reading)  # the reader is gone before the first byte: every write fails
    try:
        done = run(*args, stdout=writing, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    finally:
        os.close(writing)
    assert done.returncode == 141 and done.stderr == "", done.stderr


def test_head_takes_the_first_line_and_argmap_says_nothing(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    root = generate(tmp_path / "big", 3000)
    command = (f"{sys.executable} -m argmap query cruxes {root} --all | head -1; "
               "echo \"status=${PIPESTATUS[0]}\" >&2")
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert len(done.stdout.splitlines()) == 1
    status = done.stderr.strip().splitlines()[-1]
    assert status in ("status=0", "status=141") and "error" not in done.stderr, done.stderr


# ── 2. options anywhere among positionals ────────────────────────────────────
def test_an_option_between_positionals_is_read_as_meant() -> None:
    done = run("query", "supporters", "rel.relationship-required", "--json", BUNDLED_CLAIMS)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    done = run("query", "paths", "rel.relationship-required", "--json", "svc.relationship-harmful", BUNDLED_CLAIMS,
               "--limit", "1")
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 1, done.stderr


def test_every_command_parses_intermixed() -> None:
    from argmap.cli.main import Parser, build_parser
    from argmap.cli.shells import _subcommands

    def leaves(parser, path):  # type: ignore[no-untyped-def]
        children = _subcommands(parser)
        if not children:
            yield path, parser
        for name, (child, _) in children.items():
            yield from leaves(child, [*path, name])
    found = list(leaves(build_parser(), []))
    assert len(found) > 20 and all(type(parser) is Parser for _, parser in found)
    parsed = build_parser().parse_args(["build", "-o", "x.html", "claims", "--no-cache"])
    assert (parsed.claims_dir, parsed.output, parsed.no_cache) == ("claims", "x.html", True)


def test_lsp_accepts_stdio_as_editors_pass_it() -> None:
    done = run("lsp", "--stdio", stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and "unrecognized" not in done.stderr, done.stderr


# ── 3. the file handling of systems without POSIX's flags ────────────────────
def test_loading_caching_building_and_watching_work_without_posix_only_flags(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.web.render import render_html
    from argmap.web.watch import rebuild

    root = small_map(tmp_path / "map")
    expected = render_html(argmap.load(root), cache=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("O_NONBLOCK", "O_NOFOLLOW", "O_CLOEXEC"):
        monkeypatch.delattr(os, name, raising=False)
    os.mkfifo(root / "fifo.yaml")  # without O_NONBLOCK, opening it would block: it is refused unopened
    with pytest.raises(argmap.MapError, match="cannot read a FIFO"):
        argmap.load(root)
    (root / "fifo.yaml").unlink()
    (root / "link.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    (tmp_path / "elsewhere.yaml").write_text(TEA.replace("tea.", "tea2."))
    with pytest.raises(argmap.MapError, match="symlink to a file outside"):
        argmap.load(root)
    (root / "link.yaml").unlink()
    for _ in range(2):  # a cold cache, then a warm one
        assert render_html(argmap.load(root, cache=True), cache=True) == expected
    entries = [p for p in (tmp_path / "cache").rglob("*.json")]
    assert entries
    entries[0].unlink()
    entries[0].symlink_to(tmp_path / "elsewhere.yaml")  # a planted link is never followed
    assert render_html(argmap.load(root, cache=True), cache=True) == expected
    assert (tmp_path / "elsewhere.yaml").read_text() == TEA.replace("tea.", "tea2.")
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        assert rebuild(root, tmp_path / "watched.html", out=stdout, err=stderr)
    assert "wrote" in out.read_text() and err.read_text() == ""


@pytest.mark.parametrize("platform, variable, place", [
    ("win32", "PROGRAMFILES", "Google/Chrome/Application/chrome.exe"),
    ("win32", "LOCALAPPDATA", "Microsoft/Edge/Application/msedge.exe"),
    ("darwin", "HOME", "Applications/Chromium.app/Contents/MacOS/Chromium"),
])
def test_pictures_find_a_browser_where_each_system_installs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               platform: str, variable: str, place: str) -> None:
    from argmap.formats import picture

    browser = tmp_path.joinpath(*place.split("/"))
    browser.parent.mkdir(parents=True)
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delenv("ARGMAP_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv(variable, str(tmp_path))
    assert picture.find_chromium() == str(browser)
    browser.unlink()
    message = str(picture._no_renderer("png"))
    assert str(browser) in message and "msedge" in message  # it says where it looked


# ── 4. alias detection that address reuse cannot fool ────────────────────────
def test_a_node_freed_and_its_address_reused_is_not_taken_for_an_alias() -> None:
    import yaml

    from argmap.io.yamlnodes import NodeReader

    reader = NodeReader("c.yaml")
    for attempt in range(2000):
        node = yaml.compose(f"value {attempt}")
        reader.string(node, "text")
        del node  # freed at once (a scalar node holds no cycle), so the next may take its address
    assert reader.problems == []  # in the old reader, a reused address read as an alias within a few attempts
    again = yaml.compose("&x one")
    reader.string(again, "text")
    assert reader.string(again, "text") is None and "alias" in reader.problems[0].message  # a real reuse still is


# ── 5. notebooks, whatever they sanitise ─────────────────────────────────────
def test_a_map_displays_as_a_bundle_with_a_picture_and_the_comparison() -> None:
    import xml.etree.ElementTree as ElementTree

    m = argmap.load(BUNDLED_CLAIMS)
    bundle = m._repr_mimebundle_()  # type: ignore[attr-defined]
    assert set(bundle) == {"text/html", "image/svg+xml", "text/markdown", "text/plain"}
    assert bundle["text/html"].startswith('<iframe sandbox="allow-scripts"')
    assert ElementTree.fromstring(bundle["image/svg+xml"]).tag.endswith("svg")
    markdown = bundle["text/markdown"]
    assert markdown.startswith("## Is the therapeutic relationship what heals?") and "They answer 5 questions differently" in markdown
    assert len(markdown.split()) < 400
    alone = argmap.notebook.show(m, view="comparison")._repr_mimebundle_()
    assert set(alone) == {"text/markdown", "text/plain"} and alone["text/markdown"] == markdown


def test_a_viewer_that_strips_frames_shows_the_frames_own_text() -> None:
    bleach = pytest.importorskip("bleach")
    html = argmap.load(BUNDLED_CLAIMS)._repr_mimebundle_()["text/html"]  # type: ignore[attr-defined]
    stripped = bleach.clean(html, tags={"p", "strong", "code"}, strip=True)
    assert "does not run the interactive map" in stripped and "DOCTYPE" not in stripped


def test_a_static_notebook_exported_with_sanitize_html_shows_the_text(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbconvert = pytest.importorskip("nbconvert")
    from nbclient import NotebookClient

    cells = [f"import argmap\nm = argmap.load({str(BUNDLED_CLAIMS)!r})\nargmap.notebook.show(m, view='static')"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    data = notebook.cells[0].outputs[0]["data"]
    assert set(data) == {"image/svg+xml", "text/markdown", "text/plain"}
    body, _ = nbconvert.HTMLExporter(sanitize_html=True).from_notebook_node(notebook)
    assert "They answer 5 questions differently" in body and "&lt;iframe" not in body and "&lt;!DOCTYPE" not in body


# ── 6. pyvis users keep the colours ──────────────────────────────────────────
def test_to_pyvis_keeps_every_perspectives_colour_and_label() -> None:
    m = argmap.load(BUNDLED_CLAIMS)
    nodes = {node["id"]: node for node in argmap.to_pyvis(m).nodes}
    for claim in m.claims.values():
        node = nodes[claim.id]
        assert node["group"] == claim.perspective and node["label"].endswith(claim.label)
        if claim.asserted:
            assert node["color"]["border"] == m.perspectives[claim.perspective].color


# ── 8. one convention for diagnostics ────────────────────────────────────────
def test_check_and_lint_put_diagnostics_on_stderr_and_share_one_json_shape(tmp_path: Path) -> None:
    root = small_map(tmp_path / "map")
    linted = run("lint", root)
    assert linted.stdout == "" and "warning" in linted.stderr
    broken = tmp_path / "broken"
    shutil.copytree(root, broken)
    (broken / "tea.yaml").write_text(TEA.replace("supports: [tea.best]", "supports: [tea.bset]"))
    checked = run("check", broken)
    assert checked.returncode == 1 and checked.stdout == "" and "tea.bset" in checked.stderr
    shapes = []
    for command in ("check", "lint"):
        for folder in (root, broken):
            done = run(command, folder, "--json")
            data = json.loads(done.stdout)
            assert set(data) >= {"ok", "problems"} and done.returncode == (0 if data["ok"] else 1)
            shapes += [tuple(sorted(p)) for p in data["problems"]]
    assert len(set(shapes)) == 1  # every record, error or warning, of either command


def test_binary_output_to_a_terminal_is_refused_with_a_hint() -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "argmap", "export", str(BUNDLED_CLAIMS), "-f", "png"],
                              stdout=follower, stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    finally:
        os.close(follower)
    os.set_blocking(leader, False)
    try:
        written = os.read(leader, 1000)
    except (BlockingIOError, OSError):
        written = b""
    os.close(leader)
    assert done.returncode == 1 and "-o map.png" in done.stderr and b"PNG" not in written


# ── 9. shells and manuals ────────────────────────────────────────────────────
def tool(name: str) -> str:
    """A program the test needs: missing, it fails the test in CI (which installs it) and skips it elsewhere."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing, and .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return found


def test_fish_completes_commands_questions_and_choices(tmp_path: Path) -> None:
    tool("fish")
    script = tmp_path / "argmap.fish"
    script.write_text(run("completion", "fish").stdout)
    assert subprocess.run(["fish", "-n", str(script)], capture_output=True).returncode == 0

    def complete(line: str) -> list[str]:
        done = subprocess.run(["fish", "-c", f"source {script}; complete -C {line!r}"], capture_output=True,
                              text=True, timeout=60)
        return [row.split("\t")[0] for row in done.stdout.splitlines()]
    assert "query" in complete("argmap que")
    assert "cruxes" in complete("argmap query cr")
    assert {"dot", "png", "argdown"} <= set(complete("argmap export --format "))
    assert "--json" in complete("argmap check --js")


def test_the_man_page_renders_with_every_command() -> None:
    tool("groff")
    from argmap.cli.main import build_parser
    from argmap.cli.shells import _subcommands

    page = run("man").stdout
    done = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-P-cbu"], input=page, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    for command in _subcommands(build_parser()):
        assert f"argmap {command}" in done.stdout
    assert "argmap query cruxes" in done.stdout and "--json" in done.stdout

