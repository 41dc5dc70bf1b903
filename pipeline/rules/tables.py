"""Reads the data tables of ``rules/`` that describe claims rather than find figures: who counts
as an entity, how speech is cued, what makes a claim worth checking."""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import E_RULE, PipelineError
from pipeline.rules.files import read_yaml

TABLE_FILES = ("checkworthy.yml", "entities.yml", "speech.yml")
"""Each is a mapping with a ``doc``, its own keys, and ``examples``/``counter_examples`` that the
tests run."""


def read_tables(rules_dir: Path) -> tuple[dict[str, dict], list[str]]:
    """The tables by stem ("entities", "speech", "checkworthy"), and every problem with them."""
    tables: dict[str, dict] = {}
    problems: list[str] = []
    for name in TABLE_FILES:
        tables[Path(name).stem], found = _read_table(rules_dir / name)
        problems.extend(found)
    return tables, problems


def _read_table(path: Path) -> tuple[dict, list[str]]:
    """One data table, with a problem for each required key it lacks."""
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {}, [str(err)]
    if not isinstance(data, dict):
        return {}, [f"[{E_RULE}] {path.name}: expected a mapping"]
    missing = [key for key in ("doc", "examples", "counter_examples") if not data.get(key)]
    return data, [f"[{E_RULE}] {path.name}: missing or empty '{key}'" for key in missing]
