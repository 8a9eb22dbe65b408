"""Places: GB/T 2260 provinces and prefecture-level cities from the regions seed, found in text by
full name, short name (`长沙`) or abbreviation after a preposition (`在湘`), plus the words that
stand for the article's own region (`全省`, `全市`); and the counties of the counties seed, found by
their full names (and then their short ones) for the stories and figures that are a county's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .normalize import compact
from .rules import (
    ABBREVIATION_BLOCKERS,
    ABBREVIATION_PREPOSITIONS,
    ACROSS_WORDS_PLACE_PATTERN,
    AMBIGUOUS_ABBREVIATIONS,
    AMBIGUOUS_SHORT_NAMES,
    AUTONOMOUS_REGION_SUFFIX,
    AUTONOMOUS_REGION_WIDE,
    CITIES_OF_THE_FIELD,
    CITING_REACH,
    CITING_WORDS,
    CITY_WIDE,
    COMPARED_BEFORE,
    COMPARED_WORDS_BEFORE,
    COUNTY_NAME_MIN_CHARS,
    COUNTY_NO_SHORT_ENDINGS,
    COUNTY_SHORT_SUFFIXES,
    EVENT_AT_PLACE_VERBS,
    EXAMPLE_CLOSER,
    EXAMPLE_OPENER,
    EXAMPLE_REACH,
    GAMBLING_SPAM_REACH,
    GAMBLING_SPAM_WORDS,
    LIST_JOINERS,
    LISTED_PROVINCES_MIN,
    NAMED_PLATFORM_FIELD_MAX,
    NAMED_PLATFORM_GRADES,
    NATIONAL_BODIES,
    NATIONAL_BODY_AS_OBJECT_BEFORE,
    NATIONAL_OUTLETS,
    NEWSROOM_SUFFIXES,
    NOT_CITING_BEFORE_JU,
    ORG_AFTER_PLACE,
    ORG_NAME_SUFFIXES,
    ORG_NATIONAL_PARK_PATTERN,
    PARK_AFTER_PLACE,
    PLACE_ANAPHORS,
    PLATFORM_GRADE_KINDS,
    PLATFORM_GRADES,
    PROVINCE_WIDE,
    RANK_FIELD_AFTER,
    RANK_STANDING_AFTER_PATTERN,
    TIME_ZONE_AFTER_PLACE,
    VENUE_HALL_NAME_MAX,
    VENUE_HALLS,
    WIDE_YARDSTICK_AFTER,
    WIDE_YARDSTICK_BEFORE,
)
from .seeds import read_seed
from .trie import trie_pattern

_PROVINCE_CODE_END = "0000"  # a province's code (`430000`), as against a city's (`430100`)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short_name: str
    level: str  # 'province' or 'prefecture'
    parent_code: str | None


PROVINCE = "\x01province"  # markers returned for 全省 / 全市
CITY = "\x01city"
AUTONOMOUS = "\x01autonomous"  # 全区: the autonomous region, if the article is in one


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Region]
    by_name: dict[str, str]  # any written form -> code, or a PROVINCE/CITY marker
    pattern: re.Pattern[str] | None  # names or abbreviations, for `.match` at a phrase start
    names: re.Pattern[str] | None  # the two halves, for scanning: one alternation of both is
    abbreviations: re.Pattern[str] | None  # ten times slower in `re` (no first-character scan)
    ambiguous: dict[str, str] = field(default_factory=dict)  # 白山, 北海: short name -> code
    ambiguous_re: re.Pattern[str] | None = None
    first_chars: frozenset[str] = frozenset()  # first characters of `names`
    # `names` cut into a few patterns by first character (_NAME_PARTS): each finds exactly the matches
    # `names` finds starting with its characters, in a fraction of the time (see _find_places)
    name_parts: tuple[re.Pattern[str], ...] = ()
    name_part_of: dict[str, re.Pattern[str]] = field(default_factory=dict)  # first character -> its part


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_code: dict[str, Region] = {}
    by_name: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    for row in read_seed("regions"):
        level = row.get("level", "")
        if level == "country":  # `全国`, `我国` figures; never found by name (中国城市创新能力榜)
            by_code[row["region_code"]] = Region(row["region_code"], compact(row["region_name"]),
                                                 compact(row["short_name"]), level, None)
            continue
        if level not in ("province", "prefecture"):
            continue
        region = Region(row["region_code"], compact(row["region_name"]), compact(row["short_name"]),
                        level, row.get("parent_code") or None)
        by_code[region.code] = region
        by_name.setdefault(region.name, region.code)
        if region.short_name and region.short_name not in AMBIGUOUS_SHORT_NAMES:
            # provinces come first in the seed, so 吉林 / 海南 stay provinces
            by_name.setdefault(region.short_name, region.code)
        elif region.short_name and region.short_name not in by_name:
            ambiguous.setdefault(region.short_name, region.code)  # 海南: the province, not 海南藏族自治州
        if row.get("abbreviation") and row["abbreviation"] not in AMBIGUOUS_ABBREVIATIONS:
            abbreviations[compact(row["abbreviation"])] = region.code
    for word in PROVINCE_WIDE:
        by_name[word] = PROVINCE
    for word in CITY_WIDE:
        by_name[word] = CITY
    for word in AUTONOMOUS_REGION_WIDE:
        by_name[word] = AUTONOMOUS
    if not by_code:
        return Gazetteer(by_code, by_name, None, None, None)
    # `湖南大学`, `北京交通大学`, `湖南日报`: the place names an organisation, not where a figure is
    org = rf"{trie_pattern(ORG_AFTER_PLACE)}|[\u4e00-\u9fff]{{1,4}}(?:大学|学院)|{ORG_NATIONAL_PARK_PATTERN}"
    abbr = "".join(abbreviations)
    # no first-character lookahead: `re` skips ahead on the trie's own first characters (trie.py)
    names = rf"(?P<name>{trie_pattern(by_name)})(?!(?:{org}))"
    abbreviated = rf"[{ABBREVIATION_PREPOSITIONS}](?P<abbr>[{abbr}])(?![{ABBREVIATION_BLOCKERS}])"
    firsts = sorted({name[0] for name in by_name})
    name_parts, name_part_of = [], {}
    for chars in (set(firsts[n::_NAME_PARTS]) for n in range(_NAME_PARTS)):
        if chars:
            part = re.compile(rf"(?P<name>{trie_pattern(w for w in by_name if w[0] in chars)})(?!(?:{org}))")
            name_parts.append(part)
            name_part_of.update(dict.fromkeys(chars, part))
    for char, code in abbreviations.items():
        by_name["\x02" + char] = code
    return Gazetteer(by_code, by_name, re.compile(f"{names}|{abbreviated}"), re.compile(names),
                     re.compile(abbreviated), ambiguous, _scanner(ambiguous) if ambiguous else None,
                     frozenset(name[0] for name in by_name if not name.startswith("\x02")),
                     tuple(name_parts), name_part_of)


# `re` tries every branch of an alternation at each position where one could start, even after the
# one branch with that first character failed: with the ~250 first characters of the place names
# that costs ~0.35 µs at each of them (one in eight characters of a text); four patterns of a quarter
# of the branches each, scanned one after the other, take half as long
_NAME_PARTS = 4


@dataclass(frozen=True)
class County:
    code: str
    name: str  # as GB/T 2260 writes it: 邵东市, 漳浦县, 鄞州区
    parent_code: str  # its prefecture, or its province when it belongs to none (济源市, a municipality's district)


@dataclass(frozen=True)
class CountyIndex:
    by_name: dict[str, tuple[County, ...]]  # full name -> the counties of that name (鼓楼区: four)
    short_of: dict[str, str]  # county code -> its short name (`漳浦` of 漳浦县), where no other county or place has it
    longest: int  # characters in the longest full name
    endings: frozenset[str]  # the last COUNTY_NAME_MIN_CHARS characters of every full name (a cheap first test)


@lru_cache(maxsize=1)
def counties() -> CountyIndex:
    """The county-level divisions of the counties seed, by the names a text writes them with: the full name
    (COUNTY_NAME_MIN_CHARS or more, not `城区`, `郊区`) and, where no other county or known place has it, the
    name without its suffix (`漳浦` of 漳浦县; not `本溪` of 本溪满族自治县, the city's)."""
    by_name: dict[str, list[County]] = {}
    for row in read_seed("counties"):
        county = County(row["county_code"], compact(row["county_name"]), row["parent_code"])
        if len(county.name) >= COUNTY_NAME_MIN_CHARS:
            by_name.setdefault(county.name, []).append(county)
    known = gazetteer().by_name
    bases: dict[str, list[County]] = {}
    for name, same in by_name.items():
        if name.endswith(COUNTY_SHORT_SUFFIXES) and not name.endswith(COUNTY_NO_SHORT_ENDINGS):
            bases.setdefault(name[:-1], []).extend(same)
    short_of = {same[0].code: base for base, same in bases.items()
                if len(same) == 1 and base not in by_name and base not in known and not find_places(base)}
    return CountyIndex({name: tuple(same) for name, same in by_name.items()}, short_of,
                       max(map(len, by_name), default=0),
                       frozenset(name[-COUNTY_NAME_MIN_CHARS:] for name in by_name))


_COUNTY_END_RE = re.compile(f"[{''.join(COUNTY_SHORT_SUFFIXES)}]")


@lru_cache(maxsize=1)
def _short_names_by_parent() -> dict[str, tuple[tuple[County, str], ...]]:
    """Each prefecture's (or province's) counties by the short name none of its other counties shares and no known
    place has (`南沙` of 广州's 南沙区, though 三沙 has a 南沙区 too; not `本溪` of 本溪满族自治县)."""
    known = gazetteer().by_name
    by_parent: dict[str, dict[str, list[County]]] = {}
    for same in counties().by_name.values():
        for county in same:
            if county.name.endswith(COUNTY_SHORT_SUFFIXES) and not county.name.endswith(COUNTY_NO_SHORT_ENDINGS):
                by_parent.setdefault(county.parent_code, {}).setdefault(county.name[:-1], []).append(county)
    return {parent: tuple((same[0], short) for short, same in sorted(shorts.items())
                          if len(same) == 1 and short not in known and not find_places(short))
            for parent, shorts in by_parent.items()}


def counties_named_short(text: str, parent_codes: Iterable[str]) -> Counter[County]:
    """How often `text` names each county of `parent_codes` (the places a story names) by its short name or its
    full one (`海门` of 南通's 海门区 in `南通海门:…作为江海门户的海门`)."""
    by_parent = _short_names_by_parent()
    return Counter({county: n for parent in sorted(set(parent_codes)) for county, short in by_parent.get(parent, ())
                    if (n := text.count(short))})


def find_counties(text: str, home_code: str | None, written: frozenset[County] = frozenset()
                  ) -> list[tuple[int, County, bool]]:
    """(position, county, written in full) for each county a text names in full, and by its short name where it
    does or `written` (counties a story writes in full elsewhere) holds it: a full name several counties share
    (`鼓楼区`) only where one of them is in `home_code`'s region (the story's city or province). A dictionary
    look-up before each suffix: a regex of 2,800 names scans slowly."""
    index = counties()
    found: list[tuple[int, County, bool]] = []
    for m in _COUNTY_END_RE.finditer(text):
        end = m.end()
        if text[end - COUNTY_NAME_MIN_CHARS:end] not in index.endings:
            continue
        for size in range(min(index.longest, end), COUNTY_NAME_MIN_CHARS - 1, -1):
            same = index.by_name.get(text[end - size:end])
            if same is None:
                continue
            near = same if len(same) == 1 else _near_home(same, home_code)
            if len(near) == 1:
                found.append((end - size, near[0], True))
            break
    for county in {county for _, county, _ in found} | written:
        short = index.short_of.get(county.code)
        at = text.find(short) if short else -1
        while at != -1:
            if not text.startswith(county.name, at):
                found.append((at, county, False))
            at = text.find(short, at + 1)  # type: ignore[arg-type]
    return sorted(found, key=lambda item: (item[0], item[1].code))  # (not in a set's order, which varies by run)


def county_label(name: str, home_code: str | None) -> str:
    """The name a county's figures carry: its own (`浏阳市`), or, where several counties share it (`白云区` of 广州
    and of 贵阳, `江北区` of 重庆 and of 宁波), its parent's and its own (`广州市白云区`), the one in `home_code`'s
    region."""
    same = counties().by_name.get(name, ())
    if len(same) < 2:
        return name
    near = _near_home(same, home_code)
    parent = region(near[0].parent_code) if len(near) == 1 else None
    return parent.name + name if parent is not None else name


def _near_home(same: tuple[County, ...], home_code: str | None) -> list[County]:
    """The counties of one name (`鼓楼区`) in `home_code`'s region: its city's, or its province's."""
    home = region(home_code)
    homes = {home_code, home.parent_code if home is not None else None} - {None}
    return [c for c in same if c.parent_code in homes or c.parent_code[:2] + _PROVINCE_CODE_END in homes]


def county_ending(text: str) -> str | None:
    """The full name of a county `text` ends with (`分别为崂山区` -> 崂山区), the longest."""
    index = counties()
    for size in range(min(index.longest, len(text)), COUNTY_NAME_MIN_CHARS - 1, -1):
        if text[len(text) - size:] in index.by_name:
            return text[len(text) - size:]
    return None


def county_opening(text: str) -> str | None:
    """The full name of a county `text` opens with, also under its province or city (`浏阳市新增…`,
    `湖南省浏阳市…`, `长沙县…`, not the city 长沙)."""
    index = counties()
    for start in (0, name_end(text, 0)):
        if start is None:
            continue
        stop = start + index.longest
        ends = [m.end() for m in _COUNTY_END_RE.finditer(text, start + COUNTY_NAME_MIN_CHARS - 1, stop)]
        for end in reversed(ends):  # (a look-up at each suffix, the longest name first)
            if text[start:end] in index.by_name:
                return text[start:end]
    return None


def _scanner(words: dict[str, str]) -> re.Pattern[str]:
    """A bare trie regex: `re` skips ahead at C speed on its first characters (trie.py)."""
    return re.compile(trie_pattern(words))


# Spaces inside a run of Chinese: where normalize() blanked a Traditional reprint's pinyin debris
# (`內(nèi)蒙古自治區(qū)` reads `内     蒙古自治区     `); a name is read through them.
_DEBRIS_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff]) {2,}(?=[\u4e00-\u9fff])")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(position, code or PROVINCE/CITY marker) for every place word in text[start:end], read
    through blanked pinyin debris."""
    stop = len(text) if end is None else end
    if "  " not in text or _DEBRIS_GAP_RE.search(text, start, stop) is None:
        return _find_places(text, start, stop)
    kept: list[str] = []
    positions: list[int] = []  # position in text of each character kept
    last = start
    for gap in _DEBRIS_GAP_RE.finditer(text, start, stop):
        kept.append(text[last:gap.start()])
        positions.extend(range(last, gap.start()))
        last = gap.end()
    kept.append(text[last:stop])
    positions.extend(range(last, stop))
    return [(positions[pos], code) for pos, code in _find_places("".join(kept), 0, len(positions))]


_GAMBLING_AFTER_RE = re.compile(  # (not `包头(资料图)`: a caption's brackets stop it)
    rf"[^\s，。,.、；;：:！？()（）]{{0,{GAMBLING_SPAM_REACH}}}?(?:{'|'.join(GAMBLING_SPAM_WORDS)})")


def _find_places(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    gaz = gazetteer()
    if gaz.names is None or gaz.abbreviations is None:
        return []
    by_name = gaz.by_name
    # a match of `names` starts with one part's character and is that part's match there, so the
    # parts' matches together are `names`' own as long as none overlaps another (`names` would have
    # skipped the second); if two do, `names` itself decides
    spans = sorted((m.start(), m.end(), m.group()) for part in gaz.name_parts for m in part.finditer(text, start, stop))
    last_end = -1
    for begin, end, _ in spans:
        if begin < last_end:
            found = [(m.start(), by_name[m.group()]) for m in gaz.names.finditer(text, start, stop)
                     if not _GAMBLING_AFTER_RE.match(text, m.end())]
            break
        last_end = end
    else:
        # (not a gambling advert a spam reprint slips into the text: `2024年湖南研发经费香港特马投入逾1280亿元`)
        found = [(begin, by_name[name]) for begin, end, name in spans if not _GAMBLING_AFTER_RE.match(text, end)]
    abbreviated = [(m.start(1), by_name["\x02" + m.group(1)]) for m in gaz.abbreviations.finditer(text, start, stop)]
    if abbreviated:
        found = sorted(found + abbreviated)
    return found


def find_document_places(text: str, titles: Sequence[tuple[int, int]] = (),
                         found: list[tuple[int, str]] | None = None) -> list[tuple[int, str]]:
    """`find_places` over a whole document, plus short names that are also common words (白山,
    北海, 大同) wherever the document also writes them in full (白山市) at least once, or names
    them in a title (`创新主体竞相涌现 日照发展动能澎湃`, spans `titles`) and again in the text."""
    if found is None:
        found = find_places(text)
    found = _not_craft_names(text, _not_across_words(text, found))
    return _with_anaphors(text, _with_short_names(text, titles, found))


# a place that names a craft (`“吉林一号”在轨卫星`, `济南一号`, `珠海一号`): a satellite or a ship, not a
# place the text speaks of
_CRAFT_NAME_RE = re.compile(r"\s*[一二三四五六七八九十0-9]{1,3}\s*号")


_ACROSS_WORDS_RE = re.compile(ACROSS_WORDS_PLACE_PATTERN)


def _not_across_words(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    if "以上海" not in text:  # (rare: one find rules it out)
        return found
    return [(pos, code) for pos, code in found if not _ACROSS_WORDS_RE.match(text, pos)]


def _not_craft_names(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The places of `found` that name a place: not a craft (`吉林一号`) nor a clock's time zone (`北京时间`)."""
    crafts = "号" in text
    if not crafts and "时间" not in text and "時間" not in text:
        return found
    return [(pos, code) for pos, code in found if (end := name_end(text, pos)) is None or not (
        text.startswith(TIME_ZONE_AFTER_PLACE, end) or (crafts and _CRAFT_NAME_RE.match(text, end) is not None))]


