"""Tables flattened into text, as statistics bulletins reach us from web pages and PDFs:

    地  区 | R&D经费(亿元) | 比上年增长(%) | R&D经费投入强度(%)
    全  省 | 454.29 | 15.6 | 1.59
    福州市 | 122.46 | 24.0 | 1.98

each cell a paragraph (with or without `|` lines between), each row a line of `|`-separated cells, or
the whole table on one line (`地区 | R&D经费(亿元) | 强度(%) | 全国 | 24393.1 | 2.40 | 广东省 | …`): cells
are read in order, whatever ends them. The header names each column's measure and unit; each row's
first cell is a place (the region of its figures) or a part of the whole (an industry: the subject).
A bare number means nothing outside its table, so only this stage reads them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import indicators, periods, regions
from .layout import Block
from .rules import (
    NATION_NAMES,
    TABLE_CHANGE_HEADER_WORDS,
    TABLE_EDITION_NAME_MAX,
    TABLE_EDITION_NOUNS,
    TABLE_GROUP_HEADERS,
    TABLE_GROWTH_WORDS,
    TABLE_INDUSTRY_HEADERS,
    TABLE_INDUSTRY_WHOLE,
    TABLE_LABEL_HEADERS,
    TABLE_RANK_HEADERS,
    TABLE_SERIAL_HEADERS,
    TABLE_TO_DATE_WORDS,
    TABLE_TOTAL_LABELS,
    TABLE_UNIT_LINE_WORD,
    TABLE_UNITS,
)

_UNITS_LONGEST_FIRST = "|".join(map(re.escape, sorted(TABLE_UNITS, key=len, reverse=True)))
_UNIT_OPENERS = "(（"
_UNIT_RE = re.compile(rf"[{_UNIT_OPENERS}]\s*({_UNITS_LONGEST_FIRST})\s*[)）]")
_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_CELL_RE = re.compile(r"[^|｜\n]+")
_SERIAL_RE = re.compile(r"[0-9]{1,3}")
_MAX_COLUMNS = 12
_CELL_GAP = r"[ \t\u3000|｜]+"
_ROW_BORDER = r"(?:[|｜][ \t\u3000]*)?"  # a table pasted with its borders (`| 1 | 廣東 | 4411.9 |`)
# a ranking table's header line: its rank column, then the places' (`排序 城市 创新能力效用值`)
_RANK_HEADER_RE = re.compile(
    rf"^{_ROW_BORDER}(?:{'|'.join(TABLE_RANK_HEADERS)}){_CELL_GAP}(?:{'|'.join(TABLE_LABEL_HEADERS)})"
    rf"(?:{_CELL_GAP}|$)", re.M)
_RANK_ROW_RE = re.compile(
    rf"{_ROW_BORDER}([0-9]{{1,3}}){_CELL_GAP}([^\s|｜0-9]{{2,12}})(?:{_CELL_GAP}[^\s|｜]+)*[\s|｜]*")
_ASIDE_RE = re.compile(r"[(（][^()（）]{0,12}[)）]|\s")
_MEASURE_LOOKBACK = 3  # paragraphs above a ranking table that may name what it ranks


@dataclass(frozen=True, slots=True)
class Column:
    """One measured column: its name as the header writes it, its unit and what kind of figure it holds."""

    name: str
    unit: str  # yuan, percent or count
    multiplier: float
    counter: str | None
    kind: str  # level, growth_rate or share
    named: bool = True  # its header names the measure (not a part of a group: `大专院校` under `职务`)
    to_date: bool = False  # it counts the year so far (`当年授权量`), not the table's month


_RANK_COLUMN = Column("排名", "rank", 1.0, None, "rank")


@dataclass(frozen=True, slots=True)
class Cell:
    """A figure read from a table: the value cell's span, its row label and its column."""

    start: int
    end: int
    value: float
    label: str
    column: Column
    region_code: str | None
    subject: str | None
    indicator_code: str | None
    indicator_name: str
    # the county the row names (`江苏昆山市`), whose figure it is (region_code is then its province's)
    county: str | None = None
    year: str | None = None  # the ranking's edition the table is of (`百强县2023名单`), where the text names it


@dataclass(frozen=True, slots=True)
class _Span:
    """One cell of text: a paragraph, or a piece of one between `|` marks."""

    block: int
    start: int
    end: int
    text: str


def _names_a_unit(norm: str) -> bool:
    """`_UNIT_RE.search(norm) is not None`, matched only where an opening bracket stands (found by
    `str.find`, a few brackets a text: twenty times faster than the class's scan over the whole text)."""
    for opener in _UNIT_OPENERS:
        at = norm.find(opener)
        while at != -1:
            if _UNIT_RE.match(norm, at) is not None:
                return True
            at = norm.find(opener, at + 1)
    return False


