"""The Dagster code location: `dagster dev -m orchestration.definitions`."""

from __future__ import annotations

from dagster import AssetSelection, Definitions, define_asset_job, in_process_executor
from dagster_dbt import DbtCliResource

from orchestration.assets import dbt_project, indicators_dbt, parsed_articles, published_warehouse, raw_files
from orchestration.config import dbt_executable
from orchestration.quality.alerting import alert_notifications, alert_on_step_failure, dq_alerts
from orchestration.quality.checks import gx_checks, quarantine_check
from orchestration.report_asset import analyst_report
from orchestration.resources import WarehouseResource
from orchestration.triggers import RUN_TAGS, make_schedule, make_sensor

# One process, one writer: DuckDB allows a single read-write connection, and the working copy
# and writer lock live for the whole run (see resources.py).
nightly_etl = define_asset_job(
    name="nightly_etl",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    hooks={alert_on_step_failure},
    tags=RUN_TAGS,
    description="raw/ -> staging -> dbt marts -> checks -> alerts -> published warehouse",
)

defs = Definitions(
    assets=[
        raw_files,
        parsed_articles,
        indicators_dbt,
        dq_alerts,
        published_warehouse,
        alert_notifications,
        analyst_report,
    ],
    asset_checks=[*gx_checks, quarantine_check],
    jobs=[nightly_etl],
    schedules=[make_schedule(nightly_etl)],
    sensors=[make_sensor(nightly_etl)],
    resources={
        "dbt": DbtCliResource(
            project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir), dbt_executable=dbt_executable()
        ),
        "warehouse": WarehouseResource(),
    },
)
