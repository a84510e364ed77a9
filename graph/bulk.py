"""Bulk work on millions of objects (loading, caching, indexing).

:class:`Rows` (a read-only list) and :class:`RowMap` (a read-only dict) make
objects from columns on first access, so a command that looks at a few
relations of a million-relation graph makes a few Relation objects, not a
million. The loader builds them from Python lists (:class:`RowsBuilder`);
the cache from Arrow arrays (:mod:`graph.columns`).

Columns index rows ``0 <= i < len``; :class:`Rows` normalises indices.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import Counter
from collections.abc import ItemsView, Mapping, Sequence, ValuesView
from contextlib import contextmanager
from itertools import accumulate
from operator import attrgetter
from typing import Any, Callable, Iterator



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


class CodedColumn:
    """Few distinct values: a table (a list, or a column when it is big) and a
    code per row."""

    __slots__ = ("table", "codes")

    def __init__(self, table: Any, codes: Sequence[int]):
        self.table, self.codes = table, codes

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> Any:
        return self.table[self.codes[i]]

    def values(self) -> list[Any]:
        table = self.table if type(self.table) is list else self.table.values()
        return list(map(table.__getitem__, self.codes))

    def counts(self) -> Counter[Any]:
        """How many rows hold each value."""
        out: Counter[Any] = Counter()
        for code, n in Counter(self.codes).items():
            out[self.table[code]] += n
        return out


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

    def values(self) -> list[Any]:
        empty = self.empty
        out = [empty() for _ in range(self.n)]
        for i, v in self.items.items():
            out[i] = v
        return out


class PlainColumn:
    """Anything else, as a list."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Any:
        return self.items[i]

    def values(self) -> list[Any]:
        return list(self.items)


class RefColumn:
    """Rows of another table by number (0 is None): e.g. a relation's source."""

    __slots__ = ("rows", "codes")

    def __init__(self, rows: "Rows | None", codes: Sequence[int]):
        self.rows, self.codes = rows, codes

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> Any:
        c = self.codes[i]
        return None if c == 0 else self.rows[c - 1]  # type: ignore[index]

    def values(self) -> list[Any]:
        table = [None, *self.rows]  # type: ignore[misc]
        return list(map(table.__getitem__, self.codes))


Column = Any
"""Anything with ``len()``, ``column[i]`` (row i's value, a fresh list or dict
each time) and ``values()`` (every row's value): the classes here, and the
Arrow-backed ones of :mod:`graph.columns`."""


class ConcatColumn:
    """Columns one after the other (the parts of an incremental load)."""

    __slots__ = ("parts", "starts")

    def __init__(self, parts: list[Any]):
        self.parts = parts
        self.starts = list(accumulate(map(len, parts), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def __getitem__(self, i: int) -> Any:
        k = bisect_right(self.starts, i) - 1
        return self.parts[k][i - self.starts[k]]

    def values(self) -> list[Any]:
        out: list[Any] = []
        for part in self.parts:
            out.extend(part.values())
        return out

    def take(self, rows: list[int]) -> list[Any]:
        """The values of ``rows``, taken from each part at once."""
        wanted: dict[int, tuple[list[int], list[int]]] = {}
        for k, i in enumerate(rows):
            p = bisect_right(self.starts, i) - 1
            at, local = wanted.setdefault(p, ([], []))
            at.append(k)
            local.append(i - self.starts[p])
        out: list[Any] = [None] * len(rows)
        for p, (at, local) in wanted.items():
            part = self.parts[p]
            values = part.take(local) if hasattr(part, "take") else [part[i] for i in local]
            for k, value in zip(at, values):
                out[k] = value
        return out

    def counts(self) -> Counter[Any]:
        """How many rows hold each value."""
        out: Counter[Any] = Counter()
        for part in self.parts:
            out.update(part.counts() if hasattr(part, "counts") else Counter(part.values()))
        return out


class Rows(Sequence[Any]):
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
        self._list: list[Any] | None = None

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

    def take(self, positions: list[int]) -> list[Any]:
        """Rows at ``positions`` (made a column at a time when the columns can)."""
        if self._list is not None:
            return [self._list[i] for i in positions]
        todo = [i for i in positions if i not in self._made]
        if todo:
            values = [c.take(todo) if hasattr(c, "take") else [c[i] for i in todo]
                      for c in self._columns]
            self._made.update(zip(todo, map(self._make, *values)))
        return [self._made[i] for i in positions]

    def materialize(self) -> list[Any]:
        """Every row, as the plain list kept from now on."""
        if self._list is None:
            with gc_paused():
                objs = list(map(self._make, *[c.values() for c in self._columns]))
            for i, obj in self._made.items():
                objs[i] = obj
            self._list, self._made = objs, {}
        return self._list

    def __iter__(self) -> Iterator[Any]:
        return iter(self.materialize())

    def __reversed__(self) -> Iterator[Any]:
        # typeshed types reversed() of a list[Any] as Any
        return reversed(self.materialize())  # type: ignore[no-any-return]

    def field(self, name: str) -> list[Any]:
        """One field of every row, without making the objects."""
        if self._list is not None:
            return [getattr(x, name) for x in self._list]
        # Column is Any (duck-typed, see Column)
        return self._columns[self._fields.index(name)].values()  # type: ignore[no-any-return]

    def column(self, name: str) -> Column | None:
        """The column a field comes from (None once the rows are a plain list)."""
        return None if self._list is not None else self._columns[self._fields.index(name)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, Rows)):
            return self.materialize() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, other: Any) -> list[Any]:
        return self.materialize() + list(other)

    def __radd__(self, other: Any) -> list[Any]:
        return list(other) + self.materialize()

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (self.materialize(),))

    def __repr__(self) -> str:
        return f"<Rows of {self._n} {getattr(self._make, '__name__', 'object')}>"


