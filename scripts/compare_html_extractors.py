"""Compares HTML main-text extractors on the fixture pages (tests/fixtures/html): real article text
wrapped in the markup of real Chinese sites. For each extractor and page: how much of the article's
text it keeps, how much else it lets in, and what the parser then reads from it against the same
article saved as plain text (figures found in both / only in the page's text).

    .venv/bin/python scripts/compare_html_extractors.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import justext
import lxml.html
import trafilatura
from readability import Document as Readability

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from orchestration.documents import html as pages  # noqa: E402
from orchestration.parsing import parse_document  # noqa: E402
from tests.fixtures.html.make_pages import ARTICLES, PAGES, PAGES_SPEC, plain_text  # noqa: E402

_WS = re.compile(r"\s+")
_BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "ul", "ol", "section"}


def _tree_text(tree) -> str:
    """Text of an HTML tree with a line break after every block (what a reader sees as lines)."""
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return tree.text_content()


def trafilatura_raw(data: bytes, markup: str) -> str:
    return trafilatura.extract(data, include_tables=True, include_comments=False, deduplicate=False) or ""


def trafilatura_cleaned(data: bytes, markup: str) -> str:
    return pages.read_html(data).text


def readability_raw(data: bytes, markup: str) -> str:
    doc = Readability(markup)
    return doc.short_title() + "\n" + _tree_text(lxml.html.fromstring(doc.summary()))


def readability_cleaned(data: bytes, markup: str) -> str:
    doc = Readability(lxml.html.tostring(pages.clean_tree(markup), encoding="unicode"))
    return doc.short_title() + "\n" + _tree_text(lxml.html.fromstring(doc.summary()))


def justext_raw(data: bytes, markup: str) -> str:
    # jusText has no Chinese stop-list: with an empty one it judges blocks by length and link density only
    paras = justext.justext(markup.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def justext_cleaned(data: bytes, markup: str) -> str:
    cleaned = lxml.html.tostring(pages.clean_tree(markup), encoding="unicode")
    paras = justext.justext(cleaned.encode("utf-8"), frozenset(), encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def justext_length_only(data: bytes, markup: str) -> str:
    # the same with the stop-word thresholds at zero: length and link density decide alone
    cleaned = lxml.html.tostring(pages.clean_tree(markup), encoding="unicode")
    paras = justext.justext(cleaned.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0,
                            encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


EXTRACTORS = {
    "trafilatura": trafilatura_raw,
    "trafilatura+clean (kept)": trafilatura_cleaned,
    "readability-lxml": readability_raw,
    "readability+clean": readability_cleaned,
    "justext": justext_raw,
    "justext+clean": justext_cleaned,
    "justext+clean, no stop-words": justext_length_only,
}


def figures(text: str, published) -> set[tuple]:
    parsed = parse_document(text, published_on=published)
    return {(m.value, m.unit, m.value_kind, m.region_code, m.period, m.indicator_code, m.subject)
            for m in parsed.mentions}


def main() -> None:
    rows = []
    for name, (article, *_rest) in PAGES_SPEC.items():
        data = (PAGES / name).read_bytes()
        markup, _ = pages.decode_html(data)
        truth = plain_text((ARTICLES / article).read_text(encoding="utf-8"))
        published = pages.read_html(data).published_on
        truth_lines = [_WS.sub("", line) for line in truth.splitlines() if line.strip()]
        truth_compact = "".join(truth_lines)
        truth_figures = figures(truth, published)
        for label, extract in EXTRACTORS.items():
            try:
                out = extract(data, markup)
            except Exception as exc:  # an extractor that crashes on a page scores nothing on it
                out = ""
                print(f"{label} failed on {name}: {exc}", file=sys.stderr)
            compact = _WS.sub("", out)
            kept = sum(len(line) for line in truth_lines[1:] if line in compact)
            body = sum(len(line) for line in truth_lines[1:])
            out_lines = [_WS.sub("", line) for line in out.splitlines() if line.strip()]
            noise = sum(len(line) for line in out_lines if line not in truth_compact)
            got = figures(out, published)
            rows.append((label, name, kept / body, noise / max(len(compact), 1), len(got & truth_figures),
                         len(truth_figures), len(got - truth_figures)))
    print(f"{'extractor':30} {'text kept':>9} {'noise':>6} {'figures found':>13} {'foreign figures':>15} "
          f"{'pages exact':>11}")
    for label in EXTRACTORS:
        mine = [r for r in rows if r[0] == label]
        kept = sum(r[2] for r in mine) / len(mine)
        noise = sum(r[3] for r in mine) / len(mine)
        found, total, foreign = (sum(r[i] for r in mine) for i in (4, 5, 6))
        exact = sum(1 for r in mine if r[4] == r[5] and r[6] == 0)
        print(f"{label:30} {kept:9.3f} {noise:6.3f} {found:6d}/{total:<6d} {foreign:15d} {exact:6d}/{len(mine)}")
    if "-v" in sys.argv:
        for r in rows:
            print(*r, sep="\t")


if __name__ == "__main__":
    main()
