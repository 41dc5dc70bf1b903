"""Dates the closes and daily moves of a market report by its trading day.

"The Dow fell 72 points to 8,189" is a figure of one trading session. A market report names that
day once ("closed at their lowest levels in a decade on Monday", "On Friday, the Dow ... closed at
...") and then lists index after index without a date; a period the paragraph carried ("last
month", "the nine months") or the time of the article's lead when that is a period ("third-quarter
profit") is never the period of a close. So a figure told in a market clause (its verb is "close",
or its subject or setting is an index, a stock, shares, a yield or a market: ``market_nouns`` and
``market_settings`` in rules/lexicons.yml) that nothing of its own sentence dates takes the
trading day: the last day that dated a market clause before it (``time_source`` `market`), not
the day of a close after which news came ("after the market closed Wednesday"); else the first
such day after it that is the last session before publication or publication's own, as a report
may name its session further on ("the stocks that fell in price yesterday"); else, for a close
"in composite trading" (the exchange's consolidated tape, which a morning paper reports for the
session before) or in a morning paper's copy (it says "yesterday", or it is a newspaper's own
copy with no dateline, on news told as done), the trading day before publication; else the day
the article speaks for (its dateline or publication date).

Counter-examples: "Profit fell to $98 million" is no market clause; a close dated in its own
sentence ("rose 3% on Tuesday", "closed at $84 yesterday") keeps that date; a lead that dates the
close by a day ("Stocks closed lower on Monday") already gives it; and "shares have plunged 68%
this year" keeps its year; "The index is 4% below its peak", in the present, is as it stands at
publication.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.structure import by_sentence, clause_head, dateline_end, in_dateline, preposition_objects, \
    starts_paragraph
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.anchoring import DatedSpan
from pipeline.time.fallback import LEAD, PUBLISHED, UNDATED_SOURCES, narrated_past
from pipeline.time.owners import owning_figure
from pipeline.time.scope import is_comparison_base, is_day, is_single_day

MARKET = "market"
"""``time_source`` of a close or a daily move dated by the market report's trading day."""

_CHAINED = ("advcl", "xcomp", "conj", "pcomp")
"""Links from a verb to the one it continues ("fell 3%, closing at 1,387", "rose to close at")."""

_NOT_COMPANIES = ("PERSON", "GPE", "LOC")
"""The kinds of named entity a proper-noun subject of a price move is not: spaCy calls a company
named alone an organisation, or a nationality ("McCaw" in "McCaw, which dropped 2 1/2"), or
nothing; "Tarrant dropped two places to 12" is a person's."""


@dataclass(frozen=True)
class MarketWords:
    """The nouns that make a clause a market report's: as its subject ("the index fell", "Bethlehem
    shares rose") or in its setting ("in composite trading", "in the bond market"), the verb of a
    close, and the phrases of a close reported the morning after ("in composite trading")."""

    market_nouns: frozenset[str]
    market_settings: frozenset[str]
    close_verbs: frozenset[str]
    previous_session: tuple[tuple[str, ...], ...]
    comparison_bases: frozenset[str]
    since_comparisons: frozenset[str]
    comparison_heads: frozenset[str]
    """The words of a comparison base ("remained above its November 20 low"): a day it names is
    no session's."""
    day_before: frozenset[str]
    same_day: frozenset[str]
    """The words that tell a morning paper's copy, which reports the day before ("yesterday"), from
    copy written on the day ("today", "tonight")."""
    move_verbs: frozenset[str]
    scales: frozenset[str]
    """The verbs that move a price ("surged", "eased") and the words of a large amount ("million"),
    which no share's price is: "LIN Broadcasting surged 4 5/8 to 112 5/8" moves a price, "Vela rose
    to $2 billion" does not."""

    @classmethod
    def from_rules(cls, rules: RuleSet) -> MarketWords:
        """From lexicons.yml."""
        lexicons = rules.lexicons
        return cls(frozenset(lexicons["market_nouns"]), frozenset(lexicons["market_settings"]),
                   frozenset(lexicons["close_verbs"]),
                   tuple(tuple(phrase.split()) for phrase in lexicons["previous_session"]),
                   *(frozenset(lexicons[name]) for name in ("comparison_bases", "since_comparisons",
                                                             "comparison_heads", "day_before_words",
                                                             "same_day_words")),
                   frozenset([*lexicons["rising_verbs"], *lexicons["falling_verbs"], *lexicons["price_move_verbs"]]),
                   frozenset(lexicons["scales"]))


