"""Every bad-input case of seed format v1 gives its own clear, located message."""

from __future__ import annotations

import pytest

from graph.errors import KgError, ValidationFailed
from graph.loader import load_dataset, load_folder

OK_ENTITIES = """
entities:
  - {id: a, type: firm, name: Alpha}
  - {id: b, type: project, name: Beta}
"""


def problems(folder, strict=False):
    _, report = load_folder(folder, strict=strict)
    return [str(i) for i in report.issues]


def only(folder, **kw):
    found = problems(folder, **kw)
    assert len(found) == 1, found
    return found[0]


def test_yaml_syntax_error_has_line(write_seeds):
    folder = write_seeds({"bad.yaml": "entities:\n  - id: a\n    type: firm\n   name: A\n"})
    msg = only(folder)  # the wording differs between libyaml and pure-Python PyYAML
    assert msg.startswith(f"{folder}/bad.yaml:4: error: YAML syntax error: ")
    assert msg.endswith("(while parsing a block collection at line 2)")
    folder = write_seeds({"bad.yaml": "entities:\n  - {id: a, type: firm, name: A\n"}, "flow")
    msg = only(folder)
    assert msg.startswith(f"{folder}/bad.yaml:3: error: YAML syntax error: ")
    assert msg.endswith("(while parsing a flow mapping at line 2)")


def test_json_syntax_error_has_line(write_seeds):
    folder = write_seeds({"bad.json": '{\n  "entities": [\n    {"id": "a",}\n  ]\n}\n'})
    assert only(folder) == (f"{folder}/bad.json:3: error: JSON syntax error: Expecting property "
                            "name enclosed in double quotes (column 16)")


def test_json_records_get_line_numbers(write_seeds):
    folder = write_seeds({"x.json": '{"entities": [\n {"id": "a", "type": "firm", "name": "A"},\n'
                                    ' {"id": "b", "type": "frim", "name": "B"}\n]}\n'})
    assert only(folder) == (f"{folder}/x.json:3: error: entity 'b': unknown entity type 'frim' "
                            "(did you mean 'firm'?)")


def test_wrong_top_level_shape(write_seeds):
    folder = write_seeds({"list.yaml": "- id: a\n  type: firm\n"})
    assert only(folder) == (f"{folder}/list.yaml:1: error: top level must be a mapping with keys "
                            "source, entities, relations, types; found a list")


def test_unknown_top_level_key(write_seeds):
    folder = write_seeds({"a.yaml": "entity:\n  - {id: a, type: firm, name: A}\n"})
    assert only(folder) == (f"{folder}/a.yaml:1: error: unknown top-level key 'entity'; allowed: "
                            "source, entities, relations, types (did you mean 'entities'?)")


def test_entities_must_be_a_list(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  a: {type: firm}\n"})
    assert only(folder) == f"{folder}/a.yaml:2: error: 'entities' must be a list"


def test_missing_required_fields(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: firm}\n  - {name: X}\n"
                                    "relations:\n  - {from: a, to: a}\n"})
    assert problems(folder) == [
        f"{folder}/a.yaml:2: error: entity 'a': missing required field(s) name",
        f"{folder}/a.yaml:3: error: entity: missing required field(s) id, type",
        f"{folder}/a.yaml:5: error: relation: missing required field(s) type",
    ]


def test_bad_id_characters(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: 'soft bank', type: firm, name: S}\n"})
    assert only(folder) == (f"{folder}/a.yaml:2: error: bad id 'soft bank': ids start with a "
                            "letter or digit and use only letters, digits and _ . : -")


def test_unknown_relation_type_suggests(write_seeds):
    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {from: a, type: lead, to: b}\n"})
    assert only(folder) == (f"{folder}/a.yaml:5: error: relation a -lead-> b: unknown relation "
                            "type 'lead' (did you mean 'leads'?)")


def test_dangling_from_and_to(write_seeds):
    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {from: alpah, type: leads, to: zz}\n"})
    assert problems(folder) == [
        f"{folder}/a.yaml:5: error: relation alpah -leads-> zz: unknown entity 'alpah' in 'from'",
        f"{folder}/a.yaml:5: error: relation alpah -leads-> zz: unknown entity 'zz' in 'to'",
    ]
    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {from: aa, type: leads, to: b}\n"},
                         folder="other")
    assert only(folder).endswith("unknown entity 'aa' in 'from' (did you mean 'a'?)")


