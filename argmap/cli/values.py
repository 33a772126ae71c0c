"""Checked command-line values: argparse rejects a bad one with its usage error, never a traceback."""

from __future__ import annotations

import argparse
from typing import Callable


def bounded(kind: Callable[[str], float], low: float, high: float | None = None,
             name: str = "a number") -> Callable[[str], float]:
    """An argparse type: a number within [low, high], or argparse's own usage error.

    >>> port("8000"), count("0")
    (8000, 0)
    >>> port("70000")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 70000 is out of range: give a port number from 0 to 65535
    """
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {name}") from None
        if value != value or value < low or (high is not None and value > high):  # NaN too
            span = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"{text} is out of range: give {name} {span}")
        return value
    parse.__name__ = name  # argparse names the type in its messages
    return parse


count = bounded(int, 0, name="a whole number")
positive_count = bounded(int, 1, name="a whole number")
port = bounded(int, 0, 65535, name="a port number")
seconds = bounded(float, 0.05, 3600, name="a number of seconds")


def megabytes(text: str) -> int:
    """An argparse type: a size in MB, as bytes.

    >>> megabytes("1.5")
    1572864
    """
    return int(bounded(float, 0.001, 1 << 20, name="a size in MB")(text) * 2**20)
