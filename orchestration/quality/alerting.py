"""The alerting step: every failed check of this run (WARN included) becomes alerts people see.

Dagster's run-failure sensors never see a failed WARN check (the run succeeds), so this asset reads
the run's own ASSET_CHECK_EVALUATION events. Checks on the dq tables are expanded to one alert per
offending row (one conflict, one alert), carrying both values, both quotes and both sources.
"""


import json
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
from dagster import (
    AssetExecutionContext,
    AssetKey,
    DagsterEventType,
    HookContext,
    MaterializeResult,
    asset,
    failure_hook,
)

from orchestration import alerts
from orchestration.config import alert_url, current_paths
from orchestration.quality.checks import QUARANTINE_CHECK
from orchestration.resources import WarehouseResource
from orchestration.staging import short_hash

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


def _row_alerts(con: duckdb.DuckDBPyConnection, table: str, severity: str) -> list[alerts.Alert]:
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
            alerts.Alert(
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


def _check_alerts(evaluation: Any, con: duckdb.DuckDBPyConnection) -> tuple[str, list[alerts.Alert]]:
    """(check name as recorded in dq_alerts, alerts) for one check evaluation of this run."""
    key: AssetKey = evaluation.asset_key
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
            alerts.Alert(
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
            alerts.Alert(
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
        alerts.Alert(
            alert_id=short_hash(name, asset_name),
            check_name=name,
            severity=severity,
            message=f"check {name} on {asset_name} failed ({detail})",
            asset=asset_name,
        )
    ]


def this_runs_check_evaluations(context: AssetExecutionContext) -> list[Any]:
    records = context.instance.get_records_for_run(
        run_id=context.run.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION, limit=100_000
    ).records
    return [r.event_log_entry.dagster_event.event_specific_data for r in records]


def deliver(messages: list[dict[str, Any]], log_path: Path, log: Any) -> None:
    """Write alerts to alerts.jsonl and the configured channel; a dead channel is logged, not fatal."""
    alerts.append_jsonl(log_path, messages)
    url = alert_url()
    if url and messages:
        try:
            alerts.send(url, messages)
        except Exception as exc:  # noqa: BLE001 - the mart must still be published
            log.error(f"could not deliver {len(messages)} alert(s) to {url}: {exc}")


def dq_alerts_deps() -> list[AssetKey]:
    from orchestration.assets import STAGING_PARSED, STAGING_QUARANTINE, indicators_dbt

    return [STAGING_QUARANTINE, *STAGING_PARSED, *indicators_dbt.keys]


@asset(
    key=["mart", "dq_alerts"],
    deps=dq_alerts_deps(),
    group_name="quality",
    description="Every alert raised by the checks (dbt tests, GX suites, Dagster checks): open and closed.",
)
def dq_alerts(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    now = datetime.now()
    evaluations = this_runs_check_evaluations(context)
    raised: list[alerts.Alert] = []
    checks_run: set[str] = set()
    with warehouse.connect() as con:
        for evaluation in evaluations:
            name, found = _check_alerts(evaluation, con)
            checks_run.add(name)
            raised.extend(found)
        opened, closed = alerts.record(con, raised, checks_run, context.run.run_id, now)
        (still_open,) = con.execute("select count(*) from mart.dq_alerts where status = 'open'").fetchone()
    for a in opened:
        context.log.warning(f"ALERT [{a.severity}] {a.check_name}: {a.message}")
    return MaterializeResult(
        metadata={
            "checks_evaluated": len(evaluations),
            "alerts_raised": len(raised),
            "alerts_new": len(opened),
            "alerts_closed": closed,
            "alerts_open": still_open,
        }
    )


@failure_hook
def alert_on_step_failure(context: HookContext) -> None:
    """A failed step (a blocking ERROR check included) stops the publish: tell a person right away."""
    now = datetime.now()
    error = context.op_exception
    alert = alerts.Alert(
        alert_id=short_hash("run_failed", context.run_id, context.step_key),
        check_name="run_failed",
        severity="ERROR",
        message=(
            f"nightly run {context.run_id} failed at step {context.step_key}: {type(error).__name__}: {error}. "
            "The published warehouse was left as it was."
        ),
        asset=context.step_key,
    )
    # no resource here: a hook sees only the environment, which is where the resource's paths come from
    deliver([alerts.to_message(alert, context.run_id, now)], current_paths().alerts_log, context.log)


@asset(
    key=["alert_notifications"],
    deps=[AssetKey(["published_warehouse"])],
    group_name="quality",
    description="Sends the published mart's open alerts that nobody was told about yet (alerts.jsonl + URL).",
)
def alert_notifications(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """After the swap, never before: a run killed between raising and publishing must not have told
    people about alerts that the rerun raises again. The log is the record of what was sent, so a
    run killed after publishing but before this step sends them on the next night."""
    paths = warehouse.paths
    sent = alerts.delivered_keys(paths.alerts_log)
    with duckdb.connect(str(paths.db), read_only=True) as con:
        pending = alerts.undelivered(con, sent)
    messages = [alerts.to_message(a, run_id, first) for a, first, run_id in pending]
    deliver(messages, paths.alerts_log, context.log)  # the same log `sent` was read from
    return MaterializeResult(metadata={"alerts_sent": len(pending)})
