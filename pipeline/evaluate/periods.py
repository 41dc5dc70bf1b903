"""Periods as the claims table writes them (EDTF-style), as day ranges: does one contain the other?

A fact-checker can look up a figure given for "2023-03" in a table of 2023 (the year contains the
month), and one given for "2023-08" in a third-quarter table ("2023-07/2023-09"), but not one of
2022. Values: a day "2022-02-04", a month "2023-03", a year "2024", a decade "195X", a century
"18XX", an interval "1960/1989" or "2023-07/2023-09", open intervals "2014/.." and "../2030".
"""
from __future__ import annotations

import calendar
import re
from datetime import date

_POINT = re.compile(r"^(\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2})(?:-(\d{2}))?)?$")
_OPEN = ".."

DayRange = tuple[date, date]
"""First and last day of a period, both included."""


def day_range(value: str) -> DayRange | None:
    """The days a period covers, or None for a value that is not a period ("" or "next week?").

    "2023" -> 2023-01-01..2023-12-31; "195X" -> 1950-01-01..1959-12-31; "2014/.." has no last day
    (date.max), "../2030" no first day (date.min).
    """
    if "/" in value:
        first, _, last = value.partition("/")
        lower = (date.min, date.min) if first == _OPEN else _point_range(first)
        upper = (date.max, date.max) if last == _OPEN else _point_range(last)
        if lower is None or upper is None or first == last == _OPEN or lower[0] > upper[1]:
            return None
        return lower[0], upper[1]
    return _point_range(value)


def contains(outer: str, inner: str) -> bool:
    """Every day of ``inner`` is in ``outer``: "2023" contains "2023-03" and itself."""
    outer_days, inner_days = day_range(outer), day_range(inner)
    if outer_days is None or inner_days is None:
        return False
    return outer_days[0] <= inner_days[0] and inner_days[1] <= outer_days[1]


def compatible(predicted: str, gold: str) -> bool:
    """One period contains the other, so the figure can be checked against the right table:
    "2023-07/2023-09" and "2023-08" are compatible, "2023" and "2022-12" are not."""
    return contains(predicted, gold) or contains(gold, predicted)


def _point_range(value: str) -> DayRange | None:
    """A day, month, year, decade or century as its first and last day."""
    found = _POINT.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    first_year, last_year = int(year.replace("X", "0")), int(year.replace("X", "9"))
    if month is None:
        return date(first_year, 1, 1), date(last_year, 12, 31)
    if "X" in year or not 1 <= int(month) <= 12:
        return None
    last_day = calendar.monthrange(first_year, int(month))[1]
    if day is None:
        return date(first_year, int(month), 1), date(first_year, int(month), last_day)
    if not 1 <= int(day) <= last_day:
        return None
    moment = date(first_year, int(month), int(day))
    return moment, moment
