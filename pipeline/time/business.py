"""Resolves the periods of company results and economic releases from the article's reporting frame.

Earnings stories and data releases name their periods by reference: "the latest quarter", "the
year-ago period", "the nine months", "the fiscal year", "year-end", "over the weekend". Their value
comes from the reporting frame, the last period the article reported figures for ("third-quarter
profit", "the quarter ended Sept. 30", "the first nine months"), or, before any, from the most
recent quarter completed at publication. A company's own calendar is kept when the text states it:
"the fiscal first quarter ended Sept. 30" is July to September, whatever its fiscal number.

"a year ago", "a year earlier" and "last year" compare with the same period a year before when
their sentence is about a reporting period (one is named in it, or it reports results right after
the frame was set): "net rose to $94 million from $85 million a year ago" after "third-quarter
net" is the third quarter of the year before, not the whole year.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Span, Token

from pipeline.figures.numbers import parse_number
from pipeline.nlp.structure import clause_head
from pipeline.time.expressions import DateWords, Expression
from pipeline.time.points import YEAR, Point, Resolution

FRAME_TYPES = ("reporting_period", "fiscal_year")
"""Rule types resolved against the reporting frame rather than the last date mentioned."""

FRAME_SETTERS = ("quarter", "half", "period_to", "fiscal_quarter", "reporting_period")
"""Rule types that name a reporting period themselves, and so may set the frame."""

YEAR_BACK_WORDS = frozenset({"ago", "earlier", "before", "prior", "previous", "last", "corresponding",
                             "comparable", "preceding"})
"""Words that move a reporting period to the one a year before ("the year-ago quarter", "the
comparable period", "last year's quarter")."""

PERIOD_NOUNS = frozenset({"quarter", "quarters", "quarterly", "period", "months"})
"""Nouns that show a sentence is about a reporting period ("third-quarter", "in the period")."""

FRAME_REACH = 1
"""How many sentences after the one that set the frame a bare "a year ago" still compares with it
(counting only those that tell a figure or name a date, but for "last year")."""

_QUARTER_CODE = re.compile(r"^(q[1-4]|[1-4]q)$")

WEEK_INTO_MONTH = 7
"""A period that ends this many days or fewer into a month ends, in months, with the month before
("the six months ended Oct. 1", as retailers' 52-week years end)."""

_LAST_WEEK = 24
"""A period that ends on this day of a month or later began in the last week of a month too, and is
counted from the month after ("the quarter ended Aug. 26" is June to August); one that ends between
the first and the last week began in the middle of a month, which it takes in ("the six months
ended Aug. 14" ran from Feb. 15: February to August)."""

_MONTH_COUNT = re.compile(r"^(three|six|nine|twelve|\d{1,2})$")


def last_closed_quarter(published: date | None) -> Point | None:
    """The most recent quarter completed at publication: July to September 1989 for an article of
    November 2, 1989 ("the latest quarter" before the article names one)."""
    if published is None:
        return None
    first = date(published.year, (published.month - 1) // 3 * 3 + 1, 1) - relativedelta(months=3)
    return Point(first, "month", 3)


def period_end(point: Point) -> date:
    """The first day of a period's last month: September 1 for the third quarter."""
    return point.day + relativedelta(months=max(point.months, 1) - 1)


def resolve_reporting_period(expr: Expression, words: DateWords) -> Resolution:
    """'the latest quarter', 'the period', 'the nine months' -> the frame's months; 'the
    year-ago quarter', 'the comparable period', 'last year's quarter' -> the same months a year
    before; 'the 1988 third quarter', 'the year-earlier third quarter' -> that quarter of the year
    named or of the year before the frame."""
    lower = expr.lower
    year_word = next((int(w) for w in lower if YEAR.match(w)), None)
    if year_word is not None and not _months_named(lower, words) and not (expr.narrative and expr.narrative.months):
        return Resolution(str(year_word), point=Point(date(year_word, 1, 1), "year"))  # no frame: "the same period of 2023"
    frame, label = _frame(expr)
    if frame is None:
        return Resolution("", relative=True)
    back = _years_back(lower)
    number = next((words.quarters[w] for w in lower if w in words.quarters and w not in ("last", "final")), None)
    if number is not None:  # "the year-ago third quarter": that quarter, in the year the words give
        year = year_word or period_end(frame).year - back
        start = date(year, 3 * number - 2, 1)
        return _interval(start, 3, label, relative=year_word is None)
    months = _months_named(lower, words) or frame.months or 3
    start = period_end(frame) - relativedelta(months=months - 1)
    if year_word is not None:
        start = start.replace(year=year_word - (period_end(frame).year - start.year))
    else:
        start -= relativedelta(years=back)
    return _interval(start, months, label, fiscal_quarter=frame.fiscal_quarter if months == frame.months else 0)


def resolve_fiscal_quarter(expr: Expression, words: DateWords) -> Resolution:
    """'the fiscal first quarter ended Sept. 30', 'its fourth quarter ended Aug. 26': the company's
    own calendar, the three months that end in the month named (July to September), whatever the
    quarter's number; without a year, the last such month at publication."""
    link = next(i for i, w in enumerate(expr.lower) if w in ("ended", "ending", "through"))
    named = month = next(words.months[w] for w in expr.lower[link + 1:] if w in words.months)
    day = next((int(w) for w in expr.lower[link + 1:] if w.isdigit() and len(w) <= 2), 31)
    if day <= WEEK_INTO_MONTH:  # "the quarter ended Oct. 1": a 52-week calendar's quarter to September
        month = month - 1 or 12
    year_word = next((int(w) for w in expr.lower[link + 1:] if YEAR.match(w)), None)
    if year_word is None and expr.published is None:
        return Resolution("", relative=True)
    ahead = "ending" in expr.lower or expr.tense == "future"  # "the quarter ending June 30": the next one
    year = year_word or expr.published.year + (month < expr.published.month if ahead else
                                               -(month > expr.published.month))
    anchor = "" if year_word else expr.published_anchor()[1]
    if "weeks" in expr.lower[:link]:
        end = date(year + (named < month), named, 1) + relativedelta(day=day)  # "Jan. 2" after December
        return _weeks_ended(expr.lower[:link], end, words, anchor)
    months = _months_named(expr.lower[:link], words) or 3
    start = date(year, month, 1) - relativedelta(months=months - 1)
    number = next((words.quarters[w] for w in expr.lower[:link] if w in words.quarters), 0) if months == 3 else 0
    if WEEK_INTO_MONTH < day < _LAST_WEEK:  # "the six months ended Aug. 14" began on Feb. 15
        start, months = start - relativedelta(months=1), months + 1
    return _interval(start, months, anchor, relative=year_word is None, fiscal_quarter=number)


def _weeks_ended(lower: list[str], end: date, words: DateWords, anchor: str) -> Resolution:
    """'the 12 weeks ended Oct. 7', 'the 40 weeks ended March 3': a retailer's period counted in
    weeks, the days from the one after the same day N weeks before to the day named
    (1989-07-16/1989-10-07); as a frame its length in months, rounded ("the year-earlier
    period" after it is the same months a year back)."""
    count = int(parse_number([w for w in lower if _MONTH_COUNT.match(w) or w in words.number_words],
                             words.number_words, words.scales) or 1)
    start = end - timedelta(weeks=count) + timedelta(days=1)
    return Resolution(f"{start.isoformat()}/{end.isoformat()}", bool(anchor), anchor,
                      point=Point(start, "day", max(1, round(count * 7 / 30.44))))


def reported_fiscal_quarter(expr: Expression, calendar: Resolution, number: int) -> Resolution | None:
    """A quarter named by its number in a past clause whose calendar months had not ended at
    publication: a company's own quarter, the last one closed. "Ralston reported a decline in
    fourth-quarter earnings" in a story of November 2, 1989 reports a quarter that is over, and
    the calendar's fourth quarter was not: it is July to September 1989, the company's quarter 4.
    A quarter called "fiscal" is the company's own whatever its calendar months: "earnings rose
    in the fiscal first quarter" in a story of October 26, 1989 reports the quarter just closed,
    July to September, not one that ended seven months before. None for any other quarter ("the
    fourth quarter" ahead, "the fourth quarter of 1988"). A calendar quarter that closed last or
    just before it, a year back from the one its year would give, is that quarter: "output in the
    third quarter was revised up" in a story of late January is the third quarter of the year
    just ended, the one before the fourth it reports."""
    point, published = calendar.point, expr.published
    if (expr.tense != "past" or published is None or point is None or not calendar.relative
            or any(w in ("this", "next", "last", "coming", "current") for w in expr.lower)
            or (period_end(point) <= published and "fiscal" not in expr.lower)):
        return None
    closed, earlier = last_closed_quarter(published).day, point.day - relativedelta(years=1)
    if "fiscal" not in expr.lower and closed - relativedelta(months=3) <= earlier <= closed:
        return _interval(earlier, 3, expr.published_anchor()[1])
    return _interval(closed, 3, expr.published_anchor()[1], fiscal_quarter=number)


def resolve_fiscal_year(expr: Expression, words: DateWords) -> Resolution:
    """'the fiscal year', 'the current fiscal year', 'the full year' -> the frame's twelve months
    when it is a year ("the year ended Sept. 30"), else the publication's year; 'the latest
    fiscal year', 'the past fiscal year' -> the year before."""
    frame = expr.narrative
    if frame is not None and frame.months == 12:
        return _interval(frame.day, 12, expr.narrative_anchor()[1], relative=True)
    if expr.published is None:
        return Resolution("", relative=True)
    lower = expr.lower
    step = -1 if any(w in ("latest", "last", "past", "previous", "prior") for w in lower) else \
        1 if any(w in ("next", "coming") for w in lower) else 0
    year = expr.published.year + step
    return Resolution(str(year), True, expr.published_anchor()[1], point=Point(date(year, 1, 1), "year", 12))


def resolve_year_end(expr: Expression, words: DateWords) -> Resolution:
    """'year-end', 'year's end', 'around year end': the end of the publication's year, or of the
    year before in a past clause ("debt at year-end was $5 billion" published in February); the
    value is the year, modifier late."""
    if expr.published is None:
        return Resolution("", relative=True, modifier="late")
    year = expr.published.year - (expr.tense == "past" and expr.published.month < 12)
    return Resolution(str(year), True, expr.published_anchor()[1], modifier="late",
                      point=Point(date(year, 12, 31), "year"))


def resolve_weekend(expr: Expression, words: DateWords) -> Resolution:
    """'over the weekend', 'last weekend' -> the latest Saturday and Sunday up to publication;
    'next weekend', or 'this weekend' in a future clause -> the first one after."""
    published, lower = expr.published, expr.lower
    if published is None:
        return Resolution("", relative=True)
    ahead = "next" in lower or (expr.tense == "future" and "last" not in lower) or \
        ("this" in lower and expr.tense != "past" and published.weekday() < 5)
    if ahead:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or (7 if "next" in lower else 0))
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    sunday = saturday + timedelta(days=1)
    return Resolution(f"{saturday.isoformat()}/{sunday.isoformat()}", True, expr.published_anchor()[1])


def compares_with_frame(span: Span, words: DateWords, frame: tuple[Point, str, int] | None,
                        sentence: tuple[int, list[int]], figures: list[Span]) -> bool:
    """Whether "a year ago", "a year earlier" or "last year" at ``span`` means the frame's period a
    year before: the frame is shorter than a year, the expression moves back by one year and
    dates a figure of its own clause ("net rose to $94 million from $85 million a year ago") or is
    what something is compared with ("in the 1989 period, rates were lower than a year ago"), and
    its sentence is about a reporting period: it names one ("third-quarter net"), or comes right
    after the sentence that set the frame, and names no year of its own ("grew 5.9 percent in
    2021 and 2.1 percent last year" compares years), or gives results of a company that the look
    back comes before ("A year earlier, the mill earned $5.2 million", any number of sentences after
    the frame; not "last year", which may name the calendar year; a look back after a base, "from
    $4 million a year ago", dates the base through the figure it is compared with). Sentences that tell no figure and name no date
    do not part "a year ago" or "a year earlier" from the frame's sentence, but they do "last
    year", which names the calendar year ("The charges were offset by a gain. Last year, it had
    $9 million of charges"). ``sentence`` is the sentence's index and each sentence's place among
    those that tell a figure or name a date."""
    if frame is None or not 0 < frame[0].months < 12 or not _one_year_back(span, words):
        return False
    head = clause_head(span.root)
    compared = span.start > span.sent.start and span.doc[span.start - 1].lower_ in ("than", "from")
    if not compared and not any(clause_head(figure.root) == head for figure in figures):
        return False
    others = [t for t in span.sent if not span.start <= t.i < span.end]
    if any(_names_a_year(t) for t in others):
        return False
    if any(part in PERIOD_NOUNS or _QUARTER_CODE.match(part) for t in others for part in t.lower_.split("-")):
        return True
    if (not any(t.lower_ == "last" for t in span) and all(span.end <= f.start for f in figures)
            and _tells_results(others, words)):
        return True
    index, telling = sentence
    if index < frame[2]:
        return False
    return index - frame[2] <= FRAME_REACH or (telling[index] - telling[frame[2]] <= FRAME_REACH
                                               and not any(t.lower_ == "last" for t in span))


def _tells_results(tokens: list[Token], words: DateWords) -> bool:
    """Whether a sentence gives a company's results ("A year earlier, the mill earned $5.2 million,
    or 11 cents a share, on sales of $61 million"): a look back in it compares them with the
    frame's period however many sentences about the period's charges came between. A noun of the
    results, as a noun ("sales", not "sold"), in a sentence that names no month or weekday ("Home
    sales in May were 4% lower than a year earlier" compares with May)."""
    return (any(t.pos_ == "NOUN" and (t.lower_ in words.results or t.lemma_.lower() in words.results) for t in tokens)
            and not any(t.lower_ in words.months or t.lower_ in words.weekdays for t in tokens))


def _names_a_year(token: Token) -> bool:
    """'in 2021', 'for 1988': a year on its own, not the year of a quarter ("the third quarter of
    2023", "the 2022 period", "fiscal 2023" is a year too); and a company's year named by its end
    ("net for the year ended Aug. 31 fell from $9 million last year" compares years)."""
    after = token.nbor(1).lower_ if token.i + 1 < token.sent.end else ""
    if token.lower_ == "year":
        return after in ("ended", "ending")
    if not YEAR.match(token.text):
        return False
    before = token.nbor(-1).lower_ if token.i > token.sent.start else ""
    return before not in ("of", "the") and after not in PERIOD_NOUNS


def sets_frame(kind: str, point: Point | None, lower: list[str], tense: str, comparison: bool,
               frame: tuple[Point, str, int] | None, published: date | None) -> bool:
    """Whether a resolved date becomes the reporting frame: a period the text names ("third-quarter
    profit", "the quarter ended Sept. 30", "the first nine months") reported in the past or
    present, whose last month had begun by publication, and not before the frame already set;
    not a forecast ("into the fourth quarter"), a comparison base, a period a year back ("the
    year-ago quarter"), one moved from another ("the same quarter") or one looked back on ("after
    a flat second quarter"). A period over by publication is reported even in a clause about what
    comes ("plans to cut 300 jobs in the wake of a third-quarter loss", published in October)."""
    if (kind not in FRAME_SETTERS or point is None or not point.months or comparison or _years_back(lower)):
        return False
    end = period_end(point).replace(day=1)
    if tense == "future" and (published is None or end + relativedelta(months=1) > published):
        return False
    if published is not None and end > published:
        return False
    return frame is None or end >= period_end(frame[0]).replace(day=1)


def _one_year_back(span: Span, words: DateWords) -> bool:
    """'a year ago', 'a year earlier', 'last year', 'the previous year': one year back."""
    lower = [t.lower_ for t in span if t.lower_ != "the"]
    units = [w for w in lower if words.time_units.get(w) == "year"]
    back = [w for w in lower if w in words.back]
    rest = [w for w in lower if w not in units and w not in back]
    return len(units) == 1 and bool(back) and all(w in ("a", "an", "one") for w in rest)


def _years_back(lower: list[str]) -> int:
    """1 when the words name a period a year back ("year-ago", "last year's", "the comparable
    period"), else 0."""
    return int(any(part in YEAR_BACK_WORDS for w in lower for part in w.split("-")))


def _months_named(lower: list[str], words: DateWords) -> int:
    """The length the words give a period: "quarter" 3, "half" 6, "nine months" 9, "year" 12
    (not the "year" of "year-ago"), else 0: the frame's own length, for "the period"."""
    if "months" in lower:
        count = [w for w in lower if _MONTH_COUNT.match(w) or w in words.number_words]
        return int(parse_number(count, words.number_words, words.scales) or 0) if count else 0
    named = {"quarter": 3, "half": 6, "period": 0}
    return next((named[w] for w in lower if w in named), 12 if lower and lower[-1] == "year" else 0)


def _frame(expr: Expression) -> tuple[Point | None, str]:
    """The reporting frame the anchoring passed, else the last quarter closed at publication;
    for "the current quarter" (or "this quarter" in a future clause) the one publication is in."""
    if expr.published and ("current" in expr.lower or ("this" in expr.lower and expr.tense == "future")):
        closed = last_closed_quarter(expr.published)
        return Point(closed.day + relativedelta(months=3), "month", 3), expr.published_anchor()[1]
    if expr.narrative is not None and expr.narrative.months:
        return expr.narrative, expr.narrative_anchor()[1]
    return last_closed_quarter(expr.published), expr.published_anchor()[1]


def _interval(start: date, months: int, anchor: str, relative: bool = True, fiscal_quarter: int = 0) -> Resolution:
    """A period of ``months`` months from ``start``, as an EDTF interval that can anchor others;
    ``fiscal_quarter`` is its number in the company's year when it is a quarter of it."""
    end = start + relativedelta(months=months - 1)
    return Resolution(f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}", relative,
                      anchor if relative else "", point=Point(start, "month", months, fiscal_quarter))
