"""Pages for query results (``kg path/neighbors/exposure --html``)."""

from __future__ import annotations

from typing import Any

from ..output import write_output
from ..store.base import Store
from .highlight import from_result
from .page import PageOptions, render_page


def result_page(store: Store, result: Any, options: PageOptions = PageOptions()) -> str:
    """The page for a query result: the graph its entities induce, the result emphasised
    and listed in order in the side panel."""
    highlight = from_result(result)
    return render_page(store.dataset(highlight.nodes), options, highlight)


def write_result_page(store: Store, result: Any, target: str, force: bool = False) -> None:
    """Write :func:`result_page` to ``target`` (never over a file without ``force``)."""
    write_output(target, result_page(store, result), force)
