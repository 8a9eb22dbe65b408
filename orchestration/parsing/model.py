"""Plain records the parser returns; the staging loader writes them one-to-one into DuckDB.

Offsets (`char_start`, `char_end`) are Unicode code points into the decoded file text, as Python
indexes a `str`, before any normalisation: an analyst can always slice the original text with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class Article:
    index: int
    char_start: int
    char_end: int
    title: str | None
    byline: str | None
    published_on: date | None
    # 'metadata', 'text', 'text_year' (a year alone on the date line), 'file_name' or 'unknown'
    published_on_source: str
    region_code: str | None  # the article's primary region (全省/全市 resolve to it)
    region_name: str | None


@dataclass(slots=True)
class Paragraph:
    index: int  # position in the file, 0-based, across articles
    article_index: int
    char_start: int
    char_end: int
    text: str
    kind: str  # 'title', 'byline', 'heading', 'caption' or 'body'
    is_repeated: bool = False  # repeats an earlier passage of the same file (layout duplicate)
    repeat_of: int | None = None  # index of the paragraph it repeats
    continues: bool = False  # continues the previous paragraph's sentence, cut by the layout


@dataclass(slots=True)
class Sentence:
    paragraph_index: int
    index: int  # position within the paragraph, 0-based
    char_start: int
    char_end: int
    text: str


@dataclass(slots=True)
class FigureMention:
    article_index: int
    paragraph_index: int
    sentence_index: int
    char_start: int
    char_end: int
    quote: str  # exactly text[char_start:char_end]
    sentence: str
    value: float
    unit: str  # 'yuan', 'usd', 'percent', 'percentage_point', 'rank' or 'count'
    counter: str | None
    qualifier: str  # 'exact', 'lower_bound', 'upper_bound' or 'approx'
    value_kind: str  # 'level', 'growth_rate', 'share', 'rank', 'rank_change', 'change', 'target'
    region_code: str | None
    region_name: str | None
    subject: str | None
    period: str | None
    period_source: str  # how the period was obtained: 'explicit', 'article', 'relative', ...
    indicator_code: str | None
    indicator_name: str | None
    is_repeated_passage: bool = False
    # the paragraph whose Sentence (sentence_index) holds the figure: differs from paragraph_index
    # only when a sentence runs on into the next paragraph across a layout cut
    sentence_paragraph_index: int | None = None
    is_revision: bool = False  # `已修订为2.16%`: revises an earlier release (CONVENTIONS.md, "Revisions")
    in_list: bool = False  # one item of a `分别` list: never the same figure as another item of it


@dataclass(slots=True)
class ParsedDocument:
    articles: list[Article] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[FigureMention] = field(default_factory=list)
