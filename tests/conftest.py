"""Shared fixtures: temporary landing folders and warehouses, and the real job run as people run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED_RAW = PROJECT_ROOT / "raw"
SEED_FILES = ("hunan-sti-review-2025.txt", "changsha-rd-city-2026.txt")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def job_env(raw_dir: Path, db: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        INDICATORS_RAW_DIR=str(raw_dir),
        INDICATORS_DB=str(db),
        DAGSTER_DISABLE_TELEMETRY="1",
        GX_ANALYTICS_ENABLED="false",
        INDICATORS_LOCK_WAIT_SECONDS="0",
    )
    env.pop("DAGSTER_HOME", None)
    env.pop("INDICATORS_ALERT_URL", None)
    env.update(extra)
    return env


def run_job(raw_dir: Path, db: Path, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
    """`dagster job execute -m orchestration.definitions -j nightly_etl`, exactly as the README says."""
    return subprocess.run(
        [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"],
        cwd=PROJECT_ROOT,
        env=job_env(raw_dir, db, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def copy_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SEED_FILES:
        shutil.copy(SEED_RAW / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run of the nightly job on the seed articles; tests read the published file."""
    root = tmp_path_factory.mktemp("seed_run")
    raw = copy_seeds(root / "raw")
    db = root / "warehouse" / "indicators.duckdb"
    result = run_job(raw, db)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return db
