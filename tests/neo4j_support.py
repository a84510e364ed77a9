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
import subprocess
import uuid
from pathlib import Path
from typing import Any

from conftest import ROOT, require

SCRIPT = ROOT / "scripts" / "neo4j-server"
_state: dict[str, Any] = {}


def _env_lines(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        line = line.strip().removeprefix("export ")
        if "=" in line:
            key, value = line.split("=", 1)
            out[key] = value
    return out


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
            _state["skip"] = (f"no Neo4j server: NEO4J_URI is not set and {', '.join(missing)} "
                              "is missing, so scripts/neo4j-server cannot start one")
            require(False, _state["skip"])
        running = subprocess.run([str(SCRIPT), "status"], capture_output=True).returncode == 0
        started = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True)
        if started.returncode != 0:
            _state["skip"] = f"scripts/neo4j-server start failed: {started.stderr.strip()[-500:]}"
            require(False, _state["skip"])
        if not running:
            config.add_cleanup(lambda: subprocess.run([str(SCRIPT), "stop"],
                                                      capture_output=True))
        env = _env_lines(started.stdout)
        settings = {"uri": env["NEO4J_URI"], "user": env["NEO4J_USERNAME"],
                    "password": env["NEO4J_PASSWORD"], "database": env.get("NEO4J_DATABASE")}
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
