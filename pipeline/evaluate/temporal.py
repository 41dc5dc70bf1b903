"""Temporal scores: how well time expressions are found and resolved, per kind of expression.

Detection of dates is scored twice, as in the TempEval tradition: strict (the offsets are exactly
the gold's) and relaxed (the spans overlap), because "in 2023" against a gold "2023" is a found
date with a boundary slip, not a miss. The value (EDTF) is then checked on the relaxed matches.

Gold items are sorted into four types from their value and flags, so a weakness shows where it is:
- relative: resolved against the publication date or the narrative ("last year", "20 days later");
- interval: a value with "/" ("1960/1989", "2014/..") other than a single season or quarter;
- decade_century: a value with X ("195X", "18XX");
- absolute: a day, month, year, season or quarter written out ("February 4, 2022", "Q3 2023").

The same scores are computed for any number of systems side by side (the pipeline and the
dateparser baseline), plus the accuracy of the time scope given to figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from pipeline.evaluate.counts import Detection, FieldScore
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import Prediction, match
from pipeline.evaluate.metrics import Report
from pipeline.records import FIGURE_KINDS, DateMention, Extraction

TYPES = ("absolute", "relative", "decade_century", "interval")
_MONTH_INTERVAL = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")

DateSystem = Callable[[Extraction], Sequence[DateMention]]
"""Gives the dates a system finds in the article of an extraction."""


def expression_type(value: str, relative: bool | None) -> str:
    """The type of a time expression from its EDTF value and relative flag (see module doc)."""
    if relative:
        return "relative"
    if "/" in value and not _is_season_or_quarter(value):
        return "interval"
    if "X" in value:
        return "decade_century"
    return "absolute"


def _is_season_or_quarter(value: str) -> bool:
    """A three-month interval such as "2023-04/2023-06" or "2022-12/2023-02" names one period."""
    found = _MONTH_INTERVAL.match(value)
    if not found:
        return False
    y1, m1, y2, m2 = map(int, found.groups())
    return (y2 * 12 + m2) - (y1 * 12 + m1) == 2


@dataclass(frozen=True)
class ValueScore:
    """EDTF values right among relaxed matches."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True)
class TypeScores:
    """Strict and relaxed detection and value accuracy for one type (or "all"); ``gold`` counts
    the required gold items of the type."""

    gold: int
    strict: Detection
    relaxed: Detection
    value: ValueScore

    def to_dict(self) -> dict:
        return {"gold": self.gold, "strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict(), "value": self.value.to_dict()}


@dataclass(frozen=True)
class TemporalReport:
    """Per system and type, the date scores; and the time scope of figures per kind and overall."""

    systems: Mapping[str, Mapping[str, TypeScores]]
    time_scope: Mapping[str, FieldScore] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "types": {system: {kind: s.to_dict() for kind, s in scores.items()} for system, scores in self.systems.items()},
            "time_scope": {kind: score.to_dict() for kind, score in self.time_scope.items()},
        }

    def format_text(self) -> str:
        lines = ["temporal: strict = exact offsets, relaxed = overlapping spans, value = EDTF right among relaxed matches",
                 f"{'system':<11}{'type':<15}{'gold':>5}{'strict P':>9}{'R':>6}{'F1':>6}"
                 f"{'relaxed P':>10}{'R':>6}{'F1':>6}{'value':>7}{'of':>5}"]
        for system, scores in self.systems.items():
            for kind, s in scores.items():
                lines.append(f"{system:<11}{kind:<15}{s.gold:>5}{s.strict.precision:>9.3f}{s.strict.recall:>6.3f}"
                             f"{s.strict.f1:>6.3f}{s.relaxed.precision:>10.3f}{s.relaxed.recall:>6.3f}"
                             f"{s.relaxed.f1:>6.3f}{s.value.accuracy:>7.3f}{s.value.total:>5}")
        lines += ["", "time scope of figures (gold items that give a time): accuracy among found, end-to-end recall",
                  f"{'kind':<11}{'acc':>7}{'right':>7}{'of':>5}{'R':>7}"]
        lines += [f"{kind:<11}{s.accuracy:>7.3f}{s.correct:>7}{s.total:>5}{s.recall:>7.3f}"
                  for kind, s in self.time_scope.items()]
        return "\n".join(lines)


def temporal_report(pairs: Sequence[tuple[Extraction, Sequence[GoldItem]]], report: Report,
                    systems: Mapping[str, DateSystem]) -> TemporalReport:
    """Score every system's dates against the gold dates of every article, and collect the time
    scope scores the field evaluation already computed for figures."""
    scored = {name: score_dates((system(extraction), gold) for extraction, gold in pairs)
              for name, system in systems.items()}
    return TemporalReport(systems=scored, time_scope=time_scope_scores(report))


