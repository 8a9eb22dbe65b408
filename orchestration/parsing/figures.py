"""Figures: one compiled regex finds every number with its unit and adjacent qualifiers; Python runs
once per candidate to reject not-figures and once per accepted figure to read its context (kind,
qualifier, region, period, subject, indicator) from the sentence around it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from . import indicators, periods, regions
from .numbers import parse_decimal_chinese, parse_number
from .rules import (
    AFTER_RANK_OK,
    ANAPHORS,
    APPROX_SHARE_WORDS,
    ARABIC_MULTIPLIERS,
    AREA_PROVINCES,
    ATTRIBUTION_ENDS,
    ATTRIBUTION_REACH,
    AUTONOMOUS_REGION_SUFFIX,
    AUTONOMOUS_REGION_WIDE,
    AVERAGE_WORDS,
    BASE_YEAR_MARKERS,
    BELOW_WORDS,
    BREAKDOWN_HEADINGS,
    CANDIDATE_POOL_WORDS,
    CATEGORY_SUFFIXES,
    CHANGE_VERBS,
    CLUSTER_JOINERS,
    COMPARED_BEFORE,
    COMPARED_WORDS_AFTER,
    COMPARED_WORDS_BEFORE,
    CONJUNCTIONS,
    COUNTED_GROUP_REACH,
    COUNTERS,
    CRITERION_VERBS,
    EACH_WORDS,
    EDITION_NOUNS,
    ESTIMATE_NOTES,
    ESTIMATE_OPENS_WITHIN,
    FILING_LINE_PATTERN,
    FIVE_YEAR_PLANS,
    FLOW_EVENT_VERBS,
    FLOW_PREFIXES,
    FOLLOWING_PHRASE_STOPS,
    FORECAST_UNTIL_MONTH,
    FOREIGN_MONEY_UNITS,
    FRACTION_WORD,
    FROM_FILLERS,
    FROM_WORDS,
    GENERIC_PHRASES,
    GOAL_LIST_PATTERN,
    GOES_ON_FROM_WORDS,
    GROUP_TOTAL_WORDS,
    GROWTH_ACHIEVED_VERBS,
    GROWTH_NOUN_LINKS,
    GROWTH_NOUN_MOVES,
    GROWTH_NOUNS,
    GROWTH_NOUNS_AFTER,
    GROWTH_TO_FIGURE_PATTERN,
    GROWTH_VERB_LINKS,
    GROWTH_VERBS_OVER_LISTS,
    GROWTH_WORDS_BEFORE,
    HALF_WORD,
    HISTORY_YEARS_BEFORE,
    INDEX_WORDS,
    INNER_QUALIFIERS,
    LAGGED_INDICATORS,
    LAGGED_PUBLISHED_FROM_MONTH,
    LAGGED_STATISTIC_WORDS,
    LIST_JOINERS,
    LIST_SUFFIXES,
    MEASURE_AFTER,
    MEASURE_BEFORE,
    MILESTONE_DURATION_WORDS,
    MILESTONE_REACH,
    MONEY_NOUNS,
    MONEY_UNITS,
    MULTI_PROVINCE_AREAS,
    MULTIPLE_UNIT,
    NAMED_EDITION_MAX,
    NATION_WIDE,
    NATIONAL_BASE_OPENERS,
    NATIONAL_NOT_NATION,
    NATIONAL_SUBJECT_WORDS,
    NATIONAL_WORDS,
    NET_CHANGE_WORDS,
    NEW_BREAKDOWN_PATTERN,
    NOT_CHANGE_PREFIXES,
    NOT_COUNTER_WORDS,
    NOT_EACH_WORDS,
    NOT_NOUNS_AFTER,
    NOT_NOW_WORDS,
    NOT_NUMBER_BEFORE,
    NOW_WORDS,
    ORG_NAME_SUFFIXES,
    OWNER_WIDE_FIRST_CHARS,
    PARK_AFTER_PLACE,
    PART_AMONG_MAX,
    PART_OF_TOTAL_ENDINGS,
    PERCENT_SIGNS,
    PERFORMERS,
    PHRASE_END_WORDS,
    PHRASE_PREFIXES,
    PHRASE_VERBS,
    PLACE_COUNT_NOUNS,
    PLACE_TITLES,
    POINT_UNITS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    PROGRESS_REACH,
    PROGRESS_VERBS,
    PROVINCE_COUNT_NOUNS,
    PROVINCE_GROUP_NOUNS,
    PROVINCE_WIDE,
    RANGE_AFTER,
    RANK_CHANGE_UNITS,
    RANK_CONTEXT,
    RANK_ENDINGS,
    RANK_FROM_FIELDS,
    RANK_MOVE_ADVERBS,
    RANK_MOVES,
    RANK_NAMES_AFTER,
    RANK_VERB_CHARS,
    RANK_WITHOUT_DI_FIELDS,
    RANK_WITHOUT_DI_VERBS,
    RANKED_RISE_WORDS,
    RATIO_CLOSER,
    RATIO_OPENER,
    REMAINING_WORDS,
    RESPECTIVELY_WORDS,
    REVISION_WORDS,
    SHARE_NOUN_AFTER_ZHAN,
    SHARE_NOUNS,
    SHARE_OF_WORDS,
    SMALL_CN_VERBS,
    SPACED_THOUSANDS_BEFORE,
    SPAN_START_AFTER,
    SPAN_TOTAL_WORDS,
    STEADY_WORDS,
    STOCK_VERBS,
    STRUCTURE_NOUNS,
    SUB_PERIOD_MARKS,
    SUB_REGION_NOT,
    SUBJECT_BLOCKERS,
    SUBJECT_INNER_VERBS,
    SUBJECT_SUFFIXES,
    TABLE_SAME_MEASURE,
    TARGET_TRIGGER_FIRST_CHARS,
    TARGET_TRIGGER_PATTERN,
    TENTHS_UNIT,
    THRESHOLD_GROUPS,
    THRESHOLD_ITEMS,
    TIED_AFTER,
    TIED_WITH_BEFORE,
    TOP_N_COUNTED_PLACES,
    TOP_N_ENDINGS,
    UNIT_FAMILIES,
    WHOLE_BEFORE_PLACE,
    WHOLE_YEAR_PATTERN,
    WIDE_FIRST_AFTER,
    WIDE_FIRST_GAP_MAX,
    WIDE_WHOLE_AFTER,
    WIDE_WHOLE_BEFORE,
    WIDE_YARDSTICK_AFTER,
    WIDE_YARDSTICK_BEFORE,
    YEAR_UNDER_REVIEW_FROM_MONTH,
)
from .trie import trie_pattern

_WHOLE_YEAR_RE = re.compile(WHOLE_YEAR_PATTERN)
_LIST_OR_BRACKET = frozenset("、和及与(（")  # a list or a value in brackets can put the yardstick word further
_OWN_VALUE_AFTER_RE = re.compile(r"[(（][^()（）]{1,12}[)）]")  # a place's own value in brackets after its name
# a year listed with another (`2018年、2019年`), or the last of such a list
_LISTED_YEAR_PAIR_RE = re.compile(r"((?:19|20)\d\d)\s?年\s?[、和及与]\s?((?:19|20)\d\d)\s?年")
_YEAR_LISTED_RE = re.compile(rf"{_LISTED_YEAR_PAIR_RE.pattern}|(?<=年[、和及与])(?:19|20)\d\d\s?年")
# a year naming an award's edition (`2021年度江西省科学技术进步奖`)
_EDITION_YEAR_RE = re.compile(
    rf"(?:19|20)\d\d\s?年度[^，。；,;、\s0-9]{{0,{NAMED_EDITION_MAX}}}?(?:{'|'.join(EDITION_NOUNS)})")


def _not_now(text: str, m: re.Match[str]) -> bool:
    """Whether a NOW_WORDS match is part of a word that does not speak of the time of writing; read through a
    reprint's blanked pinyin like the match itself (`實(shí)現(xiàn)有效` reads `实    现     有效`)."""
    if m.group().replace(" ", "") != "现有":
        return False
    reach = 4 * _BLANKED_PINYIN_WIDTH  # (the longest NOT_NOW_WORDS reach two characters either side)
    before = text[max(0, m.start() - reach):m.start()].replace(" ", "")
    around = before + "现有" + text[m.end():m.end() + reach].replace(" ", "")
    return any(len(before) >= word.find("现有") and around.startswith(word, len(before) - word.find("现有"))
               for word in NOT_NOW_WORDS)


def _alternation(words: object) -> str:
    """Longest-first alternation, for short lists where a trie buys nothing."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_MULTIPLIERS = _alternation(ARABIC_MULTIPLIERS)
_POST_QUALIFIERS = _alternation(word for word in POST_QUALIFIERS if word not in INNER_QUALIFIERS)
_INNER_QUALIFIERS = _alternation(INNER_QUALIFIERS)
_NUM = (rf"(?:(?<![0-9A-Za-z.])[0-9]+(?:,[0-9]{{3}}(?![0-9]))*(?:\.[0-9]+)?(?: ?(?:{_MULTIPLIERS}))?"
        r"|[零〇一二两三四五六七八九十百千万亿]+|首(?=位(?!度))|(?<=之)首)")  # `居全国首位`, `之首` = 第1位
# `個(gè)百分點`: pinyin debris (spaces after normalising) may split the two words of a point unit
_UNITS = "个 {0,10}百分点|" + _alternation((*POINT_UNITS, *PERCENT_SIGNS, *MONEY_UNITS, *FOREIGN_MONEY_UNITS, *COUNTERS,
                                           TENTHS_UNIT, MULTIPLE_UNIT))
_PER_HUNDRED_RE = re.compile(r"百分之([0-9.]+|[零〇一二两三四五六七八九十百点]+)")
_FRACTION_RE = re.compile(rf"([0-9]+|[一二两三四五六七八九十]+){FRACTION_WORD}([0-9]+|[一二两三四五六七八九十]+)")
# `_NUM` with its first character taken by one character class and each alternative checking it
# behind (same matches): a pattern that opens with a class lets `re` jump to the next digit at C speed,
# where a leading lookahead is still tried at every position.
# thousands set off by a blank (`新增专利授权80 191件`, `达1 600多家`): only before a unit or a multiplier,
# never between two numbers (`2022-10-02 191`)
_SPACED_THOUSANDS = rf"(?: [0-9]{{3}}(?![0-9])(?=[多余]?[{SPACED_THOUSANDS_BEFORE}]))?"
_NUM_FIRST = (r"[0-9零〇一二两三四五六七八九十百千万亿首]"
              rf"(?:(?<=[0-9])(?<![0-9A-Za-z.].)[0-9]*(?:,[0-9]{{3}}(?![0-9]))*{_SPACED_THOUSANDS}(?:\.[0-9]+)?"
              rf"(?: ?(?:{_MULTIPLIERS}))?"
              r"|(?<=[零〇一二两三四五六七八九十百千万亿])[零〇一二两三四五六七八九十百千万亿]*|(?<=首)(?=位(?!度))"
              r"|(?<=之首))")  # (`稳居全国之首`)
FIGURE_RE = re.compile(
    rf"(?P<num>{_NUM_FIRST})"
    rf"(?:(?P<inner0>{_INNER_QUALIFIERS})(?P<mult> ?(?:{_MULTIPLIERS})))?"  # 70余亿, 170多亿
    rf"(?:(?P<runit>%|‰)?\s?(?:-|~|—|至)\s?(?P<num2>{_NUM}))?"
    rf"(?P<inner>{_INNER_QUALIFIERS})?"
    # (`33萬(wàn)家` reads `33万     家`: the blanked pinyin; never a line break: `居广西第一\n` ends there)
    rf"(?: {{2,8}}|[^\S\n])?(?P<unit>{_UNITS})?"
    # (`40%多`: 多 and 余 after a percent sign; `增长40% 以上`, `5個(gè) 以上`: through blanks)
    rf"(?:(?<=\S) {{1,9}}(?={_POST_QUALIFIERS}))?(?P<post>{_POST_QUALIFIERS}|(?<=[%‰])[多余])?"
)


def _ending(words: object) -> re.Pattern[str]:
    """Matches one of `words` ending exactly where a search's `endpos` is (leftmost = longest)."""
    words = list(words)  # type: ignore[call-overload]
    pattern = re.compile(f"(?:{trie_pattern(words)})$")
    _WORD_ENDS[pattern.pattern] = frozenset([*(word[-1] for word in words if word), "\n"])
    return pattern


# the last characters of each `_ending` pattern's words and a line break (before which `$` matches too),
# by the pattern's source (a compiled pattern hashes its whole code at each lookup): `_word_before`
# searches only where one of them stands, mostly not
_WORD_ENDS: dict[str, frozenset[str]] = {}


_PRE_QUALIFIER_END = _ending(PRE_QUALIFIERS)
_BELOW_RE = re.compile(trie_pattern(BELOW_WORDS))
_MEASURE_BEFORE_END = _ending(MEASURE_BEFORE)
# (`增速从2021年的40.1%下降至…`: a change's start, with its year)
_GROWTH_NOUN_END = re.compile(rf"(?:(?:{_alternation(GROWTH_NOUNS)})(?:分别|均)?(?:{_alternation(GROWTH_NOUN_MOVES)})?"
                              rf"(?:{_alternation(GROWTH_NOUN_LINKS)}|(?:{_alternation(FROM_WORDS)})"
                              rf"(?:\s?[0-9]{{4}}\s?年)?的?)?|{_alternation(GROWTH_VERB_LINKS)})$")
_CHANGE_VERB_END = _ending(CHANGE_VERBS)
_GROWTH_NOUN_RE = re.compile(_alternation(GROWTH_NOUNS))
_GROWTH_OVER_LIST_RE = re.compile(_alternation((*GROWTH_NOUNS, *GROWTH_VERBS_OVER_LISTS)))
_SHARE_NOUN_RE = re.compile(_alternation(SHARE_NOUNS))
_GROWTH_WORD_BEFORE_RE = re.compile(_alternation(GROWTH_WORDS_BEFORE))
_GROWTH_TO_FIGURE_RE = re.compile(GROWTH_TO_FIGURE_PATTERN)
_GROWTH_NOUN_AFTER_RE = re.compile(rf"(?:以上|左右)?(?:的[\u4e00-\u9fff]{{0,4}}?)?"
                                   rf"(?:{_alternation(GROWTH_NOUNS_AFTER)})")
_ACHIEVED_BEFORE_RE = re.compile(rf"(?:{_alternation(GROWTH_ACHIEVED_VERBS)})了?(?:分别|均)?$")
_ACHIEVED_GROWTH_AFTER_RE = re.compile(r"(?:以上|左右)?的(?:同比)?[\u4e00-\u9fff]{0,4}?增长")  # (`的大幅度增长`)
# the last number of a list followed by a growth noun (`分别实现了38.7%、22.2%和14.2%的增长`)
_LIST_ENDS_IN_GROWTH_RE = re.compile(r"[0-9.]+\s?%(?:以上|左右)?的(?:同比)?(?:增长|增速|增幅)")
_NOT_CHANGE_END = _ending(NOT_CHANGE_PREFIXES)
_CRITERION_END = _ending(CRITERION_VERBS)
_SMALL_CN_VERB_END = _ending(SMALL_CN_VERBS)
_RANK_CONTEXT_RE = re.compile(trie_pattern(RANK_CONTEXT))
_STOPS_RE = re.compile(trie_pattern(FOLLOWING_PHRASE_STOPS))
_EVENT_RE = re.compile(trie_pattern(FLOW_EVENT_VERBS))
_FLOW_RE = re.compile(_alternation(FLOW_PREFIXES))
_CLAUSE_END_RE = re.compile(r"[，,；;。！？!?\n]")
_SEGMENT_DELIMS_RE = re.compile(r"[，,；;。！？!?：:、\n]")  # segments: one noun phrase and its number
_RUNNING_YEARS_RE = re.compile(r"连续\s?([0-9一二两三四五六七八九十]{1,2})\s?年")  # `连续5年保持…增速`
_CANDIDATE_POOL_RE = re.compile(rf"(?:企业|高企)(?:{_alternation(CANDIDATE_POOL_WORDS)})")
_COMPARISON_VERB_RE = re.compile(rf"{_alternation(COMPARED_WORDS_BEFORE)}")
_YEAR_WRITTEN_RE = re.compile(r"\s?((?:19|20)\d\d)\s?年")  # (matched at a position: written right there)
_BLANKED_PINYIN_WIDTH = 8  # a character and the blanks of its pinyin, at most (`過(guò)` reads `过    `)
# the sum over a span named in the same segment (`五年成交规模总量首次突破万亿元`, `“十二五”总量超过1.3万亿元`),
# not a stock's size (`企业总量突破1万家`)
_SPAN_SUM_RE = re.compile(r"(?:[0-9一二两三四五六七八九十]{1,2}年|十[一二三四五]五)[^，,。；;]{0,12}总量")
_YARDSTICK_AFTER_FIRST_CHARS = frozenset("“\"" + "".join(word[0] for word in COMPARED_WORDS_AFTER))
_GROWTH_VERB_BEFORE_RE = re.compile(r"增长(?:均|分别|都)$")  # a growth verb, then who grew, before a bound
# a number followed by the aim it is (`超额完成2件的目标任务`, `完成全年170家任务`), read through pinyin debris
# (not a bare `的目标`: `实现…稳定在6100家以上的目标` states the level reached)
# (`完成100家的目标任务`, `超额完成规划提出的12件的预期目标`: the figure named as an aim)
# (not `实现…稳定在6100家以上的目标`: a goal reached is the level reached)
# (`提出了2020年全市高新技术企业总数达450家的主要目标`, `突破270亿元的指引性目标`, `…突破1萬戶”任務目標`: the aim's
# own quote may close before its noun)
_AIM_AFTER_RE = re.compile(r" *[”\"’」]? *(?:的 *)?(?:(?:预 *期|主 *要|指 *引 *性|任 *务) *目 *标|(?:目 *标 *)?任 *务)")
_ESTIMATE_NOTE_RE = re.compile(rf"\s?[(（](?:{_alternation(ESTIMATE_NOTES)})[)）]")
_BATCH_RE = re.compile(r"本批次?|此批|第[0-9一二三四五六七八九十]{1,3}批")  # one batch of a published list
_STEADY_RE = re.compile(rf"(?<!平)(?:{_alternation(STEADY_WORDS)})")  # not the 均 of 平均 (`全国平均水平`)
_EXAMPLES_BEFORE_RE = re.compile(r"[^，,。；;：:]{0,24}等\s*$")  # from a place: a list, then 等 and the number
_CLAUSE_DELIMS = frozenset("；;。！？!?\n")  # a subset of the segment delimiters
_COMMA_OR_STOP_RE = re.compile(r"[，,；;。！？!?\n]")  # the segment delimiters but a list's 、
_RANK_CLAUSE_DELIMS = ("，", ",", "；", ";", "。", "、")
_TOP_N_CLAUSE_DELIMS = tuple(ch for ch in _RANK_CLAUSE_DELIMS if ch != "、")  # a list's 、 stays within it
# an earlier rank of a list, with its 第 or after one (`第七、八和第九位`)
_RANK_LIST_ITEM_RE = re.compile(r"第?[0-9一二三四五六七八九十]{1,3}[、和及]$")
# ranks listed after one 第 (`分列第13、16、23、25、27位`, `跃居全国第33位、62位`): the list before a later item
# (`分别排名为第七、八、十一和第九位`: in Chinese numerals too)
_BARE_RANK_LIST_RE = re.compile(r"第(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[位名]?"
                                r"(?:[、和及](?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[位名]?)*[、和及]$")
_SMALL_CN_NUMBER_RE = re.compile(r"[一二三四五六七八九十]{1,3}")
_RANK_LIST_JOINERS = ("、", "和", "及")
_RANK_WITHOUT_DI_BEFORE = frozenset("至到列在居国省市区的名")  # right before the number (`排名20位`)
_RANK_WITHOUT_DI_RE = re.compile(rf"(?:{_alternation(RANK_WITHOUT_DI_VERBS)})[^，,；;。、\n]{{0,14}}$")
_NET_CHANGE_RE = re.compile(_alternation(NET_CHANGE_WORDS))
_RESPECTIVELY_RE = re.compile(_alternation(RESPECTIVELY_WORDS))
_SEGMENT_END_RE = re.compile(r"[，,；;。！？!?：:、()（）\n0-9]")
_QUOTES_RE = re.compile(r"[“”‘’\"《》「」『』\s■●◆▲]|[(（][^()（）]{0,12}[)）]|【[^【】]{0,10}】")
# the characters a match of _QUOTES_RE can start with: a text without any has nothing to remove (one
# search that skips ahead at C speed, where the substitution tries its three branches at every character)
_QUOTES_FIRST_RE = re.compile(r"[“”‘’\"《》「」『』\s■●◆▲(（【]")
_TARGET_RE = re.compile(rf"(?=[{TARGET_TRIGGER_FIRST_CHARS}])(?:{TARGET_TRIGGER_PATTERN})")
_GOAL_LIST_RE = re.compile(GOAL_LIST_PATTERN)
_WIDE_FIRST_RE = re.compile(rf"[\u4e00-\u9fff]{{0,{WIDE_FIRST_GAP_MAX}}}?(?:{_alternation(WIDE_FIRST_AFTER)})")
# where `_TARGET_RE` matches, found by a pattern that opens with the class itself (`re` jumps between
# those characters at C speed, where the leading lookahead is tried at every position): see _matches_at
_TARGET_AT_RE = re.compile(rf"[{TARGET_TRIGGER_FIRST_CHARS}]"
                           rf"(?<=(?={_TARGET_RE.pattern})[{TARGET_TRIGGER_FIRST_CHARS}])")
_PRE_QUALIFIER_LOOKBACK = max(map(len, PRE_QUALIFIERS))
_SUBJECT_RE = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9×+·\-]{{1,24}}?(?:{trie_pattern(SUBJECT_SUFFIXES)})")
_SUBJECT_SUFFIX_RE = re.compile(trie_pattern(SUBJECT_SUFFIXES))
# a district, county or county-level city the region seed does not hold (`渝北区`, `中宁县`), or a group
# of them (`山区26县`)
_SUB_REGION_RE = re.compile(r"([\u4e00-\u9fff]{2,3})(?:区|县|旗)(?![\u4e00-\u9fff]{0,1}(?:级|域|内|委|长))"
                            r"|[\u4e00-\u9fff]{0,4}[0-9]+个?(?:县|区|市)")
