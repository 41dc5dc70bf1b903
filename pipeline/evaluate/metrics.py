"""The evaluation report: detection and normalization per kind and every error, as text tables and metrics.json."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Protocol, Sequence

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.evaluate.counts import Detection, FieldScore
from pipeline.evaluate.fields import NORMALIZED_FIELDS, VALUE_UNIT, FieldCheck, field_checks, gold_field
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import ArticleResult
from pipeline.records import KINDS


@dataclass(frozen=True)
class Mention:
    """A miss (gold value) or a false hit (predicted value), located for a reader to look up."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    value: float | str | None

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "value": self.value}


@dataclass(frozen=True)
class FieldError:
    """A found item whose normalized ``field`` differs from the gold."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    field: str
    expected: object
    got: object

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
                "kind": self.kind, "field": self.field, "expected": self.expected, "got": self.got}

    def format_line(self) -> str:
        """The error as one indented report line, the same in every section that lists errors:
        ``  seed  "$190 billion"  value  expected=190000000000  got=190000000``."""
        return (f"  {self.article_id}  \"{self.text}\"  {self.field}  "
                f"expected={_show(self.expected)}  got={_show(self.got)}")


class Section(Protocol):
    """A further block of scores (such as the temporal scores) printed and saved with the report."""

    def to_dict(self) -> dict: ...

    def format_text(self) -> str: ...


@dataclass(frozen=True)
class Report:
    """Detection per kind (plus "all"), normalization per kind and field, and every error listed.

    Detection and normalization are scored separately so that a boundary slip ("$190" vs
    "$190 billion") shows up as a value error on a found item, not as one miss plus one false hit.
    """

    detection: Mapping[str, Detection]
    normalization: Mapping[str, Mapping[str, FieldScore]]
    misses: tuple[Mention, ...]
    false_hits: tuple[Mention, ...]
    errors: tuple[FieldError, ...]
    sections: Mapping[str, Section] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """What metrics.json holds: these scores, then each section under its own name
        ("description", "ranking", "temporal", "side_by_side")."""
        return {
            "detection": {kind: score.to_dict() for kind, score in self.detection.items()},
            "normalization": {kind: {name: score.to_dict() for name, score in fields.items()}
                              for kind, fields in self.normalization.items()},
            "misses": [m.to_dict() for m in self.misses],
            "false_hits": [m.to_dict() for m in self.false_hits],
            "errors": [e.to_dict() for e in self.errors],
        } | {name: section.to_dict() for name, section in self.sections.items()}

    def format_text(self) -> str:
        lines = [f"{'kind':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}{'exact':>7}"]
        lines += [f"{kind:<9}{d.precision:>7.3f}{d.recall:>7.3f}{d.f1:>7.3f}{d.tp:>5}{d.fp:>5}{d.fn:>5}{d.exact:>7}"
                  for kind, d in self.detection.items()]
        lines += ["", f"{'kind':<9}{'field':<11}{'acc':>7}{'right':>7}{'of':>5}{'P':>7}{'R':>7}{'F1':>7}"]
        lines += [f"{kind:<9}{name:<11}{s.accuracy:>7.3f}{s.correct:>7}{s.total:>5}"
                  f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                  for kind, fields in self.normalization.items() for name, s in fields.items()]
        lines += ["", f"misses ({len(self.misses)})"]
        lines += [f"  {m.article_id}  \"{m.text}\"  {m.kind}  expected={_show(m.value)}" for m in self.misses]
        lines += [f"false hits ({len(self.false_hits)})"]
        lines += [f"  {m.article_id}  \"{m.text}\"  {m.kind}  value={_show(m.value)}" for m in self.false_hits]
        lines += [f"normalization errors ({len(self.errors)})"]
        lines += [e.format_line() for e in self.errors]
        lines += [line for section in self.sections.values() for line in ("", section.format_text())]
        return "\n".join(lines)


def build_report(results: Sequence[ArticleResult], fields: Sequence[str] = NORMALIZED_FIELDS) -> Report:
    """Aggregate per-article matchings into per-kind detection and normalization of ``fields``
    (an extractor that cannot give a field, such as a role, is not scored on it)."""
    seen = {p.kind for r in results for p in r.false_hits} | {p.kind for r in results for p, _ in r.matched}
    kinds = KINDS + tuple(sorted(seen - set(KINDS)))
    detection = {kind: _detection(results, kind) for kind in kinds} | {"all": _detection(results, None)}
    checks = [c for r in results for p, g in r.matched for c in field_checks(r.article_id, p, g, fields)]
    misses = [g for r in results for g in r.misses]
    normalization = {kind: scores for kind in kinds
                     if (scores := _field_scores(checks, kind, detection[kind].fp, misses, fields))}
    return Report(
        detection=detection,
        normalization=normalization,
        misses=tuple(Mention(r.article_id, g.start, g.end, g.text, g.kind, g.value) for r in results for g in r.misses),
        false_hits=tuple(Mention(r.article_id, p.start, p.end, p.text, p.kind, getattr(p.source, "value", None))
                         for r in results for p in r.false_hits),
        errors=tuple(FieldError(c.article_id, c.pred.start, c.pred.end, c.pred.text, c.pred.kind,
                                c.field, c.expected, c.got) for c in checks if not c.ok and c.field != VALUE_UNIT),
    )


def _field_scores(checks: Sequence[FieldCheck], kind: str, false_hits: int,
                  misses: Sequence[GoldItem], fields: Sequence[str]) -> dict[str, FieldScore]:
    """Scores per field for one kind, leaving out fields no gold item of that kind gives."""
    scores = {}
    for name in fields:
        outcomes = [c.ok for c in checks if c.pred.kind == kind and c.field == name]
        missed = sum(g.kind == kind and gold_field(g, name) is not None for g in misses)
        if outcomes or missed:
            scores[name] = FieldScore(correct=sum(outcomes), total=len(outcomes),
                                      false_hits=false_hits, misses=missed)
    return scores


def _detection(results: Sequence[ArticleResult], kind: str | None) -> Detection:
    """Counts for one kind, or for all kinds when ``kind`` is None."""
    def wanted(k: str) -> bool:
        return kind is None or k == kind

    matched = [(p, g) for r in results for p, g in r.matched if wanted(p.kind)]
    return Detection(
        tp=len(matched),
        fp=sum(wanted(p.kind) for r in results for p in r.false_hits),
        fn=sum(wanted(g.kind) for r in results for g in r.misses),
        exact=sum(p.start == g.start and p.end == g.end for p, g in matched),
    )


def write_metrics(report: Report, path: Path) -> None:
    """Write the report as JSON, stable key order, so metric files diff cleanly between runs."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PipelineError(E_OUTPUT, str(path), f"cannot write metrics: {exc.strerror}") from exc


def _show(value: object) -> str:
    """Numbers without a spurious ".0" (190000000000, not 1.9e+11); None as "-", empty as ""."""
    if value is None:
        return "-"
    if value == "":
        return '""'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
