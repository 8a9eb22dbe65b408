"""HTML pages: the bytes' encoding, the main text, the headline, the page's date, source and URL.

The main text comes from trafilatura (compared with readability-lxml and jusText on pages of real
sites: scripts/compare_html_extractors.py, numbers in the README). Before it runs, two things that
trip every extractor on Chinese portals are undone: tables used for page layout (a newspaper's
digital edition puts the whole page in one) become plain blocks, and blocks whose class or id says
what they are (navigation, breadcrumbs, sidebars, share bars, footers, previous/next links) are
dropped. The result is written the way a person pastes the article: the headline, a blank line,
the paragraphs separated by blank lines, list items and table rows one per line (cells by tabs).
"""

from __future__ import annotations

import codecs
import copy
import datetime
import re
import unicodedata
from functools import lru_cache
from importlib.metadata import version

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura

from .kinds import Refused
from .model import Document

EXTRACTOR = "trafilatura"
FAST = False

# ---------------------------------------------------------------- encoding

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# GB2312 and GBK pages use GB18030's characters in practice (a page labelled gb2312 with 镕 or ――):
# GB18030 is a superset of both, so it reads every such page and changes nothing for a clean one.
_GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "cp936", "ms936", "windows-936",
              "gb18030", "hz-gb-2312"}


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, codec): a BOM, else the `<meta charset>` if the bytes agree, else UTF-8, GB18030, a guess."""
    for bom, codec in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                       (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise Refused(f"invalid {codec} after a byte-order mark at byte {exc.start}") from exc
    declared = _META_CHARSET_RE.search(data[:8192])
    tried = []
    if not data.isascii():  # valid UTF-8 with Chinese in it is UTF-8, whatever the page declares (a GBK
        try:                # page is almost never valid UTF-8; a re-saved page often keeps its old label)
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            tried.append("utf-8")
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = "gb18030" if label in _GB_FAMILY else label
        try:
            codec = codecs.lookup(codec).name
            tried.append(codec)
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: the bytes decide
    for codec in ("utf-8", "gb18030"):
        if codec in tried:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.chaos <= 0.2:
        return str(best), best.encoding
    raise Refused("undecodable HTML: the declared charset, UTF-8 and GB18030 all fail on these bytes")


# ---------------------------------------------------------------- the page's tree

# class or id words of blocks that are never the article: a whole word of the attribute, or its first or
# last part (`share-bar`, `article-side`), never a part in the middle (ifeng's article is `js_img_share_area`)
_BOILERPLATE_WORDS = frozenset((
    "nav", "navbar", "navigation", "menu", "crumb", "crumbs", "breadcrumb", "position", "location", "weizhi",
    "sidebar", "side", "aside", "related", "xgxw", "xgwz", "recommend", "hot", "hotnews", "rank", "ranking",
    "share", "sharebar", "bdshare", "footer", "foot", "bottom", "copyright", "prevnext", "pagenav", "ad", "ads",
    "advert", "banner", "comment", "comments", "tags", "keywords", "login", "search", "toolbar", "print",
    "qrcode", "ewm", "pic", "pics", "caption", "tuzhu", "right", "fr", "rt",
))
_BOILERPLATE_PAIRS = ("prev-next", "pre-next", "share-bar", "img-caption")
# kicker and subtitle lines that sites put above or below the headline (引题, 副题, 导语): part of the article
_KICKER_WORDS = {"yinti", "yt", "futi", "fubiaoti", "fbt", "subtitle", "sub-title", "subhead", "kicker", "daoyu",
                 "lead", "summary"}
_BLOCK_TAGS = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "article", "section", "dl"}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
              "button", "select", "input", "textarea", "nav", "footer", "aside")


def _is_boilerplate(element) -> bool:
    for token in " ".join(filter(None, (element.get("class"), element.get("id")))).lower().split():
        if token in _BOILERPLATE_WORDS or token in _BOILERPLATE_PAIRS:
            return True
        parts = token.replace("_", "-").split("-")
        if len(parts) > 1 and (parts[0] in _BOILERPLATE_WORDS or parts[-1] in _BOILERPLATE_WORDS):
            return True
    return False


_FLOAT_RE = re.compile(r"float\s*:\s*(?:left|right)", re.IGNORECASE)
_WIDTH_RE = re.compile(r"(?:^|;)\s*width\s*:\s*(\d+)px", re.IGNORECASE)


def _is_narrow_column(element) -> bool:
    """A column set beside the article (`float:right; width:300px`, a `<td width=200>`): a sidebar."""
    style = element.get("style") or ""
    width = _WIDTH_RE.search(style)
    if _FLOAT_RE.search(style) and width and int(width.group(1)) <= 400:
        return True
    attr = (element.get("width") or "").strip()
    return element.tag == "td" and attr.isdigit() and int(attr) <= 300


def _holds_article(element) -> bool:
    """Three or more paragraphs of prose (not links): an article, whatever its class says."""
    prose = 0
    for para in element.iter("p"):
        text = _compact(para.text_content())
        linked = sum(len(_compact(a.text_content())) for a in para.iter("a"))
        if len(text) >= 40 and linked < len(text) / 4:
            prose += 1
            if prose >= 3:
                return True
    return False


def _nearest_table(element):
    for ancestor in element.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None


def _is_layout_table(table) -> bool:
    """A table that holds blocks (paragraphs, headings, other tables) or prose (a cell of 200 characters:
    an old portal's article set in `<td>` with `<br>` runs) lays out a page, not data."""
    for cell in table.iter("td", "th"):
        for child in cell.iter():
            if child is not cell and isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                return True
        if len(_compact(cell.text_content())) >= 200:
            return True
    return False


_INLINE_TAGS = {"a", "span", "b", "strong", "i", "em", "u", "font", "sup", "sub", "small", "big", "br", "img", "label",
                "abbr", "cite", "code", "q", "s", "strike", "mark", "time"}


def _paragraphs_from_breaks(element) -> None:
    """`text<br><br>text<br>` inside one block becomes one `<p>` per line, as a reader sees it."""
    if element.tag in ("li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "a", "span", "font"):
        return  # a break inside a list item, cell or heading stays inside that block
    if any(isinstance(child.tag, str) and child.tag not in _INLINE_TAGS for child in element):
        return
    if element.tag == "p":
        element.tag = "div"  # <p>a<br><br>b</p>: two paragraphs, as the reader sees them
    runs: list[list] = [[element.text or ""]]
    for child in list(element):
        element.remove(child)
        if child.tag == "br":
            runs.append([child.tail or ""])
        else:
            runs[-1].append(child)
    element.text = None
    for run in runs:
        words = "".join(part if isinstance(part, str) else part.text_content() + (part.tail or "") for part in run)
        if not words.strip():
            continue
        para = lxml.html.Element("p")
        for part in run:
            if isinstance(part, str):
                if len(para):
                    para[-1].tail = (para[-1].tail or "") + part
                else:
                    para.text = (para.text or "") + part
            else:
                para.append(part)
        element.append(para)


def take_kickers(tree) -> list[str]:
    """The 引题/副题 lines next to the `<h1>`, taken out of the tree: extractors drop such short lines
    before the body, and the plain-text copy of an article has them right under the headline."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return []
    found = []
    for sibling in [*h1.itersiblings(preceding=True), *h1.itersiblings()]:
        words = set(" ".join(filter(None, (sibling.get("class"), sibling.get("id")))).lower().split())
        if words & _KICKER_WORDS:
            text = _inline(sibling.text_content())
            if text:
                found.append((sibling.sourceline or 0, text))
            sibling.drop_tree()
    return [text for _, text in sorted(found)]


def clean_tree(markup: str):
    """The page's tree without scripts, styles, comments, layout tables and labelled boilerplate."""
    tree = lxml.html.document_fromstring(markup)
    for element in list(tree.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        element.drop_tree() if hasattr(element, "drop_tree") else element.getparent().remove(element)
    for element in list(tree.iter(*_DROP_TAGS)):
        element.drop_tree()
    body = tree.find("body")
    body = body if body is not None else tree
    page_chars = len(_compact(body.text_content()))
    for element in list(body.iter()):
        tag = element.tag
        if isinstance(tag, str) and tag not in ("html", "body") and (
                _is_boilerplate(element) or _is_narrow_column(element)) and element.getparent() is not None:
            # a class word can mislead (`top-news`, `side-content`): a block that holds the headline or
            # most of the page's text is the article's frame, not boilerplate
            chars = len(_compact(element.text_content()))
            if (next(element.iter("h1"), None) is not None or (chars > page_chars / 2 and chars >= 200)
                    or _holds_article(element)):
                continue
            element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and "-" in element.tag:
            element.tag = "div"  # a custom element (<founder-content>): extractors skip tags they do not know
    for table in reversed(list(tree.iter("table"))):  # inner tables first: an outer one may hold only them
        if _is_layout_table(table):
            for part in table.iter("tr", "td", "th", "tbody", "thead", "tfoot"):
                if part.getparent() is not None and _nearest_table(part) is table:
                    part.tag = "div"
            table.tag = "div"
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and element.find("br") is not None:
            _paragraphs_from_breaks(element)
    return tree


# ---------------------------------------------------------------- main text

_SPACE_RE = re.compile(r"[ \t\r\n\u00a0\u3000]+")


def _inline(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


_XML_BLOCKS = {"p", "head", "list", "table", "quote", "code", "item", "row", "cell"}


def _lines_of(block) -> list[str]:
    """A paragraph-like block's lines: `<lb/>` (a `<br>`) starts a new one."""
    parts = [block.text or ""]
    for child in block:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return [line for line in (_inline(part) for part in "".join(parts).split("\n")) if line]


def _xml_blocks(parent, paragraphs: list[str]) -> None:
    loose: list[str] = []

    def flush() -> None:
        text = _inline(" ".join(loose))
        if text:
            paragraphs.append(text)
        loose.clear()

    loose.append(parent.text or "")
    for block in parent:
        tag = block.tag
        if tag == "list":
            flush()
            items = list(block.iter("item"))
            if any(child.tag in _XML_BLOCKS for item in items for child in item):
                for item in block:  # an article set inside a list item (guancha): its paragraphs, not one line
                    _xml_blocks(item, paragraphs)
            else:
                lines = [_inline("".join(item.itertext())) for item in items]
                if any(lines):
                    paragraphs.append("\n".join(line for line in lines if line))
        elif tag == "table":
            flush()
            rows = []
            for row in block.iter("row"):
                cells = [_inline("".join(cell.itertext())) for cell in row.iter("cell")]
                if any(cells):
                    rows.append("\t".join(cells))
            if rows:
                paragraphs.append("\n".join(rows))
        elif tag in _XML_BLOCKS:
            flush()
            if any(child.tag in ("p", "list", "table") for child in block):
                _xml_blocks(block, paragraphs)
            else:
                paragraphs.extend(_lines_of(block))
        elif tag == "lb":
            flush()
        elif tag in ("div", "section", "article", "main", "body") or any(
                child.tag in _XML_BLOCKS or child.tag == "div" for child in block):
            flush()  # a fallback extractor's output keeps the page's containers
            _xml_blocks(block, paragraphs)
        else:
            loose.append("".join(block.itertext()))
        loose.append(block.tail or "")
    flush()


def _xml_to_text(xml: str) -> list[str]:
    """trafilatura's XML (p, head, list/item, table/row/cell, lb) as paragraphs of lines."""
    root = lxml.etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    paragraphs: list[str] = []
    _xml_blocks(main if main is not None else root, paragraphs)
    return paragraphs


_LEAF_BLOCKS = ("p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "dd", "dt", "blockquote",
                "pre", "section", "article", "span", "font", "strong", "b")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NO_SPACE_RE = re.compile(r"\s+")


def _compact(text: str) -> str:
    return _NO_SPACE_RE.sub("", text)


def _container(tree, lines: list[str]):
    """The innermost element holding every line the extractor kept (None if one is not found)."""
    wanted = {_compact(line) for line in lines if _compact(line)}
    found = {}
    for element in tree.iter(*_LEAF_BLOCKS):
        key = _compact(element.text_content())
        if key in wanted and key not in found:
            found[key] = element
    if not found or len(found) < len(wanted):
        return None
    paths = [list(element.iterancestors())[::-1] + [element] for element in found.values()]
    common = None
    for level in zip(*paths, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


def _render(container) -> list[tuple[str, bool]]:
    """A container's text as (paragraph, is a heading): blocks in document order, lists and tables one
    line per item or row."""
    paragraphs: list[tuple[str, bool]] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("ul", "ol", "dl"):
            items = [_inline(item.text_content()) for item in element if isinstance(item.tag, str)]
            if any(items):
                paragraphs.append(("\n".join(item for item in items if item), False))
            return
        if tag == "table":
            rows = []
            for row in element.iter("tr"):
                cells = [_inline(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
                if any(cells):
                    rows.append("\t".join(cells))
            if rows:
                paragraphs.append(("\n".join(rows), False))
            return
        blocks = [child for child in element if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS | _HEADINGS]
        if tag in _HEADINGS or tag == "p" or not blocks:
            text = _inline(element.text_content())
            if text:
                paragraphs.append((text, tag in _HEADINGS))
            return
        loose = [_inline(element.text or "")]  # text between blocks (a div with text and <p>s) keeps its place
        for child in element:
            if not isinstance(child.tag, str):
                loose.append(_inline(child.tail or ""))
                continue
            if child.tag in _BLOCK_TAGS | _HEADINGS:
                if any(loose):
                    paragraphs.append((_inline(" ".join(loose)), False))
                loose = []
                walk(child)
            else:
                loose.append(_inline(child.text_content()))
            loose.append(_inline(child.tail or ""))
        if any(loose):
            paragraphs.append((_inline(" ".join(loose)), False))

    walk(container)
    return paragraphs


def main_text(markup: str) -> list[str]:
    """The article's paragraphs (list items and table rows as lines), without the page around it.

    trafilatura decides where the article is; the paragraphs are then read from the element that holds
    everything it kept, so that what it drops inside the article (a section heading such as
    `二、2026年主要目标`, a line repeated on purpose) is read too. When that element holds much more
    than trafilatura kept, its own output is used as it is.
    """
    tree = clean_tree(markup)
    kickers = take_kickers(tree)
    xml = trafilatura.extract(tree, output_format="xml", include_tables=True, include_comments=False,
                              include_images=False, include_links=False, include_formatting=False,
                              deduplicate=False, favor_precision=False, with_metadata=False, fast=FAST)
    paragraphs = _xml_to_text(xml) if xml else []
    headings = [_inline(h.text_content()) for h in tree.iter("h1")]
    body = [p for p in paragraphs if p not in headings]
    container = _container(tree, [line for p in body for line in p.split("\n")]) if body else None
    if container is not None:
        # only what trafilatura dropped on purpose comes back: section headings, and lines it kept once
        # but the article repeats; a related-links list or a caption inside the container stays out
        kept_set = set(body)
        rendered = [text for text, is_heading in _render(container)
                    if text not in headings and (is_heading or text in kept_set)]
        if list(dict.fromkeys(p for p in rendered if p in kept_set)) == list(dict.fromkeys(body)):
            paragraphs = paragraphs[:1] + rendered if paragraphs[0] in headings else rendered
    if paragraphs and kickers:
        at = 1 if paragraphs[0] in headings else 0
        paragraphs[at:at] = kickers
    return paragraphs


# What follows the article on a news page, once its last paragraph is written: the editor's line, the
# related, recommended and most-read lists, comments, share buttons, the copyright and ICP footer. A
# paragraph that is one of these ends the article when it comes after the first third of the text;
# anywhere else it is dropped alone.
_END_OF_ARTICLE_RE = re.compile(
    r"^(?:[【\[(（]?(?:责任编辑|责编|编辑)\s*[：:/]"
    r"|(?:相关|热门|热点|精彩|推荐|延伸|往期|更多)(?:新闻|阅读|推荐|文章|报道|专题|图集|链接|视频)"
    r"|推荐阅读|为你推荐|猜你喜欢|你可能(?:会)?喜欢|大家都在看|网罗天下|新闻排行|热门新闻排行|联系我们|小编最近文章"
    r"|点击进入专题"
    r"|评论\s*[(（]?\d*[)）]?$|我要(?:跟帖|评论)|分享到|扫一扫|关注我们|打印本页|关闭窗口|返回顶部|【?纠错】?$"
    r"|(?:Copyright|©|版权所有|违法和不良信息举报|免责声明|声明[：:]))", re.IGNORECASE)
# furniture lines dropped wherever they are, ending nothing (a 来源 line at the top)
_FURNITURE_LINE_RE = re.compile(
    r"^[【\[(（]?(?:来源|稿源|作者|校对|审核|审校|浏览|点击|字号|字体)\s*[：:]|^\d*\s*人参与"
    r"|^(?:您(?:现在)?(?:所在)?的位置|当前位置|所在位置|位置)\s*[:：]|首页\s*[>›»]")  # breadcrumbs
# the page's date and source line (`发布时间：2024-03-05 来源：湖南日报 【字体：大 中 小】`), wherever it is
_DATE_SOURCE_LINE_RE = re.compile(
    r"(?:发布时间|發布時間|发布日期|更新时间|来源|來源|稿源|作者|编辑|浏览|字体|字号)\s*[:：]")
_ANY_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_COMMENT_COUNTS_RE = re.compile(r"评论\s*\d+\s*赞\s*\d+")  # a most-read list: 标题评论 147 赞 123标题评论 105 ...
_FOOTER_RE = re.compile(r"ICP备|公网安备|版权所有|Copyright|All Rights Reserved|网站标识码", re.IGNORECASE)


_STAMP_LINE_RE = re.compile(  # a news list's `2019-09-06 08:27 科技前沿`
    r"^(?:(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*\S{0,8}"
    r"|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2})$")


def _is_end_line(line: str) -> bool:
    return bool((len(line) <= 60 and _END_OF_ARTICLE_RE.match(line)) or (len(line) <= 200 and _FOOTER_RE.search(line))
                or len(_COMMENT_COUNTS_RE.findall(line)) >= 2)


def trim_page_furniture(paragraphs: list[str]) -> list[str]:
    """The article without what the page prints after it (see _END_OF_ARTICLE_RE): from the first such
    line past the first third of the text (or its first 150 characters), everything goes; such a line
    before it is dropped alone, as are 来源/作者 lines anywhere.
    Two lines that are only a date and time (a news list's) past that point end the article too."""
    total = sum(len(p) for p in paragraphs) or 1
    kept: list[str] = []
    seen = 0
    stamps: list[int] = []  # where the last date-only lines were (paragraph index in kept)
    for para in paragraphs:
        lines = para.split("\n")
        keep_lines = []
        ended = False
        for line in lines:
            late = seen >= min(total / 3, 150)
            seen += len(line)
            if _is_end_line(line):
                if late:
                    ended = True
                    break
                continue
            if (len(line) <= 60 and _FURNITURE_LINE_RE.match(line)) or (
                    len(line) <= 120 and _DATE_SOURCE_LINE_RE.search(line) and _ANY_DATE_RE.search(line)):
                continue
            if late and _STAMP_LINE_RE.match(line):
                stamps.append(len(kept))
                if len(stamps) >= 2:
                    kept = kept[: max(stamps[0] - 1, 0)]  # the list starts at the title above the first stamp
                    return kept
            keep_lines.append(line)
        if keep_lines:
            kept.append("\n".join(keep_lines))
        if ended:
            break
    return kept


# ---------------------------------------------------------------- headline, date, source, URL

_TITLE_SEPARATORS_RE = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|--)\s*")
_DATE_META = ("pubdate", "publishdate", "publish_date", "publishtime", "publish-date", "article:published_time",
              "og:published_time", "og:release_date", "datepublished", "firstpublishedtime", "releasedate",
              "dc.date", "dc.date.issued", "dcterms.created", "created", "date")
_SOURCE_META = ("contentsource", "source", "og:source", "article:source", "copyright_source")
_URL_META = ("og:url", "url", "twitter:url")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})")
_DATE_LINE_RE = re.compile(
    r"(?:发布时间|發布時間|发布日期|發布日期|发稿时间|时间|時間|日期)\s*[:：]?\s*"
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SOURCE_LINE_RE = re.compile(r"(?:来源|來源|稿源)\s*[:：]")


def _date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _metas(tree) -> dict[str, str]:
    out = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in out:
            out[key] = content
    return out


def _is_logo(h1) -> bool:
    """An `<h1>` that is the site's name: a logo, or a link to the home page."""
    words = " ".join(filter(None, (h1.get("class"), h1.get("id")))).lower()
    links = [a.get("href", "").strip() for a in h1.iter("a")]
    return "logo" in words or any(href in ("/", "./", "index.html", "/index.html") for href in links)


_TITLE_CUT_RE = re.compile(r"[-_|｜—–·:：\s]")
_TITLE_CLASS_RE = re.compile(r"title|headline|biaoti|^bt$|^tit|article-?h|zhuti", re.IGNORECASE)


_QUOTES = str.maketrans({c: '"' for c in "“”„‟＂「」『』"} | {c: "'" for c in "‘’‛＇"})


def _title_key(text: str) -> str:
    """A headline as compared: quotes, widths and spaces aside (og:title writes "" where the page has “”)."""
    return _compact(unicodedata.normalize("NFKC", text).translate(_QUOTES))


def _title_prefixes(title: str) -> list[str]:
    """The `<title>` and its beginnings cut at a separator, longest first: `标题-新华网` -> 标题-新华网, 标题."""
    cuts = [m.start() for m in _TITLE_CUT_RE.finditer(title)]
    prefixes = [title] + [title[:at].strip() for at in reversed(cuts)]
    return [p for p in dict.fromkeys(prefixes) if len(p) >= 5]


def headline(tree, metas: dict[str, str]) -> str | None:
    """The article's headline: the text of an element of the page that the `<title>` (or og:title) starts
    with, cut where the site's name begins (`法国全国大罢工再次严重影响交通-新华网`); else the heading
    the title names; else the title's part before a separator; else the page's one `<h1>`."""
    head_title = _inline(tree.findtext(".//title") or "")
    titles = [_inline(metas.get(k) or "") for k in ("og:title", "articletitle", "title", "twitter:title")]
    titles = [t for t in dict.fromkeys([*titles, head_title]) if t]
    body = tree.find("body")
    texts: dict[str, tuple[str, bool]] = {}  # the page's short texts: key -> (text, shown as a heading)
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "title", "a"):
            continue
        text = _inline(element.text_content())
        if 5 <= len(text) <= 150:
            words = " ".join(filter(None, (element.get("class"), element.get("id"))))
            titled = element.tag in ("h1", "h2", "h3") or bool(_TITLE_CLASS_RE.search(words))
            key = _title_key(text)
            texts[key] = (texts[key][0], texts[key][1] or titled) if key in texts else (text, titled)
    for t in sorted(titles, key=len, reverse=True):  # og:title is cut short at times
        for n, prefix in enumerate(_title_prefixes(t)):
            found = texts.get(_title_key(prefix))
            # the whole <title> only as a heading; a part of it only if most of it (not a keyword)
            if found and (found[1] if n == 0 else len(prefix) >= min(8, len(t) / 2)):
                return found[0]
    headings = [_inline(h.text_content()) for tag in ("h1", "h2", "h3") for h in tree.iter(tag)]
    headings = [h for h in headings if 4 <= len(h) <= 150]
    firsts = [part for t in titles if (part := _TITLE_SEPARATORS_RE.split(t)[0])]
    for h in headings:  # the <title> starts with the headline; the site's name, also an <h1> at times, ends it
        if any(t.startswith(h) for t in titles) or any(len(f) >= 4 and h.startswith(f) for f in firsts):
            return h
    for t in titles:
        parts = [part for part in _TITLE_SEPARATORS_RE.split(t) if part]
        if len(parts) > 1:
            return parts[0]
    h1s = [_inline(h.text_content()) for h in tree.iter("h1") if not _is_logo(h)]
    h1s = [h for h in h1s if 4 <= len(h) <= 150]
    if len(h1s) == 1:
        return h1s[0]
    return titles[0] if titles else None


def _visible_text(tree) -> str:
    """The page's text as a reader sees it: no scripts, styles or comments."""
    visible = copy.deepcopy(tree)
    lxml.etree.strip_elements(visible, "script", "style", "noscript", "template", "title", lxml.etree.Comment,
                              with_tail=False)
    return _inline(visible.text_content())


def page_date(tree, metas: dict[str, str], markup: str, title: str | None = None
              ) -> tuple[datetime.date | None, str | None]:
    """(date, origin): the page's meta tags ('page_meta'), else its date line (`发布时间：2024-03-05`),
    the one after the headline first, else a date right under the headline, else the date htmldate
    finds in the page's markup ('page_text')."""
    for key in _DATE_META:
        found = _DATE_RE.search(metas.get(key, ""))
        if found and (when := _date(*found.groups())):
            return when, "page_meta"
    text = _visible_text(tree)
    after = text.find(title) if title else -1
    candidates = []
    if after >= 0:
        candidates.append(_DATE_LINE_RE.search(text, after))
    candidates.append(_DATE_LINE_RE.search(text))
    if after >= 0:  # `2019-09-24 09:10` or `2020年09月11日 18:05` alone under the headline
        candidates.append(_DATE_RE.search(text[after + len(title): after + len(title) + 200]))
    for found in candidates:
        if found and (when := _date(*found.groups()[-3:])):
            return when, "page_text"
    try:
        import htmldate
        guess = htmldate.find_date(markup, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a best effort: a page it cannot read simply has no date from it
        guess = None
    if guess:
        return datetime.date.fromisoformat(guess), "page_text"
    return None, None


_SOURCE_STOP_RE = re.compile(
    r"\s|作者|编辑|责编|记者|时间|发布|日期|浏览|点击|阅读|字号|字体|【|\[|（|\(|\d+人参与|(?:19|20)\d{2}[-年/.]")


def _source_after(text: str) -> str | None:
    found = _SOURCE_LINE_RE.search(text)
    if not found:
        return None
    rest = text[found.end():].lstrip()
    value = _SOURCE_STOP_RE.split(rest, maxsplit=1)[0].strip(" ：:|｜,，;；")
    return value if 2 <= len(value) <= 30 else None


def page_source(tree, metas: dict[str, str]) -> str | None:
    """Who published the page: its meta tags, else the 来源 line near the headline (`来源：湖南日报`)."""
    for key in _SOURCE_META:
        if metas.get(key):
            value = _inline(metas[key])
            return _source_after(value) or value if _SOURCE_LINE_RE.search(value) else value
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        own = "".join(filter(None, [element.text, *(child.tail for child in element)]))
        if "来源" not in own and "來源" not in own and "稿源" not in own:
            continue
        text = _inline(element.text_content())
        if len(text) <= 200 and (value := _source_after(text)):
            return value
    return None


def page_url(tree, metas: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return link.get("href").strip()
    for key in _URL_META:
        if metas.get(key, "").startswith("http"):
            return metas[key]
    return None


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return version("trafilatura")


def read_html(data: bytes) -> Document:
    markup, encoding = decode_html(data)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise Refused(f"not readable as HTML: {exc}") from exc
    metas = _metas(tree)
    title = headline(tree, metas)
    paragraphs = main_text(markup)
    if title:  # the extractor kept the headline: it is written once, first
        key = _title_key(title)
        paragraphs = [p for n, p in enumerate(paragraphs) if n > 2 or _title_key(p) != key]
    paragraphs = trim_page_furniture(paragraphs)
    if not paragraphs:
        raise Refused("HTML page without article text (the extractor found no main text): not parsed")
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    published_on, origin = page_date(tree, metas, markup, title)
    return Document(text=text, kind="html", encoding=encoding, title=title, published_on=published_on,
                    date_origin=origin, source=page_source(tree, metas), url=page_url(tree, metas),
                    extractor=EXTRACTOR, extractor_version=extractor_version(), markup=markup)
