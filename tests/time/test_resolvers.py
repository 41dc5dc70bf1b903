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


@pytest.mark.parametrize("weekday,tense,value", [
    # published on Tuesday 2024-04-09: a past clause looks back, a future one ahead, the rest nearest
    ("Tuesday", "past", "2024-04-09"), ("Tuesday", "future", "2024-04-09"), ("Tuesday", "", "2024-04-09"),
    ("Thursday", "past", "2024-04-04"), ("Thursday", "future", "2024-04-11"), ("Thursday", "", "2024-04-11"),
    ("Sunday", "past", "2024-04-07"), ("Sunday", "present", "2024-04-07"), ("Saturday", "", "2024-04-06"),
])
def test_a_bare_weekday_is_placed_by_the_tense_of_its_clause(weekday, tense, value):
    assert PARSER.resolve([weekday], "weekday", PUB, None, tense=tense).value == value


def test_next_and_last_weekdays_are_never_the_publication_day():
    assert PARSER.resolve(["next", "Tuesday"], "weekday", PUB, None, tense="past").value == "2024-04-16"
    assert PARSER.resolve(["last", "Tuesday"], "weekday", PUB, None, tense="future").value == "2024-04-02"


def test_the_previous_or_following_weekday_counts_from_the_day_told_of_last():
    friday = Point(date(2024, 4, 5), "day")
    assert PARSER.resolve(["the", "previous", "Friday"], "weekday", PUB, friday).value == "2024-03-29"
    assert PARSER.resolve(["the", "following", "Monday"], "weekday", PUB, friday).value == "2024-04-08"
    # without a day told of, from publication; "last Friday" always from publication
    assert PARSER.resolve(["the", "previous", "Friday"], "weekday", PUB, None).value == "2024-04-05"
    assert PARSER.resolve(["last", "Friday"], "weekday", PUB, Point(date(2024, 3, 1), "day")).value == "2024-04-05"


@pytest.mark.parametrize("words,tense,value", [
    # a day a past clause would put more than ten months back is the nearest one: a deadline
    (["Nov.", "6"], "past", "2023-11-06"), (["April", "12"], "past", "2024-04-12"),
    (["May", "2"], "past", "2024-05-02"), (["July", "20"], "past", "2023-07-20"),
    # a future clause looks ahead, however far
    (["April", "2"], "future", "2025-04-02"), (["Dec.", "20"], "future", "2024-12-20"),
    # without a tense, the nearest
    (["May"], "", "2024-05"), (["November"], "", "2023-11"), (["April", "2"], "", "2024-04-02"),
    # a whole month keeps to the tense's side
    (["May"], "past", "2023-05"), (["March"], "future", "2025-03"), (["October"], "future", "2024-10"),
])
def test_a_month_or_day_without_its_year_is_the_nearest_the_tense_allows(words, tense, value):
    assert PARSER.resolve(words, "month", PUB, None, tense=tense).value == value


def test_references_to_now_the_past_and_the_future():
    now = PARSER.resolve(["now"], "present_ref", PUB, None)
    assert (now.value, now.relative, now.reference, now.point) == ("2024-04-09", True, "present", None)
    assert PARSER.resolve(["now"], "present_ref", None, None).value == ""
    recently = PARSER.resolve(["recently"], "past_ref", PUB, None)
    assert (recently.value, recently.modifier, recently.reference) == ("", "vague", "past")
    assert PARSER.resolve(["soon"], "future_ref", PUB, None).reference == "future"


def test_quarters_are_intervals():
    assert resolve("the third quarter of 2023", "quarter").value == "2023-07/2023-09"
    assert resolve("Q1", "quarter", narrative=Point(date(2022, 5, 1), "month")).value == "2022-01/2022-03"


def test_a_day_the_month_does_not_have_stays_unresolved(extract):
    assert PARSER.resolve(["June", "31"], "month", PUB, None).value == ""
    assert PARSER.resolve(["February", "30"], "month", PUB, None, tense="past").value == ""
    assert [d.value for d in extract("The deal closed on June 31.").dates] == [""]


def test_a_written_date_is_read_by_dateparser_once_per_wording(monkeypatch):
    calendar = PARSER.words.calendar
    reads = []
    original = type(calendar).get_date_data

    def counted(self, text, *args, **kwargs):
        reads.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(type(calendar), "get_date_data", counted)
    first, again = resolve("June 17 , 2031", "absolute"), resolve("June 17 , 2031", "absolute")
    assert first.value == again.value == "2031-06-17" and reads.count("June 17 , 2031") <= 1
