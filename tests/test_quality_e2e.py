"""Duplicate and inconsistent figures through the real job, with constructed articles (not the seeds).

One run over a landing folder that holds every case at once (each real run costs ~20 s), then a
second run after an analyst adjudicates one conflict.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, project_lock, run_in_process

pytestmark = pytest.mark.e2e

ADJUDICATIONS = PROJECT_ROOT / "dbt_project" / "seeds" / "conflict_adjudications.csv"

ARTICLES = {
    # 浙江: the provincial statistics office's figure ...
    "zj-review.txt": "浙江科技年度回顾\n\n（2026年1月8日）\n\n2025年，浙江省研发投入强度达3.20%，"
    "全省高新技术企业达4.3万家。\n",
    # ... and a newspaper that transposed two digits of it: one conflict
    "zj-daily.txt": "浙江日报\n\n（2026年1月9日）\n\n2025年，浙江省研发投入强度达3.02%，创历史新高。\n",
    # a reprint of a 四川 story with one changed figure: exactly one conflict, the rest merge
    "sc-story.txt": "四川创新驱动见成效\n\n（2026年2月3日）\n\n2025年，四川省技术合同成交额达2100亿元，"
    "同比增长18.5%。全省国家级专精特新“小巨人”企业达390家。\n",
    "sc-reprint.txt": "四川创新驱动见成效\n\n（2026年2月5日）\n\n2025年，四川省技术合同成交额达2100亿元，"
    "同比增长18.5%。全省国家级专精特新“小巨人”企业达309家。\n",
    # an impossible value: R&D intensity of 15 percent
    "gd-typo.txt": "广东科技\n\n（2026年1月20日）\n\n2025年，广东省研发投入强度达15%。\n",
    # a city whose additive count exceeds its province's for the same year
    "hb-cities.txt": "湖北科技\n\n（2026年1月12日）\n\n2025年，湖北省高新技术企业达2.5万家。"
    "2025年，武汉市高新技术企业达2.8万家。\n",
    # a half-year and a whole-year figure of one indicator (no conflict), and dollars (their own unit)
    "js-half-and-year.txt": "江苏科技统计\n\n（2026年1月25日）\n\n2025年上半年，江苏省技术合同成交额达1900亿元。"
    "2025年，江苏省技术合同成交额达4100亿元，高新技术产品出口额达1200亿美元。\n",
}


def read(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@contextlib.contextmanager
def adjudicated(conflict_id: str) -> Iterator[None]:
    """An analyst's row in the adjudication seed, removed again afterwards (the file is the project's).

    Every run seeds it: no other test's run may start until the row is gone again (another worker's
    run with a conflict on the same key would find it resolved)."""
    with project_lock(exclusive=True):
        original = ADJUDICATIONS.read_bytes()
        try:
            with ADJUDICATIONS.open("a", encoding="utf-8") as f:
                f.write(f"{conflict_id},resolved,test-analyst,2026-02-10,transposed digits in the daily\n")
            yield
        finally:
            ADJUDICATIONS.write_bytes(original)


@pytest.fixture(scope="module")
def quality_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("quality")
    raw = root / "raw"
    raw.mkdir()
    for name, text in ARTICLES.items():
        (raw / name).write_text(text, encoding="utf-8")
    shutil.copy(raw / "zj-review.txt", raw / "zz redelivered zj-review.txt")  # the same file delivered twice
    db = root / "wh" / "indicators.duckdb"
    result = run_in_process(raw, db)
    assert result.success, result.error
    return raw, db


def test_transposed_digit_is_one_conflict_and_one_alert(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    rows = read(
        db,
        """select conflict_id, value_a, value_b, source_file_a, source_file_b from mart.dq_conflicts
           where region_name = '浙江省' and indicator_code = 'rd_intensity'""",
    )
    assert len(rows) == 1
    _, a, b, fa, fb = rows[0]
    assert sorted([a, b]) == [3.02, 3.2]
    assert {fa, fb} == {"zj-review.txt", "zj-daily.txt"}
    alerts = read(
        db, "select severity, message, source_files from mart.dq_alerts where check_name = 'conflicting_figures' "
        "and message like '%浙江省%'"
    )
    assert len(alerts) == 1
    assert alerts[0][0] == "WARN" and "3.02" in alerts[0][1] and "zj-daily.txt" in alerts[0][2]


def test_same_file_twice_adds_no_figure(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    assert read(db, "select duplicate_of from staging.files where source_file = 'zz redelivered zj-review.txt'") == [
        ("zj-review.txt",)
    ]
    assert read(db, "select count(*) from mart.fct_figure_mentions where source_file like 'zz redelivered%'") == [
        (0,)
    ]
    rows = read(db, "select mention_count, source_count from mart.fct_figures where quote like '%4.3万家%'")
    assert rows == [(1, 1)]


def test_reprint_with_one_changed_figure_is_exactly_one_conflict(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    conflicts = read(db, "select value_a, value_b from mart.dq_conflicts where region_name = '四川省'")
    assert len(conflicts) == 1 and sorted(conflicts[0]) == [309.0, 390.0]
    merged = read(
        db, "select value, mention_count, source_count from mart.fct_figures where region_name = '四川省' "
        "and value_kind in ('level', 'growth_rate') and unit <> 'count' order by value"
    )
    assert merged == [(18.5, 2, 2), (210000000000.0, 2, 2)]


def test_impossible_value_lands_in_rejects_with_an_alert(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    rejects = read(db, "select value, reason from mart.dq_rejects where source_file = 'gd-typo.txt'")
    assert len(rejects) == 1 and rejects[0][0] == 15.0 and "10" in rejects[0][1]
    assert read(db, "select count(*) from mart.fct_figures where region_name = '广东省' and value = 15") == [(0,)]
    alerts = read(db, "select count(*) from mart.dq_alerts where check_name = 'impossible_values' and status = 'open'")
    assert alerts == [(1,)]


def test_city_above_province_is_a_named_warning(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    alerts = read(db, "select message from mart.dq_alerts where check_name = 'city_above_province'")
    assert len(alerts) == 1 and "武汉市" in alerts[0][0] and "湖北省" in alerts[0][0]


def test_fct_figures_has_no_duplicate_keys(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    assert read(
        db,
        """select count(*) from (select region_code, subject, indicator_code, indicator_name, period, value_kind,
           unit, value from mart.fct_figures group by all having count(*) > 1)""",
    ) == [(0,)]


def test_resolved_conflict_stops_alerting(quality_run: tuple[Path, Path]) -> None:
    raw, db = quality_run
    (conflict_id,) = read(db, "select conflict_id from mart.dq_conflicts where region_name = '浙江省'")[0]
    open_before = read(db, "select alert_id from mart.dq_alerts where status = 'open' order by 1")
    log = db.parent / "alerts.jsonl"
    lines_before = len(log.read_text("utf-8").splitlines())
    with adjudicated(conflict_id):
        result = run_in_process(raw, db)
    assert result.success, result.error
    assert read(db, "select status from mart.dq_conflicts where conflict_id = ?", [conflict_id]) == [("resolved",)]
    statuses = dict(read(db, "select message like '%浙江省%', status from mart.dq_alerts "
                             "where check_name = 'conflicting_figures'"))
    assert statuses[True] == "closed"
    assert statuses[False] == "open"  # the 四川 conflict is still open
    open_after = read(db, "select alert_id from mart.dq_alerts where status = 'open' order by 1")
    assert set(open_after) < set(open_before)
    new_lines = [json.loads(x) for x in log.read_text("utf-8").splitlines()[lines_before:]]
    assert new_lines == []  # nothing new to tell anyone


def test_part_of_a_year_is_its_own_figure_not_a_conflict(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    figures = read(
        db,
        """select period, period_grain, period_start, period_end, value from mart.fct_figures
           where region_name = '江苏省' and indicator_code = 'tech_contract_turnover' order by period""",
    )
    assert figures == [("2025", "year", 2025, 2025, 4.1e11), ("2025H1", "half", 2025, 2025, 1.9e11)]
    assert read(db, "select count(*) from mart.dq_conflicts where region_name = '江苏省'") == [(0,)]
    # the data-quality suites know these periods too: no expectation on the period column fails
    assert read(db, "select count(*) from mart.dq_alerts where message like '%on period failed%'") == [(0,)]
    assert read(db, "select grain from mart.dim_period where period = '2025H1'") == [("half",)]
    panel = read(
        db,
        """select year, value from mart.indicator_panel
           where region_code = '320000' and indicator_code = 'tech_contract_turnover'""",
    )
    assert panel == [(2025, 4.1e11)]


def test_dollars_are_kept_in_dollars(quality_run: tuple[Path, Path]) -> None:
    _, db = quality_run
    rows = read(db, "select value, unit, quote from mart.fct_figures where region_name = '江苏省' and unit = 'usd'")
    assert rows == [(1.2e11, "usd", "1200亿美元")]
