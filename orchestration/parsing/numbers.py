"""Number words -> floats: Arabic with Chinese multipliers (`1.25万`, `5300亿`), Chinese numerals
(`两万`, `十二`, `三千五百万`, bare `万`), positional digits (`二〇二五`).

A small hand-written converter instead of cn2an on the hot path: it also reads bare `万` (`超万户`)
and `千万`, which cn2an rejects, and is several times faster (see scripts/bench_parser.py and
tests/test_parsing_rules.py, which compare the two).
"""

from __future__ import annotations

import math
from functools import lru_cache

from .rules import ARABIC_MULTIPLIERS, CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS

_ARABIC = frozenset("0123456789.,")


def parse_chinese(word: str) -> float | None:
    """Value of a Chinese numeral, or None if it is not one."""
    if not word:
        return None
    if len(word) > 1 and all(ch in CN_DIGITS for ch in word):  # positional: 二〇二五
        return float("".join(str(CN_DIGITS[ch]) for ch in word))
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in word:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        elif ch in CN_BIG_UNITS:
            part = section + (digit or 0)
            if part == 0 and total == 0:
                part = 1  # bare 万, 亿: one of them
            if ch == "亿":
                total = (total + part) * CN_BIG_UNITS[ch]
            else:
                total += part * CN_BIG_UNITS[ch]
            section = 0.0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


@lru_cache(maxsize=65536)
def parse_number(word: str) -> float | None:
    """Value of an Arabic or Chinese number word as matched by the figure regex."""
    if not word:
        return None
    if word[0] in _ARABIC:
        end = len(word)
        while end and word[end - 1] not in _ARABIC:
            end -= 1
        digits, suffix = word[:end].replace(",", "").replace(" ", ""), word[end:].lstrip()
        exponent = 0
        if suffix:
            factor = ARABIC_MULTIPLIERS.get(suffix)
            if factor is None:
                return None
            exponent = round(math.log10(factor))
        try:  # `8.2e8` rather than 8.2 * 1e8, which is 819999999.9999999
            return float(f"{digits}e{exponent}")
        except ValueError:
            return None
    return parse_chinese(word)


def parse_decimal_chinese(word: str) -> float | None:
    """`三点五` -> 3.5, `三十` -> 30, `12.5` -> 12.5 (the number in `百分之三点五`)."""
    if "点" not in word:
        return parse_number(word)
    whole, _, fraction = word.partition("点")
    value = parse_chinese(whole) if whole else 0.0
    if value is None or not fraction or any(ch not in CN_DIGITS for ch in fraction):
        return None
    return float(f"{int(value)}.{''.join(str(CN_DIGITS[ch]) for ch in fraction)}")