def cells(norm: str, blocks: Sequence[Block]) -> list[tuple[int, Cell]]:
    """(index of the value's block, cell) for every value of every table flattened into `blocks`."""
    if not _names_a_unit(norm) and not all(group in norm for group in TABLE_GROUP_HEADERS):
        return []  # no header can name a column's unit, nor group its columns: no table (most texts)
    spans = _spans(norm, blocks)
    texts = [span.text for span in spans]
    found: list[tuple[int, Cell]] = []
    k = 0
    while k < len(spans):
        serial = texts[k] in TABLE_SERIAL_HEADERS and k + 1 < len(spans)  # `序号 | 各市 | …`
        header = _header(texts, k + 1 if serial else k) or _grouped_header(spans, k) or _flat_grouped_header(spans, k)
        if header is None:
            k += 1
            continue
        label_header = _compact(texts[k + 1 if serial else k])
        columns, k = header
        k = _rows(spans, k, columns, found, serial, whole=TABLE_INDUSTRY_WHOLE if label_header in (
            TABLE_INDUSTRY_HEADERS) else None)
    return found


def ranks(norm: str, blocks: Sequence[Block]) -> list[tuple[int, Cell]]:
    """(index of the row's block, cell) for every row of a ranking table written one row per line:
    `排序 城市 创新能力效用值` over `1 广东 59.49`, `2 北京 53.22`: each row's number is its place's rank
    (the scores after it are the ranking's own, with no unit to read them by)."""
    out: list[tuple[int, Cell]] = []
    starts = [block.start for block in blocks]
    for header in _RANK_HEADER_RE.finditer(norm):
        k = bisect.bisect_right(starts, header.start()) - 1
        indicator = _ranked_measure(norm, blocks, k)
        names = _CELL_TEXT_RE.findall(norm, blocks[k].start, blocks[k].end)
        if _pairs_of_rank_and_name(names):
            out.extend(_paired_ranks(norm, blocks, k, len(names), indicator))
            continue
        ranked_columns = {i: _ranked_column(name[:-2]) for i, name in enumerate(names)
                          if i > 1 and name.endswith(TABLE_RANK_HEADERS)}
        previous = 0
        for row_block in range(k + 1, len(blocks)):
            block = blocks[row_block]
            row = _RANK_ROW_RE.fullmatch(norm, block.start, block.end)
            places = regions.find_places(row.group(2)) if row else []
            rank = int(row.group(1)) if row else 0
            if not places or places[0][0] != 0 or rank < previous:
                break  # the table ends where a line is no `rank place …` row
            previous = rank
            out.append((row_block, Cell(
                block.start, block.start + len(norm[block.start:block.end].rstrip()), float(rank), row.group(2),
                _RANK_COLUMN, places[0][1], None, indicator.code if indicator else None,
                indicator.name if indicator else _RANK_COLUMN.name)))
            if ranked_columns:
                out.extend((row_block, cell) for cell in _column_ranks(norm, block, ranked_columns, len(names),
                                                                          row.group(2), places[0][1]))
    return out


_CELL_TEXT_RE = re.compile(r"[^\s|｜]+")


def _pairs_of_rank_and_name(names: list[str]) -> bool:
    """Whether a ranking table's header repeats its rank and name columns (`排名 | 名单 | 排名 | 名单`): a long
    list laid out in several pairs of columns, each row holding one rank and name per pair."""
    return len(names) >= 4 and len(names) % 2 == 0 and all(
        names[i] in TABLE_RANK_HEADERS and names[i + 1] in TABLE_LABEL_HEADERS for i in range(0, len(names), 2))


def _paired_ranks(norm: str, blocks: Sequence[Block], header: int, width: int,
                  indicator: indicators.Indicator | None) -> list[tuple[int, Cell]]:
    """The ranks of a table laid out in pairs of columns (`1 | 江苏昆山市 | 51 | 河南长葛市`), each the rank of the
    place or county its name cell names; the table ends at the first line that is no such row."""
    out: list[tuple[int, Cell]] = []
    above = blocks[header - 1] if header and blocks[header - 1].article == blocks[header].article else None
    edition = _EDITION_RE.search(norm, above.start, above.end) if above is not None else None
    for row_block in range(header + 1, len(blocks)):
        block = blocks[row_block]
        cells = list(_CELL_TEXT_RE.finditer(norm, block.start, block.end))
        if len(cells) != width or not all(cells[i].group().isdigit() for i in range(0, width, 2)):
            break
        for rank, name in zip(cells[0::2], cells[1::2], strict=True):
            places = regions.find_places(name.group())
            place = places[0][1] if places and places[0][0] == 0 else None  # (its province, before a county)
            county = regions.county_opening(name.group())
            if county is None and place is None:
                continue  # a name the gazetteer does not know: no owner to give its rank
            out.append((row_block, Cell(
                rank.start(), name.end(), float(rank.group()), name.group(), _RANK_COLUMN, place, None,
                indicator.code if indicator else None, indicator.name if indicator else _RANK_COLUMN.name, county,
                edition.group(1) if edition else None)))
    return out


