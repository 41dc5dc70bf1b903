"""Replacing a file atomically: a failed write leaves the old file and no temp file, and a save
made while a merge ran is merged again rather than written over."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.output.atomic import FileChanged, atomic_write, file_state, remove_stale_temps, replace_unless_changed


def test_a_writer_that_fails_halfway_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("kept\n", encoding="utf-8")

    def half(handle) -> None:
        handle.write("half a li")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, half)
    assert path.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.csv"]


def test_a_file_changed_before_the_rename_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("saved by a reviewer\n", encoding="utf-8")
    with pytest.raises(FileChanged):
        atomic_write(path, lambda handle: handle.write("this run\n"), unchanged=lambda: False)
    assert path.read_text(encoding="utf-8") == "saved by a reviewer\n"


def test_the_new_file_keeps_the_permissions_of_the_old(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    atomic_write(path, lambda handle: handle.write("new\n"))
    assert (path.stat().st_mode & 0o777, path.read_text(encoding="utf-8")) == (0o640, "new\n")


def test_a_save_made_during_a_merge_is_merged_again(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("v1\n", encoding="utf-8")
    reads: list[str] = []

    def merge():
        reads.append(path.read_text(encoding="utf-8"))
        if len(reads) == 1:  # a reviewer saves right after the first read
            path.write_text("v2 with a longer line\n", encoding="utf-8")
        seen = reads[-1]
        return lambda handle: handle.write(seen + "merged\n")

    replace_unless_changed(path, merge)
    assert reads == ["v1\n", "v2 with a longer line\n"]
    assert path.read_text(encoding="utf-8") == "v2 with a longer line\nmerged\n"


def test_a_file_saved_at_every_merge_is_left_as_saved_and_this_run_kept_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "t.claims.csv"
    path.write_text("v0\n", encoding="utf-8")
    saves = iter(range(1, 100))

    def merge():
        path.write_text(f"v{next(saves)}{'.' * 5}\n", encoding="utf-8")  # another size each time
        return lambda handle: handle.write("this run\n")

    before = file_state(path)
    with pytest.raises(PipelineError, match=r"\[E034\]"):
        replace_unless_changed(path, merge)
    assert file_state(path) != before and path.read_text(encoding="utf-8").startswith("v3")
    assert (tmp_path / "t.claims.this-run.csv").read_text(encoding="utf-8") == "this run\n"


def test_only_the_temp_files_named_as_a_write_names_them_are_swept(tmp_path: Path) -> None:
    ours = tmp_path / f".a.claims.csv.{'f' * 32}.tmp"
    theirs = tmp_path / ".draft.tmp"
    for path in (ours, theirs):
        path.write_text("x", encoding="utf-8")
    remove_stale_temps(tmp_path)
    assert not ours.exists() and theirs.exists()
