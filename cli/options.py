"""Options shared by many commands, and the one place output is printed."""

from __future__ import annotations

import functools
from typing import Any, Callable

import click

from graph import defaults

FORMATS = ("text", "json")
BACKENDS = ("memory", "neo4j")        # graph.store.options.BACKENDS, without importing it

F = Callable[..., Any]


def seeds_option(f: F) -> F:
    return click.option("--seeds", "seeds", type=click.Path(), envvar="KG_SEEDS",
                        default=defaults.SEEDS, show_default=True,
                        help="Seed folder (or $KG_SEEDS).")(f)


def backend_option(help: str = "Where queries run (or $KG_BACKEND).") -> Callable[[F], F]:
    return click.option("--backend", type=click.Choice(BACKENDS), envvar="KG_BACKEND",
                        default=defaults.BACKEND, show_default=True, help=help)


strict_option = click.option("--strict", is_flag=True,
                             help="Treat type-mismatch warnings as errors.")


def neo4j_options(f: F) -> F:
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


def store_options(f: F) -> F:
    """Add --seeds/--backend/--strict/--no-cache and the --neo4j-* options; the command
    gets ``seeds``, ``backend`` and ``options``, the keyword arguments of :func:`graph.open`."""

    @seeds_option
    @backend_option()
    @strict_option
    @click.option("--no-cache", is_flag=True,
                  help="Load the seed folder afresh, not from the on-disk cache.")
    @neo4j_options
    @functools.wraps(f)
    def wrapper(*args: Any, seeds: str, backend: str, strict: bool, no_cache: bool,
                neo4j: dict[str, Any], **kwargs: Any) -> Any:
        options: dict[str, Any] = {"strict": strict}
        if no_cache:
            options["use_cache"] = False     # on Neo4j: an error, not silently ignored
        if backend == "neo4j":
            options.update(neo4j_connection(neo4j))
        return f(*args, seeds=seeds, backend=backend, options=options, **kwargs)

    return wrapper


def graph_options(f: F) -> F:
    """:func:`store_options`, then pass the open graph (:func:`graph.open`) to the
    command as ``kg``."""

    @store_options
    @functools.wraps(f)
    def wrapper(*args: Any, seeds: str, backend: str, options: dict[str, Any],
                **kwargs: Any) -> Any:
        import gc

        import graph

        with graph.open(seeds, backend, **options) as kg:
            if owns_process():
                # One command, then exit: keep the collector off the millions of objects
                # just loaded (most of a second at 1M relations). Library callers, and
                # `cli` run in someone else's process, decide this for themselves.
                gc.freeze()
            return f(*args, kg=kg, **kwargs)

    return wrapper


OWN_PROCESS = "kg-owns-the-process"


def owns_process() -> bool:
    """Whether this run is the `kg` console command (:func:`cli.main.main`), which
    may tune and end its process as it likes."""
    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.find_root().obj == OWN_PROCESS


def format_option(f: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
                        show_default=True, help="Output format.")(f)


def emit(fmt: str, result: Any) -> None:
    """Print a result to stdout: strict JSON (its ``to_dict()``) or its text, with
    anything a terminal would act on made visible."""
    from graph.output import json_text
    from graph.present import terminal_text

    if fmt == "json":
        click.echo(json_text(result.to_dict(), indent=2))
    else:
        click.echo(terminal_text(result.text()))
