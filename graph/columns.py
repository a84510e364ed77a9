"""A :class:`~graph.model.Dataset` as Arrow tables, and back.

The on-disk cache (:mod:`graph.cache`) keeps a loaded folder as these tables;
reading them back makes no entity or relation object until a query touches
it (:class:`graph.bulk.Rows`). Every value comes back equal and of the same
Python type: a column whose values share one type is a native Arrow column
(strings with few distinct values dictionary-encoded); a column that mixes
types (``amount`` of 3 and 2.5) or holds mappings (``properties``) is JSON
text, one document per row.

Columns, each its own Arrow array named ``table.field``: ``entities.*``,
``relations.*`` (ends as entity row numbers, the source as its row number + 1
in ``sources``, 0 for none), ``sources.*``, ``index.*`` (the memory store's
adjacency, :mod:`graph.csr`) and ``names.*`` (:mod:`graph.names`).
pyarrow is imported by the functions that need it.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence, cast

from .bulk import (CodedColumn, Column, ConcatColumn, RefColumn, RowMap, Rows, count_values,
                   field_values)
from .model import (ENTITY_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity,
                    EntityType, Relation, RelationType, Schema, Source)

if TYPE_CHECKING:
    import pyarrow as pa

    from .names import NameIndex, Trigrams
    from .csr import Index

    TrigramSource = Callable[[str, bytes, Sequence[int], "Exception | None"], "Trigrams | None"]

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
        return take(self.array, rows)


def take(arr: "pa.Array", rows: list[int]) -> list[Any]:
    """``arr``'s values at ``rows`` as Python values. A few rows one by one:
    Arrow's own ``take`` is a compute kernel, and importing ``pyarrow.compute``
    costs a warm command more (about 40 ms) than ten thousand single values."""
    if len(rows) <= max(TAKE_ONE_BY_ONE, len(arr) >> 3):
        return [arr[i].as_py() for i in rows]
    return arr.take(rows).to_pylist()  # type: ignore[no-any-return]


TAKE_ONE_BY_ONE = 50_000


class BlockColumn:
    """Values of a large string, binary or number Arrow array kept in the
    cache, read row by row: before a row's bytes are used, ``check(lo, hi)``
    checks the cache blocks holding them (its offsets, validity bit and text),
    so a command that prints two relations checks a few blocks, not 90 MB."""

    __slots__ = ("array", "check", "offsets", "data", "valid", "_addr", "_text")

    def __init__(self, arr: "pa.Array", check: Callable[[int, int], None]) -> None:
        import pyarrow as pa

        self.array, self.check = arr, check
        valid, *rest = arr.buffers()
        self.valid = memoryview(valid) if valid is not None and arr.null_count else None
        self._text = pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)
        if len(rest) == 1:          # numbers: each row's bytes at a fixed place
            fmt = _FIXED[str(arr.type)]
            self.offsets, self.data = None, cast(Any, memoryview(rest[0])).cast(fmt)
            self._addr = (0, rest[0].address, valid.address if self.valid is not None else 0,
                          self.data.itemsize)
            return
        offsets, data = rest
        wide = pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type)
        self.offsets = memoryview(offsets).cast("q" if wide else "i")
        self.data = memoryview(data) if data is not None else memoryview(b"")
        self._addr = (offsets.address, data.address if data is not None else 0,
                      valid.address if self.valid is not None else 0, self.offsets.itemsize)

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i: int) -> Any:
        n = len(self.array)
        if not -n <= i < n:
            raise IndexError("row out of range")
        j = self.array.offset + i % n
        offsets_at, data_at, valid_at, width = self._addr
        if self.valid is not None:
            self.check(valid_at + j // 8, valid_at + j // 8 + 1)
            if not self.valid[j // 8] >> (j % 8) & 1:
                return None
        if self.offsets is None:
            self.check(data_at + j * width, data_at + (j + 1) * width)
            return self.data[j]
        self.check(offsets_at + j * width, offsets_at + (j + 2) * width)
        a, b = self.offsets[j], self.offsets[j + 1]
        if not 0 <= a <= b <= len(self.data):
            raise IndexError("offsets out of range")
        self.check(data_at + a, data_at + b)
        raw = self.data[a:b]
        return str(raw, "utf-8") if self._text else bytes(raw)

    def values(self) -> list[Any]:
        for buf in self.array.buffers():
            if buf is not None and buf.size:
                self.check(buf.address, buf.address + buf.size)
        return self.array.to_pylist()  # type: ignore[no-any-return]

    def take(self, rows: list[int]) -> list[Any]:
        return [self[i] for i in rows]


_FIXED = {"int64": "q", "int32": "i", "double": "d"}
"""Fixed-width Arrow types read row by row (and their ``memoryview`` format)."""


def _stringlike(arr: "pa.Array") -> bool:
    import pyarrow as pa

    t = arr.type
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_binary(t)
                or pa.types.is_large_binary(t) or str(t) in _FIXED)


def open_column(column: "Columns", name: str, kind: str, empty: type | None = None) -> Column:
    """The column stored as section ``name``: a large text column read block by
    block when the cache can check it so (``column.blocks``), else checked
    whole and decoded (:func:`decode`)."""
    pieces = getattr(column, "pieces", None)
    kept = pieces(name) if pieces is not None else None
    if kept is not None:        # kept in the seed files' parts: each opened the same way
        return ConcatColumn([open_column(body, section, kind, empty) for body, section in kept])
    blocks = getattr(column, "blocks", None)
    got = blocks(name) if blocks is not None else None
    if got is not None and _stringlike(got[0]):
        base = BlockColumn(*got)
        return JsonColumn(base, empty) if kind == JSON else base
    return decode(column(name), kind, empty)


class JsonColumn:
    """JSON documents, one per row of a text column (null: the column's ``empty``)."""

    __slots__ = ("base", "empty")

    def __init__(self, base: Any, empty: type | None) -> None:
        self.base, self.empty = base, empty

    def __len__(self) -> int:
        return len(self.base)

    def _decode(self, text: str | None) -> Any:
        if text is None:
            return None if self.empty is None else self.empty()
        return json.loads(text)

    def __getitem__(self, i: int) -> Any:
        return self._decode(self.base[i])

    def values(self) -> list[Any]:
        return list(map(self._decode, self.base.values()))

    def take(self, rows: list[int]) -> list[Any]:
        return list(map(self._decode, self.base.take(rows)))


_HEAD = 4096     # values looked at to choose a dictionary


def _few_values(n: int, distinct_in_head: int) -> bool:
    """Whether a string column of ``n`` values, ``distinct_in_head`` of them
    distinct (null counting as one) among the first :data:`_HEAD`, is stored
    dictionary-encoded."""
    return n > 64 and distinct_in_head * 4 <= min(n, _HEAD)


def encode_strings(arr: "pa.Array") -> "tuple[pa.Array, str]":
    """A string array as :func:`encode` stores the same values (all null: a
    null array; few distinct values: dictionary-encoded, null a value of the
    dictionary)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(arr)
    if arr.null_count == n:
        return pa.nulls(n, pa.string()), ARROW
    if _few_values(n, pc.count_distinct(arr.slice(0, _HEAD), mode="all").as_py()):
        return arr.dictionary_encode(null_encoding="encode"), ARROW
    return arr, ARROW


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
                if _few_values(len(values), len(set(values[:_HEAD]))):
                    # Nulls as a value of the dictionary: the codes have none,
                    # so reading them needs no compute kernel (see decode).
                    arr = arr.dictionary_encode(null_encoding="encode")
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

    if kind == JSON:
        return JsonColumn(ArrowColumn(arr), empty)
    if pa.types.is_dictionary(arr.type):
        # Values and codes (Arrow's own to_pylist of a dictionary array is slow).
        table = arr.dictionary.to_pylist()
        codes = arr.indices
        if arr.null_count:      # nulls as null codes (an entry of an older format)
            import pyarrow.compute as pc

            table.append(None)
            codes = pc.fill_null(codes, len(table) - 1)
        return CodedColumn(table, view_ints(codes))
    return ArrowColumn(arr)


_EMPTY: dict[str, type] = {"aliases": list, "tags": list, "properties": dict}


def _ints(values: Any, top: int) -> tuple["pa.Array", str]:
    import pyarrow as pa

    typ = pa.int32() if top < 2**31 else pa.int64()
    signed = {"i": pa.int32(), "l": pa.int64(), "q": pa.int64()}
    if isinstance(values, array) and values.typecode in signed:     # no Python int per value
        raw = pa.Array.from_buffers(signed[values.typecode], len(values),
                                    [None, pa.py_buffer(values)])
        return (raw if raw.type == typ else raw.cast(typ)), ARROW
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


def dataset_columns(data: Dataset, index: "Index", names: "NameIndex"
                    ) -> Iterator[tuple[str, "pa.Array", str]]:
    """(section name, array, kind) for every column of a dataset, its adjacency
    index and its name index, one at a time (the cache writes each as it comes,
    so only one column is ever held twice)."""
    entity_ids = list(data.entities)
    number = dict(zip(entity_ids, range(len(entity_ids))))
    n_ent, n_rel = len(entity_ids), len(data.relations)
    for f in ENTITY_FIELDS:
        yield (f"entities.{f}", *encode(field_values(data.entities, f), _EMPTY.get(f)))
    sources, source_codes = _source_numbers(data)
    for f in SOURCE_FIELDS:
        yield (f"sources.{f}", *encode([getattr(s, f) for s in sources]))
    yield ("relations.source", *_ints(source_codes, len(sources) + 1))
    del source_codes
    for f in RELATION_FIELDS:
        if f == "source":
            continue
        values = field_values(data.relations, f)
        if f in ("source_id", "target_id"):
            yield (f"relations.{f}", *_ints(map(number.__getitem__, values), n_ent))
        else:
            yield (f"relations.{f}", *encode(values, _EMPTY.get(f)))
    order = index.order
    yield from index_columns(index, order if order is not None
                             else map(number.__getitem__, index.ids), n_ent, n_rel)
    yield from count_columns(data)
    yield from name_columns(names, n_ent)


def index_columns(index: "Index", order: Any, n_ent: int, n_rel: int
                  ) -> Iterator[tuple[str, "pa.Array", str]]:
    """The ``index.*`` sections (``order``: the dataset row of each entity number)."""
    top = max(2 * n_rel, n_ent) + 1
    for name in INDEX_COLUMNS:
        yield (f"index.{name}", *_ints(getattr(index, name), top))
    yield ("index.order", *_ints(order, n_ent))
    yield ("index.components", *_ints(index.components(), n_ent + 1))
    yield ("index.ranked", *_ints(index.ranked(), n_ent))


def count_columns(data: Dataset) -> Iterator[tuple[str, "pa.Array", str]]:
    """``kg stats``'s counts by type: one small JSON text, not a count of 1M codes."""
    import pyarrow as pa

    for table in ("entities", "relations"):
        counts = count_values(getattr(data, table), "type")
        yield (f"counts.{table}.type", pa.array([json.dumps(counts)], pa.string()), ARROW)


def name_columns(names: "NameIndex", n_ent: int) -> Iterator[tuple[str, "pa.Array", str]]:
    """The ``names.*`` sections."""
    import pyarrow as pa

    yield ("names.start", *_ints(names.starts[:-1], 2**63 - 1))
    yield ("names.length", *_ints(names.lengths, 2**31 - 1))
    yield ("names.row", *_ints(names.rows, n_ent))
    yield ("names.slot", *_ints(names.slots, 2**31 - 1))
    yield ("names.blob", pa.array([names.blob], pa.large_binary()), ARROW)
    # The trigram posting lists are not here (building them for 600k labels
    # costs about 1.3 s, also after a one-file edit): the cache keeps them in
    # their own file, made on the first fuzzy lookup that needs them and
    # keyed by this digest of the labels they index (graph/cache.py).
    yield ("names.digest", pa.array([names_digest(names.blob)], pa.string()), ARROW)


def names_digest(blob: bytes) -> str:
    """What the name index's trigram posting lists depend on: the labels, in
    order (BLAKE2b of the joined labels; about 20 ms for 17 MB)."""
    import hashlib

    return hashlib.blake2b(blob, digest_size=20).hexdigest()


def trigram_columns(tri: "Trigrams") -> Iterator[tuple[str, "pa.Array", str]]:
    """The sections of a trigram file (graph/cache.py)."""
    import pyarrow as pa

    yield ("tri.code", *_ints(tri.codes, 2**31 - 1))
    yield ("tri.off", pa.array(list(tri.offsets), pa.int64()), ARROW)
    yield ("tri.label", pa.array(tri.labels, pa.int32()), ARROW)


def trigrams_from_columns(column: Columns) -> "Trigrams":
    """What :func:`trigram_columns` stored; the label lists are read in
    place, their blocks checked as a query reads them when ``column`` can."""
    import numpy as np

    from .names import Trigrams

    blocks = getattr(column, "blocks", None)
    got = blocks("tri.label") if blocks is not None else None
    arr, check = got if got is not None else (column("tri.label"), None)
    labels = np.frombuffer(arr.buffers()[1], np.int32, len(arr), 4 * arr.offset)
    return Trigrams(view_ints(column("tri.code")), view_ints(column("tri.off")), labels, check)


INDEX_COLUMNS = ("inc_off", "inc", "inc_other", "nbr_off", "nbr")



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


def ints(arr: "pa.Array") -> "array[int]":
    """Integers without nulls as a Python ``array`` (one copy of the buffer)."""
    typecode = {8: "b", 16: "h", 32: "i", 64: "q"}[arr.type.bit_width]
    out = array(typecode.upper() if str(arr.type).startswith("uint") else typecode)
    if len(arr):
        buf = arr.buffers()[1]
        width = arr.type.bit_width // 8
        out.frombytes(memoryview(buf)[arr.offset * width:(arr.offset + len(arr)) * width])
    return out


def view_ints(arr: "pa.Array") -> Sequence[int]:
    """Integers without nulls, read in place from the (checked, memory-mapped)
    Arrow buffer: no copy of a 1M-row column."""
    typecode = {8: "b", 16: "h", 32: "i", 64: "q"}[arr.type.bit_width]
    if str(arr.type).startswith("uint"):
        typecode = typecode.upper()
    buf = arr.buffers()[1]
    if not len(arr) or buf is None:
        return array(typecode)
    return cast("Sequence[int]", memoryview(buf).cast(typecode))[arr.offset:arr.offset + len(arr)]  # type: ignore[call-overload]


Columns = Callable[[str], "pa.Array"]
Lazy = Callable[[str, Callable[[], Any]], Any]
"""``lazy(name, make)``: ``make()``, the part ``name`` read from the columns, or
what stands for it when its bytes fail their check (see graph.cache)."""


class LazyColumn:
    """A column read (and checked) on first use: ``load()`` gives the real one.
    A column checked block by block can find damage later, as a row is read:
    ``recover(exc)`` then gives the column to use instead (see graph.cache)."""

    __slots__ = ("_load", "_column", "_counts", "_recover")

    def __init__(self, load: Callable[[], Column],
                 counts: "Callable[[], Counter[Any]] | None" = None,
                 recover: "Callable[[Exception], Column] | None" = None) -> None:
        self._load, self._column, self._counts, self._recover = load, None, counts, recover

    def _get(self) -> Column:
        if self._column is None:
            self._column = self._load()
        return self._column

    def _use(self, read: Callable[[Column], Any]) -> Any:
        try:
            return read(self._get())
        except Exception as exc:
            if self._recover is None:
                raise
            self._column = self._recover(exc)     # raises again unless it is damage
            return read(self._column)

    def __len__(self) -> int:
        return len(self._get())

    def __getitem__(self, i: int) -> Any:
        return self._use(lambda c: c[i])

    def values(self) -> list[Any]:
        return self._use(lambda c: c.values())  # type: ignore[no-any-return]

    def take(self, rows: list[int]) -> list[Any]:
        return self._use(lambda c: c.take(rows) if hasattr(c, "take") else [c[i] for i in rows])  # type: ignore[no-any-return]

    def counts(self) -> "Counter[Any]":
        if self._counts is not None and self._column is None:
            return self._counts()       # kept in the cache: the column is not read
        return self._use(lambda c: c.counts() if hasattr(c, "counts")  # type: ignore[no-any-return]
                         else Counter(c.values()))


class RowPositions(Mapping[str, int]):
    """Entity id -> dataset row, through the adjacency index's id -> number
    dict and its ``order`` (so a warm start builds one dict over the ids, and
    only when a query looks an id up)."""

    def __init__(self, index: "Index") -> None:
        self.index = index

    def __getitem__(self, key: str) -> int:
        return self.index.order[self.index.pos[key]]  # type: ignore[index]

    def get(self, key: str, default: Any = None) -> Any:
        u = self.index.pos.get(key)
        return default if u is None else self.index.order[u]  # type: ignore[index]

    def __contains__(self, key: object) -> bool:
        return key in self.index.pos

    def __iter__(self) -> Iterator[str]:
        return iter(self.index.pos)

    def __len__(self) -> int:
        return len(self.index.pos)


class SortedPositions(Mapping[str, int]):
    """Entity id -> number without a dict over every id: entity numbers are in
    id order, so a lookup bisects ``key_at(number)`` (an Arrow value each
    probe, about twenty probes). After :data:`BISECT_LOOKUPS` lookups a
    command evidently looks up many ids, and the plain dict is made."""

    def __init__(self, keys: Sequence[str], make: Callable[[], dict[str, int]]) -> None:
        self._keys = keys
        self._make, self._dict, self._left = make, cast("dict[str, int] | None", None), BISECT_LOOKUPS

    def _find(self, key: object) -> int | None:
        if self._dict is None:
            self._left -= 1
            if self._left < 0:
                self._dict = self._make()
        if self._dict is not None:
            return self._dict.get(key)  # type: ignore[call-overload, no-any-return]
        if not isinstance(key, str):
            return None
        keys = self._keys
        u = bisect_left(keys, key)
        return u if u < len(keys) and keys[u] == key else None

    def __getitem__(self, key: str) -> int:
        u = self._find(key)
        if u is None:
            raise KeyError(key)
        return u

    def get(self, key: str, default: Any = None) -> Any:
        u = self._find(key)
        return default if u is None else u

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


BISECT_LOOKUPS = 2000


class _KeyView(Sequence[str]):
    """The ids in number order, each made from the Arrow column when asked for;
    after :data:`BISECT_LOOKUPS` single look-ups (or any iteration or slice),
    the plain list made by ``make``."""

    __slots__ = ("key_at", "n", "make", "items", "left")

    def __init__(self, key_at: Callable[[int], str], n: int,
                 make: Callable[[], list[str]]) -> None:
        self.key_at, self.n, self.make = key_at, n, make
        self.items: list[str] | None = None
        self.left = BISECT_LOOKUPS

    def _list(self) -> list[str]:
        if self.items is None:
            self.items = self.make()
        return self.items

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, u: Any) -> Any:
        if self.items is None and not isinstance(u, slice):
            self.left -= 1
            if self.left >= 0:
                if not -self.n <= u < self.n:
                    raise IndexError("id number out of range")
                return self.key_at(u % self.n)
        return self._list()[u]

    def __iter__(self) -> Iterator[str]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, _KeyView)):
            return self._list() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _direct(name: str, make: Callable[[], Any]) -> Any:
    return make()


