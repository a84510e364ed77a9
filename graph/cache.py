"""On-disk cache of loaded seed folders: data only, checksummed, bounded.

Where: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg-explorer/graphs``, else
``~/.cache/kg-explorer/graphs`` (``kg cache path`` prints it) — never inside
the seed folder. One entry per (folder, ``--strict``), named from the folder's
absolute path, ``<key>.kgc``, and one *part* per seed file, ``<key>.kgp``
(:mod:`graph.parts`: that file's rows after the rule book, in the same
format). When a seed file changes, only its part is made again; the folder's
entry is then remade from the parts' columns, and it *refers* to the parts'
large columns (``refs`` in its header: part file, the seed file's SHA-256,
section) instead of copying them; what the folder pass derives (the
adjacency, the name index, the sources, the field columns it cannot refer
to in the parts) is kept the same way in side files beside the entry,
``<key>.index.kgp``, ``.names.kgp``, ``.sources.kgp``, ``.entities.kgp``,
``.relations.kgp`` (graph/parts.py: part-format files keyed by a digest of
their inputs, so an edit remakes only what it changes). Every referred part is opened (mapped)
with the entry, so a command reads one version of each even when another
``kg`` run rewrites a part meanwhile; a referred part that is gone or holds
other rows makes the entry a miss. The name index's trigram posting lists
are in a third kind of file, ``<key>.kgt``, made on the first fuzzy lookup
that needs them and keyed by a digest of the labels (``GraphCache._trigrams``).

An entry is one file::

    b"KGCACHE\x01"  magic and format
    body             one Arrow IPC stream per column (graph/columns.py),
                     64-byte aligned, written a column at a time
    header           JSON: program version, folder, strict flag, schema, the
                     seed files (relative path, size, mtime, ctime, SHA-256),
                     the entity count, each column's offset, length, kind and
                     CRC-32 (over the column and the padding before it; for a
                     column of more than one 64 KiB block, one CRC-32 per
                     block instead), and the columns referred to in parts or
                     side files (checked by their CRCs)
    trailer          header length (8 bytes), header SHA-256 (32), the magic

Reading it parses JSON and Arrow only: nothing in it can run code (there is
no pickle anywhere). The file is memory-mapped and every byte is checked
before it is used: the header against its SHA-256 when the entry is opened,
each column against its CRC-32 when a query first needs it (the sections
must tile the body, so no byte escapes a check). A warm ``kg stats`` reads
the degree offsets, component sizes and type codes, not the 160 MB of
relation ids and evidence text. The CRC is there to catch damage (a flipped
bit, a cut-short write), not forgery — anyone who can write the file can also
fix its sums, and safety against that comes from the format, which holds data
only. An entry that fails (bad magic, a flipped byte, a cut-short file) is
reported once on stderr, deleted and rebuilt — also when the failing column
is first read in the middle of a command: that command then takes the column
from a fresh load of the folder (same rows, same order), so its answer is
right, and the fresh load is written as the new entry. The seed files are
compared by size, mtime and ctime (a file whose times changed is hashed and
compared by content), so a warm start reads no seed file.

Writes go to a temporary file renamed into place (:func:`os.replace` is
atomic): concurrent ``kg`` runs race only to write equal good files, and a
reader keeps the file it mapped. A hit marks the entry used (its mtime);
after each write the directory is pruned, least recently used first, to
``$KG_CACHE_MAX_BYTES`` (default 2 GiB; the newest entry is always kept): an
entry goes together with the parts it refers to (their use is the entry's),
so no entry is left referring to a pruned part.

Only folders without errors get an entry (``load_dataset`` raises before);
a part is kept for each file without errors of its own, also in a folder
whose other files (or cross-file checks) fail, so fixing those re-reads only
them. ``kg validate`` never reads the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Sequence

from . import __version__
from .model import Dataset
from .input import digests, read_key
from .seedio import seed_files

if TYPE_CHECKING:
    import pyarrow as pa

    from .names import NameIndex, Trigrams
    from .csr import Index

FORMAT = 10     # 10: the builtin relation types' ends widened (a cached schema is not reused)
MAGIC = b"KGCACHE\x01"
SUFFIX = ".kgc"
PART_SUFFIX = ".kgp"         # one seed file's part (graph/parts.py)
TRI_SUFFIX = ".kgt"          # an entry's name-index trigram posting lists
HEADER = "header"            # a "column" that is JSON data for the header (write_entry)
_TRAILER = 8 + 32            # header length, header SHA-256 (then the magic again)
_ALIGN = 64
_MAX_HEADER = 256 << 20
DEFAULT_MAX_BYTES = 2 << 30
_STALE_TMP_SECONDS = 3600


def cache_dir() -> Path:
    """Where cache entries live (see module docstring)."""
    explicit = os.environ.get("KG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "kg-explorer" / "graphs"


def max_bytes() -> int:
    """The size bound of the cache directory (``$KG_CACHE_MAX_BYTES``)."""
    text = os.environ.get("KG_CACHE_MAX_BYTES", "")
    return int(text) if text.isdigit() else DEFAULT_MAX_BYTES


class Damaged(Exception):
    """The entry's bytes are not what was written. ``identity``: the (device,
    inode) of the file found damaged, when known (see :func:`unlink_if_same`)."""

    def __init__(self, why: str, identity: tuple[int, int] | None = None) -> None:
        super().__init__(why)
        self.identity = identity


class Stale(Exception):
    """A part the entry refers to is gone or was rewritten (another ``kg`` run
    after a seed file changed): a miss, not damage."""


def unlink_if_same(path: Path, identity: tuple[int, int] | None) -> None:
    """Delete ``path`` if it is still the file (device, inode) that was opened
    and found damaged — not a good file another ``kg`` run has put there since
    (nor, when the identity is unknown, any file)."""
    try:
        info = path.stat()
        if identity is not None and (info.st_dev, info.st_ino) == identity:
            path.unlink()
    except OSError:
        pass


class PartRef(NamedTuple):
    """A column an entry does not copy: the same section of the seed files'
    parts (graph/parts.py), one after the other. ``pieces``: (part file name
    in the cache directory, the SHA-256 of its seed file, section name)."""

    pieces: list[tuple[str, str, str]]


def file_hash(path: Path) -> str:
    """The SHA-256 of a regular file (hex), read a MiB at a time; OSError for
    anything else (a FIFO is opened without waiting for a writer, then refused:
    a miss, and the cold load reports it)."""
    h = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", buffering=0) as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        os.set_blocking(fd, True)
        # One reused buffer: no copy of the whole file.
        while n := fh.readinto(buffer):
            h.update(view[:n])
    return h.hexdigest()


def seed_key(path: Path, inside: Path | None) -> list[int]:
    """A seed file's (size, mtime, ctime), when a cold load would read it:
    OSError (a miss, so the cold load reports it) for anything it refuses —
    not a regular file, or a symbolic link out of the folder ``inside``
    (graph.input's rule, applied before an entry or a part is reused)."""
    from .input import UnsafeFile, refuse_outside_link

    try:
        refuse_outside_link(path, str(path), inside)
    except UnsafeFile as exc:
        raise OSError(str(exc)) from None
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(f"{path}: not a regular file")
    return _stat_key(st)


# A seed file that changed this soon before its (size, mtime, ctime) were
# taken could be rewritten within the same clock tick and keep all three
# (file systems stamp times from a coarse clock: Linux's ticks every 1-10 ms;
# some file systems keep whole seconds): for such a file only its SHA-256
# says it is unchanged ("racily clean", in git's words).
RACY_NS = 2_000_000_000          # times in whole seconds
RACY_FINE_NS = 50_000_000        # times to the nanosecond (from a ticking clock)


def racy(key: "list[Any]", taken_ns: int) -> bool:
    """Whether a seed file's key (size, mtime, ctime, ...) was taken at
    ``taken_ns`` (time.time_ns) too soon after the file last changed for the
    times to prove it unchanged later (see :data:`RACY_NS`)."""
    mtime, ctime = int(key[1]), int(key[2])
    coarse = mtime % 1_000_000_000 == 0 and ctime % 1_000_000_000 == 0
    return max(mtime, ctime) >= taken_ns - (RACY_NS if coarse else RACY_FINE_NS)


def _stat_key(st: os.stat_result) -> list[int]:
    # ctime changes on every write and on os.utime, so a file put back to its
    # old size and mtime still shows.
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns]


