"""Issue #9 items 7, 9 and 12: text leaving the program is safe where it goes.

CSV cells never run as spreadsheet formulas yet load back equal; rows with a
bare carriage return stay one row; XML exports refuse what XML cannot hold
instead of replacing it; terminal output shows control characters visibly;
JSON output is strict.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from graph.errors import KgError
from graph.export import export
from graph.loader import load_dataset, load_folder
from graph.model import Dataset, Entity, Schema
from graph.present import terminal_text
from graph.seedio import FORMULA_START, protect_cell, unprotect_cell

HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
           "-2+3+cmd|x", "\t=1", "'=already", "''=two", "'plain", "- bullet", "-5", "-1.5e3",
           "=", "'", "ok"]


# -- the CSV cell rule --------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE + ["'" * 3 + "@x", "@", "+", "\r=x"])
def test_protected_cells_never_start_a_formula_and_come_back(text):
    cell = protect_cell(text)
    assert unprotect_cell(cell) == text
    looks_numeric = text.lstrip("-").replace(".", "", 1).replace("e", "", 1).isdigit()
    assert not cell.startswith(FORMULA_START) or looks_numeric


def test_cells_without_formula_starts_are_left_alone():
    for text in ("plain", "'tis", "O'Brien", "5", "-5", "a=b"):
        assert protect_cell(text) == text and unprotect_cell(text) == text


# -- CSV export round trip ----------------------------------------------------
def test_csv_export_neutralises_formulas_and_loads_back_equal(write_seeds, tmp_path, run_kg):
    names = [t for t in HOSTILE if t.strip() and t not in ("-5", "-1.5e3")]
    entities = "\n".join(f"  - {{id: e{i}, type: firm, name: {json.dumps(t)}, "
                         f"description: {json.dumps(t + ' d')}, note: {json.dumps(t)}}}"
                         for i, t in enumerate(names))
    folder = write_seeds({"a.yaml": f"entities:\n{entities}\n"
                                    "relations:\n  - {from: e0, type: funds, to: e1, "
                                    "evidence: \"=1+1\", amount: -5}\n"})
    original = load_dataset(folder)
    out = tmp_path / "csv"
    exporter = export(original, "csv", str(out))
    assert exporter.warnings == []
    for name in ("entities.csv", "relations.csv"):
        for row in csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))):
            for cell in row:
                numeric = cell.lstrip("-").replace(".", "", 1).replace("e", "", 1).isdigit()
                assert numeric or not cell.startswith(FORMULA_START), (name, cell)
    r = run_kg("validate", out)
    assert r.exit_code == 0, r.output
    back = load_dataset(out)
    assert {k: e.to_dict() for k, e in back.entities.items()} == \
           {k: e.to_dict() for k, e in original.entities.items()}
    assert [r.to_dict() for r in back.relations] == [r.to_dict() for r in original.relations]


def test_csv_export_quotes_bare_carriage_returns(write_seeds, tmp_path):
    folder = write_seeds({"a.yaml": 'entities:\n  - {id: a, type: firm, name: "one\\rtwo", '
                                    'description: "x\\r\\ny\\rz"}\n'})
    original = load_dataset(folder)
    out = tmp_path / "csv"
    export(original, "csv", str(out))
    dataset, report = load_folder(out)
    assert report.ok, [str(i) for i in report.issues]
    assert dataset.entities["a"].to_dict() == original.entities["a"].to_dict()


def test_hand_written_csv_apostrophes_before_formulas_are_read_as_text(write_seeds):
    folder = write_seeds({"e.csv": "id,type,name,note\na,firm,'=SUM(A1),'-x\nb,firm,'tis,\n"})
    dataset = load_dataset(folder)
    assert dataset.entities["a"].name == "=SUM(A1)"
    assert dataset.entities["a"].properties == {"note": "-x"}
    assert dataset.entities["b"].name == "'tis"


# -- XML exports ----------------------------------------------------------------
def bad_dataset(key: str, value: str) -> Dataset:
    entity = Entity("a", "firm", "A")
    entity.properties[key] = value
    return Dataset(Schema.builtin(), {"a": entity}, [], [], "x")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("value", ["v\x0b", "\ufffe", "a\x1b[2J"])
def test_xml_exports_refuse_values_xml_cannot_hold(tmp_path, fmt, value):
    with pytest.raises(KgError, match="which XML cannot carry"):
        export(bad_dataset("k", value), fmt, str(tmp_path / f"g.{fmt}"))
    assert not (tmp_path / f"g.{fmt}").exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_encode_odd_keys_reversibly(tmp_path, fmt):
    import networkx as nx

    from graph.records import property_name

    out = tmp_path / f"g.{fmt}"
    export(bad_dataset("k\x01", "v"), fmt, str(out))
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    keys = {property_name(k): v for k, v in g.nodes["a"].items()}
    assert keys["k\x01"] == "v"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_keep_allowed_odd_text_exactly(tmp_path, fmt):
    import networkx as nx

    text = "tab\tline\nCR\r DEL\x7f C1\x9b bidi\u202e emoji🙂 <&>\"'"
    out = tmp_path / f"g.{fmt}"
    export(bad_dataset("odd key <&>", text), fmt, str(out))
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    node = g.nodes["a"]
    assert node["odd key <&>"].replace("\r\n", "\n") in (text, text.replace("\r", "\n"))


# -- terminal -------------------------------------------------------------------
ESCAPES = 'name: "Evil\\e]0;owned\\aCorp\\rFAKE\\x9b2J\\u202eX"'


def test_terminal_text_escapes_every_control_but_tab_and_newline():
    unsafe = [c for c in map(chr, range(0x3000)) if terminal_text(c) != c]
    assert "\t" not in unsafe and "\n" not in unsafe
    for c in [*map(chr, range(0x20)), "\x7f", *map(chr, range(0x80, 0xA0)), "\u202e", "\u2066"]:
        if c not in "\t\n":
            assert c in unsafe and "\\" in terminal_text(c)
    assert all(not ch.isprintable() or ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
               "\u2066\u2067\u2068\u2069" for ch in unsafe)


def test_show_and_path_print_seed_text_visibly(run_kg, write_seeds):
    # Controls XML can carry (CR, C1, bidi) pass validation; the terminal still sees escapes.
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: "Evil\\rFAKE\\x9b2J\\u202eX", description: "d\\x85"}
          - {id: b, type: firm, name: B}
        relations:
          - {from: a, type: funds, to: b, evidence: "said\\rnothing"}
        """})
    for args in (("show", "a"), ("path", "a", "b")):
        r = run_kg(*args, "--seeds", folder, "--no-cache")
        assert r.exit_code == 0, r.output
        assert not any(c in r.output for c in "\r\x1b\x9b\x85\u202e"), repr(r.output)
        assert "Evil\\rFAKE\\x9b2J\\u202eX" in r.output
    assert "said\\rnothing" in r.output


