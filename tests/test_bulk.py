"""Columns and lazy rows (graph/bulk.py, graph/columns.py): what the loader and
the cache hand out behaves like the plain lists and dicts it replaces."""

from __future__ import annotations

import pickle
from collections import namedtuple

import pytest

from graph.bulk import PlainColumn, RefColumn, RowMap, Rows, RowsBuilder, field_values
from graph.columns import JSON, decode, encode
from graph.loader import load_dataset
from graph.model import RELATION_FIELDS, Relation, Source
from graph.store.memory import MemoryStore

from conftest import MINI

COLUMNS = [
    (["a", None, "b\x00c", "é", ""], "arrow", None),
    (["x", None, "ü"] * 40, "arrow", None),                 # few distinct: dictionary
    ([f"id-{i}" for i in range(50)], "arrow", None),
    ([1, 1.0, True, None, 2.5] * 10, JSON, None),            # mixed: JSON keeps each type
    ([3, None, 2**63 - 1, -2**63], "arrow", None),
    ([10**29, 1], JSON, None),                               # beyond 64 bits: exact in JSON
    ([0.5, None, 1e-300], "arrow", None),
    ([True, False, None], "arrow", None),
    ([["a", "b"], [], ["c"]] * 10, "arrow", list),
    ([{"k": 1, "j": "v"}, {}, {"w": [1, 2.0, True]}] * 10, JSON, dict),
    ([[]] * 30 + [["only"]], "arrow", list),
    ([{}] * 30 + [{"a": 1}], JSON, dict),
    ([None, None], "arrow", None),
    ([], "arrow", None),
]


@pytest.mark.parametrize("values,kind,empty", COLUMNS)
def test_encoded_columns_give_back_equal_values_of_the_same_type(values, kind, empty):
    arr, got_kind = encode(values, empty)
    assert got_kind == kind
    column = decode(arr, got_kind, empty)
    assert len(column) == len(values)
    for got in (column.values(), [column[i] for i in range(len(values))]):
        assert got == values
        assert [type(v) for v in got] == [type(v) for v in values]


def test_lists_and_dicts_are_fresh_per_row():
    for values, empty in (([[], ["a"], []] * 10, list), ([{}, {"a": 1}] * 10, dict)):
        arr, kind = encode(values, empty)
        column = decode(arr, kind, empty)
        first, again = column[1], column[1]
        first.clear() if isinstance(first, dict) else first.append("x")
        assert again == values[1] and column[1] == values[1]


def rows_of(relations: list[Relation]) -> Rows:
    columns = [PlainColumn([getattr(r, f) for r in relations]) for f in RELATION_FIELDS]
    return Rows(Relation, RELATION_FIELDS, columns, len(relations))


def test_rows_behave_like_the_list():
    plain = load_dataset(MINI).relations
    plain = list(plain)
    rows = rows_of(plain)
    assert len(rows) == len(plain)
    assert rows[0] == plain[0] and rows[-1] == plain[-1]
    assert rows[1:3] == plain[1:3]
    assert rows[2] is rows[2]                      # made once
    assert rows == plain and plain == rows
    assert rows + [] == plain and [] + rows == plain
    assert rows.field("type") == [r.type for r in plain]
    assert pickle.loads(pickle.dumps(rows)) == plain
    kept = rows[0]
    assert list(rows)[0] is kept                   # materializing keeps made objects
    assert rows.field("id") == [r.id for r in plain]
    with pytest.raises(IndexError):
        rows[len(plain)]


def test_row_map_behaves_like_the_dict():
    plain = load_dataset(MINI).entities
    Pair = namedtuple("Pair", "id name")
    rows = Rows(Pair, ("id", "name"),
                [decode(*encode(list(plain))), decode(*encode([e.name for e in plain.values()]))],
                len(plain))
    as_map = RowMap(rows, list(plain))
    assert list(as_map) == list(plain)
    first = next(iter(plain))
    assert first in as_map and "nope" not in as_map
    assert as_map[first] == (first, plain[first].name)
    assert as_map.get("nope", 1) == 1
    assert [v[0] for v in as_map.values()] == list(plain)
    assert dict(as_map) == {k: (k, e.name) for k, e in plain.items()}
    assert field_values(as_map, "name") == [e.name for e in plain.values()]


def test_ref_column_shares_the_referenced_rows():
    sources = Rows(Source, ("title", "publisher", "url", "date"),
                   [PlainColumn(["T1", "T2"]), PlainColumn([None, None]),
                    PlainColumn([None, "u"]), PlainColumn([None, None])], 2)
    from array import array
    refs = RefColumn(sources, array("i", [0, 2, 1, 2]))
    assert refs.values() == [None, Source("T2", None, "u"), Source("T1"), Source("T2", None, "u")]
    assert refs[1] is refs[3] is sources[1]


def test_rows_builder_adds_objects_and_column_slices():
    plain = list(load_dataset(MINI).relations)
    builder = RowsBuilder(Relation, RELATION_FIELDS, {"properties": dict})
    builder.add(plain[0])
    rest = plain[1:]
    builder.extend({f: [getattr(r, f) for r in rest] for f in RELATION_FIELDS}, len(rest),
                   {"properties": {i: r.properties for i, r in enumerate(rest) if r.properties}})
    assert builder.rows() == plain


def test_store_subset_equals_dataset_subset():
    store = MemoryStore.from_folder(MINI, use_cache=False)
    ids = sorted(store.data.entities)
    for keep in (ids[:3], ids[::2], ids, []):
        mine, theirs = store.dataset(keep), store.data.subset(keep)
        assert list(mine.entities) == list(theirs.entities)
        assert mine.relations == theirs.relations
        assert mine.sources == theirs.sources


def test_concat_column_reads_across_parts():
    from graph.bulk import CodedColumn, ConcatColumn, PlainColumn

    parts = [PlainColumn(["a", "b"]), PlainColumn([]), CodedColumn(["x", "y"], [1, 0, 1])]
    col = ConcatColumn(parts)
    flat = ["a", "b", "y", "x", "y"]
    assert len(col) == 5 and col.values() == flat
    assert [col[i] for i in range(5)] == flat
    assert col.take([4, 0, 2, 1, 4]) == [flat[i] for i in (4, 0, 2, 1, 4)]
    assert col.counts() == {"y": 2, "a": 1, "b": 1, "x": 1}