class GraphCache:
    """The cache entry of one seed folder and strict flag."""

    def __init__(self, folder: str | Path, strict: bool, directory: Path | None = None):
        self.folder = Path(folder).resolve()
        self.strict = bool(strict)
        self.directory = directory or cache_dir()
        name = hashlib.sha256(f"{self.folder}\0{self.strict}".encode()).hexdigest()[:24]
        self.path = self.directory / f"{name}{SUFFIX}"
        self._stats: list[tuple[str, list[int]]] | None = None
        self._stats_ns = 0                                 # when they were taken
        self._identity: tuple[int, int] | None = None     # the entry file opened
        self._entry_ns: int | None = None                   # its keys' stats_ns
        self._referred: list[Path] = []                     # the parts it refers to

    @classmethod
    def for_folder(cls, folder: str | Path, strict: bool = False) -> "GraphCache":
        return cls(folder, strict)

    # -- the seed files -------------------------------------------------
    def _take_stats(self) -> list[tuple[str, list[int]]]:
        """The seed files' keys, kept (with when they were taken) for the
        entry this run reads or writes."""
        self._stats_ns = time.time_ns()
        self._stats = self._seed_stats()
        return self._stats

    def _seed_stats(self) -> list[tuple[str, list[int]]]:
        folder = self.folder
        paths = [folder] if folder.is_file() else seed_files(folder)
        inside = None if folder.is_file() else folder
        return [(p.name if p == folder else p.relative_to(folder).as_posix(),
                 seed_key(p, inside)) for p in paths]

    def _seed_path(self, rel: str) -> Path:
        return self.folder if self.folder.is_file() else self.folder / rel

    def _fresh(self, files: list[list[Any]], stats_ns: int | None) -> bool:
        """Whether the seed files are the ones the entry was built from
        (``stats_ns``: when the entry's keys were taken; a file that was
        :func:`racy` then is compared by its SHA-256 even if its times match)."""
        assert self._stats is not None
        if stats_ns is None or [rel for rel, _ in self._stats] != [f[0] for f in files]:
            return False
        for (rel, key), (_, size, mtime, ctime, digest) in zip(self._stats, files):
            if (key != [size, mtime, ctime] or racy(key, stats_ns)) and (
                    key[0] != size or file_hash(self._seed_path(rel)) != digest):
                return False
        return True

    def _head(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": __version__, "strict": self.strict,
                "folder": str(self.folder)}

    # -- reading --------------------------------------------------------
    def read(self) -> "tuple[Dataset, Index, Callable[[], NameIndex]] | None":
        """(dataset, index, a function giving the name index) when the entry is there, intact and fits the folder."""
        if not self.folder.exists():
            return None
        try:
            self._take_stats()
        except OSError:
            return None
        try:
            opened = open_entry(self.path)
        except FileNotFoundError:
            return None
        except (OSError, Damaged) as exc:
            self._discard(str(exc), getattr(exc, "identity", None))
            return None
        header, tables = opened
        try:
            if tables is None or {k: header.get(k) for k in self._head()} != self._head() \
                    or not self._fresh(header["files"], header.get("stats_ns")):
                return None
            self._entry_ns = header["stats_ns"]
        except OSError:         # a seed file that cannot be hashed: the cold load says why
            return None
        try:
            from .columns import dataset_from_columns, schema_from_dict

            column, kinds = tables()
            self._identity = column.identity
            self._referred = self._parts(header)
            # Every referred part is opened (mapped) now, not when a column is
            # first read: a mapping stays the same file when another kg run
            # replaces the part, so the columns always come from one version.
            column.open_parts()
            loaded = dataset_from_columns(column, kinds, schema_from_dict(header["schema"]),
                                          header.get("dataset_folder"), header["entities"],
                                          self._lazy(header["files"]),
                                          partial(self._trigrams, header))
        except Stale:
            return None         # a part rewritten or pruned since: a miss
        except (OSError, Damaged) as exc:
            self._discard_found(exc)
            return None
        except Exception as exc:  # noqa: BLE001 - checksums held, so a bug: never fatal
            self._discard(f"unreadable: {exc.__class__.__name__}: {exc}", self._identity)
            return None
        for used in self._kept(header):
            try:
                os.utime(used)     # least recently used goes first (see prune)
            except OSError:
                pass
        return loaded

    @property
    def trigram_path(self) -> Path:
        """The file of the entry's trigram posting lists (see :meth:`_trigrams`)."""
        return self.path.with_suffix(TRI_SUFFIX)

    def _kept(self, header: dict[str, Any]) -> list[Path]:
        """The entry and the files that go with it: its parts, its trigram file."""
        return [self.path, *self._parts(header), self.trigram_path]

    def _trigrams(self, header: dict[str, Any], digest: str, blob: bytes,
                  starts: "Sequence[int]", damage: Exception | None) -> "Trigrams | None":
        """The name index's trigram posting lists (None without numpy).

        They live in their own file beside the entry, ``<key>.kgt`` (same
        format: Arrow sections, CRC-32 per section and per 64 KiB block,
        header SHA-256, written to a temporary file and renamed), whose header
        names the :func:`graph.columns.names_digest` of the labels they index.
        Writing the entry never builds them (1.3 s at 1M labels, also after a
        one-file edit): the first fuzzy lookup that needs them reads them when
        the digest matches, else builds them and writes the file. ``damage``:
        the kept ones failed a block check; they are deleted and made again
        (anything else is raised again)."""
        from .names import Trigrams, has_numpy

        path = self.trigram_path
        if damage is not None:
            if not isinstance(damage, Damaged):
                raise damage
            self._discard(str(damage), damage.identity, path)
        elif not has_numpy():
            return None
        else:
            try:
                found = _read_trigrams(path, digest)
            except (OSError, Damaged) as exc:
                self._discard(str(exc), getattr(exc, "identity", None), path)
            else:
                if found is not None:
                    return found
        tri = Trigrams.build(blob, starts)
        from .columns import trigram_columns

        try:
            write_entry(path, {**self._head(), "names": digest}, trigram_columns(tri))
        except OSError:
            return tri
        prune(self.directory, max_bytes(), keep=self._kept(header))
        return tri

    def _parts(self, header: dict[str, Any]) -> list[Path]:
        """The part files whose columns the entry refers to."""
        return [self.directory / Path(f).name
                for f in {piece[0] for _, pieces in header.get("refs", {}).values()
                          for piece in pieces}]

    def _lazy(self, files: list[list[Any]]) -> "Callable[[str, Callable[[], Any]], Any]":
        """How a part of the entry is read on first use (``lazy(name, make)``,
        see :func:`graph.columns.dataset_from_columns`): ``make()`` checks and
        decodes it; when its bytes fail their check, the damage is reported,
        the entry deleted, the folder loaded again and the entry rebuilt, and
        the part comes from that load (same rows, same order) — only when the
        seed files are still the ones the entry was made from (``files``):
        columns of two versions of the folder are never combined."""
        rebuilt: list[tuple[Dataset, "Index", "NameIndex"]] = []

        def lazy(name: str, make: "Callable[[], Any]") -> Any:
            try:
                return make()
            except Damaged as exc:
                if not rebuilt:
                    self._discard_found(exc)
                    rebuilt.append(self._rebuild(files))
            return _part(name, *rebuilt[0])

        return lazy

    def _rebuild(self, files: list[list[Any]]) -> "tuple[Dataset, Index, NameIndex]":
        from .csr import Index
        from .errors import InputError
        # The row builder (graph.loader would import graph.parts, which imports
        # this module): a damaged entry is rare, its rebuild need not be quick.
        from .builder import load_rows as load_dataset
        from .names import NameIndex

        changed = InputError(f"the seed folder {self.folder} changed while kg was reading it "
                             "(and its cache entry was damaged); run the command again")
        try:
            self._take_stats()
            if not self._fresh(files, self._entry_ns):
                raise changed
            with digests() as parsed:
                data = load_dataset(self.folder, strict=self.strict)
            # The rows just read must be the bytes the entry was made from
            # (its other columns are combined with them).
            if self._seed_stats() != self._stats or any(
                    parsed.get(read_key(self._seed_path(rel)), digest) != digest
                    for rel, *_, digest in files):
                raise changed
        except OSError:
            raise changed from None
        index, names = Index.build(data), NameIndex.build(data.entities.values())
        self.write(data, index, names, parsed=parsed)
        return data, index, names

    def _discard(self, why: str, identity: tuple[int, int] | None,
                 path: Path | None = None, what: str = "entry") -> None:
        """Report a damaged entry (or ``path``, its trigram file or a part)
        and delete it, if the file there is still the one found damaged
        (``identity``)."""
        from .seedio import display_path

        path = path or self.path
        print(f"kg: cache {what} {display_path(path)} is damaged ({why}); deleted, "
              "rebuilding it", file=sys.stderr)
        unlink_if_same(path, identity)

    def _discard_found(self, exc: Exception) -> None:
        """Report and delete the file ``exc`` found damaged: a part or side
        file the entry refers to, when the damage is in one (the entry, which
        refers to it, is then a miss and made again), else the entry."""
        identity = getattr(exc, "identity", None)
        for path in self._referred:
            try:
                info = path.stat()
            except OSError:
                continue
            if identity is not None and (info.st_dev, info.st_ino) == identity:
                self._discard(str(exc), identity, path, "part")
                return
        self._discard(str(exc), self._identity)

    # -- writing --------------------------------------------------------
    def write(self, dataset: Dataset, index: "Index", names: "NameIndex",
              keys: dict[str, list[Any]] | None = None,
              sections: "Callable[[], Iterable[tuple[str, Any, str]]] | None" = None,
              parsed: dict[Path, str] | None = None) -> bool:
        """Store a dataset and its indexes atomically; False if that was not
        possible. ``keys``: the seed files' (size, mtime, ctime, SHA-256) by
        relative path, as the parts just read know them (not hashed again);
        ``sections``: the entry's columns when already made (graph.parts),
        else graph.columns.dataset_columns makes them; ``parsed``: the
        SHA-256 of the bytes this load read, by path (graph.input.digests):
        what the entry holds was made from those bytes, whatever the file
        holds by the time it is written."""
        known = keys or {}
        seen = parsed or {}
        try:
            before = self._stats if self._stats is not None else self._take_stats()
            before_ns = self._stats_ns

            def digest(rel: str, key: list[int]) -> str:
                path = self._seed_path(rel)
                if read_key(path) in seen:
                    return seen[read_key(path)]
                if known.get(rel, [])[:3] == key:   # a part's: the bytes it was made from
                    return str(known[rel][3])
                return file_hash(path)
            files = [[rel, *key, digest(rel, key)] for rel, key in before]
            # A folder that changed while it loaded (or hashed) gets no entry.
            if self._seed_stats() != before:
                return False
            from .columns import dataset_columns, schema_to_dict

            header = {**self._head(), "files": files, "stats_ns": before_ns,
                      "schema": schema_to_dict(dataset.schema),
                      "dataset_folder": dataset.folder, "entities": len(dataset.entities)}
            refs = write_entry(self.path, header, sections() if sections is not None
                               else dataset_columns(dataset, index, names))
        except OSError:
            return False
        prune(self.directory, max_bytes(), keep=self._kept({"refs": refs}))
        return True

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


