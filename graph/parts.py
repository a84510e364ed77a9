"""The incremental cache: one part per seed file, one pass over the folder.

A *part* is what one seed file gives after the rule book (every field rule,
:class:`graph.builder.Builder` with ``local=True``), as Arrow columns in a
checksummed cache file (:func:`graph.cache.write_entry`) keyed by the file's
size, mtime and ctime and, when those changed, its SHA-256. Loading a folder
reads each part whose file is unchanged (memory map, no parsing) and reads,
checks and stores again only the files that changed, were added or renamed.

Then the checks that need the whole folder run ONCE over the parts' columns
(:func:`assemble`), in the order a cold load makes them: the types sections
(files with a ``types`` section are read every time: the schema needs them,
and they are small), entity types known, an entity merged across files,
relation types known, both ends known (Arrow ``index_in``), end types that fit
(``--strict``), ids unique (repeats of a content id get ``~2``, ``~3`` in
file order as a cold load gives them), sources numbered in order of first
use. The result is the Dataset a cold load makes, row for row.

Every load goes this way: a load without a cache (``--no-cache``,
:func:`graph.loader.load_dataset`) and ``kg validate`` build each part in
memory and keep none. Whenever a part or the folder pass finds anything
wrong, the folder is read again by the row builder instead
(:func:`graph.builder.load_rows`), so the errors — and their ``path:line`` —
are exactly its. A part is kept only for a file that loads without errors of
its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, cast

from .columns import ARROW, JSON
from .bulk import ConcatColumn, PlainColumn, RefColumn, RowMap, Rows, field_values, gc_paused
from .model import (ENTITY_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity, Relation,
                    Source)
from .progress import progress
from .seedio import SeedFile, display_path, read_seed_file, seed_files
from .validate import Report

if TYPE_CHECKING:
    import pyarrow as pa

    from .csr import Index
    from .names import NameIndex

EMPTY: dict[str, type] = {"aliases": list, "tags": list, "properties": dict}
# The large text columns of a part that the folder pass does not read (the
# entry refers to them): a kept part's are checked block by block as their
# rows are read, not whole when the part is opened (about 230 MB of CRC at
# 1M relations). The relation ends as id strings are read (and checked) only
# for the files whose ends are looked up again.
LATE = frozenset({"entities.name", "entities.description", "entities.url", "relations.id",
                  "relations.evidence", "relations.status", "relations.source_id",
                  "relations.target_id"})
# Whether the folder's entry refers to the parts' large columns and keeps
# what the folder pass derives in side files (else it copies them all: the
# layout of an entry written the general way).
REFER = True
PROGRESS_BYTES = 20_000_000     # seed bytes from which a load shows a bar (on a terminal)

# How many seed files were read (parsed) by this module: a test hook showing
# that an unchanged file is not read again.
READS: list[str] = []


class Part:
    """One seed file's columns (``column(name)``, ``kinds``), its SeedFile when
    it has a ``types`` section, and its key (size, mtime, ctime, SHA-256)."""

    def __init__(self, rel: str, column: Callable[[str], "pa.Array"], kinds: dict[str, str],
                 key: list[Any], seed: SeedFile | None = None, stored: Path | None = None
                 ) -> None:
        self.rel, self.column, self.kinds, self.key, self.seed = rel, column, kinds, key, seed
        self.stored = stored        # the part's file in the cache, if it is kept
        # Made again from its seed file (load_parts sets it): a LATE column
        # found damaged as its rows are read is taken from there.
        self.remake: "Callable[[], Part | None] | None" = None

    def decoded(self, name: str) -> Any:
        """The column ``name`` as a row-indexable column (graph.columns.decode);
        a :data:`LATE` column of a kept part checked block by block as its rows
        are read (graph.columns.open_column)."""
        from functools import partial

        from .columns import LazyColumn, decode, open_column

        empty = EMPTY.get(name.split(".", 1)[1])
        if name in LATE and hasattr(self.column, "blocks"):
            return LazyColumn(partial(open_column, self.column, name, self.kinds[name], empty),
                              recover=partial(self._recover, name))
        return decode(self.column(name), self.kinds[name], empty)

    def _recover(self, name: str, exc: Exception) -> Any:
        """A LATE column found damaged while read: the part is reported and
        deleted, and the column comes from the seed file read again (when it
        still holds the same bytes: else the command stops, asking to run
        again; two versions of a file are never combined)."""
        from .cache import Damaged
        from .errors import InputError

        if not isinstance(exc, Damaged) or self.stored is None:
            raise exc
        _discard(self.stored, exc, getattr(self.column, "identity", None))
        fresh = self.remake() if self.remake is not None else None
        if fresh is None or fresh.key[3] != self.key[3]:
            raise InputError(f"the seed file {self.rel} changed while kg was reading it (and "
                             "its cache part was damaged); run the command again") from None
        return fresh.decoded(name)

    def arrow_type(self, name: str) -> "pa.DataType":
        """The Arrow type of a column (a LATE one's checked metadata only)."""
        blocks = getattr(self.column, "blocks", None)
        got = blocks(name) if blocks is not None and name in LATE else None
        return (got[0] if got is not None else self.column(name)).type

    def strings(self, name: str) -> "pa.Array":
        """A string column as a plain (not dictionary-encoded) Arrow array."""
        import pyarrow as pa

        arr = self.column(name)
        return arr.dictionary_decode() if pa.types.is_dictionary(arr.type) else arr

    def __len__(self) -> int:
        return len(self.column("relations.derived"))


def part_path(directory: Path, folder: Path, strict: bool, rel: str) -> Path:
    from .cache import PART_SUFFIX

    name = hashlib.sha256(f"{folder}\0{strict}\0{rel}".encode()).hexdigest()[:24]
    return directory / f"{name}{PART_SUFFIX}"


def _head(folder: Path, strict: bool, rel: str) -> dict[str, Any]:
    from . import __version__
    from .cache import FORMAT

    return {"format": FORMAT, "version": __version__, "part": rel, "strict": strict,
            "folder": str(folder)}


def _part_columns(data: Dataset, derived: list[bool]) -> Iterator[tuple[str, "pa.Array", str]]:
    """(name, array, kind) of a local builder's rows: entity and relation
    fields (ends as id strings), whether each relation id was derived, the
    file's sources in order of first use, and each relation's source number
    there (0: none)."""
    import pyarrow as pa

    from .columns import encode
    from .resolve import normalize_many

    for f in ENTITY_FIELDS:
        yield (f"entities.{f}", *encode(field_values(data.entities, f), EMPTY.get(f)))
    # The name index's labels (graph/names.py: id, name, aliases of each
    # entity, normalised), merged into the folder's index by one sort
    # (tests/test_cache_parts.py holds the result to NameIndex.build's).
    labels: list[str] = []
    rows: list[int] = []
    slots: list[int] = []
    for row, e in enumerate(data.entities.values()):
        labels += [e.id, e.name, *e.aliases]
        rows += [row] * (2 + len(e.aliases))
        slots += range(2 + len(e.aliases))
    yield "names.text", pa.array(normalize_many(labels), pa.string()), ARROW
    yield "names.row", pa.array(rows, pa.int32()), ARROW
    yield "names.slot", pa.array(slots, pa.int32()), ARROW
    for f in SOURCE_FIELDS:
        yield (f"sources.{f}", *encode(field_values(data.sources, f)))
    rels: Any = data.relations
    codes = rels.column("source").codes
    yield "relations.source", pa.array(codes, pa.int32()), ARROW
    yield "relations.derived", pa.array(derived, pa.bool_()), ARROW
    for f in RELATION_FIELDS:
        if f != "source":
            values = field_values(rels, f)
            if f == "id":
                # A 64-bit checksum of each id: the folder pass compares these
                # numbers to see that ids are unique (and strings only if not).
                from .fastcsv import id_sums

                yield "relations.idsum", id_sums(pa.array(values, pa.string())), ARROW
            if f in ("id", "source_id", "target_id"):
                yield f"relations.{f}", pa.array(values, pa.string()), ARROW
            else:
                yield (f"relations.{f}", *encode(values, EMPTY.get(f)))


def _read_part(path: Path, head: dict[str, Any], stat: list[int],
               file: Path) -> Part | None:
    """The stored part when it is intact and its file unchanged (same size
    and times, unless they were racy when the part was made: then the same
    SHA-256); None else (a damaged part is deleted, and rebuilt by the caller)."""
    from .cache import file_hash, racy

    opened = _open(path, head)
    if opened is None:
        return None
    header, tables = opened
    key = header["key"]
    if "stats_ns" not in header:
        return None
    if key[:3] != stat or racy(key, header["stats_ns"]):
        try:
            if key[0] != stat[0] or file_hash(file) != key[3]:
                return None
        except OSError:
            return None
        key = [*stat, key[3]]
    # Every column the folder pass reads is checked (CRC) now: a damaged one
    # must be found before its rows are used (the LATE ones: as they are read).
    checked = _checked(path, tables, LATE)
    if checked is None:
        return None
    column, kinds = checked
    try:
        os.utime(path)      # least recently used goes first (graph.cache.prune)
    except OSError:
        pass
    return Part(header["part"], column, kinds, key, stored=path)


def _open(path: Path, head: dict[str, Any]) -> "tuple[dict[str, Any], Any] | None":
    """The verified header of a part (or side file) and its columns function,
    when it is there and made for ``head``; None else (a damaged one is
    reported and deleted)."""
    from .cache import Damaged, open_entry

    try:
        header, tables = open_entry(path)
    except FileNotFoundError:
        return None
    except (OSError, Damaged, ValueError) as exc:
        _discard(path, exc)
        return None
    if tables is None or {k: header.get(k) for k in head} != head:
        return None
    return header, tables


def _checked(path: Path, tables: Any, later: frozenset[str] = frozenset()
             ) -> "tuple[Any, dict[str, str]] | None":
    """The columns of an opened part, every one but ``later`` CRC-checked now;
    None when one is damaged (reported, the file deleted)."""
    from .cache import Damaged

    column, kinds = tables()
    try:
        for name in kinds:
            if name not in later:
                column(name)
    except (OSError, Damaged, ValueError) as exc:
        _discard(path, exc, column.identity)
        return None
    return column, kinds


def _discard(path: Path, why: Exception, identity: tuple[int, int] | None = None) -> None:
    """Report a damaged part once on stderr and delete it (it is made again),
    if the file there is still the one found damaged."""
    import sys

    from .cache import unlink_if_same

    print(f"kg: cache part {display_path(path)} is damaged ({why}); deleted, rebuilding it",
          file=sys.stderr)
    unlink_if_same(path, identity or getattr(why, "identity", None))


def _build_part(file: Path, folder: Path, rel: str, strict: bool, stat: list[int],
                taken: int, store: Path | None, head: dict[str, Any]) -> Part | None:
    """Read one file and run the rule book on it (``store``: where to keep the
    part, keyed by ``stat``, taken at ``taken`` (time.time_ns), and the SHA-256
    of the bytes parsed); None when the file has errors of its own."""
    from .input import digests, read_key

    seen: dict[Path, str] = {}
    if store is None:
        made = _make_part(file, folder, rel, strict)
    else:
        with digests() as seen:
            made = _make_part(file, folder, rel, strict)
    if made is None:
        return None
    columns, seed = made
    from .cache import file_hash, write_entry

    try:
        # (Only a kept part needs the file's digest: a cold load keeps none.)
        key = [*stat, (seen.get(read_key(file)) or file_hash(file)) if store is not None
               else None]
    except OSError:         # replaced since it was read: the row builder says what it is
        return None
    stored = None
    if store is not None and (seed is None or seed.types is None):
        try:
            # A file that changed while it was read gets no part.
            if _stat(file, folder) == stat:
                write_entry(store, {**head, "key": key, "stats_ns": taken},
                            ((n, a, k) for n, (a, k) in columns.items()))
                stored = store
        except OSError:
            pass
    return Part(rel, lambda name: columns[name][0], {n: k for n, (_, k) in columns.items()},
                key, seed if seed is not None and seed.types is not None else None, stored)


def _make_part(file: Path, folder: Path, rel: str, strict: bool
               ) -> "tuple[dict[str, tuple[pa.Array, str]], SeedFile | None] | None":
    """A file's part columns (and its seed file when read by rows); None when
    the file has errors of its own."""
    from .builder import Builder

    from . import fastcsv

    READS.append(rel)
    # A clean CSV file: Arrow columns from pyarrow.csv to the part (graph.fastcsv's
    # Arrow lane; the other table's columns empty); any other file, or one it
    # doubts: rows.
    own = fastcsv.csv_part(file, folder) \
        if fastcsv.ENABLED and file.suffix.lower() == ".csv" else None
    seed = None
    if own is not None:
        columns = _empty_columns()
        columns.update(own)
    else:
        report = Report()
        seed = read_seed_file(file, report, folder)
        if seed is None or not report.ok:
            return None
        builder = Builder(report, strict, local=True)
        data = builder.build([seed])
        if report.errors:       # (a property: mypy would take it as narrowed above)
            return None
        assert builder.derived is not None
        columns = {name: (arr, kind) for name, arr, kind in _part_columns(data, builder.derived)}
    return columns, seed


def _empty_columns() -> dict[str, tuple["pa.Array", str]]:
    """A part's columns when its file has no rows."""
    from .builder import Builder

    builder = Builder(Report(), False, local=True)
    data = builder.build([])
    return {name: (arr, kind) for name, arr, kind in _part_columns(data, [])}


def _stat(path: Path, folder: Path) -> list[int]:
    from .cache import seed_key

    return seed_key(path, folder)


@dataclass
class Loaded:
    """A folder loaded through its parts: the dataset, each seed file's key
    (size, mtime, ctime, SHA-256) by relative path, and — when the folder pass
    made them from the parts' columns — the adjacency index, the name index
    and the cache entry's sections (so nothing is encoded twice)."""

    data: Dataset
    keys: dict[str, list[Any]] = field(default_factory=dict)
    index: "Index | None" = None
    names: "NameIndex | None" = None
    sections: "Callable[[], Iterator[tuple[str, pa.Array, str]]] | None" = None


def load_parts(seeds: str | Path, strict: bool, directory: Path | None) -> Loaded:
    """The folder through its parts (``directory``: where they are kept;
    None: build them all in memory, keep none: a cold load). Raises what
    :func:`graph.builder.load_rows` raises, with its messages: any problem
    loads the folder by the row builder."""
    loaded = _through_parts(seeds, strict, directory)
    if loaded is None:
        from .builder import load_rows

        return Loaded(load_rows(seeds, strict=strict))
    return loaded


def load_clean(seeds: str | Path, strict: bool) -> tuple[Dataset, int] | None:
    """A folder with nothing to report (no error and no warning: relation
    ends that fit their type even when not ``strict``) through its parts, and
    its number of seed files; None for any other (``kg validate`` then asks
    the row builder for the report)."""
    loaded = _through_parts(seeds, strict, None, clean=True)
    return None if loaded is None else (loaded.data, len(loaded.keys))


def _through_parts(seeds: str | Path, strict: bool, directory: Path | None,
                   clean: bool = False) -> Loaded | None:
    """:func:`load_parts`, or None when a part or the folder pass finds a
    problem (``clean``: a warning too)."""
    from functools import partial

    from .cache import Damaged

    root = Path(seeds)
    folder = root.resolve()
    if not folder.is_dir():
        return None
    parts: list[Part] = []
    files = []
    taken = time.time_ns()      # before the keys: see graph.cache.racy
    for file in seed_files(folder):
        try:
            files.append((file, _stat(file, folder)))
        except OSError:
            return None
    size = sum(stat[0] for _, stat in files)
    with gc_paused(), progress("Reading seeds", total=size, show=size >= PROGRESS_BYTES) as bar:
        for file, stat in files:
            rel = file.relative_to(folder).as_posix()
            head = _head(folder, strict, rel)
            where = part_path(directory, folder, strict, rel) if directory is not None else None
            part = _read_part(where, head, stat, file) if where is not None else None
            if part is None:
                part = _build_part(file, folder, rel, strict, stat, taken, where, head)
            if part is None:
                return None
            part.remake = partial(_build_part, file, folder, rel, strict, stat, taken, where,
                                  head)
            parts.append(part)
            bar.update(stat[0])
        try:
            loaded = assemble(parts, strict, _entry_path(folder, strict, directory),
                              fit=clean) if parts else None
        except Damaged as exc:      # a LATE column the folder pass had to read
            for p in parts:
                if p.stored is not None and getattr(p.column, "identity", 0) == exc.identity:
                    _discard(p.stored, exc, exc.identity)
            loaded = None
    if loaded is None:
        return None
    loaded.data.folder = display_path(root)
    loaded.keys = {p.rel: p.key for p in parts}
    return loaded


def _entry_path(folder: Path, strict: bool, directory: Path | None) -> Path | None:
    from .cache import GraphCache

    return None if directory is None else GraphCache(folder, strict, directory).path


def assemble(parts: list[Part], strict: bool, previous: Path | None = None,
             fit: bool = False) -> Loaded | None:
    """The folder's checks in one pass over the parts' columns, and the
    Dataset a cold load of the same files gives; None when a check fails
    (the caller then loads cold, for the report). ``previous``: the folder's
    last cache entry, whose relation ends (as entity numbers) are taken for
    the files that did not change when it numbered the same entities.
    ``fit``: ends that do not suit their relation type fail even when not
    ``strict`` (where they are warnings)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .builder import Builder

    report = Report()
    builder = Builder(report, strict)
    builder.types(p.seed for p in parts if p.seed is not None)
    schema = builder.schema
    if report.errors:
        return None

    # Entities: types known, then one id per entity (merged in file order).
    def distinct(name: str) -> set[str | None]:
        # (a part's dictionary holds the values its rows use: no decoding)
        return {v for p in parts for v in pc.unique(_values(p.column(name))).to_pylist()}

    if not distinct("entities.type") <= set(schema.entity_types):
        return None
    ids = [i for p in parts for i in p.column("entities.id").to_pylist()]
    row_of = dict(zip(ids, range(len(ids))))
    merged = len(row_of) != len(ids)
    rows = Rows(Entity, ENTITY_FIELDS, [_column(parts, f"entities.{f}") for f in ENTITY_FIELDS],
                len(ids))
    if not merged:
        entities: Any = RowMap(rows, ids, row_of)
        id_array = _joined(parts, "entities.id")[0]
        type_array = pa.chunked_array([p.strings("entities.type") for p in parts]
                                      ).combine_chunks()
    else:
        for k, entity in enumerate(rows):
            builder.merge(entity, f"row {k}", "", None)
        if report.errors:
            return None
        entities = builder.dataset.entities
        ids = list(entities)
        id_array = pa.array(ids, pa.string())
        type_array = pa.array([e.type for e in entities.values()], pa.string())

    # Relations: types known, ends known (and fitting, when strict).
    if not distinct("relations.type") <= set(schema.relation_types):
        return None
    # The ends of unchanged files as the last entry numbered them (when it
    # numbered the same ids), then one look-up (one hash table over the ids)
    # for every end of the other parts.
    id_digest = _ids_digest(id_array)
    kept = _previous_ends(previous, parts, id_digest) if not merged else [None] * len(parts)
    # Where the side files go (none when the entry copies everything: REFER off).
    sides = previous if REFER and not merged else None
    ends: dict[str, list[Any]] = {"source_id": [got and got[0] for got in kept],
                                  "target_id": [got and got[1] for got in kept]}
    todo = [k for k, got in enumerate(kept) if got is None]
    if todo:
        found = pc.index_in(pa.concat_arrays([parts[k].column(f"relations.{end}") for end in
                                              ("source_id", "target_id") for k in todo]),
                            value_set=id_array)
        if found.null_count:
            return None
        found = found.cast(pa.int32())
        at = list(accumulate((len(parts[k]) for k in todo * 2), initial=0))
        for j, (a, b) in enumerate(zip(at, at[1:])):
            end = "source_id" if j < len(todo) else "target_id"
            ends[end][todo[j % len(todo)]] = found.slice(a, b - a)
    if (strict or fit) and not _ends_fit(parts, builder, ends, type_array):
        return None

    # Ids: unique as given, else a cold load's ~2, ~3 in file order.
    def given() -> "pa.ChunkedArray":
        return pa.chunked_array([p.column("relations.id") for p in parts], pa.string())

    sums = pa.chunked_array([p.column("relations.idsum") for p in parts], pa.uint64())
    n_rel = len(sums)
    renamed = len(pc.unique(sums)) != n_rel and len(pc.unique(given())) != n_rel
    rids: list[str] = given().to_pylist() if renamed else []
    if renamed:
        derived = [d for p in parts for d in p.column("relations.derived").to_pylist()]
        where = builder.relation_where
        for k, (rid, made) in enumerate(zip(rids, derived)):
            if made:
                rid = rids[k] = builder.unique_id(rid)
            elif rid in where:
                return None
            where[rid] = k

    source_fields, code_array, source_sections = _numbered_sources(
        sides, parts)
    from .columns import ArrowColumn, ints

    sources = Rows(Source, SOURCE_FIELDS, [ArrowColumn(a) for a in source_fields],
                   len(source_fields[0]))
    columns: list[Any] = []
    for f in RELATION_FIELDS:
        if f == "id":
            columns.append(PlainColumn(rids) if renamed else _column(parts, "relations.id"))
        elif f == "source":
            columns.append(RefColumn(sources, ints(code_array)))
        else:
            columns.append(_column(parts, f"relations.{f}"))
    relations = Rows(Relation, RELATION_FIELDS, columns, n_rel)
    data = Dataset(schema, entities, relations, sources)  # type: ignore[arg-type]
    from .csr import Index, has_numpy

    if merged or not has_numpy():
        # An entity merged across files (rare), or no numpy (optional): the
        # general route builds the indexes and encodes the entry.
        return Loaded(data)

    # (here, not in sections(): damage found in a part can still send the
    # folder to the cold load; with no cache, only when an entry is written)
    field_sections = _fields(sides, parts, renamed) if previous is not None else None
    src, dst = (pa.chunked_array(ends[e], pa.int32()).combine_chunks().to_numpy()
                for e in ("source_id", "target_id"))
    index, adjacency = _adjacency(sides, ids, id_array, id_digest, src, dst)
    names, name_sections = _name_index(sides, parts, len(ids))

    def sections() -> Iterator[tuple[str, "pa.Array", str]]:
        """The cache entry's sections, from the parts' arrays."""
        # entities.*, relations.* but the ends and the sources
        yield from (field_sections if field_sections is not None
                    else _fields(None, parts, renamed))
        if renamed:
            yield "relations.id", pa.array(rids, pa.string()), ARROW
        yield from source_sections
        yield from adjacency[:2]       # relations.source_id, relations.target_id
        yield from adjacency[2:]       # index.*
        yield from name_sections
        from .cache import HEADER

        # Which rows of relations.source_id/target_id each file's relations
        # are, and the ids they number (for the next edit: see _previous_ends).
        at = list(accumulate(map(len, parts), initial=0))
        yield "parts.ends", {"ids": id_digest, "files": [[p.rel, p.key[3], a, len(p)]
                                                         for p, a in zip(parts, at)]}, HEADER

    return Loaded(data, index=index, names=names, sections=sections)


def _fields(entry: Path | None, parts: list[Part], renamed: bool
            ) -> list[tuple[str, Any, str]]:
    """The entry's entity and relation field sections (but the ends, the
    sources and, when ``renamed``, the relation ids): references to the
    parts' sections where it can (:func:`_referable`: the large text
    columns), and the others (dictionary-coded or typed differently across
    parts) joined, with kg stats's counts by type, in the side files
    ``<entry>.entities.kgp`` and ``<entry>.relations.kgp`` (see
    :func:`_by_parts`): an edit that changes none of a table's (a
    description, evidence, a name) writes none of them again."""
    import pyarrow as pa

    from .cache import PartRef

    out: list[tuple[str, Any, str]] = []
    for table, fields in (("entities", ENTITY_FIELDS), ("relations", RELATION_FIELDS)):
        names = [f"{table}.{f}" for f in fields
                 if f not in ("source", "source_id", "target_id")
                 and not (renamed and f"{table}.{f}" == "relations.id")]
        referred = [n for n in names if _referable(parts, n)]
        copied = [n for n in names if n not in referred]
        out += [(n, PartRef([(cast(Path, p.stored).name, p.key[3], n) for p in parts]),
                 parts[0].kinds[n]) for n in referred]

        def make(table: str = table, copied: list[str] = copied
                 ) -> list[tuple[str, Any, str]]:
            # kg stats's counts by type, as graph.columns.count_columns writes them.
            counts = _counts([p.column(f"{table}.type") for p in parts])
            return [*((n, *_joined(parts, n)) for n in copied),
                    (f"counts.{table}.type", pa.array([json.dumps(counts)], pa.string()), ARROW)]

        out += _by_parts(entry, table, parts, tuple(sorted({*copied, f"{table}.type"})), make)[1]
    return out


def _adjacency(entry: Path | None, ids: list[str], id_array: "pa.Array", id_digest: str,
               src: Any, dst: Any) -> "tuple[Index, list[tuple[str, Any, str]]]":
    """The folder's adjacency index and the entry's sections for it (the
    relation ends as entity rows, ``index.*``).

    They depend only on the entity ids in order and the ends, so they are kept
    in a side file beside the entry (``<entry>.index.kgp``, a part's format),
    keyed by a digest of both: after an edit that moves no relation end (a
    description, evidence, a name, an entity added at the end of no file's
    ends...), the index is read from it (every section CRC-checked, like a
    part) instead of sorted again, and the entry refers to its sections
    instead of copying them. Any other edit builds the index and writes the
    side file again. ``entry``: the folder's entry (None: no cache, the
    sections are the arrays)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from . import __version__
    from .cache import FORMAT
    from .columns import index_columns, view_ints
    from .csr import Index

    def made() -> "tuple[Index, list[tuple[str, Any, str]]]":
        index = Index.from_rows(ids, src, dst, pc.sort_indices(id_array).to_numpy())
        return index, [("relations.source_id", pa.array(src, pa.int32()), ARROW),
                       ("relations.target_id", pa.array(dst, pa.int32()), ARROW),
                       *index_columns(index, index.order, len(ids), len(src))]

    if entry is None:
        return made()
    h = hashlib.blake2b(f"{__version__}\0{FORMAT}\0{id_digest}\0{len(src)}".encode(),
                        digest_size=20)
    h.update(np.ascontiguousarray(src, np.int32).tobytes())
    h.update(np.ascontiguousarray(dst, np.int32).tobytes())
    digest = h.hexdigest()
    path = side_path(entry, "index")
    head = {"format": FORMAT, "version": __version__, "part": "\0index"}
    # The side file there: this digest's (read), or the same ids' with other
    # ends (patched: Index.patched), else none of use (built).
    opened = _open(path, head)
    found = _checked(path, opened[1]) if opened is not None and (
        opened[0].get("ids") == id_digest) else None
    if found is not None:
        body, kinds = found

        def numbers(name: str) -> "Callable[[], Any]":
            return lambda: view_ints(body(name))

        order = numbers("index.order")

        def sorted_ids() -> list[str]:
            return list(map(ids.__getitem__, order()))

        index = Index(sorted_ids, numbers("index.inc_off"), numbers("index.inc"),
                      numbers("index.inc_other"), numbers("index.nbr_off"),
                      numbers("index.nbr"),
                      components=lambda: list(view_ints(body("index.components"))),
                      order=order, ranked=numbers("index.ranked"))
        if cast(Any, opened)[0]["key"][3] == digest:
            return index, _referred(path, digest, kinds.items())
        index = index.patched(body("relations.source_id").to_numpy(),
                              body("relations.target_id").to_numpy(), src, dst)
        sections = [("relations.source_id", pa.array(src, pa.int32()), ARROW),
                    ("relations.target_id", pa.array(dst, pa.int32()), ARROW),
                    *index_columns(index, index.order, len(ids), len(src))]
    else:
        index, sections = made()
    return index, _kept(path, {**head, "ids": id_digest}, digest, sections)


