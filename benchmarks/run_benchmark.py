"""Benchmark of the nightly job at archive scale: time, memory, throughput, increments and quality.

Why: analysts point the job at years of archives. The cost of a night must grow with the new data,
not with the history, and that claim is only worth something measured. For each N (default 1k and
10k articles) this generates a synthetic corpus with an answer key (benchmarks.generate_corpus),
runs the real job the way production runs it (`dagster job execute -m orchestration.definitions -j
nightly_etl` in a subprocess, so memory is that of the job's process tree alone), and prints:

- wall time, peak RSS and CPU of the whole run and of each stage, from the Dagster run's event log
  (STEP_START / STEP_SUCCESS timestamps), with articles/s and MB/s;
- the fixed overhead of the job: a run with nothing new, on an empty and on the largest warehouse;
- the nightly increment: `--increment` new files added to the largest warehouse;
- the copy of the published file that every run makes (publish.start_build), timed on its own;
- the parser's throughput in the job (characters/s) beside one bare compiled regex pass over the
  same text (scripts/bench_parser.py's BARE pattern) and parse_document on one core;
- extraction quality against the generator's answer key: recall of the planted figures (extracted
  into staging, and present in the mart), and planted conflicts found in mart.dq_conflicts.

    python -m benchmarks.run_benchmark [--articles 1000 10000] [--increment 100] [--workdir DIR]

Figures are printed, never asserted: this machine is shared, so compare ratios within one run and
read the load average printed with them. Memory is the sum of the RSS of every process in the tree
(the pool's forked workers share pages with their parent, so the sum is an upper bound).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
JOB_COMMAND = ["-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"]

# Dagster step keys -> the stage they belong to (anything unknown is reported as itself)
STAGES: dict[str, str] = {
    "raw_files": "ingest",
    "parsed_articles": "parse",
    "indicators_dbt": "dbt",
    "quarantine_check": "checks",
    "mart__dq_alerts": "alerts",
    "alert_notifications": "alerts",
    "published_warehouse": "publish",
    "analyst_report": "report",
}
STAGE_ORDER = ["start-up", "ingest", "parse", "dbt", "checks", "alerts", "publish", "report", "other", "shutdown"]


def _stage_of(step_key: str) -> str:
    if step_key in STAGES:
        return STAGES[step_key]
    return "checks" if "_gx_" in step_key or step_key.startswith("gx_") else step_key


# --- the process tree: peak memory and CPU ---------------------------------------------------------------


class TreeSampler:
    """Samples the RSS and cumulative CPU of a process and all its descendants every `interval` s.

    With psutil: RSS summed over the tree, CPU as user+system of every process seen (kept after it
    exits, so short-lived dbt and pool workers count). Without psutil only the peak of the largest
    child is known afterwards (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss), reported by `peak`.
    """

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, int, float]] = []  # (unix time, rss bytes, cpu seconds so far)
        self._stop = threading.Event()
        self._cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)
        try:
            import psutil  # noqa: PLC0415 - optional

            self._psutil: ModuleType | None = psutil
        except ImportError:
            self._psutil = None

    def start(self) -> None:
        if self._psutil is not None:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        psutil = self._psutil
        assert psutil is not None
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            rss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for proc in procs:
                try:
                    with proc.oneshot():
                        rss += proc.memory_info().rss
                        times = proc.cpu_times()
                        self._cpu[proc.pid] = max(self._cpu.get(proc.pid, 0.0), times.user + times.system)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
            self.samples.append((time.time(), rss, sum(self._cpu.values())))
            self._stop.wait(self.interval)

    def peak(self, start: float = 0.0, end: float = float("inf")) -> int | None:
        inside = [rss for t, rss, _ in self.samples if start <= t <= end]
        return max(inside) if inside else None

    def cpu(self, start: float, end: float) -> float | None:
        """CPU seconds the tree used between two instants (nearest samples)."""
        if not self.samples:
            return None
        before = [c for t, _, c in self.samples if t <= start] or [self.samples[0][2]]
        until = [c for t, _, c in self.samples if t <= end] or [self.samples[0][2]]
        return max(until[-1] - before[-1], 0.0)


def _children_maxrss() -> int:
    """Peak RSS (bytes) of the largest waited-for child so far: the fallback without psutil."""
    import resource  # noqa: PLC0415 - Unix only

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


# --- one run of the job ------------------------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    seconds: float = 0.0
    peak_rss: int | None = None
    cpu_seconds: float | None = None


@dataclass
class RunResult:
    label: str
    ok: bool
    seconds: float
    peak_rss: int | None
    cpu_seconds: float | None
    stages: dict[str, Stage] = field(default_factory=dict)
    log_tail: str = ""

    @property
    def to_mart_seconds(self) -> float:
        """Process start until the mart is published: everything but the analysts' report."""
        return self.seconds - sum(s.seconds for n, s in self.stages.items() if n in ("report", "shutdown"))


