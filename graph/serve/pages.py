"""The HTML the server hands out: the live explorer and saved views.

Both carry, as an HTTP header, the very Content-Security-Policy the page
declares in its ``<meta>`` tag (read back from the page, so the two cannot
drift apart).
"""

from __future__ import annotations

import re
from typing import Any
from .backend import Explorer

_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def page_csp(html: str) -> str:
    """The CSP a page declares in its ``<meta>`` tag."""
    m = _META_CSP.search(html)
    if m is None:
        raise ValueError("the page has no Content-Security-Policy meta tag")
    return m.group(1)


def saved_page_headers(html: str, stem: str = "graph") -> dict[str, str]:
    """Headers for "save this view": a download, under the page's own CSP."""
    return {"content-security-policy": page_csp(html),
            "content-disposition": f'attachment; filename="{stem}.html"'}


def explorer_page(ex: Explorer, limits: Any) -> tuple[bytes, str, dict[str, str]]:
    """The explorer at ``/``: the whole graph when it fits on a page, else the
    neighbourhood of its most connected entity (or that entity alone)."""
    from dataclasses import replace

    from ..errors import TooLarge

    focus = None if ex.whole_graph_fits(limits) else ex.start_entity()
    dataset, options = ex.selection_dataset(focus, 1, None, None, limits)
    try:
        html = ex.page(dataset, options)
    except TooLarge:
        dataset = ex.store.dataset([focus] if focus else [])
        html = ex.page(dataset, replace(options, subtitle=f"{focus}; search to explore"))
    return html.encode("utf-8"), "text/html; charset=utf-8", {"content-security-policy":
                                                              page_csp(html)}

