"""Neo4j commands: load (a seed folder into Neo4j) and cypher (a read-only query)."""

from __future__ import annotations

from typing import Any

import click

from graph import defaults

from .options import (backend_option, emit, format_option, neo4j_connection, neo4j_options,
                      seeds_option, strict_option)


@click.command()
@click.argument("folder", required=False, type=click.Path())
@seeds_option
@backend_option("Where to load (or $KG_BACKEND); only neo4j keeps a loaded graph.")
@strict_option
@click.option("--batch-size", default=defaults.NEO4J_BATCH_SIZE, show_default=True,
              help="Rows per transaction.")
@neo4j_options
@format_option
def load(folder: str | None, seeds: str, backend: str, strict: bool, batch_size: int,
         neo4j: dict[str, Any], fmt: str) -> None:
    """Validate FOLDER (default --seeds) and load it into Neo4j.

    Only what changed is written and what the folder no longer has is removed;
    nothing outside the dataset is touched. An interrupted load is finished by
    the next one.
    """
    import graph
    from graph.errors import InputError

    if backend != "neo4j":
        raise InputError("kg load writes a seed folder into Neo4j: pass --backend neo4j "
                         "(or set KG_BACKEND=neo4j); the memory backend reads the folder "
                         "on every command")
    emit(fmt, graph.load(folder or seeds, strict=strict, batch_size=batch_size,
                         **neo4j_connection(neo4j)))


@click.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter ($NAME); VALUE is JSON or text. Repeatable.")
@click.option("--limit", type=int, help="Print at most this many rows.")
@click.option("--timeout", type=float, default=defaults.CYPHER_TIMEOUT, show_default=True,
              metavar="SECONDS",
              help="Stop the query after this long.")
@seeds_option
@neo4j_options
@format_option
def cypher(query: str, params: tuple[str, ...], limit: int | None, timeout: float, seeds: str,
           neo4j: dict[str, Any], fmt: str) -> None:
    """Run a read-only Cypher QUERY on Neo4j and print its rows.

    Only read queries run (MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN, CALL
    { ... } and a few db.* procedures), in a read transaction.

    $dataset is the kg dataset name (--neo4j-dataset, else the seed folder's
    name): kg cypher 'MATCH (n:Entity {kg_dataset: $dataset}) RETURN n.type, count(*)'
    """
    import graph
    from graph.store.neo4j_conn import parse_params

    emit(fmt, graph.cypher(query, parse_params(params), limit=limit, timeout=timeout,
                           seeds=seeds, **neo4j_connection(neo4j)))

