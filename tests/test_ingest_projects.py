"""Round 6: projects an article describes rather than names (graph/ingest/projects.py).

Invented sentences with fictional names; each test fails on the code before round 6.
"""

from __future__ import annotations

from ingest_support import draft_of, entity, relations_of


def _projects(draft) -> list:
    return [e for e in draft.entities if e.type == "project"]


def test_described_plant_is_one_project_named_after_its_town():
    draft = draft_of("Zorvex Semiconductor has received a federal grant for its semiconductor plant "
                     "in Brindle Falls, Ostravia. The Brindle Falls fab will start output in 2027. "
                     "The plant will employ 900 people.")
    projects = _projects(draft)
    assert len(projects) == 1, [e.name for e in projects]
    labels = {projects[0].name, *projects[0].aliases}
    assert {"Brindle Falls plant", "plant in Brindle Falls", "semiconductor plant",
            "Brindle Falls fab"} <= labels
    got = relations_of(draft)
    assert ("Zorvex Semiconductor", "owns", "Brindle Falls plant") in got
    assert ("Brindle Falls plant", "located_in", "Brindle Falls") in got


def test_plant_with_no_describing_word_still_named():
    got = relations_of(draft_of("Qeltra Motors will spend $800 million on a plant in Vasco Rey, "
                                "Jalisco, to assemble electric buses."))
    assert ("Vasco Rey plant", "located_in", "Vasco Rey") in got


def test_its_plant_belongs_to_the_firm_not_the_granting_ministry():
    got = relations_of(draft_of("The Ministry of Industry of Ostravia has approved a $2 billion grant "
                                "to Kelvar Cells for its battery plant in Moravec Creek."))
    assert ("Kelvar Cells", "owns", "Moravec Creek plant") in got
    assert ("Ministry of Industry", "owns", "Moravec Creek plant") not in got


def test_a_plant_in_a_state_or_country_names_no_project():
    draft = draft_of("Kelvar Cells will build a battery plant in Kansas. Zorvex opened a chip plant "
                     "in India.")
    assert not any(e.name in ("Kansas plant", "India plant") for e in draft.entities)


def test_side_plant_of_another_firm_is_not_a_project():
    draft = draft_of("Kelvar Cells opened its battery plant in Moravec Creek on Monday. It competes "
                     "with Dornet Energy, which is building a cell plant in Tallow Bay, and with "
                     "Ferrin, a start-up building a 2-nanometre plant in Quillon.")
    names = {e.name for e in _projects(draft)}
    assert "Moravec Creek plant" in names
    assert not names & {"Tallow Bay plant", "Quillon plant"}


def test_described_words_do_not_capture_another_towns_plant():
    # "packaging plant" is an alias of the Brindle Falls plant, added at the end: the packaging
    # plant in Tallow Bay is not taken for it
    got = relations_of(draft_of(
        "Zorvex has started building a $3 billion packaging plant in Brindle Falls, Ostravia. "
        "Dornet Energy, which is building a packaging plant in Tallow Bay, is its main rival."))
    assert ("Brindle Falls plant", "located_in", "Brindle Falls") in got
    assert ("Brindle Falls plant", "located_in", "Tallow Bay") not in got


def test_opened_or_runs_a_project_leads_it():
    got = relations_of(draft_of("Kelvar Cells, the Ostravian battery maker, has opened a $2 billion "
                                "plant in Moravec Creek, Ostravia, that will assemble storage packs."))
    assert ("Kelvar Cells", "leads", "Moravec Creek plant") in got
    got = relations_of(draft_of("Dornet Mining, which runs the Tallow Ridge mine in Quillon, "
                                "competes with Kelvar for export quotas."))
    assert ("Dornet Mining", "leads", "Tallow Ridge mine") in got


def test_its_own_facility_is_set_apart_and_an_unnamed_subject_is_no_owner():
    got = relations_of(draft_of(
        "Kelvar Cells has restarted its copper smelter in Moravec Creek. Dornet Mining competes "
        "with Kelvar and opened its own smelter in Tallow Bay last year. The company has also opened "
        "a plant in Quillon."))
    assert ("Kelvar Cells", "owns", "Moravec Creek smelter") in got
    assert not any(b.startswith("Tallow Bay") and t in ("owns", "leads") for _, t, b in got)
    assert not any(b == "Quillon plant" and t in ("owns", "leads") for _, t, b in got)


