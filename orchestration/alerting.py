"""Alerts a person sees: rows in `mart.dq_alerts`, lines in `alerts.jsonl`, and one digest per run.

Every failed check of a run (WARN included) becomes alerts: the dq tables are expanded to one alert
per row (one disputed figure key, one arithmetic failure, one suspected wrong year), carrying the
values, quotes and sources; GX failures to one alert per failed expectation; the quarantine check to
one per refused file. A conflict that a revision or a later release explains is an INFO alert (a
note), not a WARN.

An alert has a stable id (check + the rows it is about), so a rerun on the same data raises no new
alert: it refreshes the open one. Alerts whose check passes again are closed. Recording is
set-based (a few statements for any number of alerts). Whether an alert was sent is kept in the
warehouse (`sent_at`), so a lost alerts.jsonl does not make a night send everything again; each
run sends one digest per channel: counts per check and severity, the most important new alerts
with their quotes and files, the files behind many of them, and where the full list is.

Plain Python (no Dagster import): the Dagster side is orchestration/defs/quality/.
"""

from __future__ import annotations

import json
import logging
import sys
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

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
-- warehouses made before these columns existed
alter table mart.dq_alerts add column if not exists importance double;
alter table mart.dq_alerts add column if not exists sent_at timestamp;
"""

_ALERT_COLUMNS = (
    "alert_id", "check_name", "asset", "severity", "message", "rows_json", "source_files", "importance",
)

DIGEST_MAX_BYTES = 16_000
"""A digest stays under this size (Slack takes 40,000 characters, Teams 28 KB, a mail client anything)."""
DIGEST_TOP = 20
"""How many new alerts the digest shows in full, most important first."""
ROOT_CAUSE_MIN_ALERTS = 3
"""A file involved in at least this many new alerts is named as their likely common cause."""

_SEVERITY_WEIGHT = {"ERROR": 3000, "WARN": 2000, "INFO": 1000}
_CHECK_WEIGHT = {
    "run_failed": 500, "conflicting_figures": 300, "suspected_wrong_year": 250, "city_above_province": 200,
    QUARANTINE_CHECK: 150,
}
_REGION_LEVEL_WEIGHT = {"country": 40, "province": 30, "prefecture": 20, "county": 10}


@dataclass
class Alert:
    alert_id: str
    check_name: str
    severity: str
    message: str
    asset: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    source_files: list[str] = field(default_factory=list)
    importance: float = 0.0
    rows_json: str | None = None  # `rows` as JSON when the warehouse wrote it already (to_json)


def importance(check_name: str, severity: str, row: dict[str, Any] | None, headline: dict[str, float]) -> float:
    """Higher first: severity, then the check (a broken run, a contradiction ...), then headline
    indicators, then the region's level (the nation and provinces before cities, districts and
    organisations)."""
    score = _SEVERITY_WEIGHT.get(severity, 0) + _CHECK_WEIGHT.get(check_name, 100 if check_name.startswith(
        "arithmetic_") else 50)
    if row:
        score += 20 * headline.get(str(row.get("indicator_code") or ""), 0)
        score += _REGION_LEVEL_WEIGHT.get(str(row.get("region_level") or ""), 0)
        if row.get("subject"):
            score -= 15  # about an organisation or programme, not a whole region
    return float(score)


def record(
    con: duckdb.DuckDBPyConnection, alerts: Iterable[Alert], checks_run: set[str], run_id: str, now: datetime,
    sent_log: Path | None = None,
) -> tuple[list[Alert], int]:
    """Upsert this run's alerts; close open ones of the checks that ran and no longer fire.

    Set-based: the alerts go in as one frame and a handful of statements upsert them, whatever
    their number (one SELECT, DELETE and INSERT per alert took 126 s for 14,378 alerts).
    `sent_log` (alerts.jsonl), when given, marks as sent the open alerts it records as delivered
    that the warehouse does not know were sent (the run that sent them could not write to it).
    Returns (newly opened alerts, number closed).
    """
    con.execute(DQ_ALERTS_DDL)
    unique: dict[str, Alert] = {}
    for a in alerts:
        unique.setdefault(a.alert_id, a)
    frame = pd.DataFrame(  # noqa: F841 - read by DuckDB's replacement scan below
        {
            "alert_id": pd.array([a.alert_id for a in unique.values()], dtype="string"),
            "check_name": pd.array([a.check_name for a in unique.values()], dtype="string"),
            "asset": pd.array([a.asset for a in unique.values()], dtype="string"),
            "severity": pd.array([a.severity for a in unique.values()], dtype="string"),
            "message": pd.array([a.message for a in unique.values()], dtype="string"),
            "rows_json": pd.array(
                [a.rows_json or json.dumps(a.rows, ensure_ascii=False, default=str) for a in unique.values()],
                dtype="string",
            ),
            "source_files": pd.array(
                [", ".join(sorted(set(a.source_files))) for a in unique.values()], dtype="string"
            ),
            "importance": pd.array([a.importance for a in unique.values()], dtype="Float64"),
        }
    )
    # One transaction: a commit per statement made 1,310 alerts (10,000 articles) take 30 s.
    con.execute("begin")
    try:
        con.execute(
            f"create or replace temp table raised as select {', '.join(_ALERT_COLUMNS)} from frame"
        )
        opened_ids = {
            r[0]
            for r in con.execute(
                """select raised.alert_id from raised
                   left join mart.dq_alerts as known on known.alert_id = raised.alert_id and known.status = 'open'
                   where known.alert_id is null"""
            ).fetchall()
        }
        con.execute(
            """update mart.dq_alerts as known
               set last_raised_at = ?, times_raised = known.times_raised + 1, run_id = ?,
                   message = raised.message, rows_json = raised.rows_json, severity = raised.severity,
                   importance = raised.importance
               from raised
               where known.alert_id = raised.alert_id and known.status = 'open'""",
            [now, run_id],
        )
        # a closed alert raised again opens anew (and is sent again)
        con.execute(
            """delete from mart.dq_alerts
               where status <> 'open' and alert_id in (select alert_id from raised)"""
        )
        con.execute(
            """insert into mart.dq_alerts
                   (alert_id, check_name, asset, severity, status, message, rows_json, source_files,
                    first_raised_at, last_raised_at, closed_at, times_raised, run_id, importance, sent_at)
                select alert_id, check_name, asset, severity, 'open', message, rows_json, source_files,
                       ?, ?, null, 1, ?, importance, null
                from raised
                where alert_id in (select unnest(?::varchar[]))""",
            [now, now, run_id, sorted(opened_ids)],
        )
        closed = 0
        if checks_run:
            (closed,) = con.execute(
                """select count(*) from mart.dq_alerts
                   where status = 'open' and check_name in (select unnest(?::varchar[]))
                     and alert_id not in (select alert_id from raised)""",
                [sorted(checks_run)],
            ).fetchone()
            con.execute(
                """update mart.dq_alerts set status = 'closed', closed_at = ?
                   where status = 'open' and check_name in (select unnest(?::varchar[]))
                     and alert_id not in (select alert_id from raised)""",
                [now, sorted(checks_run)],
            )
        if sent_log is not None:
            _mark_logged_as_sent(con, sent_log, now)
        con.execute("drop table raised")
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
    return [a for a in unique.values() if a.alert_id in opened_ids], closed


def _mark_logged_as_sent(con: duckdb.DuckDBPyConnection, path: Path, now: datetime) -> None:
    """Open alerts the log says were delivered but the warehouse does not: the run that sent them
    could not write `sent_at` (a reader held the published file). Read only when there are any."""
    (unsent,) = con.execute(
        "select count(*) from mart.dq_alerts where status = 'open' and sent_at is null and first_raised_at < ?",
        [now],
    ).fetchone()
    if not unsent:
        return
    delivered = sorted(delivered_keys(path, delivered_only=True))
    if not delivered:
        return
    logged = pd.DataFrame({"alert_id": [d[0] for d in delivered], "raised_at": [d[1] for d in delivered]})  # noqa: F841
    con.execute(
        """update mart.dq_alerts as known set sent_at = ?
           from logged
           where known.status = 'open' and known.sent_at is null and known.alert_id = logged.alert_id
             and strftime(known.first_raised_at, '%Y-%m-%dT%H:%M:%S') = logged.raised_at""",
        [now],
    )


def to_message(alert: Alert, run_id: str, now: datetime) -> dict[str, Any]:
    # shallow: dataclasses.asdict deep-copies every row (28 s for 10,000 alerts); rows already
    # written as JSON stay text (append_jsonl splices them in)
    payload = {f.name: getattr(alert, f.name) for f in fields(alert) if f.name not in ("rows", "rows_json")}
    if alert.rows_json is not None:
        payload["rows_json"] = alert.rows_json
    else:
        payload["rows"] = alert.rows
    payload.update(raised_at=now.isoformat(timespec="seconds"), run_id=run_id)
    return payload


def delivered_keys(path: Path, delivered_only: bool = False) -> set[tuple[str, str]]:
    """(alert_id, raised_at) of every alert written to the log (with `delivered_only`, of those a line
    records as delivered to every channel)."""
    if not path.exists():
        return set()
    keys = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                m = json.loads(line)
                if delivered_only and m.get("delivered") is False:
                    continue
                keys.add((m["alert_id"], m["raised_at"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # a line cut by a crash mid-write
    return keys


def unsent(con: duckdb.DuckDBPyConnection) -> list[tuple[Alert, datetime, str]]:
    """Open alerts of the published mart that nobody was sent yet: (alert, first raised, run that
    raised it), most important first. An alert closed and opened again is a new row, unsent."""
    rows = con.execute(
        """select alert_id, check_name, severity, message, asset, rows_json, source_files, first_raised_at, run_id,
                  coalesce(importance, 0)
           from mart.dq_alerts where status = 'open' and sent_at is null
           order by importance desc nulls last, first_raised_at, alert_id"""
    ).fetchall()
    out = []
    for alert_id, check, severity, message, asset, rows_json, files, first, run_id, weight in rows:
        alert = Alert(alert_id, check, severity, message, asset, [], [f for f in (files or "").split(", ") if f],
                      weight, rows_json or "[]")
        out.append((alert, first, run_id))
    return out


def mark_sent(db: Path, sent: list[tuple[str, datetime]], now: datetime) -> None:
    """Record in the published warehouse that these alerts (id, first raised) were sent.

    The run still holds the writer lock, so no other run writes; an analyst's open connection
    makes the open fail, and then the next run reads the log's `delivered` lines instead."""
    if not sent:
        return
    frame = pd.DataFrame({"alert_id": [a for a, _ in sent], "first_raised_at": [t for _, t in sent]})  # noqa: F841
    with duckdb.connect(str(db)) as con:
        con.execute(
            """update mart.dq_alerts as known set sent_at = ?
               from frame
               where known.sent_at is null and known.alert_id = frame.alert_id
                 and known.first_raised_at = frame.first_raised_at""",
            [now],
        )


