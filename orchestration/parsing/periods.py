"""Periods: explicit years, year spans, five-year plans and relative years (`今年`, `去年`), plus the
publication date an article is read against when no metadata gives it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from .rules import (
    AS_OF_WORDS,
    DATE_LINE_LABEL_PATTERN,
    EVENT_NOUNS,
    FIVE_YEAR_PLANS,
    FORECAST_UNTIL_MONTH,
    FORECAST_YEAR_WORDS,
    FROM_WORDS,
    HEADING_FIGURE_PATTERN,
    HISTORY_YEARS_BEFORE,
    LEAD_PART_REACH,
    LOOKBACK_MEANS_LAST_YEAR_UNTIL_MONTH,
    LOOKBACK_NOT_AFTER,
    MILESTONE_AFTER,
    MILESTONE_BEFORE,
    NOW_MEANS_LAST_YEAR_UNTIL_MONTH,
    PARTY_CONGRESS_YEARS,
    PLAN_NOUN,
    PLAN_REVIEW_WORDS,
    PLAN_REVIEWED_WHOLE_FROM_MONTH,
    PLAN_TOTAL_WORDS,
    POINT_IN_TIME_WORDS,
    RECORD_AFTER_SINCE,
    RUN_START_AFTER,
    SECTION_PROGRESS_WORDS,
    SECTION_TARGET_WORDS,
    SINCE_WORDS,
    SUMMARY_TITLE_WORDS,
    TITLE_EVENT_NAME_MAX,
    WORK_REPORT_NOUN,
    WORK_REPORT_OPENERS,
    YEAR_LOOKBACK_WORDS,
    YEAR_REVIEWING_EVENT_NOUNS,
    YEAR_SO_FAR_MONTHS,
    YEAR_UNDER_REVIEW_FROM_MONTH,
)

_PLANS = "|".join(FIVE_YEAR_PLANS)
_CN_MONTH = "[0-9]{1,2}|十[一二]?|[一二三四五六七八九]"
# Parts of a year a figure can be for (`上半年`, `一季度`, `前三季度`, `1-10月`, `1月至10月`, `前10个月`, `10月份`,
# `6月底`), written after a year or alone; a day after a month makes it a date (`1-3月5日` is none).
# One grammar: part_of_year reads the named groups, PERIOD_RE embeds it (several times) without them.
_PART_SOURCE = (
    r"(?P<half>[上下])半年|前(?P<q_upto>[三两二])季度|[1一]\s?[-—~至到]\s?(?P<q_to>[23二三])\s?季度"  # `1-2季度`
    r"|第?(?P<quarter>[一二三四1-4])季度"
    rf"|(?P<m_from>{_CN_MONTH})\s?月?\s?[-—~至到]\s?(?P<m_to>{_CN_MONTH})\s?月(?:份)?(?!\s?[0-9]{{1,2}}\s?日)"
    rf"|前(?P<m_upto>{_CN_MONTH})个?月|(?P<month>{_CN_MONTH})月(?:份|当月)|(?P<month_end>{_CN_MONTH})月(?:底|末)"
)
_PART_RE = re.compile(_PART_SOURCE)
PART_PATTERN = re.sub(r"\(\?P<\w+>", "(?:", _PART_SOURCE)
# One pattern for every period expression a sentence can hold.
PERIOD_RE = re.compile(
    r"(?=[12十“\"今去前明上下第本当过近党自以0-9一二两三四五六七八九])"  # lets `re` skip ahead at C speed
    r"(?:(?P<span>(?:19|20)\d\d)\s?年?\s?[-—~至到]\s?(?P<span_end>(?:19|20)\d\d)\s?年"
    r"|(?P<since_year>(?<![0-9])(?:19|20)\d\d)\s?年(?=以来|至今|到现在|迄今)"  # `2016年至今`: since then
    # `自2023年8月全球研发中心城市启动建设以来`: since a year named further back in its clause
    r"|自\s?(?P<since_from>(?:19|20)\d\d)\s?年(?=[^，。；,;]{0,24}?以来)"
    # `党的十八大以来`: since the party congress of that year
    rf"|(?:党的)?(?P<congress>{'|'.join(PARTY_CONGRESS_YEARS)})(?=以来)"
    rf"|(?P<year>(?<![0-9])(?:19|20)\d\d)\s?年(?!代)(?:度)?(?:\s?(?P<part>{PART_PATTERN}))?"
    # the edition of a ranking or report, its year written without 年 (`2022中国城市科技创新百强榜`)
    r"|(?P<edition>(?<![0-9])20\d\d)(?=[^\s0-9，。,；;、：:]{2,24}?(?:榜|报告|指数|排行|排名|评价))"
    # ... or after it, at the end of the title (`《中国区域科技创新评价报告2021》`)
    r"|(?<=[告数數榜单單])(?P<edition_after>20\d\d)(?=\s?年?(?:版|度)?》)"
    # (a page may close the quote with an opening one: `“十三五“以来`)
    rf"|[“\"]?(?P<plan>{_PLANS})[”“\"]?(?P<plan_part>期间|以来|时期|开局之年|开局|首年|收官之年|收官|末|期末)?"
    rf"|(?P<relative>今年|去年|前年|明年|上一年|上年|本年|当年)(?P<relative_part>{PART_PATTERN})?"
    # `从10年前的第34位`: that many years before the page's year
    r"|(?<![0-9])(?P<ago>[0-9一二两三四五六七八九十]{1,2})\s?年前(?=的)"
    # (`两年平均增长5.9%`: an average over the last two years)
    r"|(?<!连续)(?<!创)(?<!前)(?P<since>[0-9一二两三四五六七八九十]{1,2})\s?年(?:来|间|里|(?=累计|提高|提升|增长|增加|下降|减少|平均增|年均))"
    # (`第十二届全国人民代表大会第一次会议以来的五年`: the years since an event named before it)
    r"|(?<!创)(?:过去|近|以来的)的?(?P<past>[0-9一二两三四五六七八九十]{1,2})\s?年(?![代前后])"
    rf"|(?<![0-9年])(?P<part_only>{PART_PATTERN}))"
)
_QUARTER_ENDS = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: ""}
# months from January that make a part with a name of its own (一季度, 上半年): written as those
_NAMED_PARTS = {3: "Q1", 6: "H1"}
_NUMBER_LATER_IN_SENTENCE_RE = re.compile(r"[^。！？!?\n]*?\d")
_CN_MONTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10, "十一": 11, "十二": 12}
# A year written right after one of these is a comparison base, not the period (`较2024年提升6位`).
BASE_MARKERS = ("较", "比", "与", "同", "相比", "对比", "较于", "相对于",  # `相较于2022年各地区…均有增加`
                "高于", "低于", "快于", "慢于", "多于", "少于")  # `高于2024年同期0.11个百分点`
# ... and these only before a multiple in the year's clause (`是去年的1.5倍`, `为“十三五”末的6.6倍`; not
# `特别是2017—2021年增长速度明显加快`)
MULTIPLE_BASE_MARKERS = ("是", "为", "為")
# A year set to 100 is an index's base (`以2015年为100`, `2015年=100`), never the period of a figure.
INDEX_BASE_PATTERN = r"(?:19|20)\d\d\s?年?\s?(?:为|=|＝)\s?100(?![0-9.])"
BASE_MARKER_REACH = 24  # characters before a year within which its base marker stands, blanks included
RELATIVE_OFFSETS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}
# A report's own voice: these count from the year it reports on, not from the day a page printed it
# (`由上年的84.13%提高到本年的92.90%` in a 2018 story on a report of 2016's data: 2015 and 2016).
REPORT_VOICE_RELATIVES = ("本年", "上年")

# `2025年3月2日`, and the ISO form web pages print (`2021-02-04 10:26 来源：新华社`)
# (opening with the character class itself, not a lookahead on it, lets `re` jump between 1s and 2s at
# C speed over a whole document: 2-3 times faster)
# (a month after 年 is followed by 月: `2023年1-10月份` is a part of a year, not 10 January)
FULL_DATE_RE = re.compile(r"([12][09]\d\d)(?:\s?年\s?(?=\d{1,2}\s?月)|-)(\d{1,2})(?:\s?月\s?|-)(\d{1,2})"
                          r"(?:\s?日|(?![0-9]))")
# a date line some sites print day first (`03.03.2016 18:24`, `07.01.2016`)
DAY_FIRST_DATE_RE = re.compile(r"([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![0-9.])")  # (opens with a digit: fast)
# ... and one with slashes or dots (`发布时间:2023/2/23 22:55:16`, `2016.03.03`), also near the top only
# ... but never a date that ends a range (`有效期为2017年1月1日至2019年12月31日`): a term, not the page's day
RANGE_END_BEFORE_RE = re.compile(r"(?:至|到|—|~|～)\s?$")
SLASHED_DATE_RE = re.compile(r"([12][09]\d\d)([/.])(\d{1,2})\2(\d{1,2})(?![0-9])")
DATE_LINE_REACH = 400  # characters from the top of a file within which a date line stands
# ... and one some sites print with two digits for the year and for each of month and day (`26年03月16日`)
SHORT_YEAR_DATE_RE = re.compile(r"(?<![0-9])([0-4]\d)年([01]\d)月([0-3]\d)日")
SHORT_YEAR_CENTURY = 2000
# a date line that gives only a year and a month (`发布时间：2025-01`, `日期：2025年1月`): the month's first day
MONTH_DATE_LINE_RE = re.compile(DATE_LINE_LABEL_PATTERN + r"((?:19|20)\d\d)\s?[-年/.]\s?(\d{1,2})"
                                r"(?![0-9])(?!\s?[-/.月]\s?\d)")
# `发布时间：2020`: a page that shows only the year it appeared in (as a file name's year, no month)
YEAR_DATE_LINE_RE = re.compile(DATE_LINE_LABEL_PATTERN + r"((?:19|20)\d\d)\s?年?[ \t]*$", re.MULTILINE)
THIS_YEAR_DATE_RE = re.compile(r"今年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
# the day a story names for itself near its top: `今天上午(11月28日)`, or a filing line's day
# (`中新网南宁4月16日电`, `鲁网3月7日讯`)
STORY_DAY_RE = re.compile(r"今[天日]\s?(?:上午|下午|晚上|晚间)?\s?[(（]\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日\s?[)）]"
                          r"|(?<![0-9年])(\d{1,2})\s?月\s?(\d{1,2})\s?日\s?(?:电|讯)")
STORY_DAY_REACH = 300  # characters from an article's top within which it dates itself
REPRINT_LAG_DAYS = 14  # a page dated this much later than its story's own day is a reprint
YEAR_IN_NAME_RE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(?![0-9])")
# a year in a title, not a date (`2025-10-18`, `2025-01`, `2025年10月18日`: a date line taken in with the title),
# nor an amount (`迈上2000亿元新台阶`)
TITLE_YEAR_RE = re.compile(r"(?<![0-9.])((?:19|20)\d\d)(?![0-9])(?!\s?[-/.]\s?\d{1,2}(?:\s?[-/.]|(?![0-9])))"
                           r"(?!\s?年\s?\d{1,2}\s?月)"
                           r"(?!\s?[亿万千百元家个项件人户余多%])")


def publication_date(text: str, source_name: str) -> tuple[date | None, str]:
    """Latest full date in the text (not earlier than a year in the file name), else a year alone on the
    text's date line ('text_year') or the file name's year (each refined by `今年M月D日` mentions and a
    filing line's day), else unknown."""
    name_year, year_source = None, "file_name"
    match = YEAR_IN_NAME_RE.search(source_name.rsplit("/", 1)[-1])
    if match:
        name_year = int(match.group(1))
    year_line = YEAR_DATE_LINE_RE.search(text, 0, DATE_LINE_REACH)
    if year_line is not None:  # the page's own year beats the name someone gave the file
        name_year, year_source = int(year_line.group(1)), "text_year"
    latest: date | None = None
    written = [(m.group(1), m.group(2), m.group(3)) for m in FULL_DATE_RE.finditer(text)
               if RANGE_END_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()) is None]
    # (a day-first date is a date line's: looked for near the top only, where such lines stand)
    written += [(m.group(3), m.group(2), m.group(1)) for m in DAY_FIRST_DATE_RE.finditer(text, 0, DATE_LINE_REACH)
                if m.start() == 0 or text[m.start() - 1] not in "0123456789."]
    written += [(m.group(1), m.group(3), m.group(4)) for m in SLASHED_DATE_RE.finditer(text, 0, DATE_LINE_REACH)
                if m.start() == 0 or text[m.start() - 1] not in "0123456789."]
    written += [(str(SHORT_YEAR_CENTURY + int(m.group(1))), m.group(2), m.group(3))
                for m in SHORT_YEAR_DATE_RE.finditer(text, 0, DATE_LINE_REACH)]
    if not written:  # only a month: `发布时间：2025-01`
        written = [(m.group(1), m.group(2), "1") for m in MONTH_DATE_LINE_RE.finditer(text, 0, DATE_LINE_REACH)]
    for year, month, day in written:
        found = _date(year, month, day)
        if found is not None and (latest is None or found > latest):
            latest = found
    if latest is not None and (name_year is None or latest.year >= name_year):
        return latest, "text"
    if name_year is not None:
        best = date(name_year, 1, 1)
        for m in THIS_YEAR_DATE_RE.finditer(text):
            found = _date(name_year, m.group(1), m.group(2))
            best = max(best, found) if found is not None else best
        return best, year_source
    if latest is not None:
        return latest, "text"
    return None, "unknown"


