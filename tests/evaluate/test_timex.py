"""The pipeline's EDTF-style date values in TIMEX3 notation: only the notation changes."""
from __future__ import annotations

import pytest

from pipeline.evaluate.timex import canonical_timex3, timex3_spans, timex3_value


@pytest.mark.parametrize("edtf, timex3", [
    # quarters and half years: their month intervals
    ("2023-01/2023-03", "2023-Q1"), ("2023-04/2023-06", "2023-Q2"), ("2023-07/2023-09", "2023-Q3"),
    ("2023-10/2023-12", "2023-Q4"), ("2024-01/2024-06", "2024-H1"), ("2024-07/2024-12", "2024-H2"),
    # seasons, northern hemisphere; a winter is named by the year of its December
    ("1989-03/1989-05", "1989-SP"), ("1989-06/1989-08", "1989-SU"), ("1989-09/1989-11", "1989-FA"),
    ("1989-12/1990-02", "1989-WI"),
    # other runs of more than three months: the year that holds them; twelve months, the year they end in
    ("1988-01/1988-09", "1988"), ("2023-04/2023-09", "2023"), ("1988-10/1989-09", "1989"), ("2023-01/2023-12", "2023"),
    # a Monday-to-Sunday week is its ISO week, also across a year's end
    ("1998-08-10/1998-08-16", "1998-W33"), ("2024-12-30/2025-01-05", "2025-W01"),
    # a Saturday-Sunday weekend is its ISO week's weekend
    ("1990-08-11/1990-08-12", "1990-W32-WE"), ("2022-01-01/2022-01-02", "2021-W52-WE"),
    # decades and centuries
    ("195X", "195"), ("199X", "199"), ("18XX", "18"), ("20XX", "20"),
    # the same in both notations
    ("1998", "1998"), ("1998-08", "1998-08"), ("1998-08-14", "1998-08-14"), ("", ""),
    # intervals that are no single TIMEX3 period stay as they are
    ("2014/..", "2014/.."), ("../2030", "../2030"), ("1960/1989", "1960/1989"), ("2022/2023", "2022/2023"),
    ("2023-02/2023-04", "2023-02/2023-04"), ("2023-11/2024-01", "2023-11/2024-01"),
    ("2023-01/2023-02", "2023-01/2023-02"), ("2023-05/2024-02", "2023-05/2024-02"),
    ("1998-08-11/1998-08-17", "1998-08-11/1998-08-17"), ("1998-08-14/1998-08-15", "1998-08-14/1998-08-15"), ("1998-08-10/1998-08-20", "1998-08-10/1998-08-20"),
    ("196X/..", "196X/.."),
])
def test_timex3_value_changes_only_the_notation(edtf, timex3):
    assert timex3_value(edtf) == timex3


def test_an_impossible_day_interval_stays_as_it_is():
    assert timex3_value("1998-02-30/1998-03-05") == "1998-02-30/1998-03-05"


@pytest.mark.parametrize("reference, timex3", [("present", "PRESENT_REF"), ("past", "PAST_REF"), ("future", "FUTURE_REF")])
def test_a_reference_to_a_time_around_publication_is_timemls_ref(reference, timex3):
    assert timex3_value("1998-08-14" if reference == "present" else "", reference) == timex3