def _name_index(entry: Path | None, parts: list[Part], n_ent: int
                ) -> "tuple[NameIndex, list[tuple[str, Any, str]]]":
    """The folder's name index and the entry's ``names.*`` sections, kept in
    the side file ``<entry>.names.kgp`` (see :func:`_by_parts`): an edit that
    changes no name, alias or id reads them instead of sorting the labels."""
    from .columns import name_columns, names_from_columns

    made: list["NameIndex"] = []

    def make() -> list[tuple[str, Any, str]]:
        made.append(_names(parts))
        return list(name_columns(made[0], n_ent))

    found, sections = _by_parts(entry, "names", parts,
                                ("names.text", "names.row", "names.slot"), make)
    return (made[0] if found is None else names_from_columns(*found)), sections


def _by_parts(entry: Path | None, what: str, parts: list[Part], inputs: tuple[str, ...],
              make: "Callable[[], list[tuple[str, Any, str]]]"
              ) -> "tuple[Any, list[tuple[str, Any, str]]]":
    """Sections made from the parts' columns ``inputs`` alone (``make()``),
    kept in the side file ``<entry>.<what>.kgp`` (like the adjacency, see
    :func:`_adjacency`) keyed by a digest of those columns: a digest per part,
    kept in the side file's header by seed file and SHA-256, so only the
    parts of changed files are hashed. Gives the side file's columns and
    kinds when they were read (else None), and the entry's sections:
    references to the side file, or the arrays when there is no cache."""
    from . import __version__
    from .cache import FORMAT

    if entry is None:
        return None, make()
    path = side_path(entry, what)
    head = {"format": FORMAT, "version": __version__, "part": f"\0{what}",
            "inputs": list(inputs)}
    opened = _open(path, head)
    known: dict[tuple[str, str], str] = {}
    if opened is not None:
        try:
            known = {(rel, sha): d for rel, sha, d in opened[0].get("files", [])}
        except (TypeError, ValueError):
            known = {}
    files = [[p.rel, p.key[3], known.get((p.rel, p.key[3])) or _columns_digest(p, inputs)]
             for p in parts]
    h = hashlib.blake2b(json.dumps([[rel, d] for rel, _, d in files]).encode(), digest_size=20)
    digest = h.hexdigest()
    found = _checked(path, opened[1]) if opened is not None and \
        opened[0].get("key", [None] * 4)[3] == digest else None
    if found is not None:
        return found, _referred(path, digest, found[1].items())
    return None, _kept(path, {**head, "files": files}, digest, make())


