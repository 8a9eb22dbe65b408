"""Writes a synthetic corpus of Chinese S&T news files whose figures and conflicts are known in advance.

Why: raw/ holds two real articles; scale tests and benchmarks need thousands of files in the same style
(titles, bylines, captions, layout repeats, reprints, GB18030 files) with an answer key. Every figure is
drawn from one deterministic "truth" per (region, indicator, year), so independent articles never
contradict each other by accident; the only contradictions are the planted ones, listed pair by pair.

    python -m benchmarks.generate_corpus OUT_DIR --articles 10000 [--seed 0] [--conflict-rate 0.02]
        [--reprint-rate 0.05] [--gbk-rate 0.1] [--articles-per-file 1..3] [--article-kb 15]
        [--expected PATH] [--conflicts PATH]

Beside OUT_DIR (named after it) it writes `<name>.expected.jsonl` (one line per planted figure, in the
shape of gold/seeds.jsonl plus region_code, indicator, planted_conflict, encoding),
`<name>.conflicts.jsonl` (one line per planted conflict: both files, quotes and values),
`<name>.files.jsonl` (encoding and article spans of every file) and `<name>.summary.json`.

Planted conflicts are exact values that cannot both be true within the warehouse's 0.5% tolerance.
Keys that carry conflicts are only ever stated exactly anywhere in the corpus (about 1 key in 8 is
"exact-only"), so a planted wrong value contradicts the true figure and nothing else: each planted
conflict is exactly one pair of figures in `mart.dq_conflicts`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REGIONS_CSV = PROJECT_ROOT / "dbt_project" / "seeds" / "regions.csv"

FIRST_YEAR, LAST_YEAR = 2015, 2026  # years that figures are about and articles are published in
BASE_YEAR = FIRST_YEAR - 1  # the truth starts here so 2015 has a growth rate and a change
TARGET_YEARS = (2020, 2025, 2027, 2030, 2035)
ELIGIBLE_SHARE = 0.125  # share of keys stated exactly everywhere, from which conflicts are drawn
MIN_CONFLICT_GAP = 0.02  # a planted wrong value differs from the truth by at least this share
NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９.．%％零一二三四五六七八九十百千万亿两")
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
CN_DIGITS = "零一二三四五六七八九"
WEEKDAYS = "一二三四五六日"


# ---------------------------------------------------------------------------------------------------------
# Regions and indicators
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short: str | None  # None when another region shares the short name
    level: str  # 'province' or 'prefecture'
    parent: str | None
    ref: str | None  # 全省 / 全市 where that is how the press refers to the region
    rank_scope: str  # the ranking a 居…第N位 figure is within: 全国 for provinces, 全省 for cities
    rank_size: int
    children: tuple[str, ...] = ()

    @property
    def mention(self) -> str:
        return self.short or self.name


def load_regions(path: Path = REGIONS_CSV) -> dict[str, Region]:
    """Mainland provinces and prefecture-level units from the dbt seed, keyed by code."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["level"] in ("province", "prefecture")]
    skip = {"710000", "810000", "820000"}  # Taiwan, Hong Kong, Macao: not covered by this press
    rows = [r for r in rows if r["region_code"] not in skip and r["parent_code"] not in skip]
    shorts: dict[str, int] = {}
    for r in rows:
        shorts[r["short_name"]] = shorts.get(r["short_name"], 0) + 1
    children: dict[str, list[str]] = {}
    for r in rows:
        if r["level"] == "prefecture":
            children.setdefault(r["parent_code"], []).append(r["region_code"])
    provinces = sum(r["level"] == "province" for r in rows)
    regions = {}
    for r in rows:
        name, code = r["region_name"], r["region_code"]
        is_province = r["level"] == "province"
        ref = "全省" if name.endswith("省") else "全市" if name.endswith("市") else None
        regions[code] = Region(
            code=code,
            name=name,
            short=r["short_name"] if shorts[r["short_name"]] == 1 and r["short_name"] != name else None,
            level=r["level"],
            parent=r["parent_code"] or None,
            ref=ref,
            rank_scope="全国" if is_province else "全省",
            rank_size=provinces if is_province else len(children.get(r["parent_code"], [])),
            children=tuple(children.get(code, [])),
        )
    return regions


@dataclass(frozen=True)
class Indicator:
    """One indicator of the bank; ranges are for a typical province in BASE_YEAR."""

    code: str
    name: str
    aliases: tuple[tuple[str, tuple[str, ...]], ...]  # how articles name it, and verbs that follow
    unit: str  # 'yuan' (ticks of 0.01亿元), 'count' or 'percent' (ticks of 0.01)
    counter: str | None
    base: tuple[float, float]  # 亿元, count or percent
    step: tuple[float, float]  # yearly growth in % (yuan, count) or change in points (percent)
    city: tuple[float, float]  # a city's level relative to a province's
    decimals: int = 0  # decimals of a count (每万人口… has two)
    growth: bool = True
    rank: bool = False
    target: bool = False
    stock: bool = False  # reads naturally as 拥有{n}家{alias}
    cities: bool = True
    listable: bool = True  # may appear in a 分别 list
    span: tuple[str, str] | None = None  # 十四五 cumulative: (lead outside the quote, quote template)


LEVEL_VERBS = ("达", "达到", "为", "增至", "达")
SHARE_VERBS = ("达", "达到", "提升至", "提高到", "为")
RISING_VERBS = frozenset(("增至", "提升至", "提高到"))
INDICATORS: tuple[Indicator, ...] = (
    Indicator("rd_expenditure", "研发经费投入",
              (("研发经费投入", LEVEL_VERBS), ("全社会研发经费投入", LEVEL_VERBS),
               ("研究与试验发展经费投入", LEVEL_VERBS)),
              "yuan", None, (120, 1800), (5, 16), (0.03, 0.35), rank=True, target=True),
    Indicator("rd_intensity", "研发投入强度",
              (("研发投入强度", SHARE_VERBS), ("研发经费投入强度", SHARE_VERBS),
               ("全社会研发投入强度", SHARE_VERBS)),
              "percent", None, (0.6, 2.6), (0.02, 0.18), (0.6, 1.4), growth=False, rank=True, target=True),
    Indicator("tech_contract_turnover", "技术合同成交额",
              (("技术合同成交额", LEVEL_VERBS), ("技术合同成交金额", LEVEL_VERBS),
               ("技术市场合同成交额", LEVEL_VERBS)),
              "yuan", None, (40, 1500), (8, 32), (0.02, 0.4), rank=True, target=True,
              span=("", "技术合同成交额累计达{n}")),
    Indicator("high_tech_enterprises", "高新技术企业",
              (("高新技术企业", LEVEL_VERBS), ("高新技术企业数量", LEVEL_VERBS), ("国家高新技术企业", LEVEL_VERBS)),
              "count", "家", (800, 15000), (8, 22), (0.02, 0.35), rank=True, target=True, stock=True),
    Indicator("tech_smes", "科技型中小企业",
              (("科技型中小企业", LEVEL_VERBS), ("科技型中小企业入库数量", LEVEL_VERBS),
               ("入库科技型中小企业", LEVEL_VERBS)),
              "count", "家", (1500, 20000), (10, 30), (0.02, 0.35), rank=True, target=True, stock=True),
    Indicator("valid_invention_patents", "有效发明专利",
              (("有效发明专利", LEVEL_VERBS), ("有效发明专利拥有量", LEVEL_VERBS), ("有效发明专利数量", LEVEL_VERBS)),
              "count", "件", (5000, 120000), (10, 25), (0.02, 0.35), stock=True),
    Indicator("high_value_patents_per_10k", "每万人口高价值发明专利拥有量",
              (("每万人口高价值发明专利拥有量", LEVEL_VERBS), ("每万人口高价值发明专利", LEVEL_VERBS)),
              "count", "件", (1.0, 12.0), (8, 25), (0.4, 2.0), decimals=2, rank=True, target=True,
              listable=False),
    Indicator("little_giant_enterprises", "国家级专精特新“小巨人”企业",
              (("国家级专精特新“小巨人”企业", LEVEL_VERBS), ("专精特新“小巨人”企业", LEVEL_VERBS)),
              "count", "家", (10, 200), (15, 40), (0.03, 0.4), rank=True, stock=True),
    Indicator("national_key_labs", "全国重点实验室",
              (("全国重点实验室", LEVEL_VERBS), ("全国重点实验室数量", LEVEL_VERBS)),
              "count", "家", (2, 30), (0, 12), (0.05, 0.5), growth=False, stock=True),
    Indicator("high_tech_industry_value_added", "高新技术产业增加值",
              (("高新技术产业增加值", LEVEL_VERBS), ("高新技术产业实现增加值", ("",))),
              "yuan", None, (600, 9000), (6, 15), (0.02, 0.35), target=True),
    Indicator("high_tech_industry_share", "高新技术产业增加值占地区生产总值比重",
              (("高新技术产业增加值占地区生产总值比重", SHARE_VERBS), ("高新技术产业增加值占GDP比重", SHARE_VERBS)),
              "percent", None, (10, 28), (0.1, 0.9), (0.6, 1.4), growth=False, target=True),
    Indicator("invention_patents_granted", "发明专利授权量",
              (("发明专利授权量", LEVEL_VERBS), ("发明专利授权", ("",))),
              "count", "件", (1500, 40000), (5, 25), (0.02, 0.35)),
    Indicator("engineering_research_centers", "省级以上工程技术研究中心",
              (("省级以上工程技术研究中心", LEVEL_VERBS), ("工程技术研究中心", LEVEL_VERBS)),
              "count", "家", (80, 700), (3, 10), (0.03, 0.35), stock=True),
    Indicator("new_rd_institutions", "新型研发机构",
              (("新型研发机构", LEVEL_VERBS), ("新型研发机构数量", LEVEL_VERBS)),
              "count", "家", (10, 200), (10, 30), (0.04, 0.4), stock=True),
    Indicator("tech_incubators", "科技企业孵化器",
              (("科技企业孵化器", LEVEL_VERBS),),
              "count", "家", (20, 350), (5, 18), (0.03, 0.35), stock=True),
    Indicator("maker_spaces", "众创空间",
              (("众创空间", LEVEL_VERBS), ("众创空间数量", LEVEL_VERBS)),
              "count", "家", (30, 500), (5, 20), (0.03, 0.35), stock=True),
    Indicator("rd_personnel", "研发人员",
              (("研发人员", LEVEL_VERBS), ("从事研发活动人员", LEVEL_VERBS)),
              "count", "人", (30000, 600000), (3, 12), (0.02, 0.35)),
    Indicator("academician_workstations", "院士工作站",
              (("院士工作站", LEVEL_VERBS), ("省级院士工作站", LEVEL_VERBS)),
              "count", "家", (10, 150), (2, 10), (0.03, 0.35), growth=False, stock=True),
    Indicator("knowledge_value_loans", "知识价值信用贷款",
              (("知识价值信用贷款发放额", LEVEL_VERBS), ("发放知识价值信用贷款", ("",))),
              "yuan", None, (3, 150), (10, 40), (0.03, 0.35)),
    Indicator("tech_achievements_transferred", "科技成果转化项目",
              (("转化科技成果", ("",)), ("科技成果转化项目", LEVEL_VERBS)),
              "count", "项", (300, 6000), (5, 20), (0.03, 0.35), listable=False,
              span=("累计", "转化科技成果{n}")),
    Indicator("national_high_tech_zones", "国家级高新区",
              (("国家级高新区", LEVEL_VERBS), ("国家高新技术产业开发区", LEVEL_VERBS)),
              "count", "家", (1, 14), (0, 5), (1, 1), growth=False, stock=True, cities=False),
    Indicator("national_sci_tech_awards", "国家科学技术奖",
              (("获国家科学技术奖", ("",)), ("国家科学技术奖获奖成果", LEVEL_VERBS)),
              "count", "项", (3, 40), (-10, 15), (1, 1), growth=False, cities=False, listable=False),
    Indicator("pct_applications", "PCT国际专利申请量",
              (("PCT国际专利申请量", LEVEL_VERBS), ("PCT国际专利申请", ("",))),
              "count", "件", (50, 3000), (5, 30), (0.02, 0.35)),
    Indicator("fiscal_sci_tech_spending", "财政科技支出",
              (("财政科技支出", LEVEL_VERBS), ("地方财政科技支出", LEVEL_VERBS)),
              "yuan", None, (20, 400), (3, 15), (0.03, 0.35)),
    Indicator("industrial_enterprise_rd", "规模以上工业企业研发经费",
              (("规模以上工业企业研发经费", LEVEL_VERBS), ("规上工业企业研发经费支出", LEVEL_VERBS)),
              "yuan", None, (80, 1400), (5, 16), (0.03, 0.35)),
    Indicator("enterprise_rd_org_coverage", "规模以上工业企业研发机构覆盖率",
              (("规模以上工业企业研发机构覆盖率", SHARE_VERBS), ("规上工业企业研发机构覆盖率", SHARE_VERBS)),
              "percent", None, (10, 40), (0.5, 3.0), (0.6, 1.4), growth=False),
    Indicator("tech_contracts_registered", "技术合同登记数",
              (("登记技术合同", ("",)), ("技术合同登记数", LEVEL_VERBS)),
              "count", "项", (2000, 50000), (5, 20), (0.02, 0.35), listable=False),
    Indicator("key_core_technologies", "关键核心技术突破",
              (("突破关键核心技术", ("",)), ("突破产业关键技术", ("",))),
              "count", "项", (20, 200), (-5, 20), (0.1, 0.5), listable=False,
              span=("累计", "突破关键核心技术{n}")),
    Indicator("scientific_literacy", "公民具备科学素质的比例",
              (("公民具备科学素质的比例", SHARE_VERBS), ("具备科学素质的公民比例", SHARE_VERBS)),
              "percent", None, (3, 10), (0.3, 1.0), (0.7, 1.4), growth=False, rank=True, target=True),
    Indicator("high_tech_exports", "高新技术产品出口额",
              (("高新技术产品出口额", LEVEL_VERBS), ("高新技术产品出口", LEVEL_VERBS)),
              "yuan", None, (50, 5000), (-8, 20), (0.02, 0.35)),
)


