"""Reads the word lists of ``rules/lexicons.yml`` and joins to them the units of ``rules/units.yml``:
the unit words and their SI conversions, drawn from pint's registry (``unit_table``) with the
file's own readings and conversions winning."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE, PipelineError
from pipeline.rules.files import read_yaml
from pipeline.rules.unit_table import cached_unit_table

LEXICON_FILE = "lexicons.yml"
UNITS_FILE = "units.yml"
"""The units: pint's registry as ``registry`` narrows it, news ``readings`` and SI ``conversions``
that win over pint's; they join the lexicons as ``units``, ``unit_symbols`` and ``unit_conversions``."""


def read_lexicons(rules_dir: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The word lists, plus the units (``units``: a lower-case word -> its canonical unit;
    ``unit_symbols``: the symbols as written, which the tokenizer splits from a number: "3.2GHz"),
    their conversions as ``unit_conversions`` and the units left without an SI value as
    ``units_without_si``, and every problem with either file. The lists are None when
    ``lexicons.yml`` cannot be used, since no rule that names one ("@scales") can be read without
    it; a problem in the units file leaves them usable."""
    lexicons, problems = _word_lists(rules_dir / LEXICON_FILE)
    if lexicons is None:
        return None, problems + _units_table(rules_dir / UNITS_FILE, {})[1]
    units, unit_problems = _units_table(rules_dir / UNITS_FILE, lexicons)
    return {**lexicons, **units}, problems + unit_problems


def _word_lists(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return None, [str(err)]
    if not isinstance(data, dict):
        return None, [f"[{E_RULE}] {path}: expected a mapping of lexicon name to list or mapping"]
    return data, []


REGISTRY_KEYS = ("kinds", "prefixed", "skip", "skip_surfaces", "rename")


def _units_table(path: Path, lexicons: dict) -> tuple[dict[str, Any], list[str]]:
    """The units joined from pint and the file, with a problem naming each conversion that is not
    ``{si, factor[, offset]}`` and each part of the file that is missing."""
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {}, [str(err)]
    data = data if isinstance(data, dict) else {}
    conversions, registry, readings = data.get("conversions"), data.get("registry"), data.get("readings")
    problems = []
    if not isinstance(conversions, dict):
        problems.append(f"[{E_RULE}] {path}: expected 'conversions': unit -> {{si, factor[, offset]}}")
        conversions = {}
    if not isinstance(registry, dict) or any(key not in registry for key in REGISTRY_KEYS):
        problems.append(f"[{E_RULE}] {path}: expected 'registry' with {', '.join(REGISTRY_KEYS)}")
        registry = None
    if not isinstance(readings, dict):
        problems.append(f"[{E_RULE}] {path}: expected 'readings': word -> unit")
        readings = {}
    good = {unit: c for unit, c in conversions.items()
            if isinstance(c, dict) and isinstance(c.get("si"), str) and isinstance(c.get("factor"), int | float)}
    problems += [f"[{E_RULE}] {path}: unit '{unit}': expected {{si, factor[, offset]}}"
                 for unit in conversions if unit not in good]
    if registry is None or not lexicons:
        return {}, problems
    names = sorted({*map(str, readings.values()), *map(str, lexicons.get("time_units", {}).values())})
    table = cached_unit_table(registry, names)
    return {"units": {**table["surfaces"], **{str(k).lower(): str(v) for k, v in readings.items()}},
            "unit_symbols": table["symbols"], "unit_readings": sorted(map(str, readings)),
            "unit_conversions": {**table["conversions"], **good},
            "units_without_si": list(data.get("no_si") or [])}, problems
