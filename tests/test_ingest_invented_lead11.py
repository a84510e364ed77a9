"""Reading errors found on the lead's invented articles of round 9 (the base's known misreadings).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

import pytest

from ingest_support import draft_of, drafted_with, entity, relations_of, story_relations


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
                           "Ulsan. Kappa Cells has also partnered with Omega Metals.", "Kappa Cells", "Zeta Parts")
    assert ("Kappa Cells", "partners_with", "Zeta Parts") not in rels
    assert ("Zeta Parts", "partners_with", "Kappa Cells") not in rels
    assert any({a, b} == {"Kappa Cells", "Omega Metals"} for a, t, b in rels if t == "partners_with")   # control


def test_selling_to_a_firms_customers_is_no_sale_to_that_firm():
    rels = story_relations("Kappa Cells supplies cathode to Omega Motors' customers. Kappa Cells supplies anodes "
                           "to Sigma Motors.", "Kappa Cells", "Omega Motors")
    assert ("Kappa Cells", "supplies", "Omega Motors") not in rels
    assert ("Kappa Cells", "supplies", "Sigma Motors") in rels       # control


def test_competing_with_a_firms_suppliers_is_no_rivalry_with_that_firm():
    rels = story_relations("Kappa Cells competes with Omega Motors' suppliers.", "Kappa Cells", "Omega Motors")
    assert not any({a, b} == {"Kappa Cells", "Omega Motors"} and t == "competes_with" for a, t, b in rels)


def test_an_ended_tie_up_is_no_partnership():
    rels = story_relations("Last year Kappa Cells ended its tie-up with Sigma Motors after a dispute over "
                           "prices. It has since signed a deal with Omega Motors.", "Kappa Cells", "Sigma Motors")
    assert not any({a, b} == {"Kappa Cells", "Sigma Motors"} and t == "partners_with" for a, t, b in rels)
    assert any({a, b} == {"Kappa Cells", "Omega Motors"} and t == "partners_with" for a, t, b in rels)  # control


def test_exiting_a_supply_deal_is_no_supply():
    rels = story_relations("Rho Metals exited its deal to supply nickel to Tau Batteries in May. Rho Metals "
                           "now supplies nickel to Mu Cells.", "Rho Metals", "Tau Batteries")
    assert ("Rho Metals", "supplies", "Tau Batteries") not in rels
    assert ("Rho Metals", "supplies", "Mu Cells") in rels      # control


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


GRANTS = ("Ministry awards clean-energy grants\n\n"
          "OTTAWA, June 4 - Canada's Ministry of Innovation, Science and Industry on Tuesday announced grants "
          "worth C$2.1 billion to five manufacturers.\n\n"
          "The largest award goes to Kappa Cathode Canada, a subsidiary of South Korea's Kappa Chemical, for a "
          "precursor plant in Bécancour, Quebec. Other recipients are Sigma Steel of Hamilton, Ontario, and "
          "Tau Rail.\n\n"
          "Minister of Innovation, Science and Industry Ana Clarke said the grants would create 4,000 jobs. "
          "The Canada Infrastructure Bank, a federal Crown corporation, will also lend C$500 million to "
          "Tau Rail.")


def test_a_firm_named_after_a_country_before_its_description_is_one_name():
    rels = relations_of(drafted_with(GRANTS, "Kappa Cathode Canada", "Kappa Chemical"))
    assert ("Kappa Cathode Canada", "part_of", "Kappa Chemical") in rels


def test_of_a_town_in_a_known_state_ends_a_firms_name():
    d = drafted_with(GRANTS, "Sigma Steel")
    assert not any("Hamilton" in e.name and e.type == "firm" for e in d.entities)


def test_a_minister_of_a_portfolio_list_heads_the_ministry():
    rels = relations_of(drafted_with(GRANTS, "Ana Clarke", "Ministry of Innovation, Science and Industry"))
    assert ("Ana Clarke", "heads", "Ministry of Innovation, Science and Industry") in rels


def test_a_federal_crown_corporation_is_a_state_agency_and_crown_no_firm():
    d = drafted_with(GRANTS, "Canada Infrastructure Bank")
    assert entity(d, "Canada Infrastructure Bank").type == "agency"
    assert not any(e.name == "Crown" for e in d.entities)
    assert ("Canada Infrastructure Bank", "funds", "Tau Rail") in relations_of(d)


AWARDS = ("Ministry awards manufacturing grants\n\n"
          "Canada's Ministry of Industry on Tuesday announced grants worth C$2.1 billion to five manufacturers.\n\n"
          "The largest award, C$900 million, goes to Kappa Cathode, a battery maker, for a plant in Becancour. "
          "Omega Hydrogen receives C$450 million for an electrolyser factory in Burnaby.\n\n"
          "Other recipients are Sigma Steel, which gets C$300 million, and Tau Rail.\n\n"
          "The remaining C$200 million was awarded to Lambda Lithium. The plant's slag goes to Mu Cement.")


def test_recipients_of_grants_announced_earlier_are_funded_by_the_announcer():
    rels = relations_of(drafted_with(AWARDS, "Ministry of Industry", "Kappa Cathode", "Mu Cement"))
    funded = {b for a, t, b in rels if a == "Ministry of Industry" and t == "funds"}
    assert funded == {"Kappa Cathode", "Omega Hydrogen", "Sigma Steel", "Tau Rail", "Lambda Lithium"}


def test_recipients_without_an_announcer_are_funded_by_no_one():
    text = AWARDS.replace("announced grants worth C$2.1 billion to five manufacturers", "opened an office")
    rels = relations_of(drafted_with(text, "Ministry of Industry", "Kappa Cathode"))
    assert not any(t == "funds" for _, t, _ in rels)


def test_a_possessive_country_in_a_list_of_owners_gives_the_body_it_describes():
    text = ("Title\n\nPT Sinar Nikel Indonesia, a joint venture of Jinlong Nickel Cobalt and Indonesia's state "
            "miner PT Aneka Tambang, has secured $800 million from Bank of China.")
    rels = relations_of(drafted_with(text, "PT Sinar Nikel Indonesia", "PT Aneka Tambang"))
    assert ("PT Aneka Tambang", "owns", "PT Sinar Nikel Indonesia") in rels
    assert ("Indonesia", "owns", "PT Sinar Nikel Indonesia") not in rels


CONTROLS = ("US adds Chinese chip firms to export blacklist\n\n"
            "The Commerce Department added six Chinese chipmakers to its Entity List on Monday. The "
            "companies include Kappa Semiconductor, a memory maker based in Wuhan, and Zeta "
            "Microelectronics, which designs graphics processors.\n\n"
            "Both had bought lithography tools from ASML, the Dutch toolmaker.\n\n"
            "The Netherlands and Japan, home to ASML and Tokyo Electron, have imposed similar curbs. "
            "Tokyo Electron said sales to China would fall.\n\n"
            "Kappa Semiconductor is backed by Sigma Capital, which owns 28% of the company. Zeta's "
            "parent, the Rho Group, owns 33% of the company.")


def test_the_company_owned_in_a_which_clause_is_the_sentences_first_firm():
    rels = relations_of(drafted_with(CONTROLS, "Sigma Capital", "Kappa Semiconductor"))
    assert ("Sigma Capital", "owns", "Kappa Semiconductor") in rels


def test_the_company_after_a_possessive_is_the_possessor_not_the_firm_in_question():
    # (a guard on company_meant: without the possessor it reads the firm the text was about)
    rels = relations_of(drafted_with(CONTROLS, "Rho Group", "Zeta Microelectronics"))
    assert ("Rho Group", "owns", "Zeta Microelectronics") in rels
    assert ("Rho Group", "owns", "Kappa Semiconductor") not in rels


def test_both_opening_a_sentence_means_the_two_firms_before():
    rels = relations_of(drafted_with(CONTROLS, "ASML", "Kappa Semiconductor", "Zeta Microelectronics"))
    assert ("ASML", "supplies", "Kappa Semiconductor") in rels
    assert ("ASML", "supplies", "Zeta Microelectronics") in rels


def test_countries_home_to_firms_hold_them_in_order():
    rels = relations_of(drafted_with(CONTROLS, "ASML", "Tokyo Electron", "Netherlands", "Japan"))
    assert ("ASML", "located_in", "Netherlands") in rels and ("Tokyo Electron", "located_in", "Japan") in rels
    assert ("ASML", "located_in", "Japan") not in rels


def test_a_known_firm_opening_a_sentence_is_no_place_and_a_register_no_firm():
    d = drafted_with(CONTROLS, "Tokyo Electron")
    assert not any(e.name in ("Tokyo", "Entity List") for e in d.entities)


def test_an_owner_written_before_a_firm_owns_it_and_is_not_the_subject():
    rels = story_relations("Tata-owned Air India ordered 40 jets from Airbus.", "Tata", "Air India", "Airbus")
    assert ("Tata", "owns", "Air India") in rels and ("Airbus", "supplies", "Air India") in rels
    assert ("Airbus", "supplies", "Tata") not in rels


def test_a_backer_opening_a_sentence_is_a_name():
    rels = story_relations("Sinopec-backed Kappa Refining will build a terminal in Ningbo.", "Sinopec",
                           "Kappa Refining")
    assert ("Sinopec", "funds", "Kappa Refining") in rels


def test_a_controlling_owner_written_before_a_firm_owns_it():
    rels = story_relations("The state-controlled Kappa Rail and Omega-controlled Zeta Ports signed a deal.",
                           "Omega", "Zeta Ports")
    assert ("Omega", "owns", "Zeta Ports") in rels


def test_money_invested_in_a_firm_named_like_one_is_no_place():
    d = drafted_with("Title\n\nOmega Capital will invest $2 billion in Sigma Chips.", "Omega Capital", "Sigma Chips")
    assert entity(d, "Sigma Chips").type == "firm"
    assert ("Omega Capital", "invests_in", "Sigma Chips") in relations_of(d)


def test_a_fine_with_its_amount_is_a_regulators_act_active_and_passive():
    for sentence in ("The Fair Trade Commission fined Sigma Chips $10 million.",
                     "Sigma Chips was fined $10 million by the Fair Trade Commission."):
        rels = story_relations(sentence, "Sigma Chips", "Fair Trade Commission")
        assert ("Fair Trade Commission", "regulates", "Sigma Chips") in rels, sentence


def test_a_stake_in_the_venture_with_another_holding_the_rest_owns_no_other():
    rels = story_relations("Delta Power holds a 51% stake in the venture, with Epsilon Grid holding the rest.",
                           "Delta Power", "Epsilon Grid")
    assert ("Delta Power", "owns", "Epsilon Grid") not in rels


def test_a_firms_subsidiaries_listed_are_part_of_it():
    rels = story_relations("Omicron Steel's subsidiaries include Beta Wire and Gamma Pipes.", "Omicron Steel",
                           "Beta Wire", "Gamma Pipes")
    assert ("Beta Wire", "part_of", "Omicron Steel") in rels and ("Gamma Pipes", "part_of", "Omicron Steel") in rels


def test_acquiring_a_minority_stake_is_an_investment_not_ownership():
    rels = story_relations("Rho Partners acquired a 20% stake in Tau Lithium from Mu Resources.", "Rho Partners",
                           "Tau Lithium")
    assert ("Rho Partners", "invests_in", "Tau Lithium") in rels
    assert ("Rho Partners", "owns", "Tau Lithium") not in rels


def test_a_description_noun_opening_a_sentence_is_the_firm_before():
    rels = story_relations("Omega Steel reported higher profits. The steelmaker supplies plate to Sigma Shipyards.",
                           "Omega Steel", "Sigma Shipyards")
    assert ("Omega Steel", "supplies", "Sigma Shipyards") in rels


def test_the_largest_maker_in_a_country_is_located_there():
    rels = story_relations("Xi Solar is the largest module maker in India.", "Xi Solar", "India")
    assert ("Xi Solar", "located_in", "India") in rels


def test_a_joint_venture_of_a_firm_with_another_is_a_partnership():
    rels = story_relations("Chinese regulators approved Lambda Auto's joint venture with Nu Motors.",
                           "Lambda Auto", "Nu Motors")
    assert any({a, b} == {"Lambda Auto", "Nu Motors"} and t == "partners_with" for a, t, b in rels)


def test_a_countrys_treasury_is_a_ministry():
    d = drafted_with("Title\n\nThe US Treasury said the review would take 45 days.", "US Treasury")
    assert entity(d, "US Treasury").type == "ministry"


def test_former_opening_a_sentence_is_no_part_of_a_firms_name():
    d = drafted_with("Title\n\nFormer Nu Bank chief executive Sara Lind now advises Xi Capital.", "Nu Bank",
                     "Sara Lind")
    assert not any(e.name.startswith("Former") for e in d.entities)


def test_hiring_a_firms_former_executive_buys_nothing_from_the_firm():
    rels = story_relations("Tau Chemicals has hired former Mu Pharma executive John Doe to run its drug unit.",
                           "Tau Chemicals", "Mu Pharma", "John Doe")
    assert ("Mu Pharma", "supplies", "Tau Chemicals") not in rels
    assert ("John Doe", "works_for", "Mu Pharma") in rels      # control: the sentence is read (the dev gold keeps
    # former posts)


VTRE = ("Vietnam's rare-earth ambitions\n\n"
        "HANOI, Sept 9 (Wire) - Vietnam Rare Earth Joint Stock Company will expand the separation plant in "
        "Yen Bai under a licence from the Ministry of Natural Resources and Environment, and Sojitz, the "
        "Japanese trading house, will take a 10% stake in the company.\n\n"
        "\"We want to be the supplier that is not China,\" its chairman said. China's Ministry of Commerce "
        "declined to comment.")


def test_a_name_listed_after_a_place_but_described_as_a_firm_is_a_firm():
    d = drafted_with(VTRE, "Sojitz")
    assert entity(d, "Sojitz").type == "firm"


def test_a_ministry_with_no_country_named_is_the_datelines_countrys():
    rels = relations_of(drafted_with(VTRE, "Ministry of Natural Resources and Environment", "Vietnam", "China"))
    assert ("Ministry of Natural Resources and Environment", "part_of", "Vietnam") in rels
    assert ("Ministry of Natural Resources and Environment", "part_of", "China") not in rels


def test_a_ministrys_name_ends_at_its_portfolio_lists_last_and():
    d = drafted_with(VTRE, "Ministry of Natural Resources and Environment")
    assert not any("Sojitz" in e.name and e.type == "ministry" for e in d.entities)


def test_a_mine_in_a_province_which_a_firm_operates_under_a_licence():
    rels = story_relations("The oxides will come from the Dong Pao mine in Lai Chau province, which Kappa Mining "
                           "operates under a licence from the Ministry of Mines.", "Dong Pao mine", "Kappa Mining",
                           "Ministry of Mines")
    assert ("Kappa Mining", "leads", "Dong Pao mine") in rels
    assert ("Ministry of Mines", "regulates", "Kappa Mining") in rels


DEFENCE = ("Poland buys launchers\n\n"
           "WARSAW, Oct 14 (Wire) - Poland's Armament Agency has signed contracts worth $6 billion with Kappa "
           "Aerospace and Zeta Defense Systems for 48 launchers, the defence ministry said on Tuesday.\n\n"
           "Defence Minister Jan Nowak said the deal would make Poland strong.")


def test_a_buyers_contracts_with_sellers_for_goods_are_supplies():
    rels = relations_of(drafted_with(DEFENCE, "Armament Agency", "Kappa Aerospace", "Zeta Defense Systems"))
    assert ("Kappa Aerospace", "supplies", "Armament Agency") in rels
    assert ("Zeta Defense Systems", "supplies", "Armament Agency") in rels


def test_a_ministry_named_only_by_its_ministers_title_is_the_articles_countrys():
    rels = relations_of(drafted_with(DEFENCE, "Ministry of Defence", "Poland"))
    assert ("Ministry of Defence", "part_of", "Poland") in rels


# review13's counter-examples: money received far from the grants, or for something else
@pytest.mark.parametrize("later", [
    "Zeta Steel will get $300 million in cash when it completes the sale of its unit.",
    "Zeta Steel got $2 billion in orders from carmakers last year.",
    "Zeta Steel received $50 million in its IPO.",
    "Kappa Motors paid $20 million to Zeta Steel. Zeta Steel received $20 million.",
    "The remaining output of the plant goes to Zeta Steel.",
    "Kappa Motors makes trucks. Omega Rail makes wagons. Sigma Ports runs docks. Tau Mines digs coal. "
    "Zeta Steel received $20 million.",
])
def test_money_received_for_something_else_or_long_after_is_no_grant(later):
    text = ("Grants\n\nThe Ministry of Industry approved subsidies for battery makers. " + later)
    rels = relations_of(drafted_with(text, "Ministry of Industry", "Zeta Steel"))
    assert ("Ministry of Industry", "funds", "Zeta Steel") not in rels
    # the same sentence shape right after the announcement is read (the guard is the context, not the verb)
    near = relations_of(draft_of("Grants\n\nThe Ministry of Industry approved subsidies for battery makers. "
                                 "Zeta Steel received $20 million."))
    assert ("Ministry of Industry", "funds", "Zeta Steel") in near


@pytest.mark.parametrize("sentence, wrong", [
    ("After Zeta Steel's deal collapsed, Omega Metals agreed to acquire the company.",
     ("Omega Metals", "owns", "Zeta Steel")),
    ("Zeta Steel's rival Omega Metals supplies the company with axles.", ("Omega Metals", "supplies", "Zeta Steel")),
    ("Zeta Steel said it acquired the company that runs its Ohio rail yard.", ("Zeta Steel", "owns", "Kappa Motors")),
    ("Zeta Steel owns 20% of the company it founded with Omega Metals.", ("Zeta Steel", "owns", "Kappa Motors")),
])
def test_the_company_is_not_any_possessor_nor_a_restricted_noun(sentence, wrong):
    # review13's counter-examples to company_meant
    rels = relations_of(drafted_with("T\n\nKappa Motors makes trucks. " + sentence, "Kappa Motors", "Zeta Steel"))
    assert wrong not in rels


@pytest.mark.parametrize("sentence", [
    "Kappa Motors quit coal and signed a deal with Omega Rail.",
    "Kappa Motors exited Russia and partnered with Omega Rail.",
    "Kappa Motors ended 2024 in a partnership with Omega Rail.",
])
def test_an_ending_verb_with_another_object_leaves_the_deal(sentence):
    # review13's counter-examples to the ended-tie-up guard
    rels = story_relations(sentence, "Kappa Motors", "Omega Rail")
    assert any({a, b} == {"Kappa Motors", "Omega Rail"} and t == "partners_with" for a, t, b in rels)


@pytest.mark.parametrize("sentence, wrong", [
    ("The policymaker owns 5% of Omega Metals.", ("Kappa Motors", "owns", "Omega Metals")),
    ("The lawmaker who chairs the committee bought shares in Omega Metals.", ("Kappa Motors", "owns", "Omega Metals")),
    ("The airline sector buys fuel from Omega Energy.", ("Omega Energy", "supplies", "Kappa Motors")),
    ("The supplier industry buys steel from Omega Energy.", ("Omega Energy", "supplies", "Kappa Motors")),
])
def test_a_description_noun_that_is_no_firm_is_not_the_firm_in_question(sentence, wrong):
    # review13's counter-examples to the wider description-noun subject
    rels = relations_of(drafted_with("T\n\nKappa Motors reported results. " + sentence, "Kappa Motors"))
    assert wrong not in rels


@pytest.mark.parametrize("sentence", [
    "Kappa Motors chose Sigma Engineering to head the project for its new plant.",
    "Kappa Motors hired Sigma Engineering as manager of the project for its plant.",
])
def test_a_firm_hired_or_chosen_for_a_job_still_supplies(sentence):
    # review13's counter-examples to the hired-executive guard (a person must follow the title)
    rels = story_relations(sentence, "Kappa Motors", "Sigma Engineering")
    assert ("Sigma Engineering", "supplies", "Kappa Motors") in rels


@pytest.mark.parametrize("sentence", [
    "Lambda Auto's former joint venture with Nu Motors was sold.",
    "Lambda Auto's planned joint venture with Nu Motors was scrapped.",
])
def test_a_former_or_scrapped_joint_venture_is_no_partnership(sentence):
    # review13's counter-examples to "X's joint venture with Y"
    rels = story_relations(sentence, "Lambda Auto", "Nu Motors")
    assert not any({a, b} == {"Lambda Auto", "Nu Motors"} and t == "partners_with" for a, t, b in rels)
    live = story_relations("Regulators approved Lambda Auto's joint venture with Nu Motors.", "Lambda Auto")
    assert any({a, b} == {"Lambda Auto", "Nu Motors"} and t == "partners_with" for a, t, b in live)


def test_a_wire_hubs_dateline_does_not_place_a_ministry():
    # review13's counter-example to the dateline weight
    text = ("Gallium curbs\n\nWASHINGTON, Sept 9 (Wire) - The Ministry of Commerce said on Tuesday it would curb "
            "exports of gallium, a move aimed at the United States. Kappa Semi, a Chinese chipmaker, said supply "
            "was tight.")
    rels = relations_of(drafted_with(text, "Ministry of Commerce", "United States"))
    assert ("Ministry of Commerce", "part_of", "United States") not in rels


def test_the_leader_of_an_unnamed_consortium_is_still_the_subject():
    # review13's counter-example to the owner-marker skip
    rels = story_relations("A Kappa Motors-led consortium bought Zeta Steel.", "Kappa Motors", "Zeta Steel")
    assert ("Kappa Motors", "owns", "Zeta Steel") in rels


def test_a_firm_named_treasury_stays_a_firm():
    # review13's counter-example to a "Treasury" suffix
    d = drafted_with("Title\n\nSigma Treasury, a fintech start-up, raised money from Omega Capital.", "Sigma Treasury")
    assert entity(d, "Sigma Treasury").type == "firm"


@pytest.mark.parametrize("sentence, place", [
    ("Omega Capital is the biggest foreign investor in Vietnam.", "Vietnam"),
    ("Kappa Motors is a major exporter in Japan's car market.", "Japan"),
])
def test_a_foreign_investor_or_a_market_is_not_where_a_firm_is(sentence, place):
    # review13's counter-examples to "X is the largest <noun> in <place>"
    rels = story_relations(sentence, place)
    assert not any(t == "located_in" and b == place for _, t, b in rels)


def test_a_long_parenthetical_is_still_read_past():
    # review13: the bracket bound (against hostile text) must not cut an ordinary long aside
    rels = story_relations("Kappa Motors (founded in 1998 by three engineers from Ohio and listed in New York in "
                           "2010 after a long delay), a Texas carmaker, bought Zeta Steel.", "Kappa Motors", "Texas")
    assert ("Kappa Motors", "located_in", "Texas") in rels


# review14's counter-examples (the last part of round 9 and review13's mends)
@pytest.mark.parametrize("sentence, wrong", [
    ("Sigma Aerospace signed contracts worth $2 billion with Kappa Air and Zeta Airways for 48 jets.",
     ("Kappa Air", "supplies", "Sigma Aerospace")),
    ("Sigma Aerospace finalised an order with Kappa Airlines for 20 jets.", ("Kappa Airlines", "supplies", "Sigma Aerospace")),
    ("The Ministry of Energy signed a contract with Kappa Storage for 30 days of storage.",
     ("Kappa Storage", "supplies", "Ministry of Energy")),
])
def test_a_sellers_contracts_with_buyers_are_not_read_backwards(sentence, wrong):
    assert wrong not in story_relations(sentence)


def test_an_airline_placing_an_order_buys():
    rels = story_relations("Kappa Air placed an order with Sigma Aerospace for 48 jets.", "Kappa Air", "Sigma Aerospace")
    assert ("Sigma Aerospace", "supplies", "Kappa Air") in rels


@pytest.mark.parametrize("sentence", [
    "Tau Chemicals has hired a former Mu Pharma executive to run its drug unit.",
    "Tau Chemicals has hired former Mu Pharma executive, John Doe, to run its drug unit.",
    "Tau Chemicals has hired former Mu Pharma chief financial officer John Doe to run its drug unit.",
])
def test_hiring_a_firms_former_executive_in_any_wording_buys_nothing(sentence):
    assert ("Mu Pharma", "supplies", "Tau Chemicals") not in story_relations(sentence, "Tau Chemicals", "Mu Pharma")


@pytest.mark.parametrize("sentence", [
    "The Ministry of Industry approved subsidies worth $90 million for battery makers, and the largest award goes "
    "to Zeta Steel.",
    "The Ministry of Industry announced grants worth $90 million on Monday; Zeta Steel receives $20 million.",
    "The Ministry of Industry approved subsidies for battery makers. Kappa Cells receives $20 million. The first "
    "payments arrive by March. Zeta Steel gets $10 million.",
    "The Ministry of Industry approved subsidies for battery makers. Zeta Steel got $20 million from the programme.",
])
def test_grant_recipients_in_the_announcement_or_after_a_date_are_read(sentence):
    rels = story_relations(sentence, "Ministry of Industry", "Zeta Steel")
    assert ("Ministry of Industry", "funds", "Zeta Steel") in rels


@pytest.mark.parametrize("sentence", [
    "Lambda Motors' joint venture with Nu Batteries sold 200,000 cars last year.",
    "Lambda Motors' joint venture with Nu Batteries ended the year with a record profit.",
])
def test_a_live_joint_venture_whose_sentence_has_an_ending_word_is_a_partnership(sentence):
    rels = story_relations(sentence, "Lambda Motors", "Nu Batteries")
    assert any({a, b} == {"Lambda Motors", "Nu Batteries"} and t == "partners_with" for a, t, b in rels)


@pytest.mark.parametrize("sentence, wrong", [
    ("Omega Cells, which Rho Motors expects will supply batteries to Tau Trucks, is based in Hungary.",
     ("Rho Motors", "supplies", "Tau Trucks")),
    ("Omega Cells, which Rho Motors has owned since 2019 supplies batteries to Tau Trucks.",
     ("Rho Motors", "supplies", "Tau Trucks")),
])
def test_a_which_clauses_named_subject_is_read_only_for_its_own_verb(sentence, wrong):
    assert wrong not in story_relations(sentence, "Omega Cells", "Rho Motors")


def test_a_regional_desks_dateline_does_not_outweigh_the_country_the_story_is_about():
    # review15: Singapore and Hong Kong datelines are regional wire desks (review14 had taken them out of the hubs)
    text = ("Palm oil\n\nSINGAPORE, Sept 9 (Wire) - The Ministry of Plantation said Malaysia's palm oil exports fell "
            "10% in August. Malaysia's output also slipped, while buyers in Singapore held back.")
    rels = relations_of(drafted_with(text, "Ministry of Plantation", "Malaysia"))
    assert ("Ministry of Plantation", "part_of", "Singapore") not in rels


@pytest.mark.parametrize("sentence, wrong_or_right", [
    ("Zeta Capital owns 28% of the company.", ("Zeta Capital", "owns", "Kappa Motors")),
    ("Rho Steel supplies the company with steel.", ("Rho Steel", "supplies", "Kappa Motors")),
])
def test_the_company_of_a_sentence_naming_one_firm_is_the_firm_in_question(sentence, wrong_or_right):
    rels = relations_of(drafted_with("T\n\nKappa Motors makes trucks in Ohio. " + sentence, "Kappa Motors"))
    assert wrong_or_right in rels


def test_ended_cooperation_without_an_article_is_no_partnership():
    rels = story_relations("Kappa Cells ended cooperation with Sigma Motors in May. It signed a deal with Omega "
                           "Motors.", "Kappa Cells", "Sigma Motors")
    assert not any({a, b} == {"Kappa Cells", "Sigma Motors"} and t == "partners_with" for a, t, b in rels)
    assert any({a, b} == {"Kappa Cells", "Omega Motors"} and t == "partners_with" for a, t, b in rels)


@pytest.mark.parametrize("sentence, place", [
    ("Kappa Wind, the largest offshore wind developer in Taiwan, will build a farm.", "Taiwan"),
    ("Kappa Bank is the biggest international bank in Singapore.", "Singapore"),
])
def test_offshore_or_international_are_trades_not_foreignness(sentence, place):
    rels = story_relations(sentence, place)
    assert any(t == "located_in" and b == place for _, t, b in rels)


def test_a_licence_held_in_the_past_is_not_read():
    rels = story_relations("Kappa Mining held a licence from the Ministry of Mines until the ministry revoked it.",
                           "Kappa Mining", "Ministry of Mines")
    assert ("Ministry of Mines", "regulates", "Kappa Mining") not in rels


# review15's counter-examples (the second mends)
@pytest.mark.parametrize("text, wrong", [
    ("Rho Capital agreed to buy Kappa Motors for $2 billion. Zeta Bank owns 12% of the company and backs the deal.",
     ("Zeta Bank", "owns", "Rho Capital")),
    ("Rho Capital sued Kappa Motors on Monday. Zeta Steel supplies the company with steel.",
     ("Zeta Steel", "supplies", "Rho Capital")),
])
def test_the_company_after_a_sentence_naming_two_firms_is_not_guessed(text, wrong):
    assert wrong not in story_relations(text)


@pytest.mark.parametrize("sentence", [
    "Lambda Motors' joint venture with Nu Batteries ended in 2022.",
    "Lambda Motors' joint venture with Nu Batteries has ended.",
])
def test_a_joint_venture_that_ended_is_no_partnership(sentence):
    rels = story_relations(sentence, "Lambda Motors", "Nu Batteries")
    assert not any({a, b} == {"Lambda Motors", "Nu Batteries"} and t == "partners_with" for a, t, b in rels)


@pytest.mark.parametrize("sentence, right", [
    ("Kappa Steel quit making cars to supply steel to Sigma Motors.", ("Kappa Steel", "supplies", "Sigma Motors")),
    ("Kappa Energy exited coal power to supply gas to Zeta Utilities.", ("Kappa Energy", "supplies", "Zeta Utilities")),
])
def test_an_ending_verb_with_its_own_object_leaves_a_later_supply(sentence, right):
    assert right in story_relations(sentence)


@pytest.mark.parametrize("sentence, right", [
    ("Kappa Bank hired Zeta Search after its chief executive quit, to find a successor.",
     ("Zeta Search", "supplies", "Kappa Bank")),
    ("Kappa Motors hired Zeta Consulting on its president's advice to review costs.",
     ("Zeta Consulting", "supplies", "Kappa Motors")),
])
def test_a_firm_hired_near_a_title_word_still_supplies(sentence, right):
    assert right in story_relations(sentence)


def test_hiring_a_firms_former_chief_executive_through_a_possessive_buys_nothing():
    rels = story_relations("Tau Chemicals has hired Mu Pharma's former chief executive John Doe to run its drug unit.",
                           "Tau Chemicals", "Mu Pharma")
    assert ("Mu Pharma", "supplies", "Tau Chemicals") not in rels


def test_a_hong_kong_dateline_does_not_weigh_china():
    text = ("Yen\n\nHONG KONG, Sept 9 (Wire) - The Ministry of Finance said the yen would weaken. Japan's exports fell "
            "in August, and Japan's carmakers cut output as demand from China slowed.")
    assert ("Ministry of Finance", "part_of", "China") not in relations_of(drafted_with(text, "Ministry of Finance"))


@pytest.mark.parametrize("sentence", [
    "Kappa Mining has held a licence from the Ministry of Mines since 2010.",
    "Kappa Mining, which has held a licence from the Ministry of Mines since 2010, exports copper.",
])
def test_a_licence_held_since_a_date_is_read(sentence):
    assert ("Ministry of Mines", "regulates", "Kappa Mining") in story_relations(sentence, "Kappa Mining")


@pytest.mark.parametrize("sentence", [
    "The Ministry of Industry announced grants worth $90 million on Monday, a week after Zeta Steel received $400 "
    "million of bank loans.",
    "The Ministry of Industry announced grants for battery makers, whose leader Zeta Steel gets $2 billion of "
    "revenue a year.",
])
def test_money_in_the_announcements_aside_is_no_grant(sentence):
    assert ("Ministry of Industry", "funds", "Zeta Steel") not in story_relations(sentence, "Zeta Steel")


@pytest.mark.parametrize("sentence, place", [
    ("Kappa Energy is the largest international investor in Vietnam.", "Vietnam"),
    ("Kappa Bank, the biggest offshore lender in India, raised its loans.", "India"),
    ("Kappa Motors is the biggest exporter in Japan's fast-growing car industry.", "Japan"),
])
def test_international_investors_and_offshore_lenders_are_foreign(sentence, place):
    assert not any(t == "located_in" and b == place for _, t, b in story_relations(sentence))
