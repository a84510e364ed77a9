"""The fast lane of the loader for well-formed CSV rows.

Large seed folders are CSV. This module checks a CSV file a column at a time,
with the value checks of :mod:`graph.validate` run once per distinct cell
value, and adds runs of good rows to the dataset in one step (entities as
objects, relations as columns: see :class:`graph.bulk.RowsBuilder`), without
any intermediate record or message. Every row it is not sure about — a
missing or unknown end, a bad date, number, code or id, a duplicate id, a type
mismatch, a JSON source — goes through the loader's general path, in file
order, which reports exactly as for YAML. So this lane changes how fast a
folder loads, never what it loads or reports (``tests/test_loader_fastcsv.py``
holds it to that).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress, count, repeat
from operator import itemgetter, ne, not_
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol, Sequence, cast

from .bulk import RowsBuilder
from .model import (CONTENT_SEP, ENTITY_FIELDS, Dataset, Entity, RelationType, Schema, Source,
                    content_hashes, relation_ids)
from .seedio import PROTECTED, CsvRows, SeedFile
from . import rules
from .rules import date_bounds

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow as pa

ENABLED = True   # tests switch it off to compare against the general path


class Builder(Protocol):
    """What this lane needs of the row builder (:class:`graph.builder.Builder`
    is one). Named here, so that this module does not import the builder
    that calls it."""

    schema: Schema
    dataset: Dataset
    local: bool
    derived: list[bool] | None
    entity_where: dict[str, str | int]
    relation_where: dict[str, str | int]
    relations: RowsBuilder

    def file_code(self, path: str) -> int: ...
    def entity_index(self) -> tuple[dict[str, str], dict[str, str]]: ...
    def ends_fit(self, rt: RelationType, a: str, b: str) -> bool: ...
    def note_source(self, source: Source) -> int: ...
    def source_numbers(self, sources: Iterable[tuple[str | None, ...]]) -> list[int]: ...
    def unique_id(self, base: str) -> str: ...
    def merge(self, entity: Entity, where: str | int, path: str, line: int | None) -> None: ...
    def add_entity(self, raw: Any, path: str, line: int | None, is_csv: bool) -> None: ...
    def add_relation(self, raw: Any, path: str, line: int | None, is_csv: bool,
                     file_source: Source | None) -> None: ...


class _Reject(Exception):
    """This row needs the general path."""


def entities(builder: Builder, seed: SeedFile) -> None:
    """A column at a time, like :func:`relations`; ids seen before (in this
    file or earlier) go through the loader's merge one row at a time."""
    rows = seed.entities
    if not rows:
        return
    header = seed.header or []
    n = len(rows)
    columns, lines, row_cells = _columns(rows, len(header))
    col = {h: i for i, h in enumerate(header)}
    flagged: set[int] = set()      # rows with a cell a rule refuses
    ids = _checked(columns[col["id"]], rules.identifier, flagged)
    if builder.local:       # types are checked over the whole folder's parts
        kinds: list[str | None] = [t or None for t in columns[col["type"]]]
    else:
        kinds = list(map({name: name for name in builder.schema.entity_types}.get,
                         columns[col["type"]]))
    names = columns[col["name"]]
    values: dict[str, Sequence[Any]] = {"id": ids, "type": kinds, "name": names}

    def labels(cells: Sequence[str]) -> list[list[str]]:
        """``a|b|c`` cells as lists: stripped, without empty or repeated items
        (split is all it takes, but for the cells the label rule must see)."""
        parts = list(map(str.split, cells, repeat("|")))
        text = "\n".join(cells)
        if text.count("\n") != len(cells) - 1:       # a cell holds a line break
            return [rules.labels(c, True) for c in cells]
        doubtful = set(compress(range(len(cells)), map(ne, map(len, map(set, parts)),
                                                             map(len, parts))))
        if (found := _UNCLEAN_LABELS.search(text)) is not None:
            starts = list(accumulate((len(c) + 1 for c in cells), initial=0))
            doubtful.update(bisect_right(starts, m.start()) - 1
                            for m in _UNCLEAN_LABELS.finditer(text, found.start()))
        for k in doubtful:
            parts[k] = rules.labels(cells[k], True)
        for k in compress(range(len(cells)), map(not_, cells)):
            parts[k] = []
        return parts

    for i, key in enumerate(header):
        cells = columns[i]
        if key in ("aliases", "tags"):
            values[key] = labels(cells)
        elif key == "country":
            values[key] = _checked(cells, _cell(rules.country), flagged)
        elif key in ("description", "url"):
            values[key] = [t or None for t in cells]
    props, bad = _properties(columns, [(i, key) for i, key in enumerate(header)
                                       if key not in _ENTITY_COLUMNS])
    bad |= flagged
    for vals, wrong in ((kinds, None), (names, "")):
        if wrong in vals:
            bad.update(i for i, v in enumerate(vals) if v is wrong or v == wrong)

    path = seed.path
    where = builder.file_code(path).__add__
    ents = builder.dataset.entities
    fields = [(f, values.get(f)) for f in ENTITY_FIELDS]

    def made(a: int, b: int) -> list[Entity]:
        """The entities of rows a..b-1 (every list and dict its own)."""
        cols: list[Sequence[Any]] = [
            v[a:b] if v is not None
            else [[] for _ in range(b - a)] if f in ("aliases", "tags")
            else [{} for _ in range(b - a)] if f == "properties"
            else [None] * (b - a)
            for f, v in fields]
        out = list(map(Entity, *cols))
        for k in range(a, b) if props else ():
            if k in props:
                out[k - a].properties = props[k]
        return out

    for a, b, rejected in _runs(n, bad):
        if b > a:
            new = ids[a:b]
            if len(set(new)) == b - a and ents.keys().isdisjoint(new):
                ents.update(zip(new, made(a, b)))
                builder.entity_where.update(zip(new, map(where, lines[a:b])))
            else:
                for k, entity in zip(range(a, b), made(a, b)):
                    builder.merge(entity, where(lines[k]), path, lines[k])
        if rejected is not None:
            builder.add_entity(seed.csv_record(row_cells(rejected), lines[rejected]), path,
                            lines[rejected], True)


