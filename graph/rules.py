"""The rule book: how every seed field value is read and checked, once.

Each rule takes a value as a reader found it — a YAML/JSON scalar or list, or
a CSV cell's text (``csv=True``) — and gives the clean value, or raises
ValueError with the reason the user sees. The loader's row path
(:mod:`graph.loader`) and the column lane (:mod:`graph.fastcsv`, which runs a
rule once per distinct cell value) both call these, so a value means the same
and fails with the same message whatever file it is in. Rules that need the
folder (types, entity ends, merges, duplicate ids) are the loader's.

Field -> rule: :data:`ENTITY_RULES`, :data:`RELATION_RULES`; any other key is
a property (:func:`entity_property`, :func:`relation_property`).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    import pyarrow as pa

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

_CSV_INT = re.compile(r"^-?(?:0|[1-9]\d*)$")
_CSV_FLOAT = re.compile(r"^-?(?:0|[1-9]\d*)?\.\d+(?:[eE][-+]?\d+)?$|^-?(?:0|[1-9]\d*)[eE][-+]?\d+$")


def date_prefix(value: Any) -> str | None:
    """Normalise an ISO date prefix (``2025``, ``2025-07``, ``2025-07-14``).

    Raises ValueError with a reason for anything else.

    >>> date_prefix(2025)
    '2025'
    """
    text = str(value).strip()
    m = DATE_PREFIX_RE.fullmatch(text)
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
# (through check_tree), CSV cells (csv_value below) and the column
# lane (graph.fastcsv).

MAX_DEPTH = 50                   # nesting of a seed document; real seeds use about 6
INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1   # what Neo4j (and most stores) hold
# What XML 1.0 cannot carry (so GraphML/GEXF could not either) and what UTF-8
# cannot encode (lone surrogates, from JSON "\ud800"): C0 controls but tab,
# newline and carriage return; U+FFFE, U+FFFF; surrogates.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ALLOWED_ASCII = bytes(range(0x20, 0x80)) + b"\t\n\r"   # what _BAD_TEXT lets through


def check_number(value: int | float) -> int | float:
    """``value`` if a store can hold it: finite, and integers within 64 bits.

    >>> check_number(float("nan"))
    Traceback (most recent call last):
    ValueError: NaN (not a number) is not a finite number; write a number, or leave the value out
    """
    if isinstance(value, float):
        if value != value:
            raise ValueError("NaN (not a number) is not a finite number; write a number, "
                             "or leave the value out")
        if value in (float("inf"), float("-inf")):
            sign = "-" if value < 0 else ""
            raise ValueError(f"{sign}infinity (or a number beyond ±1.8e308) is not a finite "
                             "number; write a number, or leave the value out")
    elif not isinstance(value, bool) and not INT_MIN <= value <= INT_MAX:
        raise ValueError(f"{value} is outside the 64-bit integer range "
                         f"({INT_MIN}..{INT_MAX}); write it as text or as a decimal")
    return value


def bad_character(text: str) -> str | None:
    """A description of the first character in ``text`` no output can carry, or None.

    >>> bad_character("a\\x1bb")
    'the control character U+001B'
    """
    if len(text) > 4096 and text.isascii():
        # A large ASCII text (a CSV seed file) can only hold C0 controls:
        # deleting every allowed byte is a C loop, several times quicker than
        # the regex, which then runs only to place and name what is left.
        if not text.encode("ascii").translate(None, _ALLOWED_ASCII):
            return None
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


# -- reading cells and scalars ---------------------------------------------
def csv_value(text: str) -> Any:
    """CSV cells are text; give numbers, booleans and JSON lists their type back.

    Raises ValueError for a number no store can hold (:func:`check_number`).
    """
    if text in ("true", "false"):
        return text == "true"
    if _CSV_INT.match(text):
        if len(text) > 20:
            raise ValueError(f"{text[:20]}… is outside the 64-bit integer range; "
                             "write it as text or as a decimal")
        return check_number(int(text))
    if _CSV_FLOAT.match(text):
        return check_number(float(text))
    if text.startswith("["):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return text
        if isinstance(value, list) and all(is_scalar(v) for v in value):
            return [check_value(v) for v in value]
    return text


def text(value: Any) -> str | None:
    """Scalars become text (YAML reads `id: 2025` as a number)."""
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


URL_PREFIXES = ("http://", "https://")     # a source cell that is a URL


def csv_source(text: str) -> Any:
    """A CSV ``source`` cell is a title, a URL, or a JSON mapping."""
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return text
        if too_deep(value):
            raise ValueError("nested too deeply")
        problems = check_tree(value)
        if problems:
            raise ValueError(problems[0][2])
        return value
    if text.startswith(URL_PREFIXES):
        return {"url": text}
    return text


def csv_sources(texts: "pa.Array") -> "tuple[pa.Array, pa.Array] | None":
    """:func:`csv_source` over a column of cells: (titles, urls), a null where
    the cell is the other kind; None when a cell is a JSON mapping (its keys
    are checked row by row)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if len(texts) and pc.any(pc.starts_with(texts, "{")).as_py():
        return None
    url = pc.or_(*(pc.starts_with(texts, lead) for lead in URL_PREFIXES))
    none = pa.nulls(len(texts), pa.string())
    return pc.if_else(url, none, texts), pc.if_else(url, texts, none)


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


