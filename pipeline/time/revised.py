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

from datetime import date, timedelta

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head
from pipeline.records import TimeScope
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
    """Every figure's scope, one replaced by a "before" clause dated by a day given the days before it."""
    out = list(scopes)
    for i, (figure, scope) in enumerate(zip(figures, scopes)):
        if scope is None or scope.source not in UNDATED:
            continue
        verb = _changed_by(figure)
        change = next((mention for span, mention in dates if is_single_day(mention.value)
                       and clause_head(span.root).i == getattr(verb, "i", -1)), None)
        if change is None:
            continue
        last = date.fromisoformat(change.value) - timedelta(days=1)
        earlier = [date.fromisoformat(m.value) for span, m in dates if span.start < figure.sent.start
                   and is_single_day(m.value) and last - REACH < date.fromisoformat(m.value) < last]
        value = f"{max(earlier).isoformat()}/{last.isoformat()}" if earlier else last.isoformat()
        out[i] = TimeScope(change.text, value, "clause")
    return out


def _changed_by(figure: Span) -> Token | None:
    """The verb of a "before" clause after the figure that hangs from the figure's own verb
    ("put the toll at 40 before raising it Tuesday": raising), or None."""
    head = clause_head(figure.root)
    for token in figure.doc[figure.end:figure.sent.end]:
        if token.lower_ != "before":
            continue
        if token.dep_ == "prep" and token.head.i == head.i:  # "before raising it Tuesday"
            return next((c for c in token.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.head.i == head.i:
            return token.head  # "before it raised it on Tuesday"
    return None
