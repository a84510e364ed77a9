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


def serve_screenshot(folder, entity: str | None, out) -> None:
    """The README's picture of the live explorer (scripts/screenshot --serve)."""
    import browser as support

    server = Live(memory_source(folder))
    b = support.Browser()
    try:
        if entity is None:
            entity = server.client.json("/api/stats?top=1")["most_connected"][0]["id"]
        page = open_live(b, f"http://127.0.0.1:{server.port}/", timeout=300)
        page.js("id => kg.selectEntity(id, {focus: false})", entity)
        page.js("network.fit()")
        page.page.wait_for_timeout(500)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(out))
        page.close()
    finally:
        b.close()
        server.stop()
