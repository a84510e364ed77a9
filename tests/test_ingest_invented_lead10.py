"""Reading errors found on the lead's invented articles of round 8 (loans, officers' titles).

Each test quotes the invented sentence it was found on (articles kept outside the repository).
"""

from __future__ import annotations

from ingest_support import drafted_with, entity, relations_of



LOAN = ("Kappa Solar secures $1.2 billion for Chilean plant\n\n"
        "SANTIAGO, March 3 - Kappa Solar has closed a $1.2 billion loan for its polysilicon plant in "
        "Antofagasta, the company said on Tuesday.\n\n"
        "The loan was arranged by Banco Santander and guaranteed by Euler Hermes, the German "
        "export-credit agency. The financing was underwritten by Mizuho Bank and Standard Chartered.")


def test_the_loan_arranged_and_guaranteed_by_lenders_funds_the_borrower_named_before():
    rels = relations_of(drafted_with(LOAN, "Kappa Solar", "Banco Santander", "Euler Hermes"))
    assert ("Banco Santander", "funds", "Kappa Solar") in rels
    assert ("Euler Hermes", "funds", "Kappa Solar") in rels
    assert ("Mizuho Bank", "funds", "Kappa Solar") in rels and ("Standard Chartered", "funds", "Kappa Solar") in rels
    # the second lender backs what the first arranged, not the first lender
    assert ("Euler Hermes", "funds", "Banco Santander") not in rels


def test_a_meeting_arranged_by_a_firm_is_no_funding():
    text = ("Kappa Solar meets suppliers\n\nKappa Solar held talks in Lima. "
            "The meeting was arranged by Banco Santander.")
    rels = relations_of(drafted_with(text, "Kappa Solar", "Banco Santander"))
    assert not any(t == "funds" for _, t, _ in rels)


def test_the_banks_leading_a_lender_group_fund_the_project():
    text = ("Zeta Wind finances Baltic Star\n\nZeta Wind is building the Baltic Star offshore wind farm "
            "off Poland. Baltic Star is financed by a group of 20 banks led by DBS Bank of Singapore and "
            "Sigma Bank.")
    d = drafted_with(text, "DBS Bank", "Sigma Bank")
    rels = relations_of(d)
    project = next(b for a, t, b in rels if a == "DBS Bank" and t == "funds")
    assert ("Sigma Bank", "funds", project) in rels
    assert not any(a in ("DBS Bank", "Sigma Bank") and t == "leads" for a, t, _ in rels)


def test_its_output_belongs_to_the_subject_of_the_sentence_not_to_the_firm_named_before():
    text = ("Kappa Solar signs offtake\n\nZeta Capital, a fund of Temasek, took a 20% stake in the project. "
            "Kappa Solar will buy quartz from Omega Minerals under a ten-year contract, and its output "
            "will go to Sigma Modules, which makes panels in Arizona.")
    rels = relations_of(drafted_with(text, "Kappa Solar", "Zeta Capital", "Sigma Modules"))
    assert ("Kappa Solar", "supplies", "Sigma Modules") in rels
    assert ("Zeta Capital", "supplies", "Sigma Modules") not in rels


def test_chief_officers_and_vice_presidents_work_for_their_firm():
    text = ("Kappa Solar wins\n\n"
            '"This is big," said Ana Torres, chief financial officer of Kappa Solar. '
            "Lars Berg, the chief operating officer of Zeta Steel, said output rose. "
            "Omega Mining's chief financial officer, Maria Lopez, said so. "
            "Ruth Lee, vice president of sales at Beta Chips, said demand rose.")
    rels = relations_of(drafted_with(text, "Ana Torres", "Lars Berg", "Maria Lopez", "Ruth Lee"))
    for person, body in (("Ana Torres", "Kappa Solar"), ("Lars Berg", "Zeta Steel"),
                         ("Maria Lopez", "Omega Mining"), ("Ruth Lee", "Beta Chips")):
        assert (person, "works_for", body) in rels
        assert (person, "heads", body) not in rels


def test_a_police_officer_works_for_no_body_named_police():
    d = drafted_with("Title\n\nPolice officer John Smith was there when Kappa Solar opened the plant.",
                     "John Smith", "Kappa Solar")
    assert not any(t == "works_for" for _, t, _ in relations_of(d))