def _read_trigrams(path: Path, digest: str) -> "Trigrams | None":
    """The posting lists kept in ``path`` when they index the labels of
    ``digest`` (None when there are none, or for other labels); raises
    :class:`Damaged` (or OSError) for a damaged file."""
    from .columns import trigrams_from_columns

    try:
        header, columns = open_entry(path)
    except FileNotFoundError:
        return None
    if columns is None or header.get("names") != digest or header.get("version") != __version__:
        return None
    return trigrams_from_columns(columns()[0])


def _part(name: str, data: Dataset, index: "Index", names: "NameIndex") -> Any:
    """The part ``name`` of an entry (a field column, ``ids``, ``index.*`` or
    ``names``) taken from a fresh load instead."""
    from .bulk import PlainColumn, field_values

    table, _, field = name.partition(".")
    if name == "names":
        return names
    if name == "ids":
        return list(data.entities)
    row = {} if table in ("entities", "sources", "ids") else \
        dict(zip(data.entities, range(len(data.entities))))
    if name == "index.order":
        return [row[i] for i in index.ids]
    if name == "index.components":
        return index.components()
    if name == "index.ranked":
        return index.ranked()
    if table == "counts":
        from .bulk import count_values

        return count_values(getattr(data, field.split(".")[0]), "type")
    if table == "index":
        return getattr(index, field)
    if field in ("source_id", "target_id"):
        return [row[i] for i in field_values(data.relations, field)]
    return PlainColumn(field_values(getattr(data, table), field))


