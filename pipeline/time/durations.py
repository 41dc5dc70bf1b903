"""Dates a figure counted over a span that ends at publication: "in the past two decades", "for 13 years".

"The index fell over 2,000 points in the past nine days", "the jet has sold 2,400 units over its
41-year history", "his company has been sending travellers on safaris for 13 years": the figure
is a count over a span measured back from the time of writing, so its period is that span, ending
at publication ("2,000 points" -> the nine days to the publication date; "13 years" in an article
of 1998 -> 1985/1998). Two things mark such a span in a figure's clause:
- "the past/last" before a number of time units ("in the past nine days", "over the last two
  decades"; "in the past year" is the twelve months to the publication month);
- a duration figure ("13 years", "41-year") in a clause of the present perfect ("has been sending
  ... for 13 years", "has sold ... over its 41-year history", "have worked on it seven years").
Every figure of that clause takes the span (``time_source`` `span`), the duration itself too.

Counter-examples: "the strike lasted 13 years" and "served for two years", told in the simple
past, end at no known time; "the last two years of the plan" is no clause's span from now; a
figure its sentence dates ("rose 5% in 2023 after two decades of decline") keeps its date.
"""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head
from pipeline.records import TimeScope
from pipeline.time.fallback import PUBLISHED

SPAN = "span"
"""``time_source`` of a figure counted over a span that ends at publication."""

UNIT_DAYS = {"day": 1, "week": 7}
UNIT_MONTHS = {"month": 1}
UNIT_YEARS = {"year": 1, "decade": 10}

UNDATED_SOURCES = frozenset({"context", PUBLISHED})
"""A figure its own sentence does not date: a carried frame, the default."""

LOOKING_BACK = frozenset({"past", "last"})


def span_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
                values: list[float | None], published: date | None,
                number_words: dict[str, float]) -> list[TimeScope | None]:
    """Every figure's scope, those counted over a span that ends at publication given that span:
    "The index fell over 2,000 points in the past nine days" (published 2008-10-09) ->
    2008-10-01/2008-10-09. ``units`` and ``values`` are each figure's unit and value."""
    if published is None:
        return list(scopes)
    spans: dict[int, TimeScope] = {}  # clause head -> span
    for figure, unit, value in zip(figures, units, values):
        if unit in {**UNIT_DAYS, **UNIT_MONTHS, **UNIT_YEARS} and value and present_perfect(figure.root):
            spans.setdefault(clause_head(figure.root).i, TimeScope(figure.text, back_from(published, unit, value),
                                                                   SPAN))
    for sent in {figure.sent.start: figure.sent for figure in figures}.values():
        for noun, count in looked_back_units(sent, number_words):
            spans.setdefault(clause_head(noun).i, TimeScope(noun.doc[_phrase_start(noun):noun.i + 1].text,
                                                            back_from(published, _unit(noun), count, bare=count == 0),
                                                            SPAN))
    return [spans.get(clause_head(figure.root).i, scope) if scope is not None and scope.source in UNDATED_SOURCES
            else scope for figure, scope in zip(figures, scopes)]


def back_from(published: date, unit: str, count: float, bare: bool = False) -> str:
    """The span of ``count`` units that ends at publication: 13 years from 1998-09-07 ->
    '1985/1998', two decades -> '1978/1998', nine days from 2008-10-09 -> '2008-10-01/2008-10-09',
    three months from 2009-04-03 -> '2009-01/2009-04'; a bare "the past year" -> the twelve months
    to the publication month ('2007-10/2008-10')."""
    if unit in UNIT_DAYS:
        first = published - timedelta(days=round(count * UNIT_DAYS[unit]) - 1)
        return f"{first.isoformat()}/{published.isoformat()}"
    if unit in UNIT_MONTHS or bare:
        first = published - relativedelta(months=12 if bare else round(count))
        return f"{first.year:04d}-{first.month:02d}/{published.year:04d}-{published.month:02d}"
    return f"{published.year - round(count * UNIT_YEARS[unit]):04d}/{published.year:04d}"


def present_perfect(token: Token) -> bool:
    """Whether a word's clause is told in the present perfect: "has sold", "have worked", "has
    been sending"."""
    verb = clause_head(token)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxiliaries & {"has", "have", "'ve"}) and (verb.tag_ == "VBN" or "been" in auxiliaries)


def looked_back_units(sent: Span, number_words: dict[str, float]) -> list[tuple[Token, float]]:
    """'in the past nine days', 'over the last two decades', 'In the past year': a time-unit noun
    with "past" or "last" before it, and its count (0 for a bare unit, one of it), as the object
    of a preposition."""
    found = []
    for noun in sent:
        if _unit(noun) is None or noun.dep_ != "pobj":
            continue
        modifiers = [c for c in noun.children if c.i < noun.i]
        if not any(c.lower_ in LOOKING_BACK for c in modifiers):
            continue
        numbers = [c for c in modifiers if c.dep_ == "nummod"]
        if numbers:
            count = number_words.get(numbers[0].lower_) or _number(numbers[0].text)
            if count:
                found.append((noun, count))
        elif noun.tag_ == "NN":
            found.append((noun, 0))
    return found


def _unit(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    return lemma if lemma in {**UNIT_DAYS, **UNIT_MONTHS, **UNIT_YEARS} else None


def _phrase_start(noun: Token) -> int:
    return min(c.i for c in noun.children if c.i < noun.i)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0
