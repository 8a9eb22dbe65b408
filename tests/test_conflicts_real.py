"""Conflict alerts on real text: the real job (Dagster, dbt, DuckDB, GX) on the 32 passages of the
real-text dev corpus (tests/fixtures/real/dev, never blind/), whose clusters hold the cases the
checks must tell apart (tests/fixtures/real/README.md, sources.tsv):

- 全国 2023: the February communique's preliminary figures (33278亿元, growth 8.1%) and the October
  bulletin's final ones (33357.1亿元, 8.4%): a later release, an INFO note, the final value holds;
- 广东 2022: the January work report's estimate (约4200亿元, 3.26%) and the final bulletin (4411.9亿元,
  3.42%): an estimate then the final figure, an INFO note;
- 湖南 2023: a spun rewrite that labels 2022's growth (14.2%) as 2023's against the bulletin's 9.2%: the
  one real contradiction, one WARN conflict with both quotes; the growth check catches 14.2% against
  the two years' levels and passes 9.2%;
- 湖南 2023 restated as 突破1200亿元 and 打破1100亿元 beside 1283.94亿元: bounds, no conflict;
- 湖南 2.57%, the 2023 intensity, given for 2024 by the 2025 work report: a suspected wrong year.

One run for the module, then a second night on the same warehouse with alerts.jsonl deleted: nothing
is sent again, because the warehouse records what was sent.
"""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from tests.conftest import FIXTURES, environment, run_in_process

pytestmark = pytest.mark.e2e

DEV = FIXTURES / "real" / "dev"


