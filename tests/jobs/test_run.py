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


def _claim_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [row["claim_id"] for row in csv.DictReader(handle)]


def _status(path: Path, claim_id: str) -> str:
    with path.open(encoding="utf-8") as handle:
        return next(row["review_status"] for row in csv.DictReader(handle) if row["claim_id"] == claim_id)


def test_verdicts_typed_in_either_table_reach_the_other_on_the_next_run(tmp_path, resources):
    from tests.reviewer_edits import review
    folder, out = _folder(tmp_path), tmp_path / "out"
    run_paths([folder], out, resources, lambda line: None)
    on_a, on_c = _claim_ids(out / "a.claims.csv")[0], _claim_ids(out / "c.claims.csv")[0]
    review(out / "claims.csv", {on_a: {"review_status": "verified"}})
    review(out / "c.claims.csv", {on_c: {"review_status": "false"}})
    summary = run_paths([folder], out, resources, lambda line: None)
    assert summary.failures == []
    assert _status(out / "a.claims.csv", on_a) == "verified" and _status(out / "claims.csv", on_a) == "verified"
    assert _status(out / "c.claims.csv", on_c) == "false" and _status(out / "claims.csv", on_c) == "false"


def test_two_verdicts_for_one_claim_in_the_two_tables_are_an_e032_and_neither_is_lost(tmp_path, resources):
    from tests.reviewer_edits import review
    folder, out = _folder(tmp_path), tmp_path / "out"
    run_paths([folder], out, resources, lambda line: None)
    on_a = _claim_ids(out / "a.claims.csv")[0]
    review(out / "claims.csv", {on_a: {"review_status": "verified"}})
    review(out / "a.claims.csv", {on_a: {"review_status": "false"}})
    summary = run_paths([folder], out, resources, lambda line: None)
    assert summary.failures == [f"[E032] {out / 'a.claims.csv'}: claim {on_a} review_status: 'false' here but "
                                f"'verified' in {out / 'claims.csv'}; settle it in one file and run again (nothing written)"]
    assert _status(out / "a.claims.csv", on_a) == "false" and _status(out / "claims.csv", on_a) == "verified"


def test_a_reviewed_file_without_article_ids_merged_into_a_fresh_folder_adds_no_rows(tmp_path, resources):
    from pipeline.output.write import read_reviewed
    folder, first, fresh = _folder(tmp_path), tmp_path / "first", tmp_path / "fresh"
    run_paths([folder], first, resources, lambda line: None)
    claim_ids = _claim_ids(first / "claims.csv")
    verdicts = tmp_path / "verdicts.csv"
    verdicts.write_text(f"claim_id,review_status\n{claim_ids[0]},verified\n", encoding="utf-8")
    copy, problems = read_reviewed(verdicts)
    summary = run_paths([folder], fresh, resources, lambda line: None, [copy])
    assert problems == [] and summary.failures == []
    assert _claim_ids(fresh / "claims.csv") == claim_ids
    assert _status(fresh / "claims.csv", claim_ids[0]) == "verified"


def test_a_dump_of_many_bad_lines_is_listed_as_it_goes_and_capped(tmp_path, resources):
    import gzip
    dump, out, seen_on_disk = tmp_path / "feed.jsonl.gz", tmp_path / "out", []
    with gzip.open(dump, "wt", encoding="utf-8") as handle:
        handle.write('{"id": "good", "text": "Exports rose 12 percent in 2023."}\n' + "{not json\n" * 3000)

    def report(line: str) -> None:
        if line.startswith("[E007]") and not seen_on_disk:  # the first failure is already in the file
            seen_on_disk.append((out / "failures.csv").read_text(encoding="utf-8"))

    summary = run_paths([dump], out, resources, report)
    assert summary.failed == 3000 and summary.articles == 1
    assert summary.failures[-1] == f"... and 2,990 more E007 in {dump}" and len(summary.failures) == 11
    assert seen_on_disk and f"{dump}:2,E007," in seen_on_disk[0]
    with (out / "failures.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 11
