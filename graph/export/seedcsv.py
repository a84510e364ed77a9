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
from pathlib import Path
from typing import Any

from ..errors import InputError, OutputExists
from ..model import Dataset, Relation, relation_id
from ..output import json_text, remove_output, write_output
from ..schema import ENTITY_KEYS, RELATION_KEYS
from ..seedio import protect_cell
from ..rules import ID_RE
from .base import Exporter

FILES = ("entities.csv", "relations.csv", "types.yaml")


class CSVExporter(Exporter):
    format = "csv"
    extension = "csv"

    @classmethod
    def default_target(cls) -> str:
        return "graph-csv"

    def check_target(self) -> None:
        if self.target == "-":
            raise InputError("csv export writes several files; give a folder with -o DIR")
        root = Path(self.target)
        if root.exists() and not root.is_dir():
            raise InputError(f"{self.target} is a file; csv export needs a folder (-o DIR)")
        if not self.force:
            for name in FILES:
                if (root / name).exists():
                    raise OutputExists(str(root / name))

    def _write(self, dataset: Dataset) -> list[str]:
        files = self.files(dataset)
        written = []
        for name, content in files.items():
            path = str(Path(self.target) / name)
            write_output(path, content, self.force)
            written.append(path)
        for name in FILES:   # a types.yaml left from an earlier export would load too
            stale = Path(self.target) / name
            if name not in files:
                remove_output(stale)
        return written

    def dumps(self, dataset: Dataset) -> str:
        return self.files(dataset)["entities.csv"]

    def files(self, dataset: Dataset) -> dict[str, str]:
        """File name -> content."""
        out = {"entities.csv": self._entities(dataset), "relations.csv": self._relations(dataset)}
        types = _types_yaml(dataset)
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
        """Ids the loader derived (``a~funds~b~1f2e...``) are left for it to derive again."""
        if ID_RE.match(r.id):
            return r.id
        base = relation_id(r.source_id, r.type, r.target_id, r.evidence, r.since, r.until)
        if r.id != base and not r.id.startswith(base + "~"):
            self.warnings.append(f"relation {r.id!r}: this id cannot be written in a seed file; "
                                 "loading the CSV gives it a new one")
        return ""

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


def _types_yaml(dataset: Dataset) -> str:
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
