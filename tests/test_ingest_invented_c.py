"""Reading errors found on invented articles (helper ingest10a: batteries, autos, chips, steel, chemicals,
hydrogen; results summaries, trade press, M&A, fact sheets, rulings, digests)."""

from __future__ import annotations

from ingest_support import draft_of, relations_of, relations_with as _relations_with


BATTERY = ("SEOUL, Feb 6 - Kappa Battery Co, the South Korean maker of lithium-ion cells, returned to a quarterly "
           "profit on Thursday as deliveries to Zeta Motors rose, the company said in its fourth-quarter results.\n\n"
           "Kappa ships cells from its plant in Wroclaw, Poland, to Zeta's assembly line in Puebla, Mexico.\n\n")
RIVALS = ("Kappa competes with Theta Energy Solutions and China's Rho Power for orders from European carmakers. "
          "Rho Power cut prices by 15% last year, analysts said.\n\n")


def test_a_bare_chief_executive_after_a_rival_paragraph_heads_the_firm_the_article_is_about():
    rels = _relations_with(BATTERY + RIVALS + "Chief executive Park Ji-won said the company would also open a "
                           "research centre in Munich.", "Kappa Battery Co", "Rho Power", "Park Ji-won")
    assert ("Park Ji-won", "heads", "Kappa Battery Co") in rels
    assert ("Park Ji-won", "heads", "Rho Power") not in rels


def test_the_company_after_a_chief_executive_said_is_the_chief_executive_s_firm():
    rels = _relations_with(BATTERY + RIVALS + "Chief executive Park Ji-won said the company would also open a "
                           "research centre in Munich.", "Kappa Battery Co", "Rho Power", "Munich")
    assert ("Kappa Battery Co", "operates_in", "Munich") in rels
    assert ("Rho Power", "operates_in", "Munich") not in rels


def test_a_bare_chief_financial_officer_works_for_the_firm_the_article_is_about():
    rels = _relations_with(BATTERY + RIVALS + "Chief financial officer Anna Kowalski said capital spending would "
                           "reach 4 trillion won in 2027.", "Kappa Battery Co", "Anna Kowalski")
    assert ("Anna Kowalski", "works_for", "Kappa Battery Co") in rels
    assert ("Anna Kowalski", "works_for", "Rho Power") not in rels


def test_a_region_s_adjective_is_no_short_name_of_a_bank_named_after_it():
    rels = _relations_with(BATTERY + "The company is building a second plant in Debrecen, Hungary, with a 1.2 "
                           "billion euro loan from the European Investment Bank.\n\n" + RIVALS,
                           "European Investment Bank", "Kappa Battery Co")
    assert not any("European Investment Bank" in (r[0], r[2]) and r[1] != "funds" for r in rels)


def test_a_firm_name_ending_in_co_after_an_industry_word_is_the_firm():
    d = draft_of("SEOUL, Feb 6 - Kappa Battery Co, the South Korean maker of lithium-ion cells, returned to a "
                 "quarterly profit on Thursday.")
    assert ("Kappa Battery Co", "firm") in {(e.name, e.type) for e in d.entities}


def test_a_chemical_maker_s_two_word_name_is_a_firm_not_a_person():
    d = draft_of("Kappa Chemical said on Thursday it would raise prices of caustic soda in Europe.")
    assert ("Kappa Chemical", "firm") in {(e.name, e.type) for e in d.entities}


def test_an_input_that_comes_from_a_supplier_after_a_firm_s_sentence_is_the_firm_s_not_an_older_plant_s():
    rels = _relations_with(BATTERY + "Kappa also sells battery packs to Omega Trucks, a Swedish maker of electric "
                           "lorries. Cathode material comes mainly from Sigma Chemicals of Belgium, while lithium "
                           "hydroxide is bought from Lambda Lithium under a five-year offtake deal.",
                           "Kappa Battery Co", "Sigma Chemicals", "Lambda Lithium", "Wroclaw plant")
    assert ("Sigma Chemicals", "supplies", "Kappa Battery Co") in rels
    assert ("Lambda Lithium", "supplies", "Kappa Battery Co") in rels
    assert not any(r[1] == "supplies" and r[2] == "Wroclaw plant" for r in rels)


