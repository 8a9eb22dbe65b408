"""Crash injection for robustness tests: `INDICATORS_FAULT_POINT=<point>` makes the run SIGKILL itself there.

A nightly job must survive being killed at any moment (OOM killer, reboot, an operator's `kill -9`).
The only honest way to test that is to really kill the process at named places and compare the
rerun with an uninterrupted one (`scripts/fault_inject.py`, `tests/test_robustness*.py`). SIGKILL,
not an exception: no `finally`, no teardown, no Dagster failure hook runs, exactly like a real crash.

Points (where `fault_point` is called):
    after_lock      the writer lock is held and the working copy made, nothing written yet
    mid_ingest      the first new file version is committed to staging.files, others are not
    after_ingest    every file in raw/ is recorded (files + quarantine)
    mid_parse       the first parsed file version is committed, others are not
    after_parse     every pending version is parsed
    before_publish  the working copy is complete and checkpointed, not yet swapped in
    after_publish   the swap is done, the run has not finished (teardown, events) yet

`INDICATORS_FAULT_POINT=mid_parse:3` kills at the third time the point is reached. Unset (the normal
case) the function is one dictionary lookup.
"""

from __future__ import annotations

import errno
import os
import signal
from collections import Counter

FAULT_ENV = "INDICATORS_FAULT_POINT"
POINTS = (
    "after_lock",
    "mid_ingest",
    "after_ingest",
    "mid_parse",
    "after_parse",
    "before_publish",
    "after_publish",
)

_reached: Counter[str] = Counter()


def fault_point(name: str) -> None:
    """SIGKILL this process if INDICATORS_FAULT_POINT names this point (and its count is reached)."""
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] >= (int(nth) if nth else 1):
        print(f"fault injection: SIGKILL at {name} (pid {os.getpid()})", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)


def fault_raise(name: str) -> None:
    """Raise the OSError a full disk gives if INDICATORS_FAULT_POINT names this point (`disk_full`):
    for tests on machines where no small file system can be mounted."""
    if os.environ.get(FAULT_ENV) == name:
        raise OSError(errno.ENOSPC, f"No space left on device (fault injection: {name})")