def _with_short_names(text: str, titles: Sequence[tuple[int, int]],
                      found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    gaz = gazetteer()
    if gaz.ambiguous_re is None:
        return found
    names = gaz.names
    hits = [(m.start(), m.group()) for m in gaz.ambiguous_re.finditer(text)
            if names is None or not _inside_name(names, text, m.start())]  # 兴安 in 大兴安岭
    if not hits:
        return found
    confirmed = {name for pos, name in hits if text[pos + len(name):pos + len(name) + 1] in ("市", "州", "盟")}
    if titles:
        counts = Counter(name for _, name in hits)
        confirmed.update(name for pos, name in hits if counts[name] >= 3 and any(s <= pos < e for s, e in titles))
    listed = {pos for pos, name in hits if _listed_among_places(text, pos, len(name), found)}
    if confirmed or listed:
        seen = {pos for pos, _ in found}  # 白山市 itself is already found by its full name
        found = sorted(found + [(pos, gaz.ambiguous[name]) for pos, name in hits
                                if (name in confirmed or pos in listed) and pos not in seen])
    return found


def _with_anaphors(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` and, for each 该市 (该省), the city (province) named most often before it, the last of
    those on a tie: the one the text is about so far, not one named in passing (`宁德时代邦普…项目加快建设。
    坚持创新引领，该市…` in a story about 宜昌)."""
    if "该" not in text:
        return found
    added = []
    for word, level in PLACE_ANAPHORS.items():
        pos = text.find(word)
        while pos != -1:
            named = [code for _, code in found[:bisect.bisect_left(found, (pos, ""))]
                     if (home := region(code)) is not None and home.level == level]
            if named:
                counts = Counter(named)
                added.append((pos, max(reversed(named), key=counts.__getitem__)))
            pos = text.find(word, pos + len(word))
    return sorted(found + added) if added else found


# an item of a list: `、` before it and `(`, `（`, `、` or a digit after it (`铜陵(增长4502.1%)、黄山(增长686.7%)`)
_LIST_ITEM_BEFORE = "、"
_LIST_ITEM_AFTER = "(（、"
LIST_NEIGHBOUR_REACH = 16  # characters back to the list's previous place


def _listed_among_places(text: str, pos: int, size: int, found: list[tuple[int, str]]) -> bool:
    """Whether a short name that is also a common word stands as an item of a list whose previous item
    is a place: `铜陵(增长4502.1%)、黄山(增长686.7%)` names 黄山市, `黄山风景` does not."""
    after = text[pos + size:pos + size + 1]
    if text[pos - 1:pos] != _LIST_ITEM_BEFORE or not (after in _LIST_ITEM_AFTER or after.isdigit()):
        return False  # (a count closes a list too: `南宁、桂林、柳州、北海4个国家高新区`)
    i = bisect.bisect_left(found, (pos, ""))
    if i == 0:
        return False
    before, _ = found[i - 1]
    gap = text[before:pos]
    return pos - before <= LIST_NEIGHBOUR_REACH and not any(stop in gap for stop in "。；;，,")


def _inside_name(names: re.Pattern[str], text: str, pos: int) -> bool:
    """Whether a longer place name starting up to four characters before `pos` covers it."""
    for start in range(max(0, pos - 4), pos):
        m = names.match(text, start)
        if m and m.end() > pos:
            return True
    return False


@lru_cache(maxsize=1)
def _newsroom_re() -> re.Pattern[str] | None:
    gaz = gazetteer()
    names = [name for name, code in gaz.by_name.items() if not name.startswith("\x02") and not code.startswith("\x01")]
    if not names:
        return None
    return re.compile(rf"(?:{trie_pattern(names)})(?={trie_pattern(NEWSROOM_SUFFIXES)})")


def newsroom_region(text: str, start: int, end: int) -> str | None:
    """The place of the paper that printed the story (`湖南日报10月11日讯`, `长沙晚报`, or an outlet
    whose name holds no place: `楚天都市报讯`, `各界导报`): whose 全省 and 全市 the story's are when it
    names no place of its own."""
    pattern = _newsroom_re()
    m = pattern.search(text, start, end) if pattern is not None else None
    if m:
        return gazetteer().by_name[m.group()]
    outlets = _outlets()
    m = outlets[0].search(text, start, end) if outlets else None
    return outlets[1][re.sub(r"\s", "", m.group())] if m else None


def file_name_region(source_name: str) -> str | None:
    """The place a file is named after (`changsha-rd-city-2026.txt`, `h13-suzhou-bulletin-2021.txt`), in
    toneless pinyin: whose 全省 and 全市 a story that names no place is. A spelling two places share
    names the province among them (`jilin`), else nobody (`taizhou`: 台州 or 泰州; the seed keeps only
    苏州 for `suzhou`, see scripts/build_region_pinyin.py)."""
    for word in _FILE_NAME_WORD_RE.findall(source_name.lower()):
        codes = _pinyin_names().get(word)
        if codes:
            provinces = [code for code in codes if region(code) is not None and region(code).level == "province"]
            if len(codes) == 1 or len(provinces) == 1:
                return codes[0] if len(codes) == 1 else provinces[0]
    return None


_FILE_NAME_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _pinyin_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for row in read_seed("region_pinyin"):
        names.setdefault(row["pinyin"], []).append(row["region_code"])
    return names


@lru_cache(maxsize=1)
def _outlets() -> tuple[re.Pattern[str], dict[str, str]] | None:
    """Outlets (seed `news_outlets`) and their regions; a name may be cut by blanked pinyin debris
    (`各界导      报`), so any blanks may stand between its characters."""
    home = {row["outlet"]: row["region_code"] for row in read_seed("news_outlets")}
    if not home:
        return None
    names = sorted(home, key=len, reverse=True)
    return re.compile("|".join(r"\s*".join(map(re.escape, name)) for name in names)), home


_CLAUSE_OPENERS = frozenset("，,。；;：:\n年")


def national_clauses(text: str, word_positions: Sequence[int]) -> int:
    """How many of the national words at `word_positions` (全国, 我国) open a clause (`2023年，全国共投入`); not
    the field of a ranking (`我省财政科技投入经费397.84亿元，全国排名第八`: the province's rank)."""
    count = 0
    for pos in word_positions:
        at = pos - 1 if text[pos - 1:pos] == " " else pos
        count += (at == 0 or text[at - 1] in _CLAUSE_OPENERS) and not wide_names_a_field(text, pos)
    return count


@lru_cache(maxsize=1)
def national_code() -> str | None:
    return next((code for code, r in gazetteer().by_code.items() if r.level == "country"), None)


def region(code: str | None) -> Region | None:
    return gazetteer().by_code.get(code) if code else None


def resolve(marker: str, article_code: str | None) -> str | None:
    """A place code, or 全省 / 全市 resolved against the article's own region."""
    if marker == PROVINCE:
        home = region(article_code)
        if home is None:
            return None
        return home.code if home.level == "province" else home.parent_code
    if marker == AUTONOMOUS:  # None elsewhere: 全区 is then a district, not a region we know
        home = region(article_code)
        province = home if home is None or home.level == "province" else region(home.parent_code)
        return province.code if province and province.name.endswith(AUTONOMOUS_REGION_SUFFIX) else None
    if marker == CITY:
        home = region(article_code)
        return home.code if home is not None and home.level == "prefecture" else article_code
    return marker


def votes(text: str, places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The places that say what a text is about: not 全省 as a ranking's field or a share's whole
    (`全省第一`, `占全省`), nor a province that grades a platform (`云南省重点实验室`)."""
    kept = []
    compared = False  # the place before was a comparison's yardstick (`低于河南(88个)、安徽(76个)`)
    listed = _listed_places(text, places)
    for index, (pos, code) in enumerate(places):
        if index in listed:
            continue  # `广东、江苏、北京、浙江…6省市`: a list over places, not what the text is about
        before = text[max(0, pos - 2):pos]
        compared = before.endswith(COMPARED_BEFORE) or before in COMPARED_WORDS_BEFORE or (
            compared and before[-1:] in LIST_JOINERS)
        if compared and not code.startswith("\x01"):
            continue  # `在中部地区低于河南(88个)、安徽(76个)和湖北(58个)`: yardsticks, not what it is about
        if names_a_venue(text, pos, before) or _names_an_example(text, pos):
            continue  # `在北京发布的《国家创新指数报告》`: where it was released; `以上海张江为例`
        if code.startswith("\x01"):
            if wide_is_no_claim(text, pos):
                continue
        elif (code.endswith(_PROVINCE_CODE_END) and grades_platform(text, pos)) or (  # only a province grades platforms
                text[pos - 1:pos] in _NAME_OPENERS and _inside_a_name(text, pos)):
            continue
        kept.append((pos, code))
    return kept


def _names_an_example(text: str, pos: int) -> bool:
    """Whether the place at `pos` stands between 以 and 为例 in one clause."""
    opener = text.rfind(EXAMPLE_OPENER, max(0, pos - EXAMPLE_REACH), pos)
    if opener == -1 or _CLAUSE_MARK_RE.search(text, opener, pos):
        return False
    closer = text.find(EXAMPLE_CLOSER, pos, pos + EXAMPLE_REACH)
    return closer != -1 and _CLAUSE_MARK_RE.search(text, pos, closer) is None


_CLAUSE_MARK_RE = re.compile(r"[，,。；;！？!?\n]")


def _listed_places(text: str, places: list[tuple[int, str]]) -> set[int]:
    """The indexes of provinces written as a list of LISTED_PROVINCES_MIN or more, one joiner between each
    (`广东、江苏、北京`). (A list of a province's cities still speaks of their province.) Grouped as
    figures._joined_runs groups any names, over places with codes."""
    listed: set[int] = set()
    run: list[int] = []
    run_end = -1  # where the run's last name ends
    for index, (pos, code) in enumerate(places):
        province = not code.startswith("\x01") and code.endswith(_PROVINCE_CODE_END)
        if province and run and text[run_end:pos] in _LIST_JOINER_SET:
            run.append(index)
        else:
            if len(run) >= LISTED_PROVINCES_MIN:
                listed.update(run)
            run = [index] if province else []
        if province:
            run_end = name_end(text, pos) or pos
    if len(run) >= LISTED_PROVINCES_MIN:
        listed.update(run)
    return listed


_LIST_JOINER_SET = frozenset(LIST_JOINERS)


def wide_is_no_claim(text: str, pos: int) -> bool:
    """Whether the wide word (全省, 全市) at `pos` says nothing of the place a text is about: a ranking's field
    (`稳居全市第一`) or a yardstick (`高于全市平均水平`, `领跑全市`)."""
    return wide_names_a_field(text, pos) or text[pos - 1:pos] in WIDE_YARDSTICK_BEFORE or text.startswith(
        WIDE_YARDSTICK_AFTER, pos + 2)


def wide_names_a_field(text: str, pos: int) -> bool:
    """Whether the wide word (全省, 全市) at `pos` names the field a ranking is within (`全省第一`, `排名全省第9位`,
    `全省市州排名上升2位`), not the place whose figures the text gives."""
    return text[pos + 2:pos + 3] in RANK_FIELD_AFTER or text.startswith(CITIES_OF_THE_FIELD, pos + 2) or (
        _STANDING_AFTER_RE.match(text, pos + 2) is not None)


_STANDING_AFTER_RE = re.compile(RANK_STANDING_AFTER_PATTERN)


_NAME_OPENERS = frozenset("(（")


def _inside_a_name(text: str, pos: int) -> bool:
    """Whether the place at `pos` stands in brackets inside a company's name (`中电科思仪科技(安徽)有限公司`):
    no vote for the text."""
    end = name_end(text, pos)
    if end is None:
        return False
    return text[end:end + 1] in ")）" and text.startswith(ORG_NAME_SUFFIXES + ("公司",), end + 1)


def name_end(text: str, pos: int) -> int | None:
    """Where the place name written at `pos` ends, or None if none is written there."""
    m = match_name(text, pos)
    return m.end() if m is not None else None


_PARK_AFTER_RE = re.compile("(?:国家)?(?:" + "|".join(sorted(PARK_AFTER_PLACE, key=len, reverse=True)) + ")")


def park_named_at(text: str, pos: int) -> str | None:
    """The park named by the place name at `pos` (`无锡高新区`, `衡阳国家高新区`), as written, if it names one."""
    end = name_end(text, pos)
    park = _PARK_AFTER_RE.match(text, end) if end is not None else None
    return text[pos:park.end()] if park is not None else None


def place_ends_at(text: str, end: int) -> bool:
    """Whether a place's name ends right at `end` (`南京` before `第2`)."""
    return any(name_end(text, pos) == end for pos, _ in find_places(text, max(0, end - 8), end))


def names_a_venue(text: str, pos: int, before: str) -> bool:
    """Whether the place name at `pos`, after `before` (the text written before it), is where something was
    released or held (`在北京发布的报告`): it says nothing of whose figures a text gives."""
    if not before.endswith("在"):
        return False
    end = name_end(text, pos)
    if end is None:
        return False
    after = text[end:end + VENUE_HALL_NAME_MAX + 40].replace(" ", "")  # (past a reprint's blanked pinyin)
    hall = _VENUE_HALL_RE.match(after)  # `在北京人民大会堂开幕`
    return after.startswith(EVENT_AT_PLACE_VERBS, hall.end() if hall is not None else 0)


_VENUE_HALL_RE = re.compile(rf"[\u4e00-\u9fff]{{0,{VENUE_HALL_NAME_MAX}}}?(?:{'|'.join(VENUE_HALLS)})")


def followed_by(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """Whether the place name written at `pos` is followed right away by one of `words`."""
    end = name_end(text, pos)
    return end is not None and text.startswith(words, end)


def match_name(text: str, pos: int) -> re.Match[str] | None:
    """`gazetteer().names.match(text, pos)`, tried with the one part that can match there."""
    part = gazetteer().name_part_of.get(text[pos:pos + 1])
    return part.match(text, pos) if part is not None else None


def grades_platform(text: str, pos: int) -> bool:
    """Whether the place name at `pos` grades a kind of platform (`云南省重点实验室`, `河北省级…`)."""
    end = name_end(text, pos)
    if end is None:
        return False
    # the grade follows the name, or its 级 (`河北省级重点实验室`), or a few characters of its kind (`广西工业龙头企业`)
    kind_end = _GRADE_KIND_RE.match(text, end).end()  # (matches always: none, one or two words)
    return any(text.startswith(PLATFORM_GRADES, at) for at in {end, end + 1, kind_end}) or (
        _NAMED_PLATFORM_RE.match(text, end) is not None)


# a field's name (no verb, no number, no punctuation) and a named institution's kind
_NAMED_PLATFORM_RE = re.compile(
    rf"(?!.{{0,{NAMED_PLATFORM_FIELD_MAX}}}?(?:新|建|认定|获批|拥有|共有|达|有|累计))"
    rf"[\u4e00-\u9fff]{{2,{NAMED_PLATFORM_FIELD_MAX}}}?(?:{'|'.join(NAMED_PLATFORM_GRADES)})")


_GRADE_KIND_RE = re.compile(rf"(?:{'|'.join(PLATFORM_GRADE_KINDS)}){{0,2}}")


def national_outlet_tells(text: str, start: int, end: int) -> bool:
    """Whether a national news outlet (新华社, 人民日报 …) printed the story (naming no place, it is the nation's)."""
    return _NATIONAL_OUTLET_RE.search(text, start, end) is not None


_NATIONAL_OUTLET_RE = re.compile(trie_pattern(NATIONAL_OUTLETS))


def national_body_speaks(text: str, start: int, end: int, places: list[tuple[int, str]]) -> bool:
    """Whether a national body (国新办, 国家统计局 …) tells the story and no 全省 or 全市 is said in it: not one it
    cites, nor one whose list or approval it reports (`入选国家发改委第一批…`)."""
    if any(marker in (PROVINCE, CITY) for _, marker in places):
        return False
    return any(not _cites(text, body.start()) and not text.endswith(NATIONAL_BODY_AS_OBJECT_BEFORE, start, body.start())
               for body in _NATIONAL_BODY_RE.finditer(text, start, end))


def _cites(text: str, body_start: int) -> bool:
    """Whether the clause before a body cites it as a source (`根据…`, `据…`)."""
    lo = max(0, body_start - CITING_REACH)
    clause_start = max(lo - 1, *(text.rfind(mark, lo, body_start) for mark in "，,。；;\n")) + 1
    return _CITING_RE.search(text, clause_start, body_start) is not None


_CITING_RE = re.compile("|".join(word if word != "据" else f"(?<![{NOT_CITING_BEFORE_JU}])据" for word in CITING_WORDS))


_NATIONAL_BODY_RE = re.compile(trie_pattern(NATIONAL_BODIES))


def speaks_of_a_city(places: list[tuple[int, str]]) -> bool:
    """Whether a text says 全市 (我市 …) throughout, far more than 全省."""
    wide = Counter(marker for _, marker in places if marker in (PROVINCE, CITY))
    return wide[CITY] >= 2 and wide[CITY] > 2 * wide[PROVINCE]


def primary_region(places: list[tuple[int, str]],
                   title_places: Sequence[tuple[int, str]] = ()) -> tuple[str | None, int]:
    """The most mentioned place among `places` (mentions in `title_places`, the title's, weigh
    triple) and its count. A text that says 全省 more often than 全市 is about a province even when
    it names its capital most (`合肥` in a review of 安徽): then the city's province."""
    counts: Counter[str] = Counter(code for _, code in places if not code.startswith("\x01"))
    for _, code in title_places:
        if not code.startswith("\x01"):
            counts[code] += 2
    if not counts:
        return None, 0
    code, count = max(counts.items(), key=lambda item: (item[1], item[0].endswith(_PROVINCE_CODE_END)))
    home = region(code)
    wide = Counter(marker for _, marker in places if marker in (PROVINCE, CITY))
    province_wide = wide[PROVINCE] >= 2 and wide[PROVINCE] > 2 * wide[CITY]
    if home is not None and home.level == "province" and not province_wide:
        # a tie with one of its cities: the city's story (unless it speaks of 全省 throughout)
        tied = [c for c, n in counts.items() if n == count and (r := region(c)) is not None and r.parent_code == code]
        if len(tied) == 1:
            return tied[0], count
    titled_in_own_voice = wide[CITY] > 0 and any(c == code for _, c in title_places)  # (`我市…` under `菏泽…`)
    if home is not None and home.level == "prefecture" and home.parent_code and province_wide and (
            2 * wide[PROVINCE] >= count) and not titled_in_own_voice:
        # 全省 said about as often as the city is named, not `省内` twice; but a city's story that quotes its
        # province's release first (`我省发布…。…我市…`) under a title naming the city stays the city's
        return home.parent_code, max(count, counts[home.parent_code])
    if home is not None and home.level == "province" and wide[CITY] >= 2 and wide[CITY] > wide[PROVINCE]:
        # `全市` more than `全省`, and one of the province's cities named at least half as often as the
        # province: the city's story (a city's work report that names its province once)
        cities = [(n, c) for c, n in counts.items() if (r := region(c)) is not None and r.parent_code == code]
        # (or a story that says 全市 throughout, and names its province only in names: `浙江赛区`, `浙江三花`)
        if cities and (2 * max(cities)[0] >= count or wide[CITY] > 2 * max(1, wide[PROVINCE])):
            return max(cities)[1], count
    return code, count
