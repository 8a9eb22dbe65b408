"""Shared fixtures: temporary landing folders and warehouses, and the real job run as people run it.

Nothing here imports Dagster, dbt or DuckDB at module level: the parser tests load this file too
and stay fast (tests/test_layout.py checks it). The real job runs once per scenario and the tests
that only read its warehouse share it (session- and module-scoped fixtures).

The suite runs in two processes (pytest-xdist, `-n 2 --dist loadfile` in pyproject.toml): a test
module stays in one worker, so its module-scoped runs happen once. What the workers share:

- the warehouses every module reads (`seed_warehouse`, `disagreeing_warehouse`, the conflict run of
  test_report.py) are built once per test run, by whichever worker needs one first (`build_once`);
- the dbt project folder: every job run holds `project_lock()` shared; what changes the project's
  files (`dbt parse`, a row in a seed, a planted dbt run folder) holds it exclusively, so no run
  reads a half-written manifest or a seed row meant for another test (`prepare_dbt_once`);
- dbt_project/target/: each run's dbt writes a folder of its own there, replaces partial_parse.msgpack
  atomically and writes last_failed/ only when its build fails (none of the suite's does).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from orchestration.runner import RunReport

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED_RAW = PROJECT_ROOT / "raw"
SEED_FILES = ("hunan-sti-review-2025.txt", "changsha-rd-city-2026.txt")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DBT_TARGET = PROJECT_ROOT / "dbt_project" / "target"  # orchestration.dbt_runs.TARGET_DIR (no import here)

# One id per test run, the same in every xdist worker of the run (and so in every process it starts).
TESTRUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex

# Tests write a landing folder and run the job at once: no settle time (the nightly default is 60 s,
# see config.settle_seconds), unless a test sets one to test the rule itself.
os.environ.setdefault("INDICATORS_SETTLE_SECONDS", "0")


# The order in which the workers take the modules (--dist loadfile hands out a module at a time, in
# collection order, and a worker whose module has at most two tests left takes the next one at
# once): the crash test first and the other long modules early, so that none is left to run alone
# at the end; the few moments a test holds the project exclusively (the first `dbt parse`, the
# planted folder of test_robustness_cases_e2e, the Ctrl-C of `indicators run`, the seed row of
# test_quality_e2e) away from the crash test, whose script holds it shared for a minute and a half,
# and beside modules that run no job where possible. Modules not named here follow, in the usual
# order. Only the order changes, never what runs.
MODULE_ORDER = (
    "test_robustness_faults.py",  # worker 1 (dbt parse, the seed run, the crash test) ...
    "test_robustness_unit.py",  # worker 2: no job, while worker 1 parses the dbt project
    "test_robustness_cases_e2e.py",  # worker 1, after the crash test (a module of one test takes the next at once)
    "test_parsing_rules.py",
    "test_parsing_real_rules.py",
    "test_parsing_gold.py",
    "test_parsing_tables.py",
    "test_alerting_unit.py",
    "test_robustness_cases_unit.py",
    "test_documents.py",
    "test_robustness_e2e.py",  # worker 2
    "test_parsing_real_corpus.py",  # worker 2, no job: beside the planted folder of test_robustness_cases_e2e
    "test_conflicts_real.py",
    "test_analyst_tools.py",
    "test_quality_e2e.py",
    "test_pipeline_e2e.py",
    "test_pages_e2e.py",
    "test_dbt_models.py",
    "test_real_corpus_job.py",
    "test_cli.py",
    "test_report.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(MODULE_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a module's tests keep their order


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


class ProjectLock:
    """A readers-writer lock on the dbt project folder, between the processes of a test run (and of
    any other test run on this checkout): flock on a file in dbt_project/target/.

    Job runs and dbt commands read the project (models, seeds, target/manifest.json, the dbt run
    folders in target/) and hold it shared, any number at once. A test that writes there holds it
    exclusively. A writer first takes the turnstile and keeps it while it waits, so readers that
    come after it wait too: it is not starved by the other worker's runs following each other.
    Re-entrant in a process: a run started while this process holds the lock goes on under it
    (shared inside exclusive too); taking it exclusively while holding it shared is refused."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.held: object | None = None
        self.exclusive = False
        self.depth = 0

    @contextlib.contextmanager
    def hold(self, exclusive: bool = False) -> Iterator[ProjectLock]:
        if self.depth:
            if exclusive and not self.exclusive:
                raise RuntimeError("project_lock(exclusive=True) inside a shared hold would wait for itself")
            self.depth += 1
            try:
                yield self
            finally:
                self.depth -= 1
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / ".tests-turnstile.lock").open("a") as turnstile:
            fcntl.flock(turnstile, fcntl.LOCK_EX)
            held = (self.directory / ".tests-project.lock").open("a")
            fcntl.flock(held, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        self.held, self.exclusive, self.depth = held, exclusive, 1
        try:
            yield self
        finally:
            self.held, self.exclusive, self.depth = None, False, 0
            held.close()  # releases the flock

    def downgrade(self) -> None:
        """Exclusive to shared, in one flock call on the same file (no other process can take it
        exclusively in between): what this process changed is done, what it runs still reads."""
        if self.exclusive and self.depth == 1:
            fcntl.flock(self.held, fcntl.LOCK_SH)
            self.exclusive = False


_PROJECT_LOCK = ProjectLock(DBT_TARGET)


def project_lock(exclusive: bool = False) -> contextlib.AbstractContextManager[ProjectLock]:
    """Shared: this process runs the job or dbt on the project. Exclusive: it changes the project's files."""
    return _PROJECT_LOCK.hold(exclusive)


_PREPARED: list[bool] = []


def prepare_dbt_once() -> None:
    """The dbt manifest the definitions load, parsed once per test run (the project may have changed
    since setup.sh prepared it), as `dagster dev` and `indicators run` do. The first worker to need
    it parses, under the exclusive lock (nobody reads the manifest while dbt writes it); the others
    find the run's mark and go on."""
    if _PREPARED:
        return
    from orchestration.defs.dbt.project import prepare

    mark = DBT_TARGET / ".tests-prepared"
    if mark.exists() and mark.read_text() == TESTRUN_ID:  # written once the parse is complete
        _PREPARED.append(True)
        return
    with project_lock(exclusive=True):
        if not (mark.exists() and mark.read_text() == TESTRUN_ID):
            prepare()
            mark.write_text(TESTRUN_ID)
    _PREPARED.append(True)


def run_job(raw_dir: Path, db: Path, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
    """`dagster job execute -m orchestration.definitions -j nightly_etl`, exactly as the README says."""
    prepare_dbt_once()
    with project_lock():
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
    with project_lock(), environment(job_settings(raw_dir, db, **extra)):
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


@contextlib.contextmanager
def _flock(path: Path) -> Iterator[None]:
    with path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        yield


def build_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]) -> Path:
    """`build(folder)` once per test run: in a folder of this session, or, when xdist runs the suite
    in several workers, in a folder all of them see, built by the first worker that asks while the
    others wait for it (a failed build is tried again by the next one, which then fails as well)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(factory.mktemp(name))
    shared = factory.getbasetemp().parent  # the run's temporary folder, above each worker's own
    root = shared / name
    built = shared / f"{name}.built"
    with _flock(shared / f"{name}.lock"):
        if built.exists():
            return Path(built.read_text())
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        result = build(root)
        built.write_text(str(result))
        return result


def _seed_run(root: Path) -> Path:
    raw = copy_seeds(root / "raw")
    db = root / "warehouse" / "indicators.duckdb"
    report = run_in_process(raw, db)
    assert report.success, report.error
    return db


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run of the nightly job on the seed articles; tests read the published file. In the
    test process (run_in_process): the tests of `dagster job execute` itself run it as a command."""
    return build_once(tmp_path_factory, "seed_run", _seed_run)


