"""A long article costs look-ups in proportion to its length, not its square: counted, not timed,
on an article made of the same paragraphs repeated (a market report, company results, counted
plurals, carried units and currencies)."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

import pipeline.extract
from pipeline.extract import extract_doc
from pipeline.nlp.structure import index_sentences
from pipeline.records import Article, Extraction

PARAGRAPHS = (
    "Stocks closed lower on Monday. The Nasdaq lost 1.2%, closing at 16,110.\n\n"
    "Acme Corp. said first-quarter profit rose 5% to $40 million from $38 million a year earlier. "
    "The two companies, Acme and Beta Inc., employ 3,000 people, the company said on Friday.\n\n"
    "Revenues would reach 8 trillion roubles (about $99bn) this year, down from 11.6 trillion in 2022. "
    "There were 1,237 cases per 100,000 inhabitants, above the threshold of 300 per 100,000. "
    "Oil rose to $77.85 a barrel before easing to $76.90. The number of job vacancies fell by 43,000.\n\n"
)


class CountingDoc(Doc):
    """A parsed document that counts how often its entities are read: ``Span.ents`` reads them all
    to find a sentence's, so asking each sentence for its entities reads them once per sentence."""

    reads = 0

    @property
    def ents(self) -> tuple[Span, ...]:
        CountingDoc.reads += 1
        return Doc.ents.__get__(self)

    @ents.setter
    def ents(self, value: tuple[Span, ...]) -> None:
        Doc.ents.__set__(self, value)


def _counted_extraction(resources, text: str, counting: type[Doc], counter: str) -> int:
    """How often the extraction of ``text`` did what ``counting``'s ``counter`` counts."""
    parsed = resources.nlp(text)
    doc = counting(parsed.vocab).from_bytes(parsed.to_bytes())
    setattr(counting, counter, 0)
    extraction = extract_doc(doc, Article(id="long", text=text, published=date(2024, 4, 9)), resources)
    assert extraction.entities and extraction.figures
    return getattr(counting, counter)


def _entity_reads(resources, text: str) -> int:
    return _counted_extraction(resources, text, CountingDoc, "reads")


def test_an_article_s_entities_are_read_as_often_however_many_sentences_it_has(resources):
    # each sentence's entities are grouped once for the article (time scoping, parties ...)
    assert _entity_reads(resources, PARAGRAPHS * 8) == _entity_reads(resources, PARAGRAPHS * 4)


def _sentence_reads(resources, monkeypatch, text: str) -> tuple[int, Extraction]:
    """How often the extraction asks a span or a token for its sentence, and what it extracted."""
    reads = 0

    def counted(doc: Doc, sentences: list[Span]) -> None:
        index_sentences(doc, sentences)
        span_sentence, token_sentence = doc.user_span_hooks["sent"], doc.user_token_hooks["sent"]

        def of_span(span: Span) -> Span:
            nonlocal reads
            reads += 1
            return span_sentence(span)

        def of_token(token: Token) -> Span:
            nonlocal reads
            reads += 1
            return token_sentence(token)

        doc.user_span_hooks["sent"], doc.user_token_hooks["sent"] = of_span, of_token

    monkeypatch.setattr(pipeline.extract, "index_sentences", counted)
    extraction = extract_doc(resources.nlp(text), Article(id="long", text=text, published=date(2024, 4, 9)),
                             resources)
    return reads, extraction


def test_sentence_look_ups_per_figure_do_not_grow_with_the_article(resources, monkeypatch):
    # walking every figure of the article for each date of a market report made it quadratic
    short_reads, short = _sentence_reads(resources, monkeypatch, PARAGRAPHS * 10)
    long_reads, long = _sentence_reads(resources, monkeypatch, PARAGRAPHS * 20)
    assert len(long.figures) == 2 * len(short.figures)
    assert long_reads / len(long.figures) <= 1.05 * short_reads / len(short.figures)


WALKED = (
    "Analysts said the Brindle index would rise 4% this year. Officials first put the number of stranded "
    "trucks at 40 before raising it on Wednesday to 212. Harwick Mills, which employs 3,400 people, said the "
    "company expects revenue of $4.5 billion. Treasury officials said the deficit narrowed to $1.2 trillion.\n\n"
)
"""Invented paragraphs whose speakers, revised counts, entities and "the company" were each read by
walking the whole article."""


class WalkedDoc(Doc):
    """A parsed document that counts how often all its tokens are walked (``for t in doc``)."""

    walks = 0

    def __iter__(self):
        WalkedDoc.walks += 1
        return Doc.__iter__(self)


def _walks(resources, text: str) -> int:
    return _counted_extraction(resources, text, WalkedDoc, "walks")


def test_the_whole_article_is_walked_as_often_however_long_it_is(resources):
    # a sentence-opening speaker ("Analysts said") or an entity of common words looked for the
    # word written capitalised by walking every token of the article, once per speaker or entity
    assert _walks(resources, (PARAGRAPHS + WALKED) * 8) == _walks(resources, (PARAGRAPHS + WALKED) * 4)
