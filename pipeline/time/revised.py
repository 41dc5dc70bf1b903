"""Dates a figure that a later clause of its sentence replaces on a given day ("put the toll at 40
before raising it Tuesday to 212") by the days before that one.

A count or a level given first and then changed ("Officials first put the number of dead at 40
before raising it on Tuesday to 212", "the index stood at 9,000 before falling on Friday to
8,500") held until the day of the change: the 40 belongs to the days before Tuesday, from the last
day the story dated before it (the storm struck on Sunday: Sunday to Monday), else to the day
before Tuesday alone. Only a figure its own clause leaves undated, and only a day that dates the
"before" clause hanging from the figure's verb.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, token_strings
from pipeline.records import DateMention, TimeScope
from pipeline.time.anchoring import DatedSpan
from pipeline.time.fallback import LEAD, UNDATED_SOURCES
from pipeline.time.scope import is_single_day

UNDATED = UNDATED_SOURCES | {"sentence", LEAD}
"""Sources of a scope that the figure's own clause did not give: besides the undated ones, another
clause of its sentence or the lead."""

REACH = timedelta(days=7)
"""How far back a day the story dated earlier may open the span before the change."""


def revised_scopes(figures: list[Span], scopes: list[TimeScope | None],
                   dates: list[DatedSpan]) -> list[TimeScope | None]:
    """Every figure's scope, one replaced by a "before" clause dated by a day given the days before it.
    The article's days are grouped once, by their clause's verb and by day, and its "before" words
    found once: asking every date of the article for each figure made a long article quadratic."""
    out = list(scopes)
    if not figures:
        return out
    days = [(span, mention) for span, mention in dates if is_single_day(mention.value)]
    by_verb: dict[int, DateMention] = {}
    first_said: dict[date, int] = {}
    for span, mention in days:
        by_verb.setdefault(clause_head(span.root).i, mention)
        day = date.fromisoformat(mention.value)
        first_said[day] = min(span.start, first_said.get(day, span.start))
    befores = [i for i, word in enumerate(token_strings(figures[0].doc, "LOWER")) if word == "before"]
    for i, (figure, scope) in enumerate(zip(figures, scopes)):
        if scope is None or scope.source not in UNDATED:
            continue
        verb = _changed_by(figure, befores)
        change = by_verb.get(verb.i) if verb is not None else None
        if change is None:
            continue
        last = date.fromisoformat(change.value) - timedelta(days=1)
        earlier = next((day for day in (last - timedelta(days=back) for back in range(1, REACH.days))
                        if first_said.get(day, figure.sent.start) < figure.sent.start), None)
        value = f"{earlier.isoformat()}/{last.isoformat()}" if earlier else last.isoformat()
        out[i] = TimeScope(change.text, value, "clause")
    return out


def _changed_by(figure: Span, befores: list[int]) -> Token | None:
    """The verb of a "before" clause after the figure that hangs from the figure's own verb
    ("put the toll at 40 before raising it Tuesday": raising), or None; ``befores`` are the
    positions of the article's "before" words, so only those of the figure's sentence are read."""
    head = clause_head(figure.root)
    doc, end = figure.doc, figure.sent.end
    for position in befores[bisect_left(befores, figure.end):bisect_left(befores, end)]:
        token = doc[position]
        if token.dep_ == "prep" and token.head.i == head.i:  # "before raising it Tuesday"
            return next((c for c in token.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.head.i == head.i:
            return token.head  # "before it raised it on Tuesday"
    return None