# a ranking's edition named right above its table (`在全国科技创新百强区2023名单中`, `2024年度…榜单`)
_EDITION_RE = re.compile(rf"((?:19|20)[0-9]{{2}})\s?年?度?[^，。；,;\s]{{0,{TABLE_EDITION_NAME_MAX}}}?"
                         rf"(?:{'|'.join(TABLE_EDITION_NOUNS)})")


def _ranked_column(measure: str) -> tuple[Column, str | None]:
    """A column headed `…排行` (`专利排行`): the rank in the ranking it names, and that rank's indicator code."""
    column = Column(measure + _RANK_COLUMN.name, "rank", 1.0, None, "rank")  # (a cell holds no blank)
    indicator = indicators.lookup(column.name)
    return column, indicator.code if indicator is not None and indicator.unit == "rank" else None  # not `R&D投入`


def _column_ranks(norm: str, block: Block, ranked: dict[int, tuple[Column, str | None]], width: int, label: str,
                  place: str) -> list[Cell]:
    """The ranks a row gives in the columns headed `…排行` (`专利排行`, `R&D投入排行`): each the place's rank
    in the ranking the header names."""
    cells = list(_CELL_TEXT_RE.finditer(norm, block.start, block.end))
    if len(cells) != width:
        return []
    out = []
    for i, (column, code) in ranked.items():
        value = cells[i].group()
        if value.isdigit():
            out.append(Cell(cells[i].start(), cells[i].end(), float(value), label, column, place, None, code,
                            column.name))
    return out


def measure_rows(norm: str, blocks: Sequence[Block]) -> list[tuple[int, Cell, str]]:
    """(index of the row's block, cell, the part of the year its column covers) for every value of a table
    whose rows are measures, one row per line, under a header of periods and changes:

        规模以上企业科技投入及产出 | 1-11月 | 同比±% |
        规模以上工业企业研发费用(亿元) | 611.4 | 8.9 |
        规模以上工业企业新产品产值率(%) | 32.8 | 0.1 |

    A row's label names the measure and its unit; a column headed by a part of the year (`1-11月`) holds
    its levels, one headed by a change (`同比±%`) their growth (in points for a rate). A column headed by a
    growth over a part of the year (`1-5月增速(%)`) holds the growth of measures named without a unit."""
    if "|" not in norm:
        return []
    out: list[tuple[int, Cell, str]] = []
    header: list[tuple[str, str]] | None = None  # (kind of column: level or growth, the part of the year)
    for index, block in enumerate(blocks):
        cells = [cell.strip() for cell in norm[block.start:block.end].split("|")]
        if len(cells) < 2:
            header = None
            continue
        # (a header may leave out the label column's cell: `2016年 | 2017年 | 增长率 |` over `交易量(项) | 3976 | …`)
        columns = _measure_header(cells if _YEAR_COLUMN_RE.fullmatch(_compact(cells[0])) else cells[1:])
        if columns is not None:
            header = columns
            continue
        if header is None:
            continue
        out.extend((index, cell, part) for cell, part in _measure_row(norm, block, cells, header))
    return out


def _measure_header(cells: list[str]) -> list[tuple[str, str]] | None:
    """The columns a header line names after its first cell (`1-11月 | 同比±%`, `2016年 | 2017年 | 增长率`), or
    None if it is no such header: every named cell a part of the year, a year or a change. A column's period
    is a part of the article's year, or a year of its own (a change is over the column before it)."""
    columns, part = [], ""
    for cell in cells:
        if not cell:
            continue
        compact = _compact(cell)
        cell_part = _YEAR_COLUMN_RE.fullmatch(compact) and compact[:4] or periods.part_of_year(compact)
        if any(word in cell for word in TABLE_CHANGE_HEADER_WORDS):
            columns.append(("growth", cell_part or part))
        elif cell_part:
            columns.append(("level", cell_part))
            part = cell_part
        else:
            return None
    return columns if columns else None


_YEAR_COLUMN_RE = re.compile(r"(?:19|20)\d\d年?")


