"""Turns parsed articles into figures and dates: match the rules, normalize each span, read its
qualifier and role, resolve dates in text order, and give every figure its time scope."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from pipeline.claims.assemble import assemble_claims
from pipeline.checks.consistency import check_consistency
from pipeline.figures.context import alternative_roles, carry_currency, carry_units, clause_head, conjoined_roles, endpoint_roles, link_groups, link_parts, read_context, share_list_roles
from pipeline.time.dates import Point
from pipeline.claims.describe import DescribeWords, starts_paragraph
from pipeline.figures.normalize import Amount, FigureNormalizer
from pipeline.matching.candidates import Candidate, overlaps, resolve_overlaps
from pipeline.nlp.parse import parse_articles
from pipeline.records import FIGURE_KINDS, Article, DateMention, Extraction, Figure, TimeScope
from pipeline.resources import Resources
from pipeline.time.scope import (TimeMark, bounded_year, carried_period, choose_scope, dated_event, endpoint_scopes,
                            event_references, headline_end, is_base_figure, is_comparison_base, is_day, is_start_point,
                            owning_figure, reported_period, restated_scopes, sentence_frame, since_value_is_point,
                            when_clause_date)

BATCH_SIZE = 32


def extract_articles(articles: Iterable[Article], res: Resources, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Parse articles with ``nlp.pipe`` in batches and extract each one; yields in input order."""
    for doc, article in parse_articles(articles, res.nlp, batch_size):
        yield extract_doc(doc, article, res)


def extract_doc(doc: Doc, article: Article, res: Resources) -> Extraction:
    sentences = list(doc.sents)
    index_sentences(doc, sentences)
    matched, hits = res.matcher.match(doc)
    amounts: dict[tuple[int, int, str], Amount] = {}

    def usable(cand: Candidate) -> bool:
        # A span whose words hold no readable number ("third quarter", "2021 to 5.5 percent") is no
        # figure; like one whose guards fail, it counts as unmatched, so that a shorter reading can win.
        if not hits.holds(cand):
            return False
        if cand.label not in FIGURE_KINDS:
            return True
        if _key(cand) not in amounts:
            amounts[_key(cand)] = _amount(doc[cand.start:cand.end], cand, res.figures)
        return amounts[_key(cand)].readable

    candidates = resolve_overlaps(matched, usable)
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    measured = _carry_currency([_resolve_unit(doc[c.start:c.end], c, amounts[_key(c)], res)
                                for c in candidates if c.label != "date"], res)
    spans = [m.span for m in measured]
    paragraph_of = _paragraph_numbers(doc, sentences)
    date_spans = _resolve_dates([(_trim(doc[c.start:c.end]), c) for c in candidates if c.label == "date"],
                                article, res, sent_index, paragraph_of, spans)
    dates = [mention for _, mention in date_spans]
    readings = share_list_roles(doc, spans, [m.kind for m in measured],
                                [read_context(m.span, m.kind, m.cand.rule.sets, hits) for m in measured])
    carried = carry_units(spans, [m.kind for m in measured], [m.amount.unit for m in measured],
                          [m.amount.value for m in measured], [_has_scale(m.span, res) for m in measured])
    measured = [m._replace(amount=replace(m.amount, unit=unit)) for m, unit in zip(measured, carried)]
    parts = link_parts(doc, spans, [r.role for r in readings], set(res.rules.lexicons["link_fillers"]))
    linked = link_groups(doc, spans, parts)
    readings = endpoint_roles(alternative_roles(readings, parts), [m.kind for m in measured], linked, parts)
    readings = conjoined_roles(doc, spans, [m.kind for m in measured], readings)
    scopes = restated_scopes(_scopes(doc, sentences, spans, date_spans, res, article.published),
                             [(m.span.start, m.kind, m.amount.value, m.amount.unit) for m in measured],
                             headline_end(doc, sentences))
    scopes = endpoint_scopes(scopes, parts, linked)
    figures = tuple(
        Figure(start=span.start_char, end=span.end_char, text=span.text, kind=kind, value=amount.value,
               sentence_index=sent_index[span.sent.start], value_low=amount.value_low,
               value_high=amount.value_high, unit=amount.unit, value_si=amount.value_si,
               unit_si=amount.unit_si, qualifier=reading.qualifier, role=reading.role,
               direction=reading.direction or _own_direction(amount, reading.role),
               link=part if others else "", linked_to=tuple(spans[j].start_char for j in others), time=scope,
               rules=rules + reading.rules)
        for (span, cand, amount, kind, rules), reading, scope, part, others
        in zip(measured, readings, scopes, parts, linked)
    )
    entities = res.entities.canonical_entities(doc)
    reported = res.speakers.attribute(doc, entities, dates)
    extraction = Extraction(article=article, figures=figures, dates=tuple(dates), entities=tuple(entities),
                            quotes=tuple(reported.quotes))
    words = DescribeWords(frozenset(res.rules.lexicons["event_prepositions"]),
                          frozenset(res.rules.lexicons["target_nouns"]), res.speakers.verbs,
                          frozenset(res.rules.lexicons["multiplier_units"]), res.rules.lexicons["transaction_nouns"])
    claims = check_consistency(assemble_claims(doc, extraction, res.checkworthiness, reported, words),
                               extraction.dates, res.checks, res.rules.lexicons["number_words"])
    return replace(extraction, claims=claims)


