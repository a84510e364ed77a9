"""One progress wrapper for every slow job (load, render, export, Neo4j load).

Bars go to stderr, only when stderr is a terminal and not ``quiet``; piped
output and tests stay clean.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, TypeVar

T = TypeVar("T")

_quiet = bool(os.environ.get("KG_QUIET"))


def set_quiet(quiet: bool) -> None:
    global _quiet
    _quiet = quiet


def enabled() -> bool:
    return not _quiet and sys.stderr.isatty()


@contextmanager
def progress(label: str, total: int | None = None, show: bool = True) -> Iterator["_Bar"]:
    """``with progress("Loading", total=n) as bar: bar.update(k)``.

    ``show=False`` keeps a quick job silent even on a terminal.
    """
    bar = _Bar(label, total) if show and enabled() else _Bar(label, total, silent=True)
    try:
        yield bar
    finally:
        bar.finish()


def iterate(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` while showing progress."""
    with progress(label, total) as bar:
        for item in items:
            yield item
            bar.update(1)


class _Bar:
    def __init__(self, label: str, total: int | None, silent: bool = False):
        self.silent = silent
        self.label = label
        self.total = total
        self.done = 0
        self._bar: Any = None          # a click progress bar
        if not silent:
            import click
            self._bar = click.progressbar(length=total, label=label, file=sys.stderr,
                                          show_pos=True)
            self._bar.__enter__()

    def update(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
