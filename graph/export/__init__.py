"""Exporters: one small class per output format, all with the same shape.

    exporter = exporter_for("graphml", "out.graphml", force=False)
    exporter.write(dataset)        # once or more (merged by id)
    written = exporter.finalize()  # the file(s) written

Formats: ``html`` (the interactive page, :mod:`.htmlpage`), ``graphml``,
``gexf``, ``json`` (node-link), ``csv`` and ``parquet`` (seed format v1
folders) and ``cypher`` (a MERGE script for Neo4j). The README documents each shape.
This module imports nothing heavy, so the CLI can list :data:`FORMATS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Dataset
    from .base import Exporter

FORMATS = ("graphml", "gexf", "json", "csv", "parquet", "cypher")   # `kg export`; html is `kg render`


def _classes() -> "dict[str, type[Exporter]]":
    from .cypher import CypherExporter
    from .gexf import GEXFExporter
    from .graphml import GraphMLExporter
    from .htmlpage import HTMLExporter
    from .nodelink import JSONExporter
    from .parquet import ParquetExporter
    from .seedcsv import CSVExporter

    return {c.format: c for c in (HTMLExporter, GraphMLExporter, GEXFExporter, JSONExporter,
                                  CSVExporter, ParquetExporter, CypherExporter)}


def exporter_for(fmt: str, target: str | None = None, force: bool = False,
                 **options: Any) -> "Exporter":
    """An exporter for ``fmt`` writing to ``target`` (default: ``graph.<ext>``)."""
    from ..errors import InputError

    classes = _classes()
    if fmt not in classes:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(classes)}")
    cls = classes[fmt]
    return cls(target or cls.default_target(), force, **options)


def export(data: "Dataset", fmt: str, target: str | None = None, force: bool = False,
           **options: Any) -> "Exporter":
    """Write a dataset in ``fmt``; returns the finished exporter (``.written``,
    ``.warnings``, ``.dataset``).

    The target is checked first (OutputExists without ``force``), before any
    slow work. To export part of a graph, select it first
    (``graph.open(...).select(...)``): exporters take data, never a store.
    """
    exporter = exporter_for(fmt, target, force, **options)
    exporter.write(data)
    exporter.finalize()
    return exporter


@dataclass
class Written:
    """What ``kg render`` / ``kg export`` wrote, and anything lost on the way."""

    format: str
    files: list[str]
    entities: int
    relations: int
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, exporter: "Exporter") -> "Written":
        data = exporter.dataset
        return cls(exporter.format, list(exporter.written),
                   len(data.entities) if data is not None else 0,
                   len(data.relations) if data is not None else 0, list(exporter.warnings))

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "files": self.files, "entities": self.entities,
                "relations": self.relations, "warnings": self.warnings}

    def text(self) -> str:
        """``Wrote graph.html (53 entities, 102 relations)`` (empty when written to stdout)."""
        if self.files == ["-"]:
            return ""
        n, m = self.entities, self.relations
        return (f"Wrote {', '.join(self.files)} ({n:,} {'entity' if n == 1 else 'entities'}"
                f", {m:,} relation{'' if m == 1 else 's'})")


__all__ = ["FORMATS", "Written", "exporter_for", "export"]