# ---------------------------------------------------------------------------------------------------------
# Numbers as written
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A number as an article writes it: numeral (ASCII or Chinese), what follows it, normalised value."""

    numeral: str
    suffix: str
    value: float
    arabic: bool = True


def fmt_ticks(ticks: int, decimals: int) -> str:
    """Integer ticks of 10**-decimals as a plain decimal without trailing zeros: 51236, 2 -> '512.36'."""
    if decimals == 0:
        return str(ticks)
    sign, t = ("-", -ticks) if ticks < 0 else ("", ticks)
    whole, frac = divmod(t, 10**decimals)
    text = f"{whole}.{frac:0{decimals}d}".rstrip("0").rstrip(".")
    return sign + text


def value_of(numeral: str, multiplier: int) -> float:
    """The exact normalised value of a written ASCII numeral (Decimal avoids 512.36*1e8 float noise)."""
    return float(Decimal(numeral) * multiplier)


def cn_int(n: int, liang: bool) -> str:
    """Chinese numerals for 1..99 and round hundreds/thousands: 五, 十二, 二十三, 两千."""
    if n < 10:
        return "两" if n == 2 and liang else CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    for unit, word in ((1000, "千"), (100, "百")):
        if n % unit == 0 and n // unit < 10:
            head = n // unit
            return ("两" if head == 2 and liang else CN_DIGITS[head]) + word
    raise ValueError(n)


def round_sig(t: int, digits: int, mode: str) -> int:
    """Round positive integer ticks to `digits` significant digits: floor, ceil or nearest."""
    length = len(str(t))
    if length <= digits:
        return t
    unit = 10 ** (length - digits)
    if mode == "floor":
        return t // unit * unit
    if mode == "ceil":
        return -(-t // unit) * unit
    return (t + unit // 2) // unit * unit


def money_num(ticks: int, chinese: bool = False) -> Num:
    """Ticks of 0.01亿元 as written: 亿元 from 1亿, else 万元; 万亿元 or 两千亿元 only for round values."""
    value = ticks * 1_000_000
    if chinese and ticks % 100_000 == 0 and 0 < ticks // 100_000 < 10:
        return Num(cn_int(ticks // 100, liang=True), "亿元", float(value), arabic=False)
    if ticks >= 1_000_000 and ticks % 10_000 == 0:
        numeral = fmt_ticks(ticks, 6)
        return Num(numeral, "万亿元", value_of(numeral, 10**12))
    if ticks >= 100:
        numeral = fmt_ticks(ticks, 2)
        return Num(numeral, "亿元", value_of(numeral, 10**8))
    return Num(str(ticks * 100), "万元", float(value))


def count_num(ticks: int, ind: Indicator, wan: bool = False, chinese: bool = False) -> Num:
    """A count as written: 18234家, 1.82万家 (rounded within 0.25%), 两万家, 五家, 12.35件."""
    counter = ind.counter or ""
    if ind.decimals:
        numeral = fmt_ticks(ticks, ind.decimals)
        return Num(numeral, counter, float(Decimal(numeral)))
    if chinese and 2 <= ticks < 100:
        return Num(cn_int(ticks, liang=True), counter, float(ticks), arabic=False)
    if chinese and ticks % 10_000 == 0 and 0 < ticks // 10_000 < 10:
        return Num(cn_int(ticks // 10_000, liang=True), "万" + counter, float(ticks), arabic=False)
    if wan and ticks >= 10_000:
        for decimals in (1, 2, 3, 4):
            unit = 10 ** (4 - decimals)
            rounded = (ticks + unit // 2) // unit
            if abs(rounded * unit - ticks) <= 0.0025 * ticks:
                numeral = fmt_ticks(rounded, decimals)
                return Num(numeral, "万" + counter, value_of(numeral, 10_000))
    return Num(str(ticks), counter, float(ticks))


def percent_num(ticks: int, suffix: str = "%") -> Num:
    """Ticks of 0.01 as a percent (or 个百分点): 262 -> '2.62%', value 2.62."""
    numeral = fmt_ticks(ticks, 2)
    return Num(numeral, suffix, float(Decimal(numeral)))


def level_num(ind: Indicator, ticks: int, wan: bool = False, chinese: bool = False) -> Num:
    """A level of `ind` as written, in the indicator's own unit."""
    if ind.unit == "yuan":
        return money_num(ticks, chinese)
    if ind.unit == "percent":
        return percent_num(ticks)
    return count_num(ticks, ind, wan, chinese)


def mutate(num: Num, rng: random.Random, integer_only: bool, low: float, high: float) -> tuple[Num, str] | None:
    """A wrong value for a planted conflict: transposed digits if that moves the value by at least
    MIN_CONFLICT_GAP, else a different value 3-15% away; stays within [low, high] (ranks, percents)."""
    base = Decimal(num.numeral)
    multiplier = Decimal(num.value) / base
    digits = [i for i, c in enumerate(num.numeral) if c.isdigit()]
    options = []
    for a, b in zip(digits, digits[1:], strict=False):
        chars = list(num.numeral)
        if b != a + 1 or chars[a] == chars[b] or (a == 0 and chars[b] == "0"):
            continue
        chars[a], chars[b] = chars[b], chars[a]
        options.append("".join(chars))
    rng.shuffle(options)
    decimals = len(num.numeral.split(".")[1]) if "." in num.numeral else 0
    for _ in range(12):
        factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.03, 0.15)
        changed = round(base * Decimal(str(factor)), decimals)
        if integer_only and base < 20:
            changed = base + rng.choice((-3, -2, -1, 1, 2, 3))
        options.append(f"{changed:.{decimals}f}")
    for index, numeral in enumerate(options):
        new = Decimal(numeral)
        if new <= 0 or not low <= float(new) <= high:
            continue
        if abs(new - base) < Decimal(str(MIN_CONFLICT_GAP)) * max(new, base):
            continue
        mutation = "transposed_digits" if index < len(options) - 12 else "different_value"
        return Num(numeral, num.suffix, float(new * multiplier)), mutation
    return None