def test_merge_conflict_names_both_places(write_seeds):
    folder = write_seeds({"1.yaml": "entities:\n  - {id: a, type: firm, name: Alpha}\n",
                          "2.yaml": "entities:\n  - {id: a, type: fund, name: Alpha, aliases: [A1]}\n"})
    assert only(folder) == (f"{folder}/2.yaml:2: error: entity 'a': conflicting type: 'fund' "
                            f"here, 'firm' at {folder}/1.yaml:2")


def test_merge_unions_aliases_and_tags(write_seeds):
    folder = write_seeds({"1.yaml": "entities:\n  - {id: a, type: firm, name: A, aliases: [x], tags: [t1]}\n",
                          "2.csv": "id,type,name,aliases,tags,size\na,firm,A,y|x,t2,3\n"})
    data = load_dataset(folder)
    e = data.entities["a"]
    assert (e.aliases, e.tags, e.properties) == (["x", "y"], ["t1", "t2"], {"size": 3})


def test_property_conflict(write_seeds):
    folder = write_seeds({"1.yaml": "entities:\n  - {id: a, type: firm, name: A, size: 1}\n",
                          "2.yaml": "entities:\n  - {id: a, type: firm, name: A, size: 2}\n"})
    assert only(folder) == (f"{folder}/2.yaml:2: error: entity 'a': conflicting size: 2 here, "
                            f"1 at {folder}/1.yaml:2")


def test_duplicate_relation_ids(write_seeds):
    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {id: r1, from: a, type: leads, to: b}\n"
                                                  "  - {id: r1, from: a, type: funds, to: b}\n"})
    assert only(folder) == (f"{folder}/a.yaml:6: error: duplicate relation id 'r1'; first used "
                            f"at {folder}/a.yaml:5")


def test_non_utf8_file(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: firm, name: Caf\xe9}\n".encode("latin-1")})
    assert only(folder) == (f"{folder}/a.yaml:2: error: not UTF-8 text (byte 0xe9); save the file "
                            "as UTF-8")


def test_binary_file(write_seeds):
    folder = write_seeds({"logo.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00"})
    assert only(folder) == (f"{folder}/logo.csv: error: binary file, not a seed file; remove it "
                            "or move it out of the seed folder")


def test_empty_file_is_a_warning(write_seeds):
    folder = write_seeds({"empty.yaml": "\n  \n", "a.yaml": OK_ENTITIES})
    _, report = load_folder(folder)
    assert report.ok
    assert [str(i) for i in report.issues] == [f"{folder}/empty.yaml: warning: empty file"]


def test_type_mismatch_is_warning_then_error_under_strict(write_seeds):
    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {from: b, type: heads, to: a}\n"})
    expected = (f"{folder}/a.yaml:5: {{}}: relation b -heads-> a: heads expects person -> "
                "government|ministry|agency|firm|organization|fund, got project -> firm")
    assert only(folder) == expected.format("warning")
    assert only(folder, strict=True) == expected.format("error")


def test_value_checks(write_seeds):
    folder = write_seeds({"a.yaml": OK_ENTITIES + """
relations:
  - {from: a, type: leads, to: b, since: 2025-13, amount: lots, confidence: 1.5, currency: dollars}
  - {from: a, type: leads, to: b, since: 2026, until: 2025}
"""})
    assert problems(folder) == [
        f"{folder}/a.yaml:6: error: relation a -leads-> b: since: '2025-13' is not a real date",
        f"{folder}/a.yaml:6: error: relation a -leads-> b: amount: 'lots' is not a number",
        f"{folder}/a.yaml:6: error: relation a -leads-> b: confidence: 1.5 is outside 0..1",
        f"{folder}/a.yaml:6: error: relation a -leads-> b: currency: 'dollars' is not an ISO "
        "4217 code like USD, JPY, CNY",
        f"{folder}/a.yaml:7: error: relation a -leads-> b: since 2026 is after until 2025",
    ]


