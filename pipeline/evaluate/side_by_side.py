"""Figure scores of several extractors on the same gold in one table, ours first and the baselines after."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from pipeline.evaluate.counts import Detection, FieldScore
from pipeline.evaluate.fields import VALUE_UNIT
from pipeline.evaluate.metrics import Report
from pipeline.records import FIGURE_KINDS

FIGURES = "figures"
"""The row that sums all figure kinds (money, percent, quantity, count), dates left out."""


def side_by_side(reports: Mapping[str, Report]) -> dict[str, dict[str, dict[str, float | None]]]:
    """Per figure kind (and all figures), per extractor: detection P/R/F1, value F1, value+unit F1,
    and qualifier and direction accuracy. None where the extractor cannot give the field or no
    gold item of the kind has it."""
    return {kind: {name: _summary(report, kinds) for name, report in reports.items()}
            for kind, kinds in [(k, (k,)) for k in FIGURE_KINDS] + [(FIGURES, FIGURE_KINDS)]}


def _summary(report: Report, kinds: Sequence[str]) -> dict[str, float | None]:
    detection = Detection(*(sum(getattr(report.detection.get(k, Detection()), part) for k in kinds)
                            for part in ("tp", "fp", "fn", "exact")))

    def field(name: str) -> FieldScore | None:
        scores = [report.normalization[k][name] for k in kinds if name in report.normalization.get(k, {})]
        if not scores:
            return None
        return FieldScore(*(sum(getattr(s, part) for s in scores)
                            for part in ("correct", "total", "false_hits", "misses")))

    value, value_unit, qualifier, direction = (field(n) for n in ("value", VALUE_UNIT, "qualifier", "direction"))
    return {"precision": detection.precision, "recall": detection.recall, "f1": detection.f1,
            "value_f1": value.f1 if value else None, "value_unit_f1": value_unit.f1 if value_unit else None,
            "qualifier_accuracy": qualifier.accuracy if qualifier else None,
            "direction_accuracy": direction.accuracy if direction else None}


@dataclass(frozen=True)
class SideBySide:
    """A report section: figure scores of several extractors on the same gold, the first being ours.

    Saved as the table plus the full reports of the other extractors (the baselines).
    """

    reports: Mapping[str, Report]

    def to_dict(self) -> dict:
        return {"table": side_by_side(self.reports),
                "baselines": {name: report.to_dict() for name, report in list(self.reports.items())[1:]}}

    def format_text(self) -> str:
        return "figures side by side on the same gold\n" + format_side_by_side(side_by_side(self.reports))


def format_side_by_side(table: Mapping[str, Mapping[str, Mapping[str, float | None]]]) -> str:
    """The side-by-side table as aligned text, one line per kind and extractor."""
    columns = ("precision", "recall", "f1", "value_f1", "value_unit_f1", "qualifier_accuracy", "direction_accuracy")
    headers = ("P", "R", "F1", "val F1", "v+u F1", "qual", "dir")
    lines = [f"{'kind':<10}{'extractor':<12}" + "".join(f"{h:>8}" for h in headers)]
    for kind, rows in table.items():
        for name, row in rows.items():
            lines.append(f"{kind:<10}{name:<12}" + "".join(
                f"{row[c]:>8.3f}" if row[c] is not None else f"{'-':>8}" for c in columns))
    return "\n".join(lines)
