"""What an analyst types, read as the mart writes it: periods as people write them (`2025年`,
`2025上半年`, `十四五`) and the nearest region or indicator names when a filter matches nothing."""

from __future__ import annotations

import difflib
import re
import unicodedata

_SPAN = re.compile(r"^((?:19|20)\d\d)年?[-—–~至到]((?:19|20)\d\d)年?$")
_YEAR_PART = re.compile(r"^((?:19|20)\d\d)年?度?(.*)$")
_MART_PERIOD = re.compile(r"^(?:19|20)\d\d(?:-(?:19|20)\d\d|H[12]|Q[1-4](?:-Q[1-4])?|M\d\d(?:-M\d\d)?)?$")


def normalise_period(text: str) -> str | None:
    """`2025年` -> 2025, `2025上半年` -> 2025H1, `2025年前三季度` -> 2025Q1-Q3, `2025年1-10月` ->
    2025M01-M10, `十四五` -> 2021-2025, `2021—2025年` -> 2021-2025; None when it is no period."""
    # the parser's own grammar for parts of a year (imported here: it compiles many regexes)
    from orchestration.parsing.periods import part_of_year
    from orchestration.parsing.rules import FIVE_YEAR_PLANS

    word = unicodedata.normalize("NFKC", text).strip().strip("“”\"'").replace(" ", "")
    if not word:
        return None
    upper = word.upper()
    if _MART_PERIOD.match(upper):
        return upper
    plan = word.removesuffix("时期").removesuffix("期间")
    if plan in FIVE_YEAR_PLANS:
        first, last = FIVE_YEAR_PLANS[plan]
        return f"{first}-{last}"
    span = _SPAN.match(word)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    year_part = _YEAR_PART.match(word)
    if not year_part:
        return None
    year, rest = year_part.groups()
    rest = rest.removeprefix("年")
    if not rest:
        return year
    part = part_of_year(rest)
    if part is None and (rest.isdigit() or rest.endswith("月")):
        part = part_of_year(rest.removesuffix("月") + "月份")  # 2025年10月, 2025-10
    if part is None:
        return None
    if part == "":  # 12月底: the year itself
        return year
    return year + part


def nearest(word: str, names: list[str], n: int = 5) -> list[str]:
    """Names closest to `word`: those containing it or contained in it, then those sharing the most
    characters (Chinese names are short: edit ratios alone rank 火星 near nothing useful)."""
    word = word.strip()
    if not word:
        return []
    unique = list(dict.fromkeys(x for x in names if x))
    scored = []
    for name in unique:
        shared = len(set(word) & set(name))
        if not shared and word.lower() not in name.lower():
            continue
        ratio = difflib.SequenceMatcher(None, word.lower(), name.lower()).ratio()
        contains = word.lower() in name.lower() or name.lower() in word.lower()
        scored.append((not contains, -shared, -ratio, len(name), name))
    scored.sort()
    return [s[-1] for s in scored[:n]]