def test_a_short_given_name_makes_a_person_after_a_possessive_role():
    text = ("Sigma Bank cuts trade finance\n\nSigma Bank's head of trade finance, Tom Reed, "
            "declined to comment.")
    d = drafted_with(text, "Sigma Bank", "Tom Reed")
    assert entity(d, "Tom Reed").type == "person"
    assert ("Tom Reed", "works_for", "Sigma Bank") in relations_of(d)


SUPPLY = ("Kappa Motors expands battery sourcing\n\n"
          "Kappa Motors will use cells from Zeta Energy and motors from Omega Drives at its new plant in "
          "Chennai, the carmaker said on Monday.\n\n"
          "Besides Lotus Auto, Zeta Energy now sells cells to Delta Trucks and to Sigma Cars, which will "
          "use them in vans built in Pune.\n\n"
          "Its largest customers are Delta Trucks and Sigma Cars, Zeta Energy said.")


def test_an_unknown_name_after_goods_used_from_is_a_firm_not_a_place():
    d = drafted_with(SUPPLY, "Omega Drives")
    assert entity(d, "Omega Drives").type == "firm"
    d = drafted_with("Title\n\nEquipment from Iota Tools will arrive from mid-2026.", "Iota Tools")
    assert entity(d, "Iota Tools").type == "firm"


def test_a_body_set_aside_by_an_opening_phrase_supplies_nobody():
    rels = relations_of(drafted_with(SUPPLY, "Lotus Auto", "Zeta Energy", "Delta Trucks", "Sigma Cars"))
    assert ("Zeta Energy", "supplies", "Delta Trucks") in rels
    assert ("Zeta Energy", "supplies", "Sigma Cars") in rels
    assert not any(a == "Lotus Auto" for a, _, _ in rels)
    # the list "Delta Trucks and Sigma Cars" ended with its "and": the speaker is no customer
    assert ("Zeta Energy", "supplies", "Zeta Energy") not in rels


def test_a_participle_after_a_noun_names_no_doer_of_the_work():
    rels = relations_of(drafted_with(SUPPLY, "Zeta Energy", "Pune"))
    assert ("Zeta Energy", "operates_in", "Pune") not in rels      # "vans built in Pune"
    d = drafted_with("Title\n\nZeta Energy builds cells in Pune and Nagpur.", "Zeta Energy", "Pune")
    assert ("Zeta Energy", "operates_in", "Pune") in relations_of(d)


def test_goods_supplied_to_a_plant_are_no_plant_sold():
    text = ("Kappa Motors builds plant\n\nKappa Motors is building a new plant in Chennai, the carmaker "
            "said.\n\nBeta Steel will supply steel to the Chennai plant.")
    rels = relations_of(drafted_with(text, "Beta Steel", "Chennai plant"))
    assert ("Beta Steel", "supplies", "Chennai plant") in rels
    # a plant sold is still no supply
    d = drafted_with("Title\n\nZeta Energy sold its Chennai plant to Beta Steel.", "Zeta Energy", "Beta Steel")
    assert ("Zeta Energy", "supplies", "Beta Steel") not in relations_of(d)


def test_goods_carried_for_a_named_customer_are_supplied_to_it():
    text = ("Mu Logistics wins orders\n\nMu Logistics will carry finished cars for Kappa Motors from "
            "Chennai port.")
    rels = relations_of(drafted_with(text, "Kappa Motors", "Mu Logistics"))
    assert ("Mu Logistics", "supplies", "Kappa Motors") in rels
    d = drafted_with("Title\n\nZeta Energy will carry out tests for Kappa Motors at its Pune site.",
                     "Zeta Energy", "Kappa Motors")
    assert ("Zeta Energy", "supplies", "Kappa Motors") not in relations_of(d)


def test_a_list_ends_with_its_and_so_the_speaker_after_it_is_no_item():
    text = "Title\n\nLotus Auto's largest customers are Delta Trucks and Sigma Cars, Zeta Energy said."
    rels = relations_of(drafted_with(text, "Lotus Auto", "Sigma Cars", "Zeta Energy"))
    assert ("Lotus Auto", "supplies", "Sigma Cars") in rels
    assert ("Lotus Auto", "supplies", "Zeta Energy") not in rels


