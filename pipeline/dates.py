"""Normalizes time expressions to EDTF-style values and resolves relative ones.

Values: a day "2022-02-04", a month "2023-03", a year "2024", a decade "195X", an interval
"1960/1989". Relative expressions are resolved against the publication date ("a decade ago") or
against the last date the narrative mentioned ("20 days later", "the previous year", a bare
"November"); without an anchor they stay unresolved (empty value), never resolved against today.

dateparser reads only the calendar-date spans the rules found, through one parser built once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from pipeline.numbers import parse_number

_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_YEAR_IN = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)")
_SHORT_YEAR = re.compile(r"^\d\d$")
_DECADE = re.compile(r"^(?:(?:early|mid|late)-)?((?:1[5-9]|20)\d)0s$", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b")

GRANULARITY = {"day": 3, "month": 2, "year": 1}
_UNIT_STEP = {
    "day": (relativedelta(days=1), "day"),
    "week": (relativedelta(weeks=1), "day"),  # resolved to the Monday-Sunday interval
    "month": (relativedelta(months=1), "month"),
    "quarter": (relativedelta(months=3), "month"),
    "year": (relativedelta(years=1), "year"),
    "decade": (relativedelta(years=10), "year"),
    "century": (relativedelta(years=100), "year"),
}


@dataclass(frozen=True)
class Point:
    """A resolved date and how precise it is ("day", "month" or "year")."""

    day: date
    granularity: str

    def edtf(self) -> str:
        if self.granularity == "day":
            return self.day.isoformat()
        if self.granularity == "month":
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return f"{self.day.year:04d}"


@dataclass(frozen=True)
class Resolution:
    value: str
    relative: bool = False
    anchor: str = ""
    modifier: str = ""
    point: Point | None = None
    """The value as a point in time, when it is one, so later expressions can anchor on it."""


def point_of(value: str) -> Point | None:
    """Read back a day, month or year value; intervals and decades are not points."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        return None
    year, month, day = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    return Point(date(year, month, day), ("year", "month", "day")[len(parts) - 1])


