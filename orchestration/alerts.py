"""Alerts a person sees: rows in `mart.dq_alerts`, lines in `alerts.jsonl`, and an optional notification.

An alert has a stable id (check + the rows it is about), so a rerun on the same data raises no new
alert: it refreshes the open one. Alerts whose check passes again are closed. Only newly opened
alerts are sent to the channels, so a person is told once per problem, not once per night.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

log = logging.getLogger(__name__)

DQ_ALERTS_DDL = """
create schema if not exists mart;
create table if not exists mart.dq_alerts (
    alert_id varchar primary key,
    check_name varchar not null,
    asset varchar,
    severity varchar not null,
    status varchar not null,          -- open or closed
    message varchar not null,
    rows_json varchar,                -- the rows involved (ids, values, quotes, source files), as JSON
    source_files varchar,             -- the files involved, comma-separated
    first_raised_at timestamp not null,
    last_raised_at timestamp not null,
    closed_at timestamp,
    times_raised integer not null,
    run_id varchar
);
"""


@dataclass
class Alert:
    alert_id: str
    check_name: str
    severity: str
    message: str
    asset: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    source_files: list[str] = field(default_factory=list)


def record(
    con: duckdb.DuckDBPyConnection, alerts: Iterable[Alert], checks_run: set[str], run_id: str, now: datetime
) -> tuple[list[Alert], int]:
    """Upsert this run's alerts; close open ones of the checks that ran and no longer fire.

    Returns (newly opened alerts, number closed).
    """
    con.execute(DQ_ALERTS_DDL)
    # One transaction: a commit per statement made 1,310 alerts (10,000 articles) take 30 s.
    con.execute("begin")
    try:
        opened, closed = _record(con, alerts, checks_run, run_id, now)
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
    return opened, closed


def _record(
    con: duckdb.DuckDBPyConnection, alerts: Iterable[Alert], checks_run: set[str], run_id: str, now: datetime
) -> tuple[list[Alert], int]:
    opened: list[Alert] = []
    raised: set[str] = set()
    for a in alerts:
        if a.alert_id in raised:
            continue
        raised.add(a.alert_id)
        row = con.execute("select status from mart.dq_alerts where alert_id = ?", [a.alert_id]).fetchone()
        if row and row[0] == "open":
            con.execute(
                """update mart.dq_alerts set last_raised_at = ?, times_raised = times_raised + 1, run_id = ?,
                   message = ?, rows_json = ? where alert_id = ?""",
                [now, run_id, a.message, json.dumps(a.rows, ensure_ascii=False, default=str), a.alert_id],
            )
            continue
        con.execute("delete from mart.dq_alerts where alert_id = ?", [a.alert_id])
        con.execute(
            "insert into mart.dq_alerts values (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, null, 1, ?)",
            [a.alert_id, a.check_name, a.asset, a.severity, a.message,
             json.dumps(a.rows, ensure_ascii=False, default=str), ", ".join(sorted(set(a.source_files))),
             now, now, run_id],
        )
        opened.append(a)
    closed = 0
    if checks_run:
        open_ids = con.execute(
            "select alert_id, check_name from mart.dq_alerts where status = 'open'"
        ).fetchall()
        stale = [aid for aid, check in open_ids if check in checks_run and aid not in raised]
        for aid in stale:
            con.execute(
                "update mart.dq_alerts set status = 'closed', closed_at = ? where alert_id = ?", [now, aid]
            )
        closed = len(stale)
    return opened, closed


def to_message(alert: Alert, run_id: str, now: datetime) -> dict[str, Any]:
    payload = asdict(alert)
    payload.update(raised_at=now.isoformat(timespec="seconds"), run_id=run_id)
    return payload


def delivered_keys(path: Path) -> set[tuple[str, str]]:
    """(alert_id, raised_at) of every alert already written to the log: the record of what was sent."""
    if not path.exists():
        return set()
    keys = set()
    with path.open(encoding="utf-8") as log:
        for line in log:
            try:
                m = json.loads(line)
                keys.add((m["alert_id"], m["raised_at"]))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a crash mid-write
    return keys


def undelivered(con: duckdb.DuckDBPyConnection, sent: set[tuple[str, str]]) -> list[tuple[Alert, datetime, str]]:
    """Open alerts of the published mart not in the log yet: (alert, first raised, run that raised it).

    Keyed by first_raised_at too, so an alert that was closed and opens again is sent again.
    """
    rows = con.execute(
        """select alert_id, check_name, severity, message, asset, rows_json, source_files, first_raised_at, run_id
           from mart.dq_alerts where status = 'open' order by first_raised_at, alert_id"""
    ).fetchall()
    out = []
    for alert_id, check, severity, message, asset, rows_json, files, first, run_id in rows:
        if (alert_id, first.isoformat(timespec="seconds")) in sent:
            continue
        alert = Alert(alert_id, check, severity, message, asset, json.loads(rows_json or "[]"),
                      [f for f in (files or "").split(", ") if f])
        out.append((alert, first, run_id))
    return out


def append_jsonl(path: Path, messages: Iterable[dict[str, Any]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("a", encoding="utf-8") as out:
        for m in messages:
            out.write(json.dumps(m, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def send(url: str, messages: list[dict[str, Any]], timeout: float = 10.0) -> None:
    """POST the batch as JSON to an http(s) URL; any other URL scheme goes through apprise."""
    if not messages:
        return
    if url.startswith(("http://", "https://")):
        body = json.dumps({"alerts": messages, "count": len(messages)}, ensure_ascii=False, default=str)
        request = urllib.request.Request(
            url, data=body.encode("utf-8"), headers={"Content-Type": "application/json; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
        return
    import apprise

    notifier = apprise.Apprise()
    if not notifier.add(url):
        raise ValueError(f"INDICATORS_ALERT_URL is not a URL apprise understands: {url!r}")
    lines = [f"[{m['severity']}] {m['check_name']}: {m['message']}" for m in messages]
    if not notifier.notify(title=f"Indicators warehouse: {len(messages)} new alert(s)", body="\n".join(lines)):
        raise RuntimeError(f"apprise could not deliver the alerts to {url!r}")
