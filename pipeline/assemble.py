"""Builds the claims table rows: one per figure and one per dated event, with stable ids."""
from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc

from pipeline.describe import entities_by_sentence, subject_of
from pipeline.numbers import format_number
from pipeline.records import Claim, Extraction


def normalize_sentence(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().lower()


def claim_id(article_id: str, sentence: str, text: str, index: int, repeat: int = 0) -> str:
    """A short hash of the article, the normalized sentence, the figure and its index there: the
    same claim keeps its id when other paragraphs change. ``repeat`` counts earlier copies of the
    same sentence in the article, so that a repeated sentence gives distinct ids."""
    key = "\x1f".join((article_id, normalize_sentence(sentence), text, str(index))
                      + ((str(repeat),) if repeat else ()))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def assemble_claims(doc: Doc, extraction: Extraction) -> tuple[Claim, ...]:
    article = extraction.article
    sentences = list(doc.sents)
    names = entities_by_sentence(list(extraction.entities), sentences)
    copies: dict[str, int] = {}
    repeats = []
    for sent in sentences:
        key = normalize_sentence(sent.text)
        repeats.append(copies.get(key, 0))
        copies[key] = repeats[-1] + 1
    scoped = {(f.sentence_index, f.time.text) for f in extraction.figures if f.time}
    rows = []
    seen_in_sentence: dict[tuple[int, str], int] = {}
    items = sorted([(f.start, "figure", f) for f in extraction.figures]
                   + [(d.start, "date", d) for d in extraction.dates if (d.sentence_index, d.text) not in scoped],
                   key=lambda item: item[0])
    for _, what, item in items:
        sent = sentences[item.sentence_index]
        occurrence = seen_in_sentence.get((item.sentence_index, item.text), 0)
        seen_in_sentence[(item.sentence_index, item.text)] = occurrence + 1
        common = dict(
            claim_id=claim_id(article.id, sent.text, item.text, occurrence, repeats[item.sentence_index]),
            article_id=article.id,
            sentence_index=item.sentence_index, start=item.start, end=item.end, text=item.text,
            entities="; ".join(names[item.sentence_index]),
            sentence=sent.text.strip(), rules="; ".join(item.rules),
            published=article.published.isoformat() if article.published else "",
            published_origin=article.published_origin,
        )
        if what == "figure":
            span = doc.char_span(item.start, item.end)
            rows.append(Claim(
                **common, kind=item.kind, value=format_number(item.value),
                value_low=format_number(item.value_low), value_high=format_number(item.value_high),
                unit=item.unit, qualifier=item.qualifier, role=item.role, direction=item.direction,
                time_text=item.time.text if item.time else "", time_value=item.time.value if item.time else "",
                time_source=item.time.source if item.time else "", subject=subject_of(span) if span else "",
            ))
        else:
            rows.append(Claim(
                **common, kind="date", value=item.value, role="event", time_text=item.text,
                time_value=item.value, time_source="self", flags="relative" if item.relative else "",
            ))
    return tuple(rows)
