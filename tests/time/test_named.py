"""Dates named in words: holidays from the holidays library's calendars, years and decades said aloud."""
from datetime import date

import pytest

from pipeline.rules import load_rules
from pipeline.time.named import holiday_days
from tests.time.date_fixture import PARSER, PUB


@pytest.mark.parametrize("name", [*load_rules().lexicons["holiday_names"],
                                  *(f"{n} day" for n in load_rules().lexicons["holiday_day_names"]),
                                  "new year's day", "new year's eve", "christmas eve"])
def test_every_holiday_the_rules_name_is_in_a_calendar(name):
    assert len(holiday_days(name, 2024)) == 1


def test_a_name_no_calendar_knows_has_no_day():
    assert holiday_days("founders day", 2024) == [] and holiday_days("doris", 2024) == []


@pytest.mark.parametrize("words, tense, value", [
    # published on 2024-04-09: Thanksgiving falls on the fourth Thursday of November
    ("Thanksgiving Day", "past", "2023-11-23"), ("Thanksgiving", "future", "2024-11-28"),
    ("Christmas", "", "2023-12-25"),  # the nearest, without a tense
    ("Easter", "past", "2024-03-31"), ("last Christmas", "future", "2023-12-25"), ("next Easter", "past", "2025-04-20"),
    ("New Year 's Eve", "past", "2023-12-31"), ("Boxing Day", "future", "2024-12-26"),
])
def test_a_holiday_is_placed_next_to_publication_by_tense(words, tense, value):
    assert PARSER.resolve(words.split(), "holiday", PUB, None, tense=tense).value == value


def test_a_holiday_without_a_publication_date_or_a_calendar_stays_empty():
    assert PARSER.resolve(["Christmas"], "holiday", None, None).value == ""
    assert PARSER.resolve(["Founders", "Day"], "holiday", PUB, None).value == ""


@pytest.mark.parametrize("words, value", [
    ("nineteen ninety - six", "1996"), ("nineteen seventy - nine", "1979"), ("nineteen oh five", "1905"),
    ("eighteen sixty", "1860"), ("twenty twenty", "2020"), ("the year two thousand", "2000"),
    ("the year two thousand and one", "2001"), ("January nineteen ninety - seven", "1997-01"),
])
def test_a_year_said_aloud(words, value):
    assert PARSER.resolve(words.split(), "spoken_year", PUB, None).value == value


@pytest.mark.parametrize("words, published, value", [
    ("the nineties", date(1998, 3, 3), "199X"), ("the twenties", date(1998, 3, 3), "192X"),
    ("the twenties", PUB, "202X"), ("the sixties", PUB, "196X"), ("the nineties", None, "199X"),
])
def test_a_decade_said_in_words_is_the_latest_of_its_name(words, published, value):
    assert PARSER.resolve(words.split(), "spoken_decade", published, None).value == value
