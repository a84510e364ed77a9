"""Reading errors found on invented articles (helper ingest8b: telecoms, chips, regulators, finance)."""

from __future__ import annotations

from ingest_support import draft_of, relations_of, relations_with as _relations_with


OFCOM = ("LONDON, Feb 3 (Wire) - Britain's communications regulator Ofcom on Tuesday fined Kappa Telecom "
         "12 million pounds after a nationwide outage.\n\n")


def test_a_pension_fund_named_after_a_possessive_is_a_noun_not_funding():
    rels = _relations_with(OFCOM + "The deal is backed by Sigma Broadband's main shareholder, the pension fund "
                           "Tau Capital, which holds 52% of Sigma Broadband.",
                           "Sigma Broadband", "Tau Capital")
    assert ("Sigma Broadband", "funds", "Tau Capital") not in rels
    assert ("Tau Capital", "owns", "Sigma Broadband") in rels


def test_a_review_of_x_s_purchase_of_y_makes_x_the_buyer_not_the_reviewer():
    d = draft_of(OFCOM + "Separately, the Competition and Markets Authority said it had opened a review "
                 "of Kappa's planned purchase of Sigma Broadband, a regional fibre provider.")
    rels = relations_of(d)
    names = {e.name for e in d.entities}
    assert {"Competition and Markets Authority", "Sigma Broadband", "Kappa Telecom"} <= names
    assert "Separately" not in names
    assert not any(r[1] == "owns" and r[2] == "Sigma Broadband" and r[0] != "Kappa Telecom" for r in rels)


def test_a_ban_on_the_use_of_equipment_from_x_makes_the_regulator_no_customer():
    rels = _relations_with(OFCOM + "The European Commission last year banned the use of equipment from Lambda "
                           "Technologies in parts of the EU's networks.",
                           "European Commission", "Lambda Technologies")
    assert not any(r[1] == "supplies" and r[0] == "Lambda Technologies" for r in rels)


IPO = ("MUMBAI, Nov 14 (Wire) - Kappa Aerospace Ltd, an Indian maker of aircraft parts, raised $2.1 billion "
       "in its initial public offering. Kappa will expand its plant in Hyderabad.\n\n")


def test_bonds_bought_by_unnamed_insurers_in_countries_make_no_owner():
    rels = _relations_with(IPO + "The company also issued $500 million of bonds last month, arranged by Citigroup. "
                           "The bonds were bought mainly by insurers in Japan and South Korea.",
                           "Japan", "South Korea", "Hyderabad plant")
    assert not any(r[1] == "owns" and r[0] in ("Japan", "South Korea") for r in rels)


def test_a_place_based_firm_in_which_x_holds_a_stake_is_the_named_firm_not_the_place():
    d = draft_of("Japan approves Kappa Pharma's drug.\n\nThe drug was developed by Kappa Pharma with Omega "
                 "Therapeutics, a Boston-based biotech firm in which Kappa holds a 20% stake.")
    rels = relations_of(d)
    types = {e.name: e.type for e in d.entities}
    assert {"Omega Therapeutics", "Boston"} <= set(types)
    assert types["Boston"] == "location"
    assert not any(r[1] == "owns" and r[2] == "Boston" for r in rels)
    assert any(r[1] == "owns" and r[2] == "Omega Therapeutics" and r[0].startswith("Kappa") for r in rels)


def test_founded_in_a_year_by_p_makes_p_a_person_and_a_family_no_firm():
    d = draft_of(IPO + "Founded in 1998 by Rajesh Mehta, Kappa is controlled by the Mehta family, which "
                 "will keep a 62% stake after the listing.")
    types = {e.name: e.type for e in d.entities}
    assert "Kappa Aerospace Ltd" in types
    assert types.get("Rajesh Mehta") == "person"
    assert "Mehta" not in types
    assert not any(r[0] == "Mehta" for r in relations_of(d))


def test_a_disease_named_after_a_person_is_no_firm():
    d = draft_of("Japan approves Kappa Pharma's Alzheimer's drug\n\nTOKYO, Sept 9 - Japan's health ministry on "
                 "Monday approved Kappa Pharma's antibody drug for early Alzheimer's disease.")
    names = {e.name for e in d.entities}
    assert "Kappa Pharma" in names and "Alzheimer" not in names


def test_made_by_x_at_its_plant_makes_x_the_owner_of_the_plant():
    rels = _relations_with("Japan approves Kappa Pharma's drug\n\nTOKYO, Sept 9 - Japan's health ministry "
                           "approved Kappa Pharma's antibody drug.\n\nThe drug was developed by Kappa Pharma "
                           "with Omega Therapeutics. It will be manufactured by Zeta Bio (ゼータバイオ) at its "
                           "plant in Osaka and distributed in Japan by Sigma Medical.",
                           "Zeta Bio", "Osaka plant", "Kappa Pharma")
    assert ("Kappa Pharma", "owns", "Osaka plant") not in rels
    assert ("Zeta Bio", "owns", "Osaka plant") in rels


def test_a_bank_of_a_country_and_another_name_are_two_bodies():
    d = draft_of("Zeta Defence wins Polish order\n\nZeta Defence won a $3.4 billion contract from Poland. Export "
                 "financing comes from the Export-Import Bank of Korea and K-Sure.")
    names = {e.name for e in d.entities}
    assert "Export-Import Bank of Korea" in names and "K-Sure" in names
    assert "Export-Import Bank of Korea and K-Sure" not in names


