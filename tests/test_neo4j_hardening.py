"""Issue #9 on Neo4j: hostile seeds in the Cypher export, property names that
collide, values Neo4j cannot hold, and concurrent loads — all against a real
server (tests/neo4j_support.py)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import MINI, ROOT
from graph.validate import bad_character
from graph.records import (NODE_RESERVED, RELATIONSHIP_RESERVED, plain_key, property_key,
                           property_name)
from neo4j_support import counts, fresh_dataset_name, server_settings, snapshot

# -- the property-name mapping: a bijection, pure Python ------------------------------
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=30)
TRICKY = ["", " ", "id", "type", "kg_hash", "prop_kg_hash", "prop_id", "prop_", "prop_prop_",
          "kgx_", "kgx_41", "prop_kgx_41", "kg_dataset", "a`b", "a\\u0060b", "\\", "x\ny",
          "}", "'", '"', "日本語 キー", "\u202e", "a\x00b", "\ud800", "k\\u0060: 1} WITH n"]


@given(ANY_TEXT)
@settings(max_examples=2000, deadline=None)
@example("kg_hash")
@example("prop_kg_hash")
@example("prop_id")
@example("kgx_61")
def test_property_key_is_invertible_and_safe(name):
    for reserved in (NODE_RESERVED, RELATIONSHIP_RESERVED):
        key = property_key(name, reserved)
        assert property_name(key) == name
        assert plain_key(key) and key not in reserved
        assert "\\" not in key and "`" not in key


@given(ANY_TEXT, ANY_TEXT)
@settings(max_examples=2000, deadline=None)
@example("kg_hash", "prop_kg_hash")
@example("prop_id", "id")
@example("kgx_41", "A")
def test_property_key_never_merges_two_names(a, b):
    for reserved in (NODE_RESERVED, RELATIONSHIP_RESERVED):
        assert (property_key(a, reserved) == property_key(b, reserved)) == (a == b)


def test_records_round_trip_every_tricky_name():
    """node_properties / entity_from_node (and the relationship pair) are inverses."""
    from graph.model import Entity, Relation
    from graph.records import (entity_from_node, node_properties, relation_from_relationship,
                               relationship_properties)

    props = {name: i for i, name in enumerate(TRICKY)}
    e = Entity("x", "firm", "X", properties=dict(props))
    node = node_properties(e, "d")
    assert len(node) == 6 + len(props)        # nothing merged (id name type aliases tags kg_dataset)
    assert entity_from_node(node).properties == props
    r = Relation("r", "funds", "a", "b", properties=dict(props))
    rel = relationship_properties(r, "d")
    assert relation_from_relationship(rel, "a", "b").properties == props


pytestmark = pytest.mark.neo4j


# -- helpers ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def conn(request):
    from graph.store.neo4j_conn import Connection

    c = Connection.open(**server_settings(request.config))
    yield c
    c.close()


def _env(request) -> dict[str, str]:
    s = server_settings(request.config)
    env = {**os.environ, "NEO4J_URI": s["uri"], "NEO4J_USERNAME": s["user"],
           "NEO4J_PASSWORD": s["password"], "KG_QUIET": "1"}
    if s["database"]:
        env["NEO4J_DATABASE"] = s["database"]
    return env


def _kg(request, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cli", *map(str, args)], cwd=ROOT,
                            env=_env(request), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _load(conn, folder, name, **kw):
    from graph.loader import load_dataset
    from graph.store.neo4j_load import load

    return load(conn, load_dataset(folder), name, **kw)


def _read_back(conn, name):
    """Entities and relations of a dataset, decoded with the records mapping."""
    from graph.records import entity_from_node, relation_from_relationship

    [row] = conn.read("MATCH (n:Entity {kg_dataset: $ds}) RETURN collect(properties(n)) AS n",
                      ds=name)
    [rels] = conn.read("MATCH (a:Entity {kg_dataset: $ds})-[r]->(b) WHERE r.kg_dataset = $ds "
                       "RETURN collect([a.id, b.id, properties(r)]) AS r", ds=name)
    ents = {p["id"]: entity_from_node(p).to_dict() for p in row["n"]}
    return ents, {p["id"]: relation_from_relationship(p, a, b).to_dict() for a, b, p in rels["r"]}


def _run_script(conn, path: Path) -> None:
    """Run an exported script as cypher-shell would: statement by statement, with
    the comments in front of the first one."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    comments = [ln for ln in lines[:-1] if ln.startswith("//")]
    statements = [ln for ln in lines[:-1] if not ln.startswith("//")]
    assert all(s.endswith(";") for s in statements)      # one statement per line
    for i, statement in enumerate(statements):
        conn.write(("\n".join(comments) + "\n" if i == 0 else "") + statement[:-1])


