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
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import count, repeat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable, Iterator

from .input import MAX_FILE_BYTES, UnsafeFile, read_regular
from .rules import MAX_DEPTH, bad_character, check_tree, table_kind, too_deep, unknown_table
from .validate import Report

SEED_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".parquet")
MAX_COLUMNS = 1_000               # columns in one CSV file
ALIAS_BUDGET = 10_000_000         # characters YAML aliases may add to a document


class LineDict(dict[Any, Any]):
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


def read_text(path: Path, shown: str, report: Report, inside: Path | None = None) -> str | None:
    """File text as str, or None after reporting why it cannot be read.

    Only a regular file is read (a link only when it stays inside the folder
    ``inside``), and at most :data:`~graph.input.MAX_FILE_BYTES` of it.
    """
    try:
        data = read_regular(path, shown, MAX_FILE_BYTES, inside, what="seed file")
    except UnsafeFile as exc:
        report.error(shown, None, exc.reason)
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


def read_seed_file(path: Path, report: Report, inside: Path | None = None) -> SeedFile | None:
    """Parse one seed file; structural problems go to ``report``.

    ``inside``: the seed folder, which symbolic links may not lead out of.
    """
    shown = display_path(path)
    if path.suffix.lower() == ".parquet":
        from .parquetseed import read_parquet   # pyarrow only when a folder has Parquet
        rows = read_parquet(path, shown, report, inside)
        return None if rows is None else SeedFile(shown, entities=rows[0], relations=rows[1])
    text = read_text(path, shown, report, inside)
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
    for line, key, problem in check_tree(data):
        if line is None and key:    # JSON the YAML parser could not place
            at = text.find(json.dumps(key) + ":")
            line = text.count("\n", 0, at) + 1 if at >= 0 else None
        report.error(shown, line, problem)
    return _from_document(data, shown, report)


_FAILED = object()


class DuplicateKey(Exception):
    """A mapping gives one key twice (the later value would silently win)."""

    def __init__(self, key: Any, line: int, first: int):
        self.key, self.line, self.first = key, line, first
        super().__init__(f"duplicate key {key!r} (first at line {first}); the second "
                         "value would replace the first: keep one")