def _measure_row(norm: str, block: Block, cells: list[str], header: list[tuple[str, str]]) -> list[tuple[Cell, str]]:
    """The figures of one measure's row under `header`."""
    label = cells[0].lstrip("#")
    unit = _UNIT_RE.search(label)
    name = _compact(label[:unit.start()] if unit else label)
    values = [cell for cell in cells[1:] if cell]
    # (a growth column may write its rates with their sign: `43.94%`)
    if not name or len(values) > len(header) or not all(_NUMBER_RE.fullmatch(value.removesuffix("%")) and (
            kind == "growth" or not value.endswith("%")) for (kind, _part), value in zip(header, values, strict=False)):
        return []
    out, cursor = [], block.start + len(cells[0]) + 1
    indicator = indicators.lookup(name)
    for (kind, part), value in zip(header, values, strict=False):
        at = norm.find(value, cursor, block.end)
        cursor = at + len(value)
        if kind == "level" and unit is None:
            continue  # a level with no unit to read it by
        if kind == "level":
            column = _level_column(name, unit.group(1))
        else:  # a rate's change is in points
            rate = unit is not None and TABLE_UNITS[unit.group(1)][0] == "percent"
            column = Column(name, "percentage_point" if rate else "percent", 1.0, None,
                            "change" if rate else "growth_rate")
        out.append((Cell(at, cursor, float(value.removesuffix("%")) * column.multiplier, label, column, None, None,
                         indicator.code if indicator is not None else None, name), part))
    return out


def measure_year_cells(norm: str, blocks: Sequence[Block]) -> list[tuple[int, Cell, str]]:
    """(index of the value's block, cell, the year its column holds) for every value of a table of measures by
    year flattened one cell per line (a city's `科技统计简表`):

        序号 / 类别 / 指标 / 2013 / … / 2018 / 2018年同比增长率 / 15城市排序
        1 / 高新产业指标 / 高新技术企业累计数(家) / 1113 / … / 3536 / 25.08% / 4
        2 / 规上高新技术产业增加值(亿元) / 1700.19 / …

    Each row opens with its number, then a group's name where a group starts, then the measure with its unit;
    after the years' values, a growth column holds the last year's growth and a rank column its rank."""
    if _SERIAL_LINE_RE.search(norm) is None:
        return []  # (most pages: no header cell on a line of its own)
    texts = [_compact(norm[b.start:b.end]) for b in blocks]
    out: list[tuple[int, Cell, str]] = []
    k = 0
    while k < len(texts):
        header = _year_cells_header(texts, k)
        if header is None:
            k += 1
            continue
        years, extras, k = header
        while (row := _year_cells_row(norm, blocks, texts, k, years, extras)) is not None:
            found, k = row
            out.extend(found)
    return out


_ESTIMATE_BRACKETS = "[]［］"  # (`[46000]`: an estimate, under `注:[]中数据为预计值`)
_SERIAL_LINE_RE = re.compile(rf"^\s*(?:{'|'.join(TABLE_SERIAL_HEADERS)})\s*$", re.M)


def _year_cells_header(texts: list[str], k: int) -> tuple[list[str], list[str], int] | None:
    """(the years, the kinds of the columns after them, where the rows start) of a header opening at `k`."""
    if texts[k] not in TABLE_SERIAL_HEADERS:
        return None
    at = k + 1
    while at < len(texts) and texts[at] in TABLE_LABEL_HEADERS:
        at += 1
    years = []
    while at < len(texts) and _YEAR_COLUMN_RE.fullmatch(texts[at]):
        years.append(texts[at][:4])
        at += 1
    if at == k + 1 or len(years) < 2:
        return None
    extras = []
    while at < len(texts) and (texts[at].endswith(TABLE_RANK_HEADERS) or any(
            word in texts[at] for word in TABLE_CHANGE_HEADER_WORDS)):
        extras.append("rank" if texts[at].endswith(TABLE_RANK_HEADERS) else "growth")
        at += 1
    return years, extras, at