# ---------------------------------------------------------------------------------------------------------
# The truth: one value per region, indicator and year
# ---------------------------------------------------------------------------------------------------------


class Truth:
    """Deterministic figures per (region, indicator, year), so independent articles always agree."""

    def __init__(self, seed: int, regions: dict[str, Region]) -> None:
        self.seed = seed
        self.regions = regions
        self.level_series = lru_cache(maxsize=None)(self._level_series)
        self.series = lru_cache(maxsize=None)(self._series_of)

    def u(self, *parts: object) -> float:
        """A uniform number in [0, 1) fixed by the seed and the parts (a hash, so no state to carry)."""
        key = f"{self.seed}|" + "|".join(map(str, parts))
        return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big") / 2**64

    def _level_series(self, region: str, code: str) -> tuple[int, ...]:
        ind = IND_BY_CODE[code]
        if ind.unit == "percent":
            return tuple(max(1, round(v * 100)) for v in self.series(region, code))
        scale = 100 if ind.unit == "yuan" else 10**ind.decimals
        return tuple(max(1, round(v * scale)) for v in self.series(region, code))

    def _series_of(self, region: str, code: str) -> tuple[float, ...]:
        """Levels BASE_YEAR..LAST_YEAR in display units (亿元, count, percent). A city follows its province:
        a share of it for totals (the cities of a province add up to about 90% of it), a ratio for
        intensities, so a province article's 其中 sentence never names a city bigger than the province."""
        ind = IND_BY_CODE[code]
        place = self.regions[region]
        years = range(BASE_YEAR + 1, LAST_YEAR + 1)
        if place.level == "prefecture" and place.parent in self.regions:
            parent = self.series(place.parent, code)
            intensive = ind.unit == "percent" or ind.decimals > 0
            if intensive:
                ratio = ind.city[0] + (ind.city[1] - ind.city[0]) * self.u(region, code, "city")
                return tuple(min(v * ratio, 95.0) for v in parent)
            weights = {c: 0.05 + self.u(c, "weight") ** 2 for c in self.regions[place.parent].children}
            share = 0.9 * weights[region] / sum(weights.values())
            drift, series = 1.0, []
            for k, value in enumerate(parent):
                if k:
                    drift *= 1 + (self.u(region, code, "drift", k) - 0.5) * 0.06
                series.append(value * share * drift)
            return tuple(series)
        lo, hi = ind.base
        if ind.unit == "percent":
            value = lo + (hi - lo) * self.u(region, code, "base")
            series = [value]
            for year in years:
                step = ind.step[0] + (ind.step[1] - ind.step[0]) * self.u(region, code, year)
                series.append(min(series[-1] + step, 95.0))
            return tuple(series)
        value = math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * self.u(region, code, "base"))
        series = [value]
        for year in years:
            growth = ind.step[0] + (ind.step[1] - ind.step[0]) * self.u(region, code, year)
            series.append(series[-1] * (1 + growth / 100))
        return tuple(series)

    def level(self, region: Region, ind: Indicator, year: int) -> int:
        return self.level_series(region.code, ind.code)[year - BASE_YEAR]

    def growth(self, region: Region, ind: Indicator, year: int) -> int | None:
        """Growth over the previous year in ticks of 0.01%, with 1 or 2 decimals fixed per key."""
        before, now = self.level(region, ind, year - 1), self.level(region, ind, year)
        if before < 100:
            return None  # growth of a handful is not reported
        hundredths = round((now - before) / before * 10_000)
        if self.u(region.code, ind.code, year, "decimals") < 0.6:
            hundredths = round(hundredths / 10) * 10
        return hundredths or None

    def change(self, region: Region, ind: Indicator, year: int) -> int:
        return self.level(region, ind, year) - self.level(region, ind, year - 1)

    def rank(self, region: Region, ind: Indicator, year: int) -> int:
        size = region.rank_size
        base = 1 + int(self.u(region.code, ind.code, "rank") * size)
        drift = int((self.u(region.code, ind.code, "rank", year) - 0.5) * 5)
        return min(size, max(1, base + drift))

    def target(self, region: Region, ind: Indicator, year: int) -> int:
        start = self.level(region, ind, BASE_YEAR)
        middle = (ind.step[0] + ind.step[1]) / 2
        if ind.unit == "percent":
            return min(9500, round((start + middle * 100 * (year - BASE_YEAR)) / 10) * 10)
        return round_sig(max(1, round(start * (1 + middle / 100) ** (year - BASE_YEAR))), 2, "round")

    def span(self, region: Region, ind: Indicator, first: int, last: int) -> int:
        return sum(self.level(region, ind, y) for y in range(first, last + 1))

    def exact_only(self, region: Region, ind: Indicator, period: str, kind: str) -> bool:
        """Keys stated exactly everywhere; only these carry planted conflicts."""
        return self.u(region.code, ind.code, period, kind, "exact-only") < ELIGIBLE_SHARE


IND_BY_CODE = {ind.code: ind for ind in INDICATORS}


# ---------------------------------------------------------------------------------------------------------
# Prose: filler, titles, bylines, captions
# ---------------------------------------------------------------------------------------------------------

FILLER_SENTENCES = (
    "{r}坚持把科技创新摆在发展全局的核心位置，持续深化科技体制机制改革，加快构建全过程创新生态链。",
    "走进位于{r}高新区的一家企业研发中心，科研人员正紧盯屏幕调试参数，一批新产品即将完成中试。",
    "“十四五”以来，{r}围绕产业链部署创新链，围绕创新链布局产业链，推动科技创新和产业创新深度融合。",
    "积极服务“1+2”国家实验室体系建设，{r}争取更多国家战略科技力量在本地布局，取得积极成效。",
    "“我们在这里找到了最好的研发环境。”一家科技企业负责人说，从实验室到生产线，创新的链条越来越短。",
    "科技创新，不仅要实现“从0到1”的原始突破，更要实现“从1到N”的价值飞跃。",
    "在{r}某产业园区{k}号楼，一条智能化生产线正满负荷运转，机械臂精准抓取、焊接、检测，一气呵成。",
    "两院院士、行业领军人才纷纷走进企业一线，面对面帮助企业破解技术难题，把论文写在车间里。",
    "“十五五”规划纲要提出，加快高水平科技自立自强，引领发展新质生产力。",
    "以“4×4”现代化产业体系为牵引，{r}推动科技创新浪潮奔涌向前。",
    "这家企业研发的体表手术机器人取得2类医疗器械证，填补了国内相关领域空白。",
    "揭榜挂帅、赛马制等新型科研组织方式在{r}落地生根，让有能力的团队“揭榜”，让有实力的企业“挂帅”。",
    "创新离不开要素的高效集聚。近年来，{r}以开放的姿态加快研发资源集聚，让各类创新要素在这里汇聚交融、开花结果。",
    "春潮涌动处，奋进正当时。在这片充满创新活力的土地上，研发引擎持续轰鸣，创新浪潮奔涌向前。",
    "一花独放不是春，百花齐放春满园。",
    "作为区域创新体系的重要一环，高校和科研院所正加快打通成果转化的“最后一公里”。",
    "数字无声，却是最有力的见证。",
    "当顶尖科学家带着团队来到{r}，他们带来的不仅是项目和技术，更是一座城市气质的悄然重塑。",
    "金融活水精准滴灌，让创新种子在初创期就能得到呵护。",
    "“一听说有专门为科技企业量身打造的贷款产品，我立马就去申请了。”一家企业的财务负责人语气里透着兴奋。",
    "殷殷嘱托，言犹在耳，催人奋进。",
    "站在新征程新起点上，{r}将继续以科技创新引领产业创新，加快培育和发展新质生产力。",
    "{r}深入实施创新驱动发展战略，锚定“三高四新”美好蓝图，推动创新能级节节攀升。",
    "在第{k}个全国科技工作者日到来之际，{r}表彰了一批扎根一线的优秀科技工作者。",
    "他曾任国际学术组织第一副主席，长期深度参与国际标准制定，让中国智慧闪耀国际舞台。",
    "企业是科技创新的主体。{r}强化企业科技创新主体地位，促进创新链产业链资金链人才链深度融合。",
    "在{r}的一处中试基地，工程师们围着一台新研制的装备反复测试，力争早日实现量产。",
    "“一城一区多基地”的创新格局加速成型，科创走廊串珠成链。",
    "围绕“一带一路”科技合作，{r}与多个国家和地区的科研机构建立了长期合作关系。",
    "这家由行业龙头与地方平台合资成立的研发中心，本身就是一场“化学反应”。",
    "成果转化的“关键一跃”，正在被一项项体制机制创新铺平道路。",
    "人才是第一资源。{r}持续优化人才发展环境，让各类人才引得进、留得住、用得好。",
    "首台（套）重大技术装备不断涌现，一批“卡脖子”技术难题被相继攻克。",
    "为支持青年人才挑大梁、当主角，{r}设立青年科学家岗位，增设青年科技奖项。",
    "以重大平台为观察窗口，战略科技力量的创新策源功能日益显现。",
    "从高空俯瞰，{r}科学城的建筑群错落有致，一座“未来科创地标”拔地而起。",
    "当科技型中小企业遭遇“成长的烦恼”，金融活水如何精准“扶上马”？政策又该怎样持续“送一程”？",
    "多层次资本市场体系也在加速完善，通过推动上市、发债等多种渠道，畅通科技型企业对接资本市场的路径。",
    "江河奔流，不舍昼夜；{r}向新，其势正劲。",
    "面对“卡脖子”难题，科研团队迎难而上，夜以继日开展攻关。",
    "新型研发机构正成为连接科学研究与产业应用的重要桥梁。",
    "概念验证中心和中试平台备案管理办法相继出台，为科技成果走出实验室提供了制度保障。",
    "回顾从蓝图擘画到落地实践的奋进足迹，创新的种子正在{r}大地上生根发芽。",
    "“双一流”建设高校与地方协同发力，打造一批高水平创新联合体。",
    "企业牵头、高校支撑、各方协同的创新联合体模式不断完善，产学研用结合更加紧密。",
    "{r}积极对接国家战略科技力量，主动承接国家重大科技任务。",
    "在一间恒温恒湿的实验室里，研究人员身着防护服，正在对新材料样品进行性能检测。",
    "科技赋能之下，传统产业“老树发新芽”，新兴产业“枝繁叶茂”，未来产业“含苞待放”。",
    "这些变化背后，是一个个团队、一个个家庭的选择——他们选择{r}，是因为这里有值得托付的事业和未来。",
    "“创新积分制”正式推行，构建起一套融合技术、人才、成果等维度的“科技+金融”特色指标体系。",
    "科学城首开区“五大建”主体结构全面封顶，正在进行幕墙扫尾工作。",
    "两年来，{r}循着指示方向，紧扣高水平科技自立自强战略部署，步履铿锵、行稳致远。",
    "“相关技术从根本上化解了传统产品功率不足、续航短的问题。”项目负责人介绍道。",
    "这里是企业在国内唯一的新材料研发中心，相关产品正加速走向全球新能源产业的应用前沿。",
    "良好的创新生态，让越来越多的科技企业选择扎根{r}、深耕{r}。",
    "在刚刚过去的一年里，{r}科技系统上下同心，交出了一份厚重的创新答卷。",
)

