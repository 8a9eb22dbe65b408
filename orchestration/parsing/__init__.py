"""Pure-Python extraction of statistical figures from Chinese news text.

`parse_document(text)` returns articles, paragraphs, sentences and figure mentions as plain
records (see model.py). No I/O besides reading the dbt seed dictionaries once per process.

    normalize.py   length-preserving str.translate: Traditional -> Simplified, full-width -> ASCII
    layout.py      paragraphs, kinds (title/byline/heading/caption/body), articles, repeats, cuts
    numbers.py     Arabic and Chinese number words -> float
    regions.py     provinces and cities (seed regions.csv), 全省/全市, 在湘
    periods.py     years, spans, plans (十四五), 今年/去年, publication date, article year
    indicators.py  indicator dictionary (seed indicators.csv), longest/last alias
    figures.py     the figure regex and candidates, then per figure the stages list item, subject,
                   indicator, period (with spans), kind and region over one SentenceScope and one Site
    tables.py      tables flattened one cell per line (bulletins): header units, row places
    rules.py       every word list the rules use (qualifiers, counters, verbs, idioms ...)
    trie.py        word lists as trie regexes (fast alternations)
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TypeVar

from . import layout, periods, regions, tables
from .figures import ArticleContext, DocumentIndex, StoryPart, between, first_aimed_year, read_sentence
from .model import Article, FigureMention, Paragraph, ParsedDocument, Sentence
from .normalize import compact, normalize
from .rules import (
    AREA_STORY_MIN,
    BREAKDOWN_OPENING_PATTERN,
    BULLET_MARKS,
    COUNTY_AREA_WORDS,
    COUNTY_OFFICE_WORDS,
    COUNTY_SHORT_STORY_MIN,
    COUNTY_STORY_MIN,
    COUNTY_SUFFIX_NOT_BEFORE,
    COUNTY_SUFFIXES,
    FILING_LINE_PATTERN,
    FIRST_PERSON_CITY,
    FIRST_PERSON_CITY_MIN,
    FIRST_PERSON_REGION_WORDS,
    FIVE_YEAR_PLANS,
    ISSUER_LINE_MAX_CHARS,
    ISSUER_LOOKAHEAD_BLOCKS,
    ISSUER_SUFFIXES,
    KNOWN_COUNTY_STORY_MIN,
    MEASURE_HEADING_MAX_CHARS,
    MULTI_PROVINCE_AREAS,
    NATION_NAMES,
    NOT_COUNTY_ENDINGS,
    PARK_AREA_WORDS,
    PLAN_LEAD_AFTER,
    PLAN_LEAD_REACH,
    PROVINCE_WIDE,
    RESTATED_MIN_VALUE,
    ZONE_NAME_ENDINGS,
)

# A table pasted as text: a label, a tab or a run of spaces, and a value (`全省规模以上工业增加值\t同比增长8.6%`).
_FILING_LINE_RE = re.compile(FILING_LINE_PATTERN)
_FILING_TAILS = "电讯"
_FILING_TAIL_RE = re.compile(f"[{_FILING_TAILS}]")
_BREAKDOWN_OPENING_RE = re.compile(BREAKDOWN_OPENING_PATTERN)
_TABLE_ROW_RE = re.compile(r"([^\t]{2,30}?)(?:\t+|[ \u3000]{2,})(?=\S)[^\t]{0,20}[0-9０-９]")
_TABLE_GAP_RE = re.compile(r"[\t \u3000]")  # a row's label ends at one, 2 to 30 characters in

__all__ = ["parse_document", "Article", "Paragraph", "Sentence", "FigureMention", "ParsedDocument"]


def _outside_filing_lines(norm: str, places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The places not named in a filing line (`新华社北京3月5日电`): that is where the newsroom sits."""
    filed = []
    # rare: search back from each `…日电`, `…讯` only (str.find finds them fastest; the order of the lines
    # found does not matter)
    for tail in _FILING_TAILS:
        at = norm.find(tail)
        while at != -1:
            m = _FILING_LINE_RE.search(norm, max(0, at - 24), at + 1)
            if m is not None and m.end() == at + 1:
                filed.append((m.start(), m.end()))
            at = norm.find(tail, at + 1)
    if not filed:
        return places
    positions = [pos for pos, _ in places]
    dropped = {i for start, end in filed
               for i in range(bisect.bisect_left(positions, start), bisect.bisect_left(positions, end))}
    return [place for i, place in enumerate(places) if i not in dropped]


@dataclass(frozen=True)
class _ArticleSpan:
    """One article's place in the file: its blocks, its characters and its title."""

    number: int
    first: int  # its first block
    last: int  # its last block
    byline: int | None  # its byline's block
    titles: list[int]  # its title blocks
    start: int
    end: int
    title_text: str  # its title lines, normalised (with the page's headline when it has one article)


@dataclass(frozen=True)
class _FileFrame:
    """What every article of a file is read against: the file's places, votes and date."""

    norm: str
    blocks: list[layout.Block]
    doc: DocumentIndex
    votes: list[tuple[int, str]]  # the places that count for an article's region (regions.votes)
    vote_pos: list[int]
    region: str | None  # the region the whole file's votes pick
    source_name: str
    published: datetime.date | None
    published_source: str
    from_metadata: bool  # the date came from outside the text: it wins over every date line
    articles: int


