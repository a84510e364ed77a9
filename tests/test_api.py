"""The Python API (graph.open -> KG): the same answers as the CLI, typed options,
results that show themselves, no process-wide side effects, safe across threads."""

from __future__ import annotations

import gc
import json
import threading
from pathlib import Path

import pytest

import graph
from conftest import MINI, SEEDS
from graph.errors import InputError, KgError, OutputExists

# (CLI arguments, the same call through the API)
CALLS = [
    (["find", "soft"], lambda kg: kg.find("soft")),
    (["find", "fund", "--limit", "3"], lambda kg: kg.find("fund", limit=3)),
    (["show", "SoftBank Group"], lambda kg: kg.show("SoftBank Group")),
    (["neighbors", "smic", "--depth", "2", "--type", "firm,government"],
     lambda kg: kg.neighbors("smic", depth=2, types=["firm", "government"])),
    (["path", "SoftBank Group", "中芯国际"], lambda kg: kg.path("SoftBank Group", "中芯国际")),
    (["path", "softbank-group", "smic", "--k", "3", "--max-hops", "6", "--as-of", "2026"],
     lambda kg: kg.path("softbank-group", "smic", k=3, max_hops=6, as_of="2026")),
    (["path", "softbank-group", "smic", "--rel", "invests_in", "--rel", "funds",
      "--avoid", "japan-55b-investment-tool"],
     lambda kg: kg.path("softbank-group", "smic", rels=["invests_in", "funds"],
                        avoid="japan-55b-investment-tool")),
    (["exposure", "japan-55b-investment-tool", "--type", "firm", "--country", "CN"],
     lambda kg: kg.exposure("japan-55b-investment-tool", types="firm", countries=["CN"])),
    (["exposure", "japan-55b-investment-tool", "--max-hops", "2", "--directed"],
     lambda kg: kg.exposure("japan-55b-investment-tool", max_hops=2, directed=True)),
    (["stats", "--top", "5"], lambda kg: kg.stats(top=5)),
]


@pytest.fixture(scope="module")
def kg():
    with graph.open(SEEDS) as opened:
        yield opened


@pytest.mark.parametrize("args, call", CALLS, ids=[" ".join(a) for a, _ in CALLS])
def test_results_are_the_cli_documents(kg, run_kg, args, call):
    result = call(kg)
    as_json = run_kg(*args, "--seeds", SEEDS, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    assert result.to_dict() == json.loads(as_json.stdout)
    as_text = run_kg(*args, "--seeds", SEEDS)
    assert result.text() + "\n" == as_text.stdout


def test_validate_is_the_cli_report(run_kg, write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A}
          - {id: b, type: sector, name: B}
        relations:
          - {from: b, to: a, type: funds}
    """})
    loose = graph.validate_folder(str(folder))
    strict = graph.validate_folder(str(folder), strict=True)
    assert loose.ok and not strict.ok
    cli = run_kg("validate", folder, "--strict", "--format", "json")
    assert cli.exit_code == 1 and strict.to_dict() == json.loads(cli.stdout)
    assert run_kg("validate", folder).stdout == loose.text() + "\n"


def test_a_result_keeps_its_query(kg):
    r = kg.path("softbank-group", "smic", k=3, max_hops=6, as_of="2026")
    assert (r.query.k, r.query.max_hops, r.query.traversal.as_of) == (3, 6, "2026")
    assert r.source.id == "softbank-group" and 1 <= len(r.paths) <= 3
    assert [m.entity.id for m in kg.find("softbank")][0] == "softbank-group"


def test_bad_options_are_errors_not_ignored():
    with pytest.raises(InputError, match="the memory backend has no option 'uri'"):
        graph.open(MINI, uri="neo4j://localhost:7687")
    with pytest.raises(InputError, match="the neo4j backend has no option 'use_cache'"):
        graph.open(MINI, backend="neo4j", use_cache=False)
    with pytest.raises(InputError, match="unknown backend 'sqlite'; use one of memory, neo4j"):
        graph.open(MINI, backend="sqlite")
    with graph.open(MINI) as kg, pytest.raises(InputError, match="--max-hops must be a positive"):
        kg.path("gov-a", "proj-1", max_hops=0)


def test_cli_refuses_an_option_the_backend_does_not_take(run_kg):
    r = run_kg("stats", "--backend", "neo4j", "--no-cache", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output.startswith("Error: the neo4j backend has no option 'use_cache'")


def test_options_objects_open_the_same_graph():
    with graph.KG.open(graph.MemoryOptions(seeds=str(MINI), use_cache=False)) as kg:
        assert kg.stats().entities == 12
    assert "password" not in repr(graph.Neo4jOptions(password="secret"))


def test_strict_is_honoured_on_memory(write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A}
          - {id: b, type: sector, name: B}
        relations:
          - {from: b, to: a, type: funds}
    """})
    assert graph.open(folder).stats().relations == 1
    with pytest.raises(KgError, match="has 1 error"):
        graph.open(folder, strict=True)