def test_share_of_the_cost_funds_the_project():
    got = relations_of(draft_of(
        "Kelvar Cells is building a chip plant in Moravec Creek, Ostravia. The Ostravian Ministry of "
        "Industry will pay half of the project's capital cost. The central government is paying a "
        "third of the plant's cost through the Zefira Development Agency."))
    assert ("Ostravian Ministry of Industry", "funds", "Moravec Creek plant") in got
    assert ("Zefira Development Agency", "funds", "Moravec Creek plant") in got


def test_financing_sentence_lenders_fund_the_project_in_question():
    got = relations_of(draft_of(
        "Kelvar Cells will spend $900 million on a plant in Moravec Creek, Ostravia. "
        "Financing includes a loan of $400 million from Banco Zefira, a state export bank, and a "
        "syndicated loan led by Harlow Bank. Financing of $3 billion was arranged by a group of "
        "banks including Quentara and Ortal Bank."))
    for lender in ("Banco Zefira", "Harlow Bank", "Quentara", "Ortal Bank"):
        assert (lender, "funds", "Moravec Creek plant") in got, lender
    got = relations_of(draft_of(
        "Kelvar Cells will spend $900 million on a plant in Moravec Creek, Ostravia. Financing "
        "will not come from Banco Zefira, said Harlow Bank."))
    assert not any(t == "funds" for _, t, _ in got)


def test_grant_for_a_firms_plant_funds_the_plant_not_when_received():
    got = relations_of(draft_of(
        "The Zefira Development Agency has finalised a $4 billion grant to Kelvar Cells for its chip "
        "plant in Moravec Creek, Ostravia."))
    assert ("Zefira Development Agency", "funds", "Moravec Creek plant") in got
    got = relations_of(draft_of(
        "Kelvar Cells has received a federal subsidy for its chip plant in Moravec Creek, the "
        "Zefira Development Agency said."))
    assert not any(t == "funds" and a == "Kelvar Cells" for a, t, _ in got)


def test_its_own_facility_names_no_project():
    draft = draft_of("Dornet Mining competes with Kelvar and opened its own smelter in Tallow Bay.")
    assert not any(e.type == "project" for e in draft.entities)


def test_supply_from_its_plant_makes_the_plant_a_supplier():
    got = relations_of(draft_of(
        "Kelvar Cells will supply cathode to Dornet Motors from its new plant in Moravec Creek, "
        "Ostravia."))
    assert ("Kelvar Cells", "supplies", "Dornet Motors") in got
    assert ("Moravec Creek plant", "supplies", "Dornet Motors") in got


def test_the_project_in_question_is_the_one_named_most_not_the_last_named():
    got = relations_of(draft_of(
        "Kelvar Cells opened its $2 billion plant in Moravec Creek, Ostravia. The Moravec Creek plant "
        "will make cells. Ore will come from the Tallow Ridge mine in Quillon. Financing includes a "
        "loan from Banco Zefira."))
    assert ("Banco Zefira", "funds", "Moravec Creek plant") in got


def test_project_which_a_body_operates():
    draft = draft_of("The cargoes will be loaded at the Tallow Island liquefaction plant, which Kelvar "
                     "Gas operates off the coast, and at the Quillon Marine Terminal, which Dornet "
                     "Energy owns.")
    got = relations_of(draft)
    assert ("Kelvar Gas", "leads", "Tallow Island liquefaction plant") in got
    assert ("Dornet Energy", "owns", "Quillon Marine Terminal") in got
    # the proper words of a described name are its short name
    assert "Tallow Island" in entity(draft, "Tallow Island liquefaction plant").aliases


