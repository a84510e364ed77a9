"""Defects a third fresh-eyes review (review12) found in round 8's last rules, each on its invented
sentence (the ends guarded first)."""

from __future__ import annotations

from ingest_support import drafted_with, relations_of, story_relations as rels

SMELTER = "The Lima copper smelter will open in 2027. "


def test_power_bought_from_elsewhere_is_no_output_of_the_story_plant():
    got = rels(SMELTER + "Rho Grid will buy the power from Zeta Solar's Arequipa plant.", "Rho Grid", "copper smelter")
    assert ("copper smelter", "supplies", "Rho Grid") not in got


def test_a_stated_shareholder_with_a_minority_share_invests_once():
    got = rels("Kappa Wind's largest shareholder is Zeta Partners, with 30%.", "Kappa Wind", "Zeta Partners")
    assert ("Zeta Partners", "invests_in", "Kappa Wind") in got and ("Zeta Partners", "owns", "Kappa Wind") not in got
    got = rels("Kappa Wind's main shareholder was Zeta Bank until 2020.", "Kappa Wind", "Zeta Bank")
    assert not any(a == "Zeta Bank" for a, _, _ in got)
    assert ("Tau Capital", "owns", "Kappa Wind") in rels(
        "Kappa Wind's parent is Tau Capital, which bought it before the pandemic.", "Kappa Wind", "Tau Capital")


def test_a_borrower_closing_its_own_loan_funds_no_project():
    got = rels(SMELTER + "Kappa Mining closed a $400 million loan in March.", "Kappa Mining", "copper smelter")
    assert ("Kappa Mining", "funds", "copper smelter") not in got


def test_news_covering_a_funding_round_funds_nothing():
    got = rels("Omega News covered the funding round for Tau Labs in detail.", "Omega News", "Tau Labs")
    assert not any(t == "funds" for _, t, _ in got)


def test_a_speaker_after_said_heads_the_clauses_subject_not_the_last_buyer():
    got = rels("Kappa Mining will sell ore to Tau Steel, Rho Metals and Omega Alloys, said chief executive Anil "
               "Rao.", "Kappa Mining", "Omega Alloys", "Anil Rao")
    assert ("Anil Rao", "heads", "Kappa Mining") in got and ("Anil Rao", "heads", "Omega Alloys") not in got


def test_arabic_place_and_bank_names_are_no_people():
    d = drafted_with("Title\n\nZeta Bank lent money to Bank al-Rafidain.", "Zeta Bank", "Bank al-Rafidain")
    assert next(e for e in d.entities if e.name == "Bank al-Rafidain").type != "person"
    assert ("Zeta Bank", "funds", "Bank al-Rafidain") in relations_of(d)


def test_a_blocked_sale_or_a_contract_not_won_or_a_rejected_deal_is_no_fact():
    assert ("Tau Capital", "owns", "Rho Mining") not in rels(
        "The regulator blocked the sale of a 30% stake in Rho Mining to Tau Capital.", "Rho Mining", "Tau Capital")
    assert ("Rho Engineering", "supplies", "copper smelter") not in rels(
        SMELTER + "Rho Engineering failed to win the construction contract.", "Rho Engineering", "copper smelter")
    got = rels("Kappa Power rejected a deal with Zeta Energy to build the Lima copper smelter.", "Kappa Power",
               "Zeta Energy")
    assert not any(a == "Kappa Power" and t in ("leads", "supplies") for a, t, _ in got)


def test_a_former_rival_is_no_rival():
    got = rels("Kappa Copper sold the Lima mine to Rho Metals, a former rival.", "Kappa Copper", "Rho Metals")
    assert not any(t == "competes_with" for _, t, _ in got)


def test_a_verb_in_a_relative_clause_forms_no_venture():
    got = rels("Kappa Copper, which runs three mines, lent $5 million to a joint venture called Zeta Tau Mining.",
               "Kappa Copper", "Zeta Tau Mining")
    assert ("Kappa Copper", "owns", "Zeta Tau Mining") not in got