def parse_document(text: str, *, source_name: str = "", published_on: datetime.date | None = None,
                   title: str | None = None) -> ParsedDocument:
    """Parse one decoded file. Offsets in every record index `text` itself.

    `published_on` and `title` come from outside the text when the file gives them (a page's meta
    tags and headline, a sidecar): the date wins over any date in the text; the title is the title
    of a file's only article and frames it as its own title line would (a plan, a year).
    """
    norm = normalize(text)
    blocks = layout.split_blocks(norm)
    named_places = _outside_filing_lines(norm, regions.find_places(norm))
    starts = layout.assign_articles(norm, blocks, named_places)
    layout.mark_repeats(norm, blocks)
    layout.mark_continuations(norm, blocks)
    spans = _article_spans(norm, blocks, starts, title, len(text))
    file = _file_frame(norm, blocks, spans, named_places, source_name, published_on)

    articles: list[Article] = []
    contexts: list[ArticleContext] = []
    for span in spans:
        region_code = _article_region(span, file)
        published, published_source = _article_date(span, file)
        contexts.append(_article_context(span, file, region_code, published, published_source))
        home = regions.region(region_code)
        headline = text[slice(*layout.title_span(norm, blocks[span.titles[0]]))] if span.titles else None
        articles.append(Article(
            index=span.number, char_start=span.start, char_end=span.end,
            title=title if title is not None and len(spans) == 1 else headline,
            byline=text[blocks[span.byline].start:blocks[span.byline].end] if span.byline is not None else None,
            published_on=published, published_on_source=published_source,
            region_code=region_code, region_name=home.name if home else None,
        ))
    block_contexts = _block_contexts(text, norm, blocks, {k for span in spans for k in span.titles}, contexts)
    paragraphs, sentences, mentions = _read_blocks(text, norm, blocks, block_contexts, file.doc)
    _titles_restate_their_stories(mentions, paragraphs)
    _stocks_now_restate_earlier_figures(mentions)
    table_mentions = _table_mentions(text, norm, blocks, block_contexts, sentences)
    if table_mentions:
        mentions = sorted(_outside_cells(mentions, table_mentions) + table_mentions,
                          key=lambda m: (m.char_start, m.char_end))
    return ParsedDocument(articles, paragraphs, sentences, mentions)


def _outside_cells(mentions: list[FigureMention], cells: list[FigureMention]) -> list[FigureMention]:
    """The sentence reader's figures that no table cell reads (`| 43.94% |` in a growth column is the
    column's growth rate, once: not also a share read from the row as a sentence)."""
    spans = sorted((cell.char_start, cell.char_end) for cell in cells)
    starts = [start for start, _ in spans]

    def in_a_cell(m: FigureMention) -> bool:
        before = bisect.bisect_right(starts, m.char_start) - 1  # the last cell opening at or before it
        opens_inside = bisect.bisect_left(starts, m.char_end) > before + 1  # a cell opening inside it
        return (before >= 0 and spans[before][1] > m.char_start) or opens_inside

    return [m for m in mentions if not in_a_cell(m)]


def _article_spans(norm: str, blocks: list[layout.Block], starts: list[tuple[int, int | None, list[int]]],
                   headline: str | None, text_length: int) -> list[_ArticleSpan]:
    """Each article's blocks, characters and title text; a page's headline (metadata) heads its only
    article's title when the title lines do not hold it."""
    spans = []
    for number, (first, byline, titles) in enumerate(starts):
        last = (starts[number + 1][0] if number + 1 < len(starts) else len(blocks)) - 1
        title_text = "".join(norm[slice(*layout.title_span(norm, blocks[k]))] for k in titles)
        if headline is not None and len(starts) == 1 and normalize(headline) not in title_text:
            title_text = normalize(headline) + title_text
        spans.append(_ArticleSpan(number, first, last, byline, titles, blocks[first].start if blocks else 0,
                                  blocks[last].end if blocks else text_length, title_text))
    return spans


def _file_frame(norm: str, blocks: list[layout.Block], spans: list[_ArticleSpan],
                named_places: list[tuple[int, str]], source_name: str,
                published_on: datetime.date | None) -> _FileFrame:
    if published_on is not None:
        published, published_source = published_on, "metadata"
    else:
        published, published_source = periods.publication_date(norm, source_name)
    title_spans = [(blocks[k].start, blocks[k].end) for span in spans for k in span.titles]
    doc = DocumentIndex.build(norm, title_spans, named_places)
    # (votes keeps or drops each place by itself: an article's are the file's in its span, filtered once)
    votes = regions.votes(norm, doc.places)
    return _FileFrame(norm, blocks, doc, votes, [pos for pos, _ in votes], regions.primary_region(votes)[0],
                      source_name, published, published_source, published_on is not None, len(spans))