def _properties(columns: list[Sequence[str]], keys: list[tuple[int, str]]
                ) -> tuple[dict[int, dict[str, Any]], set[int]]:
    """Typed property values by row (each distinct cell typed once), and the
    rows with a value the value rules refuse (for the general path to report)."""
    props: dict[int, dict[str, Any]] = {}
    refused: set[int] = set()
    for i, key in keys:
        typed: dict[str, Any] = {}
        for k, text in enumerate(columns[i]):
            if text != "":
                value = typed.get(text, _BAD)
                if value is _BAD:
                    try:
                        value = rules.csv_value(text)
                    except ValueError:
                        value = _REFUSED
                    typed[text] = value
                if value is _REFUSED:
                    refused.add(k)
                else:
                    props.setdefault(k, {})[key] = value
    return props, refused


def _runs(n: int, bad: set[int]) -> Iterator[tuple[int, int, int | None]]:
    """(start, stop, rejected row or None): the rows 0..n-1 as runs of good
    rows, each followed by the bad row that ends it."""
    start = 0
    for stop in sorted(bad):
        yield start, stop, stop
        start = stop + 1
    yield start, n, None


_BAD = object()   # a cell value the general path must see
_REFUSED = object()   # a property cell the value rules refuse
_ENTITY_COLUMNS = frozenset(("id", "type", "name", "aliases", "tags", "country",
                             "description", "url"))
# In "\n"-joined label cells: an empty item, or an item with space around it.
_UNCLEAN_LABELS = re.compile(r"(?m)\|\||^\||\|$|(?:^|\|)[^\S\n]|[^\S\n](?:\||$)")


def _columns(rows: Sequence[tuple[Any, int | None]], width: int
             ) -> tuple[list[Sequence[str]], Sequence[int], Callable[[int], list[str]]]:
    """Columns of cells, line numbers, and the cells of row k (a CSV file's
    rows: cell lists, each with its line number)."""
    if isinstance(rows, CsvRows):
        return ([rows.column(j) for j in range(width)], rows.lines(),
                lambda k: rows[k][0])
    cells = list(map(itemgetter(0), rows))
    # The reader gave every row the header's width.
    return list(zip(*cells)), list(map(itemgetter(1), rows)), cells.__getitem__


def _cell(rule: rules.Rule) -> Callable[[str], Any]:
    """``rule`` for a CSV cell; an empty cell is no value."""
    return lambda text: None if text == "" else rule(text, True)


