"""Parquet as an export and as a seed format (graph/export/parquet.py,
graph/parquetseed.py): exact round trips, typed columns through the rule book,
and hostile files refused with one problem each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import MINI, ROOT, SEEDS
from graph.export import export
from graph.export.nodelink import node_link
from graph.loader import load_dataset, load_folder


def same_json(data) -> str:
    """The node-link JSON of a dataset without where it was read from; keys
    sorted, since a column order cannot keep each row's order of properties."""
    doc = node_link(data)
    doc["graph"].pop("folder")
    doc["graph"].pop("name")
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)


def round_trip(folder: Path, out: Path):
    original = load_dataset(folder)
    exporter = export(original, "parquet", str(out))
    back = load_dataset(out)
    return original, back, exporter


def problems(folder: Path) -> list[str]:
    """Every issue, with paths relative to ``folder``."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        _, report = load_folder(".")
    finally:
        os.chdir(here)
    return [str(i) for i in report.issues]


def write_table(path: Path, columns: dict, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(columns), path, **options)
    return path


ENTITIES = {"id": ["a", "b"], "type": ["firm", "fund"], "name": ["A Corp", "B Fund"]}


# -- export and round trip ---------------------------------------------------
def test_shipped_seeds_round_trip_exactly(tmp_path):
    original, back, exporter = round_trip(SEEDS, tmp_path / "pq")
    assert sorted(os.listdir(tmp_path / "pq")) == ["entities.parquet", "relations.parquet"]
    assert exporter.warnings == []
    assert len(back.entities) == 53 and len(back.relations) == 102
    assert same_json(back) == same_json(original)
    ents = pq.read_schema(tmp_path / "pq" / "entities.parquet")
    rels = pq.read_schema(tmp_path / "pq" / "relations.parquet")
    assert ents.field("aliases").type == pa.list_(pa.string())
    assert ents.field("amount").type == pa.int64()          # a property with numbers
    assert rels.field("confidence").type == pa.float64()
    assert rels.field("source").type.num_fields == 4
    assert rels.field("currency").type == pa.string()


def test_mini_fixture_with_csv_and_types_round_trips(tmp_path):
    """Everything but a source no relation cites (a file-level source in a file of
    entities only): the export holds relations' sources, as the CSV export does."""
    original, back, _ = round_trip(MINI, tmp_path / "pq")
    uncited = [s for s in original.sources if s not in {r.source for r in original.relations}]
    assert [s.to_dict() for s in uncited] == [{"title": "Mini fixture",
                                               "publisher": "kg-explorer tests"}]
    original.sources = [s for s in original.sources if s not in uncited]
    assert same_json(back) == same_json(original) and len(back.relations) == 13


def test_generated_folder_round_trips(tmp_path, monkeypatch):
    """Read in batches of 97 rows, so that each batch meets the dictionary of
    the whole row group (larger than the batch) as well as small ones."""
    import graph.parquetseed as parquetseed
    from benchmarks.generate import generate

    monkeypatch.setattr(parquetseed, "BATCH_ROWS", 97)
    made = []
    real = parquetseed._python
    monkeypatch.setattr(parquetseed, "_python",
                        lambda a: made.append(pa.types.is_dictionary(a.type)
                                              and len(a.dictionary) > len(a)) or real(a))

    generate(tmp_path / "gen", relations=2000, seed=7)
    original, back, _ = round_trip(tmp_path / "gen", tmp_path / "pq")
    assert len(original.relations) > 1500
    assert same_json(back) == same_json(original)
    assert any(made) and not all(made)       # both ways of making Python values ran


