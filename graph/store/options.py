"""What each backend can be told, typed: one options class per backend.

An option a backend does not take is an error (never silently dropped), and
every default comes from :mod:`graph.defaults`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Union

from .. import defaults
from ..errors import InputError


@dataclass(frozen=True)
class MemoryOptions:
    """The embedded store: a seed folder read into memory (through the on-disk cache)."""

    backend: ClassVar[str] = "memory"
    seeds: str = defaults.SEEDS
    strict: bool = False          # type-mismatch warnings are errors
    use_cache: bool = True        # read and write the on-disk dataset cache


@dataclass(frozen=True)
class Neo4jOptions:
    """A dataset that ``kg load`` wrote into a Neo4j server.

    ``None`` means the driver's environment default ($NEO4J_URI, ... see the README).
    """

    backend: ClassVar[str] = "neo4j"
    seeds: str = defaults.SEEDS   # names the dataset when ``dataset`` is not given
    strict: bool = False          # refuse a dataset with type-mismatch warnings
    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    dataset: str | None = None


BackendOptions = Union[MemoryOptions, Neo4jOptions]
OPTIONS: dict[str, type[MemoryOptions] | type[Neo4jOptions]] = {
    "memory": MemoryOptions, "neo4j": Neo4jOptions}
BACKENDS = tuple(OPTIONS)


def backend_options(backend: str = defaults.BACKEND, **options: Any) -> BackendOptions:
    """The options object for ``backend``; an unknown backend or option is an InputError.

    >>> backend_options("neo4j", uri="neo4j://db:7687").uri
    'neo4j://db:7687'
    >>> backend_options("memory", uri="neo4j://db:7687")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: the memory backend has no option 'uri'; it takes seeds, strict, use_cache
    """
    cls = OPTIONS.get(backend)
    if cls is None:
        raise InputError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    known = [f.name for f in fields(cls)]
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise InputError(f"the {backend} backend has no option {unknown[0]!r}; "
                         f"it takes {', '.join(known)}")
    return cls(**options)
