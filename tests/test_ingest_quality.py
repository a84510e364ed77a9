"""Measured quality (issue 5): the main article against its hand-made gold file, ingested
against an EMPTY seed folder, must reach entity recall >= 0.90, entity precision >= 0.80
and relation recall >= 0.60. Scoring rules: graph/ingest/score.py."""

from __future__ import annotations

import pytest

from graph.ingest import draft_yaml, ingest, seed_dataset
from graph.ingest.score import score
from graph.loader import load_dataset, load_folder
from ingest_support import INGEST, MAIN_ARTICLE

GOLDS = sorted(INGEST.glob("*.gold.yaml"))


def _scored(article, gold, tmp_path, seeds=None):
    draft = tmp_path / "draft.yaml"
    draft.write_text(draft_yaml(ingest([str(article)], seeds)), encoding="utf-8")
    return score(load_dataset(draft), load_dataset(gold))


@pytest.mark.parametrize("gold", GOLDS, ids=[g.name for g in GOLDS])
def test_gold_files_are_valid_seed_files(gold):
    _, report = load_folder(gold)
    assert report.ok, [str(i) for i in report.errors]


def test_main_article_meets_the_bar(tmp_path):
    empty = tmp_path / "empty-seeds"
    empty.mkdir()
    report = _scored(MAIN_ARTICLE, INGEST / "us-japan-55b.gold.yaml", tmp_path,
                     seed_dataset(str(empty)))
    assert report.entities.recall >= 0.90, report.missed_entities
    assert report.entities.precision >= 0.80, report.extra_entities
    assert report.relations.recall >= 0.60, report.missed_relations


@pytest.mark.parametrize("name", ["battery-plant.txt", "chip-plant-subsidy.md",
                                  "port-acquisition.html"])
def test_other_domains_do_not_collapse(name, tmp_path):
    """Looser floors on the short articles of other domains (numbers in the README)."""
    report = _scored(INGEST / name, INGEST / (name.rsplit(".", 1)[0] + ".gold.yaml"), tmp_path)
    assert report.entities.recall >= 0.80 and report.entities.precision >= 0.80
    assert report.relations.recall >= 0.50


def test_scoring_rules(tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text("""
entities:
  - {id: a, type: firm, name: Acme Group, aliases: [Acme]}
  - {id: b, type: firm, name: Beta Holdings}
  - {id: c, type: project, name: Big plant}
  - {id: d, type: government, name: Japan}
relations:
  - {from: a, type: leads, to: c}
  - {from: a, type: competes_with, to: b}
  - {from: a, type: related_to, to: d}
""", encoding="utf-8")
    got = tmp_path / "got.yaml"
    got.write_text("""
entities:
  - {id: x, type: organization, name: Acme}
  - {id: y, type: firm, name: Beta Holdings}
  - {id: z, type: project, name: big plant}
  - {id: w, type: government, name: Japan}
  - {id: v, type: firm, name: Gamma}
relations:
  - {from: x, type: funds, to: z}
  - {from: y, type: competes_with, to: x}
  - {from: w, type: owns, to: x}
  - {from: x, type: related_to, to: z}
  - {from: v, type: related_to, to: x}
""", encoding="utf-8")
    r = score(load_dataset(got), load_dataset(gold))
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (4, 1, 0)
    assert r.types_agree == 3                      # Acme: organization vs firm
    # found: competes_with (symmetric, reversed) and related_to (by any relation on the pair);
    # missed: leads (funds is a different type; related_to never recalls a typed relation)
    assert (r.relations.tp, r.relations.fn) == (2, 1)
    # correct: competes_with, owns (gold related_to on the pair), related_to x-z (pair linked)
    assert r.relations.precision == pytest.approx(3 / 5)
