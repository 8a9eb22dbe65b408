"""Build-then-swap publishing and the one-writer lock.

Analysts read `indicators.duckdb`; a run never opens it for writing. It copies the published file
to a working copy, builds there, and `os.replace`s the copy onto the published name at the end.
Open readers keep the old version; a failed or killed run leaves yesterday's mart untouched.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

import duckdb

from orchestration.config import Paths
from orchestration.faults import fault_point

STALE_WRITER_WAIT_SECONDS = 120.0
"""How long a run waits for a process left over from a killed run (an orphaned dbt) to let go of the
old working copy before it gives up with a clear message."""


class RunLockedError(RuntimeError):
    """Another run holds the warehouse lock."""


class WarehouseLock:
    """An exclusive `flock` on a file beside the warehouse; the OS releases it if the process dies."""

    def __init__(self, path: Path, wait_seconds: float = 0.0, poll_seconds: float = 0.5):
        self.path = path
        self.wait_seconds = wait_seconds
        self.poll_seconds = poll_seconds
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
                    os.close(fd)
                    raise RunLockedError(
                        f"another nightly run is writing the warehouse ({holder}); lock file {self.path}. "
                        "Wait for it to finish, or raise INDICATORS_LOCK_WAIT_SECONDS to queue behind it."
                    ) from None
                time.sleep(self.poll_seconds)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WarehouseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


def wait_for_stale_writers(build_db: Path, wait_seconds: float = STALE_WRITER_WAIT_SECONDS) -> None:
    """Wait until no process holds a DuckDB lock on a working copy left by a killed run.

    SIGKILL of the run's process does not kill its dbt subprocess, which may go on writing the old
    working copy for a while. Deleting the file under it and starting a new copy at the same path
    would let the orphan's WAL handling touch the new copy's `.wal`; so wait for it to finish.
    """
    if not build_db.exists():
        return
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            duckdb.connect(str(build_db), read_only=True).close()
            return
        except duckdb.Error as exc:
            if "lock" not in str(exc).lower():
                return  # a half-written or corrupt copy: nobody is using it, it is simply removed
            if time.monotonic() >= deadline:
                raise RunLockedError(
                    f"a process left over from a killed run still writes {build_db}: {exc}. "
                    "Stop that process (see the PID above), then run again."
                ) from None
            time.sleep(0.5)


def start_build(paths: Paths) -> Path:
    """Fresh working copy of the published warehouse (or an empty one on the first run).

    Called with the writer lock held. Whatever a killed run left (a working copy, its WAL) is
    thrown away: the published file is the only state a run starts from, which is why a rerun
    after a crash builds exactly what an uninterrupted run builds.
    """
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    wait_for_stale_writers(paths.build_db)
    _remove(paths.build_db)
    if paths.db.exists():
        shutil.copyfile(paths.db, paths.build_db)
    return paths.build_db


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a power cut right after publish keeps the new mart)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(paths: Paths) -> Path:
    """Checkpoint the working copy and swap it onto the published name in one rename."""
    if not paths.build_db.exists():
        raise FileNotFoundError(f"no working copy to publish at {paths.build_db}")
    with duckdb.connect(str(paths.build_db)) as con:
        con.execute("checkpoint")
    fault_point("before_publish")
    os.replace(paths.build_db, paths.db)
    _fsync_dir(paths.db.parent)
    paths.build_db.with_name(paths.build_db.name + ".wal").unlink(missing_ok=True)
    fault_point("after_publish")
    return paths.db


def discard_build(paths: Paths) -> None:
    _remove(paths.build_db)