HOSTILE_TEXT = ["plain", "a`b", "`", "``", "\\u0060", "\\\\u0060", "\\", "\\\\", "'", '"',
                "\\'", "}", "{x: 1}", "x\ny\r\nz", "\t", "\x7f\x85", "\u2028\u2029",
                "日本語 – “quotes”", "😀 emoji", "\u202e RLO", "*/ /* //", "$ds $rows",
                "MATCH (n) DETACH DELETE n", "\\u000a MATCH (n) DETACH DELETE n //"]


def _hostile_seeds(victim: str) -> dict:
    attack = ("k\\u0060: 1} WITH n MATCH (m) WHERE m.kg_dataset = '" + victim +
              "' DETACH DELETE m WITH n SET n += {\\u0060z")
    keys = [attack, "a`b", "a\\u0060b", "\\u0060", "\\", "x\ny", "}", "'", '"', "日本語 キー",
            "prop_id", "kg_hash", "prop_kg_hash", "kg_keys", "kg_dataset", "prop_kg_dataset",
            "kgx_41", "", " ", "\u202e", "a\tb", "n.x", "kgx_", "`) DETACH DELETE n //"]
    props = {k: HOSTILE_TEXT[i % len(HOSTILE_TEXT)] for i, k in enumerate(keys)}
    props.update({f"v{i}": v for i, v in enumerate(HOSTILE_TEXT)})
    props["list"] = HOSTILE_TEXT
    props["ints"] = [-2**63, 2**63 - 1, 0]
    props["floats"] = [0.5, 1e300, -0.0]
    return {
        "entities": [
            {"id": "evil", "type": "firm", "name": "\\u0060 Evil'} //", "aliases": HOSTILE_TEXT,
             "description": "\\u000a CREATE (:Pwned) //", **props},
            {"id": "x-y.z:1", "type": "firm", "name": "Other", **props},
        ],
        "relations": [
            {"id": "r-1", "from": "evil", "type": "supplies", "to": "x-y.z:1",
             "evidence": "\\u0027}]->(b) DETACH DELETE b //", "amount": 2**63 - 1,
             **{k: v for k, v in props.items() if not isinstance(v, list)}},
        ],
    }


def test_cypher_export_of_hostile_keys_and_values_loads_exactly(request, conn, tmp_path):
    """Issue #9.1: a property key with the six characters \\u0060 escaped the identifier
    and ran DETACH DELETE on another dataset. Now the export, run into a real server,
    leaves the other dataset alone and loads exactly the seeds; `kg load` writes the
    same graph."""
    from graph.export import export
    from graph.loader import load_dataset

    victim = fresh_dataset_name(request.config, "victim")
    _load(conn, MINI, victim)
    before = snapshot(conn, victim)
    # The folder (= dataset) name goes into a comment and into literals: hostile too.
    folder = tmp_path / (fresh_dataset_name(request.config, "hostile") +
                         " \\u000a MATCH (n) DETACH DELETE n \\u000a'\"`")
    folder.mkdir()
    (folder / "seeds.json").write_text(json.dumps(_hostile_seeds(victim)), encoding="utf-8")
    data = load_dataset(folder)
    assert len(data.entities) == 2 and len(data.relations) == 1
    script = Path(export(data, "cypher", str(tmp_path / "g.cypher")).written[0])
    mark = uuid.uuid4().hex      # a node of nobody's dataset (the server is shared)
    conn.write("CREATE (:KgSentinel {mark: $mark, kg_dataset: $victim})", mark=mark,
               victim=victim)
    _run_script(conn, script)

    assert snapshot(conn, victim) == before
    assert conn.read("MATCH (n:Pwned) RETURN n") == []
    assert conn.read("MATCH (n:KgSentinel {mark: $mark}) RETURN properties(n) AS p",
                     mark=mark) == [{"p": {"mark": mark, "kg_dataset": victim}}]
    conn.write("MATCH (n:KgSentinel {mark: $mark}) DELETE n", mark=mark)
    assert counts(conn, folder.name)["nodes"] == 2
    ents, rels = _read_back(conn, folder.name)
    assert ents == {e.id: e.to_dict() for e in data.entities.values()}
    assert rels == {r.id: r.to_dict() for r in data.relations}
    loaded = fresh_dataset_name(request.config, "hostile-load")
    _load(conn, folder, loaded)
    assert snapshot(conn, loaded) == snapshot(conn, folder.name)
    assert snapshot(conn, victim) == before