@pytest.mark.neo4j
def test_strict_is_honoured_on_neo4j(request, monkeypatch, run_kg, write_seeds):
    from neo4j_support import fresh_dataset_name, server_settings, use_server_env

    from graph.loader import load_dataset
    from graph.store.neo4j_conn import Connection
    from graph.store.neo4j_load import load

    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A}
          - {id: b, type: sector, name: B}
        relations:
          - {id: r1, from: b, to: a, type: funds}
    """})
    settings = server_settings(request.config)
    name = fresh_dataset_name(request.config, "strict")
    with Connection.open(**settings) as conn:
        load(conn, load_dataset(folder), name)
    with graph.open(folder, backend="neo4j", dataset=name, **settings) as kg:
        assert kg.stats().relations == 1
    with pytest.raises(KgError) as err:
        graph.open(folder, backend="neo4j", dataset=name, strict=True, **settings)
    assert str(err.value).startswith(
        f"dataset {name!r} has 1 relation whose ends do not suit the type (first: r1: funds "
        "between sector and firm), an error under --strict")
    use_server_env(monkeypatch, request.config)
    cli = run_kg("stats", "--backend", "neo4j", "--neo4j-dataset", name, "--strict")
    assert cli.exit_code == 1 and cli.output.startswith(f"Error: {err.value}")
    assert run_kg("stats", "--backend", "neo4j", "--neo4j-dataset", name).exit_code == 0


def test_library_calls_leave_the_process_alone(tmp_path):
    gc.unfreeze()        # whatever an earlier test froze
    before = (gc.isenabled(), gc.get_freeze_count())
    with graph.open(SEEDS, use_cache=False) as kg:
        kg.path("softbank-group", "smic")
        kg.render(str(tmp_path / "g.html"))
    with graph.open(SEEDS) as kg:     # the cached read too
        kg.stats()
    assert (gc.isenabled(), gc.get_freeze_count()) == before


def test_one_object_serves_many_threads(kg):
    calls = [lambda: kg.path("SoftBank Group", "中芯国际").to_dict(),
             lambda: kg.exposure("japan-55b-investment-tool", types="firm").to_dict(),
             lambda: kg.find("semi").to_dict(), lambda: kg.stats().to_dict(),
             lambda: kg.to_networkx().number_of_edges()]
    expected = [c() for c in calls]
    got: list[list[object]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            got.append([c() for c in calls for _ in range(3)][::3])
        except BaseException as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and got == [expected] * 8


def test_select_render_export_and_networkx(kg, tmp_path):
    sub = kg.select(focus="smic", depth=1, types="firm")
    assert sub.selection.describe() == "within 1 hop of smic; types firm"
    assert all(e["type"] == "firm" or e["id"] == "smic" for e in sub.to_dict()["entities"])
    g = kg.to_networkx(sub)
    assert set(g.nodes) == set(sub.dataset.entities)
    assert g.number_of_edges() == len(sub.dataset.relations)
    whole = kg.to_networkx()
    assert whole.number_of_nodes() == kg.stats().entities

    written = kg.export("json", str(tmp_path / "g.json"), focus="smic", types=["firm"])
    doc = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert {n["id"] for n in doc["nodes"]} == set(sub.dataset.entities)
    assert written.to_dict() == {"format": "json", "files": [str(tmp_path / "g.json")],
                                 "entities": len(sub.dataset.entities),
                                 "relations": len(sub.dataset.relations), "warnings": []}
    page = tmp_path / "g.html"
    kg.render(str(page), focus="smic", title="SMIC")
    assert "<title>SMIC</title>" in page.read_text(encoding="utf-8")
    with pytest.raises(OutputExists):
        kg.render(str(page))


def test_render_is_the_cli_page(kg, run_kg, tmp_path):
    out = run_kg("render", "--seeds", SEEDS, "-o", "-", "--focus", "smic", "--title", "T")
    assert out.exit_code == 0
    page = kg.page(kg.select(focus="smic"), title="T")
    assert _data(page) == _data(out.stdout)


def test_results_show_themselves_in_notebooks(kg):
    path = kg.path("SoftBank Group", "中芯国际")
    frame = path._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="&lt;!DOCTYPE html&gt;')
    import html as html_mod

    inner = html_mod.unescape(frame.split('srcdoc="', 1)[1].split('"', 1)[0])
    assert inner == kg.page(path)
    assert set(_data(inner)["highlight"]["edges"]) == {r for p in path.paths
                                                       for r in p.relation_ids()}
    table = kg.find("<soft")._repr_html_()
    assert table.startswith("<table><caption>0 matches for &#x27;&lt;soft&#x27;</caption>")
    stats = kg.stats()._repr_html_()
    assert f"<tr><td>entities</td><td>{kg.stats().entities}</td></tr>" in stats
    assert "<iframe" in kg.select(focus="smic")._repr_html_()
    # the plain text beside it stays one line, not every entity of the result
    assert repr(path) == f"<PathResult: {path.text().splitlines()[0]}>"
    assert repr(kg.select(focus="smic")) == "<Subgraph: 4 entities, 5 relations (within 1 hop of smic)>"


def test_results_made_without_a_kg_have_no_display():
    from graph import service
    from graph.store.memory import MemoryStore
    from graph.loader import load_dataset

    r = service.find(MemoryStore(load_dataset(MINI)), "fund")
    assert r._repr_html_() is None
    with pytest.raises(TypeError, match="made without a presenter"):
        r.text()


def _data(page: str) -> dict:
    """The graph data embedded in a page, without the date it was made."""
    import re

    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "no embedded data"
    data = json.loads(m.group(1))
    data.pop("generated", None)
    return data


@pytest.mark.neo4j
def test_load_cypher_and_queries_on_neo4j(request, monkeypatch, run_kg):
    from neo4j_support import fresh_dataset_name, server_settings, use_server_env

    settings = server_settings(request.config)
    name = fresh_dataset_name(request.config, "api")
    summary = graph.load(str(MINI), dataset=name, **settings)
    assert summary.to_dict()["entities"]["created"] == 12
    count = "MATCH (n:Entity {kg_dataset: $dataset}) RETURN n.type AS type, count(*) AS n " \
            "ORDER BY type"
    rows = graph.cypher(count, dataset=name, **settings)
    use_server_env(monkeypatch, request.config)
    cli = run_kg("cypher", count, "--neo4j-dataset", name, "--format", "json")
    assert cli.exit_code == 0 and rows.to_dict() == json.loads(cli.stdout)
    assert sum(r["n"] for r in rows.to_dict()) == 12
    with graph.open(MINI, backend="neo4j", dataset=name, **settings) as neo, \
            graph.open(MINI) as mem:
        assert neo.path("fund-a", "firm-x", k=2).to_dict() == \
            mem.path("fund-a", "firm-x", k=2).to_dict()
        assert neo.to_networkx().number_of_edges() == mem.to_networkx().number_of_edges()
    with pytest.raises(InputError, match="the neo4j backend has no option 'use_cache'"):
        graph.load(str(MINI), use_cache=False)


def test_only_the_kg_command_freezes_its_heap():
    """gc.freeze after a load is the `kg` process's own choice (cli.main.main)."""
    import subprocess
    import sys

    script = ("import atexit, gc, sys\n"
              "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr))\n"
              f"sys.argv = ['kg', 'stats', '--seeds', {str(MINI)!r}]\n"
              "from cli.main import main\nmain()\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert int(r.stderr.split("frozen ")[1].split()[0]) > 0


def test_draft_seeds_is_kg_ingest(tmp_path) -> None:
    """graph.draft_seeds writes what `kg ingest` writes and says the same line."""
    from click.testing import CliRunner

    import graph
    from cli.main import cli
    from conftest import ARTICLE, SEEDS

    out_cli, out_api = tmp_path / "cli.yaml", tmp_path / "api.yaml"
    run = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--seeds", str(SEEDS),
                                   "-o", str(out_cli)])
    assert run.exit_code == 0, run.output
    result = graph.draft_seeds([str(ARTICLE)], str(out_api), seeds=str(SEEDS))
    assert out_api.read_text(encoding="utf-8") == out_cli.read_text(encoding="utf-8")
    assert result.yaml == out_api.read_text(encoding="utf-8")
    assert result.text() == run.stderr.strip().replace(str(out_cli), str(out_api))
    assert len(result.draft.relations) > 0
    with pytest.raises(graph.KgError, match="exists"):
        graph.draft_seeds([str(ARTICLE)], str(out_api), seeds=str(SEEDS))
