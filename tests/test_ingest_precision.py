"""Round 7 precision guards (graph/ingest/precision.py and the places that call it): words that
look like names but are not, parliaments typed as bodies, names joined across "and", on invented
sentences with fictional names."""

from __future__ import annotations

from ingest_support import draft_of, relations_of


def drafted(text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Entity name -> type, and relations: absence tests first check the ends were drafted."""
    d = draft_of(text)
    return {e.name: e.type for e in d.entities}, relations_of(d)


def test_groups_of_people_and_directions_are_not_firms():
    ents, _ = drafted(
        "Korvane Cells opened a battery plant in Ohio on Monday. The plant was criticised by "
        "Democrats in the state senate, while Canadians and Norwegians bought most of its shares. "
        "Several Eastern carmakers have signed supply deals with Korvane Cells.")
    assert ents.get("Korvane Cells") == "firm"
    for word in ("Democrats", "Canadians", "Norwegians", "Eastern"):
        assert word not in ents


def test_plural_people_after_a_verb_are_not_firms():
    ents, _ = drafted(
        "Brisa Pharma said its new vaccine would protect Brazilians from dengue. Republicans "
        "and Koreans both praised the Brisa Pharma deal, the company said.")
    assert "Brisa Pharma" in ents
    assert not {"Republicans", "Brazilians", "Koreans"} & set(ents)


def test_analyst_ratings_are_not_names():
    ents, _ = drafted(
        "We move Tallow Mining to Neutral from Buy and cut our target price. Our peers rate "
        "Quorra Copper a Sell, and we upgrade Fenwick Nickel to Outperform.")
    assert {"Tallow Mining", "Quorra Copper", "Fenwick Nickel"} <= set(ents)
    assert not {"Neutral", "Buy", "Sell", "Outperform"} & set(ents)


def test_a_parliament_is_a_body_not_a_place():
    ents, _ = drafted(
        "The Velora plant has been criticised by lawmakers in Congress. Ostland Steel said the "
        "Bundestag would vote on the subsidy, and the European Parliament backed it.")
    assert ents.get("Congress") == "organization"
    assert ents.get("Bundestag") == "organization"
    assert ents.get("European Parliament") == "organization"


def test_a_body_named_across_and_is_one_name():
    ents, _ = drafted(
        "The plant will be inspected by the Freedonia Food and Drug Administration before "
        "output starts. Norland gave the project $90 million under its Clean Ships and Ports Act. "
        "The Sylvan fab will compete with Marrow Power and Industrial Solutions, a local firm.")
    assert "Freedonia Food and Drug Administration" in ents
    assert "Clean Ships and Ports Act" in ents
    assert "Marrow Power and Industrial Solutions" in ents
    for part in ("Drug Administration", "Ports Act", "Industrial Solutions", "Marrow Power"):
        assert part not in ents


def test_two_firms_joined_by_and_stay_two():
    ents, _ = drafted(
        "Equipment will come from Tessin Electron and Applied Kelvin Materials, and Dorvel "
        "Electric Power and Chubo Electric Power share the cost of the Rasa Bay terminal.")
    assert "Tessin Electron" in ents
    assert "Dorvel Electric Power" in ents and "Chubo Electric Power" in ents


def test_a_country_named_as_a_bodys_owner_is_not_the_actor():
    ents, got = drafted(
        "Lumira Telecom, controlled by Norway's Fjordnet and Singapore's Kestrel Holdings, chose "
        "Arvo Networks for its rollout. Peru's mining ministry, headed by Elena Ruiz, approved the "
        "Cobra Norte mine. Chile's state lender will lend $90 million to Andes Copper.")
    assert {"Lumira Telecom", "Norway", "Singapore", "Elena Ruiz", "Peru", "Chile",
            "Andes Copper"} <= set(ents)
    assert ("Norway", "owns", "Lumira Telecom") not in got
    assert ("Singapore", "owns", "Lumira Telecom") not in got
    assert ("Elena Ruiz", "heads", "Peru") not in got
    assert ("Chile", "funds", "Andes Copper") not in got


def test_a_countrys_own_government_still_acts():
    _, got = drafted(
        "Brazil's government has pledged $400 million for the Verdant fab. The fab is owned by "
        "Selva Chips, Brazil said. Brazil lent $50 million to Selva Chips.")
    assert ("Brazil", "funds", "Verdant fab") in got
    assert ("Brazil", "funds", "Selva Chips") in got


def test_a_body_then_of_and_its_country():
    ents, _ = drafted(
        "The Tarn wind farm is financed by banks led by KBX Bank of Singapore and Orla Bank. "
        "The merger was cleared by the Bureau for Fair Trade Practice of Japan and by Peru's "
        "competition agency. The Development Bank of Japan lent $40 million to Orla Bank.")
    assert "KBX Bank" in ents and "KBX Bank of Singapore" not in ents
    assert "Bureau for Fair Trade Practice" in ents
    assert "Bureau for Fair Trade Practice of Japan" not in ents
    assert "Development Bank of Japan" in ents


def test_an_asset_with_a_capitalised_adjective_changing_hands_is_not_supply():
    ents, got = drafted(
        "Orvane Materials bought a Brazilian cement plant from Tesca Holdings last year. "
        "Halvik Energy sold its Norwegian gas terminal to Morrow Fuels in March. "
        "Tesca Holdings also sells Brazilian cement to Orvane Materials.")
    assert {"Orvane Materials", "Tesca Holdings", "Halvik Energy", "Morrow Fuels"} <= set(ents)
    assert ("Halvik Energy", "supplies", "Morrow Fuels") not in got
    assert ("Tesca Holdings", "supplies", "Orvane Materials") in got
    only_sale = relations_of(draft_of(
        "Orvane Materials bought a Brazilian cement plant from Tesca Holdings last year."))
    assert ("Tesca Holdings", "supplies", "Orvane Materials") not in only_sale


def test_datelines_labels_and_model_codes_are_not_bodies():
    ents, _ = drafted(
        "PRESS RELEASE - Tarnow, 3 March 2026\n\n"
        "OSLO, 4 March 2026 (NWX) - Fjellnet Systems said it would buy engines from K-MAR, the "
        "engine maker controlled by Oster Heavy Industries. The ZX 200 howitzer is made by "
        "Tarnow Works, and the NATO alliance ordered 40.")
    assert {"Fjellnet Systems", "Oster Heavy Industries", "Tarnow Works"} <= set(ents)
    for code in ("PRESS", "RELEASE", "PRESS RELEASE", "NWX", "MAR", "ZX"):
        assert code not in ents
    assert ents.get("Tarnow") == "location"


def test_a_title_listed_with_its_firm_is_not_a_firm():
    ents, _ = drafted(
        "Dovra Chemicals will build a resin plant in Ulsan. "
        '"We are ready," said Lee Han-sol, President and CEO of Dovra Chemicals. Pellow '
        "Robotics, whose Chairman and Founder is Mark Olsen, agreed.")
    assert "Dovra Chemicals" in ents
    assert not {"President", "Chairman", "Founder", "CEO"} & set(ents)


def test_a_project_is_placed_in_its_town_not_also_the_towns_state():
    _, got = drafted(
        "Korvo Chips breaks ground on memory plant in Ohio\n\n"
        "Korvo Chips has started building a $2 billion memory plant in Dayton, Ohio, its first "
        "outside Asia. Velta Cells opened a battery factory in Ulm, Bavaria, on Monday.")
    assert ("Dayton", "located_in", "Ohio") in got
    plant = next(a for a, t, b in got if t == "located_in" and b == "Dayton")
    assert (plant, "located_in", "Ohio") not in got
    factory = next(a for a, t, b in got if t == "located_in" and b == "Ulm")
    assert (factory, "located_in", "Bavaria") not in got
    assert (plant, "located_in", "Asia") not in got     # "its first outside Asia"


def test_a_place_named_as_outside_is_not_where_it_is():
    ents, got = drafted(
        "Tovan Motors will build a car plant in Rayong. The plant is the company's first outside "
        "Japan. Orix Steel has opened a mill in Porto, its first mill outside Spain.")
    assert {"Japan", "Spain", "Rayong plant", "Porto mill"} <= set(ents)
    assert ("Rayong plant", "located_in", "Rayong") in got
    assert ("Porto mill", "located_in", "Porto") in got
    assert ("Rayong plant", "located_in", "Japan") not in got
    assert ("Porto mill", "located_in", "Spain") not in got


def test_a_person_who_left_the_post_does_not_head_the_firm():
    ents, got = drafted(
        "Dovra Chemicals's chief executive Lena Hart left the company in March after the merger. "
        "Halvik Energy's chairman Mark Olsen resigned on Friday, the company said. Ivo Berg, the "
        "chief executive of Brenmark Gas, retired last week. Kelso Grid's chief executive Ana "
        "Ruiz said the grid would grow.")
    assert {"Lena Hart", "Dovra Chemicals", "Mark Olsen", "Halvik Energy", "Ivo Berg",
            "Brenmark Gas"} <= set(ents)
    assert ("Lena Hart", "heads", "Dovra Chemicals") not in got
    assert ("Mark Olsen", "heads", "Halvik Energy") not in got
    assert ("Ivo Berg", "heads", "Brenmark Gas") not in got
    assert ("Ana Ruiz", "heads", "Kelso Grid") in got


def test_an_active_verb_does_not_take_an_object_from_the_next_clause():
    ents, got = drafted(
        "Halvik Energy runs the Tessa terminal together with Orla Gas, which owns the jetty while "
        "Halvik Energy owns the tanks. Brenmark Gas funds the pipeline whereas Tovan Oil funds "
        "the storage site. Dorvel Estates owns the Kestrel Tower.")
    assert {"Orla Gas", "Halvik Energy", "Brenmark Gas", "Tovan Oil"} <= set(ents)
    assert ("Orla Gas", "owns", "Halvik Energy") not in got
    assert ("Brenmark Gas", "funds", "Tovan Oil") not in got
    assert ("Dorvel Estates", "owns", "Kestrel Tower") in got


def test_a_foundation_named_after_a_firm_is_a_body_of_its_own():
    ents, got = drafted(
        "Kestra Pharma will build a plant in Ohio. Kestra Holdings is owned by the Kestra Pharma "
        "Foundation, which also controls Kestra Pharma. The Orvane Steel Trust gave $5 million "
        "to the Velta Institute. Orvane Steel makes rails.")
    assert {"Kestra Pharma Foundation", "Kestra Pharma", "Orvane Steel Trust", "Orvane Steel"} <= set(ents)
    assert ("Kestra Pharma Foundation", "owns", "Kestra Holdings") in got
    assert ("Kestra Pharma", "owns", "Kestra Holdings") not in got
    assert ("Orvane Steel Trust", "part_of", "Orvane Steel") not in got


def test_a_german_name_joined_by_und_is_one_name():
    ents, _ = drafted(
        "The terminal is operated by Nordwerk Hafen und Logistik AG (NHL), which is owned by the "
        "City of Kiel. Kessler Bau und Technik will build the quay.")
    assert "Nordwerk Hafen und Logistik AG" in ents
    assert "Kessler Bau und Technik" in ents
    assert not {"Nordwerk Hafen", "Logistik AG", "Kessler Bau", "Technik"} & set(ents)


def test_a_city_or_municipality_of_an_unlisted_place_is_a_government():
    ents, got = drafted(
        "Kelso Ports is majority owned by the City of Tarnby. Orvane Chips received $5 million "
        "from the Municipality of Veltrup, which is led by Mayor Ada Lind.")
    assert ents.get("City of Tarnby") == "government"
    assert ents.get("Municipality of Veltrup") == "government"
    assert ("City of Tarnby", "owns", "Kelso Ports") in got


def test_a_product_before_a_lowercase_noun_and_a_family_are_not_firms():
    ents, got = drafted(
        "Orvane Motors, which makes its Tidewall storage units in Reno, Nevada, buys cells from "
        "Kestra Cells. Lumbra Chips is controlled by its founding Halvorsen family, and Dovra "
        "Robotics sells its Quill delivery robots to Marlow Foods.")
    assert {"Orvane Motors", "Kestra Cells", "Lumbra Chips", "Dovra Robotics"} <= set(ents)
    assert ents.get("Tidewall") != "firm" and ents.get("Quill") != "firm"
    assert "Halvorsen" not in ents
    assert ("Orvane Motors", "operates_in", "Reno") in got


def test_a_spanish_body_goes_on_through_de():
    ents, _ = drafted(
        "Power will be bought by Comisión Regional de Energía (CRE), the state utility. Empresa "
        "Andina de Litio will supply brine to Orvane Metals, and Banco de Fomento Sur lent it "
        "$40 million.")
    assert "Comisión Regional de Energía" in ents
    assert "Empresa Andina de Litio" in ents
    assert not {"Comisión Regional", "Empresa Andina"} & set(ents)


def test_an_unexpanded_acronym_takes_its_type_from_the_nouns_and_lists_around_it():
    ents, _ = drafted(
        "Orvane Wind competes with KPX, the Tarnish power utility. The rotors came from Besi Tools "
        "and QRTM, and the satellites were launched by Norland's space agency NSAX. The state "
        "utility VELO wants 10 gigawatts. Ships sail under the Orla, Kappa and ZXV brands for "
        "the WTBO alliance members.")
    assert ents.get("KPX") == "firm"
    assert ents.get("QRTM") == "firm"
    assert ents.get("NSAX") == "agency"
    assert ents.get("VELO") == "firm"
    assert ents.get("ZXV", "organization") != "firm"


def test_the_government_of_a_country_is_that_country():
    ents, _ = drafted(
        "The plant was financed with $300 million from the Government of Norland and the "
        "Government of Canada. Canada also cut taxes for Orvane Cells, and Norland approved it.")
    governments = [n for n, t in ents.items() if "Canada" in n]
    assert len(governments) == 1 and ents[governments[0]] == "government"
    assert not any(t == "location" and "Government" in n for n, t in ents.items())


def test_goods_bought_are_not_a_short_name_of_a_firm():
    ents, got = drafted(
        "Tarn LNG, the export plant of Orla Gas, started loading cargoes. Kestra Power, whose "
        "company already buys LNG from Qirat Energy, signed too. Velta Motors buys EVs from "
        "Dorvel Auto, said Ana Ruiz, whose firm buys LFP cells from Kelso Cells.")
    assert {"Tarn LNG", "Kestra Power", "Qirat Energy"} <= set(ents)
    assert all(ents.get(code) not in ("firm", "organization") for code in ("LNG", "EVs", "LFP"))
    assert "LNG" not in next(e for e in draft_of(
        "Tarn LNG, the export plant of Orla Gas, started loading cargoes. Kestra Power, whose "
        "company already buys LNG from Qirat Energy, signed too.").entities
        if e.name == "Tarn LNG").aliases
    assert not any(b == "Tarn LNG" and t == "owns" for _, t, b in got)


def test_a_name_ends_at_its_abbreviated_legal_suffix():
    ents, got = drafted(
        "Orla Mobile competes with Tessin Telecom and Kappa Networks Corp. Tessin Telecom already "
        "offers a satellite service. Dorvel Power Co. Ltd supplies Orla Mobile, and Velta Energy "
        "Co. Holdings owns Dorvel Power Co. Ltd.")
    assert "Kappa Networks Corp." in ents
    assert not any(n.startswith("Kappa Networks Corp. ") for n in ents)
    assert ("Orla Mobile", "competes_with", "Kappa Networks Corp.") in got \
        or ("Kappa Networks Corp.", "competes_with", "Orla Mobile") in got
    assert "Velta Energy Co. Holdings" in ents


def test_a_unit_named_after_its_place_is_one_firm():
    ents, got = drafted(
        "Kestra Chips is building a fab in Ohio. Delays at Kestra Chips Ohio, which is led by "
        "Ana Ruiz, would push out volumes. The Norland government, through its agency NDA "
        "Norway, backed the plant. Kestra Chips Ohio fab output will rise.")
    assert ents.get("Kestra Chips Ohio") == "firm"
    assert "NDA Norway" in ents
    assert ("Ana Ruiz", "heads", "Kestra Chips Ohio") in got
    assert ("Ana Ruiz", "heads", "Kestra Chips") not in got
