"""The benchmark command runs end to end on a tiny corpus and prints its tables.

Only that it completes and prints is checked: timings on a shared machine are reported, never
asserted (see benchmarks/run_benchmark.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.e2e
@pytest.mark.skipif(
    not os.environ.get("INDICATORS_SLOW_TESTS"),
    reason="four real job runs (~2-3 min): set INDICATORS_SLOW_TESTS=1, as the benchmark's own check",
)
def test_benchmark_completes_and_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run_benchmark", "--articles", "20", "--increment", "3",
         "--workdir", str(tmp_path / "bench")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1800,
    )
    out = result.stdout
    assert result.returncode == 0, out[-3000:] + result.stderr[-3000:]
    for expected in ("nothing new, empty warehouse: ok", "full run, 20 articles: ok", "stage", "parse", "dbt",
                     "publish", "parser: in the job", "quality:", "increment: 3 new files", "summary"):
        assert expected in out, f"{expected!r} missing from:\n{out[-3000:]}"