_ANAPHOR_RE = re.compile(trie_pattern(ANAPHORS))
# a district (`_SUB_REGION_RE`) or an anaphor can open a segment only if one of these is written in it
_OPENING_CHARS_RE = re.compile("[区县旗市" + "".join(sorted({re.escape(word[0]) for word in ANAPHORS})) + "]")
# `高于全国平均水平(2.44%)`, `快于全国(8.4%)`, `全国平均增速(8.9%)`: the nation's figure, named in passing
_NATIONAL_AVERAGE_END = re.compile(rf"(?:{trie_pattern(NATIONAL_WORDS)})"
                                   r" *(?:的?平均(?:水平|增速|增幅|强度|值)?(?:为|是|的)?[(（]?|[(（])$")
# `高于全国11.5%的增速`, `高于全国同期0.08个百分点的增幅`: the nation's figure, written as the yardstick
_NATIONAL_YARDSTICK_END = re.compile(rf"(?:{_alternation(COMPARED_WORDS_BEFORE)})(?:{trie_pattern(NATIONAL_WORDS)})"
                                     r"(?:同期)? *$")
# `高于全区平均水平(0.83%)`, `高于自治区平均增速(21.8%)`: the region's average, named in passing
_WIDE_AVERAGE_END = re.compile(
    rf"({trie_pattern((*PROVINCE_WIDE, *AUTONOMOUS_REGION_WIDE, AUTONOMOUS_REGION_SUFFIX, '省'))})"  # `省平均增速`
    r"的?平均(?:水平|增速|增幅|强度|值)?(?:为|是|的)?[(（]?$")
_WHOLE_IN_BRACKETS_END = re.compile(
    rf"占({trie_pattern((*PROVINCE_WIDE, *AUTONOMOUS_REGION_WIDE, AUTONOMOUS_REGION_SUFFIX, *NATIONAL_WORDS))})"
    r"[^，,。；;(（]{0,12}[(（]$")
_NATIONAL_WORD_RE = re.compile(rf"(?:{trie_pattern(NATIONAL_SUBJECT_WORDS)})(?![第前首性平])")  # bare trie: trie.py
_CLAUSE_OPENERS = frozenset("，,。；;：:\n年")
_NOW_OPENERS = tuple(word for word in NOW_WORDS if word != "现有")  # (`现有` is a verb: `全省现有院士5人`)
# `超过千亿元的省(市)有6个`: a count of provinces is the nation's figure
_PROVINCE_COUNT_END = re.compile(r"的(?:省份|省市|省区市|省|地区)(?:[(（][^()（）]{0,6}[)）])?(?:有|达|为|共)?$")
# `全省86.79%的重点实验室、82.52%的工程技术研究中心`: shares of one whole, listed
_SHARE_LIST_RE = re.compile(r"(?:[0-9.]+%的[^，,。；;、]{1,16}、)+")
# `比全国同期年均增速12.2%高…`: the base of a comparison, when its value is written, is the nation's
_NATIONAL_BASE_RE = re.compile(
    rf"[，,\s]*(?:{_alternation(NATIONAL_BASE_OPENERS)})(?:{trie_pattern(NATIONAL_SUBJECT_WORDS)})")
_PRE_QUALIFIER_START = re.compile(trie_pattern(PRE_QUALIFIERS))
_FILING_LINE_RE = re.compile(rf"\s*{FILING_LINE_PATTERN}\s*")
_ORG_NAME_RE = re.compile(rf"[\u4e00-\u9fffA-Za-z]{{2,16}}?(?:{_alternation(ORG_NAME_SUFFIXES)})")
_LIST_SPLIT_RE = re.compile("|".join(map(re.escape, LIST_JOINERS)))  # in this order: 以及 after 及
_LIST_JOINERS = frozenset(LIST_JOINERS)
_PERIOD_WORDS = (rf"(?:截至|截止|到)?(?:(?:[12][09]\d\d年?|{_alternation(periods.RELATIVE_OFFSETS)})"
                 rf"(?:度|底|末|{periods.PART_PATTERN})?|{periods.PART_PATTERN})")
_LEADING_PERIOD_RE = re.compile(_PERIOD_WORDS)
_SPANS_OWN_VALUE_RE = re.compile(r"(?:19|20)\d\d\s?[-—–~至到]\s?(?:19|20)\d\d\s?年的\s?$")
_SPAN_RE = re.compile(r"\d{4}-\d{4}")
_SPAN_TOTAL_RE = re.compile(_alternation(SPAN_TOTAL_WORDS))  # one C search for `any(word in ...)`
_AVERAGE_RE = re.compile(_alternation(AVERAGE_WORDS))
_STOCK_VERB_END = _ending(STOCK_VERBS)
_COMPARED_NEW_END = re.compile(r"(?:比|较)\s?(?:(?:19|20)\d\d\s?年|上年|去年|同期)(?:末|底)?(?:分别|均)?新增$")
_SEMICOLON_RE = re.compile("[；;]")
_NEW_BREAKDOWN_RE = re.compile(NEW_BREAKDOWN_PATTERN)
_RISE_RANKED_RE = re.compile(_alternation(RANKED_RISE_WORDS))
_BREAKDOWN_FIRST_RE = re.compile("[" + "".join(sorted({re.escape(word[0]) for word in BREAKDOWN_HEADINGS})) + "]")
_NAMED_PLACE = r"[\u4e00-\u9fff]{1,6}?(?:市|县|区|旗|盟|州)"
_NAMED_PLACE_RE = re.compile(_NAMED_PLACE)
_NAMED_PLACE_LIST_RE = re.compile(rf"{_NAMED_PLACE}(?:(?:、|和|及|与){_NAMED_PLACE})+")
_YEARS_SPAN_RE = re.compile(r"((?:19|20)\d\d)\s?年?\s?[-—~至到]\s?((?:19|20)\d\d)\s?年")
# a run of bare numbers listed right before a figure's number (`29.92、29.64、33.57、`)
_BARE_LIST_END_RE = re.compile(r"(?<![0-9.、])(?:[0-9]+(?:\.[0-9]+)?、)+(?:[0-9]+(?:\.[0-9]+)?和)?$")
_DECIMAL_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PERFORMER_START_RE = re.compile(_alternation(PERFORMERS))
_LISTED_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)\d\d\s?年")
_YEAR_ITEM_RE = re.compile(r"(?<![0-9])(?:19|20)\d\d\s?年?(?:底|末)?$")  # an item of a `分别` list that is a year
_ONE_YEAR_CHANGE_RE = re.compile(r"(?:比上年|较上年|同比|比去年|较去年)")
# bare tries, no first-character lookahead: `re` skips ahead on the trie's own first characters (trie.py)
_NOW_RE = re.compile(trie_pattern(NOW_WORDS))
_NOW_THROUGH_BLANKS_RE = re.compile("|".join(f" {{0,{_BLANKED_PINYIN_WIDTH}}}".join(word)
                                              for word in sorted(NOW_WORDS, key=len, reverse=True)))
_REVISION_RE = re.compile(trie_pattern(REVISION_WORDS))
_MONEY_NOUN_RE = re.compile(trie_pattern(MONEY_NOUNS))
RANK_RANGE_MAX = 10  # places a range of ranks (`第4~6位`) may span
_THRESHOLD_AFTER_RE = re.compile(r"(?:[(（]含[)）])?(?:\s?[-~—至]\s?[0-9.]+\s?[万亿]?元)?(?:以下|以上)?的"
                                 rf"(?:有(?=[0-9一二两三四五六七八九十])|[0-9]|{_alternation(THRESHOLD_GROUPS)})")
_THRESHOLD_AFTER_FIRST = frozenset("的(（-~—至以 ")
# ... and a bound after a count of places or firms in its clause (`有六个省市的研发投入超过了千亿元`)
_COUNTED_GROUP_BEFORE_RE = re.compile(
    rf"有\s?[0-9一二两三四五六七八九十]{{1,3}}\s?[个家]?"
    rf"(?:{_alternation(PROVINCE_COUNT_NOUNS + PLACE_COUNT_NOUNS + THRESHOLD_GROUPS)})[^，。；;,]{{0,20}}$")
_BOUNDS = ("以上", "以下")
# (or the items right after the amount, of a kind at most: `总收入超亿元企业达到10家`, `规模超亿元科技型企业`)
_THRESHOLD_ITEMS_RE = re.compile(rf"(?:(?:以上|以下)的?[^\s，。；;、,:：0-9]{{0,8}}?|[\u4e00-\u9fff]{{1,4}}[型类])?"
                                 rf"(?:{_alternation(THRESHOLD_ITEMS)})")
_STRUCTURE_NOUN_RE = re.compile(rf"(?: {{0,8}}\(gè\) {{0,8}}| {{0,8}})(?:{_alternation(STRUCTURE_NOUNS)})")
_MULTIPLE_BASE_AFTER_RE = re.compile(r"[”\"]?的\s?[0-9.]+\s?倍")
_BASE_YEAR_RE = re.compile(rf"(?:{_alternation(BASE_YEAR_MARKERS)})\s?((?:19|20)\d\d)\s?年")
# a base written as years before (`比5年前多了近百家`): the change is over them
_BASE_AGO_RE = re.compile(rf"(?:{_alternation(BASE_YEAR_MARKERS)})\s?([0-9一二两三四五六七八九十]{{1,3}})\s?年前")
# `较“十三五”末分别增长103%`: against the last year of a five-year plan
_BASE_PLAN_END_RE = re.compile(
    rf"(?:{_alternation(BASE_YEAR_MARKERS)})\s?[“\"]?({_alternation(FIVE_YEAR_PLANS)})[”\"]?(?:期末|末)")
# `从2.2%提高到2.6%`, `由2020年的第12位`, `由“十三五”末的2.82%`: the figure is where a change started,
# not the period's own
_PLAN_END = rf"[“\"]?(?:{_alternation(FIVE_YEAR_PLANS)})[”\"]?(?:末|期末)"
_FROM_CHARS = "".join(FROM_WORDS)
_FROM_CHAR_RE = re.compile(f"[{_FROM_CHARS}]")
_LAGGED = frozenset(LAGGED_INDICATORS)
_FROM_RE = re.compile(rf"[{_FROM_CHARS}](?:{_PERIOD_WORDS}|{_PLAN_END}|{_alternation(FROM_FILLERS)}|\s)*$")
_FROM_RANK_RE = re.compile(
    rf"[{_FROM_CHARS}](?:{_PERIOD_WORDS}|{_PLAN_END}|{_alternation(FROM_FILLERS + RANK_FROM_FIELDS)}|\s)*$")
# `比2012年新增`, `较上年`, `比上年(`: the base of a comparison names no measure
_COMPARISON_BASE = (r"(?:分别|均)?(?:比|较|与|相比)\s?(?:上年|去年|同期|(?:19|20)\d\d\s?年(?:末|底)?)(?:同期)?"
                    r"(?:相比)?(?:分别|均)?新?[(（]?")
# a year noted in brackets after a value (`57.3%(2017年值)`), and last year's value in brackets after a
# one-year comparison (`比上年(1.12%)提高0.13个百分点`)
_YEAR_NOTE_RE = re.compile(r"\s?[(（]\s?((?:19|20)\d\d)\s?年(?!\s?[为是][0-9])")  # not `(2020年为14.2%、…)`
_LAST_YEARS_VALUE_RE = re.compile(r"(?:上年|去年|同期)(?:比重|水平)?\s?[(（]\s?$")  # `较同期比重(30.4%)`
_OPENING_BRACKETS = frozenset("(（")
_BRACKET_RE = re.compile("[(（]")
_YEARS_SPAN = r"(?:19|20)\d\d\s?年?\s?[-—~至到]\s?(?:19|20)\d\d\s?年"  # `2013-2021年年均增长6.1%`
_PHRASE_LEAD_RE = re.compile(
    rf"(?:{_YEARS_SPAN}|{_PERIOD_WORDS}|{_COMPARISON_BASE}|{_alternation(AVERAGE_WORDS)}|{trie_pattern(PHRASE_PREFIXES)}"
    rf"|{trie_pattern(PHRASE_VERBS)}|[，,])+")
_PHRASE_TRAIL_RE = re.compile(rf"(?:{trie_pattern((*PHRASE_VERBS, *PHRASE_END_WORDS))})+$")
_REGION_WORD_RE = re.compile(r"(?:全省|全市|我省|我市|省|市)(?![级委属长直内场区政])")  # not 省级, 市场
_BARE_MULTIPLIERS = frozenset("百千万亿")
_YI_OR_SPACE = frozenset("亿 ")  # how a number in 亿 without a unit ends its match (the match may take a space)
_BRACKETS = {"]": "[", "】": "【", ")": "(", "）": "（"}
_NAME_MARKS = "，,；;。！？!?：:、()（）“”\"《》 "
_NAME_CUT_RE = re.compile(r"[，,；;。！？!?：:、()（）]")
_HAS_DIGIT_RE = re.compile(r"[0-9]")
_HAS_NUMBER_RE = re.compile(r"[0-9零〇一二两三四五六七八九十百千万]")
_RANK_VERB_CHARS = frozenset(RANK_VERB_CHARS)
_COMPARED_BEFORE = frozenset(COMPARED_BEFORE)
_WIDE_YARDSTICK_BEFORE = frozenset(WIDE_YARDSTICK_BEFORE)
_WIDE_FIRST_CHARS = frozenset("全我本省市")  # 全省, 我市, 本市 …: the article's own, not a place named
_COMPARED_WORDS_BEFORE = frozenset(COMPARED_WORDS_BEFORE)
_BOUNDARIES = frozenset("，,。；;！？!?、\n)）”")
_NOT_NUMBER_BEFORE = frozenset(NOT_NUMBER_BEFORE)
_CONJUNCTIONS = frozenset(CONJUNCTIONS)
_VAGUE_NUMERAL_RE = re.compile(r"[一二两三四五六七八九][一二两三四五六七八九]|十来|几")  # 三四十个, 十来个
_AFTER_RANK_OK = frozenset(AFTER_RANK_OK)
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"
_TENTHS_DIGITS = frozenset("二两三四五六七八九23456789")
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass(slots=True)
class Candidate:
    """A figure before its context is read."""

    start: int  # quote start (qualifier, 第 or change verb included)
    end: int
    num_start: int
    value: float
    unit: str
    counter: str | None
    qualifier: str
    kind: str  # level, growth_rate, share, rank, rank_change, change
    sign: int = 1
    range_part: str | None = None
    range_index: int = 0  # in a range of ranks (`第4~6位`), which of its places this one is


@dataclass(slots=True)
class Context:
    """What a sentence says about the figures in it; shared by all its figures."""

    periods: list[tuple[int, str | None]]
    places: list[tuple[int, str]]
    target_at: int | None  # the first target word's position (estimates are no targets)
    targets: list[tuple[int, str | None]]  # every target word's position and the period it names (`未来5年`: a span)
    carried: str | None = None  # the last period named earlier in the paragraph
    no_later: frozenset[int] = frozenset()  # positions of periods that date no figure written before them
    estimates: list[int] = field(default_factory=list)  # positions of `预计`, `有望`
    target_year: str | None = None  # the year the paragraph's last target before the sentence named
    now_at: int | None = None  # a 目前 earlier in the paragraph, with no period written after it
    goal_list: bool = False  # an earlier sentence of the paragraph announced its aims (`主要目标是：`)
    semicolons: list[int] = field(default_factory=list)  # where the sentence's clauses in parallel part
    new_breakdowns: list[int] = field(default_factory=list)  # where `；按行业分，` opens a new breakdown
    # positions of years that date their own clause at most: listed with another (`2018年、2019年`) or naming an
    # award's edition (`获2021年度省科技进步奖`)
    listed_years: frozenset[int] = frozenset()
    bases: frozenset[int] = frozenset()  # positions of comparison bases written with their own value
    agos: dict[int, int] = field(default_factory=dict)  # `10年前`: start -> the first number after it
    # (start, end) of each clause a 其中 opens that a semicolon closes: a part's own time and place
    part_clauses: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Found:
    """An accepted figure with its context, ready to become a FigureMention."""

    start: int
    end: int
    value: float
    unit: str
    counter: str | None
    qualifier: str
    kind: str
    region_code: str | None
    subject: str | None
    period: str | None
    period_source: str
    indicator_code: str | None
    indicator_name: str | None
    base_kind: str = ""  # the kind before a target sentence made it `target`
    phrase: str = ""  # the noun phrase written before it (`登记技术合同`)
    is_revision: bool = False  # `已修订为2.16%`: it revises an earlier release of the same statistic
    in_list: bool = False  # an item of a `分别` list (`A、B分别为…`): never the same figure as another item
    compared: bool = False  # a figure of the nation named in passing, as a comparison's base


@dataclass(frozen=True, slots=True)
class StoryPart:
    """A part of a region a story is about (a city's park, a county): its name as written, and the words
    by which the story names its area (`全区` in a park's story, `全市` in a county-level city's)."""

    name: str
    area_words: tuple[str, ...]
    # a county or district the gazetteer lacks (not a park): its figures are its own region's, named as
    # written, with no code (`芦淞区`), not the city's with the county as subject
    is_county: bool = False


@dataclass(slots=True)
class ArticleContext:
    """What an article contributes to its figures' context."""

    region_code: str | None
    published: date | None
    default_period: str | None
    plan_review: str | None  # five-year plan an article reviews (`十四五` in its title)
    target_year: str | None = None  # under a heading that sets targets: their year ("" if it names none)
    dated: bool = True  # `published` is a day (from the text or metadata), not only a year (the file name)
    early: bool = False  # it reports early in its year: `目前` is the end of the year before (periods.reports_early)
    review_from: str | None = None  # the first year its head says it reviews (`党的十八大以来`: 2012)
    table_header: str | None = None  # on an indented table row: the label of the row above it
    measure_heading: str | None = None  # on a bulleted figure: the measure its heading line names
    heading_year: str | None = None  # the year its title or section heading names (`2024年工作总结`)
    part: StoryPart | None = None  # the park or county its title is about, whose figures they are
    # its default period's part of the year came from its lead (`今年1至7月，…`), not its title: a stock
    # at the time of writing (`截至目前`) is still the year's
    lead_part: bool = False


def _word_before(pattern: re.Pattern[str], text: str, pos: int, lookback: int) -> str | None:
    """The word of `pattern` ending right at `pos`, if any; read through a reprint's blanked pinyin
    (`超過(guò)40億元` reads `超    过    40亿元`)."""
    last = text[pos - 1:pos]
    ends = _WORD_ENDS.get(pattern.pattern)
    match = pattern.search(text, max(0, pos - lookback), pos) if ends is None or last in ends else None
    if match:
        return match.group()
    if last != " " and text.find("  ", pos - lookback - 2 if pos > lookback + 2 else 0, pos) == -1:
        return None  # no blanks here (nearly always): nothing more to read
    near = text[max(0, pos - lookback * _BLANKED_PINYIN_WIDTH):pos]
    match = pattern.search(near.replace(" ", "")[-lookback:])
    return match.group() if match else None


def _starts_place(text: str, pos: int) -> bool:
    """Whether a place name begins at `pos` (`台州` after `2026`)."""
    gaz = regions.gazetteer()
    if text[pos:pos + 1] not in gaz.first_chars:
        return False  # 家, 项, 人 ...: no place name starts with them
    return gaz.names is not None and regions.match_name(text, pos) is not None


def _is_cjk(char: str) -> bool:
    return _CJK_LO <= char <= _CJK_HI


def _inside_short_quote(text: str, pos: int, lo: int) -> bool:
    """Inside “...” of at most 15 characters with no sentence punctuation: a name (`“1+2”`)."""
    open_at = text.rfind("“", max(lo, pos - 16), pos)
    if open_at == -1 or text.rfind("”", open_at, pos) != -1:
        return False
    close_at = text.find("”", pos, pos + 16)
    if close_at == -1:
        return False
    inner = text[open_at + 1:close_at]
    return not any(ch in inner for ch in "，。；！？")


def _inside_book_title(text: str, pos: int, lo: int) -> bool:
    """Inside 《...》: a title of a law, plan or book, whose numbers are part of its name."""
    open_at = text.rfind("《", max(lo, pos - 40), pos)
    return open_at != -1 and text.rfind("》", open_at, pos) == -1


@dataclass
class DocumentIndex:
    """Everything the figure rules look up, found by one regex pass each over the whole document:
    numbers with a unit (or after 第), place words, period words and target words, by position."""

    numbers: list[re.Match[str]]
    number_pos: list[int]
    places: list[tuple[int, str]]
    place_pos: list[int]
    periods: list[re.Match[str]]
    period_pos: list[int]
    targets: list[re.Match[str]]
    target_pos: list[int]
    revision_pos: list[int]  # where `修订为` and its kind stand
    national_pos: list[int]  # where 全国/我国 stand (not 全国第, 全国性 ...)
    now_pos: list[int]  # where 目前, 当前 ... stand
    # the years of the article's last change from one value to another (`由2014年的60.73%增长到2019年的
    # 67.04%`), read so far: a review compares every measure over the same years, so a later change
    # that names none (`SCI论文数由11392篇增加到17004篇`) is over them too. Reset at each article.
    last_change: list[str | None] = field(default_factory=lambda: [None, None])
    topics: dict[int, str | None] = field(default_factory=dict)  # paragraph start -> its topic place

    @classmethod
    def build(cls, text: str, titles: Sequence[tuple[int, int]] = (),
              named_places: list[tuple[int, str]] | None = None) -> DocumentIndex:
        """`titles`: spans of the articles' titles (they confirm ambiguous place names);
        `named_places`: `regions.find_places(text)` if already found."""
        numbers = []
        for m in FIGURE_RE.finditer(text):
            if m.lastgroup not in ("unit", "post"):  # (each position read once: one call for both ends)
                s, e = m.span()
                before = text[s - 1:s]
                if not (before in ("第", "之", "前") or (text[e - 1] in _YI_OR_SPACE and m.group("num").endswith("亿"))
                        or text.startswith("百分之", s) or text.startswith(FRACTION_WORD, e)
                        or text.startswith(HALF_WORD, s) or (text[e:e + 1] == "/" and text[e + 1:e + 2].isdigit())
                        or (before in _RANK_LIST_JOINERS and _BARE_RANK_LIST_RE.search(
                            text, max(0, s - 24), s) is not None)):
                    continue
            numbers.append(m)
        places = regions.find_document_places(text, titles, named_places)
        found_periods = list(periods.PERIOD_RE.finditer(text))
        targets = _matches_at(_TARGET_RE, _TARGET_AT_RE, text)
        return cls(numbers, [m.start() for m in numbers], places, [pos for pos, _ in places],
                   found_periods, [m.start() for m in found_periods], targets, [m.start() for m in targets],
                   [m.start() for m in _REVISION_RE.finditer(text)],
                   [m.start() for m in _word_matches(_NATIONAL_WORD_RE, NATIONAL_SUBJECT_WORDS, text)],
                   _now_positions(text))


