"""Pages for query results (``kg path/neighbors/exposure --html``, notebooks).

These take the result and the graph its entities induce (``result_nodes``
says which entities; the caller fetches them from wherever the graph lives).
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Dataset
from ..output import write_output
from .highlight import from_result
from .page import PageOptions, render_page


def result_nodes(result: Any) -> list[str]:
    """The entity ids whose induced graph the result's page shows."""
    return from_result(result).nodes


def result_page(subgraph: Dataset, result: Any, options: PageOptions = PageOptions()) -> str:
    """The page for a query result: ``subgraph`` (the graph :func:`result_nodes`
    induce), the result emphasised and listed in order in the side panel."""
    return render_page(subgraph, options, from_result(result))


def write_result_page(subgraph: Dataset, result: Any, target: str, force: bool = False,
                      options: PageOptions = PageOptions()) -> None:
    """Write :func:`result_page` to ``target`` (never over a file without ``force``)."""
    write_output(target, result_page(subgraph, result, options), force)


def iframe(page: str, height: int = 600) -> str:
    """A page inside a sandboxed iframe, for notebooks: the page's scripts run, but
    in an opaque origin (no access to the notebook, its cookies or its kernel).

    >>> iframe("<p title='a'>x</p>", 300)[:62]
    '<iframe sandbox="allow-scripts" srcdoc="&lt;p title=&#x27;a&#x'
    """
    return (f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            'loading="lazy" referrerpolicy="no-referrer"></iframe>')
