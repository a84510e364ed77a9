"""`kg render` and `--html` on the query commands: exit codes, exact messages, files."""

from __future__ import annotations

import json
import re

import pytest

from conftest import MINI


def page_data(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


def test_render_writes_graph_html_by_default(run_kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kg("render", "--seeds", MINI)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert r.stderr == "Wrote graph.html (12 entities, 13 relations)\n"
    data = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert len(data["entities"]) == 12 and data["title"] == "mini — kg-explorer"


def test_render_never_overwrites_without_force(run_kg, tmp_path):
    out = tmp_path / "page.html"
    out.write_text("mine")
    r = run_kg("render", "--seeds", MINI, "-o", out)
    assert r.exit_code == 1
    assert r.output == f"Error: {out} already exists; pass --force to overwrite it\n"
    assert out.read_text() == "mine"
    r = run_kg("render", "--seeds", MINI, "-o", out, "--force")
    assert r.exit_code == 0 and "<!DOCTYPE html>" in out.read_text(encoding="utf-8")


def test_render_to_stdout(run_kg):
    r = run_kg("render", "--seeds", MINI, "-o", "-", "--title", "Mini map")
    assert r.exit_code == 0
    assert r.stdout.startswith("<!DOCTYPE html>") and "<title>Mini map</title>" in r.stdout
    assert r.stderr == ""


def test_render_focus_type_rel(run_kg, tmp_path):
    out = tmp_path / "f.html"
    r = run_kg("render", "--seeds", MINI, "-o", out, "--focus", "战略基金", "--depth", "2",
               "--type", "project,ministry", "--rel", "funds", "--rel", "invests_in,leads")
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {e["id"] for e in data["entities"]} == {"fund-a", "proj-1", "proj-2", "min-a"}
    assert {x["type"] for x in data["relations"]} <= {"funds", "invests_in", "leads"}
    assert data["subtitle"] == ("within 2 hops of 战略基金; types ministry, project; "
                                "relations funds, invests_in, leads")
    assert r.stderr == f"Wrote {out} (4 entities, 4 relations)\n"


@pytest.mark.parametrize("args, message", [
    (["--type", "frim"], "Error: unknown entity type 'frim' (did you mean 'firm'?); known: "),
    (["--rel", "fund"], "Error: unknown relation type 'fund' (did you mean 'funds'?); known: "),
    (["--focus", "Nobody Inc"], "Error: no entity matches 'Nobody Inc'"),
    (["--focus", "fund-a", "--depth", "0"], "Error: --depth must be a positive number, got 0\n"),
])
def test_render_bad_filters(run_kg, tmp_path, args, message):
    r = run_kg("render", "--seeds", MINI, "-o", tmp_path / "x.html", *args)
    assert r.exit_code == 1
    assert r.output.startswith(message)
    assert not (tmp_path / "x.html").exists()


def test_render_refuses_an_unusably_large_page(run_kg, tmp_path, monkeypatch):
    r = run_kg("render", "--seeds", MINI, "-o", tmp_path / "x.html", "--max-entities", "10")
    assert r.exit_code == 1
    assert r.output == (
        "Error: the page would show 12 entities and 13 relations, more than the limit of 10 "
        "entities / 30,000 relations; narrow it with --focus ENTITY --depth N, --type TYPE or "
        "--rel TYPE (or raise the limits with --max-entities/--max-relations)\n")
    assert not (tmp_path / "x.html").exists()
    monkeypatch.setenv("KG_MAX_RELATIONS", "5")
    r = run_kg("render", "--seeds", MINI, "-o", tmp_path / "x.html")
    assert r.exit_code == 1 and "limit of 10,000 entities / 5 relations" in r.output
    r = run_kg("render", "--seeds", MINI, "-o", tmp_path / "x.html", "--focus", "firm-x")
    assert r.exit_code == 0   # the focused page is small enough


# -- --html on the query commands ----------------------------------------------------
def test_path_html_highlights_the_paths(run_kg, tmp_path):
    out = tmp_path / "path.html"
    r = run_kg("path", "gov-a", "proj-1", "--seeds", MINI, "--html", out)
    assert r.exit_code == 0
    assert r.stdout.startswith("1 path from Government of Aland to Port Project:")
    assert r.stderr == f"Wrote {out}\n"
    h = page_data(out.read_text(encoding="utf-8"))["highlight"]
    assert h["kind"] == "path" and h["nodes"] == ["gov-a", "min-a", "fund-a", "proj-1"]
    assert h["edges"] == ["r-part", "r-leads-fund", "r-funds-1", "r-invests-1"]


def test_neighbors_and_exposure_html(run_kg, tmp_path):
    r = run_kg("neighbors", "fund-a", "--seeds", MINI, "--html", tmp_path / "n.html",
               "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["center"]["id"] == "fund-a"
    h = page_data((tmp_path / "n.html").read_text(encoding="utf-8"))["highlight"]
    assert h["kind"] == "neighbors" and set(h["nodes"]) == {"fund-a", "min-a", "proj-1", "proj-2"}
    r = run_kg("exposure", "gov-a", "--type", "project", "--seeds", MINI,
               "--html", tmp_path / "x.html")
    assert r.exit_code == 0
    h = page_data((tmp_path / "x.html").read_text(encoding="utf-8"))["highlight"]
    assert h["kind"] == "exposure" and [i["target"] for i in h["items"]] == ["proj-1", "proj-2"]


def test_html_refuses_to_overwrite_before_running_the_query(run_kg, tmp_path):
    out = tmp_path / "p.html"
    out.write_text("mine")
    r = run_kg("path", "gov-a", "proj-1", "--seeds", MINI, "--html", out)
    assert r.exit_code == 1
    assert r.output == f"Error: {out} already exists; pass --force to overwrite it\n"
    assert out.read_text() == "mine"
    r = run_kg("path", "gov-a", "proj-1", "--seeds", MINI, "--html", out, "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_needs_a_file_name(run_kg):
    r = run_kg("neighbors", "fund-a", "--seeds", MINI, "--html", "-")
    assert r.exit_code == 2
    assert r.output.endswith(
        "Error: Invalid value for '--html': give a file name; stdout already carries the result\n")