def own_date(text: str, spans: list[tuple[int, int]], file_date: date | None) -> date | None:
    """The date an article's own date line gives (`（2023年7月21日）`, `2023年7月21日 星期五`),
    `spans`: its first paragraphs, each short enough to be a date line; None when it has none or
    it is the file's date anyway. Several articles on one page may come from different days."""
    for start, end in spans:
        if end - start > 40:
            continue  # a body paragraph: its dates are events, not the article's
        m = FULL_DATE_RE.search(text, start, end)
        found = _date(m.group(1), m.group(2), m.group(3)) if m else None
        if found is None:
            continue
        return None if found == file_date else found
    return None


def story_date(text: str, start: int, end: int, published: date | None) -> date | None:
    """The day a story says it happened when the page that carries it is a later reprint:
    `今天上午(11月28日)，…新闻发布会召开` or a filing line (`中新网南宁4月16日电`) in its first lines,
    weeks before the page's date. That day, in the last year it fell on by the page's date, dates
    the story; None when the story names no day or the page is of that day anyway."""
    if published is None:
        return None
    m = STORY_DAY_RE.search(text, start, min(end, start + STORY_DAY_REACH))
    if m is None:
        return None
    month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    found = _date(published.year, month, day)
    if found is not None and found > published:
        if (found - published).days <= REPRINT_LAG_DAYS:
            return None  # a paper dated the day after its page (`10月3日` on a page of 2 October)
        found = _date(published.year - 1, month, day)
    if found is None or (published - found).days <= REPRINT_LAG_DAYS:
        return None
    return found


