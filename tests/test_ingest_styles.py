"""Constructions of Q&A explainers, wire copy and company profiles (invented sentences)."""

from __future__ import annotations

import pytest

from ingest_support import draft_of, relations_of

OPENING = "Kappa Memory Corp will build a memory fab in Omura, Japan.\n\n"


def test_money_provided_is_funding_not_supply():
    d = draft_of(OPENING + "The Development Bank of Japan will lend 40 billion yen. "
                 "Tau Bank and Phi Bank will provide a further 30 billion yen.")
    rels = relations_of(d)
    assert {"Tau Bank", "Phi Bank", "Omura fab"} <= {e.name for e in d.entities}
    assert not any(r[1] == "supplies" and r[0] in ("Tau Bank", "Phi Bank") for r in rels)


def test_an_award_of_a_subsidy_in_a_written_currency_after_a_dateline():
    d = draft_of("TOKYO, June 4 (Wire) - Japan's industry ministry on Tuesday awarded Kappa Memory Corp "
                 "(卡帕存储) a subsidy of up to 92 billion yen for a memory fab in Omura.")
    rels = relations_of(d)
    assert ("Japan's industry ministry", "funds", "Kappa Memory Corp") in rels
    assert not any(r[1] == "funds" and r[0] in ("TOKYO", "Tokyo") for r in rels)


def test_a_site_sold_to_a_firm_is_no_supply():
    d = draft_of(OPENING + "The site was sold to Kappa Memory by the Nagasaki prefectural government "
                 "last year.")
    rels = relations_of(d)
    assert {"Kappa Memory Corp", "Omura fab"} <= {e.name for e in d.entities}
    assert not any(r[1] == "supplies" and r[2] == "Kappa Memory Corp" for r in rels)


def test_a_qa_label_and_headline_make_no_entities():
    d = draft_of("Q&A: What the fab means for Japan\n\n" + OPENING + "Q: Who supplies the equipment?\n"
                 "A: Lithography tools will come from Omega Optics.")
    names = {e.name for e in d.entities}
    assert "Omega Optics" in names and not names & {"Q&A", "Lithography"}


def test_its_role_is_p_and_p_is_its_role_make_p_head_the_firm():
    for sentence in ("Its chief executive is Park Ji-hoon.", "Park Ji-hoon is its chief executive.",
                     "The company's chief executive is Park Ji-hoon.",
                     "Park Ji-hoon, its chief executive, said so."):
        assert ("Park Ji-hoon", "heads", "Kappa Memory Corp") in relations_of(draft_of(OPENING + sentence)), \
            sentence


def test_a_profile_keeps_its_firm_after_naming_its_chief():
    rels = relations_of(draft_of(OPENING + "Kappa Memory is a Seoul-based chipmaker. Its chief executive "
                                 "is Park Ji-hoon. The company competes with Sigma Micro and with Rho "
                                 "Semiconductor in memory chips."))
    assert ("Kappa Memory Corp", "located_in", "Seoul") in rels
    assert ("Kappa Memory Corp", "competes_with", "Sigma Micro") in rels
    assert ("Kappa Memory Corp", "competes_with", "Rho Semiconductor") in rels


RELEASE = ("SANTOS, Brazil, 12 March 2026 -- Kappa Agri Holdings (\"Kappa Agri\"), the agricultural arm of "
           "Saudi Arabia's Public Investment Fund, and Zeta Foods S.A. today announced an agreement to build "
           "a grain export terminal at the Port of Santos.\n\n"
           "Under the agreement, Kappa Agri will own 60% of the terminal and Zeta Foods the remaining 40%. "
           "The project was approved by Brazil's port regulator, Antaq, in January.\n\n"
           "About Kappa Agri\nKappa Agri Holdings is a wholly owned subsidiary of the Public Investment Fund.")


def test_a_press_release_defines_a_short_name_in_quotes():
    d = draft_of(RELEASE)
    names = [e.name for e in d.entities]
    assert "Kappa Agri Holdings" in names and "Kappa Agri" not in names
    assert "Kappa Agri" in next(e for e in d.entities if e.name == "Kappa Agri Holdings").aliases


