"""The fallback unit resolver: quantulum3 names units the lexicons lack, and its known misreadings
never reach the table."""
import pytest

from pipeline.rules import load_rules
from pipeline.units import UnitResolver

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
])
def test_known_misreadings_are_refused(text, value):
    assert RESOLVER.resolve(text, value) == ""


def test_repeated_spans_are_parsed_once():
    resolver = UnitResolver(load_rules().lexicons)
    for _ in range(3):
        resolver.resolve("40 knots", 40)
    assert resolver.resolve.cache_info().hits == 2


def test_a_count_of_a_measure_becomes_a_quantity(extract):
    figure = next(f for f in extract("The frigate sails at 40 knots.").figures)
    assert (figure.kind, figure.unit, figure.rules) == ("quantity", "knot", ("count-digits-noun", "unit-resolver"))
