"""Running the nightly job once from Python (the CLI and the tests), with progress callbacks.

Uses the persistent Dagster instance when DAGSTER_HOME is set, so runs show in the UI's history;
an ephemeral one otherwise.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from dagster import DagsterEventType, DagsterInstance

from orchestration.config import warehouse_run_config


@dataclass
class RunReport:
    run_id: str
    success: bool
    seconds: float
    steps: dict[str, str] = field(default_factory=dict)  # step key -> 'running' | 'done' | 'failed'
    failed_checks: list[str] = field(default_factory=list)
    error: str | None = None


_STEP_STATES = {
    DagsterEventType.STEP_START: "running",
    DagsterEventType.STEP_SUCCESS: "done",
    DagsterEventType.STEP_FAILURE: "failed",
    DagsterEventType.STEP_SKIPPED: "skipped",
}


def _instance() -> DagsterInstance:
    if os.environ.get("DAGSTER_HOME"):
        return DagsterInstance.get()
    return DagsterInstance.ephemeral(settings={"telemetry": {"enabled": False}})


def run_nightly(
    on_progress: Callable[[dict[str, str]], None] | None = None, poll: float = 0.5, log_level: str = "INFO"
) -> RunReport:
    """Execute `nightly_etl` in this process; `on_progress` receives the step states as they change.

    `log_level` sets Dagster's console logger (the CLI quiets it to keep its progress display readable;
    every event is still in the run's event log).
    """
    from orchestration.definitions import defs

    job = defs.resolve_job_def("nightly_etl")
    instance = _instance()
    run_id = str(uuid.uuid4())
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            result = job.execute_in_process(
                run_config={
                    **warehouse_run_config(),  # INDICATORS_RAW_DIR / INDICATORS_DB, else the defaults
                    "loggers": {"console": {"config": {"log_level": log_level}}},
                },
                instance=instance,
                run_id=run_id,
                raise_on_error=False,
            )
            outcome["success"] = result.success
        except Exception as exc:  # noqa: BLE001 - reported to the caller below
            outcome["success"] = False
            outcome["error"] = f"{type(exc).__name__}: {exc}"

    started = time.monotonic()
    worker = threading.Thread(target=target, name="nightly_etl", daemon=True)
    worker.start()
    steps: dict[str, str] = {}
    while worker.is_alive():
        worker.join(poll)
        if on_progress and _update_steps(instance, run_id, steps):
            on_progress(dict(steps))
    _update_steps(instance, run_id, steps)
    if on_progress:
        on_progress(dict(steps))
    failed_checks, error = _failures(instance, run_id)
    return RunReport(
        run_id=run_id,
        success=bool(outcome.get("success")),
        seconds=time.monotonic() - started,
        steps=steps,
        failed_checks=failed_checks,
        error=str(outcome.get("error") or error or "") or None,
    )


def _update_steps(instance: DagsterInstance, run_id: str, steps: dict[str, str]) -> bool:
    changed = False
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or entry.step_key is None:
            continue
        state = _STEP_STATES.get(event.event_type)
        if state and steps.get(entry.step_key) != state:
            steps[entry.step_key] = state
            changed = True
    return changed


def _failures(instance: DagsterInstance, run_id: str) -> tuple[list[str], str | None]:
    checks, error = [], None
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None:
            continue
        if event.event_type == DagsterEventType.ASSET_CHECK_EVALUATION:
            data = event.event_specific_data
            if not data.passed:
                checks.append(f"{data.check_name} ({data.severity.value if data.severity else 'ERROR'})")
        elif event.event_type == DagsterEventType.STEP_FAILURE and error is None:
            error = f"step {entry.step_key} failed: {_root_cause(event.event_specific_data.error)}"
    return checks, error


def _root_cause(info: object) -> str:
    """The innermost error message: Dagster wraps the user's exception in its own."""
    message = "unknown error"
    while info is not None:
        message = info.message.strip()
        info = getattr(info, "cause", None) or getattr(info, "context", None)
    return message