class TooExpanded(Exception):
    """YAML aliases or nesting would make a document much bigger than its text."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def check_nodes(root: Any, text_size: int) -> None:
    """Refuse (:class:`TooExpanded`) a composed YAML document that nests deeper
    than :data:`MAX_DEPTH` or whose aliases expand it by more than
    :data:`ALIAS_BUDGET` characters (a 1 MB anchor used 1,000 times is 1 GB of
    page later). Iterative and linear: each node is measured once."""
    import yaml

    budget = text_size + ALIAS_BUDGET
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    uses: dict[int, int] = {}           # containers met again through an alias
    nodes: dict[int, Any] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            if key in size:
                uses[key] = uses.get(key, 0) + 1
            size[key], height[key], nodes[key] = len(node.value), 0, node
            continue
        children = ([n for pair in node.value for n in pair]
                    if isinstance(node, yaml.MappingNode) else list(node.value))
        if not done:
            if key in height:           # a node seen before: an alias to it
                uses[key] = uses.get(key, 0) + 1
                continue
            height[key] = -1            # being measured; meeting it again is a loop
            nodes[key] = node
            stack.append((node, True))
            for child in children:
                if height.get(id(child)) == -1:
                    raise TooExpanded(node.start_mark.line + 1,
                                      "YAML alias refers to a value that contains it; "
                                      "write the value out")
                stack.append((child, False))
            continue
        height[key] = 1 + max((height[id(c)] for c in children), default=0)
        size[key] = 1 + sum(size[id(c)] for c in children)
        line = node.start_mark.line + 1
        if height[key] > MAX_DEPTH:
            raise TooExpanded(line, f"nested more than {MAX_DEPTH} levels deep; "
                                    "seed files need only a few")
        if size[key] > budget:
            big = max(uses, key=lambda k: size[k] * uses[k], default=None)
            how = (f" (the anchor at line {nodes[big].start_mark.line + 1} is used "
                   f"{uses[big] + 1:,} times)" if big is not None else "")
            raise TooExpanded(line, f"YAML aliases expand this value to more than "
                                    f"{budget:,} characters{how}; write the values out "
                                    "or reuse only small anchors")


def _line_loader() -> Any:
    import yaml

    # libyaml's parser when present: about ten times faster on big folders.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[valid-type,misc]
        """SafeLoader that keeps line numbers, leaves dates as strings, refuses
        duplicate keys and documents that aliases or nesting blow up."""

        text_size = 0

        def construct_document(self, node: Any) -> Any:
            check_nodes(node, self.text_size)
            return super().construct_document(node)

    # Dates stay text: since/until are ISO prefixes, and YAML would turn
    # `2025-07-14` into a date object but leave `2025-07` a string.
    LineLoader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> LineDict:
        # Keys from `<<: *base` merges come first and may be overridden; the
        # mapping's own keys may not repeat.
        own = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        first_own = len(node.value) - own
        own_lines: dict[Any, int] = {}
        for i, (key_node, value_node) in enumerate(node.value):
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value",
                    key_node.start_mark) from None
            if i >= first_own:
                line = key_node.start_mark.line + 1
                if key in own_lines:
                    raise DuplicateKey(key, line, own_lines[key])
                own_lines[key] = line
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    def construct_int(loader: Any, node: Any) -> Any:
        # int() of thousands of digits is refused by Python (and slow before that).
        if len(node.value) > 40:
            raise yaml.constructor.ConstructorError(
                None, None, "integer too long (over 40 digits); write it as text",
                node.start_mark)
        return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
    return LineLoader


_LOADER = None


def load_yaml_with_lines(text: str) -> Any:
    """``yaml.load`` with :class:`LineDict` mappings (raises yaml.YAMLError)."""
    import yaml

    global _LOADER
    if _LOADER is None:
        _LOADER = _line_loader()
    loader = _LOADER(text)
    loader.text_size = len(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _parse_yaml(text: str, shown: str, report: Report) -> Any:
    import yaml

    try:
        return load_yaml_with_lines(text)
    except (DuplicateKey, TooExpanded) as exc:
        report.error(shown, exc.line, str(exc))
        return _FAILED
    except RecursionError:
        report.error(shown, None, f"nested too deeply (more than {MAX_DEPTH} levels); "
                                  "seed files need only a few")
        return _FAILED
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None and context_mark is not mark:
            detail += f" ({context} at line {context_mark.line + 1})"
        report.error(shown, line, f"YAML syntax error: {detail}")
        return _FAILED


_LONG_INT = re.compile(r"(?<![\d.eE+-])-?\d{41,}")


def _json_int(digits: str) -> int:
    if len(digits) > 41:
        raise _LongInt
    return int(digits)


class _LongInt(ValueError):
    pass


def _parse_json(text: str, shown: str, report: Report) -> Any:
    try:
        data = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        report.error(shown, exc.lineno, f"JSON syntax error: {exc.msg} (column {exc.colno})")
        return _FAILED
    except _LongInt:
        m = _LONG_INT.search(text)
        line = text.count("\n", 0, m.start()) + 1 if m else None
        report.error(shown, line, "integer too long (over 40 digits); write it as text")
        return _FAILED
    except RecursionError:
        data = _FAILED
    if data is _FAILED or too_deep(data):
        report.error(shown, None, f"nested more than {MAX_DEPTH} levels deep; "
                                  "seed files need only a few")
        return _FAILED
    # JSON gives no positions; the YAML parser reads almost all JSON and does,
    # so borrow its line numbers when it agrees with the JSON parse. It also
    # finds repeated keys, which JSON parsers silently drop.
    try:
        located = load_yaml_with_lines(text)
    except DuplicateKey as exc:
        report.error(shown, exc.line, str(exc))
        return _FAILED
    except Exception:  # noqa: BLE001 - positions are a nicety only
        located = None
        repeated = _repeated_json_key(text)
        if repeated is not None:
            report.error(shown, None, f"duplicate key {repeated!r}; the second value "
                                      "would replace the first: keep one")
            return _FAILED
    return _graft_lines(data, located)


def _repeated_json_key(text: str) -> str | None:
    """A key some JSON object gives twice, or None."""
    found: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            found.extend(k for k, n in Counter(keys).items() if n > 1)
        return dict(items)

    json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
    return found[0] if found else None


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
        assert isinstance(target, list)
        for item in items:
            target.append((item, _line_of(item, top)))
    seed.source = data.get("source")
    seed.source_line = _line_of(seed.source, top)
    seed.types = data.get("types")
    seed.types_line = _line_of(seed.types, top)
    return seed


class CsvRows(Sequence[tuple[list[str], int]]):
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


# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PROTECTED = re.compile("'+[=+\\-@\t\r]")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def protect_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run: text that starts like a formula
    (``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``,
    as does text that already starts with ``'`` before one of those, so that
    :func:`unprotect_cell` gives the text back exactly. Plain numbers stay.

    >>> protect_cell("=HYPERLINK(1)"), protect_cell("-5"), protect_cell("'=x")
    ("'=HYPERLINK(1)", '-5', "''=x")
    """
    stripped = text.lstrip("'")
    if stripped.startswith(FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def unprotect_cell(text: str) -> str:
    """The text :func:`protect_cell` protected (one ``'`` before ``'*=+-@`` goes).

    >>> unprotect_cell("'=HYPERLINK(1)"), unprotect_cell("''=x"), unprotect_cell("'tis")
    ('=HYPERLINK(1)', "'=x", "'tis")
    """
    return text[1:] if PROTECTED.match(text) else text


def _unprotect_all(cells: list[str]) -> list[str]:
    return [unprotect_cell(c) if c[:1] == "'" else c for c in cells]


def _read_csv(text: str, shown: str, report: Report) -> SeedFile | None:
    bad = bad_character(text)
    if bad is not None:
        at = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)
        line = text.count("\n", 0, at.start()) + 1 if at else None
        report.error(shown, line, f"contains {bad}, which XML and UTF-8 cannot carry; "
                                  "remove it")
        return None
    protected = "'" in text     # cells written by protect_cell (our CSV export)
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
    if len(header) > MAX_COLUMNS:
        report.error(shown, 1, f"CSV header has {len(header):,} columns, over the limit of "
                               f"{MAX_COLUMNS:,}; split the properties over several files")
        return None
    header = [h.strip() for h in (_unprotect_all(header) if protected else header)]
    seed = SeedFile(shown, is_csv=True, header=header)
    kind = table_kind(header)
    if kind is None:
        report.error(shown, 1, unknown_table("CSV header must contain", header))
        return None
    dupes = sorted(h for h, n in Counter(header).items() if n > 1)
    if dupes:
        report.error(shown, 1, f"CSV header repeats column(s) {', '.join(dupes)}")
        return None
    width = len(header)
    clean = _clean_body(lines, width) if lines is not None else None
    if clean is not None:
        if protected:
            clean.cells = _unprotect_all(clean.cells)
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
            target.append((_unprotect_all(row) if protected else row, line))
    except csv.Error as exc:
        report.error(shown, line_num(), f"CSV syntax error: {exc}")
    return seed
