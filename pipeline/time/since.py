"""Reads "since" before a date: the start of an open interval, or the point a comparison measures from.

"Sales have doubled since 2019" opens an interval that runs to publication (2019/..), but "the
highest since 1900", "than at any time since the 1950s" and "the most since the club joined the
top division in 1998" measure the figure against a point: the date is a comparison base, never
the figure's period.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token


def in_since_clause(verb: Token) -> bool:
    """Whether a verb heads a clause introduced by "since" ("since the company listed in 2019")."""
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def since_names_point(span: Span, since_comparisons: set[str]) -> bool:
    """'than at any time since the 1950s', 'the smallest increase since the fourth quarter of 2020':
    "since" marks the point compared against, not the start of an open interval ("for the first
    time since 2009" is still 2009/..)."""
    start = span.start + 1 if span[0].lower_ == "since" else span.start
    doc = span.doc
    return start > 0 and doc[start - 1].lower_ == "since" and any(
        t.lower_ in since_comparisons or t.tag_ in ("JJS", "RBS") for t in doc[max(start - 6, 0):start - 1])


def since_value_is_point(span: Span, since_comparisons: set[str]) -> bool:
    """Whether a date after "since" keeps its own value rather than opening an interval: after a
    comparison word ("than at any time since 2014") always; after a superlative only when it names
    a period such as a decade or a quarter ("the highest ratio since the early 1960s", "the smallest
    increase since the fourth quarter of 2020"), as "the highest since 2008" means from 2008 on.
    (Either way the date is the base of a comparison, never the figure's scope.)"""
    if not since_names_point(span, since_comparisons):
        return False
    start = span.start + 1 if span[0].lower_ == "since" else span.start
    doc = span.doc
    if any(t.lower_ in since_comparisons for t in doc[max(start - 6, 0):start - 1]):
        return True
    return not re.fullmatch(r"(?:[A-Za-z]+\.? )?(1[5-9]|20)\d\d", doc[start:span.end].text)