def _now_positions(text: str) -> list[int]:
    """Where NOW_WORDS stand, also read through a reprint's blanked pinyin (`現(xiàn)有` reads `现     有`)."""
    found = [m.start() for m in _NOW_RE.finditer(text) if not _not_now(text, m)]
    if "  " in text:  # (a reprint with pinyin debris: rare; the words written whole are found above)
        found = sorted(found + [m.start() for m in _NOW_THROUGH_BLANKS_RE.finditer(text)
                                if " " in m.group() and not _not_now(text, m)])
    return found


def _matches_at(pattern: re.Pattern[str], at: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))`, where `at` matches one character exactly where `pattern` matches:
    each place `at` finds, `pattern` matches there (the same match), and the search goes on after it."""
    found = []
    pos = 0
    while (hit := at.search(text, pos)) is not None:
        m = pattern.match(text, hit.start())
        if m is None or m.end() == m.start():  # (never: `at` holds `pattern`, whose matches are not empty)
            return list(pattern.finditer(text))
        found.append(m)
        pos = m.end()
    return found


def _word_matches(pattern: re.Pattern[str], words: Sequence[str], text: str) -> list[re.Match[str]]:
    """`list(pattern.finditer(text))` for a pattern that opens with one of a few `words` (their trie),
    matched only where `str.find` finds one of them, in order, past the last match: every match starts
    where one of the words does (faster than `re`'s scan when the words are few and their first
    characters common: 全国)."""
    starts = set()
    for word in words:
        at = text.find(word) if word else -1
        while at != -1:
            starts.add(at)
            at = text.find(word, at + 1)
    found = []
    last_end = 0
    for at in sorted(starts):
        if at >= last_end and (m := pattern.match(text, at)) is not None:
            found.append(m)
            last_end = m.end()
    return found


def between(items: list, positions: list[int], start: int, end: int) -> list:
    """The items whose (sorted) positions fall in [start, end): two bisections, no scan."""
    return items[_bisect_left(positions, start):_bisect_left(positions, end)]


_bisect_left = bisect.bisect_left


def candidates(text: str, start: int, end: int, numbers: list[re.Match[str]]) -> list[Candidate]:
    """Figures among the number matches of one sentence, before context; not-figures dropped."""
    found: list[Candidate] = []
    lo = max(0, start - 40)  # quotes and book titles open at most this far back
    quoted = text.find("“", lo, end) != -1 or text.find("《", lo, end) != -1
    place_firsts = regions.gazetteer().first_chars
    for m in numbers:
        unit = m.group("unit")
        if unit is not None and " " in unit:
            unit = unit.replace(" ", "")
        s = m.start()
        if unit is None and (text.startswith("百分之", s) or text.startswith(FRACTION_WORD, m.end())
                             or text.startswith(HALF_WORD, s)):
            cand = _per_hundred(text, s, end) if text.startswith("百分之", s) else _half(text, s, lo) if (
                text.startswith(HALF_WORD, s)) else _fraction(text, s, end)
            if cand is not None:
                found.append(cand)
            continue
        if unit is None and text.startswith("/", m.end()):
            cand = _slash_fraction(text, s, end, lo)  # `约占全国1/4`; never a date (`2024/5/6`)
            if cand is not None:
                found.append(cand)
            continue
        prev = text[s - 1] if s > 0 else ""
        if prev == " " and text[(blank := _before_blanks(text, s)) - 1:blank] == "第":
            # `居全省第 4 位`: stray spaces around the digits; `從第(di)18位`: a reprint's blanked pinyin
            prev, s = "第", blank
        num = m.group("num")
        e = m.end()
        nxt = text[e:e + 1]  # ("" at the end)
        if nxt in CATEGORY_SUFFIXES:
            continue
        # (a one-character unit is the character at the unit's start: most are no place's first character)
        if unit is not None and len(unit) == 1 and unit in place_firsts and _starts_place(text, m.start("unit")):
            continue  # `回眸2026台州科技创新`: 台 starts a place name, not a counter
        chinese = not num[0].isdigit()
        if chinese and text[s:s + 3] in FIVE_YEAR_PLANS:
            continue
        if num == "首":  # `居全国首位`, `稳居全国之首`: the first rank, written without 第
            cand = _rank(text, m, start, 1.0, unit, nxt, m.start())
            if cand is not None:
                found.append(cand)
            continue
        mult = m.group("mult")
        value = parse_number(num + mult.strip() if mult else num)
        if value is None or not math.isfinite(value):
            continue
        if quoted and (_inside_short_quote(text, s, start) or _inside_book_title(text, s, start)):
            continue  # `“1+2”体系`, `《...（2024年修订）》`: names
        if prev == "前" and (unit in RANK_ENDINGS or (unit is None and (not nxt or nxt in _BOUNDARIES
                                                                       or nxt in TOP_N_ENDINGS))):
            cand = _top_n(text, m, start, value, unit, nxt, s - 1)
            if cand is not None:
                found.append(cand)
            continue
        if prev == "前" and unit == "个" and nxt == "月":
            continue  # `前10个月`: a period
        if unit == "个" and nxt == "月":
            continue  # `10个月`: a duration
        if unit == "个" and _STRUCTURE_NOUN_RE.match(text, e):
            continue  # `由5个一级指标组成`: how a ranking is built, not a statistic
        if m.group("num2") and unit in RANK_ENDINGS and (prev == "第" or prev in _RANK_VERB_CHARS):
            found.extend(_rank_range(text, m, start, value, unit, nxt, s - 1 if prev == "第" else s))
            continue  # `排在第4~6位的是…`, `分居二至四位`
        if prev == "第":
            cand = _rank(text, m, start, value, unit, nxt, s - 1)
            if cand is not None:
                found.append(cand)
            continue
        word_end = prev if prev != " " else text[s - 2:s - 1]  # (`排名升至 28 位`: stray spaces)
        if unit in RANK_ENDINGS and num.isdigit() and word_end in _RANK_WITHOUT_DI_BEFORE and (
                _RANK_WITHOUT_DI_RE.search(text, max(start, s - 16), s) or (
                text.startswith(RANK_WITHOUT_DI_FIELDS, s - 2) and (not nxt or nxt in _BOUNDARIES))):
            # (not `上升8位`: a move in rank)
            cand = _rank(text, m, start, value, unit, nxt, s)  # `位列全国22名`, `排名上升至26位`
            if cand is not None:
                found.append(cand)
                continue
        if prev in _RANK_LIST_JOINERS and (unit is None or unit in RANK_ENDINGS) and (
                num.isdigit() or _SMALL_CN_NUMBER_RE.fullmatch(num)) and (
                listed := _BARE_RANK_LIST_RE.search(text, max(start, s - 24), s)):
            cand = _rank(text, m, start, value, unit, nxt, s, listed.start())
            if cand is not None:
                found.append(cand)
                continue
        quote_end = e
        if unit is not None and text.startswith(NOT_COUNTER_WORDS, m.start("unit")):
            unit, quote_end = None, m.start("unit")  # `跨过9万亿台阶`: 台 begins a word
        if unit is None:
            if not _money_without_unit(text, m, start):
                continue  # `3以上`: no unit, no figure
            unit = MONEY_UNITS[0]  # `R&D经费突破千亿`, `由不足1400亿增加到近6000亿`
        if (text[e:e + 1] in _THRESHOLD_AFTER_FIRST and _THRESHOLD_AFTER_RE.match(text, e)) or (
                unit in MONEY_UNITS and _THRESHOLD_ITEMS_RE.match(text, e - 2 if text.endswith(_BOUNDS, 0, e) else e)):
            # `超过千亿元的省份有12个`, `小于2000万元(含)的企业`, `2000万元-1亿元的有30户`, `50亿元以上项目`:
            # a threshold that defines a group
            continue
        pre = _word_before(_PRE_QUALIFIER_END, text, s, _PRE_QUALIFIER_LOOKBACK)
        if pre is None and prev == " ":
            pre = _word_before(_PRE_QUALIFIER_END, text, s - 1, _PRE_QUALIFIER_LOOKBACK)
        if chinese and len(num) > 1 and _VAGUE_NUMERAL_RE.search(num) and not num.isdigit():
            continue  # `三四十个工人`, `十来个人`: a rough count in a story, no statistic
        if chinese and prev in _NOT_NUMBER_BEFORE and pre is None:
            continue  # 数千家, 几十个: not a number (but `技术合同登记数1.2万项`)
        inner = m.group("inner0") or m.group("inner")
        if chinese:
            if pre is None and inner is None and all(ch in _BARE_MULTIPLIERS for ch in num):
                continue  # bare 万 / 千万元级: a figure only as 超万户, 百余项
            small_ok = nxt in _BOUNDARIES or not nxt or _word_before(_SMALL_CN_VERB_END, text, s, 2)
            if value < 10 and unit != TENTHS_UNIT and (num == "一" or not small_ok):
                continue  # 一座, 两层, 两人曾, 三元材料; but `突破关键核心技术五项。`, `新增两家`
        if _word_before(_CRITERION_END, text, s, 2):
            continue  # 具备1个以上...特征: a criterion
        if pre is not None and _COUNTED_GROUP_BEFORE_RE.search(text, max(start, s - COUNTED_GROUP_REACH), s):
            continue  # `有六个省市的研发投入超过了千亿元`: a threshold that defines the group counted
        if text.startswith(RANGE_AFTER, e):
            continue  # `在十亿元范围内`: a band
        if _passes_milestones(text, s, e):
            continue  # `从1万亿元提高到2万亿元用时8年`: thresholds crossed
        if unit is not None and (unit in MONEY_UNITS or unit in FOREIGN_MONEY_UNITS or unit in PERCENT_SIGNS) and (
                _word_before(_MEASURE_BEFORE_END, text, s, 5)
                or (pre and _word_before(_MEASURE_BEFORE_END, text, _back_over(text, s, len(pre)), 5))
                or text.startswith(MEASURE_AFTER, e)):
            continue  # `给予最高50万元奖励`, `按增量的10%给予补助`: a policy's rule, not a statistic
        found.extend(_quantity(text, m, value, unit, pre, inner, quote_end))
    if found and text.find("、", start, end) != -1:
        found = _with_unit_shared(text, start, found)
    return found


def _passes_milestones(text: str, s: int, e: int) -> bool:
    """Whether the amount at s..e starts or ends a change from one amount to another that says how long
    it took, in one clause (`从2万亿元提高到3万亿元仅用时4年`)."""
    clause_end = _CLAUSE_END_RE.search(text, e)
    end = clause_end.start() if clause_end else len(text)
    if _MILESTONE_DURATION_RE.search(text, e, end) is None:
        return False
    clause_start = _clause_start(text, max(0, s - MILESTONE_REACH), s)
    return any(text.find(word, clause_start, s) != -1 for word in FROM_WORDS)


_MILESTONE_DURATION_RE = re.compile(_alternation(MILESTONE_DURATION_WORDS))


def _with_unit_shared(text: str, start: int, found: list[Candidate]) -> list[Candidate]:
    """`经费投入分别29.92、29.64、33.57、30.75亿元`: bare numbers listed right before a figure take its
    unit (and multiplier) and kind; they are that list's figures too."""
    out: list[Candidate] = []
    for cand in found:
        if text[cand.num_start - 1:cand.num_start] not in ("、", "和"):
            out.append(cand)  # most figures: no list right before them
            continue
        run = _BARE_LIST_END_RE.search(text, max(start, cand.num_start - 80), cand.num_start)
        written = _DECIMAL_RE.match(text, cand.num_start)
        if run is not None and written is not None and cand.kind not in ("rank", "rank_change") and (
                cand.range_part is None) and float(written.group()) != 0 and cand.counter not in RANK_ENDINGS and (
                text[run.start() - 1:run.start()] != "第"):  # not `分列第13、16、23位`: ranks
            factor = cand.value / (cand.sign * float(written.group()))
            for item in _DECIMAL_RE.finditer(text, run.start(), run.end()):
                out.append(Candidate(item.start(), item.end(), item.start(), float(item.group()) * factor * cand.sign,
                                     cand.unit, cand.counter, "exact", cand.kind, cand.sign))
        out.append(cand)
    return out


def _money_without_unit(text: str, m: re.Match[str], lo: int) -> bool:
    """A number in 亿 with no unit after a money noun of its clause (`R&D经费突破千亿`)."""
    if not m.group("num").endswith("亿") and not m.group("mult"):
        return False
    begin = max(lo, m.start() - 20)
    begin = max(begin, *(text.rfind(ch, begin, m.start()) + 1 for ch in "，,；;。"))
    return _MONEY_NOUN_RE.search(text, begin, m.start()) is not None


def _back_over(text: str, pos: int, count: int) -> int:
    """`pos` moved back over `count` written characters, past the blanks of a reprint's pinyin between
    them (`增      长` is the two characters of 增长)."""
    while count and pos > 0:
        pos -= 1
        if text[pos] != " ":
            count -= 1
    return pos


def _per_hundred(text: str, s: int, end: int) -> Candidate | None:
    """`百分之三十`, `百分之三点五`: a percentage written out; a share, or a growth rate after a
    change verb."""
    match = _PER_HUNDRED_RE.match(text, s, end)
    value = parse_decimal_chinese(match.group(1)) if match else None
    if match is None or value is None:
        return None
    verb = _word_before(_CHANGE_VERB_END, text, s, 5)
    qs = s - len(verb) if verb else s
    sign = CHANGE_VERBS[verb] if verb else 1
    pre = _word_before(_PRE_QUALIFIER_END, text, qs, _PRE_QUALIFIER_LOOKBACK)
    qualifier = PRE_QUALIFIERS[pre] if pre else "exact"
    kind = "growth_rate" if verb else "share"
    start = _back_over(text, qs, len(pre)) if pre else qs
    return Candidate(start, match.end(), s, value * sign, "percent", None, qualifier, kind, sign)


def _half(text: str, s: int, lo: int) -> Candidate | None:
    """`占全省总投入的近一半`: half of a whole named with 占 before it in its clause, 50 percent."""
    if text.find("占", _clause_start(text, lo, s), s) == -1:
        return None  # `一半以上的企业`: no whole, no share
    pre = _word_before(_PRE_QUALIFIER_END, text, s, _PRE_QUALIFIER_LOOKBACK)
    qualifier = PRE_QUALIFIERS[pre] if pre else "exact"
    start = _back_over(text, s, len(pre)) if pre else s
    return Candidate(start, s + len(HALF_WORD), s, 50.0, "percent", None, qualifier, "share")


_SLASH_FRACTION_RE = re.compile(r"([1-9])/([1-9][0-9]?)(?![0-9/])")


def _slash_fraction(text: str, s: int, end: int, lo: int) -> Candidate | None:
    """`约占全国1/4`, `对全国的贡献超过1/8`: a share written with a slash, in percent, when its clause says
    what it is a share of (SHARE_OF_WORDS)."""
    match = _SLASH_FRACTION_RE.match(text, s, end)
    if match is None or text[s - 1:s].isdigit() or text[s - 1:s] == "/":
        return None
    numerator, denominator = int(match.group(1)), int(match.group(2))
    clause = _clause_start(text, lo, s)
    if numerator >= denominator or not any(text.find(word, clause, s) != -1 for word in SHARE_OF_WORDS):
        return None
    return _fraction_share(text, s, match.end(), numerator / denominator)


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause holding `pos` starts, searched back to `lo`."""
    return max(text.rfind(ch, lo, pos) for ch in "，,；;。") + 1


def _fraction(text: str, s: int, end: int) -> Candidate | None:
    """`三分之一`, `超过四分之一`: a share written as a fraction, in percent (`分之一` of a list or
    a denominator of 1 are no share)."""
    match = _FRACTION_RE.match(text, s, end)
    if match is None:
        return None
    denominator, numerator = parse_number(match.group(1)), parse_number(match.group(2))
    if not denominator or numerator is None or denominator <= 1 or numerator >= denominator:
        return None
    post = next((w for w in POST_QUALIFIERS if len(w) == 2 and text.startswith(w, match.end())), None)
    return _fraction_share(text, s, match.end() + (len(post) if post else 0), numerator / denominator, post)


def _fraction_share(text: str, s: int, end: int, fraction: float, post: str | None = None) -> Candidate:
    """A share written as a fraction (`三分之一`, `1/4`) ending at `end`, in percent; its qualifier the word
    before it, else the one after it (`post`), else `approx` after a word of rough size (`约占`)."""
    pre = _word_before(_PRE_QUALIFIER_END, text, s, _PRE_QUALIFIER_LOOKBACK)
    qualifier = PRE_QUALIFIERS[pre] if pre else POST_QUALIFIERS[post] if post else "exact"
    if qualifier == "exact" and _approx_share_before(text, s):
        qualifier = "approx"
    return Candidate(_back_over(text, s, len(pre)) if pre else s, end, s, round(fraction * 100, 4), "percent", None,
                     qualifier, "share")


def _growth_noun_around(text: str, qs: int, end: int) -> bool:
    """Whether a growth noun before a percentage (`增幅扩大到14.1%`, `增速均在20%以上`) or after it
    (`保持着40%以上的增速`, `实现了10.5%的同比增长`) names it a growth rate."""
    if _GROWTH_NOUN_END.search(text, max(0, qs - 11), qs):
        return True
    if text.find("增", max(0, qs - 40), qs) != -1 and _GROWTH_VERB_BEFORE_RE.search(
            text[max(0, qs - 40):qs].replace(" ", "")):
        return True  # `数量增长均超过六成` (through a reprint's blanked pinyin): the verb, then 均 and a bound
    if text.find("的", end, end + 3) == -1 and not _GROWTH_NOUN_AFTER_RE.match(text, end):
        return False  # (`保持11%以上增速`: no 的 needed right after the number)
    return _GROWTH_NOUN_AFTER_RE.match(text, end) is not None or (
        _ACHIEVED_GROWTH_AFTER_RE.match(text, end) is not None
        and _ACHIEVED_BEFORE_RE.search(text, max(0, qs - 6), qs) is not None)


def _approx_share_before(text: str, pos: int) -> bool:
    """`约占全省的六成`, `大约占全市高新技术产业产值的七成`: the approximation is written on the verb, a few
    words before the share, in its clause."""
    lo = max(0, pos - 24)
    lo = max(lo, *(text.rfind(ch, lo, pos) + 1 for ch in "，,；;。、"))
    return any(text.find(word, lo, pos) != -1 for word in APPROX_SHARE_WORDS)


def _rank(text: str, m: re.Match[str], lo: int, value: float, unit: str | None, nxt: str,
          s: int | None = None, listed_from: int | None = None) -> Candidate | None:
    """`居全国第5位`; `s`: where the quote starts, if not at the 第 before the number; `listed_from`:
    where the 第 of a list it ends stands (`第13、16、23位`)."""
    if unit is not None and unit not in RANK_ENDINGS:
        return None  # 第34个, 第2批
    if unit is None and _is_cjk(nxt) and nxt not in _AFTER_RANK_OK:
        return None  # 第一副主席; but `分别居全国第8位和第9位`, `从第22位上升到`
    if s is None:
        s = m.start() - 1
    first = s if listed_from is None else listed_from  # where the ranks listed with this one start
    # (`居全省第1、第2位`: the clause before 第1)
    clause_start = max(lo, max(text.rfind(ch, lo, first) for ch in _RANK_CLAUSE_DELIMS) + 1)
    # (`第12、第15和第24位`: back over every earlier rank of the list, after 、 or joined by 和)
    while (item := _RANK_LIST_ITEM_RE.search(text, lo, first)) is not None and (
            clause_start == first or item.start() == clause_start):
        first = item.start()
        clause_start = max(lo, max(text.rfind(ch, lo, first) for ch in _RANK_CLAUSE_DELIMS) + 1)
    if _RANK_CONTEXT_RE.search(text, clause_start, first) is None and not (
            _RANK_FROM_END.search(text, max(0, first - 8), first) and _RANK_MOVE_AFTER_RE.match(text, m.end())
    ) and not (
            _ranking_list_item(text, first, m.end())) and not (
            unit is not None and _RANK_CLAUSE_BEFORE_RE.search(text, max(lo, clause_start - 12), clause_start)):
        return None
    return Candidate(s, m.end(), m.start(), value, "rank", None, "exact", "rank")


# a clause that ended with a rank right before this one: the ranking goes on (`双创基地数位居第2位，国家级科技
# 成果奖数第9位，高新技术企业数第10位`)
_RANK_CLAUSE_BEFORE_RE = re.compile(r"第\s?[0-9一二三四五六七八九十]{1,3}\s?[位名]\s?[，,；;]$")
# where a rank moved from (`由第12位升至`, `从2018年的第98位升至2020年的第79位`)
_RANK_MOVE_AFTER_RE = re.compile(rf"(?:{_alternation(RANK_MOVE_ADVERBS)})?(?:{_alternation(RANK_MOVES)})")
_RANK_FROM_END = re.compile(rf"(?:{_alternation(FROM_WORDS)})(?:(?:19|20)\d\d\s?年的?)?$")


_COUNT_BEFORE_TOP_RE = re.compile(r"[0-9一二两三四五六七八九十]\s?[项个座家]")


def _top_n(text: str, m: re.Match[str], lo: int, value: float, unit: str | None, nxt: str, s: int
           ) -> Candidate | None:
    """`居全国前十`, `进入前10名`, `位列前三甲`: a rank of `value` at most, in a ranking's clause; not the top
    that qualifies a group (`前3位的设区市分别为…`) nor the field of a count of places (`两个城市进入前十位`)."""
    end = m.end() + (1 if unit is None and nxt in TOP_N_ENDINGS else 0)
    if text.startswith("的", end):
        return None
    clause = max(lo, max(text.rfind(ch, lo, s) for ch in _TOP_N_CLAUSE_DELIMS) + 1)
    if any(text.find(word, clause, s) != -1 for word in TOP_N_COUNTED_PLACES) or _COUNT_BEFORE_TOP_RE.search(
            text, clause, s):
        return None  # (`15项指标在全省排名前三`: a count of what is in the top)
    rank = _rank(text, m, lo, value, unit if unit is not None else "位", "", s)
    if rank is None:
        return None
    return replace(rank, start=s, end=end, qualifier="upper_bound")


