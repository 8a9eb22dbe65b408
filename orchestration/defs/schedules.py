"""Every night at 02:00 Beijing time (the sensor in ingest/ starts a run when raw/ changes)."""

from dagster import ScheduleDefinition, ScheduleEvaluationContext

from orchestration.config import warehouse_run_config
from orchestration.defs.keys import JOB_NAME, RUN_TAGS


def _run_config(context: ScheduleEvaluationContext) -> dict:
    return warehouse_run_config()


nightly_etl_schedule = ScheduleDefinition(
    name="nightly_etl_schedule",
    job_name=JOB_NAME,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    run_config_fn=_run_config,
    tags=RUN_TAGS,
    description="Runs the whole pipeline every night at 02:00 Asia/Shanghai.",
)
