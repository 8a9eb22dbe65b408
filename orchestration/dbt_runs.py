"""dbt invocations of the nightly run: their arguments and what is kept of their target folders.

Plain functions (no Dagster), unit-tested on their own.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from orchestration.config import DBT_PROJECT_DIR

TARGET_DIR = DBT_PROJECT_DIR / "target"


def build_args(build_db: Path) -> list[str]:
    """`dbt build` against the working copy: profiles.yml reads the `build_db` var (else the
    INDICATORS_BUILD_DB variable), so nothing is written to this process's environment. The dbt
    unit tests check the SQL, not the night's data: the test suite runs them, not every night."""
    return ["build", "--vars", json.dumps({"build_db": str(build_db)}), "--exclude-resource-type", "unit_test"]


def keep_failed_run(run_target: Path, target_dir: Path = TARGET_DIR) -> None:
    """A failed build's target/<run>/ (run_results.json, compiled SQL) becomes target/last_failed/,
    replacing the one before: enough to debug the last failure, and the folder does not grow."""
    if run_target.parent != target_dir or not run_target.exists():
        return
    last = run_target.parent / "last_failed"
    shutil.rmtree(last, ignore_errors=True)
    os.replace(run_target, last)


def keep_partial_parse(run_target: Path, target_dir: Path = TARGET_DIR) -> None:
    """Each dbt invocation gets its own target/<run>/ folder; keep its partial-parse state for the
    next night (dagster-dbt copies target/partial_parse.msgpack in; it saves dbt ~3 s of parsing when
    the warehouse path is unchanged) and remove the rest so the folder does not grow."""
    if run_target.parent != target_dir:
        return
    state = run_target / "partial_parse.msgpack"
    if state.exists():
        staged = run_target.parent / f".partial_parse.{os.getpid()}"
        shutil.copyfile(state, staged)
        os.replace(staged, run_target.parent / "partial_parse.msgpack")
    shutil.rmtree(run_target, ignore_errors=True)