def ipc_bytes(arr: "pa.Array") -> "pa.Buffer":
    import pyarrow as pa

    batch = pa.record_batch([arr], names=["v"])
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue()


def write_entry(path: Path, header: dict[str, Any], columns: Iterable[tuple[str, Any, str]]
                ) -> dict[str, list[Any]]:
    """Write the body a column at a time, then the header and the trailer; a
    column given as a :class:`PartRef` is only named in the header, one of
    kind :data:`HEADER` (JSON data) is put in the header. The references
    written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC)
            sections: dict[str, list[Any]] = {}
            refs: dict[str, list[Any]] = {}
            offset = 0
            extra: dict[str, Any] = {}
            for name, arr, kind in columns:
                if kind == HEADER:
                    extra[name] = arr       # JSON data kept in the (checked) header
                    continue
                if isinstance(arr, PartRef):
                    refs[name] = [kind, [list(p) for p in arr.pieces]]
                    continue
                # Each column's CRC-32 covers its leading padding too: every
                # byte of the body belongs to exactly one checked section. A
                # section of more than one block has only its blocks' CRCs
                # (a whole check checks every block: one pass, not two).
                pad = b"\0" * (-offset % _ALIGN)
                blob = memoryview(ipc_bytes(arr))
                blocks = block_crcs(pad, blob)
                fh.write(pad)
                fh.write(blob)
                crc = None if blocks else zlib.crc32(blob, zlib.crc32(pad))
                sections[name] = [offset + len(pad), len(blob), kind, crc, offset, blocks]
                offset += len(pad) + len(blob)
                del blob
            head = json.dumps({**header, **extra, "sections": sections, "refs": refs,
                               "body_size": offset, "block": BLOCK},
                              separators=(",", ":")).encode()
            fh.write(head)
            fh.write(struct.pack("<Q", len(head)) + hashlib.sha256(head).digest() + MAGIC)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return refs


def open_entry(path: Path) -> tuple[dict[str, Any], Any]:
    """The verified header of an entry and a function giving its columns.

    Raises :class:`Damaged` (or OSError) for anything but an intact entry:
    the header is checked here, the body (every other byte) by the function.
    """
    import mmap

    # One open and one map: the header and the columns are of the same file,
    # and stay so when another kg run replaces the path (os.replace).
    with open(path, "rb") as fh:
        info = os.fstat(fh.fileno())
        identity = (info.st_dev, info.st_ino)
        total = info.st_size
        if total < 2 * len(MAGIC) + _TRAILER or not stat.S_ISREG(info.st_mode):
            raise Damaged("not a kg cache file", identity)
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        header = _header(data, total)
    except Damaged as exc:
        exc.identity = identity
        raise
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return header, None                 # another format: a miss, rewritten

    def columns() -> tuple[Any, dict[str, str]]:
        """``column(name)`` for every section, and for every column referred to
        in parts, and their kinds (see :class:`Body`)."""
        sections = header["sections"]
        return Body(data, header, path.parent, identity), {**{name: section[2] for name, section in sections.items()},
                                    **{name: ref[0] for name, ref in
                                       header.get("refs", {}).items()}}

    return header, columns


def _header(data: Any, total: int) -> Any:
    """The verified header of an entry's bytes (:class:`Damaged` if not intact)."""
    if data[:len(MAGIC)] != MAGIC:
        raise Damaged("not a kg cache file")
    trailer = data[total - _TRAILER - len(MAGIC):total]
    if trailer[_TRAILER:] != MAGIC:
        raise Damaged("cut short")
    (size,) = struct.unpack("<Q", trailer[:8])
    start = total - _TRAILER - len(MAGIC) - size
    if size > _MAX_HEADER or start < len(MAGIC):
        raise Damaged("cut short")
    head = data[start:start + size]
    if hashlib.sha256(head).digest() != trailer[8:_TRAILER]:
        raise Damaged("header checksum mismatch")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return header
    sections = header["sections"]
    try:
        ends = sorted((start, off + length) for off, length, _, _, start, *_ in sections.values())
    except (TypeError, ValueError):
        raise Damaged("bad header") from None
    if len(MAGIC) + header["body_size"] != start or \
            [0, *(end for _, end in ends)] != [s for s, _ in ends] + [header["body_size"]]:
        raise Damaged("cut short")      # sections must tile the body: no byte unchecked
    return header


