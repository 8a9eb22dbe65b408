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


def _resolve(value: str | None, default: str) -> Path:
    path = Path(value) if value else Path(default)
    return path if path.is_absolute() else (PROJECT_ROOT / path)


def current_paths() -> Paths:
    """Read `INDICATORS_RAW_DIR` and `INDICATORS_DB` at call time (tests change them per run)."""
    return Paths(
        raw_dir=_resolve(os.environ.get("INDICATORS_RAW_DIR"), "raw").resolve(),
        db=_resolve(os.environ.get("INDICATORS_DB"), "warehouse/indicators.duckdb").resolve(),
    )


def alert_url() -> str | None:
    """A notification target (http(s) URL for a JSON POST, or any apprise URL); None disables it."""
    return os.environ.get("INDICATORS_ALERT_URL") or None