def _ranking_list_item(text: str, first: int, end: int) -> bool:
    """Whether the rank at `first`-`end` is an item of a ranking's list, which needs no ranking verb:
    alone in brackets (`长沙市(第8位)`, `研发人员(第3)`) or right after a place (`其中南京第2、苏州第7`)."""
    if text[first - 1:first] in ("(", "（") and text[end:end + 1] in (")", "）"):
        return True
    return regions.place_ends_at(text, first)


def _rank_range(text: str, m: re.Match[str], lo: int, first: float, unit: str, nxt: str, s: int) -> list[Candidate]:
    """`排在第4~6位`, `分居二至四位`: one rank for each place of the range (of ten at most), in order."""
    low = _rank(text, m, lo, first, unit, nxt, s)
    last = parse_number(m.group("num2"))
    if low is None or last is None or not first < last <= first + RANK_RANGE_MAX:
        return [low] if low is not None else []
    return [replace(low, value=float(first + k), range_part="rank", range_index=k)
            for k in range(int(last - first) + 1)]


def _estimated_year(text: str, start: int, estimate: re.Match[str]) -> str | None:
    """The year an estimate is about: written right after it (`预计2022年`), or, for `预计全年`, the last
    year its paragraph wrote before it (`2023年，…。预计全年…` read in January 2024: a past year's)."""
    if (y := _YEAR_WRITTEN_RE.match(text, estimate.end())) is not None:
        return y.group(1)
    if not text.startswith("全年", estimate.end()):
        return None
    written = _YEAR_WRITTEN_RE.findall(text, start, estimate.start())
    return written[-1] if written else None


def _wills_a_past_year(text: str, start: int, will: re.Match[str], published: date | None) -> bool:
    """Whether the 将 at `will` says what a year already over will come to (`2020年我国研发支出将达到24391
    亿元` read in 2021): the last year written before it in its sentence (`start`), not a span's start."""
    if published is None:
        return False
    written = [m for m in _YEAR_WRITTEN_RE.finditer(text, start, will.start())
               if not text.startswith(SPAN_START_AFTER, m.end())]
    return bool(written) and int(written[-1].group(1)) < published.year


def _quantity(text: str, m: re.Match[str], value: float, unit: str, pre: str | None,
              inner: str | None, end: int) -> list[Candidate]:
    """`end`: where the quote ends (before a unit the match took that is no unit: `9万亿台阶`)."""
    s = m.start()
    qs = s
    while qs > 0 and text[qs - 1] == " ":  # `比上年增加 3.08 亿元`: stray spaces
        qs -= 1
    if pre:
        qs = _back_over(text, qs, len(pre))  # (over blanked pinyin inside it: `超    过    40亿元`)
    post = m.group("post")
    qualifier = (PRE_QUALIFIERS[pre] if pre else INNER_QUALIFIERS[inner] if inner
                 else POST_QUALIFIERS[post] if post else "exact")
    if not pre and qs > 0 and text[qs - 1] == "-" and (qs < 2 or text[qs - 2] not in _ASCII_ALNUM):
        qs -= 1  # `增长-2.1%`: a written minus sign
        value = -value
    verb = _word_before(_CHANGE_VERB_END, text, qs, 5)
    if verb is None and text.find("  ", max(0, qs - 12), qs) != -1:
        # `增(zēng)長(zhǎng)14.6%` reads `增      长      14.6%`: the verb through the reprint's blanked pinyin
        written = text[max(0, qs - 40):qs].replace(" ", "")
        verb = _word_before(_CHANGE_VERB_END, written, len(written), 5)
    if verb and _word_before(_NOT_CHANGE_END, text, qs, 4) and not _COMPARED_NEW_END.search(text, max(0, qs - 12), qs):
        verb = None  # `新增50家` is a level; `比2012年新增3150家` a change
    sign = CHANGE_VERBS[verb] if verb else 1
    counter = None
    if qualifier == "exact" and unit in (TENTHS_UNIT, MULTIPLE_UNIT) and text[end:end + 1] in INNER_QUALIFIERS:
        qualifier = INNER_QUALIFIERS[text[end]]  # `占比2成多`, `5年增长3倍多`: more than that
        end += 1
    if unit == TENTHS_UNIT:  # `七成以上` = 70%; `10成` or `一成不变` are no share
        num = m.group("num")
        if len(num) != 1 or num not in _TENTHS_DIGITS or m.group("num2") or m.group("mult"):
            return []
        unit, value = "%", value * 10
    if unit == "%" or unit == "‰":
        out_unit, kind = "percent", "growth_rate" if verb else "share"
        if not verb and _growth_noun_around(text, qs, end):
            kind = "growth_rate"  # `上半年增幅扩大到14.1%`, `保持着40%以上的增速`: a rate of growth
        if qualifier == "exact" and not verb and _approx_share_before(text, qs):
            qualifier = "approx"
        if unit == "‰":
            value /= 10
    elif unit in POINT_UNITS:
        out_unit, kind = "percentage_point", "change"
        if verb and "降幅" in text[max(0, qs - 12):qs]:
            sign = -sign  # `降幅扩大1.9个百分点` is a fall, `降幅收窄` a rise
        if not verb and _BELOW_RE.search(text, max(0, qs - 16), qs):
            clause = max(text.rfind(ch, max(0, qs - 16), qs) for ch in "，,；;。")
            if _BELOW_RE.search(text, clause + 1, qs):  # `低于全国平均水平0.5个百分点`
                sign = -1
    elif unit in MONEY_UNITS:
        out_unit, kind = "yuan", "change" if verb else "level"
    elif unit in FOREIGN_MONEY_UNITS:
        out_unit, kind = FOREIGN_MONEY_UNITS[unit], "change" if verb else "level"
    elif unit == MULTIPLE_UNIT:  # `增长1.5倍` = +150%; `是...的2倍`, `下降1倍`: no figure
        if sign < 0 or not verb:
            return []
        out_unit, kind, value = "percent", "growth_rate", value * 100
    elif unit in RANK_CHANGE_UNITS and verb:
        out_unit, kind = "rank", "rank_change"
    else:
        out_unit, kind, counter = "count", "change" if verb else "level", unit
    if verb and kind != "level" and kind != "share":
        qs = _back_over(text, qs, len(verb))
    elif not pre and text[qs] == " ":
        qs = s  # `达 1200 家`: the quote starts at the number, not at the space before it
    num2 = m.group("num2")
    if num2:
        high = parse_number(num2)
        runit = m.group("runit")
        if high is not None and (runit is None or unit == runit):
            if unit == "‰":
                high /= 10
            return [
                Candidate(qs, end, s, value * sign, out_unit, counter, "lower_bound", kind, sign, "low"),
                Candidate(qs, end, s, high * sign, out_unit, counter, "upper_bound", kind, sign, "high"),
            ]
        return []
    return [Candidate(qs, end, s, value * sign, out_unit, counter, qualifier, kind, sign)]


# --- context -----------------------------------------------------------------------------------


def _aimed_year(target: re.Match[str], published: date | None) -> str | None:
    """The year a target word names (`到2027年`), or the last of the years ahead it counts (`未来5年`
    said in 2022: 2026)."""
    ahead = target.group("ahead")
    if ahead is None:
        return target.group("target_year")
    years = periods.count_of(ahead)
    return str(published.year + years - 1) if published is not None and years else None


def first_aimed_year(text: str, start: int, end: int, published: date | None) -> str | None:
    """The first year text[start:end] aims at (`到2025年`), if not already past at publication."""
    for m in _TARGET_RE.finditer(text, start, end):
        year = m.group("target_year")
        if year and (published is None or int(year) >= published.year):
            return year
    return None


def _aimed_period(target: re.Match[str], published: date | None) -> str | None:
    """The period a target is for: its year, or the years ahead it counts (`未来5年` said in 2022:
    2022-2026, of which a level reached is the last year's, see _span_of, and a number to be added
    over them (`新建5个院士工作站`) the span's)."""
    year = _aimed_year(target, published)
    if year and target.group("ahead") and published is not None and int(year) > published.year:
        return f"{published.year}-{year}"
    return year


_PROGRESS_BEFORE_RE = re.compile(rf"(?:{'|'.join(PROGRESS_VERBS)})[^，。；,;、]{{0,{PROGRESS_REACH}}}$")


def sentence_context(text: str, start: int, end: int, art: ArticleContext, doc: DocumentIndex,
                     paragraph_start: int) -> Context:
    """Targets, periods and places of one sentence, sliced out of the document index."""
    targets, estimates = [], []
    late_in_year = art.published is not None and art.published.month >= YEAR_UNDER_REVIEW_FROM_MONTH
    found = between(doc.targets, doc.target_pos, start, end)
    # `预计2022年新增高企1100家左右，全市高企将突破5200家` in January 2023: the 将 of a past year's estimate
    published = art.published
    past_estimate = bool(found) and published is not None and any(  # (no generator for no target word)
        m.group("estimate") and (y := _estimated_year(text, paragraph_start, m)) and int(y) < published.year
        for m in found)
    for m in found:
        if m.group("estimate") or (m.group("will") and (late_in_year or past_estimate or _wills_a_past_year(
                text, start, m, published))):
            estimates.append(m.start())  # `全市高新技术企业将突破3000家` in December: an estimate
            continue
        reach = max(start, m.start() - PROGRESS_REACH - 2)
        if text.startswith("目标", m.start()) and _PROGRESS_BEFORE_RE.search(text, reach, m.start()):
            continue  # `实现全年新增数量目标93%，技术合同成交额达到227.65亿元`: progress, not an aim
        year = _aimed_year(m, art.published)
        if year and art.published and (int(year) < art.published.year or (
                m.group("target_year") and periods.month_is_past(text, m.end(), int(year), art.published))):
            continue  # `到2024年` said in 2025, `到2019年6月` in September 2019: reached, not a target
        targets.append((m.start(), _aimed_period(m, art.published) if year else year))
    target_at = targets[0][0] if targets else None
    # `目标到2023年，…。高新技术企业工业总产值力争突破10000亿元`: a plan's later sentences keep its year
    earlier_targets = between(doc.targets, doc.target_pos, paragraph_start, start)  # mostly none
    target_year = next((year for m in reversed(earlier_targets) if (year := _aimed_period(m, art.published))),
                       None) if earlier_targets else None
    if target_year and art.published and int(target_year[-4:]) < art.published.year:
        target_year = None
    # (not a past plan's list: `“十三五”的主要目标是：` reviewed in 2021)
    goal_list = bool(earlier_targets) and any(_GOAL_LIST_RE.match(text, m.start()) for m in earlier_targets) and not (
        target_year is None and any(_aimed_period(m, art.published) for m in earlier_targets))
    # a part of a year written alone (`上半年`) is of the last year written out before it in the
    # paragraph, else of the publication year (not of a `去年` before it: that year is over)
    default = art.default_period
    year = (str(art.published.year) if art.published
            else default[:4] if default and default[:4].isdigit() and default[4:5] != "-" else None)
    before = between(doc.periods, doc.period_pos, paragraph_start, start)
    # (not a comparison's base: `高于2024年同期0.11个百分点。各市…` is still about 2025's 1-3月)
    written = next((m.group("year") for m in reversed(before) if m.group("year") and not periods.is_base(
        text, m.start())), None) if before else None
    year = written or year
    reported = default[:4] if default and default[:4].isdigit() and default[4:5] != "-" else None
    carried = None
    for m in reversed(before):
        if text.endswith(SUB_PERIOD_MARKS, max(0, m.start() - 3), m.start()):
            continue  # `其中二季度单季增长7.6%`: a part of the period, for that figure only
        if _inside_brackets(text, m.start(), start):
            continue  # `[2020年…已修订为2.16%]`: an aside's year is not the paragraph's
        if text[m.start() - 1:m.start()] in FROM_WORDS or text[m.start() - 1:m.start()] in GOES_ON_FROM_WORDS:
            # `从2017年的0.95%增长到1.45%`, `继一季度增长4.8%后`: where a change started, not the paragraph's year
            continue
        if m.group("span"):
            continue  # `2016~2018年有效期内高新技术企业9206家`: a window its own sentence names
        if m.group("year") and art.published and int(m.group("year")) < art.published.year - HISTORY_YEARS_BEFORE:
            continue  # `1992年被国务院批准…。经过30年的发展，全自治区共有高新区9家`: history, not the paragraph's time
        if _MULTIPLE_BASE_AFTER_RE.match(text, m.end()):
            continue  # `成交额为“十三五”末的6.6倍。`: a multiple's base, not the paragraph's time
        if m.group("year") and periods.is_base(text, m.start()):
            continue  # `相较于2022年各地区…均有增加，海南…增幅超过10%`: a comparison's base, not the paragraph's time
        if m.group("year") and _EDITION_YEAR_RE.match(text, m.start()):
            continue  # `获2021年度江西省科学技术进步奖一等奖。…`: an award's edition, not the paragraph's time
        if art.heading_year and _lagged_survey_year(text, m, start, art.heading_year):
            continue  # `2023年全社会研发经费…(错年统计)。我市新增3个国家级平台` in a review of 2024
        carried = periods.period_of(m, text, art.published, art.plan_review, year=year, dated=art.dated,
                                    reported=reported)
        if carried:
            break
    part = _part(carried) if carried else _part(default)  # the part of the year the context is about
    found_periods = []
    editions: set[int] = set()
    agos: dict[int, int] = {}  # `10年前`: where each starts -> where the first number after it stands
    for m in between(doc.periods, doc.period_pos, start, end):
        if m.end() <= end:
            period = periods.period_of(m, text, art.published, art.plan_review, target=target_at is not None,
                                       dated=art.dated, year=year, part=part, written=written,
                                       reported=reported)
            found_periods.append((m.start(), period))
            if m.group("edition_after"):
                editions.add(m.start())
            if m.group("ago"):  # (where the first number after it stands: the one figure it dates)
                agos[m.start()] = (digit.start() if (digit := _HAS_DIGIT_RE.search(text, m.end(), end)) else end)
            if m.group("year") and period:
                year = written = m.group("year")
            if period and period[:4].isdigit() and period[4:5] != "-":
                part = _part(period)
    places = between(doc.places, doc.place_pos, start, end)
    now = between(doc.now_pos, doc.now_pos, paragraph_start, start)
    # only a 目前 that stated figures of its own (`目前，已有国家重点实验室13家…`), not a remark
    # (`目前，创新平台体系基本形成。`)
    now_at = now[-1] if now and not any(m.start() > now[-1] for m in before) and _HAS_DIGIT_RE.search(
        text, now[-1], _sentence_end(text, now[-1], start)) else None
    # a change's start (`由2015年的`) and a report's edition (`达到70.70%——《…报告2023》发布`) date no
    # figure written before them
    no_later = frozenset(pos for pos, _ in found_periods if text[pos - 1:pos] in FROM_WORDS) | editions if (
        found_periods) else frozenset()  # (most sentences name no period: no generator)
    # `比2020年的4.19件增长130%`: a comparison's base year dates its own value, not the change
    bases = frozenset(pos for pos, period in found_periods if period and periods.is_base(text, pos)) if (
        found_periods) else frozenset()
    semicolons = [m.start() for m in _SEMICOLON_RE.finditer(text, start, end)] if (
        text.find("；", start, end) != -1 or text.find(";", start, end) != -1) else []  # two finds: mostly none
    new_breakdowns = [m.start() for m in _NEW_BREAKDOWN_RE.finditer(text, start, end)] if semicolons else []
    listed_years = frozenset(pos for pos, _ in found_periods if _YEAR_LISTED_RE.match(text, pos) or (
        _EDITION_YEAR_RE.match(text, pos))) if semicolons and found_periods else frozenset()
    return Context(found_periods, places, target_at, targets, carried, no_later, estimates, target_year,
                   now_at, goal_list, semicolons, new_breakdowns, listed_years, bases, agos,
                   _part_clauses(text, start, semicolons))