def job_env(raw_dir: Path, db: Path, dagster_home: Path) -> dict[str, str]:
    """The job's environment, as tests/conftest.py sets it, with a persistent instance for the event log."""
    env = dict(os.environ)
    env.update(
        INDICATORS_RAW_DIR=str(raw_dir),
        INDICATORS_DB=str(db),
        DAGSTER_HOME=str(dagster_home),
        DAGSTER_DISABLE_TELEMETRY="1",
        GX_ANALYTICS_ENABLED="false",
        INDICATORS_LOCK_WAIT_SECONDS="0",
        INDICATORS_SETTLE_SECONDS="0",  # the corpus is generated just before the run
    )
    env.pop("INDICATORS_ALERT_URL", None)
    return env


def _step_windows(dagster_home: Path, run_id: str) -> tuple[dict[str, tuple[float, float]], float, float]:
    """{step key: (start, end)} and the run's start and end, as unix times from the event log."""
    from dagster import DagsterEventType, DagsterInstance  # noqa: PLC0415 - slow import, only when needed

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        starts: dict[str, float] = {}
        windows: dict[str, tuple[float, float]] = {}
        run_start = run_end = 0.0
        for entry in instance.all_logs(run_id):
            event = entry.dagster_event
            if event is None:
                continue
            kind = event.event_type
            if kind == DagsterEventType.RUN_START:
                run_start = entry.timestamp
            elif kind in (DagsterEventType.RUN_SUCCESS, DagsterEventType.RUN_FAILURE):
                run_end = entry.timestamp
            elif kind == DagsterEventType.STEP_START and entry.step_key:
                starts[entry.step_key] = entry.timestamp
            elif kind in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE) and entry.step_key:
                windows[entry.step_key] = (starts.get(entry.step_key, entry.timestamp), entry.timestamp)
    return windows, run_start, run_end


def _run_ids(dagster_home: Path) -> list[str]:
    """Run ids in the benchmark's instance, newest first."""
    from dagster import DagsterInstance  # noqa: PLC0415

    if not (dagster_home / "history").exists():
        return []
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        return [run.run_id for run in instance.get_runs()]


def run_job(label: str, raw_dir: Path, db: Path, dagster_home: Path, timeout: float = 3600) -> RunResult:
    """`run_once`, and once more if the job failed before its run even started.

    Why the retry: every helper on this machine shares dbt_project/target/manifest.json, and a
    `dbt parse` elsewhere rewrites it in place; a job that loads its definitions at that moment fails
    to read it. That is no cost of the job, so such a run is repeated (and says so).
    """
    result = run_once(label, raw_dir, db, dagster_home, timeout)
    if not result.ok and not result.stages:
        print(f"  ({label}: failed before the run started, retried once: {result.log_tail.splitlines()[-1:]})")
        result = run_once(label, raw_dir, db, dagster_home, timeout)
    return result


