"""The progress journal of a run: one JSON line per finished article, in the output folder.

An article's line is written (one ``write``, flushed and fsynced) only after its claims CSV is in
place, so a run killed at any moment leaves whole lines for finished articles and at most one
partial last line. ``--resume`` drops that partial line and skips the articles already there;
the journal's records are then the source of the combined ``claims.csv`` and ``claims.jsonl``.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.output.runfile import record_line
from pipeline.output.atomic import remove_stale_temps

RUN_FOLDER = ".claims-run"
"""Hidden folder in the output folder holding the journal of an unfinished run."""


class Journal:
    """The journal of the run writing into one output folder. ``done`` holds the ids of the
    articles finished (what ``--resume`` skips), ``claims`` how many rows they have, and
    ``discarded`` says whether an unfinished earlier run was thrown away, which the run reports."""

    def __init__(self, out_dir: Path, resume: bool):
        """Open the journal of ``out_dir``: continue an unfinished run's if ``resume``, else start
        a new one (an unfinished run's journal is discarded)."""
        self.folder = out_dir / RUN_FOLDER
        self.path = self.folder / "journal.jsonl"
        self.done: set[str] = set()
        self.claims = 0
        self.discarded = False
        try:
            if self.folder.exists():  # an earlier run did not finish: it may have been killed mid-write
                remove_stale_temps(out_dir)
            if not resume and self.folder.exists():
                shutil.rmtree(self.folder)
                self.discarded = True
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.path.exists():
                self._recover()
            self._handle = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as error:
            raise PipelineError(E_OUTPUT, str(out_dir), f"cannot write here ({error.strerror})") from None

    def _recover(self) -> None:
        """Read the finished articles and cut off a line a killed run left half-written."""
        kept = 0
        with self.path.open("rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    record = None
                if not isinstance(record, dict) or "id" not in record:
                    break
                self.done.add(record["id"])
                self.claims += len(record.get("claims", ()))
                kept += len(line)
        os.truncate(self.path, kept)

    def add(self, record: dict) -> None:
        """Record a finished article, durably, in one write."""
        self._handle.write(record_line(record))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.done.add(record["id"])
        self.claims += len(record["claims"])

    def close(self) -> None:
        """Stop writing; the journal stays until ``remove``, for the combined files to be made from."""
        self._handle.close()

    def remove(self) -> None:
        """The run is complete: its results are in the combined files."""
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)
