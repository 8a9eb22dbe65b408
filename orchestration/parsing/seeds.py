"""Loads the dbt seed dictionaries once per process (module-level cache)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"


@cache
def read_seed(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `dbt_project/seeds/<name>.csv`; empty if the seed is not there yet."""
    path = SEEDS_DIR / f"{name}.csv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))
