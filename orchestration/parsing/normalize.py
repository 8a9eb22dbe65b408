"""Length-preserving normalisation, so that every offset into the normalised text is also an offset
into the original: Traditional -> Simplified characters, full-width ASCII -> ASCII, odd spaces ->
a plain space. One `str.translate` call per document, at C speed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u202f\t\r\x0b\x0c"


def _opencc_t2s() -> dict[int, int]:
    """One-to-one Traditional -> Simplified characters from opencc's TSCharacters dictionary."""
    table: dict[int, int] = {}
    try:
        import opencc  # noqa: PLC0415 - optional data source, read once

        path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
        lines = path.read_text("utf-8").splitlines()
    except (ImportError, OSError):
        return table
    for line in lines:
        if "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[ord(trad)] = ord(simp)
    return table


_VARIANTS = {"陜": "陕"}  # 陜西 in Big5 reprints


@lru_cache(maxsize=1)
def translation_table() -> dict[int, int]:
    table = _opencc_t2s()
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        char = chr(code)
        if char in "，；：！？（）":  # Chinese punctuation stays as written (rules accept both)
            continue
        table[code] = code - 0xFEE0
    for char in _ZERO_WIDTH + _SPACES:
        table[ord(char)] = ord(" ")
    table[ord("\u2212")] = ord("-")
    table[ord("\uff5e")] = ord("~")
    table[ord("\u301c")] = ord("~")
    table[ord("\u2027")] = ord(".")  # hyphenation point used as a decimal point in some reprints
    for variant, standard in _VARIANTS.items():  # variant forms OpenCC's table leaves as they are
        table[ord(variant)] = ord(standard)
    return {key: value for key, value in table.items() if key != value}


@lru_cache(maxsize=1)
def _dense_table() -> list[int]:
    """The table as a list indexed by code point, up to the highest one translated: `str.translate`
    then finds every character without a dict miss, which costs an exception each; twice as fast.
    Characters beyond the list stay as they are (the lookup's IndexError means "keep")."""
    table = translation_table()
    dense = list(range(max(table, default=0) + 1))
    for key, value in table.items():
        dense[key] = value
    return dense


_DIGITS = "0-9\uff10-\uff19"
# zero-width characters inside a number (`1.\u200b94%`, copied from web pages)
_ZERO_WIDTH_IN_NUMBER_RE = re.compile(
    f"(?<=[{_DIGITS}.\uff0e\u2027])([{_ZERO_WIDTH}]+)([{_DIGITS}]+(?:[.\uff0e\u2027][{_DIGITS}]+)?)")


# Pinyin a converter left behind in Traditional reprints (`產(chǎn)量增長(zhǎng)43%`): one syllable with a tone
# mark in brackets. Read as spaces, so that words and numbers around it meet again.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Some converters drop the tone marks (`增(zeng)長14.6%`): a toneless syllable counts only between
# two Chinese characters (or before a digit), where no ASCII word in brackets would stand.
_PINYIN_DEBRIS_RE = re.compile(rf"\((?:(?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}üńňǹ]{{1,8}}"
                               # (a syllable some copies print twice: `增(zeng)(zeng)長`, one run of debris)
                               r"|(?<=[\u4e00-\u9fff]\()[a-z]{1,6}(?:\)\([a-z]{1,6})*(?=\)[\u4e00-\u9fff0-9]))\)")


@lru_cache(maxsize=1)
def _translated_re() -> re.Pattern[str]:
    """A character the table changes, or any beyond the Basic Multilingual Plane: one class whose
    BMP part `re` compiles to a bitmap, so a search over a text runs at ~3 ns a character. (A class
    that lists the table's characters beyond the BMP one by one is checked linearly: 50 times slower.)"""
    bmp = "".join(re.escape(chr(code)) for code in sorted(translation_table()) if code <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010ffff]")


def normalize(text: str) -> str:
    """Same length as `text`; used for matching only, never for quotes. Most texts hold no character
    the table changes (Simplified text, ASCII digits): one search says so, ten times faster than
    translating.

    Zero-width characters become spaces, except inside a number, where the digits after them move
    left and the spaces go after the number: `1.\u200b94%` reads `1.94 %`, so the figure's span
    still covers the original characters."""
    norm = text.translate(_dense_table()) if _translated_re().search(text) is not None else text
    if "(" in norm and _PINYIN_DEBRIS_RE.search(norm) is not None:
        norm = _PINYIN_DEBRIS_RE.sub(lambda m: " " * len(m.group()), norm)
    if not any(char in text for char in _ZERO_WIDTH):  # six C searches for one character: ~3x the class's speed
        return norm
    parts: list[str] = []
    last = 0
    for m in _ZERO_WIDTH_IN_NUMBER_RE.finditer(text):
        parts.append(norm[last:m.start()])
        parts.append(norm[m.start(2):m.end(2)] + " " * len(m.group(1)))
        last = m.end()
    if not parts:
        return norm
    parts.append(norm[last:])
    return "".join(parts)


_SPACE_RUN = re.compile(r"\s+")


def compact(text: str) -> str:
    """Normalise and drop all whitespace: for short phrases (names, indicator phrases), not offsets."""
    return _SPACE_RUN.sub("", normalize(text))
