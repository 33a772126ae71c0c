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
