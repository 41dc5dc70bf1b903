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

from pipeline.checks.kinds import CHECKS
from pipeline.checks.view import article_view
from pipeline.records import Claim, DateMention
from pipeline.rules import CONSISTENCY_FILE, RULES_DIR, load_consistency


@dataclass(frozen=True)
class Check:
    """One check of rules/consistency.yml: its id (the function that runs it, in CHECKS), what it
    does, its parameters (tolerances, cue words) and the examples the tests run."""

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


def load_checks(path: Path = RULES_DIR / CONSISTENCY_FILE) -> Checks:
    """The checks of rules/consistency.yml, ready to run on every article. The rule loader has
    validated the file; a broken one is one coded error listing all its problems."""
    data = load_consistency(path)
    checks = tuple(Check(c["id"], c["doc"], c["params"], tuple(c["examples"]), tuple(c["counter_examples"]))
                   for c in data["checks"])
    return Checks(checks, data["from_to"])
