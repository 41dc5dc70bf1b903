"""Periods a figure takes from the clause it sits in when that clause describes a noun.

A relative clause is told about its antecedent, so its time is the antecedent's, not the
sentence's:
- a past relative clause on a noun the text dates ("the 2011 flood that destroyed 900 homes",
  "the March 3, 1995, derailment of the night train that injured 41 passengers", "the crash in
  2008, which wiped $800 billion off shares") takes that date;
- a relative clause in the present or the present perfect set off from a name ("Borex, which
  owns about 27% of Acme, said ...", "the floods, which have displaced 9,000 people") says what
  is so now: it takes neither the sentence's period nor one carried
  from earlier sentences, but the article's day;
- a past participle on the figure itself ("52,000 bought from March 14 to Thursday for $4.10
  each") dates it, however many figures the participle has;
- a survey's field dates, written in a participle on the survey ("In a poll completed on
  Saturday, 62 percent said ...", "The survey, conducted Oct. 1-3, found 45% support"), are the
  period of the figures it found (``survey_nouns`` in rules/lexicons.yml), where a date that
  describes any other noun frames nothing ("the company, founded in 1885, ...").

Counter-examples: "energy worth $129 billion that account for 73 percent of imports" (a
restrictive clause on a common noun) keeps the time of what it describes; "the 2008 law that
requires 30% renewables" (told in the present) is not dated by the law's year; "In a report
released Tuesday, ..." is no survey.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from typing import TYPE_CHECKING

from pipeline.nlp.structure import clause_head, first_joined_verb

if TYPE_CHECKING:
    from pipeline.time.scope import TimeMark

_BETWEEN_DATE_AND_NOUN = frozenset({",", "'s", "’s"})


def dated_antecedent(figure: Span, marks: list[TimeMark]) -> TimeMark | None:
    """'the March 3, 1995, derailment of the night train that injured 41 passengers': the date of the
    noun a past relative clause describes, written before it ("the 1988 bombing"), or after it
    with "in" or "on" ("the bombing on Dec. 21, 1988, that killed"). The parse often hangs a date
    before a noun elsewhere, so what stands right before the noun decides."""
    verb = first_joined_verb(clause_head(figure.root))  # "that killed 259 and injured 11"
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or verb.head.pos_ != "NOUN":
        return None
    noun = verb.head
    for mark in marks:
        if not mark.value or mark.source:
            continue
        between = noun.doc[mark.span.end:noun.i]
        before = mark.span.end <= noun.i and all(t.text in _BETWEEN_DATE_AND_NOUN
                                                 or (t.head.i == noun.i and t.dep_ in ("amod", "compound"))
                                                 for t in between)  # "the 1988 terrorist bombing"
        preposition = mark.span.root.head
        if before or (preposition.lower_ in ("in", "on") and preposition.head.i == noun.i):
            return mark
    return None


def dated_participle(figure: Span, marks: list[TimeMark]) -> TimeMark | None:
    """'Halden holds 80,000 shares, including 52,000 bought from March 14 to Thursday for $4.10 to
    $4.35 each': a past participle on the figure itself is told about it, so its date is the
    figure's, though the participle has figures of its own (whose clause it is too)."""
    for verb in (c for c in figure.root.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        mark = next((m for m in marks if m.value and not m.source and clause_head(m.span.root).i == verb.i), None)
        if mark is not None:
            return mark
    return None


def present_aside(figure: Span) -> bool:
    """'Borex, which owns about 27% of Acme, said ...', 'Northwind, which owns 40% of the
    mill, posted ...': a relative clause in the present tense or the present perfect ("the
    floods, which have displaced 9,000 people") on a name, or set off by a comma, states what is
    so at the time of writing, whatever period its sentence is about. So does a clause in the
    present joined to one in the past by "and" or "but": "Dune Holdings began buying Orla shares in
    June, and holds 12%" (12% is its stake now, not in June)."""
    verb = clause_head(figure.root)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = (verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].lemma_ == "have"
               and auxiliaries[0].tag_ in ("VBZ", "VBP"))  # "the blasts, which have killed 90 people"
    present = perfect or (verb.tag_ in ("VBZ", "VBP") and not auxiliaries)
    if verb.dep_ == "conj" and verb.head.tag_ == "VBD":  # joined by "and", "but": not a noun read as a verb
        return present and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    if verb.dep_ != "relcl" or not present:
        return False
    opening = verb.left_edge.i
    return verb.head.pos_ == "PROPN" or (opening > 0 and verb.doc[opening - 1].text == ",")


def survey_frame(marks: list[TimeMark], survey_nouns: frozenset[str]) -> TimeMark | None:
    """'In a poll completed on Saturday, 62 percent ...': the date of a participle or relative
    clause that describes a survey, which dates what the survey found."""
    for mark in marks:
        if not mark.value or mark.owner is not None or mark.source:
            continue
        verb = clause_head(mark.span.root)
        if verb.dep_ in ("acl", "relcl") and _surveys(verb.head, survey_nouns):
            return mark
    return None


def _surveys(noun: Token, survey_nouns: frozenset[str]) -> bool:
    return noun.lemma_.lower() in survey_nouns


def relative_on(span: Span, figures: list[Span]) -> Span | None:
    """'just over $2,400, which was set on April 3': the figure right before the relative
    clause a date is in, which that clause describes however the parse hangs it. Not when the
    clause has a figure of its own, whose date it is ("fees of $19 million, which included $7
    million from a bond deal in May": May is the $7 million's)."""
    verb = clause_head(span.root)
    if verb.dep_ != "relcl" or any(clause_head(f.root).i == verb.i for f in figures):
        return None
    opening = verb.left_edge.i - (verb.left_edge.i > 0 and span.doc[verb.left_edge.i - 1].text == ",")
    return next((f for f in figures if f.end == opening), None)


def noun_after(span: Span) -> Token | None:
    """'its March 3, 2023 low': the noun right after a date, when the parse ties the two."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    tied = after is not None and (span.start <= after.head.i < span.end or span.root.head.i == after.i)
    return after if tied and after.pos_ == "NOUN" else None
