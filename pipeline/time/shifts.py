"""Resolves expressions that move from an anchor by an amount ("20 days later", "a decade ago",
"last year", "the end of the year"): from the last date the narrative set, else from publication."""
from __future__ import annotations

from dateutil.relativedelta import relativedelta

from pipeline.figures.numbers import parse_number
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import Point, Resolution, coarsen

_UNIT_STEP = {
    "day": (relativedelta(days=1), "day"),
    "week": (relativedelta(weeks=1), "day"),  # resolved to the Monday-Sunday interval
    "month": (relativedelta(months=1), "month"),
    "quarter": (relativedelta(months=3), "month"),
    "year": (relativedelta(years=1), "year"),
    "decade": (relativedelta(years=10), "year"),
    "century": (relativedelta(years=100), "year"),
}


_VAGUE_COUNTS = ("few", "several", "many", "some")
"""Counts that say no number: "several years ago" is some time before publication, not a year."""


def resolve_relative_publication(expr: Expression, words: DateWords) -> Resolution:
    """'a decade ago', 'last year', 'yesterday': moved from the publication date. 'several years
    ago' has no checkable value: a vague reference to the past (TimeML's PAST_REF)."""
    if any(w in _VAGUE_COUNTS for w in expr.lower):
        return Resolution("", relative=True, modifier="vague",
                          reference="past" if any(w in words.back for w in expr.lower) else "future")
    return _shift(expr.lower, *expr.published_anchor(), words)


def resolve_relative_narrative(expr: Expression, words: DateWords) -> Resolution:
    """'20 days later', 'the previous year': moved from the last date the narrative set, keeping
    its month ("a year earlier" after "in June" is the June before); before any, from publication.
    'a few days later' has no checkable value (modifier vague)."""
    if expr.narrative is None:
        return resolve_relative_publication(expr, words)
    if any(w in _VAGUE_COUNTS for w in expr.lower):
        return Resolution("", relative=True, modifier="vague")
    return _shift(expr.lower, *expr.narrative_anchor(), words, keep_month=True)


def resolve_calendar_year(expr: Expression, words: DateWords) -> Resolution:
    """'the end of the year': the anchor's year, else the publication's."""
    if expr.narrative is not None:
        return _shift(expr.lower, *expr.narrative_anchor(), words)
    return resolve_relative_publication(expr, words)


def _shift(lower: list[str], anchor: Point | None, anchor_text: str, words: DateWords,
          keep_month: bool = False) -> Resolution:
    """``_shift_by``, unresolved when the amount leaves the calendar ("2014 centuries ago")."""
    try:
        return _shift_by(lower, anchor, anchor_text, words, keep_month)
    except (ValueError, OverflowError):
        return Resolution("", relative=True)


def _shift_by(lower: list[str], anchor: Point | None, anchor_text: str, words: DateWords,
              keep_month: bool) -> Resolution:
    """Move the anchor by the expression's amount ("20 days later", "a decade ago", "last year").
    With ``keep_month`` (a narrative anchor) a counted shift by years or months keeps the anchor's
    month: "a year earlier" after "in June" is the June before, not the year, and after a reporting
    period ("the third quarter") the same period a year before. A calendar unit named from the
    anchor is that unit whole: "the following year" and "later that year" after "in June 1998"
    are 1999 and 1998."""
    if anchor is None:
        return Resolution("", relative=True)
    unit = next((words.time_units[w] for w in lower if w in words.time_units), None)
    if unit is None:  # "yesterday", "today", "tomorrow"; "the next morning", "that night"
        offset = {"yesterday": -1, "tomorrow": 1}.get(lower[-1], _signed_count(lower, words))
        point = coarsen(Point(anchor.day + relativedelta(days=offset), "day"), anchor)
        return Resolution(point.edtf(), True, anchor_text, point=point)
    if unit == "season":  # a sports season runs from late summer into the next year: "this season" -> 2023/2024
        first = anchor.day.year - (anchor.granularity != "year" and anchor.day.month < 7)
        first += _signed_count(lower, words) if not any(w in words.same for w in lower) else 0
        return Resolution(f"{first}/{first + 1}", relative=True, anchor=anchor_text)
    step, granularity = _UNIT_STEP[unit]
    # "this", "that", "same" name the anchor's own period even with "earlier this year"
    amount = 0 if any(w in words.same for w in lower) else _signed_count(lower, words)
    counted = any(w[0].isdigit() or w in words.number_words or w in ("a", "an") for w in lower) or "ago" in lower
    unit_months = {"month": 1, "quarter": 3, "year": 12}.get(unit, 0)
    if keep_month and anchor.months and unit_months >= anchor.months:  # the period, moved whole
        start = anchor.day + step * amount
        end = start + relativedelta(months=anchor.months - 1)
        return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative=True,
                          anchor=anchor_text, point=Point(start, "month", anchor.months, anchor.fiscal_quarter))
    if keep_month and anchor.months and unit_months:  # "a month earlier" than the 12 months to September
        anchor = Point(anchor.day + relativedelta(months=anchor.months - 1), "month")
    if unit_months and keep_month and counted and anchor.granularity != "year":
        granularity = "month"  # "a year earlier" than June: that June; "the following year", "that year": a year
    if unit == "week" and counted:  # "a week ago", "two weeks later": a day
        granularity = "day"
    elif unit == "week" and anchor.granularity == "day":  # "last week": the Monday-Sunday span
        monday = anchor.day + step * amount - relativedelta(days=(anchor.day + step * amount).weekday())
        return Resolution(f"{monday.isoformat()}/{(monday + relativedelta(days=6)).isoformat()}",
                          relative=True, anchor=anchor_text)
    point = coarsen(Point(anchor.day + step * amount, granularity), anchor)
    return Resolution(point.edtf(), relative=True, anchor=anchor_text, point=point)


def _signed_count(lower: list[str], words: DateWords) -> int:
    """'three seasons ago' -> -3, 'next season' -> 1."""
    sign = -1 if any(w in words.back for w in lower) else 1 if any(w in words.forward for w in lower) else 0
    rest = [w for w in lower if w not in words.time_units and w not in words.back and w not in words.forward
            and w not in words.same and w not in ("the", "just", "on")]
    count = parse_number(rest, words.number_words, words.scales) if rest else None
    return (1 if count is None else int(count)) * sign