def test_apposed_description_is_the_named_project():
    draft = draft_of("Kelvar Power has resumed construction of Tallow Wind 1, its 810-megawatt offshore "
                     "wind power plant south of Quillon Island. The plant is financed by a group of banks "
                     "led by Harlow Bank.")
    projects = [e for e in draft.entities if e.type == "project"]
    assert len(projects) == 1 and projects[0].name == "Tallow Wind"
    assert "offshore wind power plant" in projects[0].aliases
    got = relations_of(draft)
    assert {("Kelvar Power", "leads", "Tallow Wind"), ("Kelvar Power", "owns", "Tallow Wind")} & got
    assert ("Harlow Bank", "funds", "Tallow Wind") in got
    assert ("Harlow Bank", "leads", "Tallow Wind") not in got     # it leads the lenders


def test_coordinated_description_kept_as_written():
    draft = draft_of("Kelvar Mining and Dornet Metals have agreed to build a rare-earth separation and "
                     "magnet plant in Tallow Bay on the coast.")
    assert "rare-earth separation and magnet plant" in entity(draft, "Tallow Bay plant").aliases


def test_a_firms_named_facility_is_owned():
    got = relations_of(draft_of("The ship will be built at Kelvar Shipbuilding Co.'s Tallow shipyard in Quillon."))
    assert ("Kelvar Shipbuilding Co.", "owns", "Tallow shipyard") in got


def test_a_firm_apposed_to_its_joint_venture_stays_a_firm():
    draft = draft_of("Dornet Motors and Kelvar Energy formed Tallow Cells, their joint venture, to make "
                     "batteries in Quillon.")
    assert [e.type for e in draft.entities if e.name == "Tallow Cells"] == ["firm"]
    assert not any(e.type == "project" for e in draft.entities)


def test_the_plant_in_a_wider_place_is_still_the_towns_plant():
    got = relations_of(draft_of("Kelvar Cells opened its cathode plant in Moravec Creek on Monday. "
                                "Kelvar Cells says its cathode plant in Kansas will employ 900 people."))
    assert ("Moravec Creek plant", "located_in", "Kansas") in got


def test_a_facility_named_in_passing_does_not_take_the_plant_from_the_story():
    got = relations_of(draft_of(
        "Kelvar Chem will build a $1.2 billion cathode plant in Moravec Creek, Ostravia. "
        "Kelvar Chem already runs a plant in Tallow Bay. The plant will supply cathode to Dornet "
        "Motors. The plant is financed by a loan from the Zefira Energy Office."))
    assert ("Moravec Creek plant", "supplies", "Dornet Motors") in got
    assert ("Zefira Energy Office", "funds", "Moravec Creek plant") in got
    assert ("Tallow Bay plant", "supplies", "Dornet Motors") not in got
    assert ("Kelvar Chem", "leads", "Tallow Bay plant") in got      # its own facts stay


def test_a_described_side_facility_with_its_own_words_is_also_side():
    got = relations_of(draft_of(
        "Kelvar Chem will build a $1.2 billion cathode plant in Moravec Creek, Ostravia. The Moravec "
        "Creek plant will open in 2027. Dornet Lithium runs a $300 million hydroxide plant in Tallow "
        "Bay. The plant will supply cathode to Ferrin Motors."))
    assert ("Moravec Creek plant", "supplies", "Ferrin Motors") in got


def test_a_headline_plant_does_not_make_the_bodys_plant_a_side_one():
    draft = draft_of("Kelvar to build AI server plant in Texas for Dornet\n\nKelvar Precision will "
                     "spend $900 million on a plant in Moravec Creek, Texas, to assemble servers for "
                     "Dornet. The plant will be run by Kelvar Cloud. Financing includes a loan from "
                     "Banco Zefira.")
    got = relations_of(draft)
    assert ("Kelvar Cloud", "leads", "Moravec Creek plant") in got
    assert ("Banco Zefira", "funds", "Moravec Creek plant") in got
    assert [e.name for e in draft.entities if e.type == "project"] == ["Moravec Creek plant"]


# -- review 7 (issue #14): defects found in round 6 ---------------------------------------