HOSTILE = "tab\there, newline\nthere, CR\rhere, C1 \x85\x9b, ﬁ ligature, 中文, 🦄, ‮rtl"
EVERY_KIND = f"""
types:
  entities:
    vehicle: {{parent: fund, color: "#123456"}}
  relations:
    backs: {{symmetric: true, from: [fund], to: [firm, vehicle], label: "backs up"}}
source: {{title: File-wide source, date: "2024"}}
entities:
  - id: a
    type: firm
    name: A (the hostile text is added below)
    aliases: ["a|pipe", " spaced ", "9984", "true"]
    country: jp
    description: ""
    tags: [x, "y z"]
    url: https://example.org/a?q="1"&b=<2>
    int_prop: 7
    float_prop: -0.0
    big: 9223372036854775807
    flag: false
    text_number: "9984"
    words: [one, two]
    numbers: [1, 2, 3]
    mixed_list: ["a", 1, true, 2.5]
    empty_list: []
    mixed: 3
    huge: "{'x' * 200_000}"
    "prop with space": "=SUM(A1)"
  - id: b
    type: vehicle
    name: B
    mixed: three
    float_prop: 1.5e300
  - id: c
    type: firm
    name: C
relations:
  - {{from: b, type: backs, to: a, amount: 10, currency: usd, confidence: 1,
     since: "2024", until: "2025-07"}}
  - {{from: b, type: backs, to: a, amount: 2.5, confidence: 0.25, since: "2024-02-29"}}
  - {{from: b, type: backs, to: a}}
  - {{from: b, type: backs, to: a}}
  - {{id: r.explicit:1, from: a, type: competes_with, to: c, status: "",
     source: {{title: T, publisher: P, url: "https://x.org", date: "2025-01"}},
     note: "text", weight: 2, ratio: 0.5, flag: true, when: 2025}}
  - {{from: c, type: competes_with, to: a, source: Just a title, when: "2025"}}
"""


def test_every_field_kind_round_trips_exactly(write_seeds, tmp_path):
    import yaml

    doc = yaml.safe_load(EVERY_KIND)      # as JSON: YAML may not hold C1 controls
    doc["entities"][0]["name"] = "A " + HOSTILE
    doc["relations"][0]["evidence"] = HOSTILE
    folder = write_seeds({"all.json": json.dumps(doc, ensure_ascii=False)})
    original, back, exporter = round_trip(folder, tmp_path / "pq")
    assert sorted(os.listdir(tmp_path / "pq")) == ["entities.parquet", "relations.parquet",
                                                   "types.yaml"]
    assert exporter.warnings == []
    assert same_json(back) == same_json(original)
    a = back.entities["a"]
    assert a.name.startswith("A tab\there") and a.description == ""
    assert a.properties["mixed_list"] == ["a", 1, True, 2.5]
    assert a.properties["text_number"] == "9984" and a.properties["float_prop"] == 0.0
    assert len(a.properties["huge"]) == 200_000
    ids = [r.id for r in back.relations]
    assert ids[2] + "~2" == ids[3] and "r.explicit:1" in ids
    schema = pq.read_schema(tmp_path / "pq" / "entities.parquet")
    assert schema.field("mixed").type == pa.string()
    assert schema.field("mixed").metadata == {b"kg:json": b"1"}     # 3 and "three"
    assert schema.field("numbers").type == pa.list_(pa.int64())
    assert schema.field("empty_list").type == pa.list_(pa.string())
    rels = pq.read_schema(tmp_path / "pq" / "relations.parquet")
    assert rels.field("amount").metadata == {b"kg:json": b"1"}     # 10 and 2.5
    assert rels.field("when").metadata == {b"kg:json": b"1"}       # 2025 and "2025"
    assert rels.field("weight").type == pa.int64() and rels.field("flag").type == pa.bool_()
    # A second export of what was read back is byte-identical.
    export(back, "parquet", str(tmp_path / "pq2"))
    for name in ("entities.parquet", "relations.parquet", "types.yaml"):
        assert (tmp_path / "pq" / name).read_bytes() == (tmp_path / "pq2" / name).read_bytes()


def test_export_refuses_to_overwrite_and_replaces_only_regular_files(tmp_path):
    from graph.errors import InputError, KgError, OutputExists

    data = load_dataset(MINI)
    export(data, "parquet", str(tmp_path / "pq"))
    with pytest.raises(OutputExists):
        export(data, "parquet", str(tmp_path / "pq"))
    export(data, "parquet", str(tmp_path / "pq"), force=True)
    with pytest.raises(InputError, match="give a folder with -o DIR"):
        export(data, "parquet", "-")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file; parquet export needs a folder"):
        export(data, "parquet", str(tmp_path / "file"))
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "entities.parquet").symlink_to("/dev/null")
    with pytest.raises(KgError, match="entities.parquet is a symbolic link, not a regular file"):
        export(data, "parquet", str(tmp_path / "dev"), force=True)
    assert (tmp_path / "dev" / "entities.parquet").is_symlink()


