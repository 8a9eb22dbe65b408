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

Other faults (not kills)
  rw_analyst      an analyst holds the published file read-write (the duckdb CLI without -readonly)
                  with 81 rows written and not checkpointed: the run must wait, then refuse with an
                  alert and replace nothing; once the analyst closes, the rerun publishes while
                  readers poll the file (none may see an error) and the analyst's rows survive
  disk_full       the warehouse folder's file system is full: the run must fail with its alert on
                  stderr and at the notification URL (alerts.jsonl cannot be written) and leave no
                  partial working copy; the rerun with space again equals the clean run. As root, a
                  real tmpfs of the warehouse's size, filled to the last byte; otherwise the
                  `disk_full` fault hook (INDICATORS_FAULT_POINT=disk_full raises ENOSPC)

Prints one line per point and exits 1 if any rerun differs from the reference (or a point was
never reached), 0 otherwise. Each point costs a partial and a full run (about a minute).
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
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
FAULTS = ("rw_analyst", "disk_full")
ALL_POINTS = (*SELF_KILL_POINTS, *EVENT_POINTS, *FAULTS)
# when / which run / how many runs: a rerun is later, another run, and one more run, by definition
VOLATILE_COLUMNS = {"run_id", "times_raised"}
VOLATILE_TYPES = ("TIMESTAMP",)
JOB = [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"]


def job_env(raw: Path, db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "INDICATORS_ALERT_URL", FAULT_ENV)}
    env.update(
        INDICATORS_RAW_DIR=str(raw), INDICATORS_DB=str(db), DAGSTER_DISABLE_TELEMETRY="1",
        GX_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1", INDICATORS_LOCK_WAIT_SECONDS="600",
        INDICATORS_SETTLE_SECONDS="0", **extra,
    )
    return env


@dataclass
class JobRun:
    returncode: int | None
    seconds: float
    killed_by: str  # 'self' (fault point), 'script', '' (ran to its end)
    log: list[str] = field(default_factory=list)


def run_job(raw: Path, db: Path, point: str | None = None, timeout: float = 900, **env: str) -> JobRun:
    """The job exactly as the README runs it; optionally killed at `point`."""
    extra = {FAULT_ENV: point} if point in SELF_KILL_POINTS else {}
    extra.update(env)
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
    for name in ("indicators.duckdb", "alerts.jsonl", "indicators.duckdb.published.json"):
        if (src / name).exists():
            shutil.copy2(src / name, dest / name)  # with its mtime, as the last publish recorded it


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


ANALYST = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
con.execute('create schema if not exists analyst')
con.execute('create table analyst.notes as select range as n from range(81)')
print('ready', flush=True)
sys.stdin.readline()
con.close()
print('closed', flush=True)
"""


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _count(db: Path, sql: str) -> int | str:
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(sql).fetchone()[0]
    except duckdb.Error as exc:
        return f"error: {exc}"[:80]


class _Readers:
    """Threads opening fresh read-only connections to `db` in a loop; every error is kept."""

    def __init__(self, db: Path, threads: int = 2):
        self.db, self.errors, self.reads, self._stop = db, [], 0, threading.Event()
        self._threads = [threading.Thread(target=self._poll, daemon=True) for _ in range(threads)]
        for t in self._threads:
            t.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                with duckdb.connect(str(self.db), read_only=True) as con:
                    con.execute("select count(*) from mart.fct_figures").fetchone()
                self.reads += 1
            except duckdb.Error as exc:
                self.errors.append(str(exc)[:200])
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(10)


def try_rw_analyst(work: Path, tonight: Path, yesterday_wh: Path, reference: dict, wait: float = 5.0) -> Outcome:
    wh = work / "wh-rw_analyst"
    copy_warehouse(yesterday_wh, wh)
    db = wh / "indicators.duckdb"
    before = _sha(db)
    analyst = subprocess.Popen([sys.executable, "-c", ANALYST, str(db)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert analyst.stdout is not None and analyst.stdin is not None
    analyst.stdout.readline()
    try:
        refused = run_job(tonight, db, INDICATORS_ANALYST_WAIT_SECONDS=str(wait))
        untouched = _sha(db) == before  # before the analyst closes: that checkpoints its rows into the file
    finally:
        analyst.stdin.write("\n")
        analyst.stdin.flush()
        analyst.stdout.readline()
        analyst.wait(30)
    said = any("is open read-write in another process" in line for line in refused.log)
    refusal_alerts = [a for a in alert_lines_full(wh) if a["check_name"] == "run_failed"]
    readers = _Readers(db)
    try:
        rerun = run_job(tonight, db)
    finally:
        readers.stop()
    result = snapshot(db)
    diffs = differences(reference, result) if rerun.returncode == 0 else ["rerun failed"]
    kept = sorted(wh.glob("indicators.duckdb.kept-*"))
    rows_new = _count(db, "select count(*) from analyst.notes")
    rows_kept = _count(kept[0], "select count(*) from analyst.notes") if kept else 0
    leftovers = sorted(p.name for p in wh.iterdir() if ".building" in p.name or p.name.endswith(".wal"))
    ok = bool(refused.returncode not in (0, None) and said and untouched and refusal_alerts and rerun.returncode == 0
              and not diffs and not readers.errors and rows_new == 81 and rows_kept == 81 and not leftovers)
    return Outcome(
        point="rw_analyst", killed=f"refused rc {refused.returncode}" + ("" if said else " (no message)"),
        kill_seconds=refused.seconds, published_after_kill="untouched" if untouched else "CHANGED",
        rerun=f"rc {rerun.returncode} in {rerun.seconds:.0f}s, {readers.reads} reads, {len(readers.errors)} errors",
        tables="identical" if not diffs else "; ".join(diffs)[:200], staging_twice="-",
        leftovers=",".join(leftovers) or "none",
        alert_log=(f"{len(refusal_alerts)} refusal alert; analyst rows: {rows_new} in new mart, "
                   f"{rows_kept} in kept file"),
        ok=ok,
    )


def alert_lines_full(warehouse: Path) -> list[dict]:
    path = warehouse / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()] if path.exists() else []


class _Sink(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        _Sink.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _fill(folder: Path) -> None:
    """Write a filler file until the file system is full, to the last byte (unbuffered)."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            chunk = b"\0" * size
            while True:
                try:
                    os.write(fd, chunk)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)