def _part_clauses(text: str, start: int, semicolons: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each clause opened by 其中 and closed by a semicolon, from past the time it opens with
    (`…，其中可持续发展实验区项目为2018年全省仅立项一个；科技型企业备案完成14家`): the time and the place written
    there are that part's, not the next clause's (but `其中，去年，…；有效发明专利5428件`: 去年 frames what follows)."""
    clauses = []
    opened = start
    for end in semicolons:
        part = text.find(SUB_PERIOD_MARKS[0], opened, end)
        if part != -1 and (part == start or text[part - 1] in _PART_CLAUSE_OPENERS):
            lo = part + len(SUB_PERIOD_MARKS[0])
            while lo < end and text[lo] in _PART_CLAUSE_OPENERS:
                lo += 1
            time = _LEADING_PERIOD_RE.match(text, lo, end)
            clauses.append((time.end() if time else lo, end))
        opened = end + 1
    return clauses


_PART_CLAUSE_OPENERS = frozenset("，,；;。：: ")


def _in_part_clause(ctx: Context, pos: int, cand_start: int) -> bool:
    """Whether `pos` stands in a 其中 clause closed before the figure at `cand_start`."""
    return any(lo <= pos < hi < cand_start for lo, hi in ctx.part_clauses)


def _lagged_survey_year(text: str, m: re.Match[str], limit: int, heading_year: str) -> bool:
    """Whether `m` is the year before the one a title or section heading reports on, written for a statistic
    known only a year late (R&D spending) in its own sentence: the survey's year, which frames no other
    sentence. (Without such a heading the year may well frame the next: `研发经费2018年增长至532亿元。
    SCI论文由11392篇增加到17004篇` in a review that reaches 2019 for what it can.)"""
    year = m.group("year")
    if not (year and heading_year[:4].isdigit() and int(year) == int(heading_year[:4]) - 1):
        return False
    sentence = text[m.start():_sentence_end(text, m.start(), limit)]
    return any(word in sentence for word in LAGGED_STATISTIC_WORDS)


def _sentence_end(text: str, pos: int, limit: int) -> int:
    """Where the sentence holding `pos` ends (its 。), at most `limit`."""
    end = text.find("。", pos, limit)
    return limit if end == -1 else end


def _inside_brackets(text: str, pos: int, until: int) -> bool:
    """Whether `pos` lies inside brackets closed before `until` (an aside, a note)."""
    lo = max(0, pos - 200)
    return any(text.find(close, pos, until) != -1 and text.rfind(opener, lo, pos) > text.rfind(close, lo, pos)
               for close, opener in _BRACKETS.items())


def _part(period: str | None) -> str | None:
    """`2024H1` -> H1; None for a whole year or a span."""
    return period[4:] if period and len(period) > 4 and period[:4].isdigit() and period[4] != "-" else None


@lru_cache(maxsize=8192)
def _strip_phrase(phrase: str, subject: str | None) -> str:
    """The indicator noun phrase: drop leading time, place, subject and filler words, and verbs at
    both ends (`2025年，全省累计突破关键核心技术` -> 关键核心技术)."""
    pattern = regions.gazetteer().pattern
    for _ in range(3):
        before = phrase
        m = _PHRASE_LEAD_RE.match(phrase)
        if m:
            phrase = phrase[m.end():]
        place = pattern.match(phrase) if pattern is not None else None
        if place:
            phrase = phrase[place.end():]
        if subject and phrase.startswith(subject):
            phrase = phrase[len(subject):]
        if phrase == before:
            break
    m = _PHRASE_TRAIL_RE.search(phrase)
    return _noun_phrase(phrase[:m.start()] if m else phrase)


def _noun_phrase(phrase: str) -> str:
    """What can name a measure: the last part of `phrase` between punctuation, without a 的 or a
    `最高` at its ends; "" when no noun is left (`的`, `(`, `、`), never a function word or a mark."""
    phrase = _NAME_CUT_RE.split(phrase.rstrip(_NAME_MARKS))[-1].strip("的 ")
    phrase = phrase.removesuffix("最高").removesuffix("最低").removesuffix("的")
    return phrase if len(phrase) > 1 or (phrase and not _is_cjk(phrase) and phrase.isalpha()) else ""


def _following_phrase(text: str, pos: int, limit: int) -> tuple[str, str, bool]:
    """(cut noun phrase, whole segment, whether an event verb follows the noun) written right
    after a number: `9044家科技型企业获...`, `19家中试基地相继落成`."""
    m = _SEGMENT_END_RE.search(text, pos, min(limit, pos + 30))
    segment = _unquoted(text, pos, m.start() if m else min(limit, pos + 30))
    segment_after = segment[segment.rfind("的") + 1:]  # `具备...技术的海外团队`: the noun after 的
    stop = _STOPS_RE.search(segment_after)
    cut = segment_after[: stop.start()] if stop else segment_after
    clause_end = _CLAUSE_END_RE.search(text, pos, limit)  # `10家孵化器、19家中试基地相继落成`: the
    event = _EVENT_RE.search(text, pos, clause_end.start() if clause_end else limit)  # whole list
    return cut, segment, event is not None


def _alias_across(phrase: str, cut: int) -> bool:
    """Whether an indicator alias runs across position `cut` of `phrase`."""
    lo = max(0, cut - 12)
    return any(lo + a < cut < lo + b for a, b in indicators.alias_spans(phrase[lo:cut + 12]))


def _area_named(text: str, clause_start: int, seg_start: int, pos: int) -> str | None:
    """The area spanning several provinces (MULTI_PROVINCE_AREAS) named in the figure's segment or opening its
    clause (`2022年，长三角区域研发经费投入达9386亿元，比上年增长11.4%`), when no place is named after it (not
    `长三角地区的浙江省…`) and it is not the whole of a share (`占长三角的比重`); not an area named in passing in a
    clause about something else (`京津冀国家技术创新中心等…获批建设，省级以上研发平台总数达到1550家`)."""
    area = _AREA_RE.search(text, seg_start, pos)
    if area is None:
        opening = _opening(text[clause_start:pos])  # (past the clause's time and 其中: a suffix of the clause)
        if _AREA_RE.match(opening) is None:
            return None
        area = _AREA_RE.match(text, pos - len(opening), pos)  # (the same words, where the text writes them)
        if area is None:
            return None
    if regions.find_places(text, area.end(), pos) or text.find("占", clause_start, area.start()) != -1:
        return None
    return area.group()


_AREA_RE = re.compile(_alternation(MULTI_PROVINCE_AREAS))


def _subject(text: str, clause_start: int, seg_start: int, pos: int) -> str | None:
    """An organisation or programme named at the start of the figure's segment, else of its clause:
    `天隼实验室汇聚...超500人`, `“十大技术攻关项目”研发投入达5.1亿元，突破...22项`; else a part of the
    region (`松北区技术合同成交额增长52%`, `山区26县的研发投入强度`) or an organisation referred back to
    (`公司去年研发投入12.6亿元`): these are not the region's own figures either."""
    starts = (seg_start, clause_start) if clause_start < seg_start else (seg_start,)
    if _SUBJECT_SUFFIX_RE.search(text, min(seg_start, clause_start), pos) is not None:
        for lo in starts:
            subject = _subject_at_start(text[lo:pos])
            if subject is not None:
                return subject
    for lo in starts:
        if _OPENING_CHARS_RE.search(text, lo, pos) is None:
            continue  # one C search instead of cutting the opening: most segments hold neither
        head = _opening(text[lo:pos])
        county = regions.county_opening(head)
        if county is not None:
            return county  # `浏阳市新增高新技术企业120家` in 长沙's story: the county's figure (a name the seed knows)
        m = _SUB_REGION_RE.match(head)
        if m and not (m.group(1) or "").endswith(SUB_REGION_NOT) and not _starts_place(head, 0):
            return m.group()
        anaphor = _ANAPHOR_RE.match(head)
        if anaphor:
            names = _ORG_NAME_RE.findall(text, max(0, lo - 400), lo)
            return names[-1] if names else anaphor.group()
    return None


@lru_cache(maxsize=8192)
def _opening(phrase: str) -> str:
    """A segment without the time, 其中 and commas it opens with."""
    raw = _QUOTES_RE.sub("", phrase) if _QUOTES_FIRST_RE.search(phrase) else phrase  # (mostly nothing to remove)
    m = _LEADING_PERIOD_RE.match(raw)
    raw = raw[m.end():] if m else raw
    return raw.lstrip("，,").removeprefix("其中").lstrip("，,：:")


@lru_cache(maxsize=8192)
def _subject_at_start(phrase: str) -> str | None:
    """The organisation or programme `phrase` (a segment or clause up to a figure) opens with."""
    pattern = regions.gazetteer().pattern
    raw = _QUOTES_RE.sub("", phrase) if _QUOTES_FIRST_RE.search(phrase) else phrase  # (mostly nothing to remove)
    m = _LEADING_PERIOD_RE.match(raw)
    if m:
        raw = raw[m.end():]
    raw = raw.lstrip("，,")
    m = _REGION_WORD_RE.match(raw)
    if m:
        raw = raw[m.end():]
    place = pattern.match(raw) if pattern is not None else None
    place_len = place.end() if place else 0
    # `成都高新区` keeps its place; `长沙，...` and `长沙出台...` do not
    for keep in ((True, False) if place_len else (False,)):
        candidate = raw if keep else raw[place_len:].lstrip("，,")
        m = _SUBJECT_RE.match(candidate)
        if m is None:
            continue
        subject = m.group()
        if _alias_across(candidate, m.end()):
            continue  # `乌海市工程技术研究中心`: the suffix starts an indicator name, not a subject
        rest = subject[place_len:] if keep else subject
        after = candidate[m.end():m.end() + 1]
        if not rest or rest.startswith(SUBJECT_BLOCKERS) or after in ("和", "与", "及", "、", "的", "生") or (  # 大学生
                any(verb in rest for verb in SUBJECT_INNER_VERBS)):
            continue
        if indicators.names_indicator(rest):
            own = _SEGMENT_DELIMS_RE.split(candidate[m.end():], 1)[0]  # its own segment
            if _HAS_NUMBER_RE.search(own) or indicators.lookup(candidate[m.end():]) is None:
                continue  # `国家重点实验室达20家`: what is counted; but `成都高新区实现地区生产总值...`
        return subject
    return None


def _is_national(text: str, seg_start: int, clause_start: int, pos: int) -> bool:
    """`全国技术合同成交额6.8万亿元`, `我国研发投入强度为2.68%`: the country's figure; but not
    `全国重点实验室达42家` (a name that starts with 全国) or `全国性培训班`."""
    if text.find("国", min(seg_start, clause_start), pos) == -1:
        return False  # every national word holds 国: most figures end here
    for lo in (seg_start, clause_start):
        phrase = text[lo:pos]
        filed = _FILING_LINE_RE.match(phrase)  # `新华社北京1月20日电 2023年我国...`
        phrase = phrase[filed.end():] if filed else phrase
        m = _LEADING_PERIOD_RE.match(phrase)
        phrase = phrase[m.end():].lstrip("，, ") if m else phrase
        if phrase.startswith(NATIONAL_WORDS) and not phrase.startswith(NATIONAL_NOT_NATION):
            if text[lo - 1:lo] in LIST_JOINERS and text.find("占", clause_start, lo) != -1:
                return False  # `占全省的46.6%、全国的6.7%`: the whole of a listed share, not whose share it is
            return not indicators.starts_with_alias(phrase.replace(" ", ""))  # (through blanked pinyin)
    return False


def _last_before(positions: list[int], pos: int, floor: int) -> int:
    """The position right after the last delimiter before `pos` (or `floor`)."""
    i = _bisect_left(positions, pos)
    if not i:
        return floor
    after = positions[i - 1] + 1
    return after if after > floor else floor  # (max() without the builtin's call)


def _list_items(text: str, lo: int, pos: int, count: int = 0) -> list[str]:
    """Items written before `分别`, with the last item's suffix shared (`电子信息、先进能源材料产业`).
    `count`: how many values follow; when splitting at `、` alone gives that many, 和/与 stay inside
    an item (`集成电路、医药制造、计算机通信和其他电子设备制造业分别增长...`)."""
    begin = max(lo, max(text.rfind(ch, lo, pos) for ch in "，,；;。") + 1)
    seg = _unquoted(text, begin, pos)
    m = _LEADING_PERIOD_RE.match(seg)
    seg = seg[m.end():].lstrip("，,") if m else seg.lstrip("，,")
    items = [item for item in seg.split("、") if item]
    if len(items) != count:
        items = [item for item in _LIST_SPLIT_RE.split(seg) if item]
    if len(items) > 1 and not _starts_place(items[0], 0) and (at := indicators.alias_start(items[-1])) and (
            indicators.names_indicator(items[-1]) and all(indicators.lookup(item) is None for item in items[:-1])):
        alias = items[-1][at:]  # `龙华区、美兰区地区生产总值`: every item's indicator
        items = [item + alias for item in items[:-1]] + items[-1:]
    pattern = regions.gazetteer().pattern
    if items and pattern is not None:  # `成都市集成电路、生物医药产业`: the place is everybody's
        place = pattern.match(items[0])
        if place and place.end() < len(items[0]):
            items[0] = items[0][place.end():]
    if len(items) < 2:
        return items
    last = items[-1]
    for suffix in LIST_SUFFIXES:
        if last.endswith(suffix):  # only short items lack the head noun (`电子信息`)
            items = [item if item.endswith(suffix) or len(item) > 6 or indicators.lookup(item) else item + suffix
                     for item in items]
            break
    return items


@dataclass(slots=True)
class SentenceScope:
    """One sentence being read: its span, its article's and its own context, and the delimiters
    every stage measures segments and clauses by."""

    text: str
    start: int
    end: int
    art: ArticleContext
    doc: DocumentIndex
    paragraph_from: int  # where the paragraph (or the run of paragraphs cut by the layout) begins
    ctx: Context
    seg_delims: list[int]
    clause_delims: list[int]
    groups: dict[int, tuple[int, str | None, bool]]  # `分别` lists: candidate index -> group
    base_spans: list[tuple[int, int]]  # `从2020年的2.2%`: where starting values stand
    # the document index's revision words, time-of-writing words and national clauses (`，我国…`) of
    # this sentence, sliced once: most sentences have none, and then no figure of theirs looks further
    revisions: list[int]
    nows: list[int]
    national_clauses: list[int]
    bracketed: bool = False  # the sentence holds an opening bracket (most hold none)


@dataclass(slots=True)
class Site:
    """Where one candidate stands in its sentence, and what the stages have read of it so far."""

    cand: Candidate
    clause_start: int
    clause_end: int  # up to the next comma
    seg_start: int
    base_at: int | None  # where 从/由 stands when the figure is where a change started
    after_base: bool  # the figure is where such a change ended
    kind: str
    value: float
    qualifier: str
    # its segment up to it without quotes and brackets (`_QUOTES_RE`): the subject, indicator and
    # phrase readings all start from it, so it is cut once per figure
    unquoted: str
    subject: str | None = None
    item_region: str | None = None  # the place a `分别` list gives this figure
    item_indicator: indicators.Indicator | None = None  # the indicator a `分别` list gives it
    item_period: str | None = None  # the year a `分别` list gives it (`2012年和2014年分别突破…`)
    place_at: int = -1  # where the place named before it that gave its region stands, if one did
    lead: Found | None = None  # the first figure of its `分别` group, when it is not that figure
    group: tuple[int, str | None, bool] | None = None
    unit_is_count: bool = False
    compared: bool = False  # the nation's figure named as a comparison's base: its region carries to no other
    performer: str | None = None  # the performer a `分别` list item names (`企业、高等学校…分别为…`)


def read_sentence(text: str, start: int, end: int, art: ArticleContext, doc: DocumentIndex,
                  paragraph_start: int | None = None) -> list[Found]:
    """All figures of one sentence with their context: candidates, then for each one the stages
    list item, subject, indicator, period, kind and region, in that order (each reads the ones before)."""
    numbers = [m for m in between(doc.numbers, doc.number_pos, start, end) if m.end() <= end]
    if not numbers:
        return []
    cands = candidates(text, start, end, numbers)
    if not cands:
        return []
    paragraph_from = start if paragraph_start is None else paragraph_start
    seg_delims = [m.start() for m in _SEGMENT_DELIMS_RE.finditer(text, start, end)]
    scope = SentenceScope(text, start, end, art, doc, paragraph_from,
                        sentence_context(text, start, end, art, doc, paragraph_from), seg_delims,
                        [pos for pos in seg_delims if text[pos] in _CLAUSE_DELIMS],
                        _respectively_groups(text, start, end, cands, paragraph_from), [],
                        between(doc.revision_pos, doc.revision_pos, start, end),
                        between(doc.now_pos, doc.now_pos, start, end), _national_clauses(text, start, end, doc),
                        _BRACKET_RE.search(text, start, end) is not None)
    out: list[Found] = []
    own: list[Found] = []  # each candidate's own figure, by the candidate's index (`out` adds listed places')
    prev: Found | None = None
    prev_end = start
    for index, cand in enumerate(cands):
        if cand.range_part == "high" and out:  # the upper end of `10至20家` reads like the lower
            out.append(replace(out[-1], value=cand.value, qualifier=cand.qualifier))
            own.append(out[-1])
            continue
        if cand.counter in RANK_ENDINGS:  # (most figures are not: no call for them)
            cand = _ranked_like_its_lead(scope, index, cand, own)
        site = _site(scope, cand, prev, prev_end)
        if scope.groups:  # (most sentences have no `分别` list: no call)
            _list_item_stage(scope, site, index, own)
        if prev is not None and prev.qualifier in ("lower_bound", "upper_bound") and site.qualifier == "exact":
            _bound_shared_with(scope, site, prev)  # (most figures are not a bound's list items: no call)
        _subject_stage(scope, site, prev)
        code, name, phrase = _indicator_stage(scope, site, prev)
        period, period_source = _period_stage(scope, site, code, prev)
        _kind_stage(scope, site, phrase + (name or ""), period, prev)
        if site.kind in ("growth_rate", "change"):  # (the only kinds it reads: no call for the others)
            period = _change_over_pair(scope, site, out, period)
        elif site.kind == "rank" and out:
            period = _rise_ranked_over(scope, site, out, period)
        revised = bool(scope.revisions) and bool(between(scope.revisions, scope.revisions, site.clause_start,
                                                          cand.start))
        region = _region_stage(scope, site, prev)
        if site.subject is None:
            site.subject = _part_of(scope, site, region)
        found = Found(cand.start, cand.end, site.value, cand.unit, cand.counter, site.qualifier, site.kind,
                      region, site.subject, period, period_source, code, name or None,
                      cand.kind, phrase, revised, site.group is not None)
        found.compared = site.compared
        if period and (site.base_at is not None or site.after_base) and period_source not in ("now", "article"):
            scope.doc.last_change[0 if site.base_at is not None else 1] = period  # years the text gave
        elif site.kind == "growth_rate" and period and _SPAN_RE.fullmatch(period) and _AVERAGE_RE.search(
                scope.text, site.seg_start, cand.start) and _BASE_YEAR_RE.search(scope.text, scope.start, cand.start):
            # `比2012年增长15.3%，年均增长7.4%；其中，…年均增长5.3%`: the next average is over the same years
            scope.doc.last_change[:] = period.split("-")
        out.append(found)
        own.append(found)
        if site.group is None and site.place_at >= 0 and (listed := _places_listed_before(scope, site, found)):
            # `荆州、十堰、黄石、孝感入库数量首次突破1500家`: the figure of every place listed
            out.extend(replace(found, region_code=code) for code in listed)
        prev, prev_end = found, cand.end
    return out


def _part_of(scope: SentenceScope, site: Site, region: str | None) -> str | None:
    """The park or county whose figure it is: the park named by the place that gave the figure its
    region (`无锡高新区高新技术产业产值突破3800亿元`), or in the story of a part (ArticleContext.part) that
    part, for a figure given no place or the part's area (`全区` in a park's story)."""
    text, at = scope.text, site.place_at
    named = regions.park_named_at(text, at) if at >= 0 else None
    if named is not None:
        return named
    part = scope.art.part
    if part is not None and region == scope.art.region_code and (at < 0 or text.startswith(part.area_words, at)):
        return part.name
    return None


def _bound_shared_with(scope: SentenceScope, site: Site, prev: Found) -> None:
    """`连跨2000亿元、3000亿元台阶`, `连破3万元、4万元、5万元大关`: a bound (`prev`'s) written before the
    first item of a list is every item's (an exact `site` right after it)."""
    text = scope.text
    if text[prev.end:site.cand.start].strip() in LIST_JOINERS and prev.unit == site.cand.unit and (
            _PRE_QUALIFIER_START.match(text, prev.start) or text[prev.start - 1:prev.start] in LIST_JOINERS):
        site.qualifier = prev.qualifier


def _ranked_like_its_lead(scope: SentenceScope, index: int, cand: Candidate, own: list[Found]) -> Candidate:
    """`分别上升8位、7位、3位`: after a rank or a move in rank, the items counted in 位 or 名 (`cand`'s
    counter) are the same (`own`: the figures of the candidates before, by index)."""
    group = scope.groups.get(index)
    if group is None or group[0] == index or group[0] >= len(own) or own[group[0]].kind not in ("rank", "rank_change"):
        return cand
    return replace(cand, unit="rank", counter=None, kind=own[group[0]].kind)


def _places_listed_before(scope: SentenceScope, site: Site, found: Found) -> list[str]:
    """Codes of the places listed right before the one that gave the figure its region (`A、B、C`
    or `A和B`, nothing else between them), nearest last."""
    at, code, text = site.place_at, found.region_code, scope.text
    listed, cursor = [], at
    if text[at - 1:at] not in LIST_JOINERS and text[at - 2:at] not in LIST_JOINERS:
        return []
    if any(text.find(word, at, site.cand.start) != -1 for word in GROUP_TOTAL_WORDS):
        return []
    for pos, other in reversed(between(scope.doc.places, scope.doc.place_pos, scope.start, at)):
        end = regions.name_end(text, pos) if regions.region(other) is not None else None
        if end is None or text[end:cursor] not in LIST_JOINERS or other == code:
            break
        listed.append(other)
        cursor = pos
    return listed[::-1]


# (a count in small Chinese numerals before its noun: `山西六省`, `抚顺三市`)
_PLACE_THEN_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff]{2,8}?([0-9]{1,2}(?![0-9.])|[两三四五六七八九十]{1,2}(?=[个省市地区]))")
_EACH_RE = re.compile(_alternation(EACH_WORDS))
_NOT_EACH_RE = re.compile(_alternation(NOT_EACH_WORDS))
_LISTED_NAME_RE = re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:{_alternation(LIST_JOINERS)})")


def _each_of_the_counted(text: str, count: re.Match[str], pos: int) -> bool:
    """Whether a figure at `pos` is said of each place `count` (`_PLACE_THEN_NUMBER_RE`'s match) counts: in
    the count's own segment, after `这` (`这5个城市达到4%以上`) or a word of each (`均`, `都`)."""
    between_them = text[count.end():pos]
    if _EACH_RE.search(_NOT_EACH_RE.sub("", between_them)):
        return True  # (and on past a comma: `三市…增速均超30%,利润增速超过90%`)
    return text[count.start(1) - 1:count.start(1)] == "这" and not _SEGMENT_DELIMS_RE.search(between_them)


def _all_of_area(scope: SentenceScope, listed: list[int], area: str) -> bool:
    """Whether the places listed at `listed` are all the provinces of `area` (AREA_PROVINCES)."""
    members = AREA_PROVINCES.get(area, ())
    codes = {code for pos, code in between(scope.doc.places, scope.doc.place_pos, listed[0], listed[-1] + 1)}
    names = {r.name for code in codes if (r := regions.region(code)) is not None}
    return len(names) == len(listed) and names == set(members)


def _listed_up_to(scope: SentenceScope, place_at: int, place: str) -> list[int]:
    """Where the places of the list that the place at `place_at` ends stand, first first (`A、B、C`)."""
    listed = [place_at]
    for pos, other in reversed(between(scope.doc.places, scope.doc.place_pos, scope.start, place_at)):
        # (by the text between: a short name that is also a word, 北海, has no name_end)
        if other == place or other.startswith("\x01") or not _LISTED_NAME_RE.fullmatch(scope.text, pos, listed[0]):
            break
        listed.insert(0, pos)
    return listed


def _counted_places(scope: SentenceScope, place_at: int, place: str) -> re.Match[str] | None:
    """The number that counts the list of places the place ends (`南宁、桂林、柳州、北海4个`: four), if one
    does (its group 1)."""
    number = _PLACE_THEN_NUMBER_RE.match(scope.text, place_at)
    if number is None or _EACH_RE.search(scope.text, place_at, number.start(1)) is not None:
        return None  # (`十堰、荆州各有2家企业入选`: each one's figure, not a count of them)
    listed = len(_listed_up_to(scope, place_at, place))
    written = number.group(1)
    return number if listed > 1 and (int(written) if written.isdigit() else parse_number(written)) == listed else None


def _rise_ranked_over(scope: SentenceScope, site: Site, out: list[Found], period: str | None) -> str | None:
    """`由1.3%提升到2.23%，提升幅度居全国第2`, `增长28.9倍，增速居全国第4`: the rank of a rise right after it
    is over the rise's years."""
    last, text = out[-1], scope.text
    over_span = bool(last.period) and _SPAN_RE.fullmatch(last.period) is not None and last.period.endswith(
        period or "")
    if over_span and last.kind == "rank" and text[last.end:last.end + 1] in LIST_JOINERS and (
            _HAS_DIGIT_RE.search(text, last.end, site.cand.start) is None):
        return last.period  # `提升幅度居全国第2、中部第1`: the rank listed with it
    if _RISE_RANKED_RE.search(text, site.seg_start, site.cand.start) is None or _ONE_YEAR_CHANGE_RE.search(
            text, site.seg_start, site.cand.start):
        return period  # (`同比增幅排名全国第一`: the last year's rise)
    if over_span and last.kind in ("growth_rate", "change"):
        return last.period
    return _change_over_pair(scope, replace(site, kind="change"), out, period)  # (read as the change it ranks)


def _change_over_pair(scope: SentenceScope, site: Site, out: list[Found], period: str | None) -> str | None:
    """`从2006年的0.57万亿元增加至2023年的6.87万亿元，增长了11倍`: a change stated right after a
    start and an end in different years is over the years between them (not a year-on-year one)."""
    if site.kind not in ("growth_rate", "change") or len(out) < 2 or not period or not period.isdigit():
        return period
    start, end = out[-2], out[-1]
    if start.kind == "rank" or any(end.end <= at < site.cand.start for at in scope.ctx.semicolons):
        return period  # `排名由第12位跃居第9位；高新技术企业净增超2400家`: not a change over that move
    if not any(at == start.start for _, at in scope.base_spans) or not (
            start.period and end.period and start.period.isdigit() and end.period == period):
        return period
    if int(start.period) >= int(period) or _ONE_YEAR_CHANGE_RE.search(scope.text, end.end, site.cand.end) or (
            _HAS_DIGIT_RE.search(scope.text, end.end, site.cand.start)):
        return period
    return f"{start.period}-{period}"


def _site(scope: SentenceScope, cand: Candidate, prev: Found | None, prev_end: int) -> Site:
    text, start = scope.text, scope.start
    clause_start = _last_before(scope.clause_delims, cand.start, start)
    after = bisect.bisect_left(scope.seg_delims, cand.end)
    clause_end = scope.seg_delims[after] if after < len(scope.seg_delims) else scope.end
    seg_start = _last_before(scope.seg_delims, cand.start, start)
    if seg_start < prev_end:  # (max() without the builtin's call, here and below)
        seg_start = prev_end
    near = cand.start - 16 if cand.start - 16 > clause_start else clause_start
    base_at = (_FROM_RANK_RE if cand.kind == "rank" else _FROM_RE).search(text, near, cand.start) if (
        _FROM_CHAR_RE.search(text, near, cand.start) is not None) else None
    spans = scope.base_spans
    after_base = bool(spans) and spans[-1][1] >= seg_start - 8 and prev is not None
    # positional, in field order (the defaults written out): cheaper than a keyword call
    return Site(cand, clause_start, clause_end, seg_start, base_at.start() if base_at is not None else None,
                after_base, cand.kind, cand.value, cand.qualifier, _unquoted(text, seg_start, cand.start),
                None, None, None, None, -1, None, None, cand.unit == "count")


def _measure_said_before(scope: SentenceScope, seg_start: int) -> str | None:
    """The segment right before `seg_start` when it names an indicator and states no number."""
    before = _last_before(scope.seg_delims, seg_start - 1, scope.start)
    segment = scope.text[before:seg_start]
    if _HAS_DIGIT_RE.search(segment) or indicators.lookup(segment) is None:
        return None
    return segment


def _unquoted(text: str, lo: int, hi: int) -> str:
    """`_QUOTES_RE.sub("", text[lo:hi])`, without the substitution when nothing in it can match."""
    if _QUOTES_FIRST_RE.search(text, lo, hi) is None:
        return text[lo:hi]
    return _QUOTES_RE.sub("", text[lo:hi])