# -- Parquet seed files --------------------------------------------------------
def test_typed_columns_are_read_as_their_values(tmp_path):
    folder = tmp_path / "seeds"
    write_table(folder / "entities.parquet", {
        **ENTITIES,
        "aliases": pa.array([["A", "Ay"], None], pa.list_(pa.string())),
        "country": pa.array(["JP", None]).dictionary_encode(),
        "founded": pa.array([1990, None], pa.int32()),
        "share": pa.array([0.5, 1.0], pa.float32()),
        "listed": [True, False],
        "opened": pa.array([pa.scalar(19000, pa.date32()).as_py(), None], pa.date32()),
        "ranks": pa.array([[1, 2], []], pa.list_(pa.int16())),
    })
    write_table(folder / "rel.parquet", {
        "from": ["b"], "type": ["funds"], "to": ["a"],
        "since": pa.array([pa.scalar(19000, pa.date32()).as_py()], pa.date32()),
        "amount": pa.array([5], pa.uint8()), "confidence": [0.75],
        "source": pa.array([{"title": "T", "url": "https://u"}],
                           pa.struct([("title", pa.string()), ("url", pa.string())])),
    })
    data = load_dataset(folder)
    a = data.entities["a"]
    assert (a.aliases, a.country) == (["A", "Ay"], "JP")
    assert a.properties == {"founded": 1990, "share": 0.5, "listed": True,
                            "opened": "2022-01-08", "ranks": [1, 2]}
    assert data.entities["b"].properties == {"share": 1.0, "listed": False, "ranks": []}
    [r] = data.relations
    assert (r.since, r.amount, r.confidence) == ("2022-01-08", 5, 0.75)
    assert (r.source.title, r.source.url, r.source.publisher) == ("T", "https://u", None)


def same_problem_as_yaml(write_seeds, tmp_path, entity: dict, column_type=None):
    """The problem a Parquet row gives, and the one the same YAML mapping gives."""
    import yaml

    yfolder = write_seeds({"e.yaml": yaml.safe_dump({"entities": [entity]})}, "y")
    pfolder = tmp_path / "p"
    columns = {k: pa.array([v], column_type.get(k) if column_type else None)
               for k, v in entity.items()}
    write_table(pfolder / "e.parquet", columns)
    return ([p.split(": ", 1)[1] for p in problems(pfolder)],
            [p.split(": ", 1)[1] for p in problems(yfolder)])


@pytest.mark.parametrize("bad, expect", [
    ({"country": "XX"}, "'XX' is not an ISO 3166-1 alpha-2 country code"),
    ({"aliases": "a|b"}, "aliases: must be a list of strings"),
    ({"id": "bad id"}, "bad id 'bad id'"),
    ({"size": float("nan")}, "size: NaN (not a number) is not a finite number"),
    ({"note": "bell\x07"}, "note: text contains the control character U+0007"),
    ({"type": "planet"}, "unknown entity type 'planet'"),
])
def test_rule_book_problems_match_yaml(write_seeds, tmp_path, bad, expect):
    entity = {"id": "a", "type": "firm", "name": "A", **bad}
    got, yaml_got = same_problem_as_yaml(write_seeds, tmp_path, entity)
    assert got == yaml_got and len(got) == 1 and expect in got[0]


@pytest.mark.parametrize("column, problem", [
    (pa.array([["ok"], ["bad\x07"]]), "x: text contains the control character U+0007"),
    (pa.array([None, "bad\x1b"]).dictionary_encode(),
     "x: text contains the control character U+001B"),
    (pa.array([[1.0], [float("inf")]]), "x: infinity (or a number beyond"),
    (pa.array([0, 2**64 - 1], pa.uint64()), "x: 18446744073709551615 is outside the 64-bit"),
])
def test_value_checks_reach_lists_dictionaries_and_wide_integers(tmp_path, column, problem):
    """Values are checked a column at a time first; what a column check flags is
    checked row by row with the rule book's messages (here on the second row)."""
    write_table(tmp_path / "s" / "e.parquet", {**ENTITIES, "x": column})
    [got] = problems(tmp_path / "s")
    assert got.startswith(f"e.parquet:2: error: {problem}"), got


