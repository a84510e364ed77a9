"""On-disk cache of a loaded, validated seed folder, for instant repeat commands.

One file per (folder, ``--strict``) in the user cache directory —
``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg-explorer``, else
``~/.cache/kg-explorer`` — never inside the seed folder. Its name comes from the
folder's absolute path; inside, a key made of the program version, the strict
flag and a SHA-256 of every seed file (relative path and bytes) decides whether
it still fits. The files are hashed on every read (about 0.3 s for 180 MB of
CSV): timestamps can lie, content cannot, so any change invalidates.

Writes go to a temporary file first and are renamed into place
(:func:`os.replace` is atomic), so two ``kg`` runs at once can only race to
write the same good file. A file that cannot be read for any reason is
ignored and rewritten: the cache never makes a command fail.

Only datasets without errors are cached (``load_dataset`` raises before);
validation warnings are not kept — ``kg validate`` never reads the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from . import __version__
from .bulk import (CodedColumn, RefColumn, RowMap, Rows, codes_array, field_values, gc_paused,
                   pack_column)
from .model import (ENTITY_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity, Relation,
                    Source)
from .seedio import seed_files

FORMAT = 3
_MAGIC = b"kg-explorer-cache\n"


def cache_dir() -> Path:
    """Where cache files live (see module docstring)."""
    explicit = os.environ.get("KG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "kg-explorer" / "graphs"


def _files(folder: Path) -> list[Path]:
    return [folder] if folder.is_file() else seed_files(folder)


def fingerprint(folder: Path) -> tuple:
    """Relative path, size and mtime of every seed file (to notice edits during a load)."""
    out = []
    for p in _files(folder):
        st = p.stat()
        out.append((p.relative_to(folder).as_posix() if p != folder else p.name,
                    st.st_size, st.st_mtime_ns))
    return tuple(out)


def digest(folder: Path) -> str:
    """Content key: relative paths and bytes of every seed file."""
    h = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    for p in _files(folder):
        rel = p.relative_to(folder).as_posix() if p != folder else p.name
        with open(p, "rb", buffering=0) as fh:
            h.update(f"{rel}\0{os.fstat(fh.fileno()).st_size}\0".encode())
            # One reused buffer: no copy of the whole file (180 MB at 1M relations).
            while n := fh.readinto(buffer):
                h.update(view[:n])
    return h.hexdigest()


class GraphCache:
    """The cache file of one seed folder and strict flag."""

    def __init__(self, folder: str | Path, strict: bool, directory: Path | None = None):
        self.folder = Path(folder).resolve()
        self.strict = bool(strict)
        name = hashlib.sha256(f"{self.folder}\0{self.strict}".encode()).hexdigest()[:24]
        self.path = (directory or cache_dir()) / f"{name}.pickle"
        self._fingerprint: tuple | None = None
        self._digest: str | None = None

    @classmethod
    def for_folder(cls, folder: str | Path, strict: bool = False) -> "GraphCache":
        return cls(folder, strict)

    def _head(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": __version__, "strict": self.strict,
                "folder": str(self.folder)}

    def read(self) -> tuple[Dataset, Any] | None:
        """(dataset, extra) when the cache is there and fits the folder, else None."""
        if not self.folder.exists():
            return None
        try:
            self._fingerprint = fingerprint(self.folder)
            self._digest = digest(self.folder)
            with open(self.path, "rb") as fh:
                if fh.read(len(_MAGIC)) != _MAGIC:
                    return None
                head = pickle.load(fh)
                if head != {**self._head(), "digest": self._digest}:
                    return None
                with gc_paused():
                    body = pickle.load(fh)
                    return decode_dataset(body["dataset"]), body["extra"]
        except Exception:  # noqa: BLE001 - a bad cache file is only a miss
            return None

    def write(self, dataset: Dataset, extra: Any = None) -> bool:
        """Store ``dataset`` (and ``extra``) atomically; False if that was not possible."""
        try:
            if self._digest is None or self._fingerprint is None:
                self._fingerprint = fingerprint(self.folder)
                self._digest = digest(self.folder)
            # A folder that changed while it loaded gets no cache.
            if fingerprint(self.folder) != self._fingerprint:
                return False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.stem + ".", suffix=".tmp",
                                       dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC)
                    pickle.dump({**self._head(), "digest": self._digest}, fh,
                                protocol=pickle.HIGHEST_PROTOCOL)
                    pickle.dump({"dataset": encode_dataset(dataset), "extra": extra}, fh,
                                protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            return True
        except (OSError, pickle.PicklingError):
            return False

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


def encode_dataset(data: Dataset) -> dict[str, Any]:
    """Columns instead of objects (see :func:`graph.bulk.pack_column`); a
    relation's source is its number in the dataset's list of sources."""
    def table(items: Any, fields: tuple[str, ...], given: dict[str, Any]) -> dict:
        columns = [given[f] if given.get(f) is not None else pack_column(field_values(items, f))
                   for f in fields]
        return {"n": len(items), "columns": columns}

    ends = _entity_refs(data)
    return {"schema": data.schema, "folder": data.folder,
            "sources": table(data.sources, SOURCE_FIELDS, {}),
            "entities": table(data.entities, ENTITY_FIELDS, {}),
            "relations": table(data.relations, RELATION_FIELDS,
                               {"source": _source_refs(data), **ends})}


def _entity_refs(data: Dataset) -> dict[str, CodedColumn]:
    """A relation's ends as numbers in the list of entity ids, which the reader
    supplies (so the id strings exist once); empty if an end is not an entity."""
    number = dict(zip(data.entities, range(len(data.entities))))
    out = {}
    for f in ("source_id", "target_id"):
        try:
            codes = codes_array(map(number.__getitem__, field_values(data.relations, f)),
                                len(number))
        except KeyError:
            return {}
        out[f] = CodedColumn(None, codes)
    return out


def _source_refs(data: Dataset) -> RefColumn | None:
    """Each relation's source as its number in ``data.sources`` (None if one is
    not there: then the sources are kept as values)."""
    sources = data.sources
    column = data.relations.column("source") if isinstance(data.relations, Rows) else None
    if isinstance(column, RefColumn) and column.rows is sources:
        # Numbers already (datasets from the loader and from this cache).
        return RefColumn(None, codes_array(column.codes, len(sources)))
    number: dict[Source, int] = {}
    for i, s in enumerate(sources):
        number.setdefault(s, i + 1)
    try:
        codes = [0 if s is None else number[s] for s in field_values(data.relations, "source")]
    except (KeyError, TypeError):
        return None
    return RefColumn(None, codes_array(codes, len(sources)))


def decode_dataset(body: dict[str, Any]) -> Dataset:
    """A Dataset whose entities, relations and sources are made on first use."""
    def rows(make: Any, fields: tuple[str, ...], part: dict) -> Rows:
        return Rows(make, fields, part["columns"], part["n"])

    sources = rows(Source, SOURCE_FIELDS, body["sources"])
    entities = rows(Entity, ENTITY_FIELDS, body["entities"])
    ids = entities.field("id")
    for column in body["relations"]["columns"]:
        if isinstance(column, RefColumn):
            column.rows = sources
        elif isinstance(column, CodedColumn) and column.table is None:
            column.table = ids                  # see _entity_refs
    return Dataset(body["schema"], RowMap(entities, ids),
                   rows(Relation, RELATION_FIELDS, body["relations"]), sources,
                   body["folder"])
