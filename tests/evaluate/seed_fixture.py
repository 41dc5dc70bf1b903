"""The seed article, and figures, dates, gold items and claims at its offsets, for the evaluation tests."""
from __future__ import annotations

from pathlib import Path

from pipeline.evaluate.gold import GoldItem
from pipeline.records import Article, Claim, DateMention, Extraction, Figure

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_ID = "putin-xi-unholy-alliance"
TEXT = (ROOT / "corpus" / "articles" / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8")
ARTICLE = Article(id=ARTICLE_ID, text=TEXT)


def span(surface: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.find(surface, start + 1)
        assert start >= 0, surface
    return start, start + len(surface)


def figure(surface: str, kind: str, value: float | None, occurrence: int = 1, **fields) -> Figure:
    start, end = span(surface, occurrence)
    return Figure(start=start, end=end, text=surface, kind=kind, value=value, sentence_index=0, **fields)


def date(surface: str, value: str, occurrence: int = 1) -> DateMention:
    start, end = span(surface, occurrence)
    return DateMention(start=start, end=end, text=surface, value=value, sentence_index=0)


def gold(surface: str, kind: str, value: float | str, occurrence: int = 1, **fields) -> GoldItem:
    start, end = span(surface, occurrence)
    return GoldItem(start=start, end=end, text=surface, kind=kind, value=value, **fields)


def extraction(figures=(), dates=()) -> Extraction:
    return Extraction(article=ARTICLE, figures=tuple(figures), dates=tuple(dates))


MONEY_190 = gold("$190 billion", "money", 190_000_000_000, unit="USD", time="2022", role="level")
PERCENT_36 = gold("36 percent", "percent", 36, unit="percent", time="2022", role="change")
TOP_10 = gold("top 10", "count", 10, role="rank", required=False)
DATE_2025 = gold("2025", "date", "2025")


def claim_for(item: Figure, score: str = "0.5", **fields) -> Claim:
    return Claim(claim_id=item.text, article_id=ARTICLE_ID, sentence_index=0, start=item.start, end=item.end,
                 kind=item.kind, text=item.text, value="", checkworthiness=score, **fields)
