"""`kg cypher`: read-only queries on a real Neo4j server, rows as text or JSON."""

from __future__ import annotations

import json

import pytest

from conftest import MINI
from neo4j_support import dataset_for, use_server_env

pytestmark = pytest.mark.neo4j


@pytest.fixture
def mini(request, monkeypatch):
    use_server_env(monkeypatch, request.config)
    return dataset_for(request.config, MINI)


COUNT_BY_TYPE = ("MATCH (n:Entity {kg_dataset: $dataset}) WHERE n.type IN ['firm', 'project'] "
                 "RETURN n.type AS type, count(*) AS n ORDER BY type")


def test_rows_as_a_table(mini, run_kg):
    r = run_kg("cypher", COUNT_BY_TYPE, "--neo4j-dataset", mini)
    assert (r.exit_code, r.output) == (0, "type     n\nfirm     4\nproject  2\n(2 rows)\n")


def test_rows_as_json_with_nodes_relationships_and_parameters(mini, run_kg):
    r = run_kg("cypher", "MATCH (a:Entity {kg_dataset: $dataset, id: $id})-[r:FUNDS]->(b) "
               "RETURN a.name AS name, r, b.aliases AS aliases ORDER BY r.id LIMIT $n",
               "--neo4j-dataset", mini, "-p", "id=fund-a", "-p", "n=1", "--format", "json")
    assert r.exit_code == 0, r.output
    [row] = json.loads(r.stdout)
    assert row["name"] == "Strategic Fund" and isinstance(row["aliases"], list)
    assert row["r"]["type"] == "FUNDS" and row["r"]["properties"]["id"] == "r-funds-1"


def test_text_cells_stay_on_one_line(mini, run_kg):
    r = run_kg("cypher", "RETURN 'a\nb' AS text, [1, 'x'] AS list, null AS nothing")
    assert r.output == 'text  list      nothing\na\\nb  [1, "x"]  null\n(1 row)\n'


@pytest.mark.parametrize("query, what", [
    ("CREATE (n:KgCypherTest) RETURN n", "writes data"),
    ("MATCH (n:Entity {kg_dataset: $dataset}) WITH n LIMIT 1 SET n.hacked = true RETURN n",
     "writes data"),
    ("MATCH (n:Entity {kg_dataset: $dataset}) DETACH DELETE n", "writes data"),
    ("CREATE INDEX kg_cypher_test FOR (n:KgCypherTest) ON (n.x)", "changes the schema"),
])
def test_writes_are_refused(mini, run_kg, query, what):
    r = run_kg("cypher", query, "--neo4j-dataset", mini)
    assert (r.exit_code, r.output) == (1, (
        f"Error: kg cypher only runs read-only queries; this one {what} (use cypher-shell or "
        "Neo4j Browser to change data)\n"))
    check = run_kg("cypher", "MATCH (n:Entity {kg_dataset: $dataset}) WHERE n.hacked "
                   "RETURN count(n) AS hacked", "--neo4j-dataset", mini)
    assert check.output == "hacked\n0\n(1 row)\n"
    assert run_kg("cypher", "MATCH (n:KgCypherTest) RETURN count(n) AS c").output == \
        "c\n0\n(1 row)\n"
    assert run_kg("stats", "--backend", "neo4j", "--neo4j-dataset", mini,
                  "--format", "json").exit_code == 0


def test_write_procedures_are_refused(mini, run_kg):
    r = run_kg("cypher", "CALL db.createLabel('KgCypherTest')")
    assert r.exit_code == 1
    assert r.output.startswith("Error: kg cypher only runs read-only queries; this one ")


def test_syntax_errors_are_one_line(mini, run_kg):
    r = run_kg("cypher", "MATCH (n RETURN n")
    assert r.exit_code == 1 and r.output.count("\n") == 1
    assert r.output.startswith("Error: Neo4j rejected the query: Invalid input ")


def test_explain_and_empty_queries(mini, run_kg):
    r = run_kg("cypher", "EXPLAIN MATCH (n) RETURN n")
    assert (r.exit_code, r.output) == (1, (
        "Error: give the query without EXPLAIN/PROFILE; kg cypher runs it read-only and "
        "prints its rows\n"))
    r = run_kg("cypher", "  ")
    assert r.exit_code == 1 and r.output.startswith("Error: give a Cypher query")


def test_bad_param(mini, run_kg):
    r = run_kg("cypher", "RETURN $x", "-p", "x")
    assert (r.exit_code, r.output) == (1, "Error: --param 'x': write it as NAME=VALUE\n")


def test_limit(mini, run_kg):
    r = run_kg("cypher", "UNWIND range(1, 10) AS i RETURN i", "--limit", "3", "--format", "json")
    assert json.loads(r.stdout) == [{"i": 1}, {"i": 2}, {"i": 3}]
