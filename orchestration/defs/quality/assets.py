"""The alerting step: every failed check of this run (WARN included) becomes alerts people see.

Dagster's run-failure sensors never see a failed WARN check (the run succeeds), so `dq_alerts`
reads the run's own ASSET_CHECK_EVALUATION events; what an evaluation becomes (one alert per
conflict, per refused file, per failed expectation) is orchestration/alerting.py's business.
"""

from datetime import datetime
from typing import Any

from dagster import AssetExecutionContext, DagsterEventType, MaterializeResult, asset

from orchestration import alerting, publish
from orchestration.config import analyst_wait_seconds
from orchestration.defs.dbt.assets import indicators_dbt
from orchestration.defs.keys import DQ_ALERTS, PUBLISHED_WAREHOUSE, STAGING_PARSED, STAGING_QUARANTINE
from orchestration.defs.resources import WarehouseResource


def this_runs_check_evaluations(context: AssetExecutionContext) -> list[Any]:
    records = context.instance.get_records_for_run(
        run_id=context.run.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION, limit=100_000
    ).records
    return [r.event_log_entry.dagster_event.event_specific_data for r in records]


@asset(
    key=DQ_ALERTS,
    deps=[STAGING_QUARANTINE, *STAGING_PARSED, *indicators_dbt.keys],
    group_name="quality",
    description="Every alert raised by the checks (dbt tests, GX suites, Dagster checks): open and closed.",
)
def dq_alerts(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    now = datetime.now()
    evaluations = this_runs_check_evaluations(context)
    raised: list[alerting.Alert] = []
    checks_run: set[str] = set()
    with warehouse.connect() as con:
        for evaluation in evaluations:
            name, found = alerting.alerts_from_check(evaluation, con)
            checks_run.add(name)
            raised.extend(found)
        opened, closed = alerting.record(con, raised, checks_run, context.run.run_id, now)
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


@asset(
    key=["alert_notifications"],
    deps=[PUBLISHED_WAREHOUSE],
    group_name="quality",
    description="Sends the published mart's open alerts that nobody was told about yet (alerts.jsonl + URL).",
)
def alert_notifications(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """After the swap, never before: a run killed between raising and publishing must not have told
    people about alerts that the rerun raises again. The log is the record of what was sent, so a
    run killed after publishing but before this step sends them on the next night."""
    paths = warehouse.paths
    sent = alerting.delivered_keys(paths.alerts_log)
    # an analyst opening the new file read-write right after the swap must not cost tonight's alerts
    with publish.open_published(paths, analyst_wait_seconds()) as con:
        pending = alerting.undelivered(con, sent)
    messages = [alerting.to_message(a, run_id, first) for a, first, run_id in pending]
    alerting.deliver(messages, paths.alerts_log, context.log)  # the same log `sent` was read from
    return MaterializeResult(metadata={"alerts_sent": len(pending)})