HEADINGS = (
    "平台提能 构建战略科技力量“四梁八柱”", "资源集聚 打造创新要素“强磁场”", "科产融合 推动创新成果“落地生根”",
    "从奔跑 到领跑", "人才引领 激活创新“一池春水”", "金融赋能 当好科技企业“护航者”", "开放合作 链接全球创新网络",
    "改革破题 打通成果转化“最后一公里”", "【镜头】", "【画外音】", "标志性工程“筋骨”更壮", "科技和产业“牵手”更紧",
    "科技金融“护航”更实", "攀峰越壑：在关键领域树立标杆", "主体壮大 企业创新“底气”更足", "向新而行 未来产业加速布局",
)
TITLES = (
    "{r}科技创新跑出“加速度”", "创新引擎强劲 {r}新质生产力加快成势", "{r}：以科技创新引领产业创新",
    "回眸{y}：{r}科技创新亮点纷呈", "牢记嘱托 跃马扬鞭", "向“新”而行 {r}创新动能持续释放",
    "{r}全力打造具有核心竞争力的科技创新高地", "科技赋能 产业焕新", "聚力攻坚关键核心技术 {r}创新版图再扩容",
    "四组镜头 回眸{y}{r}科技创新赋能攻坚", "{r}：创新沃土育新机", "研发引擎持续轰鸣 {r}创新浪潮奔涌",
    "科技自立自强的{r}答卷", "{r}加快建设区域科技创新中心", "创新主体竞相涌现 {r}发展动能澎湃",
)
KICKERS = (
    "——深入贯彻落实全国科技大会精神系列报道", "——{r}推进高水平科技自立自强综述",
    "——“{y}年{r}经济社会发展成就”系列报道之三", "——高质量发展调研行",
)
CAPTIONS = (
    "↑{y}年{m}月{d}日，{r}科技创新成果展示现场，观众驻足参观。", "↑科研人员在实验室内开展实验。",
    "位于{r}高新区的一家企业生产车间内，工人正在调试设备。", "{r}科学城建设现场，塔吊林立、机器轰鸣。",
    "工程师在中试基地内测试新研制的装备。", "↑{r}一家科技企业的智能生产线。",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉婷宇浩凯健俊帆帅旭宁龙林欢阳波斌鑫晶颖琳雪蕾铭运源迪劭蓉彬晖瑶"  # noqa: E501
SENTENCE_LEADS = (
    "", "", "", "数据显示，", "统计显示，", "从数据看，", "与此同时，", "另一方面，", "创新主体不断壮大，",
)


FILLER_PARTS: dict[str, tuple[str, ...]] = {
    "place": ("走进{r}高新区的一家", "在{r}经开区的一家", "在位于{r}的一家", "来到{r}科技城的一家", "在{r}的一家"),
    "firm": ("新材料企业", "生物医药企业", "智能装备制造企业", "集成电路设计公司", "新能源汽车零部件企业",
             "工业软件企业", "种业科技公司", "检验检测机构", "数字创意企业", "北斗导航企业", "储能科技公司",
             "精密仪器企业"),
    "scene": ("研发中心里", "生产车间内", "中试线上", "展示厅里", "实验室中", "智能工厂里"),
    "actor": ("科研人员", "工程师们", "技术骨干", "年轻的研发团队", "企业负责人", "一线技术工人"),
    "action": ("正紧盯屏幕调试参数", "正在对样品进行性能检测", "正忙着赶制一批订单", "围着新研制的设备反复测试",
               "介绍着刚刚完成验证的新产品", "讨论着下一代产品的技术路线", "记录着每一组实验数据"),
    "lead": ("近年来，", "这些年，", "与此同时，", "围绕发展新质生产力，", "", "面向国家重大战略需求，", "新征程上，"),
    "verb1": ("持续深化", "加快推进", "大力实施", "全面推进", "着力构建", "统筹推进", "纵深推进"),
    "obj1": ("科技体制机制改革", "创新驱动发展战略", "科技成果转化“放权赋能”改革", "产学研深度融合",
             "创新链产业链资金链人才链深度融合", "科技金融深度融合", "区域协同创新", "科技创新和产业创新融合发展"),
    "verb2": ("推动", "促进", "带动", "力促"),
    "obj2": ("创新能级节节攀升", "创新生态持续优化", "科技成果加快转化为现实生产力", "创新要素加速集聚",
             "产业发展向“新”而行", "更多“硬科技”走出实验室", "创新主体活力竞相迸发", "区域创新体系日益完善"),
    "q1": ("我们在这里找到了最好的研发环境。", "从实验室到生产线，路越走越宽。", "政策给了我们实实在在的底气。",
           "有了平台支撑，企业敢于投入研发了。", "人才来了，项目也就跟着来了。", "我们的产品已经走向国内外市场。"),
    "speaker": ("一家科技企业负责人", "一位青年科研人员", "当地科技部门相关负责人", "项目负责人", "企业技术总监"),
    "says": ("说", "介绍", "感慨道", "表示"),
    "q2": ("创新的链条越来越短", "企业的创新底气越来越足", "这里的创新氛围越来越浓", "成果转化的速度越来越快",
           "越来越多的人才选择留下来"),
    "when": ("{y}年{m}月{d}日，", "{y}年{m}月，", "前不久，", "日前，", "近日，"),
    "event": ("召开科技创新大会，表彰了一批优秀科技工作者", "举办科技成果转化对接会，高校院所与企业现场签约",
              "出台支持科技创新的若干政策措施", "启动新一轮科技创新平台建设", "召开“揭榜挂帅”项目发布会",
              "举行产学研合作签约仪式", "召开创新型城市建设推进会", "发布支持企业加大研发投入的专项政策"),
}
FILLER_TEMPLATES = (
    "{place}{firm}，{scene}，{actor}{action}。",
    "{lead}{r}{verb1}{obj1}，{verb2}{obj2}。",
    "“{q1}”{speaker}{says}，{q2}。",
    "{when}{r}{event}。",
)


def filler_sentence(rng: random.Random) -> str:
    """One sentence of prose: a fixed one, or a template filled from FILLER_PARTS for variety."""
    if rng.random() < 0.35:
        return rng.choice(FILLER_SENTENCES)
    template = rng.choice(FILLER_TEMPLATES)
    for part, options in FILLER_PARTS.items():
        template = template.replace("{" + part + "}", rng.choice(options))
    return template


def filler_bank(rng: random.Random, size: int = 600) -> list[str]:
    """Paragraphs without figures (only dates, building numbers and names that hold digits), built once and
    reused so a large corpus costs string joins, not prose generation. {r} and {y} are filled per article."""
    bank = []
    for _ in range(size):
        sentences: list[str] = []
        wanted = rng.randint(2, 5)
        while len(sentences) < wanted:
            sentence = filler_sentence(rng)
            if sentence not in sentences:
                sentences.append(sentence)
        text = "".join(sentences)
        text = text.replace("{k}", str(rng.randint(2, 40)), 1).replace("{k}", str(rng.randint(2, 40)))
        text = text.replace("{m}", str(rng.randint(1, 12))).replace("{d}", str(rng.randint(1, 28)))
        bank.append(text)
    return bank


def person(rng: random.Random) -> str:
    """A reporter's name for bylines and photo credits (no numeral characters in the name bank)."""
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


# ---------------------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleSpec:
    index: int
    seed: str
    region: Region
    data_year: int  # the year its figures are about
    published_on: date
    need_exact_only_key: bool = False  # a conflict source: must state an exact-only key


@dataclass(frozen=True)
class Forced:
    """A planted wrong value that a restating article must carry."""

    region: str
    indicator: str
    period: str
    kind: str
    num: Num
    conflict_id: str


@dataclass
class Rendered:
    text: str
    title: str
    figures: list[dict[str, Any]]


class _Article:
    """The state of one article while it is written; every random choice comes from its own rng, so the
    same spec renders the same text (a reprint) and `alter` swaps one numeral without moving anything."""

    def __init__(self, gen: Generator, spec: ArticleSpec, alter: dict[int, Num], forced: Forced | None) -> None:
        self.gen, self.truth, self.spec = gen, gen.truth, spec
        self.rng = random.Random(spec.seed)
        self.region, self.year, self.pub = spec.region, spec.data_year, spec.published_on
        self.alter, self.forced = alter, forced
        self.figures: list[dict[str, Any]] = []
        self.spaced = self.rng.random() < 0.03

    # --- figures -------------------------------------------------------------------------------------------
    def _add(self, num: Num, quote: str, ind: Indicator, region: Region, period: str, kind: str, unit: str,
             qualifier: str, *, counter: str | None = None, exact_only: bool = False, listed: bool = False) -> None:
        slot = len(self.figures)
        self.figures.append({
            "quote": quote, "value": num.value, "unit": unit, "counter": counter, "qualifier": qualifier,
            "value_kind": kind, "region_name": region.name, "region_code": region.code, "period": period,
            "indicator": ind.name, "indicator_code": ind.code, "subject": None, "tier": "core",
            "figure_key": f"{region.code}:{ind.code}:{period}:{kind}", "planted_conflict": slot in self.alter,
            "conflict_id": None, "_num": num, "_exact_only": exact_only, "_listed": listed,
        })

    def _take(self, num: Num, ind: Indicator, region: Region, period: str, kind: str) -> tuple[Num, bool]:
        """The numeral to write for the next figure: the truth, or a planted wrong value."""
        slot = len(self.figures)
        if slot in self.alter:
            return self.alter[slot], True
        forced = self.forced
        if forced and (forced.region, forced.indicator, forced.period, forced.kind) == (
                region.code, ind.code, period, kind):
            return forced.num, True
        return num, False

    def _written(self, num: Num) -> str:
        if self.spaced and num.arabic:
            return f" {num.numeral} {num.suffix}"
        return num.numeral + num.suffix

    def _planted(self) -> None:
        figure = self.figures[-1]
        figure["planted_conflict"] = True
        if self.forced and not self.alter:
            figure["conflict_id"] = self.forced.conflict_id
            figure["figure_key"] += ":" + self.forced.conflict_id

    def level(self, region: Region, ind: Indicator, *, listed: bool = False, force_exact: bool = False,
              verbs: tuple[str, ...] | None = None, alias: str | None = None) -> str:
        """'研发经费投入达512.36亿元' (exact or qualified); records the figure and returns the quote."""
        rng, year = self.rng, self.year
        kind = "share" if ind.unit == "percent" else "level"
        period = str(year)
        ticks = self.truth.level(region, ind, year)
        exact_only = self.truth.exact_only(region, ind, period, kind)
        if alias is None:
            alias, verbs = rng.choice(ind.aliases)
        verbs = verbs or ("达",)
        verb = rng.choice(verbs)
        if verb in RISING_VERBS and self.truth.change(region, ind, year) < 0:
            verb = "为"  # 增至 / 提升至 only when the level rose
        roll, wan, chinese = rng.random(), rng.random() < 0.5, rng.random() < 0.35
        mode = "exact"
        if not (exact_only or force_exact or listed):
            mode = "exact" if roll < 0.55 else "lb" if roll < 0.85 else "about" if roll < 0.92 else (
                "near" if roll < 0.97 else "ub")
        if mode == "exact":
            num = level_num(ind, ticks, wan, chinese and not exact_only and ind.unit == "count" and ticks < 100)
            num, planted = self._take(num, ind, region, period, kind)
            if ind.stock and verbs[0] != "" and rng.random() < 0.2:
                quote = f"拥有{self._written(num)}{ind.name}"
            else:
                quote = f"{alias}{verb}{self._written(num)}"
            self._add(num, quote, ind, region, period, kind, ind.unit, "exact", counter=ind.counter,
                      exact_only=exact_only, listed=listed)
            if planted:
                self._planted()
            return quote
        rounding = {"lb": "floor", "near": "ceil", "ub": "ceil", "about": "round"}[mode]
        bound = None
        for digits in (1, 2, 3):
            value = round_sig(ticks, digits, rounding)
            if (mode == "lb" and ticks * 0.8 <= value < ticks) or (mode == "near" and ticks < value <= ticks * 1.05) \
                    or (mode == "ub" and ticks < value <= ticks * 1.25) or (
                    mode == "about" and abs(value - ticks) <= ticks * 0.05):
                bound = value
                break
        if bound is None:
            return self.level(region, ind, force_exact=True, verbs=verbs, alias=alias)
        num = level_num(ind, bound, wan, chinese)
        written = self._written(num)
        no_verb = verbs[0] == ""
        round_numeral = (num.numeral.isdigit() and num.numeral.endswith("0")) or not num.arabic
        if mode == "lb":
            options = ["余", "多", "以上"] if no_verb else ["突破", "超", "超过", "逾", "余", "以上"]
            if not round_numeral or ind.unit == "percent":
                options = [o for o in options if o not in ("余", "多")]
            word = rng.choice(options)
            qualifier = "lower_bound"
        elif mode == "about":
            word = rng.choice(["约", "左右"] if not no_verb else ["左右"])
            qualifier = "approx"
        elif mode == "near":
            word = "左右" if no_verb else "近"
            qualifier = "approx"
        else:
            word = rng.choice(["不足", "不到"]) if not no_verb else "以下"
            qualifier = "upper_bound"
        if word in ("余", "多"):
            quote = f"{alias}{verb}{num.numeral}{word}{num.suffix}"
        elif word in ("以上", "左右", "以下"):
            quote = f"{alias}{verb}{written}{word}"
        else:
            quote = f"{alias}{word}{written}"
        self._add(num, quote, ind, region, period, kind, ind.unit, qualifier, counter=ind.counter)
        return quote

    def growth(self, region: Region, ind: Indicator, standalone: bool, required: bool = False) -> str | None:
        """'同比增长8.2%' after a level, or '研发经费投入增长8.62%' on its own."""
        rng, period = self.rng, str(self.year)
        hundredths = self.truth.growth(region, ind, self.year)
        roll = rng.random()
        if hundredths is None:
            return None
        exact_only = self.truth.exact_only(region, ind, period, "growth_rate")
        num = percent_num(abs(hundredths))
        qualifier, word = "exact", ""
        if hundredths > 0 and not exact_only and not required and roll < 0.2:
            bound = round_sig(hundredths, 1 if hundredths < 1000 else 2, "floor")
            if hundredths * 0.8 <= bound < hundredths:
                num, qualifier, word = percent_num(bound), "lower_bound", "超"
        rising = hundredths > 0
        verb = rng.choice(("同比增长", "比上年增长", "增长", "同比增长")) if rising else rng.choice(
            ("同比下降", "比上年下降", "下降"))
        num, planted = self._take(num, ind, region, period, "growth_rate")
        signed = Num(num.numeral, num.suffix, num.value if rising else -num.value)
        quote = f"{verb}{word}{self._written(num)}"
        if standalone:
            quote = f"{ind.aliases[0][0]}{quote}"
        self._add(signed, quote, ind, region, period, "growth_rate", "percent", qualifier,
                  exact_only=exact_only and qualifier == "exact")
        if planted:
            self._planted()
        return quote

    def change(self, region: Region, ind: Indicator) -> str | None:
        """'比上年增加146.34亿元', '提高0.3个百分点': absolute change over the previous year."""
        delta = self.truth.change(region, ind, self.year)
        lead = self.rng.choice(("比上年", "较上年"))
        if delta == 0:
            return None
        if ind.unit == "percent":
            num = percent_num(abs(delta), "个百分点")
            verb = self.rng.choice(("提高", "提升")) if delta > 0 else self.rng.choice(("下降", "回落"))
            unit = "percentage_point"
        else:
            num = level_num(ind, abs(delta))
            verb = "增加" if delta > 0 else "减少"
            unit = ind.unit
        quote = f"{lead}{verb}{self._written(num)}"
        signed = Num(num.numeral, num.suffix, num.value if delta > 0 else -num.value)
        self._add(signed, quote, ind, region, str(self.year), "change", unit, "exact",
                  counter=ind.counter if unit == "count" else None)
        return quote

    def rank(self, region: Region, ind: Indicator, required: bool = False) -> list[str]:
        """'居全国第5位' (or 第五), then sometimes '较上年提升2位'."""
        rng, period = self.rng, str(self.year)
        now, before = self.truth.rank(region, ind, self.year), self.truth.rank(region, ind, self.year - 1)
        exact_only = self.truth.exact_only(region, ind, period, "rank")
        chinese = rng.random() < 0.3 and not exact_only
        template = rng.choice(("居{s}第{n}位", "位居{s}第{n}", "排名{s}第{n}位", "居{s}第{n}", "位列{s}第{n}位"))
        if now < before and rng.random() < 0.4:
            template = "跃居{s}第{n}"
        num = Num(cn_int(now, liang=False) if chinese else str(now), "", float(now), arabic=not chinese)
        num, planted = self._take(num, ind, region, period, "rank")
        if not template.endswith("位") and (chinese or len(num.numeral) < 2):
            template += "位"  # '第1' would also be found inside another figure's '第12'
        quote = template.format(s=region.rank_scope, n=num.numeral)
        self._add(num, quote, ind, region, period, "rank", "rank", "exact", exact_only=exact_only)
        if planted:
            self._planted()
        quotes = [quote]
        if now != before and rng.random() < 0.4 and not required:
            moved = before - now
            word = rng.choice(("提升", "前移", "上升")) if moved > 0 else rng.choice(("下降", "后退"))
            change = f"{rng.choice(('较上年', '比上年'))}{word}{abs(moved)}位"
            self._add(Num(str(abs(moved)), "", float(moved)), change, ind, region, period, "rank_change", "rank",
                      "exact")
            quotes.append(change)
        return quotes

    def target(self, ind: Indicator, year: int) -> str:
        """'研发投入强度达到3.2%' / '突破3万家' / '…左右' for the plan year `year`."""
        rng, region = self.rng, self.region
        ticks = self.truth.target(region, ind, year)
        num = level_num(ind, ticks, wan=rng.random() < 0.6)
        alias = next((a for a, verbs in ind.aliases if verbs[0] != ""), ind.aliases[0][0])
        written = self._written(num)
        roll = rng.random()
        if roll < 0.5:
            quote, qualifier = f"{alias}达到{written}", "exact"
        elif roll < 0.75:
            quote, qualifier = (f"{alias}突破{written}", "lower_bound") if rng.random() < 0.5 else (
                f"{alias}达到{written}以上", "lower_bound")
        else:
            quote, qualifier = f"{alias}达到{written}左右", "approx"
        self._add(num, quote, ind, region, str(year), "target", ind.unit, qualifier, counter=ind.counter)
        return quote

    # --- paragraphs ----------------------------------------------------------------------------------------
    def time_phrase(self) -> str:
        year, pub = self.year, self.pub.year
        options = [f"{year}年，", f"{year}年，", f"{year}年全年，", f"截至{year}年底，"]
        options += ["去年，", "去年，"] if year == pub - 1 else ["今年，", "今年，"] if year == pub else []
        return self.rng.choice(options)

    def ref(self, first: bool) -> str:
        region, roll = self.region, self.rng.random()
        if not first and roll < 0.5:
            return ""
        if region.ref and roll < 0.75:
            return region.ref
        return region.name if (roll < 0.88 or not region.short) else region.short

    def figure_paragraph(self, inds: list[Indicator]) -> list[str]:
        """Pieces of a paragraph of figures; a cut between two pieces never splits a quote."""
        rng, region, forced = self.rng, self.region, self.forced
        pieces = [self.time_phrase()]
        after_city = False
        for n, ind in enumerate(inds):
            must = forced.kind if forced and forced.indicator == ind.code and forced.region == region.code else None
            separator = "" if n == 0 else "。" if after_city else rng.choice(("；", "，", "。"))
            lead = rng.choice(SENTENCE_LEADS) if separator == "。" else ""
            ref = self.ref(first=n == 0 or separator == "。")
            if after_city and ref == "":
                ref = region.ref or region.name  # after 其中…市 the province is named again
            after_city = False
            standalone = ind.growth and must is None and rng.random() < 0.15
            if standalone and self.growth(region, ind, standalone=True) is not None:
                pieces.append(f"{separator}{lead}{ref}{self.figures[-1]['quote']}")
                continue
            pieces.append(f"{separator}{lead}{ref}{self.level(region, ind)}")
            if ind.growth and (must == "growth_rate" or rng.random() < 0.55):
                quote = self.growth(region, ind, standalone=False, required=must == "growth_rate")
                if quote:
                    pieces.append(f"，{quote}")
            if rng.random() < 0.25 and must is None:
                quote = self.change(region, ind)
                if quote:
                    pieces.append(f"，{quote}")
            if ind.rank and region.rank_size >= 3 and (must == "rank" or rng.random() < 0.3):
                for k, quote in enumerate(self.rank(region, ind, required=must == "rank")):
                    pieces.append(f"{rng.choice(('，', '、')) if k == 0 else '，'}{quote}")
            if region.children and ind.cities and rng.random() < 0.2:
                city = self.gen.regions[rng.choice(region.children)]
                pieces.append(f"。其中，{city.name}{self.level(city, ind)}")
                after_city = True
        pieces.append("。")
        return pieces

    def list_sentence(self, inds: list[Indicator]) -> list[str] | None:
        """'高新技术企业、科技型中小企业分别达到1.82万家、4.13万家': one figure per item."""
        rng, region = self.rng, self.region
        if len(inds) < 2:
            return None
        growth = rng.random() < 0.4 and all(i.growth for i in inds)
        if growth:
            values = [self.truth.growth(region, i, self.year) for i in inds]
            if any(v is None or v <= 0 for v in values):
                return None
        aliases = [next(a for a, verbs in i.aliases if verbs[0] != "") for i in inds]
        verb = "增长" if growth else rng.choice(("达到", "达", "为"))
        quotes = []
        for k, ind in enumerate(inds):
            prefix = f"分别{verb}" if k == 0 else "、"
            period = str(self.year)
            if growth:
                hundredths = self.truth.growth(region, ind, self.year) or 0
                num, kind, unit = percent_num(hundredths), "growth_rate", "percent"
            else:
                num = level_num(ind, self.truth.level(region, ind, self.year), wan=rng.random() < 0.5)
                kind, unit = ("share" if ind.unit == "percent" else "level"), ind.unit
            quote = f"{prefix}{self._written(num)}"
            self._add(num, quote, ind, region, period, kind, unit, "exact",
                      counter=ind.counter if unit == "count" else None, listed=True)
            quotes.append(quote)
        return [self.time_phrase(), f"{self.ref(True)}{'、'.join(aliases)}", *quotes, "。"]

    def span_paragraph(self) -> list[str]:
        """'“十四五”期间，全省累计突破关键核心技术640项' (period 2021-2025)."""
        options = [i for i in INDICATORS if i.span and (self.region.level == "province" or i.cities)]
        ind = self.rng.choice(options)
        lead, template = ind.span or ("", "")
        ticks = self.truth.span(self.region, ind, 2021, 2025)
        num = level_num(ind, ticks, wan=self.rng.random() < 0.5)
        quote = template.format(n=self._written(num))
        self._add(num, quote, ind, self.region, "2021-2025", "level", ind.unit, "exact", counter=ind.counter)
        return [f"“十四五”期间，{self.ref(True)}{lead}", quote, "。"]

    def target_paragraph(self, inds: list[Indicator]) -> list[str]:
        rng, pub = self.rng, self.pub.year
        if rng.random() < 0.25:
            year, head = pub, f"今年，{self.ref(True)}将力争"
        else:
            year = rng.choice([y for y in TARGET_YEARS if y > pub])
            head = f"{rng.choice(('展望未来，', '根据规划，', '下一步，', ''))}力争到{year}年，{self.ref(True)}"
        pieces = [head]
        for n, ind in enumerate(inds):
            pieces.append(("" if n == 0 else "，") + self.target(ind, year))
        pieces.append("。")
        return pieces


def cut_pieces(pieces: list[str], rng: random.Random) -> str:
    """A paragraph cut short by the layout, at a point that splits no quote and no number."""
    if len(pieces) < 3:
        return "".join(pieces)
    k = rng.randint(1, len(pieces) - 2)
    if rng.random() < 0.5:  # keep the head, and a few non-numeral characters of the next piece
        nxt = pieces[k]
        extra = 0
        while extra < min(6, len(nxt)) and nxt[extra] not in NUMERAL_CHARS:
            extra += 1
        return "".join(pieces[:k]) + nxt[: rng.randint(0, extra)]
    prev = pieces[k - 1]  # keep the tail, with one or two characters of the piece before ('化；')
    tail = ""
    for ch in reversed(prev[-2:]):
        if ch in NUMERAL_CHARS:
            break
        tail = ch + tail
    return tail + "".join(pieces[k:])


def cut_text(text: str, rng: random.Random) -> str:
    """Filler cut short at a point with no numeral on either side."""
    for _ in range(20):
        pos = rng.randint(len(text) // 4, max(len(text) // 4, len(text) * 3 // 4))
        if 0 < pos < len(text) and text[pos - 1] not in NUMERAL_CHARS and text[pos] not in NUMERAL_CHARS:
            return text[:pos] if rng.random() < 0.5 else text[pos:]
    return text


# ---------------------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Task:
    """A planned reprint or restatement; conflict tasks are resolved when their source is written."""

    index: int
    source: int
    reprint: bool
    conflict: bool
    conflict_id: str | None = None
    slot: int | None = None
    altered: Num | None = None
    mutation: str | None = None
    original: dict[str, Any] | None = None  # the true figure it contradicts
    forced: Forced | None = None


@dataclass
class CorpusSummary:
    """What a run wrote, for tests and benchmarks; also saved as <name>.summary.json."""

    out_dir: Path
    files: int = 0
    articles: int = 0
    bytes: int = 0
    figures: int = 0
    planted_conflicts: int = 0
    reprints: int = 0
    gb18030_files: int = 0
    seconds: float = 0.0
    expected_path: Path | None = None
    conflicts_path: Path | None = None
    manifest_path: Path | None = None
    summary_path: Path | None = None
    requested_conflicts: int = 0
    settings: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Path) else v for k, v in self.__dict__.items()}