def test_shares_with_the_second_holders_verb_left_out_and_a_wholly_owned_subsidiary():
    rels = relations_of(draft_of(RELEASE))
    assert ("Kappa Agri Holdings", "owns", "Port of Santos terminal") in rels
    assert ("Zeta Foods S.A.", "owns", "Port of Santos terminal") in rels
    assert ("Kappa Agri Holdings", "owns", "Zeta Foods S.A.") not in rels
    assert ("Public Investment Fund", "owns", "Kappa Agri Holdings") in rels
    assert ("Kappa Agri Holdings", "owns", "Public Investment Fund") not in rels


def test_a_regulator_named_after_its_countrys_description_is_the_agency_that_acts():
    d = draft_of(RELEASE)
    rels = relations_of(d)
    assert next(e for e in d.entities if e.name == "Antaq").type == "agency"
    assert ("Antaq", "regulates", "Port of Santos terminal") in rels
    assert ("Brazil", "regulates", "Port of Santos terminal") not in rels


NOTE = ("Kappa Defense will build a plant in Brasov.\n\n"
        "Romania's defence ministry has ordered 54 howitzers from Kappa Defense. The Export-Import Bank "
        "of Korea will lend 700 million euros to Romania, guaranteed by the Korea Trade Insurance "
        "Corporation (K-SURE). Barrels are made by Sigma Forge in Busan. Kappa Defense's parent, the "
        "Kappa Group, supplies the steel. Omega Wehrtechnik had offered to build the guns in Romania with "
        "local partner Tau Industrial. Its rival, Zeta Arms, which is controlled by Maria Kappa and runs "
        "plants in Hungary, Slovakia, and in Aragon, Spain, and Poland's Lambda, lost too.")


def test_ends_the_schema_now_allows_a_lender_funds_a_country_a_ministry_buys_a_firm_operates_in_one():
    rels = relations_of(draft_of(NOTE))
    assert ("Kappa Defense", "supplies", "Romania's defence ministry") in rels
    assert ("Export-Import Bank of Korea", "funds", "Romania") in rels
    for place in ("Hungary", "Slovakia", "Aragon", "Spain"):
        assert ("Zeta Arms", "operates_in", place) in rels, place
    assert ("Zeta Arms", "operates_in", "Poland") not in rels          # "Poland's Lambda"
    assert not any(r[1] == "operates_in" and r[0] == "Omega Wehrtechnik" for r in rels)


def test_a_parent_a_local_partner_a_hyphenated_acronym_and_made_by():
    d = draft_of(NOTE)
    rels = relations_of(d)
    assert ("Kappa Group", "owns", "Kappa Defense") in rels
    assert ("Tau Industrial", "partners_with", "Omega Wehrtechnik") in rels
    assert ("Sigma Forge", "supplies", "Brasov plant") in rels
    insurer = next(e for e in d.entities if e.name == "Korea Trade Insurance Corporation")
    assert "K-SURE" in insurer.aliases and not any(e.name == "SURE" for e in d.entities)


FEATURE = ("KUALA LUMPUR — When Kappa Nasional Berhad, the state-owned company that runs Malaysia's 5G "
           "network, picked Zetacom of Sweden over China's Omega Technologies to supply radio equipment in "
           "2021, officials in Beijing complained.\n\n"
           "Three years later, Kappa Nasional has signed a second contract, worth 2.1 billion ringgit, under "
           "which Omega Technologies and Zetacom will each supply half of the equipment for a second network "
           "to be run by a consortium led by Sigma Mobile and Tau Telecom. The Malaysian Communications and "
           "Multimedia Commission (MCMC) said it would review the deal.")


def test_a_supplier_picked_over_a_rival_and_suppliers_under_a_contract():
    rels = relations_of(draft_of(FEATURE))
    assert ("Zetacom", "supplies", "Kappa Nasional Berhad") in rels
    assert ("Omega Technologies", "supplies", "Kappa Nasional Berhad") in rels
    assert not any(r[0] == "Kappa Nasional Berhad" and r[1] == "supplies" for r in rels)
    assert not any(r[2] == "KUALA LUMPUR" or r[0] == "KUALA LUMPUR" for r in rels)
    # a consortium led by two firms: they lead the consortium, not the suppliers named before it
    assert not any({r[0], r[2]} == {"Sigma Mobile", "Zetacom"} and r[1] in ("leads", "related_to")
                   for r in rels)


