"""Build-then-swap publishing and the one-writer lock.

Analysts read `indicators.duckdb`; a run never opens it for writing. It copies the published file
to a working copy, builds there, and `os.replace`s the copy onto the published name at the end.
Open readers keep the old version; a failed or killed run leaves yesterday's mart untouched.

Nobody outside the run may lose anything to the swap. An analyst who opens the published file
read-write (the duckdb CLI without `-readonly`) holds DuckDB's write lock on it and keeps changes
in `indicators.duckdb.wal`; replacing the file under them makes every new reader fail on that WAL
and loses their rows. So a run copies and replaces the file only while it holds a shared lock on
it (which no read-write connection can hold beside, while read-only readers can): it waits for a
read-write connection to close (INDICATORS_ANALYST_WAIT_SECONDS), then refuses with an alert. A
published file changed outside the runs since the last publish (someone wrote to it, or left a
WAL behind) is kept under another name (a hard link, so nothing is copied) with its WAL, and an
alert says where: the new mart is built from the runs' data only, and nobody's writes vanish.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import struct
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb

from orchestration.config import Paths
from orchestration.faults import fault_point, fault_raise

STALE_WRITER_WAIT_SECONDS = 120.0
"""How long a run waits for a process left over from a killed run (an orphaned dbt) to let go of the
old working copy before it gives up with a clear message."""


class RunLockedError(RuntimeError):
    """Another run holds the warehouse lock."""


class ForeignWriterError(RuntimeError):
    """Someone outside the run holds the published warehouse open read-write."""


_FLOCK = "hhqqi4x"  # struct flock on Linux x86-64/arm64: type, whence, start, len, pid


def foreign_writer(db: Path) -> int | None:
    """PID of another process holding DuckDB's write lock on `db` (a read-write connection), else None.

    DuckDB locks the whole file with fcntl: read-write connections take a write lock, read-only ones
    a read lock. Asking the kernel whether a read lock could be set names a writer and only a writer.
    """
    try:
        fd = os.open(db, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        probe = struct.pack(_FLOCK, fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
        return pid if kind != fcntl.F_UNLCK else None
    finally:
        os.close(fd)


@contextlib.contextmanager
def no_foreign_writer(db: Path, wait_seconds: float, poll_seconds: float = 0.5) -> Iterator[int | None]:
    """Hold a shared lock on the published file: no read-write connection exists while it is held,
    and none can open (DuckDB refuses it with a lock error, nothing is lost); readers are not blocked.

    Waits up to `wait_seconds` for a read-write connection to close, then raises ForeignWriterError.
    The lock is the process's fcntl lock: closing any other descriptor of `db` in this process would
    release it, so read the file through the descriptor yielded (None: there is no file).
    """
    if not db.exists():
        yield None
        return
    fd = os.open(db, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    pid = foreign_writer(db)
                    raise ForeignWriterError(
                        f"{db} is open read-write in another process (pid {pid or 'unknown'}{_command(pid)}), "
                        f"waited {wait_seconds:.0f} s: replacing it now would make new readers fail on its WAL "
                        "and lose that connection's changes, so nothing was replaced. Close that connection "
                        "(analysts: duckdb -readonly), then run again; INDICATORS_ANALYST_WAIT_SECONDS sets the wait."
                    ) from None
                time.sleep(poll_seconds)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _command(pid: int | None) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except (OSError, TypeError):
        return ""
    return f": {cmd[:120]}" if cmd else ""


def _fingerprint(db: Path) -> dict[str, int] | None:
    try:
        st = db.stat()
    except FileNotFoundError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}  # not the inode: a restored backup is no change


def _wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, value: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value), "utf-8")
    os.replace(tmp, path)


def _build_origin(paths: Paths) -> Path:
    """What the working copy was copied from (the published file's fingerprint at that moment)."""
    return paths.build_db.with_name(paths.build_db.name + ".origin.json")


def _published_record(paths: Paths) -> Path:
    """The published file's fingerprint as the last run left it: a different one means someone wrote to it."""
    return paths.db.with_name(paths.db.name + ".published.json")


def changed_outside(paths: Paths) -> str | None:
    """Why the published file is not what the runs left (a WAL beside it, other contents), or None."""
    if _wal(paths.db).exists():
        return f"a WAL ({_wal(paths.db).name}) of a read-write connection that did not checkpoint lies beside it"
    now = _fingerprint(paths.db)
    if now is None:
        return None
    origin = _read_json(_build_origin(paths)) or {}
    if origin.get("copied") and origin["copied"] != now:
        return "it was written while this run was building"
    if origin.get("changed_before"):
        return origin["changed_before"]
    return None


class PublishedChanged(RuntimeWarning):
    """The published file held changes made outside the runs; they were kept at `kept`."""

    def __init__(self, reason: str, kept: Path):
        super().__init__(
            f"the published warehouse had been changed outside the nightly run ({reason}): that version was "
            f"kept as {kept}" + (f" with its WAL {kept.name}.wal" if _wal(kept).exists() else "")
            + "; the new mart holds the runs' data only. Copy what you need from it, then delete it."
        )
        self.kept = kept


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
        try:  # who holds it, for the message of a run that waits; a full disk must not stop the run here
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        except OSError:
            pass
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


def start_build(paths: Paths, analyst_wait_seconds: float = 0.0) -> Path:
    """Fresh working copy of the published warehouse (or an empty one on the first run).

    Called with the writer lock held. Whatever a killed run left (a working copy, its WAL) is
    thrown away: the published file is the only state a run starts from, which is why a rerun
    after a crash builds exactly what an uninterrupted run builds. The copy is made with no
    read-write connection open on the published file (waiting for one to close, see
    `no_foreign_writer`); a copy cut short (a full disk) is removed.
    """
    paths.warehouse_dir.mkdir(parents=True, exist_ok=True)
    wait_for_stale_writers(paths.build_db)
    _remove(paths.build_db)
    _build_origin(paths).unlink(missing_ok=True)
    try:
        with no_foreign_writer(paths.db, analyst_wait_seconds) as source:
            if source is not None:
                _copy(source, paths.build_db)
                last = _read_json(_published_record(paths))
                now = _fingerprint(paths.db)
                changed = None
                if _wal(paths.db).exists():
                    changed = f"a WAL ({_wal(paths.db).name}) of a read-write connection that did not checkpoint"
                elif last is not None and now not in last.get("fingerprints", []):
                    changed = "it was written after the last run published it"
                _write_json(_build_origin(paths), {"copied": now, "changed_before": changed})
    except BaseException:
        discard_build(paths)
        raise
    return paths.build_db


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a power cut right after publish keeps the new mart)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy(source: int, dest: Path) -> None:
    """Copy the file open at `source` (kept open: its lock stays) to `dest`."""
    size = os.fstat(source).st_size
    out = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        offset = 0
        while offset < size:
            sent = os.sendfile(out, source, offset, min(size - offset, 64 * 1024 * 1024))
            if sent == 0:
                break
            offset += sent
            fault_raise("disk_full")  # a full disk fails here, with part of the copy written
    finally:
        os.close(out)


