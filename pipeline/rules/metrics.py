"""Reads and validates ``rules/metrics.yml``, the lexicon ``claims verify`` matches claims with
reference facts by: the metrics and the words that name them, conversions between reference and
claim units, the tolerances within which a claim is supported, and examples the tests run."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE, PipelineError, rule_problems
from pipeline.rules.files import read_yaml
from pipeline.rules.lexicons import LEXICON_FILE, read_lexicons

METRICS_FILE = "metrics.yml"
TOLERANCES = ("relative", "approx_relative", "percent_points")
LEXICONS_READ = {"units": "unit name -> canonical name", "scales": "word -> number"}
"""The word lists of lexicons.yml that reference units are read through ("USD billion", "miles")."""


def load_metrics(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The metrics lexicon and the word lists beside it, which ``claims verify`` needs together to
    read a reference unit ("USD billion" is USD times 1e9). Problems in either are one coded
    error that lists them all, so they are fixed at once."""
    lexicons, problems = read_lexicons(path.parent)
    metrics, metric_problems = read_metrics(path, lexicons)
    if problems or metric_problems:
        raise rule_problems(str(path), problems + metric_problems)
    return metrics, lexicons


def read_metrics(path: Path, lexicons: dict | None) -> tuple[dict[str, Any], list[str]]:
    """``{"metrics": [{id, terms, growth}], "units": [{from, to, factor}], "tolerances": {name:
    number}, "context_sentences": n, "examples": [...]}`` with its numbers as numbers, and every
    problem, each naming the key it is in. ``lexicons`` must have the lists reference units are
    read through; they are not checked when None (lexicons.yml could not be read, a problem of its own)."""
    where = path.name
    empty: dict[str, Any] = {"metrics": [], "units": [], "tolerances": {}, "context_sentences": 0, "examples": []}
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return empty, [str(err)]
    if not isinstance(data, dict):
        return empty, [f"[{E_RULE}] {where}: expected a mapping with 'metrics', 'tolerances' and 'context_sentences'"]
    problems: list[str] = []

    def problem(message: str) -> None:
        problems.append(f"[{E_RULE}] {where}: {message}")

    metrics = _metrics(data.get("metrics"), problem)
    units = _conversions(data.get("units", []), problem)
    tolerances = _tolerances(data.get("tolerances"), problem)
    context_sentences = _whole_number(data.get("context_sentences"))
    if context_sentences is None:
        problem("'context_sentences' must be a whole number")
    examples = data.get("examples", [])
    if not isinstance(examples, list):
        problem("'examples' must be a list")
    if lexicons is not None:
        for name, shape in LEXICONS_READ.items():
            if not _is_lexicon(lexicons.get(name), numbers=name == "scales"):
                problem(f"needs the lexicon '{name}' ({shape}) in {LEXICON_FILE}")
    return {"metrics": metrics, "units": units, "tolerances": tolerances,
            "context_sentences": context_sentences or 0, "examples": examples if isinstance(examples, list) else []}, problems


def _metrics(raw: Any, problem: Callable[[str], None]) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        problem("'metrics' must be a list of {id, terms[, growth]}")
        return []
    metrics = []
    for index, metric in enumerate(raw):
        if not isinstance(metric, dict) or not isinstance(metric.get("id"), str) or not metric["id"]:
            problem(f"metric #{index + 1}: needs an 'id'")
            continue
        name = f"metric '{metric['id']}'"
        terms, growth = metric.get("terms"), metric.get("growth", "")
        if not isinstance(terms, list) or not all(isinstance(term, str) for term in terms):
            problem(f"{name}: 'terms' must be a list of words")
        elif not isinstance(growth, str):
            problem(f"{name}: 'growth' must be the id of a metric")
        else:
            metrics.append({"id": metric["id"], "terms": terms, "growth": growth})
    return metrics


def _conversions(raw: Any, problem: Callable[[str], None]) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        problem("'units' must be a list of {from, to, factor}")
        return []
    conversions = []
    for index, item in enumerate(raw):
        factor = _number(item.get("factor")) if isinstance(item, dict) else None
        if not factor or not all(isinstance(item.get(end), str) for end in ("from", "to")):
            problem(f"unit conversion #{index + 1}: needs 'from' and 'to' unit names and a non-zero number 'factor'")
            continue
        conversions.append({"from": item["from"], "to": item["to"], "factor": factor})
    return conversions


def _tolerances(raw: Any, problem: Callable[[str], None]) -> dict[str, float]:
    if not isinstance(raw, dict):
        problem(f"'tolerances' must be a mapping with the numbers {', '.join(TOLERANCES)}")
        return {}
    tolerances = {name: _number(raw.get(name)) for name in TOLERANCES}
    for name, value in tolerances.items():
        if value is None:
            problem(f"'tolerances' needs a number '{name}'")
    return {name: value for name, value in tolerances.items() if value is not None}


def _is_lexicon(entry: Any, numbers: bool) -> bool:
    return isinstance(entry, dict) and all(isinstance(key, str) for key in entry) and (
        not numbers or all(_number(value) is not None for value in entry.values()))


def _number(value: Any) -> float | None:
    """A number as float() reads it (1.609344, 2, "0.02"), or None."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _whole_number(value: Any) -> int | None:
    """A whole number as int() reads it (3, "3"), or None."""
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None