class RowMap(Mapping[Any, Any]):
    """A read-only dict over :class:`Rows` by key (in row order)."""

    def __init__(self, rows: Rows, keys: list[Any] | Callable[[], list[Any]],
                 pos: Mapping[Any, int] | None = None):
        """``keys`` may be a function giving them on first use; ``pos`` (key ->
        row) a mapping to use instead of one made from the keys."""
        self._rows, self._key_list = rows, keys
        self._pos = pos if pos is not None else dict(zip(self._keys, range(len(rows))))

    @property
    def _keys(self) -> list[Any]:
        if callable(self._key_list):
            self._key_list = self._key_list()
        return self._key_list

    def __getitem__(self, key: Any) -> Any:
        return self._rows[self._pos[key]]

    def get(self, key: Any, default: Any = None) -> Any:
        i = self._pos.get(key)
        return default if i is None else self._rows[i]

    def __contains__(self, key: object) -> bool:
        return key in self._pos

    def __iter__(self) -> Iterator[Any]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._rows)

    def values(self) -> "_RowValues":
        return _RowValues(self)

    def items(self) -> "_RowItems":
        return _RowItems(self)

    def field(self, name: str) -> list[Any]:
        """One field of every value, without making the objects."""
        return self._rows.field(name)

    def row(self, i: int) -> Any:
        """The value in position ``i`` (keys in row order)."""
        return self._rows[i]

    def take(self, positions: list[int]) -> list[Any]:
        """The values in these positions (keys in row order), made together."""
        return self._rows.take(positions)

    def many(self, keys: list[Any]) -> list[Any]:
        """The values of ``keys``, made together (see :meth:`Rows.take`)."""
        return self._rows.take([self._pos[k] for k in keys])

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    def __repr__(self) -> str:
        return f"<RowMap of {len(self)}>"


class _RowValues(ValuesView[Any]):
    _mapping: RowMap

    def __iter__(self) -> Iterator[Any]:
        return iter(self._mapping._rows)


class _RowItems(ItemsView[Any, Any]):
    _mapping: RowMap

    def __iter__(self) -> Iterator[Any]:
        return zip(self._mapping._keys, self._mapping._rows)


class RowsBuilder:
    """Collects rows one object at a time (:meth:`add`) or many at a time as
    column slices (:meth:`extend`); :meth:`rows` gives them as :class:`Rows`.
    Fields in ``sparse`` (name -> list or dict) are mostly empty."""

    def __init__(self, make: Callable[..., Any], fields: tuple[str, ...],
                 sparse: dict[str, type] | None = None):
        self.make, self.fields, self.empty = make, fields, dict(sparse or {})
        self.lists: dict[str, list[Any]] = {f: [] for f in fields if f not in self.empty}
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


def count_values(items: Any, name: str) -> Counter[Any]:
    """``Counter(field_values(items, name))``, from codes when the column has them."""
    rows = items._rows if isinstance(items, RowMap) else items
    column = rows.column(name) if isinstance(rows, Rows) else None
    if column is not None and hasattr(column, "counts"):
        return column.counts()  # type: ignore[no-any-return]
    return Counter(field_values(items, name))


def field_values(items: Any, name: str) -> list[Any]:
    """``[getattr(x, name) for x in items]`` (dict: its values), from the
    columns when ``items`` is :class:`Rows` or :class:`RowMap`."""
    if isinstance(items, (Rows, RowMap)):
        return items.field(name)
    values = items.values() if isinstance(items, Mapping) else items
    return list(map(attrgetter(name), values))
