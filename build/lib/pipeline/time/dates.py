"""Normalizes time expressions to EDTF-style values and resolves relative ones.

Values: a day "2022-02-04", a month "2023-03", a year "2024", a decade "195X", an interval
"1960/1989", open intervals "2014/.." and "../2030". Relative expressions are resolved against the
publication date ("a decade ago") or against the last date the narrative mentioned ("20 days
later", "the previous year", a bare "November"); without an anchor they stay unresolved (empty
value), never resolved against today. Vague ones ("recently") have no value and modifier "vague".

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
from dataclasses import dataclass, replace
from datetime import date, datetime

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from pipeline.figures.numbers import parse_number

_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_YEAR_IN = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)")
_DECADE = re.compile(r"^(?:(?:early|mid|late)-)?((?:1[5-9]|20)\d)0s$", re.IGNORECASE)
_SHORT_DECADE = re.compile(r"^(\d)0s$")
_INTERVAL_BOUND = re.compile(r"(?<![\d'’‘])(\d{4}s?|\d\ds?)(?!\d)")
_CALENDAR_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["absolute-time"],  # no "relative-time" ("2 days ago") or "timestamp" ("1700000000")
    "REQUIRE_PARTS": ["year"],  # a date without its year is never completed from the clock
    "RELATIVE_BASE": datetime(2000, 1, 1),  # a constant, so no default falls back on today
}
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
    """A resolved date and how precise it is ("day", "month" or "year"). A reporting period
    ("the third quarter", "the three months to August") also keeps its length in ``months``, so
    "a year earlier" or "the previous quarter" after it is a period of the same length."""

    day: date
    granularity: str
    months: int = 0

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
        self.modifiers = dict(lexicons["date_modifiers"])
        self.back = set(lexicons["relative_back"])
        self.forward = set(lexicons["relative_forward"])
        self.same = set(lexicons["relative_same"])
        self.weekdays = {k.lower(): int(v) for k, v in lexicons["weekdays"].items()}
        self.quarters = {str(k).lower(): int(v) for k, v in lexicons["quarter_ordinals"].items()}
        self.halves = {str(k).lower(): int(v) for k, v in lexicons["half_ordinals"].items()}
        self.seasons = dict(lexicons["seasons"])
        self._calendar = DateDataParser(languages=["en"], settings=_CALENDAR_SETTINGS)

    def resolve(self, words: list[str], kind: str, published: date | None, narrative: Point | None,
                narrative_text: str = "", tense: str = "", order: str = "") -> Resolution:
        resolution = self._resolve(words, kind, published, narrative, narrative_text, tense, order)
        modifier = next((self.modifiers[p] for w in words if (p := _prefix(w)) in self.modifiers), "")
        return resolution if resolution.modifier or not modifier else replace(resolution, modifier=modifier)

    def _resolve(self, words: list[str], kind: str, published: date | None, narrative: Point | None,
                 narrative_text: str, tense: str, order: str) -> Resolution:
        """``tense`` ("past", "future", "present" or "") of the clause places a month or weekday named without
        a year on the right side of the publication date ("added jobs in October" -> the last one).
        ``order`` ("dmy" or "mdy") is how a rule of type numeric reads "13/2/2022"."""
        lower = [w.lower() for w in words]
        modifier = next((self.modifiers[p] for w in lower if (p := _prefix(w)) in self.modifiers), "")
        if kind == "absolute":
            return self._absolute(" ".join(words), modifier)
        if kind == "numeric":
            return self._numeric(words, order)
        if kind == "vague":  # "recently", "in recent years": a time reference with no checkable value
            return Resolution("", relative=True, modifier="vague")
        if kind == "year":  # "2022", "early 2024", "mid-2023", "FY2023"
            year = next(m.group(1) for w in words if (m := _YEAR_IN.search(w)))
            return Resolution(year, modifier=modifier, point=point_of(year))
        if kind == "decade":
            return Resolution(self._decade_value(lower), modifier=modifier)
        if kind == "century":  # the 19th century: the years 1800-1899
            number = next(int(m.group(1)) for w in lower if (m := re.search(r"(\d+)(st|nd|rd|th)$", w)))
            return Resolution(f"{number - 1:02d}XX", modifier=modifier)
        if kind == "interval":
            return Resolution(self._interval_value(lower), modifier=modifier)
        if kind == "month":
            return self._month(lower, published, narrative, narrative_text, tense)
        if kind == "period_to":
            return self._period_to(lower, published, narrative, narrative_text, tense)
        if kind == "quarter":
            return self._quarter(lower, published, narrative, narrative_text)
        if kind == "half":
            return self._half(lower, published, narrative, narrative_text)
        if kind == "season":
            return self._season(lower, published, narrative, narrative_text, tense)
        if kind == "weekday":
            return self._weekday(lower, published, tense)
        if kind == "relative_narrative" and narrative is not None:
            return self._shift(lower, narrative, _narrative_label(narrative, narrative_text), keep_month=True)
        if kind == "calendar_year":  # "the end of the year": the anchor's year, else publication's
            if narrative is not None:
                return self._shift(lower, narrative, _narrative_label(narrative, narrative_text))
            return self._shift(lower, *_published_anchor(published))
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

    def _numeric(self, words: list[str], order: str) -> Resolution:
        """'13/2/2022' read day first, '2/13/2022' month first (the rule knows which)."""
        first, second, year = (int(p) for p in re.split(r"[/.]", "".join(words)))
        day, month = (first, second) if order == "dmy" else (second, first)
        try:
            point = Point(date(year, month, day), "day")
        except ValueError:  # "31/2/2022"
            return Resolution("")
        return Resolution(point.edtf(), point=point)

    def _decade_value(self, lower: list[str]) -> str:
        """'the 1950s' -> 195X; "the '90s" -> 199X (the '00s and '10s are 200X and 201X)."""
        for word in lower:
            if m := _DECADE.match(word):
                return f"{m.group(1)}X"
            if m := _SHORT_DECADE.match(word):
                return f"{'20' if m.group(1) in '01' else '19'}{m.group(1)}X"
        raise ValueError(f"no decade in {lower!r}")

    def _interval_value(self, lower: list[str]) -> str:
        """'the 1960s to the 1980s' -> 1960/1989; 'from 2010 to 2020' -> 2010/2020; '2022-23' and
        'FY2012–13' -> 2022/2023 and 2012/2013."""
        bounds: list[tuple[int, int]] = []
        for word in _INTERVAL_BOUND.findall(" ".join(lower)):
            number = int(word.rstrip("s"))
            if len(word.rstrip("s")) == 2:  # a short second year: the first one's century
                if not bounds:
                    continue
                century = bounds[-1][1] // 100 * 100
                number = century + number + (100 if century + number < bounds[-1][1] else 0)
            bounds.append((number, number + 9) if word.endswith("s") else (number, number))
        return f"{bounds[0][0]}/{bounds[-1][1]}"

    def _month(self, lower: list[str], published: date | None, narrative: Point | None,
               narrative_text: str, tense: str) -> Resolution:
        try:
            return self._month_days(lower, published, narrative, narrative_text, tense)
        except ValueError:  # a day the month does not have ("June 31"): unresolved, the article goes on
            return Resolution("", relative=True)

    def _month_days(self, lower: list[str], published: date | None, narrative: Point | None,
                    narrative_text: str, tense: str) -> Resolution:
        """A month (and day) without a year. After a year ("In 2023, ... in November") it is in
        that year; after a day or month (the publication date, "on Thursday") it is the latest
        such month before it, or in a future clause the first one after it ("will vote in
        January"). "the following year"/"the previous year" after it move it by a year."""
        bounds = self._calendar_bounds(lower)
        if not bounds:
            return Resolution("", relative=True)
        month, day, year = bounds[0]
        if year is None:
            anchor = narrative or (Point(published, "day") if published else None)
            if anchor is None:
                return Resolution("", relative=True)
            if anchor.granularity != "year" and published and anchor.day.year == published.year:
                anchor = Point(published, "day")  # a nearby date: the tense places it around publication
            if "year" in lower:  # "December 17 that year", "May 3 the following year"
                year = anchor.day.year + (1 if any(w in self.forward for w in lower)
                                          else -1 if any(w in self.back for w in lower) else 0)
            elif "this" in lower:
                year = anchor.day.year
            else:  # "last December" is the latest before the anchor, "next May" the first after it
                strict = "last" in lower or "next" in lower
                year = _place_in_year(month, day, anchor, "future" if "next" in lower else
                                      "past" if "last" in lower else tense, strict)
        label = _narrative_label(narrative, narrative_text) if narrative else _published_anchor(published)[1]
        first = Point(date(year, month, day or 1), "day" if day else "month")
        if len(bounds) == 1:
            return Resolution(first.edtf(), relative=not bounds[0][2], anchor="" if bounds[0][2] else label, point=first)
        end_month, end_day, end_year = bounds[-1]
        end_year = end_year or year + (1 if (end_month, end_day or 1) < (month, day or 1) else 0)
        last = Point(date(end_year, end_month, end_day or 1), "day" if end_day else "month")
        relative = not (bounds[0][2] or end_year == bounds[-1][2])
        return Resolution(f"{first.edtf()}/{last.edtf()}", relative, label if relative else "", point=last)

    def _period_to(self, lower: list[str], published: date | None, narrative: Point | None,
                   narrative_text: str, tense: str) -> Resolution:
        """'the 12 months to September' -> 2022-10/2023-09: the months that end in the named one."""
        link = next(i for i, w in enumerate(lower) if w in ("to", "through", "ending", "ended"))
        end = self._month(lower[link + 1:], published, narrative, narrative_text, tense)
        if end.point is None:
            return end
        unit = next(self.time_units[w] for w in lower[:link] if w in self.time_units)
        count = parse_number([w for w in lower[:link] if w not in self.time_units and w != "the"],
                             self.number_words, self.scales) or 1
        months = int(count) * {"month": 1, "quarter": 3, "year": 12}[unit]
        start = end.point.day - relativedelta(months=months - 1)
        return Resolution(f"{start.year:04d}-{start.month:02d}/{end.point.edtf()[:7]}", end.relative, end.anchor,
                          point=Point(start, "month", months))

    def _calendar_bounds(self, lower: list[str]) -> list[tuple[int, int | None, int | None]]:
        """(month, day, year) of each end of "February 24", "between February and May 2023",
        "from April 19 to June 1", "September 5 and 15", "the January-March period"; a year
        written once serves the ends before it that lack one."""
        bounds: list[list] = []
        for word in lower:
            bare = _ORDINAL.sub("", word)
            if word in self.months:
                bounds.append([self.months[word], None, None])
            elif _YEAR.match(word):
                for bound in bounds:
                    bound[2] = bound[2] or int(word)
            elif bare.isdigit() and 1 <= int(bare) <= 31 and bounds:
                if bounds[-1][1] is None:
                    bounds[-1][1] = int(bare)
                else:  # "September 5 and 15": the second day of the same month
                    bounds.append([bounds[-1][0], int(bare), bounds[-1][2]])
        return [tuple(b) for b in bounds]

    def _quarter(self, lower: list[str], published: date | None, narrative: Point | None,
                 narrative_text: str) -> Resolution:
        """A quarter as an interval of months: the third quarter of 2023 -> 2023-07/2023-09."""
        number = next((self.quarters[w] for w in lower if w in self.quarters), None)
        number = number or next(int(w[1]) for w in lower if re.fullmatch(r"q[1-4]", w))
        return self._months(lower, 3 * number - 2, 3, published, narrative, narrative_text)

    def _half(self, lower: list[str], published: date | None, narrative: Point | None,
              narrative_text: str) -> Resolution:
        """A half year as an interval of months: the first half of 2024 -> 2024-01/2024-06; the first
        five months of 2024 -> 2024-01/2024-05."""
        if "months" in lower:
            count = parse_number([w for w in lower if w not in ("the", "first", "months", "of", "this", "last",
                                                                 "year") and not _YEAR.match(w)],
                                 self.number_words, self.scales)
            return self._months(lower, 1, max(1, min(12, int(count or 1))), published, narrative, narrative_text)
        number = next((self.halves[w] for w in lower if w in self.halves), None)
        number = number or next(int(c) for w in lower if re.fullmatch(r"h[12]|[12]h", w) for c in w if c.isdigit())
        return self._months(lower, 6 * number - 5, 6, published, narrative, narrative_text)

    def _season(self, lower: list[str], published: date | None, narrative: Point | None,
                narrative_text: str, tense: str = "") -> Resolution:
        """A season as an interval of months (northern hemisphere): the summer of 2022 ->
        2022-06/2022-08, the winter of 2022 -> 2022-12/2023-02. Without a year, a past clause
        takes the latest one begun by the anchor ("The winter brought reinforcements"), a future
        one the first not yet over ("plans an exhibition for the summer")."""
        first = next(int(self.seasons[w]) for w in lower if w in self.seasons)
        return self._months(lower, first, 3, published, narrative, narrative_text, lower, tense)

    def _months(self, lower: list[str], first: int, length: int, published: date | None,
                narrative: Point | None, narrative_text: str, moving: list[str] | None = None,
                tense: str = "") -> Resolution:
        """An interval of ``length`` months from month ``first`` of the year the words name, else of
        the anchor's year: "of last year" the one before, and among the ``moving`` words "last" or
        "previous" the latest such period ended before the anchor, "next" or "following" the first
        one begun after it ("last summer", "the following spring")."""
        year_word = next((w for w in lower if _YEAR.match(w)), None)
        found = (int(year_word), "") if year_word else _year_anchor(narrative, narrative_text, published)
        if found is None:
            return Resolution("", relative=True)
        (year, anchor), relative = found, not year_word
        if not year_word:
            after_of = lower[lower.index("of") + 1:] if "of" in lower else []
            deictic = any(w in ("this", "last", "next") for w in after_of + (moving or [])[:1])
            if deictic and published is None:  # "this spring" needs the publication date
                return Resolution("", relative=True)
            if deictic:  # "of this year", "this spring": the publication's
                (year, anchor), narrative = (published.year, _published_anchor(published)[1]), None
            year += self._year_step(after_of, moving or [], first, length, narrative
                                    or (Point(published, "day") if published else None), "" if deictic else tense)
        start = date(year, first, 1)
        end = start + relativedelta(months=length - 1)
        # as an anchor only its year: "four years later" after "the summer of 1959" is 1963
        # as an anchor its year ("four years later" after "the summer of 1959" is 1963); a quarter or
        # half keeps its length too ("a year earlier" after the third quarter of 2024 is 2023-07/2023-09)
        return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative, anchor,
                          point=Point(start, "year", 0 if moving else length))

    def _year_step(self, after_of: list[str], moving: list[str], first: int, length: int, anchor: Point | None,
                   tense: str = "") -> int:
        """-1, 0 or 1: how far from the anchor's year a period named relative to it lies."""
        if any(w in self.back for w in after_of):
            return -1
        if any(w in self.forward for w in after_of):
            return 1
        back, forward = any(w in self.back for w in moving), any(w in self.forward for w in moving)
        if anchor is None or not (back or forward or (moving and tense)):
            return 0
        if anchor.granularity == "year":
            return -1 if back else 1 if forward else 0
        start = date(anchor.day.year, first, 1)
        end = start + relativedelta(months=length)
        if back:
            return 0 if end <= anchor.day else -1
        if forward:
            return 0 if start > anchor.day else 1
        if tense == "future":
            return 0 if end > anchor.day else 1
        return 0 if start <= anchor.day else -1

    def _weekday(self, lower: list[str], published: date | None, tense: str) -> Resolution:
        """The latest such weekday on or before publication ("said on Monday"); "last" is strictly
        before; "next" the first one after, and in a future clause the first one from then on."""
        if published is None:
            return Resolution("", relative=True)
        weekday = next(self.weekdays[w] for w in lower if w in self.weekdays)
        back = (published.weekday() - weekday) % 7
        if "next" in lower:
            day = published + relativedelta(days=(weekday - published.weekday()) % 7 or 7)
        elif tense in ("future", "present") and "last" not in lower:  # "have until Wednesday"
            day = published + relativedelta(days=(weekday - published.weekday()) % 7)
        else:
            day = published - relativedelta(days=back or (7 if "last" in lower else 0))
        point = Point(day, "day")
        return Resolution(point.edtf(), True, _published_anchor(published)[1], point=point)

    def _shift(self, lower: list[str], anchor: Point | None, anchor_text: str, keep_month: bool = False) -> Resolution:
        """``_shift_by``, unresolved when the amount leaves the calendar ("2014 centuries ago")."""
        try:
            return self._shift_by(lower, anchor, anchor_text, keep_month)
        except (ValueError, OverflowError):
            return Resolution("", relative=True)

    def _shift_by(self, lower: list[str], anchor: Point | None, anchor_text: str, keep_month: bool) -> Resolution:
        """Move the anchor by the expression's amount ("20 days later", "a decade ago", "last year").
        With ``keep_month`` (a narrative anchor) a shift by years or months keeps the anchor's
        month: "a year earlier" after "in June" is the June before, not the year, and after a reporting
        period ("the third quarter") the same period a year before."""
        if anchor is None:
            return Resolution("", relative=True)
        unit = next((self.time_units[w] for w in lower if w in self.time_units), None)
        if unit is None:  # "yesterday", "today", "tomorrow"
            offset = {"yesterday": -1, "tomorrow": 1}.get(lower[-1], 0)
            point = _coarsen(Point(anchor.day + relativedelta(days=offset), "day"), anchor)
            return Resolution(point.edtf(), True, anchor_text, point=point)
        if unit == "season":  # a sports season runs from late summer into the next year: "this season" -> 2023/2024
            first = anchor.day.year - (anchor.granularity != "year" and anchor.day.month < 7)
            first += _signed_count(lower, self) if not any(w in self.same for w in lower) else 0
            return Resolution(f"{first}/{first + 1}", relative=True, anchor=anchor_text)
        step, granularity = _UNIT_STEP[unit]
        # "this", "that", "same" name the anchor's own period even with "earlier this year"
        amount = 0 if any(w in self.same for w in lower) else _signed_count(lower, self)
        counted = any(w[0].isdigit() or w in self.number_words or w in ("a", "an") for w in lower) or "ago" in lower
        unit_months = {"month": 1, "quarter": 3, "year": 12}.get(unit, 0)
        if keep_month and anchor.months and unit_months >= anchor.months:  # the period, moved whole
            start = anchor.day + step * amount
            end = start + relativedelta(months=anchor.months - 1)
            return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative=True,
                              anchor=anchor_text, point=Point(start, "month", anchor.months))
        if keep_month and anchor.months and unit_months:  # "a month earlier" than the 12 months to September
            anchor = Point(anchor.day + relativedelta(months=anchor.months - 1), "month")
        if unit_months and keep_month and anchor.granularity != "year":
            granularity = "month"
        if unit == "week" and counted:  # "a week ago", "two weeks later": a day
            granularity = "day"
        elif unit == "week" and anchor.granularity == "day":  # "last week": the Monday-Sunday span
            monday = anchor.day + step * amount - relativedelta(days=(anchor.day + step * amount).weekday())
            return Resolution(f"{monday.isoformat()}/{(monday + relativedelta(days=6)).isoformat()}",
                              relative=True, anchor=anchor_text)
        point = _coarsen(Point(anchor.day + step * amount, granularity), anchor)
        return Resolution(point.edtf(), relative=True, anchor=anchor_text, point=point)


