"""The claims of one short article, by figure text, for tests of what a claim says about its figure."""
from __future__ import annotations

from datetime import date

from pipeline.extract import extract_articles
from pipeline.records import Article


def claims_by_text(resources, text: str, title: str = "", published: date = date(2023, 10, 18)) -> dict:
    """The claims of ``text`` (with ``title`` as its headline when given), keyed by their figure's
    text."""
    article = Article(id="t", text=text, title=title, published=published)
    return {c.text: c for c in next(extract_articles([article], resources)).claims}
