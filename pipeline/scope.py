"""Gives every figure the period it refers to.

A figure takes the time expression of its own clause (preferring one that follows it before the
next figure, as in "ten percent before X to 18 percent before Y in 2022"); failing that, the one
governing its sentence's main clause; failing that, the frame carried from earlier sentences of the
paragraph ("In 2023, trade grew ... China imported $129 billion" -> 2023). A reference to an event
the article dated earlier ("before the annexation of Crimea", after "annexation of Crimea in 2014")
counts as a time expression of its clause, with the event's date. The date of a reporting verb
("..., the ministry said on Friday") is used only when nothing else dates the figure, and the base
of a comparison ("up 8% from a year earlier", "the highest since 1900") never is.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.context import clause_head
from pipeline.match import overlaps
from pipeline.records import TimeScope


@dataclass(frozen=True)
class TimeMark:
    """A time expression as the scoper sees it: where it is and what period it names."""

    span: Span
    value: str
    text: str
    source: str = ""


def event_key(noun: Token) -> str:
    """'annexation of Crimea' -> 'annexation crimea': a dated event's name for later references."""
    of_objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return " ".join([noun.lemma_.lower()] + [g.lemma_.lower() for g in of_objects[:1]])


def dated_event(doc: Doc, mark: TimeMark) -> str:
    """The event a date is attached to ("annexation of Crimea in 2014"), or ''."""
    start = mark.span.start
    if start < 2 or doc[start - 1].lower_ not in ("in", "on"):
        return ""
    token = doc[start - 2]
    while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
        token = token.head.head
    return event_key(token) if token.pos_ == "NOUN" else ""


def event_references(sent: Span, events: dict[str, TimeMark], prepositions: set[str],
                     taken: list[Span]) -> list[TimeMark]:
    """'before the annexation of Crimea' where the article dated that annexation earlier."""
    marks = []
    for token in sent:
        if token.lower_ not in prepositions or token.dep_ != "prep":
            continue
        for noun in (c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            event = events.get(event_key(noun))
            subtree = sent.doc[token.i: noun.right_edge.i + 1]
            if event is None or any(overlaps(s, subtree) for s in taken):
                continue
            marks.append(TimeMark(subtree, event.value, subtree.text, "event"))
    return marks


def is_comparison_base(span: Span, bases: set[str]) -> bool:
    """'from a year earlier', 'than in 2022', 'compared with 2022', 'the highest since 1900': the
    period a figure is compared against, not the period it refers to."""
    doc = span.doc
    before = [doc[i].lower_ for i in range(max(span.start - 2, 0), span.start)]
    if before and (before[-1] in bases or (len(before) == 2 and before[0] in bases
                                           and doc[span.start - 1].pos_ == "ADP")):
        return True
    # "the highest since 1900": a superlative measured against a period
    window = doc[max(span.start - 5, 0):span.start]
    return bool(before) and before[-1] == "since" and any(t.tag_ in ("JJS", "RBS") for t in window)


def sentence_frame(sent: Span, marks: list[TimeMark], reporting_verbs: set[str]) -> tuple[TimeMark | None, TimeMark | None]:
    """The time expression governing the sentence (the one whose clause is closest to the root),
    and apart from it the date of a reporting verb ("..., the ministry said on Friday"), which says
    when something was said rather than the period of its figures."""
    valued = [m for m in marks if m.value and not _inside_noun_modifier(clause_head(m.span.root))]
    statement = [m for m in valued if clause_head(m.span.root).lemma_ in reporting_verbs]
    framing = [m for m in valued if m not in statement]
    frame = min(framing, key=lambda m: (_depth(clause_head(m.span.root)), m.span.start), default=None)
    return frame, (statement[0] if statement else None)


def _inside_noun_modifier(verb: Token) -> bool:
    """A clause that describes a noun ("the company, founded in 1885, ...") frames nothing else."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def choose_scope(figure: Span, next_start: int, marks: list[TimeMark], frame: TimeMark | None,
                 context: TimeMark | None, statement: TimeMark | None = None) -> TimeScope | None:
    """The period of one figure, from its clause, its sentence, the paragraph's frame, or failing
    all of them the date its sentence was said on."""
    clause = clause_head(figure.root).i
    same_clause = [m for m in marks if clause_head(m.span.root).i == clause]
    if same_clause:
        best = min(same_clause, key=lambda m: (not figure.end <= m.span.start < next_start,
                                               _distance(figure, m.span)))
        return TimeScope(best.text, best.value, best.source or "clause")
    if frame is not None:
        return TimeScope(frame.text, frame.value, "sentence")
    if context is not None:
        return TimeScope(context.text, context.value, "context")
    if statement is not None:
        return TimeScope(statement.text, statement.value, "statement")
    return None


def _distance(a: Span, b: Span) -> int:
    return max(b.start - a.end, a.start - b.end, 0)
