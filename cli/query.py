"""Query commands: validate, find, show, neighbors, path, exposure, stats."""

from __future__ import annotations

from typing import Any

import click

from graph import defaults

from .options import emit, format_option, graph_options, seeds_option, strict_option
from .render import html_options, write_html

rel_option = click.option("--rel", "rels", multiple=True, metavar="TYPE",
                          help="Only follow these relation types (repeat or comma-separate).")
as_of_option = click.option("--as-of", metavar="DATE",
                            help="Drop relations whose since/until exclude this date (2025, 2025-07, 2025-07-14).")
directed_option = click.option("--directed", is_flag=True,
                               help="Follow relations only from -> to (symmetric types both ways).")
type_option = click.option("--type", "types", multiple=True, metavar="TYPE",
                           help="Only entities of these types (repeat or comma-separate).")


@click.command()
@click.argument("folder", required=False, type=click.Path())
@seeds_option
@strict_option
@format_option
def validate(folder: str | None, seeds: str, strict: bool, fmt: str) -> None:
    """Check a seed folder and report every problem (exit 1 on errors)."""
    import graph

    report = graph.validate_folder(folder or seeds, strict=strict)
    emit(fmt, report)
    if not report.ok:
        raise SystemExit(1)


@click.command()
@click.argument("text")
@click.option("--limit", default=defaults.FIND_LIMIT, show_default=True,
              help="At most this many matches.")
@graph_options
@format_option
def find(text: str, limit: int, kg: Any, fmt: str) -> None:
    """Entities whose id, name or alias matches TEXT, best first."""
    emit(fmt, kg.find(text, limit=limit))


@click.command()
@click.argument("entity")
@graph_options
@format_option
def show(entity: str, kg: Any, fmt: str) -> None:
    """An entity's properties, aliases and every relation with its evidence."""
    emit(fmt, kg.show(entity))


@click.command()
@click.argument("entity")
@click.option("--depth", default=defaults.DEPTH, show_default=True, help="How many hops out.")
@type_option
@rel_option
@as_of_option
@directed_option
@html_options
@graph_options
@format_option
def neighbors(entity: str, html: str | None, force: bool, kg: Any, fmt: str,
              **options: Any) -> None:
    """Entities within --depth hops of ENTITY."""
    write_html(kg, emit_result(fmt, kg.neighbors(entity, **options)), html, force)


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", default=defaults.PATH_MAX_HOPS, show_default=True,
              help="Longest path considered.")
@click.option("--k", type=int, help="The K shortest simple paths, shortest first.")
@directed_option
@rel_option
@click.option("--via-type", "via_types", multiple=True, metavar="TYPE",
              help="Allowed types of intermediate entities.")
@click.option("--avoid", multiple=True, metavar="ENTITY", help="Never pass through ENTITY.")
@as_of_option
@html_options
@graph_options
@format_option
def path(a: str, b: str, html: str | None, force: bool, kg: Any, fmt: str,
         **options: Any) -> None:
    """Shortest connection(s) from A to B, each hop with its evidence."""
    write_html(kg, emit_result(fmt, kg.path(a, b, **options)), html, force)


@click.command()
@click.argument("entity")
@type_option
@click.option("--country", "countries", multiple=True, metavar="CC",
              help="Only entities of these countries (ISO codes).")
@click.option("--max-hops", default=defaults.EXPOSURE_MAX_HOPS, show_default=True,
              help="How far to look.")
@rel_option
@directed_option
@as_of_option
@html_options
@graph_options
@format_option
def exposure(entity: str, html: str | None, force: bool, kg: Any, fmt: str,
             **options: Any) -> None:
    """Every entity of a type/country reachable from ENTITY, with distance and a path."""
    write_html(kg, emit_result(fmt, kg.exposure(entity, **options)), html, force)


@click.command()
@click.option("--top", default=defaults.STATS_TOP, show_default=True,
              help="How many most connected entities.")
@graph_options
@format_option
def stats(top: int, kg: Any, fmt: str) -> None:
    """Counts by type, most connected and isolated entities, components."""
    emit(fmt, kg.stats(top=top))


def emit_result(fmt: str, result: Any) -> Any:
    emit(fmt, result)
    return result

