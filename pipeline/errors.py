"""Coded, searchable error messages: every problem a user can hit has a code and names its file."""
from __future__ import annotations

import os
import traceback
from pathlib import PurePath


class PipelineError(Exception):
    """An error a user can act on; ``str()`` is one line: ``[E001] path: what is wrong``."""

    def __init__(self, code: str, where: str, message: str):
        self.code = code
        self.where = where
        self.message = message
        super().__init__(f"[{code}] {where}: {message}")


class InternalError(PipelineError):
    """An unexpected exception met while handling one input, turned into that input's failure so
    the batch goes on: ``[E090] news/a.txt: internal error in claims.speakers: IndexError: list
    index out of range``. ``trace`` is the full traceback, for the run's ``errors.log``."""

    def __init__(self, where: str, stage: str, detail: str, trace: str):
        self.stage = stage
        self.detail = detail
        self.trace = trace
        super().__init__(E_INTERNAL, where, f"internal error in {stage}: {detail}")

    def __reduce__(self):
        # Rebuilt from its fields, so that it crosses from a worker process to the run.
        return InternalError, (self.where, self.stage, self.detail, self.trace)


def internal_error(where: str, error: Exception) -> InternalError:
    """The failure of one input for an exception nobody expected; its stage is the innermost
    module of this package the exception passed through ("claims.speakers", "nlp.parse")."""
    ours = [frame.filename for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.startswith(_PACKAGE_DIR)]
    stage = _module_of(ours[-1]) if ours else "pipeline"
    detail = " ".join(f"{type(error).__name__}: {error}".split())[:300]
    return InternalError(where, stage, detail, "".join(traceback.format_exception(error)))


def _module_of(filename: str) -> str:
    """``<package>/claims/speakers.py`` -> ``claims.speakers``."""
    return str(PurePath(filename).relative_to(_PACKAGE_DIR).with_suffix("")).replace(os.sep, ".")


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
"""Where this package's files are, to tell its frames in a traceback from the libraries'."""


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
E_OUTPUT_LOCKED = "E033"
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
# Anything else
E_INTERNAL = "E090"
