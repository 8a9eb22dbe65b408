"""The resources: the warehouse (one run, one lock, one working copy) and dbt.

Both paths come from the environment through `EnvVar`, resolved when a run starts:
`INDICATORS_RAW_DIR` (the landing folder) and `INDICATORS_DB` (the published warehouse), relative
paths from the project root. The CLI, the schedule and the sensor pass the same values as run
config, with the README's defaults (raw/, warehouse/indicators.duckdb) for a variable that is not
set (`config.warehouse_run_config`); `dagster job execute` and the UI's launchpad need the two
variables (or that run config).

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

import duckdb
from dagster import ConfigurableResource, Definitions, EnvVar, InitResourceContext, definitions
from dagster_dbt import DbtCliResource
from pydantic import PrivateAttr

from orchestration import publish
from orchestration.config import Paths, analyst_wait_seconds, check_layout, dbt_executable, resolve_path
from orchestration.config import lock_wait_seconds as default_lock_wait
from orchestration.defs.dbt.project import dbt_project
from orchestration.faults import fault_point


class WarehouseResource(ConfigurableResource):
    """Where a run reads raw files and which warehouse it builds and publishes."""

    raw_dir: str
    db: str
    lock_wait_seconds: float | None = None  # None: INDICATORS_LOCK_WAIT_SECONDS, else 1800

    _paths: Paths | None = PrivateAttr(default=None)
    _lock: publish.WarehouseLock | None = PrivateAttr(default=None)
    _in_run: bool = PrivateAttr(default=False)

    def resolved_paths(self) -> Paths:
        return Paths(raw_dir=resolve_path(self.raw_dir), db=resolve_path(self.db))

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._in_run = True

    def _acquire(self) -> Paths:
        """Take the writer lock (waiting as configured) and make the working copy; once per run."""
        paths = self.resolved_paths()
        check_layout(paths)  # a warehouse inside raw/ would read its own files as articles
        wait = self.lock_wait_seconds if self.lock_wait_seconds is not None else default_lock_wait()
        lock = publish.WarehouseLock(paths.lock_file, wait_seconds=wait)
        lock.acquire()
        try:
            publish.start_build(paths, analyst_wait_seconds())  # removes a copy cut short (a full disk)
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


@definitions
def resources() -> Definitions:
    return Definitions(
        resources={
            "warehouse": WarehouseResource(raw_dir=EnvVar("INDICATORS_RAW_DIR"), db=EnvVar("INDICATORS_DB")),
            "dbt": DbtCliResource(
                project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir), dbt_executable=dbt_executable()
            ),
        }
    )