def _article_region(span: _ArticleSpan, file: _FileFrame) -> str | None:
    """The region an article is about: the place its text and title name most, else the file's or the
    file name's; a city's first person (我市) its own city; with no place of its own, its newsroom's or the
    file name's; the nation when national clauses or a national title or body outweigh its places."""
    norm, doc, blocks = file.norm, file.doc, file.blocks
    title_places = [p for k in span.titles for p in between(doc.places, doc.place_pos, blocks[k].start, blocks[k].end)]
    title_places += _issuer_places(norm, blocks[span.first:min(span.last + 1, span.first + ISSUER_LOOKAHEAD_BLOCKS)],
                                   doc)
    voted = between(file.votes, file.vote_pos, span.start, span.end)
    region_code, count = regions.primary_region(voted, title_places)
    if count < 2:
        region_code = file.region
        named = regions.file_name_region(file.source_name)
        if named is not None and any(code == named for _, code in voted):
            region_code = named  # places named once each (`为常州加快…`, a spam `澳门…`): the file's own
    if norm.count(FIRST_PERSON_CITY, span.start, span.end) >= FIRST_PERSON_CITY_MIN and (
            (home := _first_persons_city(norm, span.start, span.end, file.source_name)) is not None):
        return home  # `我市科技创新指数居全省第4` from 马鞍山日报: not the cities it ranks behind, nor the
        # nation whose list it is on (`全国最新一批高新技术企业名单公示 我市1327家企业上榜`)
    own_place = region_code  # (before the newsroom's or the file name's stand in for it)
    if region_code is None:  # no place of its own: the paper's (`湖南日报…讯` and then only 全省),
        # named in the article or, on a page of several, above it
        region_code = regions.newsroom_region(norm, span.start, span.end) or regions.newsroom_region(
            norm, 0, span.start)
    if region_code is None or (count < 2 and regions.speaks_of_a_city(voted)):
        # nor a paper of a place: the place the file is named after; also a city's story (全市…)
        # that names only its province (`陕西省瞪羚企业`), when the file names one of its cities
        named = regions.file_name_region(file.source_name)
        home_of_named = regions.region(named)
        if region_code is None or (home_of_named is not None and home_of_named.parent_code == region_code):
            region_code = named or region_code
    national_clauses = regions.national_clauses(norm, between(doc.national_pos, doc.national_pos, span.start,
                                                              span.end))
    nation_titled = any(name in span.title_text for name in NATION_NAMES) and not any(
        word in span.title_text for word in FIRST_PERSON_REGION_WORDS)  # `中华人民共和国2016年…统计公报`
    if national_clauses > max(count, 1) or (own_place is None and (national_clauses or nation_titled)) or (
            count < 2 and regions.national_body_speaks(norm, span.start, span.end, voted)):
        # `2023年，全国共投入…`, or `国新办举行新聞發布會…去年全社会研发投入达到2.79万亿元` naming no
        # place of its own: a story about the nation
        region_code = regions.national_code()
    elif region_code is None and regions.national_outlet_tells(norm, span.start, span.end):
        # `新华社·2025-09-18 … 2024年全社会研发投入超3.6万亿元`: a national outlet's story naming no place
        region_code = regions.national_code()
    return region_code


def _article_date(span: _ArticleSpan, file: _FileFrame) -> tuple[datetime.date | None, str]:
    """An article's publication date and where it came from: the file's, or on a page of several its own
    date line's; a reprint's story date (metadata's date wins over the text, a file name's year says no day)."""
    published, source = file.published, file.published_source
    if not file.from_metadata and file.articles > 1:  # several articles: each may carry its own date line
        blocks = file.blocks
        head = [(blocks[k].start, blocks[k].end) for k in range(span.first, min(span.last, (
            span.byline or span.first) + 1) + 1)]
        own = periods.own_date(file.norm, head, published)
        if own is not None:
            published, source = own, "text"
    told = periods.story_date(file.norm, span.start, span.end, published) if source == "text" else None
    if told is not None:
        published, source = told, "text"
    return published, source


def _article_context(span: _ArticleSpan, file: _FileFrame, region_code: str | None,
                     published: datetime.date | None, published_source: str) -> ArticleContext:
    """What an article contributes to its figures' context: region, date, default period, plan, the year
    its head reviews from, its title's year and the park or county its title is about."""
    norm, doc, blocks = file.norm, file.doc, file.blocks
    dated = published_source in ("metadata", "text")
    early = periods.reports_early(norm, (span.start, span.end), published, dated)
    found = between(doc.periods, doc.period_pos, span.start, span.end)
    default = periods.default_period(norm, found, span.title_text, published, dated=dated,
                                     span=(span.start, span.end), early=early)
    # a story whose lead opens with a part of the year (`今年1至7月，…`) reports on that part
    this_year = default is not None and published is not None and default == str(published.year)
    # (also a dated story naming another year more often than its lead's: `今年1-9月，渝北新培育…` over `2019年度…`)
    other_year = dated and default is not None and published is not None and not default.startswith(
        str(published.year))
    lead = periods.lead_part(norm, found, (span.start, span.end), published) if this_year or other_year else None
    if lead is not None and published is not None:
        default = str(published.year)
    story = next((k for k in range(span.first, span.last + 1) if blocks[k].kind == "body"), span.last)
    head = between(doc.periods, doc.period_pos, span.start, blocks[story].end) if blocks else []
    titled_year = periods.TITLE_YEAR_RE.search(span.title_text)
    part = _titled_park(span.title_text) or _titled_county(span.title_text, norm) or _county_named_throughout(
        span, file, region_code) or _known_county_story(span, file, region_code) or _area_story(span, file, region_code)
    if part is not None and part.is_county:
        same = regions.counties().by_name.get(part.name, ())
        if region_code == regions.national_code() and len(same) == 1:
            # `渝北科技局:…` told with 科技部 in passing: a county's story is its city's or province's, not the nation's
            region_code = same[0].parent_code
        part = replace(part, name=regions.county_label(part.name, region_code))  # (`重庆市江北区`, not 宁波's)
    plan_review = next((p for p in FIVE_YEAR_PLANS if p in span.title_text), None) or _plan_led(
        norm, span.start, published)
    return ArticleContext(
        region_code, published, default + lead if lead else default,
        plan_review, lead_part=lead is not None,
        dated=dated, early=early, review_from=periods.review_start(head),
        heading_year=titled_year.group(1) if titled_year else None,
        part=part)


