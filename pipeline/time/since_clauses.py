"""Dates a figure by the clause of "since" its verb has: the span from that clause's date to publication.

"Acme has cut 300 jobs since it lost the contract in March" tells of the months from March to the
time of writing, as "since March" would (`2024-03/2024-04` in April 2024); the date sits in a
clause of its own, which the reading of dates takes for a comparison base ("the most since the
club joined the league in 1998") and lets date no figure outside it, so the figure fell back to
the article's day or a frame carried from an earlier sentence. A figure of a main clause told in
the present perfect ("has cut", "have been built"), with a clause of "since" hanging from its verb
(or from the first of the verbs it is joined to) that names a date on or before publication, takes
that date as the start of an open interval, which ``durations.closed_at_publication`` closes at
publication.

Counter-examples: a superlative or a first time measures against the point ("the most goals
since the club joined the league in 1998", "the first profit since it listed in 2019"); a negated
clause tells of the last time ("has not closed above 6,500 since it fell in February"); a past
clause reads "since" as "because" ("Since Acme lost money in March, it cut 300 jobs"); a figure
inside the clause of "since" keeps its own date ("Since Vexa bought Orlon in May for $25 million,
it has sold $5 million of assets": the $25 million is May's).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, first_joined_verb
from pipeline.records import DateMention, TimeScope
from pipeline.time.anchoring import DatedSpan
from pipeline.time.durations import phrase_in_clause
from pipeline.time.fallback import UNDATED_SOURCES
from pipeline.time.since import in_since_clause

_PERFECT = frozenset({"has", "have", "'ve", "'s"})
"""The auxiliaries of the present perfect: what holds from a point up to the time of writing."""
_FIRST_WORDS = frozenset({"first", "time"})
"""Words before "since" that measure a figure against the point ("the first time since")."""


def since_clause_scopes(figures: list[Span], scopes: list[TimeScope | None], dates: list[DatedSpan],
                        published_day: str, words: tuple[tuple[str, ...], frozenset[str]]) -> list[TimeScope | None]:
    """Every figure's scope, an undated figure of a present-perfect clause with a clause of
    "since" that names a date given the open interval from that date ("have been built since it
    entered production in February 1947" -> `1947-02/..`); ``published_day`` is the publication
    date written as EDTF, or "" without one (nothing changes then). A total its clause says is one
    to date (``words``: the phrases "so far", "to date") is checked as it stands at the time of
    writing: "So far, Boeing has received five orders since the jet was announced in 2000" keeps
    the article's day; and a toll (``words``: the casualty verbs) is left to the readings of
    casualties, which give it its event's day: "40 people have died since a bomb went off on Friday" is
    Friday's."""
    to_date, tolls = words
    if not published_day:
        return list(scopes)
    out = []
    for figure, scope in zip(figures, scopes):
        start = _since_date(figure, dates, published_day) if scope is not None and scope.source in UNDATED_SOURCES \
            and not phrase_in_clause(figure, to_date) and clause_head(figure.root).lemma_.lower() not in tolls else None
        out.append(scope if start is None else TimeScope(start.text, f"{start.value}/..", "clause"))
    return out


def _since_date(figure: Span, dates: list[DatedSpan], published_day: str) -> DateMention | None:
    """The mention of the date that starts the figure's span, or None; the verb of the figure's
    clause is the one its infinitive hangs from ("has agreed to sell $5 billion of assets")."""
    verb = clause_head(figure.root)
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = clause_head(verb.head)
    if not _present_perfect(verb) or any(c.dep_ == "neg" for c in verb.children):
        return None
    for head in dict.fromkeys((verb, first_joined_verb(verb))):
        for clause in (c for c in head.children if c.dep_ == "advcl" and in_since_clause(c)):
            if clause.left_edge.i <= figure.start <= clause.right_edge.i or _measured_against(clause):
                continue
            for span, mention in dates:
                if (clause.left_edge.i <= span.start and span.end - 1 <= clause.right_edge.i
                        and mention.value and "/" not in mention.value and not mention.reference
                        and mention.value <= published_day):
                    return mention
    return None


def _present_perfect(verb: Token) -> bool:
    """'has cut', 'have been built': the verb has an auxiliary of the present perfect."""
    return any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children)


def _measured_against(clause: Token) -> bool:
    """'the most goals since the club joined', 'the first profit since it listed': a superlative or a
    first time just before "since" measures against the point; "at least three times since" does
    not."""
    since = next(c for c in clause.children if c.dep_ == "mark" and c.lower_ == "since")
    doc = clause.doc
    return any((t.tag_ in ("JJS", "RBS") and not (t.i > 0 and doc[t.i - 1].lower_ == "at")) or t.lower_ in _FIRST_WORDS
               for t in doc[max(since.i - 4, 0):since.i])
