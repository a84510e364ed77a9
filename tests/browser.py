"""Driving rendered pages in a real headless Chromium (Debian's, via Playwright).

Shared by the browser tests and ``scripts/screenshot``, so the README's
screenshot is made by the tests' own code path. Playwright's own browser
download cannot work here: we always launch ``/usr/bin/chromium`` (or
``$KG_CHROMIUM``) with a fresh, empty profile.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set KG_CHROMIUM)"
    return None


class Browser:
    """One headless Chromium; open pages with :meth:`open`. Close when done."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            # launch() (not a persistent context) starts from a new, empty profile
            self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception:
            self._pw.stop()
            raise

    def open(self, html_file: str | Path, *, csp: bool = True, timeout: float = 60.0) -> "Page":
        """Load a page and wait until it says it is interactive (``kg.ready``)."""
        context = self.browser.new_context(viewport=VIEWPORT, bypass_csp=not csp,
                                           accept_downloads=True)
        page = Page(context, context.new_page(), Path(html_file).resolve().as_uri())
        page.load(timeout)
        return page

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            self._pw.stop()


@dataclass
class Page:
    context: Any
    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    load_seconds: float = 0.0
    ready_ms: float = 0.0     # performance.now() when the page said it was ready

    def load(self, timeout: float) -> None:
        p = self.page
        p.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        p.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))
        p.on("request", lambda r: r.url != self.url and self.foreign_requests.append(r.url))
        start = time.perf_counter()
        p.goto(self.url)
        self.wait("window.kg && kg.ready === true", timeout)
        self.load_seconds = time.perf_counter() - start
        self.ready_ms = self.js("kg.readyAt")

    def js(self, expression: str, arg: Any = None) -> Any:
        """Evaluate in the page (works under the page's strict CSP, unlike wait_for_function)."""
        return self.page.evaluate(expression, arg)

    def wait(self, expression: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if any(e.startswith("uncaught:") for e in self.console_errors):
                raise AssertionError(f"the page failed: {self.console_errors}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {expression}")
            time.sleep(0.05)

    def settle(self, timeout: float = 15.0) -> None:
        """Wait until the view stops moving (zoom animations end)."""
        view = "JSON.stringify([network.getViewPosition(), network.getScale()])"
        deadline = time.monotonic() + timeout
        last = self.js(view)
        while True:
            time.sleep(0.15)
            now = self.js(view)
            if now == last:
                return
            if time.monotonic() > deadline:
                raise AssertionError("the view kept moving")
            last = now

    def in_view(self, entity_ids: list[str]) -> list[str]:
        """Which of these entities are drawn inside the graph's window."""
        return self.js("""ids => { const c = document.getElementById('kg-graph');
            return ids.filter(id => { const p = network.canvasToDOM(network.getPositions([id])[id]);
              return p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth && p.y <= c.clientHeight; }); }""",
                       entity_ids)

    def node_dom_position(self, entity_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        box = self.page.locator("#kg-graph").bounding_box()
        pos = self.js("id => network.canvasToDOM(network.getPositions([id])[id])", entity_id)
        return box["x"] + pos["x"], box["y"] + pos["y"]

    def close(self) -> None:
        self.context.close()


def render_to(path: Path, dataset: Any, highlight: Any = None, **options: Any) -> Path:
    """Render ``dataset`` to ``path`` with the library (as `kg render` does)."""
    from graph.render import PageOptions, render_page

    path.write_text(render_page(dataset, PageOptions(**options), highlight), encoding="utf-8")
    return path


def seeds_screenshot(browser: Browser, html_file: Path, out: Path,
                     entity: str = "softbank-group") -> Page:
    """The README screenshot: the shipped seeds with one entity selected."""
    page = browser.open(html_file)
    page.js("id => kg.selectEntity(id, {focus: false})", entity)
    page.js("network.fit()")
    page.page.wait_for_timeout(300)
    out.parent.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(out))
    return page


def path_screenshot(browser: Browser, html_file: Path, out: Path,
                    a: str = "SoftBank Group", b: str = "中芯国际") -> Page:
    """The paths between two entities, each hop's evidence in the panel."""
    page = browser.open(html_file)
    page.js("([a, b]) => kg.path(a, b)", [a, b])
    page.settle()
    page.page.screenshot(path=str(out))
    return page


def narrow_screenshot(browser: Browser, html_file: Path, out: Path, entity: str = "smic",
                      width: int = 360) -> Page:
    """A phone-sized window: the graph, then the panel below it (the whole page)."""
    context = browser.browser.new_context(viewport={"width": width, "height": 740})
    page = Page(context, context.new_page(), Path(html_file).resolve().as_uri())
    page.load(60)
    page.js("id => kg.select(id)", entity)
    page.settle()
    page.page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": width, "height": 1100},
                         full_page=True)
    return page


def overview_screenshot(browser: Browser, html_file: Path, out: Path) -> Page:
    """A big page as it opens: the overview at Fit."""
    page = browser.open(html_file, timeout=300)
    page.page.wait_for_timeout(300)
    page.page.screenshot(path=str(out))
    return page