def _block_contexts(text: str, norm: str, blocks: list[layout.Block], title_blocks: set[int],
                    contexts: list[ArticleContext]) -> list[ArticleContext]:
    """Each block's context: its article's, framed by the section heading above it (`一、2025年和“十四五”
    时期工作回顾`, `二、2026年主要目标和重点任务`) until the next heading that says something about periods
    or targets; a table row's with the label of the row heading it; a bulleted figure's with its measure."""
    block_contexts: list[ArticleContext] = []
    header: str | None = None  # the label of the table row that heads the indented rows under it
    for block_index, block in enumerate(blocks):
        base = contexts[block.article]
        if block_index == 0 or blocks[block_index - 1].article != block.article:
            current, in_body = base, False  # headings above the first paragraph are the page's, not sections
        in_body = in_body or block.kind == "body"
        if in_body and block.kind == "heading" and block_index not in title_blocks and not layout.is_date_line(
                norm, block):
            frame = periods.section_frame(norm[block.start:block.end], base.published)
            if frame is not None:
                year, plan, target = frame
                same_year = year is None or (base.default_period or "")[:4] == year  # keeps 2021M01-M10
                current = replace(base, default_period=base.default_period if same_year else year,
                                  plan_review=plan or base.plan_review,
                                  target_year=(year or "") if target else None, heading_year=year or base.heading_year)
        if current.target_year == "" and block.kind == "body":
            # `(二)主要目标。` over `到2025年，建成…`: the aims under a heading that names no year are for
            # the year its first paragraph aims at
            aimed = first_aimed_year(norm, block.start, block.end, base.published)
            if aimed:
                current = replace(current, target_year=aimed)
        # the original: normalising turns tabs to spaces; most paragraphs have no gap where a label
        # could end, and one C search says so before the backtracking row pattern runs
        row = _TABLE_ROW_RE.match(text, block.start, block.end) if _TABLE_GAP_RE.search(
            text, block.start + 2, min(block.end, block.start + 31)) else None
        if row is None:
            header = None  # the table, if any, has ended
            heading = _measure_heading(norm, blocks, block_index)
            block_contexts.append(replace(current, measure_heading=heading) if heading else current)
            continue
        if block.start == 0 or text[block.start - 1] not in " \u3000\t":  # not indented: it heads the rows under it
            header = compact(row.group(1)).removeprefix("全省").removeprefix("全市") or None
            block_contexts.append(current)
        else:
            block_contexts.append(replace(current, table_header=header) if header else current)
    return block_contexts


