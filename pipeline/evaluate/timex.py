"""The pipeline's EDTF-style date values written in TIMEX3 notation, so they compare with TimeML gold.

Only the notation changes, never the meaning: a value that TIMEX3 writes the same way, or has no
other way to write, is returned as it is. The pipeline keeps modifiers ("early", "fiscal") apart in
``modifier``, as TIMEX3 keeps them in ``mod``, so values carry none.

| pipeline (EDTF style)     | TIMEX3        | what it is                     |
|---------------------------|---------------|--------------------------------|
| `2023-07/2023-09`         | `2023-Q3`     | a quarter                      |
| `2024-01/2024-06`         | `2024-H1`     | a half year                    |
| `1998-08-10/1998-08-16`   | `1998-W33`    | a Monday-to-Sunday week        |
| `1990-08-11/1990-08-12`   | `1990-W32-WE` | a weekend (Saturday, Sunday)   |
| `1989-06/1989-08`         | `1989-SU`     | a season (northern hemisphere) |
| `1988-01/1988-09`         | `1988`        | other months of one year       |
| `1988-10/1989-09`         | `1989`        | twelve months: the year they end |
| `2022-12/2023-02`         | `2022-WI`     | a winter, named by its December|
| `195X`                    | `195`         | a decade                       |
| `18XX`                    | `18`          | a century                      |
| `2014/..`, `1960/1989`    | as is         | intervals                      |
| `2000-04-06` "4 a.m. Thursday" | `2000-04-06T04:00` | a time of a day             |
| reference `present`       | `PRESENT_REF` | "now" (the publication date)   |
| reference `past`/`future` | `PAST_REF`... | "recently", "soon" (no value)  |

The claims table dates a figure by its day, so "4 a.m. Thursday" is ``2000-04-06`` there; TIMEX3
writes the clock time into the value, and ``timex3_spans`` adds it from the mention's words. A part
of the day stays out ("Wednesday night" is ``2000-01-05``): TimeML's guidelines make it a TIME timex,
``2000-01-05TNI``, and where annotators typed it DATE they mostly wrote the day (in TimeBank and
AQUAINT 17 such DATE timexes give the day, 9 a code, and those split "night" between TNI and TEV).
TIMEX3 has no value for a run of months that is no quarter, half or season: TimeML writes a
period of more than three months as a DURATION where the text names its length ("the first nine
months", ``P9M``), and a date that points at one ("a year earlier", "the 1988 period" after it) by
the year that holds it, a fiscal year ("the year ended Sept. 30") by the year it ends in, as its
name does ("fiscal 1989").

TimeML writes an interval as the dates that bound it, each a TIMEX3 of its own, and the word that
opens or joins them as a SIGNAL outside them: "since 1990" is the signal "since" and the TIMEX3
``1990`` (``1990/..`` here), "between 1994 and 1997" the TIMEX3s ``1994`` and ``1997``
(``1994/1997`` here). A period named with the day it ends is two TIMEX3s the same way: "the
quarter ended Sept. 30" is "the quarter" (``1989-Q3``), the signal "ended" and "Sept. 30"
(``1989-09-30``). ``timex3_spans`` writes a date mention that way.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

_MONTH_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_DAY_SPAN = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})XX$")
_SIGNAL = re.compile(r"^(?:since|until|till|through|by|from|after|before|between|the)\s+", re.IGNORECASE)
_LINK = re.compile(r"\s+(?:to|through|until|and|-|–)\s+|(?<=\w)[-–](?=\w)")
_DECADE_WORD = re.compile(r"\d0s$")
_UNPADDED_WEEK = re.compile(r"^(\d{4})-W(\d)(-WE)?$")
_ENDED = re.compile(r"\s+(?:ended|ending)\s+(?=\S)", re.IGNORECASE)
_MONTH_END = re.compile(r"(\d{4})-(\d{2})$")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
_DAY_READER = DateDataParser(languages=["en"], settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month"],
                                                         "RELATIVE_BASE": datetime(2000, 1, 1)})
"""Reads the end day of "the quarter ended Sept. 30" once its year is written; never the clock."""
_ONE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b", re.IGNORECASE)
_SEASONS = {6: "SU", 9: "FA", 12: "WI", 3: "SP"}
"""The first month of each season's three, as the pipeline writes seasons (northern hemisphere)."""


def timex3_value(value: str, reference: str = "", fiscal_quarter: int = 0) -> str:
    """``value`` in TIMEX3 notation: "the third quarter of 2023" is ``2023-07/2023-09`` in the
    claims table and ``2023-Q3`` in TimeML; "the 1950s" is ``195X`` and ``195``. A date mention's
    ``reference`` ("now": present, "recently": past) is what TimeML writes in place of a value
    (``PRESENT_REF``), whether the claims table holds the publication date or nothing. A quarter of
    a company's own year is written by its ``fiscal_quarter`` number and the year it ends in: "the
    fiscal first quarter ended Sept. 30, 1989" is ``1989-07/1989-09`` and ``1989-Q1``."""
    if reference:
        return f"{reference.upper()}_REF"
    if found := _MONTH_SPAN.match(value):
        if fiscal_quarter and _month_count(*map(int, found.groups())) == 3:
            return f"{found.group(3)}-Q{fiscal_quarter}"
        return _month_span(*map(int, found.groups())) or value
    if found := _DAY_SPAN.match(value):
        return _iso_week(found.group(1), found.group(2)) or value
    if found := _DECADE.match(value) or _CENTURY.match(value):
        return found.group(1)
    return value


