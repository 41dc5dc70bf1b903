"""Canonical entities: the examples and counter-examples of rules/entities.yml, and per-claim
entities on the seed article."""
from __future__ import annotations

import pytest

from pipeline.claims.nationalities import country_of_people
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


def test_a_nationality_the_model_takes_for_a_firm_or_a_place_names_its_country(resources):
    # the model tags the first "Kuwaiti" an organisation and the second a place
    assert _names(resources, "Officials said the base now holds 48 Kuwaiti jet fighters and the entire Kuwaiti air "
                             "force.") == ["Kuwait"]


@pytest.mark.parametrize("text, names", [
    # a name with its middle names cut to initials or left out takes the fullest the article gives
    ("Police named Karl R. Benning. Karl Robert Benning was charged. Karl Benning denied it.", ["Karl Robert Benning"]),
    # not a name whose middle initial is another's, nor one of two fuller names that both fit
    ("Karl R. Benning met Karl Otto Benning.", ["Karl R. Benning", "Karl Otto Benning"]),
    ("George H. W. Bush spoke after George W. Bush.", ["George H. W. Bush", "George W. Bush"]),
    ("Karl Benning met Karl Otto Benning and Karl Robert Benning.", ["Karl Benning", "Karl Otto Benning",
                                                                      "Karl Robert Benning"]),
    # given names without the surname stand for the one full name they open
    ("Jose Luis Moreno, the boy's father, flew to Lima. Relatives said Jose Luis would return on Friday.",
     ["Jose Luis Moreno", "Lima"]),
    # a surname stands for the name it closes before a generational suffix
    ("Warren T. Abbott Jr. runs the fund. Mr. Abbott said it would grow.", ["Warren T. Abbott Jr."]),
    ("Lena Hovde III chairs the board. Hovde said costs rose.", ["Lena Hovde III"]),
])
def test_a_person_is_named_in_full(resources, text, names):
    assert _names(resources, text) == names


def test_a_royal_known_by_one_name_keeps_the_title(resources):
    names = _names(resources, "Tariq Abdullah led the talks in Amman. King Abdullah of Jordan met the envoys on Tuesday.")
    assert "King Abdullah" in names and names[0] == "Tariq Abdullah"


@pytest.mark.parametrize("text, names", [
    ("Israel-Syrian talks stalled while U.S.-Japan trade grew.", ["Israel", "Syria", "United States", "Japan"]),
    # a hyphened word with any part that is no country, or inside a longer name, stays as it is
    ("Anglo-Dutch Pellmar rose, and the U.S.-Japan Business Council met.", ["Anglo-Dutch Pellmar",
                                                                           "U.S.-Japan Business Council"]),
])
def test_countries_joined_by_a_hyphen_are_each_named(resources, text, names):
    assert _names(resources, text) == names


@pytest.mark.parametrize("text, names", [
    # a parent whose one-word name opens that of a unit the article follows keeps its legal form
    ("Ashcombe Mills Inc. said net rose. Ashcombe Mills is 70%-owned by Ashcombe Co. Ashcombe Mills runs 12 plants.",
     ["Ashcombe Mills", "Ashcombe Company"]),
    # a unit named once in passing leaves the parent's name as it is said
    ("Ashcombe Co. said net rose. It sold its Ashcombe Leasing Inc. unit.", ["Ashcombe", "Ashcombe Leasing"]),
    # a form not said in full stays off
    ("Ashcombe Mills Inc. said net rose. Ashcombe Mills is 70%-owned by Ashcombe Inc. Ashcombe Mills runs 12 plants.",
     ["Ashcombe Mills", "Ashcombe"]),
])
def test_a_parent_sharing_its_unit_s_leading_word_is_named_with_its_form(resources, text, names):
    assert _names(resources, text) == names


@pytest.mark.parametrize("text, names", [
    ("The Pellham family, which controls Orla Group, sold its stake.", ["Pellham family", "Orla Group"]),
    # a person's family is the person's
    ("Ruth Adler's family sold its stake in Orla Group.", ["Ruth Adler", "Orla Group"]),
])
def test_a_family_named_by_its_surname_is_one_party(resources, text, names):
    assert _names(resources, text) == names


@pytest.mark.parametrize("text, misread, names", [
    # a capitalised common noun opening a sentence and a run of common words, read as names
    ("Permits for the visiting delegation were late. The Tarrant militia was a more or less organised rebel force.",
     [("Permits", "GPE"), ("less organised rebel", "ORG")], ["Tarrant"]),
    # a word the article writes capitalised inside a sentence too is a name wherever it stands
    ("Treasury officials met on Monday. Bonds fell after the Treasury spoke.", [("Treasury", "ORG")], ["Treasury"]),
])
def test_common_words_read_as_a_name_name_no_one(resources, text, misread, names):
    doc = resources.nlp(text)
    spans = [doc.char_span(text.index(words), text.index(words) + len(words), label=label) for words, label in misread]
    doc.ents = [*spans, *(ent for ent in doc.ents if not any(s.start < ent.end and ent.start < s.end for s in spans))]
    assert list(dict.fromkeys(e["canonical"] for e in resources.entities.canonical_entities(doc) if e["label"] != "DATE")) == names


def test_index_words_after_a_company_named_with_them_are_the_company(resources):
    text = ("Dow Jones amp Co. said its net rose 8%. Dow Jones said it sold 2,000 shares. "
            "Dow Jones fell 30 points on Friday.")
    entities = resources.entities.canonical_entities(resources.nlp(text))
    assert [(e["canonical"], e["label"]) for e in entities if e["label"] != "DATE"] == [
        ("Dow Jones", "ORG"), ("Dow Jones", "ORG"), ("Dow Jones Industrial Average", "INDEX")]


def test_a_possessive_after_a_plural_stays_in_the_name(resources):
    text = "The Farmers' Union said prices fell 4%. Putin and Xi's Unholy Alliance."
    names = [e["canonical"] for e in resources.entities.canonical_entities(resources.nlp(text))]
    assert "Farmers' Union" in names and not any("Alliance" in name for name in names)


def test_a_place_joined_by_of_to_a_firm_names_no_one(resources):
    text = "Pell Corp., of Phoenix, posted a loss. The mayor of Toronto spoke."
    names = [e["canonical"] for e in resources.entities.canonical_entities(resources.nlp(text))]
    assert "Phoenix" not in names and "Toronto" in names


def test_an_organisations_trailing_words_after_its_full_name_are_that_name(resources):
    text = "The far-right Danish People's Union must repay 300,000 marks. The People's Union will appeal."
    entities = resources.entities.canonical_entities(resources.nlp(text))
    assert [e["canonical"] for e in entities if e["text"] == "People's Union"] == ["Danish People's Union"]


def test_a_firm_the_model_reads_as_a_person_is_called_by_the_surname(resources):
    text = "Odile Brandvik Ltd. said it plans to sell shares. The issue will strengthen Brandvik's balance sheet."
    doc = resources.nlp(text)
    at = text.index("Brandvik's")
    doc.ents = [doc.char_span(0, len("Odile Brandvik Ltd."), label="PERSON"), doc.char_span(at, at + 8, label="PERSON")]
    assert list(dict.fromkeys(e["canonical"] for e in resources.entities.canonical_entities(doc))) == ["Odile Brandvik"]
