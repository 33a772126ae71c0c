"""The package as it ships: metadata a registry shows, and an sdist whose tests run."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile

from .conftest import REPO


def test_the_sdist_carries_its_tests_and_they_run(tmp_path):
    built = subprocess.run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "-o", str(tmp_path / "dist"),
                            str(REPO)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    (sdist,) = (tmp_path / "dist").glob("argmap-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "src", filter="data")
    root = tmp_path / "src" / sdist.name.removesuffix(".tar.gz")
    for needed in ("LICENSE", "README.md", "tests/conftest.py", "claims/map.yaml", "docs/comparison.png", ".ci/run"):
        assert (root / needed).exists(), needed
    assert not any("__pycache__" in n or ".argmap-cache" in n or "/output/" in n for n in names)
    # The sdist's own tests pass on the sdist's own code.
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_bundled_map.py",
                          "tests/test_load.py"], cwd=root, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(root), "CI": ""})  # no ../shared beside it
    assert ran.returncode == 0, ran.stdout[-2000:]
    assert " passed" in ran.stdout


def test_the_metadata_names_its_license_and_audience():
    text = (REPO / "pyproject.toml").read_text()
    assert 'license = "MIT"' in text and 'license-files = ["LICENSE"]' in text
    assert "Typing :: Typed" in text and (REPO / "argmap" / "py.typed").exists()
    assert (REPO / "LICENSE").read_text().startswith("MIT License")


def test_mypy_passes_on_the_package(tmp_path):
    # The cache goes to a scratch folder, so the test leaves nothing in the repository.
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert done.stdout.startswith("Success: no issues found")
