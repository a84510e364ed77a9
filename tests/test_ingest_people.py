"""People named without a title or a "said": typed by the parts of the name (invented sentences)."""

from __future__ import annotations

import pytest

from ingest_support import draft_of, entity, relations_of

PEOPLE = ["Osamu Okuda", "Maria Schmidt", "Rajesh Kumar", "Li Wei", "Ahmed Al-Rashid", "John P. Miller"]
CONTEXTS = ["We spoke to {P} about the plant.", "{P} told reporters the plant would open.",
            "According to {P}, the plant will open.", "The project is run by {P}.",
            "{P} declined to comment.", "Omega Corp. hired {P} last year.",
            "{P} has led Omega Corp. since 2019.", "Asked about costs, {P} said they would fall.",
            "Analyst {P} expects growth.", "Spokeswoman {P} said it would open."]


@pytest.mark.parametrize("context", CONTEXTS)
def test_a_name_made_of_a_given_name_and_another_is_a_person_in_any_context(context):
    for person in PEOPLE:
        d = draft_of("Omega Corp. plans a factory in Ohio.\n\n" + context.format(P=person)
                     + " Omega Corp. welcomed it.")
        assert entity(d, person).type == "person", context.format(P=person)


def test_name_parts_tell_people_from_places_and_firms_named_after_someone():
    from graph.ingest.lexicon import is_personal_name
    assert is_personal_name(["Wang", "Chuanfu"]) and is_personal_name(["Maria", "Schmidt"])
    assert not is_personal_name(["Long", "Beach"]) and not is_personal_name(["Park", "Avenue"])
    assert not is_personal_name(["Thomas", "Petroleum"])      # a sector word: a firm
    assert not is_personal_name(["Maria"])                    # one word says too little
    d = draft_of("Omega Corp. plans a factory.\n\nKappa Petroleum and Zeta Biotech will supply it.")
    assert entity(d, "Kappa Petroleum").type == "firm"


def test_a_dotted_country_code_opens_a_bodys_name_not_a_persons():
    d = draft_of("Omega Corp. plans a factory.\n\nThe plant will be regulated by the U.S. Food and "
                 "Drug Administration, whose inspectors will visit.")
    assert entity(d, "U.S. Food and Drug Administration").type == "agency"
    assert not any(e.type == "person" for e in d.entities)          # not "U.S. Food"
    assert entity(draft_of("N. Kappaswamy said so. Omega Corp. agreed."), "N. Kappaswamy").type == "person"


def test_a_person_right_after_a_verb_is_its_object_not_a_place_further_on():
    d = draft_of("Omega Corp. competes with the Zeta Group, which is controlled by Maria Kappa and "
                 "runs plants in Slovakia and Spain.")
    rels = relations_of(d)
    assert entity(d, "Maria Kappa").type == "person" and entity(d, "Slovakia")
    assert ("Maria Kappa", "owns", "Zeta Group") in rels
    assert not any(r[1] == "owns" and r[0] in ("Slovakia", "Spain") for r in rels)


def test_a_two_word_firm_name_before_said_stays_a_firm():
    for firm in ("Vantara Labs", "Zeta Therapeutics", "Kappa Steel"):
        d = draft_of(f"{firm} said it would expand. Omega Corp. agreed.")
        assert entity(d, firm).type == "firm", firm
    assert entity(draft_of("Nugroho Wibowo said it would expand. Omega Corp. agreed."),
                  "Nugroho Wibowo").type == "person"
