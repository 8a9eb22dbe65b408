"""Crash safety, as anyone can check it: `scripts/fault_inject.py` kills the real job and compares.

Each kill point costs a partial and a full run, so the default run pays for one: the whole process
group, dbt included, killed from outside while dbt builds the mart (during_dbt). With
INDICATORS_SLOW_TESTS=1 a second one is added, where the run kills itself in the middle of writing
staging (mid_parse). Yesterday's mart is the session's seed warehouse, so only the reference run and
the crash/rerun pairs are paid here. Run the script without --points for every point (after_lock ...
after_publish, orphan_dbt).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, copy_seeds, prepare_dbt_once, project_lock

pytestmark = pytest.mark.e2e


POINTS = ("during_dbt", "mid_parse") if os.environ.get("INDICATORS_SLOW_TESTS") else ("during_dbt",)


def test_killed_runs_rerun_to_exactly_the_clean_mart(seed_warehouse: Path, tmp_path: Path) -> None:
    raw = copy_seeds(tmp_path / "raw")  # the folder seed_warehouse was built from
    prepare_dbt_once()
    with project_lock():  # the script runs the job (`dagster job execute`) several times
        result = subprocess.run(
            [sys.executable, "scripts/fault_inject.py", "--raw", str(raw), "--yesterday-db", str(seed_warehouse),
             "--points", ",".join(POINTS), "--workdir", str(tmp_path / "work")],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1500,
        )
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith(POINTS)]
    assert len(lines) == len(POINTS) and all(line.rstrip().endswith("PASS") for line in lines), lines
    assert all("identical" in line and "untouched" in line for line in lines)
