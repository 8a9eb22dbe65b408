#!/usr/bin/env python3
"""How far two annotators agree: a second reading's gold scored against the first as the scorer scores a parser.

usage: gold_agreement.py FIRST_GOLD SECOND_GOLD TEXT_DIR [-v]

A second-reading row of tier core or extra matches a first-reading core row when their quotes' occurrences
overlap and value and unit agree (score_extraction.py's rule). Prints the share of the first reading's core
rows the second marks at all (recall) and, of those, the share whose region, period, qualifier and kind
agree (attributes): the ceiling a parser can be held to on the same passages. -v lists the disagreements.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KEYS = ("region_name", "period", "qualifier", "value_kind")


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def main(argv: list[str]) -> int:
    first = [json.loads(line) for line in Path(argv[1]).read_text(encoding="utf-8").splitlines() if line.strip()]
    second = [json.loads(line) for line in Path(argv[2]).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts_dir = Path(argv[3])
    texts: dict[str, str] = {}

    def spans(row: dict) -> list[tuple[int, int]]:
        text = texts.setdefault(row["file"], (texts_dir / row["file"]).read_text(encoding="utf-8"))
        return occurrences(text, row["quote"])

    marked = [(row, spans(row)) for row in second if row["tier"] in ("core", "extra")]
    core = [row for row in first if row["tier"] == "core"]
    matched = agreed = 0
    disagreements: Counter[str] = Counter()
    for row in core:
        own = spans(row)
        hits = [other for other, where in marked if other["file"] == row["file"] and close(other["value"], row["value"])
                and other["unit"] == row["unit"] and any(s < e2 and s2 < e for s, e in own for s2, e2 in where)]
        if not hits:
            continue
        matched += 1
        if any(all(hit[key] == row[key] for key in KEYS) for hit in hits):
            agreed += 1
            continue
        disagreements.update(key for key in KEYS if hits[0][key] != row[key])
        if "-v" in argv:
            print(row["file"], row["quote"], [(row[k], hits[0][k]) for k in KEYS if hits[0][k] != row[k]])
    print(f"first core rows {len(core)}, marked by the second reading {matched} (recall {matched / len(core):.3f}); "
          f"attributes agree {agreed / max(1, matched):.3f}; disagreements by attribute {dict(disagreements)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
