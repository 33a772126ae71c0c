"""The speed helpers, in one place: phase timing, progress, and GC pausing.

Only the orchestrators (loading a map, building a page, the command line)
use them; the model and the readers know nothing of them.

The orchestrators mark their phases with :func:`phase`. Outside
:func:`profiling` that costs nothing; inside, a :class:`Profile` adds up the
time of each phase (a nested phase's time is its own, not its parent's),
counts the files parsed and those taken from the cache, and, when given a
progress stream, reports what it is doing once a run has taken more than a
second.

:func:`gc_paused` pauses Python's cyclic garbage collector for bulk work.
Loading a large map creates hundreds of thousands of small objects, none of
them in reference cycles. Each collection the collector triggers on the way
rescans the whole growing heap, which made a 20,000-claim build twice as slow
(bench/run.py measures it). Pausing it for the bulk work and restoring it
afterwards leaves memory unchanged: anything cyclic is collected then.

>>> with profiling() as profile:
...     with phase("parse YAML"):
...         pass
>>> list(profile.seconds)
['parse YAML']
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, TextIO

PROGRESS_AFTER_SECONDS = 1.0


class Profile:
    """Seconds per phase, in the order phases first ran, plus file counts."""

    def __init__(self, progress: TextIO | None = None, clock=time.perf_counter):  # type: ignore[no-untyped-def]
        self.seconds: dict[str, float] = {}
        self.parsed_files: list[str] = []
        self.cached_files: list[str] = []
        self._progress = progress
        self._clock = clock
        self._started = clock()
        self._stack: list[tuple[str, float]] = []
        self._shown = False

    def enter(self, name: str) -> None:
        now = self._clock()
        if self._stack:
            outer, since = self._stack[-1]
            self.seconds[outer] = self.seconds.get(outer, 0.0) + now - since
        self._stack.append((name, now))
        self.seconds.setdefault(name, 0.0)
        self.report(name)

    def leave(self) -> None:
        now = self._clock()
        name, since = self._stack.pop()
        self.seconds[name] += now - since
        if self._stack:
            self._stack[-1] = (self._stack[-1][0], now)

    def report(self, message: str) -> None:
        """Show ``message`` as progress, once the run has taken over a second."""
        if self._progress is not None and self._clock() - self._started > PROGRESS_AFTER_SECONDS:
            self._progress.write(f"\r\x1b[Kargmap: {message}…")
            self._progress.flush()
            self._shown = True

    def finish(self) -> None:
        """Clear the progress line, if one was shown."""
        if self._shown and self._progress is not None:
            self._progress.write("\r\x1b[K")
            self._progress.flush()
            self._shown = False

    def table(self) -> str:
        """The phases as a small table, with the total and the file counts.

        >>> p = Profile(clock=iter([0, 0, 1.5, 1.5, 2.0]).__next__)
        >>> p.enter("parse YAML"); p.leave(); p.enter("write"); p.leave()
        >>> print(p.table())
        phase            seconds  share
        parse YAML         1.500    75%
        write              0.500    25%
        total              2.000
        files parsed: 0, from cache: 0
        """
        total = sum(self.seconds.values()) or 1e-9
        lines = [f"{'phase':<16} {'seconds':>7}  share"]
        lines += [f"{name:<16} {seconds:7.3f}  {seconds / total:5.0%}" for name, seconds in self.seconds.items()]
        lines.append(f"{'total':<16} {sum(self.seconds.values()):7.3f}")
        lines.append(f"files parsed: {len(self.parsed_files)}, from cache: {len(self.cached_files)}")
        return "\n".join(lines)


_current: ContextVar[Profile | None] = ContextVar("argmap_profile", default=None)


@contextmanager
def profiling(progress: TextIO | None = None) -> Iterator[Profile]:
    """Collect a :class:`Profile` of everything run inside the block."""
    profile = Profile(progress)
    token = _current.set(profile)
    try:
        yield profile
    finally:
        _current.reset(token)
        profile.finish()


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Mark a phase of the pipeline; a no-op unless profiling."""
    profile = _current.get()
    if profile is None:
        yield
        return
    profile.enter(name)
    try:
        yield
    finally:
        profile.leave()


def report_progress(message: str) -> None:
    """Show ``message`` as progress of the run being profiled, if any."""
    profile = _current.get()
    if profile is not None:
        profile.report(message)


def count_file(path: str, *, cached: bool) -> None:
    """Count one file of the run being profiled as parsed, or as taken from the cache."""
    profile = _current.get()
    if profile is not None:
        (profile.cached_files if cached else profile.parsed_files).append(path)


@contextmanager
def gc_paused(*, then_freeze: bool = False) -> Iterator[None]:
    """Disable the cyclic collector inside the block, then restore its state.

    With ``then_freeze``, for a process that ends after the block, what it
    allocated is frozen first (``gc.freeze``): otherwise the first collection
    after the block scans all of it, which delayed the exit of a query on a
    100,000-claim map by most of a second.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if then_freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
