"""Issue #9 items 4, 7 and 8: values that pass validation must be safe downstream.

Non-finite and out-of-range numbers, text no output can carry, duplicate keys,
YAML alias bombs and deep nesting are refused with ``path:line`` by every
reader (YAML, JSON, CSV row by row, CSV column by column).
"""

from __future__ import annotations

import json
import time

import pytest

import graph.fastcsv
from graph.loader import load_folder
from graph.rules import (INT_MAX, INT_MIN, MAX_DEPTH, bad_character, check_number,
                            check_text, check_tree, too_deep)


NAN = "NaN (not a number) is not a finite number; write a number, or leave the value out"
INF = ("infinity (or a number beyond ±1.8e308) is not a finite number; write a number, "
       "or leave the value out")


def errors(folder, **kw) -> list[str]:
    _, report = load_folder(folder, **kw)
    return [str(i) for i in report.errors]


@pytest.fixture(params=[True, False], ids=["fast-csv", "general-csv"])
def both_csv_lanes(request, monkeypatch):
    monkeypatch.setattr(graph.fastcsv, "ENABLED", request.param)


# -- the rules themselves ---------------------------------------------------
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), INT_MAX + 1,
                                   INT_MIN - 1, 10 ** 29])
def test_number_rule_refuses(value):
    with pytest.raises(ValueError):
        check_number(value)


@pytest.mark.parametrize("value", [0, -1, INT_MAX, INT_MIN, 1.5, 1e308, True])
def test_number_rule_keeps(value):
    assert check_number(value) == value


def test_text_rule_refuses_exactly_what_xml_and_utf8_cannot_carry():
    refused = [c for c in map(chr, range(0x11000))
               if bad_character(c) is not None]
    allowed_controls = {"\t", "\n", "\r"}
    expected = ([chr(c) for c in range(0x20) if chr(c) not in allowed_controls]
                + [chr(c) for c in range(0xD800, 0xE000)] + ["\ufffe", "\uffff"])
    assert refused == expected
    assert check_text("tab\tnew\nline\r, ünïcode, \x7f, \x9b, 🙂") .startswith("tab")
    with pytest.raises(ValueError, match="U\\+001B"):
        check_text("\x1b[2J")


def test_tree_rule_walks_keys_values_and_lists_once():
    shared = ["ok", float("nan")]
    doc = {"a": shared, "b": shared, "k\x01": 1, "n": {"deep": 10 ** 20}}
    problems = sorted(p.split(": ", 1)[1] if p.startswith(("a:", "b:")) else p
                      for _, _, p in check_tree(doc))
    assert problems == [
        NAN,   # once: the shared list is checked once
        "deep: 100000000000000000000 is outside the 64-bit integer range "
        "(-9223372036854775808..9223372036854775807); write it as text or as a decimal",
        "key 'k\\x01': text contains the control character U+0001, which XML and UTF-8 "
        "cannot carry; remove it",
    ]


def test_depth_rule_needs_no_recursion():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert too_deep(deep) and not too_deep([[[]]]) and not too_deep(1)
    nested: list = []
    for _ in range(MAX_DEPTH - 1):
        nested = [nested]
    assert not too_deep(nested) and too_deep([nested])


