"""A :class:`~graph.model.Dataset` as Arrow tables, and back.

The on-disk cache (:mod:`graph.cache`) keeps a loaded folder as these tables;
reading them back makes no entity or relation object until a query touches
it (:class:`graph.bulk.Rows`). Every value comes back equal and of the same
Python type: a column whose values share one type is a native Arrow column
(strings with few distinct values dictionary-encoded); a column that mixes
types (``amount`` of 3 and 2.5) or holds mappings (``properties``) is JSON
text, one document per row.

Tables: ``entities``, ``relations`` (ends as entity row numbers, the source
as its row number + 1 in ``sources``, 0 for none), ``sources``, and
``index`` columns of the memory store's adjacency (:mod:`graph.store.csr`).
pyarrow is imported by the functions that need it.
"""

from __future__ import annotations

import json
from array import array
from typing import TYPE_CHECKING, Any, Sequence, cast

from .bulk import CodedColumn, Column, RefColumn, RowMap, Rows, field_values
from .model import (ENTITY_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity,
                    EntityType, Relation, RelationType, Schema, Source)

if TYPE_CHECKING:
    import pyarrow as pa

    from .names import NameIndex
    from .store.csr import Index

JSON = "json"      # column kinds kept in the table's metadata
ARROW = "arrow"


class ArrowColumn:
    """Values of a native Arrow array (row ``i`` made on access)."""

    __slots__ = ("array",)

    def __init__(self, arr: "pa.Array") -> None:
        self.array = arr

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i: int) -> Any:
        return self.array[i].as_py()

    def values(self) -> list[Any]:
        return self.array.to_pylist()  # type: ignore[no-any-return]

    def take(self, rows: list[int]) -> list[Any]:
        return self.array.take(rows).to_pylist()  # type: ignore[no-any-return]


class JsonColumn:
    """JSON documents, one per row (null: the column's ``empty``)."""

    __slots__ = ("array", "empty")

    def __init__(self, arr: "pa.Array", empty: type | None) -> None:
        self.array, self.empty = arr, empty

    def __len__(self) -> int:
        return len(self.array)

    def _decode(self, text: str | None) -> Any:
        if text is None:
            return None if self.empty is None else self.empty()
        return json.loads(text)

    def __getitem__(self, i: int) -> Any:
        return self._decode(self.array[i].as_py())

    def values(self) -> list[Any]:
        return list(map(self._decode, self.array.to_pylist()))

    def take(self, rows: list[int]) -> list[Any]:
        return list(map(self._decode, self.array.take(rows).to_pylist()))


