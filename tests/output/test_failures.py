"""failures.csv: a row per failure as it happens, repeats of one code in one file capped."""
from __future__ import annotations

import csv
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.output.failures import MAX_REPEATS, FailureList, failure_file


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_failure_is_on_disk_as_soon_as_it_is_added(tmp_path: Path) -> None:
    path = tmp_path / "failures.csv"
    failures = FailureList(path)
    assert failures.add(PipelineError("E002", "news/a.txt", "empty file"))
    assert _rows(path) == [{"path": "news/a.txt", "code": "E002", "message": "empty file"}]
    assert failures.close() == []


def test_repeats_of_one_code_in_one_file_are_counted_not_listed(tmp_path: Path) -> None:
    path = tmp_path / "failures.csv"
    failures = FailureList(path)
    listed = [failures.add(PipelineError("E007", f"feed.jsonl:{n}", "invalid JSON")) for n in range(1, 2001)]
    assert failures.add(PipelineError("E002", "feed.jsonl", "empty"))  # another code: listed
    assert listed == [True] * MAX_REPEATS + [False] * (2000 - MAX_REPEATS) and failures.count == 2001
    assert failures.close() == ["... and 1,990 more E007 in feed.jsonl"]
    rows = _rows(path)
    assert len(rows) == MAX_REPEATS + 2 and rows[-1] == {"path": "feed.jsonl", "code": "E007",
                                                         "message": "... and 1,990 more E007 in feed.jsonl"}


def test_a_failure_names_its_file_without_the_line() -> None:
    assert failure_file("dumps/feed.jsonl.gz:1999") == "dumps/feed.jsonl.gz"
    assert failure_file("news/a.txt") == "news/a.txt"
