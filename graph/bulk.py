"""Bulk work on millions of objects (loading, caching, indexing).

Columns hold one field of many rows, packed so that loading them is a few
C-level calls and reading row ``i`` is O(1) without unpacking the others.
:class:`Rows` (a read-only list) and :class:`RowMap` (a read-only dict) make
objects from columns on first access, so a command that looks at a few
relations of a million-relation graph makes a few Relation objects, not a
million (see :mod:`graph.cache`).

Columns index rows ``0 <= i < len``; :class:`Rows` normalises indices.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import ItemsView, Mapping, Sequence, ValuesView
from contextlib import contextmanager
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, is_
from typing import Any, Callable, Iterator

_SEP = "\x00"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Loading makes millions of objects that all stay alive; the collector would
    rescan them again and again for nothing (a third of a 1M-relation load).
    Freezing them afterwards (:func:`gc.freeze`) is the CLI's choice for its
    own process (cli/options.py), not the library's.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def codes_array(values: Any, top: int) -> array:
    """Unsigned codes in the smallest array type that holds ``top``."""
    kind = "B" if top <= 0xFF else "H" if top <= 0xFFFF else "I" if top <= 0xFFFFFFFF else "Q"
    # From a list is several times faster than from an iterator or an array.
    return array(kind, values.tolist() if isinstance(values, array)
                 else values if isinstance(values, list) else list(values))


class TextColumn:
    """Strings or None: one UTF-8 blob (values joined by NUL), where each value
    ends, and a byte per row marking None (only when there is a None)."""

    __slots__ = ("blob", "ends", "nones", "split_ok")

    def __init__(self, blob: bytes, ends: array, nones: bytes | None, split_ok: bool):
        self.blob, self.ends, self.nones, self.split_ok = blob, ends, nones, split_ok

    @classmethod
    def pack(cls, values: list[str | None]) -> "TextColumn":
        none = None in values
        texts = ["" if v is None else v for v in values] if none else values
        text = _SEP.join(texts)
        blob = text.encode()
        sizes = map(len, texts if text.isascii() else map(str.encode, texts))
        ends = codes_array(accumulate(map((1).__add__, sizes)), len(blob) + 1)
        nones = bytes(map(is_, values, repeat(None))) if none else None
        return cls(blob, ends, nones, text.count(_SEP) == len(texts) - 1)

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str | None:
        if self.nones is not None and self.nones[i]:
            return None
        ends = self.ends
        return self.blob[ends[i - 1] if i else 0:ends[i] - 1].decode()

    def values(self) -> list:
        if not self.split_ok:
            return [self[i] for i in range(len(self))]
        out: list = self.blob.decode().split(_SEP) if len(self.ends) else []
        if self.nones is not None:
            i = self.nones.find(1)
            while i >= 0:
                out[i] = None
                i = self.nones.find(1, i + 1)
        return out


class CodedColumn:
    """Few distinct values: a table (a list, or a column when it is big) and a
    code per row."""

    __slots__ = ("table", "codes")

    def __init__(self, table: Any, codes: array):
        self.table, self.codes = table, codes

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> Any:
        return self.table[self.codes[i]]

    def values(self) -> list:
        table = self.table if type(self.table) is list else self.table.values()
        return list(map(table.__getitem__, self.codes))


class SparseColumn:
    """Lists or dicts, mostly empty: the non-empty ones by row; every other row
    gets a fresh empty one."""

    __slots__ = ("items", "n", "empty")

    def __init__(self, items: dict[int, Any], n: int, empty: type):
        self.items, self.n, self.empty = items, n, empty

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> Any:
        value = self.items.get(i)
        return self.empty() if value is None else value

    def values(self) -> list:
        empty = self.empty
        out = [empty() for _ in range(self.n)]
        for i, v in self.items.items():
            out[i] = v
        return out


class ListColumn:
    """Lists (or dicts, as keys and values) of many rows: their items in one
    column, and where each row's items end; every row gets a fresh object."""

    __slots__ = ("keys", "items", "ends")

    def __init__(self, keys: "Column | None", items: "Column", ends: array):
        self.keys, self.items, self.ends = keys, items, ends

    @classmethod
    def pack(cls, values: list, kind: type) -> "ListColumn":
        keys = list(chain.from_iterable(values)) if kind is dict else None
        flat = list(chain.from_iterable(map(dict.values, values) if kind is dict else values))
        ends = codes_array(accumulate(map(len, values)), len(flat))
        return cls(None if keys is None else pack_column(keys), pack_column(flat), ends)

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> Any:
        a, b = self.ends[i - 1] if i else 0, self.ends[i]
        items = [self.items[j] for j in range(a, b)]
        if self.keys is None:
            return items
        return dict(zip([self.keys[j] for j in range(a, b)], items))

    def values(self) -> list:
        items = self.items.values()
        starts = [0, *self.ends[:-1]]
        if self.keys is None:
            return [items[a:b] for a, b in zip(starts, self.ends)]
        keys = self.keys.values()
        return [dict(zip(keys[a:b], items[a:b])) for a, b in zip(starts, self.ends)]


