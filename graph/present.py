"""Human-readable text for query results (JSON comes from each result's ``to_dict``)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterable

from .model import Entity, Relation, Schema
from .queries import (ExposureHit, ExposureResult, FindResult, Hop, Neighborhood,
                      NeighborsResult, Path, PathResult, ShowResult, Stats)
from .resolve import Match
from .queries import Subgraph
from .validate import Report, plural


# What a terminal may act on: C0 controls but tab and newline (ESC starts
# escape and OSC sequences, CR rewrites a line), DEL, C1 controls (U+009B is
# CSI), line separators and the bidirectional overrides that reorder a line.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029"
                              "\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\r": "\\r", "\x1b": "\\e"}


def terminal_text(text: str) -> str:
    r"""``text`` with every character a terminal would act on shown as an escape.

    Tabs and newlines stay; everything from seed text that could move the
    cursor, retitle the window or reorder a line is printed visibly.

    >>> terminal_text("ok\x1b]0;owned\x07\rline")
    'ok\\e]0;owned\\x07\\rline'
    """
    def visible(m: re.Match[str]) -> str:
        c = m.group()
        return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")

    return _TERMINAL_UNSAFE.sub(visible, text)


def one_line(value: object) -> str:
    """A value as text on one line: a newline inside seed text is shown as ``\\n``,
    so it cannot fake a line of output (other controls: :func:`terminal_text`).

    >>> one_line("Acme\\n  2. fake line")
    'Acme\\\\n  2. fake line'
    """
    return str(value).replace("\n", "\\n")


def entity_label(e: Entity) -> str:
    return f"{one_line(e.name)} ({e.id})"


def arrow(rel: Relation, walked_from: str, schema: Schema | None = None) -> str:
    """``—funds→`` when walked along the relation, ``←funds—`` against it."""
    if schema is not None and schema.symmetric(rel.type):
        return f"—{rel.type}—"
    return f"—{rel.type}→" if rel.source_id == walked_from else f"←{rel.type}—"


def hop_arrow(hop: Hop, schema: Schema | None = None) -> str:
    """All relations of a hop, grouped by direction: ``—leads/funds→``."""
    groups: dict[str, list[str]] = {}
    for r in hop.relations:
        a = arrow(r, hop.source, schema)
        key = a.replace(r.type, "{}")
        groups.setdefault(key, [])
        if r.type not in groups[key]:
            groups[key].append(r.type)
    return " ".join(k.format("/".join(v)) for k, v in groups.items())


def chain_text(path: Path, schema: Schema | None = None) -> str:
    """``SoftBank Group —leads→ Data center project ←funds— Japan's tool``."""
    parts = [one_line(path.entities[0].name)]
    for hop, nxt in zip(path.hops, path.entities[1:]):
        parts += [hop_arrow(hop, schema), one_line(nxt.name)]
    return " ".join(parts)


def evidence_lines(rel: Relation, indent: str) -> list[str]:
    out = []
    if rel.evidence:
        out.append(f"{indent}“{one_line(rel.evidence)}”")
    if rel.source is not None:
        out.append(f"{indent}— {one_line(rel.source.label())}")
    extra = [f"{k}: {one_line(v)}" for k, v in (("status", rel.status), ("since", rel.since),
                                       ("until", rel.until), ("confidence", rel.confidence))
             if v is not None]
    if rel.amount is not None:
        extra.insert(0, f"amount: {rel.amount:,} {rel.currency or ''}".rstrip())
    if extra:
        out.append(f"{indent}({', '.join(extra)})")
    return out


def paths_text(a: Entity, b: Entity, paths: list[Path], max_hops: int,
               schema: Schema | None = None) -> str:
    if not paths:
        return f"No path from {entity_label(a)} to {entity_label(b)} within {max_hops} hops."
    lines = [f"{plural(len(paths), 'path')} from {one_line(a.name)} to {one_line(b.name)}:"]
    for i, path in enumerate(paths, 1):
        lines += ["", f"Path {i} ({plural(path.length, 'hop')}): {chain_text(path, schema)}"]
        for j, (hop, left, right) in enumerate(zip(path.hops, path.entities, path.entities[1:]), 1):
            for rel in hop.relations:
                lines.append(f"  {j}. {one_line(left.name)} {arrow(rel, hop.source, schema)} "
                             f"{one_line(right.name)}")
                lines += evidence_lines(rel, "       ")
    return "\n".join(lines)


