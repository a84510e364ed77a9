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


HINT = ("kg cypher runs read queries only (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, "
        "ORDER BY, SKIP, LIMIT, UNION, CALL { ... }); use cypher-shell or Neo4j Browser for "
        "anything else")


def _unchanged(run_kg, mini):
    check = run_kg("cypher", "MATCH (n:Entity {kg_dataset: $dataset}) WHERE n.hacked "
                   "RETURN count(n) AS hacked", "--neo4j-dataset", mini)
    assert check.output == "hacked\n0\n(1 row)\n"
    assert run_kg("cypher", "MATCH (n:KgCypherTest) RETURN count(n) AS c").output == \
        "c\n0\n(1 row)\n"
    r = run_kg("stats", "--backend", "neo4j", "--neo4j-dataset", mini, "--format", "json")
    assert json.loads(r.stdout)["entities"] == 12


@pytest.mark.parametrize("query, refusal", [
    ("CREATE (n:KgCypherTest) RETURN n", f"a query starting with 'CREATE' is not a read query; {HINT}"),
    ("MATCH (n:Entity {kg_dataset: $dataset}) WITH n LIMIT 1 SET n.hacked = true RETURN n",
     f"SET is not allowed: {HINT} (a name spelled like a keyword goes in backticks: `SET`)"),
    ("MATCH (n:Entity {kg_dataset: $dataset}) DETACH DELETE n",
     f"DETACH is not allowed: {HINT} (a name spelled like a keyword goes in backticks: `DETACH`)"),
    ("CREATE INDEX kg_cypher_test FOR (n:KgCypherTest) ON (n.x)",
     f"a query starting with 'CREATE' is not a read query; {HINT}"),
    ("MATCH (n) CALL (n) { merge (m:KgCypherTest) } RETURN 1",
     f"merge is not allowed: {HINT} (a name spelled like a keyword goes in backticks: `merge`)"),
    ("MATCH (n) FOREACH (x IN [1] | CREATE (:KgCypherTest)) RETURN 1",
     f"FOREACH is not allowed: {HINT} (a name spelled like a keyword goes in backticks: "
     "`FOREACH`)"),
    ("UNWIND [1] AS x CALL { CREATE (:KgCypherTest) } IN TRANSACTIONS RETURN x",
     f"CREATE is not allowed: {HINT} (a name spelled like a keyword goes in backticks: "
     "`CREATE`)"),
    ("MATCH (n) RETURN '\\u0027 CREATE (:KgCypherTest) //'",
     "kg cypher does not take \\u escapes in a query (Neo4j decodes them before reading it); "
     "write the character itself or pass the text with -p NAME=VALUE"),
    ("CALL db.createLabel('KgCypherTest')",
     "CALL db.createLabel is not allowed: kg cypher calls only the procedures db.labels, "
     "db.propertyKeys, db.relationshipTypes, db.schema.nodeTypeProperties, "
     "db.schema.relTypeProperties, db.schema.visualization"),
    ("RETURN apoc.load.json('http://127.0.0.1:1/') AS x",
     "the function apoc.load.json() is not allowed: kg cypher calls only built-in functions"),
    ("SHOW TRANSACTIONS", f"a query starting with 'SHOW' is not a read query; {HINT}"),
    ("USE system SHOW USERS", f"a query starting with 'USE' is not a read query; {HINT}"),
    ("CYPHER runtime=slotted MATCH (n) RETURN n",
     f"a query starting with 'CYPHER' is not a read query; {HINT}"),
])
def test_anything_but_a_read_query_is_refused(mini, run_kg, query, refusal):
    r = run_kg("cypher", query, "--neo4j-dataset", mini)
    assert (r.exit_code, r.output) == (1, f"Error: {refusal}\n")
    _unchanged(run_kg, mini)


