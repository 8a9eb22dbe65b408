"""Page structure: paragraphs (one per non-empty line), their kind (title, byline, heading, caption,
body), articles (a title block followed by a byline or by a dateline such as `本报讯` starts one, and
so does a heading naming another region than the article above it), sentences, and passages the
layout repeats (exact or cut-short copies of an earlier paragraph).

Everything runs on the normalised text, whose offsets equal the original's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from . import regions
from .rules import (
    BREADCRUMB_OPENERS,
    BREADCRUMB_TITLE_MIN_CHARS,
    BYLINE_ROLES,
    CAPTION_MARKS,
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    DATE_LINE_LABEL_PATTERN,
    DATELINE_PATTERN,
    NUMBERED_HEADING_PATTERN,
    PAGE_METADATA_LABELS,
)

LINE_RE = re.compile(r"[^\n]+")
# (a headline in 【】 opening a sentence is a sentence of its own: `【…力争今年…达到5.5万家】4月2日讯，…去年新增…`)
# (nor do an AI summary's bullets run on: `…省级科技创新资金支持5亿余元 [4] - 包括…` ends at its citation marks)
SENTENCE_RE = re.compile(r"【[^】。！？!?\n]*】|[^。！？!?\[]*(?:\[(?!(?:[0-9]{1,2}\])+ )[^。！？!?\[]*)*"
                         r"(?:[。！？!?]+[”’」』)\"]*|(?:\[[0-9]{1,2}\])+(?= )|$)")
_EDGE_SPACE = " \t"
_CAPTION_END_RE = re.compile(r"(?:记者|摄影|通讯员|供图|图)?\s*[\u4e00-\u9fff·]{2,4}\s*摄\s*[)）]?$")
_BYLINE_ROLE_RE = re.compile("|".join(map(re.escape, BYLINE_ROLES)))
_DATE_LINE_RE = re.compile(rf"(?:本报讯\s*|{DATE_LINE_LABEL_PATTERN})?"
                           r"[12]\d{3}(?:\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|-\d{1,2}-\d{1,2})\s*"
                           r"(?:星期.|周.|\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:(?:信息)?来源[:：].{0,20})?$"
                           # (a labelled month or year alone: `发布时间：2025-01`, `发布时间：2020`)
                           rf"|{DATE_LINE_LABEL_PATTERN}[12]\d{{3}}\s?(?:年|[-/.年]\s?\d{{1,2}}\s?月?)?\s*$")
_DATELINE_RE = re.compile(DATELINE_PATTERN)
# `图1 2019-2023年地区生产总值及其增长速度`, `表2 …`: a chart's or a table's caption, no section heading
_CHART_CAPTION_RE = re.compile(r"[图表]\s?[0-9]{1,2}\s")
# A newspaper's name on a line of its own (`浙江日报`, `深圳特区报 第03版`): the page's masthead; or a
# web page's breadcrumb (`大公报 > 中国 > 内地新闻`).
_MASTHEAD_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|早报|时报|商报|特区报|科技报|青年报|经济报|都市报|导报)"
                          r"(?:\s*[（(]?\s*第?\s*[0-9A-Z]{1,3}\s*版\s*[)）]?)?\s*$"
                          r"|[^\n>＞›]{1,20}(?:\s?[>＞›]\s?[^\n>＞›]{1,20})+$")
_TERMINAL = "。！？!?；;…”"
_NUMBERED_HEADING_RE = re.compile(NUMBERED_HEADING_PATTERN)
MIN_REPEAT = 12  # shorter paragraphs repeat by nature (【镜头】); they only join a repeated run
REPEAT_WINDOW = 100_000  # characters of earlier text a cut-short copy is looked for in


@dataclass
class Block:
    start: int
    end: int
    kind: str = "body"
    article: int = 0
    repeat_of: int | None = None
    continues: bool = False  # continues the previous block's sentence (a layout cut)


def _is_name_token(token: str) -> bool:
    if not 2 <= len(token) <= 4:
        return False
    if token[:2] in COMPOUND_SURNAMES:
        return len(token) >= 3
    return token[0] in COMMON_SURNAMES and len(token) <= 3


_NOT_IN_BYLINES = frozenset("，。：！？；“”【】")  # (one C pass over the line, not a generator)


def is_byline(line: str) -> bool:
    """`雷蕾 王铭俊`, `长沙晚报全媒体记者 徐运源`: names, optionally after a reporter's role."""
    if len(line) > 40 or not _NOT_IN_BYLINES.isdisjoint(line):
        return False
    match = _BYLINE_ROLE_RE.search(line)
    if match is None and " " not in line.strip():
        return False
    # `记者 姚辉健 通讯员 杨桂晖`: every role opens a run of names; what comes before the first
    # role is the outlet (`长沙晚报全媒体`)
    body = _BYLINE_ROLE_RE.sub(" ", line[match.start():] if match else line)
    tokens = body.split()
    return bool(tokens) and all(_is_name_token(tok) for tok in tokens)


