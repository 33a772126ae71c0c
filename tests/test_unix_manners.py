"""Unix manners: - for standard input and output, check --json, one way to name the map, argmap init."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import argmap
from argmap.io.examples import TEA_OR_COFFEE

from .conftest import BUNDLED_CLAIMS, REPO


def argmap_cli(*args, stdin: str = "", cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], input=stdin, capture_output=True,
                          text=True, timeout=120, cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_a_map_can_come_from_standard_input(tmp_path):
    done = argmap_cli("check", "-", stdin=TEA_OR_COFFEE, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("<stdin>: ok: 8 claims")
    assert list(tmp_path.iterdir()) == []  # no file named "-" or anything else
    html = argmap_cli("build", "-", "-o", "-", stdin=TEA_OR_COFFEE, cwd=tmp_path)
    assert html.returncode == 0 and html.stdout.startswith("<!DOCTYPE html>")
    exported = argmap_cli("export", "-", "-f", "argdown", "-o", "-", stdin=TEA_OR_COFFEE, cwd=tmp_path)
    assert exported.returncode == 0 and "[tea.best]" in exported.stdout
    imported = argmap_cli("import", "--from", "argdown", "-", "-o", tmp_path / "back", stdin=exported.stdout,
                          cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert len(argmap.load(tmp_path / "back").claims) == 8
    bad_import = argmap_cli("import", "--from", "kialo", "-", "-o", tmp_path / "bad", stdin="no numbers here\n")
    assert bad_import.returncode == 1 and bad_import.stderr.startswith("<stdin>:1:1: error: expected a numbered claim")
    broken = argmap_cli("check", "-", stdin="perspective: tea\nclaims:\n  - {id: a, text: A., supports: [b]}\n")
    assert broken.returncode == 1 and "<stdin>:3:34: error: supports refers to unknown claim id 'b'" in broken.stderr


def test_check_json_gives_every_problem_with_its_place(tmp_path):
    ok = argmap_cli("check", "--json", BUNDLED_CLAIMS)
    verdict = json.loads(ok.stdout)
    assert ok.returncode == 0 and verdict["ok"] and verdict["problems"] == []
    assert verdict["claims"] == {"relational": 35, "professional-service": 32}
    bad = argmap_cli("check", "--json", "-", stdin="perspective: tea\nclaims:\n  - {id: a, text: A., suports: [b]}\n")
    verdict = json.loads(bad.stdout)
    assert bad.returncode == 1 and not verdict["ok"]
    problem = verdict["problems"][0]
    assert (problem["path"], problem["line"]) == ("<stdin>", 3) and "suports" in problem["message"]
    assert problem["hint"] == "did you mean 'supports'?"
    missing = json.loads(argmap_cli("check", "--json", tmp_path / "nowhere").stdout)
    assert missing["problems"][0]["message"] == "no such directory"


def test_every_command_takes_the_map_the_same_way(tmp_path):
    for args in (["check"], ["report"], ["query", "cruxes"], ["query", "supporters", "rel.repair-valuable"]):
        positional = argmap_cli(*args, BUNDLED_CLAIMS)
        option = argmap_cli(*args, "-m", BUNDLED_CLAIMS)
        assert positional.returncode == option.returncode == 0, (args, positional.stderr)
        assert positional.stdout == option.stdout
    both = argmap_cli("check", BUNDLED_CLAIMS, "-m", tmp_path)
    assert both.returncode == 2 and "the map is given twice" in both.stderr


def test_init_writes_a_starter_map_that_builds_and_refuses_to_overwrite(tmp_path):
    done = argmap_cli("init", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "next: argmap build claims" in done.stdout
    m = argmap.load(tmp_path / "claims")
    assert len(m.perspectives) == 2 and {c.kind for c in m.claims.values()} >= {"thesis"}
    assert "# " in (tmp_path / "claims" / "for.yaml").read_text()  # it teaches the format in comments
    assert argmap_cli("build", cwd=tmp_path).returncode == 0 and (tmp_path / "output" / "map.html").is_file()
    before = (tmp_path / "claims" / "for.yaml").read_text()
    again = argmap_cli("init", cwd=tmp_path)
    assert again.returncode == 1 and "not an empty folder" in again.stderr and "Traceback" not in again.stderr
    assert (tmp_path / "claims" / "for.yaml").read_text() == before


def test_a_new_user_without_a_map_is_told_to_run_init(tmp_path):
    done = argmap_cli("build", cwd=tmp_path)
    assert done.returncode == 1 and "argmap init" in done.stderr


def test_bash_completion_completes_commands_and_choices(tmp_path):
    script = argmap_cli("completion", "bash")
    assert script.returncode == 0 and "complete" in script.stdout
    (tmp_path / "argmap.bash").write_text(script.stdout)

    def complete(*words: str) -> list[str]:
        line = " ".join(words)
        probe = (f'source {tmp_path / "argmap.bash"}; COMP_WORDS=({" ".join(repr(w) for w in words)}); '
                 f'COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT={len(line)}; _shtab_argmap; '
                 'printf "%s\\n" "${COMPREPLY[@]}"')
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("argmap", "ch") == ["check"]
    assert complete("argmap", "export", "--format", "") == ["graphml", "gexf", "json", "aif", "argdown", "mermaid",
                                                            "dot", "svg", "png", "pdf"]
    assert argmap_cli("completion", "zsh").stdout.startswith("#compdef argmap")
