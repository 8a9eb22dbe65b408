"""The reading package on pages of real sites wrapped around real article text, a generated PDF
bulletin, sidecars and manifests, and files that are not articles."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest

from orchestration.documents import Metadata, Refused, load_manifest, read_document, read_sidecar, sidecar_names
from orchestration.documents.html import decode_html
from orchestration.parsing import parse_document
from tests.fixtures.html.make_pages import ARTICLES, PAGES, PAGES_SPEC, SIDEBAR, blocks, build, plain_text

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "pdf"))
from make_pdf import HEADER, bulletin_pdf, scanned_pdf  # noqa: E402

# the page's own date: from its meta tags, or from its 发布时间 line when it has none
DATES = {
    "hunan-rd-2023.html": ("2024-03-05", "page_text"),
    "hunan-sti-2021.htm": ("2021-01-11", "page_meta"),
    "changsha-hightech-h1-2011.html": ("2011-08-02", "page_meta"),
    "changsha-sti-data-2018.html": ("2018-04-20", "page_meta"),
    "national-rd-2023.html": ("2024-10-03", "page_meta"),
    "changsha-sti-14th-2025.html": ("2025-12-05", "page_meta"),
    "national-rd-2022.html": ("2023-09-19", "page_text"),
    "henan-tech-contract-h1-2023.shtml": ("2023-08-01", "page_text"),
}
# what the pages around the articles say that no article does: the sidebar's headlines, the script's and
# the style's numbers, the comment, the footer
BOILERPLATE = [title for title, _ in SIDEBAR] + [
    "3.5%", "8.8%", "100%", "1200px", "1523万", "6.2%", "ICP", "公网安备", "0731-", "版权所有", "Copyright",
    "访问量", "发布时间", "來源:中商", "来源：湖南日报", "字体", "分享", "上一篇", "下一篇", "热点专题", "版面导航",
    "立减50%", "当前位置"]


def _figures(text: str, published: datetime.date | None) -> set[tuple]:
    return {(m.value, m.unit, m.value_kind, m.region_code, m.period, m.indicator_code, m.subject, m.quote)
            for m in parse_document(text, published_on=published).mentions}


@pytest.fixture(scope="module")
def documents():
    return {name: read_document((PAGES / name).read_bytes(), name) for name in PAGES_SPEC}


def test_committed_pages_are_what_the_script_builds():
    for name in PAGES_SPEC:
        assert (PAGES / name).read_bytes() == build(name), f"rerun tests/fixtures/html/make_pages.py ({name})"


@pytest.mark.parametrize("name", list(PAGES_SPEC))
def test_page_reads_as_the_article_saved_as_text(documents, name):
    doc = documents[name]
    article = (ARTICLES / PAGES_SPEC[name][0]).read_text(encoding="utf-8")
    assert doc.kind == "html"
    assert doc.text == plain_text(article)
    assert doc.title == blocks(article)[0]  # the headline, not <!DOCTYPE html> nor the site's <title>
    assert (str(doc.published_on), doc.date_origin) == DATES[name]
    assert doc.extractor == "trafilatura" and doc.extractor_version
    assert doc.markup.lstrip().lower().startswith("<!doctype")
    for junk in BOILERPLATE:
        assert junk not in doc.text, junk


@pytest.mark.parametrize("name", list(PAGES_SPEC))
def test_page_gives_the_figures_of_the_plain_text(documents, name):
    doc = documents[name]
    plain = plain_text((ARTICLES / PAGES_SPEC[name][0]).read_text(encoding="utf-8"))
    page_figures = _figures(doc.text, doc.published_on)
    assert page_figures and page_figures == _figures(plain, doc.published_on)
    quotes = " ".join(quote for *_, quote in page_figures)
    for junk in ("3.5%", "100%", "12.6%", "1.87%", "31.4%", "4802.6", "568.53", "1523", "6.2%"):
        assert junk not in quotes


def test_gbk_pages_decode_by_their_meta_charset(documents):
    gbk = [name for name, spec in PAGES_SPEC.items() if spec[1] == "gbk"]
    assert len(gbk) == 4
    for name in gbk:
        assert documents[name].encoding == "gb18030"  # gb2312/GBK labels read as their superset
    # the em dash GB2312 pages write is U+2014 as in the article, not GBK's U+2015
    assert "——长沙市高新技术产业发展办公室" in documents["changsha-hightech-h1-2011.html"].text


def test_wrong_or_missing_charset_falls_back_to_the_bytes():
    page = ('<html><head><meta charset="utf-8"><title>研发投入</title></head>'
            "<body><p>全省研发投入增长9.2%。</p></body></html>")
    assert decode_html(page.encode("gbk"))[1] == "gb18030"  # declared UTF-8, written in GBK
    assert decode_html(page.replace('<meta charset="utf-8">', "").encode("utf-8"))[1] == "utf-8"
    with pytest.raises(Refused):
        decode_html(b"<html>" + bytes(range(128, 256)) * 50)


def test_page_source_and_url(documents):
    assert documents["changsha-sti-data-2018.html"].source == "长沙晚报"
    assert documents["changsha-sti-data-2018.html"].url == "http://keji.rednet.cn/c/2018/04/20/4608046.htm"
    assert documents["hunan-rd-2023.html"].source == "湖南日报"  # from its 来源 line
    assert documents["national-rd-2022.html"].source == "中商產業研究院"


def test_page_without_article_text_is_refused():
    with pytest.raises(Refused, match="no main text"):
        read_document(b"<!DOCTYPE html><html><head><title>x</title></head>"
                      b"<body><div class=nav>a</div></body></html>", "empty.html")


def test_sidecar_and_manifest_win_over_the_page(documents):
    doc = documents["hunan-rd-2023.html"]
    meta = read_sidecar(json.dumps({"url": "http://www.hunan.gov.cn/x.html", "published_on": "2024-01-09",
                                    "source": "湖南省人民政府办公厅"}).encode(), "p.meta.json")
    merged = doc.with_metadata(meta)
    assert (merged.published_on, merged.date_origin) == (datetime.date(2024, 1, 9), "sidecar")
    assert (merged.url, merged.source) == ("http://www.hunan.gov.cn/x.html", "湖南省人民政府办公厅")
    assert merged.title == "动力"
    manifest = load_manifest("file,url,published_on,source,title\n"
                             "a.html,http://a,2024-02-01,湖南日报,标题\n".encode())
    assert manifest["a.html"].origin == "manifest" and manifest["a.html"].title == "标题"
    both = meta.over(manifest["a.html"])
    assert (both.published_on, both.origin, both.title) == (datetime.date(2024, 1, 9), "sidecar", "标题")
    assert Metadata(title="t", origin="sidecar").over(manifest["a.html"]).origin == "manifest"
    assert sidecar_names("d/page.html") == ["d/page.html.meta.json", "d/page.meta.json"]
    with pytest.raises(ValueError, match="not a date"):
        read_sidecar(b'{"published_on": "March 5"}', "bad.meta.json")
    # other names for the fields, other ways to write a date, fields it does not know: read, ignored
    other = read_sidecar('{"date": "2024年3月5日", "link": "http://x", "author": "记者", "headline": "标题"}'
                         .encode(), "other.meta.json")
    assert (other.published_on, other.url, other.title) == (datetime.date(2024, 3, 5), "http://x", "标题")
    listed = load_manifest(b"filename,publish_date,publisher\nraw/b.html,2024-03-05T10:00:00+08:00,x\n")
    assert listed["b.html"].published_on == datetime.date(2024, 3, 5) and listed["b.html"].source == "x"


@pytest.mark.parametrize("ruled", [True, False])
def test_pdf_bulletin_reads_as_the_article(ruled):
    data = bulletin_pdf(ruled=ruled)
    doc = read_document(data, "bulletin.pdf")
    assert doc.kind == "pdf" and doc.extractor == "pdfplumber"
    article = (ARTICLES / "national-rd-2022.txt").read_text(encoding="utf-8")
    # running header and page numbers gone, the paragraph cut by the page break whole again, the table as lines
    assert doc.text == plain_text(article)
    assert doc.title == "2022年全國科技經費投入情況數據分析"
    assert HEADER not in doc.text and "- 1 -" not in doc.text
    assert "基礎研究\t2023.5\t11.4" in doc.text
    assert _figures(doc.text, None) == _figures(plain_text(article), None)


def test_scanned_pdf_is_refused_with_the_reason():
    with pytest.raises(Refused, match="scanned PDF: no text layer"):
        read_document(scanned_pdf(), "scan.pdf")


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "chart.png", "PNG image"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "photo.jpg", "JPEG image"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml", "report.docx", "Word document"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"a.txt", "articles.zip", "zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "old.doc", "old Office file"),
    (b"just text", "notes.docx", "Word document"),
    (b"not a pdf", "bulletin.pdf", "not a PDF"),
])
def test_other_files_are_refused_with_a_clear_reason(data, name, reason):
    with pytest.raises(Refused, match=reason):
        read_document(data, name)


def test_plain_text_and_unnamed_pages():
    doc = read_document("全省研发投入增长9.2%。\n".encode("gbk"), "a.txt")
    assert (doc.kind, doc.encoding, doc.title, doc.markup) == ("text", "gb18030", None, None)
    page = ("<!DOCTYPE html><html><head><title>研发</title></head>"
            "<body><h1>研发</h1><p>全省研发投入增长9.2%。</p></body></html>")
    assert read_document(page.encode(), "saved-page").kind == "html"


def test_page_source_saved_as_text_is_read_as_a_page(documents):
    data = (PAGES / "changsha-sti-data-2018.html").read_bytes()
    doc = read_document(data, "page-source.txt")
    assert doc.kind == "html" and doc.title == documents["changsha-sti-data-2018.html"].title


def test_a_library_failing_on_a_file_refuses_that_file(monkeypatch):
    from orchestration.documents import html

    def broken(data):
        raise KeyError("boom")

    monkeypatch.setattr(html, "read_html", broken)
    with pytest.raises(Refused, match=r"HTML could not be read \(KeyError"):
        read_document(b"<html><body><p>x</p></body></html>", "a.html")


def _layouts(article: str) -> dict[str, bytes]:
    """Other ways sites set the same article: a plain-text sidebar floated beside it, an old portal's
    nested tables with `<br>` runs in a cell (GBK), the article inside a list item followed by a
    most-read list, related links after it in the same container."""
    head, paras = blocks(article)
    body = "\n".join(f"<p>{p[0]}</p>" for p in paras)
    cells = "".join(f"{p[0]}<br><br>" for p in paras)
    side = ("<div style='float:right;width:300px'><h3>数据速览</h3><p>江西研发经费投入增长12.6%，投入强度达1.87%。</p>"
            "<p>安徽高新技术企业达1.9万家，同比增长31.4%。</p></div>")
    related = "".join(f"<tr><td><a href='/x{i}'>江西研发经费投入增长12.{i}%</a></td></tr>" for i in range(3))
    hot = "".join(f"<li><h4>广东研发经费投入4802.6亿元</h4><span>2024-10-0{i} 08:27</span></li>" for i in range(1, 4))
    return {
        "floated-sidebar.html": (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}_湖南省人民政府门户网站</title></head>"
            f"<body><div class='w1200'><div style='float:left;width:800px'><h1>{head}</h1>"
            f"<div>发布时间：2021-01-11 07:23 来源：湖南日报</div>{body}</div>{side}</div>"
            "<div>湘ICP备05000618号</div></body></html>").encode(),
        "nested-tables.htm": (
            f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>{head}</title>"
            f"</head><body><table width=980><tr><td><table><tr><td class=bt_title><font size=5>{head}</font></td></tr>"
            f"<tr><td>日期：2021-01-11 来源：湖南日报</td></tr><tr><td class=bt_content>{cells}</td></tr></table></td>"
            f"<td width=200 valign=top><table><tr><td>相关文章</td></tr>{related}</table></td></tr></table>"
            "<center>湘ICP备05000618号</center></body></html>").encode("gbk"),
        "list-item.html": (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}-观察者网</title></head><body><ul>"
            f"<li><h3>{head}</h3>最后更新: 2021-01-11 07:23{body}<p>责任编辑: 小婷</p></li>{hot}</ul></body></html>"
        ).encode(),
        "related-links.html": (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{head}-红网</title></head><body><h1>{head}</h1>"
            f"<div id='content'>{body}<p><strong>相关链接：</strong></p>"
            "<p><a href='/1'>江西研发经费投入增长12.6%</a></p>"
            "<p><a href='/2'>安徽高新技术企业达1.9万家</a></p></div></body></html>").encode(),
    }


@pytest.mark.parametrize("name", ["floated-sidebar.html", "nested-tables.htm", "list-item.html", "related-links.html"])
def test_other_layouts_read_as_the_article(name):
    article = (ARTICLES / "hunan-sti-2021.txt").read_text(encoding="utf-8")
    doc = read_document(_layouts(article)[name], name)
    assert doc.text == plain_text(article)
    assert doc.title == blocks(article)[0]
    for junk in ("12.6%", "1.87%", "31.4%", "4802.6", "12.0%", "ICP", "来源", "数据速览", "相关", "编辑", "2024-10"):
        assert junk not in doc.text