def run_once(label: str, raw_dir: Path, db: Path, dagster_home: Path, timeout: float = 3600) -> RunResult:
    """One `dagster job execute` in a subprocess, sampled; stages from its event log."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    before = set(_run_ids(dagster_home))
    log_path = db.parent.parent / f"{label.replace(' ', '_').replace('/', '_')}.log"
    db.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, *JOB_COMMAND], cwd=PROJECT_ROOT, env=job_env(raw_dir, db, dagster_home),
            stdout=log, stderr=subprocess.STDOUT,
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
        finally:
            sampler.stop()
    ended = time.time()
    tail = "\n".join(log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
    result = RunResult(
        label=label, ok=code == 0, seconds=ended - started,
        peak_rss=sampler.peak() if sampler.samples else _children_maxrss(),
        cpu_seconds=sampler.cpu(started, ended), log_tail=tail,
    )
    run_id = next((r for r in _run_ids(dagster_home) if r not in before), None)
    if run_id is None:  # the job failed before it created its run: no event log to read
        return result
    windows, run_start, run_end = _step_windows(dagster_home, run_id)
    stages: dict[str, Stage] = {}

    def add(name: str, start: float, end: float) -> None:
        stage = stages.setdefault(name, Stage(name))
        stage.seconds += max(end - start, 0.0)
        peak = sampler.peak(start, end)
        if peak is not None:
            stage.peak_rss = max(stage.peak_rss or 0, peak)
        cpu = sampler.cpu(start, end)
        if cpu is not None:
            stage.cpu_seconds = (stage.cpu_seconds or 0.0) + cpu

    first_step = min((s for s, _ in windows.values()), default=run_start or started)
    add("start-up", started, first_step)  # interpreter, imports, definitions, instance, resources
    for step, (start, end) in sorted(windows.items(), key=lambda kv: kv[1][0]):
        add(_stage_of(step), start, end)
    last_step = max((e for _, e in windows.values()), default=run_end or ended)
    add("shutdown", last_step, ended)
    accounted = sum(s.seconds for s in stages.values())
    if result.seconds - accounted > 0.05:
        stages["other"] = Stage("other", seconds=result.seconds - accounted)  # between steps
    result.stages = stages
    return result


# --- corpora ----------------------------------------------------------------------------------------------


def generate(out_dir: Path, articles: int, seed: int) -> dict[str, Any]:
    """benchmarks.generate_corpus in a subprocess (its memory is not the job's); returns its summary."""
    if not (out_dir.parent / f"{out_dir.name}.summary.json").exists():
        subprocess.run(
            [sys.executable, "-m", "benchmarks.generate_corpus", str(out_dir), "--articles", str(articles),
             "--seed", str(seed)],
            cwd=PROJECT_ROOT, check=True, capture_output=True, text=True,
        )
    return json.loads((out_dir.parent / f"{out_dir.name}.summary.json").read_text(encoding="utf-8"))


def raw_bytes(raw_dir: Path) -> int:
    return sum(p.stat().st_size for p in raw_dir.rglob("*") if p.is_file())


def add_increment(raw_dir: Path, files: int, workdir: Path, seed: int) -> int:
    """Copy `files` new files (of a corpus generated with another seed) into raw_dir; returns their bytes.

    Their names get a prefix so that none collides with a file already in the archive.
    """
    source = workdir / f"increment-{files}"
    generate(source, max(files * 3, 10), seed)
    added = 0
    for path in sorted(p for p in source.iterdir() if p.is_file())[:files]:
        target = raw_dir / f"inc{seed}-{path.name}"
        shutil.copyfile(path, target)
        added += path.stat().st_size
    return added


# --- parser throughput ------------------------------------------------------------------------------------


def _bench_parser() -> ModuleType:
    """scripts/bench_parser.py (a script, not a package module), for its BARE regex."""
    spec = importlib.util.spec_from_file_location("bench_parser", PROJECT_ROOT / "scripts" / "bench_parser.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parser_rates(db: Path, sample_chars: int = 3_000_000) -> dict[str, float]:
    """Characters/s: one bare BARE.finditer pass over every text in the warehouse, and parse_document
    on one core over a sample of them. CPU time of this process, like bench_parser.py."""
    from orchestration.parsing import parse_document  # noqa: PLC0415

    bare = _bench_parser().BARE
    with duckdb.connect(str(db), read_only=True) as con:
        texts = [t for (t,) in con.execute("select text from staging.files order by source_file").fetchall()]
    whole = "\n".join(texts)
    started = time.process_time()
    matches = sum(1 for _ in bare.finditer(whole))
    bare_s = max(time.process_time() - started, 1e-9)
    sample, size = [], 0
    for text in texts:
        if size >= sample_chars:
            break
        sample.append(text)
        size += len(text)
    parse_document(sample[0][:2000])  # dictionaries load outside the timing
    started = time.process_time()
    for text in sample:
        parse_document(text)
    parse_s = max(time.process_time() - started, 1e-9)
    return {
        "chars": float(len(whole)), "bare_rate": len(whole) / bare_s, "bare_matches": float(matches),
        "parse_rate_1core": size / parse_s, "sample_chars": float(size),
    }


# --- quality against the answer key ------------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _quote_match(found: str, expected: str) -> bool:
    return bool(found) and (found in expected or expected in found)


def quality(db: Path, corpus_dir: Path) -> dict[str, Any]:
    """Recall of the answer key's figures (same file, overlapping quote, value within 0.5%, same unit),
    in staging (what the parser extracted) and in the mart; planted conflicts found in dq_conflicts."""
    expected_path = corpus_dir.parent / f"{corpus_dir.name}.expected.jsonl"
    conflicts_path = corpus_dir.parent / f"{corpus_dir.name}.conflicts.jsonl"
    expected = [json.loads(line) for line in expected_path.read_text(encoding="utf-8").splitlines() if line]
    planted = [json.loads(line) for line in conflicts_path.read_text(encoding="utf-8").splitlines() if line]
    with duckdb.connect(str(db), read_only=True) as con:
        staged = con.execute("select source_file, quote, value, unit from staging.figure_mentions").fetchall()
        # the mention's own value: a bound (突破4万) belongs to a figure whose value is the exact one
        mart = con.execute("select source_file, quote, value, unit, figure_id from mart.fct_figure_mentions").fetchall()
        pairs = {
            frozenset((a, b))
            for a, b in con.execute("select figure_id_a, figure_id_b from mart.dq_conflicts").fetchall()
        }
        open_conflicts = con.execute("select count(*) from mart.dq_conflicts where status = 'open'").fetchone()[0]

    def index(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[tuple[Any, ...]]]:
        by_file: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            by_file.setdefault(row[0], []).append(row)
        return by_file

    staged_by_file, mart_by_file = index(staged), index(mart)

    def find(by_file: dict[str, list[tuple[Any, ...]]], file: str, quote: str, value: float, unit: str | None
             ) -> tuple[Any, ...] | None:
        return next(
            (r for r in by_file.get(file, ()) if r[3] == unit and _close(r[2], value) and _quote_match(r[1], quote)),
            None,
        )

    in_staging = sum(1 for e in expected if find(staged_by_file, e["file"], e["quote"], e["value"], e["unit"]))
    in_mart = sum(1 for e in expected if find(mart_by_file, e["file"], e["quote"], e["value"], e["unit"]))
    found = 0
    for c in planted:
        sides = []
        for side in (c["original"], c["altered"]):
            row = find(mart_by_file, side["file"], side["quote"], side["value"], c["unit"])
            sides.append(row[4] if row else None)
        if None not in sides and frozenset(sides) in pairs:
            found += 1
    return {
        "expected": len(expected), "in_staging": in_staging, "in_mart": in_mart,
        "planted_conflicts": len(planted), "planted_found": found, "open_conflicts": open_conflicts,
    }


# --- printing ---------------------------------------------------------------------------------------------


def _mb(n: int | None) -> str:
    return "-" if n is None else f"{n / 2**20:,.0f} MB"


def _cores(cpu: float | None, seconds: float) -> str:
    return "-" if cpu is None or seconds <= 0 else f"{cpu / seconds:.2f}"


def print_run(run: RunResult, articles: int | None = None, size: int | None = None) -> None:
    status = "ok" if run.ok else "FAILED"
    line = f"\n{run.label}: {status}, {run.seconds:.1f} s wall ({run.to_mart_seconds:.1f} s to the published mart)"
    line += f", peak RSS {_mb(run.peak_rss)}, {_cores(run.cpu_seconds, run.seconds)} cores busy"
    if articles and size:
        line += (f"\n  {articles / run.seconds:,.1f} articles/s, {size / 2**20 / run.seconds:.2f} MB/s "
                 f"(to the mart: {articles / run.to_mart_seconds:,.1f} articles/s, "
                 f"{size / 2**20 / run.to_mart_seconds:.2f} MB/s)")
    print(line)
    if not run.ok:
        print("  " + run.log_tail.replace("\n", "\n  "))
    print(f"  {'stage':<10} {'seconds':>8} {'share':>6} {'peak RSS':>10} {'cores':>6}")
    order = {name: i for i, name in enumerate(STAGE_ORDER)}
    for stage in sorted(run.stages.values(), key=lambda s: order.get(s.name, len(order))):
        share = stage.seconds / run.seconds * 100 if run.seconds else 0.0
        print(f"  {stage.name:<10} {stage.seconds:>8.1f} {share:>5.0f}% {_mb(stage.peak_rss):>10} "
              f"{_cores(stage.cpu_seconds, stage.seconds):>6}")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    found = []
    for name in ("dagster", "dbt-core", "dbt-duckdb", "duckdb", "great-expectations", "psutil"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{name} {version(name)}")
    return ", ".join(found)


# --- main -------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run_benchmark", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--increment", type=int, default=100, help="new files in the nightly increment run")
    parser.add_argument("--workdir", type=Path, help="kept afterwards; a temporary folder (removed) if omitted")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-quality", action="store_true", help="no scoring against the answer key")
    args = parser.parse_args(argv)

    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="indicators-bench-")) if temporary else args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "dagster_home"
    print(f"benchmark in {workdir}; {load()}; python {sys.version.split()[0]}; {_versions()}")
    try:
        empty_raw = workdir / "empty" / "raw"
        empty_raw.mkdir(parents=True, exist_ok=True)
        empty_db = workdir / "empty" / "warehouse" / "indicators.duckdb"
        empty = run_job("nothing new, empty warehouse", empty_raw, empty_db, home)
        print_run(empty)
        summary_rows: list[str] = []
        largest: tuple[int, Path, Path] | None = None
        for n in args.articles:
            base = workdir / f"n{n}"
            raw = base / "raw"
            started = time.monotonic()
            corpus = generate(raw, n, args.seed + n)
            size = raw_bytes(raw)
            print(f"\n== {n:,} articles: {corpus['files']:,} files, {size / 2**20:.1f} MB, "
                  f"{corpus['figures']:,} planted figures, {corpus['planted_conflicts']} planted conflicts "
                  f"(generated in {time.monotonic() - started:.1f} s); {load()}")
            db = base / "warehouse" / "indicators.duckdb"
            for leftover in db.parent.glob("indicators.duckdb*"):
                leftover.unlink()
            full = run_job(f"full run, {n:,} articles", raw, db, home)
            print_run(full, n, size)
            summary_rows.append(
                f"{n:>7,} {size / 2**20:>7.1f} {full.seconds:>8.1f} {full.to_mart_seconds:>8.1f} "
                f"{n / full.seconds:>9.1f} {size / 2**20 / full.seconds:>6.2f} {_mb(full.peak_rss):>10}"
            )
            if not full.ok:
                continue
            rates = parser_rates(db)
            parse = full.stages.get("parse")
            in_job = rates["chars"] / parse.seconds if parse and parse.seconds else 0.0
            cores = _cores(parse.cpu_seconds, parse.seconds) if parse else "-"
            print(f"  parser: in the job {in_job:,.0f} chars/s (wall, {cores} cores); "
                  f"parse_document on one core {rates['parse_rate_1core']:,.0f} chars/s (CPU, "
                  f"{rates['sample_chars'] / 1e6:.1f} M chars); bare regex pass {rates['bare_rate']:,.0f} chars/s "
                  f"(CPU, {rates['chars'] / 1e6:.1f} M chars); one-core parser/bare = "
                  f"{rates['parse_rate_1core'] / rates['bare_rate']:.4f}")
            if not args.skip_quality:
                q = quality(db, raw)
                print(f"  quality: {q['in_staging']:,}/{q['expected']:,} planted figures extracted "
                      f"({q['in_staging'] / max(q['expected'], 1):.1%}), {q['in_mart']:,} in the mart "
                      f"({q['in_mart'] / max(q['expected'], 1):.1%}); planted conflicts found "
                      f"{q['planted_found']}/{q['planted_conflicts']}; open conflicts in mart.dq_conflicts "
                      f"{q['open_conflicts']:,}")
            largest = (n, raw, db)
        if largest is not None:
            n, raw, db = largest
            size = db.stat().st_size
            started = time.monotonic()
            copy = db.with_name("copy-benchmark.duckdb")
            shutil.copyfile(db, copy)
            copy_s = time.monotonic() - started
            copy.unlink()
            print(f"\n== nightly runs on the {n:,}-article warehouse ({size / 2**20:.0f} MB published file; "
                  f"copying it, as publish.start_build does each run: {copy_s:.2f} s); {load()}")
            idle = run_job(f"nothing new, {n:,}-article warehouse", raw, db, home)
            print_run(idle)
            added = add_increment(raw, args.increment, workdir, args.seed + 7919)
            inc = run_job(f"increment: {args.increment} new files on the {n:,}-article warehouse", raw, db, home)
            print_run(inc, None, None)
            print(f"  {args.increment} files, {added / 2**20:.1f} MB; increment / fixed start-up: "
                  f"{inc.seconds / empty.seconds:.2f}x the empty-warehouse run, "
                  f"{inc.seconds / idle.seconds:.2f}x the nothing-new run on this warehouse")
        print(f"\nsummary ({load()})")
        print(f"{'articles':>7} {'MB':>7} {'wall s':>8} {'mart s':>8} {'art/s':>9} {'MB/s':>6} {'peak RSS':>10}")
        for row in summary_rows:
            print(row)
    finally:
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
