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
from array import array
from pathlib import Path
from typing import Any

from . import __version__
from .bulk import gc_paused
from .model import Dataset, Entity, Relation
from .seedio import seed_files

FORMAT = 1
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
    for p in _files(folder):
        rel = p.relative_to(folder).as_posix() if p != folder else p.name
        data = p.read_bytes()
        h.update(f"{rel}\0{len(data)}\0".encode())
        h.update(data)
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


_ENTITY_FIELDS = ("id", "type", "name", "aliases", "country", "description", "tags", "url",
                  "properties")
_RELATION_FIELDS = ("id", "type", "source_id", "target_id", "evidence", "source", "status",
                    "since", "until", "amount", "currency", "confidence", "properties")


def encode_dataset(data: Dataset) -> dict[str, Any]:
    """Columns instead of objects, each packed by what it holds (see _pack)."""
    def columns(items: list, fields: tuple[str, ...]) -> list:
        return [_pack([getattr(x, f) for x in items]) for f in fields]

    return {"schema": data.schema, "sources": data.sources, "folder": data.folder,
            "entities": columns(list(data.entities.values()), _ENTITY_FIELDS),
            "relations": columns(data.relations, _RELATION_FIELDS)}


def decode_dataset(body: dict[str, Any]) -> Dataset:
    entities = list(map(Entity, *map(_unpack, body["entities"])))
    relations = list(map(Relation, *map(_unpack, body["relations"])))
    return Dataset(body["schema"], {e.id: e for e in entities}, relations,
                   body["sources"], body["folder"])


_SEP = "\x00"


def _pack(values: list) -> tuple:
    """One column, packed so that loading it back is a few C-level calls.

    Few distinct values (types, dates, sources, entity ids at relation ends):
    a table and codes. Many distinct strings (ids, evidence): one joined string
    and the positions of None. Lists and dicts (aliases, properties): sparse,
    since most are empty, and each comes back as its own fresh object.
    """
    if values and all(type(v) is list for v in values):
        return ("lists", {i: v for i, v in enumerate(values) if v}, len(values))
    if values and all(type(v) is dict for v in values):
        return ("dicts", {i: v for i, v in enumerate(values) if v}, len(values))
    try:
        # Keyed with the type too: 1, 1.0 and True are equal but must stay apart.
        table: dict[Any, int] = {}
        codes = array("l", [table.setdefault((v.__class__, v), len(table)) for v in values])
        if len(table) * 4 <= len(values):
            return ("table", [v for _, v in table], codes)
    except TypeError:   # something unhashable
        pass
    if all(v is None or (type(v) is str and _SEP not in v) for v in values):
        nones = [i for i, v in enumerate(values) if v is None]
        return ("joined", _SEP.join(v or "" for v in values), nones, len(values))
    return ("plain", values)


def _unpack(packed: tuple) -> list:
    kind = packed[0]
    if kind == "table":
        return list(map(packed[1].__getitem__, packed[2]))
    if kind == "joined":
        _, text, nones, n = packed
        values: list = text.split(_SEP) if n else []
        for i in nones:
            values[i] = None
        return values
    if kind in ("lists", "dicts"):
        _, sparse, n = packed
        values = [[] for _ in range(n)] if kind == "lists" else [{} for _ in range(n)]
        for i, v in sparse.items():
            values[i] = v
        return values
    return packed[1]