def _list_item_stage(scope: SentenceScope, site: Site, index: int, own: list[Found]) -> None:
    """`A、B分别增长10%、22.9%`: what each item of the list gives its figure (a place, an indicator or
    a subject), and the first figure's kind and sign for the others (`own`: the figures of the
    candidates before, by index)."""
    group = site.group = scope.groups.get(index)
    if group is None:
        return
    first, item, places_only = group
    if index != first:
        lead = site.lead = own[first] if first < len(own) else None
        # `分别增长10%、22.9%`, `分别比2012年新增445家、821家`: the lead's kind is every item's
        if lead is not None and site.kind == lead.kind.replace("growth_rate", "share").replace("change", "level"):
            site.kind = lead.kind
            if site.value >= 0:  # (an item's own minus sign stays: `增幅分别为93项、-464项`)
                site.value = abs(site.value) * (1 if lead.value >= 0 else -1)
        if lead is not None and site.qualifier == "exact" and lead.qualifier != "exact" and (
                _PRE_QUALIFIER_START.match(scope.text, lead.start)):
            site.qualifier = lead.qualifier  # `分别突破1.5万家和1.9万家`: the bound is every item's
    if item and (year := _YEAR_ITEM_RE.search(item)):
        site.item_period = year.group()[:4]
        return
    performer = _PERFORMER_START_RE.match(item.lstrip("全省市")) if item else None
    if performer is not None:
        site.performer = performer.group()  # `企业、政府属研究机构和高等学校研发经费分别为…`: each one's part
        return
    site.item_indicator = indicators.lookup(item) if item and not places_only else None
    if item and places_only:
        found = regions.find_places(item)
        if found:
            site.item_region = regions.resolve(found[0][1], scope.art.region_code)
        else:
            site.subject = item  # a county-level city the gazetteer lacks (辛集市): a part of the region
    elif site.item_indicator is None:
        site.subject = item  # `电子信息、先进能源材料产业分别增长...`: what each figure is about
    elif item and (at := indicators.alias_start(item)):
        owner = item[:at]  # `龙华区、美兰区地区生产总值分别增长...`: whose figure each is
        if _SUB_REGION_RE.fullmatch(owner) or _SUBJECT_SUFFIX_RE.search(owner):
            site.subject = owner


def _subject_stage(scope: SentenceScope, site: Site, prev: Found | None) -> None:
    """The organisation, programme or part of the region the figure is about, if not the region's own."""
    if site.subject is not None or site.item_region is not None:
        return
    text, cand = scope.text, site.cand
    site.subject = _subject(text, site.clause_start, site.seg_start, cand.start) or (
        _area_named(text, site.clause_start, site.seg_start, cand.start) if not cand.kind.startswith("rank") else None)
    if site.subject is None and site.group is None and prev is not None and prev.subject and (
            prev.end >= site.clause_start) and not _strip_phrase(site.unquoted, None):
        site.subject = prev.subject  # `公司研发投入12.6亿元，同比增长18%`: the growth is the company's too


def _indicator_stage(scope: SentenceScope, site: Site, prev: Found | None) -> tuple[str | None, str, str]:
    """(code, name, the noun phrase written before the figure); no code whose measure the figure's
    unit cannot be (`高新技术企业…营业收入33693.63亿元` is no number of enterprises)."""
    code, name, phrase = _indicator_named(scope, site, prev)
    if code is not None and not _unit_fits(code, site.cand.unit, site.kind):
        return None, _noun_phrase(phrase) or name, phrase  # the words written, not the indicator's name
    text, start, at = scope.text, site.clause_start, site.cand.start
    if code is not None and site.subject is None and (
            part := _part_among(text, max(scope.start, site.seg_start - 3), at, phrase)):
        site.subject = part  # `其中，中央财政科技支出为2899.2亿元`: a part of the total before it
    if code is not None and site.kind == "level" and text.find("批", start, at) != -1 and (
            _BATCH_RE.search(text, start, at)):
        # `本批次全省共入库国家科技型中小企业1082家`: one batch of a list, not the stock the indicator counts
        return None, "本批次" + name, phrase
    return code, name, phrase


_CJK_ONLY_RE = re.compile(r"[\u4e00-\u9fff]+")


def _part_among(text: str, lo: int, pos: int, phrase: str) -> str | None:
    """The words before a measure's name right after 其中 (`其中，中央财政科技支出`: 中央; `…的国家,其中高价值
    发明专利拥有量`: 高价值), when they name a part: neither a place nor a flow (`其中新增…`)."""
    word = SUB_PERIOD_MARKS[0]  # 其中
    among = text.rfind(word, lo, pos)
    if among == -1 or _CLAUSE_END_RE.search(text, among + len(word) + 1, pos):
        return None  # (a comma may stand right after 其中, none later)
    at = indicators.alias_start(phrase)
    part = phrase[:at] if at else ""
    if not text[among + len(word):pos].lstrip("，, ").replace(" ", "").startswith(part):
        return None  # (the part follows 其中: not `其中研究与试验发展经费(下称研发经费)`)
    if not 0 < len(part) <= PART_AMONG_MAX or not _CJK_ONLY_RE.fullmatch(part) or part.startswith(
            (*FLOW_PREFIXES, *PHRASE_PREFIXES)) or part.endswith(PARK_AFTER_PLACE) or regions.find_places(part):
        return None  # (a park, `其中沈阳高新区…`, is named by its place: `_part_of`)
    return part


def _unit_fits(code: str, unit: str | None, kind: str) -> bool:
    """Whether a figure in `unit` can be a level or change of the indicator `code` (its seed unit):
    money for money, counts for counts, percentages for percentages. Rates and ranks fit any."""
    if kind not in ("level", "change", "target") or unit is None:
        return True  # (before the dictionary's lookup: rates and ranks need none)
    indicator = indicators.by_code(code)
    if indicator is None:
        return True
    return UNIT_FAMILIES.get(unit, unit) == UNIT_FAMILIES.get(indicator.unit, indicator.unit)


def _indicator_named(scope: SentenceScope, site: Site, prev: Found | None) -> tuple[str | None, str, str]:
    """(code, name, the noun phrase written before the figure)."""
    phrase = _strip_phrase(site.unquoted, site.subject)
    if site.item_indicator is not None:  # `孵化器、众创空间分别为39家、66家`: what each counts
        return site.item_indicator.code, site.item_indicator.name, phrase
    if site.performer is not None:
        return (*_performers_part(scope, site), phrase)
    if site.lead is not None and (site.item_region is not None or site.subject is None):
        return site.lead.indicator_code, site.lead.indicator_name or "", phrase
    code, name = _indicator(scope, site, prev, phrase)
    if site.group is not None and code is None and site.subject:
        name = site.subject
    if code is not None and (performer := _performer_before(scope, site, prev)):
        # `分活动主体看，企业…研发经费1943.2亿元`: the performer's part (its own indicator if there is one)
        part = indicators.lookup(performer + name)
        code, name = (part.code, part.name) if part is not None else (None, performer + name)
    return code, name, phrase


def _performers_part(scope: SentenceScope, site: Site) -> tuple[str | None, str]:
    """The indicator of a performer's part of the measure its list names (`企业、政府属研究机构和高等学校
    研发经费投入分别为…`): the performer's own (`企业研发经费投入`) if the dictionary has one."""
    performer = site.performer or ""
    lead_at = site.lead.start if site.lead is not None else site.cand.start
    measure = indicators.last_alias(_unquoted(scope.text, site.clause_start, lead_at)) or ""
    part = indicators.lookup(performer + measure) if measure else None
    if part is not None and part.name.startswith(performer):
        return part.code, part.name
    return None, performer + measure


def _performer_before(scope: SentenceScope, site: Site, prev: Found | None) -> str | None:
    """The performer named since the figure before (`企业`, `高等学校`) when a breakdown's heading
    (`分活动主体看`) opens the sentence's list, else None."""
    text, cand = scope.text, site.cand
    if _BREAKDOWN_FIRST_RE.search(text, scope.start, cand.start) is None:
        return None  # no heading can start before the figure (one C search): most figures stop here
    written = [(text.rfind(word, scope.start, cand.start), word) for word in BREAKDOWN_HEADINGS]
    heading = max((at + len(word) for at, word in written if at != -1), default=-1)
    if heading < 0:
        return None
    lo = max(heading, prev.end if prev is not None else heading)
    found = [(text.rfind(word, lo, cand.start), word) for word in PERFORMERS]
    at, word = max(found)
    return word if at >= 0 else None


def _period_stage(scope: SentenceScope, site: Site, code: str | None, prev: Found | None) -> tuple[str | None, str]:
    """The figure's period and where it came from (`code`: its indicator's, if the dictionary knows it;
    `prev`: the figure before it in the sentence)."""
    ctx, cand, art = scope.ctx, site.cand, scope.art
    if site.item_period is not None:
        return site.item_period, "explicit"
    text = scope.text
    if scope.bracketed and not _OPENING_BRACKETS.isdisjoint(text[cand.start - 2:cand.end + 2]):
        noted = _YEAR_NOTE_RE.match(text, cand.end)
        if noted:
            return noted.group(1), "explicit"  # `增长到57.3%(2017年值)`: the year its note names
        if _LAST_YEARS_VALUE_RE.search(text, max(scope.start, cand.start - 5), cand.start):
            own, source = _period(ctx, cand, art, site.clause_end)  # `为1.25%，比上年(1.12%)提高…`
            if own and own[:4].isdigit() and own[4:5] != "-":
                return str(int(own[:4]) - 1) + own[4:], source  # (the same part of it: `较同期(0.62%)`)
    lead = site.lead
    if lead is not None and lead.kind == site.kind and lead.kind in ("growth_rate", "change") and (
            lead.period and _SPAN_RE.fullmatch(lead.period)):
        return lead.period, lead.period_source  # `较2020年分别增长325.7%、437.6%`: every item over the lead's years
    if site.base_at is not None:  # its own year if it names one (`从2020年的2.2%`), else a span's
        named = [p for pos, p in ctx.periods if site.base_at <= pos < cand.start and p]  # first year
        scope.base_spans.append((site.base_at, cand.start))
        period, source = (named[-1], "explicit") if named else (None, "base")
        if period is None and (compared := _compared_with_year(scope, site.base_at)):
            return compared, "compared"  # `与2014年相比，…。包括…从48.2件提高到2023年的262.9件`: 2014's
        around = None if named else _period(ctx, cand, art, site.clause_end)[0]
        if around and _SPAN_RE.fullmatch(around):
            period, source = around[:4], "span_start"  # `五年来…由600亿元增至1400亿元`
        if period is None and scope.doc.last_change[0] is not None:
            period, source = scope.doc.last_change[0], "change_before"
        if period is None and art.review_from and around and around.isdigit() and int(around) > int(art.review_from):
            period, source = art.review_from, "review_start"  # `党的十八大以来` above it: `由825家增长到…` is 2012's
        between_words = _strip_fields(scope.text[site.base_at + 1:cand.start])
        if period is None and around and around.isdigit() and not between_words:
            # `2018年…贡献率由57.5%增长至58.3%`, no span and no change before: from the year before (but
            # not `从最初的3个人`: an earlier time it does not name)
            period, source = str(int(around) - 1), "year_before"
        return _span_of(scope, site, period, prev), source
    elif scope.base_spans:  # `...提高到2.6%`: the starting value's year is not this figure's
        own = replace(ctx, periods=[(pos, p) for pos, p in ctx.periods
                                    if not any(lo <= pos < hi for lo, hi in scope.base_spans)])
        period, source = _period(own, cand, art, site.clause_end)
        if source == "article" and site.after_base and scope.doc.last_change[1] is not None:
            period, source = scope.doc.last_change[1], "change_before"
    else:
        period, source = _period(ctx, cand, art, site.clause_end)
    ahead = source == "target" and period and period.isdigit() and art.published and int(period) > art.published.year
    if ahead and any(word in scope.text[site.seg_start:cand.start] for word in SPAN_TOTAL_WORDS):
        # `到2023年…累计突破2000亿元` said in 2021: a total over 2021-2023; over a plan ending then that the
        # sentence or the title names (`实施《“十四五”科技创新规划》，到2025年，累计…`), the plan's years
        plan = next((years for name, years in FIVE_YEAR_PLANS.items() if years[1] == int(period) and (
            name in scope.text[scope.start:cand.start] or name == art.plan_review)), None)
        period = f"{plan[0] if plan else art.published.year}-{period}"
    now = between(scope.nows, scope.nows, scope.start, cand.start) if scope.nows else []
    if not now and source == "article" and ctx.now_at is not None:
        now = [ctx.now_at]  # `目前，河南已有…。同时，培育了创新龙头企业116家`: the paragraph's time of writing
    if now and art.published and not any(now[-1] < pos < cand.start for pos, p in ctx.periods if p):
        # `目前，河南省内已有国家重点实验室13家`: the time of writing; early in a year, the stock at the
        # end of the year before (a review published in January)
        published = art.published
        year = published.year - 1 if art.early else published.year
        if code is not None and site.kind == "share" and year == published.year:
            # `研发强度提升到目前的1.91%` in October: a yearly statistic, known for the last complete year
            # (not a count's growth: `目前…科技型企业15363家，增长38.09%` in December is this year's)
            year -= 1
        if code in _LAGGED and art.dated:
            # `研发投入由643亿元增长到目前的1880.49亿元` in January 2024: the survey of 2023 is not out yet
            year = min(year, _last_rd_survey_year(published))
        default = art.default_period or ""
        # in a report on a part of the year (`上半年湖北…`), the time of writing is that part's end
        period, source = (default if default[:4] == str(year) and _part(default) and not art.lead_part
                          else str(year)), "now"
    if period and len(period) > 4 and period[4] != "-" and _whole_year_before(scope, site):  # a part of a year
        period = period[:4]
    if source == "article" and code in _LAGGED and art.dated and art.published and (
            period == str(art.published.year) or (art.lead_part and period and period[:4] == str(art.published.year))
    ) and art.published.month < 12 and not ctx.estimates and not ctx.targets:
        # a yearly statistic is known only the year after (in a story of a part of the year too: `今年1至9月…。
        # 数据显示，北京全社会研发经费支出达到1479.8亿元`)
        period = str(art.published.year - 1)
    return _span_of(scope, site, period, prev), source


def _compared_with_year(scope: SentenceScope, before: int) -> str | None:
    """The year the paragraph last named before `before`, when it named it as what it compares with
    (`与2014年相比`, `比2012年`): where a change written after it without a year of its own starts."""
    written = between(scope.doc.periods, scope.doc.period_pos, scope.paragraph_from, before)
    last = next((m for m in reversed(written) if m.group("year") or m.group("relative")), None) if written else None
    if last is None or not last.group("year") or not periods.is_base(scope.text, last.start()):
        return None
    return last.group("year")


def _last_rd_survey_year(published: date) -> int:
    """The last year whose R&D survey is out on `published` (each comes out the next autumn)."""
    return published.year - 1 if published.month >= LAGGED_PUBLISHED_FROM_MONTH else published.year - 2


def _whole_year_before(scope: SentenceScope, site: Site) -> bool:
    """Whether the figure's sentence says 全年 before it, after the last period it names (WHOLE_YEAR_PATTERN):
    `10月底达到62.3亿元，全年有望突破75亿元，比2021年增长了280.57%`."""
    said = [m.end() for m in _WHOLE_YEAR_RE.finditer(scope.text, scope.start, site.cand.start)]
    return bool(said) and not any(said[-1] <= pos < site.cand.start for pos, p in scope.ctx.periods if p)


def _strip_fields(words: str) -> str:
    """What is written between 从/由 and a figure besides blanks and a rank's field (`由全国第12位`)."""
    for field_name in RANK_FROM_FIELDS:
        words = words.replace(field_name, "")
    return words.strip()


def _span_of(scope: SentenceScope, site: Site, period: str | None, prev: Found | None) -> str | None:
    """Over a span (`过去五年`, `十年来`), a share, a stock reached (`企业达6.9万家`) or where a change
    ended (`从58%提高到65%`) is at the span's end; a total over it (`累计超过5000亿元`, `5年来发表论文
    600余篇`) keeps the span. An average (`年均增长15.9%`) or a change against a year before the last
    (`比2012年提高5.5个百分点`) is over the years from that base to the figure's year."""
    text, cand = scope.text, site.cand
    if period and "-" in period and _SPAN_RE.fullmatch(period):  # (one C call rules out a year: most)
        if _SPANS_OWN_VALUE_RE.search(text, max(0, cand.start - 16), cand.start):
            return period  # `从2008—2010年的53%左右跃升到2015—2017年的约62.5%`: each span's own value
        before = text[site.seg_start:cand.start]
        if site.kind in ("growth_rate", "change") and _ONE_YEAR_CHANGE_RE.search(before):
            return period[5:]  # `比上年增长15.5%` in a review over years: the last year's change
        # a total over the span (`累计`), or an average over it (`占全国的比重年均超37.2%`), keeps the span
        total = any(word in before for word in SPAN_TOTAL_WORDS) or any(word in before for word in AVERAGE_WORDS) or (
            _SPAN_SUM_RE.search(before) is not None) or (
            site.kind == "share" and _STEADY_RE.search(before) is not None)  # held through it
        verb_end = _before_blanks(text, cand.start)
        stock = site.kind == "level" and (site.after_base or _STOCK_VERB_END.search(text, verb_end - 4, verb_end)
                                          or text.startswith(STOCK_VERBS, cand.start)  # `突破1500亿元`
                                          or (prev is not None and prev.period == period[5:]
                                              and (prev.base_kind if prev.kind == "target" else prev.kind) == "level"
                                              and text[prev.end:cand.start].strip() in LIST_JOINERS))  # `连跨A、B`
        # a rank reached (`排名上升至全国第10位`) stands at the span's end too; the rank of a rise over it
        # (`提升幅度居全国第二`) is the span's
        reached = site.kind == "rank" and not _RISE_RANKED_RE.search(before)
        return period[5:] if not total and (site.kind == "share" or stock or reached) else period
    if not period or not period.isdigit():
        return period
    seg_start = site.seg_start  # the segment before the figure is searched in place, not cut
    if site.kind not in ("growth_rate", "change"):
        if _SPAN_TOTAL_RE.search(text, seg_start, cand.start) and not _STOCK_VERB_END.search(
                text, cand.start - 4, cand.start):  # `五年来…。…累计获得国家科学技术奖15项`, not `累计达1200余人`
            return _span_ending(scope, cand.start, period, changes=False) or period
        return period
    running = _RUNNING_YEARS_RE.search(text, site.clause_start, cand.start) if site.kind == "growth_rate" else None
    if running is not None and (years := periods.count_of(running.group(1))) and years > 1:
        return f"{int(period) - years + 1}-{period}"  # `连续5年保持11%以上增速` in 2020: 2016-2020
    averaged = _AVERAGE_RE.search(text, seg_start, cand.start) is not None
    # (`比2020年的4.19件增长130%`: a base written with its own value stands before that value's segment)
    lo = scope.start if averaged else site.clause_start if scope.ctx.bases else seg_start
    base = _BASE_YEAR_RE.search(text, lo, cand.start) if averaged or text.find("年", lo, cand.start) != -1 else None
    if base is not None and int(base.group(1)) < int(period) - (0 if averaged else 1):
        return f"{base.group(1)}-{period}"
    ago = _BASE_AGO_RE.search(text, lo, cand.start) if base is None and not averaged else None
    if ago is not None and (years := periods.count_of(ago.group(1))) and years > 1:
        return f"{int(period) - years}-{period}"
    if averaged and (pair := _LISTED_YEAR_PAIR_RE.search(text, scope.start, cand.start)) is not None and (
            pair.group(2) == period and int(pair.group(1)) < int(period)):
        return f"{pair.group(1)}-{period}"  # `2020年和2021年平均增速10.8%`: over the years listed
    if base is None and (plan_end := _BASE_PLAN_END_RE.search(text, seg_start, cand.start)) is not None and (
            (first := FIVE_YEAR_PLANS[plan_end.group(1)][1]) < int(period) - 1):
        return f"{first}-{period}"
    if base is None and _continues_change(scope, site, prev, period):
        return prev.period  # type: ignore[union-attr]  # `比2012年新增499.7亿元，增长2.0倍`: over the same years
    if averaged:  # `十年来…年均增长`, `从2012年的2万件提升至2021年的7.6万件。…年均增长16.3%`
        return _span_ending(scope, cand.start, period) or period
    return period


def _span_ending(scope: SentenceScope, pos: int, year: str, changes: bool = True) -> str | None:
    """The span ending in `year` that the text before `pos` is about: the last one named earlier in
    the sentence, else in the paragraph, else (`changes`: for an average) the years of the article's
    last change from one value to another."""
    spans = [p for at, p in scope.ctx.periods if at < pos and p and _SPAN_RE.fullmatch(p)]
    if not spans:
        art = scope.art
        for m in reversed(between(scope.doc.periods, scope.doc.period_pos, scope.paragraph_from, scope.start)):
            if m.group("span") or m.group("since_year") or m.group("since") or m.group("past") or m.group("plan"):
                found = periods.period_of(m, scope.text, art.published, art.plan_review, dated=art.dated)
                if found and _SPAN_RE.fullmatch(found):
                    spans.append(found)
                    break
    if not spans and not changes and scope.art.plan_review and scope.art.published:
        # `该市累计引进重大项目1488个` in a review of the 十四五 plan (its title names it): over the plan's years
        spans.append(periods.plan_review_span(scope.art.plan_review, scope.art.published))
    if spans:
        return spans[-1] if spans[-1].endswith(year) else None
    first, last = scope.doc.last_change
    if not changes or not first or last != year or not first.isdigit() or int(first) >= int(year):
        return None
    return f"{first}-{last}"


def _continues_change(scope: SentenceScope, site: Site, prev: Found | None, period: str) -> bool:
    """Whether the figure goes on with the change over years stated right before it, with nothing but
    a verb between them: the growth of `比2012年新增499.7亿元，增长2.0倍` is over the same years."""
    if prev is None or prev.kind not in ("growth_rate", "change") or not prev.period:
        return False
    if not (_SPAN_RE.fullmatch(prev.period) and prev.period.endswith(period)):
        return False
    text = scope.text
    return not _HAS_DIGIT_RE.search(text, prev.end, site.cand.start) and not _ONE_YEAR_CHANGE_RE.search(
        text, prev.end, site.cand.start)


