"""Options shared by many commands, and the one place output is printed."""

from __future__ import annotations

import functools
import json
from typing import Any, Callable

import click

FORMATS = ("text", "json")


def seeds_option(f: Callable) -> Callable:
    return click.option("--seeds", "seeds", type=click.Path(), envvar="KG_SEEDS",
                        default="seeds", show_default=True,
                        help="Seed folder (or $KG_SEEDS).")(f)


def store_options(f: Callable) -> Callable:
    """Add --seeds/--backend/--strict/--no-cache and pass an open ``store`` to the command."""

    @seeds_option
    @click.option("--backend", type=click.Choice(["memory", "neo4j"]), envvar="KG_BACKEND",
                  default="memory", show_default=True,
                  help="Where queries run (or $KG_BACKEND).")
    @click.option("--strict", is_flag=True, help="Treat type-mismatch warnings as errors.")
    @click.option("--no-cache", is_flag=True,
                  help="Load the seed folder afresh, not from the on-disk cache.")
    @functools.wraps(f)
    def wrapper(*args: Any, seeds: str, backend: str, strict: bool, no_cache: bool,
                **kwargs: Any) -> Any:
        from graph.store import open_store

        with open_store(backend, seeds=seeds, strict=strict, use_cache=not no_cache) as store:
            return f(*args, store=store, **kwargs)

    return wrapper


def format_option(f: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
                        show_default=True, help="Output format.")(f)


def emit(fmt: str, data: Callable[[], Any], text: Callable[[], str]) -> None:
    """Print JSON (from ``data()``) or text (from ``text()``) to stdout."""
    if fmt == "json":
        click.echo(json.dumps(data(), ensure_ascii=False, indent=2))
    else:
        click.echo(text())


def csv_set(values: tuple[str, ...]) -> frozenset[str] | None:
    """Repeated and comma-separated option values as a set (None when not given)."""
    items = {v.strip() for value in values for v in value.split(",") if v.strip()}
    return frozenset(items) if items else None
