"""Problems found in a seed folder: the report every reader fills in.

A :class:`Report` collects every problem in one run; each prints as
``path:line: level: message``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

# The value rules live in graph.rules; these names stay importable from here.
from .rules import (COLOR_RE, CURRENCY_RE, DATE_PREFIX_RE, ID_RE, INT_MAX, INT_MIN,  # noqa: F401
                    ISO_COUNTRIES, MAX_DEPTH, bad_character, check_number, check_text,
                    check_tree, check_value, date_bounds, date_prefix, is_scalar,
                    property_value, too_deep)

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