def _checked(cells: Sequence[str], check: Callable[[str], Any], bad: set[int],
             table: dict[str, Any] | None = None) -> list[Any]:
    """``check(cell)`` for every cell, worked out once per distinct cell (kept
    in ``table``); :data:`_BAD` where it raised ValueError or _Reject, and
    those rows added to ``bad`` (found from the distinct cells, so a column
    without a bad cell is not scanned again)."""
    table = {} if table is None else table
    failed: set[str] = set()
    for text in set(cells):
        try:
            table[text] = check(text)
        except (ValueError, _Reject):
            table[text] = _BAD
            failed.add(text)
    if failed:
        bad.update(compress(count(), map(failed.__contains__, cells)))
    return list(map(table.__getitem__, cells))


def relations(builder: Builder, seed: SeedFile, file_source: Source | None) -> None:
    """A column at a time: each check runs once per distinct cell value, and
    runs of good rows go into the dataset's relation columns in one step."""
    rows = seed.relations
    if not rows:
        return
    header = seed.header or []
    n = len(rows)
    col = {h: i for i, h in enumerate(header)}
    columns, lines, row_cells = _columns(rows, len(header))
    blank = ("",) * n

    def column(name: str) -> Sequence[str]:
        i = col.get(name)
        return blank if i is None else columns[i]

    rtypes = builder.schema.relation_types
    if builder.local:
        # Ends and types are checked over the whole folder's parts (graph.parts).
        canon: dict[str, str] = {}
        type_of: dict[str, str] = {}
        srcs: list[str | None] = [t or None for t in column("from")]
        dsts: list[str | None] = [t or None for t in column("to")]
        kinds: list[str | None] = [t or None for t in column("type")]
    else:
        canon, type_of = builder.entity_index()
        srcs = list(map(canon.get, column("from")))
        dsts = list(map(canon.get, column("to")))
        kinds = list(map({name: name for name in rtypes}.get, column("type")))

    # The type of each end; an unknown end (None) has none.
    type_of_end = cast(Callable[[str | None], str | None], type_of.get)

    def ends() -> Iterator[tuple[str | None, str | None, str | None]]:
        return zip(kinds, map(type_of_end, srcs), map(type_of_end, dsts))

    def fits_ends(key: tuple[str | None, str | None, str | None]) -> bool:
        kind, a, b = key
        return kind is not None and a is not None and b is not None \
            and builder.ends_fit(rtypes[kind], a, b)

    fits = {key: fits_ends(key) for key in set(ends())} if not builder.local else {}
    # Rows whose end types do not fit (a row list only when there are some).
    fit = list(map(fits.__getitem__, ends())) if not all(fits.values()) else ()

    def source(text: str) -> tuple[str | None, ...] | None:
        """The (title, publisher, url, date) of a source cell; None: the file's."""
        if text == "":
            return None
        if text.startswith("{"):
            raise _Reject           # a JSON mapping: the general path checks its keys
        value = rules.csv_source(text)
        return (None, None, value["url"], None) if isinstance(value, dict) \
            else (value, None, None, None)

    # Rows for the general path: unknown ends or type, ends that do not fit,
    # any bad cell (added by _checked), since after until.
    bad: set[int] = set()
    date = _cell(rules.day)
    since, until = _checked(column("since"), date, bad), _checked(column("until"), date, bad)
    source_of: dict[str, Any] = {}
    sources = _checked(column("source"), source, bad, source_of)
    values = {"type": kinds, "source_id": srcs, "target_id": dsts,
              "evidence": [t or None for t in column("evidence")],
              "status": [t or None for t in column("status")],
              "since": since, "until": until,
              "amount": _checked(column("amount"), _cell(rules.number), bad),
              "currency": _checked(column("currency"), _cell(rules.currency), bad),
              "confidence": _checked(column("confidence"), _cell(rules.confidence), bad)}
    ids = _checked(column("id"), lambda t: t and rules.identifier(t), bad) \
        if "id" in col else None

    for vals, wrong in ((srcs, None), (dsts, None), (kinds, None), (fit, False)):
        if wrong in vals:
            bad.update(i for i, v in enumerate(vals) if v is wrong)
    if any(since) and any(until):
        spans = {(a, b) for a, b in set(compress(zip(since, until), until))
                 if a and b and a is not _BAD and b is not _BAD
                 and date_bounds(a)[0] > date_bounds(b)[1]}
        if spans:
            bad.update(i for i, span in enumerate(zip(since, until)) if span in spans)

    props, refused = _properties(columns, [(i, h) for i, h in enumerate(header)
                                           if h not in _RELATION_COLUMNS])
    bad |= refused

    path = seed.path
    where = builder.file_code(path).__add__
    where_of = builder.relation_where
    evidence, source_cells = column("evidence"), column("source")
    code_of = {"": 0 if file_source is None else builder.note_source(file_source)}

    def content_ids(a: int, b: int) -> list[str]:
        return relation_ids(zip(srcs[a:b], kinds[a:b], dsts[a:b], evidence[a:b],
                                since[a:b], until[a:b]))

    def add(a: int, b: int, given: list[str]) -> None:
        """Rows a..b-1 are good and ``given`` are their ids."""
        where_of.update(zip(given, map(where, lines[a:b])))
        # Sources are numbered in order of appearance.
        new = [t for t in dict.fromkeys(source_cells[a:b]) if t not in code_of]
        code_of.update(zip(new, builder.source_numbers(map(source_of.__getitem__, new))))
        builder.relations.extend({"id": given, "source": list(map(code_of.__getitem__,
                                                                  source_cells[a:b])),
                                  **{f: v[a:b] for f, v in values.items()}},
                                 b - a, {"properties": {k - a: props[k] for k in range(a, b)
                                                        if k in props}} if props else None)
        if builder.derived is not None:
            builder.derived.extend([True] * (b - a) if ids is None
                                   else [not ids[k] for k in range(a, b)])

    def general(k: int) -> None:
        builder.add_relation(seed.csv_record(row_cells(k), lines[k]), path, lines[k], True,
                          file_source)

    for start, stop, rejected in _runs(n, bad):
        if start < stop:
            if ids is None:
                given = content_ids(start, stop)
            else:
                given = ids[start:stop]
                missing = [k for k, v in enumerate(given) if not v]
                if missing:
                    derived = content_ids(start, stop)
                    for k in missing:
                        given[k] = derived[k]
            if len(set(given)) == len(given) and where_of.keys().isdisjoint(given):
                add(start, stop, given)
            else:
                # Repeated content or ids: one row at a time, as the general path would.
                first = start
                for k in range(start, stop):
                    explicit = ids is not None and ids[k]
                    if explicit and given[k - start] in where_of:
                        add(first, k, given[first - start:k - start])
                        general(k)
                        first = k + 1
                        continue
                    if not explicit:
                        given[k - start] = builder.unique_id(given[k - start])
                    where_of[given[k - start]] = where(lines[k])
                add(first, stop, given[first - start:stop - start])
        if rejected is not None:
            general(rejected)