def _generated_names(n: int, seed: int) -> list[str]:
    """Property names from every corner of Unicode the seed format can carry."""
    rng = random.Random(seed)
    pools = ["abcxyz_", "ABC019", "`\\'\"{}()[]:;,.$/*-+ ", "\n\r\t\x7f\x85",
             "éüß日本語キー한국어Ωж", "\u200b\u200d\u202e\u2028\u2029\ufeff\ue000\U0001F600",
             "prop_", "kgx_", "u0060"]
    names = {name for name in TRICKY if bad_character(name) is None} - {"id", "type"}
    while len(names) < n:
        parts = [rng.choice(pools) for _ in range(rng.randint(1, 4))]
        names.add("".join(rng.choice(p) for p in parts for _ in range(rng.randint(1, 3))))
    return sorted(names)


def test_two_stores_agree_on_every_property_name(request, conn, tmp_path, run_kg, monkeypatch):
    """Issue #9.10: kg_hash and prop_kg_hash collided, prop_id came back as id.
    Generated names on an entity and on a relation come back from Neo4j (kg load and
    the export) as the memory store has them."""
    from graph.export import export
    from graph.loader import load_dataset
    from neo4j_support import use_server_env

    names = [n for n in _generated_names(300, seed=9)
             if n not in ("id", "name", "type", "aliases", "country", "description", "url",
                          "tags", "from", "to", "evidence", "source", "status", "since",
                          "until", "amount", "currency", "confidence")]
    props = {n: i for i, n in enumerate(names)}
    folder = tmp_path / fresh_dataset_name(request.config, "names")
    folder.mkdir()
    (folder / "seeds.json").write_text(json.dumps({
        "entities": [{"id": "a", "type": "firm", "name": "A", **props},
                     {"id": "b", "type": "firm", "name": "B"}],
        "relations": [{"id": "r", "from": "a", "type": "supplies", "to": "b", **props}]}),
        encoding="utf-8")
    data = load_dataset(folder)
    assert data.entities["a"].properties == props
    use_server_env(monkeypatch, request.config)
    assert run_kg("load", folder, "--backend", "neo4j").exit_code == 0
    for args in (["show", "a", "--format", "json"], ["show", "b", "--format", "json"],
                 ["export", "--format", "json", "-o", "-"]):
        memory = run_kg(*args, "--seeds", folder)
        neo = run_kg(*args, "--backend", "neo4j", "--seeds", folder)
        assert memory.exit_code == neo.exit_code == 0
        assert json.loads(neo.stdout) == json.loads(memory.stdout), args
    [keys] = conn.read("MATCH (n:Entity {kg_dataset: $ds, id: 'a'}) RETURN keys(n) AS k",
                       ds=folder.name)
    # nothing merged: id name type aliases tags kg_dataset kg_keys kg_hash and every property
    assert len(keys["k"]) == 8 + len(props)
    exported = tmp_path / "names.cypher"
    export(data, "cypher", str(exported))
    other = fresh_dataset_name(request.config, "names-export")
    conn.write("MATCH (n:Entity {kg_dataset: $ds}) DETACH DELETE n", ds=folder.name)
    _run_script(conn, exported)
    ents, rels = _read_back(conn, folder.name)
    assert ents["a"]["properties"] == props and rels["r"]["properties"] == props
    del other