def _columns_digest(part: Part, names: tuple[str, ...]) -> str:
    """A digest of some columns of one part: each one's Arrow stream (type,
    nulls, values; equal streams are equal columns, and a column written
    another way only costs a remake)."""
    from .cache import ipc_bytes

    h = hashlib.blake2b(digest_size=20)
    for name in names:
        stream = ipc_bytes(part.column(name))
        h.update(f"{name}\0{stream.size}\n".encode())
        h.update(memoryview(stream))
    return h.hexdigest()


def _kept(path: Path, header: dict[str, Any], digest: str,
          sections: list[tuple[str, Any, str]]) -> list[tuple[str, Any, str]]:
    """Write ``sections`` to the side file ``path`` (keyed by ``digest``) and
    give the entry's references to them; the sections themselves when the
    file cannot be written (the entry then holds them)."""
    from .cache import write_entry

    try:
        write_entry(path, {**header, "key": [0, 0, 0, digest]}, sections)
    except OSError:
        return sections
    return _referred(path, digest, ((name, kind) for name, _, kind in sections))


def _referred(path: Path, digest: str, kinds: Iterable[tuple[str, str]]
              ) -> list[tuple[str, Any, str]]:
    """The entry's sections referring to those of the side file ``path``."""
    from .cache import PartRef

    return [(name, PartRef([(path.name, digest, name)]), kind) for name, kind in kinds]


