"""The day of the news an undated lead tells, when the article gives it in another sentence.

A lead often tells the news without its day and the article dates it right after: "Harbor
Freight and Delmont Rail have agreed to merge their container arms in a $900 million deal. The
two boards approved the merger on Sunday." The lead's news is Sunday's, and so are the figures
the lead tells of it (the $900 million) and those told in the past further on ("The seller
received $40 million"). An article may instead date the lead's own verb further on ("Norcross
Savings was cleared by regulators to buy Alder Bank. ... Regulators cleared the purchase on
Monday"). Either day stands for the lead's time (``time_source`` `lead`), which
``fallback_scopes`` gives to the figures told in the past and ``lead_news_scopes`` to the lead's
own figures told in the present perfect.

The day must date a verb told in the simple past, active or passive ("approved ... on Sunday",
"was signed on Monday"): the main verb of the sentence right after the lead, or a later verb that
is the lead's own when the lead tells its news in the simple past (for a lead that reports,
"Acme said it sold ...", the verb reported).

Counter-examples, which leave the lead undated and its figures at the article's day: the day
something was said ("..., a spokesman said Friday": when it was told, not when it happened), a
market's close ("In composite trading Friday, Borel closed at $5.25, down 75 cents": the session,
not the news, and a morning paper's undated lead is of its own day), what had happened before
the news ("On Sunday, the ministers had agreed on a plan": the past perfect tells the background),
a day that is a sentence's subject ("Sunday was chosen for the launch") or a possessive
("yesterday's announcement"), a comparison base, a later sentence on the verb of a lead in the
present perfect ("have signed a pact ... A deputy signed another pact on Monday": another
signing), and a lead that has a date of its own but for the day it was said, however
``lead_time`` read it.
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, first_joined_verb
from pipeline.records import TimeScope
from pipeline.time.anchoring import DatedSpan
from pipeline.time.durations import present_perfect
from pipeline.time.fallback import LEAD, PUBLISHED, FallbackWords, lead_sentence, told_lead
from pipeline.time.market import MarketWords, in_market_clause
from pipeline.time.scope import is_comparison_base, is_single_day

DATING_LINKS = frozenset({"npadvmod", "advmod", "tmod", "obl"})
"""How a day hangs from the verb it dates without a preposition ("approved it Sunday")."""


def news_day(dates: list[DatedSpan], sentences: list[Span], body_start: int, published: date | None,
             words: FallbackWords, market: MarketWords) -> TimeScope | None:
    """The day an undated lead's news happened, as the sentence after it or a later sentence
    about the lead's own verb gives it (see the module's docstring); None when the article does
    not give it. ``lead_time`` is asked first: a lead with a date of its own keeps that."""
    lead = lead_sentence(sentences, dates, body_start)
    if lead is None or not told_lead(lead, body_start, words) or any(
            lead.start <= span.start < lead.end and clause_head(span.root).lemma_.lower() not in words.reporting_verbs
            for span, _ in dates):
        return None  # a lead dated by itself, if only by a week or a look back, is not dated by another sentence
    after = next((s for s in sentences if s.start >= lead.end), None)
    event = _lead_event(lead, words.reporting_verbs)
    for span, mention in dates:
        if span.start < lead.end or not is_single_day(mention.value) or (
                published is not None and mention.value > published.isoformat()):
            continue
        verb = _dated_verb(span)
        if verb is None or not _told_done(verb) or verb.lemma_.lower() in words.reporting_verbs \
                or in_market_clause(verb, market) or any(t.lower_ in words.looking_back for t in span) \
                or is_comparison_base(span, words.comparison_bases, words.since_comparisons, words.comparison_heads):
            continue
        right_after = after is not None and after.start <= span.start < after.end and _main_clause(verb)
        if right_after or verb.lemma_.lower() == event:
            return TimeScope(mention.text, mention.value, LEAD)
    return None


def _lead_event(lead: Span, reporting_verbs: frozenset[str]) -> str:
    """The lemma of the verb a lead tells its news by in the simple past: its main verb ("was
    cleared"), or for a lead that reports ("Acme said it sold its mills") the verb reported; ''
    for a lead told otherwise ("have signed": a later "signed on May 2" may be another signing)."""
    verb = lead.root
    if verb.lemma_.lower() in reporting_verbs:
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), verb)
    return verb.lemma_.lower() if verb.pos_ == "VERB" and _told_done(verb) else ""


def _dated_verb(span: Span) -> Token | None:
    """The verb a day dates: the one it hangs from ("approved the plan Sunday") or through its
    preposition ("was signed on Tuesday"); None for a day that is a subject ("Sunday was chosen")
    or stands before a noun ("Sunday's vote")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head
    elif root.dep_ not in DATING_LINKS:
        return None
    return root.head if root.head.pos_ in ("VERB", "AUX") else None


def _told_done(verb: Token) -> bool:
    """'approved', 'was signed': the simple past, active or passive; not the past perfect ("had
    agreed"), the present perfect or anything to come."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not auxiliaries
    return verb.tag_ == "VBN" and auxiliaries in ({"was"}, {"were"})


def _main_clause(verb: Token) -> bool:
    """Whether a verb is its sentence's main one, or joined to it ("met on Sunday and approved")."""
    return first_joined_verb(verb).dep_ == "ROOT"


def lead_news_scopes(figures: list[Span], scopes: list[TimeScope | None], news: TimeScope | None,
                     lead: Span | None) -> list[TimeScope | None]:
    """Every figure's scope, those of the lead's main clause told in the present perfect, which
    nothing else dated, given the day of the lead's news (``news``, from ``news_day``): "The two
    lenders have agreed to provide $4 billion in loans. Their boards approved the deal on Sunday."
    gives the $4 billion Sunday, the news the lead tells however it is phrased. Not a clause that
    describes a noun ("after the floods, which have displaced 9,000 people": a total to date), nor
    a figure told later on ("Acme has sold 2,400 units")."""
    if news is None or lead is None:
        return scopes
    return [news if scope is not None and scope.source == PUBLISHED and lead.start <= figure.start < lead.end
            and _main_verb(figure.root).i == lead.root.i and present_perfect(_main_verb(figure.root)) else scope
            for figure, scope in zip(figures, scopes)]


def _main_verb(token: Token) -> Token:
    """The verb a word's clause hangs from through infinitives and participles ("have agreed to
    provide 110 million": agreed)."""
    verb = clause_head(token)
    while verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "advcl") and verb.head.i != verb.i:
        verb = clause_head(verb.head)
    return verb
