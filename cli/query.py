"""Query commands: validate, find, show, neighbors, path, exposure, stats."""

from __future__ import annotations

import click

from .options import csv_set, emit, format_option, seeds_option, store_options
from .render import html_options, html_page

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
@click.option("--strict", is_flag=True, help="Treat type-mismatch warnings as errors.")
@format_option
def validate(folder: str | None, seeds: str, strict: bool, fmt: str) -> None:
    """Check a seed folder and report every problem (exit 1 on errors)."""
    from graph.loader import load_folder
    from graph.present import report_text

    folder = folder or seeds
    _, report = load_folder(folder, strict=strict)
    emit(fmt, report.to_dict, lambda: report_text(report, folder))
    if not report.ok:
        raise SystemExit(1)


@click.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True, help="At most this many matches.")
@store_options
@format_option
def find(text: str, limit: int, store, fmt: str) -> None:
    """Entities whose id, name or alias matches TEXT, best first."""
    from graph import present, service

    matches = service.find(store, text, limit)
    emit(fmt, lambda: [m.to_dict() for m in matches], lambda: present.find_text(text, matches))


@click.command()
@click.argument("entity")
@store_options
@format_option
def show(entity: str, store, fmt: str) -> None:
    """An entity's properties, aliases and every relation with its evidence."""
    from graph import present, service

    r = service.show(store, entity)
    emit(fmt, r.to_dict, lambda: present.show_text(r.entity, r.relations, r.others, store.schema))


@click.command()
@click.argument("entity")
@click.option("--depth", default=1, show_default=True, help="How many hops out.")
@type_option
@rel_option
@as_of_option
@directed_option
@html_options
@store_options
@format_option
def neighbors(entity: str, depth: int, types, rels, as_of, directed, html, force, store,
              fmt: str) -> None:
    """Entities within --depth hops of ENTITY."""
    from graph import present, service

    r = service.neighbors(store, entity, depth, csv_set(types), csv_set(rels), as_of, directed)
    emit(fmt, r.to_dict, lambda: present.neighbors_text(r, depth, store.schema))
    html_page(store, r, html, force)


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", default=4, show_default=True, help="Longest path considered.")
@click.option("--k", type=int, help="The K shortest simple paths, shortest first.")
@directed_option
@rel_option
@click.option("--via-type", "via_types", multiple=True, metavar="TYPE",
              help="Allowed types of intermediate entities.")
@click.option("--avoid", multiple=True, metavar="ENTITY", help="Never pass through ENTITY.")
@as_of_option
@html_options
@store_options
@format_option
def path(a: str, b: str, max_hops: int, k, directed, rels, via_types, avoid, as_of,
         html, force, store, fmt: str) -> None:
    """Shortest connection(s) from A to B, each hop with its evidence."""
    from graph import present, service

    r = service.path(store, a, b, max_hops, k, directed, csv_set(rels), csv_set(via_types),
                     avoid, as_of)
    emit(fmt, r.to_dict,
         lambda: present.paths_text(r.source, r.target, r.paths, max_hops, store.schema))
    html_page(store, r, html, force)


@click.command()
@click.argument("entity")
@type_option
@click.option("--country", "countries", multiple=True, metavar="CC",
              help="Only entities of these countries (ISO codes).")
@click.option("--max-hops", default=3, show_default=True, help="How far to look.")
@rel_option
@directed_option
@as_of_option
@html_options
@store_options
@format_option
def exposure(entity: str, types, countries, max_hops: int, rels, directed, as_of,
             html, force, store, fmt: str) -> None:
    """Every entity of a type/country reachable from ENTITY, with distance and a path."""
    from graph import present, service

    r = service.exposure(store, entity, csv_set(types), csv_set(countries), max_hops,
                         csv_set(rels), directed, as_of)
    emit(fmt, r.to_dict, lambda: present.exposure_text(r.center, r.hits, max_hops, store.schema))
    html_page(store, r, html, force)


@click.command()
@click.option("--top", default=10, show_default=True, help="How many most connected entities.")
@store_options
@format_option
def stats(top: int, store, fmt: str) -> None:
    """Counts by type, most connected and isolated entities, components."""
    from graph import present, service

    s = service.stats(store, top)
    emit(fmt, s.to_dict, lambda: present.stats_text(s))


def register(group: click.Group) -> None:
    for command in (validate, find, show, neighbors, path, exposure, stats):
        group.add_command(command)