def side_path(entry: Path, what: str) -> Path:
    """A file kept beside the folder's entry and referred to by it (a part's
    format and suffix: pruned with the entry, see graph.cache.prune)."""
    from .cache import PART_SUFFIX

    return entry.with_name(f"{entry.stem}.{what}{PART_SUFFIX}")


def _values(arr: "pa.Array") -> "pa.Array":
    """The values a column can hold: a dictionary column's dictionary."""
    import pyarrow as pa

    return arr.dictionary if pa.types.is_dictionary(arr.type) else arr


def _counts(arrays: "list[pa.Array]") -> dict[str, int]:
    """How many rows of the arrays hold each value (Arrow value_counts)."""
    import pyarrow.compute as pc

    out: dict[str, int] = {}
    for arr in arrays:
        found = pc.value_counts(arr)
        for value, n in zip(found.field(0).to_pylist(), found.field(1).to_pylist()):
            out[value] = out.get(value, 0) + n
    return out


def _ids_digest(ids: Any) -> str:
    """A digest of the folder's entity ids in order (a string array, chunked
    or not): their lengths and bytes, whatever the chunks."""
    import pyarrow as pa
    import pyarrow.compute as pc

    h = hashlib.blake2b(digest_size=20)
    for chunk in (ids.chunks if isinstance(ids, pa.ChunkedArray) else [ids]):
        if chunk.type != pa.string():
            chunk = chunk.cast(pa.string())
        if not len(chunk):
            continue
        lengths = pc.binary_length(chunk).cast(pa.int32())
        h.update(memoryview(lengths.buffers()[1])[4 * lengths.offset:4 * (lengths.offset +
                                                                           len(lengths))])
        offsets = memoryview(chunk.buffers()[1]).cast("i")
        data = chunk.buffers()[2]
        if data is not None:
            h.update(memoryview(data)[offsets[chunk.offset]:offsets[chunk.offset + len(chunk)]])
    return h.hexdigest()


