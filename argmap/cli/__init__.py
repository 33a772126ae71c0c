"""The command line: argument parsing (:mod:`~argmap.cli.main`), the question
registry of ``argmap query`` (:mod:`~argmap.cli.questions`), and plain-text
output (:mod:`~argmap.cli.text`).
"""

from .main import build_parser, main

__all__ = ["build_parser", "main"]
