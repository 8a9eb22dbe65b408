"""Crash safety, as anyone can check it: `scripts/fault_inject.py` kills the real job and compares.

Two kill points keep this affordable (each costs a partial and a full run): one where the run kills
itself in the middle of writing staging (mid_parse), one where the whole process group, dbt
included, is killed from outside while dbt builds the mart (during_dbt). Yesterday's mart is the
session's seed warehouse, so only the reference run and the two crash/rerun pairs are paid here.
Run the script without --points for every point (after_lock ... after_publish, orphan_dbt).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, copy_seeds

pytestmark = pytest.mark.e2e


def test_killed_runs_rerun_to_exactly_the_clean_mart(seed_warehouse: Path, tmp_path: Path) -> None:
    raw = copy_seeds(tmp_path / "raw")  # the folder seed_warehouse was built from
    result = subprocess.run(
        [sys.executable, "scripts/fault_inject.py", "--raw", str(raw), "--yesterday-db", str(seed_warehouse),
         "--points", "mid_parse,during_dbt", "--workdir", str(tmp_path / "work")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1500,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith(("mid_parse", "during_dbt"))]
    assert len(lines) == 2 and all(line.rstrip().endswith("PASS") for line in lines), lines
    assert all("identical" in line and "untouched" in line for line in lines)