def test_a_second_holder_s_bare_stake_after_an_owned_by_clause_is_in_the_same_firm():
    rels = _relations_with(BATTERY + "Kappa Battery is 34% owned by Kappa Holdings, the family-controlled group, "
                           "and Zeta Motors holds a 5% stake bought in 2023.",
                           "Kappa Battery Co", "Kappa Holdings", "Zeta Motors")
    assert ("Kappa Holdings", "owns", "Kappa Battery Co") in rels
    assert ("Zeta Motors", "owns", "Kappa Battery Co") in rels


STEEL = ("BRUSSELS, March 19 - The European Commission on Wednesday approved the acquisition of Kappa Aluminium "
         "by Zeta Steel, the Austrian steelmaker, after Zeta agreed to sell a rolling mill in Duisburg, Germany.\n\n")


def test_a_steelmaker_or_a_holding_company_after_a_country_word_is_from_that_country():
    rels = _relations_with(STEEL + "Kappa Aluminium is currently controlled by Kappa Invest, a Luxembourg holding "
                           "company, which will keep a 10% stake in the combined business.",
                           "Zeta Steel", "Kappa Invest", "Austria", "Luxembourg")
    assert ("Zeta Steel", "located_in", "Austria") in rels
    assert ("Kappa Invest", "located_in", "Luxembourg") in rels


def test_paying_an_amount_for_a_firm_buys_it_and_funds_no_place_it_works_in():
    rels = _relations_with(STEEL + "Zeta Steel will pay 2.4 billion euros for Kappa Aluminium, which operates "
                           "smelters in Slovakia and Romania and a recycling plant near Katowice, Poland.",
                           "Zeta Steel", "Kappa Aluminium", "Slovakia")
    assert ("Zeta Steel", "owns", "Kappa Aluminium") in rels
    assert not any(r[0] == "Zeta Steel" and r[1] == "funds" for r in rels)


def test_a_country_s_competition_authority_in_lower_case_is_an_agency_that_regulates_the_firm_it_fines():
    rels = _relations_with(STEEL + "Separately, Turkey's competition authority fined Zeta Steel 35 million lira "
                           "last year for failing to notify its purchase of a stake in Istanbul-based Mu Celik.",
                           "Turkey's competition authority", "Zeta Steel", "Turkey")
    assert {("Turkey's competition authority", "regulates", "Zeta Steel"),
            ("Turkey's competition authority", "part_of", "Turkey")} <= rels


def test_a_field_regulator_with_its_name_beside_it_is_that_name_only():
    d = draft_of(STEEL + "The deal was also approved by Chile's antitrust authority, the Fiscalia Nacional "
                 "Economica, in May.")
    assert "Chile's antitrust authority" not in {e.name for e in d.entities}


def test_a_short_name_as_a_possessor_in_a_later_clause_is_the_firm_named_before():
    d = draft_of("BRUSSELS, March 19 - The European Commission on Wednesday approved the acquisition of Kappa "
                 "Aluminium by Zeta Steel, the Austrian steelmaker, after Zeta agreed to sell Kappa's rolling mill "
                 "in Duisburg, Germany.")
    names = {e.name for e in d.entities}
    assert "Kappa Aluminium" in names and "Kappa" not in names
    assert not any(r[1] == "supplies" for r in relations_of(d))


def test_a_firm_or_a_facility_sold_to_a_buyer_is_owned_by_the_buyer_not_supplied():
    rels = _relations_with(STEEL + "Zeta Steel agreed to sell the Duisburg mill. Under the remedy, the Duisburg "
                           "mill will be sold to Lambda Industries, a Czech metals group. Zeta Steel will also sell "
                           "Kappa Chemicals, its French unit, to Lambda Industries.",
                           "Zeta Steel", "Duisburg mill", "Lambda Industries", "Kappa Chemicals")
    assert {("Lambda Industries", "owns", "Duisburg mill"), ("Lambda Industries", "owns", "Kappa Chemicals")} <= rels
    assert not {r for r in rels if r[1] == "supplies"}


def test_a_common_word_opening_a_quoted_sentence_is_no_firm():
    d = draft_of(STEEL + '"Carmakers such as Rho Automotive and Delta Cars rely on a small number of sheet '
                 'suppliers," Competition Commissioner Elena Varga said. "Today\'s decision keeps that market open."')
    names = {e.name for e in d.entities}
    assert {"Rho Automotive", "Delta Cars"} <= names
    assert not names & {"Carmakers", "Today"}