def _year_cells_row(norm: str, blocks: Sequence[Block], texts: list[str], k: int, years: list[str],
                    extras: list[str]) -> tuple[list[tuple[int, Cell, str]], int] | None:
    """The figures of the row opening at `k` and where the next row opens, or None where no row opens."""
    start = k + 1 if k < len(texts) and _SERIAL_RE.fullmatch(texts[k]) else k  # (a merged cell can drop it)
    labelled = next(((at, unit) for at in (start, start + 1)
                     if at < len(texts) and (unit := _UNIT_RE.search(texts[at])) is not None), None)
    if labelled is None or labelled[0] + 1 >= len(texts) or not _NUMBER_RE.fullmatch(
            texts[labelled[0] + 1].strip(_ESTIMATE_BRACKETS)):
        return None
    label_at, unit = labelled
    label = texts[label_at]
    name = label[:unit.start()].removeprefix("其中:").removeprefix("其中：").lstrip("*")
    level = _level_column(name, unit.group(1))
    growth = Column(name, "percent", 1.0, None, "growth_rate")  # (`同比增长率` of a share too: its own rate)
    indicator = indicators.lookup(name)
    code = indicator.code if indicator is not None else None
    found = []
    at = label_at + 1
    for column, year in [(level, y) for y in years] + [
            (growth if kind == "growth" else _RANK_COLUMN, years[-1]) for kind in extras]:
        if at >= len(texts):
            break
        value = texts[at].strip(_ESTIMATE_BRACKETS).removesuffix("%")
        if _NUMBER_RE.fullmatch(value):
            block = blocks[at]
            found.append((at, Cell(block.start, block.start + len(norm[block.start:block.end].rstrip()),
                                   float(value) * column.multiplier, label, column, None, None,
                                   code if column is not _RANK_COLUMN else None, name), year))
        at += 1
    return found, at


def place_year_rows(norm: str, blocks: Sequence[Block]) -> list[tuple[int, Cell, str]]:
    """(index of the row's block, cell, the year its column holds) for every value of a table of places by
    year, one row per line, whose measure and unit the lines above its header name (a yearbook's table):

        6-4 PCT国际专利申请受理量 | |
        单位:件 | (Unit: piece) |
        地区Regions | 2018年 | 2022年 | 2023年 |
        北京 | Beijing | 6527 | 11463 | 11438 |

    A row's place is its figures' region; a cell in Latin letters (a bilingual table's English name) is
    skipped; a row of no place (`合计Total`, `国内小计`) is left alone: what it totals is the table's to say."""
    if "|" not in norm or TABLE_UNIT_LINE_WORD not in norm:
        return []
    out: list[tuple[int, Cell, str]] = []
    years: list[str] | None = None
    column: Column | None = None
    for index, block in enumerate(blocks):
        named = [cell.strip() for cell in norm[block.start:block.end].split("|") if cell.strip()]
        if len(named) < 2:
            years = None  # (a line that is no row ends the table)
            continue
        if len(named) >= 3 and _LATIN_RE.sub("", _compact(named[0])) in TABLE_LABEL_HEADERS and all(
                _YEAR_COLUMN_RE.fullmatch(_compact(cell)) for cell in named[1:]):
            column = _measure_above(norm, blocks, index)
            years = [_compact(cell)[:4] for cell in named[1:]] if column is not None else None
            continue
        if years is not None and column is not None:
            out.extend((index, cell, year) for cell, year in _place_year_row(norm, block, named, years, column))
    return out


def _level_column(name: str, unit_word: str) -> Column:
    """The column of a measure's levels in the unit a header writes (`亿元`, `家`, `%`): a percentage is a share."""
    out_unit, multiplier = TABLE_UNITS[unit_word]
    return Column(name, out_unit, multiplier, unit_word if out_unit == "count" else None,
                  "share" if out_unit == "percent" else "level")


def _measure_above(norm: str, blocks: Sequence[Block], header: int) -> Column | None:
    """The column a table of places by year holds: its unit from a line `单位:件` and its measure from the
    caption above (`6-4 PCT国际专利申请受理量`), within a few lines above its header; None without both."""
    unit = name = None
    for k in range(header - 1, max(-1, header - 1 - _MEASURE_LOOKBACK - 1), -1):
        if blocks[k].article != blocks[header].article:
            break
        line = norm[blocks[k].start:blocks[k].end]
        stated = _UNIT_LINE_RE.search(line)
        if stated is not None and unit is None:
            unit = stated.group(1)
            continue
        caption = _CAPTION_RE.search(line.split("|")[0])
        if caption is not None and unit is not None:
            name = caption.group()
            break
    if unit is None or name is None:
        return None
    return _level_column(name, unit)


def _place_year_row(norm: str, block: Block, named: list[str], years: list[str], column: Column) -> list[tuple[
        Cell, str]]:
    """The figures of one place's row under the year columns `years`."""
    label = _LATIN_RE.sub("", _compact(named[0]))
    found = regions.find_places(label)
    values = [cell for cell in named[1:] if not _LATIN_RE.fullmatch(cell)]
    if not found or found[0][0] != 0 or regions.name_end(label, 0) != len(label) or len(values) != len(years) or (
            not all(_NUMBER_RE.fullmatch(value) for value in values)):
        return []
    code = found[0][1]
    indicator = indicators.lookup(column.name)
    out, cursor = [], norm.find(named[0], block.start, block.end) + len(named[0])
    for value, year in zip(values, years, strict=True):
        at = norm.find(value, cursor, block.end)
        cursor = at + len(value)
        out.append((Cell(at, cursor, float(value) * column.multiplier, named[0], column, code, None,
                         indicator.code if indicator is not None else None, column.name), year))
    return out


