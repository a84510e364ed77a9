"""Round 7 review defects (issue #14, mend9a) on invented sentences with fictional names: "left"
that is not leaving the post, "Government of <country>", "ships" as a noun or with "no" goods,
"Customers of <firm>" at the start of a sentence."""

from __future__ import annotations

import pytest

from ingest_support import draft_of, relations_of


def drafted(text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Entity name -> type, and relations: absence tests first check the ends were drafted."""
    d = draft_of(text)
    return {e.name: e.type for e in d.entities}, relations_of(d)


@pytest.mark.parametrize("text", [
    "Ana Soto, the chief executive of Vantara Labs, left for talks in Lyon.",
    "Ana Soto, the chief executive of Vantara Labs, left the meeting early.",
    "Ana Soto, the chief executive of Vantara Labs, has left the door open to a sale.",
    "Vantara Labs chief executive Ana Soto left Lyon for Paris on Monday.",
])
def test_leaving_a_place_or_a_meeting_keeps_the_post(text):
    ents, rels = drafted(text)
    assert ents.get("Ana Soto") == "person" and ents.get("Vantara Labs") == "firm"
    assert ("Ana Soto", "heads", "Vantara Labs") in rels


@pytest.mark.parametrize("text", [
    "Ana Soto, the chief executive of Vantara Labs, left the company in May.",
    "Vantara Labs chief executive Ana Soto left Vantara Labs in 2023.",
    "Ana Soto, the chief executive of Vantara Labs, left in March.",
    "Ana Soto, the chief executive of Vantara Labs, left.",
    "Ana Soto, the chief executive of Vantara Labs, left to join Brevik Motors.",
    "Ana Soto, the chief executive of Vantara Labs, left after six years.",
])
def test_leaving_the_post_still_drops_it(text):
    ents, rels = drafted(text)
    assert ents.get("Ana Soto") == "person" and ents.get("Vantara Labs") == "firm"
    assert ("Ana Soto", "heads", "Vantara Labs") not in rels


def test_government_of_a_country_is_that_country():
    ents, _ = drafted("Funding came from the Government of Canada.")
    assert ents == {"Canada": "government"}
    ents, rels = drafted("Vantara Labs won a grant from the Government of the Netherlands. "
                         "The Netherlands also backed Brevik Motors.")
    assert ents.get("Netherlands") == "government" and "Government of the Netherlands" not in ents
    assert ("Netherlands", "funds", "Vantara Labs") in rels


@pytest.mark.parametrize("text", [
    "Vantara Labs builds the ships that sail to Brevik Motors' ports.",
    "Vantara Labs ships no nickel to Brevik Motors.",
    "Vantara Labs repairs their container ships that sail to Brevik Motors' ports.",
])
def test_ships_as_a_noun_or_with_no_goods_is_no_supply(text):
    ents, rels = drafted(text)
    assert ents.get("Vantara Labs") == "firm" and ents.get("Brevik Motors") == "firm"
    assert ("Vantara Labs", "supplies", "Brevik Motors") not in rels


@pytest.mark.parametrize("text", [
    "Vantara Labs ships nickel to Brevik Motors.",
    "Vantara Labs, which also ships nickel to Brevik Motors, grew.",
])
def test_ships_as_a_verb_still_supplies(text):
    assert ("Vantara Labs", "supplies", "Brevik Motors") in drafted(text)[1]


def test_customers_of_a_firm_opening_a_sentence_is_no_name():
    ents, rels = drafted("Customers of Vantara Systems include Orlen Digital and Brevik Motors.")
    assert "Customers of Vantara Systems" not in ents
    assert ents.get("Vantara Systems") == "firm"
    assert {("Vantara Systems", "supplies", "Orlen Digital"),
            ("Vantara Systems", "supplies", "Brevik Motors")} <= rels
    ents, rels = drafted("Suppliers of Vantara Systems include Orlen Digital.")
    assert "Suppliers of Vantara Systems" not in ents
    assert ("Orlen Digital", "supplies", "Vantara Systems") in rels
