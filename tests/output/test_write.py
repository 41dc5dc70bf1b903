"""Writing the claims CSV: round trip, formula neutralization, reviewer work kept, atomic writes."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import E_OUTPUT, PipelineError
from tests.reviewer_edits import claims_frame, read_raw, review

from pipeline.records import CLAIM_COLUMNS, REVIEW_COLUMNS, Claim
from pipeline.output import write
from pipeline.output.write import neutralize, read_claims, write_claims


def claim(claim_id: str, article_id: str = "a", start: int = 0, **fields: object) -> Claim:
    defaults: dict = dict(sentence_index=0, end=start + 3, kind="money", text="$5m", value="5000000")
    return Claim(claim_id=claim_id, article_id=article_id, start=start, **{**defaults, **fields})



def row(frame: pd.DataFrame, claim_id: str) -> dict[str, str]:
    rows = frame[frame["claim_id"] == claim_id].to_dict("records")
    assert len(rows) == 1
    return rows[0]


def test_claims_frame_columns_and_order() -> None:
    claims = [
        claim("c4", "b", 0),
        claim("c3", "a", 10, kind="percent"),
        claim("c2", "a", 10, kind="money"),
        claim("c1", "a", 9),
    ]
    frame = claims_frame(claims)
    assert tuple(frame.columns) == CLAIM_COLUMNS
    assert list(frame["claim_id"]) == ["c1", "c2", "c3", "c4"]
    assert (frame[list(REVIEW_COLUMNS)] == "").all().all()
    assert list(frame["start"]) == ["9", "10", "10", "0"]


def test_claims_frame_empty() -> None:
    assert tuple(claims_frame([]).columns) == CLAIM_COLUMNS
    assert claims_frame([]).empty


def test_write_then_read_back_equals(tmp_path: Path) -> None:
    claims = [
        claim("c1", text='He said "5, or 6"', sentence="Line one\nline two, with comma", unit="USD"),
        claim("c2", start=20, value="0.05", value_low="0.04", value_high="0.06", entities="NA;None"),
        claim("c3", start=40, kind="date", value="195X", text="the 1950s", time_value="1960/1989"),
    ]
    path = tmp_path / "out" / "claims.csv"
    report = write_claims(path, claims)
    assert report == type(report)(path=path, rows=3, carried=0, stale=0)
    assert read_raw(path).equals(claims_frame(claims))


def test_formulas_neutralized_in_text_not_in_numbers(tmp_path: Path) -> None:
    claims = [
        claim("c1", text="=HYPERLINK(\"x\")", value="-5", value_low="-7", value_high="-3",
              subject="+1 555", speaker="@handle", sentence="\tindented", rules="-rule"),
        claim("c2", start=10, text="-5 degrees", value="-5", unit="\rodd"),
    ]
    path = tmp_path / "claims.csv"
    write_claims(path, claims)
    first, second = read_raw(path).to_dict("records")
    assert first["text"] == "'=HYPERLINK(\"x\")"
    assert (first["subject"], first["speaker"], first["sentence"], first["rules"]) == (
        "'+1 555", "'@handle", "'\tindented", "'-rule",
    )
    assert (first["value"], first["value_low"], first["value_high"]) == ("-5", "-7", "-3")
    assert (second["text"], second["value"], second["unit"]) == ("'-5 degrees", "-5", "'\rodd")


@pytest.mark.parametrize("cell", ["'@home", "''=1", "'-", "'plain", "'"])
def test_a_cell_that_starts_like_a_neutralized_one_reads_back_as_written(tmp_path: Path, cell: str) -> None:
    """A quote the text itself opens with ("'@home" in a quoted handle) is not the writer's."""
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1", sentence=cell)])
    assert read_claims(path)["sentence"].tolist() == [cell]


def test_rewriting_does_not_stack_quotes(tmp_path: Path) -> None:
    claims = [claim("c1", text="=1+1")]
    path = tmp_path / "claims.csv"
    write_claims(path, claims)
    write_claims(path, claims)
    assert row(read_raw(path), "c1")["text"] == "'=1+1"




