"""Turns parsed articles into figures and dates: match the rules, normalize each span, read its
qualifier and role, resolve dates in text order, and give every figure its time scope."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from pipeline.assemble import assemble_claims
from pipeline.consistency import check_consistency
from pipeline.context import alternative_roles, carry_units, clause_head, endpoint_roles, link_groups, link_parts, read_context, share_list_roles
from pipeline.dates import Point
from pipeline.describe import DescribeWords, starts_paragraph
from pipeline.figures import Amount, FigureNormalizer
from pipeline.match import Candidate, overlaps, resolve_overlaps
from pipeline.parse import parse_articles
from pipeline.records import FIGURE_KINDS, Article, DateMention, Extraction, Figure
from pipeline.resources import Resources
from pipeline.scope import (TimeMark, choose_scope, dated_event, event_references, is_comparison_base,
                            sentence_frame)

BATCH_SIZE = 32


def extract_articles(articles: Iterable[Article], res: Resources, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Parse articles with ``nlp.pipe`` in batches and extract each one; yields in input order."""
    for doc, article in parse_articles(articles, res.nlp, batch_size):
        yield extract_doc(doc, article, res)


def extract_doc(doc: Doc, article: Article, res: Resources) -> Extraction:
    matched, hits = res.matcher.match_all(doc)
    amounts = {_key(c): _amount(doc[c.start:c.end], c, res.figures) for c in matched if c.label in FIGURE_KINDS}
    # A span whose words hold no readable number ("third quarter", "2021 to 5.5 percent") is no
    # figure; it is dropped before overlaps are resolved so that a shorter reading can win.
    candidates = resolve_overlaps([c for c in matched if _key(c) not in amounts or amounts[_key(c)].readable])
    sentences = list(doc.sents)
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    date_spans = [(doc[c.start:c.end], c) for c in candidates if c.label == "date"]
    dates = _resolve_dates(date_spans, article, res, sent_index)
    measured = [_resolve_unit(doc[c.start:c.end], c, amounts[_key(c)], res) for c in candidates if c.label != "date"]
    spans = [m.span for m in measured]
    readings = share_list_roles(doc, spans, [m.kind for m in measured],
                                [read_context(m.span, m.kind, m.cand.rule.sets, hits) for m in measured])
    carried = carry_units(spans, [m.kind for m in measured], [m.amount.unit for m in measured],
                          [m.amount.value for m in measured], [_has_scale(m.span, res) for m in measured])
    measured = [m._replace(amount=replace(m.amount, unit=unit)) for m, unit in zip(measured, carried)]
    parts = link_parts(doc, spans, [r.role for r in readings], set(res.rules.lexicons["link_fillers"]))
    linked = link_groups(doc, spans, parts)
    readings = endpoint_roles(alternative_roles(readings, parts), [m.kind for m in measured], linked, parts)
    scopes = _scopes(doc, sentences, spans, [(s, d) for (s, _), d in zip(date_spans, dates)], res)
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
                          frozenset(res.rules.lexicons["target_nouns"]), res.speakers.verbs)
    claims = check_consistency(assemble_claims(doc, extraction, res.checkworthiness, reported, words),
                               extraction.dates, res.checks, res.rules.lexicons["number_words"])
    return replace(extraction, claims=claims)


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


def _has_scale(span: Span, res: Resources) -> bool:
    return any(t.lower_ in res.figures.scales for t in span)


def _own_direction(amount: Amount, role: str) -> str:
    """A multiplier's own direction ("halved" is down) where the figure is a change or a goal."""
    return amount.direction if role in ("change", "target") else ""


def _key(cand: Candidate) -> tuple[int, int, str]:
    return cand.start, cand.end, cand.rule.id


def _amount(span: Span, cand: Candidate, normalizer: FigureNormalizer) -> Amount:
    return normalizer.normalize(cand.label, [t.text for t in span], [t.lemma_ for t in span], cand.rule.sets)


def _resolve_dates(date_spans: list[tuple[Span, Candidate]], article: Article, res: Resources,
                   sent_index: dict[int, int]) -> list[DateMention]:
    """Resolve in text order, each relative expression against the last point before it."""
    mentions = []
    narrative: Point | None = None
    narrative_text = ""
    for span, cand in date_spans:
        resolution = res.dates.resolve([t.text for t in span], cand.rule.sets["type"], article.published,
                                       narrative, narrative_text, clause_tense(span))
        mentions.append(DateMention(
            start=span.start_char, end=span.end_char, text=span.text, value=resolution.value,
            sentence_index=sent_index[span.sent.start], relative=resolution.relative, anchor=resolution.anchor,
            modifier=resolution.modifier, rules=(cand.rule.id,),
        ))
        if resolution.point is not None:
            narrative, narrative_text = resolution.point, span.text
    return mentions


def clause_tense(span: Span) -> str:
    """'past', 'future' or '' for the clause a time expression sits in."""
    verb = clause_head(span.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "shall", "'ll"} or "going" in auxiliaries:
        return "future"
    if verb.tag_ in ("VBD", "VBN") or auxiliaries & {"had", "did", "was", "were", "has", "have"}:
        return "past"
    return ""


def _scopes(doc: Doc, sentences: list[Span], figures: list[Span], dates: list[tuple[Span, DateMention]],
            res: Resources) -> list:
    """Time scope of every figure, walking sentences in order to carry the paragraph's frame."""
    prepositions = set(res.rules.lexicons["event_prepositions"])
    bases = set(res.rules.lexicons["comparison_bases"])
    reporting = set(res.rules.tables["speech"]["reporting_verbs"])
    events: dict[str, TimeMark] = {}
    context: TimeMark | None = None
    scopes = []
    dates_by_sentence = _by_sentence(sentences, [(span.start, (span, d)) for span, d in dates])
    figures_by_sentence = _by_sentence(sentences, [(f.start, f) for f in figures])
    for sent, sent_dates, in_sent in zip(sentences, dates_by_sentence, figures_by_sentence):
        if starts_paragraph(doc, sent):
            context = None
        marks = [TimeMark(span, d.value, d.text) for span, d in sent_dates if not is_comparison_base(span, bases)]
        marks += event_references(sent, events, prepositions, [m.span for m in marks])
        frame, statement = sentence_frame(sent, marks, reporting)
        for i, figure in enumerate(in_sent):
            next_start = in_sent[i + 1].start if i + 1 < len(in_sent) else sent.end
            scopes.append(choose_scope(figure, next_start, [m for m in marks if not overlaps(m.span, figure)],
                                       frame, context, statement))
        for mark in marks:
            key = dated_event(doc, mark) if mark.value and not mark.source else ""
            if key:
                events[key] = mark
        context = frame or context
    return scopes


def _by_sentence(sentences: list[Span], items: list[tuple[int, object]]) -> list[list]:
    """Items (given with their token position, in text order) grouped by the sentence they are in."""
    groups: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for position, item in items:
        groups[bisect_right(starts, position) - 1].append(item)
    return groups