class _Receiver(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        _Receiver.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class RealNights:
    db: Path
    first_run_id: str
    first_posts: list[bytes]
    second_posts: list[bytes]
    second_log_lines: int
    dagster_home: Path


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> RealNights:
    root = tmp_path_factory.mktemp("real_dev")
    raw = root / "raw"
    raw.mkdir()
    for path in sorted(DEV.glob("*.txt")):  # the passages, not the gold files beside them
        shutil.copy(path, raw / path.name)
    db = root / "wh" / "indicators.duckdb"
    home = root / "dagster_home"
    home.mkdir()
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/alerts"
    try:
        _Receiver.bodies.clear()
        first = run_in_process(raw, db, INDICATORS_ALERT_URL=url, DAGSTER_HOME=str(home))
        assert first.success, first.error
        first_posts = list(_Receiver.bodies)
        # the log is lost; the warehouse still knows what was sent
        (db.parent / "alerts.jsonl").unlink()
        _Receiver.bodies.clear()
        second = run_in_process(raw, db, INDICATORS_ALERT_URL=url, DAGSTER_HOME=str(home))
        assert second.success, second.error
        second_posts = list(_Receiver.bodies)
    finally:
        server.shutdown()
    log = db.parent / "alerts.jsonl"
    lines = len(log.read_text("utf-8").splitlines()) if log.exists() else 0
    return RealNights(db, first.run_id, first_posts, second_posts, lines, home)


def read(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def conflict(db: Path, region: str, indicator: str, period: str, kind: str) -> tuple:
    rows = read(
        db,
        """select severity, disagreement, value_a, value_b, source_file_a, source_file_b, status, explanation
           from mart.dq_conflicts
           where region_name = ? and indicator_code = ? and period = ? and value_kind = ?""",
        [region, indicator, period, kind],
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_a_preliminary_release_then_the_final_one_is_a_note(real: RealNights) -> None:
    severity, kind, holds, superseded, file_a, file_b, _, why = conflict(
        real.db, "全国", "rd_expenditure", "2023", "growth_rate"
    )
    assert (severity, kind, holds, superseded) == ("INFO", "later_release", 8.4, 8.1)
    assert file_b == "r4-quanguo-prelim-2023.txt" and "preliminary" in why
    severity, kind, holds, superseded, *_ = conflict(real.db, "全国", "rd_expenditure", "2023", "level")
    assert (severity, kind, holds, superseded) == ("INFO", "later_release", 3335710000000.0, 3327800000000.0)


def test_an_estimate_then_the_final_figure_is_a_note_and_the_panel_takes_the_final(real: RealNights) -> None:
    severity, kind, holds, estimate, file_a, file_b, *_ = conflict(real.db, "广东省", "rd_intensity", "2022", "share")
    assert (severity, kind, holds, estimate) == ("INFO", "estimate", 3.42, 3.26)
    assert file_b == "r2-guangdong-workreport-2023.txt"
    severity, kind, holds, estimate, *_ = conflict(real.db, "广东省", "rd_expenditure", "2022", "level")
    assert (severity, kind, holds, estimate) == ("INFO", "estimate", 441190000000.0, 420000000000.0)
    (cell,) = read(
        real.db,
        """select value, chosen_rule, has_open_conflict from mart.indicator_panel
           where region_name = '广东省' and indicator_code = 'rd_intensity' and period = '2022'""",
    )
    assert cell == (3.42, "final", False)


def test_two_sources_that_truly_disagree_are_one_warn_conflict_with_both(real: RealNights) -> None:
    severity, kind, holds, other, file_a, file_b, status, _ = conflict(
        real.db, "湖南省", "rd_expenditure", "2023", "growth_rate"
    )
    assert (severity, kind, status) == ("WARN", "contradiction", "open")
    assert {holds, other} == {9.2, 14.2} and file_b == "r1-hunan-selfmedia-2024.txt"
    (statements,) = read(
        real.db,
        """select statements from mart.dq_conflicts
           where region_name = '湖南省' and indicator_code = 'rd_expenditure' and period = '2023'
             and value_kind = 'growth_rate'""",
    )[0]
    assert sorted(s["value"] for s in statements) == [9.2, 14.2]
    assert all(s["quote"] and s["source_file"] for s in statements)


def test_every_open_warn_conflict_is_a_real_one(real: RealNights) -> None:
    # the dev corpus holds one real contradiction; before, 40 open conflicts (5 real) were raised
    rows = read(
        real.db,
        """select region_name, indicator_code, period, value_kind from mart.dq_conflicts
           where status = 'open' and severity = 'WARN'""",
    )
    assert rows == [("湖南省", "rd_expenditure", "2023", "growth_rate")]
    assert read(real.db, "select count(*) from mart.dq_conflicts where indicator_code is null") == [(0,)]


def test_rounding_and_bound_restatements_raise_none(real: RealNights) -> None:
    # 1283.94亿元 beside 突破1200亿元 and 打破1100亿元; 2.65% in three national reports
    for region, indicator, period, kind in (
        ("湖南省", "rd_expenditure", "2023", "level"),
        ("全国", "rd_intensity", "2023", "share"),
        ("全国", "rd_expenditure", "2012", "level"),
    ):
        assert read(
            real.db,
            """select count(*) from mart.dq_conflict_pairs
               where region_name = ? and indicator_code = ? and period = ? and value_kind = ?""",
            [region, indicator, period, kind],
        ) == [(0,)], (region, indicator, period, kind)


def test_a_growth_rate_that_contradicts_two_levels_is_caught(real: RealNights) -> None:
    rows = read(
        real.db,
        """select stated_value, round(implied_value, 2), stated_source_file from mart.dq_arithmetic
           where check_name = 'growth_vs_levels' and region_name = '湖南省' and period = '2023'""",
    )
    assert rows == [(14.2, 9.24, "r1-hunan-selfmedia-2024.txt")]  # 9.2% (1283.94 over 1175.3) passes


def test_parts_and_shares_that_add_up_pass(real: RealNights) -> None:
    # 全国 2023: 2259.1 + 3661.5 + 27436.5 = 33357.1亿元
    assert read(real.db, "select count(*) from mart.dq_arithmetic where check_name = 'parts_vs_total'") == [(0,)]


def test_a_wrong_year_is_flagged(real: RealNights) -> None:
    rows = read(
        real.db, "select region_name, indicator_code, value, period, other_period, source_file from mart.dq_wrong_years"
    )
    assert ("湖南省", "rd_intensity", 2.57, "2024", "2023", "r1-hunan-workreport-2025.txt") in rows


def test_alerts_say_how_serious_they_are(real: RealNights) -> None:
    rows = dict(
        read(
            real.db,
            """select severity, count(*) from mart.dq_alerts
               where check_name = 'conflicting_figures' and status = 'open' group by severity""",
        )
    )
    assert rows == {"WARN": 1, "INFO": 6}
    checks = {r[0] for r in read(real.db, "select check_name from mart.dq_alerts where status = 'open'")}
    assert {"suspected_wrong_year", "arithmetic_growth_vs_levels"} <= checks


def test_one_digest_per_run_under_the_size_cap(real: RealNights) -> None:
    assert len(real.first_posts) == 1
    digest = json.loads(real.first_posts[0])
    assert len(real.first_posts[0]) < 20_000
    assert digest["counts"]["conflicting_figures"] == {"INFO": 6, "WARN": 1}
    top = digest["alerts"][0]
    assert top["severity"] == "WARN" and len(top["quotes"]) >= 2 and len(top["source_files"]) >= 2
    assert digest["report"].endswith("report/index.html") and digest["alerts_log"].endswith("alerts.jsonl")
    # the three impossible shares of one bulletin are named as one root cause
    assert any(c["source_file"] == "r3-shandong-bulletin-2023.txt" for c in digest["root_causes"])


def test_the_warehouse_remembers_what_was_sent(real: RealNights) -> None:
    assert read(real.db, "select count(*) from mart.dq_alerts where status = 'open' and sent_at is null") == [(0,)]
    assert real.second_posts == [] and real.second_log_lines == 0


def test_a_run_with_open_warnings_is_tagged(real: RealNights) -> None:
    with environment({"DAGSTER_HOME": str(real.dagster_home)}):
        instance = DagsterInstance.get()
        try:
            tags = instance.get_run_by_id(real.first_run_id).tags
        finally:
            instance.dispose()
    assert tags["indicators/quality"] == "open-warnings"
    assert int(tags["indicators/open_warn_alerts"]) >= 3
