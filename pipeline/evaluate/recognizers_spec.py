"""Microsoft Recognizers-Text test specs read as gold: each case's expected results in the project's conventions.

A spec file is a JSON list of cases ``{"Input", "Context"?, "NotSupported"?, "Results": [...]}``;
a result gives its text, inclusive ``Start``/``End`` offsets, and a resolution in Recognizers'
terms ("Dollar", "Square kilometer", "(20,35]"). ``expected_figure`` turns one result into what
the claims table would say: its value or range, its bounds as the project's qualifier, and its unit
named as ``rules/lexicons.yml`` and ``rules/units.yml`` name it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_GOLD, PipelineError
from pipeline.records import FIGURE_KINDS

MODEL_FILES = {
    "Number": "Number/NumberModel.json",
    "Percent": "Number/PercentModel.json",
    "NumberRange": "Number/NumberRangeModel.json",
    "Currency": "NumberWithUnit/CurrencyModel.json",
    "Dimension": "NumberWithUnit/DimensionModel.json",
    "Age": "NumberWithUnit/AgeModel.json",
    "Temperature": "NumberWithUnit/TemperatureModel.json",
}
"""The English spec files whose results are figures of a claims table, by Recognizers model."""

MODEL_KINDS = {
    "Number": FIGURE_KINDS, "NumberRange": FIGURE_KINDS, "Percent": ("percent",), "Currency": ("money",),
    "Dimension": ("quantity",), "Age": ("quantity", "count"), "Temperature": ("quantity",),
}
"""The figure kinds that can answer a model's results."""


def answers_model(model: str, kind: str, unit: str, lexicons: dict) -> bool:
    """Whether a figure is of the sort a model finds, so that one found where the spec expects
    nothing is a false extra: ages are spans of time, temperatures are in degrees, and the spec's
    Dimension model leaves spans of time ("20 minutes") to its DateTime models."""
    if kind not in MODEL_KINDS[model]:
        return False
    si = lexicons["unit_conversions"].get(unit, {}).get("si")
    if model == "Age":
        return si == "second"
    if model == "Temperature":
        return si == "kelvin" or unit == "degree"
    if model == "Dimension":
        return si != "second"
    return True

REFERENCE_IMPLEMENTATION = "dotnet"
"""``NotSupported`` names the implementations that fail a case; the results are those of the .NET
one, so a case it does not support has no answer anyone gives."""

DECISIONS_FILE = "decisions.yml"

TEMPERATURE_UNITS = {"C": "degree Celsius", "F": "degree Fahrenheit", "Degree": "degree"}
"""Recognizers' temperature units are letters; the units table names the scales."""

AGE_UNITS = {"Age": "year"}
""""age 87" has the unit Age in Recognizers: years, as an age in the claims table."""


@dataclass(frozen=True)
class Expected:
    """One expected result in the project's terms; ``end`` is exclusive, like a figure's. A bounded
    range has ``low`` and ``high``; an open one ("more than 30") a ``value`` and the ``qualifier``
    that says which way it is open. ``unit`` is None when the model has no unit to score."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = ""
    unit: str | None = None
    share: float | None = None
    """A fraction is also right as the percentage it is ("five eighths of" -> 62.5 percent)."""


@dataclass(frozen=True)
class SpecCase:
    """One case of a spec file: its input text, publication date if given, and expected results."""

    model: str
    input: str
    published: date | None
    not_supported: tuple[str, ...]
    results: tuple[dict, ...]

    @property
    def reference_unsupported(self) -> bool:
        return REFERENCE_IMPLEMENTATION in self.not_supported


@dataclass(frozen=True)
class Decision:
    """A case the project does not follow, and why: the group of reasons and the reason itself."""

    model: str
    input: str
    group: str
    reason: str


def load_specs(folder: Path) -> list[SpecCase]:
    """Every case of every model's spec file under ``folder``, in file order."""
    cases = []
    for model, name in MODEL_FILES.items():
        path = folder / name
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise PipelineError(E_GOLD, str(path), f"cannot read the spec file: {exc}") from exc
        if not isinstance(data, list):
            raise PipelineError(E_GOLD, str(path), "expected a JSON list of cases")
        cases += [_case(model, raw, path) for raw in data]
    return cases


def _case(model: str, raw: Any, path: Path) -> SpecCase:
    if not isinstance(raw, dict) or not isinstance(raw.get("Input"), str):
        raise PipelineError(E_GOLD, str(path), f"a case without an Input string: {str(raw)[:60]!r}")
    reference = (raw.get("Context") or {}).get("ReferenceDateTime")
    published = date.fromisoformat(reference[:10]) if reference else None
    unsupported = tuple(p.strip().lower() for p in (raw.get("NotSupported") or "").split(",") if p.strip())
    return SpecCase(model, raw["Input"], published, unsupported, tuple(raw.get("Results") or ()))