def test_bad_country(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: firm, name: A, country: XX}\n"})
    assert only(folder) == (f"{folder}/a.yaml:2: error: entity 'a': country: 'XX' is not an ISO "
                            "3166-1 alpha-2 country code (like JP, US, CN)")


def test_csv_without_known_header(write_seeds):
    folder = write_seeds({"a.csv": "name,kind\nA,firm\n"})
    assert only(folder) == (f"{folder}/a.csv:1: error: CSV header must contain id,type,name "
                            "(entities) or from,type,to (relations); found name,kind")


def test_csv_ragged_row(write_seeds):
    folder = write_seeds({"a.csv": "id,type,name\na,firm,A\nb,firm\n"})
    assert only(folder) == f"{folder}/a.csv:3: error: row has 2 cells, header has 3"


def test_every_problem_in_one_run(write_seeds):
    folder = write_seeds({"1.yaml": "entities:\n  - {id: a, type: frim, name: A}\n",
                          "2.yaml": "relations: [\n",
                          "3.bin.csv": b"\x00\x01"})
    assert len(problems(folder)) == 3


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(KgError, match="does not exist; pass --seeds PATH or set KG_SEEDS"):
        load_folder(tmp_path / "nope")


def test_load_dataset_refuses_invalid_folder(write_seeds):
    folder = write_seeds({"1.yaml": "entities:\n  - {id: a, type: frim, name: A}\n"})
    with pytest.raises(ValidationFailed) as err:
        load_dataset(folder)
    assert str(err.value).startswith(f"seed folder {folder} has 1 error (first: ")
    assert str(err.value).endswith(f"run `kg validate {folder}` to see them all")


def test_dotfiles_skipped_and_sorted_order(write_seeds):
    folder = write_seeds({".hidden.yaml": "nonsense: [", ".git/x.yaml": "bad: [",
                          "b/2.yaml": "entities:\n  - {id: b, type: firm, name: B}\n",
                          "a.yaml": "entities:\n  - {id: a, type: firm, name: A}\n"})
    data, report = load_folder(folder)
    assert report.ok and list(data.entities) == ["a", "b"]


def test_an_empty_folder_warns_naming_every_seed_format(tmp_path):
    from graph.seedio import SEED_SUFFIXES

    _, report = load_folder(tmp_path)
    [warning] = [str(p) for p in report.warnings]
    assert warning.endswith("no seed files (*.yaml, *.yml, *.json, *.csv, *.parquet) found")
    assert SEED_SUFFIXES == (".yaml", ".yml", ".json", ".csv", ".parquet")


def test_a_clean_folder_is_checked_over_its_parts_not_by_rows(monkeypatch):
    """One design: a clean folder's load and validate go through the parts
    (graph.parts) with no folder-wide row builder (each YAML file's part is
    still read by rows); their report and rows are the row builder's."""
    from pathlib import Path

    from graph import loader

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    rows_data, rows_report = loader.check_rows(seeds)
    assert rows_report.ok and not rows_report.issues

    def refuse(*args, **kwargs):
        raise AssertionError("the row builder ran for a clean folder")

    from graph import builder

    monkeypatch.setattr(loader, "check_rows", refuse)
    monkeypatch.setattr(builder, "check_rows", refuse)
    monkeypatch.setattr(builder, "load_rows", refuse)
    data, report = load_folder(seeds)
    assert report.to_dict() == rows_report.to_dict()
    assert list(data.relations) == list(rows_data.relations)
    assert list(data.entities.values()) == list(rows_data.entities.values())
    assert list(load_dataset(seeds).relations) == list(rows_data.relations)


def test_a_folder_with_a_warning_gets_the_row_builders_report(write_seeds, monkeypatch):
    """A warning (ends that do not fit, not strict) is found over the parts'
    columns and the report comes from the row builder, with path:line."""
    from graph import loader

    folder = write_seeds({"a.yaml": OK_ENTITIES + "relations:\n  - {from: b, type: heads, to: a}\n"})
    ran = []
    real = loader.check_rows
    monkeypatch.setattr(loader, "check_rows", lambda *a, **k: ran.append(1) or real(*a, **k))
    _, report = load_folder(folder)
    assert ran and report.ok and len(report.warnings) == 1
    assert [r.id for r in load_dataset(folder).relations] == \
        [r.id for r in loader.load_rows(folder).relations]
