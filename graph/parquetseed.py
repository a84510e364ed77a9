"""Parquet seed files: typed columns read into the same records as YAML.

A ``*.parquet`` file in a seed folder holds entities (columns ``id``,
``type``, ``name``...) or relations (``from``, ``type``, ``to``...), detected
like a CSV file's header. Unlike CSV cells, Parquet values carry their type,
so each row becomes the record a YAML mapping would give and goes through the
same rule book (:mod:`graph.rules`) and loader, with the same messages:

* strings are text (a string ``"9984"`` stays text); integers, floats and
  booleans are numbers and booleans; ``date32``/``date64`` values become ISO
  dates (``2025-07-14``); a list column (``list<string>`` for ``aliases``
  and ``tags``, or a list of any of these for a property) is a list;
* ``source`` is a title (string) or a ``struct<title, publisher, url, date>``;
* a null is an absent value; dictionary-encoded columns (pandas categoricals)
  read as their values;
* a string column whose field metadata says ``kg:json = "1"`` holds one JSON
  value per cell (``kg export --format parquet`` writes a column whose values
  mix kinds, such as ``1`` and ``0.5``, that way so it loads back exactly).

Problems are reported as ``path:N``, N the row number counted from 1.

Any other Parquet type (timestamps, decimals, binary, maps, nested structs or
lists of lists) is one error naming the column. The file is read only through
:func:`graph.input.read_regular` (regular files inside the folder, at most
:data:`~graph.input.MAX_FILE_BYTES`), and what it decodes to is bounded too:
at most :data:`MAX_ROWS` rows, and at most :data:`MAX_DECODED_BYTES` of
values, checked batch by batch *before* Python objects are made (text columns
are read dictionary-encoded, so a value repeated a million times is measured,
not copied, first).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .input import MAX_FILE_BYTES, UnsafeFile, read_regular
from .rules import (INT_MAX, MAX_DEPTH, bad_character, check_tree, table_kind, too_deep,
                    unknown_table)
from .validate import Report

if TYPE_CHECKING:
    import pyarrow as pa

MAX_ROWS = 5_000_000            # rows in one Parquet seed file (about 2 GB as records)
MAX_DECODED_BYTES = MAX_FILE_BYTES   # values one file may decode to, as for a text seed
MAX_COLUMNS = 1_000             # as for a CSV file
BATCH_ROWS = 4_096
JSON_KEY = b"kg:json"           # field metadata: cells are JSON text (see the module doc)
SOURCE_FIELDS = ("title", "publisher", "url", "date")


class BadFile(Exception):
    """A file-level problem: one error for the file, with the row when known."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


Records = list[tuple[dict[str, Any], int]]


def read_parquet(path: Path, shown: str, report: Report,
                 inside: Path | None = None) -> tuple[Records, Records] | None:
    """Read one Parquet seed file: (entities, relations), each a list of
    (record, row number) as a :class:`~graph.seedio.SeedFile` holds them (one
    of the two is empty); problems go to ``report`` (one error for a file that
    cannot be read at all)."""
    try:
        data = read_regular(path, shown, MAX_FILE_BYTES, inside, what="seed file")
    except UnsafeFile as exc:
        report.error(shown, None, exc.reason)
        return None
    if not data:
        report.warning(shown, None, "empty file")
        return None
    try:
        return _read(data, shown, report)
    except BadFile as exc:
        report.error(shown, exc.row, str(exc))
        return None


def _arrow_problem(exc: BaseException) -> str:
    """The first line of a reader's message, short and printable (it may quote
    bytes from the file)."""
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    first = "".join(c if c.isprintable() else "?" for c in first)
    return first if len(first) <= 120 else first[:120] + "…"


