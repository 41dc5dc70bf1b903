"""Normalizes time expressions to EDTF-style values and resolves relative ones.

Values: a day "2022-02-04", a month "2023-03", a year "2024", a decade "195X", an interval
"1960/1989", open intervals "2014/.." and "../2030". Relative expressions are resolved against the
publication date ("a decade ago") or against the last date the narrative mentioned ("20 days
later", "the previous year", a bare "November"); without an anchor they stay unresolved (empty
value), never resolved against today. A reference to the present ("now", "currently") is the
publication date; vague ones ("recently", "soon") have no value and modifier "vague"; all three
say which way they point in ``reference``.

Each rule type has its resolver (``RESOLVERS``); the parser only picks it and adds the modifier.

dateparser reads only the calendar-date spans the rules found ("February 4, 2022", "4 Feb. 2022"),
every one of them with its year, through one parser built once. Its reference date is a fixed
constant and its relative-date and timestamp parsers are off, so nothing it returns can depend on
the machine clock. The publication date is deliberately not given to it as ``RELATIVE_BASE``:
dateparser caches its dictionaries per distinct settings object, so one parser per publication date
grows memory without bound over a large batch (scrapinghub/dateparser#985); relative expressions
are resolved here instead, from the publication or narrative anchor.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from dateparser.date import DateDataParser

from pipeline.time.business import (resolve_fiscal_quarter, resolve_fiscal_year, resolve_reporting_period,
                                    resolve_weekend, resolve_year_end)
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.fiscal import on_company_calendar
from pipeline.time.month_periods import resolve_half, resolve_quarter, resolve_season
from pipeline.time.named import resolve_holiday, resolve_spoken_decade, resolve_spoken_year
from pipeline.time.points import Point, Resolution
from pipeline.time.resolvers import (resolve_absolute, resolve_century, resolve_decade, resolve_day_to_weekday,
                                     resolve_future_ref, resolve_interval, resolve_month, resolve_numeric, resolve_past_ref,
                                     resolve_period_to, resolve_present_ref, resolve_week_of, resolve_weekday,
                                     resolve_year)
from pipeline.time.shifts import resolve_calendar_year, resolve_relative_narrative, resolve_relative_publication

_CALENDAR_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["absolute-time"],  # no "relative-time" ("2 days ago") or "timestamp" ("1700000000")
    "REQUIRE_PARTS": ["year"],  # a date without its year is never completed from the clock
    "RELATIVE_BASE": datetime(2000, 1, 1),  # a constant, so no default falls back on today
}

Resolver = Callable[[Expression, DateWords], Resolution]

RESOLVERS: dict[str, Resolver] = {
    "absolute": resolve_absolute,  # "February 4, 2022"
    "numeric": resolve_numeric,  # "13/2/2022"
    "present_ref": resolve_present_ref,  # "now", "currently"
    "past_ref": resolve_past_ref,  # "recently"
    "future_ref": resolve_future_ref,  # "soon"
    "year": resolve_year,  # "early 2024"
    "decade": resolve_decade,  # "the 1950s"
    "century": resolve_century,  # "the 19th century"
    "interval": resolve_interval,  # "from 2010 to 2020"
    "month": resolve_month,  # "in November"
    "period_to": resolve_period_to,  # "the 12 months to September"
    "quarter": resolve_quarter,  # "the third quarter"
    "half": resolve_half,  # "the first half of 2024"
    "season": resolve_season,  # "last summer"
    "weekday": resolve_weekday,  # "on Friday"
    "day_to_weekday": resolve_day_to_weekday,  # "from Aug. 3 through Friday"
    "week_of": resolve_week_of,  # "the week of March 6"
    "relative_narrative": resolve_relative_narrative,  # "20 days later"
    "calendar_year": resolve_calendar_year,  # "the end of the year"
    "relative_publication": resolve_relative_publication,  # "a decade ago"
    "reporting_period": resolve_reporting_period,  # "the latest quarter", "the year-ago period"
    "fiscal_quarter": resolve_fiscal_quarter,  # "the fiscal first quarter ended Sept. 30"
    "fiscal_year": resolve_fiscal_year,  # "the current fiscal year", "the full year"
    "year_end": resolve_year_end,  # "by year-end"
    "weekend": resolve_weekend,  # "over the weekend"
    "holiday": resolve_holiday,  # "Thanksgiving Day", "last Christmas"
    "spoken_year": resolve_spoken_year,  # "nineteen ninety-six", "the year two thousand"
    "spoken_decade": resolve_spoken_decade,  # "the nineties"
}
"""The resolver of each rule type (a date rule's ``sets: {type: ...}``)."""


class DateParser:
    """Turns a matched span's words into a Resolution, given the rule's type and the anchors."""

    def __init__(self, lexicons: dict):
        self.words = DateWords.from_lexicons(lexicons, DateDataParser(languages=["en"], settings=_CALENDAR_SETTINGS))

    def resolve(self, words: list[str], kind: str, published: date | None, narrative: Point | None,
                narrative_text: str = "", tense: str = "", order: str = "", fiscal_end: int = 0) -> Resolution:
        """The value of a time expression of rule type ``kind``: "20 days later" after "February 4,
        2022" is 2022-02-24. ``tense`` ("past", "future", "present" or "") of the clause places a
        month or weekday named without a year on the right side of the publication date; ``order``
        ("dmy" or "mdy") is how a numeric date reads; ``fiscal_end``, the month the company's year
        ends, reads its fiscal periods on its calendar ("fiscal 1990" ending in August is
        1989-09/1990-08)."""
        resolver = RESOLVERS.get(kind)
        if resolver is None:
            raise ValueError(f"unknown date type {kind!r}")
        lower = [w.lower() for w in words]
        modifier = next((self.words.modifiers[p] for w in lower if (p := _prefix(w)) in self.words.modifiers), "")
        expression = Expression(words, lower, published, narrative, narrative_text, tense, order, modifier, fiscal_end)
        resolution = on_company_calendar(expression, kind, resolver(expression, self.words), self.words)
        return resolution if resolution.modifier or not modifier else replace(resolution, modifier=modifier)


def _prefix(word: str) -> str:
    """The leading letters of a word: "mid-2023" -> "mid", "FY2023" -> "fy"."""
    match = re.match(r"[a-z]+", word.lower())
    return match.group(0) if match else ""