_RELATION_COLUMNS = frozenset(("from", "type", "to", "id", "evidence", "status", "source",
                               "since", "until", "amount", "currency", "confidence"))


# -- the Arrow lane: a clean CSV file straight to its part's columns --------
# A part (graph.parts) is one file's columns after the rule book. For a CSV
# file that Python's csv module and pyarrow.csv read the same way (quotes
# only around whole cells; no carriage returns, NULs, byte order mark, blank
# lines or protected cells; a relations file without property columns),
# pyarrow reads it and each rule's column form (graph.rules: once per
# distinct cell, or a kernel) checks it: no Python object per row but the
# content ids and the name index's labels. Any cell a rule refuses or a
# kernel doubts sends the file to the row lane, whose report is the rules'.

_ARROW_COLUMNS = ("from", "type", "to", "id", "evidence", "status", "source", "since",
                  "until", "amount", "currency", "confidence")
# Quotes both readers take the same way: whole cells in quotes, a quote in
# one doubled, no line break inside (each line with a quote must be this).
_QUOTES = re.compile(r'^[^\n"]*"[^\n]*$', re.M)
_CELL = r'(?:[^",\n]*|"(?:[^"\n]|"")*")'
_QUOTED_LINE = re.compile(f"{_CELL}(?:,{_CELL})*")
# A cell our CSV export protected from spreadsheets (graph.seedio.protect_cell),
# in quotes or not: the row lane takes the protection off.
_PROTECTED_CELL = re.compile(r'(?:^|,)"?' + PROTECTED.pattern, re.M)
_STRING_RULES: dict[str, rules.Rule] = {"since": rules.day, "until": rules.day,
                                        "currency": rules.currency}
