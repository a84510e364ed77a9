"""Parquet: a seed folder of typed columns that ``kg`` loads back exactly.

Writes ``entities.parquet`` (``id, type, name, aliases, country,
description, tags, url`` then one column per property, sorted) and
``relations.parquet`` (``id, from, type, to, evidence, source, status, since,
until, amount, currency, confidence`` then properties), plus ``types.yaml``
for folder-defined types. Column types:

* ids, names, evidence and other text: ``string``; ``aliases``/``tags``:
  ``list<string>``; ``since``/``until``: ``string`` (ISO date prefixes such
  as ``2025-07`` are not dates); ``source``: ``struct<title, publisher, url,
  date>`` of strings;
* a number, boolean or list column gets the one Parquet type its values share
  (``int64``, ``double``, ``bool``, ``list<...>``); a column whose values mix
  kinds (``1`` and ``0.5``, ``"a"`` and ``2``) is ``string`` holding one
  JSON value per cell, marked ``kg:json = "1"`` in the field metadata, so that
  it loads back as the same values (see :mod:`graph.parquetseed`);
* a relation id the loader derived is left null, so loading derives it again.

Null is an absent value; empty text stays empty text (unlike CSV).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Sequence

from ..model import Dataset
from ..output import json_text
from ..parquetseed import JSON_KEY, SOURCE_FIELDS
from ..schema import ENTITY_KEYS, RELATION_KEYS
from .base import FolderExporter
from .seedcsv import seed_relation_id, types_yaml

if TYPE_CHECKING:
    import pyarrow as pa

FILES = ("entities.parquet", "relations.parquet", "types.yaml")


class ParquetExporter(FolderExporter):
    format = "parquet"
    extension = "parquet"
    FILES = FILES

    def files(self, dataset: Dataset) -> dict[str, str | bytes]:
        out: dict[str, str | bytes] = {"entities.parquet": _bytes(self.entities(dataset)),
                                       "relations.parquet": _bytes(self.relations(dataset))}
        types = types_yaml(dataset)
        if types:
            out["types.yaml"] = types
        return out

    def entities(self, dataset: Dataset) -> "pa.Table":
        """The entities as an Arrow table (the columns of ``entities.parquet``)."""
        import pyarrow as pa

        ents = list(dataset.entities.values())
        text, labels = pa.string(), pa.list_(pa.string())
        fields = {"id": text, "type": text, "name": text, "aliases": labels, "country": text,
                  "description": text, "tags": labels, "url": text}
        assert tuple(fields) == ENTITY_KEYS
        columns = {k: pa.array([getattr(e, k) for e in ents], t) for k, t in fields.items()}
        props = sorted({k for e in ents for k in e.properties})
        return _table(columns, {k: [e.properties.get(k) for e in ents] for k in props})

    def relations(self, dataset: Dataset) -> "pa.Table":
        """The relations as an Arrow table (the columns of ``relations.parquet``)."""
        import pyarrow as pa

        rels = list(dataset.relations)
        text = pa.string()
        source = pa.struct([(k, text) for k in SOURCE_FIELDS])
        columns: dict[str, Any] = {
            "id": pa.array([seed_relation_id(r, self.warnings) for r in rels], text),
            "from": pa.array([r.source_id for r in rels], text),
            "type": pa.array([r.type for r in rels], text),
            "to": pa.array([r.target_id for r in rels], text),
            "evidence": pa.array([r.evidence for r in rels], text),
            "source": pa.array([None if r.source is None else r.source.to_dict()
                                for r in rels], source),
            "status": pa.array([r.status for r in rels], text),
            "since": pa.array([r.since for r in rels], text),
            "until": pa.array([r.until for r in rels], text),
        }
        typed = {"amount": [r.amount for r in rels], "confidence": [r.confidence for r in rels]}
        assert tuple(columns) + ("amount", "currency", "confidence") == RELATION_KEYS
        props = sorted({k for r in rels for k in r.properties})
        table = _table(columns, {**typed, **{k: [r.properties.get(k) for r in rels]
                                             for k in props}})
        return table.add_column(table.schema.get_field_index("confidence"), "currency",
                                pa.array([r.currency for r in rels], text))


def _kind(value: Any) -> str:
    """``bool``, ``int``, ``float``, ``str``, or ``list:<kind>`` (``list:mixed``)."""
    if isinstance(value, list):
        kinds = {_kind(v) for v in value}
        return "list:" + (kinds.pop() if len(kinds) == 1 else "mixed" if kinds else "empty")
    return type(value).__name__


def _column(values: Sequence[Any]) -> "tuple[pa.Array, bool]":
    """A typed Arrow column for ``values``, or (JSON text, True) when they mix kinds."""
    import pyarrow as pa

    scalars = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(),
               "str": pa.string()}
    kinds = {_kind(v) for v in values if v is not None}
    lists = {k for k in kinds if k.startswith("list:")}
    if len(kinds) <= 1 and not lists:
        return pa.array(values, scalars[kinds.pop()] if kinds else pa.float64()), False
    if lists == kinds:
        items = {k[5:] for k in lists} - {"empty"}
        if not items or (len(items) == 1 and items <= set(scalars)):
            return pa.array(values, pa.list_(scalars[items.pop() if items else "str"])), False
    return pa.array([None if v is None else json_text(v) for v in values], pa.string()), True


def _table(fixed: dict[str, "pa.Array"], inferred: dict[str, list[Any]]) -> "pa.Table":
    import pyarrow as pa

    arrays, fields = list(fixed.values()), [pa.field(k, a.type) for k, a in fixed.items()]
    for name, values in inferred.items():
        array, as_json = _column(values)
        arrays.append(array)
        fields.append(pa.field(name, array.type, metadata={JSON_KEY: b"1"} if as_json else None))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _bytes(table: "pa.Table") -> bytes:
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()