def market_scopes(figures: list[Span], scopes: list[TimeScope | None], dates: list[DatedSpan],
                  day: TimeScope | None, published: date | None, words: MarketWords) -> list[TimeScope | None]:
    """Every figure's scope, the undated closes and moves of a market report given its trading
    day: "The Nasdaq lost 53.5 points, closing at 1,387.7" after "Stocks closed lower on Monday"
    is Monday's; ``day`` is the article's own day (``fallback.article_day``)."""
    in_sentence = by_sentence(figures)
    session_days = []  # (start, owning figure's start or None, scope), in text order as the dates come
    for span, mention in dates:
        if not (is_single_day(mention.value) and not in_dateline(span) and not mention.reference
                and (published is None or mention.value <= published.isoformat())
                and in_market_clause(span.root, words) and not _after_close(span.root, words)):
            continue
        owner = _owner(span, [figures[j] for j in in_sentence.get(span.sent.start, ())])
        if owner is None and _looks_back(mention.value, session_days):
            continue  # "The stock fell 7/8 Thursday" in Friday's report: that stock's day, not the session
        if owner is not None or not is_comparison_base(span, words.comparison_bases, words.since_comparisons,
                                                       words.comparison_heads):
            session_days.append((span.start, owner, TimeScope(mention.text, mention.value, MARKET, mention.reference)))
    session_starts = [start for start, _, _ in session_days]
    morning = _reports_day_before(dates, figures[0].doc, words) \
        if published is not None and day is not None and not day.text and figures else None
    out = []
    for figure, scope in zip(figures, scopes):
        undated = scope is not None and (scope.source in UNDATED_SOURCES or
                                         (scope.source == LEAD and not is_day(scope.value)))
        if not undated or not narrated_past(figure.root) or not in_market_clause(figure.root, words):
            out.append(scope)  # "The index is 4% below its peak": as it stands now
            continue
        here = bisect_left(session_starts, figure.end)
        before = _last_session(session_days, here, figure.start)
        later = next((session for _, owner, session in session_days[here:] if owner is None and (
            published is None or session.value >= _session_before(published).isoformat())), None)
        if before is not None:
            out.append(before)
        elif later is not None:
            out.append(later)  # a report that names its session further on ("fell in price yesterday")
        elif published is not None and (_after_session(figure.sent, words)
                                        or (morning is not None and figure.start >= morning)):
            out.append(TimeScope(_previous_session_phrase(figure.sent, words), _session_before(published).isoformat(),
                                 MARKET))
        else:
            out.append(replace(day, source=MARKET) if day is not None and scope.source != PUBLISHED else scope)
    return out


def in_market_clause(token: Token, words: MarketWords) -> bool:
    """Whether a word is told in a market clause: up its chain of verbs ("lost 53.5 points,
    closing at 1,387.7"; "Stocks rose, pushing the Dow up 72.24 points"), one is a close or has a
    market noun as its subject (or as the antecedent of a relative subject: "the stocks that
    fell"), a subject in a market setting ("Volume on the exchange totaled 312 million shares"),
    or a market setting as its object or a preposition's, or it moves a company's share price
    (``_company_move``: "Orlon dropped 2 1/2 to 37 3/4"). The answer is the clause's, kept by its
    verb in ``Doc.user_data``: every figure of "The index fell 53.5 points, or 4%, to 1,387.7" asks."""
    verb = clause_head(token)
    known, key = token.doc.user_data.setdefault(_MARKET_CLAUSES_KEY, {}), (verb.i, words)
    found = known.get(key)
    if found is None:
        found = known[key] = _market_clause(verb, words)
    return found