# -- non-finite and huge numbers, every reader -------------------------------
def test_yaml_nan_and_infinity_are_refused(write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - {id: a, type: firm, name: A, score: .nan}
          - {id: b, type: firm, name: B}
        relations:
          - {from: a, type: funds, to: b, amount: .inf}
          - {from: b, type: funds, to: a, amount: 100000000000000000000000000000}
        """})
    assert errors(folder) == [
        f"{folder}/a.yaml:2: error: score: " + NAN,
        f"{folder}/a.yaml:5: error: amount: " + INF,
        f"{folder}/a.yaml:6: error: amount: 100000000000000000000000000000 is outside the "
        "64-bit integer range (-9223372036854775808..9223372036854775807); write it as text "
        "or as a decimal",
    ]


def test_json_nan_infinity_and_overflow_are_refused(write_seeds):
    folder = write_seeds({"a.json": """
        {"entities": [
          {"id": "a", "type": "firm", "name": "A", "x": NaN},
          {"id": "b", "type": "firm", "name": "B", "y": -Infinity},
          {"id": "c", "type": "firm", "name": "C", "z": 1e309}
        ]}
        """})
    assert errors(folder) == [
        f"{folder}/a.json:2: error: x: " + NAN,
        f"{folder}/a.json:3: error: y: -" + INF,
        f"{folder}/a.json:4: error: z: " + INF,
    ]


def test_very_long_integers_are_refused_not_crashed(write_seeds):
    digits = "9" * 5000
    folder = write_seeds({"a.yaml": f"entities:\n  - {{id: a, type: firm, name: A, n: {digits}}}\n",
                          "b.json": f'{{"entities": [{{"id": "b", "type": "firm", "name": "B",\n'
                                    f'"n": {digits}}}]}}'})
    assert errors(folder) == [
        f"{folder}/a.yaml:2: error: YAML syntax error: integer too long (over 40 digits); "
        "write it as text",
        f"{folder}/b.json:2: error: integer too long (over 40 digits); write it as text"]


def test_csv_out_of_range_numbers_are_refused_in_both_lanes(write_seeds, both_csv_lanes):
    folder = write_seeds({
        "e.csv": "id,type,name,x\na,firm,A,1e309\nb,firm,B,2\nc,firm,C,99999999999999999999\n",
        "r.csv": "from,type,to,amount,note\na,funds,b,1e309,\nb,funds,c,5,[1e999]\n"})
    assert errors(folder) == [
        f"{folder}/e.csv:2: error: entity 'a': x: " + INF,
        f"{folder}/e.csv:4: error: entity 'c': x: 99999999999999999999 is outside the 64-bit "
        "integer range (-9223372036854775808..9223372036854775807); write it as text or as a "
        "decimal",
        f"{folder}/r.csv:2: error: relation a -funds-> b: amount: " + INF,
        f"{folder}/r.csv:3: error: relation b -funds-> c: note: " + INF,
    ]


# -- text no output can carry -------------------------------------------------
def test_lone_surrogate_is_refused_with_its_line(write_seeds):
    folder = write_seeds({"a.json": '{"entities": [\n'
                                    '  {"id": "a", "type": "firm", "name": "A\\ud800"}]}'})
    assert errors(folder) == [
        f"{folder}/a.json:2: error: name: text contains a lone surrogate U+D800, which XML "
        "and UTF-8 cannot carry; remove it"]


def test_control_characters_refused_in_keys_and_values(write_seeds, both_csv_lanes):
    folder = write_seeds({
        "a.yaml": 'entities:\n  - {id: a, type: firm, name: "A\\e]0;title\\a"}\n'
                  '  - {id: b, type: firm, name: B, "k\\x01": 1}\n',
        "c.csv": "id,type,name\nc,firm,C\nd,firm,D\x0b\n",
        "r.csv": 'from,type,to,source\na,funds,b,"{""title"": ""\\u0007""}"\n'})
    assert errors(folder) == [
        f"{folder}/a.yaml:2: error: name: text contains the control character U+001B, which "
        "XML and UTF-8 cannot carry; remove it",
        f"{folder}/a.yaml:3: error: key 'k\\x01': text contains the control character U+0001, "
        "which XML and UTF-8 cannot carry; remove it",
        f"{folder}/c.csv:3: error: contains the control character U+000B, which XML and UTF-8 "
        "cannot carry; remove it",
        f"{folder}/r.csv:2: error: relation a -funds-> b: source: title: text contains the "
        "control character U+0007, which XML and UTF-8 cannot carry; remove it",
    ]


# -- duplicate keys -----------------------------------------------------------
def test_duplicate_yaml_key_cites_both_lines(write_seeds):
    folder = write_seeds({"a.yaml": """
        entities:
          - id: a
            type: firm
            name: Good Name
            name: Evil Name
        """})
    assert errors(folder) == [
        f"{folder}/a.yaml:5: error: duplicate key 'name' (first at line 4); the second value "
        "would replace the first: keep one"]


def test_second_top_level_list_is_an_error(write_seeds):
    folder = write_seeds({"a.yaml": "entities:\n  - {id: a, type: firm, name: A}\n"
                                    "entities:\n  - {id: b, type: firm, name: B}\n",
                          "b.json": '{"relations": [],\n "relations": []}'})
    assert errors(folder) == [
        f"{folder}/a.yaml:3: error: duplicate key 'entities' (first at line 1); the second "
        "value would replace the first: keep one",
        f"{folder}/b.json:2: error: duplicate key 'relations' (first at line 1); the second "
        "value would replace the first: keep one"]


def test_duplicate_json_key_found_even_when_yaml_cannot_read_the_file(write_seeds):
    # A lone surrogate escape is JSON but not YAML to PyYAML: the line-number
    # pass fails, the key check does not.
    folder = write_seeds({"a.json": '{"entities": [{"id": "a", "type": "firm", '
                                    '"name": "\\ud800", "name": "Evil"}]}'})
    assert errors(folder) == [
        f"{folder}/a.json: error: duplicate key 'name'; the second value would replace the "
        "first: keep one"]


def test_yaml_merge_keys_may_still_be_overridden(write_seeds):
    folder = write_seeds({"a.yaml": """
        base: &base {type: firm, name: Base}
        entities:
          - {<<: *base, id: a, name: Own}
        """.replace("base: &base", "x-base: &base")})
    found = errors(folder)
    assert not any("duplicate" in e for e in found), found


# -- amplification and nesting -------------------------------------------------
def test_yaml_alias_bomb_is_refused_quickly(write_seeds):
    body = ("source: &a \"" + "x" * 1_000_000 + "\"\nentities:\n"
            "  - {id: big, type: firm, name: Big, d: [" + ", ".join(["*a"] * 1000) + "]}\n")
    folder = write_seeds({"amp.yaml": body})
    start = time.monotonic()
    found = errors(folder)
    assert time.monotonic() - start < 5
    assert found == [
        f"{folder}/amp.yaml:3: error: YAML aliases expand this value to more than "
        f"{len(body) + 10_000_000:,} characters (the anchor at line 1 is used 1,000 times); "
        "write the values out or "
        "reuse only small anchors"]


def test_billion_laughs_is_refused(write_seeds):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    folder = write_seeds({"lol.yaml": "\n".join(lines) + "\n"})
    (msg,) = errors(folder)
    assert "YAML aliases expand this value to more than" in msg


def test_small_anchors_reused_often_are_fine(write_seeds):
    rels = "\n".join(f"  - {{from: a, type: funds, to: b, source: *src, evidence: e{i}}}"
                     for i in range(2000))
    folder = write_seeds({"a.yaml": "x-src: &src {title: Report, url: https://example.org}\n"
                                    "entities:\n  - {id: a, type: firm, name: A}\n"
                                    "  - {id: b, type: firm, name: B}\nrelations:\n" + rels
                                    + "\n"})
    dataset, report = load_folder(folder)
    assert [str(e) for e in report.errors if "x-src" not in str(e)] == []


def test_recursive_alias_is_refused(write_seeds):
    folder = write_seeds({"a.yaml": "entities: &e\n  - *e\n"})
    (msg,) = errors(folder)
    assert msg == (f"{folder}/a.yaml:1: error: YAML alias refers to a value that contains it; "
                   "write the value out")


@pytest.mark.parametrize("levels", [60, 500, 5000, 100_000])
def test_deep_json_is_refused(write_seeds, levels):
    folder = write_seeds({"a.json": '{"entities": ' + "[" * levels + "]" * levels + "}"})
    assert errors(folder) == [f"{folder}/a.json: error: nested more than {MAX_DEPTH} levels "
                              "deep; seed files need only a few"]


@pytest.mark.parametrize("levels", [60, 500, 990])
def test_deep_yaml_is_refused(write_seeds, levels):
    folder = write_seeds({"a.yaml": "entities: " + "[" * levels + "]" * levels + "\n"})
    (msg,) = errors(folder)
    assert msg.startswith(f"{folder}/a.yaml:1: error: nested more than {MAX_DEPTH} levels deep")


def test_strict_json_everywhere(mini_dataset):
    """What we print as JSON never holds NaN: the encoder would refuse it."""
    from graph.errors import KgError
    from graph.output import json_text

    assert json.loads(json_text({"a": 1.5, "b": "\x9b"})) == {"a": 1.5, "b": "\x9b"}
    with pytest.raises(KgError, match="NaN or infinity"):
        json_text({"a": float("nan")})
