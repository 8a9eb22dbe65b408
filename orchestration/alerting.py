"""Alerts a person sees: rows in `mart.dq_alerts`, lines in `alerts.jsonl`, and an optional notification.

Every failed check of a run (WARN included) becomes alerts: checks on the dq tables are expanded to
one alert per offending row (one conflict, one alert), carrying both values, both quotes and both
sources; GX failures to one alert per failed expectation; the quarantine check to one per refused file.

An alert has a stable id (check + the rows it is about), so a rerun on the same data raises no new
alert: it refreshes the open one. Alerts whose check passes again are closed. Only newly opened
alerts are sent to the channels, so a person is told once per problem, not once per night.

Plain Python (no Dagster import): the Dagster side is orchestration/defs/quality/.
"""

from __future__ import annotations

import json
import logging
import sys
import urllib.request
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from orchestration.config import alert_url
from orchestration.faults import fault_raise
from orchestration.staging import short_hash

log = logging.getLogger(__name__)

QUARANTINE_CHECK = "no_quarantined_files"

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
    fault_raise("disk_full")
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


# dq tables whose failing rows are alerts of their own: table -> (check name, id column, row filter)
ROW_ALERTS = {
    "dq_conflicts": ("conflicting_figures", "conflict_id", "status = 'open'"),
    "dq_hierarchy": ("city_above_province", None, "true"),
    "dq_rejects": ("impossible_values", None, "true"),
}


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}"
    return "" if value is None else str(value)


def _row_message(table: str, row: dict[str, Any]) -> str:
    g = row.get
    if table == "dq_conflicts":
        return (
            f"conflicting figures for {_fmt(g('region_name'))} {_fmt(g('subject') or '')}"
            f"{_fmt(g('indicator_name') or g('indicator_code'))} {_fmt(g('period'))} ({_fmt(g('value_kind'))}): "
            f"{_fmt(g('value_a'))} {_fmt(g('qualifier_a'))} «{_fmt(g('quote_a'))}» in {_fmt(g('source_file_a'))} "
            f"vs {_fmt(g('value_b'))} {_fmt(g('qualifier_b'))} «{_fmt(g('quote_b'))}» in {_fmt(g('source_file_b'))}"
        )
    if table == "dq_hierarchy":
        return (
            f"{_fmt(g('child_region_name'))}'s {_fmt(g('indicator_name') or g('indicator_code'))} {_fmt(g('period'))} "
            f"is above its province's, though sub-regions add up to the province: "
            f"{_fmt(g('child_value'))} «{_fmt(g('child_quote'))}» in {_fmt(g('child_source_file'))} > "
            f"{_fmt(g('parent_region_name'))} {_fmt(g('parent_value'))} «{_fmt(g('parent_quote'))}» "
            f"in {_fmt(g('parent_source_file'))}"
        )
    fields = ", ".join(f"{k}={_fmt(v)}" for k, v in row.items() if k in (
        "reason", "quote", "value", "unit", "value_kind", "region_name", "period", "source_file"))
    return f"impossible value rejected from the mart: {fields}"


def _row_alerts(con: duckdb.DuckDBPyConnection, table: str, severity: str) -> list[Alert]:
    check_name, id_column, where = ROW_ALERTS[table]
    cursor = con.execute(f"select * from mart.{table} where {where}")
    columns = [d[0] for d in cursor.description]
    out = []
    for values in cursor.fetchall():
        row = {c: (v.isoformat() if hasattr(v, "isoformat") else v) for c, v in zip(columns, values, strict=True)}
        row_id = row.get(id_column) if id_column else None
        if row_id is None:
            row_id = next((row[c] for c in columns if c.endswith("_id") and row[c] is not None), None)
        if row_id is None:
            row_id = short_hash(*values)
        files = [str(v) for k, v in row.items() if k.startswith("source_file") and v]
        out.append(
            Alert(
                alert_id=short_hash(check_name, row_id),
                check_name=check_name,
                severity=severity,
                message=_row_message(table, row),
                asset=f"mart.{table}",
                rows=[row],
                source_files=files,
            )
        )
    return out


def alerts_from_check(evaluation: Any, con: duckdb.DuckDBPyConnection) -> tuple[str, list[Alert]]:
    """(check name as recorded in dq_alerts, alerts) for one check evaluation of this run."""
    key = evaluation.asset_key
    table = key.path[-1]
    severity = evaluation.severity.value if evaluation.severity else "ERROR"
    if table in ROW_ALERTS:
        name = ROW_ALERTS[table][0]
        return name, ([] if evaluation.passed else _row_alerts(con, table, severity))
    name = evaluation.check_name
    if evaluation.passed:
        return name, []
    meta = {k: getattr(v, "value", v) for k, v in (evaluation.metadata or {}).items()}
    asset_name = ".".join(key.path)
    if name == QUARANTINE_CHECK:
        refused = json.loads(meta.get("rows") or "[]")
        return name, [
            Alert(
                alert_id=short_hash(name, r["source_file"], r["reason"], r.get("sha256")),
                check_name=name,
                severity=severity,
                message=f"file refused and quarantined: {r['source_file']}: {r['reason']}",
                asset=asset_name,
                rows=[r],
                source_files=[r["source_file"]],
            )
            for r in refused
        ]
    if name.startswith("gx_"):
        failures = json.loads(meta.get("failures") or "[]")
        return name, [
            Alert(
                alert_id=short_hash(name, f["expectation"], f.get("column"), json.dumps(f["unexpected_values"])),
                check_name=name,
                severity=severity,
                message=(
                    f"{asset_name}: {f['expectation']} on {f.get('column') or 'table'} failed for "
                    f"{f['unexpected_count']} row(s), e.g. {f['unexpected_values'][:5]}"
                    + (f" ({f['notes']})" if f.get("notes") else "")
                ),
                asset=asset_name,
                rows=f.get("rows") or [],
                source_files=[r["source_file"] for r in f.get("rows") or [] if r.get("source_file")],
            )
            for f in failures
        ]
    detail = ", ".join(f"{k}={v}" for k, v in meta.items() if isinstance(v, (int, float, str)) and len(str(v)) < 200)
    return name, [
        Alert(
            alert_id=short_hash(name, asset_name),
            check_name=name,
            severity=severity,
            message=f"check {name} on {asset_name} failed ({detail})",
            asset=asset_name,
        )
    ]


def deliver(messages: list[dict[str, Any]], log_path: Path | None, log: Any) -> bool:
    """Write alerts to alerts.jsonl and the configured channel; a dead channel is logged, not fatal.

    The channels do not depend on each other: when alerts.jsonl cannot be written (a full disk, a
    read-only folder), every alert goes to stderr and the run's log in full, and still to the URL.
    Returns whether alerts.jsonl holds them (`log_path` None: not to be written, stderr and URL only).
    """
    written = True
    try:
        if log_path is None:
            raise OSError("no alert log to write to")
        append_jsonl(log_path, messages)
    except OSError as exc:
        written = False
        log.error(f"could not write {len(messages)} alert(s) to {log_path}: {exc}; they follow here")
        for m in messages:
            line = f"ALERT [{m.get('severity')}] {m.get('check_name')}: {m.get('message')}"
            log.error(line)
            print(line, file=sys.stderr, flush=True)
    url = alert_url()
    if url and messages:
        try:
            send(url, messages)
        except Exception as exc:  # noqa: BLE001 - the mart must still be published
            log.error(f"could not deliver {len(messages)} alert(s) to {url}: {exc}")
    return written