class PlainColumn:
    """Anything else, as a list."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Any:
        return self.items[i]

    def values(self) -> list:
        return list(self.items)


class RefColumn:
    """Rows of another table by number (0 is None): e.g. a relation's source."""

    __slots__ = ("rows", "codes")

    def __init__(self, rows: "Rows | None", codes: array):
        self.rows, self.codes = rows, codes

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> Any:
        c = self.codes[i]
        return None if c == 0 else self.rows[c - 1]  # type: ignore[index]

    def values(self) -> list:
        table = [None, *self.rows]  # type: ignore[misc]
        return list(map(table.__getitem__, self.codes))


Column = TextColumn | CodedColumn | SparseColumn | ListColumn | PlainColumn | RefColumn


def pack_column(values: list, coded: bool = True) -> Column:
    """The most compact column for ``values`` that gives every value back equal
    and of the same type (1, 1.0 and True stay apart). C-level loops only:
    a million values pack in well under a second."""
    n = len(values)
    kinds = set(map(type, values))
    if kinds == {list} or kinds == {dict}:
        kind = kinds.pop()
        used = dict(compress(enumerate(values), values))
        if len(used) * 8 <= n:
            return SparseColumn(used, n, kind)
        return ListColumn.pack(values, kind)
    text = kinds <= {str, type(None)}
    if text and n > 4096 and len(set(values[:1024])) > 512:
        coded = False   # text that looks unique (ids, evidence): no table to try
    if coded and n:
        try:
            # Few distinct values (equal values of other types count once
            # here): a table and codes.
            table = dict.fromkeys(values)
            if len(table) * 4 <= n:
                # One type (and None): values are their own keys; else the
                # type is part of the key.
                keys = values
                if len(kinds - {type(None)}) > 1:
                    keys = list(zip(map(type, values), values))
                    table = dict.fromkeys(keys)
                distinct = list(table) if keys is values else [v for _, v in table]
                number = dict(zip(table, range(len(table))))
                codes = codes_array(map(number.__getitem__, keys), len(distinct))
                return CodedColumn(distinct if len(distinct) <= 1024
                                   else pack_column(distinct, coded=False), codes)
        except TypeError:   # something unhashable
            pass
    if text:
        return TextColumn.pack(values)
    return PlainColumn(values)


class Rows(Sequence):
    """A read-only list of objects made from columns on first access.

    It behaves like a list (len, indexing, slices, iteration, ``==``, ``+``,
    pickling as a list); row ``i`` is made once, so ``rows[i] is rows[i]``.
    Iterating makes every row, a column at a time, and from then on a plain
    list is inside.
    """

    __slots__ = ("_make", "_fields", "_columns", "_n", "_made", "_list")

    def __init__(self, make: Callable[..., Any], fields: tuple[str, ...],
                 columns: list[Column], n: int):
        self._make, self._fields, self._columns, self._n = make, fields, columns, n
        self._made: dict[int, Any] = {}
        self._list: list | None = None

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        if self._list is not None:
            return self._list[i]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        obj = self._made.get(i)
        if obj is None:
            j = i.__index__()
            if j < 0:
                j += self._n
            if not 0 <= j < self._n:
                raise IndexError("row index out of range")
            obj = self._made.get(j)
            if obj is None:
                obj = self._make(*[c[j] for c in self._columns])
                self._made[j] = obj
        return obj

    def materialize(self) -> list:
        """Every row, as the plain list kept from now on."""
        if self._list is None:
            with gc_paused():
                objs = list(map(self._make, *[c.values() for c in self._columns]))
            for i, obj in self._made.items():
                objs[i] = obj
            self._list, self._made = objs, {}
        return self._list

    def __iter__(self) -> Iterator:
        return iter(self.materialize())

    def __reversed__(self) -> Iterator:
        return reversed(self.materialize())

    def field(self, name: str) -> list:
        """One field of every row, without making the objects."""
        if self._list is not None:
            return [getattr(x, name) for x in self._list]
        return self._columns[self._fields.index(name)].values()

    def column(self, name: str) -> Column | None:
        """The column a field comes from (None once the rows are a plain list)."""
        return None if self._list is not None else self._columns[self._fields.index(name)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, Rows)):
            return self.materialize() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Any) -> list:
        return self.materialize() + list(other)

    def __radd__(self, other: Any) -> list:
        return list(other) + self.materialize()

    def __reduce__(self) -> tuple:
        return (list, (self.materialize(),))

    def __repr__(self) -> str:
        return f"<Rows of {self._n} {getattr(self._make, '__name__', 'object')}>"


