"""The analysts' HTML report as a browser shows it: the real nightly job, a real headless Chromium.

Two warehouses: the session's seed run (`seed_warehouse`), and a run of the seeds plus a later
article that restates Hunan's 2025 R&D intensity as 2.71% (an open conflict with the seed's
2.62%) and gives 2024 figures (so the panel has a trend to chart).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import duckdb
import matplotlib.image
import pytest

from orchestration.report import Series, build_report_from_file, format_value, render_chart
from tests.conftest import build_once, copy_seeds, run_in_process

pytestmark = pytest.mark.e2e

EXTRA_NAME = "hunan-sti-observer-2026.txt"
EXTRA_ARTICLE = """

湖南科技创新年度观察

湖南日报记者 张三

2026年2月10日

2024年，全省研发投入强度达2.45%，技术合同成交额达4100亿元。

2025年，全省研发投入强度达2.71%，技术合同成交额突破5300亿元，湖南科技创新持续发力。
"""

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

_CONFLICT_RUN: dict[str, Path] = {}


def _conflict_run(root: Path) -> Path:
    raw = copy_seeds(root / "raw")
    (raw / EXTRA_NAME).write_text(EXTRA_ARTICLE, encoding="utf-8")
    db = root / "warehouse" / "indicators.duckdb"
    result = run_in_process(raw, db)
    assert result.success, result.error
    return db


def build_conflict_warehouse(factory: pytest.TempPathFactory) -> Path:
    """One real run on the seeds + EXTRA_ARTICLE per test run (test_cli.py and test_analyst_tools.py
    share it)."""
    if "db" not in _CONFLICT_RUN:
        _CONFLICT_RUN["db"] = build_once(factory, "conflict_run", _conflict_run)
    return _CONFLICT_RUN["db"]


@pytest.fixture(scope="session")
def conflict_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_conflict_warehouse(tmp_path_factory)


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        pytest.fail("headless Chromium is needed for this test: apt-get install -y chromium (.ci/run does it)")
    return found


def browse(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def rendered_dom(page: Path, tmp_path: Path) -> str:
    """The DOM Chromium builds from the page (what a person's browser shows), as HTML text."""
    result = browse(page, tmp_path, "--dump-dom")
    assert result.returncode == 0 and "<body" in result.stdout, result.stderr[-2000:]
    return html.unescape(result.stdout)


def section(dom: str, anchor: str) -> str:
    """The part of the page from <h2 id=anchor> to the next <h2>."""
    start = dom.index(f'id="{anchor}"')
    end = dom.find("<h2", start)
    return dom[start : end if end != -1 else len(dom)]


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# --- the nightly run writes it ----------------------------------------------------------------------


def test_the_nightly_run_writes_report_and_docs(conflict_warehouse: Path) -> None:
    warehouse = conflict_warehouse.parent
    page = warehouse / "report" / "index.html"
    assert page.exists()
    recorded = json.loads((warehouse / "report" / "run.json").read_text("utf-8"))
    assert recorded["run_id"] and recorded["open conflicts"] >= 1
    # dbt docs: one self-contained page (manifest inside), so it opens from disk without a server
    dbt_index = warehouse / "docs" / "dbt" / "index.html"
    assert dbt_index.exists() and "indicator_panel" in dbt_index.read_text("utf-8")
    assert (warehouse / "docs" / "gx" / "index.html").exists()
    # the docs were made from a throw-away copy that is gone again
    assert not list(warehouse.glob("dbt-docs-*"))


def test_the_report_in_a_browser(conflict_warehouse: Path, tmp_path: Path) -> None:
    page = conflict_warehouse.parent / "report" / "index.html"
    dom = rendered_dom(page, tmp_path)

    headlines = section(dom, "headlines")
    hunan = headlines[headlines.index("湖南省") :]
    assert "研发投入强度" in hunan and "2.71%" in hunan  # the later article's figure fills the 2025 cell
    assert "later publication" in hunan and "other value 2.62%" in hunan
    assert "3.36%" in headlines  # 长沙市
    assert "≥5,300亿元" in headlines  # 突破5300亿元, stated by two files

    trends = section(dom, "trends")
    assert trends.count("<svg") >= 2  # 2024 and 2025 for R&D intensity and contract turnover
    assert "2.45" in trends and "2.71" in trends

    conflicts = section(dom, "conflicts")
    (card,) = [c for c in conflicts.split('<details class="card')[1:] if "研发投入强度" in c]
    for text in ("2.62%", "2.71%", "hunan-sti-review-2025.txt", EXTRA_NAME, "430000:rd_intensity:2025:share"):
        assert text in card, text
    open_keys = query(
        conflict_warehouse,
        """select count(distinct (region_code, subject, indicator_code, period, value_kind))
           from mart.dq_conflicts where status = 'open'""",
    )[0][0]
    assert conflicts.count('<details class="card"') == open_keys

    alerts = section(dom, "alerts")
    # counted by check, linked to the conflicts; never a second card for the same conflict
    assert "conflicting_figures" in alerts and 'href="#conflicts"' in alerts and "2.71%" not in alerts

    docs = section(dom, "docs")
    assert 'href="../docs/dbt/index.html"' in docs and 'href="../docs/gx/index.html"' in docs
    assert "not generated yet" not in docs
    # nothing on the page reaches for the network
    assert not re.search(r'(src|href)="(https?:)?//', dom)


def test_the_report_screenshot_is_made(conflict_warehouse: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = browse(
        conflict_warehouse.parent / "report" / "index.html", tmp_path, f"--screenshot={shot}", "--window-size=1280,2000"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = matplotlib.image.imread(shot)  # a PNG that decodes, at the window's size
    assert image.shape[:2] == (2000, 1280)
    # a page was drawn, not a blank or an error screen: text and charts cover part of it in
    # several colours (the report's headline table, the chart lines, the conflict highlights)
    ink = (image[:, :, :3] < 0.9).any(axis=2)
    assert 0.02 < ink.mean() < 0.8
    colours = {tuple(c) for c in (image[::7, ::7, :3] * 15).round().reshape(-1, 3).tolist()}
    assert len(colours) >= 8


# --- the report of the seed run, built directly -------------------------------------------------------


def test_report_of_the_seed_warehouse(seed_warehouse: Path, tmp_path: Path) -> None:
    page = build_report_from_file(seed_warehouse, tmp_path / "report", run_id="test-run")
    dom = rendered_dom(page, tmp_path)
    headlines = section(dom, "headlines")
    assert "湖南省" in headlines and "2.62%" in headlines
    assert "长沙市" in headlines and "511.56亿元" in headlines
    open_conflicts = query(seed_warehouse, "select count(*) from mart.dq_conflicts where status = 'open'")[0][0]
    conflicts = section(dom, "conflicts")
    assert (conflicts.count('<details class="card"') > 0) == (open_conflicts > 0)
    if not open_conflicts:
        assert "No open conflicts." in conflicts
    assert "test-run" in dom
    # docs were not generated for this folder: the page says so instead of linking into nothing
    assert "not generated yet" in section(dom, "docs")


def test_the_report_only_reads_the_warehouse(seed_warehouse: Path, tmp_path: Path) -> None:
    db = tmp_path / "indicators.duckdb"
    shutil.copy2(seed_warehouse, db)
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # a write would fail
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    with duckdb.connect(str(db), read_only=True) as analyst:  # an analyst reading at the same time
        build_report_from_file(db, tmp_path / "report")
        assert analyst.execute("select count(*) from mart.fct_figures").fetchone()[0] > 0
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert not db.with_name(db.name + ".wal").exists()


# --- pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "counter", "qualifier", "expected"),
    [
        (530000000000.0, "yuan", None, "lower_bound", "≥5,300亿元"),
        (51156000000.0, "yuan", None, "exact", "511.56亿元"),
        (50000.0, "yuan", None, "exact", "5万元"),
        (2.62, "percent", None, "exact", "2.62%"),
        (90.0, "percent", None, "approx", "≈90%"),
        (0.3, "percentage_point", None, "exact", "0.3个百分点"),
        (5.0, "rank", None, "exact", "第5"),
        (40000.0, "count", "家", "exact", "40,000家"),
        (18000.0, "count", "家", "upper_bound", "≤18,000家"),
        (-146.5, "count", None, "exact", "-146.5"),
    ],
)
def test_format_value(value: float, unit: str, counter: str | None, qualifier: str, expected: str) -> None:
    assert format_value(value, unit, counter, qualifier) == expected


def test_charts_are_offline_svg_with_ascii_text() -> None:
    series = Series(
        region_name="湖南省", indicator_name="技术合同成交额", unit="yuan",
        points=[
            {"year": 2023, "value": 3.5e11, "qualifier": "exact", "counter": None},
            {"year": 2024, "value": 4.1e11, "qualifier": "approx", "counter": None},
            {"year": 2025, "value": 5.3e11, "qualifier": "lower_bound", "counter": None},
        ],
    )
    svg = str(render_chart(series))
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert series.suffix == "亿元"  # the unit goes into the HTML caption
    assert "5,300" in svg and "2024" in svg
    assert len(svg) < 4000  # ~2 KB: hundreds of charts stay a small page
    assert svg.isascii()  # no CJK glyphs for matplotlib's fonts to miss
    assert "http://www.w3.org" in svg and not re.search(r'(href|src)="https?://', svg)
