"""Defects a second fresh-eyes review (review11) found in round 8's later rules, each on its invented
sentence (the ends guarded first)."""

from __future__ import annotations

from ingest_support import drafted_with, story_relations as rels


def test_a_list_joined_by_and_does_not_run_into_the_source_quoted_after_it():
    got = rels("Kappa Motors will supply batteries to Zeta Auto and Rho Cars, Tau Research estimates.",
               "Kappa Motors", "Rho Cars", "Tau Research")
    assert ("Kappa Motors", "supplies", "Rho Cars") in got
    assert ("Kappa Motors", "supplies", "Tau Research") not in got


def test_a_venture_called_z_is_owned_only_by_those_who_form_or_run_it():
    got = rels("Zeta Bank lent money to a joint venture called Mu Power.", "Zeta Bank", "Mu Power")
    assert ("Zeta Bank", "owns", "Mu Power") not in got
    got = rels("Kappa Motors, which competes with Rho Steel, formed a joint venture called Tau Energy.",
               "Kappa Motors", "Rho Steel", "Tau Energy")
    assert ("Kappa Motors", "owns", "Tau Energy") in got and ("Rho Steel", "owns", "Tau Energy") not in got


def test_a_loan_awarded_for_a_contract_is_no_contract():
    got = rels("Zeta Bank awarded Kappa Motors a $500 million loan for the contract.", "Zeta Bank", "Kappa Motors")
    assert ("Kappa Motors", "supplies", "Zeta Bank") not in got


def test_a_department_after_a_title_is_no_firm():
    d = drafted_with("Title\n\nAna Ruiz, Vice President of Global Sales at Kappa Motors, said demand rose.",
                     "Ana Ruiz", "Kappa Motors")
    assert "Global Sales" not in {e.name for e in d.entities}


def test_an_adviser_firm_stays_a_firm():
    d = drafted_with("Title\n\nKappa Motors hired Blue Harbor as its adviser on the sale.", "Kappa Motors",
                     "Blue Harbor")
    assert next(e for e in d.entities if e.name == "Blue Harbor").type == "firm"


def test_the_demonym_chipmaker_after_another_firm_was_named_places_nobody():
    got = rels("Kappa Motors buys chips from Zeta Semi. The Taiwanese chipmaker will open a plant in Arizona.",
               "Kappa Motors", "Zeta Semi")
    assert ("Kappa Motors", "located_in", "Taiwan") not in got


def test_its_largest_shareholder_said_by_another_firm_and_a_past_parent():
    got = rels("Zeta Bank, which lends to Kappa Motors, said its largest shareholder is Tau Capital.",
               "Zeta Bank", "Kappa Motors", "Tau Capital")
    assert ("Tau Capital", "owns", "Kappa Motors") not in got
    got = rels("Kappa Motors, whose parent was Zeta Bank until 2020, is now independent.", "Kappa Motors", "Zeta Bank")
    assert ("Zeta Bank", "owns", "Kappa Motors") not in got


def test_paying_for_a_firms_plant_or_for_advice_buys_no_firm():
    assert not any(t == "owns" for _, t, _ in rels(
        "Kappa Motors will pay $40 million for Rho Parts' plant in Ohio.", "Kappa Motors", "Rho Parts"))
    assert not any(t == "owns" for _, t, _ in rels(
        "Zeta Bank paid $5 million for advice to Tau Advisers.", "Zeta Bank", "Tau Advisers"))


def test_chosen_as_a_partner_or_a_prize_winner_supplies_nothing():
    assert not any(t == "supplies" for _, t, _ in rels(
        "Kappa Motors was chosen by Zeta Bank as its partner for the bid.", "Kappa Motors", "Zeta Bank"))
    assert ("Sigma Electric", "supplies", "Kappa Engineering") in rels(
        "Sigma Electric was hired by Kappa Engineering to install the transformers.", "Sigma Electric",
        "Kappa Engineering")


def test_a_country_opening_another_bodys_name_places_no_firm():
    got = rels("Kappa Chips, a Mexico Rail supplier, sells sensors.", "Kappa Chips")
    assert not any(a == "Kappa Chips" and t == "located_in" for a, t, _ in got)


def test_a_sentence_opening_with_a_label_word_is_no_labelled_line():
    got = rels("Kappa Motors makes vans. Kappa Motors sells vans.\n\nRho Steel fell. Rivals: Zeta Steel and "
               "Tau Metals also fell.", "Kappa Motors", "Zeta Steel")
    assert not any(t == "competes_with" and "Kappa Motors" in (a, b) for a, t, b in got)