def _kind_stage(scope: SentenceScope, site: Site, phrase: str, period: str | None, prev: Found | None) -> None:
    """A figure after a target word in its sentence, under a heading that sets targets, or for a year
    after publication is a target; one after `预计` about the year under review is an estimate of its
    own kind (approx unless bounded); a percentage of an index is a score (level), not a share, and
    so is where a change of one ended; a `分别` list of percentages after a growth noun is of growth rates."""
    ctx, art, cand = scope.ctx, scope.art, site.cand
    if site.kind == "level" and cand.unit != "percent" and (_NET_CHANGE_RE.search(
            scope.text, site.seg_start, cand.start) or (site.group is not None and _growth_noun_governs(
                scope.text, site.clause_start, cand.start, counts=True))):
        site.kind = "change"  # `净增高新技术企业超2000家`: a net change, whatever stands between; `登记数量增幅
        # 分别为93项、42项、-464项`: the changes in a count
    if site.kind == "share" and cand.unit == "percent":
        if any(word in phrase for word in INDEX_WORDS) or (
                (site.after_base or scope.text[cand.start - 1:cand.start] in ("(", "（"))
                and prev is not None and prev.kind == "level" and prev.unit == "percent"):
            # `指数由66.82%增长到75.42%`; `指数达到80.75%，继上海(85.63%)、北京(84.83%)之后`: the places' scores
            site.kind = "level"
        elif (site.group is not None and _growth_noun_governs(scope.text, site.clause_start, cand.start)) or (
                _list_ends_in_growth(scope, site)) or cand.value < 0 or _compared_growth_in_brackets(
                scope, site, prev) or (prev is not None and prev.kind == "growth_rate" and prev.unit == "percent" and (
                    site.after_base or scope.text[prev.end:cand.start] in LIST_JOINERS)) or _growth_word_governs(
                    scope, site):
            # `增速排前三位的是电力、节能环保及有色产业，分别为82.8%、81.6%及26.3%`; and a share is never
            # negative: `亳州(-69.1%)、马鞍山(-47.2%)…为负增长` are growth rates; so is where a growth rate's
            # change ended (`增速从2021年的40.1%下降至2022年的16.4%`), and one listed right after a growth rate
            # (`同比增长62.2%和35.3%`)
            site.kind = "growth_rate"
    ranked = site.kind in ("rank", "rank_change")
    estimated, target_at = False, ctx.target_at
    if ctx.estimates:
        estimate_at = max((pos for pos in ctx.estimates if pos < cand.start), default=None)
        if estimate_at is not None and estimate_at - scope.start > ESTIMATE_OPENS_WITHIN and any(
                estimate_at < pos < cand.start for pos in ctx.semicolons):
            # `…总数预计突破2万家；…增长达70%`: an estimate inside a clause does not reach past a semicolon;
            # one that opens the sentence (`预计，…；…`, `今年，株洲预计…；…`) covers all of it
            estimate_at = None
        # `预计今年将突破1.7万亿元`: a 将 right after 预计 belongs to the estimate
        # (counted past a reprint's blanked pinyin: `預(yù)計(jì)將達(dá)到` reads `预    计    将    达到`)
        estimated = estimate_at is not None and all(
            0 < pos - estimate_at - scope.text.count(" ", estimate_at, pos) <= 8
            for pos, _ in ctx.targets if pos < cand.start)
        target_at = None if estimated else ctx.target_at
    year = int(period[:4]) if period and period[:4].isdigit() else None
    published = art.published
    future = bool(published and year and year > published.year)
    forecast = estimated and bool(published and year == published.year and (
        published.month <= FORECAST_UNTIL_MONTH))  # `今年预计…` in January: the year ahead
    aimed = site.kind in ("level", "change") and _AIM_AFTER_RE.match(scope.text, cand.end) is not None
    if (target_at is not None and target_at < cand.start and site.kind != "rank") or (
            _among_aims(ctx, art) and not ranked) or ((future or forecast) and not ranked) or aimed:
        site.kind = "target"
    elif (estimated or _ESTIMATE_NOTE_RE.match(scope.text, cand.end)) and site.qualifier == "exact" and not ranked:
        site.qualifier = "approx"  # (a rank is a place in an order: `预计…连续8年全国第一` is exactly first)


def _growth_noun_governs(text: str, lo: int, pos: int, counts: bool = False) -> bool:
    """Whether a growth noun is the last measure word before `pos` in its clause: not `增幅分别为9.0%、12.3%，
    占规上工业的比重分别为52.3%、49.8%`, where a share's noun comes after it; for `counts`, not where a
    change starts after it either."""
    growth = [m.end() for m in _GROWTH_OVER_LIST_RE.finditer(text, lo, pos)]
    if counts and growth and any(text.find(word, growth[-1], pos) != -1 for word in FROM_WORDS):
        return False  # `保持着40%以上的增速，…数量已分别从838家、56家增加到…`: levels, the change's ends
    return bool(growth) and _SHARE_NOUN_RE.search(text, growth[-1], pos) is None


def _growth_word_governs(scope: SentenceScope, site: Site) -> bool:
    """Whether a growth word in the figure's segment or the one before it (its clause's) is the last thing
    measured before a bare percentage (`航空航天领域增长最快，达61.1%`): only a comparative and a verb between
    (not `研发经费增长较快，投入强度达2.5%`)."""
    text, pos = scope.text, site.cand.start
    lo = _last_before(scope.seg_delims, site.seg_start - 1, site.clause_start)
    ends = [m.end() for m in _GROWTH_WORD_BEFORE_RE.finditer(text, lo, pos)]
    return bool(ends) and _GROWTH_TO_FIGURE_RE.fullmatch(text, ends[-1], pos) is not None


def _compared_growth_in_brackets(scope: SentenceScope, site: Site, prev: Found | None) -> bool:
    """Whether a percentage in brackets after a comparison (`增长8.9%，高于全国(8.4%)0.5个百分点`,
    `增速低于第一位的郴州(25.1%)`) is the growth rate the figure before it is compared with."""
    text, cand = scope.text, site.cand
    opening = text[_before_blanks(text, cand.start) - 1:cand.start][:1]
    if prev is None or prev.kind != "growth_rate" or opening not in ("(", "（"):
        return False
    return _COMPARISON_VERB_RE.search(text, site.seg_start, cand.start) is not None


def _list_ends_in_growth(scope: SentenceScope, site: Site) -> bool:
    """Whether a `分别` list holding the figure ends in a growth noun (`分别实现了38.7%、22.2%和14.2%的增长`):
    the list's last number up to the clause's next comma or semicolon (a list's 、 does not end it)."""
    text, cand = scope.text, site.cand
    if text.find("分别", site.clause_start, cand.start) == -1:
        return False
    m = _COMMA_OR_STOP_RE.search(text, cand.end, scope.end)
    return _LIST_ENDS_IN_GROWTH_RE.search(text, cand.start, m.start() if m else scope.end) is not None


def _region_stage(scope: SentenceScope, site: Site, prev: Found | None) -> str | None:
    """The nation if the figure's phrase is national, the sentence is about the nation since its last
    place, or the figure is the nation's named in passing (a comparison's base, a count of provinces);
    else the last place named before the figure in its sentence; else the nation if it follows a
    national figure of its sentence; else the article's region."""
    if site.item_region is not None:
        return site.item_region
    if site.group is not None and site.group[2]:
        return scope.art.region_code  # an item of a list of places the gazetteer lacks: a part of the region
    text, cand = scope.text, site.cand
    national = regions.national_code()
    if site.kind == "rank" and text.startswith(RANK_NAMES_AFTER, cand.end):
        # `排在首位的是广东省`, `排在第二位的是R&D经费达3835.4亿元的江苏省`: the place named after it
        reach = site.clause_end if cand.range_part != "rank" else scope.end  # (a range's places run on)
        named = [code for _, code in between(scope.doc.places, scope.doc.place_pos, cand.end, reach)
                 if not code.startswith("\x01")]
        if len(named) > cand.range_index:  # `排在第4~6位的是广东、江苏和浙江`: each its own
            return named[cand.range_index]
    if site.unit_is_count and cand.counter == "个":
        if text.startswith(PROVINCE_COUNT_NOUNS, cand.end):
            return national  # `有12个省份…超过1000亿元`
        if text.startswith(PLACE_COUNT_NOUNS, cand.end):
            return scope.art.region_code  # `全省14个地区中，…等9个地区R&D经费投入强度实现增长`
    place_at, place = _place_before(scope, site, prev)
    count = _counted_places(scope, place_at, place) if place is not None else None
    if count is not None and (cand.start < count.end() or not _each_of_the_counted(text, count, cand.start)):
        # `共有南宁、桂林、柳州、北海4个国家高新区`: the region's count, not the last place's; the places a
        # count counts own no later figure (`北京、上海等4个直辖市纳入评比，城市总数由97个…`, `武汉、鄂州等5地…
        # 合计1800.01亿元`) but one said of each of them (`北京、上海、深圳这3个城市达到4%以上`)
        home = regions.region(place)
        if home is not None and home.level == "province" and text.startswith(PROVINCE_GROUP_NOUNS, count.end()):
            # `湖北、湖南、江西、安徽、河南、山西六省技术合同成交额…`: the provinces' group, a part of the nation
            listed = _listed_up_to(scope, place_at, place)
            site.subject = text[listed[0]:count.end() + 1]  # (with its noun)
            part = scope.art.part
            if part is not None and part.name in MULTI_PROVINCE_AREAS and _all_of_area(
                    scope, listed, MULTI_PROVINCE_AREAS[part.name]):
                site.subject = part.name  # in a story about 中部地区, its six provinces are that area
            return national
        return (home.parent_code if home is not None and home.parent_code else None) or scope.art.region_code
    if site.kind not in ("rank", "rank_change"):
        # every national word holds 国: most figures skip the checks that read them
        nation_named = text.find("国", min(site.seg_start, site.clause_start), cand.start) != -1
        named_after = place is not None and place_at > min(site.seg_start, site.clause_start) + 1 and not (
            text.startswith(("全", "我", "本"), place_at))  # `全国40大城市高新企业排行:沈阳2560家`: 沈阳's
        if (nation_named and not named_after and _is_national(text, site.seg_start, site.clause_start, cand.start)) or (
                scope.national_clauses and _last_national_clause(scope, cand.start) > place_at) or (
                site.unit_is_count and _PROVINCE_COUNT_END.search(text, site.seg_start, cand.start)):
            return national  # `2022年，我国…，预计全年…增长3.6%`, `超过千亿元的省(市)有6个`
        whole = _WHOLE_IN_BRACKETS_END.search(text, site.seg_start, cand.start) if text[cand.start - 1:cand.start] in (
            "(", "（") else None
        if whole is not None:  # `占全区研发费用总额(101.4亿元)的三分之一`: the whole's own value
            if whole.group(1) in NATIONAL_WORDS:
                return national
            named = regions.find_places(whole.group(1))
            return regions.resolve(named[0][1] if named else regions.AUTONOMOUS, scope.art.region_code)
        if site.kind != "change" and (wide := _WIDE_AVERAGE_END.search(text, site.seg_start, cand.start)):
            # `高于全区平均水平(0.83%)` in a city's story: the province's (or region's) average
            named = regions.find_places(wide.group(1))
            whole = regions.PROVINCE if wide.group(1) == "省" else regions.AUTONOMOUS
            return regions.resolve(named[0][1] if named else whole, scope.art.region_code)
        if nation_named and site.kind != "change" and (
                _NATIONAL_AVERAGE_END.search(text, site.seg_start, cand.start)
                or _NATIONAL_BASE_RE.match(text, site.seg_start, cand.start)):
            site.compared = True  # `首次超过全国的平均水平6.77%`: the nation's figure, named in passing
            return national
        if nation_named and text.startswith("的", cand.end) and _NATIONAL_YARDSTICK_END.search(
                text, site.seg_start, cand.start):
            site.compared = True  # `高于全国11.5%的增速` (not `高于全国0.5个百分点`: by how much)
            return national
    elif scope.national_clauses and (at := _last_national_clause(scope, cand.start)) > place_at and not (
            text.startswith(NATION_WIDE, at)):
        return national  # `其中，中国排名第14位`: the nation ranked (but `；长春…，全国33名`: 全国 is the field)
    if place is not None:
        site.place_at = place_at
        return place
    carried = prev is not None and prev.region_code == national and not prev.compared
    if carried:
        return national
    return _paragraph_topic(scope) or scope.art.region_code


def _paragraph_topic(scope: SentenceScope) -> str | None:
    """The place a paragraph opens with, after a time at most (`2022年，包头市加快…`, `包头(资料图)
    包头市…`): its topic, whose figures its sentences that name no place go on giving."""
    if scope.start == scope.paragraph_from:
        return None  # its opening sentence: the place, if any, was read there
    topics = scope.doc.topics
    if scope.paragraph_from not in topics:
        topics[scope.paragraph_from] = _opening_place(scope)
    return topics[scope.paragraph_from]


def _opening_place(scope: SentenceScope) -> str | None:
    start = _after_attribution(scope.text, scope.paragraph_from, scope.end)
    opening = between(scope.doc.places, scope.doc.place_pos, start, start + 16)
    if not opening:
        return None
    at, code = opening[0]
    if code.startswith("\x01") or code == regions.national_code():
        return None  # 全省, 我市: the article's own
    head = scope.text[start:at].strip()
    m = _LEADING_PERIOD_RE.match(head)
    return code if not (head[m.end():] if m else head).strip("，, ") else None


def _after_attribution(text: str, start: int, end: int) -> int:
    """Where a paragraph's first clause after an attribution (`记者从…获悉，`) starts, else `start`."""
    heard = _ATTRIBUTION_RE.search(text, start, min(end, start + ATTRIBUTION_REACH))
    return heard.end() if heard is not None else start


_ATTRIBUTION_RE = re.compile(rf"^[^。；;]*?(?:{_alternation(ATTRIBUTION_ENDS)})[，,]", re.M)


def _before_blanks(text: str, pos: int) -> int:
    """`pos` moved back past the blanks before it, where normalize() removed a Traditional reprint's
    pinyin (`對(duì)全區(qū)` reads `对     全区`, `達(dá)6.9萬家` reads `达    6.9万家`)."""
    while pos > 0 and text[pos - 1] == " ":
        pos -= 1
    return pos


def _written_before(text: str, pos: int, count: int) -> str:
    """The `count` characters written before `pos`, past blanked pinyin."""
    end = _before_blanks(text, pos)
    return text[max(0, end - count):end]


def _in_named_cluster(text: str, pos: int, lead: str) -> bool:
    """Whether the place at `pos` is joined by a hyphen to another name (`深圳-香港-广州`, `上海—苏州`): a
    cluster's name, which no one region owns."""
    if lead[-1:] in CLUSTER_JOINERS and _is_cjk(lead[:1]):
        return True
    end = regions.name_end(text, pos)
    return end is not None and text[end:end + 1] in CLUSTER_JOINERS and _is_cjk(text[end + 1:end + 2])


def _place_before(scope: SentenceScope, site: Site, prev: Found | None) -> tuple[int, str | None]:
    """(position, code) of the last place named before the figure in its sentence that is whose
    figure it is: not a ranking's field, the whole of a share, or a comparison's base; (-1, None).
    `prev`: the figure before it in the sentence."""
    text, cand, art = scope.text, site.cand, scope.art
    # a rank's own segment names what it is ranked among (`位居全省第一`), not whose rank it is; a
    # place named there before the ranking verb is (`绵阳市研发投入强度居全省第1位`)
    ranked = site.kind in ("rank", "rank_change")
    whole_at = text.rfind("占", site.seg_start, cand.start)  # `占陕西全省的八成`: places after 占 are the whole
    if whole_at != -1 and text.startswith(SHARE_NOUN_AFTER_ZHAN, whole_at + 1):
        whole_at = -1  # `占比较高的依次为晋城(34.8%)`: the noun 占比, no whole named
    # `按地区分，贵阳市…；按行业分，2018年企业R&D经费…`: a new breakdown after a semicolon leaves the
    # places named before it
    new_breakdowns = scope.ctx.new_breakdowns  # most sentences have none: no generator per figure
    floor = max((at for at in new_breakdowns if at < cand.start), default=-1) if new_breakdowns else -1
    places = [(pos, marker) for pos, marker in scope.ctx.places if pos > floor] if floor >= 0 else scope.ctx.places
    for n in range(len(places) - 1, -1, -1):
        pos, marker = places[n]
        if pos >= cand.start:
            continue
        wide = marker.startswith("\x01")
        if wide and text[pos + 2:cand.start].strip() in ("(", "（"):
            return pos, regions.resolve(marker, art.region_code)  # `超过全省(3.54%)`: the province's own value
        # `对     全区`: through a reprint's blanked pinyin (sliced in place when no blank precedes it)
        lead = text[max(0, pos - 2):pos] if pos and text[pos - 1] != " " else _written_before(text, pos, 2)
        if ranked and pos >= site.seg_start and (
                (wide and text[pos] not in OWNER_WIDE_FIRST_CHARS) or lead[-1:] in _RANK_VERB_CHARS):
            continue
        if lead[-1:] in ("居", "列"):
            continue  # `居广西第一，占全区总额的29.9%`: a ranking's field is nobody's figure
        if not wide and _in_named_cluster(text, pos, lead):
            continue  # `「深圳-香港-广州」科技集群…全球创新指数第二名`: the cluster's, not one of its places'
        if ranked and not wide and pos >= site.seg_start and (home := regions.region(art.region_code)) is not None and (
                home.parent_code == marker):
            continue  # `科技进步贡献率连续9年江苏第一` in a story about 无锡: the ranking's field
        if scope.ctx.part_clauses and _in_part_clause(scope.ctx, pos, cand.start):
            continue  # `其中…为2018年全省仅立项一个；科技型企业备案完成14家`: the part's place, not the next clause's
        if scope.bracketed and _inside_brackets(text, pos, cand.start):
            continue  # `（全省获批2家）第二批1500万元资金支持`: an aside's place owns only the aside's figures
        if wide and (regions.wide_names_a_field(text, pos) or lead[-1:] in WIDE_WHOLE_BEFORE
                     or text.startswith(WIDE_WHOLE_AFTER, pos + 2) or _WIDE_FIRST_RE.match(text, pos + 2)):
            # `排名全省第9位`, `占全省比重`, `全省占比49.3%`, `在全省率先`, `全省市州排名`: the field or the whole
            continue
        if -1 < whole_at < pos:
            continue
        if not wide and lead[-1:] in WHOLE_BEFORE_PLACE and not _own_value_in_brackets(text, pos, cand.start):
            continue  # `占潍坊2/5；1人入选…`: the whole of a share, in its segment and after it
        if not wide and text.find("等", pos, cand.start) != -1 and _EXAMPLES_BEFORE_RE.match(text, pos, cand.start):
            continue  # `襄阳、宜昌等12个国家级高新区`: examples of the places counted, not whose count it is
        if wide and pos < site.seg_start and (lead[-1:] in _WIDE_YARDSTICK_BEFORE or text.startswith(
                WIDE_YARDSTICK_AFTER, pos + 2)):
            continue  # `超全省四分之一；801家企业获评…`: an earlier figure's yardstick is not this one's owner
        if wide and site.kind == "share" and (cand.start - pos <= 3 or _SHARE_LIST_RE.fullmatch(
                text, pos + 2, cand.start)):
            continue  # `集聚全省86.79%的重点实验室、82.52%的工程技术研究中心`: the whole of the shares
        titled = next((len(title) for title in PLACE_TITLES if text.endswith(title, 0, pos)), 0)
        compared_lead = text[max(0, pos - titled - 2):pos - titled] if titled else lead  # `仅次于省会合肥`
        if (compared_lead[-1:] in _COMPARED_BEFORE or compared_lead in _COMPARED_WORDS_BEFORE) and not (
                _own_value_in_brackets(text, pos, cand.start)):
            continue  # `合肥市比全省高1.2个百分点`: the base of a comparison (but `低于河南(88个)` is 河南's)
        if not wide and regions.names_a_venue(text, pos, lead):
            continue  # `在北京发布的《国家创新指数报告2022-2023》显示`: where it was released
        if not wide and pos < site.seg_start and regions.followed_by(text, pos, PARK_AFTER_PLACE):
            continue  # `推进遵义高新区升格…；新增3个省级高新区`: a park's name owns only its own segment
        if not wide and _yardstick_after(text, pos) and not _own_value_in_brackets(text, pos, cand.start):
            continue  # `排名深圳市之后，位居计划单列市第二` (but `北京(84.83%)之后`: 84.83% is 北京's)
        if not wide and lead[-1:] in TIED_WITH_BEFORE and regions.followed_by(text, pos, TIED_AFTER):
            continue  # `我市20个项目获批…，与苏州并列第二`: the place it ties with
        if wide and marker == regions.PROVINCE and (home := regions.region(art.region_code)) is not None and (
                home.level == "prefecture" and regions.grades_platform(text, pos)):
            continue  # `新增全省重点实验室8家` in a story about 宁波: the city's labs of provincial rank
        if not wide and art.part is not None and art.part.is_county and regions.grades_platform(text, pos):
            continue  # `全市荣获…江苏省科学技术奖4项` in a story about 江阴: the county's awards of provincial rank
        resolved = (wide and _whole_named(text, places, n)) or regions.resolve(marker, art.region_code)
        if resolved is None and marker == regions.AUTONOMOUS:
            continue  # 全区 of a district
        if not wide and (home := regions.region(art.region_code)) is not None and home.parent_code == resolved and (
                pos < site.seg_start or regions.grades_platform(text, pos)) and not (
                prev is not None and prev.start > pos and prev.region_code == resolved):
            # `云南省重点实验室24家` in a story about 昆明: the city's labs of provincial rank; `建成四川省动力电池
            # 创新联合体等平台，3家单位获批…` in one about 宜宾: the province named in passing, in another clause
            # (but not one whose own figure came first: `四川省…指数达到63.7%，比上年提升4个百分点`)
            continue
        if marker == regions.CITY and (home := regions.region(resolved)) and home.level != "prefecture":
            # `恩施州：全州...` in a province's article: the city named before it in the paragraph
            earlier = between(scope.doc.places, scope.doc.place_pos, scope.paragraph_from, pos)
            resolved = next((code for _, code in reversed(earlier)
                             if (r := regions.region(code)) is not None and r.level == "prefecture"), resolved)
        return pos, resolved
    return -1, None


