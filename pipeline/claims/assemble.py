"""Builds the claims table rows: one per figure, per dated event, per quote and per statement,
with stable ids, the claim's clause marked in its sentence, its type and its check-worthiness."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.claims.checkworthy import Checkworthiness, claim_type, clause_extent, marked_text
from pipeline.claims.describe import (DescribeWords, EntityIndex, clause_tokens, governing_words, subject_of,
                                     without_phrases)
from pipeline.claims.deal_parties import DealParties
from pipeline.claims.figure_groups import FigureGroups
from pipeline.claims.party_reading import PartyWords
from pipeline.claims.reported import AUTHOR, Reported, reporting_parties
from pipeline.claims.restates import opening_ends, with_restatements
from pipeline.claims.topics import LEAD_SENTENCES, Topics, article_company, article_topic, headline_topic
from pipeline.figures.numbers import format_number
from pipeline.nlp.structure import dateline_end, doc_text
from pipeline.records import CLAIM_ID_PREFIX, Claim, DateMention, Extraction, Figure, Quote
from pipeline.time.ages import AGE_UNITS


CARRIED_SENTENCES = 2
"""How far a figure naming no one looks back for whose the figure before was ("Northwind earned
$52.3 million ... Second-quarter sales slipped 8%"): a sentence or two, not across a whole speech."""


def normalize_sentence(sentence: str) -> str:
    """A sentence as claim ids hash it and repeated sentences are counted: spacing and case
    ignored, so "Trade  grew by 5%." and "trade grew by 5%." are one sentence."""
    return re.sub(r"\s+", " ", sentence).strip().lower()


def claim_id(article_id: str, sentence: str, text: str, index: int, repeat: int = 0) -> str:
    """A short hash of the article, the normalized sentence, the figure and its index there: the
    same claim keeps its id when other paragraphs change. ``repeat`` counts earlier copies of the
    same sentence in the article, so that a repeated sentence gives distinct ids. The id starts
    with a letter (``c3f0a...``), so a spreadsheet never reads it as a number (``708768622395``
    would become ``7.08769E+11``)."""
    key = "\x1f".join((article_id, normalize_sentence(sentence), text, str(index))
                      + ((str(repeat),) if repeat else ()))
    return CLAIM_ID_PREFIX + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def assemble_claims(doc: Doc, extraction: Extraction, scorer: Checkworthiness, reported: Reported | None = None,
                    words: DescribeWords = DescribeWords(), party_words: PartyWords = PartyWords()) -> tuple[Claim, ...]:
    """One row per figure, per dated event that scopes no figure of its sentence, per quote, and
    per statement (a checkable sentence with none of these)."""
    article = extraction.article
    sentences = list(doc.sents)
    entities = EntityIndex(doc, list(extraction.entities))
    reported = reported or Reported([], list(extraction.quotes))
    copies: dict[str, int] = {}
    repeats = []
    whole = doc_text(doc)  # Span.text joins its tokens' texts on every call
    texts = [whole[sent.start_char:sent.end_char] for sent in sentences]
    for sent_text in texts:
        key = normalize_sentence(sent_text)
        repeats.append(copies.get(key, 0))
        copies[key] = repeats[-1] + 1
    scoped = {(f.sentence_index, f.time.text) for f in extraction.figures if f.time}
    rows = []
    seen_in_sentence: dict[tuple[int, str], int] = {}
    items = sorted([(f.start, "figure", f) for f in extraction.figures]
                   + [(d.start, "date", d) for d in extraction.dates if (d.sentence_index, d.text) not in scoped]
                   + [(q.start, "quote", q) for q in extraction.quotes]
                   + [(s.start_char, "statement", (i, s)) for i, s in _statements(
                       doc, sentences, extraction, entities, scorer)],
                   key=lambda item: item[0])
    sentence_starts = [s.start_char for s in sentences]
    text = article.text
    parties = DealParties(doc, entities, party_words)
    groups = FigureGroups(CARRIED_SENTENCES)
    topics = Topics(doc, sentences, entities, words, headline_topic(article.text, article.title, entities,
                                                                     party_words.destinations),
                     parties.without_places, party_words.countries, parties.resolve, party_words.descriptors)
    main_topic = article_topic(extraction.entities, sentences[min(len(sentences), LEAD_SENTENCES) - 1].end_char
                               if sentences else 0, party_words.countries) \
        or article_company(extraction.entities, party_words.legal_forms)
    labels = {e["canonical"]: e["label"] for e in extraction.entities}
    carried: tuple[int, list[str], Figure | None] = (-1, [], None)  # whose the figure before was, its sentence, the figure
    ids: dict[int, str] = {}
    openings: dict[int, int] = {}  # each sentence's first token after a dateline
    for _, what, item in items:
        if what == "statement":
            index, span = item
            item = Quote(span.start_char, span.end_char, span.text, index, AUTHOR)
        sent = sentences[item.sentence_index]
        occurrence = seen_in_sentence.get((item.sentence_index, item.text), 0)
        seen_in_sentence[(item.sentence_index, item.text)] = occurrence + 1
        common = dict(
            claim_id=claim_id(article.id, texts[item.sentence_index], item.text, occurrence, repeats[item.sentence_index]),
            article_id=article.id,
            sentence_index=item.sentence_index, start=item.start, end=item.end, text=item.text,
            sentence=texts[item.sentence_index].strip(),
            published=article.published.isoformat() if article.published else "",
            published_origin=article.published_origin,
        )
        ids[item.start] = common["claim_id"]
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if what in ("quote", "statement"):
            own = list(span)
            common["entities"] = "; ".join(entities.names({t.i for t in own}, item.start, item.end))
            last = bisect_right(sentence_starts, item.end - 1) - 1
            common["claim_text"] = marked_text(text, sentences[item.sentence_index: last + 1], item.start, item.end)
            claim = _quote_row(common, item) if what == "quote" else Claim(**common, kind="statement", value="")
            rows.append(_scored(claim, own, scorer))
            continue
        aged = parties.of_age(span) if what == "figure" and item.unit in AGE_UNITS else None
        common["speaker"] = reported.speaker_at(span) if aged is None else reported.quoted_by(span) or AUTHOR
        if item.sentence_index not in openings:
            openings[item.sentence_index] = dateline_end(sent)
        opening = openings[item.sentence_index]
        clause = clause_tokens(span)
        tokens = parties.without_places({i for i in without_phrases(span, clause, words.event_prepositions)
                                         if i >= opening})
        # whose figure: its own clause, else the event it counts, else what the paragraph or headline is about, else its
        # reporting organisation ("Acme Motors said net income fell 17%"), else whose the figure just
        # before was, else what the whole article is about; a sentence naming only a town it happens
        # in names no one, a paragraph about a town stops there, and a country's share of an
        # organisation's figure is the organisation's too; an age is only the person it describes
        acting = ("PERSON",) if parties.person_acts(span) else ()  # "She estimates her properties ..." are hers
        named = aged if aged is not None else (
            about(parties.of_figure(span), common["speaker"], labels, acting)
            or parties.not_only_towns(about(parties.with_owners(entities.names(tokens, sent.start_char, sent.end_char),
                                                                tokens, sent), common["speaker"]), sent))
        if aged is None and what == "figure":
            # "Car bombs hit ... . At least 40 people died"; "it completed its purchase of Vexa for $9 million"
            named = parties.with_deal(span, parties.with_event(span, named, common["speaker"]))
        if not named and aged is None:
            paragraph = topics.before(item.sentence_index)  # [] for a paragraph about a town
            named = paragraph if paragraph is not None else (
                reporting_parties(common["speaker"], labels, party_words.countries, party_words.state_bodies)
                or (carried[1] if what == "figure" and item.sentence_index - carried[0] <= CARRIED_SENTENCES else [])
                or (main_topic if what == "figure" else []))
        if what == "figure" and "/" in item.unit and all(labels.get(name) == "INDEX" for name in named):
            named = []  # "crude fell to $71 a barrel" in a report on the Dow: an index has no price per unit
        if what == "figure" and aged is None:  # "The 11 foreigners, five Yemenis and ..."
            named = groups.parties(span, item, named, parties.people_counted(span))
        if what == "figure" and named and all(name in party_words.countries for name in named) \
                and breaks_down(item, carried[2], item.sentence_index - carried[0]):
            named = carried[1] + named  # "Contoso will cut 9,000 jobs. France will lose 4,000 jobs"
        if what == "figure" and named and all(labels.get(name) in ("ORG", "INDEX") for name in named):
            carried = (item.sentence_index, parties.carried(named, sent), item)
        common["entities"] = "; ".join(dict.fromkeys(named))  # readings that add a party may add one already there
        common["rules"] = "; ".join(item.rules)
        clause_start, clause_end = clause_extent(span, clause)
        common["claim_text"] = marked_text(text, [sent], clause_start, clause_end)
        if what == "figure":
            counts_things = item.kind == "count" and item.unit not in words.multiplier_units  # not "three times"
            claim = Claim(
                **common, kind=item.kind, value=format_number(item.value),
                value_low=format_number(item.value_low), value_high=format_number(item.value_high),
                unit=item.unit, value_si=format_number(item.value_si), unit_si=item.unit_si,
                qualifier=item.qualifier, role=item.role, direction=item.direction, link=item.link,
                linked_to=" ".join(str(start) for start in item.linked_to),
                time_text=item.time.text if item.time else "", time_value=item.time.value if item.time else "",
                time_source=item.time.source if item.time else "",
                subject=subject_of(span, words, counted=counts_things),
            )
        else:
            claim = Claim(
                **common, kind="date", value="", role="event", time_text=item.text,
                time_value=item.value, time_source="self", flags=date_flag(item),
            )
        own = [doc[i] for i in sorted(clause)] + governing_words(span)
        rows.append(_scored(claim, own, scorer))
    # a linked figure is named by its claim id, known once every row has one
    rows = [replace(row, linked_to="; ".join(ids[int(start)] for start in row.linked_to.split()))
            if row.linked_to else row for row in rows]
    return with_restatements(rows, *opening_ends(doc, sentences, article.title))


def _statements(doc: Doc, sentences: list[Span], extraction: Extraction, entities: EntityIndex,
                scorer: Checkworthiness) -> list[tuple[int, Span]]:
    """Sentences with no figure and no quote that make a checkable statement, trimmed of spaces."""
    taken = {f.sentence_index for f in extraction.figures} | {q.sentence_index for q in extraction.quotes}
    dates: dict[int, list] = {}
    for mention in extraction.dates:
        dates.setdefault(mention.sentence_index, []).append(mention)
    out = []
    for index, sent in enumerate(sentences):
        if index in taken:
            continue
        span = _without_spaces(sent)
        if span is None:
            continue
        main = clause_tokens(doc[span.root.i: span.root.i + 1])
        governing = [span.root] + [c for c in span.root.children if c.dep_ in ("aux", "auxpass")]
        subjects = [c for g in governing for c in g.children if c.dep_ in ("nsubj", "nsubjpass")]
        heads = [h for s in subjects[:1] for h in (s, *s.conjuncts)]
        in_sentence = entities.within(span.start_char, span.end_char)
        named_subject = any(e["start"] <= h.idx < e["end"] for h in heads for e in in_sentence)
        dated = any((d := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and d.root.i in main
                    for m in dates.get(index, ()))
        if scorer.is_statement(span, named_subject, dated):
            out.append((index, span))
    return out


def _without_spaces(sent: Span) -> Span | None:
    """A sentence without the space tokens at its ends; None if it is all spaces."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if start < end else None


def breaks_down(figure: Figure, before: Figure | None, sentences_apart: int) -> bool:
    """Whether a figure given for a country is a share of an organisation's figure just before
    it, in the same unit and no larger: "Contoso will cut 9,000 jobs. France will lose 4,000 jobs"
    is Contoso's as well as France's."""
    return before is not None and sentences_apart <= CARRIED_SENTENCES and bool(figure.unit) \
        and (figure.kind, figure.unit) == (before.kind, before.unit) \
        and figure.value is not None and before.value is not None and figure.value <= before.value


def about(names: list[str], speaker: str, labels: Mapping[str, str] | None = None,
          sources_of: tuple[str, ...] = ()) -> list[str]:
    """The entities a claim is about: its source is not one of them ("..., the Office for National
    Statistics said"; "The Bank forecasts growth of 0.5%" is about the economy the article is
    about, not the Bank). Given ``labels``, only a source of those labels is left out: a governor
    setting a goal speaks for the state, a company reporting its sales speaks of its own, and, given
    no label, a person saying her flats are worth half speaks of her own."""
    sources = {name for name in speaker.split("; ") if labels is None or labels.get(name) in sources_of}
    return [name for name in names if name not in sources]




def _scored(claim: Claim, own: list, scorer: Checkworthiness) -> Claim:
    score = scorer.score(claim, own)
    return replace(claim, claim_type=claim_type(claim), checkworthiness=format_number(round(score.value, 2)),
                   checkworthiness_features=score.listing)


def _quote_row(common: dict, quote: Quote) -> Claim:
    """A quote as a claim: its words, who said them and when."""
    time = quote.time
    return Claim(**common, kind="quote", value="", speaker=quote.speaker, role="quote",
                 time_text=time.text if time else "", time_value=time.value if time else "",
                 time_source=time.source if time else "")


def date_flag(mention: DateMention) -> str:
    """'vague' for "recently" and the like (no value to check), 'relative' for the other relative dates."""
    if mention.modifier == "vague":
        return "vague"
    return "relative" if mention.relative else ""
