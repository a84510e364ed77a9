"""The Neo4j side of the dual-store suite: one real server per test session.

* ``NEO4J_URI`` set: use that server (with ``NEO4J_USERNAME/PASSWORD/DATABASE``).
* Else, when ``java`` and ``mvn`` are on PATH: start one with
  ``scripts/neo4j-server`` (reusing one that already runs) and stop it at the
  end of the session if this session started it.
* Else skip with the reason (fail under KG_REQUIRE_ALL=1, see conftest.require).

Each seed folder is loaded once per session into its own dataset name
(``kgtest-<session>-<folder>-<n>``), so tests never see each other's data;
the session's datasets are dropped at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from benchmarks.neo4j_load import snapshot  # noqa: F401  (re-exported for the tests)
from conftest import require

_state: dict[str, Any] = {}


def server_settings(config) -> dict[str, str]:
    """uri/user/password/database of the session's server (started on first use)."""
    if "settings" in _state:
        return _state["settings"]
    if "skip" in _state:
        require(False, _state["skip"])
    if os.environ.get("NEO4J_URI"):
        settings = {"uri": os.environ["NEO4J_URI"],
                    "user": os.environ.get("NEO4J_USERNAME", "neo4j"),
                    "password": os.environ.get("NEO4J_PASSWORD", ""),
                    "database": os.environ.get("NEO4J_DATABASE") or None}
    else:
        missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
        if missing:
            _state["skip"] = (f"no Neo4j server: NEO4J_URI is not set and {' and '.join(missing)} "
                              f"{'is' if len(missing) == 1 else 'are'} missing, so "
                              "scripts/neo4j-server cannot start one")
            require(False, _state["skip"])
        from benchmarks.neo4j_load import Neo4jServer

        server = Neo4jServer()
        running = server.running()
        try:
            settings = server.start()
        except RuntimeError as exc:
            _state["skip"] = str(exc)[-500:]
            require(False, _state["skip"])
        if not running:
            config.add_cleanup(server.stop)
    _state["settings"] = settings
    _state["session"] = uuid.uuid4().hex[:8]
    _state["loaded"] = {}
    config.add_cleanup(_drop_session_datasets)
    return settings


def connection(config):
    from graph.store.neo4j_conn import Connection

    return Connection.open(**server_settings(config))


def dataset_for(config, folder: Path | str) -> str:
    """The session's dataset name for ``folder``, loading it on first use."""
    from graph.loader import load_dataset
    from graph.store.neo4j_load import load

    key = str(Path(folder).resolve())
    loaded = _state.setdefault("loaded", {})
    if key not in loaded:
        settings = server_settings(config)
        name = f"kgtest-{_state['session']}-{Path(folder).name}-{len(loaded)}"
        from graph.store.neo4j_conn import Connection

        with Connection.open(**settings) as conn:
            load(conn, load_dataset(folder), name)
        loaded[key] = name
    return loaded[key]


def fresh_dataset_name(config, label: str) -> str:
    """A dataset name no other test uses (dropped at the end of the session)."""
    server_settings(config)
    _state["fresh"] = _state.get("fresh", 0) + 1
    return f"kgtest-{_state['session']}-{label}-x{_state['fresh']}"


def _drop_session_datasets() -> None:
    if "settings" not in _state:
        return
    from graph.store.neo4j_conn import Connection
    from graph.store.neo4j_load import datasets, drop

    prefix = f"kgtest-{_state['session']}-"
    try:
        with Connection.open(**_state["settings"]) as conn:
            names = {d["dataset"] for d in datasets(conn)} | set(_state.get("loaded", {}).values())
            conn_names = conn.read("MATCH (n:Entity) WHERE n.kg_dataset STARTS WITH $p "
                                   "RETURN DISTINCT n.kg_dataset AS d", p=prefix)
            names |= {row["d"] for row in conn_names}
            for name in sorted(n for n in names if n.startswith(prefix)):
                drop(conn, name)
    except Exception:   # the server may be gone already (it is stopped right after)
        pass


def neo4j_store_for(request, folder):
    from graph.store.neo4j import Neo4jStore

    config = request.config
    name = dataset_for(config, folder)
    return Neo4jStore.connect(dataset=name, **server_settings(config))


def counts(conn, name: str) -> dict[str, int]:
    """Nodes and relationships of a dataset, and how many distinct ids they have."""
    [row] = conn.read(
        "MATCH (n:Entity {kg_dataset: $ds}) WITH count(n) AS nodes, count(DISTINCT n.id) AS "
        "node_ids OPTIONAL MATCH (a:Entity {kg_dataset: $ds})-[r]->() WHERE r.kg_dataset = $ds "
        "RETURN nodes, node_ids, count(r) AS rels, count(DISTINCT r.id) AS rel_ids", ds=name)
    return row


def use_server_env(monkeypatch, config) -> dict[str, str]:
    """Point NEO4J_* at the session's server (for CLI tests); returns the settings."""
    s = server_settings(config)
    monkeypatch.setenv("NEO4J_URI", s["uri"])
    monkeypatch.setenv("NEO4J_USERNAME", s["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", s["password"])
    if s["database"]:
        monkeypatch.setenv("NEO4J_DATABASE", s["database"])
    else:
        monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    monkeypatch.delenv("KG_NEO4J_DATASET", raising=False)
    return s


def closed_port() -> int:
    """A localhost port nothing listens on (for "server not running")."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
