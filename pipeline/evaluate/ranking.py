"""Precision of the check-worthiness ranking: are the rows a reader sees first the ones the gold requires?"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from pipeline.evaluate.counts import ratio
from pipeline.evaluate.matching import ArticleResult, overlap
from pipeline.records import FIGURE_KINDS

TOP_K = 10
"""The ranking score is the precision of the top TOP_K rows by check-worthiness."""


@dataclass(frozen=True)
class Ranking:
    """Precision of the check-worthiness ranking: of the top ``k`` rows of each article, how many
    are required gold figures."""

    k: int = TOP_K
    hits: int = 0
    """Top rows that overlap a required gold figure of their kind."""
    slots: int = 0
    """Top rows looked at: ``k`` per article, fewer where an article has fewer rows (``rows`` in
    metrics.json)."""

    @property
    def precision(self) -> float:
        return ratio(self.hits, self.slots)

    def to_dict(self) -> dict:
        return {"k": self.k, "hits": self.hits, "rows": self.slots, "precision": self.precision}

    def format_text(self) -> str:
        return (f"check-worthiness top-{self.k} precision {self.precision:.3f} "
                f"({self.hits}/{self.slots} rows are required gold figures)")


def rank_results(results: Sequence[ArticleResult], k: int = TOP_K) -> Ranking:
    """Of each article's ``k`` most check-worthy rows (ties in text order), those that are
    required gold figures."""
    hits = slots = 0
    for r in results:
        ranked = sorted(r.claims, key=lambda c: (-float(c.checkworthiness or 0), c.start))[:k]
        wanted = [g for g in r.gold if g.required and g.kind in FIGURE_KINDS]
        hits += sum(any(c.kind == g.kind and overlap(c.start, c.end, g.start, g.end) for g in wanted) for c in ranked)
        slots += len(ranked)
    return Ranking(k=k, hits=hits, slots=slots)