DIGEST = ("THE WEEK IN INFRASTRUCTURE: data centres, chips and hydrogen\n\n"
          "Kappa Cloud picks Finland for Nordic data centre\n\n"
          "Kappa Cloud, the US cloud provider, will build a data centre campus near Kajaani, Finland. Kappa Cloud "
          "already runs data centres in Dublin and Madrid.\n\n")


def test_a_bare_chief_executive_in_a_digest_item_heads_the_item_s_firm():
    rels = _relations_with(DIGEST + "Polish solar maker adds Mexican plant\n\nPhi Solar, a Polish maker of solar "
                           "panels, opened a module factory in Monterrey, Mexico. Phi Solar buys its cells from Psi "
                           "Photovoltaics of Turkey. Chief executive Marta Nowak said the firm would also consider "
                           "a plant in Texas.", "Kappa Cloud", "Phi Solar", "Marta Nowak")
    assert ("Marta Nowak", "heads", "Phi Solar") in rels
    assert ("Marta Nowak", "heads", "Kappa Cloud") not in rels


def test_a_person_appointed_or_named_to_a_post_of_a_firm_holds_it():
    rels = _relations_with(DIGEST + "People\n\nAnna Berg has been appointed chief executive of Zeta Energia, "
                           "replacing Mikko Laine, who retired. Sigma Semiconductor named Ole Lund as its chief "
                           "financial officer. Eva Holm will take over as managing director of Omega Power.",
                           "Anna Berg", "Zeta Energia", "Ole Lund", "Sigma Semiconductor", "Eva Holm", "Omega Power")
    assert {("Anna Berg", "heads", "Zeta Energia"), ("Ole Lund", "works_for", "Sigma Semiconductor"),
            ("Eva Holm", "heads", "Omega Power")} <= rels
    assert ("Eva Holm", "owns", "Omega Power") not in rels


def test_towns_in_a_comma_list_that_ends_in_and_are_all_places_the_firm_works_in():
    rels = _relations_with("Kappa Cloud already runs data centres in Dublin, Frankfurt and Madrid.",
                           "Kappa Cloud", "Dublin", "Frankfurt", "Madrid")
    assert {("Kappa Cloud", "operates_in", t) for t in ("Dublin", "Frankfurt", "Madrid")} <= rels


def test_a_lender_described_between_commas_then_and_by_another_lists_both_lenders_not_the_country():
    rels = _relations_with("Phi Solar opened a module factory in Monterrey, Mexico. The plant was financed by "
                           "Bancomext, Mexico's export-import bank, and by BBVA Mexico.",
                           "Bancomext", "BBVA Mexico", "Monterrey factory", "Mexico")
    assert {("Bancomext", "funds", "Monterrey factory"), ("BBVA Mexico", "funds", "Monterrey factory")} <= rels
    assert ("Mexico", "funds", "Monterrey factory") not in rels


def test_a_name_described_as_a_project_led_by_a_firm_is_that_firm_s_project_and_takes_its_inputs():
    rels = _relations_with(DIGEST + "Hydrogen valley in Spain gets EU backing\n\nThe European Commission has "
                           "approved 400 million euros in state aid for the Aragon Hydrogen Valley, a project led by "
                           "Spanish utility Iberia Verde. The electrolysers will be made by Delta Electrolysis, a "
                           "German start-up.", "Aragon Hydrogen Valley", "Iberia Verde", "Delta Electrolysis")
    assert {("Iberia Verde", "leads", "Aragon Hydrogen Valley"),
            ("European Commission", "funds", "Aragon Hydrogen Valley"),
            ("Delta Electrolysis", "supplies", "Aragon Hydrogen Valley")} <= rels
    assert ("Delta Electrolysis", "supplies", "Kajaani campus") not in rels


def test_a_firm_s_one_named_customer_or_supplier_after_is_trades_with_it():
    rels = _relations_with("Sigma Semiconductor, the Korean chipmaker, will supply memory to Lambda Systems. "
                           "Sigma's other big customer is Tau Compute of California. Its main supplier is Rho "
                           "Materials.", "Sigma Semiconductor", "Tau Compute", "Rho Materials")
    assert {("Sigma Semiconductor", "supplies", "Tau Compute"),
            ("Rho Materials", "supplies", "Sigma Semiconductor")} <= rels