def test_terminate_transactions_cannot_end_another_session(request, mini, run_kg):
    """Issue #9.5: TERMINATE TRANSACTIONS was accepted and killed another session's query."""
    from neo4j_support import connection

    with connection(request.config) as conn, conn.driver.session(
            database=conn.settings.database) as other:
        tx = other.begin_transaction()
        tx.run("RETURN 1").consume()
        ids = [row["id"] for row in conn.read(
            "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery "
            "WHERE currentQuery = '' OR currentQuery IS NULL RETURN id")]
        assert ids
        for query in (f"TERMINATE TRANSACTIONS '{ids[0]}'",
                      f"WITH 1 AS x TERMINATE TRANSACTIONS '{ids[0]}'",
                      f"RETURN 1 UNION TERMINATE TRANSACTIONS '{ids[0]}'"):
            r = run_kg("cypher", query)
            assert r.exit_code == 1 and r.output.startswith("Error: ") and \
                "TERMINATE" in r.output and r.output.count("\n") == 1
        assert tx.run("RETURN 2 AS two").single()["two"] == 2      # still alive
        tx.rollback()


def test_load_csv_never_fetches(mini, run_kg):
    """Issue #9.5: LOAD CSV FROM 'http://127.0.0.1:…' made the server fetch a URL."""
    import http.server
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"a,b\n1,2\n")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/x.csv"
    try:
        for query in (f"LOAD CSV FROM '{url}' AS row RETURN row",
                      f"WITH 1 AS x LOAD CSV FROM '{url}' AS row RETURN row",
                      f"CALL () {{ load csv from '{url}' AS row RETURN row }} RETURN row",
                      f"MATCH (n) WITH n LIMIT 1 LOAD CSV WITH HEADERS FROM '{url}' AS r RETURN r"):
            r = run_kg("cypher", query)
            assert r.exit_code == 1 and r.output.startswith("Error: ") and \
                r.output.count("\n") == 1, query
    finally:
        server.shutdown()
    assert hits == []


@pytest.mark.parametrize("query, operator", [
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TerminateTransactions"),
    ("LOAD CSV FROM 'http://127.0.0.1:1/x' AS r RETURN r", "LoadCSV"),
    ("SHOW TRANSACTIONS", "ShowTransactions"),
    ("CALL db.createLabel('KgCypherTest')", None),
    ("CREATE (n:KgCypherTest)", None),
])
def test_the_plan_check_alone_refuses_what_the_text_check_would(request, mini, query, operator):
    """The second allow-list (Neo4j's own plan) stands without the first."""
    from graph.errors import InputError
    from graph.store.neo4j_readonly import check_plan, operators
    from neo4j_support import connection

    with connection(request.config) as conn, conn.driver.session(
            database=conn.settings.database) as session:
        summary = session.run("EXPLAIN " + query).consume()
    if operator:
        assert operator in operators(summary.plan)
    with pytest.raises(InputError):
        check_plan(summary.query_type, summary.plan)


