"""How fast the page answers in headless Chromium, on synthetic folders.

    python -m benchmarks.page_perf [--sizes 5000x10000,10000x30000] [--page FILE ...]

For each size: generate a folder (benchmarks.generate, seed 1), render it,
open it in Debian's Chromium (tests/browser.py) and print the time to
interactive, then the median of three of: selecting an entity through the
API, a real mouse click on an entity and on empty canvas at Fit (each until
the next frame is painted), and applying an as-of filter. ``--page`` measures
already rendered pages instead (e.g. one built by an older version).
Numbers, not a timed test: the machine is shared; compare within one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FRAME = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def _click_ms(page, x: float, y: float) -> float:
    start = time.perf_counter()
    page.page.mouse.click(x, y)
    page.js(FRAME)
    return (time.perf_counter() - start) * 1000


def measure(browser, html: Path) -> dict[str, float]:
    page = browser.open(html, timeout=600)
    try:
        out: dict[str, float] = {"interactive_ms": page.ready_ms}
        ids = page.js("kg.data.entities.slice(0, 50).map(e => e.id)")
        hub = page.js("""(() => { let best = null, d = -1;
            network.body.data.nodes.forEach(n => { const k = network.getConnectedEdges(n.id).length;
              if (k > d) { d = k; best = n.id; } }); return best; })()""")
        page.js("network.fit()")
        page.js(FRAME)
        api, node, blank = [], [], []
        for i in range(3):
            t = time.perf_counter()
            page.js("id => kg.selectEntity(id)", ids[i])
            page.js(FRAME)
            api.append((time.perf_counter() - t) * 1000)
            page.js("kg.clearSelection(); network.fit()")
            page.js(FRAME)
            x, y = page.node_dom_position(hub)
            node.append(_click_ms(page, x, y))
            box = page.page.locator("#kg-graph").bounding_box()
            blank.append(_click_ms(page, box["x"] + 3, box["y"] + box["height"] - 3))
        out["select_api_ms"] = statistics.median(api)
        out["click_entity_ms"] = statistics.median(node)
        out["click_blank_ms"] = statistics.median(blank)
        if page.js("typeof kg.filter") == "function":
            t = time.perf_counter()
            page.js("kg.filter({asOf: '2020'})")
            page.js(FRAME)
            out["filter_asof_ms"] = (time.perf_counter() - t) * 1000
            page.js("kg.filter({asOf: null})")
        out["errors"] = len(page.console_errors)
        return out
    finally:
        page.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000x10000,10000x30000")
    parser.add_argument("--page", action="append", default=[], help="measure this rendered page")
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from browser import Browser, missing

    reason = missing()
    if reason:
        print(f"browser: skipped ({reason})")
        return
    browser = Browser()
    try:
        pages = [Path(p) for p in args.page]
        with tempfile.TemporaryDirectory() as tmp:
            if not pages:
                from benchmarks.generate import generate
                from graph.loader import load_dataset
                from graph.render import PageOptions, render_page

                for size in args.sizes.split(","):
                    n, m = (int(x) for x in size.split("x"))
                    folder = Path(tmp) / f"gen-{n}-{m}"
                    generate(folder, m, n, seed=1)
                    dataset = load_dataset(folder)
                    t = time.perf_counter()
                    html = render_page(dataset, PageOptions())
                    render_s = time.perf_counter() - t
                    target = Path(tmp) / f"page-{n}x{m}.html"
                    target.write_text(html, encoding="utf-8")
                    print(f"{n:,}/{m:,}: render {render_s:.2f}s, {len(html) / 1e6:.1f} MB", flush=True)
                    pages.append(target)
            for target in pages:
                result = measure(browser, target)
                print(target.name + ": " + ", ".join(
                    f"{k} {v:.0f}" for k, v in result.items()), flush=True)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
