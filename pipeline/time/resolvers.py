"""Resolves each kind of written date and named period: one resolver per rule type, from "February
4, 2022" and "the 1950s" to "in November" and "the third quarter", placed next to their anchor."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from pipeline.figures.numbers import parse_number
from pipeline.time.business import resolve_fiscal_quarter
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import GRANULARITY, YEAR, Point, Resolution, point_of

_YEAR_IN = re.compile(r"(?<!\d)((?:1[5-9]|2[01])\d\d)(?!\d)")
_DECADE = re.compile(r"^(?:(?:early|mid|late)-)?((?:1[5-9]|20)\d)0s$", re.IGNORECASE)
_SHORT_DECADE = re.compile(r"^(\d)0s$")
_INTERVAL_BOUND = re.compile(r"(?<![\d'’‘])(\d{4}s?|\d\ds?)(?!\d)")
_DAYS_TENSE_REACHES = 320
"""How far back a past clause may put a day named without its year (about ten months); further,
it is the nearest one: "the offer had been set to expire Nov. 6" in a story of November 2 is the
coming November 6, not the one a year before."""
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b")
"""The ordinal ending of a day ("Feb. 4th"), dropped before the day is read."""


def resolve_absolute(expr: Expression, words: DateWords) -> Resolution:
    """'February 4, 2022', '4 Feb. 2022', 'March 2023': a calendar date with its year, read by
    dateparser as a day or a month."""
    point = _calendar_point(words.calendar, _ORDINAL.sub("", " ".join(expr.words)))
    if point is None:
        return Resolution("", modifier=expr.modifier)
    return Resolution(point.edtf(), modifier=expr.modifier, point=point)


@lru_cache(maxsize=4096)
def _calendar_point(calendar: DateDataParser, written: str) -> Point | None:
    """The day or month dateparser reads in a written date, once per wording: its settings fix
    every default (``RELATIVE_BASE``), so the answer is the same in every article, and a reading
    took about 10 ms ("March 3, 2023" comes back in story after story)."""
    data = calendar.get_date_data(written)
    if data.date_obj is None:
        return None
    return Point(data.date_obj.date(), data.period if data.period in GRANULARITY else "day")


def resolve_numeric(expr: Expression, words: DateWords) -> Resolution:
    """'13/2/2022' read day first, '2/13/2022' month first (the rule knows which)."""
    first, second, year = (int(p) for p in re.split(r"[/.]", "".join(expr.words)))
    day, month = (first, second) if expr.order == "dmy" else (second, first)
    try:
        point = Point(date(year, month, day), "day")
    except ValueError:  # "31/2/2022"
        return Resolution("")
    return Resolution(point.edtf(), point=point)


def resolve_present_ref(expr: Expression, words: DateWords) -> Resolution:
    """'now', 'currently', 'the current share', 'these days': the publication date itself, as a
    day, relative to it; it anchors nothing (a later "a year earlier" counts from publication
    anyway). Without a publication date it stays empty."""
    if expr.published is None:
        return Resolution("", relative=True, reference="present")
    anchor = expr.published_anchor()
    return Resolution(anchor[0].edtf(), relative=True, anchor=anchor[1], reference="present")


def resolve_past_ref(expr: Expression, words: DateWords) -> Resolution:
    """'recently', 'the recent sale', 'in the past', 'in recent years': some time before
    publication, with no checkable value (modifier vague)."""
    return Resolution("", relative=True, modifier="vague", reference="past")


def resolve_future_ref(expr: Expression, words: DateWords) -> Resolution:
    """'soon', 'in the future', 'the coming months': some time after publication, with no
    checkable value (modifier vague)."""
    return Resolution("", relative=True, modifier="vague", reference="future")


def resolve_year(expr: Expression, words: DateWords) -> Resolution:
    """'2022', 'early 2024', 'mid-2023', 'FY2023': the year, its modifier apart."""
    year = next(m.group(1) for w in expr.words if (m := _YEAR_IN.search(w)))
    return Resolution(year, modifier=expr.modifier, point=point_of(year))


def resolve_decade(expr: Expression, words: DateWords) -> Resolution:
    """'the 1950s' -> 195X; "the '90s" -> 199X (the '00s and '10s are 200X and 201X)."""
    for word in expr.lower:
        if m := _DECADE.match(word):
            return Resolution(f"{m.group(1)}X", modifier=expr.modifier)
        if m := _SHORT_DECADE.match(word):
            return Resolution(f"{'20' if m.group(1) in '01' else '19'}{m.group(1)}X", modifier=expr.modifier)
    raise ValueError(f"no decade in {expr.lower!r}")


def resolve_century(expr: Expression, words: DateWords) -> Resolution:
    """'the 19th century': the years 1800-1899, 18XX."""
    number = next(int(m.group(1)) for w in expr.lower if (m := re.search(r"(\d+)(st|nd|rd|th)$", w)))
    return Resolution(f"{number - 1:02d}XX", modifier=expr.modifier)


def resolve_interval(expr: Expression, words: DateWords) -> Resolution:
    """'the 1960s to the 1980s' -> 1960/1989; 'from 2010 to 2020' -> 2010/2020; '2022-23' and
    'FY2012–13' -> 2022/2023 and 2012/2013."""
    bounds: list[tuple[int, int]] = []
    for word in _INTERVAL_BOUND.findall(" ".join(expr.lower)):
        number = int(word.rstrip("s"))
        if len(word.rstrip("s")) == 2:  # a short second year: the first one's century
            if not bounds:
                continue
            century = bounds[-1][1] // 100 * 100
            number = century + number + (100 if century + number < bounds[-1][1] else 0)
        bounds.append((number, number + 9) if word.endswith("s") else (number, number))
    return Resolution(f"{bounds[0][0]}/{bounds[-1][1]}", modifier=expr.modifier)


def resolve_month(expr: Expression, words: DateWords) -> Resolution:
    """'in November', 'February 24', 'between February and May 2023', 'last December', 'May 3 the
    following year': a month (and day) or a span of them, unresolved when the day does not exist
    ("June 31")."""
    try:
        return _month_days(expr, words)
    except ValueError:  # a day the month does not have: unresolved, the article goes on
        return Resolution("", relative=True)


def _month_days(expr: Expression, words: DateWords) -> Resolution:
    """A month (and day) without a year. After a year ("In 2023, ... in November") it is in
    that year; after a day or month (the publication date, "on Thursday") it is the latest
    such month before it, or in a future clause the first one after it ("will vote in
    January"). "the following year"/"the previous year" after it move it by a year."""
    lower, published, narrative = expr.lower, expr.published, expr.narrative
    bounds = _calendar_bounds(lower, words)
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
            year = anchor.day.year + (1 if any(w in words.forward for w in lower)
                                      else -1 if any(w in words.back for w in lower) else 0)
        elif "this" in lower:
            year = anchor.day.year
        else:  # "last December" is the latest before the anchor, "next May" the first after it
            strict = "last" in lower or "next" in lower
            year = _place_in_year(month, day, anchor, "future" if "next" in lower else
                                  "past" if "last" in lower else expr.tense, strict)
    label = expr.narrative_anchor()[1] if narrative else expr.published_anchor()[1]
    first = Point(date(year, month, day or 1), "day" if day else "month")
    if len(bounds) == 1:
        return Resolution(first.edtf(), relative=not bounds[0][2], anchor="" if bounds[0][2] else label, point=first)
    end_month, end_day, end_year = bounds[-1]
    end_year = end_year or year + (1 if (end_month, end_day or 1) < (month, day or 1) else 0)
    last = Point(date(end_year, end_month, end_day or 1), "day" if end_day else "month")
    relative = not (bounds[0][2] or end_year == bounds[-1][2])
    return Resolution(f"{first.edtf()}/{last.edtf()}", relative, label if relative else "", point=last)


def resolve_week_of(expr: Expression, words: DateWords) -> Resolution:
    """'the week of March 6': the Monday-to-Sunday week holding that day, placed as the day is."""
    day = resolve_month(replace(expr, lower=expr.lower[expr.lower.index("of") + 1:]), words)
    if day.point is None or day.point.granularity != "day":
        return day
    monday = day.point.day - relativedelta(days=day.point.day.weekday())
    return Resolution(f"{monday.isoformat()}/{(monday + relativedelta(days=6)).isoformat()}", day.relative,
                      day.anchor, point=Point(monday, "day"))


def _calendar_bounds(lower: list[str], words: DateWords) -> list[tuple[int, int | None, int | None]]:
    """(month, day, year) of each end of "February 24", "between February and May 2023",
    "from April 19 to June 1", "September 5 and 15", "the January-March period"; a year
    written once serves the ends before it that lack one."""
    bounds: list[list] = []
    for word in lower:
        bare = _ORDINAL.sub("", word)
        if word in words.months:
            bounds.append([words.months[word], None, None])
        elif YEAR.match(word):
            for bound in bounds:
                bound[2] = bound[2] or int(word)
        elif bare.isdigit() and 1 <= int(bare) <= 31 and bounds:
            if bounds[-1][1] is None:
                bounds[-1][1] = int(bare)
            else:  # "September 5 and 15": the second day of the same month
                bounds.append([bounds[-1][0], int(bare), bounds[-1][2]])
    return [tuple(b) for b in bounds]


def _place_in_year(month: int, day: int | None, anchor: Point, tense: str, strict: bool = False) -> int:
    """The year of a month named without one, next to its anchor: in a year anchor's year, else
    the latest one on or before a day anchor in a past clause, the first one on or after it in a
    future clause, and the nearest one otherwise ("the case is heard in May"). A day a past
    clause would put more than ten months back is the nearest one too: a past clause often sets a
    deadline ("the offer had been set to expire Nov. 6" in a story of November 2). ``strict``
    ("last May", "next May"): never the anchor's own month, and the tense's side always."""
    if anchor.granularity == "year":
        return anchor.day.year
    year, named, anchored = anchor.day.year, (month, day or 0), (anchor.day.month, anchor.day.day)
    if strict or day is None:  # a whole month is on the anchor's side as long as the anchor is in it
        named, anchored = (month,), (anchor.day.month,)
    before = year - 1 if named > anchored or (strict and named == anchored) else year
    after = year + 1 if named < anchored or (strict and named == anchored) else year
    nearest = min((year - 1, year, year + 1),
                  key=lambda y: abs((date(y, month, min(day or 15, 28)) - anchor.day).days))
    if tense == "future":
        return after
    if tense != "past":
        return nearest
    if strict or day is None or (anchor.day - date(before, month, min(day, 28))).days <= _DAYS_TENSE_REACHES:
        return before
    return nearest


def resolve_period_to(expr: Expression, words: DateWords) -> Resolution:
    """'the 12 months to September' -> 2022-10/2023-09: the months that end in the named one, as
    "the September quarter" (2023-07/2023-09) and "the June half" are; a company's period ended on
    a day named is read as its fiscal periods are ("the year ended July 2" is a 52-week year to
    June)."""
    lower = expr.lower
    link = next((i for i, w in enumerate(lower) if w in ("to", "through", "ending", "ended")), None)
    if link is None:  # "the September quarter", "the June half-year": named by the month it ends in
        link = next(i for i, w in enumerate(lower) if w in ("quarter", "half"))
        ending, counted = lower[:link], lower[link:link + 1]
    elif lower[link] == "ended" and any(w.isdigit() and len(w) <= 2 for w in lower[link + 1:]):
        return resolve_fiscal_quarter(expr, words)
    else:
        ending, counted = lower[link + 1:], lower[:link]
    end = resolve_month(replace(expr, lower=ending), words)
    if end.point is None:
        return end
    unit = next(words.time_units.get(w, w) for w in counted if w in words.time_units or w == "half")
    count = parse_number([w for w in counted if w not in words.time_units and w not in ("the", "half")],
                         words.number_words, words.scales) or 1
    months = int(count) * {"month": 1, "quarter": 3, "half": 6, "year": 12}[unit]
    start = end.point.day - relativedelta(months=months - 1)
    return Resolution(f"{start.year:04d}-{start.month:02d}/{end.point.edtf()[:7]}", end.relative, end.anchor,
                      point=Point(start, "month", months))


def resolve_weekday(expr: Expression, words: DateWords) -> Resolution:
    """A weekday next to the publication date, by the tense of its clause: in a past clause the
    latest such day on or before it ("said Friday", "said on Monday"), in a future one the first
    on or after it ("will meet Monday"), else the nearest ("Monday's meeting"). "last" is strictly
    before, "next" strictly after. "the previous Friday" and "the following Monday" count from the
    day the article told of last ("closed on Friday, down 4.5% from the previous Friday"), or from
    publication when it told of none."""
    published, lower = expr.published, expr.lower
    from_narrative = [w for w in lower if (w in words.back or w in words.forward) and w not in ("last", "next")]
    if from_narrative and expr.narrative is not None and expr.narrative.granularity == "day":
        day, label = expr.narrative.day, expr.narrative_anchor()[1]
    elif published is None:
        return Resolution("", relative=True)
    else:
        day, label = published, expr.published_anchor()[1]
    weekday = next(words.weekdays[w] for w in lower if w in words.weekdays)
    back, ahead = (day.weekday() - weekday) % 7, (weekday - day.weekday()) % 7
    if any(w in words.forward for w in lower):  # "next Friday", "the following Monday"
        offset = ahead or 7
    elif any(w in words.back for w in lower):  # "last Friday", "the previous Friday"
        offset = -(back or 7)
    elif expr.tense == "past":
        offset = -back
    elif expr.tense == "future":
        offset = ahead
    else:
        offset = ahead if ahead < back else -back
    point = Point(day + relativedelta(days=offset), "day")
    return Resolution(point.edtf(), True, label, point=point)


def resolve_day_to_weekday(expr: Expression, words: DateWords) -> Resolution:
    """'sold from Aug. 3 through Friday', as filings are reported: from a day of a month to a
    weekday next to publication, each end placed by the tense of its clause (in a past one the
    latest such days on or before publication: 1989-08-03/1989-10-27 in a story of 30 Oct 1989);
    unresolved when an end is, or when the ends come in the wrong order."""
    cut = next(i for i, w in enumerate(expr.lower) if w in ("to", "through", "until"))
    first = 1 if expr.lower[0] in ("from", "between") else 0
    start = resolve_month(replace(expr, words=expr.words[first:cut], lower=expr.lower[first:cut]), words)
    end = resolve_weekday(replace(expr, words=expr.words[cut + 1:], lower=expr.lower[cut + 1:]), words)
    if not start.value or not end.value or start.value > end.value:
        return Resolution("", relative=True)
    return Resolution(f"{start.value}/{end.value}", True, end.anchor)