def _read_blocks(text: str, norm: str, blocks: list[layout.Block], block_contexts: list[ArticleContext],
                 doc: DocumentIndex) -> tuple[list[Paragraph], list[Sentence], list[FigureMention]]:
    """The paragraphs, their sentences and the figures the sentences state, each in its block's context;
    a run of blocks joined by layout cuts reads as one text."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    mentions: list[FigureMention] = []
    for p_index, block in enumerate(blocks):
        paragraphs.append(Paragraph(  # positional, in field order (cheaper than keywords)
            p_index, block.article, block.start, block.end, text[block.start:block.end], block.kind,
            block.repeat_of is not None, block.repeat_of, block.continues,
        ))
    starts = [block.start for block in blocks]
    sentence_counts = [0] * len(blocks)
    region_names: dict[str | None, str | None] = {}
    national = regions.national_code()
    county_names = regions.counties().by_name
    number_pos = doc.number_pos
    numbers_end = len(number_pos)
    next_number = 0  # index of the first number not yet passed
    article_read = 0
    first = 0
    while first < len(blocks):
        last = first
        while last + 1 < len(blocks) and blocks[last + 1].continues:
            last += 1
        context_from = -1  # found on the run's first sentence with a number (most runs have none)
        for s_start, s_end in layout.sentences(norm, blocks[first].start, blocks[last].end):
            p_index = bisect.bisect_right(starts, s_start, first, last + 1) - 1
            block = blocks[p_index]
            s_index = sentence_counts[p_index]
            sentence_counts[p_index] += 1
            sentence_text = text[s_start:s_end]
            sentences.append(Sentence(p_index, s_index, s_start, s_end, sentence_text))
            while next_number < numbers_end and number_pos[next_number] < s_start:
                next_number += 1
            if block.kind == "byline" or next_number == numbers_end or number_pos[next_number] >= s_end:
                continue  # no number in this sentence: nothing more to do
            if block.article != article_read:
                doc.last_change[:] = [None, None]  # an article's changes say nothing of the next one's years
                article_read = block.article
            if context_from < 0:
                context_from = _context_start(norm, blocks, first, doc)
            county = block_contexts[p_index].part
            county = county.name if county is not None and county.is_county else None
            for found in read_sentence(norm, s_start, s_end, block_contexts[p_index], doc, context_from):
                m_index = bisect.bisect_right(starts, found.start, first, last + 1) - 1
                if found.region_code not in region_names:
                    home = regions.region(found.region_code)
                    region_names[found.region_code] = home.name if home else None
                code, name, subject = found.region_code, region_names[found.region_code], found.subject
                if county is not None and subject == county and code != national:
                    # the county's own figure (StoryPart.is_county), also when a city named before it gave the
                    # region (`红网时刻衡阳…讯 …衡东县8家企业通过…认定`)
                    code, name, subject = None, county, None
                elif subject is not None and subject in MULTI_PROVINCE_AREAS:
                    code, name, subject = None, MULTI_PROVINCE_AREAS[subject], None  # the area's own figure
                elif subject is not None and subject in county_names and code != national:
                    # `松北区技术合同成交额增长52%`: the county's own figure
                    code, name, subject = None, regions.county_label(subject, code), None
                # positional, in FigureMention's field order: a call with 23 keywords costs three times as much
                mentions.append(FigureMention(
                    block.article, m_index, s_index, found.start, found.end, text[found.start:found.end],
                    sentence_text, found.value, found.unit, found.counter, found.qualifier, found.kind,
                    code, name, subject, periods.whole_year(found.period),
                    found.period_source, found.indicator_code, found.indicator_name,
                    blocks[m_index].repeat_of is not None, p_index, found.is_revision, found.in_list,
                ))
        first = last + 1
    return paragraphs, sentences, mentions


_BULLETED_FIGURE_RE = re.compile(rf"\s*[{BULLET_MARKS}]\s*[0-9]")
_HAS_DIGIT_RE = re.compile(r"[0-9]")


def _first_persons_city(norm: str, start: int, end: int, source_name: str) -> str | None:
    """The city a story in a city's first person (我市) speaks for, which it never names: its newsroom's
    (`本文转自:马鞍山日报`), else the one its file is named after; None unless it is a city."""
    for code in (regions.newsroom_region(norm, start, end), regions.file_name_region(source_name)):
        home = regions.region(code)
        if home is not None and home.level == "prefecture":
            return home.code
    return None


def _area_story(span: _ArticleSpan, file: _FileFrame, region_code: str | None) -> StoryPart | None:
    """The area spanning provinces (MULTI_PROVINCE_AREAS) a story names more often than its own region and at
    least twice (`2024年长三角区域研发经费投入…，占全国比重为30.9%。…每万人新增发明专利拥有量超12件`): the
    figures it gives no place are the area's."""
    text = file.norm[span.start:span.end]
    counts = Counter({area: n for area in dict.fromkeys(MULTI_PROVINCE_AREAS.values())
                      if (n := sum(text.count(alias) for alias, name in MULTI_PROVINCE_AREAS.items() if name == area))})
    if not counts:
        return None  # (most stories name none)
    leader = _named_most(counts)
    if leader is None:
        return None  # (two areas named as often: the story is about neither, not whichever came first)
    area, named = leader
    alias = next(alias for alias, name in MULTI_PROVINCE_AREAS.items() if name == area and alias in text)
    return StoryPart(alias, ()) if named >= AREA_STORY_MIN and named > _own_votes(span, file, region_code) else None


_K = TypeVar("_K")


def _named_most(counts: Counter[_K]) -> tuple[_K, int] | None:
    """The one named most often and how often, None on a tie (a story about two things as much is about neither,
    not whichever was counted first)."""
    ranked = counts.most_common(2)
    return None if len(ranked) > 1 and ranked[1][1] == ranked[0][1] else ranked[0]


def _own_votes(span: _ArticleSpan, file: _FileFrame, region_code: str | None) -> int:
    """How many of a story's places say it is about its own region (file.votes): what a county or an area it
    names must outnumber to be what the story is about."""
    return sum(code == region_code for _, code in between(file.votes, file.vote_pos, span.start, span.end))


