"""Arithmetic checks between the figures of one article: totals against their parts, growth rates
against levels, "from A to B" against the stated change, shares adding to more than 100 percent,
"doubled" against its two values, one measure stated with two values, million/billion slips and
date arithmetic.

Every check is named, its parameters (tolerances, cue words) live in ``rules/consistency.yml``,
and its result goes to the ``flags`` column with the numbers it used, e.g.
``consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)``. Matching "the same measure" is kept
conservative (same subject, unit and period), because a false alarm costs a reviewer time.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from pipeline.checks.kinds import CHECKS
from pipeline.checks.view import article_view
from pipeline.errors import E_RULE, rule_problems
from pipeline.records import Claim, DateMention
from pipeline.rules import RULES_DIR

CONSISTENCY_FILE = RULES_DIR / "consistency.yml"
CHECK_KEYS = {"id", "doc", "params", "examples", "counter_examples"}
EXAMPLE_KEYS = {"text", "figure", "flag", "published"}


@dataclass(frozen=True)
class Check:
    id: str
    doc: str
    params: dict[str, Any]
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Checks:
    """rules/consistency.yml: the checks, and the words of "from A to B" they share."""

    checks: tuple[Check, ...]
    from_to: dict[str, list[str]]


def check_consistency(claims: Sequence[Claim], dates: Sequence[DateMention], checks: Checks,
                      number_words: dict[str, float]) -> tuple[Claim, ...]:
    """The article's claims with each check's results appended to the ``flags`` of the claims
    they concern. Pure: the same claims and dates always give the same flags."""
    view = article_view(claims, dates, number_words, checks.from_to)
    flags: dict[str, dict[str, None]] = defaultdict(dict)  # an ordered set per claim
    for check in checks.checks:
        for finding in CHECKS[check.id](view, check.params):
            for claim_id in finding.claim_ids:
                flags[claim_id][f"consistency:{check.id}:{finding.flag}"] = None
    return tuple(replace(c, flags=";".join([*filter(None, c.flags.split(";")), *flags[c.claim_id]]))
                 if flags.get(c.claim_id) else c for c in claims)


def load_checks(path: Path = CONSISTENCY_FILE) -> Checks:
    checks, problems = read_checks(path)
    if problems:
        raise rule_problems(str(path), problems)
    return checks


def read_checks(path: Path = CONSISTENCY_FILE) -> tuple[Checks, list[str]]:
    """The checks and every problem with them: unknown keys, unknown or missing check ids,
    missing examples or counter-examples."""
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return Checks((), {}), [f"[{E_RULE}] {where}: cannot read ({' '.join(str(error).split())})"]
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        return Checks((), {}), [f"[{E_RULE}] {where}: expected a mapping with a 'checks' list"]
    from_to = data.get("from_to") or {}
    problems = [] if set(from_to) == {"from", "to"} else [f"[{E_RULE}] {where}: 'from_to' needs lists 'from' and 'to'"]
    checks = []
    for raw in data["checks"]:
        if not isinstance(raw, dict) or raw.get("id") not in CHECKS:
            problems.append(f"[{E_RULE}] {where}: unknown check {raw.get('id') if isinstance(raw, dict) else raw!r}"
                            f" (known: {', '.join(CHECKS)})")
            continue
        name = f"{where} check '{raw['id']}'"
        problems += [f"[{E_RULE}] {name}: unknown key '{k}'" for k in sorted(set(raw) - CHECK_KEYS)]
        examples, counters = raw.get("examples") or [], raw.get("counter_examples") or []
        if not examples or not counters:
            problems.append(f"[{E_RULE}] {name}: needs examples and counter_examples")
        for example in [*examples, *counters]:
            if not isinstance(example, dict) or "text" not in example or set(example) - EXAMPLE_KEYS:
                problems.append(f"[{E_RULE}] {name}: an example needs 'text' (and 'figure', 'flag'): {example!r}")
        checks.append(Check(raw["id"], raw.get("doc", ""), dict(raw.get("params") or {}),
                            tuple(examples), tuple(counters)))
    missing = set(CHECKS) - {c.id for c in checks}
    problems += [f"[{E_RULE}] {where}: check '{name}' is not configured" for name in sorted(missing)]
    return Checks(tuple(checks), {k: list(v) for k, v in from_to.items()}), problems