def test_it_in_the_next_sentence_is_the_subject_not_the_body_set_aside():
    text = ("Title\n\nBesides Lotus Auto, Zeta Energy now sells cells to Delta Trucks. "
            "It also makes motors in Pune and Nagpur.")
    rels = relations_of(drafted_with(text, "Lotus Auto", "Zeta Energy", "Pune"))
    assert ("Zeta Energy", "operates_in", "Pune") in rels
    assert ("Lotus Auto", "operates_in", "Pune") not in rels


def test_an_analysts_firm_quoted_after_said_is_no_person():
    d = drafted_with("Title\n\nZeta Energy will grow, Omega Research said. Sales rose, Kappa Analytics said.",
                     "Omega Research", "Kappa Analytics")
    assert entity(d, "Omega Research").type == "firm"
    assert entity(d, "Kappa Analytics").type == "firm"
    d = drafted_with("Title\n\nZeta Energy will grow, Maria Schmidt said.", "Maria Schmidt")
    assert entity(d, "Maria Schmidt").type == "person"


OWNERS = ("Zeta Holdings to buy control of Brevik Cement\n\n"
          "OSLO, June 12 - Zeta Holdings agreed on Thursday to buy a 51% stake in Brevik Cement from Kappa "
          "Industries for 4.2 billion crowns.\n\n"
          "The remaining 20% stays with Norway's state pension fund, Folketrygdfondet. Zeta already owns "
          "Arendal Aggregates and holds minority stakes in Tromso Port and in Sigma Glass.\n\n"
          "Kappa Industries is selling the stake to cut debt after its takeover of Omega Tiles last year. "
          "Its largest shareholder, Investor AB, backed the sale. Brevik Cement was spun off from Norcem "
          "in 2011.")


def test_minority_stakes_in_a_list_are_investments_in_each_not_ownership():
    d = drafted_with(OWNERS, "Zeta Holdings", "Sigma Glass")
    assert entity(d, "Sigma Glass").type == "firm"          # "and in Sigma Glass": no place
    rels = relations_of(d)
    assert ("Zeta Holdings", "invests_in", "Sigma Glass") in rels
    assert not any(a == "Zeta Holdings" and t == "owns" and b in ("Tromso Port", "Sigma Glass")
                   for a, t, b in rels)


def test_a_fund_described_before_its_name_is_the_named_fund():
    d = drafted_with(OWNERS, "Folketrygdfondet")
    assert entity(d, "Folketrygdfondet").type == "fund"
    assert not any("pension fund" in e.name for e in d.entities)


def test_a_deal_named_by_its_noun_makes_the_buyer_owner_unless_not_done():
    rels = relations_of(drafted_with(OWNERS, "Kappa Industries", "Omega Tiles"))
    assert ("Kappa Industries", "owns", "Omega Tiles") in rels
    text = ("Title\n\nSigma Steel's purchase of Rho Mining closed in June. Regulators blocked Zeta "
            "Holdings' planned takeover of Delta Glass.")
    rels = relations_of(drafted_with(text, "Sigma Steel", "Rho Mining", "Delta Glass"))
    assert ("Sigma Steel", "owns", "Rho Mining") in rels
    assert not any(t == "owns" and b == "Delta Glass" for _, t, b in rels)


def test_its_largest_shareholder_owns_the_firm_its_means():
    rels = relations_of(drafted_with(OWNERS, "Investor AB", "Kappa Industries"))
    assert ("Investor AB", "owns", "Kappa Industries") in rels
    d = drafted_with("Title\n\nKappa Industries sold shares. Investor AB, its largest shareholder, "
                     "agreed.", "Investor AB", "Kappa Industries")
    assert ("Investor AB", "owns", "Kappa Industries") in relations_of(d)


def test_the_firm_a_body_was_spun_off_from_is_no_place():
    d = drafted_with(OWNERS, "Norcem")
    assert entity(d, "Norcem").type == "firm"


PLACES = ("Kappa Chips picks Arizona for packaging plant\n\n"
          "Kappa Chips will compete with Zeta Semi and Omega Devices, both of Taiwan, for orders from Nvidia.\n\n"
          "Sigma Recycling, the Nevada recycler founded by Tom Reed, will supply copper foil. Delta "
          "Analytics, a battery consultancy in Boulder, Colorado, said demand was strong.\n\n"
          "The plant will be built in Peoria, also in Arizona.\n\n"
          "Lambda Foundry, the Texas chipmaker, and Mu Materials of Japan will supply wafers. Nu Power, a "
          "utility in Phoenix, will provide electricity.")


