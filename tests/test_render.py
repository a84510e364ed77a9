"""The page builder (graph/render) and the shared selection filter (graph/select).

Behaviour in a real browser is in test_browser.py; these check the HTML and
the embedded data without one.
"""

from __future__ import annotations

import json
import re
import pytest

from conftest import FIXTURES
from graph import service
from graph.errors import EntityNotFound, InputError, TooLarge, UnknownType
from graph.model import Relation
from graph.render import PageOptions, from_result, render_page
from graph.render.layout import radial_layout
from graph.render.page import (page_data, parallel_bends, script_json, vis_network_js)
from graph.render.result import result_nodes, result_page
from graph.select import Selection, select
from graph.store.memory import MemoryStore

XSS = FIXTURES / "xss"


@pytest.fixture(scope="module")
def mini_store(mini_dataset):
    return MemoryStore(mini_dataset)


def embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no embedded data"
    return json.loads(m.group(1))


# -- the page is self-contained ------------------------------------------------
def test_page_is_one_self_contained_file(mini_dataset):
    html = render_page(mini_dataset)
    # nothing loaded from anywhere: no src=, no <link href>, no @import, no url(http...)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert not re.search(r"<link(?![^>]*href=\"data:)[^>]*href=", html)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?https?:", html)
    assert "bootstrap" not in html.lower() and "cdn" not in html.lower()
    assert "sourceMappingURL" not in html
    # vis-network comes inline from the pyvis package
    assert vis_network_js()[:2000] in html
    assert "default-src 'none'" in html


def test_csp_allows_exactly_the_pages_own_scripts(mini_dataset):
    import base64
    import hashlib

    html = render_page(mini_dataset)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
              for s in scripts}
    assert set(re.search(r"script-src ([^;]*)", csp).group(1).split()) == hashes
    assert "unsafe-inline" not in csp.split("style-src")[0]


def test_embedded_data_has_every_entity_and_relation(mini_dataset):
    data = embedded(render_page(mini_dataset))
    assert [e["id"] for e in data["entities"]] == list(mini_dataset.entities)
    assert [r["id"] for r in data["relations"]] == [r.id for r in mini_dataset.relations]
    r = next(r for r in data["relations"] if r["id"] == "r-funds-1")
    assert r["evidence"] == "The fund finances the port." and r["source"]["title"] == "Mini fixture"
    assert next(e for e in data["entities"] if e["id"] == "min-a")["aliases"] == ["贸易部", "MoT"]
    types = {t["name"]: t for t in data["types"]}
    assert types["firm"] == {"name": "firm", "color": "#1565c0", "shape": "dot", "count": 4}
    assert data["relationTypes"]["competes_with"] == {"label": "competes with", "symmetric": True}
    assert data["sources"][0]["title"] == "Mini fixture"


def test_title_and_date(mini_dataset):
    html = render_page(mini_dataset, PageOptions(title="Trade & <Money>", generated="2025-01-02"))
    assert "<title>Trade &amp; &lt;Money&gt;</title>" in html
    assert embedded(html)["generated"] == "2025-01-02"
    assert embedded(render_page(mini_dataset))["title"] == "mini — kg-explorer"