# -- values Neo4j cannot hold --------------------------------------------------------
def test_numbers_beyond_64_bits_are_one_error_line(request, conn, write_seeds, run_kg,
                                                   monkeypatch, tmp_path):
    """Issue #9.7: an amount of 10^29 crashed `kg load` with OverflowError."""
    from neo4j_support import use_server_env

    from graph.errors import KgError
    from graph.export import export
    from graph.loader import load_dataset
    from graph.store.neo4j_load import load

    use_server_env(monkeypatch, request.config)
    big = 10**29
    ents = "entities:\n  - {id: a, type: fund, name: A%s}\n  - {id: b, type: project, name: B}\n"
    cases = ((ents % "" + f"relations:\n  - {{id: r1, from: a, type: funds, to: b, "
              f"amount: {big}}}\n", "relation 'r1', amount", big),
             (ents % "" + f"relations:\n  - {{id: r1, from: a, type: funds, to: b, "
              f"shares: -{big}}}\n", "relation 'r1', shares", -big),
             (ents % f", staff: [1, {big}]", "entity 'a', staff", [1, big]))
    for text, what, value in cases:
        # The seed reader refuses such numbers (graph/validate.py): one line, nothing written.
        folder = write_seeds({"a.yaml": text}, folder=uuid.uuid4().hex[:8])
        name = fresh_dataset_name(request.config, "big")
        r = run_kg("load", folder, "--backend", "neo4j", "--neo4j-dataset", name)
        assert r.exit_code == 1 and r.output.count("\n") == 1, r.output
        assert r.output.startswith("Error: ") and "64-bit" in r.output
        assert counts(conn, name)["nodes"] == 0 and _marker(conn, name) is None
    # A dataset made in Python skips the reader: kg load and the export refuse it alike.
    data = load_dataset(MINI)
    for what, number, change in (
            ("relation 'r-funds-1', amount", big, lambda: setattr(
                data.relation("r-funds-1"), "amount", big)),
            ("entity 'firm-x', staff", -big, lambda: data.entities["firm-x"].properties.update(
                staff=[1, -big]))):
        data = load_dataset(MINI)
        change()
        name = fresh_dataset_name(request.config, "big")
        message = (f"{what}: the number {number} is too large for Neo4j (64-bit integers); "
                   "change the value in the seed file (a quoted text value keeps any number)")
        with pytest.raises(KgError) as refused:
            load(conn, data, name)
        assert str(refused.value) == message
        assert counts(conn, name)["nodes"] == 0 and _marker(conn, name) is None
        with pytest.raises(KgError) as refused:
            export(data, "cypher", str(tmp_path / "big.cypher"), force=True)
        assert str(refused.value) == message


# -- one writer per dataset ----------------------------------------------------------
@pytest.fixture(scope="module")
def two_folders(tmp_path_factory):
    from benchmarks.generate import generate

    root = tmp_path_factory.mktemp("concurrent")
    generate(root / "a", relations=1500, seed=1)
    generate(root / "b", relations=1200, seed=2)
    return root / "a", root / "b"


def _marker(conn, name):
    rows = conn.read("MATCH (d:KgDataset {kg_dataset: $ds}) RETURN properties(d) AS d", ds=name)
    return rows[0]["d"] if rows else None


def _assert_true_marker(request, conn, name, folder):
    """The dataset is a clean load of ``folder`` and its marker says so."""
    from graph.loader import load_dataset

    data = load_dataset(folder)
    c = counts(conn, name)
    assert c == {"nodes": len(data.entities), "node_ids": len(data.entities),
                 "rels": len(data.relations), "rel_ids": len(data.relations)}
    meta = _marker(conn, name)
    assert meta["loading"] is None if "loading" in meta else True
    assert (meta["entities"], meta["relations"], meta["folder"]) == (
        len(data.entities), len(data.relations), str(folder))
    clean = fresh_dataset_name(request.config, "clean")
    _load(conn, folder, clean)
    assert snapshot(conn, name) == snapshot(conn, clean)


LOCKED = "is being loaded by another kg load (process "


