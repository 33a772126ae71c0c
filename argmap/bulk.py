"""Pausing Python's cyclic garbage collector while a map is built in bulk.

Loading a large map creates hundreds of thousands of small objects, none of
them in reference cycles. Each collection the collector triggers on the way
rescans the whole growing heap, which made a 20,000-claim build twice as slow
(bench/run.py measures it). Pausing it for the bulk work and restoring it
afterwards leaves memory unchanged: anything cyclic is collected then.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block, then restore its state.

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
        if was_enabled:
            gc.enable()
