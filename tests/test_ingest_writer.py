"""Stage 9: the YAML seed file; drafts load and validate (seed format v1)."""

from __future__ import annotations

import yaml

from graph.ingest import draft_yaml, extract, ingest, read_article
from graph.ingest.doc import Article
from graph.ingest.source import find_date
from graph.loader import load_folder
from ingest_support import INGEST


def load(tmp_path, text: str, name: str = "draft.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_folder(p)


def test_source_block_relations_evidence_and_status(tmp_path):
    text = draft_yaml(ingest([str(INGEST / "battery-plant.txt")]))
    assert text.startswith("# Draft seed file written by `kg ingest`")
    data = yaml.safe_load(text)
    assert data["source"] == {"title": "Panasonic Energy picks Kansas for $4 billion battery plant",
                              "url": "battery-plant.txt", "date": "2022-07-13"}
    assert data["relations"]
    for r in data["relations"]:
        assert r["status"] == "suggested" and r["evidence"] and 0 < r["confidence"] <= 1
    dataset, report = load(tmp_path, text)
    assert report.ok and not report.warnings, [str(i) for i in report.issues]
    assert len(dataset.entities) == len(data["entities"])


def test_html_source_uses_page_title_and_meta_date():
    data = yaml.safe_load(draft_yaml(ingest([str(INGEST / "port-acquisition.html")])))
    assert data["source"]["title"] == "COSCO unit takes majority stake in Peru’s Chancay port"
    assert data["source"]["date"] == "2024-11-14"


def test_article_naming_nothing_gives_an_empty_valid_draft(tmp_path):
    text = draft_yaml(extract([Article("calm.txt", "the weather was mild and people walked.")]))
    data = yaml.safe_load(text)
    assert data["entities"] == [] and data["relations"] == []
    assert load(tmp_path, text)[1].ok


def test_several_articles_put_a_source_on_every_relation(tmp_path):
    draft = extract([read_article(str(INGEST / n)) for n in ("battery-plant.txt",
                                                             "chip-plant-subsidy.md")])
    data = yaml.safe_load(draft_yaml(draft))
    assert "source" not in data
    titles = {r["source"]["title"] for r in data["relations"]}
    assert titles == {"Panasonic Energy picks Kansas for $4 billion battery plant",
                      "Germany clears €5 billion in aid for Dresden chip plant"}
    assert load(tmp_path, draft_yaml(draft))[1].ok


def test_yaml_special_strings_stay_strings(tmp_path):
    draft = extract([Article("x.txt", "Acme Group (NO) bought a stake in Yes Holdings.")])
    dataset, report = load(tmp_path, draft_yaml(draft))
    assert report.ok
    assert all(isinstance(e.name, str) for e in dataset.entities.values())


def test_dates():
    assert find_date("Berlin, August 20, 2024") == "2024-08-20"
    assert find_date("Lima, 14 November 2024") == "2024-11-14"
    assert find_date("updated 2025-03-01, first 2024-01-01") == "2025-03-01"
    assert find_date("in Q3 2026") is None