def is_caption(line: str) -> bool:
    if line.startswith(CAPTION_MARKS) or _CHART_CAPTION_RE.match(line):
        return True
    if "摄" in line[-3:]:  # `...记者 邓迪 摄`
        return bool(_CAPTION_END_RE.search(line, max(0, len(line) - 30)))
    return line[:1] in "(（" and line[-1:] in ")）" and "图" in line


def is_breadcrumb(line: str) -> bool:
    return line.startswith(BREADCRUMB_OPENERS)


def _breadcrumb_titles(norm: str, block: Block) -> bool:
    """Whether a breadcrumb's last step is the article's title (not a section such as `新闻资讯`)."""
    start, end = title_span(norm, block)
    return end - start >= BREADCRUMB_TITLE_MIN_CHARS


def title_span(norm: str, block: Block) -> tuple[int, int]:
    """Where a title block's title stands: the whole block, or a breadcrumb's last step."""
    if not norm.startswith(BREADCRUMB_OPENERS, block.start):
        return block.start, block.end
    steps = list(_BREADCRUMB_STEP_RE.finditer(norm, block.start, block.end))
    return (steps[-1].end() if steps else block.start), block.end


_BREADCRUMB_STEP_RE = re.compile(r"\s*[>＞»]\s*")


def classify(line: str) -> str:
    if is_breadcrumb(line):
        return "heading"  # page furniture, never a paragraph of the story
    if is_caption(line):
        return "caption"
    if is_byline(line):
        return "byline"
    if line.startswith(("【", "★", "——", "—")) and line[-1] not in "。；;":
        return "heading"  # (a dash opening a clause that ends like one is an item of a list: `——新增…26家；`)
    if (len(line) if "|" in line else len(line) - line.count(" ")) <= 40 and "。" not in line and (
            line[-1] not in "；;…，,、"):
        # `成都：科技创新跑出“加速度”`, `创新活力竞相迸发！`: no full stop in a heading (and no comma at its
        # end: `记者从市统计局获悉,` is a sentence the page broke into lines); its length without a reprint's
        # blanked pinyin (`經(jīng)濟(jì)` reads `经     济     `), but a table's row keeps its blanks
        return "heading"
    if _NUMBERED_HEADING_RE.match(line):
        return "heading"
    return "body"


def split_blocks(norm: str) -> list[Block]:
    """Paragraph blocks with leading/trailing spaces trimmed, classified."""
    blocks = []
    for match in LINE_RE.finditer(norm):
        start, end = match.span()
        line = match.group()
        stripped = line.strip(_EDGE_SPACE)
        if not stripped:
            continue
        start += len(line) - len(line.lstrip(_EDGE_SPACE))
        end -= len(line) - len(line.rstrip(_EDGE_SPACE))
        blocks.append(Block(start, end, classify(stripped)))  # (`stripped` is norm[start:end])
    return blocks


def is_masthead(norm: str, block: Block) -> bool:
    return bool(_MASTHEAD_RE.match(norm, block.start, block.end))


def is_title_candidate(norm: str, block: Block) -> bool:
    """A heading that can be an article's title: not the page's date line, masthead or a row of a
    government portal's metadata (`发文日期: | 2025-06-05 | 公开方式: | 主动公开 |`)."""
    if norm.startswith(BREADCRUMB_OPENERS, block.start):
        return block.kind == "heading" and _breadcrumb_titles(norm, block)
    return block.kind == "heading" and not is_date_line(norm, block) and not is_masthead(norm, block) and (
        not is_page_metadata(norm, block))


