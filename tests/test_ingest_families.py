"""Constructions of the largest relation families (graph/ingest/families.py): a facility named
with "whose" or after a possessive, a rival named in a predicate, a state body of a ministry or
a country, places after a repeated preposition, a subject hidden by an apposition, a list that
goes on after a relative clause, and money named after its funder. Invented sentences with
fictional firms."""

from __future__ import annotations

from ingest_support import draft_of, relations_of


def drafted(text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The draft's entity names and relations: a test that a relation is absent first checks
    that its ends were drafted (else it would pass with nothing found)."""
    d = draft_of(text)
    return {e.name for e in d.entities}, relations_of(d)


def rels(text: str) -> set[tuple[str, str, str]]:
    return drafted(text)[1]


def rivals(got: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, "competes_with", b) in got or (b, "competes_with", a) in got


def test_whose_facility_in_a_town():
    got = rels("Kelvar Chemicals competes with Zentara Motors, whose assembly plant in Leipzig, "
               "Saxony, opened last year. Norbright Foods, whose two mills at Chennai and Pune "
               "employ 900 people, lost money.")
    assert ("Zentara Motors", "operates_in", "Leipzig") in got
    assert ("Zentara Motors", "operates_in", "Saxony") not in got     # the town's state
    assert ("Norbright Foods", "operates_in", "Chennai") in got
    assert ("Norbright Foods", "operates_in", "Pune") in got


def test_a_town_named_before_plural_facilities():
    got = rels("Halden Tech packages the chips that Brixell Energy makes at its Houston fabs. "
               "Orvia Steel's Busan mills will roll the plate.")
    assert ("Brixell Energy", "operates_in", "Houston") in got
    assert ("Orvia Steel", "operates_in", "Busan") in got


def test_one_plant_named_by_its_state_is_not_read_as_operations():
    names, got = drafted("Tessaly Power is converting part of its Ohio plant in Lorain to new "
                         "cells.")
    assert {"Tessaly Power", "Ohio"} <= names
    assert ("Tessaly Power", "operates_in", "Ohio") not in got


def test_a_rival_named_in_a_predicate():
    got = rels("Quintel Systems, which is building a lab in Austin, is Mirex Devices' main rival in "
               "drones. Arlo Robotics and Sorvan Labs are its closest competitors. Velda Cement "
               "and Korro Building Materials are rivals in the Balkan market.")
    assert rivals(got, "Quintel Systems", "Mirex Devices")
    assert rivals(got, "Arlo Robotics", "Quintel Systems")
    assert rivals(got, "Sorvan Labs", "Quintel Systems")
    assert rivals(got, "Velda Cement", "Korro Building Materials")


def test_no_rival_in_a_negated_predicate():
    names, got = drafted("Pella Mining signed a deal with Quorra Metals last week. Pella Mining is "
                         "not Quorra Metals' rival in copper.")
    assert {"Pella Mining", "Quorra Metals"} <= names
    assert not rivals(got, "Pella Mining", "Quorra Metals")


def test_a_body_of_a_ministry_is_part_of_it():
    got = rels("The study was paid for by the Qualen Bureau, an agency of the Ministry of Industry. "
               "Funding came from the Tarn Research Fund, a programme run by the Ministry of "
               "Energy.")
    assert ("Qualen Bureau", "part_of", "Ministry of Industry") in got
    assert ("Tarn Research Fund", "part_of", "Ministry of Energy") in got


def test_a_countrys_state_body_named_after_its_noun():
    names, got = drafted("The satellites were launched by Germany's space agency Xandria Orbital "
                         "and by Kelvar Launch. Approval came from Japan's antitrust regulator Kasumi "
                         "Fair Trade Board.")
    assert ("Xandria Orbital", "part_of", "Germany") in got
    assert ("Kasumi Fair Trade Board", "part_of", "Japan") in got
    assert "Kelvar Launch" in names
    assert ("Kelvar Launch", "part_of", "Germany") not in got
    got = rels("The Zelvan Institute, Japan's state research agency, ran the trial. The Indian "
               "space agency Varuna Orbital launched it. Mirex Devices hired Kasumi Partners, "
               "Japan's biggest advertising agency.")
    assert ("Zelvan Institute", "part_of", "Japan") in got
    assert ("Varuna Orbital", "part_of", "India") in got
    assert ("Kasumi Partners", "part_of", "Japan") not in got
    draft = draft_of("The satellites were launched by Germany's space agency Xandria Orbital.")
    assert {e.name: e.type for e in draft.entities}["Xandria Orbital"] == "agency"


def test_places_after_a_repeated_preposition():
    got = rels("Zentara Motors is expanding its own plants in Boise and in Clay, New York. Kelvar "
               "Chemicals mines lithium in Tucson, Arizona, and also in Reno.")
    assert ("Zentara Motors", "operates_in", "Boise") in got
    assert ("Zentara Motors", "operates_in", "Clay") in got
    assert ("Kelvar Chemicals", "operates_in", "Reno") in got


def test_a_subject_hidden_by_an_apposition():
    got = rels("Brixell Energy (布瑞克能源), the largest maker of storage packs, and Vantor Cells "
               "compete with Zentara Motors for grid orders. Halden Tech, a Texas drone maker, and "
               "Quintel's software arm compete with Mirex Devices.")
    assert rivals(got, "Brixell Energy", "Zentara Motors")
    assert rivals(got, "Vantor Cells", "Zentara Motors")
    assert rivals(got, "Halden Tech", "Mirex Devices")


def test_a_list_goes_on_after_a_relative_clause():
    got = rels("Zentara Motors's rivals include Brixell Energy, which is owned by a Danish fund "
               "and makes packs in Texas, and Japan's Vantor Cells, the oldest battery maker. "
               "Kelvar Chemicals supplies Arlo Systems, which builds drones, and Mirex Devices.")
    assert rivals(got, "Brixell Energy", "Zentara Motors")
    assert rivals(got, "Vantor Cells", "Zentara Motors")
    assert ("Kelvar Chemicals", "supplies", "Mirex Devices") in got


def test_a_new_clause_after_a_relative_clause_is_not_listed():
    names, got = drafted("Kelvar Chemicals supplies Arlo Systems, which builds drones, and Mirex "
                         "Devices buys from Halden Tech.")
    assert {"Kelvar Chemicals", "Mirex Devices"} <= names
    assert ("Kelvar Chemicals", "supplies", "Mirex Devices") not in got
    assert ("Halden Tech", "supplies", "Mirex Devices") in got


def test_money_named_after_its_funder():
    got = rels("Orvia Pharma will make the vaccine in Pune with Zelda Foundation money. Brixell "
               "Energy expanded its Toledo plant using Quentin Fund grants and Export Bank of "
               "Ruritania loans.")
    assert ("Zelda Foundation", "funds", "Orvia Pharma") in got
    assert ("Quentin Fund", "funds", "Toledo plant") in got
    assert ("Export Bank of Ruritania", "funds", "Toledo plant") in got


def test_no_funding_without_money_or_from_a_firms_help():
    names, got = drafted("Arlo Systems won the order with Tesla support. Zentara Motors grew "
                         "without Quentin Fund grants.")
    assert {"Arlo Systems", "Tesla", "Zentara Motors", "Quentin Fund"} <= names
    assert ("Tesla", "funds", "Arlo Systems") not in got
    assert ("Quentin Fund", "funds", "Zentara Motors") not in got


def test_a_supplier_or_customer_named_in_a_predicate():
    got = rels("Brixell Energy is a supplier to Zentara Motors. Arlo Systems is Lumo Metals' biggest "
               "customer. Halden Tech is one of Quintel Systems's main suppliers. Orvia Steel and "
               "Tessaly Yards are the main buyers of Kelvar Chemicals.")
    assert ("Brixell Energy", "supplies", "Zentara Motors") in got
    assert ("Lumo Metals", "supplies", "Arlo Systems") in got
    assert ("Halden Tech", "supplies", "Quintel Systems") in got
    assert ("Kelvar Chemicals", "supplies", "Orvia Steel") in got
    assert ("Kelvar Chemicals", "supplies", "Tessaly Yards") in got
    got = rels("Lumo Metals is a major supplier of cobalt to Vantor Cells.")
    assert ("Lumo Metals", "supplies", "Vantor Cells") in got


def test_no_supply_in_a_negated_predicate():
    names, got = drafted("Sorvan Labs signed a deal with Arlo Systems. Sorvan Labs is not a "
                         "customer of Arlo Systems.")
    assert {"Sorvan Labs", "Arlo Systems"} <= names
    assert ("Arlo Systems", "supplies", "Sorvan Labs") not in got


def test_supply_read_from_a_passive_with_its_buyer_reliance_and_counting():
    got = rels("The sensors are supplied to Mirex Devices by Halden Tech. Sorvan Labs relies on "
               "Norvik Industries for its chips. Norvik Industries counts Tessaly Yards and Orvia "
               "Steel among its customers. Brixell Energy procures nickel from Lumo Metals.")
    assert ("Halden Tech", "supplies", "Mirex Devices") in got
    assert ("Norvik Industries", "supplies", "Sorvan Labs") in got
    assert ("Norvik Industries", "supplies", "Tessaly Yards") in got
    assert ("Norvik Industries", "supplies", "Orvia Steel") in got
    assert ("Lumo Metals", "supplies", "Brixell Energy") in got


def test_reliance_for_money_is_no_supply():
    names, got = drafted("Lumo Metals relies on Kelvar Chemicals for funding.")
    assert {"Lumo Metals", "Kelvar Chemicals"} <= names
    assert ("Kelvar Chemicals", "supplies", "Lumo Metals") not in got


def test_coordinated_subjects_that_compete_or_compete_against():
    got = rels("Kelvar Chemicals and Brixell Energy compete for orders from carmakers. Halden Tech "
               "and Quintel Systems are vying for the Navy contract. Vantor Cells competes fiercely "
               "against Zentara Motors in Europe.")
    assert rivals(got, "Kelvar Chemicals", "Brixell Energy")
    assert rivals(got, "Halden Tech", "Quintel Systems")
    assert rivals(got, "Vantor Cells", "Zentara Motors")


def test_no_rivals_when_the_text_only_allows_them_to_compete():
    names, got = drafted("The new law will allow Orvia Steel and Tessaly Yards to compete for "
                         "public works.")
    assert {"Orvia Steel", "Tessaly Yards"} <= names
    assert not rivals(got, "Orvia Steel", "Tessaly Yards")


def test_an_unnamed_facility_in_a_town_tells_where_its_firm_works():
    got = rels("The fuel will come from a plant in Doha that Zentara Motors is building with Kelvar "
               "Chemicals. Brixell Energy is building a refinery in Perth, and supplies Quintel "
               "Systems from plants in Houston and Nagoya. Halden Tech ships drones from two "
               "factories in Leipzig.")
    assert ("Zentara Motors", "operates_in", "Doha") in got
    assert ("Brixell Energy", "operates_in", "Houston") in got
    assert ("Brixell Energy", "operates_in", "Nagoya") in got
    assert ("Quintel Systems", "operates_in", "Houston") not in got    # the object, not the doer
    assert ("Halden Tech", "operates_in", "Leipzig") in got


def test_state_money_with_no_recipient_named_goes_to_the_project():
    names, got = drafted("Kelvar Chemicals is building the Tarrow refinery in Perth. The Ruritania "
                         "Development Fund will provide a further $300 million. The Ostmark Energy "
                         "Agency paid for roads and power lines to the site. The Varnia Investment "
                         "Fund lent $80 million to a rival project. The Pellic Export Agency has "
                         "not pledged $50 million.")
    assert ("Ruritania Development Fund", "funds", "Tarrow refinery") in got
    assert ("Ostmark Energy Agency", "funds", "Tarrow refinery") in got
    assert {"Varnia Investment Fund", "Pellic Export Agency"} <= names
    assert ("Varnia Investment Fund", "funds", "Tarrow refinery") not in got   # another project
    assert ("Pellic Export Agency", "funds", "Tarrow refinery") not in got     # negated


def test_a_ministry_or_state_firm_with_no_country_named_is_the_home_countrys():
    got = rels("Kelvar Mining will build a copper smelter in Surabaya, Indonesia. Indonesia wants "
               "more metal refined at home. The Ministry of Mines and Smelting will issue the "
               "licences. Brixell Grid, the state power utility, will supply electricity. "
               "Vietnam's Zarvo, the state metals group, will buy copper. China buys most of the "
               "concentrate.")
    assert ("Ministry of Mines and Smelting", "part_of", "Indonesia") in got
    assert ("Brixell Grid", "part_of", "Indonesia") in got
    assert ("Zarvo", "part_of", "Indonesia") not in got        # Vietnam's, not the article's
    assert ("Ministry of Mines and Smelting", "part_of", "China") not in got


def test_no_home_country_when_none_leads():
    names, got = drafted("Kelvar Mining sells ore to Japan and to Chile. The Ministry of Mines "
                         "and Smelting will issue the licences. Japan and Chile both buy copper.")
    assert {"Ministry of Mines and Smelting", "Japan", "Chile"} <= names
    assert not any(a == "Ministry of Mines and Smelting" and t == "part_of" for a, t, _ in got)


def test_rivals_named_after_its_rivals_or_a_rival_noun():
    got = rels("Vantor Cells has lost customers to its two larger rivals, Zentara Motors and Halden "
               "Tech. Kelvar Chemicals's competitors such as Orvia Steel raised prices. Brixell "
               "Energy won the tender. Rival developers Quintel Systems and Mirex Devices are "
               "bidding for similar parks.")
    assert rivals(got, "Zentara Motors", "Vantor Cells")
    assert rivals(got, "Halden Tech", "Vantor Cells")
    assert rivals(got, "Orvia Steel", "Kelvar Chemicals")
    assert rivals(got, "Quintel Systems", "Brixell Energy")
    assert rivals(got, "Mirex Devices", "Brixell Energy")


def test_goods_made_in_a_town_tell_where_the_maker_works():
    names, got = drafted("Halden Tech, part of the Arlo Group, builds the drones in Busan. Orvia "
                         "Steel makes heavy plates at Rostock. Kelvar Chemicals will build a solar "
                         "park in Pune. Brixell Energy does not build batteries in Osaka.")
    assert ("Halden Tech", "operates_in", "Busan") in got
    assert ("Orvia Steel", "operates_in", "Rostock") in got
    assert {"Kelvar Chemicals", "Pune", "Brixell Energy", "Osaka"} <= names
    assert ("Kelvar Chemicals", "operates_in", "Pune") not in got     # a facility: the project's
    assert ("Brixell Energy", "operates_in", "Osaka") not in got      # negated


def test_guards_on_the_family_rules():
    names, got = drafted("The Tarrow plant was sold to Brixell Energy by Kelvar Chemicals. Halden "
                         "Tech relies on Quintel Systems for 40% of its revenue. Zentara Motors "
                         "buys cells from plants in Nagoya and Osaka. Mirex Devices hired Japan's "
                         "biggest advertising agency Kasumi Partners.")
    assert {"Kelvar Chemicals", "Brixell Energy", "Zentara Motors", "Nagoya", "Kasumi Partners",
            "Japan"} <= names
    assert ("Kelvar Chemicals", "supplies", "Brixell Energy") not in got   # an asset sold
    assert ("Halden Tech", "supplies", "Quintel Systems") in got           # Quintel buys
    assert ("Quintel Systems", "supplies", "Halden Tech") not in got
    assert ("Zentara Motors", "operates_in", "Nagoya") not in got          # the seller's plants
    assert ("Kasumi Partners", "part_of", "Japan") not in got              # a private agency


def test_state_money_to_someone_else_is_not_the_projects():
    names, got = drafted("Kelvar Chemicals is building the Tarrow refinery in Perth. The Ostmark "
                         "Energy Agency will pay $7,500 per car to buyers.")
    assert {"Tarrow refinery", "Ostmark Energy Agency"} <= names
    assert ("Ostmark Energy Agency", "funds", "Tarrow refinery") not in got


def test_tax_breaks_a_recipient_before_the_money_and_co_financing():
    names, got = drafted("Brixell Energy will receive tax breaks worth $40 million from the Pellic "
                         "Development Agency. The Ostmark Energy Agency granted Halden Tech a tax "
                         "break. The Varnia Investment Fund co-financed the Tarrow refinery with "
                         "Kelvar Bank and Lumo Capital. Kelvar Bank did not grant Zentara Motors a "
                         "loan.")
    assert ("Pellic Development Agency", "funds", "Brixell Energy") in got
    assert ("Ostmark Energy Agency", "funds", "Halden Tech") in got
    assert ("Kelvar Bank", "funds", "Tarrow refinery") in got
    assert ("Lumo Capital", "funds", "Tarrow refinery") in got
    assert "Zentara Motors" in names
    assert ("Kelvar Bank", "funds", "Zentara Motors") not in got      # negated


def test_offices_presence_and_facilities_in_an_apposition():
    names, got = drafted("Zentara Motors opened an office in Osaka last year. Quintel Systems, with "
                         "factories in Chennai and Pune, is hiring. Mirex Devices is present in "
                         "Manila and Jakarta. Norvik Industries has a research centre in Munich. "
                         "Halden Tech has not opened an office in Seoul.")
    assert ("Zentara Motors", "operates_in", "Osaka") in got
    assert ("Quintel Systems", "operates_in", "Chennai") in got
    assert ("Quintel Systems", "operates_in", "Pune") in got
    assert ("Mirex Devices", "operates_in", "Manila") in got
    assert ("Mirex Devices", "operates_in", "Jakarta") in got
    assert ("Norvik Industries", "operates_in", "Munich") in got
    assert {"Halden Tech", "Seoul"} <= names
    assert ("Halden Tech", "operates_in", "Seoul") not in got     # negated


def test_customers_and_suppliers_listed_after_whose_among_or_of():
    got = rels("Kelvar Chemicals, whose customers include Zentara Motors and Halden Tech, raised "
               "prices. Mirex Devices, whose suppliers include Orvia Steel, reported losses. Among "
               "Lumo Metals' customers are Tessaly Yards and Arlo Systems. The customers of Norvik "
               "Industries include Sorvan Labs.")
    assert ("Kelvar Chemicals", "supplies", "Zentara Motors") in got
    assert ("Kelvar Chemicals", "supplies", "Halden Tech") in got
    assert ("Orvia Steel", "supplies", "Mirex Devices") in got
    assert ("Lumo Metals", "supplies", "Tessaly Yards") in got
    assert ("Lumo Metals", "supplies", "Arlo Systems") in got
    assert ("Norvik Industries", "supplies", "Sorvan Labs") in got


def test_ships_as_a_verb_of_supply_but_not_as_a_noun():
    names, got = drafted("Lumo Metals ships nickel to Sorvan Labs. Kelvar Chemicals also ships "
                         "battery grade lithium to Zentara Motors and Halden Tech. Tessaly Yards "
                         "builds ships for Orvia Steel.")
    assert ("Lumo Metals", "supplies", "Sorvan Labs") in got
    assert ("Kelvar Chemicals", "supplies", "Zentara Motors") in got
    assert ("Kelvar Chemicals", "supplies", "Halden Tech") in got
    assert {"Tessaly Yards", "Orvia Steel"} <= names
    assert ("Tessaly Yards", "supplies", "Orvia Steel") not in got   # built for: dropped in round 4


def test_competition_from_as_a_noun():
    names, got = drafted("Zentara Motors faces competition from Halden Tech and Quintel Systems. "
                         "Fierce competition from Mirex Devices has hurt Sorvan Labs. Brixell "
                         "Energy said there was no competition from Vantor Cells.")
    assert rivals(got, "Halden Tech", "Zentara Motors")
    assert rivals(got, "Quintel Systems", "Zentara Motors")
    assert rivals(got, "Mirex Devices", "Sorvan Labs")
    assert {"Brixell Energy", "Vantor Cells"} <= names
    assert not rivals(got, "Brixell Energy", "Vantor Cells")
