"""The alerting step at volume: 10,000 open conflicts (a corpus whose figures disagree everywhere).

    python -m benchmarks.alert_benchmark [--alerts 10000] [--workdir DIR]

Builds a warehouse holding `--alerts` disputed keys in mart.dq_conflicts (the columns the dbt model
has: both values, quotes and files, every statement), then times the two halves of the alerting
step exactly as the job runs them: `alerting.raise_alerts` on the working copy (one alert per key,
recorded set-based in mart.dq_alerts) and `alerting.notify` after the publish (one digest POSTed to
a local HTTP receiver, every alert appended to alerts.jsonl, `sent_at` recorded in the warehouse).
Prints the times and the digest's size; a second night with nothing new shows what a quiet run
costs (nothing is sent again, even without alerts.jsonl).
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import duckdb

from orchestration import alerting
from orchestration.config import Paths

PROVINCES = [
    ("430000", "湖南省"), ("440000", "广东省"), ("370000", "山东省"), ("320000", "江苏省"), ("330000", "浙江省"),
    ("510000", "四川省"), ("420000", "湖北省"), ("340000", "安徽省"), ("410000", "河南省"), ("350000", "福建省"),
]
INDICATORS = [
    ("rd_expenditure", "研发经费投入", "yuan", "level"), ("rd_intensity", "研发投入强度", "percent", "share"),
    ("high_tech_enterprises", "高新技术企业数", "count", "level"),
    ("tech_contract_turnover", "技术合同成交额", "yuan", "level"), ("academicians", "两院院士", "count", "level"),
]


def build_warehouse(db: Path, n: int) -> None:
    """`n` open conflicts, each a key with three disagreeing values from three files; one file in
    twenty is behind many of them (a bad file), as in a night that loads a broken batch."""
    with duckdb.connect(str(db)) as con:
        con.execute("create schema if not exists mart; create schema if not exists ref")
        con.execute(
            "create table ref.headline_indicators as select * from (values ('rd_expenditure', 3.0), "
            "('rd_intensity', 3.0), ('high_tech_enterprises', 2.0)) t(indicator_code, weight)"
        )
        con.execute(
            """create table mart.dq_conflicts as
               with keys as (
                   select i, i % 10 as p, (i // 10) % 5 as k, 2000 + (i // 50) % 25 as year,
                          case when i % 7 = 0 then 'prefecture' else 'province' end as region_level,
                          case when i % 11 = 0 then '某某科技有限公司' end as subject
                   from range(?) t(i)
               )
               select
                   md5('key' || i) as conflict_id,
                   p.code as region_code, p.name as region_name, region_level, subject,
                   cast(year as varchar) as period, ind.code as indicator_code, ind.name as indicator_name,
                   ind.kind as value_kind, ind.unit,
                   'WARN' as severity, 'contradiction' as disagreement, 3 as pair_count, 3 as value_count,
                   3 as source_count,
                   md5('a' || i) as figure_id_a, 1000.0 + i as value_a, 'exact' as qualifier_a,
                   '全省研发经费投入' || (1000 + i) || '亿元，比上年增长' || (i % 20) || '.5%' as quote_a,
                   'news-' || (i % 997) || '.txt' as source_file_a, date '2026-01-05' as published_on_a,
                   md5('b' || i) as figure_id_b, 2000.0 + i as value_b, 'exact' as qualifier_b,
                   '全省研发经费投入' || (2000 + i) || '亿元，居全国第' || (i % 30 + 1) || '位' as quote_b,
                   case when i % 20 = 0 then 'broken-batch.txt' else 'paper-' || (i % 991) || '.txt' end
                       as source_file_b,
                   date '2026-01-06' as published_on_b,
                   '3 values from 3 files cannot all be true' as explanation,
                   [{'value': 1000.0 + i, 'quote': 'q' || i, 'source_file': 'news-' || (i % 997) || '.txt'},
                    {'value': 2000.0 + i, 'quote': 'r' || i, 'source_file': 'paper-' || (i % 991) || '.txt'},
                    {'value': 3000.0 + i, 'quote': 's' || i, 'source_file': 'daily-' || (i % 983) || '.txt'}]
                       as statements,
                   'open' as status
               from keys
               join (select * from (values """
            + ", ".join(f"({j}, '{c}', '{nm}')" for j, (c, nm) in enumerate(PROVINCES))
            + """) t(j, code, name)) p on p.j = keys.p
               join (select * from (values """
            + ", ".join(f"({j}, '{c}', '{nm}', '{u}', '{kd}')" for j, (c, nm, u, kd) in enumerate(INDICATORS))
            + """) t(j, code, name, unit, kind)) ind on ind.j = keys.k""",
            [n],
        )


class _Receiver(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        _Receiver.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Night:
    raise_seconds: float
    notify_seconds: float
    cpu_seconds: float  # CPU time of both halves (wall time on a shared 2-core machine waits for the CPU)
    new_alerts: int
    sent: int
    digest_bytes: int
    log_bytes: int


def night(paths: Paths, run_id: str, url: str) -> Night:
    evaluation = SimpleNamespace(
        asset_key=SimpleNamespace(path=["mart", "dq_conflicts"]), check_name="open_figure_conflicts",
        passed=False, severity=SimpleNamespace(value="WARN"), metadata={},
    )
    _Receiver.bodies.clear()
    started, cpu = time.perf_counter(), time.process_time()
    with duckdb.connect(str(paths.db)) as con:
        step = alerting.raise_alerts(con, [evaluation], run_id, datetime.now(), sent_log=paths.alerts_log)
    raised = time.perf_counter()
    sent = alerting.notify(paths.db, paths.alerts_log, paths.warehouse_dir / "report" / "index.html", run_id,
                           logging.getLogger("alert_benchmark"), datetime.now(), url=url)
    done = time.perf_counter()
    digest = max((len(b) for b in _Receiver.bodies), default=0)
    log_bytes = paths.alerts_log.stat().st_size if paths.alerts_log.exists() else 0
    return Night(raised - started, done - raised, time.process_time() - cpu, len(step.opened), sent, digest, log_bytes)


def run(n: int, workdir: Path) -> dict[str, Night]:
    paths = Paths(raw_dir=workdir / "raw", db=workdir / "indicators.duckdb")
    build_warehouse(paths.db, n)
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/alerts"
    try:
        first = night(paths, "night-1", url)
        digest = json.loads(_Receiver.bodies[0]) if _Receiver.bodies else {}
        paths.alerts_log.unlink()  # the log is lost: the warehouse still knows what was sent
        second = night(paths, "night-2", url)
    finally:
        server.shutdown()
    return {"first": first, "second": second, "digest": digest}  # type: ignore[dict-item]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.alerts, args.workdir or Path(tmp))
    for label in ("first", "second"):
        r = result[label]
        print(
            f"{label} night: record {r.raise_seconds:.2f} s, notify {r.notify_seconds:.2f} s "
            f"(alert step {r.raise_seconds + r.notify_seconds:.2f} s wall, {r.cpu_seconds:.2f} s CPU); "
            f"new alerts {r.new_alerts:,}, sent {r.sent:,}; "
            f"digest {r.digest_bytes:,} bytes; alerts.jsonl {r.log_bytes:,} bytes"
        )
    digest = result["digest"]
    if digest:
        print(f"digest: {digest['title']}; {len(digest['alerts'])} alerts shown, {digest['more']:,} more; "
              f"root causes: {[(c['source_file'], c['alerts']) for c in digest['root_causes']]}")


if __name__ == "__main__":
    main()