def _read(data: bytes, shown: str, report: Report) -> tuple[Records, Records]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        probe = pq.ParquetFile(pa.BufferReader(data))
        schema = probe.schema_arrow
    except (pa.ArrowException, OSError, ValueError, TypeError) as exc:
        raise BadFile(f"not a readable Parquet file ({_arrow_problem(exc)}); "
                      "write it again with a Parquet library, or remove it") from None
    meta = probe.metadata
    names = list(schema.names)
    if len(names) > MAX_COLUMNS:
        raise BadFile(f"Parquet file has {len(names):,} columns, over the limit of "
                      f"{MAX_COLUMNS:,}; split the properties over several files")
    for name in names:
        bad = bad_character(name)
        if bad is not None:
            raise BadFile(f"column name {name!r} contains {bad}; rename the column")
    dupes = sorted(n for n, k in Counter(names).items() if k > 1)
    if dupes:
        raise BadFile(f"Parquet file repeats column(s) {', '.join(dupes)}")
    kind = table_kind(names)
    if kind is None:
        raise BadFile(unknown_table("Parquet columns must include", names))
    if meta.num_rows > MAX_ROWS:
        raise BadFile(f"Parquet file has {meta.num_rows:,} rows, over the limit of "
                      f"{MAX_ROWS:,} for one seed file; split it")
    stored = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    if stored > MAX_DECODED_BYTES:
        raise BadFile(f"Parquet file holds {stored / 1e6:,.1f} MB of values once "
                      f"uncompressed, over the {MAX_DECODED_BYTES / 1e6:,.1f} MB limit for "
                      "one seed file; split it")
    json_columns = set()
    for f in schema:
        _check_type(f, kind)
        if f.metadata and f.metadata.get(JSON_KEY) == b"1" and _is_text(f.type):
            json_columns.add(f.name)
    # Text read dictionary-encoded: measured before any value is copied.
    text_paths = [_leaf_path(f) for f in schema
                  if _is_text(f.type) or (_is_list(f.type) and _is_text(f.type.value_type))]
    try:
        reader = pq.ParquetFile(pa.BufferReader(data), read_dictionary=text_paths)
        records = list(_records(reader, names, json_columns, shown, report))
    except (pa.ArrowException, OSError, ValueError, TypeError, IndexError) as exc:
        raise BadFile(f"cannot read Parquet data ({_arrow_problem(exc)}); "
                      "write the file again, or remove it") from None
    except OverflowError:           # a date Python cannot hold (after year 9999)
        raise BadFile("a date column holds a value outside the years 1 to 9999; "
                      "fix the value or write the column as text") from None
    return (records, []) if kind == "entities" else ([], records)


# -- column types ------------------------------------------------------------
def _is_text(t: "pa.DataType") -> bool:
    import pyarrow.types as pt

    return bool(pt.is_string(t) or pt.is_large_string(t))


def _scalar(t: "pa.DataType") -> bool:
    """A type whose values are seed scalars (or dates, read as ISO text)."""
    import pyarrow.types as pt

    if pt.is_dictionary(t):
        return _scalar(t.value_type)
    return bool(_is_text(t) or pt.is_integer(t) or pt.is_floating(t) or pt.is_boolean(t)
                or pt.is_date(t) or pt.is_null(t))


def _is_list(t: "pa.DataType") -> bool:
    import pyarrow as pa

    return isinstance(t, (pa.ListType, pa.LargeListType, pa.FixedSizeListType))


def _text_leaf(t: "pa.DataType") -> bool:
    """Text, or a list or struct that may hold text (dictionary-encoded or not)."""
    import pyarrow.types as pt

    if pt.is_dictionary(t):
        return _text_leaf(t.value_type)
    if pt.is_struct(t):
        return True
    return _is_text(t) or (_is_list(t) and _text_leaf(t.value_type))


def _leaf_path(f: "pa.Field") -> str:
    return f"{f.name}.list.{f.type.value_field.name}" if _is_list(f.type) else f.name


def _check_type(f: "pa.Field", kind: str) -> None:
    import pyarrow.types as pt

    t = f.type
    if _scalar(t) or (_is_list(t) and _scalar(t.value_type)):
        return
    if (kind == "relations" and f.name == "source" and pt.is_struct(t)
            and all(_scalar(t.field(i).type) for i in range(t.num_fields))):
        return
    allowed = ("text, integers, floats, booleans, dates or a list of one of these"
               + ("; source may also be a struct of title, publisher, url, date"
                  if kind == "relations" else "")
               + (" (pandas: df[column].dt.date makes dates of timestamps)"
                  if pt.is_timestamp(t) else ""))
    raise BadFile(f"column {f.name!r} has the Parquet type {t}, which a seed value cannot "
                  f"be; use {allowed}")


# -- rows --------------------------------------------------------------------
def _decoded_size(array: "pa.Array") -> int:
    """Bytes ``array`` holds once every value is written out (dictionary
    references counted at their values' length), computed without doing so."""
    import pyarrow.compute as pc
    import pyarrow.types as pt

    t = array.type
    if _is_list(t):
        return 8 * len(array) + _decoded_size(array.flatten())
    if pt.is_struct(t):
        return sum(_decoded_size(array.field(i)) for i in range(t.num_fields))
    if pt.is_dictionary(t):
        if not _is_text(t.value_type):
            return 8 * len(array)
        lengths = pc.binary_length(array.dictionary)
        return 8 * len(array) + int(pc.sum(pc.take(lengths, array.indices)).as_py() or 0)
    if _is_text(t):
        return 8 * len(array) + int(pc.sum(pc.binary_length(array)).as_py() or 0)
    return 8 * len(array)


