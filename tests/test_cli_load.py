"""`kg load` and the query commands with --backend neo4j, against a real server."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, MINI
from neo4j_support import closed_port, fresh_dataset_name, use_server_env

pytestmark = pytest.mark.neo4j


@pytest.fixture
def server(request, monkeypatch):
    return use_server_env(monkeypatch, request.config)


def test_load_prints_a_summary_then_reload_changes_nothing(request, server, run_kg):
    name = fresh_dataset_name(request.config, "cli")
    r = run_kg("load", MINI, "--backend", "neo4j", "--neo4j-dataset", name)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    where = f"database {server['database'] or '(default)'} at {server['uri']}"
    assert lines[0].startswith("Loaded ") and lines[0].endswith(" s")
    assert f"mini into Neo4j dataset '{name}' ({where}) in " in lines[0]
    assert lines[1].split() == ["entities", "12", "created", "0", "updated", "0", "removed", "0",
                                "unchanged"]
    assert lines[2].split() == ["relations", "13", "created", "0", "updated", "0", "removed",
                                "0", "unchanged"]
    again = run_kg("load", MINI, "--backend", "neo4j", "--neo4j-dataset", name, "--format",
                   "json")
    data = json.loads(again.stdout)
    assert data["dataset"] == name
    assert data["entities"] == {"created": 0, "updated": 0, "removed": 0, "unchanged": 12}
    assert data["relations"] == {"created": 0, "updated": 0, "removed": 0, "unchanged": 13}


def test_queries_on_neo4j_print_what_memory_prints(request, server, run_kg):
    name = fresh_dataset_name(request.config, "cli-q")
    assert run_kg("load", MINI, "--backend", "neo4j", "--neo4j-dataset", name).exit_code == 0
    for args in (["path", "fund-a", "firm-x"], ["path", "firm-z", "firm-y", "--k", "3",
                                                 "--max-hops", "5", "--format", "json"],
                 ["exposure", "fund-a", "--type", "firm", "--country", "CN"],
                 ["neighbors", "Strategic Fund", "--depth", "2", "--format", "json"],
                 ["show", "xeno chips"], ["find", "chip"], ["stats", "--format", "json"],
                 ["path", "fund-a", "firm-x", "--as-of", "2024", "--directed"]):
        memory = run_kg(*args, "--seeds", MINI)
        neo = run_kg(*args, "--backend", "neo4j", "--neo4j-dataset", name)
        assert (neo.exit_code, neo.stdout) == (memory.exit_code, memory.stdout), args


def test_dataset_defaults_to_the_seed_folder_name(request, server, run_kg, tmp_path):
    import shutil

    folder = tmp_path / fresh_dataset_name(request.config, "byname")
    shutil.copytree(MINI, folder)
    assert run_kg("load", folder, "--backend", "neo4j").exit_code == 0
    r = run_kg("stats", "--backend", "neo4j", "--seeds", folder, "--format", "json")
    assert json.loads(r.stdout)["entities"] == 12


def test_flags_override_the_environment(request, server, run_kg, monkeypatch):
    name = fresh_dataset_name(request.config, "cli-flags")
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_USERNAME", "nobody")
    r = run_kg("load", MINI, "--backend", "neo4j", "--neo4j-dataset", name,
               "--neo4j-uri", server["uri"], "--neo4j-user", server["user"])
    assert r.exit_code == 0, r.output
    monkeypatch.setenv("KG_BACKEND", "neo4j")
    monkeypatch.setenv("KG_NEO4J_DATASET", name)
    monkeypatch.setenv("NEO4J_URI", server["uri"])
    monkeypatch.setenv("NEO4J_USERNAME", server["user"])
    from click.testing import CliRunner

    from cli.main import cli

    r = CliRunner().invoke(cli, ["find", "xeno", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["id"] == "firm-x"


def test_load_needs_the_neo4j_backend(run_kg):
    r = run_kg("load", MINI)
    assert (r.exit_code, r.output) == (1, (
        "Error: kg load writes a seed folder into Neo4j: pass --backend neo4j (or set "
        "KG_BACKEND=neo4j); the memory backend reads the folder on every command\n"))


def test_load_refuses_an_invalid_folder(server, run_kg):
    r = run_kg("load", FIXTURES / "broken", "--backend", "neo4j")
    assert r.exit_code == 1
    assert r.output.startswith("Error: seed folder ") and r.output.count("\n") == 1
    assert "run `kg validate" in r.output


def test_bad_batch_size(server, run_kg):
    r = run_kg("load", MINI, "--backend", "neo4j", "--batch-size", "0")
    assert (r.exit_code, r.output) == (1, "Error: --batch-size must be a positive number, got 0\n")


def test_server_not_running(run_kg, monkeypatch):
    port = closed_port()
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    for args in (["load", MINI], ["path", "fund-a", "firm-x"], ["stats"]):
        r = run_kg(*args, "--backend", "neo4j", "--neo4j-uri", f"bolt://127.0.0.1:{port}")
        assert (r.exit_code, r.output) == (1, (
            f"Error: cannot reach Neo4j (database (default) at bolt://127.0.0.1:{port}): "
            "connection refused. Is the server running? Check NEO4J_URI (or --neo4j-uri).\n"))


def test_wrong_password(server, run_kg, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    r = run_kg("stats", "--backend", "neo4j")
    assert (r.exit_code, r.output) == (1, (
        f"Error: Neo4j at {server['uri']} refused user 'neo4j': The client is unauthorized due "
        "to authentication failure. Check NEO4J_USERNAME/NEO4J_PASSWORD (or --neo4j-user).\n"))


def test_missing_database(server, run_kg, monkeypatch):
    monkeypatch.setenv("NEO4J_DATABASE", "nope")
    r = run_kg("load", MINI, "--backend", "neo4j")
    assert (r.exit_code, r.output) == (1, (
        f"Error: Neo4j at {server['uri']} has no database 'nope'; set NEO4J_DATABASE "
        "(or --neo4j-database) to an existing one (SHOW DATABASES lists them)\n"))


def test_no_password_and_no_terminal(server, run_kg, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD")
    r = run_kg("stats", "--backend", "neo4j")
    assert (r.exit_code, r.output) == (1, (
        f"Error: no password for Neo4j at {server['uri']}: set NEO4J_PASSWORD (kg never takes a "
        "password on the command line; on a terminal it asks for it)\n"))


def test_password_is_not_a_flag(run_kg):
    r = run_kg("stats", "--backend", "neo4j", "--neo4j-password", "x")
    assert r.exit_code == 2 and "No such option '--neo4j-password'" in r.output


def test_dataset_not_loaded(server, run_kg):
    r = run_kg("stats", "--backend", "neo4j", "--neo4j-dataset", "kgtest-never-loaded")
    assert r.exit_code == 1
    assert r.output.startswith("Error: kg dataset 'kgtest-never-loaded' is not loaded in Neo4j "
                               f"(database ")
    assert r.output.endswith("; load it with `kg load --backend neo4j seeds`\n")


def test_export_and_render_from_neo4j(request, server, run_kg, tmp_path):
    """The whole graph and a focused part come out of Neo4j as out of memory
    (entities and relations by id on Neo4j, file order in memory)."""
    name = fresh_dataset_name(request.config, "cli-export")
    assert run_kg("load", MINI, "--backend", "neo4j", "--neo4j-dataset", name).exit_code == 0

    def parts(path):
        data = json.loads(path.read_text(encoding="utf-8"))
        return (sorted(json.dumps(n, sort_keys=True) for n in data["nodes"]),
                sorted(json.dumps(e, sort_keys=True) for e in data["links"]))

    for extra in ([], ["--focus", "Strategic Fund", "--depth", "2", "--type", "firm,project"]):
        m, n = tmp_path / "m.json", tmp_path / "n.json"
        assert run_kg("export", "--format", "json", "-o", m, "--force", "--seeds", MINI,
                      *extra).exit_code == 0
        r = run_kg("export", "--format", "json", "-o", n, "--force", "--backend", "neo4j",
                   "--neo4j-dataset", name, *extra)
        assert r.exit_code == 0, r.output
        assert parts(n) == parts(m) and parts(n)[0]
    r = run_kg("render", "-o", tmp_path / "g.html", "--backend", "neo4j", "--neo4j-dataset",
               name, "--focus", "fund-a")
    assert r.exit_code == 0 and "Strategic Fund" in (tmp_path / "g.html").read_text()
