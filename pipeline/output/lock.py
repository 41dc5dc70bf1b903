"""One writer per output folder: an exclusive lock file naming the process that holds it.

Two runs writing into one folder at once would delete each other's journal and lose articles,
and a review server saving a table while a run replaces it would lose the save. Whatever writes
into an output folder (``claims run``, ``claims merge``, the review server) holds this lock
while it writes: ``<out>/.claims.lock``, locked with ``flock`` (released by the system when the
process dies, however it dies) and holding the holder's pid, host and name for the error the
next writer gets: ``[E033] out: in use by claims run (pid 4242 on host1) since
2026-01-05T10:00:00Z; wait for it to end or write to another --out``.
"""
from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from pipeline.errors import E_OUTPUT, E_OUTPUT_LOCKED, PipelineError

try:
    import fcntl
except ImportError:  # Windows: the pid in the file is the only lock
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".claims.lock"
"""In the output folder, while a run or the review server writes there."""


@dataclass(frozen=True)
class LockHolder:
    """Who holds an output folder: what the next writer is told."""

    pid: int
    host: str
    holder: str
    """What holds it: "claims run", "claims merge", "claims review"."""
    since: str
    """When it took the lock (UTC, ISO 8601)."""

    def names(self) -> str:
        """"claims run (pid 4242 on host1) since 2026-01-05T10:00:00Z"."""
        return f"{self.holder} (pid {self.pid} on {self.host}) since {self.since}"


@dataclass(frozen=True)
class OutputLock:
    """A held lock: ``taken_over`` is the holder recorded by a process that died without
    releasing it (its lock was stale), for the caller to report; None if the folder was free."""

    path: Path
    holder: LockHolder
    taken_over: LockHolder | None


@contextmanager
def hold_output_lock(out_dir: Path, holder: str) -> Iterator[OutputLock]:
    """Hold ``out_dir`` (created if missing) for the ``with`` block, as ``holder``; a folder held by
    a live process is refused with E033 naming its pid and holder, and a lock left by a dead
    one is taken over. The lock file is removed on the way out."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PipelineError(E_OUTPUT, str(out_dir), f"cannot write here ({error.strerror})") from None
    path = out_dir / LOCK_FILE
    fd, previous = _acquire(path, out_dir)
    mine = LockHolder(os.getpid(), socket.gethostname(), holder,
                      datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(asdict(mine)).encode("utf-8") + b"\n", 0)
        yield OutputLock(path, mine, previous)
    finally:
        try:
            path.unlink(missing_ok=True)  # before the unlock: a waiting writer then sees the file gone
        finally:
            os.close(fd)


def _acquire(path: Path, out_dir: Path) -> tuple[int, LockHolder | None]:
    """The open, locked lock file and the holder a dead process left in it (if any)."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise PipelineError(E_OUTPUT, str(path), f"cannot create the lock file ({error.strerror})") from None
        try:
            recorded = _read(fd)
            if not _lock(fd) or (fcntl is None and recorded is not None and _alive(recorded)):
                raise PipelineError(E_OUTPUT_LOCKED, str(out_dir), _in_use(recorded))
            if _same_file(fd, path):
                return fd, recorded
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder removed this file after we opened it: lock the new one


def _in_use(recorded: LockHolder | None) -> str:
    """The refusal: who holds the folder, and what to do."""
    if recorded is None:
        return "in use by another run; wait for it to end or write to another --out"
    gone = "" if _alive(recorded) else f" (pid {recorded.pid} is gone, but a process it started still holds the lock)"
    return f"in use by {recorded.names()}{gone}; wait for it to end or write to another --out"


def _lock(fd: int) -> bool:
    """Lock without waiting; False if another open lock file holds it. Where the file system
    cannot lock (some network mounts), the pid recorded in the file decides."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # no locks on this file system
        recorded = _read(fd)
        return recorded is None or not _alive(recorded)
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _read(fd: int) -> LockHolder | None:
    """The holder recorded in the lock file; None if it is empty or not a record of this module."""
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"null")
        return LockHolder(int(data["pid"]), str(data["host"]), str(data["holder"]), str(data["since"]))
    except (ValueError, TypeError, KeyError):
        return None


def _alive(holder: LockHolder) -> bool:
    """Whether the holder's process still runs; one on another host is taken to (it cannot be seen)."""
    if holder.host != socket.gethostname():
        return True
    if holder.pid == os.getpid():
        return True
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True