class Generator:
    """Renders articles from specs; holds only the truth cache and the filler bank, never the corpus."""

    def __init__(self, seed: int, regions: dict[str, Region], article_kb: float) -> None:
        self.seed = seed
        self.regions = regions
        self.truth = Truth(seed, regions)
        self.filler = filler_bank(random.Random(f"{seed}:filler"))
        self.target_chars = int(article_kb * 1024 / 3)  # UTF-8 Chinese is 3 bytes a character
        self.provinces = [r for r in regions.values() if r.level == "province"]
        self.cities = [r for r in regions.values() if r.level == "prefecture"]

    def exact_only_levels(self, region: Region, year: int) -> list[Indicator]:
        return [i for i in INDICATORS if (region.level == "province" or i.cities) and self.truth.exact_only(
            region, i, str(year), "share" if i.unit == "percent" else "level")]

    def source_spec(self, index: int, page: date | None) -> ArticleSpec:
        """The spec of an original that a conflict will contradict: one whose region and year have at least
        two exact-only keys (tried deterministically), flagged so the article leads with them."""
        for attempt in range(100):
            spec = self.spec(index, page, attempt)
            if len(self.exact_only_levels(spec.region, spec.data_year)) >= 2:
                break
        return replace(spec, need_exact_only_key=True)

    def spec(self, index: int, page: date | None = None, attempt: int = 0) -> ArticleSpec:
        """Region, year and date of an original; on a page already begun it takes the page's date, and its
        figures are about the year before (or the same year, for a year-end review in November or December)."""
        rng = random.Random(f"{self.seed}:spec:{index}" + (f":{attempt}" if attempt else ""))
        region = rng.choice(self.provinces if rng.random() < 0.35 else self.cities)
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        if year < LAST_YEAR and rng.random() < 0.85:
            published = date(year + 1, rng.randint(1, 6), rng.randint(1, 28))
        else:
            published = date(year, rng.randint(11, 12), rng.randint(1, 28))
        if page is not None:
            published = page
            year = page.year if page.month >= 11 or page.year == FIRST_YEAR else page.year - 1
        return ArticleSpec(index, f"{self.seed}:article:{index}", region, year, published)

    def render(self, spec: ArticleSpec, alter: dict[int, Num] | None = None, forced: Forced | None = None) -> Rendered:
        art = _Article(self, spec, alter or {}, forced)
        rng, region = art.rng, spec.region
        pool = [i for i in INDICATORS if region.level == "province" or i.cities]
        chosen = rng.sample(pool, rng.randint(8, 14))
        if forced:
            ind = IND_BY_CODE[forced.indicator]
            chosen = [ind] + [i for i in chosen if i is not ind]
        elif spec.need_exact_only_key:  # a conflict source: lead with up to three exact-only keys
            exact = self.exact_only_levels(region, spec.data_year)
            exact = rng.sample(exact, min(3, len(exact)))
            chosen = exact + [i for i in chosen if i not in exact]
        mention = region.mention
        year_text = str(spec.data_year)
        header: list[str] = []
        if rng.random() < 0.15:
            header.append(rng.choice(KICKERS).replace("{r}", mention).replace("{y}", year_text))
        title = rng.choice(TITLES).replace("{r}", mention).replace("{y}", year_text)
        header.insert(0, title)
        sub_pool = [i for i in chosen[1:] if i.aliases[0][1][0] != ""]
        if sub_pool and rng.random() < 0.25:
            ind = rng.choice(sub_pool)
            chosen.remove(ind)
            header.append(f"{year_text}年{mention}{art.level(region, ind)}")
        byline = rng.choice((
            f"本报记者 {person(rng)} {person(rng)}", f"{mention}日报全媒体记者 {person(rng)}",
            f"记者 {person(rng)} 通讯员 {person(rng)}", f"{person(rng)} {person(rng)}"))
        header.append(byline)
        pub = spec.published_on
        day = f"{pub.year}年{pub.month}月{pub.day}日"
        dateline = rng.choice((f"本报讯 {day}", f"（{day}）"))
        dateline_inline = rng.random() < 0.5

        # figure paragraphs, as pieces so a layout repeat can cut between them
        blocks: list[list[str]] = []
        rest = chosen[:]
        listed: list[str] | None = None
        list_inds = [i for i in rest[1:] if i.listable and i.unit == rest[-1].unit]
        if len(list_inds) >= 2 and rng.random() < 0.35:
            picked = list_inds[: rng.randint(2, min(3, len(list_inds)))]
            listed = art.list_sentence(picked)
            if listed:
                rest = [i for i in rest if i not in picked]
        while rest:
            take = rng.randint(1, 3)
            blocks.append(art.figure_paragraph(rest[:take]))
            rest = rest[take:]
        if listed:
            blocks.insert(rng.randint(1, len(blocks)) if blocks else 0, listed)
        if spec.data_year == 2025 and rng.random() < 0.4:
            blocks.append(art.span_paragraph())
        targets = [i for i in INDICATORS if i.target and (region.level == "province" or i.cities)]
        if rng.random() < 0.45:
            blocks.append(art.target_paragraph(rng.sample(targets, rng.randint(1, 3))))

        # body: figure paragraphs among filler, headings and captions
        gaps: list[list[str]] = [[] for _ in range(len(blocks) + 1)]
        size = sum(len(p) for p in header) + sum(len(piece) for b in blocks for piece in b)
        while size < self.target_chars:
            text = rng.choice(self.filler)
            gaps[rng.randint(0, len(gaps) - 1)].append(text)
            size += len(text)
        body: list[tuple[str, list[str] | None]] = []
        for k, gap in enumerate(gaps):
            if k and rng.random() < 0.35:
                body.append((rng.choice(HEADINGS), None))
            body.extend((g.replace("{r}", mention).replace("{y}", year_text), None) for g in gap)
            if rng.random() < 0.12:
                caption = rng.choice(CAPTIONS).replace("{r}", mention).replace("{y}", year_text)
                caption = caption.replace("{m}", str(rng.randint(1, 12))).replace("{d}", str(rng.randint(1, 28)))
                credit = rng.choice((f"{mention}日报全媒体记者 {person(rng)} 摄", f"记者 {person(rng)} 摄", ""))
                body.append((caption + credit, None))
            if k < len(blocks):
                body.append(("".join(blocks[k]), blocks[k]))
        if rng.random() < 0.1:
            body.append(("（本文图片均由受访单位提供）", None))
        if dateline_inline:
            first_text, first_pieces = body[0]
            body[0] = (f"{dateline} {first_text}", [f"{dateline} ", *first_pieces] if first_pieces else None)
        else:
            header.append(dateline)

        # a passage the page layout printed twice, whole or cut short
        if len(body) > 3 and rng.random() < 0.3:
            start = rng.randint(0, len(body) - 2)
            length = 1 if rng.random() < 0.7 else min(3, len(body) - start)
            copies = []
            for k in range(start, start + length):
                text, pieces = body[k]
                cut = rng.random() < 0.5 and k == start
                if cut:
                    text = cut_pieces(pieces, rng) if pieces else cut_text(text, rng)
                copies.append((text, None))
            at = min(len(body), start + length + rng.randint(0, 3))
            body[at:at] = copies
        text = "\n\n".join([*header, *(t for t, _ in body)])
        if rng.random() < 0.04:  # a reprint set in full-width digits
            text = text.translate(FULL_WIDTH)
            for figure in art.figures:
                figure["quote"] = figure["quote"].translate(FULL_WIDTH)
        return Rendered(text, title, art.figures)

    def pick_conflict(self, rendered: Rendered, region: Region, rng: random.Random, used: set[str]) -> (
            tuple[int, Num, str] | None):
        """Choose a figure about the article's own region to contradict, and its wrong value."""
        keys: dict[str, int] = {}
        for figure in rendered.figures:
            keys[figure["figure_key"]] = keys.get(figure["figure_key"], 0) + 1
        candidates = [
            k for k, f in enumerate(rendered.figures)
            if f["_exact_only"] and not f["_listed"] and f["qualifier"] == "exact" and f["value"] > 0
            and f["region_code"] == region.code
            and keys[f["figure_key"]] == 1 and f["figure_key"] not in used
            and f["value_kind"] in ("level", "share", "growth_rate", "rank")
        ]
        rng.shuffle(candidates)
        for slot in candidates:
            figure = rendered.figures[slot]
            num: Num = figure["_num"]
            region = self.regions[figure["region_code"]]
            high = float(region.rank_size) if figure["unit"] == "rank" else 95.0 if figure["unit"] == "percent" \
                else float("inf")
            if figure["value_kind"] == "growth_rate":
                high = 1000.0
            result = mutate(num, rng, figure["unit"] == "rank", 1.0 if figure["unit"] == "rank" else 0.0, high)
            if result:
                return slot, result[0], result[1]
        return None