def test_a_demonym_opens_a_public_bodys_name_across_and():
    d = draft_of(FEATURE)
    body = next(e for e in d.entities if "Multimedia Commission" in e.name)
    assert body.type == "agency" and "MCMC" in body.aliases
    assert "Malaysian Communications and Multimedia Commission" in [body.name, *body.aliases]
    assert not any(e.name == "Malaysian Communications" for e in d.entities)


def test_the_demonym_firm_is_the_firm_the_text_is_about_but_the_rival_firm_is_not():
    rels = relations_of(draft_of("Kappa Electric makes trains. It said so.\n\nThe Japanese firm supplies "
                                 "trains to Zeta High Speed Rail and last year won a signalling order from "
                                 "Omega Rail Corporation. The rival firm supplies Tau Metro."))
    assert ("Kappa Electric", "supplies", "Zeta High Speed Rail") in rels
    assert ("Kappa Electric", "supplies", "Omega Rail Corporation") in rels
    assert ("Kappa Electric", "supplies", "Tau Metro") not in rels


WIRE = ("Zeta Chips to build packaging plant in Arizona\n\nKEY POINTS:\n* Zeta Chips to invest $6 billion\n\n"
        "Zeta Chips said on Tuesday it would build a packaging plant in Chandler, Arizona, and the U.S. "
        "Commerce Department will provide grants to Zeta Chips. The plant will package memory for Nvidia and "
        "Advanced Micro Devices, two of Zeta Chips' largest customers. Arizona's governor, Katie Hobbs, said "
        "the state would help. Zeta Chips is 20% owned by Kappa Holdings, whose chairman, Choi Kappa-won, "
        "attended. Tau Materials, one of its main suppliers, will open a depot nearby.")


def test_a_wire_storys_key_points_label_and_a_department_named_by_its_portfolio():
    d = draft_of(WIRE)
    names = {e.name: e.type for e in d.entities}
    assert "KEY POINTS" not in names
    assert names["U.S. Commerce Department"] == "ministry"
    assert ("U.S. Commerce Department", "funds", "Zeta Chips") in relations_of(d)


def test_customers_and_suppliers_in_an_apposition_and_heads_named_after_a_comma():
    d = draft_of(WIRE)
    rels = relations_of(d)
    assert ("Zeta Chips", "supplies", "Nvidia") in rels
    assert ("Zeta Chips", "supplies", "Advanced Micro Devices") in rels
    assert ("Tau Materials", "supplies", "Zeta Chips") in rels
    assert ("Katie Hobbs", "heads", "Arizona") in rels
    assert next(e for e in d.entities if e.name == "Arizona").type == "government"
    assert ("Choi Kappa-won", "heads", "Kappa Holdings") in rels


SALE = ("Kappa Nickel sells stake in smelter\n\n"
        "JAKARTA, May 20 - Indonesian miner PT Kappa Nickel Tbk said it had agreed to sell a 30% stake in its "
        "Obi plant to Zeta Metals for $420 million. The plant is on Obi Island. Its output will continue to "
        "be sold to Sigma Battery and to Omega Cells. Tau Mining bought a 20% stake in Rho Minerals from "
        "Kappa Nickel last year. Kappa Nickel is controlled by the Lambda family.")


def test_a_stake_sold_to_a_buyer_and_bought_from_a_seller():
    rels = relations_of(draft_of(SALE))
    assert ("Zeta Metals", "owns", "Obi plant") in rels
    assert ("Tau Mining", "invests_in", "Rho Minerals") in rels     # a 20% stake: an investment
    assert not any(r[1] == "supplies" and r[2] == "Zeta Metals" for r in rels)


def test_output_sold_to_buyers_and_an_indonesian_firms_full_legal_name():
    d = draft_of(SALE)
    rels = relations_of(d)
    assert ("Obi plant", "supplies", "Sigma Battery") in rels and ("Obi plant", "supplies", "Omega Cells") in rels
    names = {e.name: e.type for e in d.entities}
    assert names["PT Kappa Nickel Tbk"] == "firm" and "Kappa Nickel" not in names
    assert names["Obi Island"] == "location"
    assert "JAKARTA" not in names