@pytest.mark.parametrize("text, value, spans", [
    # an open interval: the signal word that opens it is no part of the TIMEX3
    ("since 1990", "1990/..", [("1990", "1990")]), ("until Thursday", "../1999-05-06", [("Thursday", "1999-05-06")]),
    ("until 9 a.m. Tuesday", "../2000-04-04", [("9 a.m. Tuesday", "2000-04-04T09:00")]),
    ("since the 1990s", "199X/..", [("the 1990s", "199")]),
    # an interval written with both ends: one TIMEX3 for each
    ("between 1994 and 1997", "1994/1997", [("1994", "1994"), ("1997", "1997")]),
    ("Aug. 26 to Oct. 20", "1989-08-26/1989-10-20", [("Aug. 26", "1989-08-26"), ("Oct. 20", "1989-10-20")]),
    ("the 1960s to the 1980s", "1960/1989", [("1960s", "196"), ("the 1980s", "198")]),
    # one period, one TIMEX3
    ("the third quarter", "2023-07/2023-09", [("the third quarter", "2023-Q3")]),
    # a period named with the day it ends: the period, and the day in the year of its last month
    ("the six months ended Aug. 14", "1989-02/1989-08", [("the six months", "1989"), ("Aug. 14", "1989-08-14")]),
    ("the fiscal first quarter ended Sept. 30", "2023-07/2023-09",
     [("the fiscal first quarter", "2023-Q3"), ("Sept. 30", "2023-09-30")]),
    ("the quarter ending June 30, 1990", "1990-04/1990-06", [("the quarter", "1990-Q2"), ("June 30, 1990", "1990-06-30")]),
    ("the six months ended Oct. 1", "1989-04/1989-09", [("the six months", "1989"), ("Oct. 1", "1989-10-01")]),
    ("its fourth quarter ended Jan. 2", "1993-10/1993-12", [("its fourth quarter", "1993-Q4"), ("Jan. 2", "1994-01-02")]),
    # "ended" without a day to read stays one period
    ("the year ending tomorrow", "1989", [("the year ending tomorrow", "1989")]),
])
def test_an_interval_is_written_as_the_timexes_of_its_ends(text, value, spans):
    found = timex3_spans(100, text, value)
    assert [(t, v) for _, _, t, v in found] == spans
    assert all(text[start - 100:end - 100] == t for start, end, t, _ in found)


@pytest.mark.parametrize("gold, canonical", [
    ("2000-W7", "2000-W07"), ("1990-W3-WE", "1990-W03-WE"), ("196X", "196"), ("19XX", "19"),
    # already canonical, or another value: unchanged
    ("2000-W07", "2000-W07"), ("199", "199"), ("1998", "1998"), ("1989-WXX", "1989-WXX"), ("XXXX-WI", "XXXX-WI"),
])
def test_a_gold_value_written_two_ways_is_compared_in_one(gold, canonical):
    assert canonical_timex3(gold) == canonical


@pytest.mark.parametrize("text, value, timex3", [
    # a clock time: the hour and minutes, the afternoon's from 12
    ("7 a.m. Monday", "2024-03-04", "2024-03-04T07:00"), ("10:30 p.m. EST Friday", "2024-03-08", "2024-03-08T22:30"),
    ("12 a.m. Sunday", "2024-03-10", "2024-03-10T00:00"),
    # a part of the day stays out of a DATE's value, as TimeML's DATE timexes write it
    ("Tuesday night", "2024-03-05", "2024-03-05"), ("Monday morning", "2024-03-04", "2024-03-04"),
    # the day alone, or a value that is no single day: as it is
    ("Monday", "2024-03-04", "2024-03-04"), ("the 9 a.m. sessions in March", "2024-03", "2024-03"),
])
def test_a_day_written_with_its_hour_carries_it_in_timex3(text, value, timex3):
    assert [v for _, _, _, v in timex3_spans(0, text, value)] == [timex3]
@pytest.mark.parametrize("edtf, number, timex3", [
    ("1989-07/1989-09", 1, "1989-Q1"),  # the fiscal first quarter ended Sept. 30: the year it ends in
    ("1989-06/1989-08", 4, "1989-Q4"),  # not the summer
    ("1988-11/1989-01", 4, "1989-Q4"),  # a quarter across the year's end
    ("1989-07/1989-09", 0, "1989-Q3"),  # a calendar quarter
    ("1989-01/1989-09", 3, "1989"),  # only a quarter takes the number
])
def test_a_company_quarter_is_written_by_its_own_number(edtf, number, timex3):
    assert timex3_value(edtf, fiscal_quarter=number) == timex3