def index_sentences(doc: Doc, sentences: list[Span]) -> None:
    """Make ``Span.sent`` and ``Token.sent`` look their sentence up among the document's
    sentences. spaCy's own walks the tokens and first asks the document whether sentences are set,
    which reads tokens one by one as Python objects: a tenth of the extraction's time. The hooks
    give what spaCy gives: the sentence holding the span's first token. They hold offsets only: a
    hook holding the document's own spans would keep it alive until the cyclic collector ran."""
    starts, ends = [sent.start for sent in sentences], [sent.end for sent in sentences]

    def sentence_at(owner: Doc, i: int) -> Span:
        k = bisect_right(starts, i) - 1
        return owner[starts[k]:ends[k]]

    doc.user_span_hooks["sent"] = lambda span: sentence_at(span.doc, span.start)
    doc.user_token_hooks["sent"] = lambda token: sentence_at(token.doc, token.i)


class Measured(NamedTuple):
    span: Span
    cand: Candidate
    amount: Amount
    kind: str
    rules: tuple[str, ...]


RESOLVER_RULE = "unit-resolver"
"""Named in the ``rules`` column of a count the fallback unit resolver turned into a quantity."""


def _resolve_unit(span: Span, cand: Candidate, amount: Amount, res: Resources) -> Measured:
    """A count of a noun the lexicons do not know may be a measure ("40 knots", "5 terabytes"):
    the fallback resolver names its unit, and it becomes a quantity."""
    unit = ""
    if cand.label == "count" and amount.value is not None and span[-1].lower_ not in res.figures.count_nouns:
        unit = res.units.resolve(span.text, amount.value)
    if not unit:
        return Measured(span, cand, amount, cand.label, (cand.rule.id,))
    measure = replace(amount, unit=unit, **res.figures.to_si(amount.value, unit))
    return Measured(span, cand, measure, "quantity", (cand.rule.id, RESOLVER_RULE))


CARRIED_CURRENCY_RULE = "currency-of-sentence"
"""Named in the ``rules`` column of a bare scaled number that took its currency from the money
amounts of its sentence."""


def _carry_currency(measured: list[Measured], res: Resources) -> list[Measured]:
    """Bare scaled numbers that repeat the scale of their sentence's money, in its one currency,
    are money ("8 trillion roubles ... down from 11.6 trillion")."""
    currencies = carry_currency([m.span for m in measured], [m.kind for m in measured],
                                [m.amount.unit for m in measured], set(res.figures.scales))
    return [m._replace(amount=replace(m.amount, unit=code), kind="money", rules=m.rules + (CARRIED_CURRENCY_RULE,))
            if code else m for m, code in zip(measured, currencies)]


def _has_scale(span: Span, res: Resources) -> bool:
    return any(t.lower_ in res.figures.scales for t in span)


def _own_direction(amount: Amount, role: str) -> str:
    """A multiplier's own direction ("halved" is down) where the figure is a change or a goal."""
    return amount.direction if role in ("change", "target") else ""


def _key(cand: Candidate) -> tuple[int, int, str]:
    return cand.start, cand.end, cand.rule.id