def test_one_articles_financing_does_not_fund_another_articles_plant():
    from graph.ingest import extract
    from graph.ingest.doc import Article

    first = ("Kelvar Cells opened its battery plant in Moravec Creek on Monday. The Moravec Creek "
             "plant will make cells. The Moravec Creek plant employs 900 people. The Moravec Creek "
             "plant cost $2 billion.")
    second = ("Dornet Motors will build a car plant in Tallow Bay, Ostravia. The Tallow Bay plant will "
              "open in 2027. Financing includes a loan from Banco Zefira. The Ostravian Ministry of "
              "Industry will pay half of the cost.")
    got = relations_of(extract([Article("a.txt", first), Article("b.txt", second)]))
    for funder in ("Banco Zefira", "Ostravian Ministry of Industry"):
        assert (funder, "funds", "Tallow Bay plant") in got, funder
        assert (funder, "funds", "Moravec Creek plant") not in got, funder


def test_opening_something_else_about_the_plant_does_not_lead_it():
    for tail in ("The Ostravian Environment Agency opened an investigation into the Moravec Creek plant "
                 "on Friday.",
                 "The Metalworkers Union has opened talks over the Moravec Creek plant with managers.",
                 "Dornet Motors has opened a showroom near the Moravec Creek plant."):
        got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. " + tail))
        assert not any(t == "leads" and a != "Kelvar Cells" for a, t, _ in got), (tail, got)


def test_runs_with_a_negation_before_it_leads_nothing():
    got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. Dornet "
                                "Motors never operated the Moravec Creek plant."))
    assert ("Dornet Motors", "leads", "Moravec Creek plant") not in got
    got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. Dornet "
                                "Motors operated the Moravec Creek plant."))
    assert ("Dornet Motors", "leads", "Moravec Creek plant") in got


def test_cost_and_money_about_something_else_funds_no_project():
    for tail in ("Separately, Dornet Motors will cover half of the recall costs.",
                 "Funding is scarce for start-ups like Dornet Motors, analysts say.",
                 "Debt has piled up at carmakers such as Dornet Motors."):
        got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. The "
                                    "Moravec Creek plant will make cells for cars. " + tail))
        assert not any(t == "funds" for _, t, _ in got), (tail, got)
    got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. The "
                                "Ostravian Ministry of Industry will pay half of its cost."))
    assert ("Ostravian Ministry of Industry", "funds", "Moravec Creek plant") in got


def test_a_cost_share_someone_will_not_pay_funds_nothing():
    got = relations_of(draft_of("Kelvar Cells is building a battery plant in Moravec Creek. The "
                                "Ostravian Ministry of Industry will not pay half of the plant's cost."))
    assert not any(t == "funds" for _, t, _ in got)


def test_two_firms_plants_in_one_town_stay_two_projects():
    draft = draft_of("Kelvar Cells opened a battery plant in Moravec Creek on Monday. Rival Dornet "
                     "Motors also runs a chip plant in Moravec Creek. The plant will employ 900 people.")
    got = relations_of(draft)
    led = {(a, b) for a, t, b in got if t in ("leads", "owns")}
    firms_of = {}
    for a, b in led:
        firms_of.setdefault(b, set()).add(a)
    assert all(len(firms) == 1 for firms in firms_of.values()), led
    assert any(a == "Kelvar Cells" for a, _ in led), led
    assert "chip plant" not in entity(draft, "Moravec Creek plant").aliases


def test_said_that_it_would_build_names_the_plant_after_its_town():
    for said in ("said that it would build", "said it would build"):
        draft = draft_of(f"Kelvar Cells {said} a $2 billion battery plant in Moravec Creek. The plant "
                         "will employ 900 people.")
        assert [e.name for e in _projects(draft)] == ["Moravec Creek plant"], said


def test_a_plant_in_a_town_of_the_place_a_project_is_named_after_is_that_project():
    for said in ("said on Tuesday that", "said on Tuesday"):
        draft = draft_of("Kelvar opens second Brindle fab with subsidies\n\nKelvar Semiconductor "
                         f"{said} its second chip plant in Moravec Creek, Brindle Prefecture, had "
                         "begun trial production.")
        assert [e.name for e in _projects(draft)] == ["Brindle fab"], said
