"""A connection to a Neo4j server, with every driver failure turned into one clear KgError.

Settings come from arguments first, then the standard variables
``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``.
The password is never a command-line flag: the CLI reads it from the
environment or prompts for it.
"""

from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .. import defaults
from ..errors import BackendUnavailable, InputError, KgError

if TYPE_CHECKING:
    import neo4j

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_TIMEOUT = defaults.CYPHER_TIMEOUT
MAX_PARAM_DEPTH = 32        # nesting of a -p JSON value


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str
    password: str | None
    database: str | None     # None: the server's default database

    @classmethod
    def resolve(cls, uri: str | None = None, user: str | None = None,
                password: str | None = None, database: str | None = None) -> "Settings":
        """Arguments over ``NEO4J_*`` variables over defaults."""
        env = os.environ.get
        return cls(uri or env("NEO4J_URI") or DEFAULT_URI,
                   user or env("NEO4J_USERNAME") or DEFAULT_USER,
                   password if password is not None else env("NEO4J_PASSWORD"),
                   database or env("NEO4J_DATABASE") or None)

    @property
    def where(self) -> str:
        """``database neo4j at bolt://...`` for messages."""
        return f"database {self.database or '(default)'} at {self.uri}"


def _explain(exc: BaseException, s: Settings) -> KgError:
    """One user-facing error for a driver exception."""
    from neo4j import exceptions as ne

    code = getattr(exc, "code", None) or ""
    text = exc.message if isinstance(exc, ne.Neo4jError) and exc.message else str(exc)
    message = " ".join(text.split())
    reason = re.search(r"\(reason (?:\[Errno -?\d+\] )?([^)]*)\)", message)
    if reason:       # "Couldn't connect to ... (reason [Errno 111] Connection refused)"
        message = f"{reason.group(1).lower()}."
    if isinstance(exc, ne.AuthError) or code.startswith("Neo.ClientError.Security"):
        return BackendUnavailable(
            f"Neo4j at {s.uri} refused user {s.user!r}: {message} "
            "Check NEO4J_USERNAME/NEO4J_PASSWORD (or --neo4j-user).")
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return BackendUnavailable(
            f"Neo4j at {s.uri} has no database {s.database!r}; set NEO4J_DATABASE "
            "(or --neo4j-database) to an existing one (SHOW DATABASES lists them)")
    if isinstance(exc, OverflowError):
        return InputError(f"a number is too large for Neo4j (64-bit integers): {message}")
    if isinstance(exc, UnicodeError):
        return InputError("a text value is not valid Unicode (a lone surrogate) and cannot "
                          "be sent to Neo4j")
    if code.startswith("Neo.ClientError.Transaction.TransactionTimedOut"):
        return InputError("the query ran out of time and Neo4j stopped it")
    if isinstance(exc, ne.ConfigurationError) or isinstance(exc, ValueError):
        return BackendUnavailable(f"bad Neo4j URI {s.uri!r}: {message}")
    if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired, ne.DatabaseUnavailable,
                        ne.IncompleteCommit, OSError)):
        return BackendUnavailable(
            f"cannot reach Neo4j ({s.where}): {message} "
            "Is the server running? Check NEO4J_URI (or --neo4j-uri).")
    if code == "Neo.ClientError.Statement.AccessMode":
        return InputError(f"kg cypher only runs read-only queries: {message}")
    if code.startswith("Neo.ClientError.Statement"):
        return InputError(f"Neo4j rejected the query: {message}")
    return BackendUnavailable(f"Neo4j ({s.where}) failed: {message}")


def _driver_errors() -> tuple[type[BaseException], ...]:
    from neo4j import exceptions as ne

    return (ne.Neo4jError, ne.DriverError, OSError, ValueError, OverflowError)


