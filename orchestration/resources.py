"""The warehouse resource: one run, one lock, one working copy.

With the in-process executor the resource is set up once per run. The writer lock is taken, and the
published mart copied to a working copy, the first time a step asks for the warehouse (the first
step, `raw_files`); every step writes there; `published_warehouse` swaps it in. Teardown discards
whatever was not published and releases the lock, also on failure.

Why on first use rather than in `setup_for_execution`: `dagster job execute` initialises the
resources a second time after the run has finished. Taking the lock there copied the whole
warehouse for nothing and, when a second run was already queued on the lock, made the finished run
wait for (or fail against) the run queued behind it. A run refused by the lock now fails in its
first step, so the failure hook tells a person.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from orchestration import publish
from orchestration.config import Paths, current_paths
from orchestration.faults import fault_point

DEFAULT_LOCK_WAIT_SECONDS = 1800.0


class WarehouseResource(ConfigurableResource):
    """Paths default to INDICATORS_RAW_DIR / INDICATORS_DB, read when the run starts."""

    raw_dir: str | None = None
    db: str | None = None
    lock_wait_seconds: float | None = None

    _paths: Paths | None = PrivateAttr(default=None)
    _lock: publish.WarehouseLock | None = PrivateAttr(default=None)
    _in_run: bool = PrivateAttr(default=False)

    def resolved_paths(self) -> Paths:
        env = current_paths()
        return Paths(
            raw_dir=Path(self.raw_dir).resolve() if self.raw_dir else env.raw_dir,
            db=Path(self.db).resolve() if self.db else env.db,
        )

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._in_run = True

    def _acquire(self) -> Paths:
        """Take the writer lock (waiting as configured) and make the working copy; once per run."""
        paths = self.resolved_paths()
        wait = self.lock_wait_seconds
        if wait is None:
            wait = float(os.environ.get("INDICATORS_LOCK_WAIT_SECONDS", DEFAULT_LOCK_WAIT_SECONDS))
        lock = publish.WarehouseLock(paths.lock_file, wait_seconds=wait)
        lock.acquire()
        try:
            publish.start_build(paths)
        except BaseException:
            lock.release()
            raise
        self._paths, self._lock = paths, lock
        fault_point("after_lock")
        return paths

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._paths is not None:
            publish.discard_build(self._paths)
        if self._lock is not None:
            self._lock.release()
        self._paths, self._lock, self._in_run = None, None, False

    @property
    def paths(self) -> Paths:
        if self._paths is not None:
            return self._paths
        if not self._in_run:
            raise RuntimeError("the warehouse resource is used outside a run")
        return self._acquire()

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A read-write connection to the working copy; use it in a `with` block (dbt needs the lock)."""
        return duckdb.connect(str(self.paths.build_db))