_NUMBER_RULES: dict[str, rules.Rule] = {"amount": rules.number,
                                        "confidence": rules.confidence}


def csv_part(file: "Path", folder: "Path") -> "dict[str, tuple[pa.Array, str]] | None":
    """The columns of a CSV file's own table in its part (``entities.*`` and
    ``names.*``, or ``relations.*`` and ``sources.*``), as
    :func:`graph.parts._part_columns` gives them from the row lane; None when
    the file is for the row lane."""
    read = _read_clean(file, folder)
    if read is None:
        return None
    kind, cells, n = read
    try:
        return (_relation_columns if kind == "relations" else _entity_columns)(cells, n)
    except (ValueError, _Reject):
        return None


def _read_clean(file: "Path", folder: "Path") -> "tuple[str, dict[str, pa.Array], int] | None":
    """A CSV file's table kind and its cells (null for an empty cell) by
    column, read by pyarrow; None for a file Python's csv module might read
    differently, or that has a problem for the row lane to report."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    from .input import MAX_FILE_BYTES, UnsafeFile, read_regular
    from .seedio import MAX_COLUMNS

    try:
        data = read_regular(file, str(file), MAX_FILE_BYTES, folder, what="seed file")
    except UnsafeFile:
        return None
    end = data.find(b"\n")
    header = data[:end].decode("utf-8", "replace").split(",") if end > 0 else []
    kind = rules.table_kind(header)
    if (kind is None or not 0 < len(header) <= MAX_COLUMNS or len(set(header)) != len(header)
            or (kind == "relations" and not set(header) <= set(_ARROW_COLUMNS))
            or any(h != h.strip() or not h for h in header)):
        return None
    if data.startswith(b"\xef\xbb\xbf") or any(c in data for c in (b"\r", b"\x00", b"\n\n")):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if rules.bad_character(text) is not None or ("'" in text and _PROTECTED_CELL.search(text)):
        return None
    if '"' in text and not all(map(_QUOTED_LINE.fullmatch, _QUOTES.findall(text))):
        return None                  # a quote where the two readers could differ
    del text
    try:
        table = pcsv.read_csv(
            pa.py_buffer(data),
            # One block: each column one array (no copy to join chunks).
            read_options=pcsv.ReadOptions(use_threads=False, block_size=len(data) + 1),
            convert_options=pcsv.ConvertOptions(
                column_types={h: pa.string() for h in header}, strings_can_be_null=True,
                null_values=[""]))
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    if table.num_rows == 0 or table.column_names != header:
        return None
    import csv

    import pyarrow.compute as pc

    cells = {h: table[h].combine_chunks() for h in header}
    for arr in cells.values():
        if arr.null_count < len(arr) and \
                pc.max(pc.binary_length(arr)).as_py() > csv.field_size_limit():
            return None              # the csv module refuses such a cell
    return kind, cells, table.num_rows


def _entity_columns(cells: "dict[str, pa.Array]", n: int
                    ) -> "dict[str, tuple[pa.Array, str]]":
    """The part's entity and name columns from a file's cells; ValueError or
    _Reject for a file the row lane must read."""
    import json

    import pyarrow as pa
    import pyarrow.compute as pc

    from .columns import ARROW, JSON, encode_strings

    nulls = pa.nulls(n, pa.string())
    ids, kind, name = cells["id"], cells["type"], cells["name"]
    if ids.null_count or kind.null_count or name.null_count:
        raise _Reject                # a required cell missing
    if not rules.identifiers(ids) or pc.count_distinct(ids).as_py() != n:
        raise _Reject                # a bad id, or one merged in the file
    out: dict[str, tuple[pa.Array, str]] = {}
    for f in ("aliases", "tags"):
        clean, codes = rules.by_distinct(rules.labels, cells.get(f, nulls))
        clean.append([])             # an empty cell: no labels
        codes = pc.fill_null(codes, len(clean) - 1)
        out[f"entities.{f}"] = (pa.array(clean, pa.list_(pa.string())).take(codes), ARROW)
    clean, codes = rules.by_distinct(rules.country, cells.get("country", nulls))
    country = encode_strings(pa.array(clean, pa.string()).take(codes))
    # Any other column is a property: its cells' values as JSON, joined in
    # header order into each row's mapping (json.dumps's own separators).
    pieces = []
    for key, arr in cells.items():
        if key not in _ENTITY_COLUMNS:
            clean, codes = rules.by_distinct(rules.entity_property, arr)
            pieces.append(pc.fill_null(pa.array(
                [f", {json.dumps(key)}: {json.dumps(v)}" for v in clean], pa.string()
            ).take(codes), ""))
    if pieces:
        # (No nulls into the join: pyarrow 26 drops rows where all are null.)
        joined = pc.binary_join_element_wise(*pieces, "")
        props = pc.if_else(pc.equal(joined, ""), pa.scalar(None, pa.string()),
                           pc.binary_join_element_wise(
                               "{", pc.utf8_slice_codeunits(joined, 2), "}", ""))
    else:
        props = nulls
    fields = {"id": encode_strings(ids), "type": encode_strings(kind),
              "name": encode_strings(name),
              "aliases": out["entities.aliases"], "country": country,
              "description": encode_strings(cells.get("description", nulls)),
              "tags": out["entities.tags"], "url": encode_strings(cells.get("url", nulls)),
              "properties": (props.cast(pa.string()), JSON)}
    out = {f"entities.{f}": fields[f] for f in ENTITY_FIELDS}
    out.update(_name_labels(ids, name, out["entities.aliases"][0]))
    return out


def _name_labels(ids: "pa.Array", names: "pa.Array", aliases: "pa.Array"
                 ) -> "dict[str, tuple[pa.Array, str]]":
    """The name index's labels of each entity (id, name, aliases; normalised),
    each label's entity row and its slot there (0 id, 1 name, 2... aliases)."""
    import pyarrow as pa

    from .columns import ARROW
    from .csr import has_numpy
    from .resolve import normalize_column, normalize_many

    n = len(ids)
    if not has_numpy():
        labels: list[str] = []
        rows: list[int] = []
        slots: list[int] = []
        for row, (eid, label, more) in enumerate(zip(ids.to_pylist(), names.to_pylist(),
                                                     aliases.to_pylist())):
            labels += [eid, label, *more]
            rows += [row] * (2 + len(more))
            slots += range(2 + len(more))
        return {"names.text": (pa.array(normalize_many(labels), pa.string()), ARROW),
                "names.row": (pa.array(rows, pa.int32()), ARROW),
                "names.slot": (pa.array(slots, pa.int32()), ARROW)}
    import numpy as np
    import pyarrow.compute as pc

    counts = pc.list_value_length(aliases).to_numpy(zero_copy_only=False).astype(np.int64) + 2
    starts = np.zeros(n, np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    total = int(counts.sum())
    # Where each label comes from in [ids, names, every alias in row order].
    take = np.empty(total, np.int64)
    take[starts] = np.arange(n)
    take[starts + 1] = n + np.arange(n)
    rest = np.ones(total, bool)
    rest[starts] = rest[starts + 1] = False
    take[rest] = 2 * n + np.arange(total - 2 * n)
    flat = pa.concat_arrays([ids.cast(pa.string()), names.cast(pa.string()),
                             aliases.flatten().cast(pa.string())]).take(pa.array(take))
    rows_ = np.repeat(np.arange(n, dtype=np.int32), counts)
    slots_ = (np.arange(total) - np.repeat(starts, counts)).astype(np.int32)
    return {"names.text": (normalize_column(flat), ARROW),
            "names.row": (pa.array(rows_, pa.int32()), ARROW),
            "names.slot": (pa.array(slots_, pa.int32()), ARROW)}


def _relation_columns(cells: "dict[str, pa.Array]", n: int
                      ) -> "dict[str, tuple[pa.Array, str]]":
    """The part's columns from a file's cells (nulls for empty cells);
    ValueError or _Reject for a file the row lane must read."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .columns import ARROW, JSON, encode, encode_strings

    nulls = pa.nulls(n, pa.string())
    src, kind, dst = cells["from"], cells["type"], cells["to"]
    if src.null_count or dst.null_count or kind.null_count:
        raise _Reject                # a required cell missing
    if not (rules.identifiers(src) and rules.identifiers(dst)):
        raise _Reject                # (no entity has such an id)
    given = cells.get("id", nulls)
    if not rules.identifiers(given):
        raise _Reject
    out: dict[str, tuple[pa.Array, str]] = {}
    values: dict[str, tuple[pa.Array, str]] = {}
    plain: list[pa.Array] = []           # since, until (then currency) as clean text
    for name, rule in {**_STRING_RULES, **_NUMBER_RULES}.items():
        clean, codes = rules.by_distinct(rule, cells.get(name, nulls))
        if name in _STRING_RULES:
            plain.append(pa.array(clean, pa.string()).take(codes))
            values[name] = encode_strings(plain[-1])
        else:
            arr, how = encode(clean)
            values[name] = (arr.take(codes), how)
    since, until = plain[:2]
    both = pc.and_(pc.is_valid(since), pc.is_valid(until))
    if pc.any(both).as_py():
        # Since after until: each date's bounds worked out once per distinct date.
        first, at = rules.by_distinct(lambda d, csv: rules.date_bounds(d)[0], since.filter(both))
        last, to = rules.by_distinct(lambda d, csv: rules.date_bounds(d)[1], until.filter(both))
        if pc.any(pc.greater(pa.array(first, pa.string()).take(at),
                             pa.array(last, pa.string()).take(to))).as_py():
            raise _Reject

    # Sources: each distinct cell once, numbered in order of first use.
    source = cells.get("source", nulls).dictionary_encode()
    split = rules.csv_sources(source.dictionary)
    if split is None:
        raise _Reject                # a JSON mapping: the row lane checks its keys
    none = pa.nulls(len(source.dictionary), pa.string())
    for f, arr in (("title", split[0]), ("publisher", none), ("url", split[1]), ("date", none)):
        out[f"sources.{f}"] = encode_strings(arr.cast(pa.string()))
    out["relations.source"] = (pc.fill_null(pc.add(source.indices.cast(pa.int32()), 1), 0)
                               .cast(pa.int32()), ARROW)

    # Ids: the given ones, else derived from the content (unique in the file,
    # or the row lane says which repeat).
    derived = given.is_null()
    ids = given
    if given.null_count:
        made = _content_ids(src, kind, dst, cells.get("evidence", nulls), *plain[:2])
        ids = made if given.null_count == n else pc.if_else(derived, made, given)
    sums = id_sums(ids)
    # Distinct checksums: distinct ids (only else are the strings compared).
    if pc.count_distinct(sums).as_py() != n and pc.count_distinct(ids).as_py() != n:
        raise _Reject
    out["relations.derived"] = (derived, ARROW)
    out["relations.idsum"] = (sums, ARROW)
    out["relations.id"] = (ids.cast(pa.string()), ARROW)
    out["relations.type"] = encode_strings(kind)
    out["relations.source_id"] = (src, ARROW)
    out["relations.target_id"] = (dst, ARROW)
    out["relations.evidence"] = encode_strings(cells.get("evidence", nulls))
    out["relations.status"] = encode_strings(cells.get("status", nulls))
    for name in ("since", "until", "amount", "currency", "confidence"):
        out[f"relations.{name}"] = values[name]
    out["relations.properties"] = (nulls, JSON)
    return out


def _content_ids(*fields: "pa.Array") -> "pa.Array":
    """:func:`graph.model.relation_ids` of (from, type, to, evidence, since,
    until) columns: the fields joined by Arrow, hashed by
    :func:`graph.model.content_hashes`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    filled = [pc.fill_null(f, "") for f in fields]
    joined = pc.binary_join_element_wise(*filled, CONTENT_SEP).cast(pa.binary()).to_pylist()
    return pc.binary_join_element_wise(*fields[:3], pa.array(content_hashes(joined),
                                                             pa.string()), "~")


def id_sums(ids: "pa.Array") -> "pa.Array":
    """A 64-bit checksum of each id (CRC-32, Adler-32), as
    :func:`graph.parts._part_columns` makes them."""
    from zlib import adler32, crc32

    import pyarrow as pa

    from .csr import has_numpy

    texts = ids.cast(pa.binary()).to_pylist()
    if not has_numpy():
        return pa.array([crc32(b) << 32 | adler32(b) for b in texts], pa.uint64())
    import numpy as np

    crc = np.fromiter(map(crc32, texts), np.uint64, len(texts))
    adler = np.fromiter(map(adler32, texts), np.uint64, len(texts))
    return pa.array((crc << np.uint64(32)) | adler, pa.uint64())