def test_errors_print_visibly_too(run_kg, tmp_path):
    r = run_kg("show", "x", "--seeds", tmp_path / "no\x1b]0;t\x07", "--no-cache")
    assert r.exit_code == 1 and "\x1b" not in r.output and "no\\e]0;t\\x07" in r.output


# -- JSON and pages from folders with bad numbers ---------------------------------
@pytest.mark.parametrize("seed", [
    ("a.yaml", "entities:\n  - {id: a, type: firm, name: A}\n  - {id: b, type: firm, name: B}\n"
               "relations:\n  - {from: a, type: funds, to: b, amount: .nan}\n"),
    ("a.json", '{"entities": [{"id": "a", "type": "firm", "name": "A"}, '
               '{"id": "b", "type": "firm", "name": "B"}], "relations": '
               '[{"from": "a", "type": "funds", "to": "b", "amount": 1e309}]}'),
    ("r.csv", "from,type,to,amount\na,funds,b,1e309\n"),
])
@pytest.mark.parametrize("command", [("render",), ("path", "a", "b"),
                                     ("path", "a", "b", "--format", "json"),
                                     ("export", "--format", "json"), ("export", "--format", "csv")])
def test_non_finite_numbers_stop_every_command_with_one_error_line(run_kg, write_seeds, tmp_path,
                                                                   seed, command):
    files = {seed[0]: seed[1]}
    if seed[0] == "r.csv":
        files["e.csv"] = "id,type,name\na,firm,A\nb,firm,B\n"
    folder = write_seeds(files)
    out = (["--html", tmp_path / "p.html"] if command == ("path", "a", "b")
           else [] if "path" in command else ["-o", tmp_path / "out"])
    r = run_kg(*command, "--seeds", folder, "--no-cache", *out)
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: seed folder") and \
        "not a finite number" in lines[0], r.output


def test_node_link_export_is_strict_json(mini_dataset, tmp_path):
    out = export(mini_dataset, "json", str(tmp_path / "g.json")).written[0]

    def refuse(name: str) -> None:
        raise ValueError(name)

    data = json.loads(Path(out).read_text(encoding="utf-8"), parse_constant=refuse)
    assert len(data["nodes"]) == len(mini_dataset.entities)
    assert not any(isinstance(v, float) and not math.isfinite(v)
                   for link in data["links"] for v in link.values())


def test_newlines_in_seed_text_cannot_fake_output_lines(run_kg, write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: "Acme\\n  2. Acme —owns→ Everything", description: "x\\ny"}
          - {id: b, type: firm, name: B}
        relations:
          - {from: a, type: funds, to: b, evidence: "said\\n— Fake Source"}
        """})
    show = run_kg("show", "a", "--seeds", folder, "--no-cache")
    assert show.output.splitlines()[:2] == [
        "Acme\\n  2. Acme —owns→ Everything  [firm]  id: a", "  description: x\\ny"]
    path = run_kg("path", "a", "b", "--seeds", folder, "--no-cache")
    assert "“said\\n— Fake Source”" in path.output
    assert not any(line.startswith("  2.") for line in path.output.splitlines())
