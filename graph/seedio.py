"""Reading seed files into plain records that remember where they came from.

This is the only module that parses YAML, JSON or CSV seed text. It reports
problems to a :class:`~graph.validate.Report` instead of raising, so that one
run can show every problem in a folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from itertools import count, repeat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, Iterator

from .validate import Report

SEED_SUFFIXES = (".yaml", ".yml", ".json", ".csv")
_ENTITY_HEADER = ("id", "type", "name")
_RELATION_HEADER = ("from", "type", "to")


class LineDict(dict):
    """A mapping that remembers the line it started on (1-based)."""

    line: int | None = None


@dataclass
class SeedFile:
    """The records of one seed file, before validation of their contents."""

    path: str
    source: Any = None
    source_line: int | None = None
    # Lists of (record, line); a clean CSV file has a CsvRows instead.
    entities: Sequence[tuple[Any, int | None]] = field(default_factory=list)
    relations: Sequence[tuple[Any, int | None]] = field(default_factory=list)
    types: Any = None
    types_line: int | None = None
    is_csv: bool = False
    # CSV files keep their rows as cell lists (entities/relations hold
    # (cells, line)); csv_record() turns one into a record when needed.
    header: list[str] | None = None

    def csv_record(self, cells: list[str], line: int | None) -> LineDict:
        """A CSV row as a record: header -> cell, empty cells left out."""
        assert self.header is not None
        record = LineDict({h: v for h, v in zip(self.header, cells) if v != ""})
        record.line = line
        return record


def display_path(path: Path | str) -> str:
    """A path as users typed it: relative to the working directory when inside it."""
    p = str(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel


def seed_files(folder: Path) -> list[Path]:
    """Seed files under ``folder``, recursively, in sorted path order; dotfiles skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SEED_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_text(path: Path, shown: str, report: Report) -> str | None:
    """File text as str, or None after reporting why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(shown, None, f"cannot read file: {exc.strerror or exc}")
        return None
    if b"\x00" in data[:8192]:
        report.error(shown, None, "binary file, not a seed file; remove it or move it "
                                  "out of the seed folder")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error(shown, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                                  "save the file as UTF-8")
        return None
    if not text.strip():
        report.warning(shown, None, "empty file")
        return None
    return text


def read_seed_file(path: Path, report: Report) -> SeedFile | None:
    """Parse one seed file; structural problems go to ``report``."""
    shown = display_path(path)
    text = read_text(path, shown, report)
    if text is None:
        return None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(text, shown, report)
    if suffix == ".json":
        data = _parse_json(text, shown, report)
    else:
        data = _parse_yaml(text, shown, report)
    if data is _FAILED:
        return None
    return _from_document(data, shown, report)


_FAILED = object()


def _line_loader():
    import yaml

    # libyaml's parser when present: about ten times faster on big folders.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[valid-type,misc]
        """SafeLoader that keeps line numbers and leaves dates as strings."""

    # Dates stay text: since/until are ISO prefixes, and YAML would turn
    # `2025-07-14` into a date object but leave `2025-07` a string.
    LineLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader, node, deep=False):
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value",
                    key_node.start_mark) from None
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               construct_mapping)
    return LineLoader


_LOADER = None


def load_yaml_with_lines(text: str) -> Any:
    """``yaml.load`` with :class:`LineDict` mappings (raises yaml.YAMLError)."""
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _line_loader()
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - SafeLoader subclass


def _parse_yaml(text: str, shown: str, report: Report) -> Any:
    import yaml

    try:
        return load_yaml_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None and context_mark is not mark:
            detail += f" ({context} at line {context_mark.line + 1})"
        report.error(shown, line, f"YAML syntax error: {detail}")
        return _FAILED


def _parse_json(text: str, shown: str, report: Report) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        report.error(shown, exc.lineno, f"JSON syntax error: {exc.msg} (column {exc.colno})")
        return _FAILED
    # JSON gives no positions; the YAML parser reads almost all JSON and does,
    # so borrow its line numbers when it agrees with the JSON parse.
    try:
        located = load_yaml_with_lines(text)
    except Exception:  # noqa: BLE001 - positions are a nicety only
        located = None
    return _graft_lines(data, located)


def _graft_lines(data: Any, located: Any) -> Any:
    if isinstance(data, dict):
        out = LineDict(data)
        if isinstance(located, LineDict):
            out.line = located.line
        for k, v in data.items():
            out[k] = _graft_lines(v, located.get(k) if isinstance(located, dict) else None)
        return out
    if isinstance(data, list):
        same = isinstance(located, list) and len(located) == len(data)
        return [_graft_lines(v, located[i] if same else None) for i, v in enumerate(data)]
    return data


def _line_of(value: Any, default: int | None = None) -> int | None:
    return getattr(value, "line", None) or default


def _from_document(data: Any, shown: str, report: Report) -> SeedFile | None:
    from .schema import TOP_LEVEL_KEYS

    if data is None:
        report.warning(shown, None, "empty file")
        return None
    if not isinstance(data, dict):
        kind = type(data).__name__
        report.error(shown, 1, f"top level must be a mapping with keys "
                               f"{', '.join(TOP_LEVEL_KEYS)}; found a {kind}")
        return None
    top = _line_of(data, 1)
    seed = SeedFile(shown)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            from .validate import did_you_mean
            report.error(shown, top, f"unknown top-level key {key!r}; allowed: "
                                     f"{', '.join(TOP_LEVEL_KEYS)}{did_you_mean(str(key), TOP_LEVEL_KEYS)}")
    for key in ("entities", "relations"):
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            report.error(shown, _line_of(items, top), f"'{key}' must be a list")
            continue
        target = seed.entities if key == "entities" else seed.relations
        for item in items:
            target.append((item, _line_of(item, top)))
    seed.source = data.get("source")
    seed.source_line = _line_of(seed.source, top)
    seed.types = data.get("types")
    seed.types_line = _line_of(seed.types, top)
    return seed


class CsvRows(Sequence):
    """The rows of a clean CSV body as one flat list of cells: row ``i`` is
    ``(cells[i * width:(i + 1) * width], first + i)``, and :meth:`column`
    gives a whole column in one slice (see :mod:`graph.fastcsv`)."""

    def __init__(self, cells: list[str], width: int, first: int):
        self.cells, self.width, self.first = cells, width, first

    def __len__(self) -> int:
        return len(self.cells) // self.width

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("row index out of range")
        w = self.width
        return self.cells[i * w:(i + 1) * w], self.first + i

    def __iter__(self) -> Iterator[tuple[list[str], int]]:
        cells, w = self.cells, self.width
        return ((cells[a:a + w], line)
                for a, line in zip(range(0, len(cells), w), count(self.first)))

    def column(self, j: int) -> list[str]:
        return self.cells[j::self.width]

    def lines(self) -> range:
        return range(self.first, self.first + len(self))


def _split_lines(text: str) -> list[str] | None:
    """The lines of a CSV text that has nothing for the csv module to interpret
    (no quotes, no lone carriage returns, no NULs, no field over its size
    limit), so that splitting on newlines and commas gives exactly its rows;
    None for any other text."""
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines and max(map(len, lines)) > csv.field_size_limit():
        return None
    return lines


def _clean_body(lines: list[str], width: int) -> CsvRows | None:
    """All rows after the header at once, when each has ``width`` cells and a
    first cell that is not blank (so no row is blank); else None."""
    body = lines[1:]
    if not all(map((width - 1).__eq__, map(str.count, body, repeat(",")))):
        return None
    cells = ",".join(body).split(",") if body else []
    first = cells[0::width]
    if "" in first or any(map(str.isspace, first)):
        return None
    return CsvRows(cells, width, 2)


def _read_csv(text: str, shown: str, report: Report) -> SeedFile | None:
    lines = _split_lines(text)
    if lines is not None:
        rows: Iterator[list[str]] = (line.split(",") for line in lines)
        line_num: Callable[[], int] = count(1).__next__
    else:
        reader = csv.reader(io.StringIO(text, newline=""))
        rows = reader

        def line_num() -> int:
            return reader.line_num
    try:
        header = next(rows)
        if lines is not None:
            line_num()
    except (StopIteration, csv.Error) as exc:
        report.error(shown, 1, f"CSV syntax error: {exc}")
        return None
    header = [h.strip() for h in header]
    seed = SeedFile(shown, is_csv=True, header=header)
    if all(h in header for h in _ENTITY_HEADER):
        kind = "entities"
    elif all(h in header for h in _RELATION_HEADER):
        kind = "relations"
    else:
        report.error(shown, 1, "CSV header must contain id,type,name (entities) or "
                               "from,type,to (relations); found " + ",".join(header))
        return None
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        report.error(shown, 1, f"CSV header repeats column(s) {', '.join(dupes)}")
        return None
    width = len(header)
    clean = _clean_body(lines, width) if lines is not None else None
    if clean is not None:
        setattr(seed, kind, clean)
        return seed
    target = getattr(seed, kind)
    try:
        for row in rows:
            line = line_num()
            if len(row) != width:
                if not "".join(row).strip():
                    continue
                report.error(shown, line, f"row has {len(row)} cells, header has {width}")
                continue
            if not "".join(row).strip():
                continue
            target.append((row, line))
    except csv.Error as exc:
        report.error(shown, line_num(), f"CSV syntax error: {exc}")
    return seed