VENTURE = ("Kappa Motor and Zeta Energy to form $1.2 bln battery venture in Tamil Nadu\n\n"
           "CHENNAI, India, Oct 3 - Japan's Kappa Motor Co (カッパ自動車) and India's Zeta Energy Ltd said they would "
           "build a cell plant near Hosur. The state government, led by Chief Minister M.K. Stalin, has offered "
           "land. The project also qualifies for India's incentive scheme for batteries, run by the Ministry of "
           "Heavy Industries.")


def test_a_chief_minister_with_initials_a_legal_suffix_without_a_dot_and_bln():
    d = draft_of(VENTURE)
    names = {e.name: e for e in d.entities}
    assert names["M.K. Stalin"].type == "person" and "Chief Minister M.K. Stalin" not in names
    assert "Kappa Motor" in names and "Kappa Motor Co" not in names
    assert "カッパ自動車" in names["Kappa Motor"].aliases
    assert not any(n.startswith("bln") for n in names)


def test_a_scheme_run_by_a_ministry_is_not_the_project_before_it():
    d = draft_of(VENTURE)
    assert any(e.name == "Ministry of Heavy Industries" for e in d.entities)
    assert not any(r[0] == "Ministry of Heavy Industries" and r[1] == "leads" for r in relations_of(d))


def test_a_firm_a_plant_is_named_after_is_a_firm_and_not_a_place():
    d = draft_of("EU clears Kappa Pharma's purchase of Zeta Biologics plant\n\nThe European Commission "
                 "approved the acquisition of a biologics plant in Cork from Zeta Biologics. Zeta Biologics, a "
                 "subsidiary of China's Tau Group, built it in 2016.")
    names = {e.name: e.type for e in d.entities}
    assert names["Zeta Biologics"] == "firm" and names["Zeta Biologics plant"] == "project"
    assert ("Zeta Biologics", "part_of", "Tau Group") in relations_of(d)


def test_a_short_form_later_in_the_same_sentence_is_the_same_firm_unless_named_as_its_parent():
    d = draft_of("EU clears deal\n\nThe Commission approved Kappa Pharma's acquisition of a plant after "
                 "Kappa agreed to keep supplying rivals. Zeta Biologics, which is owned by the chemicals "
                 "group Zeta, makes antibodies.")
    names = {e.name: e for e in d.entities}
    assert "Kappa" in names["Kappa Pharma"].aliases and "Kappa" not in names
    assert "Zeta" in names and "Zeta" not in names["Zeta Biologics"].aliases


@pytest.mark.parametrize("sentence", [
    "Orlen Digital agreed to buy Vantara Chemicals from Vantara for $2 billion.",
    "Vantara Chemicals and Vantara signed a supply deal.",
    "Vantara Chemicals sued Vantara over the brand.",
    "Vantara Chemicals, which Vantara sold in 2019, supplies Orlen Digital."])
def test_a_short_name_beside_the_full_one_as_seller_partner_or_object_is_another_firm(sentence):
    names = {e.name: e for e in draft_of(sentence).entities}
    assert "Vantara" in names and "Vantara" not in names["Vantara Chemicals"].aliases


def test_two_ministries_after_a_demonym_stay_two():
    d = draft_of("The German Economy Ministry and Finance Ministry approved the Vantara Labs grant.")
    names = {e.name for e in d.entities}
    assert {"Economy Ministry", "Finance Ministry"} <= names


def test_a_chosen_name_that_only_owns_what_was_chosen_or_a_supplier_of_a_later_clause_supplies_nothing():
    for text in ("Brevik Motors tapped Vantara Labs' founder to build its battery team.",
                 "Brevik Motors selected Vantara Labs as its partner, and Orlen Digital will supply the cells."):
        d = draft_of(text)
        assert {"Brevik Motors", "Vantara Labs"} <= {e.name for e in d.entities}
        assert ("Vantara Labs", "supplies", "Brevik Motors") not in relations_of(d), text