def test_source_struct_text_is_checked(tmp_path):
    write_table(tmp_path / "s" / "e.parquet", ENTITIES)
    write_table(tmp_path / "s" / "r.parquet", {
        "from": ["a"], "type": ["funds"], "to": ["b"],
        "source": pa.array([{"title": "T\x00"}], pa.struct([("title", pa.string())]))})
    assert problems(tmp_path / "s") == [
        "r.parquet:1: error: title: text contains the control character U+0000, which XML "
        "and UTF-8 cannot carry; remove it"]


def test_problems_name_the_row(tmp_path):
    folder = tmp_path / "seeds"
    write_table(folder / "e.parquet", {"id": ["a", "b", "c"], "type": ["firm"] * 3,
                                       "name": ["A", "B", "C"], "country": ["JP", None, "ZZ"]})
    write_table(folder / "r.parquet", {"from": ["a", "a"], "type": ["funds", "funds"],
                                       "to": ["b", "c"], "amount": ["12", None]})
    assert problems(folder) == [
        "e.parquet:3: error: entity 'c': country: 'ZZ' is not an ISO 3166-1 alpha-2 country "
        "code (like JP, US, CN)",
        "r.parquet:1: error: relation a -funds-> b: amount: '12' is not a number"]


@pytest.mark.parametrize("column, message", [
    (pa.array([1], pa.timestamp("s")), "column 'x' has the Parquet type timestamp[ms]"),
    (pa.array([1], pa.decimal128(5, 2)), "column 'x' has the Parquet type decimal128(5, 2)"),
    (pa.array([b"\x00"], pa.binary()), "column 'x' has the Parquet type binary"),
    (pa.array([{"a": {"b": "c"}}]), "column 'x' has the Parquet type struct<a: struct<b"),
    (pa.array([[["a"]]]), "column 'x' has the Parquet type list<element: list<"),
    (pa.array([[("k", "v")]], pa.map_(pa.string(), pa.string())),
     "column 'x' has the Parquet type map<string, string"),
])
def test_unsupported_column_type_is_one_error(tmp_path, column, message):
    write_table(tmp_path / "s" / "e.parquet", {"id": ["a"], "type": ["firm"], "name": ["A"],
                                               "x": column})
    [problem] = problems(tmp_path / "s")
    assert problem.startswith(f"e.parquet: error: {message}")
    assert "use text, integers, floats, booleans, dates or a list of one of these" in problem


def test_json_marked_column_with_bad_json_is_one_error(tmp_path):
    field = pa.field("x", pa.string(), metadata={b"kg:json": b"1"})
    table = pa.table({"id": ["a", "b"], "type": ["firm"] * 2, "name": ["A", "B"],
                      "x": ["1", "{not json"]})
    table = table.set_column(3, field, table.column("x"))
    (tmp_path / "s").mkdir()
    pq.write_table(table, tmp_path / "s" / "e.parquet")
    assert problems(tmp_path / "s") == [
        "e.parquet:2: error: column 'x' is marked as JSON (kg:json) but this cell is not "
        "JSON; fix the cell or remove the mark"]


def test_repeated_column_names_refused(tmp_path):
    table = pa.Table.from_arrays([pa.array(["a"]), pa.array(["firm"]), pa.array(["A"]),
                                  pa.array(["B"])], names=["id", "type", "name", "name"])
    (tmp_path / "s").mkdir()
    pq.write_table(table, tmp_path / "s" / "e.parquet")
    assert problems(tmp_path / "s") == ["e.parquet: error: Parquet file repeats column(s) name"]


def test_columns_detected_like_a_csv_header(tmp_path):
    write_table(tmp_path / "s" / "e.parquet", {"id": ["a"], "label": ["A"]})
    assert problems(tmp_path / "s") == [
        "e.parquet: error: Parquet columns must include id,type,name (entities) or "
        "from,type,to (relations); found id,label"]