_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z .,&()'-]*")
_UNIT_LINE_RE = re.compile(rf"{TABLE_UNIT_LINE_WORD}\s*[:：]\s*({_UNITS_LONGEST_FIRST})(?![\u4e00-\u9fff])")
_CAPTION_RE = re.compile(r"(?:[A-Z&]+)?[\u4e00-\u9fff]{3,30}")  # (`PCT国际专利申请受理量`, not the English under it)


def _ranked_measure(norm: str, blocks: Sequence[Block], header: int) -> indicators.Indicator | None:
    """The ranking indicator a paragraph above a ranking table names (`《中国区域创新能力评价报告2019》显示`)."""
    for k in range(header - 1, max(-1, header - 1 - _MEASURE_LOOKBACK), -1):
        if blocks[k].article != blocks[header].article:
            break
        phrase = _ASIDE_RE.sub("", norm[blocks[k].start:blocks[k].end])  # (`创(chuàng )新`: pinyin debris)
        by_alias = indicators.dictionary().by_alias
        named = [by_alias[phrase[a:b]] for a, b in indicators.alias_spans(phrase)]
        found = next((indicator for indicator in named if indicator.unit == "rank"), None)
        if found is not None:
            return found
    return None


def _spans(norm: str, blocks: Sequence[Block]) -> list[_Span]:
    """The text's cells in order: each paragraph cut at `|`, without blanks around a cell, and
    without cells that are only blanks (the `|` lines between cells)."""
    out = []
    for index, block in enumerate(blocks):
        for m in _CELL_RE.finditer(norm, block.start, block.end):
            text = m.group()
            stripped = text.strip()
            if stripped:
                start = m.start() + len(text) - len(text.lstrip())
                out.append(_Span(index, start, start + len(stripped), stripped))
    return out


def _header(texts: list[str], k: int) -> tuple[list[Column], int] | None:
    """The columns of a header starting at cell k (a label header such as `地区`, then two or more
    measured columns), and where its first row starts."""
    label = texts[k]
    if _label(label) is None and (
            label.split()[-1] not in TABLE_LABEL_HEADERS):  # `…排行榜 注*榜单不含港澳台地区 地区`: a
        return None  # table run on after the text before it on one line
    cells = texts[k + 1:k + 1 + 2 * _MAX_COLUMNS]
    grouped = len(cells) > 2 and _UNIT_RE.search(cells[0]) is None and all(
        _UNIT_RE.search(cell) is not None and not _UNIT_RE.fullmatch(cell) for cell in cells[1:3])
    if grouped:  # `指标 | R&D项目 | 项目数(项) | 参加项目人员(人) | …`: a group's name over the columns
        k, cells = k + 1, cells[1:]
    names = _split_header(cells)  # `R&D经费`, `投入强度`, then `(亿元)`, `(%)`: names and units on two rows
    columns: list[Column] = []
    for name in names:
        column = _column(name, columns) or _total_column(name, columns)
        if column is None:
            break
        columns.append(column)
    consumed = len(names) * (2 if names and names[0] not in cells else 1)
    return (columns, k + 1 + consumed) if len(columns) >= 2 and len(columns) == len(names) else None


def _total_column(name: str, before: list[Column]) -> Column | None:
    """A last column `总计` with no unit after columns of one unit (`发明(件数) | 实用新型(件数) | 外观设计(件数) |
    总计`): their sum, in their unit."""
    units = {(column.unit, column.multiplier, column.counter, column.kind) for column in before}
    if name.strip() not in TABLE_TOTAL_LABELS or len(units) != 1:
        return None
    unit, multiplier, counter, kind = units.pop()
    return Column(name.strip(), unit, multiplier, counter, kind)


