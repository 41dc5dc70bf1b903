"""A reference point for date extraction: dateparser's ``search_dates`` run over a whole article.

The temporal evaluation scores this next to the pipeline, so a number like "relative value
accuracy 0.80" can be read against what an off-the-shelf library gets on the same text.

The adapter is deliberately thin. dateparser returns (matched string, datetime) pairs; the adapter
only (1) finds each string in the text, in order, for offsets, (2) trims what the annotation
guidelines leave out of a span (a leading "in"/"on"/"at", trailing punctuation and function words
dateparser sometimes swallows), and (3) writes the datetime at the granularity the string names:
a day for "4 Feb. 2022" or "yesterday", a month for "March 2019" or "this month", a year for "2014"
or "last year". Anything a datetime cannot say (decades, centuries, intervals, seasons) is out of
its reach and scores as such.

The publication date is dateparser's ``RELATIVE_BASE``. Without one, dateparser would resolve
"last year" against the clock of the machine running the evaluation, so an expression without a
written year then gets an empty value, as the guidelines ask.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from dateparser.search import search_dates

from pipeline.records import Article, DateMention

RULE_ID = "dateparser-search"
PREFER_DATES_FROM = "current_period"
"""Of dateparser's three choices this one resolves the most relative dates right on the corpus
(value accuracy on relative gold 0.56, against 0.46 for "past" and 0.41 for "future"), so the
baseline is shown at its best."""

_LEADING = {"in", "on", "at", "of", "and"}
_TRAILING = {"and", "the", "a", "an", "of", "from", "to", "in", "on", "at", "by"}
_EDGE_PUNCTUATION = " \t\n,.;:()\"'“”‘’"

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_DAY_WORDS = {"yesterday", "today", "tomorrow", "day", "days", "week", "weeks", "fortnight", *_WEEKDAYS}
_MONTH_WORDS = {"month", "months", *_MONTHS}
_YEAR = re.compile(r"\b\d{4}\b")
_DAY_NUMBER = re.compile(r"\b([1-9]|[12]\d|3[01])(st|nd|rd|th)?\b")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def baseline_dates(article: Article) -> tuple[DateMention, ...]:
    """dateparser's dates for one article, as date mentions located in its text."""
    settings: dict = {"PREFER_DATES_FROM": PREFER_DATES_FROM, "RETURN_AS_TIMEZONE_AWARE": False}
    if article.published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(article.published, datetime.min.time())
    found = search_dates(article.text, languages=["en"], settings=settings) or []
    mentions, cursor = [], 0
    for matched, moment in found:
        start = article.text.find(matched, cursor)
        if start < 0:
            continue
        cursor = start + len(matched)
        span = _trim(article.text, start, cursor)
        if span is None:
            continue
        text = article.text[span[0]:span[1]]
        relative = _YEAR.search(text) is None
        value = "" if relative and article.published is None else edtf_at_granularity(text, moment.date())
        mentions.append(DateMention(start=span[0], end=span[1], text=text, value=value,
                                    sentence_index=0, relative=relative, rules=(RULE_ID,)))
    return tuple(mentions)


def edtf_at_granularity(text: str, moment: date) -> str:
    """``moment`` as a day, month or year, whichever the matched ``text`` names."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    has_month_name = bool(words & set(_MONTHS))
    if _ISO_DAY.search(text) or words & _DAY_WORDS or (has_month_name and _DAY_NUMBER.search(_YEAR.sub("", text))):
        return moment.isoformat()
    if words & _MONTH_WORDS:
        return f"{moment.year:04d}-{moment.month:02d}"
    return f"{moment.year:04d}"


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without edge punctuation, a leading preposition or a trailing function word."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _EDGE_PUNCTUATION:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _EDGE_PUNCTUATION:
            end, changed = end - 1, True
        first = re.match(r"(\w+)\s+", text[start:end])
        if first and first.group(1).lower() in _LEADING:
            start, changed = start + first.end(), True
        last = re.search(r"\s+(\w+)$", text[start:end])
        if last and last.group(1).lower() in _TRAILING:
            end, changed = start + last.start(), True
    return (start, end) if start < end else None
