"""Whose a figure about an event is (pipeline/claims/event_parties.py), the country a town is in
(towns.py) and whose a restated or broken-down group is (figure_groups.py), on sentences written
for these tests."""
from __future__ import annotations

import json

import pytest

from pipeline.claims.towns import _cities_file, country_of_town, read_towns
from tests.claims.claims_fixture import claims_by_text


@pytest.mark.parametrize("text, figure, entities", [
    # a toll told in a sentence of its own is the attack's, not the reporting body's
    ("Car bombs hit the Swedish consulates in Lagos and Accra on Monday. At least 40 people were killed and "
     "more than 300 injured, police said.", "300", "Sweden; Nigeria; Ghana"),
    ("The explosion in Mombasa happened at about noon. At least 21 people died and 90 were wounded there, "
     "Red Crescent officials said.", "21 people", "Kenya"),
    # an event subject gives its parties first; the people the figure counts add their own
    ("Police named Tomas Varga as the planner of the two bombings of Swedish consulates in Ghana and Togo. "
     "The May 2 bombings killed more than 80 people, including 9 Kenyans.", "80 people", "Sweden; Ghana; Togo; Kenya"),
    ("Police named Tomas Varga as the planner of the two bombings of Swedish consulates in Ghana and Togo. "
     "The May 2 bombings killed more than 80 people, including 9 Kenyans.", "9 Kenyans", "Kenya"),
    # a noun naming the event by a word before it, and an event that struck an organisation's office
    ("A truck bomb attack at the Swedish consulate in Accra killed 19 people.", "19 people", "Sweden; Ghana"),
    # an event in the figure's own clause, with where it struck
    ("More than 90 people were killed and more than 900 others wounded in the blasts beside the Swedish "
     "consulates in Ghana and Togo on Monday.", "900 others", "Sweden; Ghana; Togo"),
    ("Ferries ran as usual. Also on Monday, at least four people died in an explosion that went off near "
     "the Swedish embassy in Mombasa.", "four people", "Sweden; Kenya"),
    ("A car bomb tore through the Orla Mining office in Mombasa on Monday. At least 14 guards were killed.",
     "14 guards", "Orla Mining; Kenya"),
    # a count in one of the places the event struck keeps that place alone
    ("Car bombs hit the Swedish consulates in Lagos, Nigeria, and Accra, Ghana, on Monday, killing 80 people. Of "
     "those killed, 14 died in Ghana.", "14", "Sweden; Ghana"),
    ("Car bombs hit the Swedish consulates in Lagos and Accra on Monday. Of those killed, 14 died in Accra.", "14",
     "Sweden; Ghana"),
    # the number of casualties a clause gives is the event's as well
    ("Car bombs hit the Swedish consulates in Lagos and Accra on Monday. Police said the number of dead rose to 30.",
     "30", "Sweden; Nigeria; Ghana"),
    # a toll going on from what the event struck in the same sentence
    ("A car bomb hit the Swedish consulate in Accra on Monday, killing 40 people.", "40 people", "Sweden; Ghana"),
    # a country's embassy stands for the country
    ("A truck bomb exploded outside the U.S. Embassy in Accra on Monday. At least 30 people were killed.",
     "30 people", "United States; Ghana"),
])
def test_a_figure_about_an_event_is_whose_the_event_is(resources, text, figure, entities):
    assert claims_by_text(resources, text)[figure].entities == entities


@pytest.mark.parametrize("text, figure, countries", [
    # a storm or a crash in a town only says where; so does a victim's home town
    ("A storm hit the port of Tromso on Monday. At least 12 people were killed.", "12 people", ["Norway"]),
    ("The killing of Dana Kell, a nurse in Leeds, has become an issue in three campaigns.", "three campaigns",
     ["United Kingdom"]),
    # an event told as a new one ("a bombing") is not the one told before
    ("The bombings at the Swedish consulates in Ghana and Togo killed 80 people. The team includes a nurse who "
     "worked in Leeds, where 20 people died in a bombing in 1999.", "20 people", ["Sweden", "Ghana", "Togo"]),
    # nor a town a storm struck, told in the same sentence as its toll
    ("A storm hit the Swedish consulate in Accra on Monday, killing 40 people.", "40 people", ["Ghana"]),
    # a town two countries share names neither
    ("A bomb blast hit a market in Valencia on Sunday. At least 12 people were killed.", "12 people",
     ["Spain", "Venezuela"]),
])
def test_a_town_that_only_says_where_names_no_country(resources, text, figure, countries):
    named = claims_by_text(resources, text)[figure].entities.split("; ")
    assert not set(countries) & set(named)


def test_a_group_named_again_and_broken_down_keeps_whose_it_was(resources):
    claims = claims_by_text(resources, "Tanzanian police said on Monday they had arrested 11 foreigners. The 11 "
                                       "foreigners, five Yemenis, four Somalis and two Libyans, were detained.")
    assert [claims[f].entities for f in ("five Yemenis", "four Somalis", "two Libyans")] == [
        "Tanzania; Yemen", "Tanzania; Somalia", "Tanzania; Libya"]


def test_who_made_what_a_figure_counts_owns_it(resources):
    claims = claims_by_text(resources, "A list of 40 people issued by the Kenyan government on Friday included "
                                       "Maria Soto, the head of Chile's senate.")
    assert claims["40 people"].entities == "Kenya"


@pytest.mark.parametrize("town, country", [
    ("Mombasa", "Kenya"), ("Dar es Salaam", "Tanzania"), ("Porto", "Portugal"),
    ("Valencia", None),  # Spain's and Venezuela's
    ("Lebanon", None),  # a town in the United States, and a country
    ("Nowhereville", None),
])
def test_a_town_is_in_the_country_geonames_gives_it(town, country):
    assert country_of_town(town) == country


def _parsed_whole(text: str) -> dict[str, list[tuple[int, str]]]:
    towns: dict[str, list[tuple[int, str]]] = {}
    for city in json.loads(text).values():
        towns.setdefault(city["name"].lower(), []).append((int(city["population"]), city["countrycode"]))
    return {name: sorted(places, reverse=True) for name, places in towns.items()}


def test_the_towns_read_field_by_field_are_those_of_the_whole_file():
    text = _cities_file().read_text(encoding="utf-8")
    assert read_towns(text) == _parsed_whole(text)


def test_a_cities_file_in_another_layout_is_read_whole():
    cities = {"1": {"geonameid": 1, "name": "Port Alvar", "countrycode": "NZ", "population": 40000},
              "2": {"geonameid": 2, "population": 90000, "name": "Port Alvar", "countrycode": "AU"},
              "3": {"geonameid": 3, "name": "S\u00e3o Brento", "countrycode": "BR", "population": 21000}}
    text = json.dumps(cities)
    assert read_towns(text) == _parsed_whole(text) == {"port alvar": [(90000, "AU"), (40000, "NZ")],
                                                      "são brento": [(21000, "BR")]}


@pytest.mark.parametrize("text, figure, entities", [
    # a people counted in a country are that country's, not the body that speaks of them
    ("The African Union said Friday it will look into the massacre of more than 8,000 minority Kurds in Syria "
     "nearly four years ago.", "8,000 minority Kurds", "Syria"),
    # nationals in another country are both countries'
    ("The embassy said the 2,500 Americans in Kuwait were safe.", "2,500 Americans", "United States; Kuwait"),
])
def test_a_people_counted_in_a_country_are_the_country_s(resources, text, figure, entities):
    assert claims_by_text(resources, text)[figure].entities == entities
