"""A :class:`~graph.ingest.pipeline.Draft` as a seed file (YAML, seed format v1), stage 9.

The file has a header comment saying it is a draft, the ``source`` block (one
article) or a ``source`` on every relation (several articles), the new
entities (and seed entities that gained an alias, under their seed id with
the seed's type and name so they merge cleanly), and the relations, each with
``evidence``, ``confidence`` and ``status: suggested``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .doc import EntityDraft
from .pipeline import Draft

STATUS = "suggested"


def draft_dict(draft: Draft) -> dict[str, Any]:
    """The draft as plain data in seed-file shape."""
    by_key = {e.key: e for e in draft.entities}
    out: dict[str, Any] = {}
    single = len(draft.sources) == 1
    if single:
        out["source"] = draft.sources[0].to_dict()
    entities = []
    for e in draft.entities:
        item: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name}
        if e.aliases:
            item["aliases"] = list(e.aliases)
        if e.country and e.seed_id is None:
            item["country"] = e.country
        if e.review:
            item["review"] = ("new alias for an entity of the seed folder, from the article's "
                              "phrase " + "; ".join(f'"{p}"' for p in e.review) + ": check it")
        entities.append(item)
    out["entities"] = entities
    relations = []
    for r in draft.relations:
        rel: dict[str, Any] = {"from": _id(draft, r.source, by_key), "type": r.type,
                               "to": _id(draft, r.target, by_key), "evidence": r.evidence,
                               "confidence": r.confidence, "status": STATUS}
        if not single:
            rel["source"] = draft.sources[r.article].to_dict()
        relations.append(rel)
    out["relations"] = relations
    return out


def _id(draft: Draft, key: int, by_key: dict[int, EntityDraft]) -> str:
    e = by_key.get(key)
    return str(e.id) if e is not None else draft.table_ids[key]


def draft_yaml(draft: Draft) -> str:
    import yaml

    names = ", ".join(a.name if a.name != "-" else "<stdin>" for a in draft.articles)
    header = (f"# Draft seed file written by `kg ingest` from {names}.\n"
              "# Every relation is `status: suggested`, with the sentence it came from as evidence.\n"
              "# Entities already in the seed folder are referred to by their id (listed here only\n"
              "# when the article gave them a new alias, marked `review:`). Review, edit, then\n"
              "# `kg validate`.\n")
    body = yaml.safe_dump(draft_dict(draft), sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)
    return header + body


def write_draft(draft: Draft, output: str, force: bool = False, seeds: str | None = None,
                replace_seed_file: bool = False) -> Path | None:
    """Write the draft's YAML to ``output`` (``-``: stdout); returns the backup made, if any.

    A file of the seed folder ``seeds`` is replaced only when the draft keeps all
    its entities and relations, or ``replace_seed_file`` is given (see :mod:`.guard`).
    """
    from ..output import check_writable, write_output
    from .guard import guard_seed_file

    check_writable(output, force)
    backup = guard_seed_file(output, draft_dict(draft), seeds, replace_seed_file)
    write_output(output, draft_yaml(draft), force)
    return backup
