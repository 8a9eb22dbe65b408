"""The warehouse resource: one run, one lock, one working copy.

With the in-process executor the resource is set up once per run: it takes the writer lock and
copies the published mart to a working copy; every step writes there; `published_warehouse`
swaps it in. Teardown discards whatever was not published and releases the lock, also on failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from orchestration import publish
from orchestration.config import Paths, current_paths

DEFAULT_LOCK_WAIT_SECONDS = 1800.0


class WarehouseResource(ConfigurableResource):
    """Paths default to INDICATORS_RAW_DIR / INDICATORS_DB, read when the run starts."""

    raw_dir: str | None = None
    db: str | None = None
    lock_wait_seconds: float | None = None

    _paths: Paths | None = PrivateAttr(default=None)
    _lock: publish.WarehouseLock | None = PrivateAttr(default=None)

    def resolved_paths(self) -> Paths:
        env = current_paths()
        return Paths(
            raw_dir=Path(self.raw_dir).resolve() if self.raw_dir else env.raw_dir,
            db=Path(self.db).resolve() if self.db else env.db,
        )

    def setup_for_execution(self, context: InitResourceContext) -> None:
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

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._paths is not None:
            publish.discard_build(self._paths)
        if self._lock is not None:
            self._lock.release()

    @property
    def paths(self) -> Paths:
        if self._paths is None:
            raise RuntimeError("the warehouse resource is used outside a run")
        return self._paths

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A read-write connection to the working copy; use it in a `with` block (dbt needs the lock)."""
        return duckdb.connect(str(self.paths.build_db))
