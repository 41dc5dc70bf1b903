"""The unit of a figure's words without spaCy: SI values from the units table, and the noun a
count counts."""
import pytest

from pipeline.figures.unit_reading import UnitReader
from pipeline.rules import load_rules

READER = UnitReader(load_rules().lexicons)


@pytest.mark.parametrize("value,unit,value_si,unit_si", [
    (2615, "mile", 4208434.56, "meter"), (40, "tonne", 40000, "kilogram"), (1, "barrel", 0.158987294928, "cubic meter"),
    (1.5e6, "barrel per day", 2.76019609, "cubic meter per second"), (55e9, "cubic meter per year", 1742.8448, "cubic meter per second"),
    (300, "kilowatt hour", 1.08e9, "joule"), (20, "degree Celsius", 293.15, "kelvin"), (30, "year", 946728000, "second"),
    (600, "acre", 2428113.85344, "square meter"),
])
def test_si_conversions_from_the_units_table(value, unit, value_si, unit_si):
    converted = READER.to_si(value, unit)
    assert (converted["value_si"], converted["unit_si"]) == (pytest.approx(value_si, rel=1e-6), unit_si)


@pytest.mark.parametrize("unit", ["degree", "troop", "times", "percent", "USD", "degree Celsius per day"])
def test_units_without_an_si_equivalent(unit):
    assert READER.to_si(5, unit) == {}


def test_every_unit_name_in_the_lexicon_is_a_canonical_name_or_converts():
    lexicons = load_rules().lexicons
    names = set(lexicons["units"].values()) | set(lexicons["time_units"].values()) | set(lexicons["unit_phrases"].values())
    converts = lambda n: n in lexicons["unit_conversions"] or all(p in lexicons["unit_conversions"] for p in n.split(" per "))  # noqa: E731
    unconverted = {n for n in names if not converts(n)}
    assert unconverted == set(load_rules().lexicons["units_without_si"]), "only the units listed as having no SI value"


@pytest.mark.parametrize("word,lemma,noun", [
    ("777s", "777s", "plane"),     # a bare model number names no thing: its plural counts aircraft
    ("F-35s", "F-35s", "F-35"),    # a lettered designation names itself
    ("troops", "troop", "troop"),
    ("Swiss", "Swiss", "Swiss"),    # a name whose plural has no "s" stays whole
])
def test_the_plural_of_a_model_number_counts_what_the_number_names(word: str, lemma: str, noun: str) -> None:
    assert READER.counted_noun(word, lemma) == noun


@pytest.mark.parametrize("kind,text,lemmas,unit", [
    ("money", "$ 2 a share", "$ 2 a share", "USD/share"),
    ("money", "40 Hong Kong dollars", "40 Hong Kong dollar", "HKD"),
    ("quantity", "12 cubic meters per year", "12 cubic meter per year", "cubic meter per year"),
    ("count", "4 ferries", "4 ferry", "ferry"),
    ("count", "seventeen", "seventeen", ""),
])
def test_the_unit_of_each_kind_of_figure(kind, text, lemmas, unit):
    assert READER.unit(kind, text.split(), lemmas.split()) == unit
