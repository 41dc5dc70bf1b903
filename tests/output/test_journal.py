"""The progress journal: a killed run's leftovers cleaned up, its finished articles kept on resume."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.output.journal import RUN_FOLDER, Journal


@pytest.mark.parametrize("resume", [True, False])
def test_the_temp_files_of_a_killed_run_are_removed_by_the_next_run(tmp_path: Path, resume: bool) -> None:
    out = tmp_path / "out"
    (out / RUN_FOLDER).mkdir(parents=True)  # the killed run's journal folder
    stale = out / f".a.claims.csv.{'0' * 32}.tmp"
    stale.write_text("claim_id,art", encoding="utf-8")
    other = out / ".notes.tmp"
    other.write_text("not ours", encoding="utf-8")
    Journal(out, resume).close()
    assert not stale.exists() and other.exists()


def test_resuming_keeps_the_finished_articles_and_cuts_a_half_written_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    journal = Journal(out, resume=False)
    journal.add({"id": "a", "claims": [{}, {}]})
    journal.add({"id": "b", "claims": []})
    journal.close()
    whole = journal.path.read_bytes()
    with journal.path.open("a", encoding="utf-8") as handle:  # as if killed in the middle of a write
        handle.write('{"id": "c", "cla')

    resumed = Journal(out, resume=True)
    resumed.close()
    assert resumed.done == {"a", "b"} and resumed.claims == 2
    assert resumed.path.read_bytes() == whole
    assert Journal(out, resume=False).discarded
