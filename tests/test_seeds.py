"""The shipped seeds: valid, faithful to the article, and giving real answers."""

from __future__ import annotations

import re

import pytest

from conftest import ARTICLE, SEEDS
from graph.loader import load_folder
from graph.queries import ExposureQuery, PathQuery, Traversal
from graph.store.memory import MemoryStore


@pytest.fixture(scope="module")
def store(seeds_dataset):
    return MemoryStore(seeds_dataset)


def test_seeds_validate_cleanly_even_strict():
    data, report = load_folder(SEEDS, strict=True)
    assert report.issues == []
    assert len(data.entities) > 35 and len(data.relations) > 50


def test_every_evidence_quote_is_verbatim_from_the_article(seeds_dataset):
    text = ARTICLE.read_text(encoding="utf-8")
    missing = [r.id for r in seeds_dataset.relations if not r.evidence or r.evidence not in text]
    assert missing == []


def test_every_bracketed_chinese_name_is_an_alias(seeds_dataset):
    names = set(re.findall(r"[（(]([\u4e00-\u9fff]+)[)）]", ARTICLE.read_text(encoding="utf-8")))
    aliases = {a for e in seeds_dataset.entities.values() for a in e.aliases}
    assert len(names) == 13 and names <= aliases


def test_every_relation_has_the_article_as_source(seeds_dataset):
    assert {r.source.title for r in seeds_dataset.relations} == {
        "Japan's $55 billion investment tool nears three US projects"}


def test_softbank_to_smic(store):
    paths = store.paths(store.resolve("软银集团").id, store.resolve("中芯国际").id)
    assert {p.length for p in paths} == {3}
    assert ["softbank-group", "japan", "china", "smic"] in [p.ids for p in paths]


def test_softbank_to_smic_through_the_investment_projects(store):
    q = PathQuery(Traversal(via_types=frozenset({"project", "fund"})))
    (path,) = store.paths("softbank-group", "smic", q)
    assert path.ids == ["softbank-group", "data-center-project", "japan-55b-investment-tool",
                        "artificial-diamond-project", "smic"]
    assert [h.relations[0].type for h in path.hops] == ["leads", "funds", "funds", "affects"]
    assert "spearheading" in path.hops[0].relations[0].evidence


def test_chinese_firms_within_three_hops_of_the_projects(store):
    firms = set()
    for project in ("data-center-project", "gulf-oil-terminal-project", "artificial-diamond-project"):
        hits = store.exposure(project, ExposureQuery(types=frozenset({"firm"}),
                                                     countries=frozenset({"CN"}), max_hops=3))
        firms |= {h.entity.id for h in hits}
    assert firms == {"alibaba-group", "tencent-holdings", "smic", "hua-hong-semiconductor",
                     "catl", "zte"}


def test_what_meti_touches(store):
    hits = store.neighbors("meti").hits
    ids = {h.entity.id for h in hits}
    assert {"japan", "akazawa-ryo", "japan-55b-investment-tool"} <= ids


def test_names_in_any_script(store):
    assert store.resolve("赤泽亮正").id == "akazawa-ryo"
    assert store.resolve("经济产业省").id == "meti"
    assert store.resolve("Japan’s $55 billion investment tool").id == "japan-55b-investment-tool"