def test_a_name_without_its_legal_suffix_is_the_same_firm_even_when_it_ends_in_an_industry_word():
    d = draft_of("Project 3: Rho Systems AI server assembly plant, Sendai\n\n- Recipient: Rho Systems Ltd.\n"
                 "- Rho Systems will assemble servers for Mu Cloud, a Tokyo-based data centre operator.")
    names = {e.name for e in d.entities}
    assert "Rho Systems Ltd." in names and "Rho Systems" not in names
    assert ("Rho Systems Ltd.", "part_of", "Rho Systems") not in relations_of(d)


def test_goods_made_or_assembled_for_a_firm_are_supplied_to_it_but_not_a_plant_built_for_it():
    rels = _relations_with("Rho Systems will assemble servers for Mu Cloud, a Tokyo-based data centre operator. "
                           "Zeta Builders will build a plant for Kappa Phones.",
                           "Rho Systems", "Mu Cloud", "Zeta Builders", "Kappa Phones")
    assert ("Rho Systems", "supplies", "Mu Cloud") in rels
    assert ("Zeta Builders", "supplies", "Kappa Phones") not in rels


def test_a_fact_sheet_s_labelled_line_names_the_item_firm_s_suppliers_or_lenders():
    rels = _relations_with("FACT SHEET: Government support for memory manufacturing\n\n"
                           "Project 2: Lambda Memory high-bandwidth memory fab, Hiroshima\n\n"
                           "- Recipient: Lambda Memory K.K., the Japanese subsidiary of Korea's Lambda Semiconductor.\n"
                           "- Equipment suppliers: Tau Precision and Phi Vacuum.\n- Lenders: Mizuho Bank.\n"
                           "- Lambda Memory is led by President Sato Kenji.",
                           "Lambda Memory K.K.", "Tau Precision", "Phi Vacuum", "Mizuho Bank")
    assert {("Tau Precision", "supplies", "Lambda Memory K.K."), ("Phi Vacuum", "supplies", "Lambda Memory K.K."),
            ("Mizuho Bank", "funds", "Lambda Memory K.K.")} <= rels


def test_a_capitalised_title_of_a_firm_after_a_name_is_the_person_s_post_not_a_firm():
    d = draft_of('"Kappa Azot gives us a strong position," said Dr. Klaus Weber, Chief Executive Officer of Omega '
                 'Chemicals. Anna Weber, President of Zeta Fertilizers, agreed.')
    assert "Chief Executive Officer of Omega Chemicals" not in {e.name for e in d.entities}
    rels = relations_of(d)
    assert {("Dr. Klaus Weber", "heads", "Omega Chemicals"), ("Anna Weber", "heads", "Zeta Fertilizers")} <= rels


def test_a_rival_after_another_s_country_and_a_firm_based_in_a_town_by_its_description():
    rels = _relations_with("Omega Chemicals agreed to acquire a 65% stake in Kappa Azot SA, a nitrogen fertiliser "
                           "producer based in Slobozia, Romania. Omega competes in Europe with Rho Agro of Norway and "
                           "Poland's Mu Azoty.", "Omega Chemicals", "Kappa Azot SA", "Slobozia", "Mu Azoty")
    assert {("Kappa Azot SA", "located_in", "Slobozia"), ("Omega Chemicals", "competes_with", "Rho Agro"),
            ("Omega Chemicals", "competes_with", "Mu Azoty")} <= rels
    assert ("Omega Chemicals", "located_in", "Slobozia") not in rels


def test_a_joint_venture_formed_with_a_firm_to_sell_goods_makes_partners():
    rels = _relations_with("Last year Omega Chemicals formed a joint venture with Japan's Phi Trading to sell crop "
                           "nutrients in South-East Asia. Zeta Steel set up a recycling venture with Rho Metals.",
                           "Omega Chemicals", "Phi Trading", "Zeta Steel", "Rho Metals")
    assert {("Omega Chemicals", "partners_with", "Phi Trading"), ("Zeta Steel", "partners_with", "Rho Metals")} <= rels


