"""Reads and validates ``rules/consistency.yml``: the parameters, examples and counter-examples of
each consistency check, and the words of "from A to B" the checks share. The checks themselves
are ``pipeline/checks/kinds.py``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE, PipelineError, rule_problems
from pipeline.rules.files import read_yaml

CONSISTENCY_FILE = "consistency.yml"
CHECK_IDS = ("sum-of-parts", "growth-vs-levels", "from-to-change", "shares-over-100", "doubled-halved",
             "same-measure-two-values", "scale-slip", "date-arithmetic")
"""Every check the pipeline has (``pipeline/checks/kinds.py`` has a function for each); each must be
configured, and the file's order is the order they run in."""
CHECK_KEYS = {"id", "doc", "params", "examples", "counter_examples"}
EXAMPLE_KEYS = {"text", "figure", "flag", "published"}


def load_consistency(path: Path) -> dict[str, Any]:
    """The checks of ``consistency.yml`` for the checks to run; a file with problems is one coded
    error that lists them all, so they are fixed at once."""
    data, problems = read_consistency(path)
    if problems:
        raise rule_problems(str(path), problems)
    return data


def read_consistency(path: Path) -> tuple[dict[str, Any], list[str]]:
    """``{"checks": [...], "from_to": {"from": [...], "to": [...]}}``, each check a mapping with
    every key of CHECK_KEYS (``params`` {} and the examples [] where the file has none), and every
    problem: unknown keys, unknown or missing check ids, missing examples or counter-examples. A
    check with an unknown id is left out."""
    where = path.name
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {"checks": [], "from_to": {}}, [str(err)]
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        return {"checks": [], "from_to": {}}, [f"[{E_RULE}] {where}: expected a mapping with a 'checks' list"]
    from_to = data.get("from_to")
    problems = []
    if not (isinstance(from_to, dict) and set(from_to) == {"from", "to"}
            and all(isinstance(words, list) for words in from_to.values())):
        problems.append(f"[{E_RULE}] {where}: 'from_to' needs lists 'from' and 'to'")
        from_to = {}
    checks = []
    for raw in data["checks"]:
        if not isinstance(raw, dict) or raw.get("id") not in CHECK_IDS:
            problems.append(f"[{E_RULE}] {where}: unknown check {raw.get('id') if isinstance(raw, dict) else raw!r}"
                            f" (known: {', '.join(CHECK_IDS)})")
            continue
        name = f"{where} check '{raw['id']}'"
        problems += [f"[{E_RULE}] {name}: unknown key '{k}'" for k in sorted(set(raw) - CHECK_KEYS)]
        examples, counters = raw.get("examples") or [], raw.get("counter_examples") or []
        if not examples or not counters:
            problems.append(f"[{E_RULE}] {name}: needs examples and counter_examples")
        for example in [*examples, *counters]:
            if not isinstance(example, dict) or "text" not in example or set(example) - EXAMPLE_KEYS:
                problems.append(f"[{E_RULE}] {name}: an example needs 'text' (and 'figure', 'flag'): {example!r}")
        checks.append({"id": raw["id"], "doc": raw.get("doc", ""), "params": dict(raw.get("params") or {}),
                       "examples": list(examples), "counter_examples": list(counters)})
    missing = set(CHECK_IDS) - {c["id"] for c in checks}
    problems += [f"[{E_RULE}] {where}: check '{name}' is not configured" for name in sorted(missing)]
    return {"checks": checks, "from_to": {k: list(v) for k, v in from_to.items()}}, problems
