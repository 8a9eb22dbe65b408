"""Indicator dictionary (dbt seed `indicators.csv`): the longest alias found in a noun phrase names
the indicator. Aliases are normalised like the text, so Traditional variants match too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import compact
from .rules import RATIO_CLOSER, RATIO_OPENER
from .seeds import read_seed
from .trie import trie_pattern

_RD_FORMS = (("研发", "R&D"), ("R&D", "研发"), ("研究与试验发展", "研发"), ("研究与试验发展", "R&D"),
             ("研发", "研究与试验发展"), ("R&D", "研究与试验发展"),  # an official document spells it out
             ("R&D", "r&d"), ("研发", "r&d"), ("研究与试验发展", "r&d"))  # reprints lower-case it


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    value_kind: str


@dataclass(frozen=True)
class Dictionary:
    by_alias: dict[str, Indicator]
    pattern: re.Pattern[str] | None
    at_end: re.Pattern[str] | None  # an alias ending the phrase
    anywhere: re.Pattern[str] | None = None  # the longest alias at every position (overlapping)


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    by_alias: dict[str, Indicator] = {}
    for row in read_seed("indicators"):
        indicator = Indicator(row["indicator_code"], row["indicator_name"], row["unit"], row["value_kind"])
        for alias in [row["indicator_name"], *row["aliases"].split("|")]:
            alias = compact(alias)
            # 研发, R&D and 研究与试验发展 are written interchangeably: every alias in each form
            for variant in {alias, *(alias.replace(a, b) for a, b in _RD_FORMS if a in alias)}:
                if variant:
                    by_alias.setdefault(variant, indicator)
    if not by_alias:
        return Dictionary(by_alias, None, None)
    names = trie_pattern(by_alias)
    first = "".join(sorted({re.escape(alias[0]) for alias in by_alias}))
    return Dictionary(by_alias, re.compile(names), re.compile(f"(?:{names})$"),
                      re.compile(f"(?=[{first}])(?=({names}))"))


def alias_spans(phrase: str) -> list[tuple[int, int]]:
    """(start, end) of the longest alias starting at each position of `phrase`, overlaps included:
    `全社会研发投入强度` holds both `全社会研发投入` and `研发投入强度`."""
    dic = dictionary()
    if dic.anywhere is None:
        return []
    return [m.span(1) for m in dic.anywhere.finditer(phrase)]


def names_indicator(phrase: str) -> bool:
    """Whether `phrase` ends with an indicator alias (`国家重点实验室`)."""
    dic = dictionary()
    return dic.at_end is not None and dic.at_end.search(phrase) is not None


def _last_span(phrase: str) -> tuple[int, int] | None:
    """The alias that ends last in `phrase`, the longest on ties."""
    best: tuple[int, int] = (-1, 0)
    best_span = None
    for start, end in alias_spans(phrase):  # overlapping
        rank = (end, end - start)
        if rank > best:
            best, best_span = rank, (start, end)
    return best_span


@lru_cache(maxsize=16384)
def last_alias(phrase: str) -> str | None:
    """The text of the indicator alias written last in `phrase`."""
    span = _last_span(phrase)
    return phrase[span[0]:span[1]] if span else None


@lru_cache(maxsize=16384)
def alias_start(phrase: str) -> int | None:
    """Where the alias `lookup` reads in `phrase` starts: what is written before it qualifies it
    (`各类企业R&D经费`, `吸纳技术合同成交额`)."""
    span = _last_span(_lookup_form(phrase))
    return span[0] if span else None


def _lookup_form(phrase: str) -> str:
    if not phrase.isascii() and phrase != phrase.upper():  # `全年gdp达2590.6亿元`: the aliases write GDP, R&D
        phrase = phrase.upper()
    if "实现" in phrase:  # `高新技术产业实现增加值`, `全市实现地区生产总值`
        phrase = phrase.replace("实现", "")
    if "的比重" in phrase:  # `占规模以上工业增加值的比重`: the aliases write 比重 without 的
        phrase = phrase.replace("的比重", "比重")
    return phrase


@lru_cache(maxsize=16384)
def lookup(phrase: str) -> Indicator | None:
    """The indicator named last in `phrase` (already normalised), the longest alias on ties: in
    `新型研发机构转化科技成果89项` the figure counts 科技成果, the noun right before it."""
    dic = dictionary()
    if dic.pattern is None or not phrase:
        return None
    phrase = _lookup_form(phrase)
    best_span = _last_span(phrase)
    if best_span is None:
        return None
    best_alias = phrase[best_span[0]:best_span[1]]
    alias_start = best_span[0]
    share_of = phrase.find("占")
    if 0 < share_of < alias_start:
        return None  # `数字经济核心产业增加值占GDP比重`: GDP is the denominator, not the indicator
    ratio_of = phrase.find(RATIO_OPENER)
    if 0 <= ratio_of < alias_start and phrase.find(RATIO_CLOSER, best_span[1]) != -1:
        return None  # `与地区生产总值之比为2.1%`: the denominator again
    return dic.by_alias[best_alias]


def starts_with_alias(phrase: str) -> bool:
    """Whether an indicator alias opens `phrase` (`全国重点实验室...`)."""
    dic = dictionary()
    return dic.pattern is not None and dic.pattern.match(phrase) is not None


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Indicator]:
    return {indicator.code: indicator for indicator in dictionary().by_alias.values()}


def by_code(code: str) -> Indicator | None:
    """The dictionary's indicator with this code."""
    return _by_code().get(code)
