"""The failures of a run, written to ``failures.csv`` as they happen, with repeats of one problem in one file capped.

A dump of two million bad lines is two million E007 of one file: the first ``MAX_REPEATS`` of
them are listed and reported, the rest counted, and one closing row says how many more there
were ("... and 1,999,990 more E007 in feed.jsonl.gz"). Nothing is held per failure, so memory
stays flat however many inputs fail, and a run killed half-way leaves the failures it met.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.output.write import CSV_NEWLINE, neutralize

FAILURE_COLUMNS = ("path", "code", "message")

MAX_REPEATS = 10
"""Failures of one code in one file listed one by one; the others are counted."""


def failure_file(where: str) -> str:
    """The file a failure is in: ``feed.jsonl:5`` (a line of a dump) -> ``feed.jsonl``."""
    return re.sub(r":\d+$", "", where)


class FailureList:
    """This run's ``failures.csv`` (``path,code,message``), a row written and flushed per listed
    failure. The file is started empty when the run starts, so that an old list is never
    mistaken for this run's; a file that cannot be written is reported once and the run goes on."""

    def __init__(self, path: Path | None, report: Callable[[str], None] = lambda line: None):
        self.path = path
        self.count = 0
        """Every failure added, listed or not."""
        self._repeats: Counter[tuple[str, str]] = Counter()
        self._handle = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._handle, lineterminator=CSV_NEWLINE)
            self._write(FAILURE_COLUMNS)
        except OSError as error:
            self._handle = None
            report(f"{path}: cannot write the list of failures ({error.strerror})")

    def add(self, error: PipelineError) -> bool:
        """Count a failure and list it if it is one of the first ``MAX_REPEATS`` of its code in
        its file; True if it was listed (and so is to be reported)."""
        self.count += 1
        key = (failure_file(error.where), error.code)
        self._repeats[key] += 1
        if self._repeats[key] > MAX_REPEATS:
            return False
        self._write((neutralize(error.where), error.code, neutralize(error.message)))
        return True

    def close(self) -> list[str]:
        """Finish the list: one row per file and code with failures not listed, whose lines
        ("... and 1,999,990 more E007 in feed.jsonl") are returned to be reported."""
        lines = []
        for (where, code), seen in self._repeats.items():
            if seen > MAX_REPEATS:
                line = f"... and {seen - MAX_REPEATS:,} more {code} in {where}"
                self._write((neutralize(where), code, line))
                lines.append(line)
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        return lines

    def _write(self, row: tuple[str, ...]) -> None:
        if self._handle is not None:
            self._writer.writerow(row)
            self._handle.flush()
