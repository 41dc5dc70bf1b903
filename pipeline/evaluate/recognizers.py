"""The Recognizers-Text suite: the pipeline run on Microsoft's English number and unit specs, pass rate per model.

Each case's input is one article (its ``ReferenceDateTime`` as publication date); every input is
parsed in one ``nlp.pipe`` run. A case passes when every expected result is found (a figure of one
of the model's kinds overlaps it) with the right value, range or bound, and unit where the model
has one, and no other figure of those kinds is found. Cases the spec's reference implementation
does not support, and those listed in the decisions file, are not scored.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.evaluate.recognizers_spec import (DECISIONS_FILE, MODEL_FILES, Decision, Expected, SpecCase,
                                                answers_model, expected_figure, load_decisions, load_specs)
from pipeline.extract import extract_articles
from pipeline.records import Article, Figure
from pipeline.resources import Resources

FAILURE_KINDS = ("missed", "wrong value", "wrong qualifier", "wrong unit", "false extra")
"""Why a scored case failed, one or more per case: an expected result no figure overlaps; one found
with another value or range; an open range found with another bound ("more than" for "at least");
found with another unit; a figure where the spec expects none."""

EXAMPLES_PER_KIND = 3


@dataclass(frozen=True)
class CaseOutcome:
    """One scored case: the failure kinds found (none when it passed), each with what was expected
    and what the pipeline said."""

    model: str
    input: str
    failures: tuple[tuple[str, str], ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class ModelScore:
    """A model's counts: its cases, those scored, those passed, and failures by kind with examples."""

    cases: int = 0
    not_supported: int = 0
    decided: int = 0
    passed: int = 0
    failures: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def applicable(self) -> int:
        return self.cases - self.not_supported - self.decided

    @property
    def pass_rate(self) -> float:
        return self.passed / self.applicable if self.applicable else 0.0

    def add(self, outcome: CaseOutcome) -> None:
        self.passed += outcome.passed
        for kind, detail in outcome.failures:
            self.failures[kind] += 1
            shown = self.examples.setdefault(kind, [])
            if len(shown) < EXAMPLES_PER_KIND:
                shown.append(f"{outcome.input.strip()!r}: {detail}")

    def to_dict(self) -> dict:
        return {"cases": self.cases, "not_supported": self.not_supported, "decided": self.decided,
                "applicable": self.applicable, "passed": self.passed, "pass_rate": round(self.pass_rate, 4),
                "failures": dict(self.failures.most_common()), "examples": self.examples}


@dataclass(frozen=True)
class SuiteReport:
    """The pass rates of every model, and every scored case's outcome."""

    models: dict[str, ModelScore]
    outcomes: tuple[CaseOutcome, ...]

    def to_dict(self) -> dict:
        return {model: score.to_dict() for model, score in self.models.items()}

    def format_text(self) -> str:
        lines = [f"{'model':<12} {'cases':>5} {'applicable':>10} {'passed':>6} {'pass rate':>9}  most frequent failures"]
        for model, score in self.models.items():
            failures = ", ".join(f"{kind} {n}" for kind, n in score.failures.most_common())
            lines.append(f"{model:<12} {score.cases:>5} {score.applicable:>10} {score.passed:>6} "
                         f"{score.pass_rate:>9.2f}  {failures}")
        for model, score in self.models.items():
            for kind, examples in score.examples.items():
                lines += [f"  {model} {kind}: {example}" for example in examples]
        return "\n".join(lines)


def run_suite(folder: Path, res: Resources) -> SuiteReport:
    """Run every case of the specs under ``folder`` and score those that apply, per model."""
    cases = load_specs(folder)
    decided = {(d.model, d.input) for d in load_decisions(folder / DECISIONS_FILE)}
    scores = {model: ModelScore() for model in MODEL_FILES}
    scored = []
    for case in cases:
        score = scores[case.model]
        score.cases += 1
        if case.reference_unsupported:
            score.not_supported += 1
        elif (case.model, case.input) in decided:
            score.decided += 1
        else:
            scored.append(case)
    articles = [Article(id=f"case-{i}", text=case.input, published=case.published) for i, case in enumerate(scored)]
    lexicons = res.rules.lexicons
    outcomes = []
    for case, extraction in zip(scored, extract_articles(articles, res)):
        found = [f for f in extraction.figures if answers_model(case.model, f.kind, f.unit, lexicons)]
        outcome = score_case(case, expected_results(case, lexicons), found)
        scores[case.model].add(outcome)
        outcomes.append(outcome)
    return SuiteReport(scores, tuple(outcomes))