def canonical_timex3(value: str) -> str:
    """A gold TIMEX3 value written the one way ``timex3_value`` writes it, where annotators wrote
    the same period two ways: the week of "2000-W7" is ``2000-W07`` (ISO 8601 pads it), the decade
    "196X" is ``196`` and the century "19XX" ``19`` (TimeML writes them by their leading digits)."""
    if found := _UNPADDED_WEEK.match(value):
        return f"{found.group(1)}-W{int(found.group(2)):02d}{found.group(3) or ''}"
    if found := _DECADE.match(value) or _CENTURY.match(value):
        return found.group(1)
    return value


def timex3_spans(start: int, text: str, value: str, reference: str = "",
                 fiscal_quarter: int = 0) -> list[tuple[int, int, str, str]]:
    """A date mention as the TIMEX3s TimeML marks for it: (start, end, text, value) each. "since
    1990" (``1990/..``) is one, "1990" at its own offset; "between 1994 and 1997" (``1994/1997``)
    two; a quarter ("the third quarter", ``2023-07/2023-09``) stays one, ``2023-Q3``."""
    mapped = timex3_value(value, reference, fiscal_quarter)
    if not reference and (ended := _ended_spans(start, text, value, mapped)):
        return ended
    bounds = mapped.split("/")
    if reference or len(bounds) != 2:
        return [(start, start + len(text), text, mapped + _time_of_day(text, mapped))]
    if ".." in bounds:
        cut = _SIGNAL.match(text)
        offset = cut.end() if cut else 0
        bound = timex3_value(bounds[0] if bounds[1] == ".." else bounds[1])
        return [(start + offset, start + len(text), text[offset:], bound + _time_of_day(text[offset:], bound))]
    parts = list(_LINK.finditer(text))
    if len(parts) != 1:
        return [(start, start + len(text), text, mapped)]
    link, cut = parts[0], _SIGNAL.match(text)
    ends = ((cut.end() if cut else 0, link.start(), bounds[0]), (link.end(), len(text), bounds[1]))
    return [(start + first, start + last, text[first:last], _bound(text[first:last], bound))
            for first, last, bound in ends]


def _time_of_day(text: str, value: str) -> str:
    """The clock time a one-day mention names, in TIMEX3 notation: "4 a.m. Thursday" is ``T04:00``,
    "10:30 p.m. Friday" ``T22:30``; empty for a mention that names no hour, or a value that is no
    single day."""
    clock = _CLOCK.search(text) if _ONE_DAY.match(value) else None
    if clock is None:
        return ""
    hour = int(clock.group(1)) % 12 + (12 if clock.group(3).lower() == "p" else 0)
    return f"T{hour:02d}:{clock.group(2) or '00'}"


def _ended_spans(start: int, text: str, value: str, mapped: str) -> list[tuple[int, int, str, str]]:
    """"the six months ended Aug. 14" (``1989-02/1989-08``) as the period's TIMEX3 and its end
    day's (``1989-08-14``); the day takes the year of the period's last month unless it writes
    its own ("the year ending June 30, 1990"). Empty when the text names no such day."""
    link = _ENDED.search(text)
    last_month = _MONTH_END.search(value)
    if link is None or last_month is None:
        return []
    day_text = text[link.end():].rstrip(" ,")
    year, month = int(last_month.group(1)), int(last_month.group(2))
    written = day_text if _WRITTEN_YEAR.search(day_text) else f"{day_text} {year}"
    read = _DAY_READER.get_date_data(written)
    if read.date_obj is None or read.period != "day":
        return []
    day = read.date_obj.date()
    if not _WRITTEN_YEAR.search(day_text) and abs(day.month - month) > 6:  # "ended Jan. 2" closing a December
        day = day.replace(year=year + (1 if day.month < month else -1))
    return [(start, start + link.start(), text[:link.start()], mapped),
            (start + link.end(), start + link.end() + len(day_text), day_text, day.isoformat())]


def _bound(text: str, value: str) -> str:
    """One end of an interval as its own TIMEX3: a decade ("the 1980s" of ``1960/1989``) is ``198``."""
    return value[:3] if _DECADE_WORD.search(text) else value


def _month_span(first_year: int, first_month: int, last_year: int, last_month: int) -> str | None:
    """A quarter, a half year or a season, as the interval of its months; another run of more than
    three months, by the year that holds it, twelve months by the year they end in; None for any
    other span (two months, three that are no quarter)."""
    months = _month_count(first_year, first_month, last_year, last_month)
    if months == 3 and first_month in _SEASONS:
        return f"{first_year:04d}-{_SEASONS[first_month]}"
    if months == 12:
        return f"{last_year:04d}"
    if first_year != last_year:
        return None
    if months == 3 and first_month % 3 == 1:
        return f"{first_year:04d}-Q{first_month // 3 + 1}"
    if months == 6 and first_month in (1, 7):
        return f"{first_year:04d}-H{first_month // 6 + 1}"
    return f"{first_year:04d}" if months > 3 else None


def _month_count(first_year: int, first_month: int, last_year: int, last_month: int) -> int:
    """How many months an interval of months spans, both ends in: 3 for 1989-07/1989-09."""
    return (last_year * 12 + last_month) - (first_year * 12 + first_month) + 1


def _iso_week(first: str, last: str) -> str | None:
    """A Monday-to-Sunday interval as its ISO week ("1998-W33"), a Saturday-Sunday one as its
    week's weekend ("1990-W32-WE"); None for any other day interval."""
    try:
        start, sunday = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    if sunday.isoweekday() != 7 or sunday - start not in (timedelta(days=6), timedelta(days=1)):
        return None
    year, week, _ = start.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if start.isoweekday() == 6 else "")
