"""Where things live. One place that reads the environment, so every entry point agrees."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
STAGING_SCHEMA_SQL = Path(__file__).resolve().parent / "staging_schema.sql"


def dbt_executable() -> str:
    """The dbt beside this interpreter (a venv that is not activated), else the one on PATH."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


@dataclass(frozen=True)
class Paths:
    """The published warehouse, its working copy and the files kept beside it."""

    raw_dir: Path
    db: Path

    @property
    def warehouse_dir(self) -> Path:
        return self.db.parent

    @property
    def build_db(self) -> Path:
        """The working copy a run builds; only `publish` turns it into `db`."""
        return self.db.with_name(self.db.name + ".building")

    @property
    def lock_file(self) -> Path:
        return self.db.with_name(self.db.name + ".lock")

    @property
    def alerts_log(self) -> Path:
        return self.warehouse_dir / "alerts.jsonl"

    @property
    def docs_dir(self) -> Path:
        return self.warehouse_dir / "docs"


DEFAULT_RAW_DIR = "raw"
DEFAULT_DB = "warehouse/indicators.duckdb"
DEFAULT_LOCK_WAIT_SECONDS = 1800.0


def resolve_path(value: str) -> Path:
    """An absolute path; a relative one is taken from the project root (not the current folder)."""
    path = Path(value)
    return (path if path.is_absolute() else (PROJECT_ROOT / path)).resolve()


def current_paths() -> Paths:
    """Read `INDICATORS_RAW_DIR` and `INDICATORS_DB` at call time (tests change them per run)."""
    return Paths(
        raw_dir=resolve_path(os.environ.get("INDICATORS_RAW_DIR") or DEFAULT_RAW_DIR),
        db=resolve_path(os.environ.get("INDICATORS_DB") or DEFAULT_DB),
    )


def warehouse_run_config(paths: Paths | None = None) -> dict:
    """Run config giving the warehouse resource these paths (default: the environment's, or the
    README's defaults): what the CLI, the schedule and the sensor launch the job with."""
    paths = paths or current_paths()
    return {"resources": {"warehouse": {"config": {"raw_dir": str(paths.raw_dir), "db": str(paths.db)}}}}


def lock_wait_seconds() -> float:
    """How long a run waits for another run's writer lock: `INDICATORS_LOCK_WAIT_SECONDS`, else 1800."""
    return float(os.environ.get("INDICATORS_LOCK_WAIT_SECONDS") or DEFAULT_LOCK_WAIT_SECONDS)


DEFAULT_SETTLE_SECONDS = 60.0
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_ANALYST_WAIT_SECONDS = 900.0


def _float_env(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def settle_seconds() -> float:
    """A landing file changed less than this long ago is still being written: it waits for the next
    run. `INDICATORS_SETTLE_SECONDS`, else 60."""
    return _float_env("INDICATORS_SETTLE_SECONDS", DEFAULT_SETTLE_SECONDS)


def ready_marker() -> str | None:
    """`INDICATORS_READY_MARKER` (e.g. `.done`): every landing file waits until `NAME<marker>` exists
    beside it. Unset: only in folders that already hold such markers (see ingest.READY_MARKERS)."""
    return os.environ.get("INDICATORS_READY_MARKER") or None


def max_file_bytes() -> int:
    """The largest landing file read (`INDICATORS_MAX_FILE_BYTES`, else 64 MiB); larger ones are refused."""
    return int(_float_env("INDICATORS_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def analyst_wait_seconds() -> float:
    """How long a run waits for someone else's read-write connection to the published warehouse to
    close before it refuses to replace the file: `INDICATORS_ANALYST_WAIT_SECONDS`, else 900."""
    return _float_env("INDICATORS_ANALYST_WAIT_SECONDS", DEFAULT_ANALYST_WAIT_SECONDS)


def check_layout(paths: Paths) -> None:
    """Refuse a warehouse folder inside the landing folder: the job would read its own report,
    alert log and database as articles."""
    raw, warehouse = paths.raw_dir.resolve(), paths.warehouse_dir.resolve()
    if warehouse == raw or warehouse.is_relative_to(raw):
        raise ValueError(
            f"the warehouse folder {warehouse} lies inside the raw folder {raw}: the job would read its own "
            "database, report and alerts as articles. Point INDICATORS_DB outside INDICATORS_RAW_DIR."
        )


def alert_url() -> str | None:
    """A notification target (http(s) URL for a JSON POST, or any apprise URL); None disables it."""
    return os.environ.get("INDICATORS_ALERT_URL") or None