class RowMap(Mapping):
    """A read-only dict over :class:`Rows` by key (in row order)."""

    def __init__(self, rows: Rows, keys: list):
        self._rows, self._keys = rows, keys
        self._pos = dict(zip(keys, range(len(keys))))

    def __getitem__(self, key: Any) -> Any:
        return self._rows[self._pos[key]]

    def get(self, key: Any, default: Any = None) -> Any:
        i = self._pos.get(key)
        return default if i is None else self._rows[i]

    def __contains__(self, key: object) -> bool:
        return key in self._pos

    def __iter__(self) -> Iterator:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def values(self) -> "_RowValues":
        return _RowValues(self)

    def items(self) -> "_RowItems":
        return _RowItems(self)

    def field(self, name: str) -> list:
        """One field of every value, without making the objects."""
        return self._rows.field(name)

    def __reduce__(self) -> tuple:
        return (dict, (dict(self.items()),))

    def __repr__(self) -> str:
        return f"<RowMap of {len(self)}>"


class _RowValues(ValuesView):
    def __iter__(self) -> Iterator:
        return iter(self._mapping._rows)


class _RowItems(ItemsView):
    def __iter__(self) -> Iterator:
        return zip(self._mapping._keys, self._mapping._rows)


class RowsBuilder:
    """Collects rows one object at a time (:meth:`add`) or many at a time as
    column slices (:meth:`extend`); :meth:`rows` gives them as :class:`Rows`.
    Fields in ``sparse`` (name -> list or dict) are mostly empty."""

    def __init__(self, make: Callable[..., Any], fields: tuple[str, ...],
                 sparse: dict[str, type] | None = None):
        self.make, self.fields, self.empty = make, fields, dict(sparse or {})
        self.lists: dict[str, list] = {f: [] for f in fields if f not in self.empty}
        self.sparse: dict[str, dict[int, Any]] = {f: {} for f in self.empty}
        self.n = 0

    def add(self, obj: Any, **given: Any) -> None:
        """Add the fields of ``obj``, or the ``given`` values for some."""
        for f, values in self.lists.items():
            values.append(given[f] if f in given else getattr(obj, f))
        for f, items in self.sparse.items():
            value = getattr(obj, f)
            if value:
                items[self.n] = value
        self.n += 1

    def extend(self, columns: dict[str, Any], count: int,
               sparse: dict[str, dict[int, Any]] | None = None) -> None:
        """Add ``count`` rows: a sequence per plain field, and for sparse fields
        the non-empty values by row number within these rows."""
        for f, values in self.lists.items():
            values.extend(columns[f])
        for f, items in (sparse or {}).items():
            self.sparse[f].update((self.n + i, v) for i, v in items.items())
        self.n += count

    def rows(self, given: dict[str, Column] | None = None) -> Rows:
        """The rows so far; ``given`` columns replace the collected ones."""
        given = given or {}
        columns: list[Column] = [given[f] if f in given
                                 else PlainColumn(self.lists[f]) if f in self.lists
                                 else SparseColumn(self.sparse[f], self.n, self.empty[f])
                                 for f in self.fields]
        return Rows(self.make, self.fields, columns, self.n)


def field_values(items: Any, name: str) -> list:
    """``[getattr(x, name) for x in items]`` (dict: its values), from the
    columns when ``items`` is :class:`Rows` or :class:`RowMap`."""
    if isinstance(items, (Rows, RowMap)):
        return items.field(name)
    values = items.values() if isinstance(items, Mapping) else items
    return list(map(attrgetter(name), values))