class Connection:
    """An open driver plus the database to use. Use :meth:`open`, then ``with`` or close()."""

    def __init__(self, driver: "neo4j.Driver", settings: Settings):
        self.driver = driver
        self.settings = settings

    @classmethod
    def open(cls, uri: str | None = None, user: str | None = None,
             password: str | None = None, database: str | None = None,
             check: bool = True) -> "Connection":
        """Connect (and, with ``check``, log in and reach the database) or raise
        :class:`BackendUnavailable` with what to fix."""
        s = Settings.resolve(uri, user, password, database)
        if s.password is None:
            raise BackendUnavailable(
                f"no password for Neo4j at {s.uri}: set NEO4J_PASSWORD (kg never takes a "
                "password on the command line; on a terminal it asks for it)")
        import neo4j

        # The driver logs retries as warnings; without a handler Python would
        # print them on stderr. Failures reach the user as one KgError instead.
        logging.getLogger("neo4j").addHandler(logging.NullHandler())
        try:
            driver = neo4j.GraphDatabase.driver(
                s.uri, auth=(s.user, s.password), connection_timeout=10,
                max_transaction_retry_time=5, notifications_min_severity="OFF",
                user_agent="kg-explorer")
        except _driver_errors() as exc:
            raise _explain(exc, s) from None
        conn = cls(driver, s)
        if check:
            try:
                with conn.translated(), conn._session(write=False) as session:
                    session.run("RETURN 1").consume()     # no retries: fail fast
            except KgError:
                conn.close()
                raise
        return conn

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Turn driver failures inside the block into KgError."""
        try:
            yield
        except _driver_errors() as exc:
            raise _explain(exc, self.settings) from None

    def _session(self, write: bool) -> "neo4j.Session":
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self.driver.session(database=self.settings.database, default_access_mode=mode)

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a read query (a READ session; retried on transient errors)."""
        return self.run(query, params, write=False)

    def write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a write query, in its own transaction."""
        return self.run(query, params, write=True)

    def run(self, query: str, params: dict[str, Any], write: bool) -> list[dict[str, Any]]:
        def work(tx: "neo4j.ManagedTransaction") -> list[dict[str, Any]]:
            # dict(record.items()), not record.data(): our queries return plain
            # values, and data()'s deep conversion costs more than the query.
            return [dict(record.items()) for record in tx.run(query, params)]  # type: ignore[no-untyped-call]

        with self.translated(), self._session(write) as session:
            call: Callable[..., list[dict[str, Any]]] = (
                session.execute_write if write else session.execute_read)
            return call(work)

    def run_read_only(self, query: str, params: dict[str, Any] | None = None,
                      limit: int | None = None, timeout: float = DEFAULT_TIMEOUT
                      ) -> tuple[list[str], list[list[Any]]]:
        """A user's query, checked read-only (:mod:`.neo4j_readonly`: its text, then
        Neo4j's plan of it) and run in a read transaction of at most ``timeout`` s.

        Returns (column names, rows) with nodes, relationships and paths as
        plain values (see :func:`plain`).
        """
        from .neo4j_readonly import check_plan, check_text

        params = params or {}
        head = query.lstrip().split(None, 1)
        if head and head[0].upper() in ("EXPLAIN", "PROFILE"):
            raise InputError("give the query without EXPLAIN/PROFILE; kg cypher runs it "
                             "read-only and prints its rows")
        if not timeout > 0:
            raise InputError(f"--timeout must be a positive number of seconds, got {timeout:g}")
        check_text(query)
        try:
            with self.translated(), self._session(write=False) as session:
                summary = session.run("EXPLAIN " + query, params).consume()
                check_plan(summary.query_type, summary.plan)
                with session.begin_transaction(timeout=timeout) as tx:
                    result = tx.run(query, params)
                    keys = list(result.keys())
                    rows: list[list[Any]] = []
                    for record in result:
                        if limit is not None and len(rows) >= limit:
                            break
                        rows.append([plain(v) for v in record.values()])
                    result.consume()
        except InputError as exc:
            if "ran out of time" in str(exc):
                raise InputError(f"the query ran longer than {timeout:g} s and Neo4j stopped "
                                 "it; narrow it (a label, a LIMIT, fewer hops) or allow more "
                                 "with --timeout SECONDS") from None
            raise
        return keys, rows

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def plain(value: Any) -> Any:
    """A driver value as JSON-friendly data: nodes and relationships become maps,
    paths lists, temporal and spatial values strings."""
    from neo4j import graph as ng

    if isinstance(value, ng.Node):
        return {"labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, ng.Relationship):
        return {"type": value.type, "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None,
                "properties": plain(dict(value))}
    if isinstance(value, ng.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return str(value)


def parse_params(items: Iterable[str]) -> dict[str, Any]:
    """``name=value`` pairs as query parameters; a value that is JSON is decoded.

    JSON values may nest :data:`MAX_PARAM_DEPTH` levels and hold integers
    Neo4j can store (64 bits).

    >>> parse_params(["n=3", "name=Acme", 'ids=["a","b"]'])
    {'n': 3, 'name': 'Acme', 'ids': ['a', 'b']}
    """
    import json

    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--param {item!r}: write it as NAME=VALUE")
        if _depth(value) > MAX_PARAM_DEPTH:
            raise InputError(f"--param {key.strip()!r}: the JSON value nests more than "
                             f"{MAX_PARAM_DEPTH} levels; flatten it")
        try:
            decoded = json.loads(value)
        except ValueError:
            decoded = value
        why = _unstorable(decoded)
        if why:
            raise InputError(f"--param {key.strip()!r}: {why}; pass it as text "
                             f"(-p '{key.strip()}=\"...\"') or use a smaller number")
        out[key.strip()] = decoded
    return out


def _depth(text: str) -> int:
    """How deep JSON brackets nest in ``text`` (outside strings), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _unstorable(value: Any) -> str | None:
    from ..neo4j_names import unstorable

    if isinstance(value, dict):
        return next((why for why in map(_unstorable, value.values()) if why), None)
    if isinstance(value, list):
        return next((why for why in map(_unstorable, value) if why), None)
    return unstorable(value)


def cypher(query: str, params: dict[str, Any] | None = None, limit: int | None = None,
           timeout: float = DEFAULT_TIMEOUT, **connection: Any
           ) -> tuple[list[str], list[list[Any]]]:
    """Run a user's read-only query (``kg cypher``): (column names, rows)."""
    if not query.strip():
        raise InputError("give a Cypher query, e.g. kg cypher \"MATCH (n:Entity) RETURN count(n)\"")
    with Connection.open(**connection) as conn:
        return conn.run_read_only(query, params, limit, timeout)