# -- field rules: (value, csv) -> clean value, or ValueError ----------------
Rule = Callable[[Any, bool], Any]
BAD_ID = "ids start with a letter or digit and use only letters, digits and _ . : -"


def identifier(value: Any, csv: bool = False) -> str:
    """An entity or relation id."""
    rid = text(value)
    if rid is None or not ID_RE.fullmatch(rid):
        raise ValueError(f"bad id {value!r}: {BAD_ID}")
    return rid


def labels(value: Any, csv: bool = False) -> list[str]:
    """``aliases`` and ``tags``: a list of strings (CSV: ``a|b|c``), without
    empty or repeated items."""
    if csv:
        return unique(v.strip() for v in value.split("|") if v.strip())
    if isinstance(value, list) and all(is_scalar(v) for v in value):
        return unique(text(v) or "" for v in value)
    raise ValueError("must be a list of strings")


def country(value: Any, csv: bool = False) -> str:
    """An ISO 3166-1 alpha-2 code, any case and spacing (``jp `` -> ``JP``)."""
    code = (text(value) or "").strip().upper()
    if code not in ISO_COUNTRIES:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code "
                         "(like JP, US, CN)")
    return code


def currency(value: Any, csv: bool = False) -> str:
    """An ISO 4217 code, any case (``usd`` -> ``USD``)."""
    code = (text(value) or "").upper()
    if not CURRENCY_RE.fullmatch(code):
        raise ValueError(f"{value!r} is not an ISO 4217 code like USD, JPY, CNY")
    return code


def plain_text(value: Any, csv: bool = False) -> str:
    """Free text (numbers and booleans as written)."""
    out = text(value)
    if out is None:
        raise ValueError("must be text")
    return out


def day(value: Any, csv: bool = False) -> str | None:
    """``since``/``until``: an ISO date prefix."""
    return date_prefix(value)


def number(value: Any, csv: bool = False) -> int | float:
    """``amount``: an integer or a decimal (finite, integers within 64 bits)."""
    out = csv_value(value) if csv else value
    if isinstance(out, bool) or not isinstance(out, (int, float)):
        raise ValueError(f"{value!r} is not a number")
    return out


def confidence(value: Any, csv: bool = False) -> int | float:
    """A number from 0 to 1."""
    out = number(value, csv)
    if not 0 <= out <= 1:
        raise ValueError(f"{out} is outside 0..1")
    return out


def entity_property(value: Any, csv: bool = False) -> Any:
    """Any other entity key: a scalar or a list of scalars."""
    return csv_value(value) if csv else property_value(value)


def relation_property(value: Any, csv: bool = False) -> Any:
    """Any other relation key: a scalar."""
    if csv:
        return csv_value(value)
    if is_scalar(value):
        return value
    raise ValueError("relation properties must be scalars")


ENTITY_RULES: dict[str, Rule] = {"aliases": labels, "tags": labels, "country": country,
                                 "description": plain_text, "url": plain_text}
RELATION_RULES: dict[str, Rule] = {"id": identifier, "evidence": plain_text,
                                   "status": plain_text, "since": day, "until": day,
                                   "amount": number, "confidence": confidence,
                                   "currency": currency}


# -- which table a seed file holds (a CSV header, a Parquet schema) ---------------
ENTITY_COLUMNS = ("id", "type", "name")
RELATION_COLUMNS = ("from", "type", "to")


def table_kind(columns: Iterable[str]) -> str | None:
    """``"entities"`` or ``"relations"`` by a table's column names, else None.

    >>> table_kind(["name", "id", "type", "country"]), table_kind(["a", "b"])
    ('entities', None)
    """
    names = set(columns)
    if names.issuperset(ENTITY_COLUMNS):
        return "entities"
    if names.issuperset(RELATION_COLUMNS):
        return "relations"
    return None


def unknown_table(lead: str, columns: Iterable[str]) -> str:
    """The message for a table :func:`table_kind` cannot place (``lead``: what
    must hold the columns, e.g. "CSV header must contain")."""
    found = ",".join(columns)
    found = found if len(found) <= 80 else found[:80] + "…"
    return (f"{lead} id,type,name (entities) or from,type,to (relations); "
            f"found {found}")


# -- column forms: the same rules over an Arrow array of CSV cells -----------
# The column lane (graph.fastcsv) reads a CSV file with pyarrow; each field
# rule runs over a column here, never as a second rule: a rule once per
# distinct cell (by_distinct), or a kernel that only says whether every cell
# passes (identifiers). A column a kernel doubts goes, whole file, to the row
# lane, whose messages are the rules' own.
# (ID_RE for Arrow's RE2: its $ is the end of the text, never before a
# final newline, as ID_RE.fullmatch's: both refuse "a\n".)
ID_KERNEL = ID_RE.pattern


def identifiers(cells: "pa.Array") -> bool:
    """Whether every non-null cell is an id :func:`identifier` takes as it is."""
    import pyarrow.compute as pc

    if len(cells) == cells.null_count:
        return True
    return bool(pc.all(pc.match_substring_regex(cells, ID_KERNEL)).as_py())


def by_distinct(rule: Rule, cells: "pa.Array") -> "tuple[list[Any], pa.Array]":
    """``rule`` (CSV form) once per distinct non-null cell: the clean values,
    and each cell's number among them (null for a null cell). Raises the
    rule's ValueError."""
    coded = cells.dictionary_encode()
    return [rule(text, True) for text in coded.dictionary.to_pylist()], coded.indices