def test_where_a_firm_is_from_by_its_description():
    rels = relations_of(drafted_with(PLACES, "Zeta Semi", "Omega Devices", "Taiwan", "Sigma Recycling",
                                     "Delta Analytics", "Lambda Foundry", "Nu Power"))
    for firm, place in (("Zeta Semi", "Taiwan"), ("Omega Devices", "Taiwan"), ("Sigma Recycling", "Nevada"),
                        ("Delta Analytics", "Boulder"), ("Lambda Foundry", "Texas"), ("Nu Power", "Phoenix")):
        assert (firm, "located_in", place) in rels
    assert ("Peoria", "located_in", "Arizona") in rels        # "Peoria, also in Arizona"
    # "both of Taiwan" needs a list before it; Kappa Chips is the list's rival, not in it
    assert ("Kappa Chips", "located_in", "Taiwan") not in rels


def test_orders_from_a_firm_that_are_competed_for_are_no_supply():
    rels = relations_of(drafted_with(PLACES, "Kappa Chips", "Nvidia"))
    assert not any({a, b} == {"Kappa Chips", "Nvidia"} and t == "supplies" for a, t, b in rels)
    d = drafted_with("Title\n\nKappa Chips orders wafers from Nvidia.", "Kappa Chips", "Nvidia")
    assert ("Nvidia", "supplies", "Kappa Chips") in relations_of(d)


def test_facilities_after_a_plural_possessive_are_where_the_firm_works_not_the_country():
    text = ("Title\n\nPrecursor will come from Omega Materials' facilities in Gwangyang, South Korea. "
            "Steel will come from its mills in Pohang and Dangjin.")
    rels = relations_of(drafted_with(text, "Omega Materials", "Gwangyang", "South Korea"))
    assert ("Omega Materials", "operates_in", "Gwangyang") in rels
    assert ("Omega Materials", "operates_in", "Dangjin") in rels
    assert ("Omega Materials", "operates_in", "South Korea") not in rels


def test_a_name_ending_in_s_takes_the_possessive_apostrophe_alone():
    text = ("Title\n\nKappa Motors' chief executive, Maria Lopez, said so. Zeta Industries' largest "
            "customers are Delta Trucks and Sigma Cars. Omega Holdings' purchase of Rho Mining closed in "
            "May. Beta Systems' parent, Gamma Group, agreed.")
    rels = relations_of(drafted_with(text, "Kappa Motors", "Zeta Industries", "Omega Holdings", "Beta Systems"))
    assert ("Maria Lopez", "heads", "Kappa Motors") in rels
    assert ("Zeta Industries", "supplies", "Sigma Cars") in rels
    assert ("Omega Holdings", "owns", "Rho Mining") in rels
    assert ("Gamma Group", "owns", "Beta Systems") in rels
    # a closing quote after a name not ending in s is no possessive
    d = drafted_with("Title\n\nThe deal was called 'Kappa' chief executive Maria Lopez said.", "Maria Lopez")
    assert not any(t == "heads" for _, t, _ in relations_of(d))


REGULATORS = ("EU fines Kappa Telecom\n\n"
              "Romania's telecoms regulator, ANCOM, had opened its own probe into Kappa Telecom in 2024. "
              "Poland's competition office, UOKiK, is reviewing that sale. Britain's Competition and Markets "
              "Authority (CMA) also examined the deal.\n\n"
              "Kappa Telecom, which is 35% owned by the Romanian state, said it would appeal.\n\n"
              "Germany's Federal Network Agency ordered Lambda Mobile to share its 5G spectrum with Mu "
              "Telecom, and the Dutch regulator ACM barred Nu Cable from raising prices until 2027.")


def test_a_regulator_described_before_its_name_is_a_state_agency():
    d = drafted_with(REGULATORS, "ANCOM", "UOKiK", "Competition and Markets Authority")
    for name, country in (("ANCOM", "Romania"), ("UOKiK", "Poland")):
        assert entity(d, name).type == "agency"
        assert (name, "part_of", country) in relations_of(d)
    assert not any(e.name == "Markets Authority" for e in d.entities)


