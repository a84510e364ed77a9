"""The query commands through click: exit codes, exact errors, text and JSON."""

from __future__ import annotations

import json

from conftest import MINI


def test_path_text_shows_chain_and_evidence(run_kg):
    r = run_kg("path", "Zeta Corp", "新芯", "--seeds", MINI)
    assert r.exit_code == 0
    assert r.output.splitlines()[:6] == [
        "1 path from Zeta Corp to Xeno Chips:",
        "",
        "Path 1 (1 hop): Zeta Corp —supplies→ Xeno Chips",
        "  1. Zeta Corp —supplies→ Xeno Chips",
        "       — Old trade data",
        "       (until: 2024)",
    ]


def test_path_json_shape(run_kg):
    r = run_kg("path", "fund-a", "firm-x", "--seeds", MINI, "--format", "json")
    data = json.loads(r.output)
    assert data["found"] == 2
    assert [e["id"] for e in data["paths"][0]["entities"]] == ["fund-a", "proj-1", "firm-z", "firm-x"]
    hop = data["paths"][0]["hops"][0]
    assert hop["from"] == "fund-a" and [x["id"] for x in hop["relations"]] == ["r-funds-1", "r-invests-1"]
    assert hop["relations"][0]["source"] == {"title": "Mini fixture", "publisher": "kg-explorer tests",
                                             "date": "2025-01"}


def test_no_path_is_a_normal_answer(run_kg):
    r = run_kg("path", "person-p", "firm-y", "--max-hops", "3", "--seeds", MINI)
    assert r.exit_code == 0
    assert r.output == "No path from Pat Minister (person-p) to Yotta Semi (firm-y) within 3 hops.\n"


def test_path_options_reach_the_query(run_kg):
    r = run_kg("path", "firm-z", "firm-y", "--k", "2", "--avoid", "sector-s", "--rel",
               "supplies,competes_with", "--seeds", MINI, "--format", "json")
    data = json.loads(r.output)
    assert [p["length"] for p in data["paths"]] == [2]
    assert data["filters"]["rels"] == ["competes_with", "supplies"]
    assert data["filters"]["avoid"] == ["sector-s"]


def test_unknown_entity_error(run_kg):
    r = run_kg("path", "Xeno Chip", "fund-a", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == ("Error: no entity matches 'Xeno Chip'; did you mean firm-x (Xeno Chips)?\n")


def test_unknown_type_error(run_kg):
    r = run_kg("exposure", "fund-a", "--type", "frim", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output.startswith("Error: unknown entity type 'frim' (did you mean 'firm'?); known: ")


def test_bad_as_of_error(run_kg):
    r = run_kg("path", "fund-a", "firm-x", "--as-of", "2025-02-30", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == "Error: --as-of: '2025-02-30' is not a real date\n"


def test_same_entity_twice(run_kg):
    r = run_kg("path", "fund-a", "战略基金", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.output == ("Error: 'fund-a' and '战略基金' are the same entity (fund-a); "
                        "name two different ones\n")


def test_bad_number_option(run_kg):
    r = run_kg("path", "fund-a", "firm-x", "--max-hops", "0", "--seeds", MINI)
    assert (r.exit_code, r.output) == (1, "Error: --max-hops must be a positive number, got 0\n")


def test_usage_errors_stay_exit_2(run_kg):
    r = run_kg("path", "fund-a", "--seeds", MINI)
    assert r.exit_code == 2 and "Missing argument 'B'" in r.output


def test_exposure_text(run_kg):
    r = run_kg("exposure", "fund-a", "--type", "firm", "--country", "cn", "--seeds", MINI)
    assert r.exit_code == 0
    assert r.output.splitlines() == [
        "2 entities within 3 hops of Strategic Fund (fund-a):",
        "  3  firm CN  Xeno Chips (firm-x)",
        "       Strategic Fund —funds/invests_in→ Port Project ←leads— Zeta Corp —supplies→ Xeno Chips",
        "  3  firm CN  Yotta Semi (firm-y)",
        "       Strategic Fund —funds→ Chip Project —affects→ Semiconductors ←operates_in— Yotta Semi",
    ]


def test_bad_country_option(run_kg):
    r = run_kg("exposure", "fund-a", "--country", "ZZ", "--seeds", MINI)
    assert (r.exit_code, r.output) == (
        1, "Error: --country 'ZZ' is not an ISO 3166-1 alpha-2 code (like CN, JP, US)\n")


def test_neighbors_text_and_json(run_kg):
    r = run_kg("neighbors", "Strategic Fund", "--seeds", MINI)
    assert r.output.splitlines()[0] == "3 entities within 1 hop of Strategic Fund (fund-a):"
    data = json.loads(run_kg("neighbors", "fund-a", "--depth", "2", "--type", "firm",
                             "--seeds", MINI, "--format", "json").output)
    assert [(n["id"], n["distance"]) for n in data["neighbors"]] == [("firm-z", 2)]


def test_find_lists_best_first(run_kg):
    r = run_kg("find", "semi", "--seeds", MINI)
    assert r.output.splitlines() == ["sector-s  sector  Semiconductors", "firm-y    firm    Yotta Semi"]
    r = run_kg("find", "优塔", "--seeds", MINI, "--format", "json")
    assert json.loads(r.output)[0]["matched"] == "优塔半导体"


def test_find_nothing(run_kg):
    assert run_kg("find", "zzzz", "--seeds", MINI).output == "No entity matches 'zzzz'.\n"


def test_show(run_kg):
    r = run_kg("show", "XC", "--seeds", MINI)
    assert r.output.splitlines()[:3] == ["Xeno Chips  [firm]  id: firm-x", "  aliases: 新芯, XC",
                                         "  country: CN"]
    data = json.loads(run_kg("show", "firm-x", "--seeds", MINI, "--format", "json").output)
    assert data["entity"]["properties"] == {"employees": 1200}
    assert [(r["id"], r["direction"]) for r in data["relations"]] == [
        ("r-compete", "out"), ("r-x-sector", "out"), ("r-supplies", "in")]


def test_stats_json(run_kg):
    data = json.loads(run_kg("stats", "--seeds", MINI, "--format", "json").output)
    assert data["components"] == 2 and data["isolated"] == [
        {"id": "iso", "type": "firm", "name": "Lonely Firm"}]


def test_seeds_from_environment(run_kg, monkeypatch):
    monkeypatch.setenv("KG_SEEDS", str(MINI))
    assert run_kg("find", "Zeta").output.startswith("firm-z")


def test_commands_refuse_invalid_folder(run_kg, write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: frim, name: A}\n"})
    r = run_kg("stats", "--seeds", folder)
    assert r.exit_code == 1
    assert r.output == (f"Error: seed folder {folder} has 1 error (first: {folder}/a.yaml:2: error: "
                        "entity 'a': unknown entity type 'frim' (did you mean 'firm'?)); run "
                        f"`kg validate {folder}` to see them all\n")


def test_missing_seed_folder(run_kg, tmp_path):
    r = run_kg("stats", "--seeds", tmp_path / "nowhere")
    assert (r.exit_code, r.output) == (
        1, f"Error: seed folder {tmp_path}/nowhere does not exist; pass --seeds PATH or set KG_SEEDS\n")