def load_decisions(path: Path) -> list[Decision]:
    """The cases not followed, from a YAML mapping ``group -> {reason, cases: [{model, input}]}``;
    a group may also give a reason per case (``{model, input, reason}``)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PipelineError(E_GOLD, str(path), f"cannot read the decisions: {exc}") from exc
    if not isinstance(data, dict):
        raise PipelineError(E_GOLD, str(path), "expected a mapping of reason group -> {reason, cases}")
    decisions = []
    for group, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("cases"), list):
            raise PipelineError(E_GOLD, str(path), f"group {group!r}: expected {{reason, cases: [...]}}")
        for case in entry["cases"]:
            named = isinstance(case, dict) and isinstance(case.get("model"), str) and isinstance(case.get("input"), str)
            reason = (case.get("reason") or entry.get("reason")) if named else None
            if not reason:
                raise PipelineError(E_GOLD, str(path), f"group {group!r}: a case needs model, input and a reason: {case!r}")
            decisions.append(Decision(case["model"], case["input"], str(group), str(reason)))
    return decisions


def expected_figure(model: str, result: dict, lexicons: dict) -> Expected | None:
    """What the claims table should say for one Recognizers result: "$20" with unit Dollar is 20
    USD, "5 cents" is 0.05 USD, "(20,35]" is the range 20-35, "(30,)" is 30 with ``more_than``,
    "10 km" with unit Kilometer is 10 kilometer, "40 deg celsius" is 40 degree Celsius. None for
    a result without a number (a unit named alone, "convert to fahrenheit"; "a small percent"):
    that is no figure of a claims table."""
    resolution = result.get("Resolution") or {}
    start, end, text = result["Start"], result["End"] + 1, result["Text"]
    raw_value = resolution.get("value")
    if model == "NumberRange":
        low, high, qualifier = range_bounds(raw_value)
        if low is not None and high is not None and low != high:
            return Expected(start, end, text, None, low, high)
        if low is None and high is None:
            return None
        bound = low if low is not None else high
        return Expected(start, end, text, bound, qualifier=qualifier, share=100 * bound if abs(bound) < 1 else None)
    value = _number(raw_value)
    if value is None:
        return None
    if model == "Currency":
        code, hundredths = currency_code(resolution, lexicons)
        return Expected(start, end, text, value / 100 if hundredths and value is not None else value, unit=code)
    if model == "Dimension":
        return Expected(start, end, text, value, unit=unit_name(resolution.get("unit", ""), lexicons))
    if model == "Temperature":
        return Expected(start, end, text, value, unit=TEMPERATURE_UNITS.get(resolution.get("unit", "")))
    if model == "Age":
        unit = resolution.get("unit", "")
        return Expected(start, end, text, value, unit=AGE_UNITS.get(unit) or unit_name(unit, lexicons))
    share = 100 * value if resolution.get("subtype") == "fraction" else None
    return Expected(start, end, text, value, share=share)


def _number(raw: object) -> float | None:
    """A resolution value as a number: "103.666666666667", "100%", "1E-12"; None for "null"."""
    if raw is None:
        return None
    try:
        return float(str(raw).rstrip("%").replace(",", ""))
    except ValueError:
        return None


_RANGE = re.compile(r"^([\[(])\s*([^,]*)\s*,\s*([^,]*)\s*([\])])$")


def range_bounds(raw: object) -> tuple[float | None, float | None, str]:
    """An interval in Recognizers' notation as low, high and the project's qualifier for an open
    one: "(30,)" -> (30, None, "more_than"), "[30,)" -> at_least, "(,170)" -> less_than,
    "(,100]" -> at_most, "[20,30)" -> (20, 30, "") (a range's ends are read as written)."""
    match = _RANGE.match(str(raw or ""))
    if not match:
        return None, None, ""
    opening, low_text, high_text, closing = match.groups()
    low, high = _number(low_text) if low_text else None, _number(high_text) if high_text else None
    if high is None and low is not None:
        return low, None, "more_than" if opening == "(" else "at_least"
    if low is None and high is not None:
        return None, high, "less_than" if closing == ")" else "at_most"
    return low, high, "exact" if low == high else ""


def currency_code(resolution: dict, lexicons: dict) -> tuple[str, bool]:
    """The ISO 4217 code of a currency result, and whether the amount is in hundredths ("cents").
    ``isoCurrency`` when the spec gives it; else the unit read as the project reads currency words
    ("Dollar" -> USD, "Pound" -> GBP, "Cent" -> USD in hundredths, "Finnish markka" -> FIM by its
    nationality); else the unit as written."""
    if resolution.get("isoCurrency"):
        return resolution["isoCurrency"], False
    *nationality, word = str(resolution.get("unit", "")).lower().split() or [""]
    named = lexicons["currency_nationalities"].get(nationality[-1], {}) if nationality else {}
    if word in named:
        return named[word], False
    for table in ("currency_words", "ambiguous_currency_words"):
        if word in lexicons[table]:
            return lexicons[table][word], False
    if word in lexicons["currency_subunits"]:
        return lexicons["currency_subunits"][word], True
    return str(resolution.get("unit", "")), False


def unit_name(recognizers_unit: str, lexicons: dict) -> str:
    """A Recognizers unit name ("Square kilometer", "Kilometer per hour", "Metric ton") as the
    project names it: the lexicon of unit words first, then the canonical names of the units table,
    then quantulum3's unit of that name or
    surface put through the same lexicon (as the unit resolver of ``figures/units.py`` does: "Metric
    ton" -> tonne), each side of "per" alone; a name neither knows stays as written, in lower case."""
    words = recognizers_unit.lower()
    if words in lexicons["units"]:
        return lexicons["units"][words]
    if words in lexicons["unit_conversions"] or words in lexicons["units_without_si"]:
        return words
    if " per " in words:
        return " per ".join(unit_name(part, lexicons) for part in words.split(" per "))
    name = _quantulum_name(words)
    return lexicons["units"].get(name, name) if name else words


def _quantulum_name(words: str) -> str:
    """quantulum3's name for a unit name or surface ("metric ton" -> "tonne"), or "" when it has
    none or several."""
    from quantulum3 import load
    units = load.units("en_US")
    if words in units.names:
        return units.names[words].name
    found = {unit.name for unit in units.surfaces.get(words, ())}
    return found.pop() if len(found) == 1 else ""
