"""Dates the results a company or an agency reports by the quarter its article reports on.

"Tallis reports 35% jump in profit" above "Tallis has reported a jump in profit of 35%. Net
income in the last three months of 2031 was $1.2bn": the figure "reported" names no period of
its own, but the story says which one the results are for, the first quarter it dates that had
closed by publication (October to December 2031), not the story's day nor a date carried from an
earlier sentence ("launched the console in October. ... the games unit reported a drop of 3%").
Only figures of money and percentages whose clause's verb is "report", and only where nothing in
their own sentence dates them; their ``time_source`` is `lead`, a period the story gives rather
than the figure's text.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span

from pipeline.nlp.structure import clause_head
from pipeline.records import TimeScope
from pipeline.time.anchoring import DatedSpan
from pipeline.time.fallback import LEAD, UNDATED_SOURCES
from pipeline.time.points import published_as

_QUARTER = re.compile(r"^(\d{4})-(01|04|07|10)/(\d{4})-(03|06|09|12)$")


def reporting_quarter(dates: list[DatedSpan], published: date | None) -> TimeScope | None:
    """The first calendar quarter the article dates ("the last three months of 2031", "the
    fourth quarter") that had ended by publication, or None."""
    for _, mention in dates:
        found = _QUARTER.match(mention.value)
        if (found and found[1] == found[3] and int(found[4]) - int(found[2]) == 2
                and (published is None or mention.value[-7:] < published_as(mention.value[-7:], published))):
            return TimeScope(mention.text, mention.value, LEAD)
    return None


def reported_scopes(figures: list[Span], kinds: list[str], scopes: list[TimeScope | None],
                    dates: list[DatedSpan], published: date | None) -> list[TimeScope | None]:
    """Every figure's scope, a reported money or percentage figure that its sentence leaves
    undated given the quarter the article reports on."""
    quarter = reporting_quarter(dates, published)
    if quarter is None:
        return list(scopes)
    return [quarter if scope is not None and scope.source in UNDATED_SOURCES and kind in ("money", "percent")
            and clause_head(figure.root).lemma_.lower() == "report" else scope
            for figure, kind, scope in zip(figures, kinds, scopes)]