def dataset_from_columns(column: Columns, kinds: dict[str, str], schema: Schema,
                         folder: str | None, n_entities: int, lazy: Lazy = _direct,
                         trigrams: "TrigramSource | None" = None
                         ) -> tuple[Dataset, "Index", Callable[[], "NameIndex"]]:
    """What :func:`dataset_columns` stored (``column(name)`` gives each array,
    ``kinds`` their kinds): every column is read when a query first needs it
    (through ``lazy``), entity and relation rows are made on first use, and the
    name index comes as a function making it. ``trigrams(digest, blob, starts,
    damage)``: the name index's posting lists, kept outside the entry (see
    :func:`names_digest`; ``damage``: the error the ones given before raised)."""
    from .names import NameIndex
    from .csr import Index

    def field(name: str) -> Column:
        f = name.split(".", 1)[1]
        counted = f"counts.{name}"
        def recover(exc: Exception) -> Column:
            def fail() -> Column:
                raise exc
            return cast(Column, lazy(name, fail))

        return LazyColumn(partial(lazy, name, lambda: open_column(column, name, kinds[name],
                                                                  _EMPTY.get(f))),
                          partial(lazy, counted, lambda: Counter(json.loads(
                              column(counted)[0].as_py()))) if counted in kinds else None,
                          recover)

    def numbers(name: str) -> Callable[[], Sequence[int]]:
        return partial(lazy, name, lambda: view_ints(column(name)))

    source_cols = [field(f"sources.{f}") for f in SOURCE_FIELDS]
    sources = Rows(Source, SOURCE_FIELDS, source_cols, len(source_cols[0]))
    ids_memo: list[list[str]] = []

    def ids() -> list[str]:
        if not ids_memo:
            ids_memo.append(lazy("ids", lambda: column("entities.id").to_pylist()))
        return ids_memo[0]

    entity_cols = [field(f"entities.{f}") for f in ENTITY_FIELDS]
    entities = Rows(Entity, ENTITY_FIELDS, entity_cols, n_entities)
    # One id at a time from the column (a few blocks checked), not a list of all ids.
    id_column = entity_cols[ENTITY_FIELDS.index("id")]
    k = RELATION_FIELDS.index
    cols: list[Column] = [None] * len(RELATION_FIELDS)
    for f in RELATION_FIELDS:
        cols[k(f)] = field(f"relations.{f}")
    for f in ("source_id", "target_id"):
        cols[k(f)] = LazyColumn(partial(lambda n: CodedColumn(id_column, numbers(n)()),
                                        f"relations.{f}"))
    source_codes = view_ints(column("relations.source"))   # read now: a damaged one fails the hit
    cols[k("source")] = RefColumn(sources, source_codes)
    relations = Rows(Relation, RELATION_FIELDS, cols, len(source_codes))
    order = numbers("index.order")

    def id_at(u: int) -> str:
        return cast(str, id_column[cast(Any, index.order)[u]])

    sorted_ids = _KeyView(id_at, n_entities,
                          lambda: list(map(ids().__getitem__, cast(Any, index.order))))
    inc_off, inc, inc_other, nbr_off, nbr = (numbers(f"index.{name}") for name in INDEX_COLUMNS)
    index = Index(sorted_ids, inc_off, inc, inc_other, nbr_off, nbr,
                  pos=SortedPositions(sorted_ids,
                                      lambda: dict(zip(sorted_ids, range(n_entities)))),
                  components=lambda: list(numbers("index.components")()), order=order,
                  ranked=numbers("index.ranked") if "index.ranked" in kinds else None)
    data = Dataset(schema, RowMap(entities, ids, RowPositions(index)),  # type: ignore[arg-type]
                   relations, sources, folder)  # type: ignore[arg-type]

    return data, index, partial(lazy, "names", partial(names_from_columns, column, kinds, lazy,
                                                       trigrams))


def names_from_columns(column: Columns, kinds: dict[str, str], lazy: Lazy = _direct,
                       trigrams: "TrigramSource | None" = None) -> "NameIndex":
    """The name index :func:`name_columns` stored (see :func:`dataset_from_columns`)."""
    from .names import NameIndex

    blob: bytes = column("names.blob")[0].as_py()
    starts = ints(column("names.start"))
    starts.append(len(blob) + 1)

    def recover(exc: Exception) -> NameIndex:
        def fail() -> NameIndex:
            raise exc
        return cast(NameIndex, lazy("names", fail))

    length, row, slot = (view_ints(column(f"names.{part}"))
                         for part in ("length", "row", "slot"))
    side = None if trigrams is None or "names.digest" not in kinds else \
        partial(trigrams, column("names.digest")[0].as_py(), blob, starts)
    return NameIndex(blob, starts, length, row, slot,
                     None if side is None else partial(side, None), recover, side)