def _previous_ends(entry: Path | None, parts: list[Part], id_digest: str
                   ) -> "list[tuple[pa.Array, pa.Array] | None]":
    """For each part, its relations' (source, target) entity numbers as the
    folder's last entry holds them, when that entry numbered the same ids
    (``id_digest``) and the part's seed file is the one it was built from
    (same path and SHA-256); None for the others (and for all when there is
    no usable entry: a damaged one is left to the cache's own checks)."""
    from .cache import Damaged, Stale, open_entry

    out: "list[tuple[pa.Array, pa.Array] | None]" = [None] * len(parts)
    if entry is None:
        return out
    try:
        header, columns = open_entry(entry)
        info = header.get("parts.ends")
        if columns is None or not isinstance(info, dict) or info["ids"] != id_digest:
            return out
        rows = {(rel, digest): (int(a), int(n)) for rel, digest, a, n in info["files"]}
        body = columns()[0]
        src = tgt = None
        for k, p in enumerate(parts):
            a, n = rows.get((p.rel, p.key[3]), (0, -1))
            if n != len(p):
                continue
            if src is None:
                src, tgt = body("relations.source_id"), body("relations.target_id")
            out[k] = (src.slice(a, n), cast(Any, tgt).slice(a, n))
    except (OSError, Damaged, Stale, KeyError, ValueError, TypeError):
        return [None] * len(parts)
    return out