def _amount(span: Span, cand: Candidate, normalizer: FigureNormalizer) -> Amount:
    return normalizer.normalize(cand.label, [t.text for t in span], [t.lemma_ for t in span], cand.rule.sets)


_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")

_CLAUSE_LINKS = ("conj", "ccomp", "parataxis", "advcl", "relcl")
"""Dependencies that join a separate clause: its tense is not the date's."""

CALENDAR_TYPES = ("month", "period_to", "quarter", "half", "season", "calendar_year")
"""Calendar names without a year ("in November", "the first quarter"): they take the year of a date
set earlier in their paragraph, else the publication's, else the last one the article mentioned."""


def _resolve_dates(date_spans: list[tuple[Span, Candidate]], article: Article, res: Resources,
                   sent_index: dict[int, int], paragraph_of: dict[int, int],
                   figures: list[Span]) -> list[tuple[Span, DateMention]]:
    """Resolve in text order. "20 days later" and "the previous year" count from the last date
    the article set; a month or quarter without its year from the last one its paragraph set.
    Only dates that set the time of their sentence become anchors: not the base of a comparison
    ("the smallest since 2020"), not an open interval ("since March 2022"), not a date inside a
    clause that describes a noun ("accounts, which go back to 1929, ...") or a noun's modifier
    ("the 2008 crisis"), nor a date that qualifies a figure ("the 11.1 per cent peak reached in
    October 2022"). A date after "since", "until" or "by" becomes an open interval whose span
    takes in that word."""
    mentions = []
    lexicons = res.rules.lexicons
    bases, since_comparisons = set(lexicons["comparison_bases"]), set(lexicons["since_comparisons"])
    future_cues = frozenset(lexicons["future_cues"])
    framing = set(lexicons["framing_prepositions"])
    narrative_words = set(lexicons["narrative_words"])
    article_anchor: tuple[Point, str] | None = None
    paragraph_anchor: tuple[Point, str, bool | int] | None = None  # the sentence it holds for, or True
    paragraph = -1
    figures_in: dict[int, list[Span]] = defaultdict(list)  # by the start of their sentence
    for figure in figures:
        figures_in[figure.sent.start].append(figure)
    for span, cand in date_spans:
        sent_start = span.sent.start
        if paragraph_of[sent_start] != paragraph:
            paragraph, paragraph_anchor = paragraph_of[sent_start], None
        kind = cand.rule.sets["type"]
        if paragraph_anchor and paragraph_anchor[2] not in (True, sent_start):
            paragraph_anchor = None  # a year inside an earlier sentence framed only that sentence
        follows_narrative = any(t.lower_ in narrative_words for t in span)  # "the following spring"
        deictic = any(t.lower_ in ("this", "last", "next", "coming") for t in span)  # "last September"
        if kind in CALENDAR_TYPES and deictic:
            anchor = None  # the publication date, or nothing
        elif kind in CALENDAR_TYPES and not follows_narrative and (paragraph_anchor or article.published):
            anchor = paragraph_anchor[:2] if paragraph_anchor else None
        else:
            anchor = article_anchor
        owner = owning_figure(span, figures_in[sent_start])
        comparison = is_comparison_base(span, bases, since_comparisons)
        tense = "past" if in_dateline(span) else clause_tense(span, future_cues)
        tense = "past" if comparison and tense != "future" else tense  # "up from 10 percent in May"
        if owner is not None and is_base_figure(owner):  # "will fall to 9 million from 10 million in May"
            tense = "past"
        resolution = res.dates.resolve([t.text for t in span], kind, article.published, *(anchor or (None, "")),
                                       tense, cand.rule.sets.get("order", ""))
        value = resolution.value
        # "the worst defeat since 1935" is still 1935/..; "than at any time since the 1950s" a point
        point = since_value_is_point(span, since_comparisons)
        side = (_open_side(span, value, tense, lexicons["open_bounds"], point)
                if value and ".." not in value and resolution.modifier in ("", "fiscal") else "")
        if (resolution.point is not None and not side and not comparison and not _describes_noun(span, cand)
                and owner is None):
            article_anchor = (resolution.point, span.text)
            if not resolution.relative and _frames(span, resolution.point, framing):
                paragraph_anchor = (*article_anchor, _carries_on(span, resolution.point) or sent_start)
        if side:
            span = span.doc[span.start - 1:span.end]
            value = f"{value.split('/')[0]}/.." if side == "start" else f"../{value.split('/')[-1]}"
        mentions.append((span, DateMention(
            start=span.start_char, end=span.end_char, text=span.text, value=value,
            sentence_index=sent_index[span.sent.start], relative=resolution.relative, anchor=resolution.anchor,
            modifier=resolution.modifier, rules=(cand.rule.id,),
        )))
    return mentions