def is_page_metadata(norm: str, block: Block) -> bool:
    """A row of a government portal's metadata (`索 引 号:/2020-00749 发布日期:2020-11-09`), also as an item
    of a list (`- 发布机构:泉州市科技局`)."""
    opening = norm[block.start:min(block.end, block.start + _METADATA_LABEL_SPAN)]
    return opening.replace(" ", "").replace("\u3000", "").lstrip(_LIST_MARKS).startswith(PAGE_METADATA_LABELS)


_METADATA_LABEL_SPAN = 14  # characters enough for the longest label, letter-spaced or as a list's item
_LIST_MARKS = "-•·*"


def is_date_line(norm: str, block: Block) -> bool:
    """`2016年2月25日 星期四`, `本报讯 2016年2月25日`: the page's date, not a title."""
    return bool(_DATE_LINE_RE.match(norm, block.start, block.end))


def assign_articles(norm: str, blocks: list[Block],
                    places: Sequence[tuple[int, str]] = ()) -> list[tuple[int, int | None, list[int]]]:
    """Split into articles: each byline with the title block right above it (headings and captions,
    at most four paragraphs) starts a new article, and so does a paragraph opening with a dateline
    (`本报讯`, `（2025年3月2日）`) under a title of its own, and a heading that names another region
    than the article above it is about, which the paragraph under it names too (`places`: the
    document's place names, (position, code), sorted). Returns (first block, byline block, title
    blocks)."""
    anchors = [i for i, b in enumerate(blocks)
               if b.kind == "byline" or (b.kind == "body" and _DATELINE_RE.match(norm, b.start, b.end))]
    starts: list[tuple[int, int | None, list[int]]] = []
    floor = 0
    for i in anchors:
        j = i
        while j - 1 >= floor and i - (j - 1) <= 4 and blocks[j - 1].kind in ("heading", "caption"):
            j -= 1
        if starts and (j <= starts[-1][0] or (j == i and blocks[i - 1].kind == "byline")):
            continue  # a second byline under the same title, or right under the first (通讯员, editor)
        titles = [k for k in range(j, i) if is_title_candidate(norm, blocks[k])]
        byline = i if blocks[i].kind == "byline" else None
        if byline is None and (not titles or (i and blocks[i - 1].kind == "byline")):
            continue  # a dateline right under a byline, or under no title: the same article
        starts.append((j, byline, titles))
        floor = i + 1
    if not starts or starts[0][0] > 0:
        # the first heading that is not the page's date (also above a story whose byline ends it:
        # `来源:洪观新闻记者 蔡欢` as the page's last line), up to the next article's first block
        # (a portal's metadata rows above the title do not count among the first three blocks)
        opening = islice((k for k in range(starts[0][0] if starts else len(blocks))
                          if not is_page_metadata(norm, blocks[k])), 3)
        first_titles = [k for k in opening if is_title_candidate(norm, blocks[k])][:1]
        starts.insert(0, (0, None, first_titles))
    if places:
        starts = _split_at_region_changes(norm, blocks, starts, places)
    for number, (first, _byline, titles) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        for k in range(first, end):
            blocks[k].article = number
        for k in titles:
            blocks[k].kind = "title"
    return starts


def _split_at_region_changes(norm: str, blocks: list[Block], starts: list[tuple[int, int | None, list[int]]],
                             places: Sequence[tuple[int, str]]) -> list[tuple[int, int | None, list[int]]]:
    """Pages whose articles have neither byline nor dateline: a heading between paragraphs that
    names a region other than the one the article so far is about (at least two mentions), and not
    a part of it (a province's review may have a section per city), starts a new article when the
    paragraph under it names that region too."""
    positions = [pos for pos, _ in places]

    def named(block: Block) -> list[str]:
        lo, hi = bisect.bisect_left(positions, block.start), bisect.bisect_left(positions, block.end)
        return [code for _, code in places[lo:hi] if not code.startswith("\x01")]

    header_blocks = {k for first, byline, _ in starts
                     for k in range(first, (first if byline is None else byline) + 1)}
    by_first = {entry[0]: entry for entry in starts}
    out: list[tuple[int, int | None, list[int]]] = []
    article_from = 0  # where the current article's text begins
    for i, block in enumerate(blocks):
        if i in by_first:
            article_from = block.start
            out.append(by_first[i])
            continue
        if not (block.kind == "heading" and i not in header_blocks and 0 < i < len(blocks) - 1
                and blocks[i - 1].kind in ("body", "caption") and blocks[i + 1].kind == "body"
                and not is_date_line(norm, block) and norm[block.start] not in _NO_JOIN_STARTS):
            continue
        heading = named(block)
        if not heading:
            continue
        lo, hi = bisect.bisect_left(positions, article_from), bisect.bisect_left(positions, block.start)
        dominant = Counter(code for _, code in places[lo:hi] if not code.startswith("\x01")).most_common(1)
        if not dominant or dominant[0][1] < 2 or heading[0] == dominant[0][0]:
            continue
        home, new = regions.region(dominant[0][0]), regions.region(heading[0])
        if (home is not None and new is not None and heading[0] in named(blocks[i + 1])
                and home.code not in (new.parent_code, new.code) and home.parent_code != new.code):
            article_from = block.start
            out.append((i, None, [i]))
    return out