def test_reviewer_cells_survive_a_rerun(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    kept, removed, untouched = claim("c1"), claim("c2", start=10), claim("c3", start=20)
    write_claims(path, [kept, removed, untouched])
    review(path, {
        "c1": {"review_status": "verified", "reviewer": "ana", "my_note": "=checked"},
        "c2": {"review_status": "verified", "review_note": "source p. 4", "my_note": "x"},
    })
    new = claim("c4", "b")
    report = write_claims(path, [kept, untouched, new])
    assert (report.rows, report.carried, report.stale) == (4, 1, 1)
    frame = read_raw(path)
    assert tuple(frame.columns) == CLAIM_COLUMNS + ("my_note",)
    assert list(frame["claim_id"]) == ["c1", "c2", "c3", "c4"]
    c1, c2, c3, c4 = (row(frame, c) for c in ["c1", "c2", "c3", "c4"])
    assert (c1["review_status"], c1["reviewer"], c1["my_note"], c1["flags"]) == ("verified", "ana", "'=checked", "")
    assert (c2["review_status"], c2["review_note"], c2["my_note"], c2["flags"]) == ("verified", "source p. 4", "x", "stale")
    assert (c3["review_status"], c3["my_note"]) == ("", "")
    assert (c4["review_status"], c4["my_note"], c4["flags"]) == ("", "", "")

    write_claims(path, [kept, untouched, new])
    assert row(read_raw(path), "c2")["flags"] == "stale"


def test_a_stale_row_keeps_its_verdict_but_not_its_reference_result(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1"), claim("c2", start=10)])
    review(path, {"c2": {"review_status": "false", "reference_status": "contradicted", "reference_value": "29.3"}})
    write_claims(path, [claim("c1")])
    stale = row(read_raw(path), "c2")
    assert (stale["review_status"], stale["flags"]) == ("false", "stale")
    assert (stale["reference_status"], stale["reference_value"]) == ("", "")


def test_removed_row_without_review_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1", flags="approx"), claim("c2", start=5)])
    report = write_claims(path, [claim("c1", flags="approx")])
    assert (report.rows, report.stale) == (1, 0)
    assert list(read_raw(path)["claim_id"]) == ["c1"]


def test_changed_value_of_reviewed_row_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1", value="-5", flags="approx"), claim("c2", start=5, value="7")])
    review(path, {"c1": {"review_status": "verified"}, "c2": {"review_note": "looked"}})
    write_claims(path, [claim("c1", value="6", flags="approx"), claim("c2", start=5, value="8")])
    frame = read_raw(path)
    assert row(frame, "c1")["flags"] == "approx;changed:old_value=-5"
    assert row(frame, "c2")["flags"] == ""
    write_claims(path, [claim("c1", value="6", flags="approx"), claim("c2", start=5, value="8")])
    assert row(read_raw(path), "c1")["flags"] == "approx;changed:old_value=-5"
    write_claims(path, [claim("c1", value="-5", flags="approx"), claim("c2", start=5, value="8")])
    assert row(read_raw(path), "c1")["flags"] == "approx"


def test_merges_a_file_with_only_some_columns(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("claim_id,review_status,my_note\nc1,verified,ok\nc9,,gone\n", encoding="utf-8")
    report = write_claims(path, [claim("c1")])
    assert (report.rows, report.carried, report.stale) == (2, 1, 1)
    frame = read_raw(path)
    assert tuple(frame.columns) == CLAIM_COLUMNS + ("my_note",)
    assert (row(frame, "c1")["review_status"], row(frame, "c1")["my_note"]) == ("verified", "ok")
    assert (row(frame, "c9")["my_note"], row(frame, "c9")["flags"]) == ("gone", "stale")


@pytest.mark.parametrize(
    "content",
    [
        b"id,text\n1,hello\n",
        b"claim_id,text\n1,hello\n2,a,b,c\n",
        b"claim_id,text\n1,caf\xe9\n",
        b"",
        b"claim_id,text\nc1,a\nc1,b\n",
    ],
)
def test_broken_existing_file_is_not_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(content)
    with pytest.raises(PipelineError) as caught:
        write_claims(path, [claim("c1")])
    assert caught.value.code == E_OUTPUT
    assert "claims.csv" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == content


def test_parent_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "claims.csv"
    assert write_claims(path, []).rows == 0
    assert tuple(read_raw(path).columns) == CLAIM_COLUMNS


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "claims.csv")


def test_failed_csv_write_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1")])
    before = path.read_bytes()

    def half_then_fail(handle, rows, columns, header=True) -> int:
        handle.write("claim_id,article\nc9,")
        raise OSError("disk full")

    monkeypatch.setattr(write, "write_rows", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        write_claims(path, [claim("c2")])
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_failed_replace_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1")])
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError("cross-device link")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="cross-device"):
        write_claims(path, [claim("c2")])
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


POOL = [
    claim(f"c{i}", article_id=f"a{i % 3}", start=i * 7, value=str(i - 4), text=f"=figure {i}")
    for i in range(8)
]
EDITABLE = list(REVIEW_COLUMNS) + ["my_note", "second_opinion"]
cell_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=12,
)
edit = st.tuples(st.sampled_from(POOL).map(lambda c: c.claim_id), st.sampled_from(EDITABLE), cell_text)
runs = st.lists(
    st.tuples(st.sets(st.sampled_from(range(len(POOL)))), st.lists(edit, max_size=5)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(runs=runs)
def test_reviewer_cells_are_never_lost(tmp_path_factory: pytest.TempPathFactory, runs: list) -> None:
    path = tmp_path_factory.mktemp("runs") / "claims.csv"
    expected: dict[tuple[str, str], str] = {}
    for subset, edits in runs:
        write_claims(path, [POOL[i] for i in sorted(subset)])
        present = set(read_raw(path)["claim_id"])
        applied = [(cid, column, value) for cid, column, value in edits if cid in present]
        for cid, column, value in applied:
            review(path, {cid: {column: value}})
            expected[(cid, column)] = value
    write_claims(path, [POOL[0]])
    frame = read_raw(path)
    for (cid, column), value in expected.items():
        assert row(frame, cid)[column] == neutralize(value)


def test_an_output_folder_that_is_a_file_is_a_coded_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(PipelineError) as caught:
        write_claims(blocker / "a.claims.csv", [])
    assert caught.value.code == E_OUTPUT and "a.claims.csv" in str(caught.value)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_blank_rows_a_spreadsheet_leaves_below_the_table_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    write_claims(path, [claim("c1")])
    review(path, {"c1": {"review_status": "verified"}})
    blank = "," * (len(CLAIM_COLUMNS) - 1) + "\r\n"
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write(blank * 3)
    report = write_claims(path, [claim("c1"), claim("c2", start=10)])
    assert (report.rows, report.carried) == (2, 1)
    assert list(read_raw(path)["claim_id"]) == ["c1", "c2"]


def _saves_while_merging(monkeypatch, path: Path, times: int) -> list[str]:
    """A reviewer who saves ``path`` while the table is being merged, the first ``times`` times;
    returns the reviewer names saved, in order."""
    import pipeline.output.write as write
    merge, saved = write.merge_rows, []

    def merge_and_meanwhile_save(*args, **kwargs):
        result = merge(*args, **kwargs)
        if len(saved) < times:
            saved.append(f"r{len(saved)}")
            review(path, {"c1": {"review_status": "verified", "reviewer": saved[-1]}})
        return result

    monkeypatch.setattr(write, "merge_rows", merge_and_meanwhile_save)
    return saved


def test_a_save_made_while_the_table_is_merged_is_merged_again_not_lost(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.claims.csv"
    write_claims(path, [claim("c1"), claim("c2", start=10)])
    saved = _saves_while_merging(monkeypatch, path, times=1)
    report = write_claims(path, [claim("c1"), claim("c2", start=10)])
    assert saved == ["r0"] and report.carried == 1
    assert row(read_raw(path), "c1")["reviewer"] == "r0"


def test_a_table_saved_again_and_again_is_left_as_saved_and_the_runs_kept_beside_it(tmp_path: Path,
                                                                                   monkeypatch) -> None:
    path = tmp_path / "a.claims.csv"
    write_claims(path, [claim("c1"), claim("c2", start=10)])
    saved = _saves_while_merging(monkeypatch, path, times=99)
    with pytest.raises(PipelineError) as stopped:
        write_claims(path, [claim("c1"), claim("c2", start=10), claim("c3", start=20)])
    assert str(stopped.value).startswith(f"[E034] {path}: saved again while this run merged it, 3 times; "
                                         "left as saved, this run's table is a.claims.this-run.csv")
    assert row(read_raw(path), "c1")["reviewer"] == saved[-1] and len(read_raw(path)) == 2
    assert list(read_raw(tmp_path / "a.claims.this-run.csv")["claim_id"]) == ["c1", "c2", "c3"]
