"""The nightly job: every asset, in one process, one writer at a time."""

from dagster import AssetSelection, define_asset_job, in_process_executor

from orchestration.defs.keys import JOB_NAME, RUN_TAGS
from orchestration.defs.quality.hooks import alert_on_step_failure

# One process, one writer: DuckDB allows a single read-write connection, and the working copy
# and writer lock live for the whole run (see resources.py).
nightly_etl = define_asset_job(
    name=JOB_NAME,
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    hooks={alert_on_step_failure},
    tags=RUN_TAGS,
    description="raw/ -> staging -> dbt marts -> checks -> alerts -> published warehouse",
)