def test_regulators_ordering_barring_or_probing_a_firm_regulate_it():
    rels = relations_of(drafted_with(REGULATORS, "ANCOM", "Kappa Telecom", "Lambda Mobile", "Nu Cable"))
    assert ("ANCOM", "regulates", "Kappa Telecom") in rels
    assert ("Federal Network Agency", "regulates", "Lambda Mobile") in rels
    assert ("ACM", "regulates", "Nu Cable") in rels
    assert ("Federal Network Agency", "regulates", "Mu Telecom") not in rels
    d = drafted_with("Title\n\nThe Polish government ordered 20 jets from Boeing.", "Boeing")
    assert not any(t == "regulates" for _, t, _ in relations_of(d))


def test_a_firm_owned_by_a_demonyms_state_is_owned_by_the_country():
    rels = relations_of(drafted_with(REGULATORS, "Kappa Telecom", "Romania"))
    assert ("Romania", "owns", "Kappa Telecom") in rels


VENTURE = ("Kappa Chemicals and Zeta Gas form hydrogen venture in Oman\n\n"
           "Zeta Gas is working with Japan's Lambda Trading on sales in Asia.\n\n"
           "The venture, to be called Duqm Green Ammonia, will be 40% owned by Kappa Chemicals, 40% by Zeta "
           "Gas and 20% by Omega Energy. It will be led by Sarah Klein, a former executive of Sigma "
           "Industrial Gases.\n\n"
           '"Oman wants to be the Gulf\'s hydrogen hub," said Omar Al-Harthy, Oman\'s minister of energy '
           "and minerals.")


def test_each_owner_of_a_venture_listed_with_its_share():
    rels = relations_of(drafted_with(VENTURE, "Duqm Green Ammonia", "Kappa Chemicals", "Zeta Gas", "Omega Energy"))
    for owner in ("Kappa Chemicals", "Zeta Gas", "Omega Energy"):
        assert (owner, "owns", "Duqm Green Ammonia") in rels
    d = drafted_with("Title\n\nZeta Gas is working with Lambda Trading on sales. The venture will be 40% "
                     "owned by Kappa Chemicals.", "Zeta Gas", "Kappa Chemicals")
    assert ("Kappa Chemicals", "owns", "Zeta Gas") not in relations_of(d)   # "the venture" is no firm named


def test_working_with_a_firm_is_a_partnership():
    rels = relations_of(drafted_with(VENTURE, "Zeta Gas", "Lambda Trading"))
    assert ("Zeta Gas", "partners_with", "Lambda Trading") in rels or \
        ("Lambda Trading", "partners_with", "Zeta Gas") in rels


def test_a_former_executive_works_there_no_longer():
    rels = relations_of(drafted_with(VENTURE, "Sarah Klein", "Sigma Industrial Gases"))
    assert not any(a == "Sarah Klein" and b == "Sigma Industrial Gases" for a, _, b in rels)
    d = drafted_with("Title\n\nKappa Motors' former chief executive, Maria Lopez, agreed.", "Maria Lopez")
    assert not any(a == "Maria Lopez" for a, _, _ in relations_of(d))


def test_a_minister_with_a_lower_case_title_heads_the_countrys_ministry():
    d = drafted_with(VENTURE, "Omar Al-Harthy")
    ministry = next(e.name for e in d.entities if e.type == "ministry")
    assert ministry == "Ministry of Energy and Minerals"
    assert ("Omar Al-Harthy", "heads", ministry) in relations_of(d)
    assert (ministry, "part_of", "Oman") in relations_of(d)
    d = drafted_with("Title\n\nIndonesia's energy minister, Budi Santoso, agreed.", "Budi Santoso")
    assert ("Budi Santoso", "heads", "Ministry of Energy") in relations_of(d)


def test_a_second_source_with_its_goods_left_out_supplies_too():
    text = ("Title\n\nZeta Motors sources nickel from Lambda Nickel of Indonesia and cobalt from Mu Mining, "
            "which operates in Congo.")
    rels = relations_of(drafted_with(text, "Zeta Motors", "Lambda Nickel", "Mu Mining"))
    assert ("Lambda Nickel", "supplies", "Zeta Motors") in rels
    assert ("Mu Mining", "supplies", "Zeta Motors") in rels


