"""The combined outputs: the run record keeps the earlier records of articles the run did not cover."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from pipeline.output.combine import write_combined
from pipeline.output.runfile import record_line, write_records
from pipeline.records import CLAIM_COLUMNS, Claim


def record(article_id: str, *values: str) -> dict:
    claims = [Claim(claim_id=f"{article_id}-{n}", article_id=article_id, sentence_index=0, start=n * 5, end=n * 5 + 3,
                    kind="money", text=f"${value}", value=value) for n, value in enumerate(values)]
    return {"id": article_id, "figures": [], "dates": [], "claims": [asdict(claim) for claim in claims]}


def test_the_run_record_carries_earlier_articles_and_replaces_rerun_ones(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_records(out / "claims.jsonl", [record("a", "1"), record("b", "2")])
    with (out / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "damaged\n[]\n')
    journal = tmp_path / "journal.jsonl"
    journal.write_text(record_line(record("b", "3", "4")) + record_line(record("c")), encoding="utf-8")

    report = write_combined(out, journal, tmp_path / "spill.sqlite")

    records = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records == [record("a", "1"), record("b", "3", "4"), record("c")]
    assert report.rows == 2 and not (tmp_path / "spill.sqlite").exists()


def test_blank_rows_below_the_combined_table_are_ignored(tmp_path: Path) -> None:
    out, journal = tmp_path / "out", tmp_path / "journal.jsonl"
    journal.write_text(record_line(record("a", "5")), encoding="utf-8")
    write_combined(out, journal, tmp_path / "spill.sqlite")
    with (out / "claims.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write(("," * (len(CLAIM_COLUMNS) - 1) + "\r\n") * 2)  # the empty rows a spreadsheet saves
    journal.write_text(record_line(record("a", "5")), encoding="utf-8")
    assert write_combined(out, journal, tmp_path / "spill.sqlite").rows == 1


def test_a_save_made_while_the_combined_table_is_merged_is_merged_again_not_lost(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    import pipeline.output.combine as combine
    from tests.reviewer_edits import read_raw, review
    out, journal = tmp_path / "out", tmp_path / "journal.jsonl"
    journal.write_text(record_line(record("a", "5", "6")), encoding="utf-8")
    write_combined(out, journal, tmp_path / "spill.sqlite")
    spilled, saves = combine._spill_old_table, []

    def spill_and_meanwhile_save(db, path):
        extras = spilled(db, path)
        if not saves:
            saves.append(path)
            review(path, {"a-0": {"review_status": "false", "reviewer": "desk"}})
        return extras

    monkeypatch.setattr(combine, "_spill_old_table", spill_and_meanwhile_save)
    report = write_combined(out, journal, tmp_path / "spill.sqlite")
    rows = read_raw(out / "claims.csv").set_index("claim_id")
    assert saves and report.carried == 1 and rows.loc["a-0", "reviewer"] == "desk"
