"""Problems found in a seed folder, and the checks on single values.

A :class:`Report` collects every problem in one run; each prints as
``path:line: level: message``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
DATE_PREFIX_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")

# ISO 3166-1 alpha-2 officially assigned codes.
ISO_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())


@dataclass(frozen=True)
class Issue:
    level: str          # "error" or "warning"
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "path": self.path, "line": self.line,
                "message": self.message}


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    files: int = 0
    entities: int = 0
    relations: int = 0

    def error(self, path: str, line: int | None, message: str) -> None:
        self.issues.append(Issue("error", path, line, message))

    def warning(self, path: str, line: int | None, message: str) -> None:
        self.issues.append(Issue("warning", path, line, message))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """``3 files, 40 entities, 52 relations: 0 errors, 1 warning``."""
        return (f"{plural(self.files, 'file')}, {plural(self.entities, 'entity', 'entities')}, "
                f"{plural(self.relations, 'relation')}: {plural(len(self.errors), 'error')}, "
                f"{plural(len(self.warnings), 'warning')}")

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "files": self.files, "entities": self.entities,
                "relations": self.relations, "errors": len(self.errors),
                "warnings": len(self.warnings),
                "issues": [i.to_dict() for i in self.issues]}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file`` / ``2 files``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or empty.

    >>> did_you_mean("frim", ["firm", "fund"])
    " (did you mean 'firm'?)"
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def date_prefix(value: Any) -> str | None:
    """Normalise an ISO date prefix (``2025``, ``2025-07``, ``2025-07-14``).

    Raises ValueError with a reason for anything else.

    >>> date_prefix(2025)
    '2025'
    """
    text = str(value).strip()
    m = DATE_PREFIX_RE.match(text)
    if not m or isinstance(value, (bool, float)):
        raise ValueError(f"{value!r} is not an ISO date prefix like 2025, 2025-07 or 2025-07-14")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    return text


def date_bounds(prefix: str) -> tuple[str, str]:
    """First and last full date covered by a date prefix.

    >>> date_bounds("2024-02")
    ('2024-02-01', '2024-02-29')
    """
    import calendar

    parts = prefix.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return prefix, prefix


def is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def property_value(value: Any) -> Any:
    """A property value if it is a scalar or a list of scalars, else raise ValueError."""
    if is_scalar(value):
        return value
    if isinstance(value, list) and all(is_scalar(v) for v in value):
        return list(value)
    raise ValueError("must be a scalar or a list of scalars")


# -- value rules ---------------------------------------------------------
# One small function per rule, used by every reader: YAML and JSON documents
# (through check_tree), CSV cells (graph.loader._csv_value) and the column
# lane (graph.fastcsv).

MAX_DEPTH = 50                   # nesting of a seed document; real seeds use about 6
INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1   # what Neo4j (and most stores) hold
# What XML 1.0 cannot carry (so GraphML/GEXF could not either) and what UTF-8
# cannot encode (lone surrogates, from JSON "\ud800"): C0 controls but tab,
# newline and carriage return; U+FFFE, U+FFFF; surrogates.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_number(value: int | float) -> int | float:
    """``value`` if a store can hold it: finite, and integers within 64 bits.

    >>> check_number(float("nan"))
    Traceback (most recent call last):
    ValueError: nan is not a finite number; write a number, or leave the value out
    """
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not a finite number; write a number, "
                             "or leave the value out")
    elif not isinstance(value, bool) and not INT_MIN <= value <= INT_MAX:
        raise ValueError(f"{value} is outside the 64-bit integer range "
                         f"({INT_MIN}..{INT_MAX}); write it as text or as a decimal")
    return value


def bad_character(text: str) -> str | None:
    """A description of the first character in ``text`` no output can carry, or None.

    >>> bad_character("a\\x1bb")
    'the control character U+001B'
    """
    m = _BAD_TEXT.search(text)
    if m is None:
        return None
    c = ord(m.group())
    kind = ("a lone surrogate" if 0xD800 <= c <= 0xDFFF else "the non-character"
            if c >= 0xFFFE else "the control character")
    return f"{kind} U+{c:04X}"


def check_text(text: str) -> str:
    """``text`` if every character can be written to every output (XML, JSON,
    CSV, a terminal after escaping), else ValueError."""
    bad = bad_character(text)
    if bad is not None:
        raise ValueError(f"text contains {bad}, which XML and UTF-8 cannot carry; remove it")
    return text


def check_value(value: Any) -> Any:
    """A scalar read from a seed: text by :func:`check_text`, numbers by :func:`check_number`."""
    if isinstance(value, str):
        return check_text(value)
    if isinstance(value, (int, float)):
        return check_number(value)
    return value


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and mappings in ``data`` nest more than ``limit`` deep
    (checked without recursion, so any depth is safe to ask about)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                return True
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items if isinstance(v, (dict, list)))
    return False


def check_tree(data: Any, line: int | None = None) -> list[tuple[int | None, str, str]]:
    """(line, key, problem) for every key and scalar in a parsed document that
    a value rule refuses; lines come from mappings that know theirs.

    ``data`` must not nest deeper than :data:`MAX_DEPTH` (see :func:`too_deep`).
    """
    problems: list[tuple[int | None, str, str]] = []
    seen: set[int] = set()      # YAML aliases share objects: check each once
    stack: list[tuple[Any, int | None, str]] = [(data, line, "")]
    while stack:
        value, at, where = stack.pop()
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, dict):
                at = getattr(value, "line", None) or at
                for key, item in value.items():
                    try:
                        check_value(key)
                    except ValueError as exc:
                        problems.append((at, str(key), f"key {key!r}: {exc}"))
                    stack.append((item, at, str(key)))
            else:
                stack.extend((item, at, where) for item in value)
            continue
        try:
            check_value(value)
        except ValueError as exc:
            problems.append((at, where, f"{where}: {exc}" if where else str(exc)))
    problems.sort(key=lambda p: p[0] or 0)
    return problems