class DateParser:
    """Turns a matched span's words into a Resolution, given the rule's type and the anchors."""

    def __init__(self, lexicons: dict):
        self.months = {k.lower(): int(v) for k, v in lexicons["months"].items()}
        self.time_units = dict(lexicons["time_units"])
        self.number_words = dict(lexicons["number_words"])
        self.scales = dict(lexicons["scales"])
        self.modifiers = set(lexicons["date_modifiers"])
        self.back = set(lexicons["relative_back"])
        self.forward = set(lexicons["relative_forward"])
        self.same = set(lexicons["relative_same"])
        self.weekdays = {k.lower(): int(v) for k, v in lexicons["weekdays"].items()}
        self.quarters = {str(k).lower(): int(v) for k, v in lexicons["quarter_ordinals"].items()}
        self.seasons = dict(lexicons["seasons"])
        self._calendar = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})

    def resolve(self, words: list[str], kind: str, published: date | None, narrative: Point | None,
                narrative_text: str = "", tense: str = "") -> Resolution:
        """``tense`` ("past", "future" or "") of the clause places a month or weekday named without
        a year on the right side of the publication date ("added jobs in October" -> the last one)."""
        lower = [w.lower() for w in words]
        prefixes = [m.group(0) for w in lower if (m := re.match(r"[a-z]+", w))]  # "mid-2023" -> mid
        modifier = next((p for p in prefixes if p in self.modifiers), "")
        if kind == "absolute":
            return self._absolute(" ".join(words), modifier)
        if kind == "year":  # "2022", "early 2024", "mid-2023", "FY2023"
            year = next(m.group(1) for w in words if (m := _YEAR_IN.search(w)))
            return Resolution(year, modifier=modifier, point=point_of(year))
        if kind == "decade":
            return Resolution(self._decade_value(lower), modifier=modifier)
        if kind == "century":  # the 19th century: the years 1800-1899
            number = next(int(m.group(1)) for w in lower if (m := re.match(r"(\d+)(st|nd|rd|th)$", w)))
            return Resolution(f"{number - 1:02d}XX", modifier=modifier)
        if kind == "interval":
            return Resolution(self._interval_value(lower), modifier=modifier)
        if kind == "month":
            return self._month(lower, published, narrative, narrative_text, tense)
        if kind == "quarter":
            return self._quarter(lower, published, narrative, narrative_text)
        if kind == "season":
            return self._season(lower, published, narrative, narrative_text)
        if kind == "weekday":
            return self._weekday(lower, published, tense)
        if kind == "relative_narrative" and narrative is not None:
            return self._shift(lower, narrative, _narrative_label(narrative, narrative_text))
        if kind in ("relative_publication", "relative_narrative"):  # no narrative date yet: publication
            return self._shift(lower, *_published_anchor(published))
        raise ValueError(f"unknown date type {kind!r}")

    def _absolute(self, text: str, modifier: str) -> Resolution:
        data = self._calendar.get_date_data(_ORDINAL.sub("", text))
        if data.date_obj is None:
            return Resolution("", modifier=modifier)
        granularity = data.period if data.period in GRANULARITY else "day"
        point = Point(data.date_obj.date(), granularity)
        return Resolution(point.edtf(), modifier=modifier, point=point)

    def _decade_value(self, lower: list[str]) -> str:
        return next(f"{m.group(1)}X" for w in lower if (m := _DECADE.match(w)))

    def _interval_value(self, lower: list[str]) -> str:
        """'the 1960s to the 1980s' -> 1960/1989; 'from 2010 to 2020' -> 2010/2020; '2022-23' -> 2022/2023."""
        bounds: list[tuple[int, int]] = []
        for word in lower:
            if _YEAR.match(word):
                bounds.append((int(word), int(word)))
            elif m := _DECADE.match(word):
                first = int(m.group(1)) * 10
                bounds.append((first, first + 9))
            elif _SHORT_YEAR.match(word) and bounds:
                century = bounds[-1][1] // 100 * 100
                year = century + int(word) + (100 if century + int(word) < bounds[-1][1] else 0)
                bounds.append((year, year))
        return f"{bounds[0][0]}/{bounds[-1][1]}"

    def _month(self, lower: list[str], published: date | None, narrative: Point | None,
               narrative_text: str, tense: str) -> Resolution:
        month = next(self.months[w] for w in lower if w in self.months)
        day = next((int(_ORDINAL.sub("", w)) for w in lower if _ORDINAL.sub("", w).isdigit()), None)
        found = _year_anchor(narrative, narrative_text, published)
        if found is None:
            return Resolution("", relative=True)
        year, anchor = found
        if narrative is None and published is not None:  # placed around publication by tense
            if tense == "past" and (month, day or 1) > (published.month, published.day):
                year -= 1
            elif tense == "future" and (month, day or 31) < (published.month, published.day):
                year += 1
        point = Point(date(year, month, day or 1), "day" if day else "month")
        return Resolution(point.edtf(), relative=True, anchor=anchor, point=point)

    def _quarter(self, lower: list[str], published: date | None, narrative: Point | None,
                 narrative_text: str) -> Resolution:
        """A quarter as an interval of months: the third quarter of 2023 -> 2023-07/2023-09."""
        number = next((self.quarters[w] for w in lower if w in self.quarters), None)
        number = number or next(int(w[1]) for w in lower if re.fullmatch(r"q[1-4]", w))
        return self._months(lower, 3 * number - 2, 3, published, narrative, narrative_text)

    def _season(self, lower: list[str], published: date | None, narrative: Point | None,
                narrative_text: str) -> Resolution:
        """A season as an interval of months (northern hemisphere): the summer of 2022 ->
        2022-06/2022-08, the winter of 2022 -> 2022-12/2023-02."""
        first = next(int(self.seasons[w]) for w in lower if w in self.seasons)
        return self._months(lower, first, 3, published, narrative, narrative_text)

    def _months(self, lower: list[str], first: int, length: int, published: date | None,
                narrative: Point | None, narrative_text: str) -> Resolution:
        """An interval of ``length`` months from month ``first`` of the year the words name, else of
        the narrative's year, else of the publication year."""
        year_word = next((w for w in lower if _YEAR.match(w)), None)
        found = (int(year_word), "") if year_word else _year_anchor(narrative, narrative_text, published)
        if found is None:
            return Resolution("", relative=True)
        (year, anchor), relative = found, not year_word
        start = date(year, first, 1)
        end = start + relativedelta(months=length - 1)
        return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative, anchor)

    def _weekday(self, lower: list[str], published: date | None, tense: str) -> Resolution:
        """The latest such weekday on or before publication ("said on Monday"); "last" is strictly
        before; "next" the first one after, and in a future clause the first one from then on."""
        if published is None:
            return Resolution("", relative=True)
        weekday = next(self.weekdays[w] for w in lower if w in self.weekdays)
        back = (published.weekday() - weekday) % 7
        if "next" in lower:
            day = published + relativedelta(days=(weekday - published.weekday()) % 7 or 7)
        elif tense == "future" and "last" not in lower:
            day = published + relativedelta(days=(weekday - published.weekday()) % 7)
        else:
            day = published - relativedelta(days=back or (7 if "last" in lower else 0))
        point = Point(day, "day")
        return Resolution(point.edtf(), True, _published_anchor(published)[1], point=point)

    def _shift(self, lower: list[str], anchor: Point | None, anchor_text: str) -> Resolution:
        """Move the anchor by the expression's amount ("20 days later", "a decade ago", "last year")."""
        if anchor is None:
            return Resolution("", relative=True)
        unit = next((self.time_units[w] for w in lower if w in self.time_units), None)
        if unit is None:  # "yesterday", "today", "tomorrow"
            offset = {"yesterday": -1, "tomorrow": 1}.get(lower[-1], 0)
            point = _coarsen(Point(anchor.day + relativedelta(days=offset), "day"), anchor)
            return Resolution(point.edtf(), True, anchor_text, point=point)
        step, granularity = _UNIT_STEP[unit]
        sign = -1 if any(w in self.back for w in lower) else 1 if any(w in self.forward for w in lower) else 0
        count_words = [w for w in lower if w not in self.time_units and w not in self.back
                       and w not in self.forward and w not in self.same and w not in ("the", "just", "on")]
        count = parse_number(count_words, self.number_words, self.scales) if count_words else None
        amount = (1 if count is None else int(count)) * sign
        if unit == "week" and anchor.granularity == "day":  # a week is the Monday-Sunday span
            monday = anchor.day + step * amount - relativedelta(days=(anchor.day + step * amount).weekday())
            return Resolution(f"{monday.isoformat()}/{(monday + relativedelta(days=6)).isoformat()}",
                              relative=True, anchor=anchor_text)
        point = _coarsen(Point(anchor.day + step * amount, granularity), anchor)
        return Resolution(point.edtf(), relative=True, anchor=anchor_text, point=point)


def _published_anchor(published: date | None) -> tuple[Point | None, str]:
    """The publication date as an anchor, and how the anchor column names it."""
    return (Point(published, "day"), f"published {published.isoformat()}") if published else (None, "")


def _narrative_label(narrative: Point, text: str) -> str:
    return f"narrative {narrative.edtf()} ({text})"


def _year_anchor(narrative: Point | None, narrative_text: str, published: date | None) -> tuple[int, str] | None:
    """The year a month or quarter named without one falls in: the narrative's, else publication's."""
    if narrative is not None:
        return narrative.day.year, _narrative_label(narrative, narrative_text)
    if published is not None:
        return published.year, _published_anchor(published)[1]
    return None


def _coarsen(point: Point, anchor: Point) -> Point:
    """A result is never more precise than its anchor ("20 days after 2022" is only "2022")."""
    if GRANULARITY[anchor.granularity] < GRANULARITY[point.granularity]:
        return Point(point.day, anchor.granularity)
    return point
