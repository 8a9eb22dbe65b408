"""When the nightly job runs: every night at 02:00 Beijing time, and when raw/ gains or changes files."""


import hashlib
import json

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    SkipReason,
    sensor,
)
from dagster._core.definitions.unresolved_asset_job_definition import UnresolvedAssetJobDefinition

from orchestration.config import current_paths
from orchestration.ingest import list_raw_state

RUN_TAGS = {"indicators/writer": "warehouse"}


def changed_files(previous: dict[str, list[int]], current: dict[str, tuple[int, int]]) -> list[str]:
    """Names that are new or whose size or modification time moved since the cursor was written."""
    return sorted(name for name, state in current.items() if list(state) != previous.get(name))


def make_schedule(job: UnresolvedAssetJobDefinition) -> ScheduleDefinition:
    return ScheduleDefinition(
        name="nightly_etl_schedule",
        job=job,
        cron_schedule="0 2 * * *",
        execution_timezone="Asia/Shanghai",
        tags=RUN_TAGS,
        description="Runs the whole pipeline every night at 02:00 Asia/Shanghai.",
    )


def make_sensor(job: UnresolvedAssetJobDefinition):  # noqa: ANN201 - a dagster SensorDefinition
    @sensor(
        name="raw_files_sensor",
        job=job,
        minimum_interval_seconds=60,
        default_status=DefaultSensorStatus.STOPPED,
        description="Starts the nightly job when files in raw/ are added or changed (one run per change).",
    )
    def raw_files_sensor(context: SensorEvaluationContext):
        raw_dir = current_paths().raw_dir
        if not raw_dir.is_dir():
            return SkipReason(f"raw folder {raw_dir} does not exist")
        previous = json.loads(context.cursor) if context.cursor else {}
        current = list_raw_state(raw_dir)
        changed = changed_files(previous, current)
        if not changed:
            return SkipReason("no new or changed files in raw/")
        context.update_cursor(json.dumps({k: list(v) for k, v in current.items()}))
        run_key = hashlib.sha256(json.dumps([[n, *current[n]] for n in changed]).encode()).hexdigest()[:20]
        return RunRequest(run_key=run_key, tags={**RUN_TAGS, "indicators/changed_files": str(len(changed))})

    return raw_files_sensor
