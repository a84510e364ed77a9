"""Bulk work on millions of objects (loading, caching, indexing)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    Loading makes millions of objects that all stay alive; the collector would
    rescan them again and again for nothing (a third of a 1M-relation load).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
