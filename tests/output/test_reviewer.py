"""Reviewer work is never lost: merging a reviewed copy from anywhere, review statuses checked with
file and line, writes that die half-way, and round trips through pandas."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import E_REVIEW_CONFLICT, E_REVIEW_STATUS, PipelineError
from tests.reviewer_edits import claims_frame, read_raw, review

from pipeline.records import CLAIM_COLUMNS, REVIEW_COLUMNS, Claim
from pipeline.output import write
from pipeline.output.reviewer import ReviewedFile, record_lines
from pipeline.output.write import read_claims, read_reviewed, rewrite_claims, write_claims

REPO = Path(__file__).resolve().parents[2]


def claim(claim_id: str, article_id: str = "a", start: int = 0, **fields: object) -> Claim:
    defaults: dict = dict(sentence_index=0, end=start + 3, kind="money", text="$5m", value="5000000")
    return Claim(claim_id=claim_id, article_id=article_id, start=start, **{**defaults, **fields})





def reviewer_cells(path: Path) -> set[tuple[str, str, str]]:
    """Every non-empty cell a person typed: reviewer columns and columns the pipeline does not write."""
    frame = read_claims(path)
    kept = [c for c in frame.columns if c in REVIEW_COLUMNS or c not in CLAIM_COLUMNS]
    return {(row["claim_id"], c, row[c]) for row in frame.to_dict("records") for c in kept if row[c]}


# --- merging a reviewed copy ---------------------------------------------------------------------


def test_merge_carries_a_reviewed_copy_into_a_fresh_output(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "reviewed.csv"
    write_claims(copy, [claim("c1"), claim("c2", start=10), claim("gone", start=20)])
    review(copy, {"c1": {"review_status": "verified", "reviewer": "ana", "source_page": "p. 4"},
                "gone": {"review_status": "false"}})
    reviewed, problems = read_reviewed(copy)
    assert problems == []

    out = tmp_path / "out" / "claims.csv"
    report = write_claims(out, [claim("c1"), claim("c2", start=10)], reviewed=[reviewed])

    assert (report.rows, report.carried, report.stale) == (3, 1, 1)
    frame = read_raw(out)
    assert tuple(frame.columns) == CLAIM_COLUMNS + ("source_page",)
    rows = {r["claim_id"]: r for r in frame.to_dict("records")}
    assert (rows["c1"]["review_status"], rows["c1"]["reviewer"], rows["c1"]["source_page"]) == ("verified", "ana", "p. 4")
    assert (rows["gone"]["review_status"], rows["gone"]["flags"]) == ("false", "stale")
    assert rows["c2"]["review_status"] == ""


def test_merge_fills_the_in_place_file_and_refuses_a_conflict(tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    write_claims(out, [claim("c1"), claim("c2", start=10)])
    review(out, {"c1": {"reviewer": "ana"}})
    copy = tmp_path / "copy.csv"
    copy.write_text("claim_id,review_status,reviewer\nc1,verified,\nc2,misleading,bo\n", encoding="utf-8")

    write_claims(out, [claim("c1"), claim("c2", start=10)], reviewed=[read_reviewed(copy)[0]])
    assert reviewer_cells(out) == {("c1", "reviewer", "ana"), ("c1", "review_status", "verified"),
                                   ("c2", "review_status", "misleading"), ("c2", "reviewer", "bo")}

    copy.write_text("claim_id,reviewer\nc1,carl\n", encoding="utf-8")
    before = out.read_bytes()
    with pytest.raises(PipelineError) as caught:
        write_claims(out, [claim("c1")], reviewed=[read_reviewed(copy)[0]])
    assert caught.value.code == E_REVIEW_CONFLICT
    assert "c1" in str(caught.value) and "'ana'" in str(caught.value) and "'carl'" in str(caught.value)
    assert out.read_bytes() == before


def test_rows_of_articles_not_in_this_run_are_kept_from_the_copy(tmp_path: Path) -> None:
    copy = tmp_path / "copy.csv"
    write_claims(copy, [claim("a1", "a"), claim("b1", "b")])
    review(copy, {"b1": {"review_status": "unverifiable"}})
    out = tmp_path / "claims.csv"
    write_claims(out, [claim("a1", "a")], articles={"a"}, reviewed=[read_reviewed(copy)[0]])
    rows = {r["claim_id"]: r for r in read_raw(out).to_dict("records")}
    assert (rows["b1"]["review_status"], rows["b1"]["flags"]) == ("unverifiable", "")


def test_for_claims_selects_an_articles_rows_and_rows_known_only_by_id() -> None:
    copy = ReviewedFile(Path("r.csv"), ({"claim_id": "x", "article_id": "a"}, {"claim_id": "y", "article_id": "b"},
                                        {"claim_id": "z"}, {"claim_id": "w"}))
    assert [r["claim_id"] for r in copy.for_claims("a", {"z"}).rows] == ["x", "z"]


# --- review statuses -----------------------------------------------------------------------------


def test_unknown_review_status_is_reported_with_file_and_line_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1", sentence="two\nlines"), claim("c2", start=10), claim("c3", start=20)])
    review(path, {"c1": {"review_status": "verified"}, "c2": {"review_status": "Verified"},
                "c3": {"review_status": "maybe"}})
    assert record_lines(path) == [2, 4, 5]  # c1's sentence cell spans two lines

    report = write_claims(path, [claim("c1", sentence="two\nlines"), claim("c2", start=10), claim("c3", start=20)])

    assert len(report.problems) == 2
    first, second = report.problems
    assert first.startswith(f"[{E_REVIEW_STATUS}] {path}:4: claim c2") and "did you mean 'verified'" in first
    assert second.startswith(f"[{E_REVIEW_STATUS}] {path}:5: claim c3") and "'maybe'" in second
    statuses = dict(zip(read_raw(path)["claim_id"], read_raw(path)["review_status"]))
    assert statuses == {"c1": "verified", "c2": "Verified", "c3": "maybe"}


def test_read_reviewed_reports_statuses_of_the_copy(tmp_path: Path) -> None:
    copy = tmp_path / "copy.csv"
    copy.write_text("claim_id,review_status\nc1,not_a_claim\nc2,fals\nc3,\nc4,unreviewed\n", encoding="utf-8")
    reviewed, problems = read_reviewed(copy)
    assert len(reviewed.rows) == 4
    assert len(problems) == 1 and f"{copy}:3" in problems[0] and "'fals'" in problems[0]


# --- properties ----------------------------------------------------------------------------------

POOL = [claim(f"c{i}", article_id=f"a{i % 2}", start=i * 7, value=str(i), text=f"+figure {i}") for i in range(6)]
EDITABLE = [*REVIEW_COLUMNS, "note_2"]
cell = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
               min_size=1, max_size=8)
step = st.one_of(
    st.tuples(st.just("run"), st.sets(st.integers(0, len(POOL) - 1))),
    st.tuples(st.just("edit"), st.tuples(st.integers(0, len(POOL) - 1), st.sampled_from(EDITABLE), cell)),
    st.tuples(st.just("merge"), st.tuples(st.integers(0, len(POOL) - 1), st.sampled_from(EDITABLE), cell),
              st.sets(st.integers(0, len(POOL) - 1))),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=8))
def test_reviewer_cells_before_equal_reviewer_cells_after(tmp_path_factory, steps) -> None:
    """Runs, in-place edits and merges of an edited copy in any order: after every write the
    reviewer cells are exactly those that existed before it (in the file and in the copy); a
    write that would have to choose between two values writes nothing."""
    folder = tmp_path_factory.mktemp("review")
    path, copy = folder / "claims.csv", folder / "copy.csv"
    write_claims(path, POOL)
    for action, *args in steps:
        if action == "run":
            before = reviewer_cells(path)
            write_claims(path, [POOL[i] for i in sorted(args[0])])
            assert reviewer_cells(path) == before
        elif action == "edit":
            index, column, value = args[0]
            if POOL[index].claim_id in set(read_raw(path)["claim_id"]):
                review(path, {POOL[index].claim_id: {column: value}})
        else:
            (index, column, value), subset = args
            copy.write_bytes(path.read_bytes())
            review(copy, {POOL[index].claim_id: {column: value}})
            before_file = path.read_bytes()
            before = reviewer_cells(path) | reviewer_cells(copy)
            try:
                write_claims(path, [POOL[i] for i in sorted(subset)], reviewed=[read_reviewed(copy)[0]])
            except PipelineError as error:
                assert error.code == E_REVIEW_CONFLICT
                assert path.read_bytes() == before_file
            else:
                assert reviewer_cells(path) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(POOL) - 1), st.sampled_from(EDITABLE), cell), max_size=6),
       scribble=cell)
def test_rewriting_pipeline_columns_never_touches_reviewer_cells(tmp_path_factory, edits, scribble) -> None:
    """``rewrite_claims`` (what ``claims verify`` writes through) puts every reviewer cell back,
    even when the update scribbles over every column."""
    path = tmp_path_factory.mktemp("rewrite") / "claims.csv"
    write_claims(path, POOL)
    for index, column, value in edits:
        review(path, {POOL[index].claim_id: {column: value}})
    before = reviewer_cells(path)

    rewrite_claims(path, lambda rows: [{**{c: scribble for c in row}, "claim_id": row["claim_id"]} for row in rows])

    assert reviewer_cells(path) == before
    assert set(read_claims(path)["reference_status"]) == {scribble}


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20)


@settings(max_examples=60, deadline=None)
@given(cells=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=5))
def test_round_trip_through_pandas_keeps_every_cell_and_the_column_order(tmp_path_factory, cells) -> None:
    path = tmp_path_factory.mktemp("round") / "claims.csv"
    claims = [claim(f"c{i}", start=i, text=text, subject=subject, sentence=sentence)
              for i, (text, subject, sentence) in enumerate(cells)]
    write_claims(path, claims)
    assert path.read_bytes().decode("utf-8")  # UTF-8 throughout
    assert read_claims(path).equals(claims_frame(claims))
    write_claims(path, claims)
    assert tuple(read_raw(path).columns) == CLAIM_COLUMNS
    assert read_claims(path).equals(claims_frame(claims))


# --- writes that die half-way --------------------------------------------------------------------


def test_writer_raising_after_partial_output_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1")])
    review(path, {"c1": {"review_status": "verified"}})
    before = path.read_bytes()
    real_write_rows = write.write_rows

    def write_half_then_raise(handle, rows, columns, header=True) -> int:
        real_write_rows(handle, rows[:len(rows) // 2 + 1], columns, header)
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "write_rows", write_half_then_raise)
    with pytest.raises(KeyboardInterrupt):
        write_claims(path, [claim("c1"), claim("c2", start=5), claim("c3", start=9)])
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]


LARGE_WRITE = """
import sys
from pathlib import Path
from pipeline.records import Claim
from pipeline.output.write import write_claims
sentence = "In 2023, bilateral trade grew to $240 billion, surpassing the mark. " * 12
claims = [Claim(claim_id=f"{i:012x}", article_id="big", sentence_index=i, start=i, end=i + 3, kind="money",
                text="$5m", value=str(i), sentence=sentence) for i in range(int(sys.argv[2]))]
write_claims(Path(sys.argv[1]), claims)
"""


def test_a_writer_killed_during_a_large_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1")])
    review(path, {"c1": {"review_status": "verified", "review_note": "checked"}})
    before = path.read_bytes()
    writer = subprocess.Popen([sys.executable, "-c", LARGE_WRITE, str(path), "60000"], cwd=REPO)
    try:
        temp = None
        deadline = time.monotonic() + 120
        while temp is None and writer.poll() is None and time.monotonic() < deadline:
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and p.stat().st_size > 0]
            temp = temps[0] if temps else None
        assert temp is not None, "the writer finished before it could be caught mid-way"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert ("c1", "review_status", "verified") in reviewer_cells(path)
    report = write_claims(path, [claim("c1")])  # a leftover temp file does not block the next write
    assert report.carried == 1
