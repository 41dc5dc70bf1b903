"""Dates the undated figures of a results or statistics story by the period it reports a measure for.

A story about a company's quarter or a month's jobless figures names its period once, for the
figure it leads with, and gives the rest of that measure without a date, often in the present
tense and in paragraphs of one sentence each: "Tarrow's jobless rate rose to 6.1% in May ...
Among young people the rate is 14.2%" (May), "Harwick posted a 9% rise in second-quarter profit
... Net profit is $2.1bn" (the second quarter). Such a figure, of money or a percentage that
nothing in the article dated (its scope is the article's day, or the day of the news its lead
reports: "Harwick beat forecasts on Tuesday with an 18% rise in third-quarter profit. Revenue rose
9%" is the quarter's revenue), takes the period the figures before it that measure the same
thing (the noun it measures, "rate", or one that names it, "unemployment" for "the unemployment
rate"; a company's results, profit, revenue, sales, are one measure: ``results_measures``) were
dated by, in their own sentences or by a frame their paragraph carried, when that is one period,
closed at publication. ``time_source`` `lead`: a period the story gives, not the figure's text.

A charge, a reserve or a write-off ("took a $4m charge", "will write off $2m in costs", "a $3m
reserve, including $1m in legal costs"; ``charge_words``) is part of the results of the period the
story reports, and counts as one of them. One told ahead is of that period too when its results are
still to come ("Tarn sees a third-quarter loss when it reports. It will take a $6m reserve" in
November: the third quarter's results will hold the reserve).

Not a figure that looks ahead ("expects revenue of $11bn"), one of the present perfect ("debt has
risen to $4bn": a level now), a relative clause aside ("Borex, which owns 27% of Acme"), a quote,
a measure the story did not date ("The bank's capital ratio is 12%" after a profit figure), nor
another company's ("Rival Dunmore's sales are up 7%": a name the dated figure's sentence did not
name). A comparison base dates nothing here ("up from $3bn a year earlier").
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, clause_subject
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.durations import present_perfect
from pipeline.time.fallback import LEAD, PUBLISHED
from pipeline.time.relatives import present_aside
from pipeline.time.scope import is_day, is_narrative
from pipeline.time.governing import told_ahead
from pipeline.time.points import published_as

RESULTS = "results"
"""The measure of every noun of ``results_measures``."""

_DATING_SOURCES = frozenset({"clause", "sentence", "context", "lead"})


class StoryWords(NamedTuple):
    """The nouns of a company's results ("profit", "revenue"), those of a change ("a profit
    increase of 60%" measures profit), the words of a forecast, the pronouns of someone
    speaking, and the nouns and verbs with their particle of a charge ("reserve", "write off")."""
    results: frozenset[str]
    changes: frozenset[str]
    future_cues: frozenset[str]
    first_person: frozenset[str]
    charges: frozenset[str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> StoryWords:
        """From lexicons.yml."""
        lexicons = rules.lexicons
        return cls(frozenset(lexicons["results_measures"]),
                   frozenset(lexicons["rising_nouns"]) | frozenset(lexicons["falling_nouns"]),
                   frozenset(lexicons["future_cues"]), frozenset(lexicons["first_person"]),
                   frozenset(lexicons["charge_words"]))


def story_scopes(figures: list[Span], kinds: list[str], scopes: list[TimeScope | None], bases: list[bool],
                 published: date | None, words: StoryWords) -> list[TimeScope | None]:
    """Every figure's scope, an undated money or percentage figure given the period that the
    sentences before it dated its measure by, when they dated it by one period only ("Inflation
    was 6.7% in March and 6.9% in February. Core inflation eased to 6.1%" is neither month)."""
    out = list(scopes)
    dated: list[tuple[Measure, TimeScope, Span, bool]] = []  # the periods sentences gave their measures, in text order
    for i, (figure, kind, scope, base) in enumerate(zip(figures, kinds, scopes, bases)):
        measure = measured(figure, words) if scope is not None and not base and kind in ("money", "percent") else None
        if measure is None:
            continue
        ahead = told_ahead(figure, words.future_cues)
        if scope.source in _DATING_SOURCES and _closed_period(scope.value, published):
            dated.append((measure, scope, figure.sent, ahead))
        elif _undated(scope) and is_narrative(figure.sent, words.first_person):
            found = [(given, sent, forecast) for dated_measure, given, sent, forecast in dated
                     if measure.within(dated_measure)]
            if (len({given.value for given, _, _ in found}) == 1 and not _another_party(figure.sent, found[-1][1])
                    and (_reported_like(figure, words.future_cues)
                         or _booked_ahead(figure, ahead, found[-1][2], words.charges))):
                out[i] = TimeScope(found[-1][0].text, found[-1][0].value, LEAD)
    return out


def _booked_ahead(figure: Span, ahead: bool, results_ahead: bool, charges: frozenset[str]) -> bool:
    """Whether a figure is a charge told ahead ("will record a $6m reserve") after results of a
    closed period that were told ahead too ("sees a third-quarter loss when it reports"): the charge
    goes into those results."""
    return ahead and results_ahead and charged(figure.root, charges) and not present_aside(figure)


def charged(token: Token, charges: frozenset[str]) -> bool:
    """Whether a figure is (part of) a charge: a noun of ``charges`` on its way up to its clause's
    verb ("a $4m reserve", "a $2m charge related to a lawsuit and $1m in legal fees", "a $3m
    addition to reserves"), or that verb is one of them with its particle ("will write off $3m in
    costs"), or that verb tells of one ("write-downs, which had an after-tax impact of $4m"), or
    the figure is an amount "of" or "in" one ("$4m of write-downs", "$2m in charges").
    Not a figure of a clause that only mentions one ("profit fell to $5m after charges": "charges"
    is not above "$5m")."""
    if _amount_of_charge(token, charges):
        return True
    while token.pos_ not in ("VERB", "AUX") or token.tag_ in ("VBN", "VBG"):
        if _is_charge(token, charges) or _added_to_charge(token, charges):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
    return (f"{token.lemma_.lower()} {particle}" in charges
            or (token.dep_ == "relcl" and _is_charge(token.head, charges)))


def _is_charge(noun: Token, charges: frozenset[str]) -> bool:
    """Whether a word is a noun of ``charges``, read whole where the parse split it at a hyphen
    ("write-off" as "write", "-", "off")."""
    doc, i = noun.doc, noun.i
    split = i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_
    hyphened = doc[i - 2:i + 1].text.lower() if split else ""
    return bool({noun.lower_, noun.lemma_.lower(), hyphened} & charges)


def _amount_of_charge(amount: Token, charges: frozenset[str]) -> bool:
    """'$90m of write-downs', '$4m in charges': an amount whose noun, after "of" or "in", is a charge."""
    return any(_is_charge(g, charges) for c in amount.children
               if c.lower_ in ("of", "in") for g in c.children if g.dep_ == "pobj")


def _added_to_charge(noun: Token, charges: frozenset[str]) -> bool:
    """'a $6 million addition to its bad-debt reserves': a noun put "to" a charge."""
    return noun.pos_ == "NOUN" and any(g.lemma_.lower() in charges for c in noun.children if c.lower_ == "to"
                                       for g in c.children if g.dep_ == "pobj")


class Measure(NamedTuple):
    """What a figure measures: the lemma of its noun, or ``RESULTS`` for a noun of a company's
    results, and the nouns that qualify it ("unemployment" in "the unemployment rate", "bank" in
    "the central bank's rate")."""
    noun: str
    names: frozenset[str]

    def within(self, dated: Measure) -> bool:
        """Whether this measure is the one a dated figure measured: its noun, or a noun that
        names it ("Unemployment is 4.8%" after "the unemployment rate rose to 6.1%"), qualified
        by nothing the dated one was not ("the interest rate" is not "the unemployment rate"); a
        company's results are one measure whatever part of it they are of ("cloud revenue")."""
        if self.noun == RESULTS:
            return dated.noun == RESULTS
        return self.noun in dated.names | {dated.noun} and self.names <= dated.names | {dated.noun}


def measured(figure: Span, words: StoryWords) -> Measure | None:
    """What a figure measures: the noun it is the amount of ("revenue of $19bn", "a rise of 9% in
    profit", "a profit increase of 60%") or else its clause's subject ("Net income is $2.4bn",
    "the jobless rate is 11.8%"), with the nouns before it that qualify it; a charge is of the
    results ("a $4m reserve", "will write off $3m"). None for a subject that is the party ("Acme
    earned $2bn"), or none."""
    if charged(figure.root, words.charges):
        return Measure(RESULTS, frozenset())
    noun = _amount_of(figure.root) or clause_subject(clause_head(figure.root))
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ or noun.i in range(figure.start, figure.end):
        return None
    qualifiers = [c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ in ("NOUN", "PROPN")]
    if noun.lemma_.lower() in words.changes and qualifiers:  # "a profit increase": profit
        noun, qualifiers = qualifiers[-1], qualifiers[:-1]
    names = frozenset(c.lemma_.lower() for c in qualifiers)
    return Measure(RESULTS if {noun.lower_, noun.lemma_.lower()} & words.results else noun.lemma_.lower(), names)


def _amount_of(token: Token) -> Token | None:
    """The noun a figure is the amount of: "revenue of $19bn" (through "of"), "a 9% rise in
    profit" and "a rise of 9% in profit" (the change's noun, then what it is "in")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif token.dep_ not in ("compound", "nummod", "amod"):
        return None
    if head.pos_ != "NOUN":
        return None
    within = next((p for c in head.children if c.lower_ == "in" for p in c.children if p.dep_ == "pobj"), None)
    return within if within is not None and within.pos_ == "NOUN" else head


def _reported_like(figure: Span, future_cues: frozenset[str]) -> bool:
    """Whether a figure is told as a result rather than a forecast ("expects revenue of $11bn"),
    a level now ("debt has risen to $4bn") or an aside about a party ("Borex, which owns 27%")."""
    verb = clause_head(figure.root)
    return not (told_ahead(figure, future_cues) or present_perfect(figure.root) or present_aside(figure)
                or verb.lemma_.lower() in future_cues)


def _another_party(sent: Span, dated_in: Span) -> bool:
    """Whether a sentence names an organisation that the sentence of the dated figure did not:
    "Rival Dunmore's sales are up 7%" after Pellinore's quarter."""
    named = {t.lower_ for ent in dated_in.ents if ent.label_ == "ORG" for t in ent}
    return any(ent.label_ == "ORG" and not any(t.lower_ in named for t in ent) for ent in sent.ents)


def _undated(scope: TimeScope) -> bool:
    """Whether nothing in the text dated a figure: the article's day, or the day of the news its
    lead reports ("Harwick beat forecasts on Tuesday with an 18% rise in third-quarter profit.
    Revenue rose 9%": Tuesday is when the news came, not when the revenue was made)."""
    return scope.source == PUBLISHED or (scope.source == LEAD and is_day(scope.value))


def _closed_period(value: str, published: date | None) -> bool:
    """A period, not a day nor an open span, over by publication."""
    if not value or is_day(value) or ".." in value:
        return False
    end = value.split("/")[-1]
    return published is None or end < published_as(end, published)
