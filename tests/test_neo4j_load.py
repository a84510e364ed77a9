"""`kg load` into a real Neo4j server (graph/store/neo4j_load.py): idempotence,
changed folders, other data left alone, hostile strings, the Cypher export
giving the same graph, and loads interrupted by a killed loader."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest

from conftest import FIXTURES, MINI, ROOT, SEEDS
from neo4j_support import counts, fresh_dataset_name, server_settings, snapshot

pytestmark = pytest.mark.neo4j

V1 = {"a.yaml": """
    entities:
      - {id: acme, type: firm, name: Acme, aliases: [ACME Corp], country: US, employees: 10}
      - {id: beta, type: firm, name: Beta}
      - {id: gone, type: project, name: Gone Project}
      - {id: fund, type: fund, name: Fund}
    relations:
      - {id: r1, from: fund, type: funds, to: gone, evidence: "old evidence"}
      - {id: r2, from: acme, type: supplies, to: beta, evidence: "acme supplies beta"}
      - {id: r3, from: fund, type: invests_in, to: acme}
      - {id: r4, from: beta, type: partners_with, to: acme}
    """}
# acme becomes a fund (labels change) with a new property; gone is removed
# with its relation; r2 gets new evidence; r3 moves to beta; r4 changes type
# (same id); new entity and relation.
V2 = {"a.yaml": """
    entities:
      - {id: acme, type: fund, name: Acme, aliases: [ACME Corp], country: US, employees: 12}
      - {id: beta, type: firm, name: Beta}
      - {id: fund, type: fund, name: Fund}
      - {id: newco, type: firm, name: NewCo}
    relations:
      - {id: r2, from: acme, type: supplies, to: beta, evidence: "acme supplies beta (2026)"}
      - {id: r3, from: fund, type: invests_in, to: beta}
      - {id: r4, from: beta, type: competes_with, to: acme}
      - {id: r5, from: newco, type: partners_with, to: beta}
    """}


@pytest.fixture(scope="module")
def conn(request):
    from graph.store.neo4j_conn import Connection

    c = Connection.open(**server_settings(request.config))
    yield c
    c.close()


def _load(conn, folder, name, **kw):
    from graph.loader import load_dataset
    from graph.store.neo4j_load import load

    return load(conn, load_dataset(folder), name, **kw)


def test_load_then_reload_changes_nothing(request, conn):
    name = fresh_dataset_name(request.config, "mini")
    first = _load(conn, MINI, name)
    assert (first.entities.created, first.relations.created) == (12, 13)
    before = snapshot(conn, name)
    again = _load(conn, MINI, name, batch_size=3)
    assert again.to_dict()["entities"] == {"created": 0, "updated": 0, "removed": 0,
                                           "unchanged": 12}
    assert again.to_dict()["relations"] == {"created": 0, "updated": 0, "removed": 0,
                                            "unchanged": 13}
    assert snapshot(conn, name) == before
    assert counts(conn, name) == {"nodes": 12, "node_ids": 12, "rels": 13, "rel_ids": 13}


def test_nodes_and_relationships_follow_the_model(request, conn):
    from graph.loader import load_dataset
    from graph.neo4j_names import node_labels

    name = fresh_dataset_name(request.config, "mini")
    _load(conn, MINI, name)
    data = load_dataset(MINI)
    [row] = conn.read("MATCH (n:Entity {kg_dataset: $ds, id: 'firm-x'}) "
                      "RETURN labels(n) AS labels, properties(n) AS p", ds=name)
    assert sorted(row["labels"]) == sorted(node_labels(data.schema, "firm"))
    assert row["p"]["aliases"] == data.entities["firm-x"].aliases
    assert "xeno chips" in row["p"]["kg_keys"]
    [rel] = conn.read("MATCH (:Entity {kg_dataset: $ds})-[r {id: 'r-funds-1'}]->() "
                      "RETURN type(r) AS t, properties(r) AS p", ds=name)
    assert rel["t"] == "FUNDS" and rel["p"]["amount"] == 1000000 and rel["p"]["since"] == "2025"
    constraints = {r["name"] for r in conn.read("SHOW CONSTRAINTS YIELD name")}
    assert {"kg_entity_key", "kg_dataset_key", "kg_rel_FUNDS"} <= constraints


def test_changed_folder_brings_the_dataset_to_the_new_state(request, conn, write_seeds):
    name = fresh_dataset_name(request.config, "changed")
    _load(conn, write_seeds(V1, "v1"), name)
    summary = _load(conn, write_seeds(V2, "v2"), name)
    assert summary.entities.to_dict() == {"created": 1, "updated": 1, "removed": 1,
                                          "unchanged": 2}
    assert summary.relations.to_dict() == {"created": 1, "updated": 3, "removed": 1,
                                           "unchanged": 0}
    fresh = fresh_dataset_name(request.config, "v2-fresh")
    _load(conn, write_seeds(V2, "v2"), fresh)
    assert snapshot(conn, name) == snapshot(conn, fresh)      # labels included
    [acme] = conn.read("MATCH (n:Entity {kg_dataset: $ds, id: 'acme'}) RETURN labels(n) AS l",
                       ds=name)
    assert sorted(acme["l"]) == ["Entity", "Fund"]
    assert counts(conn, name) == {"nodes": 4, "node_ids": 4, "rels": 4, "rel_ids": 4}


def test_unrelated_data_is_never_touched(request, conn, write_seeds):
    """Other nodes, including look-alikes (:Entity with our ids, other datasets),
    and a user's relationship to a kg node survive loads and changed re-loads."""
    name = fresh_dataset_name(request.config, "shared-db")
    mark = uuid.uuid4().hex
    conn.write("""
        CREATE (:Entity {id: 'acme', name: 'not kg', mark: $mark})
        CREATE (:Entity:Firm {id: 'beta', kg_dataset: $other, mark: $mark})
        CREATE (p:Person {name: 'Ada', mark: $mark})-[:KNOWS {mark: $mark}]->
               (:Company {id: 'gone', mark: $mark})
        CREATE (:Firm {id: 'gone', kg_dataset: $ds + '-other', mark: $mark})
        """, mark=mark, other=name + "x", ds=name)

    def theirs():
        [row] = conn.read("""
            MATCH (n {mark: $mark}) OPTIONAL MATCH (n)-[r]-()
            WITH n, collect(DISTINCT [type(r), properties(r)]) AS rels
            RETURN collect([labels(n), properties(n), rels]) AS items""", mark=mark)
        return sorted(json.dumps(x, sort_keys=True) for x in row["items"])

    before = theirs()
    assert len(before) == 5
    _load(conn, write_seeds(V1, "v1"), name)
    conn.write("MATCH (p:Person {mark: $mark}), (a:Entity {kg_dataset: $ds, id: 'beta'}) "
               "CREATE (p)-[:FOLLOWS {mark: $mark}]->(a)", mark=mark, ds=name)
    _load(conn, write_seeds(V2, "v2"), name)
    _load(conn, write_seeds(V2, "v2"), name)
    [follows] = conn.read("MATCH (:Person {mark: $mark})-[f:FOLLOWS]->(a) "
                          "RETURN count(f) AS n, collect(a.id) AS ids", mark=mark)
    assert follows == {"n": 1, "ids": ["beta"]}
    conn.write("MATCH (:Person {mark: $mark})-[f:FOLLOWS]->() DELETE f", mark=mark)
    assert theirs() == before
    conn.write("MATCH (n {mark: $mark}) DETACH DELETE n", mark=mark)


def test_hostile_strings_are_stored_verbatim(request, conn):
    from graph.loader import load_dataset
    from graph.store.neo4j import Neo4jStore

    folder = FIXTURES / "cypher-injection"
    name = fresh_dataset_name(request.config, "inject")
    [before] = conn.read("MATCH (n) RETURN count(n) AS n")
    summary = _load(conn, folder, name)
    assert (summary.entities.created, summary.relations.created) == (3, 2)
    [after] = conn.read("MATCH (n) RETURN count(n) AS n")
    assert after["n"] - before["n"] <= 4      # 3 entities + the dataset node; nothing deleted
    assert conn.read("MATCH (n:Pwned) RETURN n") == []
    assert conn.read("MATCH ()-[r:PWNED]->() RETURN r") == []
    assert "kg_entity_key" in {r["name"] for r in conn.read("SHOW CONSTRAINTS YIELD name")}
    data = load_dataset(folder)
    with Neo4jStore.connect(dataset=name, **server_settings(request.config)) as store:
        for e in data.entities.values():
            assert store.entity(e.id).to_dict() == e.to_dict()
        rels = {r.id: r.to_dict() for r in store.dataset().relations}
        assert rels == {r.id: r.to_dict() for r in data.relations}
        assert store.resolve("Robert'); MATCH (n) DETACH DELETE n; //").id == "evil"
        assert store.resolve("`}) RETURN 1 //").id == "evil"
        assert [m.entity.id for m in store.find("$ds")] == ["evil"]
        assert store.resolve("detach delete").id == "match"