def test_generation_date_honours_source_date_epoch(mini_dataset, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert embedded(render_page(mini_dataset))["generated"] == "2023-11-14"


# -- seed text is inert --------------------------------------------------------
def test_script_json_escapes_everything_that_could_end_the_script():
    text = script_json({"a": "</script><!--<script>&\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--<script>&\u2028\u2029"}


def test_hostile_seed_text_never_appears_as_markup():
    from graph.loader import load_dataset

    html = render_page(load_dataset(XSS), PageOptions(title="<script>alert(1)</script>"))
    block = re.search(r'(<script type="application/json" id="kg-data">)(.*?)(</script>)',
                      html, re.S)
    assert "<" not in block.group(2) and ">" not in block.group(2)
    rest = html.replace(vis_network_js(), "").replace(block.group(2), "")
    assert "__xss" not in rest                  # seed text is only in the data block
    assert "<script>alert(1)" not in rest and "&lt;script&gt;alert(1)" in rest
    assert rest.count("<script") == 3           # data, vis-network, page: nothing else
    data = embedded(html)
    assert data["entities"][0]["name"] == "<script>window.__xss='name'</script>Evil Corp"


# -- layout, parallel relations, size limits ------------------------------------
def test_small_graphs_use_physics_large_ones_a_precomputed_layout(mini_dataset):
    small = page_data(mini_dataset)
    assert small["physics"] is True and small["positions"] is None
    assert small["options"]["physics"]["enabled"] is True
    big = page_data(mini_dataset, PageOptions(physics_limit=5))
    assert big["physics"] is False and big["options"]["physics"]["enabled"] is False
    assert len(big["positions"]) == len(mini_dataset.entities)
    assert big["arrowScale"] and big["options"]["edges"]["arrows"]["to"]["enabled"] is False
    assert big["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_radial_layout_is_deterministic_and_spreads_nodes():
    ids = [f"n{i}" for i in range(300)]
    edges = [(ids[i], ids[(i * 7 + 3) % 300]) for i in range(300)] + [("n1", "n1")]
    first = radial_layout(ids, edges)
    assert first == radial_layout(ids, edges)
    assert set(first) == set(ids)
    assert len(set(first.values())) == len(ids)   # no two nodes on the same spot


def test_parallel_relations_get_distinct_curves(mini_dataset):
    bends = page_data(mini_dataset)["curves"]
    # fund-a -> proj-1 has two relations: one straight, one curved
    assert ("r-funds-1" in bends) != ("r-invests-1" in bends)
    rels = [Relation(f"r{i}", "funds", "a", "b") for i in range(5)] + [Relation("back", "owns", "b", "a")]
    out = parallel_bends(rels)
    assert "r0" not in out and len(out) == 5
    # every relation of the group sits on its own curve (direction taken into account)
    absolute = [out.get(r.id, 0.0) * (1 if r.source_id == "a" else -1) for r in rels]
    assert len(set(absolute)) == len(rels)


def test_too_large_pages_are_refused_with_advice(mini_dataset):
    with pytest.raises(TooLarge) as err:
        render_page(mini_dataset, PageOptions(max_entities=5))
    assert str(err.value) == (
        "the page would show 12 entities and 13 relations, more than the limit of 5 entities "
        "/ 30,000 relations; narrow it with --focus ENTITY --depth N, --type TYPE or --rel TYPE "
        "(or raise the limits with --max-entities/--max-relations)")
    with pytest.raises(TooLarge):
        render_page(mini_dataset, PageOptions(max_relations=12))


# -- query results -------------------------------------------------------------
def test_path_result_highlights_exactly_the_paths(mini_store):
    r = service.path(mini_store, "gov-a", "proj-1")
    h = from_result(r)
    assert h.kind == "path" and h.title == "Paths from Government of Aland to Port Project"
    assert h.nodes == ["gov-a", "min-a", "fund-a", "proj-1"]
    assert h.edges == ["r-part", "r-leads-fund", "r-funds-1", "r-invests-1"]
    assert h.items == [{"nodes": ["gov-a", "min-a", "fund-a", "proj-1"],
                        "hops": [["r-part"], ["r-leads-fund"], ["r-funds-1", "r-invests-1"]]}]
    data = embedded(result_page(mini_store.dataset(result_nodes(r)), r))
    assert data["highlight"]["edges"] == h.edges
    assert {e["id"] for e in data["entities"]} == set(h.nodes)


def test_no_path_is_a_page_with_a_note(mini_store):
    h = from_result(service.path(mini_store, "gov-a", "iso"))
    assert h.items == [] and h.nodes == ["gov-a", "iso"]
    assert h.note == "No path from Government of Aland to Lonely Firm within 4 hops."


def test_neighbors_and_exposure_results(mini_store):
    n = from_result(service.neighbors(mini_store, "fund-a"))
    assert n.kind == "neighbors" and n.nodes[0] == "fund-a"
    assert set(n.nodes) == {"fund-a", "min-a", "proj-1", "proj-2"}
    assert {i["nodes"][0]: i["via"] for i in n.items}["proj-1"] == ["r-funds-1", "r-invests-1"]
    x = from_result(service.exposure(mini_store, "gov-a", types=["project"]))
    assert [i["target"] for i in x.items] == ["proj-1", "proj-2"]
    assert x.items[0]["nodes"] == ["gov-a", "min-a", "fund-a", "proj-1"]
    assert set(x.edges) >= {"r-part", "r-leads-fund", "r-funds-2"}


def test_unknown_result_type_is_a_programming_error():
    with pytest.raises(TypeError):
        from_result(object())


# -- the selection shared by render and export ------------------------------------
def test_select_whole_graph_is_the_dataset(mini_store, mini_dataset):
    assert select(mini_store) is mini_dataset


def test_select_focus_depth(mini_store):
    one = select(mini_store, Selection(focus="Strategic Fund", depth=1))
    assert set(one.entities) == {"fund-a", "min-a", "proj-1", "proj-2"}
    assert {r.id for r in one.relations} == {"r-leads-fund", "r-funds-1", "r-invests-1",
                                             "r-funds-2"}
    two = select(mini_store, Selection(focus="战略基金", depth=2))
    assert {"gov-a", "person-p", "firm-z", "loc", "sector-s"} <= set(two.entities)


def test_select_types_keep_the_focus_and_count_subtypes(mini_store, write_seeds):
    only = select(mini_store, Selection(focus="fund-a", depth=2, types=frozenset({"project"})))
    assert set(only.entities) == {"fund-a", "proj-1", "proj-2"}
    assert {r.id for r in only.relations} == {"r-funds-1", "r-invests-1", "r-funds-2"}
    from graph.loader import load_dataset

    folder = write_seeds({"a.yaml": """
        types: {chip_maker: {parent: firm}}
        entities:
          - {id: a, type: chip_maker, name: A}
          - {id: b, type: firm, name: B}
          - {id: c, type: sector, name: C}
    """})
    got = select(MemoryStore(load_dataset(folder)), Selection(types=frozenset({"firm"})))
    assert set(got.entities) == {"a", "b"}


def test_select_rels_limit_the_walk_and_the_relations(mini_store):
    got = select(mini_store, Selection(focus="fund-a", depth=3, rels=frozenset({"funds"})))
    assert set(got.entities) == {"fund-a", "proj-1", "proj-2"}
    assert {r.type for r in got.relations} == {"funds"}
    whole = select(mini_store, Selection(rels=frozenset({"operates_in", "competes_with"})))
    assert len(whole.entities) == 12
    assert {r.id for r in whole.relations} == {"r-x-sector", "r-y-sector", "r-compete"}


@pytest.mark.parametrize("selection, error, message", [
    (Selection(types=frozenset({"frim"})), UnknownType, "unknown entity type 'frim' (did you mean 'firm'?)"),
    (Selection(rels=frozenset({"fund"})), UnknownType, "unknown relation type 'fund' (did you mean 'funds'?)"),
    (Selection(focus="nobody"), EntityNotFound, "no entity matches 'nobody'"),
    (Selection(focus="fund-a", depth=0), InputError, "--depth must be a positive number, got 0"),
    (Selection(depth=2), InputError, "--depth only applies around an entity: add --focus ENTITY"),
])
def test_select_bad_input(mini_store, selection, error, message):
    with pytest.raises(error) as err:
        select(mini_store, selection)
    assert str(err.value).startswith(message)


def test_selection_describe():
    assert Selection().describe() == ""
    assert Selection("smic", 2, frozenset({"firm", "fund"}), frozenset({"owns"})).describe() == \
        "within 2 hops of smic; types firm, fund; relations owns"


def test_shipped_seeds_render(seeds_dataset):
    data = embedded(render_page(seeds_dataset))
    assert len(data["entities"]) == len(seeds_dataset.entities) >= 35
    assert {"softbank-group", "smic"} <= {e["id"] for e in data["entities"]}


# -- shapes, focus pages ---------------------------------------------------------------
@pytest.mark.parametrize("shape, drawn", [("image", "dot"), ("circularImage", "dot"), ("icon", "dot"),
                                          ("<b>", "dot"), ("star", "star"), ("box", "box")])
def test_types_get_a_shape_the_page_can_draw(write_seeds, shape, drawn):
    from graph.loader import load_dataset

    folder = write_seeds({"s.yaml": f"""
        types:
          entities:
            odd: {{parent: firm, shape: "{shape}"}}
        entities:
          - {{id: a, type: odd, name: A}}
        """})
    data = page_data(load_dataset(folder))
    assert data["types"] == [{"name": "odd", "color": data["types"][0]["color"], "shape": drawn,
                              "count": 1}]


def test_focus_page_embeds_more_than_it_shows_within_the_budget(mini_store):
    from graph.api import focus_page_data

    shown = set(mini_store.neighbors("firm-x", 1).entity_ids())
    data, options = focus_page_data(mini_store, Selection("firm-x", 1))
    assert shown < set(data.entities)
    assert options.focus == "firm-x" and options.depth == 1
    assert options.title.startswith(mini_store.entity("firm-x").name + " — ")
    page = page_data(data, options)
    assert page["focus"] == "firm-x" and page["depth"] == 1
    # entities whose relations the page leaves out say how many
    for e in page["entities"]:
        outside = len(mini_store.relations_of(e["id"])) - sum(
            1 for r in data.relations if e["id"] in (r.source_id, r.target_id))
        assert e.get("more", 0) == outside
    # a tight budget: only what is shown
    small, _ = focus_page_data(mini_store, Selection("firm-x", 1),
                                     PageOptions(max_entities=len(shown)))
    assert set(small.entities) == shown


def test_page_script_is_logic_then_ui_and_inert_in_html():
    from graph.render.page import page_script

    script = page_script()
    assert script.index("var KgLogic") < script.index("var kg = (function")
    assert "<script" not in script.lower() and "<!--" not in script
