"""The period of a person's age: the day the article speaks for, as news gives ages.

"Dana Pryce, 31, has pleaded not guilty" and "a 47-year-old roofer" say how old someone is when
the story is told, so an age is checked against the article's day (``time_source`` `published`),
not a span of years back from it ("has pleaded" is no run of 31 years), a period carried from
earlier sentences, or a date of something else its sentence tells ("Tomas Brandt, 58, is serving a
term for the June 2019 robbery"; "a house where Karl Moreno, a 47-year-old roofer, lived last year";
"Ines Vidal, 52, was convicted twice from 2011 to 2016"). Only a day or a month of the age's own
clause, told in the past, is the age's time: "Lena Ortiz, 34, was arrested on Tuesday" is her age
on Tuesday.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.nlp.structure import clause_tense, described_by_age
from pipeline.records import TimeScope

AGE_UNITS = frozenset({"year", "month", "week", "day"})
"""Units an age is told in ("a 7-year-old boy", "a six-week-old foal"): only such a figure is read
as the age of the noun it describes."""

_DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(-\d\d)?")


def age_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
               day: TimeScope | None) -> list[TimeScope | None]:
    """Each figure's scope, an age's replaced by the article's ``day`` unless its own past clause
    dates it by a day or a month ("was arrested on Tuesday"); other figures keep theirs."""
    return [day if unit in AGE_UNITS and described_by_age(span) is not None and not _own_past_date(span, scope)
            else scope for span, scope, unit in zip(figures, scopes, units)]


def _own_past_date(span: Span, scope: TimeScope | None) -> bool:
    """Whether an age's scope is a day or a month of its own clause, told in the past."""
    return (scope is not None and scope.source == "clause" and bool(_DAY_OR_MONTH.fullmatch(scope.value))
            and clause_tense(span) == "past")
