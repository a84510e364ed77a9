"""Pages and exports: how long they take and how big they are.

    python -m benchmarks.render [--entities 5000 --relations 10000]

Prints, for the shipped seeds and a synthetic folder (benchmarks.generate):
load time, `render_page` time and page size, each export format's time and
size, then (when Debian's chromium and Playwright are there) the time until
the page is interactive in headless Chromium and the time a click takes.
Numbers, not a timed test: compare them within one run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def measure(name: str, folder: Path, work: Path) -> Path:
    from graph.export import export
    from graph.loader import load_dataset
    from graph.render import render_page

    dataset, load_s = _timed(lambda: load_dataset(folder))
    html, render_s = _timed(lambda: render_page(dataset))
    page = work / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    print(f"{name}: {len(dataset.entities):,} entities, {len(dataset.relations):,} relations; "
          f"load {load_s:.2f}s, render {render_s:.2f}s, page {page.stat().st_size / 1e6:.2f} MB")
    for fmt in ("graphml", "gexf", "json", "csv", "cypher"):
        target = work / f"{name}.{fmt}"
        exporter, s = _timed(lambda: export(dataset, fmt, str(target), force=True))
        size = sum(Path(p).stat().st_size for p in exporter.written)
        print(f"  export {fmt:8} {s:.2f}s  {size / 1e6:.2f} MB")
    return page


def browse(pages: list[Path]) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import Browser, missing

    reason = missing()
    if reason:
        print(f"browser: skipped ({reason})")
        return
    browser = Browser()
    try:
        for page_file in pages:
            page = browser.open(page_file, timeout=180)
            first = page.js("kg.data.entities[0].id")
            _, click_s = _timed(lambda: page.js("id => kg.selectEntity(id)", first))
            redraw_s = sorted(page.js("""() => [0, 1, 2].map(() => {
                const t = performance.now(); network.redraw(); return performance.now() - t; })""")
                              )[1] / 1000   # median of three, timed inside the page
            print(f"{page_file.stem}: interactive {page.ready_ms / 1000:.2f}s after navigation "
                  f"start (Chromium, headless, no GPU); select {click_s:.2f}s, "
                  f"redraw {redraw_s:.2f}s; console errors {len(page.console_errors)}, "
                  f"requests {len(page.foreign_requests)}")
            page.close()
    finally:
        browser.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5_000)
    parser.add_argument("--relations", type=int, default=10_000)
    args = parser.parse_args(argv)
    from benchmarks.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        synthetic = work / "synthetic"
        generate(synthetic, args.relations, args.entities, seed=1)
        pages = [measure("seeds", ROOT / "seeds", work),
                 measure(f"synthetic-{args.entities}", synthetic, work)]
        browse(pages)


if __name__ == "__main__":
    main()