def _disagreeing_run(root: Path) -> Path:
    from benchmarks.disagreeing_corpus import write_corpus

    db = root / "warehouse" / "indicators.duckdb"
    if os.environ.get("INDICATORS_TEST_DISAGREEING_DIR") and db.exists():
        return db
    shutil.rmtree(root / "raw", ignore_errors=True)
    raw = write_corpus(root / "raw", int(os.environ.get("INDICATORS_TEST_ARTICLES") or 40))
    report = run_in_process(raw, db)
    assert report.success, report.error
    return db


@pytest.fixture(scope="session")
def disagreeing_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run on a generated corpus whose figures disagree everywhere (every article beside a
    restatement with other numbers, benchmarks.disagreeing_corpus), shared by the analyst-tool tests.
    INDICATORS_TEST_ARTICLES sets its size (default 40: 20 articles and their restatements);
    INDICATORS_TEST_DISAGREEING_DIR keeps it in a folder that later sessions reuse."""
    kept = os.environ.get("INDICATORS_TEST_DISAGREEING_DIR")  # while working: build once, reuse across sessions
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        with _flock(Path(kept) / ".building.lock"):  # one worker builds it, the others reuse it
            return _disagreeing_run(Path(kept))
    return build_once(tmp_path_factory, "disagreeing_run", _disagreeing_run)