def expected_results(case: SpecCase, lexicons: dict) -> list[Expected]:
    """A case's results that are figures, in the project's terms."""
    return [want for want in (expected_figure(case.model, r, lexicons) for r in case.results) if want]


def score_case(case: SpecCase, expected: list[Expected], candidates: list[Figure]) -> CaseOutcome:
    """The failures of one case, given the figures of the sort its model finds: each expected
    result against the figures that overlap it, then the figures that overlap no expected result."""
    failures = []
    for want in expected:
        overlapping = [f for f in candidates if f.start < want.end and want.start < f.end]
        failure = _best_failure(want, overlapping)
        if failure:
            failures.append(failure)
    for figure in candidates:
        if not any(figure.start < want.end and want.start < figure.end for want in expected):
            failures.append(("false extra", f"found {_said(figure)}"))
    return CaseOutcome(case.model, case.input, tuple(failures))


def _best_failure(want: Expected, overlapping: list[Figure]) -> tuple[str, str] | None:
    """None when one overlapping figure is right; else the failure of the one closest to right."""
    if not overlapping:
        return "missed", f"expected {_wanted(want)}"
    failures = [compare(want, figure) for figure in overlapping]
    if None in failures:
        return None
    return min(failures, key=lambda f: FAILURE_KINDS.index(f[0]))


def compare(want: Expected, figure: Figure) -> tuple[str, str] | None:
    """Whether a found figure says what the spec expects: None when it does, else the first field
    that differs (value, then the bound of an open range, then unit) with both readings."""
    detail = f"expected {_wanted(want)}, found {_said(figure)}"
    if want.share is not None and figure.kind == "percent":
        right_value = _same(figure.value, round(want.share, 3))
    elif want.low is not None and want.high is not None:
        right_value = _same(figure.value_low, want.low) and _same(figure.value_high, want.high)
    else:
        right_value = _same(figure.value, want.value)
    if not right_value:
        return "wrong value", detail
    if want.qualifier and want.qualifier != "exact" and figure.qualifier != want.qualifier:
        return "wrong qualifier", detail
    if want.unit is not None and not same_unit(figure.unit, want.unit):
        return "wrong unit", detail
    return None


def same_unit(found: str, wanted: str) -> bool:
    """The unit expected, or a rate of it: the claims table says "$98 a share" is 98 USD/share and
    "500,000 barrels a day" is 500000 barrel per day where the spec reads "$98" and "500,000 barrels"."""
    return found == wanted or found.startswith((f"{wanted}/", f"{wanted} per "))


def _same(found: float | None, wanted: float | None) -> bool:
    """Equal to the 15 significant digits Recognizers writes ("0.666666666666667")."""
    if found is None or wanted is None:
        return found is None and wanted is None
    return math.isclose(found, wanted, rel_tol=1e-9, abs_tol=1e-12)


def _show(number: float | None) -> str:
    if number is None:
        return "-"
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _wanted(want: Expected) -> str:
    value = f"{_show(want.low)}-{_show(want.high)}" if want.low is not None and want.high is not None \
        else _show(want.value)
    extra = " ".join(part for part in (want.qualifier if want.qualifier != "exact" else "", want.unit or "") if part)
    return f"{want.text!r} {value}{' ' + extra if extra else ''}"


def _said(figure: Figure) -> str:
    value = f"{_show(figure.value_low)}-{_show(figure.value_high)}" if figure.value is None else _show(figure.value)
    qualifier = "" if figure.qualifier == "exact" else f" {figure.qualifier}"
    return f"{figure.text!r} {figure.kind} {value}{qualifier}{' ' + figure.unit if figure.unit else ''}"


def unknown_decisions(folder: Path) -> list[Decision]:
    """The decisions that name no case of the vendored specs (a typo, or a case since removed)."""
    known = {(case.model, case.input) for case in load_specs(folder)}
    return [d for d in load_decisions(folder / DECISIONS_FILE) if (d.model, d.input) not in known]


def write_suite_metrics(report: SuiteReport, path: Path) -> None:
    """Put the table under ``recognizers`` in ``metrics.json``, keeping what else the file holds
    (the corpus scores of an earlier ``claims eval``)."""
    try:
        existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        existing = {}
    merged = {**(existing if isinstance(existing, dict) else {}), "recognizers": report.to_dict()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PipelineError(E_OUTPUT, str(path), f"cannot write metrics: {exc.strerror}") from exc
