"""Periods: explicit years, year spans, five-year plans and relative years (`今年`, `去年`), plus the
publication date an article is read against when no metadata gives it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .rules import FIVE_YEAR_PLANS

_PLANS = "|".join(FIVE_YEAR_PLANS)
# One pattern for every period expression a sentence can hold.
PERIOD_RE = re.compile(
    r"(?=[12十“\"今去前明上本当0-9一二两三四五六七八九])"  # lets `re` skip ahead at C speed
    r"(?:(?P<span>(?:19|20)\d\d)\s?年?\s?[-—~至到]\s?(?P<span_end>(?:19|20)\d\d)\s?年"
    r"|(?P<year>(?<![0-9])(?:19|20)\d\d)\s?年(?!代)"
    rf"|[“\"]?(?P<plan>{_PLANS})[”\"]?(?P<plan_part>期间|以来|时期|开局之年|开局|首年|收官之年|收官|末|期末)?"
    r"|(?P<relative>今年|去年|前年|明年|上年|本年|当年)"
    r"|(?P<since>[0-9一二两三四五六七八九十]{1,2})\s?年来)"
)
# A year written right after one of these is a comparison base, not the period (`较2024年提升6位`).
BASE_MARKERS = ("较", "比", "与", "同", "相比", "对比", "是")  # `是去年的1.5倍`
RELATIVE_OFFSETS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}

FULL_DATE_RE = re.compile(r"(?=[12][09])(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
THIS_YEAR_DATE_RE = re.compile(r"今年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
YEAR_IN_NAME_RE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(?![0-9])")
TITLE_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(?![0-9])")


def publication_date(text: str, source_name: str) -> tuple[date | None, str]:
    """Latest full date in the text (not earlier than a year in the file name), else the file name's
    year (refined by `今年M月D日` mentions), else unknown."""
    name_year = None
    match = YEAR_IN_NAME_RE.search(source_name.rsplit("/", 1)[-1])
    if match:
        name_year = int(match.group(1))
    latest: date | None = None
    for m in FULL_DATE_RE.finditer(text):
        try:
            found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if latest is None or found > latest:
            latest = found
    if latest is not None and (name_year is None or latest.year >= name_year):
        return latest, "text"
    if name_year is not None:
        best = date(name_year, 1, 1)
        for m in THIS_YEAR_DATE_RE.finditer(text):
            try:
                best = max(best, date(name_year, int(m.group(1)), int(m.group(2))))
            except ValueError:
                continue
        return best, "file_name"
    if latest is not None:
        return latest, "text"
    return None, "unknown"


def default_period(text: str, found: list[re.Match[str]], title: str, published: date | None) -> str | None:
    """The year an article reports on: a year in its title, else its most mentioned year (`found`:
    the article's PERIOD_RE matches) not after publication, else the publication year."""
    match = TITLE_YEAR_RE.search(title)
    if match:
        return match.group(1)
    counts: Counter[str] = Counter()
    for m in found:
        year = m.group("year")
        if year and (published is None or int(year) <= published.year) and not _is_base(text, m.start()):
            if _MONTH_AFTER_RE.match(text, m.end()):
                continue  # `2016年2月25日`: a date (often the publication's), not what is reported on
            counts[year] += 1
    if counts:
        return max(counts.items(), key=lambda item: (item[1], item[0]))[0]
    return str(published.year) if published else None


_MONTH_AFTER_RE = re.compile(r"\s?\d{1,2}\s?月")


def _is_base(text: str, pos: int) -> bool:
    before = text[max(0, pos - 2):pos]
    return any(before.endswith(marker) for marker in BASE_MARKERS)


def period_of(match: re.Match[str], text: str, published: date | None, plan_review: str | None,
              target: bool = False) -> str | None:
    """The period a PERIOD_RE match stands for, or None if it is a comparison base or unresolvable.
    `plan_review` names the five-year plan an article reviews (from its title), if any."""
    if _is_base(text, match.start()):
        return None
    if match.group("span"):
        return f"{match.group('span')}-{match.group('span_end')}"
    if match.group("year"):
        return match.group("year")
    plan = match.group("plan")
    if plan:
        first, last = FIVE_YEAR_PLANS[plan]
        part = match.group("plan_part") or ""
        if part in ("开局之年", "开局", "首年"):
            return str(first)
        if part in ("收官之年", "收官", "末", "期末"):
            return str(last)
        if part or not target:
            return f"{first}-{last}" if part else None
        return str(last)
    relative = match.group("relative")
    if relative:
        if published is None or relative == "当年":
            return None
        return str(published.year + RELATIVE_OFFSETS[relative])
    since = match.group("since")
    if since and plan_review and since in ("5", "五"):  # `5年来` in a review of a five-year plan
        first, last = FIVE_YEAR_PLANS[plan_review]
        return f"{first}-{last}"
    return None