def test_a_second_writer_is_refused_while_the_first_loads(request, conn, two_folders):
    """Issue #9.6: two loads of different folders into one dataset both exited 0 and
    left a mix of both."""
    from graph.errors import KgError
    from graph.loader import load_dataset
    from graph.store.neo4j_load import load

    a, b = two_folders
    other = load_dataset(b)
    name = fresh_dataset_name(request.config, "one-writer")
    first = _kg(request, "load", a, "--backend", "neo4j", "--neo4j-dataset", name,
                "--batch-size", "5")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:
        if conn.read("MATCH (l:KgLoadLock {kg_dataset: $ds}) RETURN l", ds=name):
            break
        time.sleep(0.02)
    assert first.poll() is None, "the first load ended before the second could start"
    with pytest.raises(KgError) as refused:
        load(conn, other, name)
    message = str(refused.value)
    assert first.poll() is None, "the first load ended before the second was refused"
    assert message.startswith(f"Neo4j dataset {name!r} {LOCKED}{first.pid} on ")
    assert message.endswith("wait for it to finish, or, if that load was killed, retry "
                            "after 60 s without news from it")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    _assert_true_marker(request, conn, name, a)
    assert conn.read("MATCH (l:KgLoadLock {kg_dataset: $ds}) RETURN l", ds=name) == []


def test_simultaneous_loads_leave_one_true_state(request, conn, two_folders):
    """Whatever the interleaving: each load either succeeds or is refused whole; the
    dataset is the folder of the last load that succeeded, and its marker is true."""
    a, b = two_folders
    name = fresh_dataset_name(request.config, "race")
    for _ in range(2):
        procs = {folder: _kg(request, "load", folder, "--backend", "neo4j", "--neo4j-dataset",
                             name, "--batch-size", "200") for folder in (a, b)}
        done = {folder: (p.wait(timeout=300), p.stderr.read()) for folder, p in procs.items()}
        winners = [folder for folder, (code, _) in done.items() if code == 0]
        assert winners, done
        for folder, (code, err) in done.items():
            assert code == 0 or LOCKED in err, err
        meta = _marker(conn, name)
        _assert_true_marker(request, conn, name, Path(meta["folder"]))
        assert Path(meta["folder"]) in winners


def test_a_crashed_loads_lock_expires(request, conn):
    """A lock left by a load on another machine holds until its lease runs out."""
    name = fresh_dataset_name(request.config, "lease")
    _load(conn, MINI, name)          # creates the constraints
    conn.write("CREATE (:KgLoadLock {kg_dataset: $ds, owner: 'x', host: 'elsewhere', pid: 7, "
               "since: '2026-01-01T00:00:00+00:00', beat: timestamp()})", ds=name)
    from graph.errors import KgError

    with pytest.raises(KgError, match=re.escape(f"{LOCKED}7 on elsewhere, since 2026-01-01")):
        _load(conn, MINI, name)
    conn.write("MATCH (l:KgLoadLock {kg_dataset: $ds}) SET l.beat = timestamp() - 61000",
               ds=name)
    summary = _load(conn, MINI, name)
    assert summary.entities.unchanged == 12
    assert conn.read("MATCH (l:KgLoadLock {kg_dataset: $ds}) RETURN l", ds=name) == []


def test_concurrent_loads_on_a_fresh_schema(request, conn):
    """Issue #9.6: on a fresh database 2 of 12 concurrent loads failed with "Unable to
    drop index: Index belongs to constraint: kg_entity_key". The kg constraints are
    dropped (and an old export's plain index put in their place), then eight loads of
    different datasets start at once."""
    for row in conn.read("SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'kg_' "
                         "RETURN name"):
        conn.write(f"DROP CONSTRAINT `{row['name']}` IF EXISTS")
    conn.write("CREATE INDEX kg_entity_key IF NOT EXISTS FOR (n:Entity) ON (n.kg_dataset, n.id)")
    names = [fresh_dataset_name(request.config, f"fresh{i}") for i in range(8)]
    procs = [_kg(request, "load", MINI, "--backend", "neo4j", "--neo4j-dataset", n)
             for n in names]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in results), results
    have = {r["name"] for r in conn.read("SHOW CONSTRAINTS YIELD name")}
    assert {"kg_entity_key", "kg_dataset_key", "kg_load_lock_key", "kg_rel_FUNDS"} <= have
    for n in names:
        assert counts(conn, n) == {"nodes": 12, "node_ids": 12, "rels": 13, "rel_ids": 13}
        assert _marker(conn, n)["entities"] == 12