def _county_named_throughout(span: _ArticleSpan, file: _FileFrame, region_code: str | None) -> StoryPart | None:
    """The county the gazetteer lacks that a story names with its suffix at least COUNTY_STORY_MIN times, more
    often than its own region, and once as a county is written: under its city or province (`長沙市天心區25家企业`,
    `怀化市中方县`) or as an office's (`鄂城区人民政府工作报告`): the figures it gives no place are the county's."""
    text = file.norm[span.start:span.end]
    written: dict[str, list[re.Match[str]]] = {}
    for m in _COUNTY_SUFFIX_RE.finditer(text):
        for size in (2, 3):
            name = text[m.start() - size:m.start()]
            county = name + m.group()
            if len(name) == size and _COUNTY_NAME_RE.fullmatch(name) and not name.endswith(ZONE_NAME_ENDINGS) and (
                    not county.endswith(NOT_COUNTY_ENDINGS)):
                written.setdefault(county, []).append(m)
    own = _own_votes(span, file, region_code)
    for county, suffixes in sorted(written.items(), key=lambda item: -len(item[1])):
        if len(suffixes) < COUNTY_STORY_MIN or len(suffixes) <= own:
            return None  # (most stories: no name written that often)
        size = len(county) - 1
        if regions.find_places(county) or any(
                regions.place_ends_at(text, m.start()) or regions.place_ends_at(text, m.end()) for m in suffixes):
            continue  # a place the gazetteer knows, or the end of one (`哈尔滨市`: no county 尔滨市)
        if any(regions.place_ends_at(text, m.start() - size) or text[m.end():m.end() + 16].lstrip(" ").startswith(
                COUNTY_OFFICE_WORDS) for m in suffixes):  # (past a reprint's blanked pinyin: `鄂城区    人民政府`)
            return StoryPart(county, COUNTY_AREA_WORDS[county[-1]], is_county=True)
    return None


def _plan_led(norm: str, start: int, published: datetime.date | None) -> str | None:
    """The five-year plan whose years a story's head names (`…新闻发布会，“十四五”期间，合肥市…`), one in its last
    year or over at publication (not `“十五五”时期主要目标` in 2026: the plan ahead)."""
    if published is None:
        return None
    return next((m.group(1) for m in _PLAN_LEAD_RE.finditer(norm, start, start + PLAN_LEAD_REACH)
                 if FIVE_YEAR_PLANS[m.group(1)][1] <= published.year), None)


_PLAN_LEAD_RE = re.compile(rf"({'|'.join(FIVE_YEAR_PLANS)})[”\"」]?\s?(?:{'|'.join(PLAN_LEAD_AFTER)})")


def _known_county_story(span: _ArticleSpan, file: _FileFrame, region_code: str | None) -> StoryPart | None:
    """The county the gazetteer knows (regions.counties) that a story is about: the only one its title names, or
    one it names at least KNOWN_COUNTY_STORY_MIN times, more often than its own region and than any other county
    (`漳浦大力推进…漳浦企业R&D经费投入完成2.66亿元…全县新增…`, once written `漳浦县`) when its title names no other
    place; never one the story ranks within its city, speaking of the city's area more than of the county's
    (`渌口区领跑全市…全市高新技术产业增加值增长24.7%`). Its figures that have no place are the county's."""
    text = file.norm[span.start:span.end]
    named = regions.find_counties(text, region_code)
    in_full = {county for _, county, full in named if full}
    counts = Counter(county for _, county, _ in named if county in in_full)
    parents = {code for _, code in between(file.votes, file.vote_pos, span.start, span.end)} | {region_code or ""}
    for county, n in regions.counties_named_short(text, parents).items():
        if county not in in_full and n >= COUNTY_SHORT_STORY_MIN:
            counts[county] = n  # (`南通海门:…作为江海门户的海门`, never written 海门区)
            in_full.add(county)
    if not counts:
        return None  # (most stories name none)
    titled = {county for _, county, _ in regions.find_counties(span.title_text, region_code, frozenset(in_full))
              if county in in_full}  # (`黄埔,稳居全市第一!` over a story that writes 黄埔区)
    leader = _named_most(counts)
    if len(titled) == 1:
        county = titled.pop()
    elif leader is None or leader[1] < KNOWN_COUNTY_STORY_MIN or leader[1] <= _own_votes(span, file, region_code) or (
            regions.find_places(span.title_text)):
        return None  # (a title naming a city or province, not a county: `株洲市前三季度高新技术产业增加值增长24.7%`)
    else:
        county = leader[0]
    own_words = COUNTY_AREA_WORDS[county.name[-1]]
    parent = regions.region(county.parent_code)
    parent_words = PROVINCE_WIDE if parent is None or parent.level == "province" else COUNTY_AREA_WORDS["市"]
    if parent_words != own_words and _area_claims(text, parent_words) > _area_claims(text, own_words):
        return None
    return StoryPart(county.name, own_words, is_county=True)


def _area_claims(text: str, words: tuple[str, ...]) -> int:
    """How often `text` speaks of an area by these words (`全市高新技术企业达…`), not as a ranking's field or a
    yardstick (`稳居全市第一`, `高于全市平均水平`, `领跑全市`)."""
    return sum(1 for word in words for m in re.finditer(word, text) if not regions.wide_is_no_claim(text, m.start()))


_COUNTY_SUFFIX_RE = re.compile(rf"[{''.join(COUNTY_SUFFIXES)}](?![{COUNTY_SUFFIX_NOT_BEFORE}])")


def _titled_park(title: str) -> StoryPart | None:
    """The city's park a title names (`无锡高新区进入全国20强`, `四川泸州高新区：…`), as written."""
    for pos, code in regions.find_places(title):
        home = regions.region(code)
        park = regions.park_named_at(title, pos) if home is not None and home.level == "prefecture" else None
        if park is not None:
            return StoryPart(park, PARK_AREA_WORDS)
    return None