def _keep_changed(paths: Paths, reason: str) -> PublishedChanged:
    """Give the published file (and its WAL) another name before the swap; nothing is copied."""
    stamp = f"{paths.db.name}.kept-{datetime.now():%Y%m%d-%H%M%S}"
    kept, n = paths.db.with_name(stamp), 1
    while True:
        try:
            os.link(paths.db, kept)
            break
        except FileExistsError:
            n += 1
            kept = paths.db.with_name(f"{stamp}-{n}")
    if _wal(paths.db).exists():
        os.replace(_wal(paths.db), _wal(kept))
    return PublishedChanged(reason, kept)


def publish(paths: Paths, analyst_wait_seconds: float = 0.0) -> tuple[Path, PublishedChanged | None]:
    """Checkpoint the working copy and swap it onto the published name in one rename.

    The swap happens with no read-write connection on the published file (waiting for one to close,
    else ForeignWriterError and nothing replaced). Returns the published path and, when the old file
    held changes made outside the runs, where they were kept (the caller alerts).
    """
    if not paths.build_db.exists():
        raise FileNotFoundError(f"no working copy to publish at {paths.build_db}")
    with duckdb.connect(str(paths.build_db)) as con:
        con.execute("checkpoint")
    fault_point("before_publish")
    kept = None
    with no_foreign_writer(paths.db, analyst_wait_seconds):
        reason = changed_outside(paths)
        if reason:
            kept = _keep_changed(paths, reason)
        # both the old and the new file count as "left by a run": a kill between these two lines
        # must not make the next run think someone else wrote the file (os.replace keeps the stat)
        fingerprints = [fp for fp in (_fingerprint(paths.db), _fingerprint(paths.build_db)) if fp]
        _write_json(_published_record(paths), {"fingerprints": fingerprints})
        os.replace(paths.build_db, paths.db)
        _fsync_dir(paths.db.parent)
    paths.build_db.with_name(paths.build_db.name + ".wal").unlink(missing_ok=True)
    _build_origin(paths).unlink(missing_ok=True)
    fault_point("after_publish")
    return paths.db, kept


def record_run_write(paths: Paths) -> None:
    """The run itself wrote to the published file after the swap (alerting's `sent_at`): its new
    fingerprint is the runs' too, so the next run does not take it for someone else's write."""
    record = _read_json(_published_record(paths)) or {}
    now = _fingerprint(paths.db)
    if now is not None:
        _write_json(_published_record(paths), {"fingerprints": [*record.get("fingerprints", []), now][-4:]})


def discard_build(paths: Paths) -> None:
    _remove(paths.build_db)
    _build_origin(paths).unlink(missing_ok=True)


@contextlib.contextmanager
def open_published(paths: Paths, wait_seconds: float = 0.0, poll_seconds: float = 0.5
                   ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the published file, waiting up to `wait_seconds` while someone else
    holds it read-write (DuckDB refuses a reader then)."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(paths.db), read_only=True)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(poll_seconds)
    try:
        yield con
    finally:
        con.close()
