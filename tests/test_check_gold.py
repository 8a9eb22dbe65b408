"""scripts/check_gold.py, which annotators run on their gold before anyone scores with it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROW = {"file": "a.txt", "quote": "研发经费投入增长8.62%", "value": 8.62, "unit": "percent", "counter": None,
       "qualifier": "exact", "value_kind": "growth_rate", "region_name": "湖南省", "period": "2025", "subject": None,
       "tier": "core", "figure_key": "k1"}


def check(tmp_path: Path, rows: list[dict]) -> subprocess.CompletedProcess:
    (tmp_path / "a.txt").write_text("2025年，全省研发经费投入增长8.62%。", "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_gold.py"), str(gold), str(tmp_path)],
                          capture_output=True, text=True)


def test_a_good_row_passes(tmp_path: Path) -> None:
    done = check(tmp_path, [ROW])
    assert done.returncode == 0, done.stdout
    assert done.stdout.strip().endswith("0 problem(s)")


def test_each_kind_of_mistake_is_named(tmp_path: Path) -> None:
    rows = [{**ROW, "quote": "增长9%"}, {**ROW, "unit": "percents"}, {**ROW, "period": "2025年"},
            {**ROW, "unit": "count", "counter": None}, {k: v for k, v in ROW.items() if k != "tier"}]
    done = check(tmp_path, rows)
    assert done.returncode == 1
    for expected in ("quote not in file", "unit 'percents'", "period '2025年'", "needs its counter",
                     "missing field tier"):
        assert expected in done.stdout, (expected, done.stdout)
