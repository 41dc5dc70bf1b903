"""Relative expressions moved from the publication date or the narrative's last date."""
from datetime import date

import pytest

from tests.time.date_fixture import resolve
from pipeline.time.points import Point


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
    # a counted shift keeps the anchor's month; a calendar unit named from the anchor is the unit
    assert resolve("a year earlier", "relative_narrative", narrative=day).value == "2021-02"
    assert resolve("the following year", "relative_narrative", narrative=day).value == "2023"
    assert resolve("later that year", "relative_narrative", narrative=day).value == "2022"
    assert resolve("November", "month", narrative=year).value == "2023-11"


def test_a_count_that_says_no_number_is_vague():
    several = resolve("several years ago", "relative_publication")
    assert (several.value, several.modifier, several.reference) == ("", "vague", "past")
    few = resolve("a few days later", "relative_narrative", narrative=Point(date(2022, 2, 4), "day"))
    assert (few.value, few.modifier, few.reference) == ("", "vague", "")
    assert resolve("two years ago", "relative_publication").modifier == ""


def test_result_never_finer_than_its_anchor():
    assert resolve("20 days later", "relative_narrative", narrative=Point(date(2022, 1, 1), "year")).value == "2022"


def test_without_publication_date_relative_stays_unresolved():
    for words, kind in [("two years ago", "relative_publication"), ("last year", "relative_publication"),
                        ("20 days later", "relative_narrative"), ("November", "month")]:
        got = resolve(words, kind, published=None)
        assert got.value == "" and got.relative


def test_weeks_are_intervals():
    assert resolve("last week", "relative_publication").value == "2024-04-01/2024-04-07"


def test_a_reporting_period_moves_whole(extract):
    text = ("Revenue rose to $1.82 billion in the three months ended September 30, from $1.36 billion a year "
            "earlier. Unemployment was 4.2 per cent in the three months to August, up 0.3 points on the "
            "previous quarter.")
    dates = {d.text: d.value for d in extract(text, published="2024-11-06").dates}
    assert dates["a year earlier"] == "2023-07/2023-09"
    assert dates["the previous quarter"] == "2024-03/2024-05"


@pytest.mark.parametrize("text", ["2014 centuries ago", "2014 century ago", "9000 years later", "3000000 days ago"])
def test_a_shift_beyond_the_calendar_stays_unresolved(extract, text):
    extraction = extract(f"It began {text}, the report said.")
    assert all(d.value == "" for d in extraction.dates if d.text.endswith(("ago", "later")))