def _plain(value: Any) -> Any:
    """Dates as ISO text; lists and structs item by item."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    return value


def _json_cell(text: str, column: str, row: int) -> Any:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise BadFile(f"column {column!r} is marked as JSON (kg:json) but this cell is "
                      "not JSON; fix the cell or remove the mark", row) from None
    if too_deep(value):
        raise BadFile(f"column {column!r}: JSON nested more than {MAX_DEPTH} levels deep",
                      row)
    return value


def _numbers_refused(array: "pa.Array") -> bool:
    """Whether ``array`` may hold a number the rule book refuses (NaN, infinity,
    an unsigned integer beyond 64-bit signed), judged a whole column at once."""
    import pyarrow.compute as pc
    import pyarrow.types as pt

    t = array.type
    if _is_list(t):
        return _numbers_refused(array.flatten())
    if pt.is_struct(t):
        return any(_numbers_refused(array.field(i)) for i in range(t.num_fields))
    if pt.is_dictionary(t):
        return _numbers_refused(array.dictionary)
    if pt.is_floating(t):
        return pc.all(pc.is_finite(array)).as_py() is False
    if pt.is_uint64(t):
        top = pc.max(array).as_py()
        return top is not None and top > INT_MAX
    return False


def _python(array: "pa.Array") -> list[Any]:
    """``array.to_pylist()``, faster for dictionary-encoded columns: a small
    dictionary (fewer values than rows) is made into Python once and its values
    shared, so repeated text is stored once; a large one (a reader gives every
    batch the dictionary of the whole row group so far) is decoded first."""
    import pyarrow as pa
    import pyarrow.types as pt

    t = array.type
    if _is_list(t) and pt.is_dictionary(t.value_type):
        array = array.cast(pa.list_(t.value_type.value_type))
    if not pt.is_dictionary(array.type):
        return list(array.to_pylist())
    if len(array.dictionary) > len(array):
        return list(array.dictionary_decode().to_pylist())
    values = array.dictionary.to_pylist()
    indices = array.indices.to_pylist()
    if array.null_count == 0:
        return list(map(values.__getitem__, indices))
    return [None if i is None else values[i] for i in indices]


def _texts(column: list[Any]) -> Iterator[str]:
    """The text in a column's cells: strings, list items, struct fields."""
    for cell in column:
        if isinstance(cell, str):
            yield cell
        elif isinstance(cell, (list, dict)):
            yield from (v for v in (cell.values() if isinstance(cell, dict) else cell)
                        if isinstance(v, str))


def _has_dates(t: "pa.DataType") -> bool:
    import pyarrow.types as pt

    if pt.is_dictionary(t):
        return _has_dates(t.value_type)
    if _is_list(t):
        return _has_dates(t.value_type)
    if pt.is_struct(t):
        return any(_has_dates(t.field(i).type) for i in range(t.num_fields))
    return bool(pt.is_date(t))


def _records(reader: Any, names: list[str], json_columns: set[str], shown: str,
             report: Report) -> Iterator[tuple[dict[str, Any], int]]:
    """The rows as records. Values are checked by the rule book's own
    :func:`~graph.rules.check_tree`, row by row, in a batch where a column
    check finds something it may refuse (most batches have nothing)."""
    import pyarrow.types as pt

    row, budget = 0, MAX_DECODED_BYTES
    for batch in reader.iter_batches(batch_size=BATCH_ROWS):
        budget -= sum(_decoded_size(c) for c in batch.columns)
        if budget < 0:
            raise BadFile(f"Parquet values decode to more than {MAX_DECODED_BYTES / 1e6:,.1f}"
                          " MB (repeated values count each time); split the file", row + 1)
        if row + batch.num_rows > MAX_ROWS:
            raise BadFile(f"Parquet file has more than {MAX_ROWS:,} rows; split it", row + 1)
        suspect = bool(json_columns) or any(_numbers_refused(c) for c in batch.columns)
        columns = [_python(c) for c in batch.columns]
        types = [f.type for f in batch.schema]
        if not suspect:
            suspect = any(bad_character("\n".join(_texts(col) if _is_list(t) or pt.is_struct(t)
                                                   else filter(None, col))) is not None
                          for col, t in zip(columns, types) if _text_leaf(t))
        for j, name in enumerate(names):
            if _has_dates(types[j]) or pt.is_struct(types[j]):
                columns[j] = [None if v is None else _plain(v) for v in columns[j]]
            if name in json_columns:
                columns[j] = [None if v is None else _json_cell(v, name, row + k + 1)
                              for k, v in enumerate(columns[j])]
        for cells in zip(*columns):
            row += 1
            record = {n: v for n, v in zip(names, cells) if v is not None}
            if suspect:
                for line, _, problem in check_tree(record, row):
                    report.error(shown, line, problem)
            yield record, row
