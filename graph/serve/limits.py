"""Query strings to checked arguments, and the server's ceilings on work per request.

The CLI trusts its user with any ``--max-hops``; a server does not trust its
callers: every knob that makes a query grow has a ceiling here, and a
request over one gets a 400 that names it. Parameters are spelled as the
CLI's options (``max_hops`` for ``--max-hops``); list-valued ones may be
repeated or comma-separated, as on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..errors import InputError, TooLarge
from ..render.limits import MAX_ENTITIES, MAX_RELATIONS

TRUE = ("", "1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class Ceilings:
    """Server-side bounds on one request's work and answer."""

    max_hops: int = 6          # path / exposure
    depth: int = 3             # neighbours and views
    k: int = 20                # k shortest paths (the stores' own cap on ties)
    limit: int = 200           # find
    top: int = 100             # stats
    results: int = 10_000      # entities in a neighbours / exposure answer, relations in show
    page_entities: int = MAX_ENTITIES     # a view or saved page: `kg render`'s own limits
    page_relations: int = MAX_RELATIONS
    timeout: float = 30.0      # seconds a query may run before the request gets a 504
    workers: int = 8           # queries running at once (the rest wait their turn)


class Params:
    """The query string of one request, read as the CLI reads its options."""

    def __init__(self, query: Mapping[str, str] | Sequence[tuple[str, str]], allowed: Iterable[str],
                 ceilings: Ceilings):
        items = list(query.items()) if isinstance(query, Mapping) else list(query)
        self.ceilings = ceilings
        self.values: dict[str, list[str]] = {}
        for key, value in items:
            self.values.setdefault(key, []).append(value)
        known = set(allowed) | {"token"}
        unknown = sorted(set(self.values) - known)
        if unknown:
            raise InputError(f"unknown parameter {unknown[0]!r}; this endpoint takes "
                             f"{', '.join(sorted(known - {'token'})) or 'no parameters'}")

    def _one(self, name: str) -> str | None:
        values = self.values.get(name)
        if not values:
            return None
        if len(values) > 1:
            raise InputError(f"{name} is given {len(values)} times; give it once")
        return values[0]

    def text(self, name: str, what: str) -> str:
        """A required text parameter."""
        value = self._one(name)
        if value is None or not value.strip():
            raise InputError(f"missing {name}= ({what})")
        return value

    def optional(self, name: str) -> str | None:
        value = self._one(name)
        return value if value else None

    def integer(self, name: str, default: int | None, ceiling: int | None = None) -> int | None:
        """A whole number, at most ``ceiling`` (positivity is the library's rule)."""
        raw = self._one(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise InputError(f"{name} must be a whole number, got {raw!r}") from None
        if ceiling is not None and value > ceiling:
            raise InputError(f"{name}={value} is over this server's ceiling of {ceiling}; "
                             f"ask for {name} <= {ceiling} (or use the kg command line)")
        return value

    def names(self, name: str) -> frozenset[str] | None:
        """Repeated and comma-separated values as a set (None when not given)."""
        items = {v.strip() for value in self.values.get(name, ()) for v in value.split(",")
                 if v.strip()}
        return frozenset(items) if items else None

    def many(self, name: str) -> tuple[str, ...]:
        """Repeated values as given (entity names may contain commas)."""
        return tuple(v for v in self.values.get(name, ()) if v.strip())

    def flag(self, name: str) -> bool:
        raw = self._one(name)
        if raw is None:
            return False
        if raw.lower() in TRUE:
            return True
        if raw.lower() in FALSE:
            return False
        raise InputError(f"{name} must be true or false, got {raw!r}")


def check_results(count: int, what: str, ceilings: Ceilings, narrow: str) -> None:
    """TooLarge when an answer holds more items than the server hands out."""
    if count > ceilings.results:
        raise TooLarge(f"the answer has {count:,} {what}, over this server's ceiling of "
                       f"{ceilings.results:,}; {narrow}")
