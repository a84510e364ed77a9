"""The live explorer in real headless Chromium, against a running `kg serve`."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import SEEDS, require
from test_serve import Live, memory_source

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    import browser as support          # tests/browser.py

    require(support.missing() is None, str(support.missing()))
    b = support.Browser()
    yield b
    b.close()


def open_live(browser, url: str, timeout: float = 60.0):
    """Open a served page (CSP enforced) and wait until it says it is ready."""
    import browser as support

    context = browser.browser.new_context(viewport=support.VIEWPORT, accept_downloads=True)
    page = support.Page(context, context.new_page(), url)
    page.load(timeout)
    return page


def foreign(page, origin: str) -> list[str]:
    """Requests the page made anywhere but its own server (and data: URLs)."""
    return [u for u in page.foreign_requests
            if not u.startswith("data:") and f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" != origin]


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    server = Live(memory_source(SEEDS))
    yield server
    server.stop()


def test_the_explorer_loads_under_its_csp_and_searches(browser, live):
    origin = f"http://127.0.0.1:{live.port}"
    page = open_live(browser, origin + "/")
    try:
        assert page.console_errors == []
        assert foreign(page, origin) == []
        assert page.js("kg.search('semi').map(h => h.e.id)")[:1] == ["semiconductors"]
        page.page.fill("#kg-search", "SoftBank")
        page.page.keyboard.press("Enter")
        page.wait("kg.selected && kg.selected.id === 'softbank-group'")
        assert page.page.locator("#kg-details-name").inner_text() == "SoftBank Group"
    finally:
        page.close()
