"""The README's Python examples run, and show real output."""

import doctest
import os

from .conftest import REPO


def test_readme_examples_run(tmp_path):
    (tmp_path / "output").mkdir()
    os.symlink(REPO / "claims", tmp_path / "claims")
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = doctest.testfile(str(REPO / "README.md"), module_relative=False,
                                  optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    finally:
        os.chdir(previous)
    assert result.attempted >= 20
    assert result.failed == 0


def readme_shell_examples() -> list[str]:
    text = (REPO / "README.md").read_text()
    commands = []
    for block in text.split("<!-- shell examples: run in tests -->")[1:]:
        body = block.split("```console\n", 1)[1].split("```", 1)[0]
        commands += [line[2:] for line in body.splitlines() if line.startswith("$ ")]
    return commands


def test_readme_shell_examples_run(tmp_path):
    import shutil
    import subprocess
    import sys

    commands = readme_shell_examples()
    assert len(commands) >= 12
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run([*git, "add", "claims"], check=True)
    subprocess.run([*git, "commit", "-qm", "claims"], check=True)
    for command in commands:
        assert command.startswith("argmap ")
        done = subprocess.run([sys.executable, "-m", "argmap", *command.split()[1:]], cwd=tmp_path,
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert done.returncode == 0, (command, done.stderr)
