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


def start_build(paths: Paths) -> Path:
    """Fresh working copy of the published warehouse (or an empty one on the first run)."""
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    _remove(paths.build_db)
    if paths.db.exists():
        shutil.copyfile(paths.db, paths.build_db)
    return paths.build_db


def publish(paths: Paths) -> Path:
    """Checkpoint the working copy and swap it onto the published name in one rename."""
    if not paths.build_db.exists():
        raise FileNotFoundError(f"no working copy to publish at {paths.build_db}")
    with duckdb.connect(str(paths.build_db)) as con:
        con.execute("checkpoint")
    os.replace(paths.build_db, paths.db)
    paths.build_db.with_name(paths.build_db.name + ".wal").unlink(missing_ok=True)
    return paths.db


def discard_build(paths: Paths) -> None:
    _remove(paths.build_db)