def in_dateline(span: Span) -> bool:
    """'VIENNA, June 4 (Reuters) - Saudi Arabia will cut ...': the date of a dateline is the day
    the story was filed, on or before publication, whatever the tense of the sentence it opens.
    Only a place in capitals and commas may come before it at the head of its paragraph."""
    sent = span.sent
    before = span.doc[sent.start:span.start]
    words = [t for t in before if not t.is_space]
    return (starts_paragraph(span.doc, sent) and bool(words) and words[-1].text == ","
            and all(t.is_punct or (t.is_alpha and t.is_upper) for t in words))


def _starts_clause(token: Token) -> bool:
    """Whether a token heads a clause of its own, whose tense is not that of the clause above it.
    An infinitive ("whether to raise") and a verb sharing its auxiliary ("will hold X and report
    Y") take the tense of the verb above them."""
    if token.dep_ not in _CLAUSE_LINKS or token.pos_ not in ("VERB", "AUX"):
        return False
    children = {c.dep_: c.lower_ for c in token.children}
    if children.get("aux") == "to":
        return False
    return not (token.dep_ == "conj" and not {"aux", "nsubj", "nsubjpass"} & set(children))


def _frames(span: Span, point: Point, framing: set[str]) -> bool:
    """Whether a year sets the year of the bare months after it: "In 2023, ... in November" does;
    "by the end of 2024", "for 2025", "until 2030" name a horizon and do not. Relative
    expressions never do ("next year"). Days and months always may."""
    if point.granularity != "year" or span.start == span.sent.start:
        return True
    return span.doc[span.start - 1].lower_ in framing


def _carries_on(span: Span, point: Point) -> bool:
    """'In 2023, ...': a year at the head of its sentence frames the rest of the paragraph; a year
    elsewhere ("the economy grew 5.9 percent in 2021") frames only its own sentence. Days and
    months always carry on."""
    return point.granularity != "year" or span.start - span.sent.start <= 1


