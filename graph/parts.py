"""The incremental cache: one part per seed file, one pass over the folder.

A *part* is what one seed file gives after the rule book (every field rule,
:class:`graph.loader.Builder` with ``local=True``), as Arrow columns in a
checksummed cache file (:func:`graph.cache.write_entry`) keyed by the file's
size, mtime and ctime and, when those changed, its SHA-256. Loading a folder
reads each part whose file is unchanged (memory map, no parsing) and reads,
checks and stores again only the files that changed, were added or renamed.

Then the checks that need the whole folder run ONCE over the parts' columns
(:func:`assemble`), in the order a cold load makes them: the types sections
(files with a ``types`` section are read every time: the schema needs them,
and they are small), entity types known, an entity merged across files,
relation types known, both ends known (Arrow ``is_in``), end types that fit
(``--strict``), ids unique (repeats of a content id get ``~2``, ``~3`` in
file order as a cold load gives them), sources numbered in order of first
use. The result is the Dataset a cold load makes, row for row.

Whenever a part or the folder pass finds anything wrong, the folder is
loaded cold instead (:func:`graph.loader.load_dataset`), so the errors — and
their ``path:line`` — are exactly a cold load's. A part is kept only for a
file that loads without errors of its own.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .bulk import ConcatColumn, PlainColumn, RefColumn, RowMap, Rows, field_values, gc_paused
from .model import (ENTITY_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity, Relation,
                    Source)
from .seedio import SeedFile, display_path, read_seed_file, seed_files
from .validate import Report

if TYPE_CHECKING:
    import pyarrow as pa

EMPTY: dict[str, type] = {"aliases": list, "tags": list, "properties": dict}

# How many seed files were read (parsed) by this module: a test hook showing
# that an unchanged file is not read again.
READS: list[str] = []


class Part:
    """One seed file's columns (``column(name)``, ``kinds``), its SeedFile when
    it has a ``types`` section, and its key (size, mtime, ctime, SHA-256)."""

    def __init__(self, rel: str, column: Callable[[str], "pa.Array"], kinds: dict[str, str],
                 key: list[Any], seed: SeedFile | None = None) -> None:
        self.rel, self.column, self.kinds, self.key, self.seed = rel, column, kinds, key, seed

    def decoded(self, name: str) -> Any:
        """The column ``name`` as a row-indexable column (graph.columns.decode)."""
        from .columns import decode

        return decode(self.column(name), self.kinds[name], EMPTY.get(name.split(".", 1)[1]))

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

    from .columns import ARROW, encode

    for f in ENTITY_FIELDS:
        yield (f"entities.{f}", *encode(field_values(data.entities, f), EMPTY.get(f)))
    for f in SOURCE_FIELDS:
        yield (f"sources.{f}", *encode(field_values(data.sources, f)))
    rels: Any = data.relations
    codes = rels.column("source").codes
    yield "relations.source", pa.array(codes, pa.int32()), ARROW
    yield "relations.derived", pa.array(derived, pa.bool_()), ARROW
    for f in RELATION_FIELDS:
        if f != "source":
            values = field_values(rels, f)
            if f in ("id", "source_id", "target_id", "type"):
                yield f"relations.{f}", pa.array(values, pa.string()), ARROW
            else:
                yield (f"relations.{f}", *encode(values, EMPTY.get(f)))


def _read_part(path: Path, head: dict[str, Any], stat: list[int],
               file: Path) -> Part | None:
    """The stored part when it is intact and its file unchanged; None else
    (a damaged part is deleted, and rebuilt by the caller)."""
    from .cache import Damaged, file_hash, open_entry

    try:
        header, tables = open_entry(path)
    except FileNotFoundError:
        return None
    except (OSError, Damaged, ValueError):
        _unlink(path)
        return None
    if tables is None or {k: header.get(k) for k in head} != head:
        return None
    key = header["key"]
    if key[:3] != stat:
        if key[0] != stat[0] or file_hash(file) != key[3]:
            return None
        key = [*stat, key[3]]
    try:
        column, kinds = tables()
        # Every column is checked (CRC) now: the folder pass reads them all
        # anyway, and a damaged one must be found before its rows are used.
        for name in kinds:
            column(name)
    except (OSError, Damaged, ValueError):
        _unlink(path)
        return None
    try:
        os.utime(path)      # least recently used goes first (graph.cache.prune)
    except OSError:
        pass
    return Part(header["part"], column, kinds, key)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _build_part(file: Path, folder: Path, rel: str, strict: bool, stat: list[int],
                store: Path | None, head: dict[str, Any]) -> Part | None:
    """Read one file and run the rule book on it (``store``: where to keep the
    part); None when the file has errors of its own."""
    from .cache import file_hash, write_entry
    from .loader import Builder

    READS.append(rel)
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
    key = [*stat, file_hash(file)]
    if store is not None and seed.types is None:
        try:
            # A file that changed while it was read gets no part.
            if _stat(file) == stat:
                write_entry(store, {**head, "key": key},
                            ((n, a, k) for n, (a, k) in columns.items()))
        except OSError:
            pass
    return Part(rel, lambda name: columns[name][0], {n: k for n, (_, k) in columns.items()},
                key, seed if seed.types is not None else None)


def _stat(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def load_parts(seeds: str | Path, strict: bool, directory: Path | None
               ) -> tuple[Dataset, dict[str, list[Any]]]:
    """The folder's Dataset through its parts (``directory``: where they are
    kept; None: build them all, keep none), and each file's key (size, mtime,
    ctime, SHA-256) by relative path. Raises what :func:`graph.loader.load_dataset`
    raises, with its messages: any problem loads the folder cold."""
    from .loader import load_dataset

    root = Path(seeds)
    folder = root.resolve()
    if not folder.is_dir():
        return load_dataset(seeds, strict=strict), {}
    parts: list[Part] = []
    with gc_paused():
        for file in seed_files(folder):
            rel = file.relative_to(folder).as_posix()
            try:
                stat = _stat(file)
            except OSError:
                return load_dataset(seeds, strict=strict), {}
            head = _head(folder, strict, rel)
            where = part_path(directory, folder, strict, rel) if directory is not None else None
            part = _read_part(where, head, stat, file) if where is not None else None
            if part is None:
                part = _build_part(file, folder, rel, strict, stat, where, head)
            if part is None:
                return load_dataset(seeds, strict=strict), {}
            parts.append(part)
        data = assemble(parts, strict) if parts else None
    if data is None:
        return load_dataset(seeds, strict=strict), {}
    data.folder = display_path(root)
    return data, {p.rel: p.key for p in parts}


def assemble(parts: list[Part], strict: bool) -> Dataset | None:
    """The folder's checks in one pass over the parts' columns, and the
    Dataset a cold load of the same files gives; None when a check fails
    (the caller then loads cold, for the report)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .loader import Builder

    report = Report()
    builder = Builder(report, strict)
    builder.types(p.seed for p in parts if p.seed is not None)
    schema = builder.schema
    if not report.ok:
        return None

    # Entities: types known, then one id per entity (merged in file order).
    def distinct(name: str) -> set[str | None]:
        return {v for p in parts for v in pc.unique(p.strings(name)).to_pylist()}

    if not distinct("entities.type") <= set(schema.entity_types):
        return None
    ids = [i for p in parts for i in p.column("entities.id").to_pylist()]
    first = dict.fromkeys(ids)
    entity_columns = [ConcatColumn([p.decoded(f"entities.{f}") for p in parts])
                      for f in ENTITY_FIELDS]
    rows = Rows(Entity, ENTITY_FIELDS, entity_columns, len(ids))
    if len(first) == len(ids):
        entities: Any = RowMap(rows, ids)
        id_array = pa.chunked_array([p.column("entities.id") for p in parts]).combine_chunks()
        type_array = pa.chunked_array([p.strings("entities.type") for p in parts]
                                      ).combine_chunks()
    else:
        for k, entity in enumerate(rows):
            builder.merge(entity, f"row {k}", "", None)
        if report.errors:
            return None
        entities = builder.dataset.entities
        id_array = pa.array(list(entities), pa.string())
        type_array = pa.array([e.type for e in entities.values()], pa.string())

    # Relations: types known, ends known (and fitting, when strict).
    if not distinct("relations.type") <= set(schema.relation_types):
        return None
    for p in parts:
        for end in ("relations.source_id", "relations.target_id"):
            if len(p) and not pc.all(pc.is_in(p.column(end), value_set=id_array)).as_py():
                return None
    if strict and not _ends_fit(parts, builder, id_array, type_array):
        return None

    # Ids: unique as given, else a cold load's ~2, ~3 in file order.
    rids = [i for p in parts for i in p.column("relations.id").to_pylist()]
    if len(set(rids)) != len(rids):
        derived = [d for p in parts for d in p.column("relations.derived").to_pylist()]
        where = builder.relation_where
        for k, (rid, made) in enumerate(zip(rids, derived)):
            if made:
                rid = rids[k] = builder.unique_id(rid)
            elif rid in where:
                return None
            where[rid] = k

    # Sources: numbered in order of first use, file after file.
    number: dict[tuple[Any, ...], int] = {}
    codes: list[Any] = []
    for p in parts:
        local = list(zip(*[p.column(f"sources.{f}").to_pylist() for f in SOURCE_FIELDS]))
        table = [0] + [number.setdefault(s, len(number) + 1) for s in local]
        codes.append(pc.take(pa.array(table, pa.int32()), p.column("relations.source")))
    keys = list(number)
    sources = Rows(Source, SOURCE_FIELDS,
                   [PlainColumn(list(c)) for c in zip(*keys)] if keys
                   else [PlainColumn([]) for _ in SOURCE_FIELDS], len(keys))
    from .columns import ints

    source_codes = ints(pa.chunked_array(codes, pa.int32()).combine_chunks())
    columns: list[Any] = []
    for f in RELATION_FIELDS:
        if f == "id":
            columns.append(PlainColumn(rids))
        elif f == "source":
            columns.append(RefColumn(sources, source_codes))
        else:
            columns.append(ConcatColumn([p.decoded(f"relations.{f}") for p in parts]))
    relations = Rows(Relation, RELATION_FIELDS, columns, len(rids))
    return Dataset(schema, entities, relations, sources)  # type: ignore[arg-type]


def _ends_fit(parts: list[Part], builder: Any, id_array: "pa.Array",
              type_array: "pa.Array") -> bool:
    """Whether every relation's end types suit its type (each distinct
    (type, from type, to type) checked once)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rtypes = builder.schema.relation_types
    for p in parts:
        if not len(p):
            continue
        a = pc.take(type_array, pc.index_in(p.column("relations.source_id"), value_set=id_array))
        b = pc.take(type_array, pc.index_in(p.column("relations.target_id"), value_set=id_array))
        table = pa.table({"t": p.strings("relations.type"), "a": a, "b": b})
        triples = table.group_by(["t", "a", "b"]).aggregate([]).to_pylist()
        if not all(builder.ends_fit(rtypes[r["t"]], r["a"], r["b"]) for r in triples):
            return False
    return True