def mark_repeats(norm: str, blocks: list[Block]) -> None:
    """A paragraph equal to, or contained in, an earlier one repeats it (layout duplicates and their
    cut-short copies). Short ones (headings like 【镜头】) count only inside a repeated run."""
    # without whitespace: str.split() cuts at exactly the characters `\s` matches (checked over every
    # code point) and is three times faster than a regex substitution per paragraph
    keys = ["".join(norm[b.start:b.end].split()) for b in blocks]
    seen: dict[str, int] = {}
    haystack = ""  # long paragraphs that repeat nothing, joined by newlines
    owners: list[int] = []
    offsets: list[int] = []
    for i, key in enumerate(keys):
        if len(key) >= MIN_REPEAT:
            if key in seen:
                blocks[i].repeat_of = seen[key]
            elif haystack:
                # layout repeats sit on the same page: searching a bounded window keeps huge files linear
                pos = haystack.find(key, max(0, len(haystack) - REPEAT_WINDOW))
                if pos != -1:
                    blocks[i].repeat_of = owners[bisect.bisect_right(offsets, pos) - 1]
            if blocks[i].repeat_of is None:
                owners.append(i)
                offsets.append(len(haystack))
                haystack += key + "\n"
        seen.setdefault(key, i)
    changed = True
    while changed:  # short paragraphs inside a repeated run
        changed = False
        for i, key in enumerate(keys):
            if blocks[i].repeat_of is not None or len(key) >= MIN_REPEAT or seen.get(key, i) == i:
                continue
            if any(blocks[j].repeat_of is not None for j in (i - 1, i + 1) if 0 <= j < len(blocks)):
                blocks[i].repeat_of = seen[key]
                changed = True


_JOIN_ENDINGS = "，,、：:"
_NO_JOIN_STARTS = "【★—↑↓▲("


def mark_continuations(norm: str, blocks: list[Block]) -> None:
    """A paragraph cut by the layout (`...柴湘平作` / `为全国唯一医院代表...`) continues into the next
    block: the one before ends mid-sentence, after a comma or a long clause, and the next is text."""
    for i in range(1, len(blocks)):
        before, block = blocks[i - 1], blocks[i]
        if before.kind not in ("body", "heading") or block.kind not in ("body", "heading"):
            continue
        if before.article != block.article or norm[block.start] in _NO_JOIN_STARTS:
            continue
        tail = norm[before.start:before.end]
        last = tail[-1]
        # (a line right above, no blank line between: a page's text wrapped at a fixed width)
        wrapped = norm.count("\n", before.end, block.start) == 1
        if last in _JOIN_ENDINGS or (("，" in tail or len(tail) > 40 or (wrapped and "," in tail)) and len(tail) >= 15
                                     and (last.isalnum() or "\u4e00" <= last <= "\u9fff")):
            block.continues = True
            if wrapped and not _NUMBERED_HEADING_RE.match(tail):
                # `…以争创国家科技创新中心为引领` / `加快打造…`: the wrapped lines are one paragraph's, no headings
                before.kind = block.kind = "body"


def sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside a paragraph; a sentence ends after 。！？ and any closing quote."""
    spans = []
    for match in SENTENCE_RE.finditer(norm, start, end):
        s, e = match.span()
        while s < e and norm[s] in " \n":
            s += 1
        while e > s and norm[e - 1] in " \n":
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans
