"""A failed step tells a person right away (the run stops before the publish)."""

from datetime import datetime

from dagster import HookContext, failure_hook

from orchestration import alerting
from orchestration.config import check_layout
from orchestration.staging import short_hash


@failure_hook(required_resource_keys={"warehouse"})
def alert_on_step_failure(context: HookContext) -> None:
    """A failed step (a blocking ERROR check included) stops the publish: tell a person right away."""
    now = datetime.now()
    error = context.op_exception
    alert = alerting.Alert(
        alert_id=short_hash("run_failed", context.run_id, context.step_key),
        check_name="run_failed",
        severity="ERROR",
        message=(
            f"nightly run {context.run_id} failed at step {context.step_key}: {type(error).__name__}: {error}. "
            "The published warehouse was left as it was."
        ),
        asset=context.step_key,
    )
    context.log.error(f"ALERT [ERROR] run_failed: {alert.message}")  # stderr and the run's log, always
    # the paths only: taking the lock here (`paths`) could wait for another run or fail again;
    # alerts.jsonl may be on the disk that failed: deliver still sends to the URL then
    paths = context.resources.warehouse.resolved_paths()
    try:
        check_layout(paths)
        log_path = paths.alerts_log
    except ValueError:  # a warehouse folder inside raw/: write nothing there that a run would read
        log_path = None
    alerting.deliver([alerting.to_message(alert, context.run_id, now)], log_path, context.log)
