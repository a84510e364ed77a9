"""examples/explore.ipynb runs in a real Jupyter kernel, and its outputs are the
results' own displays: HTML tables for find/stats, the explorer page in a
sandboxed iframe for paths and selections, the CLI's text."""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import ROOT, require

NOTEBOOK = ROOT / "examples" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        require(False, "nbclient/nbformat are not installed (pip install -e '.[test]')")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "ship the notebook without outputs"
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return [c for c in nb.cells if c.cell_type == "code"]


def _out(cell, mime: str) -> str:
    for out in cell.outputs:
        if out.output_type == "stream" and mime == "stream":
            return str(out.text)
        if out.output_type in ("execute_result", "display_data") and mime in out.data:
            return str(out.data[mime])
    raise AssertionError(f"no {mime} output in {cell.source!r}: {cell.outputs}")


def _page_data(frame: str) -> dict:
    """The data embedded in a page, or in the page inside a notebook frame."""
    framed = re.match(r'<iframe [^>]*srcdoc="([^"]*)"', frame)
    page = html.unescape(framed.group(1)) if framed else frame
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_the_notebook_runs_and_shows_results(executed, run_kg):
    import graph
    from conftest import SEEDS

    kg = graph.open(SEEDS)
    assert all(out.output_type != "error" for c in executed for out in c.outputs)
    opened, stats, find, path, text, ids, exposed, around, central = executed

    assert _out(opened, "text/plain").startswith("<KG MemoryOptions(seeds='../seeds'")
    assert _out(stats, "text/html") == kg.stats(top=5)._repr_html_()
    assert f"<tr><td>entities</td><td>{kg.stats().entities}</td></tr>" in _out(stats, "text/html")
    assert _out(find, "text/html").startswith("<table><caption>")
    assert "<td>softbank-group</td>" in _out(find, "text/html")

    frame = _out(path, "text/html")
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="')
    r = kg.path("SoftBank Group", "中芯国际", k=2, max_hops=5)
    data = _page_data(frame)
    assert set(data["highlight"]["edges"]) == {i for p in r.paths for i in p.relation_ids()}
    cli = run_kg("path", "SoftBank Group", "中芯国际", "--k", "2", "--max-hops", "5",
                 "--seeds", SEEDS)
    assert _out(text, "stream") == cli.stdout
    assert eval(_out(ids, "text/plain")) == [p.ids for p in r.paths]   # a plain list literal

    hits = kg.exposure("japan-55b-investment-tool", types="firm", countries="CN").hits
    assert eval(_out(exposed, "text/plain")) == [(h.entity.name, h.distance) for h in hits]
    assert hits, "the example should find something"
    sub = _page_data(_out(around, "text/html"))     # the page `kg render --focus` writes
    part = kg.select(focus="smic", depth=2)
    assert sub["focus"] == "smic" and sub["depth"] == 2
    assert set(part.dataset.entities) <= {e["id"] for e in sub["entities"]}
    expected = _page_data(kg.page(part))
    for key in ("generated", "folder"):    # the day, and ../seeds seen from examples/
        sub.pop(key, None)
        expected.pop(key, None)
    assert sub == expected
    import networkx as nx

    g = kg.to_networkx(kg.select(focus="smic", depth=2))
    assert eval(_out(central, "text/plain")) == sorted(nx.degree_centrality(g).items(),
                                                        key=lambda kv: -kv[1])[:3]


@pytest.mark.browser
def test_the_path_frame_works_in_a_real_browser(executed, tmp_path, browser):
    """The notebook's path output, as a notebook shows it: the page runs inside the
    sandboxed iframe (opaque origin, no network) and highlights the paths."""
    import time

    host = tmp_path / "notebook-output.html"
    host.write_text("<!DOCTYPE html><meta charset='utf-8'><body>"
                    + _out(executed[3], "text/html") + "</body>", encoding="utf-8")
    context = browser.browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(host.as_uri())
        deadline = time.monotonic() + 60
        frame = None
        while time.monotonic() < deadline:
            frames = [f for f in page.frames if f != page.main_frame]
            if frames and frames[0].evaluate("!!(window.kg && kg.ready)"):
                frame = frames[0]
                break
            time.sleep(0.1)
        assert frame is not None, f"the framed page never got ready: {errors}"
        lit = frame.evaluate("kg.lit()")
        data = _page_data(_out(executed[3], "text/html"))
        assert lit["edges"] == sorted(data["highlight"]["edges"])
        assert errors == [] and requests == [host.as_uri()]
    finally:
        context.close()