BLOCK = 1 << 16
"""Bytes per block CRC-32 of a large section (64 KiB: a warm ``kg path`` reads a
few dozen rows of 90 MB text columns, ``kg find`` a few trigram posting lists;
a 1M-relation entry's header holds about 6,000 of them)."""


def block_crcs(pad: bytes, blob: memoryview) -> list[int]:
    """The CRC-32 of each :data:`BLOCK` of a section (its padding, then its
    bytes); none for a section of one block."""
    if len(pad) + len(blob) <= BLOCK:
        return []
    head = BLOCK - len(pad)
    crcs = [zlib.crc32(blob[:head], zlib.crc32(pad))]
    crcs += [zlib.crc32(blob[at:at + BLOCK]) for at in range(head, len(blob), BLOCK)]
    return crcs


class Body:
    """The columns of an opened entry, memory-mapped. ``body(name)`` checks a
    column's bytes (and the padding before it) against its CRC-32 when it is
    first asked for, so a command reads and checks only what it uses;
    :meth:`blocks` gives a large column whose blocks are checked as they are
    read."""

    def __init__(self, data: Any, header: dict[str, Any], directory: Path,
                 identity: tuple[int, int]) -> None:
        import pyarrow as pa

        self.sections: dict[str, list[Any]] = header["sections"]
        # ``data``: the file's memory map (zero copy).
        self.body = pa.py_buffer(data).slice(len(MAGIC), header["body_size"])
        self.identity = identity
        self.checked: set[str] = set()
        self.blocks_checked: dict[str, set[int]] = {}
        self.block: int = header.get("block", BLOCK)    # as written
        # Columns kept in the seed files' parts (graph/parts.py): part file,
        # its seed file's SHA-256, section; each part opened once.
        self.refs: dict[str, list[Any]] = header.get("refs", {})
        self.directory = directory
        self.parts: dict[str, Body] = {}

    def _crc(self, begin: int, size: int) -> int:
        return zlib.crc32(memoryview(self.body.slice(begin, size)))

    def _read(self, name: str) -> "pa.Array":
        import pyarrow as pa

        off, length = self.sections[name][:2]
        table = pa.ipc.open_stream(self.body.slice(off, length)).read_all()
        return table.column(0).chunk(0) if table.column(0).num_chunks == 1 \
            else table.column(0).combine_chunks()

    def open_parts(self) -> None:
        """Open (map) every referred part now (see :meth:`_part`)."""
        for _, pieces in self.refs.values():
            for file, digest, _ in pieces:
                self._part(file, digest)

    def _part(self, file: str, digest: str) -> "Body":
        """A referred part, which must still hold its seed file's rows:
        :class:`Stale` when it is gone or holds another version's (another
        kg run rewrote it), :class:`Damaged` when its header is."""
        if file not in self.parts:
            try:
                header, columns = open_entry(self.directory / Path(file).name)
            except FileNotFoundError:
                raise Stale(f"part {file} is gone") from None
            if columns is None or header.get("key", [None] * 4)[3] != digest:
                raise Stale(f"part {file} holds other rows")
            self.parts[file] = columns()[0]
        return self.parts[file]

    def pieces(self, name: str) -> "list[tuple[Body, str]] | None":
        """For a column kept in parts: each part's columns and section name
        (read and checked block by block there); None for the entry's own."""
        if name not in self.refs:
            return None
        return [(self._part(file, digest), section)
                for file, digest, section in self.refs[name][1]]

    def __call__(self, name: str) -> "pa.Array":
        if name in self.refs:
            import pyarrow as pa

            # The parts' arrays as one chunked array: mapped, not copied.
            pieces = [self._part(file, digest)(section)
                      for file, digest, section in self.refs[name][1]]
            return pieces[0] if len(pieces) == 1 else pa.chunked_array(pieces)
        section = self.sections[name]
        off, length, _, crc, begin = section[:5]
        if name not in self.checked:
            crcs = section[5] if len(section) > 5 else []
            if crcs:
                for j in range(len(crcs)):
                    self._check_block(name, j)
            elif self._crc(begin, off + length - begin) != crc:
                raise Damaged(f"checksum mismatch in {name}", self.identity)
            self.checked.add(name)
        return self._read(name)

    def _check_block(self, name: str, j: int) -> None:
        """Check block ``j`` of a section against its CRC-32 (once)."""
        seen = self.blocks_checked.setdefault(name, set())
        if j not in seen:
            off, length, _, _, begin = self.sections[name][:5]
            crcs = self.sections[name][5]
            at = begin + j * self.block
            if not 0 <= j < len(crcs) or \
                    self._crc(at, min(self.block, off + length - at)) != crcs[j]:
                raise Damaged(f"checksum mismatch in {name}, block {j}", self.identity)
            seen.add(j)

    def blocks(self, name: str) -> "tuple[pa.Array, Callable[[int, int], None]] | None":
        """A large column and ``check(lo, hi)``, which checks the blocks holding
        the memory addresses ``lo`` to ``hi`` (raising :class:`Damaged`): its
        user calls it before reading any of those bytes. The first and the last
        block (the stream's metadata and end) are checked here, before the
        stream is parsed. None when the column is checked as a whole."""
        if name in self.refs:
            return None             # checked whole, part by part
        section = self.sections[name]
        off, length, _, _, begin = section[:5]
        crcs: list[int] = section[5] if len(section) > 5 else []
        if name in self.checked or not crcs:
            return None
        end = off + length
        size = self.block
        base = self.body.address + begin

        def check(lo: int, hi: int) -> None:
            for j in range((lo - base) // size, (max(hi, lo + 1) - 1 - base) // size + 1):
                self._check_block(name, j)

        self._check_block(name, 0)
        self._check_block(name, len(crcs) - 1)
        arr = self._read(name)
        first = min((b.address for b in arr.buffers() if b is not None), default=end)
        if first - base > size:      # metadata past the first block: check it all
            return None
        return arr, check


# -- the directory: kg cache path|clear|prune ---------------------------
@dataclass
class CacheEntry:
    path: Path
    size: int
    used: float     # last use (mtime), seconds since the epoch


def _listing(directory: Path) -> list[tuple[Path, os.stat_result]]:
    """Regular files in ``directory`` and their stat (files that vanish while
    listed — another ``kg`` at work — are left out)."""
    out = []
    try:
        children = list(os.scandir(directory))
    except OSError:
        return []
    for child in children:
        try:
            if child.is_file(follow_symlinks=False):
                out.append((Path(child.path), child.stat(follow_symlinks=False)))
        except OSError:
            pass
    return out


def entries(directory: Path | None = None) -> list[CacheEntry]:
    """Cache entries, least recently used first."""
    found = [CacheEntry(p, st.st_size, st.st_mtime)
             for p, st in _listing(directory or cache_dir())
             if p.suffix in (SUFFIX, PART_SUFFIX, TRI_SUFFIX)]
    return sorted(found, key=lambda e: (e.used, e.path.name))


def _leftovers(directory: Path) -> list[Path]:
    """Temporary files of writes that died, and entries of older formats."""
    now = time.time()
    return [p for p, st in _listing(directory)
            if p.suffix == ".pickle"
            or (p.suffix == ".tmp" and now - st.st_mtime > _STALE_TMP_SECONDS)]


def _units(found: list[CacheEntry]) -> list[tuple[CacheEntry, list[CacheEntry]]]:
    """The directory as units pruned together, least recently used first: an
    entry with the parts it refers to and its trigram file (used when the
    entry is), and each part or trigram file no entry goes with on its own."""
    by_path = {e.path: e for e in found}
    units: list[tuple[CacheEntry, list[CacheEntry]]] = []
    referred: set[Path] = set()
    for e in found:
        if e.path.suffix != SUFFIX:
            continue
        try:
            header, _ = open_entry(e.path)
            names = {piece[0] for _, pieces in header.get("refs", {}).values()
                     for piece in pieces}
        except (OSError, Damaged, ValueError, TypeError, AttributeError):
            names = set()
        parts = [by_path[p] for p in [*(e.path.parent / Path(n).name for n in sorted(names)),
                                      e.path.with_suffix(TRI_SUFFIX)] if p in by_path]
        referred.update(p.path for p in parts)
        units.append((e, parts))
    units += [(e, []) for e in found if e.path.suffix != SUFFIX and e.path not in referred]
    return sorted(units, key=lambda u: (u[0].used, u[0].path.name))


def prune(directory: Path | None = None, limit: int | None = None,
          keep: Iterable[Path] = ()) -> list[CacheEntry]:
    """Delete least recently used entries, each with the parts it refers to,
    until the rest fit in ``limit`` bytes (and leftovers of failed writes),
    never those in ``keep`` (nor a part a kept entry refers to); the removed
    files. A part another remaining entry refers to stays."""
    where = directory or cache_dir()
    bound = max_bytes() if limit is None else limit
    for p in _leftovers(where):
        try:
            p.unlink()
        except OSError:
            pass
    found = entries(where)
    total = sum(e.size for e in found)
    units = _units(found)
    kept = set(keep)        # an entry just written, and the parts it refers to
    removed: list[CacheEntry] = []
    gone: set[Path] = set()
    for k, (head, parts) in enumerate(units):
        if total <= bound:
            break
        if head.path in kept:
            continue
        # Parts that an entry still kept (later in the order) refers to stay.
        needed = kept | {p.path for h, ps in units[k + 1:] if h.path not in gone for p in ps}
        for e in [head, *parts]:
            if e.path in gone or (e is not head and e.path in needed):
                continue
            try:
                e.path.unlink()
            except OSError:
                continue
            gone.add(e.path)
            total -= e.size
            removed.append(e)
    return removed


def clear(directory: Path | None = None) -> list[CacheEntry]:
    """Delete every entry; the removed entries."""
    return prune(directory, 0)


def removed_text(removed: list[CacheEntry]) -> str:
    """``removed 2 entries (31.5 MB)``."""
    from .validate import plural

    size = sum(e.size for e in removed) / 1e6
    return f"removed {plural(len(removed), 'entry', 'entries')} ({size:.1f} MB)"


def removed_dict(removed: list[CacheEntry]) -> dict[str, Any]:
    return {"removed": [{"path": str(e.path), "bytes": e.size} for e in removed],
            "bytes": sum(e.size for e in removed)}
