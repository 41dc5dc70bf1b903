"""Validation of rules/metrics.yml, the lexicon of `claims verify`: every problem named on its own
coded line, numbers read as numbers, and the lexicons it reads reference units through."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.rules import RULES_DIR, load_metrics
from pipeline.rules.metrics import read_metrics

LEXICONS = {"units": {"km": "kilometre"}, "scales": {"billion": 1e9}}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "metrics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_repository_lexicon_is_read_with_numbers_as_numbers() -> None:
    metrics, lexicons = load_metrics(RULES_DIR / "metrics.yml")
    assert metrics["metrics"][0] == {"id": "bilateral_trade", "terms": ["bilateral trade", "two-way trade",
                                     "trade turnover", "trade between"], "growth": "bilateral_trade_growth"}
    assert metrics["metrics"][1]["growth"] == ""
    assert metrics["units"] == [{"from": "mile", "to": "kilometre", "factor": 1.609344}]
    assert metrics["tolerances"] == {"relative": 0.02, "approx_relative": 0.05, "percent_points": 0.5}
    assert metrics["context_sentences"] == 3 and metrics["examples"]
    assert "scales" in lexicons


def test_every_problem_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, "metrics:\n  - {id: exports, terms: [exports]}\n  - {terms: [imports]}\n"
                           "  - {id: border, terms: border}\n"
                           "units:\n  - {from: mile, to: kilometre, factor: lots}\n  - {from: 5, to: km, factor: 2}\n"
                           "  - {from: a, to: b, factor: 0}\n"
                           "tolerances: {relative: 0.02, percent_points: x}\ncontext_sentences: three\n")
    data, problems = read_metrics(path, LEXICONS)
    conversion = "needs 'from' and 'to' unit names and a non-zero number 'factor'"
    assert problems == ["[E010] metrics.yml: metric #2: needs an 'id'",
                        "[E010] metrics.yml: metric 'border': 'terms' must be a list of words",
                        f"[E010] metrics.yml: unit conversion #1: {conversion}",
                        f"[E010] metrics.yml: unit conversion #2: {conversion}",
                        f"[E010] metrics.yml: unit conversion #3: {conversion}",
                        "[E010] metrics.yml: 'tolerances' needs a number 'approx_relative'",
                        "[E010] metrics.yml: 'tolerances' needs a number 'percent_points'",
                        "[E010] metrics.yml: 'context_sentences' must be a whole number"]
    assert [m["id"] for m in data["metrics"]] == ["exports"]


@pytest.mark.parametrize("text,problem", [
    ("metrics: [\n", "invalid YAML: "),
    ("- a\n", "metrics.yml: expected a mapping with 'metrics', 'tolerances' and 'context_sentences'"),
    ("metrics: []\ncontext_sentences: 3\n", "metrics.yml: 'tolerances' must be a mapping with the numbers "
                                             "relative, approx_relative, percent_points"),
])
def test_a_file_that_is_no_lexicon_is_one_problem(tmp_path: Path, text: str, problem: str) -> None:
    problems = read_metrics(write(tmp_path, text), LEXICONS)[1]
    assert len(problems) == 1 and problems[0].startswith("[E010] ") and problem in problems[0]


def test_the_lexicons_reference_units_are_read_through(tmp_path: Path) -> None:
    path = write(tmp_path, (RULES_DIR / "metrics.yml").read_text(encoding="utf-8"))
    assert read_metrics(path, {"scales": {"billion": "many"}})[1] == [
        "[E010] metrics.yml: needs the lexicon 'units' (unit name -> canonical name) in lexicons.yml",
        "[E010] metrics.yml: needs the lexicon 'scales' (word -> number) in lexicons.yml"]
    assert read_metrics(path, None)[1] == []  # lexicons.yml unreadable: its own problem, not repeated here


def test_loading_lists_the_problems_of_the_lexicons_and_the_metrics_in_one_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    units = (rules / "units.yml").read_text(encoding="utf-8")
    (rules / "units.yml").write_text(units.replace("  decade: {si: second, factor: 315576000}", "  decade: {si: second}"),
                                     encoding="utf-8")
    metrics = (rules / "metrics.yml").read_text(encoding="utf-8")
    (rules / "metrics.yml").write_text(metrics.replace("context_sentences: 3", "context_sentences: three"),
                                       encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        load_metrics(rules / "metrics.yml")
    assert str(caught.value) == (f"[E010] {rules / 'metrics.yml'}: 2 problem(s):\n"
                                 f"[E010] {rules / 'units.yml'}: unit 'decade': expected {{si, factor[, offset]}}\n"
                                 "[E010] metrics.yml: 'context_sentences' must be a whole number")
