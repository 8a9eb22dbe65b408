"""The atomic swap of the working copy onto the published warehouse, after every check ran."""

from dagster import AssetExecutionContext, MaterializeResult, asset

from orchestration import publish, staging
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
    published = publish.publish(paths)
    context.log.info(f"published {published}: {counts}")
    return MaterializeResult(metadata={"path": str(published), **counts})
