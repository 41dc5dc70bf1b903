"""Parses articles with spaCy in batches, however long they are.

spaCy's parser needs about 1 GB per 100,000 characters and refuses texts over ``nlp.max_length``,
so a long article is cut into pieces at line breaks (or spaces), the pieces go through ``nlp.pipe``
with everything else, and their Docs are joined back into one Doc whose text is the article's.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import Article

MAX_PIECE = 20_000
"""Characters per piece: most news articles are one piece, and a batch of pieces stays small."""


def split_text(text: str, limit: int = MAX_PIECE) -> list[str]:
    """Consecutive pieces of at most ``limit`` characters that join back into ``text``, cut after a
    line break where one is near, else after a space, else anywhere."""
    pieces = []
    start = 0  # the rest is text[start:], not copied again after each piece
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        pieces.append(text[start:cut])
        start = cut
    return pieces + [text[start:]] if start < len(text) or not pieces else pieces


BATCH_CHARACTERS = 100_000
"""Characters parsed at once at most (a batch of whole articles holds at least one): the parser's
working memory grows with the text of a batch, and a long article's pieces would otherwise fill a
batch of ``batch_size`` pieces of ``MAX_PIECE`` characters (640,000 characters, over 400 MB)."""


Piece = tuple[str, tuple[Article, int]]
"""A piece of an article's text, with the article and how many pieces it was cut into."""


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int,
                   limit: int = MAX_PIECE) -> Iterator[tuple[Doc, Article]]:
    """(Doc, Article) pairs in input order; long articles are parsed in pieces and rejoined. A
    piece's tensor (the model's vectors per token, which nothing after the parse reads) is dropped
    on arrival, so that a 4 MB article does not hold a gigabyte of them until its last piece."""
    def pieces() -> Iterator[Piece]:
        for article in articles:
            parts = split_text(article.text, limit)
            for part in parts:
                yield part, (article, len(parts))

    pending: list[Doc] = []
    for batch in piece_batches(pieces(), batch_size):
        for doc, (article, count) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            if count == 1:
                yield doc, article
                continue
            doc.tensor = numpy.zeros((0,), dtype="float32")
            pending.append(doc)
            if len(pending) == count:
                yield Doc.from_docs(pending, ensure_whitespace=False, exclude=["tensor"]), article
                pending = []


def piece_batches(pieces: Iterator[Piece], size: int) -> Iterator[list[Piece]]:
    """The pieces in batches of at most ``size`` pieces and ``BATCH_CHARACTERS`` characters, read
    from ``pieces`` only as each batch is made (so the articles stream)."""
    batch: list[Piece] = []
    characters = 0
    for piece in pieces:
        if batch and (len(batch) == size or characters + len(piece[0]) > BATCH_CHARACTERS):
            yield batch
            batch, characters = [], 0
        batch.append(piece)
        characters += len(piece[0])
    if batch:
        yield batch
