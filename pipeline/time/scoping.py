"""Gives every figure of an article its time scope, walking the sentences in order.

The walk carries what one sentence says about time to the next: the frame a paragraph set ("In
2023, trade grew ... China imported $129 billion" -> 2023), the one period of the paragraph before
when a new one opens without a date ("Inflation held at 6.7 per cent in March.", then a paragraph
"Core inflation eased to 6.1 per cent" -> March), and the events the article dated ("the
annexation of Crimea in 2014", then "before the annexation of Crimea"). How one figure picks its
scope among the marks of its sentence is in ``pipeline.time.scope``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.matching.candidates import overlaps
from pipeline.nlp.structure import (clause_head, in_each_sentence, one_sentence_paragraphs, starts_paragraph,
                                     token_strings)
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.anchoring import DatedSpan
from pipeline.time.business import YEAR_BACK_WORDS
from pipeline.time.current import beside_now
from pipeline.time.durations import present_perfect
from pipeline.time.governing import (before_subordinator, conceded, governs, happened_before, looks_past_frame,
                                     names_another_event, stated_as_current, told_ahead)
from pipeline.time.joined import with_range_ends, with_year_after
from pipeline.time.terms import century_of_noun, term_date
from pipeline.time.relatives import dated_antecedent, dated_participle, present_aside, survey_frame
from pipeline.time.bases import after_unread_base
from pipeline.time.scope import (TimeMark, bounded_year, carried_period, choose_scope, dated_event, ends_like_sentence, planned,
                                 event_references, is_narrative, is_comparison_base, is_day, is_start_point,
                                 reported_period, sentence_frame, when_clause_date)
from pipeline.time.owners import owning_figure
from pipeline.time.points import published_as


@dataclass(frozen=True)
class ScopeWords:
    """The word lists time scoping looks words up in, as sets built once rather than per article."""

    event_prepositions: frozenset[str]
    comparison_bases: frozenset[str]
    since_comparisons: frozenset[str]
    comparison_heads: frozenset[str]
    reporting_verbs: frozenset[str]
    relative_back: frozenset[str]
    future_cues: frozenset[str]
    first_person: frozenset[str]
    survey_nouns: frozenset[str]
    term_words: frozenset[str]
    deadline_verbs: frozenset[str]
    year_bounds: dict[str, str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> ScopeWords:
        """From lexicons.yml, but the reporting verbs from speech.yml, the list speakers are
        found by: the day something was said ("..., the ministry said on Friday") dates a figure
        only when nothing else does."""
        lexicon = {name: frozenset(rules.lexicons[name]) for name in
                   ("event_prepositions", "comparison_bases", "since_comparisons", "comparison_heads",
                    "relative_back", "future_cues", "first_person", "survey_nouns", "term_words", "deadline_verbs")}
        return cls(**lexicon, reporting_verbs=frozenset(rules.tables["speech"]["reporting_verbs"]),
                   year_bounds=dict(rules.lexicons["year_bounds"]))


def scope_figures(doc: Doc, sentences: list[Span], figures: list[Span], dates: list[DatedSpan],
                  words: ScopeWords, published: date | None,
                  partners: dict[int, frozenset[int]]) -> list[TimeScope | None]:
    """The time scope of every figure (None where nothing dates it), in the figures' order:
    "In 2023, it grew to $240 billion. China has imported energy worth $129 billion." gives both
    figures 2023, the first from its clause and the second from the paragraph's frame.
    ``partners`` are the figures of one change by their start tokens (``change_partners``)."""
    prepositions, bases, reporting = words.event_prepositions, words.comparison_bases, words.reporting_verbs
    since_comparisons, comparison_heads = words.since_comparisons, words.comparison_heads
    looking_back, year_bounds = words.relative_back, words.year_bounds
    events: dict[str, TimeMark] = {}
    context: TimeMark | None = None
    scopes = []
    dates_by_sentence = in_each_sentence(sentences, [dated.span for dated in dates], dates)
    figures_by_sentence = in_each_sentence(sentences, figures)
    ents_by_sentence = in_each_sentence(sentences, doc.ents)  # not ``Span.ents``, which walks them all
    carried: TimeMark | None = None  # the one period of the paragraphs before, until this one names one
    went_on = False  # whether a figure of the current paragraph took ``carried``
    # in web copy, a paragraph with no figure and no date goes on with a period that dated a figure
    bridging, silent, dated, carried_dated = one_sentence_paragraphs(doc, sentences), True, set(), False
    framed: TimeMark | None = None  # the first frame the current paragraph set
    named: set[str] = set()  # the periods (not days) its dates name
    previous: Span | None = None  # the sentence before
    companies: set[str] = set()  # the organisations the current paragraph names
    just_dated: dict[str, TimeMark] = {}  # what the sentence before dated: "crashed 20 years ago"
    for sent, sent_dates, in_sent, ents in zip(sentences, dates_by_sentence, figures_by_sentence, ents_by_sentence):
        if starts_paragraph(doc, sent):  # a heading or a caption hands on nothing
            told = previous is not None and ends_like_sentence(previous)
            # a paragraph that names no period hands on the one before only if it went on with it
            if told:
                bridged = bridging and silent and carried_dated and carried is not None
                carried = carried_period(framed, named, looking_back) if named else carried if went_on or bridged else None
                carried_dated = carried is not None and (went_on or bridged or carried.value in dated)
            went_on, silent, dated = False, True, set()
            if another_company(sent, ents, companies):  # "At Acme Finance, net slipped 2.4%": not Acme Motors' nine months
                carried = None
            context, framed, named, companies = None, None, set(), set()
        companies |= {ent.text.lower() for ent in ents if ent.label_ == "ORG"}
        marks = []
        # "now" dates a figure only where its clause names no other date ("it now sees sales of
        # $21 billion for fiscal 2025": the fiscal year; but "Although ferry traffic is back to 85%
        # now, the operator lost money in the first quarter": now)
        sent_dates = [(span, d) for span, d in sent_dates if d.reference != "present"
                      or beside_now(span, d.reference, in_sent) is not None or not any(
            o.reference != "present" and o.value and clause_head(s.root).i == clause_head(span.root).i
            for s, o in sent_dates)]
        sent_dates = [(span, d) for span, d in sent_dates if not century_of_noun(span, d.value)
                      and not term_date(span, words.term_words, words.deadline_verbs)]  # "notes due 2011"
        sent_dates = with_range_ends(doc, with_year_after(doc, sent_dates))  # "between April and June of 2011"
        for span, d in sent_dates:  # "compared with 2.34 percent two years ago": the base figure's own date
            start_point = is_start_point(span, d.value, published)
            # "up from last year's $3.27 a share": the base's own year; "since it bought the mill in
            # 2019 for $40 million": the year of the since clause's own figure
            possessed = base_possessive(span, in_sent) or since_clause_figure(span, in_sent)
            if (is_comparison_base(span, bases, since_comparisons) or after_unread_base(span, in_sent, bases)) \
                    and not start_point and possessed is None:  # "up from nine a year ago"
                continue
            owner = possessed or beside_now(span, d.reference, in_sent) or owning_figure(span, in_sent, comparison_heads)
            if owner is not None or start_point or not is_comparison_base(span, bases, since_comparisons,
                                                                          comparison_heads):
                value = bounded_year(span, d.value, year_bounds)  # the year's clause is the date's
                marks.append(TimeMark(span if value == d.value else doc[span.start - 2:span.end], value, d.text,
                                      owner=owner.start if owner is not None else None, reference=d.reference))
        marks += event_references(sent, events, prepositions, [m.span for m in marks])
        marks += continued_events(sent, just_dated, [m.span for m in marks], words.future_cues)
        frame, statements = sentence_frame(sent, [m for m in marks if not conceded(m.span.root)
                                                  and not names_another_event(m.span)], reporting)
        frame = frame or survey_frame(marks, words.survey_nouns)  # "In a poll completed on Saturday, 62 percent"
        reported = reported_period(marks, in_sent) if statements else None
        if any(m.value and m.owner is None and m not in statements for m in marks):
            carried = None
        named |= {m.value for m in marks if m.value and not is_day(m.value) and not compared_period(m)}
        described = {span.root.i: TimeMark(span, d.value, d.text, reference=d.reference)
                     for span, d in sent_dates if d.value}
        for i, figure in enumerate(in_sent):
            next_start = in_sent[i + 1].start if i + 1 < len(in_sent) else sent.end
            when = (when_clause_date(figure, described) or dated_antecedent(figure, marks)
                    or dated_participle(figure, marks))  # "52,000 bought from March 14 to Thursday for $4.10 each"
            before, aside = context or carried, present_aside(figure)  # "Borex, which owns 23% of Acme"
            if (aside or stated_as_current(figure, words.future_cues) or looks_past_frame(figure, before, published, words.future_cues)
                    or (context is None and present_perfect(figure.root))):  # "Debt has risen to $4 billion"
                before = None
            governing = frame if (frame is not None and not aside and governs(frame, figure)
                                  and not happened_before(figure, frame, published, words.future_cues)) else None
            usable = [m for m in marks if not overlaps(m.span, figure)
                      and (m.owner == figure.start or not before_subordinator(figure, m))]
            scopes.append(when.scope("clause") if when else
                          choose_scope(figure, next_start, usable, governing, before, statements, reported,
                                       partners.get(figure.start, frozenset())))
            went_on = went_on or (context is None and before is not None and scopes[-1] == before.scope("context"))
            dated.add(scopes[-1].value if scopes[-1] is not None else "")
        silent = silent and not in_sent and not sent_dates
        for mark in marks:
            key = dated_event(doc, mark) if mark.value and not mark.source else ""
            if key:
                events[key] = mark
        just_dated = dated_actions(marks, published)
        setting = [m for m in (frame, reported) if m is not None and carries_on(sent, m, published, words)]
        named -= {m.value for m in (frame, reported) if m is not None and m not in setting}
        context = next(iter(setting), None) or context
        framed = framed or context
        previous = sent
    return scopes


def since_clause_figure(span: Span, figures: list[Span]) -> Span | None:
    """'Since Acme bought the mill in February for $40 million, it has sold $9 million of
    equipment': a date in a clause opened by "since" is, for the figures around it, the start of
    a comparison or an interval, but for the clause's own figure the time it happened: the first
    figure of that clause, which takes it (February for $40 million). Not a date after "since"
    itself ("Since its launch in 1981, 3,100 ferries have left the yard": the years from 1981)."""
    verb = span.root
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
        if verb.lower_ == "since":
            return None
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return None  # a clause opened by "since" is one below another
    return next((f for f in figures if clause_head(f.root).i == verb.i and not overlaps(f, span)), None)


def base_possessive(span: Span, figures: list[Span]) -> Span | None:
    """'from last year's $3.27 a share', 'from last year's fully diluted $3.27': the figure a date
    in the possessive stands before, whose period it is however the parse hangs it; and 'up on the
    prior quarter's pace of 1.9%', the figure the possessed noun is "of"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in ("'s", "’s"):
        return None
    possessed = span.root.head if span.root.dep_ == "poss" else None
    amounts = [g.i for c in (possessed.children if possessed is not None else []) if c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return next((f for f in figures if span.end < f.start <= span.end + 3
                 or any(f.start <= i < f.end for i in amounts)), None)


def dated_actions(marks: list[TimeMark], published: date | None) -> dict[str, TimeMark]:
    """What a sentence's dates date, by lemma: the verb a date hangs from and the nouns it acts on
    ("the bridge collapsed 15 years ago" -> collapse; "On Monday, the airline announced 24 new orders"
    -> announce, order), for the next sentence to go on about ("The collapse closed the river for
    40 days"; "these orders are worth $3.1 billion"). Not a horizon, a date after publication: "new
    kilns may trim the plant's fuel bills by late 2026" does not date "those bills had reached 30%
    of its outlays" in 2026."""
    acts = {}
    for mark in marks:
        if not mark.value or mark.owner is not None or mark.source or _ahead(mark, published):
            continue
        verb = clause_head(mark.span.root)
        acts[verb.lemma_.lower()] = mark
        acts.update({c.lemma_.lower(): mark for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"})
    return acts


def continued_events(sent: Span, just_dated: dict[str, TimeMark], taken: list[Span],
                     future_cues: frozenset[str]) -> list[TimeMark]:
    """'The collapse closed the river for 40 days' after "... the bridge collapsed 15 years
    ago": a subject that names with "the" or "these" what the sentence before dated goes on about
    it, and takes its date (``time_source`` `event`). Not a subject the sentence before only
    named ("the bridge"), nor a name ("the Dow"), nor one of a clause told ahead ("The cuts will
    save $20 million a year" after "cut 400 jobs in March")."""
    marks, deps = [], token_strings(sent.doc, "DEP")
    for noun in (sent.doc[i] for i in range(sent.start, sent.end) if deps[i] in ("nsubj", "nsubjpass")):
        if (noun.pos_ != "NOUN"
                or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)):
            continue
        event = just_dated.get(noun.lemma_.lower())
        subject = sent.doc[noun.left_edge.i:noun.i + 1]
        if event is not None and not any(overlaps(s, subject) for s in taken) and not told_ahead(subject, future_cues):
            marks.append(TimeMark(subject, event.value, subject.text, "event", reference=event.reference))
    return marks


DEFINITE = frozenset({"the", "this", "these", "that", "those"})

def another_company(sent: Span, ents: list[Span], companies: set[str]) -> bool:
    """Whether a paragraph opens about a company the paragraph before did not name: one that is
    its first sentence's subject or stands in its opening phrase ("At Acme Finance, net slipped 2.4%",
    "Borel's net fell 5%"). Its figures take no period from the paragraph before, which was about
    another company ("In the nine months, Acme Motors net fell 4.3%"). A name sharing a word with
    one named before ("Norvik" after "Norvik Corp.") is the same company."""
    seen = {word for name in companies for word in name.split()}
    opening = next((t.i for t in sent if t.text == ","), sent.end) if sent[0].pos_ == "ADP" else sent.start
    return any(ent.label_ == "ORG" and not seen & set(ent.text.lower().split())
               and (ent.start < opening or _in_subject(ent.root)) for ent in ents)


def _in_subject(token: Token) -> bool:
    """Whether a word is (in) the subject of its sentence's main verb ("GMAC's earnings fell")."""
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            return True
        token = token.head
    return False


def carries_on(sent: Span, mark: TimeMark, published: date | None, words: ScopeWords) -> bool:
    """Whether the frame a sentence set carries to the next sentences: only one set by the
    narrative. Not a horizon or a forecast ("he thinks steelmakers will report losses through the
    third quarter of 1990": a period after publication; "Lund Media will take ownership of the
    studio later this month. Lund is paying $12 a share": a plan for a period not over at
    publication), nor a date in a quote or in words told in the first person ("I think buyers
    are remembering the August 1998 default"), nor the date of a last or first time ("The last
    time the index rose four weeks in a row was in October 2007": a look back for comparison),
    nor a results period a year or a quarter back (below)."""
    return (not _ahead(mark, published) and not planned(mark.span, mark.value, published, words.future_cues)
            and is_narrative(sent, words.first_person) and not _last_time(mark.span.root) and not compared_period(mark))


def _ahead(mark: TimeMark, published: date | None) -> bool:
    """Whether a date starts after publication: a plan, a forecast or a horizon ("by 2030")."""
    start = mark.value.split("/")[0]
    return published is not None and start > published_as(start, published)


def compared_period(mark: TimeMark) -> bool:
    """Whether a date is a span of months named as a look back ("In the year-earlier quarter, it
    earned $6 million", "a year ago", "the previous quarter"): the period a results story
    compares with, told in a sentence of its own. It frames that sentence only, and is not a
    period of its paragraph: "Shipments rose 4% to 12,000 tons" after it is the quarter reported
    again, and the paragraph's "For the nine months, ..." still carries to the next one."""
    looks_back = any(t.lower_ in YEAR_BACK_WORDS and t.lower_ != "last" for t in mark.span)
    return looks_back and bool(MONTH_SPAN.fullmatch(mark.value))


MONTH_SPAN = re.compile(r"\d{4}-\d\d/\d{4}-\d\d")


def _last_time(token: Token) -> bool:
    """Whether a date's clause has for its subject "the last time", "the first time"."""
    verb = clause_head(token)
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ == "time"
               and any(m.lower_ in ("last", "first", "previous") for m in c.children) for c in verb.children)
