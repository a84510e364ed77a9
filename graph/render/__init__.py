"""Interactive, self-contained HTML pages of a graph or of a query result.

* :func:`render_page` (:mod:`.page`): a Dataset -> one HTML file;
* :func:`result_page` / :func:`write_result_page` (:mod:`.result`): the same
  for a ``kg path`` / ``neighbors`` / ``exposure`` result, highlighted;
* :mod:`.limits`: the size limits, importable without the renderer.

Names are loaded on first use, so ``import graph.render.limits`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {"PageOptions": "page", "check_size": "page", "render_page": "page",
         "iframe": "result", "result_nodes": "result",
         "Highlight": "highlight", "from_result": "highlight",
         "result_page": "result", "write_result_page": "result"}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
