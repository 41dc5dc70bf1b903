"""The period of a person's age: the day the article speaks for, as news gives ages.

"Dana Pryce, 31, has pleaded not guilty" and "a 47-year-old roofer" say how old someone is when
the story is told, so an age is checked against the article's day (``time_source`` `published`),
not a span of years back from it ("has pleaded" is no run of 31 years), nor a year or a span its
sentence or the sentences before give ("Tomas Brandt, 58, is serving a term for the June 2019
robbery"; "a house where Karl Moreno, a 47-year-old roofer, lived last year"; "Ines Vidal, 52, was
convicted twice from 2011 to 2016"). An age told in the simple past is the person's age when that
happened: a day or a month that dates its clause, its sentence or the news it goes on about stays
its time ("Lena Ortiz, 34, was arrested on Tuesday" is her age that Tuesday; "Hugo Lamb, 61, was
shot" after a lead on a shooting on Oct. 23 is his age that day), when it falls within the year
before the article's day: "Ray Cole, 54, flew on the shuttle in October 1984" in a story of 1998
is his age now. An age said to be "when" something happened is the age at that time, however
long ago: "Tom Reyes, 41 years old when he was abducted on May 3, 2019" keeps May 3, 2019.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.nlp.structure import clause_head, clause_tense, described_by_age
from pipeline.records import TimeScope

AGE_UNITS = frozenset({"year", "month", "week", "day"})
"""Units an age is told in ("a 7-year-old boy", "a six-week-old foal"): only such a figure is read
as the age of the noun it describes."""

_DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(-\d\d)?")


def age_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
               day: TimeScope | None) -> list[TimeScope | None]:
    """Each figure's scope, an age's replaced by the article's ``day`` unless it is told in the
    simple past and dated by a day or a month ("was arrested on Tuesday"); other figures keep theirs."""
    return [day if unit in AGE_UNITS and described_by_age(span) is not None and not _dated_past(span, scope, day)
            and not (scope is not None and _old_when(span)) else scope for span, scope, unit in zip(figures, scopes, units)]


def _old_when(span: Span) -> bool:
    """Whether the age is said of a time by "when" right after it ("41 years old when he was
    abducted"), which the parse may hang from another verb: the time its clause gives stands."""
    old = span.root.head if span.root.head.lower_ == "old" else None
    return old is not None and old.i + 1 < len(span.doc) and span.doc[old.i + 1].lower_ == "when"


def _dated_past(span: Span, scope: TimeScope | None, day: TimeScope | None) -> bool:
    """Whether an age is told in the simple past ("was shot", "died"; not "has pleaded", "will
    succeed") and its scope is a day or a month of the year before the article's ``day``: news
    gives a person's age at the time of writing, the same at last week's arrest, but not at a
    flight of October 1984 in a story of 1998 ("Ray Cole, 54, flew on the shuttle in October 1984")."""
    verb = clause_head(span.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    simple_past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries <= {"was", "were"} and bool(auxiliaries))
    return (scope is not None and bool(_DAY_OR_MONTH.fullmatch(scope.value)) and simple_past
            and clause_tense(span) == "past" and _within_a_year(scope.value, day))


def _within_a_year(value: str, day: TimeScope | None) -> bool:
    """Whether a day or month ('1984-10') falls within the twelve months up to the article's day."""
    if day is None or not _DAY_OR_MONTH.fullmatch(day.value):
        return True
    months = (int(day.value[:4]) - int(value[:4])) * 12 + int(day.value[5:7]) - int(value[5:7])
    return 0 <= months <= 12
