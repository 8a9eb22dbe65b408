"""The atomic swap of the working copy onto the published warehouse, after every check ran."""

from datetime import datetime

from dagster import AssetExecutionContext, MaterializeResult, asset

from orchestration import alerting, publish, staging
from orchestration.config import analyst_wait_seconds
from orchestration.defs.keys import DQ_ALERTS, PUBLISHED_WAREHOUSE
from orchestration.defs.resources import WarehouseResource


@asset(
    key=PUBLISHED_WAREHOUSE,
    deps=[DQ_ALERTS],
    group_name="publish",
    description="Swap the working copy onto warehouse/indicators.duckdb atomically (readers keep the old file).",
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    paths = warehouse.paths
    with warehouse.connect() as con:
        counts = staging.table_counts(
            con, ["staging.files", "staging.articles", "mart.fct_figures", "mart.dq_conflicts", "mart.dq_alerts"]
        )
    # waits for (or refuses, with an alert by the failure hook) a read-write connection on the published file
    published, changed = publish.publish(paths, analyst_wait_seconds())
    context.log.info(f"published {published}: {counts}")
    if changed is not None:  # someone's changes to the old file: kept beside it, and a person is told now
        alert = alerting.Alert(
            alert_id=staging.short_hash("published_file_changed", changed.kept.name),
            check_name="published_file_changed",
            severity="WARN",
            message=str(changed),
            asset="published_warehouse",
            source_files=[],
        )
        alerting.deliver([alerting.to_message(alert, context.run.run_id, datetime.now())], paths.alerts_log,
                         context.log)
    return MaterializeResult(metadata={"path": str(published), **counts,
                                       "kept_changed_file": str(changed.kept) if changed else ""})
