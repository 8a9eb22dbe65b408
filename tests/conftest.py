"""Shared fixtures: temporary landing folders and warehouses, and the real job run as people run it.

Nothing here imports Dagster, dbt or DuckDB at module level: the parser tests load this file too
and stay fast (tests/test_layout.py checks it). The real job runs once per scenario and the tests
that only read its warehouse share it (session- and module-scoped fixtures).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from orchestration.runner import RunReport

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED_RAW = PROJECT_ROOT / "raw"
SEED_FILES = ("hunan-sti-review-2025.txt", "changsha-rd-city-2026.txt")
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Tests write a landing folder and run the job at once: no settle time (the nightly default is 60 s,
# see config.settle_seconds), unless a test sets one to test the rule itself.
os.environ.setdefault("INDICATORS_SETTLE_SECONDS", "0")


def job_settings(raw_dir: Path, db: Path, **extra: str) -> dict[str, str | None]:
    """Environment of one test run (None removes a variable)."""
    settings: dict[str, str | None] = {
        "INDICATORS_RAW_DIR": str(raw_dir),
        "INDICATORS_DB": str(db),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "GX_ANALYTICS_ENABLED": "false",
        "INDICATORS_LOCK_WAIT_SECONDS": "0",
        "INDICATORS_SETTLE_SECONDS": "0",
        "DAGSTER_HOME": None,
        "INDICATORS_ALERT_URL": None,
    }
    settings.update(extra)
    return settings


def job_env(raw_dir: Path, db: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in job_settings(raw_dir, db, **extra).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


_PREPARED: list[bool] = []


def prepare_dbt_once() -> None:
    """The dbt manifest the definitions load, parsed once per session (the project may have changed
    since setup.sh prepared it), as `dagster dev` and `indicators run` do."""
    if not _PREPARED:
        from orchestration.defs.dbt.project import prepare

        prepare()
        _PREPARED.append(True)


def run_job(raw_dir: Path, db: Path, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
    """`dagster job execute -m orchestration.definitions -j nightly_etl`, exactly as the README says."""
    prepare_dbt_once()
    return subprocess.run(
        [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"],
        cwd=PROJECT_ROOT,
        env=job_env(raw_dir, db, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@contextlib.contextmanager
def environment(settings: dict[str, str | None]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in settings}
    try:
        _set_environment(settings)
        yield
    finally:
        _set_environment(saved)


def _set_environment(settings: dict[str, str | None]) -> None:
    """Set each variable, or remove it where the value is None."""
    for key, value in settings.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def run_in_process(raw_dir: Path, db: Path, **extra: str) -> RunReport:
    """The same job executed in the test process: the same assets, dbt, DuckDB and GX, without
    paying the Dagster and GX import cost again for every run (the suite runs the job many times)."""
    from orchestration.runner import run_nightly

    prepare_dbt_once()
    with environment(job_settings(raw_dir, db, **extra)):
        return run_nightly()


def copy_warehouse(src: Path, dest: Path) -> Path:
    """A copy of a published warehouse (a closed DuckDB file) to build another night on."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest


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


@pytest.fixture(scope="session")
def disagreeing_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run on a generated corpus whose figures disagree everywhere (every article beside a
    restatement with other numbers, benchmarks.disagreeing_corpus), shared by the analyst-tool tests.
    INDICATORS_TEST_ARTICLES sets its size (default 40: 20 articles and their restatements);
    INDICATORS_TEST_DISAGREEING_DIR keeps it in a folder that later sessions reuse."""
    from benchmarks.disagreeing_corpus import write_corpus

    kept = os.environ.get("INDICATORS_TEST_DISAGREEING_DIR")  # while working: build once, reuse across sessions
    root = Path(kept) if kept else tmp_path_factory.mktemp("disagreeing_run")
    db = root / "warehouse" / "indicators.duckdb"
    if kept and db.exists():
        return db
    shutil.rmtree(root / "raw", ignore_errors=True)
    raw = write_corpus(root / "raw", int(os.environ.get("INDICATORS_TEST_ARTICLES") or 40))
    result = run_job(raw, db)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return db
