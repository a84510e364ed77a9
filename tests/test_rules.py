"""The rule book (graph/rules.py): one rule per field, the same message from
every reading path — YAML, JSON, CSV rows and the CSV column lane."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph import fastcsv, rules
from graph.loader import load_folder

from conftest import ROOT

ENTITY_CASES = [
    ("country", "XX", "'XX' is not an ISO 3166-1 alpha-2 country code"),
    ("id", "bad id!", "bad id 'bad id!': ids start with a letter or digit"),
]
RELATION_CASES = [
    ("currency", "US", "'US' is not an ISO 4217 code"),
    ("since", "2025-13", "'2025-13' is not a real date"),
    ("amount", "lots", "'lots' is not a number"),
    ("confidence", 1.5, "1.5 is outside 0..1"),
    ("id", "r 1", "bad id 'r 1'"),
]


def _messages(folder: Path) -> list[str]:
    _, report = load_folder(folder)
    return [re.sub(r"^\S+?:\d+: ", "", str(i)) for i in report.issues]


def _folders(write_seeds, rel_key: str | None, value: str, ent_key: str | None = None):
    ents = [{"id": "a", "type": "firm", "name": "A"}, {"id": "b", "type": "firm", "name": "B"}]
    rel = {"from": "a", "type": "supplies", "to": "b"}
    if ent_key is not None:
        ents[1][ent_key] = value
    if rel_key is not None:
        rel[rel_key] = value
    yaml_text = "entities:\n" + "".join(
        "  - {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in e.items()) + "}\n" for e in ents)
    yaml_text += "relations:\n  - {" + ", ".join(f"{k}: {json.dumps(v)}"
                                               for k, v in rel.items()) + "}\n"
    ent_cols = list(dict.fromkeys(k for e in ents for k in e))
    rel_cols = list(rel)
    csv_files = {
        "e.csv": ",".join(ent_cols) + "\n" + "".join(
            ",".join(str(e.get(c, "")) for c in ent_cols) + "\n" for e in ents),
        "r.csv": ",".join(rel_cols) + "\n" + ",".join(str(rel[c]) for c in rel_cols) + "\n"}
    return {"yaml": write_seeds({"s.yaml": yaml_text}, folder="y"),
            "json": write_seeds({"s.json": json.dumps({"entities": ents, "relations": [rel]})},
                                folder="j"),
            "csv": write_seeds(csv_files, folder="c")}


@pytest.mark.parametrize("key,value,message", RELATION_CASES)
def test_relation_rules_say_the_same_on_every_path(write_seeds, monkeypatch, key, value, message):
    folders = _folders(write_seeds, key, value)
    seen = {name: _messages(f) for name, f in folders.items()}
    monkeypatch.setattr(fastcsv, "ENABLED", False)
    seen["csv rows"] = _messages(folders["csv"])
    assert len({tuple(m) for m in seen.values()}) == 1, seen
    assert any(message in m for m in seen["yaml"]), seen["yaml"]


@pytest.mark.parametrize("key,value,message", ENTITY_CASES)
def test_entity_rules_say_the_same_on_every_path(write_seeds, monkeypatch, key, value, message):
    folders = _folders(write_seeds, None, value, ent_key=key)
    seen = {name: _messages(f) for name, f in folders.items()}
    monkeypatch.setattr(fastcsv, "ENABLED", False)
    seen["csv rows"] = _messages(folders["csv"])
    assert len({tuple(m) for m in seen.values()}) == 1, seen
    assert any(message in m for m in seen["yaml"]), seen["yaml"]


@pytest.mark.parametrize("rule,value,csv,want", [
    (rules.country, " jp ", False, "JP"), (rules.currency, "usd", True, "USD"),
    (rules.number, "12", True, 12), (rules.number, 2.5, False, 2.5),
    (rules.confidence, "0.5", True, 0.5), (rules.labels, "a| b |a||", True, ["a", "b"]),
    (rules.labels, ["x", 1, "x"], False, ["x", "1"]), (rules.day, 2025, False, "2025"),
    (rules.identifier, 2025, False, "2025"), (rules.plain_text, True, False, "true"),
])
def test_rules_clean_values(rule, value, csv, want):
    got = rule(value, csv)
    assert got == want and type(got) is type(want)


def test_no_field_rule_is_written_twice():
    """The readers call the rule book; none keeps its own copy of a check."""
    for name in ("loader.py", "fastcsv.py", "seedio.py"):
        text = (ROOT / "graph" / name).read_text(encoding="utf-8")
        for pattern in ("ISO_COUNTRIES", "CURRENCY_RE", "ID_RE", "_CSV_INT", "is not a number",
                        "outside 0..1", "must be text", "def _csv_value", "def _unique"):
            assert pattern not in text, (name, pattern)
    for name in ("fastcsv.py", "export/seedcsv.py"):
        text = (ROOT / "graph" / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:builder|loader)\._[a-z]", text), name


# -- bad_character's quick scan of large ASCII texts ---------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

from graph.rules import _BAD_TEXT, bad_character  # noqa: E402


def _regex_answer(text: str) -> str | None:
    """bad_character as the regex alone gives it (the one definition of a bad character)."""
    m = _BAD_TEXT.search(text)
    return None if m is None else bad_character(m.group())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40),
       st.integers(min_value=0, max_value=6000), st.sampled_from(["", "é", "\ufffe"]))
def test_bad_character_quick_scan_agrees_with_the_regex(tail: str, pad: int, extra: str) -> None:
    # Long texts take the quick ASCII path; short ones and non-ASCII ones the regex.
    text = "a,b\n" * (pad // 4) + tail + extra
    assert bad_character(text) == _regex_answer(text)


def test_bad_character_quick_scan_finds_a_late_control_character() -> None:
    text = "from,type,to\n" * 1000 + "x\x1by\n"
    assert len(text) > 4096 and bad_character(text) == "the control character U+001B"
    assert bad_character(text.replace("\x1b", "\x7f")) is None   # DEL is allowed, as before


# Column forms (graph/rules.py, used by the Arrow lane of graph/fastcsv.py):
# a kernel never passes a cell its row rule refuses, and a rule run once per
# distinct cell gives each cell what the rule gives it.
_CELLS = st.one_of(
    st.text(alphabet="aZ09_.:-~ é\n|", max_size=8),
    st.sampled_from(["a", "A1", "1a", "-a", "_a", "a.b:c-d", "a b", "a\n", "", "é", "a~1"]),
    st.text(max_size=6))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELLS, max_size=20))
def test_the_id_kernel_passes_only_ids_the_row_rule_takes(cells: list[str]) -> None:
    import pyarrow as pa

    from graph.rules import identifier, identifiers

    def takes(cell: str) -> bool:
        try:
            return identifier(cell, True) == cell
        except ValueError:
            return False

    if identifiers(pa.array(cells, pa.string())):
        assert all(map(takes, cells))
    for cell in cells:       # one cell at a time: the kernel says exactly the rule's word
        assert identifiers(pa.array([cell], pa.string())) == takes(cell), cell


_VALUES = st.one_of(
    st.sampled_from(["2025", "2025-02", "2025-02-29", "2024-02-29", " 2025", "0000", "2025-13",
                     "usd", "USD", "US", "jpy ", "0", "0.5", "1", "1.0", "1e0", "-0", "2",
                     "1e999", "nan", "true", "12345678901234567890123", "9223372036854775808",
                     ".5", "abc", "", "x"]),
    st.text(alphabet="0123456789-.eE+ ", max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _VALUES), max_size=25),
       st.sampled_from(["day", "currency", "number", "confidence", "country"]))
def test_a_rule_once_per_distinct_cell_gives_each_cell_the_rules_value(cells, name) -> None:
    import pyarrow as pa

    from graph import rules

    rule = getattr(rules, name)

    def one(cell):
        try:
            return ("ok", rule(cell, True))
        except ValueError as exc:
            return ("error", str(exc))

    want = [None if c is None else one(c) for c in cells]
    errors = [w[1] for w in want if w is not None and w[0] == "error"]
    try:
        clean, codes = rules.by_distinct(rule, pa.array(cells, pa.string()))
    except ValueError as exc:
        assert str(exc) in errors            # the rule's own message
        return
    assert not errors
    got = [None if k is None else ("ok", clean[k]) for k in codes.to_pylist()]
    assert got == want
    assert [type(g[1]) for g in got if g] == [type(w[1]) for w in want if w]


@pytest.mark.parametrize("rule, value", [(rules.identifier, "a\n"), (rules.currency, "USD\n")])
def test_a_final_newline_is_not_part_of_a_good_value(rule, value):
    """``$`` in Python matches before a final newline: the rules match whole
    values (dates are stripped of spaces first, by their own rule)."""
    with pytest.raises(ValueError):
        rule(value, False)
