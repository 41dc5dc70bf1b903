"""Resolved dates: points in time, their EDTF values, and how the anchor column names an anchor.

Values: a day "2022-02-04", a month "2023-03", a year "2024", a decade "195X", an interval
"1960/1989", open intervals "2014/.." and "../2030".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

YEAR = re.compile(r"^(1[5-9]|2[01])\d\d$")
"""A word that is a year of the calendar the articles write about ("1935", "2024")."""

GRANULARITY = {"day": 3, "month": 2, "year": 1}


@dataclass(frozen=True)
class Point:
    """A resolved date and how precise it is ("day", "month" or "year"). A reporting period
    ("the third quarter", "the three months to August") also keeps its length in ``months``, so
    "a year earlier" or "the previous quarter" after it is a period of the same length. A quarter of
    a company's own year keeps its number in ``fiscal_quarter`` ("the fiscal first quarter ended
    Sept. 30" is July to September, quarter 1), and so do the periods moved from it ("a year
    earlier"); 0 for a calendar quarter or any other period."""

    day: date
    granularity: str
    months: int = 0
    fiscal_quarter: int = 0

    def edtf(self) -> str:
        """The value at the point's precision: "2022-02-04", "2022-02" or "2022"."""
        if self.granularity == "day":
            return self.day.isoformat()
        if self.granularity == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return f"{self.day.year:04d}"


@dataclass(frozen=True)
class Resolution:
    """What a resolver makes of one time expression, which its DateMention is made from: "20 days
    later" after "February 4, 2022" is "2022-02-24", relative, anchored on "narrative 2022-02-04
    (February 4, 2022)". ``value`` is "" with nothing to resolve against ("last year" in an
    article without a date) or nothing to resolve ("recently")."""

    value: str
    relative: bool = False
    anchor: str = ""
    modifier: str = ""
    point: Point | None = None
    """The value as a point in time, when it is one, so later expressions can anchor on it."""
    reference: str = ""
    """"present", "past" or "future" for a reference to a time around publication rather than a
    calendar date ("now", "recently", "soon"): TimeML's PRESENT_REF, PAST_REF, FUTURE_REF."""


def point_of(value: str) -> Point | None:
    """Read back a day, month or year value; intervals and decades are not points."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        return None
    year, month, day = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    return Point(date(year, month, day), ("year", "month", "day")[len(parts) - 1])


def coarsen(point: Point, anchor: Point) -> Point:
    """A result is never more precise than its anchor ("20 days after 2022" is only "2022")."""
    if GRANULARITY[anchor.granularity] < GRANULARITY[point.granularity]:
        return Point(point.day, anchor.granularity)
    return point


def published_anchor(published: date | None) -> tuple[Point | None, str]:
    """The publication date as an anchor, and how the anchor column names it ("published
    2024-04-09"), for "a decade ago" and a month named without its year."""
    return (Point(published, "day"), f"published {published.isoformat()}") if published else (None, "")


def published_as(value: str, published: date) -> str:
    """The publication day cut to the precision of a value, so that the two compare as periods:
    published 2031-05-20, "in May" ("2031-05") is compared with "2031-05" and is neither before
    nor after it, so "sales in May" are not over by publication while "sales in April" are
    ("2031-04" < "2031-05") and "sales in 2032" are still ahead ("2032" > "2031")."""
    return published.isoformat()[:len(value)]


def narrative_label(narrative: Point, text: str) -> str:
    """How the anchor column names a date the article set earlier: "narrative 2022-02-04
    (February 4, 2022)" for "20 days later"."""
    return f"narrative {narrative.edtf()} ({text})"