def test_the_dateline_city_in_capitals_is_found_again_in_ordinary_case():
    rels = _relations_with('FRANKFURT, Germany, 3 June 2026 /Wire/ -- Omega Chemicals SE ("Omega"), the German '
                           'group, bought Kappa.\n\nAbout Omega Chemicals\n\nOmega Chemicals SE is headquartered in '
                           'Frankfurt and employs 18,000 people.', "Omega Chemicals SE", "FRANKFURT")
    assert ("Omega Chemicals SE", "located_in", "FRANKFURT") in rels


TURKEY = ("ISTANBUL, Sept 22 (Trade Wire) - Zeta Motors, the Japanese carmaker, will start producing electric SUVs "
          "at its plant in Bursa, Turkey, next year, the company said on Monday.\n\n")


def test_the_group_before_which_also_owns_is_the_firm_named_before_not_its_chairman():
    owners = {r[0] for r in _relations_with(
        TURKEY + 'Kappa Holding chairman Emre Aydin called the project "a turning point" for the group, which also '
        "owns Kappa Lastik, a tyre maker that supplies Rho Auto.", "Kappa Holding", "Emre Aydin", "Kappa Lastik")
        if r[1:] == ("owns", "Kappa Lastik")}
    assert owners == {"Kappa Holding"}


def test_goods_bought_from_one_firm_and_other_goods_from_another_make_both_suppliers():
    d = draft_of(TURKEY + "Zeta also buys motors from Omega Drive, a Slovenian supplier, and seats from Tau "
                 "Interiors of Mexico. Zeta Motors buys steel from Omega Steel and moved production from Tau City.")
    assert "SUVs" not in {e.name for e in d.entities}
    rels = relations_of(d)
    assert {("Omega Drive", "supplies", "Zeta Motors"), ("Tau Interiors", "supplies", "Zeta Motors")} <= rels
    assert ("Tau City", "supplies", "Zeta Motors") not in rels


def test_a_joint_venture_called_by_name_is_owned_by_the_subject_and_the_partner_it_works_with():
    rels = _relations_with(TURKEY + "The Bursa factory, which Zeta runs with local partner Kappa Holding through a "
                           "50-50 joint venture called Zeta Kappa Otomotiv, will make 120,000 vehicles a year. Rho "
                           "Auto, a Chinese rival, opened a plant in Manisa in July.",
                           "Zeta Motors", "Kappa Holding", "Zeta Kappa Otomotiv", "Rho Auto")
    assert {("Zeta Motors", "owns", "Zeta Kappa Otomotiv"), ("Kappa Holding", "owns", "Zeta Kappa Otomotiv"),
            ("Rho Auto", "located_in", "China")} <= rels


WIND = ("MUNICH, Oct 8 - A Munich regional court on Wednesday ordered Kappa Wind, the Danish turbine maker, to pay "
        "95 million euros in damages to Zeta Blades, a Spanish manufacturer of rotor blades.\n\n")


def test_damages_paid_to_a_firm_fund_nothing():
    rels = _relations_with(WIND, "Kappa Wind", "Zeta Blades")
    assert ("Kappa Wind", "funds", "Zeta Blades") not in rels


def test_a_unit_of_a_body_described_by_its_country_is_part_of_the_body_not_the_country():
    rels = _relations_with(WIND + "Zeta's other customers include Omega Energy of Italy and Rho Turbines, a "
                           "subsidiary of the U.S. conglomerate Tau Industries.", "Rho Turbines", "Tau Industries")
    assert ("Rho Turbines", "part_of", "Tau Industries") in rels
    assert not any(r[:2] == ("Rho Turbines", "part_of") and r[2] != "Tau Industries" for r in rels)


def test_a_firm_s_stated_largest_shareholder_or_parent_owns_it():
    rels = _relations_with(WIND + "Kappa Wind, whose largest shareholder is the Danish pension fund Omega Pension "
                           "with 22%, reported a net loss. Zeta Blades' parent is Sigma Capital. Its other owners are "
                           "Tau Partners and Rho Invest.", "Omega Pension", "Sigma Capital", "Tau Partners")
    assert {("Omega Pension", "owns", "Kappa Wind"), ("Sigma Capital", "owns", "Zeta Blades"),
            ("Tau Partners", "owns", "Zeta Blades"), ("Rho Invest", "owns", "Zeta Blades")} <= rels