_COUNTY_TITLE_RE = re.compile(
    rf"([\u4e00-\u9fff]{{2,3}}?)(?:({'|'.join(COUNTY_SUFFIXES)})(?![{COUNTY_SUFFIX_NOT_BEFORE}])|(?=[:：]))")
# a county's name opening a title without its suffix (`浏阳新增…`): not an area word (`全省新增…`, `我市…`)
_COUNTY_NAME_RE = re.compile(r"[^全我本该各省市县区国\W\d][\u4e00-\u9fff]{1,2}")


def _writes_county(norm: str, county: str, bare: bool) -> bool:
    """Whether the text writes `county` (a name and its suffix); for a name a title opened with bare, under
    its parent or as an office's, as only a county is written (not `技术市场`, `政府市`)."""
    if not bare:
        return county in norm
    return any((regions.place_ends_at(norm, m.start()) or norm.startswith(COUNTY_OFFICE_WORDS, m.end()))
               and not norm.startswith("场", m.end()) for m in re.finditer(county, norm))  # (not `技术市场`)


def _titled_county(title: str, norm: str) -> StoryPart | None:
    """The county a title opens with (`宜都：…`, `武穴市高新技术产业增加值…`, `浏阳新增31家…`), also under the name of
    its city or province (`襄阳市襄城区以…破局`, with its suffix), when the gazetteer does not know it and the text
    writes it with a county's suffix (`宜都市科技局`, `湖南省浏阳市科技局`)."""
    parent_end = regions.name_end(title, 0) if regions.match_name(title, 0) else None
    if parent_end is not None:
        m = _COUNTY_TITLE_RE.match(title, parent_end)
        if m is None or m.group(2) is None or m.group(1).endswith(ZONE_NAME_ENDINGS):
            return None
        title = title[parent_end:]
    m = _COUNTY_TITLE_RE.match(title)
    names = [m.group(1)] if m is not None else [title[:n] for n in (2, 3) if _COUNTY_NAME_RE.fullmatch(title[:n])]
    names = [name for name in names if _COUNTY_NAME_RE.match(name)]  # (not `我国区域`: no county 我国区)
    for name in names:
        if regions.find_places(name):
            return None  # a place the gazetteer knows opens it (a city's story, a province's)
        suffix = (m.group(2) if m is not None else None) or next(
            (s for s in COUNTY_SUFFIXES if _writes_county(norm, name + s, bare=m is None)), None)
        if suffix is not None and not regions.find_places(name + suffix):
            return StoryPart(name + suffix, COUNTY_AREA_WORDS[suffix], is_county=True)
    return None


def _measure_heading(norm: str, blocks: list[layout.Block], index: int) -> str | None:
    """The short heading line right above a bulleted figure (`科技创新环境指数` over `●68.16% 比上年…`),
    which names the figure's measure; None for any other paragraph."""
    block = blocks[index]
    if index == 0 or not _BULLETED_FIGURE_RE.match(norm, block.start, block.end):
        return None
    above = blocks[index - 1]
    line = compact(norm[above.start:above.end])
    if above.article != block.article or not line or len(line) > MEASURE_HEADING_MAX_CHARS or (
            _HAS_DIGIT_RE.search(line)):
        return None
    return line


def _issuer_places(norm: str, head: list[layout.Block], doc: DocumentIndex) -> list[tuple[int, str]]:
    """The place of an issuer's line in an article's head (`蚌埠市科学技术局` on a line of its own),
    which counts like the title's places."""
    out = []
    for block in head:
        line = norm[block.start:block.end].strip()
        if len(line) <= ISSUER_LINE_MAX_CHARS and line.endswith(ISSUER_SUFFIXES):
            out += between(doc.places, doc.place_pos, block.start, block.end)[:1]
    return out


def _context_start(norm: str, blocks: list[layout.Block], first: int, doc: DocumentIndex) -> int:
    """Where the context of a paragraph's figures starts: the paragraph, or the one before it when that
    one names a span of years and states no figure (`据介绍，过去五年，重庆…。` over `成果显示，…增长1.9倍`),
    or the first of the paragraphs it breaks down (`2017年1-2月，…支出57.4亿元。` over `分规模看，…`)."""
    start = blocks[first].start
    if first == 0:
        return start
    lead = blocks[first - 1]
    if _BREAKDOWN_OPENING_RE.match(norm, start) and lead.article == blocks[first].article and (
            lead.kind == "body" and between(doc.number_pos, doc.number_pos, lead.start, lead.end)) and not any(
            periods.names_span(m) for m in between(doc.periods, doc.period_pos, lead.start, lead.end)):
        # (a remark between them breaks nothing down, nor does a look back over years: `2013年以来，…稳居世界第二`)
        return _context_start(norm, blocks, first - 1, doc)
    if lead.article != blocks[first].article or lead.kind != "body" or between(
            doc.number_pos, doc.number_pos, lead.start, lead.end):
        return start
    named = between(doc.periods, doc.period_pos, lead.start, lead.end)
    return lead.start if any(periods.names_span(m) for m in named) else start


