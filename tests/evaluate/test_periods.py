"""Periods as day ranges: a year contains its months, a quarter its months, open intervals run on."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.evaluate.periods import compatible, contains, day_range


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-02-29", (date(2024, 2, 29), date(2024, 2, 29))),
    ("2023-02", (date(2023, 2, 1), date(2023, 2, 28))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("195X", (date(1950, 1, 1), date(1959, 12, 31))),
    ("18XX", (date(1800, 1, 1), date(1899, 12, 31))),
    ("2023-07/2023-09", (date(2023, 7, 1), date(2023, 9, 30))),
    ("1960/1989", (date(1960, 1, 1), date(1989, 12, 31))),
    ("2014/..", (date(2014, 1, 1), date.max)),
    ("../2030", (date.min, date(2030, 12, 31))),
])
def test_day_range(value, expected):
    assert day_range(value) == expected


@pytest.mark.parametrize("value", ["", "..", "../..", "2023-13", "2023-02-30", "195X-03", "2024/2023", "Q3 2023",
                                   "2023/next"])
def test_what_is_not_a_period_has_no_range(value):
    assert day_range(value) is None


@pytest.mark.parametrize(("predicted", "gold"), [
    ("2023", "2023"),
    ("2023", "2023-03"),
    ("2023-03", "2023"),
    ("2023-07/2023-09", "2023-08"),
    ("2023-08-15", "2023-07/2023-09"),
    ("2014/..", "2020"),
    ("../2030", "2023-07/2023-09"),
    ("202X", "2023"),
])
def test_one_containing_the_other_is_compatible(predicted, gold):
    assert compatible(predicted, gold) and compatible(gold, predicted)


@pytest.mark.parametrize(("predicted", "gold"), [
    ("2022", "2023"),
    ("2023", "2022-12"),
    ("2022-12/2023-02", "2023"),
    ("2014/..", "2013"),
    ("", "2023"),
    ("2023", ""),
])
def test_overlap_or_nothing_is_not_compatible(predicted, gold):
    assert not compatible(predicted, gold)


def test_containment_has_a_direction():
    assert contains("2023", "2023-03") and not contains("2023-03", "2023")
