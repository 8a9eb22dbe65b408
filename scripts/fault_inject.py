#!/usr/bin/env python
"""Kill the nightly job with SIGKILL at named points, rerun it, and prove the mart is as if nothing happened.

    python scripts/fault_inject.py                          # every point, on a copy of raw/
    python scripts/fault_inject.py --points mid_parse,during_dbt
    python scripts/fault_inject.py --raw some/folder --keep  # keep the work folder to look at

The scenario is a normal night: "yesterday" the job ran on the raw folder and published a mart;
"tonight" raw/ has gained a new article, a corrected version of one article, a re-delivery of
another under a new name and two files that must be refused. The reference is yesterday's mart plus
one uninterrupted run on tonight's folder. For each point the script starts again from yesterday's
mart, runs tonight's job and kills it at that point, checks the published mart was left as it was,
runs the job again, and compares every table of `mart` and `staging` with the reference: the same
rows with the same ids. Columns that record *when* (timestamps), *which run* (run_id) or *how many
runs* (dq_alerts.times_raised) are left out of the comparison: a rerun is later, and one more run.

Kill points
  after_lock, mid_ingest, after_ingest, mid_parse, after_parse, before_publish, after_publish
      the run SIGKILLs itself there (INDICATORS_FAULT_POINT, see orchestration/faults.py)
  during_dbt      the process group (Dagster and its dbt subprocess) is killed once dbt has built
                  a few models, watched on the run's event log
  during_checks   killed when the first Great Expectations check on the mart starts
  during_alerts   killed when the alerting step starts
  orphan_dbt      only the Dagster process is killed during dbt: dbt lives on, writing the old
                  working copy, and the rerun starts at once (it must wait for the orphan)

Prints one line per point and exits 1 if any rerun differs from the reference (or a point was
never reached), 0 otherwise. Each point costs a partial and a full run (about a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from orchestration.faults import FAULT_ENV  # noqa: E402
from orchestration.faults import POINTS as SELF_KILL_POINTS  # noqa: E402

# event-log points: (substrings a log line must all hold, how many such lines before the kill)
EVENT_POINTS: dict[str, tuple[tuple[str, ...], int]] = {
    "during_dbt": (("indicators_dbt - ASSET_MATERIALIZATION",), 8),
    "during_checks": (("_gx_mart_", "STEP_START"), 1),
    "during_alerts": (("mart__dq_alerts - STEP_START",), 1),
    "orphan_dbt": (("indicators_dbt - ASSET_MATERIALIZATION",), 8),
}
ALL_POINTS = (*SELF_KILL_POINTS, *EVENT_POINTS)
# when / which run / how many runs: a rerun is later, another run, and one more run, by definition
VOLATILE_COLUMNS = {"run_id", "times_raised"}
VOLATILE_TYPES = ("TIMESTAMP",)
JOB = [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"]


def job_env(raw: Path, db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "INDICATORS_ALERT_URL", FAULT_ENV)}
    env.update(
        INDICATORS_RAW_DIR=str(raw), INDICATORS_DB=str(db), DAGSTER_DISABLE_TELEMETRY="1",
        GX_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1", INDICATORS_LOCK_WAIT_SECONDS="600", **extra,
    )
    return env


@dataclass
class JobRun:
    returncode: int | None
    seconds: float
    killed_by: str  # 'self' (fault point), 'script', '' (ran to its end)
    log: list[str] = field(default_factory=list)


def run_job(raw: Path, db: Path, point: str | None = None, timeout: float = 900) -> JobRun:
    """The job exactly as the README runs it; optionally killed at `point`."""
    extra = {FAULT_ENV: point} if point in SELF_KILL_POINTS else {}
    started = time.monotonic()
    proc = subprocess.Popen(
        JOB, cwd=PROJECT_ROOT, env=job_env(raw, db, **extra), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, errors="replace", start_new_session=True,
    )
    watch, needed = EVENT_POINTS.get(point or "", ((), 0))
    seen, log, killed_by = 0, [], ""
    assert proc.stdout is not None
    for line in proc.stdout:
        log.append(line)
        if needed and all(w in line for w in watch):
            seen += 1
            if seen >= needed:
                if point == "orphan_dbt":
                    os.kill(proc.pid, signal.SIGKILL)  # dbt is left running, as after an OOM kill
                else:
                    os.killpg(proc.pid, signal.SIGKILL)
                killed_by = "script"
                break
        if time.monotonic() - started > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            killed_by = "timeout"
            break
    proc.wait()
    if proc.returncode == -signal.SIGKILL and not killed_by:
        killed_by = "self"
    return JobRun(proc.returncode, time.monotonic() - started, killed_by, log)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table of mart and staging, without the when/which-run columns, rows sorted."""
    out: dict[str, list[tuple]] = {}
    if not db.exists():
        return out
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            """select table_schema, table_name from information_schema.tables
               where table_schema in ('mart', 'staging') and table_type = 'BASE TABLE'
               order by 1, 2"""
        ).fetchall()
        for schema, table in tables:
            cols = [
                name for name, dtype in con.execute(
                    """select column_name, data_type from information_schema.columns
                       where table_schema = ? and table_name = ? order by ordinal_position""",
                    [schema, table],
                ).fetchall()
                if name not in VOLATILE_COLUMNS and not dtype.startswith(VOLATILE_TYPES)
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            out[f"{schema}.{table}"] = con.execute(f"select {select} from {schema}.{table} order by all").fetchall()
    return out


def duplicate_keys(db: Path) -> list[str]:
    """Staging tables holding a row twice (by primary key): a crash must never leave that behind."""
    keys = {
        "staging.files": "file_version_id", "staging.articles": "article_id", "staging.paragraphs": "paragraph_id",
        "staging.sentences": "sentence_id", "staging.figure_mentions": "mention_id",
        "staging.quarantine": "source_file, reason",
    }
    bad = []
    with duckdb.connect(str(db), read_only=True) as con:
        for table, key in keys.items():
            (n,) = con.execute(f"select count(*) - count(distinct ({key})) from {table}").fetchone()
            if n:
                bad.append(f"{table}+{n}")
    return bad


def differences(reference: dict[str, list[tuple]], actual: dict[str, list[tuple]]) -> list[str]:
    diffs = []
    for table in sorted(set(reference) | set(actual)):
        ref, got = reference.get(table), actual.get(table)
        if ref is None or got is None:
            diffs.append(f"{table}: {'missing' if got is None else 'unexpected'}")
        elif ref != got:
            missing = Counter(ref) - Counter(got)
            extra = Counter(got) - Counter(ref)
            diffs.append(f"{table}: {sum(missing.values())} rows missing, {sum(extra.values())} extra")
    return diffs


def alert_lines(warehouse: Path) -> Counter[str]:
    path = warehouse / "alerts.jsonl"
    if not path.exists():
        return Counter()
    return Counter(json.loads(line)["alert_id"] for line in path.read_text("utf-8").splitlines() if line.strip())


def make_tonight(yesterday: Path, tonight: Path) -> None:
    """Yesterday's folder plus what a night brings: new, corrected, re-delivered and bad files."""
    shutil.copytree(yesterday, tonight, symlinks=True)
    files = sorted(p for p in tonight.rglob("*") if p.is_file() and not p.is_symlink())
    if not files:
        raise SystemExit(f"no files in {yesterday}")
    shutil.copyfile(files[0], tonight / f"re-delivered copy of {files[0].name}")
    corrected = files[-1]
    text = corrected.read_bytes().decode("utf-8", errors="replace")
    corrected.write_text(text + "\n\n（更正）2025年，全省研发投入强度达2.71%，技术合同成交额达2133亿元。\n", "utf-8")
    (tonight / "new article 新稿.txt").write_text(
        "（2026年1月6日）\n\n广东科技创新年报\n\n2025年，广东省研发经费投入增长9.1%，研发投入强度达3.6%，"
        "高新技术企业超过7.5万家。\n",
        "utf-8",
    )
    (tonight / "empty.txt").write_bytes(b"")
    (tonight / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03" * 64)


def copy_warehouse(src: Path, dest: Path) -> None:
    """A published warehouse (the .duckdb and the alert log), as the next run would find it."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("indicators.duckdb", "alerts.jsonl"):
        if (src / name).exists():
            shutil.copyfile(src / name, dest / name)


@dataclass
class Outcome:
    point: str
    killed: str
    kill_seconds: float
    published_after_kill: str
    rerun: str
    tables: str
    staging_twice: str
    leftovers: str
    alert_log: str
    ok: bool


def try_point(point: str, work: Path, tonight: Path, yesterday_wh: Path, reference: dict, ref_alerts: Counter,
              yesterday_snapshot: dict) -> Outcome:
    wh = work / f"wh-{point}"
    copy_warehouse(yesterday_wh, wh)
    db = wh / "indicators.duckdb"
    crashed = run_job(tonight, db, point)
    after_kill = snapshot(db)
    if after_kill == yesterday_snapshot:
        published = "untouched"
    elif after_kill == reference:
        published = "new (complete)"
    else:
        published = "CHANGED"
    rerun = run_job(tonight, db)
    result = snapshot(db)
    diffs = differences(reference, result) if rerun.returncode == 0 else ["rerun failed"]
    twice = duplicate_keys(db) if db.exists() else ["no warehouse"]
    leftovers = sorted(p.name for p in wh.iterdir() if ".building" in p.name)
    extra_alerts = alert_lines(wh) - ref_alerts
    killed = {"self": "self", "script": "group" if point != "orphan_dbt" else "main pid"}.get(crashed.killed_by, "")
    if not killed:
        killed = f"NOT KILLED (rc {crashed.returncode})"
    ok = bool(crashed.killed_by in ("self", "script") and rerun.returncode == 0 and not diffs and not twice
              and published != "CHANGED" and not leftovers)
    if rerun.returncode != 0:
        tail = "".join(rerun.log[-15:])
        print(f"--- rerun after {point} failed:\n{tail}", file=sys.stderr)
    return Outcome(
        point=point, killed=killed, kill_seconds=crashed.seconds, published_after_kill=published,
        rerun=f"rc {rerun.returncode} in {rerun.seconds:.0f}s",
        tables="identical" if not diffs else "; ".join(diffs)[:200],
        staging_twice="none" if not twice else ",".join(twice), leftovers=",".join(leftovers) or "none",
        alert_log="same" if not extra_alerts else f"{sum(extra_alerts.values())} line(s) sent again",
        ok=ok,
    )


def print_table(outcomes: list[Outcome]) -> None:
    headers = ["point", "killed", "after", "published after kill", "rerun", "mart+staging vs clean run",
               "rows twice", "leftovers", "alerts.jsonl", "result"]
    rows = [
        [o.point, o.killed, f"{o.kill_seconds:.0f}s", o.published_after_kill, o.rerun, o.tables, o.staging_twice,
         o.leftovers, o.alert_log, "PASS" if o.ok else "FAIL"]
        for o in outcomes
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)).rstrip(), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=PROJECT_ROOT / "raw", help="yesterday's landing folder")
    parser.add_argument("--points", default=",".join(ALL_POINTS), help=f"comma-separated, from {', '.join(ALL_POINTS)}")
    parser.add_argument("--yesterday-db", type=Path, default=None,
                        help="a warehouse already published from --raw (saves one run)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to work (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    points = [p.strip() for p in args.points.split(",") if p.strip()]
    unknown = [p for p in points if p not in ALL_POINTS]
    if unknown:
        parser.error(f"unknown point(s) {unknown}; known: {', '.join(ALL_POINTS)}")

    work = args.workdir or Path(tempfile.mkdtemp(prefix="fault-inject-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        yesterday_raw, tonight = work / "raw-yesterday", work / "raw-tonight"
        for folder in (yesterday_raw, tonight):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(args.raw, yesterday_raw, symlinks=True)
        make_tonight(yesterday_raw, tonight)

        yesterday_wh = work / "wh-yesterday"
        if args.yesterday_db:
            copy_warehouse(args.yesterday_db.parent, yesterday_wh)
            if args.yesterday_db.name != "indicators.duckdb":
                shutil.copyfile(args.yesterday_db, yesterday_wh / "indicators.duckdb")
        else:
            print("building yesterday's mart ...", flush=True)
            first = run_job(yesterday_raw, yesterday_wh / "indicators.duckdb")
            if first.returncode != 0:
                print("".join(first.log[-30:]), file=sys.stderr)
                return 2
        yesterday_snapshot = snapshot(yesterday_wh / "indicators.duckdb")

        print("building the clean reference (yesterday + one uninterrupted run tonight) ...", flush=True)
        ref_wh = work / "wh-reference"
        copy_warehouse(yesterday_wh, ref_wh)
        clean = run_job(tonight, ref_wh / "indicators.duckdb")
        if clean.returncode != 0:
            print("".join(clean.log[-30:]), file=sys.stderr)
            return 2
        reference = snapshot(ref_wh / "indicators.duckdb")
        ref_alerts = alert_lines(ref_wh)
        print(f"reference: {len(reference)} tables, {sum(map(len, reference.values()))} rows, "
              f"clean run {clean.seconds:.0f}s", flush=True)

        outcomes = []
        for point in points:
            print(f"killing at {point} ...", flush=True)
            outcomes.append(try_point(point, work, tonight, yesterday_wh, reference, ref_alerts, yesterday_snapshot))
        print()
        print_table(outcomes)
        failed = [o.point for o in outcomes if not o.ok]
        print(f"\n{len(outcomes) - len(failed)}/{len(outcomes)} points identical to the clean run"
              f" ({time.monotonic() - started:.0f}s)" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
        return 1 if failed else 0
    finally:
        if args.keep or args.workdir:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
