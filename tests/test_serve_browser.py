"""The live explorer in real headless Chromium, against a running `kg serve`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import SEEDS
from test_serve import Live, memory_source

pytestmark = pytest.mark.browser


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
        assert page.js("Promise.resolve(kg.search('semi')).then(hs => hs.map(h => h.e.id))")[:1] == ["semiconductors"]
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
        page = open_live(b, f"http://127.0.0.1:{server.port}/", timeout=300)
        if entity is None:      # where the explorer opened
            entity = page.js("kg.data.focus") or server.client.json(
                "/api/stats?top=1")["most_connected"][0]["id"]
        page.js("id => kg.selectEntity(id, {focus: false})", entity)
        page.js("network.fit()")
        page.page.wait_for_timeout(500)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(out))
        page.close()
    finally:
        b.close()
        server.stop()


# -- the live explorer over a graph bigger than its first page -----------------------------
@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Iterator[Live]:
    """A generated folder whose whole graph is over the (lowered) page limit, so the
    explorer opens on part of it and must fetch the rest from the server."""
    from benchmarks.generate import generate
    from graph.serve.limits import Ceilings

    folder = tmp_path_factory.mktemp("serve-big") / "big"
    generate(folder, relations=3000, seed=7)
    server = Live(memory_source(folder), ceilings=Ceilings(page_entities=300, page_relations=3000))
    yield server
    server.stop()


def _far_entity(live: Live, held: set[str]) -> dict:
    """An entity the page does not hold, with a name the server finds."""
    stats = live.client.json("/api/stats?top=100")
    for e in stats["most_connected"][::-1]:
        if e["id"] not in held:
            return e
    raise AssertionError("every entity is on the page")


def test_live_search_brings_in_what_the_page_does_not_hold(browser, big):
    origin = f"http://127.0.0.1:{big.port}"
    page = open_live(browser, origin + "/")
    try:
        held = set(page.js("kg.data.entities.map(e => e.id)"))
        total = big.client.json("/api/stats?top=1")["entities"]
        assert len(held) < total
        far = _far_entity(big, held)
        page.page.fill("#kg-search", far["name"])
        page.wait(f"document.querySelector('#kg-search-results li[data-entity=\"{far['id']}\"]') !== null")
        page.page.click(f"#kg-search-results li[data-entity=\"{far['id']}\"]")
        page.wait(f"kg.selected && kg.selected.id === {json.dumps(far['id'])}")
        assert page.page.locator("#kg-details-name").inner_text() == far["name"]
        # its neighbours came with it, as the server's records say
        want = {e["id"] for e in big.client.json(f"/api/records/neighbors/{far['id']}")["entities"]}
        visible = set(page.js("kg.visible().entities"))
        assert far["id"] in visible and want <= set(page.js("Array.from(kg.nodes.getIds())"))
        # a request over a ceiling is said in the status line, not thrown at the console
        page.js("void kg.expand('no-such-entity-anywhere')")
        page.wait("document.getElementById('kg-status').textContent.includes('no entity matches')")
        # (Chromium itself logs the 404 it fetched; nothing else)
        assert [e for e in page.console_errors if "status of 404" not in e] == []
        assert foreign(page, origin) == []
    finally:
        page.close()


def test_live_expand_collapse_path_and_date(browser, big):
    origin = f"http://127.0.0.1:{big.port}"
    page = open_live(browser, origin + "/")
    try:
        focus = page.js("kg.state().focus || kg.data.focus")
        held = set(page.js("Array.from(kg.nodes.getIds())"))
        far = _far_entity(big, held)
        # expand a shown entity whose relations go beyond the page: the server sends its ring
        edge = page.js("kg.data.entities.filter(e => e.more && e.id !== kg.data.focus)"
                       ".map(e => e.id)")[0]
        ring = {e["id"] for e in big.client.json(f"/api/records/neighbors/{edge}")["entities"]}
        assert not ring <= held
        page.js("id => kg.expand(id)", edge)
        page.wait(f"{json.dumps(sorted(ring))}.every(id => kg.visible().entities.includes(id))")
        page.js("id => kg.collapse(id)", edge)
        assert not ring <= set(page.js("kg.visible().entities"))
        # a path over the whole graph, from the form, equal to kg path's answer
        want = big.client.json(f"/api/path?from={focus}&to={far['id']}")
        for box, entity in (("#kg-from", focus), ("#kg-to", far["id"])):
            page.page.fill(box, entity)      # the server's matches, then Enter takes the first
            page.wait(f"document.querySelector('{box}-results li[data-entity]') !== null")
            page.page.press(box, "Enter")
        page.wait("document.querySelector('#kg-path-items') !== null")
        got = page.js("kg.state()")
        assert (got["from"], got["to"]) == (focus, far["id"])
        items = page.page.locator("#kg-path-items > li").count()
        assert items == want["found"] and want["found"] > 0
        on_path = {e["id"] for p in want["paths"] for e in p["entities"]}
        assert on_path <= set(page.js("kg.visible().entities"))
        # the date: the page filters what it holds, and paths ask the server as of it
        year = "2021"
        page.js("y => kg.filter({asOf: y})", year)
        dated = big.client.json(f"/api/path?from={focus}&to={far['id']}&as_of={year}")
        res = page.js("([a, b]) => kg.paths(a, b)", [focus, far["id"]])
        assert res["found"] == dated["found"]
        assert res["filters"]["as_of"] == year
        assert page.console_errors == [] and foreign(page, origin) == []
    finally:
        page.close()


def test_save_this_view_downloads_what_kg_render_writes(browser, big, run_kg, tmp_path,
                                                        monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    origin = f"http://127.0.0.1:{big.port}"
    page = open_live(browser, origin + "/")
    try:
        focus = page.js("kg.state().focus || kg.data.focus")
        page.js("t => kg.toggleType(t)", "sector")
        selection = page.js("kg.source.viewSelection(kg)")
        with page.page.expect_download() as info:
            page.page.click("#kg-save")
        saved = Path(info.value.path()).read_bytes()
        assert selection["focus"] == focus and "sector" not in selection["type"]
        out = tmp_path / "cli.html"
        args = ["render", "--seeds", big.service.source.seeds, "--focus", focus,
                "--depth", str(selection["depth"]), "--type", ",".join(selection["type"]),
                "--max-entities", "300", "--max-relations", "3000", "-o", str(out)]
        r = run_kg(*args)
        assert r.exit_code == 0, r.output
        assert saved == out.read_bytes()
    finally:
        page.close()