def _numbered_sources(entry: Path | None, parts: list[Part]
                      ) -> "tuple[list[pa.Array], pa.Array, list[tuple[str, Any, str]]]":
    """:func:`_sources` and the entry's sections for them: the folder's
    sources (``sources.*``) and the folder's number of each part's sources
    kept in the side file ``<entry>.sources.kgp`` (see :func:`_by_parts`,
    keyed by the parts' sources: an edit that touches no source reads them),
    each relation's number (``relations.source``) made from the parts'
    numbers (a take per part) every time."""
    from .csr import has_numpy

    if not has_numpy():         # (no entry is written from the parts without it)
        fields, codes = _sources(parts)
        return fields, codes, [*((f"sources.{f}", arr, ARROW)
                                 for f, arr in zip(SOURCE_FIELDS, fields)),
                               ("relations.source", codes, ARROW)]
    made: list[Any] = []

    def make() -> list[tuple[str, Any, str]]:
        made.extend(_source_table(parts))
        return [*((f"sources.{f}", arr, ARROW) for f, arr in zip(SOURCE_FIELDS, made[0])),
                ("sources.number", made[1], ARROW)]

    found, kept = _by_parts(entry, "sources", parts,
                            tuple(f"sources.{f}" for f in SOURCE_FIELDS), make)
    if found is None:
        fields, number = made
    else:
        fields = [found[0](f"sources.{f}") for f in SOURCE_FIELDS]
        number = found[0]("sources.number")
    codes = _source_codes(parts, number)
    # (the parts' numbers are for the next edit: the entry does not read them)
    return fields, codes, [*(k for k in kept if k[0] != "sources.number"),
                           ("relations.source", codes, ARROW)]