def _titles_restate_their_stories(mentions: list[FigureMention], paragraphs: list[Paragraph]) -> None:
    """A title's figure that says nothing of its own period (`烟台国家科技型中小企业入库1708家`)
    restates its story's figure of the same value and kind, and is for that figure's period; a title's
    `将突破5200家` over a story's estimate of the year just over restates that estimate."""
    heads = _headline_paragraphs(paragraphs)
    titled = [m for m in mentions if m.period_source in ("article", "target") and m.paragraph_index in heads]
    if not titled:
        return
    told = [m for m in mentions if m.paragraph_index not in heads]
    stated: dict[tuple[int, float, str, str], str] = {}
    for m in told:  # what its own sentence says; the first such figure (the lead's) is the one a title restates
        if m.period and m.period_source not in ("article", "paragraph"):
            stated.setdefault((m.article_index, m.value, m.unit, m.value_kind), m.period)
    for mention in titled:
        period = stated.get((mention.article_index, mention.value, mention.unit, mention.value_kind))
        if period is not None and mention.period_source == "article":
            mention.period = period
            mention.period_source = "story"
        elif mention.value_kind == "target":  # `郑州市高新技术企业将突破5200家` over a story's estimate
            story = next((m for m in told if m.article_index == mention.article_index and m.value == mention.value
                          and m.unit == mention.unit and m.value_kind != "target"), None)
            if story is not None:
                mention.period, mention.value_kind, mention.qualifier = story.period, story.value_kind, story.qualifier
                mention.period_source = "story"


def _stocks_now_restate_earlier_figures(mentions: list[FigureMention]) -> None:
    """A figure dated by the time of writing (`截至目前，榆林市入库科技型中小企业379家` in March 2021)
    that repeats a figure its article gave earlier with a period of its own (`2020年…入库科技型中小企业
    379家`) restates that figure, and is for its period. Small counts (`1家`) repeat by chance."""
    if not any(m.period_source == "now" for m in mentions):
        return
    stated: dict[tuple[int, float, str, str | None, str], str] = {}
    for m in mentions:
        key = (m.article_index, m.value, m.unit, m.counter, m.value_kind)
        if m.period_source == "now" and key in stated and m.value >= RESTATED_MIN_VALUE:
            m.period, m.period_source = stated[key], "restated"
        elif m.period and m.period_source not in ("now", "article"):
            stated.setdefault(key, m.period)


def _headline_paragraphs(paragraphs: list[Paragraph]) -> set[int]:
    """Each article's title, and the headings above its first body paragraph (a headline the layout
    did not take for the title: `焦点日报:郑州市高新技术企业将突破5200家`)."""
    heads: set[int] = set()
    in_body: set[int] = set()
    for p in paragraphs:
        if p.kind == "body":
            in_body.add(p.article_index)
        elif p.kind == "title" or (p.kind == "heading" and p.article_index not in in_body):
            heads.add(p.index)
    return heads


def _table_mentions(text: str, norm: str, blocks: list[layout.Block], contexts: list[ArticleContext],
                    sentences: list[Sentence]) -> list[FigureMention]:
    """The figures of tables flattened one cell per line (tables.py), each in its article's context:
    the row's place or the article's region, the article's (or its section's) period."""
    found = [(index, cell, None) for index, cell in tables.cells(norm, blocks) + tables.ranks(norm, blocks)]
    found += tables.measure_rows(norm, blocks) + tables.place_year_rows(norm, blocks) + tables.measure_year_cells(
        norm, blocks)
    if not found:
        return []
    sentence_starts = [s.char_start for s in sentences]
    out = []
    for index, cell, part in found:
        context = contexts[index]
        period = periods.year_so_far(context.default_period) if cell.column.to_date else context.default_period
        if part is not None and part[:4].isdigit():  # a column's own year (`2016年 | 2017年 | 增长率`)
            period = part
        elif cell.year is not None:  # a ranking's edition (`百强县2023名单`)
            period = cell.year
        elif part is not None:  # a column's own part of the year (`1-11月`), in the article's year
            period = periods.part_in_year(part, int(period[:4]), context.published) if period and (
                period[:4].isdigit()) else None
        region_code = regions.resolve(cell.region_code, context.region_code) if cell.region_code else (
            context.region_code)
        home = regions.region(region_code)
        region_name = home.name if home else None
        if cell.county is not None:  # a county's row (`江苏昆山市`): its own name, no code
            region_code, region_name = None, regions.county_label(cell.county, region_code)
        sentence = sentences[max(0, bisect.bisect_right(sentence_starts, cell.start) - 1)]
        out.append(FigureMention(
            article_index=blocks[index].article, paragraph_index=index, sentence_index=sentence.index,
            char_start=cell.start, char_end=cell.end, quote=text[cell.start:cell.end], sentence=sentence.text,
            value=cell.value, unit=cell.column.unit, counter=cell.column.counter, qualifier="exact",
            value_kind=cell.column.kind, region_code=region_code, region_name=region_name,
            subject=cell.subject, period=periods.whole_year(period), period_source="table",
            indicator_code=cell.indicator_code, indicator_name=cell.indicator_name,
            is_repeated_passage=blocks[index].repeat_of is not None,
            sentence_paragraph_index=sentence.paragraph_index,
        ))
    return out