def try_disk_full(work: Path, tonight: Path, yesterday_wh: Path, reference: dict) -> Outcome:
    wh = work / "wh-disk_full"
    if wh.exists():
        subprocess.run(["umount", str(wh)], capture_output=True)
        shutil.rmtree(wh)
    wh.mkdir(parents=True)
    size = sum(p.stat().st_size for p in yesterday_wh.iterdir() if p.is_file())
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size + 512 * 1024}", "tmpfs", str(wh)], capture_output=True
    ).returncode == 0
    try:
        for p in yesterday_wh.iterdir():
            if p.is_file() and not p.name.endswith(".lock"):
                shutil.copy2(p, wh / p.name)
        db = wh / "indicators.duckdb"
        before, log_before = _sha(db), _sha(wh / "alerts.jsonl")
        if mounted:
            _fill(wh)
        _Sink.received = []
        server = HTTPServer(("127.0.0.1", 0), _Sink)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            env = {"INDICATORS_ALERT_URL": f"http://127.0.0.1:{server.server_port}/"}
            if not mounted:
                env[FAULT_ENV] = "disk_full"
            failed = run_job(tonight, db, **env)
        finally:
            server.shutdown()
        posted = [a["check_name"] for batch in _Sink.received for a in batch["alerts"]]
        on_stderr = any("ALERT [ERROR] run_failed" in line for line in failed.log)
        enospc = any("No space left on device" in line for line in failed.log)
        leftovers = sorted(p.name for p in wh.iterdir() if ".building" in p.name)
        untouched = _sha(db) == before
        log_unchanged = _sha(wh / "alerts.jsonl") == log_before
        # space again: the filler goes (and, on tmpfs, room for a working copy)
        (wh / "filler").unlink(missing_ok=True)
        if mounted:
            subprocess.run(["mount", "-o", f"remount,size={3 * size + 64 * 1024 * 1024}", str(wh)], check=True)
        rerun = run_job(tonight, db)
        result = snapshot(db)
        diffs = differences(reference, result) if rerun.returncode == 0 else ["rerun failed"]
    finally:
        if mounted:
            subprocess.run(["umount", str(wh)], capture_output=True)
    ok = bool(failed.returncode not in (0, None) and enospc and posted == ["run_failed"] and on_stderr
              and not leftovers and untouched and rerun.returncode == 0 and not diffs)
    how = "tmpfs full" if mounted else "fault hook"
    return Outcome(
        point="disk_full", killed=f"{how}: rc {failed.returncode}" + ("" if enospc else " (no ENOSPC)"),
        kill_seconds=failed.seconds, published_after_kill="untouched" if untouched else "CHANGED",
        rerun=f"rc {rerun.returncode} in {rerun.seconds:.0f}s",
        tables="identical" if not diffs else "; ".join(diffs)[:200],
        staging_twice="-", leftovers=",".join(leftovers) or "none",
        alert_log=(f"URL got {posted or 'nothing'}, stderr {'yes' if on_stderr else 'NO'}, "
                   f"alerts.jsonl {'unwritable' if log_unchanged else 'written'}"),
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
            if point == "rw_analyst":
                print("an analyst holding the warehouse read-write ...", flush=True)
                outcomes.append(try_rw_analyst(work, tonight, yesterday_wh, reference))
            elif point == "disk_full":
                print("a full disk in the warehouse folder ...", flush=True)
                outcomes.append(try_disk_full(work, tonight, yesterday_wh, reference))
            else:
                print(f"killing at {point} ...", flush=True)
                outcomes.append(try_point(point, work, tonight, yesterday_wh, reference, ref_alerts,
                                          yesterday_snapshot))
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