def test_where_supplied_goods_come_from_is_no_buyer():
    text = "Title\n\nOmega Auto is a major customer of Nu Battery, which supplies it with cells from Hungary."
    rels = relations_of(drafted_with(text, "Nu Battery", "Hungary"))
    assert ("Nu Battery", "supplies", "Hungary") not in rels


FEATURE = ("How a Polish town became Europe's battery hub\n\n"
           "When Kappa Energy Solution chose the outskirts of Wroclaw for its first European cell factory in "
           "2016, few local officials had heard of lithium-ion chemistry. \"We came for the workers,\" said "
           "Park Ji-hoon, who runs the European business for Kappa Energy Solution.\n\n"
           "Delta Materials, a Belgian cathode maker, opened a plant in nearby Nysa in 2022. Poland's "
           "development bank BGK lent Kappa Energy Solution 1.2 billion zlotys, and the European Investment "
           "Bank added 480 million euros.\n\n"
           "Lambda Batteries, a Chinese rival backed by the fund Mu Capital, is building a plant in Hungary.")


def test_places_after_outskirts_of_or_in_nearby_are_places():
    d = drafted_with(FEATURE, "Wroclaw", "Nysa")
    assert entity(d, "Wroclaw").type == "location" and entity(d, "Nysa").type == "location"
    assert not any(a == "Wroclaw" for a, _, _ in relations_of(d))


def test_an_adjective_is_no_short_name_of_a_body():
    rels = relations_of(drafted_with(FEATURE, "Park Ji-hoon", "European Investment Bank"))
    assert ("Park Ji-hoon", "heads", "European Investment Bank") not in rels


def test_a_state_development_bank_named_by_an_acronym_is_the_countrys_agency():
    d = drafted_with(FEATURE, "BGK", "Kappa Energy Solution")
    assert entity(d, "BGK").type == "agency"
    assert ("BGK", "part_of", "Poland") in relations_of(d)
    assert ("BGK", "funds", "Kappa Energy Solution") in relations_of(d)


def test_a_rival_backed_by_a_fund_is_the_funds_investee_not_its_rival():
    rels = relations_of(drafted_with(FEATURE, "Lambda Batteries", "Mu Capital"))
    assert ("Mu Capital", "funds", "Lambda Batteries") in rels
    assert ("Lambda Batteries", "located_in", "China") in rels
    assert not any({a, b} == {"Lambda Batteries", "Mu Capital"} and t in ("competes_with", "funds")
                   and a == "Lambda Batteries" for a, t, b in rels)


COREF = ("Kappa Semiconductor to build plant in Penang\n\n"
         "Kappa Semiconductor said on Monday it would build a chip packaging plant in Penang, Malaysia.\n\n"
         "The company, which is based in Hsinchu, makes power chips for carmakers. It supplies Zeta Motors "
         "and Omega Auto, and it competes with Sigma Micro.\n\n"
         "The Taiwanese chipmaker will receive a grant from the Malaysian Investment Development Authority.")


def test_it_opening_a_sentence_stays_the_firm_it_was():
    rels = relations_of(drafted_with(COREF, "Kappa Semiconductor", "Zeta Motors", "Sigma Micro"))
    assert ("Kappa Semiconductor", "supplies", "Zeta Motors") in rels
    assert ("Kappa Semiconductor", "competes_with", "Sigma Micro") in rels
    assert ("Kappa Semiconductor", "supplies", "Sigma Micro") not in rels     # "and it competes with"
    assert not any(a in ("Zeta Motors", "Omega Auto") and t == "competes_with" for a, t, _ in rels)
    funder = next(a for a, t, b in rels if t == "funds")
    assert (funder, "funds", "Kappa Semiconductor") in rels                 # "The Taiwanese chipmaker"
    assert not any(t == "funds" and b == "Zeta Motors" for _, t, b in rels)


def test_the_company_described_by_a_relative_clause_and_a_demonym_is_the_firm():
    rels = relations_of(drafted_with(COREF, "Kappa Semiconductor", "Hsinchu"))
    assert ("Kappa Semiconductor", "located_in", "Hsinchu") in rels
    d = drafted_with("Title\n\nKappa Semiconductor makes power chips. The Taiwanese chipmaker will receive a "
                     "grant.", "Kappa Semiconductor")
    assert ("Kappa Semiconductor", "located_in", "Taiwan") in relations_of(d)


