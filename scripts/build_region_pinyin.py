"""Build the dbt seed ``dbt_project/seeds/region_pinyin.csv``: each region's name in toneless pinyin
(湖南省 -> hunan, 长沙市 -> changsha), from ``regions.csv`` and the ``pypinyin`` package.

Dev-only tool: the product reads the committed CSV and never imports ``pypinyin``. People name the
files they save after the place (`changsha-rd-city-2026.txt`); the parser reads that name for the
region of a story whose text names none. Rerun after the regions seed changes::

    pip install pypinyin==0.55.0
    python scripts/build_region_pinyin.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from pypinyin import lazy_pinyin

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"

# the spelling people use where pypinyin reads a character otherwise, or where two names would
# otherwise be spelt alike (陕西 is written shaanxi to tell it from 山西)
SPELLINGS = {"陕西": "shaanxi", "长治": "changzhi", "朝阳": "chaoyang", "长春": "changchun"}
# where two prefectures share a spelling, the one a file named so means far more often (the provincial
# capital, or the much larger city); the other is then found by its Chinese name only. 台州/泰州 are
# alike in size: neither is kept.
PREFERRED = {"suzhou": "苏州", "fuzhou": "福州", "yichun": "宜春", "yulin": "榆林"}
# the words a file about the nation is named with (`quanguo-bulletin-2023.txt`, `china-traditional-2019.txt`)
NATION_SPELLINGS = ("quanguo", "zhongguo", "china", "national")


def main() -> None:
    with (SEEDS / "regions.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["level"] in ("province", "prefecture")]
    spelt = [(row["region_code"], row["short_name"],
              SPELLINGS.get(row["short_name"], "".join(lazy_pinyin(row["short_name"])))) for row in rows]
    spelt = [(code, pinyin) for code, name, pinyin in spelt if PREFERRED.get(pinyin, name) == name]
    with (SEEDS / "region_pinyin.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["region_code", "pinyin"])
        writer.writerows(spelt)
        nation = next(row["region_code"] for row in csv.DictReader((SEEDS / "regions.csv").open(encoding="utf-8"))
                      if row["level"] == "country")
        writer.writerows((nation, spelling) for spelling in NATION_SPELLINGS)


if __name__ == "__main__":
    main()
