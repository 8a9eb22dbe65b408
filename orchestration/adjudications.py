"""Analysts' decisions on conflicts, kept with the warehouse's data (not in the code repository).

`indicators adjudicate` appends one JSON line per decision to `adjudications.jsonl` beside the
published warehouse (the published file itself is read-only to analysts and replaced by every
run). The next nightly run copies the log into `staging.adjudications` of the file it builds, so the
published warehouse carries every decision, and dbt applies them to `mart.dq_conflicts`
(`int_conflict_decisions`). A decision says who, when and why, and is one of:

- `accept`: a key (or the key of a conflict id) has the value VALUE; the conflicts among the figures
  the analyst saw are resolved. A figure that appears later for the key opens a new conflict.
- `resolve`: the conflicts are dealt with (one value is wrong and has been handled), no value named.
- `both`: both values stand (two definitions): status `accepted`.
- `rule`: over many keys (an indicator, a region, a file): prefer the latest publication, or a named
  source (a file name or the source an article names); applied to every matching conflict of every
  later run until withdrawn.
- `withdraw`: a decision (by its id) no longer applies.

The log is appended to, never rewritten: the latest decision on a target wins, and the history stays.
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from orchestration.config import Paths

LOG_NAME = "adjudications.jsonl"
ACTIONS = ("accept", "resolve", "both", "rule", "withdraw")
COLUMNS = (
    "decision_id", "action", "status", "conflict_id", "region_code", "subject", "indicator_code", "period",
    "value_kind", "figure_ids", "accepted_value", "prefer", "prefer_source", "scope_indicator", "scope_region",
    "scope_file", "withdraws", "decided_by", "decided_at", "note",
)
_STATUS = {"accept": "resolved", "resolve": "resolved", "both": "accepted", "rule": "resolved", "withdraw": None}


def log_path(paths: Paths) -> Path:
    return paths.warehouse_dir / LOG_NAME


def analyst() -> str:
    """Who decides: INDICATORS_ANALYST, else the login name."""
    try:
        return os.environ.get("INDICATORS_ANALYST") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def new_decision(action: str, note: str, **fields: Any) -> dict[str, Any]:
    """A complete decision record; its id is a hash of what it says and when."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    record: dict[str, Any] = dict.fromkeys(COLUMNS)
    record.update(fields)
    record.update(
        action=action, status=_STATUS[action], note=note, decided_by=record["decided_by"] or analyst(),
        decided_at=record["decided_at"] or datetime.now().isoformat(timespec="seconds"),
    )
    payload = json.dumps({k: record[k] for k in COLUMNS if k != "decision_id"}, sort_keys=True, default=str)
    record["decision_id"] = hashlib.md5(payload.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - an id
    return record


def append(path: Path, record: dict[str, Any]) -> None:
    """One line, written under a lock and fsynced: two analysts at once never interleave."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    with path.open("a", encoding="utf-8") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        log.write(line)
        log.flush()
        os.fsync(log.fileno())


def read(path: Path) -> list[dict[str, Any]]:
    """Every decision in the log, oldest first; a damaged line is skipped, not fatal to the night."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("action") in ACTIONS:
            records.append({c: record.get(c) for c in COLUMNS})
    return records


def load(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Replace staging.adjudications with the log's decisions (what the run's dbt applies)."""
    from orchestration import staging  # the table is defined with the other staging tables

    records = read(path)
    staging.ensure_schema(con)
    con.execute("delete from staging.adjudications")
    rows = []
    for order, r in enumerate(records):
        value = r["accepted_value"]
        try:
            value = None if value is None else float(value)
        except (TypeError, ValueError):
            value = None
        ids = r["figure_ids"] if isinstance(r["figure_ids"], list) else None
        rows.append([*(value if c == "accepted_value" else ids if c == "figure_ids" else r[c] for c in COLUMNS), order])
    if rows:
        placeholders = ", ".join("?" for _ in range(len(COLUMNS) + 1))
        con.executemany(f"insert into staging.adjudications values ({placeholders})", rows)
    return len(rows)