def _signed_count(lower: list[str], parser: DateParser) -> int:
    """'three seasons ago' -> -3, 'next season' -> 1."""
    sign = -1 if any(w in parser.back for w in lower) else 1 if any(w in parser.forward for w in lower) else 0
    words = [w for w in lower if w not in parser.time_units and w not in parser.back and w not in parser.forward
             and w not in parser.same and w not in ("the", "just", "on")]
    count = parse_number(words, parser.number_words, parser.scales) if words else None
    return (1 if count is None else int(count)) * sign


def _prefix(word: str) -> str:
    """The leading letters of a word: "mid-2023" -> "mid", "FY2023" -> "fy"."""
    match = re.match(r"[a-z]+", word.lower())
    return match.group(0) if match else ""


def _published_anchor(published: date | None) -> tuple[Point | None, str]:
    """The publication date as an anchor, and how the anchor column names it."""
    return (Point(published, "day"), f"published {published.isoformat()}") if published else (None, "")


def _narrative_label(narrative: Point, text: str) -> str:
    return f"narrative {narrative.edtf()} ({text})"


def _place_in_year(month: int, day: int | None, anchor: Point, tense: str, strict: bool = False) -> int:
    """The year of a month named without one, next to its anchor: in a year anchor's year, else
    the latest one on or before a day anchor, in a future clause the first one on or after it, in
    a present one the nearest (``strict``: not the anchor's own month)."""
    if anchor.granularity == "year":
        return anchor.day.year
    year, named, anchored = anchor.day.year, (month, day or 0), (anchor.day.month, anchor.day.day)
    if strict or day is None:  # a whole month is on the anchor's side as long as the anchor is in it
        named, anchored = (month,), (anchor.day.month,)
    if tense == "future":
        return year + 1 if named < anchored or (strict and named == anchored) else year
    if tense == "present":  # a schedule ("returns on July 9"): the nearest such day
        return min((year - 1, year, year + 1),
                   key=lambda y: abs((date(y, month, min(day or 15, 28)) - anchor.day).days))
    return year - 1 if named > anchored or (strict and named == anchored) else year


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
