"""Builds the claims table rows: one per figure, per dated event, per quote and per statement,
with stable ids, the claim's clause marked in its sentence, its type and its check-worthiness."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import cached_property

from babel import Locale
from spacy.tokens import Doc, Span

from pipeline.claims.checkworthy import Checkworthiness, claim_type, clause_extent, marked_text
from pipeline.claims.describe import (DescribeWords, EntityIndex, clause_tokens, governing_words, subject_of,
                                     without_phrases)
from pipeline.claims.deal_parties import DealParties
from pipeline.claims.figure_groups import FigureGroups
from pipeline.claims.party_reading import COUNTRIES, PartyWords
from pipeline.claims.reported import AUTHOR, Reported, reporting_parties
from pipeline.claims.restates import opening_ends, with_restatements
from pipeline.figures.numbers import format_number
from pipeline.nlp.structure import dateline_end, doc_text, starts_paragraph
from pipeline.records import CLAIM_ID_PREFIX, Claim, DateMention, Extraction, Figure, Quote
from pipeline.time.ages import AGE_UNITS


CARRIED_SENTENCES = 2
"""How far a figure naming no one looks back for whose the figure before was ("Northwind earned
$52.3 million ... Second-quarter sales slipped 8%"): a sentence or two, not across a whole speech."""
WORLD_REGIONS = frozenset(name for code, name in Locale("en").territories.items() if code.isdigit())
"""The world's regions as CLDR names them ("Asia", "Europe", "Latin America"): a place a story's
events come from, not a party whose figures a paragraph goes on about."""
TOPIC_SENTENCES = 3
"""How many sentences back in its paragraph a figure whose clause names no one looks for what the
paragraph is about."""


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
    topics = _Topics(doc, sentences, entities, words, headline_topic(article.text, article.title, entities,
                                                                     party_words.destinations),
                     parties.without_places, party_words.countries)
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


class _Topics:
    """What a paragraph is about so far: a claim whose clause names no one ("In 2022, bilateral
    trade grew by 36 percent") is about the entities of the main clause of the nearest sentence
    before it in its paragraph that names some ("... a much more robust relationship between China
    and Russia"). Who says a sentence is not what it is about ("..., said Jane Doe"), and a town
    is where rather than whose: "Rescuers in Tromso searched for two days" after "Storms hit the
    port of Tromso" is about no one named."""

    def __init__(self, doc: Doc, sentences: list[Span], entities: EntityIndex, words: DescribeWords,
                 headline: list[str], without_places: Callable[[set[int]], set[int]] = lambda tokens: tokens,
                 countries: frozenset[str] = COUNTRIES) -> None:
        self.doc, self.sentences, self.entities, self.words = doc, sentences, entities, words
        self.without_places, self.countries = without_places, countries
        self.headline = headline
        self.cache: dict[int, list[str]] = {}

    def before(self, index: int) -> list[str] | None:
        """The places of the nearest sentence before in the paragraph, at most TOPIC_SENTENCES back,
        that names some (those of its main subject, if it names some: "The coffee trade in Ethiopia
        has lost buyers to growers in Vietnam" is about Ethiopia), else what the headline is about,
        else None. A wire story set as one long paragraph is no paragraph, and a continent is where
        rather than whose: "the market turmoil in Europe" is not what a later "the rate for young
        workers rose 0.3 percent" is about. Nor is a town whose (an empty list when it is all there
        is): "Chicago was the worst hit. Some 40 boats waited in the harbor" names no one."""
        first = index - TOPIC_SENTENCES
        while index > max(0, first) and not starts_paragraph(self.doc, self.sentences[index]):
            index -= 1
            names = self._main(index)
            if names:
                return [name for name in names if name not in self._towns]
        return [name for name in self.headline if name not in self._towns] if self.headline else None

    @cached_property
    def _towns(self) -> set[str]:
        return towns(self.entities.entities, self.countries)

    def _main(self, index: int) -> list[str]:
        if index not in self.cache:
            sent = self.sentences[index]
            root = sent.root
            if root.lemma_.lower() in self.words.speech_verbs:  # what is said, not who says it
                tokens = {t.i for t in root.subtree} - {t.i for c in root.children if c.dep_ == "nsubj" for t in c.subtree}
            else:
                tokens = clause_tokens(self.doc[root.i: root.i + 1], self.words.event_prepositions)
            subject = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree} & tokens
            self.cache[index] = self._places(subject, sent) or self._places(tokens, sent)
        return self.cache[index]

    def _places(self, tokens: set[int], sent: Span) -> list[str]:
        """The places named in ``tokens``, without those that only say where, and without a continent."""
        return [name for name in self.entities.names(self.without_places(tokens), sent.start_char, sent.end_char,
                                                     ("GPE", "LOC")) if name not in WORLD_REGIONS]


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


