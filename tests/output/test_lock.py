"""One writer per output folder: a second writer is refused with the first one's pid and name, a
lock left by a dead process is taken over, and a run holds the lock for its whole length."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.jobs.run import merge_shards, run_paths
from pipeline.output.journal import RUN_FOLDER
from pipeline.output.lock import LOCK_FILE, hold_output_lock


def _dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_second_writer_is_refused_with_the_first_ones_pid_and_holder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with hold_output_lock(out, "claims run") as lock:
        assert json.loads((out / LOCK_FILE).read_text())["holder"] == "claims run"
        with pytest.raises(PipelineError) as refused:
            with hold_output_lock(out, "claims review"):
                pass
        assert (out / LOCK_FILE).exists() and lock.taken_over is None
    message = str(refused.value)
    assert message.startswith(f"[E033] {out}: in use by claims run (pid {os.getpid()} on {socket.gethostname()})")
    assert "\n" not in message
    assert not (out / LOCK_FILE).exists()
    with hold_output_lock(out, "claims review"):  # free again once released
        pass


def test_a_writer_in_another_process_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pathlib; from pipeline.output.lock import hold_output_lock\n"
         "with hold_output_lock(pathlib.Path(sys.argv[1]), 'claims run'):\n"
         "    print('held', flush=True); sys.stdin.read()", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(PipelineError, match=rf"\[E033\] .*claims run \(pid {holder.pid} "):
            with hold_output_lock(out, "claims merge"):
                pass
    finally:
        holder.communicate("")
    with hold_output_lock(out, "claims merge"):
        pass


def test_the_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = {"pid": _dead_pid(), "host": socket.gethostname(), "holder": "claims run", "since": "2026-01-01T00:00:00Z"}
    (out / LOCK_FILE).write_text(json.dumps(stale), encoding="utf-8")
    with hold_output_lock(out, "claims merge") as lock:
        assert lock.taken_over is not None and lock.taken_over.pid == stale["pid"]
        assert json.loads((out / LOCK_FILE).read_text())["pid"] == os.getpid()


def test_a_run_into_a_held_folder_is_refused_and_leaves_the_other_runs_journal(tmp_path: Path, resources) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Exports rose 12 percent in 2023.", encoding="utf-8")
    out = tmp_path / "out"
    journal = out / RUN_FOLDER / "journal.jsonl"
    journal.parent.mkdir(parents=True)
    journal.write_text('{"id": "x", "claims": []}\n', encoding="utf-8")  # the first run's progress
    with hold_output_lock(out, "claims run"):
        with pytest.raises(PipelineError, match=r"^\[E033\] "):
            run_paths([news], out, resources, lambda line: None)
        with pytest.raises(PipelineError, match=r"^\[E033\] "):
            merge_shards([tmp_path / "shard"], out, lambda line: None)
        assert journal.read_text(encoding="utf-8") == '{"id": "x", "claims": []}\n'
    lines: list[str] = []
    assert run_paths([news], out, resources, lines.append).articles == 1
    assert not (out / LOCK_FILE).exists()
