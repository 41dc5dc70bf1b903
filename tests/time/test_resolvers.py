"""Written dates and named periods resolved by their resolver, through the parser (built once)."""
from datetime import date

import pytest

from tests.time.date_fixture import PARSER, PUB, resolve
from pipeline.time.points import Point


@pytest.mark.parametrize("words,value", [
    ("February 4 , 2022", "2022-02-04"), ("4 Feb. 2022", "2022-02-04"), ("March 2023", "2023-03"),
    ("2022 - 02 - 04", "2022-02-04"), ("Feb. 4th 2022", "2022-02-04"),
])
def test_absolute_dates(words, value):
    assert resolve(words, "absolute").value == value


def test_years_decades_intervals():
    assert resolve("early 2024", "year").value == "2024"
    assert resolve("early 2024", "year").modifier == "early"
    assert resolve("the 1950s", "decade").value == "195X"
    assert resolve("mid-2010s", "decade").value == "201X"
    assert resolve("the 1960s to the 1980s", "interval").value == "1960/1989"
    assert resolve("between 2014 and 2022", "interval").value == "2014/2022"


def test_tense_places_a_bare_month_or_weekday_around_publication():
    assert PARSER.resolve(["October"], "month", PUB, None, tense="past").value == "2023-10"
    assert PARSER.resolve(["October"], "month", PUB, None, tense="future").value == "2024-10"
    assert PARSER.resolve(["February"], "month", PUB, None, tense="future").value == "2025-02"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="past").value == "2024-04-05"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="future").value == "2024-04-12"
    assert PARSER.resolve(["last", "Tuesday"], "weekday", PUB, None).value == "2024-04-02"


def test_quarters_are_intervals():
    assert resolve("the third quarter of 2023", "quarter").value == "2023-07/2023-09"
    assert resolve("Q1", "quarter", narrative=Point(date(2022, 5, 1), "month")).value == "2022-01/2022-03"


def test_a_day_the_month_does_not_have_stays_unresolved(extract):
    assert PARSER.resolve(["June", "31"], "month", PUB, None).value == ""
    assert PARSER.resolve(["February", "30"], "month", PUB, None, tense="past").value == ""
    assert [d.value for d in extract("The deal closed on June 31.").dates] == [""]
