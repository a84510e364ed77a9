"""Paths and helpers shared by the ingest tests (tests/test_ingest_*.py, test_cli_ingest.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import ARTICLE, ROOT

INGEST = Path(__file__).resolve().parent / "fixtures" / "ingest"
MAIN_ARTICLE = ARTICLE      # tests/fixtures/articles/us-japan-55b-investment.txt
SHIPPED_SEEDS = ROOT / "seeds" / "us-japan-55b"


def draft_of(text: str, seeds=None):
    """The draft for an article given as text (plain text article)."""
    from graph.ingest import extract
    from graph.ingest.doc import Article

    return extract([Article("test.txt", text)], seeds)


def relations_of(draft) -> set[tuple[str, str, str]]:
    """(from name, type, to name) of every relation, for readable assertions."""
    names = {e.key: e.name for e in draft.entities}
    ids = {k: names.get(k, v) for k, v in draft.table_ids.items()}
    return {(ids[r.source], r.type, ids[r.target]) for r in draft.relations}


def entity(draft, name: str):
    return next(e for e in draft.entities if e.name == name)


def drafted_with(text: str, *names: str):
    """The draft of ``text``, after checking that the named ends were found (a guard: a test that a
    wrong relation is absent must not pass because nothing was drafted)."""
    d = draft_of(text)
    for name in names:
        assert any(e.name == name for e in d.entities), name
    return d


def relations_with(text: str, *names: str) -> set[tuple[str, str, str]]:
    """The relations drafted from ``text``, once the named entities are found (the ends guarded)."""
    return relations_of(drafted_with(text, *names))


def story_relations(text: str, *names: str) -> set[tuple[str, str, str]]:
    """:func:`relations_with` for sentences given without a title line."""
    return relations_with("Title\n\n" + text, *names)