def test_a_label_in_capitals_opening_an_analyst_note_is_no_body():
    for text in ("ANALYST NOTE: Zeta Defence (Overweight) - Poland order lifts backlog\n\n"
                 "Zeta Defence won a contract from Poland.",
                 "Zeta Defence lifts backlog\n\nANALYST NOTE: Zeta Defence won a contract from Poland."):
        names = {e.name for e in draft_of(text).entities}
        assert "Zeta Defence" in names and not names & {"ANALYST", "NOTE", "ANALYST NOTE"}, text


QA = "Q&A: Why the EU is reviewing a stake in a Taiwanese chip designer\n\n"


def test_a_review_of_a_stake_in_x_bought_by_y_makes_y_the_investor_not_the_reviewer():
    rels = _relations_with(QA + "What happened?\nThe European Commission said on Thursday it had opened an in-depth "
                           "review of the purchase of a 25% stake in Kappa Microelectronics (卡帕微電子) by Zeta Capital, "
                           "a unit of Qatar's sovereign wealth fund.",
                           "European Commission", "Kappa Microelectronics", "Zeta Capital")
    assert not any(r[0] == "European Commission" and r[1] in ("owns", "invests_in") for r in rels)
    assert ("Zeta Capital", "invests_in", "Kappa Microelectronics") in rels


def test_a_question_opening_with_an_auxiliary_keeps_it_out_of_the_name():
    d = draft_of(QA + "Kappa Microelectronics designs power chips.\n\nIs Kappa profitable?\nKappa reported "
                 "net income of T$4.1 billion last year.")
    names = {e.name for e in d.entities}
    assert "Kappa Microelectronics" in names and "Is Kappa" not in names


def test_carmakers_using_a_firm_s_chips_are_not_in_the_chip_sector():
    rels = _relations_with(QA + "Kappa Microelectronics, based in Hsinchu, Taiwan, designs power chips used by European "
                           "carmakers, including Volkswagen and Stellantis.",
                           "Volkswagen", "Stellantis", "Semiconductors")
    assert not any(r[0] in ("Volkswagen", "Stellantis") and r[2] == "Semiconductors" for r in rels)


def test_x_s_largest_shareholder_the_described_y_makes_y_an_owner():
    rels = _relations_with("Zeta Semiconductor to build chip plant in Arizona\n\nZeta Semiconductor Inc. today announced a "
                           "packaging plant in Chandler, Arizona. Zeta Semiconductor's largest shareholder, the Korean "
                           "conglomerate Omicron Group, owns 35% of the company.",
                           "Zeta Semiconductor", "Omicron Group")
    assert ("Omicron Group", "owns", "Zeta Semiconductor") in rels


def test_memory_codes_a_firm_makes_are_goods_not_bodies():
    d = draft_of("Zeta Semiconductor to build chip plant\n\nAbout Zeta Semiconductor\nZeta Semiconductor is "
                 "headquartered in Seoul, South Korea, and makes DRAM and NAND flash memory.")
    names = {e.name for e in d.entities}
    assert "Zeta Semiconductor" in names and not names & {"DRAM", "NAND"}


def test_aid_received_by_a_plant_named_in_a_which_clause_funds_the_plant_not_the_subject():
    rels = _relations_with(QA + "Why does Brussels care?\nKappa Microelectronics's chips are made by Sigma Foundry at a "
                           "plant in Dresden, Germany, which received 900 million euros in state aid from the German "
                           "government in 2024.",
                           "Kappa Microelectronics", "Dresden plant", "Germany")
    assert ("Germany", "funds", "Kappa Microelectronics") not in rels
    assert ("Germany", "funds", "Dresden plant") in rels


def test_a_news_service_named_in_a_dateline_is_no_firm():
    for text in (OFCOM + "Kappa said it accepted the decision.",
                 "Zeta Semiconductor to build plant\n\nPHOENIX, Arizona, April 8, 2026 /PRNewswire/ -- Zeta "
                 "Semiconductor Inc. today announced a packaging plant in Chandler, Arizona."):
        names = {e.name for e in draft_of(text).entities}
        assert names & {"Kappa Telecom", "Zeta Semiconductor"} and not names & {"Wire", "PRNewswire"}, text


def test_a_regulator_described_before_its_name_without_a_comma_fines_a_firm():
    rels = _relations_with("Ofcom fines Kappa Telecom\n\nBritain's communications regulator Ofcom on Tuesday "
                           "fined Kappa Telecom 12 million pounds after an outage.", "Ofcom", "Kappa Telecom")
    assert ("Ofcom", "regulates", "Kappa Telecom") in rels


def test_a_fund_described_before_its_name_is_one_fund():
    d = draft_of(IPO + "Abu Dhabi's sovereign fund Zeta Investment Authority bought shares worth $300 million "
                 "as an anchor investor.")
    types = {e.name: e.type for e in d.entities}
    assert types.get("Zeta Investment Authority") == "fund"
    assert "sovereign fund" not in types


def test_a_name_closed_by_an_industry_noun_is_a_firm():
    d = draft_of("US adds chip toolmaker to blacklist\n\nWASHINGTON, Oct 2 - The U.S. Commerce Department on "
                 "Wednesday added Zeta Semiconductor Equipment (泽塔半导体设备), a Shanghai-based maker of etching "
                 "tools, to its list. Zeta Precision Equipment said so.")
    types = {e.name: e.type for e in d.entities}
    assert types.get("Zeta Semiconductor Equipment") == "firm"
    assert types.get("Zeta Precision Equipment") == "firm"