def pipeline_dates(extraction: Extraction) -> Sequence[DateMention]:
    """The pipeline's own dates for an article: the DateSystem scored beside the dateparser
    baseline, which has to find its dates in the article text instead."""
    return extraction.dates


def score_dates(articles: Iterable[tuple[Sequence[DateMention], Sequence[GoldItem]]]) -> dict[str, TypeScores]:
    """Strict and relaxed detection and value accuracy per type, summed over the articles whose
    gold annotates dates."""
    counts = {kind: _Counts() for kind in TYPES + ("all",)}
    for dates, gold in articles:
        gold_dates = [g for g in gold if g.kind == "date"]
        if not gold_dates:  # this gold does not annotate dates: nothing to score them against
            continue
        preds = [Prediction(d.start, d.end, d.text, "date", d) for d in dates]
        for item in gold_dates:
            if item.required:
                counts[_gold_type(item)].gold += 1
                counts["all"].gold += 1
        _count_relaxed(preds, gold_dates, counts)
        _count_strict(preds, gold_dates, counts)
    return {kind: c.scores() for kind, c in counts.items()}


def time_scope_scores(report: Report) -> dict[str, FieldScore]:
    """The ``time`` field score of each figure kind, and their sum as "all"."""
    per_kind = {kind: fields["time"] for kind, fields in report.normalization.items()
                if kind in FIGURE_KINDS and "time" in fields}
    total = FieldScore(correct=sum(s.correct for s in per_kind.values()),
                       total=sum(s.total for s in per_kind.values()),
                       false_hits=sum(s.false_hits for s in per_kind.values()),
                       misses=sum(s.misses for s in per_kind.values()))
    return per_kind | {"all": total}


@dataclass
class _Counts:
    """Mutable tallies for one type while articles are scored."""

    gold: int = 0
    strict_tp: int = 0
    strict_fp: int = 0
    strict_fn: int = 0
    relaxed_tp: int = 0
    relaxed_fp: int = 0
    relaxed_fn: int = 0
    exact: int = 0
    value_correct: int = 0

    def scores(self) -> TypeScores:
        return TypeScores(
            gold=self.gold,
            strict=Detection(tp=self.strict_tp, fp=self.strict_fp, fn=self.strict_fn, exact=self.strict_tp),
            relaxed=Detection(tp=self.relaxed_tp, fp=self.relaxed_fp, fn=self.relaxed_fn, exact=self.exact),
            value=ValueScore(correct=self.value_correct, total=self.relaxed_tp),
        )


def _gold_type(item: GoldItem) -> str:
    return expression_type(str(item.value), item.relative)


def _pred_type(pred: Prediction) -> str:
    return expression_type(pred.source.value, pred.source.relative)


def _count_relaxed(preds: Sequence[Prediction], gold: Sequence[GoldItem], counts: dict[str, _Counts]) -> None:
    pairs = match(preds, gold)
    for i, j in pairs:
        for kind in (_gold_type(gold[j]), "all"):
            c = counts[kind]
            c.relaxed_tp += 1
            c.exact += (preds[i].start, preds[i].end) == (gold[j].start, gold[j].end)
            c.value_correct += preds[i].source.value == gold[j].value
    matched_preds, matched_gold = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, pred in enumerate(preds):
        if i not in matched_preds:
            counts[_pred_type(pred)].relaxed_fp += 1
            counts["all"].relaxed_fp += 1
    for j, item in enumerate(gold):
        if j not in matched_gold and item.required:
            counts[_gold_type(item)].relaxed_fn += 1
            counts["all"].relaxed_fn += 1


def _count_strict(preds: Sequence[Prediction], gold: Sequence[GoldItem], counts: dict[str, _Counts]) -> None:
    by_span = {(g.start, g.end): g for g in gold}
    matched: set[tuple[int, int]] = set()
    for pred in preds:
        span = (pred.start, pred.end)
        if span in by_span and span not in matched:
            matched.add(span)
            kind = _gold_type(by_span[span])
            counts[kind].strict_tp += 1
            counts["all"].strict_tp += 1
        else:
            counts[_pred_type(pred)].strict_fp += 1
            counts["all"].strict_fp += 1
    for span, item in by_span.items():
        if span not in matched and item.required:
            counts[_gold_type(item)].strict_fn += 1
            counts["all"].strict_fn += 1
