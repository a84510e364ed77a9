"""Options shared by many commands, and the one place output is printed."""

from __future__ import annotations

import functools
from typing import Any, Callable

import click

FORMATS = ("text", "json")


def seeds_option(f: Callable) -> Callable:
    return click.option("--seeds", "seeds", type=click.Path(), envvar="KG_SEEDS",
                        default="seeds", show_default=True,
                        help="Seed folder (or $KG_SEEDS).")(f)


def neo4j_options(f: Callable) -> Callable:
    """--neo4j-uri/-user/-database/-dataset (over $NEO4J_URI, $NEO4J_USERNAME,
    $NEO4J_DATABASE, $KG_NEO4J_DATASET), passed on as a dict ``neo4j``.

    The password is never a flag: see :func:`neo4j_connection`.
    """
    for option in reversed([
        click.option("--neo4j-uri", envvar="NEO4J_URI", metavar="URI",
                     help="Neo4j server (or $NEO4J_URI; default neo4j://localhost:7687)."),
        click.option("--neo4j-user", envvar="NEO4J_USERNAME", metavar="USER",
                     help="Neo4j user (or $NEO4J_USERNAME; default neo4j). The password is "
                          "read from $NEO4J_PASSWORD or asked for."),
        click.option("--neo4j-database", envvar="NEO4J_DATABASE", metavar="NAME",
                     help="Neo4j database (or $NEO4J_DATABASE; default: the server's)."),
        click.option("--neo4j-dataset", envvar="KG_NEO4J_DATASET", metavar="NAME",
                     help="kg dataset in Neo4j (or $KG_NEO4J_DATASET; default: the seed "
                          "folder's name)."),
    ]):
        f = option(f)

    @functools.wraps(f)
    def wrapper(*args: Any, neo4j_uri: str | None, neo4j_user: str | None,
                neo4j_database: str | None, neo4j_dataset: str | None, **kwargs: Any) -> Any:
        return f(*args, neo4j={"uri": neo4j_uri, "user": neo4j_user,
                               "database": neo4j_database, "dataset": neo4j_dataset}, **kwargs)

    return wrapper


def neo4j_connection(options: dict[str, Any]) -> dict[str, Any]:
    """Connection options plus the password: $NEO4J_PASSWORD, else a prompt on a terminal
    (else none, and the store says to set NEO4J_PASSWORD)."""
    import os
    import sys

    password = os.environ.get("NEO4J_PASSWORD")
    if password is None and sys.stdin.isatty():
        password = click.prompt("Neo4j password", hide_input=True, err=True)
    return {**options, "password": password}


def store_options(f: Callable) -> Callable:
    """Add --seeds/--backend/--strict/--no-cache (and the --neo4j-* options) and pass an
    open ``store`` to the command."""

    @seeds_option
    @click.option("--backend", type=click.Choice(["memory", "neo4j"]), envvar="KG_BACKEND",
                  default="memory", show_default=True,
                  help="Where queries run (or $KG_BACKEND).")
    @click.option("--strict", is_flag=True, help="Treat type-mismatch warnings as errors.")
    @click.option("--no-cache", is_flag=True,
                  help="Load the seed folder afresh, not from the on-disk cache.")
    @neo4j_options
    @functools.wraps(f)
    def wrapper(*args: Any, seeds: str, backend: str, strict: bool, no_cache: bool,
                neo4j: dict[str, Any], **kwargs: Any) -> Any:
        from graph.store import open_store

        extra = neo4j_connection(neo4j) if backend == "neo4j" else {}
        with open_store(backend, seeds=seeds, strict=strict, use_cache=not no_cache,
                        **extra) as store:
            return f(*args, store=store, **kwargs)

    return wrapper


def format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
                        show_default=True, help="Output format.")(f)


def emit(fmt: str, data: Callable[[], Any], text: Callable[[], str]) -> None:
    """Print strict JSON (from ``data()``) or text (from ``text()``, with anything a
    terminal would act on made visible) to stdout."""
    from graph.output import json_text
    from graph.present import terminal_text

    if fmt == "json":
        click.echo(json_text(data(), indent=2))
    else:
        click.echo(terminal_text(text()))


def csv_set(values: tuple[str, ...]) -> frozenset[str] | None:
    """Repeated and comma-separated option values as a set (None when not given)."""
    items = {v.strip() for value in values for v in value.split(",") if v.strip()}
    return frozenset(items) if items else None