def append_jsonl(path: Path, messages: Iterable[dict[str, Any]]) -> int:
    fault_raise("disk_full")
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("a", encoding="utf-8") as out:
        for m in messages:
            if "rows_json" in m:  # rows kept as the warehouse's JSON text: spliced in, not parsed and rewritten
                head = json.dumps({k: v for k, v in m.items() if k != "rows_json"}, ensure_ascii=False, default=str)
                out.write(head[:-1] + (', "rows": ' if len(head) > 2 else '"rows": ') + m["rows_json"] + "}\n")
            else:
                out.write(json.dumps(m, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _short(text: Any, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quotes_and_files(alert: dict[str, Any]) -> tuple[list[str], list[str]]:
    quotes: list[str] = []
    rows = alert.get("rows")
    if rows is None:
        rows = json.loads(alert.get("rows_json") or "[]")
    for row in rows or []:
        for key in ("quote_a", "quote_b", "stated_quote", "quote", "other_quote", "child_quote", "parent_quote"):
            if row.get(key) and row[key] not in quotes:
                quotes.append(str(row[key]))
    return quotes, list(alert.get("source_files") or [])


def build_digest(
    messages: list[dict[str, Any]], open_counts: dict[str, int], report: Path, alerts_log: Path, run_id: str,
    max_bytes: int = DIGEST_MAX_BYTES, top: int = DIGEST_TOP,
) -> dict[str, Any]:
    """One run's message for a channel: counts of the new alerts per check and severity, the `top`
    most important with their quotes and files, the files behind many of them (one bad file makes
    many alerts), the open totals and where the report and the full log are. Shortened until its
    JSON is under `max_bytes`."""
    counts: dict[str, dict[str, int]] = {}
    for m in messages:
        counts.setdefault(m["check_name"], Counter())[m["severity"]] += 1
    by_file = Counter(f for m in messages for f in set(m.get("source_files") or []))
    root_causes = [
        {"source_file": f, "alerts": n,
         "checks": dict(Counter(m["check_name"] for m in messages if f in (m.get("source_files") or [])))}
        for f, n in by_file.most_common(5) if n >= ROOT_CAUSE_MIN_ALERTS
    ]
    ranked = sorted(messages, key=lambda m: (-(m.get("importance") or 0), m.get("raised_at") or "", m["alert_id"]))
    severities = Counter(m["severity"] for m in messages)
    title = (
        f"Indicators warehouse: {len(messages)} new alert(s)"
        + (" (" + ", ".join(f"{n} {s}" for s, n in sorted(severities.items())) + ")" if messages else "")
    )
    quote_limit, message_limit = 120, 400
    causes = {c["source_file"] for c in root_causes}
    while True:
        items: list[dict[str, Any]] = []
        grouped: dict[tuple[str, str], dict[str, Any]] = {}  # alerts of one check about one bad file: one item
        for m in ranked:
            if len(items) >= top:
                break
            files = list(m.get("source_files") or [])
            key = (m["check_name"], files[0]) if len(files) == 1 and files[0] in causes else None
            if key and key in grouped:
                grouped[key]["similar"] += 1
                continue
            quotes, files = _quotes_and_files(m)
            item = {
                "alert_id": m["alert_id"], "check_name": m["check_name"], "severity": m["severity"],
                "message": _short(m["message"], message_limit),
                "quotes": [_short(q, quote_limit) for q in quotes[:4]], "source_files": files[:4], "similar": 0,
            }
            items.append(item)
            if key:
                grouped[key] = item
        digest = {
            "title": title, "run_id": run_id, "count": len(messages),
            "counts": {c: dict(v) for c, v in sorted(counts.items())},
            "open": open_counts, "root_causes": root_causes, "alerts": items,
            "more": max(len(messages) - len(items) - sum(i["similar"] for i in items), 0),
            "report": str(report), "alerts_log": str(alerts_log),
        }
        size = len(json.dumps(digest, ensure_ascii=False).encode("utf-8"))
        if size <= max_bytes or top == 0:
            return digest
        if message_limit > 160:
            message_limit, quote_limit = 160, 60
        else:
            top -= 1


def digest_text(digest: dict[str, Any]) -> tuple[str, str]:
    """(title, body) of a digest for a chat or mail channel (apprise)."""
    lines = ["new alerts by check: " + "; ".join(
        f"{c} " + ", ".join(f"{n} {s}" for s, n in v.items()) for c, v in digest["counts"].items())]
    lines.append("open now: " + ", ".join(f"{n} {s}" for s, n in digest["open"].items()))
    for cause in digest["root_causes"]:
        lines.append(f"one file behind {cause['alerts']} alerts: {cause['source_file']} ({cause['checks']})")
    for i, a in enumerate(digest["alerts"], 1):
        lines.append(f"{i}. [{a['severity']}] {a['check_name']}: {a['message']}"
                     + (f" (and {a['similar']} more like it from the same file)" if a.get("similar") else ""))
        if a["source_files"]:
            lines.append("   files: " + ", ".join(a["source_files"]))
    if digest["more"]:
        lines.append(f"... and {digest['more']} more")
    lines.append(f"report: {digest['report']}")
    lines.append(f"every alert: {digest['alerts_log']}")
    return digest["title"], "\n".join(lines)


def send(url: str, digest: dict[str, Any], timeout: float = 10.0) -> None:
    """POST the digest as JSON to an http(s) URL; any other URL scheme goes through apprise."""
    if not digest.get("count"):
        return
    if url.startswith(("http://", "https://")):
        body = json.dumps(digest, ensure_ascii=False, default=str)
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
    title, body = digest_text(digest)
    if not notifier.notify(title=title, body=body):
        raise RuntimeError(f"apprise could not deliver the alerts to {url!r}")


# dq tables whose rows are alerts of their own: table -> (check name, id column, row filter).
# A check name None takes the row's own `check_name` (prefixed); ROW_CHECK_NAMES lists them.
ROW_ALERTS = {
    "dq_conflicts": ("conflicting_figures", "conflict_id", "status = 'open'"),
    "dq_arithmetic": (None, "check_id", "true"),
    "dq_wrong_years": ("suspected_wrong_year", "check_id", "true"),
    "dq_hierarchy": ("city_above_province", None, "true"),
    "dq_rejects": ("impossible_values", None, "true"),
}
ROW_CHECK_NAMES = {
    "dq_arithmetic": {"arithmetic_growth_vs_levels", "arithmetic_change_vs_levels", "arithmetic_parts_vs_total",
                      "arithmetic_share_vs_ratio"},
}


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.6g}"
    return "" if value is None else str(value)


def _row_message(table: str, row: dict[str, Any]) -> str:
    g = row.get
    if table == "dq_conflicts":
        head = (
            f"{_fmt(g('disagreement'))}: {_fmt(g('region_name'))} {_fmt(g('subject') or '')}"
            f"{_fmt(g('indicator_name') or g('indicator_code'))} {_fmt(g('period'))} ({_fmt(g('value_kind'))}), "
            f"{_fmt(g('value_count'))} values from {_fmt(g('source_count'))} files: "
        )
        return head + (
            f"{_fmt(g('value_a'))} {_fmt(g('qualifier_a'))} «{_fmt(g('quote_a'))}» in {_fmt(g('source_file_a'))} "
            f"vs {_fmt(g('value_b'))} {_fmt(g('qualifier_b'))} «{_fmt(g('quote_b'))}» in {_fmt(g('source_file_b'))}"
            + (f". {g('explanation')}" if g("severity") == "INFO" and g("explanation") else "")
        )
    if table == "dq_arithmetic":
        inputs = "; ".join(
            f"{_fmt(i.get('role'))} {_fmt(i.get('value'))} «{_fmt(i.get('quote'))}» in {_fmt(i.get('source_file'))}"
            for i in g("inputs") or []
        )
        return (
            f"{_fmt(g('check_name'))}: {_fmt(g('region_name'))} {_fmt(g('subject') or '')}"
            f"{_fmt(g('indicator_name') or g('indicator_code'))} {_fmt(g('period'))}: stated {_fmt(g('stated_value'))} "
            f"«{_fmt(g('stated_quote'))}» in {_fmt(g('stated_source_file'))}, but the other figures give "
            f"{_fmt(g('implied_value'))} (tolerance {_fmt(g('tolerance'))}): {inputs}"
        )
    if table == "dq_wrong_years":
        return (
            f"suspected wrong year: {_fmt(g('region_name'))} {_fmt(g('indicator_name') or g('indicator_code'))} "
            f"{_fmt(g('value'))}: {_fmt(g('explanation'))}"
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


def headline_weights(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    try:
        rows = con.execute("select indicator_code, weight from ref.headline_indicators").fetchall()
        return {str(code): float(weight) for code, weight in rows}
    except duckdb.Error:
        return {}


def row_alerts(
    con: duckdb.DuckDBPyConnection, table: str, severity: str, headline: dict[str, float] | None = None
) -> list[Alert]:
    """One alert per row of a dq table (open rows only for conflicts). A row's own `severity`
    column, when it has one, wins over the check's (an INFO conflict is a note)."""
    check_name, id_column, where = ROW_ALERTS[table]
    headline = headline_weights(con) if headline is None else headline
    cursor = con.execute(f"select *, to_json(t) as __row_json from mart.{table} as t where {where}")
    columns = [d[0] for d in cursor.description][:-1]
    file_columns = [c for c in columns if c.startswith("source_file") or c.endswith("_source_file")]
    out = []
    for *values, row_json in cursor.fetchall():
        row = dict(zip(columns, values, strict=True))
        row_id = row.get(id_column) if id_column else None
        if row_id is None:
            row_id = next((row[c] for c in columns if c.endswith("_id") and row[c] is not None), None)
        if row_id is None:
            row_id = short_hash(*values)
        name = check_name or f"arithmetic_{row['check_name']}"
        row_severity = row.get("severity") or severity
        files = [str(row[c]) for c in file_columns if row[c]]
        out.append(
            Alert(
                alert_id=short_hash(name, row_id),
                check_name=name,
                severity=row_severity,
                message=_row_message(table, row),
                asset=f"mart.{table}",
                rows=[row],
                source_files=files,
                importance=importance(name, row_severity, row, headline),
                rows_json=f"[{row_json}]",
            )
        )
    return out


def alerts_from_check(
    evaluation: Any, con: duckdb.DuckDBPyConnection, tables_done: set[str] | None = None,
    headline: dict[str, float] | None = None,
) -> tuple[set[str], list[Alert]]:
    """(check names as recorded in dq_alerts, alerts) for one check evaluation of this run.

    A dq table's rows are its alerts whichever of its checks this is (the table is the record, and
    INFO rows alert although the WARN test passes): read once per run (`tables_done`).
    """
    key = evaluation.asset_key
    table = key.path[-1]
    severity = evaluation.severity.value if evaluation.severity else "ERROR"
    if table in ROW_ALERTS:
        names = ROW_CHECK_NAMES.get(table) or {ROW_ALERTS[table][0]}
        if tables_done is not None:
            if table in tables_done:
                return names, []
            tables_done.add(table)
        return names, row_alerts(con, table, "WARN", headline)
    name = evaluation.check_name
    if evaluation.passed:
        return {name}, []
    meta = {k: getattr(v, "value", v) for k, v in (evaluation.metadata or {}).items()}
    asset_name = ".".join(key.path)
    if name == QUARANTINE_CHECK:
        refused = json.loads(meta.get("rows") or "[]")
        return {name}, [
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
        return {name}, [
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
    return {name}, [
        Alert(
            alert_id=short_hash(name, asset_name),
            check_name=name,
            severity=severity,
            message=f"check {name} on {asset_name} failed ({detail})",
            asset=asset_name,
        )
    ]


def deliver(
    messages: list[dict[str, Any]], log_path: Path | None, log: Any, run_id: str = "",
    open_counts: dict[str, int] | None = None, report: Path | None = None, url: str | None = None,
) -> bool:
    """Send one digest of `messages` to the configured channel, then append every message to
    alerts.jsonl with whether the channel took it. A dead channel is logged, not fatal (the mart must
    still be published). The two do not depend on each other: when alerts.jsonl cannot be written (a
    full disk, a read-only folder, `log_path` None), every alert goes to stderr and the run's log in
    full. True when the channel (if any) took them and alerts.jsonl holds them."""
    if not messages:
        return True
    delivered = True
    url = alert_url() if url is None else url
    if url:
        digest = build_digest(
            messages, open_counts or dict(Counter(m["severity"] for m in messages)),
            report or (log_path.parent / "report" / "index.html" if log_path else Path("report/index.html")),
            log_path or Path("alerts.jsonl"), run_id,
        )
        try:
            send(url, digest)
        except Exception as exc:  # noqa: BLE001 - the mart must still be published
            log.error(f"could not deliver {len(messages)} alert(s) to {url}: {exc}")
            delivered = False
    return _log_alerts(messages, log_path, delivered, log) and delivered


def _log_alerts(messages: list[dict[str, Any]], log_path: Path | None, delivered: bool, log: Any) -> bool:
    """Append the messages to alerts.jsonl; when that fails, write each to stderr and the run's log."""
    try:
        if log_path is None:
            raise OSError("no alert log to write to")
        append_jsonl(log_path, ({**m, "delivered": delivered} for m in messages))
        return True
    except OSError as exc:
        log.error(f"could not write {len(messages)} alert(s) to {log_path}: {exc}; they follow here")
        for m in messages:
            line = f"ALERT [{m.get('severity')}] {m.get('check_name')}: {m.get('message')}"
            log.error(line)
            print(line, file=sys.stderr, flush=True)
        return False


@dataclass
class AlertStep:
    """What the alerting step did, for its log line, metadata and run tags."""

    raised: int
    opened: list[Alert]
    closed: int
    open_by_severity: dict[str, int]

    @property
    def open_problems(self) -> int:
        """Open alerts a person must act on (WARN and ERROR; INFO notes are not)."""
        return sum(n for s, n in self.open_by_severity.items() if s in ("WARN", "ERROR"))

    def summary(self) -> str:
        new = Counter(a.severity for a in self.opened)
        return (
            f"{len(self.opened)} new alert(s)"
            + (" (" + ", ".join(f"{n} {s}" for s, n in sorted(new.items())) + ")" if new else "")
            + f", {self.raised} raised, {self.closed} closed; open: "
            + (", ".join(f"{n} {s}" for s, n in sorted(self.open_by_severity.items())) or "none")
        )


def raise_alerts(
    con: duckdb.DuckDBPyConnection, evaluations: Iterable[Any], run_id: str, now: datetime,
    sent_log: Path | None = None,
) -> AlertStep:
    """The alerting step on the working copy: every check evaluation of the run becomes alerts,
    recorded in mart.dq_alerts."""
    tables_done: set[str] = set()
    headline = headline_weights(con)
    raised: list[Alert] = []
    checks_run: set[str] = set()
    for evaluation in evaluations:
        names, found = alerts_from_check(evaluation, con, tables_done, headline)
        checks_run |= names
        raised.extend(found)
    for a in raised:
        if not a.importance:
            a.importance = importance(a.check_name, a.severity, a.rows[0] if a.rows else None, headline)
    opened, closed = record(con, raised, checks_run, run_id, now, sent_log)
    open_by_severity = dict(
        con.execute("select severity, count(*) from mart.dq_alerts where status = 'open' group by severity").fetchall()
    )
    return AlertStep(len(raised), opened, closed, open_by_severity)


def notify(
    db: Path, log_path: Path, report: Path, run_id: str, log: Any, now: datetime, url: str | None = None,
    open_published: Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]] | None = None,
) -> int:
    """After the publish: one digest of the published mart's unsent open alerts to the channel, every
    one of them to alerts.jsonl, and `sent_at` in the published warehouse. Returns how many.
    `open_published`: how to open the published file read-only (publish.open_published waits for an
    analyst's read-write connection to close); a plain read-only connection if None."""
    opener = open_published or (lambda: duckdb.connect(str(db), read_only=True))
    with opener() as con:
        pending = unsent(con)
        open_counts = dict(
            con.execute("select severity, count(*) from mart.dq_alerts where status = 'open' group by 1").fetchall()
        )
    if not pending:
        return 0
    messages = [to_message(a, raised_by, first) for a, first, raised_by in pending]
    if deliver(messages, log_path, log, run_id, open_counts, report, url):
        try:
            mark_sent(db, [(a.alert_id, first) for a, first, _ in pending], now)
        except duckdb.Error as exc:
            log.warning(
                f"sent {len(pending)} alert(s) but could not record it in {db} ({exc}); "
                "the next run takes it from alerts.jsonl"
            )
    return len(pending)