def test_invalid_folder_is_refused_before_anything_is_written(request, conn):
    from graph.errors import ValidationFailed
    from graph.store.neo4j_load import load_folder

    name = fresh_dataset_name(request.config, "broken")
    with pytest.raises(ValidationFailed):
        load_folder(str(FIXTURES / "broken"), dataset=name, **server_settings(request.config))
    assert counts(conn, name)["nodes"] == 0
    assert conn.read("MATCH (d:KgDataset {kg_dataset: $ds}) RETURN d", ds=name) == []


def test_cypher_export_gives_the_same_graph_as_kg_load(request, conn, tmp_path):
    """The `cypher` export (graph/export/cypher.py) run statement by statement
    gives the nodes, labels, properties and relationships `kg load` writes."""
    from graph.export import export
    from graph.loader import load_dataset

    folder = tmp_path / f"kgtest-export-{uuid.uuid4().hex[:8]}"   # the export's dataset name
    shutil.copytree(SEEDS, folder)
    data = load_dataset(folder)
    script = export(data, "cypher", str(tmp_path / "g.cypher")).written[0]
    statements = [s for s in open(script, encoding="utf-8").read().split(";\n")
                  if s.strip() and not s.lstrip().startswith("//")]
    for statement in statements:
        conn.write(statement.rstrip(";"))
    loaded = fresh_dataset_name(request.config, "vs-export")
    _load(conn, folder, loaded)
    exported = snapshot(conn, folder.name)
    try:
        assert len(exported[0]) == len(data.entities) and len(exported[1]) == len(data.relations)
        assert exported == snapshot(conn, loaded)
    finally:
        from graph.store.neo4j_load import drop
        drop(conn, folder.name)


# -- interrupted loads ------------------------------------------------------------
@pytest.fixture(scope="module")
def big_folder(tmp_path_factory):
    from benchmarks.generate import generate

    out = tmp_path_factory.mktemp("interrupt") / "gen-r2k"
    generate(out, relations=2000, seed=9)
    return out


def _complete(conn, name, folder, request):
    """The dataset equals a clean load of the folder, without duplicates."""
    from graph.loader import load_dataset

    data = load_dataset(folder)
    c = counts(conn, name)
    assert c == {"nodes": len(data.entities), "node_ids": len(data.entities),
                 "rels": len(data.relations), "rel_ids": len(data.relations)}
    clean = fresh_dataset_name(request.config, "clean")
    _load(conn, folder, clean)
    assert snapshot(conn, name) == snapshot(conn, clean)


def test_killed_loader_is_repaired_by_the_next_load(request, conn, big_folder):
    name = fresh_dataset_name(request.config, "killed")
    s = server_settings(request.config)
    env = {**os.environ, "NEO4J_URI": s["uri"], "NEO4J_USERNAME": s["user"],
           "NEO4J_PASSWORD": s["password"], "KG_QUIET": "1"}
    if s["database"]:
        env["NEO4J_DATABASE"] = s["database"]
    proc = subprocess.Popen([sys.executable, "-m", "cli", "load", str(big_folder), "--backend",
                             "neo4j", "--neo4j-dataset", name, "--batch-size", "25"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if counts(conn, name)["rels"] > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the load finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = counts(conn, name)
    assert 0 < partial["rels"] < 2000
    summary = _load(conn, big_folder, name)
    # committed batches are kept as they are; the rest is written now
    assert summary.relations.unchanged == partial["rels"]
    assert summary.relations.created == 2000 - partial["rels"]
    _complete(conn, name, big_folder, request)