def find_text(query: str, matches: list[Match]) -> str:
    if not matches:
        return f"No entity matches {query!r}."
    rows = []
    for m in matches:
        how = ("" if m.field == "name" or m.matched == m.entity.name
               else f"  [{m.field}: {one_line(m.matched)}]")
        rows.append((m.entity.id, m.entity.type, one_line(m.entity.name) + how))
    return table(rows)


def table(rows: Iterable[tuple[str, ...]]) -> str:
    rows = list(rows)
    if not rows:
        return ""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join([str(c).ljust(w) for c, w in zip(r, widths)] + [str(r[-1])])
                     for r in rows)


def show_text(e: Entity, relations: list[Relation], names: dict[str, Entity],
              schema: Schema | None = None) -> str:
    lines = [f"{one_line(e.name)}  [{e.type}]  id: {e.id}"]
    if e.aliases:
        lines.append(f"  aliases: {one_line(', '.join(e.aliases))}")
    for key in ("country", "description", "url"):
        if getattr(e, key):
            lines.append(f"  {key}: {one_line(getattr(e, key))}")
    if e.tags:
        lines.append(f"  tags: {one_line(', '.join(e.tags))}")
    for k, v in e.properties.items():
        lines.append(f"  {one_line(k)}: {one_line(v)}")
    lines += ["", f"Relations ({len(relations)}):"]
    for rel in relations:
        other = names[rel.other(e.id)]
        lines.append(f"  {arrow(rel, e.id, schema)} {entity_label(other)}")
        lines += evidence_lines(rel, "      ")
    return "\n".join(lines)


def neighbors_text(result: Neighborhood, depth: int, schema: Schema | None = None) -> str:
    c = result.center
    head = (f"{plural(len(result.hits), 'entity', 'entities')} within {plural(depth, 'hop')} "
            f"of {entity_label(c)}:")
    lines = [head]
    for hit in result.hits:
        via = "; ".join(f"{arrow(r, r.other(hit.entity.id), schema)}" for r in hit.relations[:3])
        more = f" (+{len(hit.relations) - 3})" if len(hit.relations) > 3 else ""
        lines.append(f"  {hit.distance}  {hit.entity.type:<12} {entity_label(hit.entity)}"
                     f"  {via}{more}")
    return "\n".join(lines)


def exposure_text(center: Entity, hits: list[ExposureHit], max_hops: int,
                  schema: Schema | None = None) -> str:
    if not hits:
        return f"No matching entities within {plural(max_hops, 'hop')} of {entity_label(center)}."
    lines = [f"{plural(len(hits), 'entity', 'entities')} within {plural(max_hops, 'hop')} "
             f"of {entity_label(center)}:"]
    for hit in hits:
        country = f" {hit.entity.country}" if hit.entity.country else ""
        lines.append(f"  {hit.distance}  {hit.entity.type}{country}  {entity_label(hit.entity)}")
        lines.append(f"       {chain_text(hit.path, schema)}")
    return "\n".join(lines)


def stats_text(s: Stats) -> str:
    lines = [f"{plural(s.entities, 'entity', 'entities')}, {plural(s.relations, 'relation')}, "
             f"{plural(s.components, 'connected component')} "
             f"(largest: {s.largest_component})", "", "Entities by type:"]
    lines += [f"  {n:>6}  {t}" for t, n in s.entity_types.items()]
    lines += ["", "Relations by type:"]
    lines += [f"  {n:>6}  {t}" for t, n in s.relation_types.items()]
    lines += ["", "Most connected:"]
    lines += [f"  {d:>6}  {entity_label(e)}" for e, d in s.top]
    lines += ["", f"Isolated entities: {len(s.isolated)}"]
    lines += [f"  {entity_label(e)}" for e in s.isolated[:20]]
    if len(s.isolated) > 20:
        lines.append(f"  … and {len(s.isolated) - 20} more")
    return "\n".join(lines)


def report_text(report: Report, folder: str) -> str:
    lines = [str(i) for i in report.issues]
    verdict = "OK" if report.ok else "INVALID"
    lines.append(f"{folder}: {verdict}: {report.summary()}")
    return "\n".join(lines)


def rows_text(keys: list[str], rows: list[list[Any]]) -> str:
    """Query rows (``kg cypher``) as a table: text as is, other values as JSON, one line each."""
    from .errors import KgError
    from .output import json_text

    def cell(value: object) -> str:
        try:
            text = value if isinstance(value, str) else json_text(value)
        except KgError:     # NaN or infinity: JSON has no word for them
            text = str(value)
        return text.replace("\r", "\\r").replace("\n", "\\n")

    body = table([tuple(keys)] + [tuple(cell(v) for v in row) for row in rows]) if keys else ""
    count = f"({plural(len(rows), 'row')})"
    return f"{body}\n{count}" if body else count


@dataclass
class Rows:
    """Query rows (``kg cypher``): JSON objects by column, or a text table."""

    keys: list[str]
    rows: list[list[Any]]

    def to_dict(self) -> list[dict[str, Any]]:
        return [dict(zip(self.keys, row)) for row in self.rows]

    def text(self) -> str:
        return rows_text(self.keys, self.rows)


def subgraph_text(sub: Subgraph) -> str:
    n, m = len(sub.dataset.entities), len(sub.dataset.relations)
    where = sub.selection.describe()
    return (f"{plural(n, 'entity', 'entities')}, {plural(m, 'relation')}"
            f"{' (' + where + ')' if where else ''}")


def result_text(result: Any, schema: Schema | None = None) -> str:
    """The CLI's text for any query result."""
    if isinstance(result, FindResult):
        return find_text(result.query, result.matches)
    if isinstance(result, ShowResult):
        return show_text(result.entity, result.relations, result.others, schema)
    if isinstance(result, NeighborsResult):
        return neighbors_text(result, result.depth, schema)
    if isinstance(result, PathResult):
        return paths_text(result.source, result.target, result.paths, result.query.max_hops,
                          schema)
    if isinstance(result, ExposureResult):
        return exposure_text(result.center, result.hits, result.query.max_hops, schema)
    if isinstance(result, Stats):
        return stats_text(result)
    if isinstance(result, Subgraph):
        return subgraph_text(result)
    raise TypeError(f"no text for a {type(result).__name__}")


def html_table(head: tuple[str, ...], rows: Iterable[tuple[Any, ...]],
               caption: str | None = None) -> str:
    """A small HTML table, every cell escaped."""
    def cells(tag: str, row: tuple[Any, ...]) -> str:
        return "".join(f"<{tag}>{html.escape(str(c))}</{tag}>" for c in row)

    body = "".join(f"<tr>{cells('td', r)}</tr>" for r in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{cells('th', head)}</tr></thead><tbody>{body}</tbody></table>"


def result_html(result: Any) -> str | None:
    """A short HTML table for results that are tables (find, stats); None for the
    others, which show as a page."""
    if isinstance(result, FindResult):
        return html_table(("id", "type", "name", "matched", "score"),
                          ((m.entity.id, m.entity.type, m.entity.name,
                            f"{m.field}: {m.matched}", round(m.score, 3)) for m in result),
                          f"{plural(len(result), 'match', 'matches')} for {result.query!r}")
    if isinstance(result, Stats):
        counts = html_table(("", "count"), [("entities", result.entities),
                                            ("relations", result.relations),
                                            ("components", result.components),
                                            ("largest component", result.largest_component),
                                            ("isolated entities", len(result.isolated))])
        types = html_table(("entity type", "count"), result.entity_types.items())
        rels = html_table(("relation type", "count"), result.relation_types.items())
        top = html_table(("most connected", "type", "degree"),
                         ((entity_label(e), e.type, d) for e, d in result.top))
        return f"<div>{counts}{types}{rels}{top}</div>"
    return None
