"""A company's fiscal calendar, stated once in an article, read into the fiscal periods it names.

Earnings stories say where the company's year ends once ("its fiscal year ends Aug. 31", "for the
year ended Feb. 25", "the fiscal year, which ended in June", "its second quarter ended March 31",
"fiscal 1990 began Oct. 1") and then name its periods by reference or by number: "the latest
fiscal year", "the current fiscal year", "the fiscal fourth quarter", "the first half". With the
year ending in August, in a story of October 1989, "the current fiscal year" is fiscal 1990 (a
fiscal year is named by the calendar year it ends in, and its value is that name, modifier fiscal,
as corpus/ANNOTATION.md writes "fiscal 2023"), "the latest fiscal year" fiscal 1989, "the fiscal
fourth quarter" June to August 1989, "the first half" September to February. Without a stated
calendar, or with one that ends in December, the calendar reading stays.

Counter-examples: "the year ended with a rally" names no month; "sales for the third quarter of
1989" names its calendar year; "the first six months" counts months from January; "fiscal 1990"
is already named.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta
from spacy.tokens import Span

from pipeline.nlp.structure import token_strings
from pipeline.time.business import WEEK_INTO_MONTH
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import YEAR, Point, Resolution

_BETWEEN = frozenset({",", "which", "that", "will", "is", "was", "has", "had", "to", "in", "on", "at", "the",
                      "end", "of", "its", "scheduled", "due"})
"""Words that may stand between a fiscal year, the verb that bounds it and its month ("the fiscal
year, which ended in June", "fiscal 1990 will begin on Oct. 1")."""

_REACH = 4
"""How many such words may stand between them."""


def fiscal_year_end(sentences: list[Span], words: DateWords, bounds: dict[str, str]) -> int:
    """The month a company's fiscal year ends, from the first sentence that states it: a year, a
    numbered quarter or half that ends (or begins, ``bounds``) in a month named ("its fiscal year
    ends Aug. 31" -> 8, "the fiscal second quarter ended Jan. 2" -> 6, "fiscal 1990 began Oct. 1"
    -> 9); 0 when no sentence does."""
    for sent in sentences:
        lower = token_strings(sent.doc, "LOWER")[sent.start:sent.end]
        for i, word in enumerate(lower):
            side = bounds.get(word)
            if side is None:
                continue
            months_left = _months_left(lower[:i], words)
            month, day = _month_after(sent[i + 1:], words)
            if months_left is None or month == 0:
                continue
            if not ("fiscal" in lower[max(0, i - _REACH - 3):i] or (day and side == "end")):
                continue  # "the year started in March with a rally" is no company's year
            if side == "start":
                return (month + 10) % 12 + 1 if months_left == 0 and day in (0, 1) else 0
            if day and day <= WEEK_INTO_MONTH:
                month = month - 1 or 12
            return (month + months_left - 1) % 12 + 1
    return 0


def on_company_calendar(expr: Expression, kind: str, resolution: Resolution, words: DateWords) -> Resolution:
    """``resolution`` read on the company's calendar (``expr.fiscal_end``, the month its year ends):
    "the latest fiscal year" -> the last one ended at publication; "the fiscal year" -> the one
    the reporting frame ends in, else the one publication is in; "the fiscal fourth quarter", "the
    first half" -> that part of the latest such year whose part had ended at publication (the next
    one for a forecast); "the fourth quarter of fiscal 1990" -> that part of fiscal 1990. Anything
    else, and a year that ends in December, as it was."""
    end = expr.fiscal_end
    lower = expr.lower
    year_word = next((int(w) for w in lower if YEAR.match(w)), None)
    fiscal = "fiscal" in lower or expr.modifier == "fiscal"
    if end in (0, 12) or resolution.point is None and kind != "fiscal_year":
        return resolution
    if kind == "fiscal_year" and any(w in ("fiscal", "full") for w in lower):
        return _fiscal_year(expr, resolution)
    if kind not in ("quarter", "half") or not (fiscal or _not_yet_over(expr, resolution)):
        return resolution
    length = 3 if kind == "quarter" else 6
    number = _part_number(lower, words, length)
    if number == 0:
        return resolution
    offset = length * (number - 1)
    if year_word is not None:  # "the fourth quarter of fiscal 1990"
        return _period(_year_start(year_word, end) + relativedelta(months=offset), length, "", resolution, number)
    if expr.published is None:
        return resolution
    year = _year_of(expr.published, end) + 1
    ahead = expr.tense == "future"  # the first such part not yet over, else the latest over
    while True:
        start = _year_start(year, end) + relativedelta(months=offset)
        if _over(start - relativedelta(years=1) if ahead else start, length, expr.published):
            return _period(start, length, expr.published_anchor()[1], resolution, number if length == 3 else 0)
        year -= 1


def _fiscal_year(expr: Expression, resolution: Resolution) -> Resolution:
    """'the fiscal year', 'the current fiscal year', 'the latest fiscal year', 'the next fiscal
    year' on the company's calendar, by its name ("1990", modifier fiscal); a frame that is a
    year already is that year."""
    frame, published, end, lower = expr.narrative, expr.published, expr.fiscal_end, expr.lower
    steps = {"latest": -1, "last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1,
             "current": 0, "this": 0}
    step = next((steps[w] for w in lower if w in steps), None)
    if published is None or (step is None and frame is not None and frame.months == 12):
        return resolution
    year = _year_of(published, end) + (step or 0)
    if step is None and frame is not None and frame.months:
        year = _year_of(frame.day + relativedelta(months=frame.months - 1), end)  # the year the frame ends in
    return replace(resolution, value=str(year), relative=True, anchor=resolution.anchor or expr.published_anchor()[1],
                   modifier="fiscal", point=Point(date(year, 1, 1), "year", 12))


def _months_left(before: list[str], words: DateWords) -> int | None:
    """How many months of the company's year are left after the period the words just before a
    verb name: 0 for a fiscal year ("its fiscal year", "the year", "fiscal 1990"), 3 for its third
    quarter, 6 for its first half; None when they name no such period (a calendar year, "the
    talks")."""
    kept = [w for w in before[-_REACH - 3:] if w not in _BETWEEN]
    if not kept:
        return None
    last = kept[-1]
    if last == "year" and (len(kept) == 1 or kept[-2] in ("fiscal", "the", "financial") or before[-1] == "year"):
        return 0 if "-" not in kept[-2:] else None
    if YEAR.match(last) and len(kept) > 1 and kept[-2] == "fiscal":
        return 0
    parts = [p for w in kept[-3:] for p in w.split("-") if p]
    if last == "quarter" and len(parts) > 1 and parts[-2] in words.quarters:
        return 3 * (4 - words.quarters[parts[-2]])
    if last == "half" and len(parts) > 1 and parts[-2] in words.halves:
        return 6 * (2 - words.halves[parts[-2]])
    return None


def _month_after(after: Span, words: DateWords) -> tuple[int, int]:
    """The month named right after a verb and its day, 0 when none ("Aug. 31" -> (8, 31), "in
    June" -> (6, 0))."""
    tokens = [t for t in after[:_REACH + 1]]
    for i, token in enumerate(tokens):
        if token.lower_ in words.months and token.text[:1].isupper():
            day = tokens[i + 1].text if i + 1 < len(tokens) else ""
            return words.months[token.lower_], int(day) if day.isdigit() and len(day) <= 2 else 0
        if token.lower_ not in _BETWEEN:
            return 0, 0
    return 0, 0


def _part_number(lower: list[str], words: DateWords, length: int) -> int:
    """The number of a quarter or half ("fourth-quarter" 4, "the first half" 1, "Q2" 2), 0 for
    none ("the first six months")."""
    if any(w in ("months", "quarters") for w in lower):
        return 0
    parts = [p for w in lower for p in w.split("-") if p]
    table = words.quarters if length == 3 else words.halves
    noun = "quarter" if length == 3 else "half"
    return next((table[p] for p, after in zip(parts, parts[1:]) if after == noun and p in table), 0)


def _year_of(day: date, end: int) -> int:
    """The fiscal year a day falls in, named by the calendar year it ends in."""
    return day.year + (day.month > end)


def _year_start(year: int, end: int) -> date:
    """The first day of fiscal ``year``: September 1, 1989 for fiscal 1990 ending in August."""
    return date(year, end, 1) - relativedelta(months=11)


def _over(start: date, length: int, published: date) -> bool:
    """Whether a period of ``length`` months from ``start`` had ended at publication."""
    return start + relativedelta(months=length) <= published


def _not_yet_over(expr: Expression, resolution: Resolution) -> bool:
    """A quarter or half told as reported (past tense) whose calendar months had not ended at
    publication: it can only be the company's own ("reported higher first-half profit" in a
    story of March). A quarter so read already carries its number (``reported_fiscal_quarter``)."""
    point, published = resolution.point, expr.published
    if point.fiscal_quarter:
        return True
    return (expr.tense == "past" and published is not None and not any(YEAR.match(w) for w in expr.lower)
            and not _over(point.day, point.months or 6, published))


def _period(start: date, months: int, anchor: str, resolution: Resolution, number: int = 0) -> Resolution:
    """A fiscal period as an interval of months that can anchor others, keeping the resolution's
    modifier; relative when it has an anchor."""
    last = start + relativedelta(months=months - 1)
    return replace(resolution, value=f"{start.year:04d}-{start.month:02d}/{last.year:04d}-{last.month:02d}",
                   relative=bool(anchor), anchor=anchor, point=Point(start, "month", months, number))
