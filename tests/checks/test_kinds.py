"""The consistency checks themselves: one function for every check id the rule loader accepts."""
from __future__ import annotations

from pipeline.checks.kinds import CHECKS
from pipeline.rules import CHECK_IDS


def test_every_check_id_has_its_function_in_the_same_order() -> None:
    assert tuple(CHECKS) == CHECK_IDS
