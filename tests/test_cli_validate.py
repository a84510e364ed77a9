from __future__ import annotations

import json

from conftest import MINI


def test_valid_folder(run_kg):
    r = run_kg("validate", MINI)
    assert r.exit_code == 0
    assert r.output == f"{MINI}: OK: 3 files, 12 entities, 13 relations: 0 errors, 0 warnings\n"


def test_invalid_folder_lists_every_problem_then_summary(run_kg, write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: frim, name: A}\n",
                          "b.json": "{", "c.yaml": ""})
    r = run_kg("validate", folder)
    assert r.exit_code == 1
    assert r.output.splitlines() == [
        f"{folder}/a.yaml:2: error: entity 'a': unknown entity type 'frim' (did you mean 'firm'?)",
        f"{folder}/b.json:1: error: JSON syntax error: Expecting property name enclosed in double "
        "quotes (column 2)",
        f"{folder}/c.yaml: warning: empty file",
        f"{folder}: INVALID: 3 files, 1 entity, 0 relations: 2 errors, 1 warning",
    ]


def test_validate_json_and_strict(run_kg, write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A}
          - {id: p, type: project, name: P}
        relations:
          - {from: p, type: heads, to: a}
        """})
    assert run_kg("validate", folder).exit_code == 0
    r = run_kg("validate", folder, "--strict", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert (data["ok"], data["errors"], data["issues"][0]["line"]) == (False, 1, 5)


def test_validate_uses_seeds_option(run_kg):
    assert run_kg("validate", "--seeds", MINI).exit_code == 0
