"""Pairing predictions with gold items (same kind, overlapping spans, one to one), and figures with negatives."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from pipeline.evaluate.gold import GoldItem, check_offsets
from pipeline.records import Claim, Extraction, Figure


@dataclass(frozen=True)
class Prediction:
    """A figure or a date seen through the fields they share, so both are matched alike.

    ``source`` is the extractor's record (a Figure, a DateMention or another extractor's figure);
    its normalized fields are read as attributes of the same names.
    """

    start: int
    end: int
    text: str
    kind: str
    source: object
    claim: Claim | None = None
    """Its row in the claims table, which carries subject, entities and speaker; None for another
    extractor's figures and for dates that scope a figure."""


@dataclass(frozen=True)
class ArticleResult:
    """The matching for one article: found pairs, predictions with no gold, required gold not found."""

    article_id: str
    matched: tuple[tuple[Prediction, GoldItem], ...]
    false_hits: tuple[Prediction, ...]
    misses: tuple[GoldItem, ...]
    claims: tuple[Claim, ...] = ()
    gold: tuple[GoldItem, ...] = ()


def predictions(extraction: Extraction) -> list[Prediction]:
    """Figures, dates and quotes of one extraction as uniform predictions, each with its claims
    table row where it has one (a date that scopes a figure has none)."""
    rows = {(c.start, c.end, c.kind): c for c in extraction.claims}
    found = ([(f, f.kind) for f in extraction.figures] + [(d, "date") for d in extraction.dates]
             + [(q, "quote") for q in extraction.quotes])
    return [Prediction(item.start, item.end, item.text, kind, item, rows.get((item.start, item.end, kind)))
            for item, kind in found]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(preds: Sequence[Prediction], gold: Sequence[GoldItem]) -> list[tuple[int, int]]:
    """Greedy one-to-one (prediction index, gold index) pairs of the same kind with overlapping spans.

    Largest overlap wins; ties go to the pair whose lengths are closest, then to text order,
    so the result does not depend on set iteration or float noise.
    """
    candidates = sorted(
        (-shared, abs((p.end - p.start) - (g.end - g.start)), i, j)
        for i, p in enumerate(preds) for j, g in enumerate(gold)
        if p.kind == g.kind and (shared := overlap(p.start, p.end, g.start, g.end)) > 0
    )
    used_preds: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_preds and j not in used_gold:
            used_preds.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return sorted(pairs)


ANNOTATED_WHEN_PRESENT = ("date", "quote")
"""Kinds scored only in articles whose gold has at least one item of the kind: older gold files
annotate no quotes, and gold made for figures alone (such as real news annotated by others)
annotates no dates, so the pipeline's dates and quotes there are not false hits."""


def score_article(extraction: Extraction, gold: Sequence[GoldItem]) -> ArticleResult:
    """Match one article's extraction to its gold; unmatched optional gold is not a miss. Dates and
    quotes are scored only where the gold annotates some (see ANNOTATED_WHEN_PRESENT)."""
    annotated = {item.kind for item in gold}
    preds = [p for p in predictions(extraction) if p.kind not in ANNOTATED_WHEN_PRESENT or p.kind in annotated]
    result = score_predictions(extraction.article.id, extraction.article.text, preds, gold)
    return replace(result, claims=extraction.claims)


def score_predictions(article_id: str, text: str, preds: Sequence[Prediction],
                      gold: Sequence[GoldItem]) -> ArticleResult:
    """Match any extractor's predictions for one article to its gold, the same way for every extractor."""
    check_offsets(gold, text, article_id)
    pairs = match(preds, gold)
    matched_preds = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    return ArticleResult(
        article_id=article_id,
        matched=tuple((preds[i], gold[j]) for i, j in pairs),
        false_hits=tuple(sorted((p for i, p in enumerate(preds) if i not in matched_preds),
                                key=lambda p: (p.start, p.end))),
        misses=tuple(g for j, g in enumerate(gold) if j not in matched_gold and g.required),
        gold=tuple(gold),
    )


def negative_hits(extraction: Extraction, negatives: list[str]) -> list[Figure]:
    """Figures that are really part of a name or model number ("S-400"), which must never count.

    A figure hits when its own text, or the article around its span, holds a negative as a whole
    word, so a short negative such as "Xi" does not condemn a figure that touches "Xinhua".
    """
    patterns = [_whole_word(neg) for neg in negatives if neg]
    spans = [m.span() for pattern in patterns for m in pattern.finditer(extraction.article.text)]
    return [f for f in extraction.figures
            if any(pattern.search(f.text) for pattern in patterns)
            or any(overlap(f.start, f.end, start, end) for start, end in spans)]


def _whole_word(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