def _date(year: str | int, month: str, day: str) -> date | None:
    """The date written, or None for an impossible one (`2025年2月30日`)."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def section_frame(heading: str, published: date | None) -> tuple[str | None, str | None, bool] | None:
    """What a section heading says about the figures under it, or None if it says nothing:
    (its year, the five-year plan it names, whether it sets targets). `一、2025年和“十四五”时期工作回顾`
    -> ('2025', '十四五', False); `二、2026年主要目标和重点任务` -> ('2026', None, True). A table's row is no
    section heading (`总计|1950|302|1|2253|`: 1950 is a count; the tables read their own columns' years)."""
    if "|" in heading or "｜" in heading:
        return None
    match = TITLE_YEAR_RE.search(heading)
    year = match.group(1) if match else None
    plan = next((p for p in FIVE_YEAR_PLANS if p in heading), None)
    target = any(word in heading for word in SECTION_TARGET_WORDS if word != PLAN_NOUN) or (
        PLAN_NOUN in heading and _HEADING_FIGURE_RE.search(heading) is None)
    if target and _PROGRESS_AFTER_AIMS_RE.search(heading):
        target = False  # `二、“六提”任务扎实推进`: how the aims went
    if target and year and published and int(year) < published.year:
        target = False  # `2024年目标任务完成情况`: a review of last year's plan
    if year is None and plan is None and not target:
        return None
    return year, plan, target


_HEADING_FIGURE_RE = re.compile(HEADING_FIGURE_PATTERN)
_PROGRESS_AFTER_AIMS_RE = re.compile(rf"(?:{'|'.join(SECTION_TARGET_WORDS)}).*(?:{'|'.join(SECTION_PROGRESS_WORDS)})")


def names_span(match: re.Match[str]) -> bool:
    """Whether a PERIOD_RE match names years up to now (`过去五年`, `十年来`, `党的十八大以来`, `“十四五”以来`)."""
    return bool(match.group("since") or match.group("past") or match.group("since_year") or match.group("congress")
                or match.group("since_from") or (match.group("plan") and match.group("plan_part") in ("以来", "期间")))


def review_start(head: list[re.Match[str]]) -> str | None:
    """The first year of the years an article reviews, when its title, the headings above its story or its
    first paragraph say since when (`党的十八大以来，创新型河北建设取得阶段性成效`: 2012); `head`: the
    PERIOD_RE matches in them."""
    for m in head:
        congress = m.group("congress")
        if congress or m.group("since_year"):
            return str(PARTY_CONGRESS_YEARS[congress]) if congress else m.group("since_year")
    return None


def _sets_targets(title: str) -> bool:
    """Whether a title announces targets (`2024年河南省政府定下这些目标`), not a summary first
    (`2023年工作总结和下一步工作计划`)."""
    aims = [title.find(word) for word in SECTION_TARGET_WORDS if word in title]
    summary = [title.find(word) for word in SUMMARY_TITLE_WORDS if word in title]
    return bool(aims) and not (summary and min(summary) < min(aims))


def reports_early(text: str, span: tuple[int, int | None], published: date | None, dated: bool) -> bool:
    """Whether a story in `span` reports early in its year, when `目前` and the year's figures mean the year
    before: a day in January or February; a government work report, whatever its date; a story of the
    two sessions or a work report on a page that gives only its year (`审议政府工作报告`)."""
    if published is None:
        return False
    if dated:
        return published.month <= NOW_MEANS_LAST_YEAR_UNTIL_MONTH or any(
            text.find(opener, *span) != -1 for opener in WORK_REPORT_OPENERS) or (
            published.month <= FORECAST_UNTIL_MONTH and text.find(WORK_REPORT_NOUN, *span) != -1)
    return any(text.find(word, *span) != -1 for word in (*WORK_REPORT_OPENERS, *YEAR_REVIEWING_EVENT_NOUNS))


def default_period(text: str, found: list[re.Match[str]], title: str, published: date | None,
                   dated: bool = True, span: tuple[int, int | None] = (0, None), early: bool = False) -> str | None:
    """The period an article reports on: a year in its title, else its most mentioned year (`found`:
    the article's PERIOD_RE matches; `今年`, `去年` and a part of a year written alone count for the
    year they mean) not after publication, else the publication year. A title that names a part of
    the year (`前三季度全市规上工业增加值增长6.2%`) makes the default that part of that year. `early`: the
    story reports early in its year (reports_early, read once per article by its caller)."""
    if (month := _TITLE_MONTH_RE.search(title)) is not None and _month(month.group(2)):
        # `2025年7月湖南省有效发明专利统计表`: a month's release reports on that month
        return f"{month.group(1)}M{_month(month.group(2)):02d}"
    part_match = _TITLE_PART_RE.search(title)
    part = part_of_year(part_match.group()) if part_match else None
    match = TITLE_YEAR_RE.search(title)
    # `《重庆科技创新指数报告2023》发布`: a report's edition, which the years its story names outweigh
    edition = match is not None and any(m.start() == match.start() and (m.group("edition") or m.group(
        "edition_after")) for m in PERIOD_RE.finditer(title))
    if match and not edition and _YEAR_REVIEWING_EVENT_RE.match(title, match.end()):
        return str(int(match.group(1)) - 1)  # `2023年湖南省政府工作报告`: its review is of 2022
    if match and not edition and not _sets_targets(title) and not _TITLE_EVENT_NAME_RE.match(title, match.end()):
        # not `2024年河南省政府定下这些目标`: the targets' year; nor `2022年…“春晓行动”启动会在武汉召开`: an event's
        return match.group(1) + (part or "")
    plan = next((FIVE_YEAR_PLANS[name] for name in FIVE_YEAR_PLANS if name in title), None)
    if plan and published is not None and dated and _in_plans_last_autumn(published, plan[1]):
        return str(published.year)  # `长沙“十四五”答卷` in December 2025: the plan's last year
    if plan and published is not None and published.year > plan[1] and any(word in title for word in PLAN_REVIEW_WORDS):
        return f"{plan[0]}-{plan[1]}"  # `大理州科技工作“十二五”回顾` in May 2016: the plan's years
    if plan and published is not None and published.year == plan[1] + 1:
        # `“十三五”甘肃科技对该省经济增长贡献率达到55.1%` in February 2021: the plan just ended, its last
        # year is what the story reports on (not an earlier year one lagging statistic names)
        return str(plan[1])
    counts: Counter[str] = Counter()  # (votes: float)
    reviewed: list[str] = []
    # early in a year (`early`: reports_early), a report's own year names what it aims at (`2026年主要目标`),
    # not what it reports on
    for m in found:
        year = m.group("year")
        if published is not None and not year and not is_base(text, m.start()):
            relative = m.group("relative")
            if relative in REPORT_VOICE_RELATIVES:
                continue  # they count from the year reported on, which the other years decide
            if relative and relative != "当年":
                year = str(published.year + RELATIVE_OFFSETS[relative])
            elif m.group("part_only"):
                year = str(published.year)
        if published is not None and m.group("congress"):
            # `党的十八大以来，…`: a review up to the last complete year, which it reports on
            counts[str(last_complete_year(published))] += 1
            continue
        if text[m.start() - 1:m.start()] in FROM_WORDS:
            continue  # `从2017年的0.95%增长到1.45%`: where a change started, not what is reported on
        if year and (published is None or int(year) <= published.year) and not is_base(text, m.start()):
            if _MONTH_AFTER_RE.match(text, m.end()):
                continue  # `2016年2月25日`: a date (often the publication's), not what is reported on
            if m.group("year") and not m.group("part") and (
                    _EVENT_NAME_RE.match(text, m.end()) or _TARGETS_NAMED_RE.match(text, m.end())
                    or _FORECAST_BEFORE_RE.search(text, max(0, m.start() - 5), m.start())):
                # `2017年科技和知识产权工作会议`, `2024年主要目标`, `预计2021年`: a meeting's name, a year aimed at
                continue
            if _MILESTONE_AFTER_RE.match(text, m.end()) or text.endswith(MILESTONE_BEFORE, 0, m.start()) or (
                    not m.group("part") and text.startswith(RUN_START_AFTER, m.end())):
                # `2018年长春市就已进入…`, `早在2021年`: a milestone passed long before the story; `自1999年开始
                # 连续发布`: where a run of years started
                continue
            if published is not None and int(year) < published.year - HISTORY_YEARS_BEFORE:
                continue  # `回望上世纪90年代：1990年，市委…` in 2026: history, not what the story reports on
            if m.group("year") and _REVIEWED_RE.search(text, max(0, m.start() - 2), min(len(text), m.end() + 8)):
                reviewed.append(year)  # `对2023年工作进行回顾`, `回顾2023年`: the year the story says it reviews
            if not (early and int(year) == published.year):  # type: ignore[union-attr]
                # (a part of a year written alone, `截止6月底`, only guesses its year: half a written one's vote)
                counts[year] += 0.5 if m.group("part_only") else 1
    if reviewed:
        return max(reviewed) + (part or "")
    if counts:
        return max(counts.items(), key=lambda item: (item[1], item[0]))[0] + (part or "")
    if match and edition:
        return match.group(1) + (part or "")
    editions = [m.group("edition") or m.group("edition_after") for m in found
                if m.group("edition") or m.group("edition_after")]
    if editions and published is not None and int(editions[0]) <= published.year:
        # `《中国区域科技创新评价报告2021》日前发布` and no year written: the story is about that edition
        return editions[0] + (part or "")
    if published is None:
        return None
    # a report early in a year that names no year (a work report in January: `全年技术合同交易额超过
    # 800亿元`) is about the year just over, like `目前` then
    looks_back = dated and published.month <= LOOKBACK_MEANS_LAST_YEAR_UNTIL_MONTH and _looks_back_a_year(
        text, span)  # `一年来，…` in April: last year's review
    year = published.year - 1 if (early or looks_back) and not part else published.year  # (`dated`: a day,
    # not a file's year)
    return str(year) + (part or "")


def lead_part(text: str, found: list[re.Match[str]], span: tuple[int, int | None],
              published: date | None) -> str | None:
    """The part of the year a story's lead opens with (`今年1至7月，内蒙古专利授权量…`, `上半年全省高新区营收超
    1.39万亿元`, `2023年以来…。1-8月，全区…`): the part the whole story reports on. None when the lead's
    first period is a whole year, or a part of another year than the publication's."""
    if published is None:
        return None
    for m in found:
        if m.start() >= span[0] + LEAD_PART_REACH:
            return None
        if m.group("since_year") or text.startswith(SINCE_WORDS, m.end()) or (
                m.group("year") and not m.group("part") and _MONTH_AFTER_RE.match(text, m.end())):
            continue  # `2023年以来`, `今年以来`: the run the part is of; `2021年09月06日`: a date
        part = m.group("part") or m.group("part_only") or m.group("relative_part")
        same_year = (m.group("year") or str(published.year)) == str(published.year) and (
            m.group("relative") in (None, "今年", "本年"))
        found_part = part_of_year(part) if part and same_year and not part.endswith(("底", "末")) else None
        # (only a part from January on, what a release reports: not `三季度“赛马”`, `3月底至4月初` an event's days)
        return found_part if found_part and found_part[:3] in _FROM_JANUARY else None
    return None


def _looks_back_a_year(text: str, span: tuple[int, int | None]) -> bool:
    """Whether the text in `span` looks back over a year or gives a whole year's figures, not one aimed at."""
    for word in YEAR_LOOKBACK_WORDS:
        at = text.find(word, *span)
        while at != -1:
            if not text.endswith(LOOKBACK_NOT_AFTER, max(0, at - 4), at):
                return True
            at = text.find(word, at + 1, span[1])
    return False


_TITLE_PART_RE = re.compile(PART_PATTERN)
_FROM_JANUARY = ("H1", "Q1", "M01")  # the openings of the parts that run from January (H1, Q1, Q1-Q3, M01-M07)
# a year and a month alone in a title, not a day (`2025年7月28日`) nor a range (`2025年7-9月`)
_TITLE_MONTH_RE = re.compile(rf"(?<![0-9])((?:19|20)\d\d)\s?年\s?({_CN_MONTH})\s?月"
                             r"(?!\s?[0-9一二三四五六七八九十]{1,3}\s?[日号])(?![份底末])")


_MONTH_AFTER_RE = re.compile(r"\s?\d{1,2}\s?月")
_AS_OF_MONTH_RE = re.compile(rf"\s?({_CN_MONTH})\s?月(?![份底末]|\s?[0-9]{{1,2}}\s?[日号])")
_MILESTONE_AFTER_RE = re.compile(rf"[^，。,；;0-9]{{0,20}}?(?:{'|'.join(MILESTONE_AFTER)})")
_FORECAST_BEFORE_RE = re.compile(rf"(?:{'|'.join(FORECAST_YEAR_WORDS)})(?:到|至|在)?\s?$")


_TARGETS_NAMED_RE = re.compile(rf"[^，。,；;：:\s0-9]{{0,12}}?(?:{'|'.join(SECTION_TARGET_WORDS)})")
_REVIEWED_RE = re.compile(r"回顾(?:\d{4}\s?年)?|\d{4}\s?年[^，。,；;]{0,5}回顾")
_YEAR_REVIEWING_EVENT_RE = re.compile(
    rf"\s?年?[^，。,；;、：:\s0-9]{{0,14}}?(?:{'|'.join(YEAR_REVIEWING_EVENT_NOUNS)})")
def _event_name_re(reach: int) -> re.Pattern[str]:
    """An event's name right after a year (`2017年科技和知识产权工作会议`), of at most `reach` characters before
    its noun."""
    return re.compile(rf"[^，。,；;、：:\s0-9]{{0,{reach}}}?(?:{'|'.join(EVENT_NOUNS)})")


_EVENT_NAME_RE = _event_name_re(14)
_TITLE_EVENT_NAME_RE = _event_name_re(TITLE_EVENT_NAME_MAX)
# a base period's own value written with it: `是2010年(1579.5亿元)的2.2倍`, `比2020年的1037家增加…`
# (not a multiple of it: `是2012年的3.8倍`)
_BASE_OWN_VALUE_RE = re.compile(r"\s?(?:[(（]\s?[0-9]|的\s?第?[0-9][0-9.]*(?![0-9.]|\s?倍))")


def is_base(text: str, pos: int) -> bool:
    # (`比 2008 年增长30.2%`: spaces as a census bulletin sets them; `較(jiào)上年`: a reprint's blanked pinyin)
    before = text[max(0, pos - BASE_MARKER_REACH):pos].replace(" ", "").rstrip()
    if before.endswith(BASE_MARKERS) or _INDEX_BASE_RE.match(text, pos) is not None or (  # (one call: the tuple)
            before.endswith(MULTIPLE_BASE_MARKERS) and _MULTIPLE_IN_CLAUSE_RE.match(text, pos) is not None):
        return True
    # the next year of a list of bases: `分别比2021年底和2022年底增加232%和150.3%`
    listed = _LISTED_BASE_RE.search(text, max(0, pos - 12), pos)
    return listed is not None and is_base(text, listed.start(1))


_INDEX_BASE_RE = re.compile(INDEX_BASE_PATTERN)
_MULTIPLE_IN_CLAUSE_RE = re.compile(r"[^，。；;,\n]{0,24}?倍")
_LISTED_BASE_RE = re.compile(r"((?:19|20)\d\d)\s?年(?:末|底)?\s?[和、及与]\s?$")


def _as_of_month(text: str, match: re.Match[str], published: date | None) -> str | None:
    """The part of the year a year written after 截至/到 and before a bare month stands for (`截至2022年7月`:
    M01-M07, `到今年6月`: H1), or None if no such month follows (or, after 到, it is not over yet)."""
    before = text[max(0, match.start() - 3):match.start()].rstrip()
    if not before.endswith(AS_OF_WORDS):
        return None
    month = _AS_OF_MONTH_RE.match(text, match.end())
    if month is None:
        return None
    if before.endswith("到") and not _is_over(_year_of(match, published), _month(month.group(1)), published):
        return None
    return part_of_year(month.group(1) + "月底", _balance_follows(text, month.end())) or ""


def _year_of(match: re.Match[str], published: date | None) -> int | None:
    if match.group("year"):
        return int(match.group("year"))
    relative = match.group("relative")
    return published.year + RELATIVE_OFFSETS[relative] if published and relative in RELATIVE_OFFSETS else None


def month_is_past(text: str, pos: int, year: int | None, published: date | None) -> bool:
    """Whether the month written at `pos`, after `year` (`到2019年6月`), is over by `published`."""
    month = _MONTH_WRITTEN_RE.match(text, pos)
    return month is not None and _is_over(year, _month(month.group(1)), published)


def _is_over(year: int | None, month: int | None, published: date | None) -> bool:
    """Whether `month` of `year` has ended by `published`."""
    return bool(month and year and published and (year, month) < (published.year, published.month))


_MONTH_WRITTEN_RE = re.compile(rf"\s?({_CN_MONTH})\s?月")


def _month(word: str) -> int | None:
    month = int(word) if word.isdigit() else _CN_MONTHS.get(word)
    return month if month is not None and 1 <= month <= 12 else None


def part_in_year(part: str, year: int, published: date | None) -> str:
    """A part of a year (`M01-M11`) in the year it was written for: not the publication year's when that
    part is not over yet (`1-11月` in a January release is last year's)."""
    if published is not None and year == published.year and _last_month(part) > published.month:
        year -= 1
    return f"{year}{part}"


def whole_year(period: str | None) -> str | None:
    """A year's twelve months written as a part (`2021年1—12月`: `2021M01-M12`) are the year (`2021`)."""
    return period.removesuffix("M01-M12") if period else period


def year_so_far(period: str | None) -> str | None:
    """The year up to a month's end (`2023M08` -> `2023M01-M08`); any other period as it is."""
    month = _SINGLE_MONTH_RE.fullmatch(period or "")
    return f"{month.group(1)}M01-M{month.group(2)}" if month and month.group(2) != "01" else period


_SINGLE_MONTH_RE = re.compile(r"(\d{4})M(\d\d)")


def _last_month(part: str) -> int:
    """The month a part of a year ends with: H1 -> 6, Q1-Q3 -> 9, M01-M10 -> 10."""
    if part.startswith("H"):
        return 6 * int(part[1])
    if part.startswith("Q"):
        return 3 * int(part[-1])
    return int(part[-2:])


_CLAUSE_AFTER_RE = re.compile(r"[^，。；,;]{0,30}[，,]?[^，。；,;]{0,30}")


def _balance_follows(text: str, pos: int) -> bool:
    """Whether the clause after a date names a balance, held at that date (POINT_IN_TIME_WORDS)."""
    clause = _CLAUSE_AFTER_RE.match(text, pos)  # (matched in place: no copy of the text after `pos`)
    return clause is not None and any(word in clause.group() for word in POINT_IN_TIME_WORDS)


def part_of_year(word: str, point_in_time: bool = False) -> str | None:
    """`上半年` -> H1, `一季度` -> Q1, `前三季度` -> Q1-Q3, `1-10月` -> M01-M10, `10月份` -> M10: the
    suffix a year takes for a figure that covers part of it (None for an impossible month). A stock
    at the end of a quarter stands for the part of the year the release reports on (`截至6月底` in a
    half-year release: H1; 3月底: Q1; 9月底: Q1-Q3; 12月底: the year itself, ""), and so does one
    at another month's end (`截至10月底`: M01-M10), unless it is a `point_in_time` (a balance: M10)."""
    m = _PART_RE.match(word)
    if m is None:
        return None
    if m.group("half"):
        return "H1" if m.group("half") == "上" else "H2"
    if m.group("q_upto"):
        return "Q1-Q3" if m.group("q_upto") == "三" else "Q1-Q2"
    if m.group("q_to"):
        return "Q1-Q3" if m.group("q_to") in "3三" else "H1"  # `1-2季度` is the first half
    if m.group("quarter"):
        return f"Q{_month(m.group('quarter'))}"
    if m.group("m_from"):
        first, last = _month(m.group("m_from")), _month(m.group("m_to"))
        if first == 1 and last in _NAMED_PARTS:
            return _NAMED_PARTS[last]  # `1-3月` is the first quarter, `1-6月` the first half (not `1-9月`)
        return f"M{first:02d}-M{last:02d}" if first and last and first < last else None
    if m.group("month_end"):
        month = _month(m.group("month_end"))
        if month is None:
            return None
        return _QUARTER_ENDS.get(month, f"M{month:02d}" if point_in_time or month == 1 else f"M01-M{month:02d}")
    last = _month(m.group("m_upto") or m.group("month"))
    if last is None:
        return None
    if m.group("m_upto"):
        return _NAMED_PARTS.get(last, f"M01-M{last:02d}")  # `前6个月` is the first half
    return f"M{last:02d}"


def period_of(match: re.Match[str], text: str, published: date | None, plan_review: str | None,
              target: bool = False, year: str | None = None, part: str | None = None, dated: bool = True,
              written: str | None = None, reported: str | None = None) -> str | None:
    """The period a PERIOD_RE match stands for, or None if it is a comparison base or unresolvable.
    `plan_review` names the five-year plan an article reviews (from its title), if any; `year` is
    the year a part of a year written alone (`上半年`) belongs to, from its context, and `part` the part
    of the year the context is about (`去年同期` in a half-year report is last year's H1); `written` the
    last year written out before the match in its paragraph, if any."""
    if is_base(text, match.start()) and not _BASE_OWN_VALUE_RE.match(text, match.end()):
        return None  # but `是2010年(1579.5亿元)的2.2倍`, `比2020年的1037家` give the base's own value
    if match.group("span"):
        return f"{match.group('span')}-{match.group('span_end')}"
    if match.group("since_year") or match.group("congress") or match.group("since_from"):  # `自2012年以来`: 2012-2021
        if text.startswith(RECORD_AFTER_SINCE, text.find("以来", match.end()) + 2):
            return None  # `强度提升幅度创2000年以来之最`: a record's yardstick, not the figures' years
        congress = match.group("congress")
        since_year = match.group("since_year") or match.group("since_from")
        first = PARTY_CONGRESS_YEARS[congress] if congress else int(since_year)
        end = last_complete_year(published) if published else None
        return f"{first}-{end}" if end and end > first else str(first)
    if match.group("edition") or match.group("edition_after"):
        return match.group("edition") or match.group("edition_after")
    if match.group("year"):
        if not match.group("part") and text.startswith(RUN_START_AFTER, match.end()):
            return None  # `自2001年起连续16年稳居全国第三位`: where a run of years started, not the figure's year
        if not match.group("part") and _EVENT_NAME_RE.match(text, match.end()):
            return None  # `2024年昆明市科技工作会上获悉`: the meeting's name
        part = match.group("part")
        if not part and (month_end := _as_of_month(text, match, published)) is not None:
            return match.group("year") + month_end  # `截至2022年7月`: as at July's end
        return match.group("year") + (part_of_year(part, _balance_follows(text, match.end())) or "") if part else (
            match.group("year"))
    if match.group("part_only"):
        part = part_of_year(match.group("part_only"), _balance_follows(text, match.end()))
        if year is None:
            year = str(published.year) if published else None
        if year and part and published and dated and int(year) == published.year and (
                _last_month(part) > published.month):
            year = str(published.year - 1)  # `前三季度` in a January report: not over yet, so last year's
        return f"{year}{part}" if year and part is not None else None
    plan = match.group("plan")
    if plan:
        first, last = FIVE_YEAR_PLANS[plan]
        part = match.group("plan_part") or ""
        if part in ("开局之年", "开局", "首年"):
            return str(first)
        if part in ("收官之年", "收官", "末", "期末"):
            return str(last)
        if part == "以来" and text.startswith(RECORD_AFTER_SINCE, match.end()):
            return None  # `创“十三五”以来最好成绩`: a record's yardstick
        done = last_complete_year(published) if published is not None else None
        if part == "以来" and done is not None and first <= done and (
                done >= last or not _in_plans_last_autumn(published, last)):
            # `“十四五”以来` in 2024: 2021-2023; `“十二五”以来` in 2017, the plan over: 2011-2016 (since then)
            return f"{first}-{done}"
        if part or text[max(0, match.start() - 2):match.start()] in PLAN_REVIEW_WORDS or text.startswith(
                PLAN_TOTAL_WORDS, match.end()):
            # `“十三五”期间`, `回顾“十三五”`, `“十二五”总量`: the plan's years; in a review written before
            # its last year is over, up to the last complete one
            end = last if target or published is None or _in_plans_last_autumn(published, last) else min(
                last, _last_reported(published, reported))
            return f"{first}-{end}" if end > first else str(first)
        return None if not target else str(last)
    relative = match.group("relative")
    if relative:
        if published is None or relative == "当年" or (
                not match.group("relative_part") and _EVENT_NAME_RE.match(text, match.end())):
            return None  # (`今年河南省政府工作报告…`: the report's year)
        written = match.group("relative_part")
        if written:
            part = part_of_year(written, _balance_follows(text, match.end())) or ""
        elif (month_end := _as_of_month(text, match, published)) is not None:
            part = month_end  # `截至今年6月`, `到今年6月`: as at June's end
        elif relative == "今年" and dated and text.startswith(SINCE_WORDS, match.end()) and (
                YEAR_SO_FAR_MONTHS[0] <= published.month <= YEAR_SO_FAR_MONTHS[1]) and (
                _NUMBER_LATER_IN_SENTENCE_RE.match(text, match.end())):
            # `今年以来，南安341家企业通过…评价` in October: the year so far (but `今年以来，全市上下…取得较好
            # 工作成效。` states no figure: a scene-setter that frames none of the figures after it)
            part = _NAMED_PARTS.get(published.month, f"M01-M{published.month:02d}")
        elif not (part and (text.startswith("同期", match.end()) or relative == "本年")):
            part = ""  # (but `1-11月，…本年进规27家`: the statistics' own year so far keeps its part)
        anchor = written or reported
        if relative in REPORT_VOICE_RELATIVES and anchor and anchor.isdigit() and not is_base(text, match.start()):
            return str(int(anchor) + RELATIVE_OFFSETS[relative]) + part
        return str(published.year + RELATIVE_OFFSETS[relative]) + part
    if match.group("ago"):
        years = count_of(match.group("ago"))
        return str(published.year - years) if published and years else None
    since = match.group("since") or match.group("past")
    if since and _record_yardstick(text, match):
        return None  # `创近21年来新高`: a record's yardstick, not the figures' years
    if since and plan_review and since in ("5", "五"):  # `5年来` in a review of a five-year plan
        first, last = FIVE_YEAR_PLANS[plan_review]
        return f"{first}-{last}"
    years = count_of(since)
    if years is None or published is None:
        return None
    end = _last_reported(published, reported)  # `十年来` in a review published in 2024: 2014-2023
    if written == str(published.year) and dated and published.month >= YEAR_UNDER_REVIEW_FROM_MONTH:
        end = published.year  # `2015年，…；近3年来，…` in November 2015: the year under review is the last
    return f"{end - years + 1}-{end}" if years > 1 else str(end)


def _record_yardstick(text: str, match: re.Match[str]) -> bool:
    """Whether the years a match counts measure a record (`创近21年来新高`), read through a reprint's
    blanked pinyin (`創(chuàng)近21年來新高` reads `创        近21年来新高`)."""
    before = text[max(0, match.start() - 12):match.start()].replace(" ", "")
    after = text[match.end():match.end() + 16].replace(" ", "").removeprefix("来").removeprefix("以来")
    return before.endswith("创") or after.startswith(RECORD_AFTER_SINCE)


def plan_review_span(plan: str, published: date) -> str:
    """The years a review of a five-year plan covers: the whole plan in its last autumn or later, else up
    to the last complete year (`“十四五”` reviewed in October 2025: 2021-2025; in 2024: 2021-2023)."""
    first, last = FIVE_YEAR_PLANS[plan]
    end = last if _in_plans_last_autumn(published, last) or published.year > last else min(
        last, last_complete_year(published))
    return f"{first}-{end}" if end > first else str(first)


def _in_plans_last_autumn(published: date, last: int) -> bool:
    """Whether a plan review comes out in the plan's last year, from the month its reviews start
    (`“十四五”时期…` said in September 2025): it reports on the whole plan, 2021-2025."""
    return published.year == last and published.month >= PLAN_REVIEWED_WHOLE_FROM_MONTH


def _last_reported(published: date, reported: str | None) -> int:
    """The last year a span can reach: the last complete one, or the year the article reports on if
    that is earlier (`“十三五”期间…从73.4亿元增加到121.6亿元` in a 2020 release of 2018's statistics)."""
    end = last_complete_year(published)
    if published.month >= YEAR_UNDER_REVIEW_FROM_MONTH:
        return end  # a year-end review: its own year is what it reports on, whatever it names most
    return min(end, int(reported)) if reported and reported.isdigit() else end


def last_complete_year(published: date) -> int:
    """The last whole year an article published on `published` can report on: the year before, or
    the year itself for a year-end review written in its December."""
    return published.year if published.month == 12 else published.year - 1


def count_of(word: str | None) -> int | None:
    """A small count written in digits or Chinese numerals (`5`, `五`, `十五`)."""
    if not word:
        return None
    if word.isdigit():
        return int(word)
    value = sum(_CN_MONTHS.get(ch, 0) for ch in word if ch != "十")  # 十, 十五, 二十 (small counts only)
    if "十" in word:
        head, _, tail = word.partition("十")
        value = (_CN_MONTHS.get(head, 1) if head else 1) * 10 + (_CN_MONTHS.get(tail, 0) if tail else 0)
    return value or None