_MARKET_CLAUSES_KEY = "claims.market_clauses"
"""Where ``in_market_clause`` keeps each clause's answer, by its verb and the words, in ``Doc.user_data``."""


def _market_clause(verb: Token, words: MarketWords) -> bool:
    chain = [verb]
    while verb.dep_ in _CHAINED and verb.head.i != verb.i:
        verb = clause_head(verb.head)
        chain.append(verb)
    if _company_move(chain[0], words):
        return True  # its own verb: "rose 3 to 20 after the bank approved a $21-a-share offer" moves no offer
    for verb in chain:
        if verb.lemma_.lower() in words.close_verbs or any(
                c.dep_ in _CHAINED and c.lemma_.lower() in words.close_verbs for c in verb.children):
            return True
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (_names(child, words.market_nouns) or (
                    child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and _names(verb.head, words.market_nouns))
                    or any(_names(o, words.market_settings) for p in child.children if p.dep_ == "prep"
                           for o in p.children if o.dep_ == "pobj")):
                return True  # also "the stocks that fell in price yesterday", "Volume on the exchange totaled"
            objects = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"] \
                if child.dep_ == "prep" else []
            if any(_names(o, words.market_settings) for o in objects):
                return True
    return False


def _company_move(verb: Token, words: MarketWords) -> bool:
    """Whether a verb moves a company's share price, as a market report lists its issues by the
    company's name alone: a verb of rising or falling ("surged", "eased", "nose-dived") whose
    subject is an organisation (or the one a relative clause or a participle hangs from: "McCaw,
    which dropped 2 1/2 to 37 3/4"; "Weisfield's rocketed 9 1/2 to 39"; when the parse gives no
    subject, the organisation the clause opens with), with no object of its own but an amount, to
    a price after "to" ("to $100", "to 112 5/8"). Counter-examples: "Orlon's sales rose 8% to
    $368 million" (the subject is no company), "Orlon rose to $2 billion in sales" (no share is
    priced in millions) and "Orlon fell to a loss" (no price)."""
    if verb.lemma_.lower() not in words.move_verbs or any(
            c.dep_ == "dobj" and not c.like_num and c.tag_ != "CD" for c in verb.children):
        return False
    levels = preposition_objects([verb], ("to",))
    if not levels or any(not (level.like_num or level.tag_ == "CD") or any(
            t.lower_ in words.scales for t in level.subtree) for level in levels):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subjects = [verb.head]
    elif not subjects and verb.dep_ == "acl":
        subjects = [verb.head]
    elif not subjects:
        subjects = [t for t in verb.doc[verb.left_edge.i:verb.i] if t.ent_type_ == "ORG"][:1]
    return bool(subjects) and (subjects[0].ent_type_ == "ORG" or (
        subjects[0].tag_ in ("NNP", "NNPS") and subjects[0].ent_type_ not in _NOT_COMPANIES))


def _after_close(token: Token, words: MarketWords) -> bool:
    """Whether a day is that of a close in a clause of "after" ("Compaq fell after reporting
    earnings after the market closed Wednesday"): the news came after that session, so the day
    dates no session the report goes on to list."""
    verb = clause_head(token)
    return verb.lemma_.lower() in words.close_verbs and any(
        c.dep_ == "mark" and c.lower_ == "after" for c in verb.children)


def _looks_back(value: str, session_days: list[tuple[int, int | None, TimeScope]]) -> bool:
    """Whether a day is earlier than a session the report named before it: a report tells of its
    latest session and looks back at one issue's day ("The Nasdaq fell 1.2% on Friday. ... Intel
    eased 1/8 to 31 7/8. The stock fell 7/8 Thursday. ... Weisfield's rocketed 9 1/2 to 39" is
    Friday's), which dates its own sentence only."""
    return any(owner is None and value < session.value for _, owner, session in session_days)


