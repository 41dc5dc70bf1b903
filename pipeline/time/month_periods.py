"""Resolves the periods of months a year is cut into: "the third quarter of 2023", "the first half",
"the last three months of 2024", "last summer"; each an interval of months of the year its words
name or of its anchor's, the quarter on the company's own calendar where the article states one."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from pipeline.figures.numbers import parse_number
from pipeline.time.business import reported_fiscal_quarter
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import YEAR, Point, Resolution


def resolve_quarter(expr: Expression, words: DateWords) -> Resolution:
    """A quarter as an interval of months: the third quarter of 2023 -> 2023-07/2023-09."""
    number = next((words.quarters[w] for w in expr.lower if w in words.quarters), None)
    number = number or next(int(w[1]) for w in expr.lower if re.fullmatch(r"q[1-4]", w))
    calendar = _months(expr, words, 3 * number - 2, 3)
    return reported_fiscal_quarter(expr, calendar, number) or calendar


def resolve_half(expr: Expression, words: DateWords) -> Resolution:
    """A half year as an interval of months: the first half of 2024 -> 2024-01/2024-06, "the last
    half of 2024" the second; the first five months of 2024 -> 2024-01/2024-05, the first two
    quarters of 2024 -> 2024-01/2024-06; the last three months of 2024 -> 2024-10/2024-12."""
    lower = expr.lower
    unit = next((w for w in lower if w in ("months", "quarters")), None)
    if unit:
        count = parse_number([w for w in lower if w not in ("the", "first", unit, "of", "this", "last", "final",
                                                             "closing", "year") and not YEAR.match(w)],
                             words.number_words, words.scales)
        months = max(1, min(12, int(count or 1) * (3 if unit == "quarters" else 1)))
        from_end = lower.index(unit) >= 2 and lower[lower.index(unit) - 2] in ("last", "final", "closing")
        return _months(expr, words, 13 - months if from_end else 1, months)
    plain = [w for w in lower if w != "-"]  # "first-half"
    number = next((words.halves[w] for w, after in zip(plain, plain[1:]) if after == "half" and w in words.halves),
                  None)
    number = number or next(int(c) for w in lower if re.fullmatch(r"h[12]|[12]h", w) for c in w if c.isdigit())
    if any(w in ("of", "year", "'s", "’s") or YEAR.match(w) for w in lower):
        return _months(expr, words, 6 * number - 5, 6)
    # "the second half" alone: told in the past, the latest such half whose last month had begun by
    # the anchor; else the anchor's year's ("expects growth in the second half")
    told = replace(expr, tense=expr.tense if expr.tense in ("past", "future") else "")
    return _months(told, words, 6 * number - 5, 6, moving=True, keeps_length=True)


def resolve_season(expr: Expression, words: DateWords) -> Resolution:
    """A season as an interval of months (northern hemisphere): the summer of 2022 ->
    2022-06/2022-08, the winter of 2022 -> 2022-12/2023-02. Without a year, a past clause
    takes the latest one begun by the anchor ("The winter brought reinforcements"), a future
    one the first not yet over ("plans an exhibition for the summer")."""
    first = next(int(words.seasons[w]) for w in expr.lower if w in words.seasons)
    return _months(expr, words, first, 3, moving=True)


def _months(expr: Expression, words: DateWords, first: int, length: int, moving: bool = False,
            keeps_length: bool = False) -> Resolution:
    """An interval of ``length`` months from month ``first`` of the year the words name, else of
    the anchor's year: "of last year" the one before, and for a ``moving`` period (a season) "last"
    or "previous" the latest such period ended before the anchor, "next" or "following" the first
    one begun after it ("last summer", "the following spring"). As an anchor a moving period is its
    year, unless it ``keeps_length`` (a half: "a year earlier" after "the first half" is a half)."""
    lower, published, narrative = expr.lower, expr.published, expr.narrative
    moving_words = lower if moving else []
    year_word = next((w for w in lower if YEAR.match(w)), None)
    found = (int(year_word), "") if year_word else _year_anchor(expr)
    if found is None:
        return Resolution("", relative=True)
    (year, anchor), relative = found, not year_word
    if not year_word:
        after_of = lower[lower.index("of") + 1:] if "of" in lower else _possessive_year(lower)
        deictic = any(w in ("this", "last", "next") for w in after_of + moving_words[:1])
        if deictic and published is None:  # "this spring" needs the publication date
            return Resolution("", relative=True)
        if deictic:  # "of this year", "this spring": the publication's
            (year, anchor), narrative = (published.year, expr.published_anchor()[1]), None
        year += _year_step(after_of, moving_words, first, length, words, narrative
                           or (Point(published, "day") if published else None),
                           "" if deictic or not moving else expr.tense, keeps_length and expr.fiscal_end in (0, 12))
    start = date(year, first, 1)
    end = start + relativedelta(months=length - 1)
    # as an anchor its year ("four years later" after "the summer of 1959" is 1963); a quarter or
    # half keeps its length too ("a year earlier" after the third quarter of 2024 is 2023-07/2023-09)
    return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative, anchor,
                      point=Point(start, "year", 0 if moving and not keeps_length else length))


def _possessive_year(lower: list[str]) -> list[str]:
    """The words naming the year in "next year's first quarter" ("next year"), as "of next year"
    would; none without such a possessive."""
    mark = next((i for i, w in enumerate(lower) if w in ("'s", "’s")), 0)
    return lower[:mark] if mark and lower[mark - 1] == "year" else []


def _year_anchor(expr: Expression) -> tuple[int, str] | None:
    """The year a month or quarter named without one falls in: the narrative's, else publication's."""
    if expr.narrative is not None:
        return expr.narrative.day.year, expr.narrative_anchor()[1]
    if expr.published is not None:
        return expr.published.year, expr.published_anchor()[1]
    return None


def _year_step(after_of: list[str], moving: list[str], first: int, length: int, words: DateWords,
               anchor: Point | None, tense: str = "", closing: bool = False) -> int:
    """-1, 0 or 1: how far from the anchor's year a period named relative to it lies. Told in the
    past, a season is the latest one begun by the anchor ("The winter brought reinforcements"), a
    half (``closing``) the latest whose last month had begun, as a half's results are told once it
    closes ("Sales rose 5% in the first half" in a story of January 2024 is the first half of 2023;
    with a company calendar stated, the half begun, which ``fiscal`` reads as the company's)."""
    if any(w in words.back for w in after_of):
        return -1
    if any(w in words.forward for w in after_of):
        return 1
    back, forward = any(w in words.back for w in moving), any(w in words.forward for w in moving)
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
    if closing:
        return 0 if end - relativedelta(months=1) <= anchor.day else -1
    return 0 if start <= anchor.day else -1
