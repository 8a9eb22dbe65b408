"""Starts the nightly job when raw/ gains or changes files (one run per change)."""

import hashlib
import json
import time

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SkipReason, sensor

from orchestration.config import current_paths, settle_seconds, warehouse_run_config
from orchestration.defs.keys import JOB_NAME, RUN_TAGS
from orchestration.ingest import changed_files, list_raw_state


@sensor(
    name="raw_files_sensor",
    job_name=JOB_NAME,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.STOPPED,
    description="Starts the nightly job when files in raw/ are added or changed (one run per change).",
)
def raw_files_sensor(context: SensorEvaluationContext):
    paths = current_paths()
    if not paths.raw_dir.is_dir():
        return SkipReason(f"raw folder {paths.raw_dir} does not exist")
    previous = json.loads(context.cursor) if context.cursor else {}
    # a file still being written would only wait in the run (ingest's settle rule): it starts a run
    # once it has settled, so it stays out of the cursor until then
    cutoff = time.time_ns() - int(settle_seconds() * 1e9)
    listed = list_raw_state(paths.raw_dir)
    current = {name: state for name, state in listed.items() if state[1] <= cutoff}
    changed = changed_files(previous, current)
    if not changed:
        settling = len(listed) - len(current)
        return SkipReason("no new or changed files in raw/" + (f" ({settling} still settling)" if settling else ""))
    unsettled = {name: previous[name] for name in listed.keys() - current.keys() if name in previous}
    context.update_cursor(json.dumps({**unsettled, **{k: list(v) for k, v in current.items()}}))
    run_key = hashlib.sha256(json.dumps([[n, *current[n]] for n in changed]).encode()).hexdigest()[:20]
    return RunRequest(
        run_key=run_key,
        run_config=warehouse_run_config(paths),
        tags={**RUN_TAGS, "indicators/changed_files": str(len(changed))},
    )
