"""Writing a draft over a file of the seed folder: never lose curated entities or relations.

``--force`` allows overwriting a file; it is not enough when the file is one of
the seed folder's and holds entities or relations that the draft does not: that
needs ``--replace-seed-file``. Whenever a seed-folder file is overwritten, a copy
of it is kept next to it first (``NAME.bak``, ``NAME.bak.2``, ...); the loader
reads only ``*.yaml``/``*.yml``/``*.json``/``*.csv``, so the copy does not load.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from ..errors import KgError

MAX_SEED_FILE = 50_000_000     # bytes read to compare; a larger seed file is never replaced


class SeedFileWouldLoseData(KgError):
    """The output is a seed file with content the draft does not carry."""


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _content(data: Any) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Entity ids and (from, type, to) of a seed file's parsed YAML (any shape tolerated)."""
    ents: set[str] = set()
    rels: set[tuple[str, str, str]] = set()
    if not isinstance(data, dict):
        return ents, rels
    for e in data.get("entities") or []:
        if isinstance(e, dict) and e.get("id") is not None:
            ents.add(str(e["id"]))
    for r in data.get("relations") or []:
        if isinstance(r, dict):
            rels.add((str(r.get("from")), str(r.get("type")), str(r.get("to"))))
    return ents, rels


def lost_content(existing: Path, draft: dict[str, Any]) -> tuple[int, int]:
    """How many entities and relations of ``existing`` the draft would drop."""
    import yaml

    if existing.stat().st_size > MAX_SEED_FILE:
        return 1, 1            # too large to compare: assume it holds something
    try:
        with existing.open("rb") as fh:
            data = yaml.safe_load(fh.read(MAX_SEED_FILE))
    except (yaml.YAMLError, UnicodeDecodeError):
        return 1, 1            # unreadable as YAML: still somebody's file
    old_e, old_r = _content(data)
    new_e, new_r = _content(draft)
    return len(old_e - new_e), len(old_r - new_r)


def backup_path(path: Path) -> Path:
    """The first free ``NAME.bak``, ``NAME.bak.2``, ... beside ``path``."""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def guard_seed_file(output: str, draft: dict[str, Any], seeds: str | None,
                    replace: bool) -> Path | None:
    """Check writing ``draft`` to ``output`` and back up a seed file it replaces.

    Returns the backup's path, or None when ``output`` is not an existing file
    of the seed folder. Raises :class:`SeedFileWouldLoseData` when the file holds
    entities or relations the draft does not and ``replace`` is false.
    """
    if output == "-" or seeds is None:
        return None
    target = Path(output)
    if not target.is_file() or not Path(seeds).is_dir() or not _inside(target, Path(seeds)):
        return None
    ents, rels = lost_content(target, draft)
    if (ents or rels) and not replace:
        raise SeedFileWouldLoseData(
            f"{output} is a file of the seed folder {seeds} with {ents} entities and {rels} "
            "relations that the draft does not have; write the draft elsewhere and merge it by "
            "hand, or pass --replace-seed-file to replace the file (a .bak copy is kept)")
    backup = backup_path(target)
    try:
        shutil.copyfile(target, backup)
    except OSError as exc:
        raise KgError(f"cannot back up {output} to {backup}: {exc.strerror or exc}; "
                      "check the folder's permissions") from None
    return backup