def _sources(parts: list[Part]) -> tuple[list["pa.Array"], "pa.Array"]:
    """The folder's sources (one array per field) numbered in order of first
    use, file after file, as a cold load numbers them; and each relation's
    source number (0: none). Each part lists its sources in its own order of
    first use, so the folder's order is their first appearance in the parts'
    lists one after the other."""
    import pyarrow as pa

    from .csr import has_numpy

    if not has_numpy():
        fields = [pa.concat_arrays([p.strings(f"sources.{f}").cast(pa.string()) for p in parts])
                  for f in SOURCE_FIELDS]
        return _sources_by_dict(parts, fields)
    fields, number = _source_table(parts)
    return fields, _source_codes(parts, number)


def _source_table(parts: list[Part]) -> tuple[list["pa.Array"], "pa.Array"]:
    """The folder's sources (see :func:`_sources`) and the folder's number of
    each part's sources, one part after the other after a leading 0 (numpy)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    fields = [pa.concat_arrays([p.strings(f"sources.{f}").cast(pa.string()) for p in parts])
              for f in SOURCE_FIELDS]

    n = len(fields[0])
    if n:
        # Each field as codes (null: -1), then each distinct row of codes.
        coded = [f.dictionary_encode() for f in fields]
        codes = [pc.fill_null(c.indices, -1).to_numpy().astype(np.int64) + 1 for c in coded]
        sizes = [len(c.dictionary) + 1 for c in coded]
        if float(np.prod(np.array(sizes, np.float64))) < 2.0**62:
            key = codes[0]      # the four codes as one number: a 1-D unique
            for c, size in zip(codes[1:], sizes[1:]):
                key = key * size + c
            _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        else:
            _, first, inverse = np.unique(np.stack(codes, axis=1), axis=0, return_index=True,
                                          return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(order), np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        number = np.concatenate([[0], rank[inverse.reshape(-1)] + 1]).astype(np.int32)
        keep = pa.array(first[order])
        fields = [f.take(keep) for f in fields]
    else:
        number = np.zeros(1, np.int32)
    return fields, pa.array(number, pa.int32())


def _source_codes(parts: list[Part], number: "pa.Array") -> "pa.Array":
    """Each relation's source number, from each part's own (see
    :func:`_source_table` for ``number``)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    folder = number.to_numpy()
    local, base = [], 0
    for p in parts:
        n = len(p.column("sources.url"))
        table = np.concatenate([[0], folder[base + 1:base + 1 + n]]).astype(np.int32)
        base += n
        local.append(pc.take(pa.array(table), p.column("relations.source")))
    return pa.chunked_array(local, pa.int32()).combine_chunks()