READ_QUERIES = [
    "MATCH (n:Entity {kg_dataset: $dataset}) RETURN n.type AS type, count(*) AS n ORDER BY n DESC",
    "MATCH (a:Entity {kg_dataset: $dataset})-[r]->(b) WHERE r.amount > 0 RETURN a.id, type(r), b.id "
    "ORDER BY a.id SKIP 1 LIMIT 3",
    "OPTIONAL MATCH (n:Entity {kg_dataset: $dataset, id: 'nope'}) RETURN n",
    "MATCH p = shortestPath((a:Entity {kg_dataset: $dataset, id: 'fund-a'})-[*..4]-"
    "(b:Entity {kg_dataset: $dataset, id: 'firm-x'})) RETURN length(p) AS hops",
    "MATCH (a:Entity {kg_dataset: $dataset, id: 'fund-a'}) MATCH p = ALL SHORTEST "
    "(a)((x)-[r]-(y) WHERE r.kg_dataset = $dataset){1,4}(b:Entity {id: 'firm-x'}) RETURN count(p)",
    "MATCH (n:Entity {kg_dataset: $dataset}) WHERE EXISTS { (n)-->() } AND "
    "COUNT { (n)--() } > 1 RETURN collect(n.id)[0..2] AS some",
    "UNWIND [3, 1, 2] AS x WITH x ORDER BY x RETURN collect(DISTINCT x) AS xs",
    "CALL () { MATCH (n:Entity {kg_dataset: $dataset}) RETURN n LIMIT 2 } RETURN count(n) AS c",
    "CALL db.labels() YIELD label WHERE label = 'Entity' RETURN label",
    "MATCH (n:Entity {kg_dataset: $dataset}) WHERE n.name STARTS WITH 'S' OR n.id IN ['x'] "
    "RETURN CASE WHEN n.country IS NULL THEN 'none' ELSE n.country END AS c, "
    "reduce(s = 0, x IN [1, 2] | s + x) AS r, [x IN range(1, 3) WHERE x > 1 | x * 2] AS l",
    "RETURN 1 AS x UNION ALL RETURN 2 AS x",
    "MATCH (n:Entity {kg_dataset: $dataset}) WITH n.type AS type, collect(n) AS ns "
    "RETURN type, size(ns) AS n, date('2024-01-02').year AS year, "
    "duration.between(date('2024-01-01'), date('2024-03-01')).months AS months",
    "MATCH (`set`:Entity {kg_dataset: $dataset}) RETURN `set`.name AS `create` LIMIT 1",
]


@pytest.mark.parametrize("query", READ_QUERIES)
def test_read_queries_run(mini, run_kg, query):
    r = run_kg("cypher", query, "--neo4j-dataset", mini, "--format", "json")
    assert r.exit_code == 0, r.output
    assert isinstance(json.loads(r.stdout), list)


def test_timeout_stops_a_runaway_query(mini, run_kg):
    """Issue #9.5: no query timeout; a cartesian product ran until killed from outside."""
    import time

    t0 = time.monotonic()
    # A runaway query whose cost does not depend on what the database holds
    # (10^12 rows): a clean CI server has only this session's few datasets.
    r = run_kg("cypher", "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b "
               "WITH a, b WHERE a * b = -1 RETURN count(*) AS n", "--timeout", "1")
    took = time.monotonic() - t0
    assert (r.exit_code, r.output) == (1, (
        "Error: the query ran longer than 1 s and Neo4j stopped it; narrow it (a label, a "
        "LIMIT, fewer hops) or allow more with --timeout SECONDS\n"))
    assert took < 25
    r = run_kg("cypher", "RETURN 1 AS one", "--timeout", "0")
    assert (r.exit_code, r.output) == (
        1, "Error: --timeout must be a positive number of seconds, got 0\n")


def test_parameters_neo4j_cannot_hold_are_one_error_line(mini, run_kg):
    """Issue #9.7: -p n=<30 digits> gave OverflowError, 1,000-level JSON RecursionError."""
    r = run_kg("cypher", "RETURN $n", "-p", "n=123456789012345678901234567890")
    assert (r.exit_code, r.output) == (1, (
        "Error: --param 'n': the number 123456789012345678901234567890 is too large for Neo4j "
        "(64-bit integers); pass it as text (-p 'n=\"...\"') or use a smaller number\n"))
    r = run_kg("cypher", "RETURN $n", "-p", 'n={"a": [1, -9223372036854775809]}')
    assert r.exit_code == 1 and "-9223372036854775809 is too large" in r.output
    r = run_kg("cypher", "RETURN $x", "-p", "x=" + "[" * 1000 + "]" * 1000)
    assert (r.exit_code, r.output) == (
        1, "Error: --param 'x': the JSON value nests more than 32 levels; flatten it\n")
    r = run_kg("cypher", "RETURN $n AS n, $m AS m, $s AS s", "-p", "n=9223372036854775807",
               "-p", "m=" + "[" * 32 + "]" * 32, "-p", 's="[[[\\"]]"', "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["n"] == 2**63 - 1


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
