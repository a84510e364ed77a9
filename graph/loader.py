"""Seed folder -> validated :class:`~graph.model.Dataset`.

Every command loads through :func:`load_dataset`, which refuses a folder with
errors; ``kg validate`` calls :func:`load_folder` to see the whole report.
Both go one way, the cached load's (:mod:`graph.parts`): each seed file to
its part (the rule book's columns), then the folder's checks in one pass
over the parts' columns. Only a folder where a part or that pass finds a
problem is read again by the row builder (:mod:`graph.builder`:
:class:`Builder`, :func:`load_rows`, :func:`check_rows`), whose report says
what and where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .builder import Builder, check_rows, load_rows
from .model import Dataset
from .validate import Report

__all__ = ["Builder", "check_rows", "load_dataset", "load_folder", "load_rows"]


def load_dataset(folder: str | Path, strict: bool = False,
                 extra: Sequence[str | Path] = ()) -> Dataset:
    """Load and validate a seed folder; raise :class:`ValidationFailed` on errors."""
    if not extra and Path(folder).is_dir():
        from .parts import load_parts

        return load_parts(folder, strict, None).data
    return load_rows(folder, strict, extra)


def load_folder(folder: str | Path, strict: bool = False,
                extra: Sequence[str | Path] = ()) -> tuple[Dataset, Report]:
    """Read and check every seed file under ``folder`` (plus ``extra`` files).

    Never raises for problems in the data: they are all in the report. A
    missing folder is a :class:`KgError`. A folder its parts find nothing
    wrong with (no error, no warning) needs no row builder.
    """
    if not extra and Path(folder).is_dir():
        from .parts import load_clean

        clean = load_clean(folder, strict)
        if clean is not None:
            data, files = clean
            return data, Report(files=files, entities=len(data.entities),
                                relations=len(data.relations))
    return check_rows(folder, strict, extra)
