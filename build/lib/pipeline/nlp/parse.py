"""Parses articles with spaCy in batches, however long they are.

spaCy's parser needs about 1 GB per 100,000 characters and refuses texts over ``nlp.max_length``,
so a long article is cut into pieces at line breaks (or spaces), the pieces go through ``nlp.pipe``
with everything else, and their Docs are joined back into one Doc whose text is the article's.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import Article

MAX_PIECE = 20_000
"""Characters per piece: most news articles are one piece, and a batch of pieces stays small."""


def split_text(text: str, limit: int = MAX_PIECE) -> list[str]:
    """Consecutive pieces of at most ``limit`` characters that join back into ``text``, cut after a
    line break where one is near, else after a space, else anywhere."""
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or limit
        pieces.append(text[:cut])
        text = text[cut:]
    return pieces + [text] if text or not pieces else pieces


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int,
                   limit: int = MAX_PIECE) -> Iterator[tuple[Doc, Article]]:
    """(Doc, Article) pairs in input order; long articles are parsed in pieces and rejoined."""
    def pieces() -> Iterator[tuple[str, tuple[Article, int]]]:
        for article in articles:
            parts = split_text(article.text, limit)
            for part in parts:
                yield part, (article, len(parts))

    pending: list[Doc] = []
    for doc, (article, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if len(pending) == count:
            yield (pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)), article
            pending = []
