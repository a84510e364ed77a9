"""The row builder: a seed folder read row by row with the rule book.

Every problem goes into one :class:`~graph.validate.Report` with its
``path:line``. :mod:`graph.loader` loads through the parts
(:mod:`graph.parts`) and asks this builder only for a folder with a problem;
``local=True`` builds one file's part when the Arrow lane
(:mod:`graph.fastcsv`) does not take the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from .bulk import PlainColumn, RefColumn, Rows, RowsBuilder, gc_paused
from .errors import KgError, ValidationFailed
from .model import (RELATION_FIELDS, SOURCE_FIELDS, Dataset, Entity, EntityType, Relation,
                    RelationType, Schema, Source, relation_id)
from .progress import progress
from .seedio import SEED_SUFFIXES, SeedFile, display_path, read_seed_file, seed_files
from . import rules
from .rules import COLOR_RE, date_bounds, text as _text
from .validate import Report, did_you_mean

_TYPE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_ENTITY_TYPE_KEYS = {"parent", "color", "shape"}
_RELATION_TYPE_KEYS = {"symmetric", "from", "to", "label"}
_SOURCE_KEYS = ("title", "publisher", "url", "date")


def load_rows(folder: str | Path, strict: bool = False,
              extra: Sequence[str | Path] = ()) -> Dataset:
    """:func:`load_dataset` by the row builder (for a folder with a problem:
    raises :class:`ValidationFailed` with its first error)."""
    dataset, report = check_rows(folder, strict=strict, extra=extra)
    if not report.ok:
        first = str(report.errors[0])
        raise ValidationFailed(display_path(folder), len(report.errors), first)
    return dataset


def check_rows(folder: str | Path, strict: bool = False,
               extra: Sequence[str | Path] = ()) -> tuple[Dataset, Report]:
    """:func:`load_folder` by the row builder: every problem, with its
    ``path:line``."""
    root = Path(folder)
    if not root.exists():
        raise KgError(f"seed folder {display_path(root)} does not exist; "
                      "pass --seeds PATH or set KG_SEEDS")
    # (file, the folder its links must stay in): a file named on its own may be a link.
    paths: list[tuple[Path, Path | None]] = [(root, None)] if root.is_file() \
        else [(p, root) for p in seed_files(root)]
    for p in extra:
        p = Path(p)
        if not p.exists():
            raise KgError(f"{display_path(p)} does not exist")
        paths.extend([(p, None)] if p.is_file() else [(f, p) for f in seed_files(p)])
    report = Report(files=len(paths))
    if not paths:
        report.warning(display_path(root), None,
                       f"no seed files ({', '.join('*' + x for x in SEED_SUFFIXES)}) found")
    with gc_paused():
        seeds = [s for s in (read_seed_file(p, report, inside) for p, inside in paths)
                 if s is not None]
        builder = Builder(report, strict)
        dataset = builder.build(seeds)
    dataset.folder = display_path(root)
    # Reading and checking happen in passes; show problems in file order.
    report.issues.sort(key=lambda i: (i.path, i.line or 0))
    report.entities = len(dataset.entities)
    report.relations = len(dataset.relations)
    return dataset, report


class Builder:
    """Parses, checks and builds rows with the rule book.

    ``local=True`` builds ONE file's part for the incremental cache
    (:mod:`graph.parts`): every field rule runs, but nothing that needs the
    rest of the folder does (types, unknown or ill-fitting relation ends,
    content-id suffixes across repeats); :mod:`graph.parts` does those in one
    pass over the parts' columns. ``derived`` then records, per relation,
    whether its id was derived from its content.
    """

    def __init__(self, report: Report, strict: bool, local: bool = False):
        self.report = report
        self.strict = strict
        self.local = local
        self.derived: list[bool] | None = [] if local else None
        self.schema = Schema.builtin()
        self.dataset = Dataset(self.schema)
        # Where each entity, field and relation id was first seen: "path:line",
        # or (fast CSV lane) a number that where() turns into that text.
        self.entity_where: dict[str, str | int] = {}
        self.field_where: dict[tuple[str, str], str | int] = {}
        self.relation_where: dict[str, str | int] = {}
        self.where_files: list[str] = []
        self.relations = RowsBuilder(Relation, RELATION_FIELDS, {"properties": dict})
        self._ends_index: tuple[int, dict[str, str], dict[str, str]] | None = None
        self.repeats: dict[str, int] = {}
        self.ends: dict[tuple[str, str, str], bool] = {}
        self.type_where: dict[str, str] = {}
        # Every source once, in order of appearance, as its fields; a
        # relation's source is its number here (1-based; 0 is none).
        self.source_codes: dict[tuple[str | None, ...], int] = {}

    # -- orchestration -------------------------------------------------
    def build(self, seeds: list[SeedFile]) -> Dataset:
        if not self.local:
            self.types(seeds)
        from . import fastcsv

        rows = sum(len(s.entities) + len(s.relations) for s in seeds)
        # Only folders that take about a second or more get a bar.
        with progress("Checking seeds", total=rows, show=rows >= 50_000) as bar:
            for seed in seeds:
                if seed.header is not None and fastcsv.ENABLED:
                    fastcsv.entities(self, seed)
                else:
                    for raw, line in seed.entities:
                        self.add_entity(seed.csv_record(raw, line) if seed.header else raw,
                                     seed.path, line, seed.is_csv)
                bar.update(len(seed.entities))
            for seed in seeds:
                file_source = self._source(seed.source, seed.path, seed.source_line)
                if file_source is not None:
                    self.note_source(file_source)
                if seed.header is not None and fastcsv.ENABLED:
                    fastcsv.relations(self, seed, file_source)
                else:
                    for raw, line in seed.relations:
                        self.add_relation(seed.csv_record(raw, line) if seed.header else raw,
                                       seed.path, line, seed.is_csv, file_source)
                bar.update(len(seed.relations))
        keys = list(self.source_codes)
        sources = Rows(Source, SOURCE_FIELDS,
                       [PlainColumn(list(c)) for c in zip(*keys)] if keys
                       else [PlainColumn([]) for _ in SOURCE_FIELDS], len(keys))
        # Rows is a read-only Sequence made on access, where Dataset
        # (graph/model.py) declares list: these ignores go when the model says so.
        self.dataset.sources = sources  # type: ignore[assignment]
        self.dataset.relations = self.relations.rows(  # type: ignore[assignment]
            {"source": RefColumn(sources, self.relations.lists["source"])})
        return self.dataset

    def types(self, seeds: Iterable[SeedFile]) -> None:
        """The schema: every file's ``types`` section, in file order, then the
        parents and ends they name."""
        for seed in seeds:
            if seed.types is not None:
                self._types(seed)
        self._check_type_parents()

    def file_code(self, path: str) -> int:
        """A number to add a line number to, for a where-value of ``path``."""
        self.where_files.append(path)
        return (len(self.where_files) - 1) << 32

    def where(self, value: str | int) -> str:
        """``path:line`` from a where-value (see file_code)."""
        if isinstance(value, int):
            return f"{self.where_files[value >> 32]}:{value & 0xFFFFFFFF}"
        return value

    def entity_index(self) -> tuple[dict[str, str], dict[str, str]]:
        """Each entity id to itself (the one string kept) and to its type."""
        ents = self.dataset.entities
        if self._ends_index is None or self._ends_index[0] != len(ents):
            self._ends_index = (len(ents), dict(zip(ents, ents)),
                                {eid: e.type for eid, e in ents.items()})
        return self._ends_index[1], self._ends_index[2]

    def _problem(self, path: str, line: int | None, message: str,
                 strictable: bool = False) -> None:
        if strictable and not self.strict:
            self.report.warning(path, line, message)
        else:
            self.report.error(path, line, message)

    def note_source(self, source: Source) -> int:
        return self.source_code((source.title, source.publisher, source.url, source.date))

    def source_code(self, fields: tuple[str | None, ...]) -> int:
        """The number of the source with these fields, noting it if new."""
        return self.source_numbers([fields])[0]

    def source_numbers(self, sources: Iterable[tuple[str | None, ...]]) -> list[int]:
        """:meth:`source_code` of many, in order."""
        codes = self.source_codes
        out = []
        for fields in sources:
            code = codes.get(fields)
            if code is None:
                code = codes[fields] = len(codes) + 1
            out.append(code)
        return out

    # -- types ---------------------------------------------------------
    def _types(self, seed: SeedFile) -> None:
        path, line, types = seed.path, seed.types_line, seed.types
        if not isinstance(types, dict):
            self.report.error(path, line, "'types' must be a mapping of type name to spec")
            return
        if types and set(types) <= {"entities", "relations"}:
            groups = [("entity", types.get("entities") or {}),
                      ("relation", types.get("relations") or {})]
            for kind, specs in groups:
                if not isinstance(specs, dict):
                    self.report.error(path, line, f"'types.{kind}' must be a mapping")
                    continue
                for name, spec in specs.items():
                    self._type(kind, name, spec, path, getattr(spec, "line", None) or line)
            return
        for name, spec in types.items():
            spec_line = getattr(spec, "line", None) or line
            keys = set(spec) if isinstance(spec, dict) else set()
            if keys & _RELATION_TYPE_KEYS and not keys & _ENTITY_TYPE_KEYS:
                kind = "relation"
            elif keys & _ENTITY_TYPE_KEYS and not keys & _RELATION_TYPE_KEYS:
                kind = "entity"
            else:
                self.report.error(path, spec_line, f"type {name!r}: give `parent`/`color` "
                                  "(an entity type) or `symmetric` (a relation type)")
                continue
            self._type(kind, name, spec, path, spec_line)

    def _type(self, kind: str, name: Any, spec: Any, path: str, line: int | None) -> None:
        where = f"{path}:{line}" if line else path
        if not isinstance(name, str) or not _TYPE_NAME_RE.fullmatch(name):
            self.report.error(path, line, f"bad type name {name!r}: use lower_case letters, "
                                          "digits and _")
            return
        if not isinstance(spec, dict):
            self.report.error(path, line, f"type {name!r}: spec must be a mapping")
            return
        allowed = _ENTITY_TYPE_KEYS if kind == "entity" else _RELATION_TYPE_KEYS
        for key in spec:
            if key not in allowed:
                self.report.error(path, line, f"type {name!r}: unknown key {key!r}; allowed: "
                                  f"{', '.join(sorted(allowed))}")
                return
        if name in self.schema.entity_types or name in self.schema.relation_types:
            builtin = (self.schema.entity_types.get(name) or self.schema.relation_types[name]).builtin
            if builtin:
                self.report.error(path, line, f"type {name!r} is built in and cannot be redefined")
            else:
                self.report.error(path, line, f"type {name!r} is already defined at "
                                  f"{self.type_where[name]}")
            return
        self.type_where[name] = where
        if kind == "entity":
            color = spec.get("color", None)
            if color is not None and not (isinstance(color, str) and COLOR_RE.fullmatch(color)):
                self.report.error(path, line, f"type {name!r}: color must be like \"#1f77b4\"")
                color = None
            parent = spec.get("parent")
            self.schema.entity_types[name] = EntityType(
                name, parent=_text(parent), color=color or "", shape=_text(spec.get("shape")) or "dot",
                builtin=False)
        else:
            symmetric = spec.get("symmetric", False)
            if not isinstance(symmetric, bool):
                self.report.error(path, line, f"type {name!r}: symmetric must be true or false")
                symmetric = False
            ends = []
            for key in ("from", "to"):
                value = spec.get(key) or []
                value = [value] if isinstance(value, str) else value
                ends.append(tuple(str(v) for v in value))
            self.schema.relation_types[name] = RelationType(
                name, symmetric=symmetric, from_types=ends[0], to_types=ends[1],
                label=_text(spec.get("label")), builtin=False)

    def _check_type_parents(self) -> None:
        for et in list(self.schema.entity_types.values()):
            if et.builtin or et.parent is None:
                continue
            path, _, line = self.type_where[et.name].rpartition(":")
            line_no = int(line) if line.isdigit() else None
            if not line.isdigit():
                path = self.type_where[et.name]
            if et.parent not in self.schema.entity_types:
                self.report.error(path, line_no, f"type {et.name!r}: unknown parent {et.parent!r}"
                                  + did_you_mean(et.parent, self.schema.entity_types))
            elif et.name in self.schema.lineage(et.parent):
                self.report.error(path, line_no, f"type {et.name!r}: parent chain loops back to it")
        for rt in self.schema.relation_types.values():
            for t in rt.from_types + rt.to_types:
                if not rt.builtin and t not in self.schema.entity_types:
                    where = self.type_where[rt.name]
                    self.report.error(where, None, f"type {rt.name!r}: unknown entity type {t!r}"
                                      + did_you_mean(t, self.schema.entity_types))

    # -- entities ------------------------------------------------------
    def add_entity(self, raw: Any, path: str, line: int | None, is_csv: bool) -> None:
        if not isinstance(raw, dict):
            self.report.error(path, line, "each entity must be a mapping with id, type and name")
            return
        missing = [k for k in ("id", "type", "name") if _text(raw.get(k)) in (None, "")]
        label = f"entity {_text(raw.get('id'))!r}" if _text(raw.get("id")) else "entity"
        if missing:
            self.report.error(path, line, f"{label}: missing required field(s) "
                                          f"{', '.join(missing)}")
            return
        eid, etype, name = _text(raw["id"]), _text(raw["type"]), _text(raw["name"])
        assert eid is not None and etype is not None and name is not None
        try:
            rules.identifier(eid)
        except ValueError as exc:
            self.report.error(path, line, str(exc))
            return
        if not self.local and etype not in self.schema.entity_types:
            self.report.error(path, line, f"entity {eid!r}: unknown entity type {etype!r}"
                              + did_you_mean(etype, self.schema.entity_types))
        entity = Entity(eid, etype, name)
        for key, value in raw.items():
            if key in ("id", "type", "name"):
                continue
            try:
                self._entity_field(entity, str(key), value, is_csv)
            except ValueError as exc:
                self.report.error(path, line, f"entity {eid!r}: {key}: {exc}")
        self.merge(entity, f"{path}:{line}" if line else path, path, line)

    def _entity_field(self, entity: Entity, key: str, value: Any, is_csv: bool) -> None:
        rule = rules.ENTITY_RULES.get(key)
        if rule is None:
            entity.properties[key] = rules.entity_property(value, is_csv)
        else:
            setattr(entity, key, rule(value, is_csv))

    def merge(self, entity: Entity, where: str | int, path: str, line: int | None) -> None:
        entities = self.dataset.entities
        old = entities.get(entity.id)
        if old is None:
            # field_where only notes fields a later file adds; the others were
            # set here, at entity_where.
            entities[entity.id] = entity
            self.entity_where[entity.id] = where
            return
        pairs = [(key, key, getattr(old, key), getattr(entity, key))
                 for key in ("type", "name", "country", "description", "url")]
        pairs += [("." + k, k, old.properties.get(k), v) for k, v in entity.properties.items()]
        for slot, shown, before, now in pairs:
            if now is None:
                continue
            if before is None:
                if slot.startswith("."):
                    old.properties[shown] = now
                else:
                    setattr(old, shown, now)
                self.field_where[(entity.id, slot)] = where
            elif before != now:
                first = self.field_where.get((entity.id, slot), self.entity_where[entity.id])
                self.report.error(path, line, f"entity {entity.id!r}: conflicting {shown}: "
                                  f"{now!r} here, {before!r} at {self.where(first)}")
        old.aliases = rules.unique(old.aliases + entity.aliases)
        old.tags = rules.unique(old.tags + entity.tags)

    # -- relations -----------------------------------------------------
    def _source(self, value: Any, path: str, line: int | None) -> Source | None:
        if value is None:
            return None
        if isinstance(value, str):
            return Source(title=value)
        if not isinstance(value, dict):
            self.report.error(path, line, "source must be a mapping (title, publisher, url, "
                                          "date) or a string")
            return None
        for key in value:
            if key not in _SOURCE_KEYS:
                self.report.error(path, line, f"source: unknown key {key!r}; allowed: "
                                  f"{', '.join(_SOURCE_KEYS)}" + did_you_mean(str(key), _SOURCE_KEYS))
        return Source(**{k: _text(value.get(k)) for k in _SOURCE_KEYS})

    def add_relation(self, raw: Any, path: str, line: int | None, is_csv: bool,
                  file_source: Source | None) -> None:
        report = self.report
        if not isinstance(raw, dict):
            report.error(path, line, "each relation must be a mapping with from, type and to")
            return
        missing = [k for k in ("from", "type", "to") if _text(raw.get(k)) in (None, "")]
        if missing:
            report.error(path, line, f"relation: missing required field(s) {', '.join(missing)}")
            return
        src, rtype, dst = _text(raw["from"]), _text(raw["type"]), _text(raw["to"])
        assert src is not None and rtype is not None and dst is not None
        label = f"relation {src} -{rtype}-> {dst}"
        ok = True
        for end, eid in (("from", src), ("to", dst)):
            if not self.local and eid not in self.dataset.entities:
                report.error(path, line, f"{label}: unknown entity {eid!r} in '{end}'"
                             + did_you_mean(eid, self.dataset.entities))
                ok = False
        rt = self.schema.relation_types.get(rtype)
        if rt is None and not self.local:
            report.error(path, line, f"{label}: unknown relation type {rtype!r}"
                         + did_you_mean(rtype, self.schema.relation_types))
            ok = False
        rel = Relation("", rtype, src, dst, source=file_source)
        explicit_id: str | None = None
        for key, value in raw.items():
            if key in ("from", "type", "to"):
                continue
            try:
                if key == "id":
                    explicit_id = rules.identifier(value)
                else:
                    self._relation_field(rel, str(key), value, is_csv, path, line)
            except ValueError as exc:
                report.error(path, line, f"{label}: {key}: {exc}")
                ok = False
        if rel.since and rel.until and date_bounds(rel.since)[0] > date_bounds(rel.until)[1]:
            report.error(path, line, f"{label}: since {rel.since} is after until {rel.until}")
        if rt is not None and ok and not self.local:
            self._check_ends(rt, rel, label, path, line)
        where = f"{path}:{line}" if line else path
        if explicit_id is not None:
            if explicit_id in self.relation_where:
                report.error(path, line, f"duplicate relation id {explicit_id!r}; first used at "
                             f"{self.where(self.relation_where[explicit_id])}")
                return
            rel.id = explicit_id
        else:
            rel.id = self._derived_id(rel)
        self.relation_where[rel.id] = where
        code = 0 if rel.source is None else self.note_source(rel.source)
        if ok:
            self.relations.add(rel, source=code)
            if self.derived is not None:
                self.derived.append(explicit_id is None)

    def _derived_id(self, rel: Relation) -> str:
        """The content id of a relation without one; repeats get ~2, ~3..."""
        return self.unique_id(relation_id(rel.source_id, rel.type, rel.target_id,
                                          rel.evidence, rel.since, rel.until))

    def unique_id(self, base: str) -> str:
        """``base``, or ``base~2``, ``base~3``... if taken (a local builder
        keeps ``base``: the suffixes depend on the whole folder)."""
        if self.local or base not in self.relation_where:
            return base
        # Remembering the last suffix per base keeps many repeats linear.
        n = self.repeats.get(base, 1)
        rid = base if n == 1 else f"{base}~{n}"
        while rid in self.relation_where:
            n += 1
            rid = f"{base}~{n}"
        self.repeats[base] = n
        return rid

    def _relation_field(self, rel: Relation, key: str, value: Any, is_csv: bool,
                        path: str, line: int | None) -> None:
        if key == "source":
            rel.source = self._source(rules.csv_source(value) if is_csv else value, path, line)
            return
        rule = rules.RELATION_RULES.get(key)
        if rule is None:
            rel.properties[key] = rules.relation_property(value, is_csv)
        else:
            setattr(rel, key, rule(value, is_csv))

    def ends_fit(self, rt: RelationType, a: str, b: str) -> bool:
        """Whether entity types a -> b suit ``rt`` (unknown types: already reported)."""
        key = (rt.name, a, b)
        fit = self.ends.get(key)
        if fit is None:
            types = self.schema.entity_types

            def fits(x: str, y: str) -> bool:
                return ((not rt.from_types or self.schema.is_a(x, rt.from_types))
                        and (not rt.to_types or self.schema.is_a(y, rt.to_types)))

            fit = self.ends[key] = (a not in types or b not in types or fits(a, b)
                                    or (rt.symmetric and fits(b, a)))
        return fit

    def _check_ends(self, rt: RelationType, rel: Relation, label: str, path: str,
                    line: int | None) -> None:
        ents = self.dataset.entities
        a, b = ents[rel.source_id].type, ents[rel.target_id].type
        if self.ends_fit(rt, a, b):
            return
        want = (f"{'|'.join(rt.from_types) or 'any'} -> {'|'.join(rt.to_types) or 'any'}")
        self._problem(path, line, f"{label}: {rt.name} expects {want}, got {a} -> {b}",
                      strictable=True)
