"""Canonical entities: the examples and counter-examples of rules/entities.yml, and per-claim
entities on the seed article."""
from __future__ import annotations

import pytest

from pipeline.claims.entities import country_of_people
from pipeline.rules import load_rules

TABLE = load_rules().tables["entities"]


def _names(resources, text: str) -> list[str]:
    entities = resources.entities.canonical_entities(resources.nlp(text))
    return list(dict.fromkeys(e["canonical"] for e in entities))


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["text"][:40])
def test_entity_example(example, resources, extract):
    if "entities" in example:
        assert _names(resources, example["text"]) == example["entities"]
    rows = {c.text: c.entities for c in extract(example["text"]).claims} if "figures" in example else {}
    for figure, owners in example.get("figures", {}).items():
        assert rows[figure] == owners, figure


@pytest.mark.parametrize("example", TABLE["counter_examples"], ids=lambda e: e["text"][:40])
def test_entity_counter_example(example, resources, extract):
    names = _names(resources, example["text"])
    assert not set(names) & set(example.get("not", ())), names
    rows = {c.text: c.entities for c in extract(example["text"]).claims} if "figures_not" in example else {}
    for figure, others in example.get("figures_not", {}).items():
        assert not set(rows[figure].split("; ")) & set(others), (figure, rows[figure])


def test_claim_entities_leave_out_dating_events_and_other_clauses(extract):
    text = ("As a result, the share of bilateral trade between the countries in Russia’s overall trade "
            "jumped from ten percent before the annexation of Crimea to 18 percent before Putin’s "
            "full-scale onslaught against Ukraine in 2022. The EU remained a more important partner for "
            "Russia, however, accounting for 38 percent of the country’s trade.")
    rows = {c.text: c.entities for c in extract(text).claims}
    assert rows["ten percent"] == "Russia"
    assert rows["18 percent"] == "Russia"
    assert rows["38 percent"] == "EU; Russia"


@pytest.mark.parametrize("word, country", [
    ("Indonesian", "Indonesia"), ("Belgian", "Belgium"), ("Kenyans", "Kenya"), ("South African", "South Africa"),
    ("Spanish", "Spain"), ("Iraqi", "Iraq"), ("Iranian", "Iran"),
    # a word that only starts like a country, or fits none or several, names no country
    ("Liberal", None), ("Roman", None), ("Dutch", None), ("Muslim", None),
])
def test_a_nationality_names_the_country_cldr_gives_it(word, country):
    assert country_of_people(word) == country
