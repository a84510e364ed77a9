"""`kg export`: every format, default targets, stdout, filters, exact errors."""

from __future__ import annotations

import json

import pytest

from conftest import MINI

DEFAULTS = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json",
            "cypher": "graph.cypher"}


@pytest.mark.parametrize("fmt", sorted(DEFAULTS))
def test_export_default_targets(run_kg, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    r = run_kg("export", "--format", fmt, "--seeds", MINI)
    assert r.exit_code == 0, r.output
    assert r.stderr == f"Wrote {DEFAULTS[fmt]} (12 entities, 13 relations)\n"
    assert (tmp_path / DEFAULTS[fmt]).stat().st_size > 1000


def test_export_csv_folder_loads_back(run_kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kg("export", "--format", "csv", "--seeds", MINI)
    assert r.exit_code == 0
    assert r.stderr == ("Wrote graph-csv/entities.csv, graph-csv/relations.csv "
                        "(12 entities, 13 relations)\n")
    r = run_kg("stats", "--seeds", "graph-csv", "--format", "json")
    assert json.loads(r.stdout)["relations"] == 13


def test_export_json_to_stdout_with_filters(run_kg):
    r = run_kg("export", "--format", "json", "-o", "-", "--seeds", MINI,
               "--focus", "Strategic Fund", "--rel", "funds")
    assert r.exit_code == 0 and r.stderr == ""
    data = json.loads(r.stdout)
    assert sorted(n["id"] for n in data["nodes"]) == ["fund-a", "proj-1", "proj-2"]
    assert sorted(x["id"] for x in data["links"]) == ["r-funds-1", "r-funds-2"]


def test_export_cypher_to_stdout(run_kg):
    r = run_kg("export", "--format", "cypher", "-o", "-", "--seeds", MINI, "--type", "firm")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "// kg-explorer export of 'mini': 4 entities, 2 relations."
    assert sum(ln.startswith("MERGE (n:`Entity`") for ln in lines) == 4


def test_export_refuses_to_overwrite(run_kg, tmp_path):
    out = tmp_path / "g.gexf"
    out.write_text("mine")
    r = run_kg("export", "--format", "gexf", "-o", out, "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == f"Error: {out} already exists; pass --force to overwrite it\n"
    r = run_kg("export", "--format", "gexf", "-o", out, "--seeds", MINI, "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<?xml")


def test_export_csv_errors(run_kg, tmp_path):
    r = run_kg("export", "--format", "csv", "-o", "-", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == "Error: csv export writes several files; give a folder with -o DIR\n"
    (tmp_path / "f").write_text("x")
    r = run_kg("export", "--format", "csv", "-o", tmp_path / "f", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == f"Error: {tmp_path / 'f'} is a file; csv export needs a folder (-o DIR)\n"
    run_kg("export", "--format", "csv", "-o", tmp_path / "d", "--seeds", MINI)
    r = run_kg("export", "--format", "csv", "-o", tmp_path / "d", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == (f"Error: {tmp_path / 'd' / 'entities.csv'} already exists; "
                        "pass --force to overwrite it\n")


def test_export_csv_prints_what_it_cannot_keep(run_kg, tmp_path, write_seeds):
    folder = write_seeds({"a.yaml": "entities: [{id: a, type: firm, name: A, ticker: '9984'}]\n"})
    r = run_kg("export", "--format", "csv", "-o", tmp_path / "out", "--seeds", folder)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == ("warning: entity 'a' ticker: the text '9984' reads back "
                                        "from CSV as int")


def test_export_needs_a_known_format(run_kg):
    r = run_kg("export", "--format", "dot", "--seeds", MINI)
    assert r.exit_code == 2
    assert "Invalid value for '--format': 'dot' is not one of" in r.output
    r = run_kg("export", "--seeds", MINI)
    assert r.exit_code == 2 and "Missing option '--format'" in r.output


def test_export_unknown_type(run_kg, tmp_path):
    r = run_kg("export", "--format", "json", "-o", tmp_path / "x.json", "--seeds", MINI,
               "--type", "frim")
    assert r.exit_code == 1
    assert r.output.startswith("Error: unknown entity type 'frim' (did you mean 'firm'?)")