def plan(seed: int, articles: int, reprint_rate: float, conflict_rate: float) -> tuple[dict[int, _Task], int]:
    """Which articles are reprints or restatements of which earlier original, fixed before writing."""
    rng = random.Random(f"{seed}:plan")
    n_reprints = round(reprint_rate * articles)
    n_conflicts = round(conflict_rate * articles)
    n_conflict_reprints = min(n_reprints, (n_conflicts + 1) // 2)
    n_restated = n_conflicts - n_conflict_reprints
    wanted = n_reprints + n_restated
    special = rng.sample(range(1, articles), min(max(0, articles - 1), wanted))
    reprints = special[:n_reprints]
    restated = special[n_reprints:]
    conflict_reprints = set(rng.sample(reprints, min(len(reprints), n_conflict_reprints)))
    roles = {i: (True, i in conflict_reprints) for i in reprints} | {i: (False, True) for i in restated}
    tasks: dict[int, _Task] = {}
    recent: deque[int] = deque(maxlen=30)
    for index in range(articles):
        if index in roles:
            reprint, conflict = roles[index]
            tasks[index] = _Task(index, rng.choice(recent), reprint, conflict)
        else:
            recent.append(index)
    return tasks, n_conflicts


def default_side_path(out_dir: Path, suffix: str) -> Path:
    """OUT_DIR/../<name>.<suffix>: the answer key sits beside the corpus, not in it, so raw/ stays clean."""
    return out_dir.parent / f"{out_dir.name}.{suffix}"


def _public(figure: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in figure.items() if not k.startswith("_")}


def parse_range(text: str) -> tuple[int, int]:
    """'1..3' or '2' as an inclusive range of articles per file."""
    low, _, high = text.partition("..")
    first, last = int(low), int(high or low)
    if not 1 <= first <= last:
        raise argparse.ArgumentTypeError(f"bad range {text!r}")
    return first, last


def generate(
    out_dir: Path,
    articles: int,
    seed: int = 0,
    *,
    conflict_rate: float = 0.02,
    reprint_rate: float = 0.05,
    gbk_rate: float = 0.1,
    articles_per_file: tuple[int, int] = (1, 3),
    article_kb: float = 15.0,
    expected_path: Path | None = None,
    conflicts_path: Path | None = None,
    regions_csv: Path = REGIONS_CSV,
) -> CorpusSummary:
    """Write `articles` articles into text files in `out_dir`, streaming, with the answer key beside it."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    expected_path = Path(expected_path or default_side_path(out_dir, "expected.jsonl"))
    conflicts_path = Path(conflicts_path or default_side_path(out_dir, "conflicts.jsonl"))
    manifest_path = default_side_path(out_dir, "files.jsonl")
    summary_path = default_side_path(out_dir, "summary.json")
    gen = Generator(seed, load_regions(regions_csv), article_kb)
    tasks, requested = plan(seed, articles, reprint_rate, conflict_rate)
    summary = CorpusSummary(out_dir, expected_path=expected_path, conflicts_path=conflicts_path,
                            manifest_path=manifest_path, summary_path=summary_path, requested_conflicts=requested,
                            settings={"seed": seed, "articles": articles, "conflict_rate": conflict_rate,
                                      "reprint_rate": reprint_rate, "gbk_rate": gbk_rate,
                                      "articles_per_file": list(articles_per_file), "article_kb": article_kb})
    file_rng = random.Random(f"{seed}:files")
    conflict_rng = random.Random(f"{seed}:conflicts")
    by_source: dict[int, list[_Task]] = {}
    for task in sorted(tasks.values(), key=lambda t: t.index):
        if task.conflict:
            by_source.setdefault(task.source, []).append(task)
    sources = {t.source for t in tasks.values()}
    waiting: list[_Task] = []  # conflict tasks whose source has come and that still need a figure
    kept_specs: dict[int, ArticleSpec] = {}
    kept_files: dict[int, str] = {}
    used_keys: set[str] = set()
    current: list[tuple[ArticleSpec, Rendered, _Task | None]] = []
    capacity, name = 0, ""

    with expected_path.open("w", encoding="utf-8") as expected, \
            conflicts_path.open("w", encoding="utf-8") as conflicts, \
            manifest_path.open("w", encoding="utf-8") as manifest:

        def flush() -> None:
            if current:
                _write_file(out_dir, name, current, file_rng, gbk_rate, expected, conflicts, manifest, summary,
                            kept_files)
                for spec, _, _ in current:
                    if spec.index in kept_specs:
                        kept_files[spec.index] = name
                current.clear()

        for index in range(articles):
            task = tasks.get(index)
            if task and task.conflict and task.conflict_id is None:
                print(f"warning: no figure to contradict before article {index}", file=sys.stderr)
                task.conflict = False
                task = task if task.reprint else None
            page = current[0][0].published_on if current else None
            if task and task.reprint:
                spec = replace(kept_specs[task.source], index=index, need_exact_only_key=False)
            elif task:
                source = kept_specs[task.source]
                rng = random.Random(f"{seed}:restate:{index}")
                published = min(source.published_on + timedelta(days=rng.randint(0, 60)),
                                date(source.published_on.year, 12, 28))
                spec = ArticleSpec(index, f"{seed}:article:{index}", source.region, source.data_year, published)
            if task and (spec.published_on != page or any(s.index == task.source for s, _, _ in current)):
                flush()  # a reprint or restatement lands in another file than its source, on a page of its date
                page = None
            if task and task.reprint:
                alter = {task.slot: task.altered} if task.conflict and task.slot is not None and task.altered else {}
                rendered = gen.render(kept_specs[task.source], alter)
                for slot in alter:
                    rendered.figures[slot]["conflict_id"] = task.conflict_id
                    rendered.figures[slot]["figure_key"] += f":{task.conflict_id}"
                summary.reprints += 1
            elif task:
                rendered = gen.render(spec, forced=task.forced)
            else:
                waiting = [t for t in waiting if t.conflict_id is None and t.index > index]
                waiting += by_source.get(index, [])
                spec = gen.source_spec(index, page) if waiting else gen.spec(index, page)
                rendered = gen.render(spec)
                for waiter in waiting:
                    if _resolve(gen, spec, rendered, waiter, used_keys, conflict_rng):
                        kept_specs[index] = spec
                if index in sources:
                    kept_specs[index] = spec
            if not current:
                capacity = file_rng.randint(*articles_per_file)
                name = f"sti-{spec.published_on:%Y%m%d}-{summary.files:06d}.txt"
            current.append((spec, rendered, task))
            summary.articles += 1
            if len(current) >= capacity:
                flush()
        flush()
    if summary.planted_conflicts < requested:
        print(f"warning: planted {summary.planted_conflicts} of {requested} conflicts (too few articles)",
              file=sys.stderr)
    summary.seconds = round(time.perf_counter() - started, 3)
    summary_path.write_text(json.dumps(summary.as_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return summary


def _resolve(gen: Generator, spec: ArticleSpec, rendered: Rendered, task: _Task, used_keys: set[str],
             rng: random.Random) -> bool:
    """Let a waiting conflict task take one figure of this original (its planned source, or a later one
    when the planned source had no exact-only figure left) and its wrong value."""
    picked = gen.pick_conflict(rendered, spec.region, rng, used_keys)
    if picked is None:
        return False
    slot, altered, mutation = picked
    figure = rendered.figures[slot]
    used_keys.add(figure["figure_key"])
    task.source = spec.index
    task.conflict_id = f"c{len(used_keys):06d}"
    task.slot, task.altered, task.mutation = slot, altered, mutation
    task.original = figure
    figure["conflict_id"] = task.conflict_id
    if not task.reprint:
        task.forced = Forced(figure["region_code"], figure["indicator_code"], figure["period"],
                             figure["value_kind"], altered, task.conflict_id)
    return True


def _write_file(out_dir: Path, name: str, items: list[tuple[ArticleSpec, Rendered, _Task | None]],
                rng: random.Random, gbk_rate: float, expected: IO[str], conflicts: IO[str], manifest: IO[str],
                summary: CorpusSummary, kept_files: dict[int, str]) -> None:
    """Write one page file (with an optional page-date header), then its rows in the key and the manifest."""
    encoding = "gb18030" if rng.random() < gbk_rate else "utf-8"
    parts: list[str] = []
    first = items[0][0].published_on
    if rng.random() < 0.3:
        parts.append(f"{first.year}年{first.month}月{first.day}日 星期{WEEKDAYS[first.weekday()]}")
    elif rng.random() < 0.3:
        parts.append(" \n")
    articles_meta = []
    offset = sum(len(p) + 4 for p in parts)
    for spec, rendered, task in items:
        articles_meta.append({
            "article_index": spec.index, "title": rendered.title, "published_on": spec.published_on.isoformat(),
            "region_code": spec.region.code, "region_name": spec.region.name,
            "char_start": offset, "char_end": offset + len(rendered.text),
            "reprint_of": task.source if task and task.reprint else None,
            "restates": task.source if task and not task.reprint else None,
        })
        parts.append(rendered.text)
        offset += len(rendered.text) + 4
    text = "\n\n\n\n".join(parts) + "\n"
    data = text.encode(encoding)
    (out_dir / name).write_bytes(data)
    summary.files += 1
    summary.bytes += len(data)
    summary.gb18030_files += encoding == "gb18030"
    manifest.write(json.dumps({"file": name, "encoding": encoding, "bytes": len(data), "articles": articles_meta},
                              ensure_ascii=False) + "\n")
    for spec, rendered, task in items:
        for figure in rendered.figures:
            row = {"file": name, "encoding": encoding, "article_index": spec.index, **_public(figure)}
            expected.write(json.dumps(row, ensure_ascii=False) + "\n")
            summary.figures += 1
        if task and task.conflict and task.conflict_id and task.original:
            original = task.original
            altered = next(f for f in rendered.figures if f["conflict_id"] == task.conflict_id
                           and f["planted_conflict"])
            conflicts.write(json.dumps({
                "conflict_id": task.conflict_id, "kind": "reprint" if task.reprint else "restated",
                "mutation": task.mutation, "region_code": original["region_code"],
                "region_name": original["region_name"], "indicator": original["indicator"],
                "indicator_code": original["indicator_code"], "period": original["period"],
                "value_kind": original["value_kind"], "unit": original["unit"],
                "original": {"file": kept_files[task.source], "article_index": task.source,
                             "quote": original["quote"], "value": original["value"]},
                "altered": {"file": name, "article_index": spec.index, "quote": altered["quote"],
                            "value": altered["value"]},
            }, ensure_ascii=False) + "\n")
            summary.planted_conflicts += 1


def main(argv: list[str] | None = None) -> int:
    """The command line; prints the summary as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate_corpus", description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--conflict-rate", type=float, default=0.02)
    parser.add_argument("--reprint-rate", type=float, default=0.05)
    parser.add_argument("--gbk-rate", type=float, default=0.1)
    parser.add_argument("--articles-per-file", type=parse_range, default=(1, 3), metavar="A..B")
    parser.add_argument("--article-kb", type=float, default=15.0)
    parser.add_argument("--expected", type=Path)
    parser.add_argument("--conflicts", type=Path)
    args = parser.parse_args(argv)
    summary = generate(args.out_dir, args.articles, args.seed, conflict_rate=args.conflict_rate,
                       reprint_rate=args.reprint_rate, gbk_rate=args.gbk_rate,
                       articles_per_file=args.articles_per_file, article_kb=args.article_kb,
                       expected_path=args.expected, conflicts_path=args.conflicts)
    print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