def _grouped_header(spans: list[_Span], k: int) -> tuple[list[Column], int] | None:
    """The columns of a header over several lines whose groups' parts are on its last line (cells merged
    across columns and rows, flattened):

        地 区 | 有效发明专利量 |
        职 务 | 非职务 | 常住人口 (万人) | 专利密度 (件/万人) | 排名 |
        大专院校 | 科研单位 | 工矿企业 | 机关团体 | 职务总计 | 个人 |
        长沙市 | 81989 | 30783 | 1713 | 46995 | 1270 | 80761 | 1228 | 1061.65 | 77.23 | 1 |

    The first row says how many columns there are; the groups (`职务`, `非职务`) are the cells without a
    unit right before the first with one, and their parts, in order, take their place. A part is a count
    like the measure before the groups, with no indicator of its own (a breakdown, not the total)."""
    row = _first_row(spans, k)
    if row is None:
        return None
    first_row, width = row
    header = spans[k + 1:first_row]
    groups = len(header) - width
    last_line = [span for span in header if span.block == header[-1].block] if header else []
    top = header[:len(header) - len(last_line)]
    if groups < 1 or not top or len(last_line) <= groups or width > _MAX_COLUMNS:
        return None
    with_unit = next((i for i, span in enumerate(top) if _UNIT_RE.search(span.text)), len(top))
    at = with_unit - groups
    if at < 1 or any(_UNIT_RE.search(span.text) for span in top[at:with_unit]):
        return None
    measure = _unitless_column(top[at - 1].text)
    if measure is None:
        return None
    names = [span.text for span in top[:at]]
    parts = [Column(_compact(span.text), measure.unit, 1.0, measure.counter, measure.kind, False)
             for span in last_line]
    columns: list[Column] = []
    for name in names:
        column = _column(name, columns) or _unitless_column(name)
        if column is None:
            return None
        columns.append(column)
    columns.extend(parts)
    for span in top[with_unit:]:
        column = _column(span.text, columns) or (_RANK_COLUMN if span.text in TABLE_RANK_HEADERS else None)
        if column is None:
            return None
        columns.append(column)
    return (columns, first_row) if len(columns) == width else None


def _first_row(spans: list[_Span], k: int) -> tuple[int, int] | None:
    """Under a label header at cell k (`地 区`), where the first row starts (its label: the first cell
    followed by a number) and how many values it holds, or None."""
    if _label(spans[k].text) is None:
        return None
    first_row = next((j for j in range(k + 1, min(len(spans) - 1, k + 1 + 3 * _MAX_COLUMNS))
                      if not _NUMBER_RE.fullmatch(spans[j].text) and _NUMBER_RE.fullmatch(spans[j + 1].text)), None)
    if first_row is None:
        return None
    width = 0
    while first_row + 1 + width < len(spans) and _NUMBER_RE.fullmatch(spans[first_row + 1 + width].text):
        width += 1
    return first_row, width


def _flat_grouped_header(spans: list[_Span], k: int) -> tuple[list[Column], int] | None:
    """The columns of a header written one cell per line whose cells group the columns after them
    (TABLE_GROUP_HEADERS), with no unit anywhere:

        地 区 | 当年授权量 | 当月授权量 | 发明 | 实用新型 | 外观设计 | 职 务 | 非职务 |
        大专院校 | 科研单位 | 工矿企业 | 机关团体 | 职务总计 | 个人 | 长沙市 | 25858 | 3307 | …

    Without the groups the names are the columns, one per value of the first row; every value a count."""
    row = _first_row(spans, k)
    if row is None:
        return None
    first_row, width = row
    names = [_compact(span.text) for span in spans[k + 1:first_row]]
    leaves = [name for name in names if name not in TABLE_GROUP_HEADERS]
    if len(leaves) == len(names) or any(_UNIT_RE.search(name) for name in names):
        return None  # no group to leave out, or a unit: a header the others read
    if width != len(leaves) or width > _MAX_COLUMNS:
        return None
    return [Column(name, "count", 1.0, None, "level", False, name.startswith(TABLE_TO_DATE_WORDS))
            for name in leaves], first_row


def _compact(text: str) -> str:
    return text.replace(" ", "").replace("\u3000", "")


def _label(text: str) -> str | None:
    """The label header a cell is (`地  区`: 地区), if it is one."""
    compact = _compact(text)
    return compact if compact in TABLE_LABEL_HEADERS else None


def _unitless_column(name: str) -> Column | None:
    """A column whose header names a counted measure of the dictionary but no unit (`有效发明专利量`)."""
    name = _compact(name)
    indicator = indicators.lookup(name)
    if indicator is None or indicator.unit != "count":
        return None
    return Column(name, "count", 1.0, None, "level")


