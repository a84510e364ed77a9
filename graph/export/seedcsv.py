"""CSV in seed format v1: a folder that ``kg`` loads back as the same graph.

Writes ``entities.csv`` (``id,type,name,aliases,country,description,tags,url``
then one column per property; aliases and tags joined with ``|``) and
``relations.csv`` (``id,from,type,to,evidence,source,status,since,until,
amount,currency,confidence`` then properties; ``source`` as a JSON mapping).
Folder-defined types go to ``types.yaml``. Lists in properties are JSON
arrays, as the loader reads them. Relation ids the loader derived from a
relation's content are left empty, so loading derives them again.

Cells that a spreadsheet would run as a formula (text starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) are written with a leading
``'``, which the seed reader removes again (:func:`graph.seedio.protect_cell`),
so the folder both opens safely in a spreadsheet and loads back equal.

CSV cannot say everything YAML can. Values that would come back different
(text that reads as a number, ``true`` or a list; an alias containing ``|``;
empty text) are written anyway and listed in :attr:`Exporter.warnings`.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..model import Dataset, Relation, relation_id
from ..output import json_text
from ..schema import ENTITY_KEYS, RELATION_KEYS
from ..seedio import protect_cell
from ..rules import ID_RE
from .base import FolderExporter

FILES = ("entities.csv", "relations.csv", "types.yaml")


class CSVExporter(FolderExporter):
    format = "csv"
    extension = "csv"
    FILES = FILES

    def files(self, dataset: Dataset) -> dict[str, str | bytes]:
        """File name -> content."""
        out: dict[str, str | bytes] = {"entities.csv": self._entities(dataset),
                                       "relations.csv": self._relations(dataset)}
        types = types_yaml(dataset)
        if types:
            out["types.yaml"] = types
        return out

    # -- cells -----------------------------------------------------------
    def _cell(self, value: Any, where: str) -> str:
        from ..rules import csv_value  # the reader's own rule, so both stay in step

        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return repr(value)
        if isinstance(value, list):
            return json_text(value)
        text = str(value)
        if text == "":
            self.warnings.append(f"{where}: empty text is dropped by CSV")
        else:
            try:
                back: Any = csv_value(text)
            except ValueError:
                back = None
            if not isinstance(back, str):
                self.warnings.append(f"{where}: the text {text!r} reads back from CSV as "
                                     f"{type(back).__name__ if back is not None else 'an error'}")
        return text

    def _text(self, value: str | None, where: str) -> str:
        if value == "":
            self.warnings.append(f"{where}: empty text is dropped by CSV")
        return value or ""

    def _joined(self, items: list[str], where: str) -> str:
        for item in items:
            if "|" in item or item != item.strip():
                self.warnings.append(f"{where}: {item!r} cannot be kept as one CSV list item "
                                     "(contains | or surrounding spaces)")
        return "|".join(items)

    def _relation_id(self, r: Relation) -> str:
        return seed_relation_id(r, self.warnings) or ""

    def _entities(self, dataset: Dataset) -> str:
        props = sorted({k for e in dataset.entities.values() for k in e.properties})
        rows = []
        for e in dataset.entities.values():
            w = f"entity {e.id!r}"
            rows.append([e.id, e.type, self._text(e.name, w + " name"),
                         self._joined(e.aliases, w + " aliases"), e.country or "",
                         self._text(e.description, w + " description"),
                         self._joined(e.tags, w + " tags"), self._text(e.url, w + " url")]
                        + [self._cell(e.properties.get(k), f"{w} {k}") for k in props])
        return _csv(list(ENTITY_KEYS) + props, rows)

    def _relations(self, dataset: Dataset) -> str:
        props = sorted({k for r in dataset.relations for k in r.properties})
        rows = []
        for r in dataset.relations:
            w = f"relation {r.id!r}"
            source = (json_text(r.source.to_dict())
                      if r.source is not None else "")
            rows.append([self._relation_id(r), r.source_id, r.type, r.target_id,
                         self._text(r.evidence, w + " evidence"), source,
                         self._text(r.status, w + " status"), r.since or "", r.until or "",
                         self._cell(r.amount, w + " amount"), r.currency or "",
                         self._cell(r.confidence, w + " confidence")]
                        + [self._cell(r.properties.get(k), f"{w} {k}") for k in props])
        return _csv(list(RELATION_KEYS) + props, rows)


def seed_relation_id(r: Relation, warnings: list[str]) -> str | None:
    """The id to write in a seed file: None for an id the loader derived
    (``a~funds~b~1f2e...``), which loading the file derives again."""
    if ID_RE.fullmatch(r.id):
        return r.id
    base = relation_id(r.source_id, r.type, r.target_id, r.evidence, r.since, r.until)
    if r.id != base and not r.id.startswith(base + "~"):
        warnings.append(f"relation {r.id!r}: this id cannot be written in a seed file; "
                        "loading the export gives it a new one")
    return None


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """The CSV text: every cell through :func:`~graph.seedio.protect_cell`, and
    rows holding a carriage return fully quoted (the csv module quotes only
    what its line terminator contains, and a bare CR ends a row for readers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [header, *rows]:
        cells = [protect_cell(c) for c in row]
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue()


def types_yaml(dataset: Dataset) -> str:
    """``types:`` for the folder-defined types, in the grouped seed form."""
    import yaml

    schema = dataset.schema
    entities: dict[str, Any] = {}
    for et in schema.entity_types.values():
        if not et.builtin:
            spec: dict[str, Any] = {"shape": et.shape}
            if et.parent:
                spec["parent"] = et.parent
            if et.color:
                spec["color"] = et.color
            entities[et.name] = spec
    relations: dict[str, Any] = {}
    for rt in schema.relation_types.values():
        if not rt.builtin:
            rspec: dict[str, Any] = {"symmetric": rt.symmetric}
            if rt.from_types:
                rspec["from"] = list(rt.from_types)
            if rt.to_types:
                rspec["to"] = list(rt.to_types)
            if rt.label:
                rspec["label"] = rt.label
            relations[rt.name] = rspec
    if not entities and not relations:
        return ""
    return yaml.safe_dump({"types": {"entities": entities, "relations": relations}},
                          allow_unicode=True, sort_keys=False)
