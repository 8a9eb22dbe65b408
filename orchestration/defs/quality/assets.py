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
    with warehouse.connect() as con:
        step = alerting.raise_alerts(con, evaluations, context.run.run_id, now, sent_log=warehouse.paths.alerts_log)
    # one line for the run, not one per alert (14,378 log lines made a night's step take minutes)
    (context.log.warning if any(a.severity in ("WARN", "ERROR") for a in step.opened) else context.log.info)(
        f"ALERTS {step.summary()}"
    )
    # a run that leaves problems open must not look like a clean one on the run page
    context.instance.add_run_tags(
        context.run.run_id,
        {
            "indicators/quality": "open-warnings" if step.open_problems else "clean",
            "indicators/open_warn_alerts": str(step.open_problems),
            "indicators/new_alerts": str(len(step.opened)),
        },
    )
    return MaterializeResult(
        metadata={
            "checks_evaluated": len(evaluations),
            "alerts_raised": step.raised,
            "alerts_new": len(step.opened),
            "alerts_closed": step.closed,
            "alerts_open": sum(step.open_by_severity.values()),
            "open_warn_alerts": step.open_problems,
            "quality": "open warnings: see mart.dq_alerts" if step.open_problems else "clean",
        }
    )


@asset(
    key=["alert_notifications"],
    deps=[PUBLISHED_WAREHOUSE],
    group_name="quality",
    description=(
        "Sends one digest of the published mart's open alerts that nobody was sent yet "
        "(channel + alerts.jsonl) and records in the warehouse that they were sent."
    ),
)
def alert_notifications(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """After the swap, never before: a run killed between raising and publishing must not have told
    people about alerts that the rerun raises again. What was sent is kept in the warehouse
    (mart.dq_alerts.sent_at), so a run killed after publishing but before this step sends them on
    the next night, and a lost alerts.jsonl does not send everything again."""
    paths = warehouse.paths
    sent = alerting.notify(
        paths.db, paths.alerts_log, paths.warehouse_dir / "report" / "index.html", context.run.run_id, context.log,
        datetime.now(),
        # an analyst opening the new file read-write right after the swap must not cost tonight's alerts
        open_published=lambda: publish.open_published(paths, analyst_wait_seconds()),
    )
    if sent:
        publish.record_run_write(paths)  # sent_at was written into the published file by this run
    return MaterializeResult(metadata={"alerts_sent": sent})
