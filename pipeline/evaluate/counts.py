"""Counts of one scoring (found, missed, right) and the precision, recall and F1 read off them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Detection:
    """Counts for one kind; ``exact`` is how many true positives also have identical boundaries.
    A score with nothing to count is 0.0 (``ratio``)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "exact": self.exact,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class FieldScore:
    """One normalized field of one kind. ``accuracy`` is over found items whose gold gives the
    field. Precision, recall and F1 are end to end: an item counts only when it is both found and
    right, false hits of the kind count against precision, and missed gold items that give the
    field count against recall."""

    correct: int = 0
    total: int = 0
    false_hits: int = 0
    misses: int = 0

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.total + self.false_hits)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.total + self.misses)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "false_hits": self.false_hits,
                "misses": self.misses, "accuracy": self.accuracy, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 from precision and recall; 0.0 when both are 0, so an empty kind scores 0 rather than failing."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0.0 when nothing was counted (no gold of a kind gives precision 0, not an error)."""
    return part / whole if whole else 0.0
