"""Reading errors found on the lead's invented articles of round 9 (the base's known misreadings).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

from ingest_support import drafted_with, entity, relations_of, story_relations


def test_director_general_without_the_hyphen_is_a_title_not_part_of_the_name():
    d = drafted_with("Title\n\nDirector General Park Ji-hoon of the Korea Trade Agency said the plan was "
                     "sound.", "Park Ji-hoon", "Korea Trade Agency")
    assert entity(d, "Park Ji-hoon").type == "person"
    assert not any("General" in e.name for e in d.entities if e.type == "person")
    assert ("Park Ji-hoon", "heads", "Korea Trade Agency") in relations_of(d)


def test_secretary_general_without_the_hyphen_heads_the_body():
    d = drafted_with("Title\n\nSecretary General Amina Diallo of the Sahel Trade Council said the pact "
                     "would hold.", "Amina Diallo", "Sahel Trade Council")
    assert ("Amina Diallo", "heads", "Sahel Trade Council") in relations_of(d)


def test_partners_with_a_firms_rivals_is_no_partnership_with_that_firm():
    rels = story_relations("Kappa Cells has partnered with Zeta Parts' rivals to build a cathode line in "
                           "Ulsan.", "Kappa Cells", "Zeta Parts")
    assert ("Kappa Cells", "partners_with", "Zeta Parts") not in rels
    assert ("Zeta Parts", "partners_with", "Kappa Cells") not in rels


def test_selling_to_a_firms_customers_is_no_sale_to_that_firm():
    rels = story_relations("Kappa Cells supplies cathode to Omega Motors' customers.", "Kappa Cells",
                           "Omega Motors")
    assert ("Kappa Cells", "supplies", "Omega Motors") not in rels


def test_competing_with_a_firms_suppliers_is_no_rivalry_with_that_firm():
    rels = story_relations("Kappa Cells competes with Omega Motors' suppliers.", "Kappa Cells", "Omega Motors")
    assert not any({a, b} == {"Kappa Cells", "Omega Motors"} and t == "competes_with" for a, t, b in rels)


def test_an_ended_tie_up_is_no_partnership():
    rels = story_relations("Last year Kappa Cells ended its tie-up with Sigma Motors after a dispute over "
                           "prices.", "Kappa Cells", "Sigma Motors")
    assert not any({a, b} == {"Kappa Cells", "Sigma Motors"} and t == "partners_with" for a, t, b in rels)


def test_exiting_a_supply_deal_is_no_supply():
    rels = story_relations("Rho Metals exited its deal to supply nickel to Tau Batteries in May.",
                           "Rho Metals", "Tau Batteries")
    assert ("Rho Metals", "supplies", "Tau Batteries") not in rels


def test_a_live_tie_up_is_still_read():
    # the guard is the ending verb, not the noun: a tie-up that goes on is a partnership
    rels = story_relations("Kappa Cells extended its tie-up with Sigma Motors for five years.",
                           "Kappa Cells", "Sigma Motors")
    assert any({a, b} == {"Kappa Cells", "Sigma Motors"} and t == "partners_with" for a, t, b in rels)


BARE_TITLES = ("Kappa Capital buys stake in port\n\n"
               "Kappa Capital, a Norwegian investment firm, has bought 20% of the Port of Gdansk.\n\n"
               "Chief investment officer Jana Novak said the port would pay a dividend.\n\n"
               "Co-chief executive Lars Berg said more deals would follow.")


def test_a_bare_officer_title_opening_a_sentence_reads_the_firm_in_question():
    # the officer titles are one list (lexicon.OFFICER_TITLES): "chief investment officer" was missing here
    rels = relations_of(drafted_with(BARE_TITLES, "Kappa Capital", "Jana Novak"))
    assert ("Jana Novak", "works_for", "Kappa Capital") in rels


def test_a_co_chief_executive_heads_the_firm_and_the_title_is_no_firm():
    d = drafted_with(BARE_TITLES, "Kappa Capital", "Lars Berg")
    assert ("Lars Berg", "heads", "Kappa Capital") in relations_of(d)
    assert not any(e.name.lower().startswith("co-chief") for e in d.entities)


def test_a_which_clause_naming_another_borrower_leaves_the_loan_to_the_project():
    text = ("Zeta Copper builds Atacama smelter\n\nZeta Copper is building the Atacama copper smelter near "
            "Antofagasta.\n\nThe Inter-American Development Bank, which also lends to Codelco, approved a "
            "$400 million loan.")
    rels = relations_of(drafted_with(text, "Inter-American Development Bank", "Codelco", "Atacama smelter"))
    assert ("Inter-American Development Bank", "funds", "Atacama smelter") in rels
    assert ("Inter-American Development Bank", "funds", "Codelco") in rels     # what the clause says


TRACKER = ("Battery metals deal tracker\n\n"
           "- Lambda Resources (Australia) agreed to buy Rho Minerals, a cobalt explorer in Zambia, for "
           "A$300 million.\n"
           "- Mu Energy, a unit of Japan's Nu Holdings, took a 15% stake in Lambda Resources.\n"
           "- Delta Power will build a 20 GWh cell plant in Debrecen, Hungary.\n"
           "- Volkswagen, through Volkswagen (China) Investment, owns 25% of Sigma Cells.")


def test_a_stake_taken_after_an_apposition_with_an_amount_is_the_subjects():
    rels = relations_of(drafted_with(TRACKER, "Mu Energy", "Nu Holdings", "Lambda Resources"))
    assert ("Mu Energy", "invests_in", "Lambda Resources") in rels
    assert ("Nu Holdings", "invests_in", "Lambda Resources") not in rels


def test_a_country_in_brackets_after_a_firm_is_where_it_is_from_but_not_inside_a_name():
    rels = relations_of(drafted_with(TRACKER, "Lambda Resources", "Australia", "Volkswagen", "China"))
    assert ("Lambda Resources", "located_in", "Australia") in rels
    assert ("Volkswagen", "located_in", "China") not in rels


def test_an_explorer_in_a_country_is_located_there():
    rels = relations_of(drafted_with(TRACKER, "Rho Minerals", "Zambia"))
    assert ("Rho Minerals", "located_in", "Zambia") in rels


def test_a_capacity_unit_is_no_part_of_a_plants_name():
    d = drafted_with(TRACKER, "Delta Power", "Debrecen plant")
    assert not any("GWh" in e.name for e in d.entities)
    assert ("Delta Power", "leads", "Debrecen plant") in relations_of(d)
