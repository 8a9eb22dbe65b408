"""scripts/gold_agreement.py: two readings of the same passages scored against each other."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "tests" / "fixtures" / "second_reading"


def _agreement(first: Path, second: Path, texts: Path) -> str:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "gold_agreement.py"), str(first), str(second),
                           str(texts)], check=True, capture_output=True, text=True).stdout


def test_a_reading_agrees_with_itself_entirely() -> None:
    first = ROOT / "tests" / "fixtures" / "real" / "holdout48" / "gold_h187.jsonl"
    out = _agreement(first, first, first.parent)
    assert "(recall 1.000); attributes agree 1.000" in out


def test_the_second_reading_of_h183_disagrees_only_on_some_periods() -> None:
    first = ROOT / "tests" / "fixtures" / "real" / "holdout47" / "gold_h183.jsonl"
    out = _agreement(first, SECOND / "gold_r183.jsonl", first.parent)
    assert "attributes agree 0.943" in out and "{'period': 8}" in out
