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


def _tiny_seeds(tmp_path):
    (tmp_path / "firms.yaml").write_text(
        "entities:\n"
        "  - {id: catl, type: firm, name: Contemporary Amperex Technology, aliases: [CATL]}\n"
        "  - {id: china, type: government, name: China}\n", encoding="utf-8")
    return seed_dataset(str(tmp_path))


def test_an_alias_goes_on_a_seed_entity_only_when_the_article_ties_them(tmp_path):
    from ingest_support import draft_of

    seeds = _tiny_seeds(tmp_path)
    draft = draft_of("Hunan Yuneng (湖南裕能) supplies CATL and BYD (比亚迪) with cathode. "
                     "The Export-Import Bank of China (中国进出口银行) lent money to CATL.", seeds)
    on_seeds = {e.seed_id: e.aliases for e in draft.entities if e.seed_id}
    assert "catl" not in on_seeds and "china" not in on_seeds
    names = {e.name: e.aliases for e in draft.entities if e.seed_id is None}
    assert names["Hunan Yuneng"] == ["湖南裕能"]
    draft = draft_of("Contemporary Amperex Technology (宁德时代) buys cathode from Hunan Yuneng.", seeds)
    catl = next(e for e in draft.entities if e.seed_id == "catl")
    assert catl.aliases == ["宁德时代"]
    assert catl.review == ["Contemporary Amperex Technology (宁德时代)"]
    text = draft_yaml(draft)
    assert "review: 'new alias for an entity of the seed folder" in text
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_folder(tmp_path)[1].ok          # the review note does not break the folder