def _trim(span: Span) -> Span:
    """A date span never ends in punctuation ("between August and September," before a clause)."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start:end]


def _describes_noun(span: Span, cand: Candidate) -> bool:
    """'the 2008 crisis' (a rule that sets ``attributive``), 'accounts, which go back to 1929': a
    date that qualifies a noun. (A participle keeps its date: "a statement issued on February 4,
    2022" dates an event.)"""
    if cand.rule.sets.get("attributive"):
        return True
    token = clause_head(span.root)
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _open_side(span: Span, value: str, tense: str, open_bounds: dict[str, str], point: bool) -> str:
    """'start' for "since 2014", 'end' for "until 2030" and a deadline "by 2030", else ''. The
    base of a comparison ("the highest since 1900"), a past "by 2006" and "by" before anything but
    a bare year ("by December", "by the end of 2024": a point the text names) stay points."""
    word = span.doc[span.start - 1].lower_ if span.start else ""
    side = open_bounds.get(word, "")
    if point or (word == "by" and (tense == "past" or not any(_YEAR.match(t.text) for t in span))):
        return ""
    return "" if side == "end" and "/" in value else side  # "by 2025-26" names the fiscal year itself


def clause_tense(span: Span, future_cues: frozenset[str] = frozenset()) -> str:
    """'past', 'future', 'present' or '' for the clause a time expression sits in. A word that looks ahead
    ("would", "expected", "scheduled", "payable") among the words it hangs from, or their
    auxiliaries, makes it future ("is expected to grow in the year ending March 31"), and so does
    an arrangement in the present progressive ("who is running again in November")."""
    verb = clause_head(span.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "shall", "'ll"} or "going" in auxiliaries:
        return "future"
    if verb.tag_ == "VBG" and auxiliaries & {"is", "are", "am"}:
        return "future"
    ancestors, token = [], span.root
    while token.head.i != token.i and not _starts_clause(token):
        token = token.head  # up the clause's verb chain, and from "to raise" to "would decide"
        ancestors.append(token)
    if any(t.lower_ in future_cues for t in ancestors + [c for a in ancestors for c in a.children if c.dep_ == "aux"]):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "did", "was", "were", "has", "have"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries:  # "Parliament returns on July 9": a schedule
        return "present"
    return ""


def _scopes(doc: Doc, sentences: list[Span], figures: list[Span], dates: list[tuple[Span, DateMention]],
            res: Resources, published: date | None) -> list:
    """Time scope of every figure, walking sentences in order to carry the paragraph's frame."""
    words = res.scope_words  # built once, not per article
    prepositions, bases, reporting = words.event_prepositions, words.comparison_bases, words.reporting_verbs
    since_comparisons, comparison_heads = words.since_comparisons, words.comparison_heads
    looking_back, year_bounds = words.relative_back, words.year_bounds
    events: dict[str, TimeMark] = {}
    context: TimeMark | None = None
    scopes = []
    dates_by_sentence = _by_sentence(sentences, [(span.start, (span, d)) for span, d in dates])
    figures_by_sentence = _by_sentence(sentences, [(f.start, f) for f in figures])
    carried: TimeMark | None = None  # the one period of the paragraphs before, until this one names one
    framed: TimeMark | None = None  # the first frame the current paragraph set
    named: set[str] = set()  # the periods (not days) its dates name
    for sent, sent_dates, in_sent in zip(sentences, dates_by_sentence, figures_by_sentence):
        if starts_paragraph(doc, sent):
            carried = carried_period(framed, named, looking_back) if named else carried
            context, framed, named = None, None, set()
        marks = []
        for span, d in sent_dates:  # "compared with 2.34 percent two years ago": the base figure's own date
            start_point = is_start_point(span, d.value, published)
            if is_comparison_base(span, bases, since_comparisons) and not start_point:
                continue
            owner = owning_figure(span, in_sent, comparison_heads)
            if owner is not None or start_point or not is_comparison_base(span, bases, since_comparisons,
                                                                          comparison_heads):
                value = bounded_year(span, d.value, year_bounds)  # the year's clause is the date's
                marks.append(TimeMark(span if value == d.value else doc[span.start - 2:span.end], value, d.text,
                                      owner=owner.start if owner is not None else None))
        marks += event_references(sent, events, prepositions, [m.span for m in marks])
        frame, statements = sentence_frame(sent, marks, reporting)
        reported = reported_period(marks, in_sent) if statements else None
        if any(m.value and m.owner is None and m not in statements for m in marks):
            carried = None
        named |= {m.value for m in marks if m.value and not is_day(m.value)}
        described = {span.root.i: TimeMark(span, d.value, d.text) for span, d in sent_dates if d.value}
        for i, figure in enumerate(in_sent):
            next_start = in_sent[i + 1].start if i + 1 < len(in_sent) else sent.end
            when = when_clause_date(figure, described)
            scopes.append(TimeScope(when.text, when.value, "clause") if when else
                          choose_scope(figure, next_start, [m for m in marks if not overlaps(m.span, figure)],
                                       frame, context or carried, statements, reported))
        for mark in marks:
            key = dated_event(doc, mark) if mark.value and not mark.source else ""
            if key:
                events[key] = mark
        context = frame or reported or context
        framed = framed or context
    return scopes


def _by_sentence(sentences: list[Span], items: list[tuple[int, object]]) -> list[list]:
    """Items (given with their token position, in text order) grouped by the sentence they are in."""
    groups: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for position, item in items:
        groups[bisect_right(starts, position) - 1].append(item)
    return groups


def _paragraph_numbers(doc: Doc, sentences: list[Span]) -> dict[int, int]:
    """The paragraph number of every sentence, keyed by the sentence's first token."""
    numbers, paragraph = {}, -1
    for sent in sentences:
        paragraph += starts_paragraph(doc, sent)
        numbers[sent.start] = paragraph
    return numbers