TOPIC_MENTIONS = 3
"""How often an article names a party for it to be what the article is about as a whole."""
LEAD_SENTENCES = 8
"""The opening sentences (a headline among them) where an article names what it is about."""
LEAD_CHARACTERS = 400
"""How far from the first name an article gives a company's name with its legal form may stand
for the article to be about that company: its opening sentence or two."""


def article_topic(entities: tuple[dict, ...], lead_end: int, countries: frozenset[str] = COUNTRIES) -> list[str]:
    """What an article is about as a whole: the organisation, country or index it names most, if
    it names it at least TOPIC_MENTIONS times and in its lead ("Corvane" in a story that opens on its
    quarterly loss; "Guesthouses are barely forty percent booked" in one about Macau). A person is no
    topic, and a story about a town is about no one the table names, however often it names the
    town ("the Tromso relatives"). A country's department names its country too: a story on "the U.S.
    jobless rate" that "the Labor Department" reports twice is about the United States."""
    named = [(e, name) for e in entities for name in (e["canonical"], _department_country(e["canonical"], countries)) if name]
    in_lead = {name for e, name in named if e["start"] < lead_end}
    counts = Counter(name for e, name in named if e["label"] in ("ORG", "GPE", "INDEX"))
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= TOPIC_MENTIONS and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
            and ranked[0][0] in in_lead and ranked[0][0] not in towns(entities, countries):
        return [ranked[0][0]]
    return []


def _department_country(name: str, countries: frozenset[str]) -> str | None:
    """The country a national department's name opens on ("United States Department of Labor")."""
    country = name.split(" Department of ")[0]
    return country if country != name and country in countries else None


def towns(entities: Iterable[dict], countries: frozenset[str] = COUNTRIES) -> set[str]:
    """The places an article names that are no country: towns, cities, states. Not a name the
    model tags a place once but the article gives an organisation elsewhere, whole or as its
    leading word ("Tarrow earned $4 million" after "Tarrow Mills Corp.")."""
    places = {e["canonical"] for e in entities if e["label"] == "GPE"} - countries
    others = {e["canonical"] for e in entities if e["label"] != "GPE"}
    return {place for place in places if not any(name == place or name.startswith(place + " ") for name in others)}


def article_company(entities: tuple[dict, ...], legal_forms: frozenset[str]) -> list[str]:
    """The company an article is about: the first organisation it names with its legal form, in its
    opening sentences, if it names no other organisation more often, nor one named before it as
    often ("Tarrow's Inc. said it will take a charge ..." makes "The plan calls for writing off $40
    million of goodwill" Tarrow's, though the bank it hired is named once too, later)."""
    forms = {form.capitalize() for form in legal_forms}
    lead = [e for e in entities if e["label"] == "ORG" and e["start"] < entities[0]["start"] + LEAD_CHARACTERS
            and e["text"].split()[-1].capitalize() in forms][:1]
    counts = Counter(e["canonical"] for e in entities if e["label"] == "ORG")
    first = {}
    for e in entities:
        first.setdefault(e["canonical"], e["start"])
    return [e["canonical"] for e in lead if all(n < counts[e["canonical"]] or (n == counts[e["canonical"]] and first[name] > e["start"])
                                               for name, n in counts.items() if name != e["canonical"])]


def headline_topic(text: str, title: str, entities: EntityIndex, destinations: frozenset[str] = frozenset()) -> list[str]:
    """What an article is about as a whole: the first country its headline names, else the first
    organisation ("UK inflation slows ..." -> United Kingdom; "Premier League clubs smash ..." ->
    Premier League). Only a headline that opens the text counts; a person or a people is no topic,
    nor where something goes (``destinations``: "New airliner makes first flight to Canada", "Airbus
    delivers last A340 to Lufthansa")."""
    start = len(text) - len(text.lstrip())
    if not title or not text.startswith(title, start):
        return []
    named = [e for e in entities.within(start, start + len(title)) if not _destination(entities.doc, e, destinations)]
    for label in ("GPE", "ORG"):
        found = [e["canonical"] for e in named if e["label"] == label]
        if found:
            return found[:1]
    return []


def _destination(doc: Doc, entity: dict, prepositions: frozenset[str]) -> bool:
    """Whether an entity is where something goes: the object of "to", "into" ..."""
    span = doc.char_span(entity["start"], entity["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in prepositions


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