def test_a_firm_awarded_a_contract_or_hired_supplies_the_one_awarding_or_hiring():
    text = ("Zeta Power awards contract\n\nRIYADH, Oct 14 - Zeta Power, the Saudi utility, has awarded Kappa "
            "Engineering a $3 billion contract to build the Rabigh gas power plant. Sigma Electric was hired "
            "by Kappa Engineering to install the transformers. Zeta Power awarded the tender to Omega Works.")
    rels = relations_of(drafted_with(text, "Zeta Power", "Kappa Engineering", "Sigma Electric", "Omega Works"))
    assert ("Kappa Engineering", "supplies", "Zeta Power") in rels
    assert ("Sigma Electric", "supplies", "Kappa Engineering") in rels
    assert ("Kappa Engineering", "supplies", "Sigma Electric") not in rels
    assert ("Omega Works", "supplies", "Zeta Power") in rels


def test_a_fund_described_after_its_name_drafts_no_second_fund():
    text = ("Title\n\nZeta Power is 40% owned by the Public Investment Fund (PIF), the kingdom's sovereign "
            "wealth fund.")
    d = drafted_with(text, "Public Investment Fund", "Zeta Power")
    assert [e.name for e in d.entities if e.type == "fund"] == ["Public Investment Fund"]
    d = drafted_with("Title\n\nNorway's sovereign wealth fund will sell its stake in Zeta Power.", "Zeta Power")
    assert any(e.type == "fund" for e in d.entities)       # an unnamed fund with its owner is still drafted


def test_a_second_title_and_person_after_the_first_hold_posts_in_the_same_body():
    text = ("Kappa Motors news\n\nKappa Motors makes cars. The plan was approved by the Kappa Motors board "
            "under chairman Ken Sato and president Ana Ruiz.")
    rels = relations_of(drafted_with(text, "Kappa Motors", "Ken Sato", "Ana Ruiz"))
    assert ("Ken Sato", "heads", "Kappa Motors") in rels
    assert ("Ana Ruiz", "heads", "Kappa Motors") in rels
    d = drafted_with("Title\n\nZeta Steel hired Ken Sato and Ana Ruiz.", "Ana Ruiz")
    assert not any(a == "Ana Ruiz" and t in ("heads", "works_for") for a, t, _ in relations_of(d))


PHARMA = ("Kappa Bio licenses cancer drug to Zeta Pharma\n\n"
          "BOSTON, May 6 - Kappa Bio has licensed its experimental lung cancer drug KB-201 to Zeta Pharma, "
          "which will pay $150 million upfront.\n\n"
          "Kappa Bio keeps the Chinese rights and will co-develop the drug with Omega Medicines, its partner "
          "in Shanghai.\n\n"
          "Kappa Bio was spun out of Sigma University in 2019 and is backed by Delta Ventures and Rho "
          "Capital. Its drug is made for it by Tau Biologics, a contract manufacturer in Singapore.")


def test_licensing_co_developing_and_contract_making_in_a_pharma_deal():
    rels = relations_of(drafted_with(PHARMA, "Kappa Bio", "Zeta Pharma", "Omega Medicines", "Tau Biologics"))
    assert ("Kappa Bio", "supplies", "Zeta Pharma") in rels
    assert ("Kappa Bio", "partners_with", "Omega Medicines") in rels or \
        ("Omega Medicines", "partners_with", "Kappa Bio") in rels
    assert ("Tau Biologics", "supplies", "Kappa Bio") in rels
    d = drafted_with("Title\n\nKappa Bio licenses its technology to other drugmakers, Zeta Pharma said.",
                     "Kappa Bio", "Zeta Pharma")
    assert ("Kappa Bio", "supplies", "Zeta Pharma") not in relations_of(d)


def test_a_second_verb_phrase_after_a_prepositions_object_is_the_subjects():
    rels = relations_of(drafted_with(PHARMA, "Kappa Bio", "Sigma University", "Delta Ventures"))
    assert ("Delta Ventures", "funds", "Kappa Bio") in rels
    assert ("Rho Capital", "funds", "Kappa Bio") in rels
    assert not any(b == "Sigma University" and t == "funds" for _, t, b in rels)
