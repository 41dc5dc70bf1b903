"""Reads the word lists of ``rules/lexicons.yml`` and joins to them the units table of
``rules/units.yml`` (every canonical unit's SI unit and factor)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE, PipelineError
from pipeline.rules.files import read_yaml

LEXICON_FILE = "lexicons.yml"
UNITS_FILE = "units.yml"
"""The units table (SI conversions); its ``conversions`` join the lexicons as ``unit_conversions``."""


def read_lexicons(rules_dir: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The word lists, plus the units table's conversions as ``unit_conversions`` and the units it
    leaves without an SI value as ``units_without_si``, and every problem with either file. The
    lists are None when ``lexicons.yml`` cannot be used, since no rule that names one ("@scales")
    can be read without it; a problem in the units table leaves them usable."""
    lexicons, problems = _word_lists(rules_dir / LEXICON_FILE)
    units, unit_problems = _units_table(rules_dir / UNITS_FILE)
    return (None if lexicons is None else {**lexicons, **units}), problems + unit_problems


def _word_lists(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return None, [str(err)]
    if not isinstance(data, dict):
        return None, [f"[{E_RULE}] {path}: expected a mapping of lexicon name to list or mapping"]
    return data, []


def _units_table(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The conversions that are ``{si, factor[, offset]}``, with a problem naming each unit that is not."""
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {}, [str(err)]
    conversions = data.get("conversions") if isinstance(data, dict) else None
    if not isinstance(conversions, dict):
        return {}, [f"[{E_RULE}] {path}: expected 'conversions': unit -> {{si, factor[, offset]}}"]
    good = {unit: c for unit, c in conversions.items()
            if isinstance(c, dict) and isinstance(c.get("si"), str) and isinstance(c.get("factor"), int | float)}
    problems = [f"[{E_RULE}] {path}: unit '{unit}': expected {{si, factor[, offset]}}"
                for unit in conversions if unit not in good]
    return {"unit_conversions": good, "units_without_si": list(data.get("no_si") or [])}, problems
