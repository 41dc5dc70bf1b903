"""Resolves dates named in words rather than digits: holidays ("Thanksgiving Day", "last Christmas"),
whose days come from the ``holidays`` library's calendars, and years and decades said aloud as
broadcast transcripts write them ("nineteen ninety-six", "the year two thousand", "the nineties").

A holiday is placed next to the publication date as a weekday is ("was found on Thanksgiving Day":
the last one; "will be home by Christmas": the next one). Its name is looked up in the calendar of
the United States, every category of it ("Easter Sunday", "Christmas Eve", "Halloween"), then of the
United Kingdom ("Boxing Day"); a name neither calendar knows stays without a value.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import Point, Resolution

HOLIDAY_CALENDARS = ("US", "GB")
"""The calendars a holiday's name is looked up in, in this order."""

_NAME_ENDINGS = ("", " day", " sunday")
"""What a name may leave out: "Thanksgiving" is "Thanksgiving Day", "Easter" "Easter Sunday"."""
_DEICTIC = ("last", "next", "this")
_SPOKEN_DECADE = re.compile(r"^(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies$")


def resolve_holiday(expr: Expression, words: DateWords) -> Resolution:
    """'Thanksgiving Day', 'last Christmas', 'New Year's Eve': the holiday's day next to the
    publication date: in a past clause the latest on or before it, in a future one the first on or
    after it, else the nearest; "last" is strictly before and "next" strictly after."""
    if expr.published is None:
        return Resolution("", relative=True)
    name = " ".join(w.replace("’", "'") for w in expr.lower if w not in _DEICTIC).replace(" 's", "'s")
    year = expr.published.year
    days = sorted(day for y in (year - 1, year, year + 1) for day in holiday_days(name, y))
    if not days:
        return Resolution("", relative=True)
    day = _nearest_on_side(days, expr.published, "past" if "last" in expr.lower else
                           "future" if "next" in expr.lower else expr.tense, strict="last" in expr.lower
                           or "next" in expr.lower)
    point = Point(day, "day")
    return Resolution(point.edtf(), True, expr.published_anchor()[1], point=point)


def holiday_days(name: str, year: int) -> list[date]:
    """The days of the holiday ``name`` (lower case, as written: "thanksgiving", "christmas eve")
    in ``year``, from the first calendar of HOLIDAY_CALENDARS that knows it; none if none does."""
    for country in HOLIDAY_CALENDARS:
        named = _holiday_names(country, year)
        for ending in _NAME_ENDINGS:
            if name + ending in named:
                return list(named[name + ending])
    return []


@lru_cache(maxsize=64)
def _holiday_names(country: str, year: int) -> dict[str, tuple[date, ...]]:
    """A country's holidays of one year by lower-case name, every category, without the days they
    are observed on instead ("Christmas Day (observed)"). The library is imported on the first
    holiday an article names, as most never name one."""
    import holidays

    calendar = holidays.country_holidays(country, years=year, categories=_categories(country))
    names: dict[str, list[date]] = {}
    for day, joined in sorted(calendar.items()):
        for name in joined.split("; "):  # one day may hold two holidays
            if "(observed)" not in name:
                names.setdefault(name.lower(), []).append(day)
    return {name: tuple(days) for name, days in names.items()}


def _categories(country: str) -> tuple[str, ...]:
    """Every category of holidays a country's calendar has (public, unofficial, ...)."""
    import holidays

    return tuple(holidays.country_holidays(country).supported_categories)


def _nearest_on_side(days: list[date], published: date, tense: str, strict: bool) -> date:
    """Of sorted ``days``, the latest on or before publication in a past clause, the first on or after
    it in a future one, else the nearest; ``strict`` leaves out publication day itself."""
    before = [d for d in days if d < published or (d == published and not strict)]
    after = [d for d in days if d > published or (d == published and not strict)]
    if tense == "past" and before:
        return before[-1]
    if tense == "future" and after:
        return after[0]
    return min(days, key=lambda d: abs((d - published).days))


def resolve_spoken_year(expr: Expression, words: DateWords) -> Resolution:
    """'nineteen ninety-six' -> 1996, 'nineteen oh five' -> 1905, 'the year two thousand' -> 2000,
    'January nineteen ninety-seven' -> 1997-01: a year said the way it is spoken."""
    month = next((words.months[w] for w in expr.lower if w in words.months), None)
    numbers = [w for w in expr.lower if w in words.number_words or w in ("oh", "hundred", "thousand")]
    if "thousand" in numbers:
        cut = numbers.index("thousand")
        year = 1000 * _spoken_sum(numbers[:cut], words) + _spoken_sum(numbers[cut + 1:], words)
    else:
        year = 100 * _spoken_sum(numbers[:1], words) + _spoken_sum(numbers[1:], words)
    point = Point(date(year, month or 1, 1), "month" if month else "year")
    return Resolution(point.edtf(), modifier=expr.modifier, point=point)


def _spoken_sum(numbers: list[str], words: DateWords) -> int:
    """The value of number words said one after another: "ninety six" -> 96, "oh five" -> 5."""
    return int(sum(words.number_words.get(w, 0) for w in numbers))


def resolve_spoken_decade(expr: Expression, words: DateWords) -> Resolution:
    """'the nineties' -> 199X: the latest decade of that name begun by publication (in 2024 "the
    twenties" are the 2020s, in 1998 the 1920s); without a publication date, of the 1900s."""
    tens = next(int(words.number_words[m.group(1) + "y"]) // 10 for w in expr.lower if (m := _SPOKEN_DECADE.match(w)))
    century = 1900
    if expr.published is not None:
        century = expr.published.year // 100 * 100
        century -= 100 if century + 10 * tens > expr.published.year else 0
    return Resolution(f"{(century + 10 * tens) // 10}X", relative=expr.published is not None,
                      modifier=expr.modifier)
