"""Neo4j failures users meet, each one clear `Error:`-ready message (BackendUnavailable /
KgError), and a server that dies in the middle of a load."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from conftest import MINI, require
from neo4j_support import closed_port, counts, dataset_for, server_settings, snapshot

pytestmark = pytest.mark.neo4j


def test_server_not_running(monkeypatch):
    from graph.errors import BackendUnavailable
    from graph.store.neo4j_conn import Connection

    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    port = closed_port()
    started = time.monotonic()
    with pytest.raises(BackendUnavailable) as err:
        Connection.open(uri=f"bolt://127.0.0.1:{port}", user="neo4j", password="x")
    assert str(err.value) == (
        f"cannot reach Neo4j (database (default) at bolt://127.0.0.1:{port}): connection "
        "refused. Is the server running? Check NEO4J_URI (or --neo4j-uri).")
    assert time.monotonic() - started < 5          # no retrying against a closed port


def test_bad_uri_scheme():
    from graph.errors import BackendUnavailable
    from graph.store.neo4j_conn import Connection

    with pytest.raises(BackendUnavailable, match=r"^bad Neo4j URI 'http2://x': URI scheme"):
        Connection.open(uri="http2://x", password="x")


def test_no_password(monkeypatch):
    from graph.errors import BackendUnavailable
    from graph.store.neo4j_conn import Connection

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(BackendUnavailable) as err:
        Connection.open(uri="bolt://127.0.0.1:1")
    assert str(err.value) == ("no password for Neo4j at bolt://127.0.0.1:1: set NEO4J_PASSWORD "
                              "(kg never takes a password on the command line; on a terminal "
                              "it asks for it)")


def test_wrong_password(request):
    from graph.errors import BackendUnavailable
    from graph.store.neo4j_conn import Connection

    s = server_settings(request.config)
    with pytest.raises(BackendUnavailable) as err:
        Connection.open(uri=s["uri"], user=s["user"], password=s["password"] + "-wrong")
    assert str(err.value) == (
        f"Neo4j at {s['uri']} refused user {s['user']!r}: The client is unauthorized due to "
        "authentication failure. Check NEO4J_USERNAME/NEO4J_PASSWORD (or --neo4j-user).")


def test_missing_database(request, monkeypatch):
    from graph.errors import BackendUnavailable
    from graph.store.neo4j import Neo4jStore

    s = server_settings(request.config)
    monkeypatch.setenv("NEO4J_DATABASE", "nope")
    with pytest.raises(BackendUnavailable) as err:
        Neo4jStore.connect(uri=s["uri"], user=s["user"], password=s["password"])
    assert str(err.value) == (
        f"Neo4j at {s['uri']} has no database 'nope'; set NEO4J_DATABASE (or --neo4j-database) "
        "to an existing one (SHOW DATABASES lists them)")


def test_dataset_not_loaded(request):
    from graph.errors import KgError
    from graph.store.neo4j import Neo4jStore

    s = server_settings(request.config)
    dataset_for(request.config, MINI)        # so the database holds some dataset
    with pytest.raises(KgError) as err:
        Neo4jStore.connect(seeds="somewhere/never-loaded", **s)
    message = str(err.value)
    assert message.startswith("kg dataset 'never-loaded' is not loaded in Neo4j (database ")
    assert "pick one with --neo4j-dataset" in message
    assert message.endswith("; load it with `kg load --backend neo4j somewhere/never-loaded`")


# -- a server killed in the middle of a load -----------------------------------------
@pytest.fixture
def private_server(tmp_path):
    missing = [t for t in ("java", "mvn") if shutil.which(t) is None]
    require(not missing, f"a second Neo4j server needs {', '.join(missing)}")
    from benchmarks.neo4j_load import Neo4jServer

    server = Neo4jServer(tmp_path / "neo4j-home", data=tmp_path / "neo4j-data", heap="512m",
                         pagecache="64m")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def gen_folder(tmp_path_factory):
    from benchmarks.generate import generate

    out = tmp_path_factory.mktemp("crash") / "gen-r2k"
    generate(out, relations=800, seed=4)
    return out


def test_server_killed_during_a_load_then_load_again(private_server, gen_folder):
    from graph.errors import BackendUnavailable
    from graph.loader import load_dataset
    from graph.store.neo4j_conn import Connection
    from graph.store.neo4j_load import load, load_folder

    settings = private_server.start()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["summary"] = load_folder(str(gen_folder), batch_size=10, dataset="crash",
                                             **settings)
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            outcome["error"] = exc

    worker = threading.Thread(target=run)
    with Connection.open(**settings) as watch:
        worker.start()
        deadline = time.monotonic() + 120
        while counts(watch, "crash")["rels"] == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
    private_server.kill()
    worker.join(120)
    assert not worker.is_alive()
    error = outcome.get("error")
    assert isinstance(error, BackendUnavailable), outcome
    message = str(error)
    assert message.startswith("cannot reach Neo4j") or message.startswith("Neo4j (")
    assert "The load of 'crash' stopped after " in message
    assert message.endswith("the next `kg load` of the same folder finishes the job.")

    settings = private_server.start()          # same data directory, new password and port
    with Connection.open(**settings) as conn:
        partial = counts(conn, "crash")
        assert 0 < partial["rels"] < 800 and partial["rels"] == partial["rel_ids"]
        summary = load(conn, load_dataset(gen_folder), "crash", batch_size=500)
        assert summary.relations.created + summary.relations.unchanged == 800
        assert summary.relations.removed == 0
        assert counts(conn, "crash") == {"nodes": summary.entities.unchanged
                                         + summary.entities.created,
                                         "node_ids": len(load_dataset(gen_folder).entities),
                                         "rels": 800, "rel_ids": 800}
        load(conn, load_dataset(gen_folder), "clean")
        assert snapshot(conn, "crash") == snapshot(conn, "clean")
