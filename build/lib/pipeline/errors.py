"""Coded, searchable error messages: every problem a user can hit has a code and names its file."""
from __future__ import annotations


class PipelineError(Exception):
    """An error a user can act on; ``str()`` is one line: ``[E001] path: what is wrong``."""

    def __init__(self, code: str, where: str, message: str):
        self.code = code
        self.where = where
        self.message = message
        super().__init__(f"[{code}] {where}: {message}")


# Input files
E_MISSING = "E001"
E_EMPTY = "E002"
E_BINARY = "E003"
E_ENCODING = "E004"
E_META = "E005"
E_TOO_LARGE = "E006"
E_INPUT_JSON = "E007"
E_DUPLICATE_ID = "E008"
# Rules
E_RULE = "E010"


def rule_problems(where: str, problems: list[str]) -> PipelineError:
    """One error that lists every problem found in a rule file or folder, so all are fixed at once."""
    return PipelineError(E_RULE, where, f"{len(problems)} problem(s):\n" + "\n".join(problems))
# Gold corpus
E_GOLD = "E020"
# Output
E_OUTPUT = "E030"
# Reviewer data
E_REVIEW_STATUS = "E031"
E_REVIEW_CONFLICT = "E032"
# Input formats
E_DUPLICATE_TEXT = "E040"
E_COMPRESSED = "E041"
E_NO_TEXT = "E042"
E_HTML = "E043"
E_FRONT_MATTER = "E044"
# Reference facts
E_REFERENCE = "E050"
# Distributed runs
E_CLUSTER = "E060"
E_SHARD = "E061"
# Review pages
E_REPORT = "E070"
