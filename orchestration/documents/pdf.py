"""PDF bulletins with a text layer, by pdfplumber: lines back into paragraphs, tables as lines.

What a printed page adds and a reader skips is removed: running headers and footers (a line at the
top or bottom of the page that repeats, digits aside, on most pages), page numbers (`- 3 -`, `第3页`,
`3/12`), and the page break itself (a paragraph that runs onto the next page is joined again).
A line is joined to the one before it when that one fills the column and this one is not indented,
the way wrapped Chinese text is laid out. A table found on the page (pdfplumber's ruling lines) is
written one row per line, cells separated by tabs. A PDF without any text (a scan) is refused.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from statistics import median

from .kinds import Refused
from .model import Document

EXTRACTOR = "pdfplumber"
_MARGIN_SHARE = 0.1  # the top and bottom tenth of a page: where running headers, footers and numbers live
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}\s*(?:页|頁)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*(?:页|頁)?)?[\s\-—–－·•]*$"
    r"|^[\s\-—–－]*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-—–－]*$",
    re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")
_SENTENCE_END = "。！？!?；;：:）)”」』"


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    page_top: float  # the page's height, to tell headers and footers
    is_row: bool = False  # a table row (cells joined by tabs)
    table: int = -1  # which table on the page


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return version("pdfplumber")


def _inside(obj, boxes) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _spaced(chars: list[dict]) -> str:
    """A line's characters with the gaps a reader sees: a wide gap (a column of a table set without
    rules, `研发经费    1200.5`) becomes a tab, a narrow one between Latin letters or digits a space."""
    out = []
    previous = None
    for char in chars:
        text = char.get("text", "")
        if previous is not None:
            size = char.get("size") or previous.get("size") or 10
            gap = char["x0"] - previous["x1"]
            if gap > 1.5 * size:
                out.append("\t")
            elif gap > 0.2 * size and (previous.get("text", "")[-1:].isascii() or text[:1].isascii()):
                out.append(" ")
        out.append(text)
        previous = char
    return "".join(out).strip()


def _page_lines(page, number: int) -> list[_Line]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    body = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    lines = []
    for found in body.extract_text_lines(return_chars=True, strip=True):
        chars = found.get("chars", [])
        text = _spaced(chars) if chars else found["text"]
        if not text.strip():
            continue
        sizes = [c.get("size", 0) for c in chars] or [0]
        lines.append(_Line(text, found["x0"], found["x1"], found["top"], found["bottom"], median(sizes), number,
                           page.height))
    for index, table in enumerate(tables):
        for row_index, row in enumerate(table.extract()):
            cells = [re.sub(r"\s+", "", cell or "") for cell in row]
            if any(cells):
                top = table.bbox[1] + row_index * 0.01  # keeps the rows in order at the table's place
                lines.append(_Line("\t".join(cells), table.bbox[0], table.bbox[2], top, top, 0, number,
                                   page.height, is_row=True, table=index))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _strip_running(lines: list[_Line], pages: int) -> list[_Line]:
    """Drop page numbers and headers/footers repeated on most pages (digits aside)."""
    def in_margin(line: _Line) -> bool:
        return line.top < line.page_top * _MARGIN_SHARE or line.bottom > line.page_top * (1 - _MARGIN_SHARE)

    seen: dict[str, set[int]] = {}
    for line in lines:
        if in_margin(line) and not line.is_row:
            seen.setdefault(_DIGITS_RE.sub("#", line.text.replace(" ", "")), set()).add(line.page)
    running = {key for key, where in seen.items() if pages >= 2 and len(where) >= max(2, (pages + 1) // 2)}
    kept = []
    for line in lines:
        if in_margin(line) and not line.is_row and (
                _PAGE_NUMBER_RE.match(line.text) or _DIGITS_RE.sub("#", line.text.replace(" ", "")) in running):
            continue
        kept.append(line)
    return kept


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Wrapped lines joined into paragraphs, across page breaks; a table's rows as one block of lines."""
    body = [line for line in lines if not line.is_row]
    if not body:
        return ["\n".join(line.text for line in lines)] if lines else []
    prose = [line for line in body if "\t" not in line.text] or body
    left = min(line.x0 for line in prose)
    right = max(line.x1 for line in prose)
    char = median(line.size for line in prose) or 10
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line.is_row:
            same_table = previous is not None and previous.is_row and (previous.page, previous.table) == (
                line.page, line.table)
            if same_table:
                paragraphs[-1] += "\n" + line.text
            else:
                paragraphs.append(line.text)
            previous = line
            continue
        if "\t" in line.text:  # a row of a table set without rules: one line, with the rows around it
            if previous is not None and "\t" in previous.text and not previous.is_row:
                paragraphs[-1] += "\n" + line.text
            else:
                paragraphs.append(line.text)
            previous = line
            continue
        indented = line.x0 > left + 1.2 * char
        continues = (
            previous is not None and not previous.is_row and "\t" not in previous.text
            and previous.x1 >= right - 1.5 * char  # the line before fills the column: it wrapped
            and not indented
            and abs(line.size - previous.size) < 0.5
            and (line.page != previous.page or line.top - previous.bottom < 1.2 * char)
        )
        if continues:
            paragraphs[-1] += line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return [re.sub(r"[ \t]+$", "", p) for p in paragraphs if p.strip()]


def read_pdf(data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFSyntaxError as exc:
        raise Refused(f"not a readable PDF: {exc}") from exc
    except Exception as exc:  # encrypted, truncated, broken: pdfminer raises many kinds
        raise Refused(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    with pdf:
        try:
            pages = list(pdf.pages)
            lines = [line for number, page in enumerate(pages) for line in _page_lines(page, number)]
            images = sum(len(page.images) for page in pages)
        except Exception as exc:
            raise Refused(f"PDF could not be read ({type(exc).__name__}: {exc})") from exc
    if not any(line.text.strip() for line in lines):
        what = f"{len(pages)} page(s), {images} image(s)" if images else f"{len(pages)} page(s)"
        raise Refused(f"scanned PDF: no text layer ({what}); it needs OCR before it can be read")
    lines = _strip_running(lines, len(pages))
    title = None
    body_sizes = [line.size for line in lines if not line.is_row]
    first_page = [line for line in lines if line.page == 0 and not line.is_row]
    if body_sizes and first_page:
        biggest = max(first_page, key=lambda line: line.size)
        if biggest.size > median(body_sizes) + 1 and biggest.top < biggest.page_top / 2:  # a headline up top
            title_lines = [line for line in first_page if abs(line.size - biggest.size) < 0.5
                           and 0 <= line.top - biggest.top < 4 * biggest.size]
            title = "".join(line.text for line in title_lines)
            lines = [line for line in lines if line not in title_lines]
    paragraphs = _paragraphs(lines)
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    return Document(text=text, kind="pdf", title=title, extractor=EXTRACTOR, extractor_version=extractor_version())
