"""Checks a gold annotation file against its texts before anyone scores with it.

usage: python scripts/check_gold.py GOLD.jsonl TEXTS_DIR

Every row must name an existing file, quote an exact substring of it, and use the contract's
vocabularies (CONVENTIONS.md). Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

FIELDS = ("file", "quote", "value", "unit", "counter", "qualifier", "value_kind", "region_name", "period",
          "subject", "tier", "figure_key")
UNITS = {"yuan", "usd", "percent", "percentage_point", "rank", "count"}
QUALIFIERS = {"exact", "lower_bound", "upper_bound", "approx"}
KINDS = {"level", "growth_rate", "share", "rank", "rank_change", "change", "target"}
TIERS = {"core", "extra", "ignore", "not_a_figure"}
PERIOD = re.compile(r"^\d{4}(-\d{4}|H[12]|Q[1-4](-Q[1-4])?|M\d{2}(-M\d{2})?)?$")


def problems(row: dict, texts: pathlib.Path) -> list[str]:
    found = [f"missing field {name}" for name in FIELDS if name not in row]
    if found:
        return found
    path = texts / row["file"]
    if not path.is_file():
        return [f"no file {row['file']}"]
    if row["quote"] not in path.read_text("utf-8"):
        found.append(f"quote not in file: {row['quote']!r}")
    if row["tier"] not in TIERS:
        found.append(f"tier {row['tier']!r}")
    if row["tier"] in ("not_a_figure", "ignore"):
        return found
    if row["unit"] not in UNITS:
        found.append(f"unit {row['unit']!r}")
    if row["qualifier"] not in QUALIFIERS:
        found.append(f"qualifier {row['qualifier']!r}")
    if row["value_kind"] not in KINDS:
        found.append(f"value_kind {row['value_kind']!r}")
    if not isinstance(row["value"], int | float):
        found.append(f"value {row['value']!r} is not a number")
    if row["period"] is not None and not PERIOD.match(str(row["period"])):
        found.append(f"period {row['period']!r}")
    if row["unit"] == "count" and not row["counter"]:
        found.append("a count needs its counter (家, 项, 人 ...)")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    gold, texts = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    bad = 0
    for number, line in enumerate(gold.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"{gold}:{number}: not JSON: {error}")
            bad += 1
            continue
        for problem in problems(row, texts):
            print(f"{gold}:{number}: {problem}")
            bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
