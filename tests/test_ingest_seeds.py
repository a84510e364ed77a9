"""Ingesting against the shipped seed folder: known entities are reused by id, never
duplicated, and the draft validates together with the folder."""

from __future__ import annotations

import pytest

from conftest import require
from graph.ingest import draft_yaml, ingest, seed_dataset
from graph.loader import load_folder
from graph.resolve import normalize
from ingest_support import MAIN_ARTICLE, SHIPPED_SEEDS


@pytest.fixture(scope="module")
def with_seeds(tmp_path_factory):
    require(SHIPPED_SEEDS.exists(), f"{SHIPPED_SEEDS} not written yet")
    seeds = seed_dataset(str(SHIPPED_SEEDS))
    draft = ingest([str(MAIN_ARTICLE)], seeds)
    path = tmp_path_factory.mktemp("draft") / "draft.yaml"
    path.write_text(draft_yaml(draft), encoding="utf-8")
    return seeds, draft, path


def test_known_entities_are_reused_by_id(with_seeds):
    seeds, draft, _ = with_seeds
    recognised = set(draft.table_ids.values())
    for seed_id in ("softbank-group", "smic", "meti", "japan-55b-investment-tool",
                    "data-center-project", "gulf-oil-terminal-project"):
        assert seed_id in seeds.entities and seed_id in recognised
    assert draft.known >= 40
    rels = {(draft.table_ids[r.source], r.type, draft.table_ids[r.target]) for r in draft.relations}
    assert ("japan", "funds", "gulf-oil-terminal-project") in rels     # new, on known ids


def test_what_the_seeds_already_say_is_not_repeated(with_seeds):
    seeds, draft, _ = with_seeds
    known = {(r.source_id, r.type, r.target_id) for r in seeds.relations}
    rels = {(draft.table_ids[r.source], r.type, draft.table_ids[r.target]) for r in draft.relations}
    assert not rels & known
    assert ("softbank-group", "leads", "data-center-project") in known


def test_nothing_known_is_duplicated(with_seeds):
    seeds, draft, _ = with_seeds
    seed_labels = {normalize(x): e.id for e in seeds.entities.values() for x in e.labels()}
    for e in draft.entities:
        if e.seed_id is None:
            clash = {normalize(x) for x in e.labels()} & set(seed_labels)
            assert not clash, f"{e.name} duplicates {[seed_labels[c] for c in clash]}"


def test_seed_entities_in_the_draft_only_add_aliases(with_seeds):
    seeds, draft, _ = with_seeds
    for e in draft.entities:
        if e.seed_id is not None:
            seed = seeds.entities[e.seed_id]
            assert (e.id, e.type, e.name) == (seed.id, seed.type, seed.name) and e.aliases


def test_draft_validates_together_with_the_folder(with_seeds):
    seeds, draft, path = with_seeds
    dataset, report = load_folder(SHIPPED_SEEDS, extra=[path])
    assert report.ok, [str(i) for i in report.errors]
    assert not report.warnings, [str(i) for i in report.warnings]
    assert len(dataset.entities) == len(seeds.entities) + sum(
        1 for e in draft.entities if e.seed_id is None)
