"""Replacing a file atomically: readers see the old file or the new one, never half of it; a
file a reviewer saved while a run merged it is merged again, never written over; and the temp
files a killed run left are swept up. Split from pipeline/output/write.py, which makes the rows."""
from __future__ import annotations

import os
import re
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from pipeline.errors import E_OUTPUT, E_TABLE_CHANGED, PipelineError

MERGE_ATTEMPTS = 3
"""Times a table is merged again from a reviewer's newer save before the run gives up on it."""


FileState = tuple[int, int, int] | None
"""A file's inode, size and modification time, or None for no file: see ``file_state``."""


def file_state(path: Path) -> FileState:
    """What tells a file changed since it was read: inode (a save by rename), size and
    modification time in nanoseconds; None if there is no file (or it cannot be seen, which the
    write then reports)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class FileChanged(Exception):
    """The file to replace is not the one that was read: someone saved it in the meantime."""


def replace_unless_changed(path: Path, merge: Callable[[], Callable[[TextIO], None]],
                           merged: tuple[FileState, Callable[[TextIO], None]] | None = None) -> None:
    """Replace ``path`` with what ``merge`` makes of it (it reads the file and returns the writer of
    the merged table), but never over a version of the file ``merge`` did not read: a reviewer who
    saves while a run merges would lose the save. When the file changed, it is merged again from
    the new version; after ``MERGE_ATTEMPTS`` the file is left as saved, this run's table is kept
    next to it as ``<name>.this-run.csv``, and E034 names both. ``merged`` is a merge the caller
    has already made, with the file's state taken before it read the file (a save from the review
    desk reads each table once): it is written if the file is still in that state, else the file
    is merged again as above."""
    for attempt in range(MERGE_ATTEMPTS):
        if attempt == 0 and merged is not None:
            read, write = merged
        else:
            read = file_state(path)
            write = merge()
        try:
            atomic_write(path, write, unchanged=lambda: file_state(path) == read)
            return
        except FileChanged:
            continue
    kept = path.with_suffix(".this-run.csv")
    atomic_write(kept, write)
    raise PipelineError(E_TABLE_CHANGED, str(path), f"saved again while this run merged it, {MERGE_ATTEMPTS} "
                        f"times; left as saved, this run's table is {kept.name}: merge by hand or run again")


TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{32}\.tmp")
"""How ``atomic_write`` names its temp files: ``.<file name>.<32 hex digits>.tmp``."""


def atomic_write(path: Path, write: Callable[[TextIO], None], unchanged: Callable[[], bool] | None = None) -> None:
    """Write via a temp file in the same folder: readers see the old or the new file, never half.
    With ``unchanged``, asked right before the old file is replaced, FileChanged is raised and
    nothing replaced when it says the file is no longer the one that was read."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise PipelineError(E_OUTPUT, str(path), f"cannot write here ({error.strerror}: {error.filename})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if path.exists():
                os.chmod(handle.fileno(), stat.S_IMODE(path.stat().st_mode))
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if unchanged is not None and not unchanged():
            raise FileChanged(path)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def remove_stale_temps(folder: Path) -> None:
    """Delete the temp files of ``atomic_write`` that a killed run left in ``folder`` (a write that
    finishes or fails removes its own; a killed process cannot)."""
    for path in folder.glob(".*.tmp"):
        if TEMP_NAME.fullmatch(path.name):
            path.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; POSIX only, as other systems cannot open a folder."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
