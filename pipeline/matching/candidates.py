"""The spans extraction rules matched, and which of the overlapping ones are kept: exclusions drop
the figures they touch, then the longest span wins, then the rule's priority, then the label
order, then the rule's order in ``rules/``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.rules import EXTRACTION_LABELS, Rule

LABEL_ORDER = ("date", "money", "percent", "quantity", "count")
"""Which label wins between equally long spans of equal priority."""


@dataclass(frozen=True)
class Candidate:
    """A span a rule matched, in tokens; ``label`` is the kind it was matched as."""

    start: int
    end: int
    label: str
    rule: Rule


def resolve_overlaps(candidates: list[Candidate], usable: Callable[[Candidate], bool] = lambda c: True) -> list[Candidate]:
    """Drop figures that touch an exclusion, then keep the best of overlapping spans; between
    equals, the one that comes first in ``candidates``. Candidates that are not ``usable`` (their
    guards fail, say) count as absent; the test is made only of exclusions and of candidates that
    overlap none kept so far, as only those can matter."""
    excluded = {i for c in candidates if c.label == "exclude" and usable(c) for i in range(c.start, c.end)}
    kept = [c for c in candidates if c.label in EXTRACTION_LABELS and c.label != "exclude"
            and not (c.label != "date" and any(i in excluded for i in range(c.start, c.end)))]
    kept.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, LABEL_ORDER.index(c.label), c.start))
    taken: set[int] = set()
    chosen = []
    for cand in kept:
        if any(i in taken for i in range(cand.start, cand.end)) or not usable(cand):
            continue
        taken.update(range(cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def overlaps(a, b) -> bool:
    """Whether two token ranges (candidates or spans: anything with start and end) overlap."""
    return a.start < b.end and b.start < a.end