def _sources_by_dict(parts: list[Part], fields: list["pa.Array"]
                     ) -> tuple[list["pa.Array"], "pa.Array"]:
    """:func:`_sources` by a Python dict (numpy, optional, missing)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    number: dict[tuple[Any, ...], int] = {}
    table = [0] + [number.setdefault(s, len(number) + 1)
                   for s in zip(*[f.to_pylist() for f in fields])]
    local, base = [], 0
    for p in parts:
        n = len(p.column("sources.url"))
        codes = pa.array([0] + table[base + 1:base + 1 + n], pa.int32())
        local.append(pc.take(codes, p.column("relations.source")))
        base += n
    keys = list(number)
    out = [pa.array(list(c) if keys else [], pa.string()) for c in
           (zip(*keys) if keys else [[]] * len(SOURCE_FIELDS))]
    return out, pa.chunked_array(local, pa.int32()).combine_chunks()


def _column(parts: list[Part], name: str) -> Any:
    """One field of every part as one row-indexable column; a type column
    counts its values by Arrow (``kg stats`` right after an edit: no Counter
    over a million codes)."""
    if not name.endswith(".type"):
        return ConcatColumn([p.decoded(name) for p in parts])
    from collections import Counter

    from .columns import LazyColumn

    return LazyColumn(lambda: ConcatColumn([p.decoded(name) for p in parts]),
                      counts=lambda: Counter(_counts([p.column(name) for p in parts])))


def _referable(parts: list[Part], name: str) -> bool:
    """Whether the entry can refer to the parts' sections ``name`` (every part
    kept in the cache, one kind and type, not dictionary-encoded)."""
    import pyarrow as pa

    if not (REFER and all(p.stored is not None for p in parts)):
        return False
    types = {(p.kinds[name], p.arrow_type(name)) for p in parts}
    return len(types) == 1 and not pa.types.is_dictionary(next(iter(types))[1])


def _joined(parts: list[Part], name: str) -> tuple[Any, str]:
    """One column of every part as one array and its kind: Arrow's concat
    when the parts agree on kind and type (an all-null part fits any), else
    the values encoded again (graph.columns.encode)."""
    import pyarrow as pa

    from .columns import encode

    arrays = [p.column(name) for p in parts]
    coded = any(pa.types.is_dictionary(a.type) for a in arrays)
    plain = [a.dictionary_decode() if pa.types.is_dictionary(a.type) else a for a in arrays]
    typed = [(p.kinds[name], a.type) for p, a in zip(parts, plain) if a.null_count < len(a)]
    if coded and len(set(typed)) == 1 and typed[0][1] == pa.string():
        # One dictionary for all parts (null a value in it, as graph.columns
        # encodes), each part's codes mapped into it: no value decoded.
        import pyarrow.compute as pc

        table: dict[Any, int] = {}
        codes = []
        for a in arrays:
            d = a if pa.types.is_dictionary(a.type) \
                else a.cast(pa.string()).dictionary_encode(null_encoding="encode")
            mapping = [table.setdefault(v, len(table)) for v in d.dictionary.to_pylist()]
            codes.append(pc.take(pa.array(mapping, pa.int32()), d.indices))
        return pa.DictionaryArray.from_arrays(
            pa.concat_arrays(codes), pa.array(list(table), pa.string())), typed[0][0]
    if len(set(typed)) <= 1:
        # All null: JSON nulls stand for empty mappings, Arrow nulls for None.
        kind, typ = typed[0] if typed else (
            JSON if any(p.kinds[name] == JSON for p, a in zip(parts, plain) if len(a))
            else ARROW, plain[0].type)
        out = pa.concat_arrays([a if a.type == typ else pa.nulls(len(a), typ) for a in plain])
        return (out.dictionary_encode() if coded else out), kind
    values = ConcatColumn([p.decoded(name) for p in parts]).values()
    return encode(values, EMPTY.get(name.split(".", 1)[1]))


def _names(parts: list[Part]) -> "NameIndex":
    """The folder's name index from the parts' labels: rows numbered across
    the parts, then one stable sort by length (as NameIndex.build orders
    them), the labels joined by Arrow (each label and its "\\n" one string:
    their offsets are the index's starts)."""
    from array import array

    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from .names import NameIndex

    texts = pa.chunked_array([p.column("names.text") for p in parts], pa.string())
    if not len(texts):
        return NameIndex.from_parts([], [], [], [])
    base = list(accumulate((len(p.column("entities.id")) for p in parts), initial=0))
    rows = np.concatenate([p.column("names.row").to_numpy().astype(np.int32) + b
                           for p, b in zip(parts, base)])
    slots = np.concatenate([p.column("names.slot").to_numpy() for p in parts])
    lengths = pc.utf8_length(texts).to_numpy().astype(np.int32)
    order = np.argsort(lengths, kind="stable")
    lines = pc.binary_join_element_wise(texts.take(pa.array(order)), "", "\n"
                                        ).combine_chunks().cast(pa.large_string())
    offsets = np.frombuffer(lines.buffers()[1], np.int64)[lines.offset:lines.offset + len(lines) + 1]
    body = lines.buffers()[2]
    blob = body[offsets[0]:offsets[-1] - 1].to_pybytes()

    def ints(values: "np.ndarray[Any, Any]", code: str) -> "array[int]":
        out = array(code)
        out.frombytes(np.ascontiguousarray(values).tobytes())
        return out

    return NameIndex(blob, ints(offsets - offsets[0], "q"), ints(lengths[order], "i"),
                     ints(rows[order], "i"), ints(slots[order].astype(np.int32), "i"))


def _ends_fit(parts: list[Part], builder: Any, ends: dict[str, list["pa.Array"]],
              type_array: "pa.Array") -> bool:
    """Whether every relation's end types suit its type (each distinct
    (type, from type, to type) checked once)."""
    import pyarrow as pa

    rtypes = builder.schema.relation_types
    for k, p in enumerate(parts):
        if not len(p):
            continue
        table = pa.table({"t": p.strings("relations.type"),
                          "a": type_array.take(ends["source_id"][k]),
                          "b": type_array.take(ends["target_id"][k])})
        triples = table.group_by(["t", "a", "b"]).aggregate([]).to_pylist()
        if not all(builder.ends_fit(rtypes[r["t"]], r["a"], r["b"]) for r in triples):
            return False
    return True