# -- hostile files ---------------------------------------------------------------
def test_truncated_and_garbage_files(tmp_path):
    good = write_table(tmp_path / "x.parquet", ENTITIES).read_bytes()
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "cut.parquet").write_bytes(good[: len(good) // 2])
    (folder / "junk.parquet").write_bytes(b"PAR1" + os.urandom(3000) + b"PAR1")
    (folder / "text.parquet").write_text("id,type,name\na,firm,A\n")
    (folder / "empty.parquet").write_bytes(b"")
    got = problems(folder)
    assert len(got) == 4
    for name in ("cut", "junk", "text"):
        assert any(p.startswith(f"{name}.parquet: error: not a readable Parquet file (")
                   for p in got), got
    assert "empty.parquet: warning: empty file" in got


def test_damaged_files_give_one_problem_never_an_exception(tmp_path):
    """Bytes flipped at random in a real export: each copy loads, or gives
    problems (never a traceback), and every message is printable."""
    import random

    export(load_dataset(MINI), "parquet", str(tmp_path / "src"))
    good = (tmp_path / "src" / "relations.parquet").read_bytes()
    rng = random.Random(1)
    refused = 0
    for i in range(150):
        damaged = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        folder = tmp_path / f"f{i}"
        folder.mkdir()
        (folder / "r.parquet").write_bytes(bytes(damaged))
        _, report = load_folder(folder)
        refused += any("Parquet" in e.message for e in report.errors)
        assert all(e.message.isprintable() for e in report.errors)
    assert refused > 100


def test_special_files_are_refused(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    os.mkfifo(folder / "pipe.parquet")
    (folder / "zero.parquet").symlink_to("/dev/zero")
    got = problems(folder)
    assert any(p.startswith("pipe.parquet: error: a FIFO (named pipe), not a regular seed "
                            "file") for p in got), got
    assert any(p.startswith("zero.parquet: error: symbolic link to a file outside the folder")
               for p in got), got


def test_hundred_million_rows_refused_from_the_footer(tmp_path):
    n = 100_000_000
    nulls = pa.nulls(n, pa.string())
    write_table(tmp_path / "s" / "big.parquet", {"id": nulls, "type": nulls, "name": nulls},
                row_group_size=n)
    assert (tmp_path / "s" / "big.parquet").stat().st_size < 5_000_000
    assert problems(tmp_path / "s") == [
        "big.parquet: error: Parquet file has 100,000,000 rows, over the limit of 5,000,000 "
        "for one seed file; split it"]


HOSTILE_SCRIPT = """
import re, sys
sys.path.insert(0, {root!r})
from graph.loader import load_folder
_, report = load_folder(".")
print([str(i) for i in report.issues])
status = open("/proc/self/status").read()   # VmHWM: this process's peak, in kB
print(int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024)
"""


def test_repeated_huge_string_is_measured_not_decoded(tmp_path):
    """4,000 rows that all hold one 1 MB string: a 4 GB column in a tiny file.
    Refused before decoding; the process stays small."""
    n = 4_000
    big = pa.DictionaryArray.from_arrays(pa.array([0] * n, pa.int32()), pa.array(["x" * 1_000_000]))
    path = write_table(tmp_path / "s" / "e.parquet",
                       {"id": [f"e{i}" for i in range(n)], "type": ["firm"] * n,
                        "name": ["N"] * n, "note": big}, compression="zstd")
    assert path.stat().st_size < 200_000
    out = subprocess.run([sys.executable, "-c", HOSTILE_SCRIPT.format(
        root=str(ROOT))], cwd=tmp_path / "s", capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    issues, peak_mb = out.stdout.splitlines()
    assert issues == str(["e.parquet:1: error: Parquet values decode to more than 1,073.7 MB "
                          "(repeated values count each time); split the file"])
    assert int(peak_mb) < 300, peak_mb


def test_hostile_text_in_a_seed_round_trips(tmp_path):
    text = "".join(chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c <= 0xDFFF)
    write_table(tmp_path / "s" / "e.parquet",
                {"id": ["a"], "type": ["firm"], "name": ["A"], "description": [text * 50],
                 "note": ["\t\n\r\x85"]})
    e = load_dataset(tmp_path / "s").entities["a"]
    assert e.description == text * 50 and e.properties["note"] == "\t\n\r\x85"


# -- the command line and the cache -------------------------------------------
def test_cli_export_and_load_back(run_kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kg("export", "--format", "parquet", "--seeds", MINI)
    assert r.exit_code == 0, r.output
    assert r.stderr == ("Wrote graph-parquet/entities.parquet, graph-parquet/relations.parquet"
                        " (12 entities, 13 relations)\n")
    r = run_kg("export", "--format", "parquet", "--seeds", MINI)
    assert r.exit_code == 1
    assert r.stderr == ("Error: graph-parquet/entities.parquet already exists; pass --force "
                        "to overwrite it\n")
    r = run_kg("stats", "--seeds", "graph-parquet", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["relations"] == 13


def test_cli_validate_reports_parquet_problems(run_kg, tmp_path):
    write_table(tmp_path / "s" / "e.parquet", {**ENTITIES, "country": ["JP", "QQ"]})
    (tmp_path / "s" / "bad.parquet").write_bytes(b"not parquet at all")
    r = run_kg("validate", "--seeds", tmp_path / "s")
    assert r.exit_code == 1
    assert "e.parquet:2: error: entity 'b': country: 'QQ' is not an ISO 3166-1" in r.output
    assert "bad.parquet: error: not a readable Parquet file (" in r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize("column", [
    pa.array([2**31 - 1], pa.date32()),
    pa.array([2**62], pa.date64()),
    pa.array([[2**31 - 1]], pa.list_(pa.date32())),
], ids=["date32", "date64", "list-of-date32"])
def test_a_date_after_year_9999_is_one_error_line(run_kg, tmp_path, column):
    """Found by fuzzing: such a date raised OverflowError out of the reader."""
    write_table(tmp_path / "s" / "e.parquet", {"id": ["a"], "type": ["firm"], "name": ["A"],
                                                "founded": column})
    for command in ("validate", "stats"):
        r = run_kg(command, "--seeds", tmp_path / "s")
        assert r.exit_code == 1 and "Traceback" not in r.output
        assert ("e.parquet: error: a date column holds a value outside the years 1 to 9999; "
                "fix the value or write the column as text") in r.output


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("inside", [".", "sub/dir"])
def test_a_folder_export_never_writes_into_its_seed_folder(run_kg, tmp_path, fmt, inside):
    import shutil

    seeds = tmp_path / "s"
    shutil.copytree(MINI, seeds)
    before = sorted(p.relative_to(seeds) for p in seeds.rglob("*"))
    for force in ((), ("--force",)):
        r = run_kg("export", "--format", fmt, "-o", seeds / inside, "--seeds", seeds, *force)
        assert r.exit_code == 1 and r.stderr.startswith(f"Error: {seeds / inside} is in the "
                                                        f"seed folder ")
        assert r.stderr.endswith(f"the exported {fmt} files would load as seeds beside the "
                                 "originals; write the export to a folder outside it\n")
    assert sorted(p.relative_to(seeds) for p in seeds.rglob("*")) == before
    assert run_kg("stats", "--seeds", seeds).exit_code == 0


def test_cache_notices_a_changed_parquet_file(run_kg, tmp_path):
    folder = tmp_path / "s"
    write_table(folder / "e.parquet", ENTITIES)
    assert json.loads(run_kg("stats", "--seeds", folder, "--format", "json").stdout)[
        "entities"] == 2
    write_table(folder / "e.parquet", {k: v + [v[0] + "z"] if k != "type" else v + ["firm"]
                                       for k, v in ENTITIES.items()})
    assert json.loads(run_kg("stats", "--seeds", folder, "--format", "json").stdout)[
        "entities"] == 3


def test_plain_encoded_values_over_the_limit_refused_from_the_footer(tmp_path, monkeypatch):
    import graph.parquetseed as parquetseed

    monkeypatch.setattr(parquetseed, "MAX_DECODED_BYTES", 10_000_000)
    n = 20
    path = write_table(tmp_path / "s" / "e.parquet",
                       {"id": [f"e{i}" for i in range(n)], "type": ["firm"] * n,
                        "name": ["x" * 1_000_000] * n}, use_dictionary=False, compression="zstd")
    assert path.stat().st_size < 100_000
    [problem] = problems(tmp_path / "s")
    assert problem.startswith("e.parquet: error: Parquet file holds 20.")
    assert problem.endswith("MB of values once uncompressed, over the 10.0 MB limit for one "
                            "seed file; split it")


# -- the README's fixtures (tests/fixtures/parquet*, made by fixture_tables) -----
def fixture_tables() -> dict[str, pa.Table]:
    """The README's example Parquet seeds: ``python -c 'from tests.test_parquet import
    write_fixtures; write_fixtures()'`` writes them again."""
    import datetime

    return {
        "parquet/entities.parquet": pa.table({
            "id": ["kaito-robotics", "harbor-fund"], "type": ["firm", "fund"],
            "name": ["Kaito Robotics", "Harbor Growth Fund"],
            "aliases": pa.array([["海斗ロボティクス", "Kaito"], []], pa.list_(pa.string())),
            "country": ["JP", "US"],
            "employees": pa.array([1200, None], pa.int32()),
            "listed": [True, False],
            "founded": pa.array([datetime.date(2011, 4, 1), datetime.date(2019, 9, 30)],
                                pa.date32())}),
        "parquet/relations.parquet": pa.table({
            "from": ["harbor-fund"], "type": ["invests_in"], "to": ["kaito-robotics"],
            "amount": pa.array([250_000_000], pa.int64()), "currency": ["USD"],
            "since": pa.array([datetime.date(2024, 3, 15)], pa.date32()),
            "confidence": [0.9],
            "source": pa.array([{"title": "Harbor Growth Fund annual report", "date": "2024"}],
                               pa.struct([("title", pa.string()), ("date", pa.string())]))}),
        "parquet-broken/firms.parquet": pa.table({
            "id": ["ok-firm", "bad-country", "bad id"], "type": ["firm"] * 3,
            "name": ["OK", "Bad Country", "Bad Id"], "country": ["JP", "XX", None]}),
        "parquet-broken/listings.parquet": pa.table({
            "id": ["ok-firm"], "type": ["firm"], "name": ["OK"],
            "listed_at": pa.array([1_700_000_000_000], pa.timestamp("ms"))}),
        "parquet-broken/stakes.parquet": pa.table({
            "from": ["ok-firm"], "type": ["owns"], "to": ["kaito"],
            "amount": ["12 million"]}),
    }


def write_fixtures() -> None:
    from conftest import FIXTURES

    for name, table in fixture_tables().items():
        (FIXTURES / name).parent.mkdir(exist_ok=True)
        pq.write_table(table, FIXTURES / name)


def test_readme_fixtures_are_what_fixture_tables_makes():
    from conftest import FIXTURES

    for name, table in fixture_tables().items():
        assert pq.read_table(FIXTURES / name).equals(table), name


def test_a_folder_of_part_files_loads(tmp_path):
    """What Spark or a chunked writer leaves: data.parquet/ holding part files
    (and a _SUCCESS marker and dotted checksums, which are not seed files)."""
    parts = tmp_path / "s" / "firms.parquet"
    for i in range(3):
        write_table(parts / f"part-{i:05d}.snappy.parquet",
                    {"id": [f"f{i}"], "type": ["firm"], "name": [f"Firm {i}"]})
    (parts / "_SUCCESS").write_bytes(b"")
    (parts / ".part-00000.snappy.parquet.crc").write_bytes(b"\x00crc")
    data, report = load_folder(tmp_path / "s")
    assert report.ok and report.files == 3 and sorted(data.entities) == ["f0", "f1", "f2"]


def test_cli_export_errors_are_one_line(run_kg, tmp_path):
    r = run_kg("export", "--format", "parquet", "-o", "-", "--seeds", MINI)
    assert (r.exit_code, r.stderr) == (1, "Error: parquet export writes several files; give "
                                          "a folder with -o DIR\n")
    (tmp_path / "f").write_text("x")
    r = run_kg("export", "--format", "parquet", "-o", tmp_path / "f", "--seeds", MINI)
    assert (r.exit_code, r.stderr) == (1, f"Error: {tmp_path / 'f'} is a file; parquet export "
                                          "needs a folder (-o DIR)\n")
