"""The command line, run as a subprocess: exit codes, stdout and stderr."""

from __future__ import annotations

from pathlib import Path

from .conftest import REPO


def test_check_prints_a_summary_and_exits_0(make_map, run_cli):
    result = run_cli("check", make_map())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "ok: 3 claims (tea 2, coffee 1); 2 edges (1 supports, 1 contradicts)")
    assert result.stderr == ""


def test_check_defaults_to_the_claims_directory(make_map, run_cli, tmp_path):
    make_map()
    result = run_cli("check", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("claims: ok: 3 claims")


TEN_MISTAKES = {
    "map.yaml": "title: T\nperspectives:\n  tea: {colour: '#fff'}\n  coffee: {}\n",
    "tea.yaml": (
        "perspective: tea\n"
        "claims:\n"
        "  - id: tea.best\n"
        "    text: Tea wins.\n"
        "    kind: theses\n"                                  # 2 unknown kind
        "    suports: [tea.calm]\n"                           # 3 unknown key
        "  - id: tea.calm\n"
        "    text: 42\n"                                      # 4 wrong type
        "    supports: [tea.calm, tea.bets]\n"                # 5 self, 6 unknown id
        "  - text: No id.\n"                                  # 7 missing id
        "  - id: tea.best\n"                                  # 8 duplicate id
        "    text: Again.\n"
        "    supports: [cof.best]\n"
        "    contradicts: [cof.best]\n"                       # 9 supports and contradicts
    ),
    "coffee.yaml": "perspective: cofee\nclaims:\n  - {id: cof.best, text: C}\n",  # 10 unknown perspective
}


def test_check_reports_ten_mistakes_at_once_without_traceback(make_map, run_cli):
    root = make_map(TEN_MISTAKES)
    result = run_cli("check", root)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "10 errors"
    problems = lines[:-1]
    assert len(problems) == 10, result.stderr
    for line in problems:
        path, line_no, column, rest = line.split(":", 3)
        assert Path(path).parent == root and line_no.isdigit() and column.isdigit(), line
        assert rest.startswith(" error: ")
    expected = ["unknown key 'colour'", "unknown kind 'theses'", "unknown key 'suports'",
                "text must be a string", "'tea.calm' supports itself", "unknown claim id 'tea.bets'",
                "has no 'id'", "duplicate claim id 'tea.best'", "both supports and contradicts",
                "unknown perspective 'cofee'"]
    for fragment in expected:
        assert sum(fragment in p for p in problems) == 1, (fragment, problems)
    assert "Traceback" not in result.stderr


def test_build_writes_html_and_reports_it(make_map, run_cli, tmp_path):
    out = tmp_path / "site" / "tea.html"
    result = run_cli("build", make_map(), "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_build_defaults_to_output_map_html(make_map, run_cli, tmp_path):
    make_map()
    assert run_cli("build", cwd=tmp_path).returncode == 0
    assert (tmp_path / "output" / "map.html").is_file()


def test_failed_build_leaves_no_file_and_keeps_the_old_one(make_map, run_cli, tmp_path):
    root = make_map()
    out = tmp_path / "map.html"
    assert run_cli("build", root, "-o", out).returncode == 0
    before = out.read_bytes()
    (root / "tea.yaml").write_text("perspective: tea\nclaims: [\n")
    result = run_cli("build", root, "-o", out)
    assert result.returncode == 1 and "YAML syntax error" in result.stderr
    assert out.read_bytes() == before
    fresh = tmp_path / "fresh.html"
    assert run_cli("build", root, "-o", fresh).returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "map.html"]


def test_unwritable_output_is_a_clear_error(make_map, run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_cli("build", make_map(), "-o", blocker / "map.html")
    assert result.returncode == 1
    assert result.stderr.startswith("argmap: error: ") and "Traceback" not in result.stderr


def test_missing_directory_is_a_clear_error(run_cli, tmp_path):
    result = run_cli("check", tmp_path / "nope")
    assert result.returncode == 1
    assert "nope:1:1: error: no such directory" in result.stderr


def test_help_explains_commands(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("check", "build"):
        assert command in result.stdout
    build_help = run_cli("build", "--help").stdout
    assert "-o FILE" in build_help and "output/map.html" in build_help


def test_unknown_command_exits_2_with_usage(run_cli):
    result = run_cli("frobnicate")
    assert result.returncode == 2 and "usage: argmap" in result.stderr


def test_console_script_is_declared():
    text = (REPO / "pyproject.toml").read_text()
    assert 'argmap = "argmap.cli:main"' in text


def test_outputs_are_identical_across_processes_and_hash_seeds(run_cli, tmp_path):
    from .conftest import BUNDLED_CLAIMS

    outputs = []
    for seed in ("1", "2"):
        html, report = tmp_path / f"map{seed}.html", tmp_path / f"report{seed}.md"
        assert run_cli("build", BUNDLED_CLAIMS, "-o", html, env={"PYTHONHASHSEED": seed}).returncode == 0
        assert run_cli("report", BUNDLED_CLAIMS, "-o", report, env={"PYTHONHASHSEED": seed}).returncode == 0
        crux = run_cli("query", "paths", "rel.wired-for-connection", "svc.life-neglected", "--json",
                       "--map", BUNDLED_CLAIMS, env={"PYTHONHASHSEED": seed}).stdout
        outputs.append((html.read_bytes(), report.read_bytes(), crux))
    assert outputs[0] == outputs[1]