def _whole_named(text: str, places: list[tuple[int, str]], n: int) -> str | None:
    """The place whose whole the wide word `places[n]` is: one named right before it (`株洲全市万人…`),
    and for 全市 also the one named right before the nearest earlier 全市 of the sentence (`株洲全市万人…
    达21.89件，全市高新技术企业…`)."""
    marker = places[n][1]
    for k in range(n, 0, -1):
        if places[k][1] == marker and regions.name_end(text, places[k - 1][0]) == places[k][0]:
            return places[k - 1][1]
        if marker != regions.CITY:
            break
    return None


def _yardstick_after(text: str, pos: int) -> bool:
    """Whether the place named at `pos` is followed by a word that makes it a yardstick (`深圳市之后`),
    or by a quoted name it gives a programme or a grade (`湖南省“4+4”科创工程`, `广西“瞪羚企业”`; but
    not a plan's years: `湖南“十四五”期间`)."""
    near = text[pos + 2:pos + 16]
    if _YARDSTICK_AFTER_FIRST_CHARS.isdisjoint(near) and (
            _LIST_OR_BRACKET.isdisjoint(near) or _YARDSTICK_AFTER_FIRST_CHARS.isdisjoint(text[pos + 16:pos + 40])):
        return False  # (nearly always: no name ends in a word that could make it one)
    end = regions.name_end(text, pos)
    if end is None:
        return False
    if text[end:end + 1] in ("“", '"'):
        return not text.startswith(tuple(FIVE_YEAR_PLANS), end + 1)
    while True:
        own = _OWN_VALUE_AFTER_RE.match(text, end)  # `继上海(85.63%)、北京(84.83%)之后`: each with its own value
        end = own.end() if own else end
        later = regions.name_end(text, end + 1) if text[end:end + 1] in LIST_JOINERS else None
        if later is None:
            break
        end = later  # `继上海、北京、广东之后`: every place of the list is a yardstick
    return text.startswith(COMPARED_WORDS_AFTER, end)


def _own_value_in_brackets(text: str, pos: int, value_at: int) -> bool:
    """Whether the figure at `value_at` stands in brackets right after the place named at `pos`
    (`低于河南(88个)、安徽(76个)`): that place's own value, even where it is a comparison's base."""
    end = regions.name_end(text, pos)
    return end is not None and text[end:value_at].strip() in ("(", "（")


def _national_clauses(text: str, start: int, end: int, doc: DocumentIndex) -> list[int]:
    """Where the clauses of the sentence that open with the nation (`，我国…`) have their national word."""
    clauses = []
    if not between(doc.national_pos, doc.national_pos, start, end):
        return clauses  # no national word in the sentence (most): no filing line to read either
    filed = _FILING_LINE_RE.match(text, start, end)  # `中国甘肃网12月13日讯`: the outlet's name, not the nation
    for word_at in between(doc.national_pos, doc.national_pos, filed.end() if filed else start, end):
        at = word_at - 1 if text[word_at - 1:word_at] == " " else word_at
        # (also after the time of writing: `目前我国已经有178家国家高新区`)
        opens = at == start or text[at - 1] in _CLAUSE_OPENERS or text.endswith(_NOW_OPENERS, start, at)
        if opens and not text.startswith(NATIONAL_NOT_NATION, word_at) and not (
                text.startswith(NATION_WIDE, word_at) and regions.wide_names_a_field(text, word_at)) and not (
                indicators.starts_with_alias(text[word_at:word_at + 24].replace(" ", ""))):
            # (not `，全国高新技术企业认定管理工作领导小组办公室复函…`, an office, nor `，全国重点实验室达22家`, nor
            # `，全国排名第八`, the field of the figure before it; but `，中国排名第14位` is the nation ranked)
            clauses.append(word_at)
    return clauses


def _last_national_clause(scope: SentenceScope, pos: int) -> int:
    """Where the last clause of the sentence before `pos` opens with the nation (`，我国…`), or -1."""
    clauses = scope.national_clauses
    i = bisect.bisect_left(clauses, pos) if clauses else 0
    return clauses[i - 1] if i else -1


def _indicator(scope: SentenceScope, site: Site, prev: Found | None, phrase: str) -> tuple[str | None, str]:
    """(indicator code or None, indicator name) of a figure from the noun phrase before it, or after
    it (`50家省级院士工作站`), or, for a bare rank, growth rate or `总数`, the figure before it.
    Where the figure is where a change started (`强度由2021年的2.16%提高到`), its noun is before the
    从/由 and none follows the figure; where it is where that change ended, it shares the starting
    value's indicator. `phrase`: `_strip_phrase(site.unquoted, site.subject)`, already read."""
    text, start, end, cand, subject = scope.text, scope.start, scope.end, site.cand, site.subject
    seg_start, base, table_header = site.seg_start, site.base_at, scope.art.table_header
    seg_delims, after_base = scope.seg_delims, site.after_base
    pre_raw = site.unquoted if base is None else _unquoted(text, seg_start, max(seg_start, base))
    if base is not None and not pre_raw.strip("，, ") and (measured := _measure_said_before(scope, seg_start)):
        pre_raw = measured  # `高新技术企业数量迅猛增长，从2020年的6000多家增长到…`: the clause before names it
    if subject and subject in pre_raw:
        pre_raw = pre_raw.replace(subject, "", 1)
    if (pre_raw.startswith("占") or (pre_raw.startswith(RATIO_OPENER) and RATIO_CLOSER in pre_raw)) and (
            prev is not None and prev.indicator_name):
        pre_raw = prev.indicator_name + pre_raw  # `高技术制造业增加值...，占规模以上工业增加值比重达31.2%`
    raw = pre_raw
    name = phrase if raw == site.unquoted else _strip_phrase(raw, subject)
    indicator = indicators.lookup(raw)
    event = False
    nxt = text[cand.end] if cand.end < end else ""
    if (_is_cjk(nxt) or nxt in "“\"") and nxt not in _CONJUNCTIONS and cand.kind not in ("rank", "rank_change") and (
            base is None):
        cut, segment, event = _following_phrase(text, cand.end, end)
        if segment.startswith(NOT_NOUNS_AFTER) or cut in GROWTH_NOUNS_AFTER:
            cut = segment = ""  # (`以年均11.89%的速度增长`: the growth noun says the kind, the measure is before it)
        post_indicator = indicators.lookup(cut) or (indicators.lookup(segment) if len(cut) < 2 else None)
        if post_indicator is not None and _CANDIDATE_POOL_RE.search(cut or segment):
            post_indicator = None  # `梳理1118家高新技术企业培育指导性企业`: candidates, not the stock
        if cut or post_indicator:
            raw = cut or segment
            indicator = post_indicator
            name = post_indicator.name if post_indicator and not cut else (cut or name)
        elif segment:
            name = segment[:12]  # `产出19项领跑全球...`: what follows is all we have
    flow = None
    if _FLOW_RE.search(pre_raw) or (raw is not pre_raw and _FLOW_RE.search(raw)):  # rare: the first in order
        flow = next((word for word in FLOW_PREFIXES if word in pre_raw or word in raw), None)
    if event and flow is None and not cand.kind.startswith("rank"):
        return None, name  # `19家中试基地相继落成`: this year's event, not the stock
    if flow and flow not in name:
        name = flow + name if name else name
    prev_name = prev.indicator_name if prev else None
    before_at = _last_before(seg_delims, seg_start - 1, start)  # the segment before the figure's: searched in place
    # `新增...320家，累计达到1500家`: the stock right after the flow is the flow's indicator; not when a
    # clause of its own comes between (`新建35家全国重点实验室，……全市国家级创新平台实现增长，达到152家`)
    stock_after_flow = bool(prev_name and prev_name.startswith(FLOW_PREFIXES) and _HAS_DIGIT_RE.search(
        text, before_at, seg_start))
    component = pre_raw.lstrip("，, ").startswith("其中") and bool(name)  # `其中企业创新能力指标前移5位`
    if cand.kind in ("rank", "rank_change") and indicator is None and not component and prev is not None and (
            named := indicators.last_alias(_unquoted(text, prev.end, seg_start))):
        # `居全国第9位，较上年提升1个位次；投入强度稳步提升，居全国第12位`: the measure named since the
        # figure before, not that figure's
        found = indicators.lookup(named)
        if found is not None:
            return found.code, found.name
    inherit = prev_name is not None and prev is not None and (
        (cand.kind in ("rank", "rank_change") and indicator is None and not component)
        or (after_base and not name and indicator is None)
        or name in GENERIC_PHRASES
        or (not name and indicator is None and (cand.kind != prev.base_kind or (
            # `突破500亿元，达512.3亿元`; the stock after the flow
            cand.unit == prev.unit and (prev.qualifier != "exact" or stock_after_flow)))))
    if inherit:
        name = prev_name or ""
        flow_word = next((word for word in FLOW_PREFIXES if name.startswith(word)), None) if name.startswith(
            FLOW_PREFIXES) else None  # one C call first: most names are no flow
        name = name.removeprefix(flow_word) if flow_word else name  # `新增...，总数达`: the stock
        indicator = indicators.lookup(name)
        if indicator is None:
            flow_before = (prev_name or "").startswith(FLOW_PREFIXES)
            return (None if flow_before else prev.indicator_code), name  # type: ignore[union-attr]
    elif not name and indicator is None and not _HAS_DIGIT_RE.search(text, before_at, seg_start):
        # the clause before, unless it is another figure
        name = _strip_phrase(_unquoted(text, before_at, seg_start), subject)
        indicator = indicators.lookup(name)
    if indicator is not None:
        # one regex search first: most names hold no flow word, and the first in the list's order wins
        flow_word = next((word for word in FLOW_PREFIXES if word in name), None) if _FLOW_RE.search(name) else None
        if flow_word and not indicator.name.startswith(FLOW_PREFIXES):
            # new items, not the stock: one name however it is written (`新认定高新技术企业超万家`,
            # `高企队伍扩容 新认定超万家`)
            return None, flow_word + indicator.name
        if _is_part_of_total(name):
            return None, name
        return indicator.code, indicator.name
    if table_header and (found := _table_row(name, table_header)) is not None:
        return found
    if 0 < len(name) <= 6:
        # `登记技术合同4.2万项，成交额1860亿元`: the short noun completes the one before it, or the
        # indicator named last before it (`R&D经费投入保持增长，投入强度为2.36%`)
        for n in range(2):
            # the sentence's last alias is read only if the phrase before does not complete the name
            head = (prev.phrase if prev is not None else "") if n == 0 else (
                indicators.last_alias(_unquoted(text, start, seg_start)) or "")
            joined = _joined(head, name)
            if joined and (found := indicators.lookup(joined)) is not None:
                return (None, joined) if _is_part_of_total(joined) else (found.code, found.name)
    if not name and scope.art.measure_heading:  # `科技创新环境指数` over `●68.16% 比上年提高5.51个百分点`
        found = indicators.lookup(scope.art.measure_heading)
        return (found.code, found.name) if found is not None else (None, scope.art.measure_heading)
    if not name and (last := indicators.last_alias(_unquoted(text, scope.paragraph_from, seg_start))):
        found = indicators.lookup(last)  # `河北(512.3亿元)、山西(233.1亿元)`: the measure named before the list
        if found is not None:
            return found.code, found.name
    return None, name


def _table_row(name: str, header: str) -> tuple[str | None, str] | None:
    """An indented row of a table pasted as text (`　其中：高技术制造业\t增长19.5%` under
    `全省规模以上工业增加值\t同比增长8.6%`) measures what the row above it does: the header's own
    figure for `同比`, else the row's label with the header's measure (高技术制造业 + 增加值)."""
    label = name.removeprefix("其中").lstrip("：: ")
    total = indicators.lookup(header)
    if label in TABLE_SAME_MEASURE:
        return (total.code, total.name) if total is not None else (None, header)
    measure = indicators.last_alias(header) or header
    for size in range(2, min(6, len(measure)) + 1):  # the shortest tail of the header that completes it
        joined = label + measure[-size:]
        if _alias_spans_junction(joined, len(label)):
            found = indicators.lookup(joined)
            return (found.code, found.name) if found is not None else None
    return (None, label + measure[-3:]) if total is not None else None


def _joined(head: str, name: str) -> str | None:
    """`head` and `name` as one noun phrase (overlapping words once: `R&D经费投入` + `投入强度`) when an
    indicator alias runs across the junction and ends the phrase."""
    if not head:
        return None
    for overlap in (2, 1, 0):
        if overlap and not head.endswith(name[:overlap]):
            continue
        joined = head + name[overlap:]
        if _alias_spans_junction(joined, len(head)):
            return joined
    return None


def _alias_spans_junction(joined: str, junction: int) -> bool:
    """Whether the alias `lookup` reads in `joined` ends it and starts before `junction`, so that
    both parts are needed to name the indicator."""
    at = indicators.alias_start(joined)
    return at is not None and at < junction and indicators.names_indicator(joined)


def _is_part_of_total(name: str) -> bool:
    """`各类企业R&D经费`, `高技术制造业R&D经费`, `吸纳技术合同成交额`: the alias is qualified by what
    is written before it, a sector or a direction, so the figure is a part of the indicator's total."""
    at = indicators.alias_start(name)
    return bool(at) and name[:at].endswith(PART_OF_TOTAL_ENDINGS)


def _among_aims(ctx: Context, art: ArticleContext) -> bool:
    """Whether the sentence stands among aims: under a heading that sets them, or after a paragraph's
    announced list of them (`主要目标是：`)."""
    return art.target_year is not None or ctx.goal_list


def _period(ctx: Context, cand: Candidate, art: ArticleContext, clause_end: int | None = None
            ) -> tuple[str | None, str]:
    """The figure's period: a target's year; else the last period written before it in its sentence;
    else one written after it in its own segment (`...达500亿元（2024年）`); else the paragraph's;
    else one written later in the sentence; else the article's (or its section's)."""
    if not ctx.periods and ctx.target_at is None and not _among_aims(ctx, art):
        # no period in the sentence and no target: the paragraph's or the article's (most figures)
        return (ctx.carried, "paragraph") if ctx.carried else (art.default_period, "article")
    if (ctx.target_at is not None and ctx.target_at < cand.start) or (
            _among_aims(ctx, art) and cand.kind not in ("rank", "rank_change")):
        # the year of the nearest target word before the figure (`力争到2030年`), else the last year
        # or span named before it (`“十四五”期间，我省将新建...`), else this year; never a part of one
        # (`未来5年，太原将新建5个…`: a target word with no year of its own, 将, keeps the year of the one
        # before it in the sentence, unless a period is written between them)
        aimed = next(((pos, y) for pos, y in reversed(ctx.targets) if pos < cand.start and y), None)
        if aimed and not any(aimed[0] < pos < cand.start and p for pos, p in ctx.periods):
            return aimed[1], "target"
        resolved = [p for pos, p in ctx.periods if pos < cand.start and p and (p.isdigit() or _SPAN_RE.fullmatch(p))]
        if resolved:
            return resolved[-1], "target"
        if ctx.target_year:
            return ctx.target_year, "target"
        if art.target_year:
            return art.target_year, "target"
        if art.published:
            return str(art.published.year), "target"
    before = [(pos, p) for pos, p in ctx.periods if pos < cand.start and p]
    if ctx.agos:  # `由十年前的第15位上升至第8位`: 十年前 is the first rank's time, not the second's
        before = [(pos, p) for pos, p in before if pos not in ctx.agos or cand.num_start <= ctx.agos[pos]]
    if ctx.bases and cand.kind in ("growth_rate", "change"):
        before = [(pos, p) for pos, p in before if pos not in ctx.bases] or before
    if len(before) > 1 and _SPAN_RE.fullmatch(before[-1][1]) and any(
            before[-1][0] < at < cand.start for at in ctx.semicolons):
        # `2023年，…5年来年均增长11.82%；全市技术合同登记11766项`: the span was that clause's
        before = [(pos, p) for pos, p in before if not _SPAN_RE.fullmatch(p)] or before
    if before and before[-1][0] in ctx.listed_years and any(before[-1][0] < at < cand.start for at in ctx.semicolons):
        # `其中2018年、2019年连续两年获得一等奖；全省技术合同成交总额…`: years listed for the events of that
        # clause frame no other
        before = [(pos, p) for pos, p in before if not any(pos < at < cand.start for at in ctx.semicolons)]
    if ctx.part_clauses:
        before = [(pos, p) for pos, p in before if not _in_part_clause(ctx, pos, cand.start)]
    if before:
        return before[-1][1], "explicit"
    after = [(pos, p) for pos, p in ctx.periods if pos >= cand.start and p and pos not in ctx.no_later]
    if after and (clause_end is None or after[0][0] < clause_end):
        return after[0][1], "explicit"  # not `增长6.5%，其中一季度增长4.9%`: that 一季度 is the next figure's
    if ctx.carried:
        return ctx.carried, "paragraph"
    return art.default_period, "article"


def _place_list(text: str, start: int, pos: int, size: int = 0) -> list[str]:
    """The last list of places joined by 、/和 before `pos` in the sentence (`沈阳、大连两市`), as written;
    of `size` places if given, else of two or more."""
    pattern = regions.gazetteer().names
    if pattern is None:
        return []
    runs = _joined_runs(text, pattern.finditer(text, start, pos))
    run = next((r for r in reversed(runs) if (len(r) == size if size else len(r) > 1)), [])
    if not run and size:
        return _named_place_list(text, start, pos, size)
    return [m.group() for m in run]


_REMAINING_RE = re.compile(
    rf"(?:{_alternation(REMAINING_WORDS)})([0-9一二两三四五六七八九十]{{1,2}})个?(?:城市|市州|地市|市|省)")


def _remaining_places(text: str, paragraph_from: int, start: int, pos: int, size: int) -> list[str]:
    """`其余四市` before `pos`: the places of the paragraph's last longer list not named since, if `size`."""
    pattern = regions.gazetteer().names
    remaining = _REMAINING_RE.search(text, start, pos)
    if pattern is None or remaining is None or periods.count_of(remaining.group(1)) != size:
        return []
    runs = _joined_runs(text, pattern.finditer(text, paragraph_from, remaining.start()))
    listed = next((run for run in reversed(runs) if len(run) > size), None)
    if listed is None:
        return []
    by_name = regions.gazetteer().by_name
    named_since = {by_name[m.group()] for m in pattern.finditer(text, listed[-1].end(), remaining.start())}
    left = [m.group() for m in listed if by_name[m.group()] not in named_since]
    return left if len(left) == size else []


def _joined_runs(text: str, matches: Iterable[re.Match[str]]) -> list[list[re.Match[str]]]:
    """`matches` grouped into runs joined by 、/和 and nothing else (`沈阳、大连`, `2020年、2021年`)."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and text[runs[-1][-1].end():m.start()] in _LIST_JOINERS:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _named_place_list(text: str, start: int, pos: int, size: int) -> list[str]:
    """`保定市、石家庄市、秦皇岛市、邯郸市、辛集市和邢台市`, `崂山区、五莲县、岱岳区、环翠区`: the last list of `size`
    names that end as places do, most of them places the gazetteer or the counties seed knows."""
    pattern = regions.gazetteer().names
    if pattern is None:
        return []
    for m in reversed(list(_NAMED_PLACE_LIST_RE.finditer(text, start, pos))):
        items = _LIST_SPLIT_RE.split(m.group())
        known = [item for item in items if pattern.search(item) or regions.county_ending(item)]
        if len(items) == size and 2 * len(known) > size:
            first = pattern.search(items[0])  # `分别为保定市`: from the place on
            lead = items[0][first.start():] if first else regions.county_ending(items[0]) or items[0]
            return [lead, *items[1:]]
    return []


def _year_list(text: str, start: int, pos: int, size: int) -> list[str]:
    """The last run of `size` years joined by 、/和 before `pos` in the sentence (`2020年、2021年、2022年`)."""
    runs = _joined_runs(text, _LISTED_YEAR_RE.finditer(text, start, pos))
    run = next((r for r in reversed(runs) if len(r) == size), [])
    return [m.group() for m in run]


def _span_years(text: str, start: int, pos: int, size: int) -> list[str]:
    """`2015-2018年，宝鸡R&D经费投入分别29.92、29.64、33.57、30.75亿元`: the years of the last span
    before `pos` in the sentence, when it holds as many years as values follow."""
    spans = list(_YEARS_SPAN_RE.finditer(text, start, pos))
    if not spans:
        return []
    first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
    return [f"{year}年" for year in range(first, last + 1)] if last - first + 1 == size else []


def _respectively_groups(text: str, start: int, end: int, cands: list[Candidate],
                         paragraph_from: int) -> dict[int, tuple[int, str | None, bool]]:
    """`A、B分别增长10%、22.9%`: candidate index -> (first index of its group, its item, whether all
    items are places: `深圳、广州技术合同成交额分别达...`)."""
    groups: dict[int, tuple[int, str | None, bool]] = {}
    pattern = regions.gazetteer().pattern
    last_items: list[str] = []
    found = _RESPECTIVELY_RE.search(text, start, end)
    while found is not None:
        pos = found.start()
        stop = min([i for i in (text.find(ch, pos, end) for ch in "，,；;。") if i != -1] or [end])
        members = [i for i, c in enumerate(cands) if pos < c.start < stop and c.range_part != "high"]
        # `湘潭、株洲、郴州分别以27.99亿元、15.91亿元、8.88亿元位居二至四位`: the range of ranks is a list of its own
        ranked = [i for i in members if cands[i].range_part == "rank"]
        if ranked and len(ranked) * 2 == len(members):
            members = [i for i in members if cands[i].range_part != "rank"]
        else:
            ranked = []
        if members:
            items = _list_items(text, start, pos, len(members))
            if len(items) != len(members) and len(last_items) == len(members):
                items = last_items  # `广州、深圳GDP分别达...，同比分别增长4.0%和5.5%`
            if len(items) != len(members):  # `沈阳、大连两市…占全省的56.3%，增速分别为19%、18.2%`
                items = _place_list(text, start, pos, len(members)) or items
            if len(items) != len(members):  # `集中在成都、绵阳、德阳、宜宾、达州。…；其余四市占比分别为…`
                items = _remaining_places(text, paragraph_from, start, pos, len(members)) or items
            if len(items) != len(members):  # `2020年、2021年、2022年，陕西技术合同成交额分别为…`
                items = _year_list(text, start, pos, len(members)) or _span_years(
                    text, start, pos, len(members)) or items
            last_items = items
            places_only = pattern is not None and bool(items) and all(
                pattern.match(item) or _NAMED_PLACE_RE.fullmatch(item) for item in items)
            for group in (members, ranked):
                for n, i in enumerate(group):
                    item = items[n] if len(items) == len(group) else None
                    groups[i] = (group[0], item, places_only)
        found = _RESPECTIVELY_RE.search(text, stop, end)
    return groups