def _split_header(cells: list[str]) -> list[str]:
    """The header's columns: cells that carry their unit (`R&D经费(亿元)`), or a run of names followed by
    as many cells that are only a unit, joined (`R&D经费` + `(亿元)`)."""
    with_unit = []
    for at, cell in enumerate(cells):
        if _UNIT_RE.search(cell) is None or _UNIT_RE.fullmatch(cell):
            if with_unit and cell.strip() in TABLE_TOTAL_LABELS and at + 1 < len(cells) and (
                    _NUMBER_RE.fullmatch(cells[at + 1]) is None):
                with_unit.append(cell)  # their sum, in their unit (`_total_column`); not the first row's
                # label (`合计 | 2572607.4 | …`)
            break
        with_unit.append(cell)
    if with_unit:
        return with_unit
    names = []
    for cell in cells:
        if _UNIT_RE.search(cell) is not None or _NUMBER_RE.fullmatch(cell) or len(cell) > 30:
            break
        names.append(cell)
    units = cells[len(names):2 * len(names)]
    if not names or len(units) < len(names) or not all(_UNIT_RE.fullmatch(unit) for unit in units):
        return []
    return [name + unit for name, unit in zip(names, units, strict=True)]


def _column(text: str, before: list[Column]) -> Column | None:
    unit = _UNIT_RE.search(text)
    if unit is None or len(text) > 30:
        return None
    name = text[:unit.start()].strip()
    if any(word in name for word in TABLE_GROWTH_WORDS):
        # `比上年增长(%)` measures the column before it
        name = before[-1].name if before and not indicators.lookup(name) else name
        return replace(_level_column(name, unit.group(1)), kind="growth_rate")
    return _level_column(name, unit.group(1))


def _rows(spans: list[_Span], k: int, columns: list[Column], found: list[tuple[int, Cell]],
          serial: bool = False, whole: str | None = None) -> int:
    """Rows of `len(columns) + 1` cells from cell k until a row breaks the pattern (`serial`: a row may
    open with its number, `1 | 杭州 | …`); returns where reading stopped. `whole`: the subject of the
    table's total row when the table covers a part of the region (its industries)."""
    width = len(columns) + 1
    while k + 1 < len(spans):
        if serial and _SERIAL_RE.fullmatch(spans[k].text) and not _NUMBER_RE.fullmatch(spans[k + 1].text):
            k += 1  # the row's number, then its label
        label = spans[k].text
        row = _row_cells(spans, k, width)
        if row is None and not _NUMBER_RE.fullmatch(label) and _row_cells(spans, k + 1, width) is not None and (
                not _NUMBER_RE.fullmatch(spans[k + 1].text)):
            k += 1  # `按企业规模分 | | | |`, `其他内资企业 | | | |`: a section's heading or a row with no values
            continue
        if _NUMBER_RE.fullmatch(label) or row is None:
            break
        region_code, subject = _row_owner(label)
        if whole is not None and region_code is None and subject is None:
            subject = whole  # `行业 | R&D经费 | 合计 | 2572607.4`: the industries' total, not the region's
        for column, cell in zip(columns, row, strict=False):  # (a row may leave its last cells blank)
            if not _NUMBER_RE.fullmatch(cell.text):
                continue  # `-`: no value in this column
            value = float(cell.text)
            indicator = indicators.lookup(column.name) if column.named else None
            found.append((cell.block, Cell(
                cell.start, cell.end, value * column.multiplier, label, column, region_code, subject,
                indicator.code if indicator is not None and subject is None else None,
                indicator.name if indicator is not None and subject is None else column.name,
            )))
        k += 1 + len(row)
    return k


def _row_cells(spans: list[_Span], k: int, width: int) -> list[_Span] | None:
    """The value cells of the row labelled at `k`, or None where the table has ended. A row written on one
    line (`全 省 | 129829 | … | 19.85 | |`) is that line's cells: a dash for a value not given (`-`), the
    last ones may be left blank. A table written one cell per line takes the next `width - 1` cells."""
    if k + 1 < len(spans) and spans[k + 1].block == spans[k].block:
        row = [span for span in spans[k + 1:k + width] if span.block == spans[k].block]
    elif k + width <= len(spans):
        row = spans[k + 1:k + width]
    else:
        return None
    if not any(_NUMBER_RE.fullmatch(span.text) for span in row):
        return None
    return row if all(_NUMBER_RE.fullmatch(span.text) or span.text in _NO_VALUE for span in row) else None


_NO_VALUE = ("-", "—", "--", "/", "－")


def _row_owner(label: str) -> tuple[str | None, str | None]:
    """(region code or place marker, subject) of a row: a place (`福州市`, `全  省`), the whole
    (`合计`: neither), or a part of it (an industry, a kind of performer: the subject)."""
    compact = _compact(label)
    if compact in NATION_NAMES:
        return regions.national_code(), None  # `全国 | 24393.1 | 2.40`: the nation's row
    places = regions.find_places(compact)
    if places and places[0][0] == 0:
        return places[0][1], None  # a place, or the marker of the article's own (全省, 全市)
    if compact.endswith(TABLE_TOTAL_LABELS):  # (`合计`, `工业企业总计`: the table's whole)
        return None, None
    return None, compact
