"""A bug met on one article fails that article only, in every engine: the batch goes on, the failure
is a coded row of failures.csv (E090) and its traceback goes to errors.log."""
from __future__ import annotations

import csv
import json
from functools import partial
from pathlib import Path

import pytest

import pipeline.extract
from pipeline.extract import extract_doc
from pipeline.jobs.parallel import extract_in_processes
from pipeline.jobs.run import ERRORS_LOG, extract_stream, run_paths

STORIES = {"a": "Exports rose 12 percent in 2023.", "b": "Output fell 4 percent, BOOM.",
           "c": "Imports fell 3 percent in 2022."}


@pytest.fixture
def breaks_on_boom(monkeypatch):
    """A pipeline with a bug that only an article saying "BOOM" meets (in worker processes too,
    which are forked from this one)."""
    def broken(doc, article, res):
        if "BOOM" in article.text:
            raise KeyError("boom")
        return extract_doc(doc, article, res)

    monkeypatch.setattr(pipeline.extract, "extract_doc", broken)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _run_goes_on(tmp_path: Path, extract) -> None:
    folder, out, lines = _folder(tmp_path), tmp_path / "out", []
    summary = run_paths([folder], out, extract, lines.append)
    expected = f"[E090] {folder / 'b.txt'}: internal error in extract: KeyError: 'boom'"
    assert summary.failures == [expected] and expected in lines
    assert sorted(p.name for p in out.glob("*claims.csv")) == ["a.claims.csv", "c.claims.csv", "claims.csv"]
    with (out / "claims.csv").open(encoding="utf-8") as handle:
        assert {row["article_id"] for row in csv.DictReader(handle)} == {"a", "c"}
    with (out / "failures.csv").open(encoding="utf-8") as handle:
        assert [row["code"] for row in csv.DictReader(handle)] == ["E090"]
    log = (out / ERRORS_LOG).read_text(encoding="utf-8")
    assert log.startswith(expected + "\nTraceback (most recent call last)") and "KeyError: 'boom'" in log


def test_a_bug_fails_one_article_of_a_run(tmp_path, resources, breaks_on_boom):
    _run_goes_on(tmp_path, resources)


def test_a_bug_fails_one_article_of_a_run_in_worker_processes(tmp_path, breaks_on_boom):
    _run_goes_on(tmp_path, partial(extract_in_processes, model=None, workers=2))


def test_extract_answers_every_line_when_a_bug_meets_one(resources, breaks_on_boom):
    lines = [json.dumps({"id": name, "text": text}) for name, text in STORIES.items()]
    reported: list[str] = []
    records = list(extract_stream(lines, resources, reported.append))
    assert [record["id"] for record in records] == ["a", "b", "c"]
    assert records[1] == {"id": "b", "line": 2, "error": reported[0]}
    assert reported == ["[E090] <stdin>:2: internal error in extract: KeyError: 'boom'"]
    assert [len(record["figures"]) for record in (records[0], records[2])] == [1, 1]
