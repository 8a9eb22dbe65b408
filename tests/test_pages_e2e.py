"""The real job on saved pages and a PDF bulletin: the same figures as the articles saved as text,
nothing from the page around them, headlines as titles, dates from the page or its sidecar."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED_RAW, run_in_process
from tests.fixtures.html.make_pages import ARTICLES, PAGES, PAGES_SPEC, blocks, gov_portal, plain_text

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "pdf"))
from make_pdf import bulletin_pdf, scanned_pdf  # noqa: E402

pytestmark = pytest.mark.e2e

BULLETIN = "bulletin-rd-2022.pdf"
SEED_PAGE = "hunan-sti-review-2025.html"  # the case: a seed article wrapped in a portal's page
ARTICLE_OF = {**{name: spec[0] for name, spec in PAGES_SPEC.items()}, BULLETIN: "national-rd-2022.txt"}
TEXTS = {name: (ARTICLES / article).read_text(encoding="utf-8") for name, article in ARTICLE_OF.items()}
TEXTS[SEED_PAGE] = (SEED_RAW / "hunan-sti-review-2025.txt").read_text(encoding="utf-8").strip("\n") + "\n"
# the date each file gets: the page's own, except where a sidecar or the manifest says otherwise
DATES = {
    "hunan-rd-2023.html": ("2024-01-09", "sidecar"),  # the sidecar wins over the page's 发布时间 2024-03-05
    "hunan-sti-2021.htm": ("2021-01-11", "page_meta"),
    "changsha-hightech-h1-2011.html": ("2011-08-02", "page_meta"),
    "changsha-sti-data-2018.html": ("2018-04-20", "page_meta"),
    "national-rd-2023.html": ("2024-10-02", "manifest"),  # the manifest wins over the page's meta tag
    "changsha-sti-14th-2025.html": ("2025-12-05", "page_meta"),
    "national-rd-2022.html": ("2023-09-19", "page_text"),
    "henan-tech-contract-h1-2023.shtml": ("2023-08-01", "page_text"),
    BULLETIN: ("2023-09-18", "sidecar"),
    SEED_PAGE: ("2026-01-13", "page_meta"),
}
URLS = {
    "hunan-rd-2023.html": "http://www.hunan.gov.cn/topic/2020hnjksc/jkscjjsh/202301/t20230109_29177799.html",
    "changsha-sti-data-2018.html": "http://keji.rednet.cn/c/2018/04/20/4608046.htm",
    "national-rd-2023.html": "http://paper.ce.cn/pc/content/202410/03/content_302361.html",
}
SOURCES = {"hunan-rd-2023.html": "湖南省人民政府办公厅", "changsha-sti-data-2018.html": "长沙晚报",
           "national-rd-2023.html": "经济日报", "henan-tech-contract-h1-2023.shtml": "郑州日报"}


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>全省研发投入增长9.2%</w:document>")
    return out.getvalue()


def _sidecar(path: Path, **values: str) -> None:
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def marts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(pages warehouse, plain-text warehouse): the job run on the saved pages, and on the same
    articles saved as text with sidecars giving the same dates and headlines."""
    root = tmp_path_factory.mktemp("pages")
    pages, plain = root / "raw_pages", root / "raw_plain"
    pages.mkdir()
    plain.mkdir()
    for name in PAGES_SPEC:
        shutil.copy(PAGES / name, pages / name)
    (pages / BULLETIN).write_bytes(bulletin_pdf())
    headline, paras = blocks(TEXTS[SEED_PAGE])
    (pages / SEED_PAGE).write_bytes(gov_portal(
        headline, paras, charset="utf-8", site="湖南省人民政府门户网站", host="www.hunan.gov.cn",
        date="2026-01-13", source="湖南日报", pubdate_meta=True).encode("utf-8"))
    _sidecar(pages / (BULLETIN + ".meta.json"), published_on="2023-09-18", source="国家统计局")
    _sidecar(pages / "hunan-rd-2023.meta.json", published_on="2024-01-09", url=URLS["hunan-rd-2023.html"],
             source="湖南省人民政府办公厅")
    (pages / "_manifest.csv").write_text(
        f"file,url,published_on,source\nnational-rd-2023.html,{URLS['national-rd-2023.html']},2024-10-02,经济日报\n",
        encoding="utf-8")
    (pages / "scan.pdf").write_bytes(scanned_pdf())
    (pages / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (pages / "report.docx").write_bytes(_docx())
    for name, text in TEXTS.items():
        (plain / f"{name}.txt").write_text(plain_text(text), encoding="utf-8")
        _sidecar(plain / f"{name}.txt.meta.json", published_on=DATES[name][0], title=blocks(text)[0])
    marts = root / "wh_pages" / "indicators.duckdb", root / "wh_plain" / "indicators.duckdb"
    for raw, db in zip((pages, plain), marts, strict=True):
        report = run_in_process(raw, db)
        assert report.success, report
    return marts


def _read(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


FIGURES = """select m.source_file, f.region_code, f.subject, f.period, f.indicator_code, f.indicator_name,
                    f.value, f.unit, f.qualifier, f.value_kind, m.quote
             from mart.fct_figure_mentions m join mart.fct_figures f using (figure_id)"""


def test_the_pages_give_the_figures_of_the_articles_saved_as_text(marts):
    pages, plain = marts
    from_pages = Counter((name, *rest) for name, *rest in _read(pages, FIGURES))
    from_text = Counter((name.removesuffix(".txt"), *rest) for name, *rest in _read(plain, FIGURES))
    assert from_pages == from_text
    assert {row[0] for row in from_pages} == set(TEXTS)  # every page and the PDF gave figures
    figures = ("select region_code, subject, period, indicator_code, value, unit, qualifier, value_kind "
               "from mart.fct_figures")
    assert sorted(_read(pages, figures), key=str) == sorted(_read(plain, figures), key=str)


def test_the_seed_in_a_page_keeps_its_panel(marts):
    """The issue's case: the page's CSS `width:100%` and script's `"3.5%"` are no figures of 湖南省, and
    the province's 2025 R&D spending in the panel is the article's."""
    pages, plain = marts
    # cells of named indicators (a cell without one is decided between files by their names, which differ)
    panel = ("select indicator_code, period, value, unit, value_kind from mart.indicator_panel "
             "where region_name = '湖南省' and indicator_code is not null order by 1, 2")
    assert _read(pages, panel) == _read(plain, panel) and _read(pages, panel)
    spending = _read(pages, "select value from mart.indicator_panel where region_name = '湖南省' "
                            "and indicator_code = 'rd_expenditure' and period = '2025'")
    assert all(value != 510000000.0 for (value,) in spending)  # not the 5.1亿元 of the issue
    hunan = "select value, unit from mart.fct_figures where region_name = '湖南省'"
    values, article_values = set(_read(pages, hunan)), set(_read(plain, hunan))
    assert values == article_values
    for script_or_style in ((3.5, "percent"), (100.0, "percent"), (8.8, "percent"), (6.2, "percent")):
        assert script_or_style not in values or script_or_style in article_values


def test_no_figure_comes_from_the_page_around_the_article(marts):
    pages, _ = marts
    for name, quote, char_start, char_end, text in _read(pages, """
            select m.source_file, m.quote, m.char_start, m.char_end, f.text
            from mart.fct_figure_mentions m join staging.files f on f.source_file = m.source_file and f.is_current"""):
        article = plain_text(TEXTS[name])
        assert quote in article, (name, quote)  # not the sidebar, footer, script, style or comment
        assert text[char_start:char_end] == quote  # offsets index the extracted text
    values = {row[0] for row in _read(pages, "select value from mart.fct_figures")}
    for foreign in (12.6, 1.87, 31.4, 480260000000.0, 56853000000.0, 15230000.0):
        assert foreign not in values


def test_titles_are_the_headlines_and_dates_come_from_the_page_or_its_metadata(marts):
    pages, _ = marts
    rows = {name: rest for name, *rest in _read(pages, """
        select source_file, title, published_on, date_origin, url, source, file_kind, extractor
        from mart.dim_article where is_current""")}
    assert set(rows) == set(TEXTS)
    for name, (title, published_on, origin, url, source, kind, extractor) in rows.items():
        headline = blocks(TEXTS[name])[0]
        assert title == headline, name
        assert (published_on, origin) == (datetime.date.fromisoformat(DATES[name][0]), DATES[name][1]), name
        assert url == URLS.get(name, url) and source == SOURCES.get(name, source), name
        assert (kind, extractor) == (("pdf", "pdfplumber") if name.endswith(".pdf") else ("html", "trafilatura"))
    assert rows["national-rd-2023.html"][3] == "http://paper.ce.cn/pc/content/202410/03/content_302361.html"
    assert rows["changsha-sti-data-2018.html"][3] == URLS["changsha-sti-data-2018.html"]  # from the page itself


def test_the_raw_markup_is_kept_with_the_extractor_and_its_version(marts):
    pages, _ = marts
    rows = _read(pages, "select source_file, kind, markup, extractor, extractor_version from staging.files")
    for name, kind, markup, extractor, version in rows:
        if kind == "html":
            assert markup.lstrip().lower().startswith("<!doctype"), name
            assert "<script" in markup and "ICP" in markup, name  # the whole page, not only the article
            assert extractor == "trafilatura" and version
        else:
            assert kind == "pdf" and markup is None and extractor == "pdfplumber" and version


def test_other_files_are_quarantined_with_their_reason(marts):
    pages, _ = marts
    reasons = dict(_read(pages, "select source_file, reason from staging.quarantine"))
    assert set(reasons) == {"scan.pdf", "chart.png", "report.docx"}
    assert reasons["scan.pdf"].startswith("scanned PDF: no text layer")
    assert "PNG image" in reasons["chart.png"] and "Word document" in reasons["report.docx"]
    files = {row[0] for row in _read(pages, "select source_file from staging.files")}
    assert not any(name.endswith((".meta.json", ".csv")) for name in files)  # metadata is no article
