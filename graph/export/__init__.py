"""Exporters: one small class per output format, all with the same shape.

    exporter = exporter_for("graphml", "out.graphml", force=False)
    exporter.write(dataset)        # once or more (merged by id)
    written = exporter.finalize()  # the file(s) written

Formats: ``html`` (the interactive page, :mod:`.htmlpage`), ``graphml``,
``gexf``, ``json`` (node-link), ``csv`` (seed format v1, a folder) and
``cypher`` (a MERGE script for Neo4j). The README documents each shape.
This module imports nothing heavy, so the CLI can list :data:`FORMATS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Dataset
    from ..select import Selection
    from ..store.base import Store
    from .base import Exporter

FORMATS = ("graphml", "gexf", "json", "csv", "cypher")   # `kg export`; html is `kg render`


def _classes() -> "dict[str, type[Exporter]]":
    from .cypher import CypherExporter
    from .gexf import GEXFExporter
    from .graphml import GraphMLExporter
    from .htmlpage import HTMLExporter
    from .nodelink import JSONExporter
    from .seedcsv import CSVExporter

    return {c.format: c for c in (HTMLExporter, GraphMLExporter, GEXFExporter, JSONExporter,
                                  CSVExporter, CypherExporter)}


def exporter_for(fmt: str, target: str | None = None, force: bool = False,
                 **options: Any) -> "Exporter":
    """An exporter for ``fmt`` writing to ``target`` (default: ``graph.<ext>``)."""
    from ..errors import InputError

    classes = _classes()
    if fmt not in classes:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(classes)}")
    cls = classes[fmt]
    return cls(target or cls.default_target(), force, **options)


def export(data: "Dataset | Store", fmt: str, target: str | None = None, force: bool = False,
           selection: "Selection | None" = None, **options: Any) -> "Exporter":
    """Write a dataset, or the part of a store a selection picks, in ``fmt``.

    The target is checked first (OutputExists without ``force``), before any
    slow work. Returns the finished exporter (``.written``, ``.warnings``,
    ``.dataset``).
    """
    from ..model import Dataset
    from ..select import Selection, select

    exporter = exporter_for(fmt, target, force, **options)
    if isinstance(data, Dataset):
        if selection is not None:
            raise TypeError("a selection needs a store, not a dataset")
        exporter.write(data)
    else:
        exporter.write(select(data, selection or Selection()))
    exporter.finalize()
    return exporter


__all__ = ["FORMATS", "exporter_for", "export"]
