"""One exception hierarchy for every user-facing failure.

The CLI turns :class:`KgError` into a single ``Error: ...`` line and exit
status 1; anything else reaching the user is a bug.
"""

from __future__ import annotations

from collections.abc import Sequence


class KgError(Exception):
    """Base class: the message is shown to the user as is."""


class SeedError(KgError):
    """A problem in a seed file, located by path and (when known) line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class ValidationFailed(KgError):
    """A seed folder has errors; other commands refuse to run on it."""

    def __init__(self, folder: str, errors: int, first: str | None = None):
        self.folder = folder
        self.errors = errors
        plural = "error" if errors == 1 else "errors"
        detail = f" (first: {first})" if first else ""
        super().__init__(
            f"seed folder {folder} has {errors} {plural}{detail}; "
            f"run `kg validate {folder}` to see them all"
        )


class EntityNotFound(KgError):
    """No entity matches a name, id or alias."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()):
        self.query = query
        self.suggestions = list(suggestions)
        hint = ""
        if self.suggestions:
            hint = "; did you mean " + ", ".join(self.suggestions) + "?"
        else:
            hint = "; try `kg find` to search names and aliases"
        super().__init__(f"no entity matches {query!r}{hint}")


class AmbiguousEntity(KgError):
    """A name or alias matches several entities."""

    def __init__(self, query: str, candidates: Sequence[str]):
        self.query = query
        self.candidates = list(candidates)
        super().__init__(
            f"{query!r} matches {len(self.candidates)} entities: "
            + ", ".join(self.candidates)
            + "; use the id instead"
        )


class UnknownType(KgError):
    """An entity or relation type that the schema does not define."""


class BackendUnavailable(KgError):
    """A store (e.g. a Neo4j server) cannot be reached or refused us."""


class OutputExists(KgError):
    """Refusing to overwrite a user's file without --force."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path} already exists; pass --force to overwrite it")


class TooLarge(KgError):
    """A request would produce something too big to be useful."""


class InputError(KgError):
    """Bad input that is not a seed file (an article, a query option...)."""
