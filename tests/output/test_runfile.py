"""The run record ``claims.jsonl``: written atomically, read back line by line, every line that is
not a record reported under the reader's code and skipped, never a crash."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from pipeline.errors import E_REPORT, E_SHARD, PipelineError
from pipeline.output.runfile import read_records, readable_records, record_claims, write_records
from pipeline.records import Claim

CLAIM = Claim(claim_id="c1", article_id="a", sentence_index=0, start=0, end=3, kind="money", text="$5m", value="5000000")
RECORD = {"id": "a", "figures": [], "dates": [], "claims": [asdict(CLAIM)]}


def read(path: Path, **options) -> tuple[list[tuple[str, object]], list[PipelineError]]:
    """What ``read_records`` yields from ``path`` under E070, and what it reports."""
    problems: list[PipelineError] = []
    return list(read_records(path, E_REPORT, problems.append, **options)), problems


def test_write_records(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "claims.jsonl"
    records = [{"id": "c1", "text": "5 €"}, {"id": "c2", "n": -5}]
    write_records(path, records)
    assert path.read_text(encoding="utf-8") == '{"id": "c1", "text": "5 €"}\n{"id": "c2", "n": -5}\n'
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == records


def test_failed_write_leaves_old_file(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    write_records(path, [{"id": "c1"}])
    with pytest.raises(TypeError):
        write_records(path, [{"id": "c2"}, {"bad": object()}])
    assert path.read_text(encoding="utf-8") == '{"id": "c1"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]


def test_records_are_read_back_as_written_with_where_they_stand(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    records = [RECORD, {"id": "b", "text": "a line\u2028and a paragraph\u2029in one text\x85"}]
    write_records(path, records)
    assert read(path) == ([(f"{path}:1", RECORD), (f"{path}:2", records[1])], [])
    assert list(readable_records(path)) == records


def test_a_bad_json_line_is_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(f'{json.dumps(RECORD)}\n{{"id": "half\n{json.dumps(RECORD)}\n', encoding="utf-8")
    records, problems = read(path)
    assert [where for where, _ in records] == [f"{path}:1", f"{path}:3"]
    assert [str(problem) for problem in problems] == [
        f"[E070] {path}:2: not an article record of a run, skipped "
        "(JSONDecodeError: Invalid control character at: line 1 column 13 (char 12))"]
    assert len(list(readable_records(path))) == 2  # the same lines, nothing reported


def test_a_line_that_is_not_an_article_record_is_reported_with_the_callers_code_and_message(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    write_records(path, [RECORD, {"id": "broken"}])
    problems: list[PipelineError] = []
    records = list(read_records(path, E_SHARD, problems.append, parse=record_claims,
                                message=lambda error: "not an article record of claims run"))
    assert records == [(f"{path}:1", [CLAIM])]
    assert [str(problem) for problem in problems] == [f"[E061] {path}:2: not an article record of claims run"]


def test_a_line_that_is_no_json_object_is_reported_by_default(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text('[1, 2]\n"text"\n{"id": "a"}\n', encoding="utf-8")
    records, problems = read(path)
    assert records == [(f"{path}:3", {"id": "a"})]
    assert [problem.where for problem in problems] == [f"{path}:1", f"{path}:2"]
    assert problems[0].message == "not an article record of a run, skipped (TypeError: a JSON list, not an object)"


def test_what_a_parse_rejects_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    write_records(path, [{"id": "a"}, {"article": "no id"}, {"id": "b"}])
    records, problems = read(path, parse=lambda record: record["id"])
    assert records == [(f"{path}:1", "a"), (f"{path}:3", "b")]
    assert [(problem.code, problem.where, problem.message) for problem in problems] == [
        (E_REPORT, f"{path}:2", "not an article record of a run, skipped (KeyError: 'id')")]


def test_a_line_that_is_not_utf8_costs_its_own_record_only(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "\xff"}\n{"id": "b"}\n')
    records, problems = read(path)
    assert [record for _, record in records] == [{"id": "a"}, {"id": "b"}]
    assert [problem.where for problem in problems] == [f"{path}:2"]
    assert "UnicodeDecodeError" in problems[0].message


def test_json_nested_too_deep_is_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + '\n{"id": "a"}\n', encoding="utf-8")
    records, problems = read(path)
    assert records == [(f"{path}:2", {"id": "a"})]
    assert [problem.where for problem in problems] == [f"{path}:1"]


def test_blank_lines_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text('\n{"id": "a"}\n  \n\n{"id": "b"}\n', encoding="utf-8")
    assert read(path) == ([(f"{path}:2", {"id": "a"}), (f"{path}:5", {"id": "b"})], [])


def test_a_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "claims.jsonl"
    records, problems = read(path)
    assert records == []
    assert [str(problem) for problem in problems] == [f"[E070] {path}: cannot be read (No such file or directory)"]
    assert list(readable_records(path)) == []


def test_a_folder_in_the_files_place_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.mkdir()
    records, problems = read(path)
    assert records == [] and [problem.where for problem in problems] == [str(path)]


def test_record_claims_rebuilds_the_claims_of_an_article_record() -> None:
    assert record_claims(RECORD) == [CLAIM]
    for not_a_record in ([RECORD], {"id": 5, "figures": [], "dates": [], "claims": []}, {**RECORD, "dates": None},
                         {"id": "a", "figures": [], "dates": []}):
        with pytest.raises(ValueError):
            record_claims(not_a_record)
    with pytest.raises(TypeError):
        record_claims({**RECORD, "claims": [{"claim_id": "c1"}]})
