"""`kg cache path|clear|prune`: the on-disk cache of loaded seed folders."""

from __future__ import annotations

import click

from .options import emit, format_option


@click.group()
def cache() -> None:
    """Where loaded seed folders are cached, and cleaning it up."""


@cache.command("path")
def cache_path() -> None:
    """Print the cache directory ($KG_CACHE_DIR, else $XDG_CACHE_HOME/kg-explorer/graphs)."""
    from graph.cache import cache_dir

    click.echo(str(cache_dir()))


@cache.command("clear")
@format_option
def cache_clear(fmt: str) -> None:
    """Delete every cache entry."""
    import graph

    emit(fmt, graph.clear_cache())


@cache.command("prune")
@click.option("--max-bytes", type=click.IntRange(min=0), metavar="N",
              help="Keep at most N bytes (default $KG_CACHE_MAX_BYTES, else 2 GiB).")
@format_option
def cache_prune(max_bytes: int | None, fmt: str) -> None:
    """Delete least recently used entries until the cache fits its size bound."""
    import graph

    emit(fmt, graph.prune_cache(max_bytes))

