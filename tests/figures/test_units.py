"""The fallback unit resolver: quantulum3 names units the lexicons lack, and its known misreadings
never reach the table."""
import pytest

from pipeline.rules import load_rules
from pipeline.figures.units import UnitResolver, may_read_unit

RESOLVER = UnitResolver(load_rules().lexicons)


@pytest.mark.parametrize("text,value,unit", [("40 knots", 40, "knot"), ("5 terabytes", 5, "terabyte"),
                                             ("120 decibels", 120, "decibel")])
def test_names_physical_units_the_lexicons_lack(text, value, unit):
    assert RESOLVER.resolve(text, value) == unit


@pytest.mark.parametrize("text,value", [
    ("€2.5bn", 2.5e9),          # a scale suffix read as units ("euro barn newton")
    ("2019", 2019),             # a year read as a quantity
    ("2012-13", 2012),          # a year span averaged into a range
    ("45 minutes", 45),         # time read as an angle ("minute of arc")
    ("300 troops", 300),        # a count, dimensionless
    ("40 knots", 41),           # a value that differs from the rules' reading
    ("96 Apache helicopters", 96),
    ("25 gals", 25),            # galileos, a unit no news text means
])
def test_known_misreadings_are_refused(text, value):
    assert RESOLVER.resolve(text, value) == ""


def test_repeated_spans_are_parsed_once():
    resolver = UnitResolver(load_rules().lexicons)
    for _ in range(3):
        resolver.resolve("40 knots", 40)
    assert resolver.resolve.cache_info().hits == 2


def test_a_count_of_a_measure_becomes_a_quantity(extract):
    figure = next(f for f in extract("The jet engine reached 120 decibels.").figures)
    assert (figure.kind, figure.unit, figure.rules) == ("quantity", "decibel", ("count-number-noun", "unit-resolver"))


def test_a_plural_unit_symbol_that_spells_a_currency_code_is_the_unit(extract):
    figure = next(f for f in extract("The ferry carried 450 kgs of rice.").figures)
    assert (figure.text, figure.kind, figure.unit) == ("450 kgs", "quantity", "kilogram")


def test_spans_quantulum3_reads_as_units_pass_the_quick_test():
    """Every span quantulum3 reads as one quantity of a listed entity passes ``may_read_unit``,
    which only lets the parser be skipped: here for each such unit's first name and symbol."""
    import warnings

    from quantulum3 import load, parser

    accepted = set(RESOLVER.entities)
    read = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for unit in load.units("en_US").names.values():
            if unit.entity.name not in accepted:
                continue
            for form in [*list(unit.surfaces)[:1], *list(unit.symbols)[:1]]:
                for text in (f"40 {form}", f"twelve {form}", f"7 {form}/s"):
                    quantities = parser.parse(text)
                    if len(quantities) == 1 and quantities[0].surface == text \
                            and quantities[0].unit.entity.name in accepted:
                        read += 1
                        assert may_read_unit(text), text
    assert read > 500


@pytest.mark.parametrize("text", ["40 goals", "300 troops", "96 AH-64E Apache attack helicopters", "1.6 million households"])
def test_counted_nouns_that_are_no_unit_are_not_parsed(text):
    assert not may_read_unit(text)


@pytest.mark.parametrize("text", ["40 knots", "5 km/h", "twelve feet", "3°C", "2 mb/d", "40°"])
def test_unit_spans_are_parsed(text):
    assert may_read_unit(text)


@pytest.mark.parametrize("text,figure,unit", [
    ("The new sensor captures 240 frames per second.", "240 frames per second", "frame per second"),
    ("The guard averaged 26.1 points per game this season.", "26.1 points per game", "point per game"),
    ("Storage now costs $98 per kilowatt-hour.", "$98 per kilowatt-hour", "USD/kilowatt hour"),
    ("The state fixed the price at Rs 2,250 per quintal.", "Rs 2,250 per quintal", "INR/quintal"),
])
def test_the_unit_after_per_is_whole_and_may_be_any_noun(extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit
