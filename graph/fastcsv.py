"""The fast lane of the loader for well-formed CSV rows.

Large seed folders are CSV. This module turns a CSV row straight into an
:class:`~graph.model.Entity` or :class:`~graph.model.Relation` with the value
checks of :mod:`graph.validate`, but without building an intermediate record
or any message. Every row it is not sure about — a missing or unknown end, a
bad date, number, code or id, a duplicate id, a type mismatch, a JSON source —
goes through the loader's general path, which reports exactly as for YAML.
So this lane changes how fast a folder loads, never what it loads or reports
(``tests/test_loader_fastcsv.py`` holds it to that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Entity, Relation, Source
from .validate import CURRENCY_RE, ID_RE, ISO_COUNTRIES, date_bounds, date_prefix

if TYPE_CHECKING:
    from .loader import _Builder
    from .seedio import SeedFile

ENABLED = True   # tests switch it off to compare against the general path


class _Reject(Exception):
    """This row needs the general path."""


def entities(builder: "_Builder", seed: "SeedFile") -> None:
    from .loader import _csv_value, _unique

    if not seed.entities:
        return
    header = seed.header or []
    col = {h: i for i, h in enumerate(header)}
    i_id, i_type, i_name = col["id"], col["type"], col["name"]
    extra = [(i, h) for i, h in enumerate(header) if h not in ("id", "type", "name")]
    types = builder.schema.entity_types
    path = seed.path
    for cells, line in seed.entities:
        eid, etype, name = cells[i_id], cells[i_type], cells[i_name]
        entity = None
        if eid and etype in types and name and ID_RE.match(eid):
            entity = Entity(eid, etype, name)
            for i, key in extra:
                value = cells[i]
                if value == "":
                    continue
                if key == "aliases" or key == "tags":
                    setattr(entity, key, _unique([v.strip() for v in value.split("|")
                                                  if v.strip()]))
                elif key == "country":
                    code = value.strip().upper()
                    if code not in ISO_COUNTRIES:
                        entity = None
                        break
                    entity.country = code
                elif key == "description" or key == "url":
                    setattr(entity, key, value)
                else:
                    entity.properties[key] = _csv_value(value)
        if entity is None:
            builder._entity(seed.csv_record(cells, line), path, line, True)
        else:
            builder._merge(entity, f"{path}:{line}" if line else path, path, line)


def relations(builder: "_Builder", seed: "SeedFile", file_source: Source | None) -> None:
    from .loader import _csv_value

    if not seed.relations:
        return
    header = seed.header or []
    missing = len(header)           # index of an empty cell appended to every row
    col = {h: i for i, h in enumerate(header)}
    i_from, i_type, i_to = col["from"], col["type"], col["to"]
    i_id, i_ev, i_status, i_src, i_since, i_until, i_amount, i_cur, i_conf = (
        col.get(k, missing) for k in ("id", "evidence", "status", "source", "since", "until",
                                      "amount", "currency", "confidence"))
    props = [(i, h) for i, h in enumerate(header) if h not in _RELATION_COLUMNS]
    ents = builder.dataset.entities
    rtypes = builder.schema.relation_types
    where_of = builder.relation_where
    out = builder.dataset.relations
    path = seed.path
    # Repeated cells (dates, sources, codes) share one checked value and one object.
    dates: dict[str, str] = {"": None}  # type: ignore[dict-item]
    sources: dict[str, Source | None] = {"": file_source}
    codes: dict[str, str] = {"": None}  # type: ignore[dict-item]
    ends: dict[tuple, bool] = {}

    def date(text: str) -> str:
        try:
            value = dates[text] = date_prefix(text)
        except ValueError:
            raise _Reject from None
        return value

    def source(text: str) -> Source:
        if text.startswith("{"):
            raise _Reject
        src = sources[text] = (Source(url=text) if text.startswith(("http://", "https://"))
                               else Source(title=text))
        return src

    def number(text: str, unit: bool = False) -> int | float | None:
        if not text:
            return None
        value = _csv_value(text)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Reject
        if unit and not 0 <= value <= 1:
            raise _Reject
        return value

    for cells, line in seed.relations:
        cells.append("")
        a, b = ents.get(cells[i_from]), ents.get(cells[i_to])
        rt = rtypes.get(cells[i_type])
        try:
            if a is None or b is None or rt is None:
                raise _Reject
            text = cells[i_since]
            since = dates[text] if text in dates else date(text)
            text = cells[i_until]
            until = dates[text] if text in dates else date(text)
            if since and until and date_bounds(since)[0] > date_bounds(until)[1]:
                raise _Reject
            text = cells[i_src]
            src = sources[text] if text in sources else source(text)
            text = cells[i_cur]
            currency = codes.get(text, "")
            if currency == "":
                currency = codes[text] = text.upper()
                if not CURRENCY_RE.match(currency):
                    del codes[text]
                    raise _Reject
            rid = cells[i_id]
            if rid and (not ID_RE.match(rid) or rid in where_of):
                raise _Reject
            key = (rt, a.type, b.type)
            fit = ends.get(key)
            if fit is None:
                fit = ends[key] = builder._ends_fit(rt, a.type, b.type)
            if not fit:
                raise _Reject
            rel = Relation(rid, rt.name, a.id, b.id, cells[i_ev] or None, src,
                           cells[i_status] or None, since, until, number(cells[i_amount]),
                           currency, number(cells[i_conf], unit=True))
        except _Reject:
            cells.pop()
            builder._relation(seed.csv_record(cells, line), path, line, True, file_source)
            continue
        cells.pop()
        for i, key in props:
            if cells[i] != "":
                rel.properties[key] = _csv_value(cells[i])
        if not rid:
            rel.id = builder._derived_id(rel)
        where_of[rel.id] = f"{path}:{line}" if line else path
        if src is not None and src is not file_source:
            builder._note_source(src)
        out.append(rel)


_RELATION_COLUMNS = frozenset(("from", "type", "to", "id", "evidence", "status", "source",
                               "since", "until", "amount", "currency", "confidence"))
