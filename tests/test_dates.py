"""Date normalization and resolution as pure functions (the parser is built once)."""
from datetime import date

import pytest

from pipeline.dates import DateParser, Point, point_of
from pipeline.rules import load_rules

PARSER = DateParser(load_rules().lexicons)
PUB = date(2024, 4, 9)


def resolve(words, kind, published=PUB, narrative=None):
    return PARSER.resolve(words.split(), kind, published, narrative, "ctx")


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


def test_relative_to_publication():
    assert resolve("a decade ago", "relative_publication").value == "2014"
    assert resolve("two years ago", "relative_publication").value == "2022"
    assert resolve("last year", "relative_publication").value == "2023"
    assert resolve("this month", "relative_publication").value == "2024-04"
    assert resolve("yesterday", "relative_publication").value == "2024-04-08"
    assert resolve("three months ago", "relative_publication").value == "2024-01"


def test_relative_to_narrative():
    day = Point(date(2022, 2, 4), "day")
    year = Point(date(2023, 1, 1), "year")
    later = resolve("20 days later", "relative_narrative", narrative=day)
    assert (later.value, later.relative, later.anchor) == ("2022-02-24", True, "narrative 2022-02-04 (ctx)")
    assert resolve("the previous year", "relative_narrative", narrative=year).value == "2022"
    assert resolve("the following month", "relative_narrative", narrative=day).value == "2022-03"
    assert resolve("November", "month", narrative=year).value == "2023-11"


def test_result_never_finer_than_its_anchor():
    assert resolve("20 days later", "relative_narrative", narrative=Point(date(2022, 1, 1), "year")).value == "2022"


def test_without_publication_date_relative_stays_unresolved():
    for words, kind in [("two years ago", "relative_publication"), ("last year", "relative_publication"),
                        ("20 days later", "relative_narrative"), ("November", "month")]:
        got = resolve(words, kind, published=None)
        assert got.value == "" and got.relative


def test_point_of_reads_back_values():
    assert point_of("2022-02") == Point(date(2022, 2, 1), "month")
    assert point_of("195X") is None and point_of("1960/1989") is None


def test_tense_places_a_bare_month_or_weekday_around_publication():
    assert PARSER.resolve(["October"], "month", PUB, None, tense="past").value == "2023-10"
    assert PARSER.resolve(["October"], "month", PUB, None, tense="future").value == "2024-10"
    assert PARSER.resolve(["February"], "month", PUB, None, tense="future").value == "2025-02"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="past").value == "2024-04-05"
    assert PARSER.resolve(["Friday"], "weekday", PUB, None, tense="future").value == "2024-04-12"
    assert PARSER.resolve(["last", "Tuesday"], "weekday", PUB, None).value == "2024-04-02"


def test_weeks_and_quarters_are_intervals():
    assert resolve("last week", "relative_publication").value == "2024-04-01/2024-04-07"
    assert resolve("the third quarter of 2023", "quarter").value == "2023-07/2023-09"
    assert resolve("Q1", "quarter", narrative=Point(date(2022, 5, 1), "month")).value == "2022-01/2022-03"
