"""The HTML the server hands out: the live explorer and saved views.

Both carry, as an HTTP header, the very Content-Security-Policy the page
declares in its ``<meta>`` tag (read back from the page, so the two cannot
drift apart).
"""

from __future__ import annotations

import json
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


def explorer_page(ex: Explorer, max_entities: int, max_relations: int
                  ) -> tuple[bytes, str, dict[str, str]]:
    """The explorer at ``/`` (see :meth:`Explorer.start_page`), live."""
    html = live_page(ex.start_page(max_entities, max_relations),
                     {"api": "/api", "page": "/page", "backend": ex.source.backend})
    return html.encode("utf-8"), "text/html; charset=utf-8", {"content-security-policy":
                                                              page_csp(html)}


_DATA = re.compile(r'(<script type="application/json" id="kg-data">)(.*?)(</script>)', re.S)
SOURCE_JS = "static/source.js"


def script_hash(script: str) -> str:
    """A CSP source allowing one inline script: ``'sha256-...'``."""
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def embedded_data(html: str) -> Any:
    """The JSON document a page embeds (what ``/api/view`` answers)."""
    data = _DATA.search(html)
    if data is None:
        raise ValueError("the page has no embedded kg-data")
    return json.loads(data.group(2))


def _source_js() -> str:
    from pathlib import Path

    return (Path(__file__).parent / SOURCE_JS).read_text(encoding="utf-8")


def live_page(html: str, server: dict[str, Any]) -> str:
    """The page `kg render` writes, made live: its data says where the API is
    (``server``), the server's data source (``static/source.js``) runs before the
    page script, and its CSP also allows that script and ``connect-src 'self'``
    (fetching from its own server; still nothing else)."""
    from ..render.page import script_json

    data = _DATA.search(html)
    assert data is not None
    doc = embedded_data(html)
    doc["server"] = server
    html = html[:data.start(2)] + script_json(doc) + html[data.end(2):]
    source = _source_js()
    last = html.rindex("<script>")          # the page's own script comes last
    html = html[:last] + f"<script>{source}</script>\n" + html[last:]
    csp = page_csp(html)
    live = csp.replace("script-src ", f"script-src {script_hash(source)} ", 1) + \
        "; connect-src 'self'"
    return html.replace(f'content="{csp}"', f'content="{live}"', 1)