def encode(values: Sequence[Any], empty: type | None = None) -> tuple["pa.Array", str]:
    """The Arrow array for ``values`` and its kind (:data:`ARROW` or :data:`JSON`).

    ``empty`` (list or dict) is the value an empty row stands for: stored as
    null in a JSON column.
    """
    import pyarrow as pa

    kinds = {type(v) for v in values} - {type(None)}
    if kinds == {list} and all(type(x) is str for v in values for x in v):
        return pa.array(values, pa.list_(pa.string())), ARROW
    if len(kinds) == 1 and kinds <= {str, int, float, bool}:
        (kind,) = kinds
        try:
            if kind is str:
                arr = pa.array(values, pa.string())
                if len(values) > 64 and len(set(values[:4096])) * 4 <= min(len(values), 4096):
                    arr = arr.dictionary_encode()
                return arr, ARROW
            typ = {int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[kind]
            return pa.array(values, typ), ARROW
        except (OverflowError, pa.ArrowInvalid):
            pass    # an integer beyond 64 bits: JSON keeps it exact
    if not kinds:
        return pa.nulls(len(values), pa.string()), ARROW
    texts = [None if v is None or (empty is not None and not v) else json.dumps(v)
             for v in values]
    return pa.array(texts, pa.string()), JSON


def decode(arr: "pa.Array", kind: str, empty: type | None = None) -> Column:
    """The column for an array written by :func:`encode`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if kind == JSON:
        return JsonColumn(arr, empty)
    if pa.types.is_dictionary(arr.type):
        # Values and codes (Arrow's own to_pylist of a dictionary array is slow).
        table = arr.dictionary.to_pylist()
        codes = arr.indices
        if arr.null_count:
            table.append(None)
            codes = pc.fill_null(codes, len(table) - 1)
        return CodedColumn(table, ints(codes))
    return ArrowColumn(arr)


_EMPTY: dict[str, type] = {"aliases": list, "tags": list, "properties": dict}


def _table(columns: dict[str, tuple["pa.Array", str]], n: int) -> "pa.Table":
    import pyarrow as pa

    kinds = {name: kind for name, (_, kind) in columns.items()}
    return pa.table({name: arr for name, (arr, _) in columns.items()},
                    metadata={"kinds": json.dumps(kinds), "rows": str(n)})


def _ints(values: Any, top: int) -> tuple["pa.Array", str]:
    import pyarrow as pa

    typ = pa.int32() if top < 2**31 else pa.int64()
    return pa.array(values if isinstance(values, list) else list(values), typ), ARROW


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    """Every entity and relation type with all its fields (JSON-ready)."""
    from dataclasses import asdict

    return {"entity_types": [asdict(t) for t in schema.entity_types.values()],
            "relation_types": [asdict(t) for t in schema.relation_types.values()]}


def schema_from_dict(data: dict[str, Any]) -> Schema:
    ets = [EntityType(**t) for t in data["entity_types"]]
    rts = [RelationType(**{**t, "from_types": tuple(t["from_types"]),
                           "to_types": tuple(t["to_types"])}) for t in data["relation_types"]]
    return Schema({t.name: t for t in ets}, {t.name: t for t in rts})


def dataset_tables(data: Dataset, index: "Index", names: "NameIndex") -> dict[str, "pa.Table"]:
    """The tables of a dataset, its adjacency index and its name index."""
    entity_ids = list(data.entities)
    number = dict(zip(entity_ids, range(len(entity_ids))))
    n_ent, n_rel = len(entity_ids), len(data.relations)
    ents = {f: encode(field_values(data.entities, f), _EMPTY.get(f)) for f in ENTITY_FIELDS}
    sources, source_codes = _source_numbers(data)
    srcs = {f: encode([getattr(s, f) for s in sources]) for f in SOURCE_FIELDS}
    rels: dict[str, tuple[pa.Array, str]] = {}
    for f in RELATION_FIELDS:
        if f == "source":
            rels[f] = _ints(source_codes, len(sources) + 1)
            continue
        values = field_values(data.relations, f)
        if f in ("source_id", "target_id"):
            rels[f] = _ints(map(number.__getitem__, values), n_ent)
        else:
            rels[f] = encode(values, _EMPTY.get(f))
    top = max(2 * n_rel, n_ent) + 1
    tables = {"entities": _table(ents, n_ent), "relations": _table(rels, n_rel),
              "sources": _table(srcs, len(sources))}
    # The index's columns differ in length: a one-column table each.
    for name in INDEX_COLUMNS:
        values = getattr(index, name)
        tables[name] = _table({"value": _ints(values, top)}, len(values))
    tables["order"] = _table({"value": _ints(map(number.__getitem__, index.ids), n_ent)}, n_ent)
    comps = index.components()
    tables["components"] = _table({"value": _ints(comps, n_ent + 1)}, len(comps))
    import pyarrow as pa

    tables["names"] = _table({"start": (pa.array(names.starts[:-1], pa.int64()), ARROW),
                              "length": _ints(names.lengths, 2**31 - 1),
                              "row": _ints(names.rows, n_ent),
                              "slot": _ints(names.slots, 2**31 - 1)}, len(names))
    tables["names_blob"] = _table({"value": (pa.array([names.blob], pa.large_binary()),
                                             ARROW)}, 1)
    return tables


INDEX_COLUMNS = ("inc_off", "inc", "inc_other", "nbr_off", "nbr")
TABLES = ("entities", "relations", "sources", *INDEX_COLUMNS, "order", "components", "names",
          "names_blob")


def _source_numbers(data: Dataset) -> tuple[list[Source], list[int]]:
    """The sources to store, and each relation's as its number there + 1 (0: none)."""
    sources = list(data.sources)
    rels: Any = data.relations
    column = rels.column("source") if isinstance(rels, Rows) else None
    if isinstance(column, RefColumn) and column.rows is cast(Any, data.sources):
        return sources, list(column.codes)     # numbers already (loader, cache)
    number: dict[Source, int] = {}
    for i, s in enumerate(sources):
        number.setdefault(s, i + 1)
    values = field_values(rels, "source")
    for s in values:
        if s is not None and s not in number:   # a source not listed: list it
            sources.append(s)
            number[s] = len(sources)
    return sources, [0 if s is None else number[s] for s in values]


def _columns(table: "pa.Table", fields: Sequence[str]) -> list[Column]:
    kinds = json.loads(table.schema.metadata[b"kinds"])
    return [decode(_array(table, f), kinds[f], _EMPTY.get(f)) for f in fields]


def _int_array(table: "pa.Table", name: str) -> "array[int]":
    """A column of integers as a Python ``array`` (one copy of its buffer)."""
    return ints(_array(table, name))


def _array(table: "pa.Table", name: str) -> "pa.Array":
    column = table.column(name)
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()


def ints(arr: "pa.Array") -> "array[int]":
    """Integers without nulls as a Python ``array`` (one copy of the buffer)."""
    typecode = {8: "b", 16: "h", 32: "i", 64: "q"}[arr.type.bit_width]
    out = array(typecode.upper() if str(arr.type).startswith("uint") else typecode)
    if len(arr):
        buf = arr.buffers()[1]
        width = arr.type.bit_width // 8
        out.frombytes(memoryview(buf)[arr.offset * width:(arr.offset + len(arr)) * width])
    return out


def dataset_from_tables(tables: dict[str, "pa.Table"], schema: Schema, folder: str | None
                        ) -> tuple[Dataset, "Index", "NameIndex"]:
    """What :func:`dataset_tables` stored, entity and relation rows made on first use."""
    from .names import NameIndex
    from .store.csr import Index

    n = len(tables["sources"])
    sources = Rows(Source, SOURCE_FIELDS, _columns(tables["sources"], SOURCE_FIELDS), n)
    ent_table = tables["entities"]
    entities = Rows(Entity, ENTITY_FIELDS, _columns(ent_table, ENTITY_FIELDS), len(ent_table))
    ids: list[str] = ent_table.column("id").to_pylist()
    rel_table = tables["relations"]
    cols = _columns(rel_table, RELATION_FIELDS)
    k = RELATION_FIELDS.index
    cols[k("source_id")] = CodedColumn(ids, _int_array(rel_table, "source_id"))
    cols[k("target_id")] = CodedColumn(ids, _int_array(rel_table, "target_id"))
    cols[k("source")] = RefColumn(sources, _int_array(rel_table, "source"))
    relations = Rows(Relation, RELATION_FIELDS, cols, len(rel_table))
    order = _int_array(tables["order"], "value")
    inc_off, inc, inc_other, nbr_off, nbr = (_int_array(tables[name], "value")
                                             for name in INDEX_COLUMNS)
    index = Index([ids[r] for r in order], inc_off, inc, inc_other, nbr_off, nbr,
                  components=list(_int_array(tables["components"], "value")))
    data = Dataset(schema, RowMap(entities, ids),  # type: ignore[arg-type]
                   relations, sources, folder)  # type: ignore[arg-type]
    nt = tables["names"]
    blob: bytes = tables["names_blob"].column("value")[0].as_py()
    starts = _int_array(nt, "start")
    starts.append(len(blob) + 1)
    names = NameIndex(blob, starts, _int_array(nt, "length"), _int_array(nt, "row"),
                      _int_array(nt, "slot"))
    return data, index, names
