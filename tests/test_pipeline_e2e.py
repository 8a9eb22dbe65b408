"""The real nightly job (Dagster + dbt + DuckDB + GX) on the seed articles, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED_FILES, copy_seeds, copy_warehouse, run_in_process

pytestmark = pytest.mark.e2e

CONTRACT = {
    "fct_figures": [
        "figure_id", "region_code", "region_name", "subject", "period", "indicator_code", "indicator_name",
        "value", "unit", "counter", "qualifier", "value_kind", "mention_count", "source_count", "source_file",
        "quote",
    ],
    "fct_figure_mentions": [
        "figure_id", "mention_id", "source_file", "article_id", "paragraph_index", "char_start", "char_end",
        "quote", "sentence", "is_repeated_passage",
    ],
    "dim_region": ["region_code", "region_name"],
    "dim_indicator": ["indicator_code", "indicator_name"],
    "dim_article": ["article_id", "source_file", "title", "byline", "published_on"],
    "dq_conflicts": [],
    "dq_alerts": ["check_name", "severity", "message"],
}


def read(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_contract_tables_exist_with_their_columns(seed_warehouse: Path) -> None:
    for table, columns in CONTRACT.items():
        present = [r[0] for r in read(seed_warehouse, f"describe mart.{table}")]
        assert set(columns) <= set(present), (table, set(columns) - set(present))
        if not table.startswith("dq_"):
            assert read(seed_warehouse, f"select count(*) from mart.{table}")[0][0] > 0, table


def test_known_figures(seed_warehouse: Path) -> None:
    rows = read(
        seed_warehouse,
        """select value, unit, qualifier, value_kind from mart.fct_figures
           where region_name = '湖南省' and period = '2025' and indicator_code = 'rd_intensity'""",
    )
    assert rows == [(2.62, "percent", "exact", "share")]
    rows = read(
        seed_warehouse,
        """select value, unit, region_code from mart.fct_figures
           where region_name = '长沙市' and period = '2025' and value_kind = 'level' and value = 51156000000""",
    )
    assert rows == [(51156000000.0, "yuan", "430100")]


def test_mentions_point_at_their_quotes(seed_warehouse: Path) -> None:
    raw = Path(__file__).resolve().parents[1] / "raw"
    mentions = read(seed_warehouse, "select source_file, char_start, char_end, quote from mart.fct_figure_mentions")
    texts = {name: (raw / name).read_bytes().decode("utf-8") for name in {m[0] for m in mentions}}
    assert set(texts) == set(SEED_FILES) and len(mentions) >= 100  # both articles, all their figures
    assert [(f, s, e, q) for f, s, e, q in mentions if texts[f][s:e] != q] == []


def test_no_duplicate_figures_and_repeated_passages_marked(seed_warehouse: Path) -> None:
    assert read(seed_warehouse, "select count(*) - count(distinct figure_id) from mart.fct_figures")[0][0] == 0
    # the Hunan page prints the 科技金融 block twice: its figures are repeated mentions, not new figures
    rows = read(
        seed_warehouse,
        """select f.mention_count, bool_or(m.is_repeated_passage) from mart.fct_figures f
           join mart.fct_figure_mentions m using (figure_id)
           where f.value = 9044 and f.unit = 'count' group by f.figure_id, f.mention_count""",
    )
    assert len(rows) == 1 and rows[0][0] >= 3 and rows[0][1] is True


def _snapshot(db: Path) -> tuple:
    return (
        read(db, "select * from mart.fct_figures order by figure_id"),
        read(db, "select mention_id, figure_id from mart.fct_figure_mentions order by mention_id"),
        read(db, "select alert_id, status from mart.dq_alerts order by alert_id"),
        read(db, "select count(*) from staging.figure_mentions"),
    )


def _jsonable(row: tuple) -> tuple:
    return tuple(json.loads(json.dumps(list(row), default=str)))


def test_rerun_is_idempotent(nights: dict) -> None:
    assert nights["after_rerun"] == nights["yesterday"]
    assert nights["yesterday"][0] and nights["yesterday"][1]  # the seeds' figures and mentions are there


def test_failed_run_leaves_yesterdays_mart_and_readers_are_not_broken(nights: dict) -> None:
    broken = nights["broken"]
    assert not broken.success and "raw folder does not exist" in (broken.error or "")
    assert nights["after_broken"] == nights["after_rerun"][0]
    assert not nights["building_left"]
    # the open reader still saw yesterday's mart in full after tonight's publish
    assert nights["ok"].success, nights["ok"].error
    assert nights["reader_after_publish"] == [_jsonable(r) for r in nights["after_rerun"][0]]
    assert read(nights["db"], "select count(*) from mart.fct_figures where region_name = '广东省'")[0][0] == 1


class _Receiver(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Receiver.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class Analyst:
    """Another process holding a read-only connection to the published file across the runs (a
    connection in this process would be DuckDB's cached instance of the file, not a reader's)."""

    SCRIPT = (
        "import sys, json, duckdb\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print('ready', flush=True)\n"
        "for sql in sys.stdin:\n"
        "    print(json.dumps(con.execute(sql).fetchall(), default=str), flush=True)\n"
    )

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", self.SCRIPT, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def read(self, sql: str) -> list[tuple]:
        self.proc.stdin.write(sql.replace("\n", " ") + "\n")
        self.proc.stdin.flush()
        return [tuple(r) for r in json.loads(self.proc.stdout.readline())]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(10)


@pytest.fixture(scope="module")
def nights(seed_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Three nights after the session's seed run (yesterday), on a copy of its warehouse:

    1. the same seeds again (must change nothing);
    2. a run whose landing folder is missing (fails; yesterday's mart stays, an analyst reads on);
    3. the seeds plus a Guangdong figure and two articles that contradict each other on Zhejiang,
       with a notification URL: published while the analyst still holds yesterday's file open.
    """
    root = tmp_path_factory.mktemp("nights")
    raw = copy_seeds(root / "raw")
    db = copy_warehouse(seed_warehouse, root / "wh" / "indicators.duckdb")
    out: dict = {"db": db, "yesterday": _snapshot(db)}
    assert run_in_process(raw, db).success
    out["after_rerun"] = _snapshot(db)

    analyst = Analyst(db)
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out["broken"] = run_in_process(root / "no-such-folder", db)
        out["after_broken"] = read(db, "select * from mart.fct_figures order by figure_id")
        out["building_left"] = db.with_name(db.name + ".building").exists()

        (raw / "extra.txt").write_text("2025年，广东省研发投入强度达3.6%。", encoding="utf-8")
        (raw / "a.txt").write_text("（2026年1月5日）2025年，浙江省研发投入强度达3.20%，居全国前列。", encoding="utf-8")
        (raw / "b.txt").write_text("（2026年1月6日）2025年，浙江省研发投入强度达3.02%。", encoding="utf-8")
        url = f"http://127.0.0.1:{server.server_port}/alerts"
        out["ok"] = run_in_process(raw, db, INDICATORS_ALERT_URL=url)
        out["reader_after_publish"] = analyst.read("select * from mart.fct_figures order by figure_id")
    finally:
        server.shutdown()
        analyst.close()
    return out


def test_conflict_raises_one_alert_on_every_channel(nights: dict) -> None:
    db = nights["db"]
    assert nights["ok"].success, nights["ok"].error
    conflicts = read(db, "select value_a, value_b, source_file_a, source_file_b from mart.dq_conflicts")
    assert len(conflicts) == 1
    assert sorted([conflicts[0][0], conflicts[0][1]]) == [3.02, 3.2]
    assert sorted(conflicts[0][2:]) == ["a.txt", "b.txt"]
    alerts = read(
        db, "select check_name, severity, message from mart.dq_alerts where check_name = 'conflicting_figures'"
    )
    assert len(alerts) == 1 and alerts[0][1] == "WARN" and "a.txt" in alerts[0][2] and "b.txt" in alerts[0][2]
    lines = [json.loads(x) for x in (db.parent / "alerts.jsonl").read_text("utf-8").splitlines()]
    assert [x["check_name"] for x in lines].count("conflicting_figures") == 1
    posted = [a for batch in _Receiver.received for a in batch["alerts"]]
    assert [a["check_name"] for a in posted].count("conflicting_figures") == 1
    # the missing folder was told too (the failure hook), on the same log
    assert [x["check_name"] for x in lines].count("run_failed") == 1