def _owner(span: Span, in_sentence: list[Span]) -> int | None:
    """The start of the figure a date belongs to ("its March 3, 2023 low of 2140.55"), which
    dates that figure alone, not the session; ``in_sentence`` are the figures of the date's sentence,
    looked up (``by_sentence``), since walking every figure of the article for each date made a long
    market report quadratic."""
    owner = owning_figure(span, in_sentence)
    return owner.start if owner is not None else None


def _last_session(session_days: list[tuple[int, int | None, TimeScope]], before: int, figure: int) -> TimeScope | None:
    """The last of the first ``before`` trading days that dates the figure starting at token
    ``figure``: one that dates a session, not another figure alone."""
    for i in range(before - 1, -1, -1):
        _, owner, session = session_days[i]
        if owner is None or owner == figure:
            return session
    return None


def _names(noun: Token, nouns: frozenset[str]) -> bool:
    """'the Nasdaq Composite index', 'Bethlehem shares', 'the bond market': the noun or a compound
    of it is one of ``nouns``."""
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns
               for t in [noun, *(c for c in noun.children if c.dep_ == "compound")])


def _reports_day_before(dates: list[DatedSpan], doc: Doc, words: MarketWords) -> int | None:
    """Where the closes of a morning paper's copy, written the day after what it reports, begin
    (a token index), or None for other copy. It never says "today" or "tonight", and it says
    "yesterday" ("The bank said yesterday that ...": all its closes), or it is a newspaper's own
    copy, which opens with no dateline at all, neither place nor day, on news told as done, not on a
    market clause ("Halden Mills agreed to sell its dye unit.\n\nInvestors cheered the plan.
    Halden shares rose 12 pence to 340 pence": the closes after that lead paragraph; wire copy
    opens "LONDON (AP) _", an online report puts its day under the headline, a broadcast opens on
    the present, "It is turning out to be a bad week for Asia", and a sentence on its own is no
    such copy). Its closes that name no day ("On the Toronto Stock Exchange, Harlow shares closed
    at C$21, up 25 cents") are the session before publication."""
    said = {t.lower_ for span, _ in dates for t in span}
    if said & words.same_day:
        return None
    if said & words.day_before:
        return 0
    openers = [sent for sent in doc.sents if starts_paragraph(doc, sent)][:2]
    own_copy = len(openers) == 2 and _told_done(openers[0].root) and not in_market_clause(openers[0].root, words) \
        and not any(dateline_end(sent) > sent.start for sent in openers)
    return openers[1].start if own_copy else None


def _told_done(verb: Token) -> bool:
    """'Halden agreed to sell', 'Halden has agreed to sell': a lead told in the past or the
    present perfect, as news of what happened."""
    return narrated_past(verb) or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def _after_session(sent: Span, words: MarketWords) -> bool:
    """'in composite trading on the New York Stock Exchange': a close the paper reports the
    morning after its session."""
    return bool(_previous_session_phrase(sent, words))


def _previous_session_phrase(sent: Span, words: MarketWords) -> str:
    """The words of a ``previous_session`` phrase in a sentence, also with the exchange's name
    between them, read from the parse ("in composite Midwest Stock Exchange trading": "trading"
    and the words before it that hang from it, "composite" among them)."""
    lower = [t.lower_ for t in sent]
    for phrase in words.previous_session:
        for i in range(len(lower) - len(phrase) + 1):
            if tuple(lower[i:i + len(phrase)]) == phrase:
                return sent[i:i + len(phrase)].text
        for token in (t for t in sent if t.lower_ == phrase[-1] and len(phrase) == 2):
            modifier = next((t for t in sent.doc[token.left_edge.i:token.i] if t.lower_ == phrase[0]), None)
            if modifier is not None:
                return sent.doc[modifier.i:token.i + 1].text
    return ""


def _session_before(published: date) -> date:
    """The last weekday before publication: Wednesday for a Thursday paper, Friday for Monday's."""
    day = published - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


