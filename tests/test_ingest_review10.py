"""Defects a fresh-eyes review (review10) found in round 8's rules, each on its invented sentence."""

from __future__ import annotations

from ingest_support import story_relations as rels


def test_a_second_source_needs_goods_not_a_verb_phrase():
    assert ("Beta Ventures", "supplies", "Kappa Motors") not in rels(
        "Kappa Motors buys nickel from Alpha Mining and has withdrawn from Beta Ventures.", "Kappa Motors",
        "Beta Ventures")
    assert ("Beta Capital", "supplies", "Kappa Motors") not in rels(
        "Kappa Motors sources cobalt from Alpha Mining and faces pressure from Beta Capital.", "Kappa Motors",
        "Beta Capital")
    got = rels("Kappa Motors buys steel from Alpha Steel and received a loan from Beta Bank.", "Kappa Motors",
               "Beta Bank")
    assert ("Beta Bank", "supplies", "Kappa Motors") not in got


def test_a_dateline_with_an_accented_capital_credits_its_service():
    got = rels("ÖREBRO, March 3 (NWX) - Kappa Motors will supply vans to Zeta Post.", "Kappa Motors", "Zeta Post")
    assert ("Kappa Motors", "supplies", "Zeta Post") in got
    assert not any(a == "NWX" for a, _, _ in got)


def test_a_main_clause_after_a_time_or_body_word_still_says_where_a_firm_works():
    assert ("Kappa Copper", "operates_in", "Antofagasta") in rels(
        "Kappa Copper last year produced 40,000 tonnes of copper in Antofagasta.", "Kappa Copper", "Antofagasta")


def test_named_deals_undone_after_the_noun_or_bought_by_another_are_read_so():
    assert not any(t == "owns" for _, t, _ in rels(
        "Kappa Energy said its acquisition of Delta Glass was blocked by regulators in Brussels.", "Kappa Energy",
        "Delta Glass"))
    assert not any(t == "owns" for _, t, _ in rels(
        "Kappa Motors' purchase of Delta Glass was cancelled after Zeta Parts objected.", "Kappa Motors",
        "Delta Glass"))
    got = rels("Kappa Motors said Zeta Parts had completed its purchase of Delta Glass.", "Zeta Parts", "Delta Glass")
    assert ("Zeta Parts", "owns", "Delta Glass") in got and ("Kappa Motors", "owns", "Delta Glass") not in got
    assert not any(t == "owns" for _, t, _ in rels(
        "Kappa Motors completed its purchase of Delta Glass shares from Omega Capital.", "Kappa Motors",
        "Delta Glass"))


def test_the_borrower_is_for_funding_verbs_and_its_own_loans_only():
    assert ("Zeta Power", "owns", "Kappa Solar") not in rels(
        "Kappa Solar has closed a $1.2 billion loan. The facility is owned by Zeta Power.", "Kappa Solar",
        "Zeta Power")
    assert ("Omega Bank", "funds", "Kappa Solar") not in rels(
        "Kappa Solar raised concerns about Zeta Power's debt. The loan was arranged by Omega Bank.", "Kappa Solar",
        "Omega Bank")
    assert ("Sigma Credit", "funds", "Kappa Solar") not in rels(
        "Kappa Solar has closed a $1.2 billion loan. The loan was not guaranteed by Sigma Credit.", "Kappa Solar",
        "Sigma Credit")


def test_a_state_firm_is_no_state():
    got = rels("Kappa Gas is 40% owned by the Romanian state oil firm Delta Petrol.", "Kappa Gas", "Delta Petrol")
    assert ("Romania", "owns", "Kappa Gas") not in got


def test_a_government_ordering_ships_regulates_nobody():
    assert not any(t == "regulates" for _, t, _ in rels(
        "Poland's defence ministry ordered Kappa Naval to build four frigates by 2030.", "Kappa Naval",
        "Poland"))


def test_a_short_name_ending_like_an_adjective_is_still_a_short_name():
    assert ("Meridian Energy", "supplies", "Zeta Steel") in rels(
        "Meridian Energy will supply power to Kappa Aluminium. Meridian also sells power to Zeta Steel.",
        "Meridian Energy", "Zeta Steel")


def test_bridge_opening_a_name_is_a_short_name():
    assert ("Bridge Capital", "funds", "Zeta Parts") in rels(
        "Bridge Capital invested in Kappa Motors. Bridge also backs Zeta Parts.", "Bridge Capital", "Zeta Parts")


def test_its_former_chief_executive_no_longer_heads_it():
    got = rels("Zeta Motors makes vans. Lars Holm, its former chief executive, joined Kappa Cars.", "Lars Holm",
               "Zeta Motors")
    assert ("Lars Holm", "heads", "Zeta Motors") not in got


def test_its_largest_shareholder_in_another_clause_owns_the_firm_the_text_is_about():
    got = rels("Kappa Motors makes vans. Omega Capital is no longer its largest shareholder; Sigma Fund, its "
               "largest shareholder, bought more.", "Omega Capital", "Sigma Fund", "Kappa Motors")
    assert ("Sigma Fund", "owns", "Omega Capital") not in got
    assert ("Omega Capital", "owns", "Kappa Motors") not in got


def test_a_list_with_two_ands_keeps_every_customer():
    got = rels("Kappa Motors sells vans to Alpha Cars and Beta Trucks, Gamma Buses and Delta Vans.",
               "Kappa Motors", "Delta Vans")
    assert ("Kappa Motors", "supplies", "Delta Vans") in got
