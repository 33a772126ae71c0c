"""A hostile repository: every trick gives a clear error or the right answer, loses nothing and leaks nothing.

Special files (FIFOs, device nodes) and symlinks are made in the test's own
scratch folder, never aimed at /dev or /etc.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import argmap

from .conftest import COFFEE, MANIFEST, REPO, TEA

SECRET = "-----BEGIN PRIVATE KEY----- do-not-print-me-0123456789abcdef"


def tree_state(folder: Path) -> dict[str, str]:
    """Every entry below ``folder`` (links not followed) with what it is and holds."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            state[str(path)] = "link:" + os.readlink(path)
        elif stat.S_ISREG(info.st_mode):
            state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            state[str(path)] = oct(stat.S_IFMT(info.st_mode))
    return state


def run(*args: object, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def assert_clean_failure(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout
    for text in expected:
        assert text in result.stderr, result.stderr


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    """A repository whose claims directory holds every trick, beside a private file outside it."""
    repo = tmp_path / "repo"
    claims = repo / "claims"
    claims.mkdir(parents=True)
    (claims / "map.yaml").write_text(MANIFEST)
    (claims / "tea.yaml").write_text(TEA)
    (claims / "coffee.yaml").write_text(COFFEE)
    (repo / "keep.json").write_text('{"precious": true}')
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET)
    return {"repo": repo, "claims": claims, "secret": secret}


def test_a_committed_cache_symlink_deletes_and_writes_nothing(hostile):
    claims, repo = hostile["claims"], hostile["repo"]
    os.symlink("..", claims / ".argmap-cache")
    before = tree_state(repo)
    result = run("check", claims, cwd=repo)
    assert result.returncode == 0, result.stderr
    run("build", claims, "-o", repo / "out" / "map.html", cwd=repo)
    after = tree_state(repo)
    assert {k: v for k, v in after.items() if not k.startswith(str(repo / "out"))} == before
    assert (repo / "keep.json").read_text() == '{"precious": true}'


def test_a_fifo_claims_file_is_an_error_not_a_hang(hostile):
    os.mkfifo(hostile["claims"] / "x.yaml")
    result = run("check", hostile["claims"], cwd=hostile["repo"], timeout=20)
    assert_clean_failure(result, "x.yaml:1:1: error: cannot read a FIFO")


def test_a_device_node_is_refused_unread(hostile):
    os.mknod(hostile["claims"] / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    result = run("check", hostile["claims"], cwd=hostile["repo"], timeout=20)
    assert_clean_failure(result, "zero.yaml:1:1: error: cannot read a character device")


def test_symlinks_out_of_the_map_are_refused_and_never_echoed(hostile):
    os.symlink(hostile["secret"], hostile["claims"] / "key.yaml")
    os.symlink(hostile["secret"].parent, hostile["claims"] / "outside")
    result = run("check", hostile["claims"], cwd=hostile["repo"])
    assert_clean_failure(result, "key.yaml:1:1: error: is a symlink to a file outside the claims directory",
                         "outside:1:1: error: is a symlink to a folder outside the claims directory")


def test_a_symlink_inside_the_map_is_followed(hostile):
    (hostile["claims"] / "sub").mkdir()
    os.replace(hostile["claims"] / "coffee.yaml", hostile["claims"] / "sub" / "coffee.txt")
    os.symlink("sub/coffee.txt", hostile["claims"] / "coffee.yaml")
    assert len(argmap.load(hostile["claims"]).claims) == 3


def test_a_bad_value_is_echoed_short_and_escaped(hostile):
    huge = "\\e]0;pwned\\a" + "x" * 1_000_000  # YAML escapes: the loaded id holds ESC and BEL
    (hostile["claims"] / "tea.yaml").write_text(TEA.replace("supports: [tea.best]", f'supports: ["{huge}"]'))
    result = run("check", hostile["claims"], cwd=hostile["repo"])
    assert_clean_failure(result, "refers to unknown claim id")
    assert len(result.stderr) < 1000
    assert "\x1b" not in result.stderr and "\\x1b]0;pwned\\x07" in result.stderr


def test_raw_control_characters_give_one_positioned_line(hostile):
    (hostile["claims"] / "tea.yaml").write_text(TEA.replace("Tea calms", "Tea \x1b[2J calms"))
    result = run("check", hostile["claims"], cwd=hostile["repo"])
    assert_clean_failure(result, "tea.yaml:8:15: error: YAML cannot hold character #x001b")
    assert len(result.stderr.splitlines()) == 2  # the problem and the count


def test_escape_sequences_in_claim_text_never_reach_the_terminal(hostile):
    (hostile["claims"] / "tea.yaml").write_text(TEA.replace("Tea calms without jitters.", '"Tea \\e]0;x\\a calms."'))
    for command in (["query", "claims", "-m", hostile["claims"]], ["report", hostile["claims"]],
                    ["query", "support-tree", "tea.best", "-m", hostile["claims"]]):
        result = run(*command, cwd=hostile["repo"])
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\\x1b" in result.stdout


def test_an_alias_bomb_is_refused(hostile):
    bomb = ["perspective: coffee", "claims:", "  - id: cof.s0", "    text: S", "    contradicts: &S [tea.best]"]
    bomb += [f"  - {{id: cof.s{i}, text: S, contradicts: *S}}" for i in range(1, 2000)]
    (hostile["claims"] / "coffee.yaml").write_text("\n".join(bomb) + "\n")
    result = run("check", hostile["claims"], cwd=hostile["repo"], timeout=30)
    assert_clean_failure(result, "aliases are not allowed")


def test_a_chain_of_100000_supports_is_fine(tmp_path):
    lines = ["perspective: tea", "claims:", "  - {id: c0, text: Thesis., kind: thesis}"]
    lines += [f"  - {{id: c{i}, text: Reason {i}., supports: [c{i - 1}]}}" for i in range(1, 100_000)]
    text = "\n".join(lines) + "\n"
    m = argmap.loads(text)
    tree = argmap.query.support_tree(m, "c0")
    assert tree.size() == 100_000
    root = tmp_path / "chain"
    root.mkdir()
    (root / "map.yaml").write_text("title: Chain\nperspectives: {tea: {}}\n")
    (root / "tea.yaml").write_text(text)
    result = run("query", "support-tree", "c0", "-m", root, "--json", cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count('"claim"') == 100_000


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_output_onto_a_special_file_is_refused_untouched(hostile, kind):
    target = hostile["repo"] / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    else:
        target.mkdir()
    before = os.lstat(target)
    for command in (["build", hostile["claims"], "-o", target],
                    ["export", hostile["claims"], "--format", "dot", "-o", target],
                    ["report", hostile["claims"], "-o", target]):
        result = run(*command, cwd=hostile["repo"], timeout=20)
        assert_clean_failure(result, "cannot write")
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_output_through_a_symlink_replaces_its_target(hostile):
    real = hostile["repo"] / "real.html"
    real.write_text("old")
    os.symlink("real.html", hostile["repo"] / "link.html")
    result = run("build", hostile["claims"], "-o", hostile["repo"] / "link.html", cwd=hostile["repo"])
    assert result.returncode == 0, result.stderr
    assert os.path.islink(hostile["repo"] / "link.html")
    assert real.read_text().startswith("<!DOCTYPE html>")


def test_output_dash_is_standard_output_and_stale_temporaries_are_cleaned(hostile):
    result = run("export", hostile["claims"], "--format", "dot", "-o", "-", cwd=hostile["repo"])
    assert result.returncode == 0 and result.stdout.startswith("digraph")
    assert not (hostile["repo"] / "-").exists()
    stale = hostile["repo"] / ".map.dot.abcd1234.tmp"
    stale.write_text("left by a killed run")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))  # a younger one may be another build's, writing
    fresh = hostile["repo"] / ".map.dot.efgh5678.tmp"
    fresh.write_text("another build, still writing")
    assert run("export", hostile["claims"], "--format", "dot", "-o", hostile["repo"] / "map.dot",
               cwd=hostile["repo"]).returncode == 0
    assert not stale.exists() and fresh.exists()


def test_import_never_destroys(hostile, tmp_path):
    argdown = tmp_path / "in.argdown"
    argdown.write_text("[a b]: One. #map\n  +> [a-b]\n\n[a-b]: Two. #map\n\n[a/b]: Three. #map\n")
    target = tmp_path / "target"
    target.mkdir()
    (target / "map.yaml").write_text(MANIFEST)  # --force replaces only a map it recognises
    (target / "tea.yaml").write_text(TEA)
    (target / "notes.txt").write_text("mine")
    refused = run("import", "--from", "argdown", argdown, "-o", target, cwd=tmp_path)
    assert_clean_failure(refused, "the folder is not empty")
    assert (target / "tea.yaml").read_text() == TEA
    forced = run("import", "--from", "argdown", argdown, "-o", target, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "renamed 'a-b' to 'a-b-2'" in forced.stderr and "renamed 'a/b' to 'a-b-3'" in forced.stderr
    assert not (target / "tea.yaml").exists() and (target / "notes.txt").read_text() == "mine"
    m = argmap.load(target)
    assert sorted(m.claims) == ["a-b", "a-b-2", "a-b-3"]
    assert (target / "map.yaml").read_text().startswith("title:")


def test_diff_treats_revisions_as_data(hostile):
    repo = hostile["repo"]
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    spaced = repo / "my claims"
    os.rename(hostile["claims"], spaced)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    assert_clean_failure(run("diff", "--", "--output=x:claims", "HEAD:my claims", cwd=repo), "must not start with '-'")
    sub = repo / "sub"
    sub.mkdir()
    from_sub = run("diff", "HEAD:../my claims", "../my claims", cwd=sub)
    assert from_sub.returncode == 0, from_sub.stderr
    assert from_sub.stdout.strip() == "no changes"
    assert not list(sub.iterdir())


def test_one_hostile_repository_survives_every_command(hostile, tmp_path):
    """Cache symlink, symlinks out, a FIFO, a device, control characters, hostile ids and an alias
    bomb, all at once: check, build, export, import and watch end within seconds, and nothing
    outside the outputs changes."""
    repo, claims = hostile["repo"], hostile["claims"]
    os.symlink("..", claims / ".argmap-cache")
    os.symlink(hostile["secret"], claims / "key.yaml")
    os.mkfifo(claims / "pipe.yaml")
    os.mknod(claims / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    (claims / "odd.yaml").write_text('perspective: tea\nclaims:\n  - {id: "tea.odd", text: "\\e]0;x\\a odd }//`%%"}\n'
                                     '  - &S {id: tea.again, text: again}\n  - *S\n')
    before = tree_state(repo)
    outputs = tmp_path / "outputs"
    started = time.monotonic()
    for command in (["check", claims], ["build", claims, "-o", outputs / "map.html"],
                    ["export", claims, "--format", "argdown", "-o", outputs / "map.argdown"],
                    ["report", claims], ["query", "cruxes", "-m", claims]):
        result = run(*command, cwd=repo, timeout=30)
        assert_clean_failure(result, "cannot read a FIFO", "cannot read a character device",
                             "is a symlink to a file outside the claims directory", "aliases are not allowed")
        assert "\x1b" not in result.stderr
    # with the traps removed, the odd claim text goes through every command and format
    for trap in ("key.yaml", "pipe.yaml", "zero.yaml"):
        (claims / trap).unlink()
    (claims / "odd.yaml").write_text('perspective: tea\nclaims:\n  - {id: "tea.odd", text: "\\e]0;x\\a odd }//`%%"}\n')
    before = tree_state(repo)
    for fmt in ("graphml", "gexf", "json", "aif", "argdown", "mermaid", "dot", "svg"):
        result = run("export", claims, "--format", fmt, "-o", outputs / f"map.{fmt}", cwd=repo, timeout=30)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    imported = run("import", "--from", "argdown", outputs / "map.argdown", "-o", outputs / "back", cwd=repo)
    assert imported.returncode == 0, imported.stderr
    assert "odd }//`%%" in argmap.load(outputs / "back").claims["tea.odd"].text
    watcher = subprocess.Popen([sys.executable, "-m", "argmap", "watch", claims, "-o", outputs / "w.html",
                                "--port", "0", "--interval", "0.1"], cwd=repo, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert "wrote" in watcher.stdout.readline()
        port = int(watcher.stdout.readline().split(":")[2].split("/")[0])
        os.mkfifo(claims / "late.yaml")
        line = watcher.stderr.readline()
        assert "cannot read a FIFO" in line
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/claims/tea.yaml")
        assert connection.getresponse().status == 404
        assert watcher.poll() is None  # still watching
    finally:
        watcher.terminate()
        watcher.wait(timeout=10)
        (claims / "late.yaml").unlink()
    assert tree_state(repo) == before
    assert time.monotonic() - started < 120


def test_a_long_chain_gives_a_report_and_a_tree_that_grow_linearly(run_cli, tmp_path):
    from argmap.cli.questions import QUESTIONS
    from argmap.report import render_report

    lines = ["perspective: tea", "claims:", "  - {id: c0, text: Thesis., kind: thesis}"]
    lines += [f"  - {{id: c{i}, text: Reason {i}., supports: [c{i - 1}]}}" for i in range(1, 3000)]
    m = argmap.loads("\n".join(lines) + "\n")
    report = render_report(m)
    assert "- Reason 1. (2998 reasons)" in report and len(report) < 1_000_000
    tree_text = next(q for q in QUESTIONS if q.name == "support-tree").text(argmap.query.support_tree(m, "c0"))
    assert "[2999] c2999" in tree_text and len(tree_text) < 500_000


def test_quotes_show_control_characters_escaped(tmp_path):
    (tmp_path / "source.txt").write_text("Tea calms the mind.")
    (tmp_path / "tea.yaml").write_text('perspective: tea\nclaims:\n  - {id: a, text: A, quote: "tea \\e[2J calms"}\n')
    result = run("quotes", tmp_path / "tea.yaml", tmp_path / "source.txt", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr
