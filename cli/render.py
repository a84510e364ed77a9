"""Page and export commands: render, export; and --html for the query commands."""

from __future__ import annotations

from typing import Any, Callable

import click

from graph.export import FORMATS
from graph.render.limits import MAX_ENTITIES, MAX_RELATIONS

from .options import csv_set, store_options


def selection_options(f: Callable) -> Callable:
    """--focus/--depth/--type/--rel, shared by render and export."""
    for option in reversed([
        click.option("--focus", metavar="ENTITY",
                     help="Only the graph around ENTITY (name, id or alias)."),
        click.option("--depth", default=1, show_default=True,
                     help="With --focus: how many hops out."),
        click.option("--type", "types", multiple=True, metavar="TYPE",
                     help="Only entities of these types (repeat or comma-separate)."),
        click.option("--rel", "rels", multiple=True, metavar="TYPE",
                     help="Only relations of these types (repeat or comma-separate)."),
    ]):
        f = option(f)
    return f


def _selection(focus: str | None, depth: int, types: tuple[str, ...], rels: tuple[str, ...]):
    from graph.select import Selection

    return Selection(focus, depth, csv_set(types), csv_set(rels))


force_option = click.option("--force", is_flag=True, is_eager=True,
                            help="Overwrite existing output.")


def _done(exporter: Any) -> None:
    """What was written, and anything lost on the way, on stderr (stdout may be the file)."""
    for warning in exporter.warnings:
        click.echo(f"warning: {warning}", err=True)
    n, m = len(exporter.dataset.entities), len(exporter.dataset.relations)
    if exporter.written != ["-"]:
        click.echo(f"Wrote {', '.join(exporter.written)} ({n:,} {'entity' if n == 1 else 'entities'}"
                   f", {m:,} relation{'' if m == 1 else 's'})", err=True)


@click.command()
@click.option("-o", "--output", default="graph.html", show_default=True, metavar="FILE",
              help="Where to write the page ('-' = stdout).")
@selection_options
@click.option("--title", help="Page title (default: the seed folder's name).")
@click.option("--max-entities", default=MAX_ENTITIES, show_default=True, envvar="KG_MAX_ENTITIES",
              help="Refuse pages with more entities than this (or $KG_MAX_ENTITIES).")
@click.option("--max-relations", default=MAX_RELATIONS, show_default=True,
              envvar="KG_MAX_RELATIONS",
              help="Refuse pages with more relations than this (or $KG_MAX_RELATIONS).")
@force_option
@store_options
def render(output: str, focus, depth: int, types, rels, title, max_entities: int,
           max_relations: int, force: bool, store) -> None:
    """An interactive, self-contained HTML page of the graph (or part of it)."""
    from graph.render import PageOptions
    from graph.render.focus import write_page

    selection = _selection(focus, depth, types, rels)
    options = PageOptions(title=title, subtitle=selection.describe() or None,
                          max_entities=max_entities, max_relations=max_relations)
    _done(write_page(store, selection, output, force, options))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="graphml, gexf, json (node-link), csv (seed-format folder) or cypher.")
@click.option("-o", "--output", metavar="FILE|DIR",
              help="Where to write ('-' = stdout; a folder for csv). "
                   "Default: graph.<format>, graph-csv/ for csv.")
@selection_options
@force_option
@store_options
def export_command(fmt: str, output: str | None, focus, depth: int, types, rels, force: bool,
                   store) -> None:
    """The graph (or part of it) in a format other tools open."""
    from graph.export import export

    _done(export(store, fmt, output, force, _selection(focus, depth, types, rels)))


# -- --html FILE on kg path / neighbors / exposure -------------------------------
def _check_html(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if value == "-":
        raise click.BadParameter("give a file name; stdout already carries the result",
                                 ctx, param)
    from graph.output import check_writable

    check_writable(value, bool(ctx.params.get("force")))   # before the query runs
    return value


def html_options(f: Callable) -> Callable:
    """--html FILE (+ --force): also write the result as a highlighted page."""
    f = force_option(f)
    return click.option("--html", metavar="FILE", callback=_check_html,
                        help="Also write an interactive page with the result highlighted.")(f)


def html_page(store: Any, result: Any, html: str | None, force: bool) -> None:
    """Write the result page when --html was given."""
    if html is None:
        return
    from graph.render import write_result_page

    write_result_page(store, result, html, force)
    click.echo(f"Wrote {html}", err=True)


def register(group: click.Group) -> None:
    group.add_command(render)
    group.add_command(export_command)
