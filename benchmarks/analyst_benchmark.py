"""The analyst's tools at real volume: sizes and times, printed, never asserted.

Builds (or reuses, with --workdir and --reuse) a warehouse from a generated corpus whose figures
disagree everywhere (benchmarks.disagreeing_corpus: each article beside a restatement with other
numbers), runs the real nightly job on it, then times what an analyst does:

- `indicators status`, `conflicts`, `conflicts --all`, `sql "select * from mart.dq_alerts"` and
  `figures --format csv | head` at 80 columns (lines printed, seconds);
- the report: its build, the size of index.html and the CSV files beside it, and the time headless
  Chromium takes to load and lay it out (`--dump-dom`);
- the GX results the report shows.

    python -m benchmarks.analyst_benchmark [--articles 1000] [--workdir DIR] [--reuse]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.disagreeing_corpus import write_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INDICATORS = Path(sys.executable).parent / "indicators"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def _env(db: Path, raw: Path | None = None, columns: int = 80) -> dict[str, str]:
    env = dict(os.environ, INDICATORS_DB=str(db), COLUMNS=str(columns), DAGSTER_DISABLE_TELEMETRY="1",
               GX_ANALYTICS_ENABLED="false")
    if raw is not None:
        env["INDICATORS_RAW_DIR"] = str(raw)
        env["INDICATORS_SETTLE_SECONDS"] = "0"  # the corpus is generated just before the run
    env.pop("DAGSTER_HOME", None)
    return env


def build(workdir: Path, articles: int, reuse: bool) -> Path:
    raw, db = workdir / "raw", workdir / "warehouse" / "indicators.duckdb"
    if reuse and db.exists():
        print(f"reusing {db}")
        return db
    shutil.rmtree(workdir, ignore_errors=True)
    started = time.perf_counter()
    write_corpus(raw, articles)
    print(f"corpus: {len(list(raw.iterdir()))} files, {articles} articles, {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    job = [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"]
    result = subprocess.run(job, cwd=PROJECT_ROOT, env=_env(db, raw), capture_output=True, text=True, check=False)
    print(f"nightly job: exit {result.returncode}, {time.perf_counter() - started:.1f} s")
    if result.returncode:
        print(result.stderr[-3000:])
        raise SystemExit(1)
    return db


def timed(db: Path, *args: str, shell_tail: str = "") -> tuple[float, int, int]:
    """(seconds, lines of stdout, exit code) of one `indicators` command at 80 columns."""
    command = " ".join([str(INDICATORS), *(f"'{a}'" for a in args)]) + shell_tail
    started = time.perf_counter()
    result = subprocess.run(command, shell=True, env=_env(db), capture_output=True, text=True, check=False)
    return time.perf_counter() - started, len(result.stdout.splitlines()), result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--reuse", action="store_true", help="reuse the warehouse in --workdir if there is one")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="analyst-bench-"))
    db = build(workdir, args.articles, args.reuse)
    with duckdb.connect(str(db), read_only=True) as con:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        if not q("select count(*) from mart.fct_figures"):
            print("the nightly job published no figure: nothing to measure (see the run's alerts.jsonl)")
            return 1
        print(
            f"warehouse: {q('select count(*) from mart.fct_figures'):,} figures, "
            f"{q('select count(*) from mart.dq_conflicts'):,} conflict rows "
            f"({q('select count(*) from mart.dq_conflicts where status = ' + chr(39) + 'open' + chr(39)):,} open), "
            f"{q('select count(*) from mart.dq_alerts where status = ' + chr(39) + 'open' + chr(39)):,} open alerts"
        )
    print("\ncommand (80 columns)                                   seconds   lines  exit")
    for label, cmd, tail in (
        ("indicators", (), ""),
        ("indicators status", ("status",), ""),
        ("indicators status --all", ("status", "--all"), ""),
        ("indicators conflicts", ("conflicts",), ""),
        ("indicators conflicts --all", ("conflicts", "--all"), ""),
        ('indicators sql "select * from mart.dq_alerts"', ("sql", "select * from mart.dq_alerts"), ""),
        ("indicators figures --format csv | head", ("figures", "--format", "csv"), " | head"),
        ("indicators figures --region 湖南", ("figures", "--region", "湖南"), ""),
        ("indicators figures --region 火星", ("figures", "--region", "火星"), ""),
    ):
        seconds, lines, code = timed(db, *cmd, shell_tail=tail)
        print(f"{label:<54} {seconds:7.2f} {lines:7,} {code:5}")

    from orchestration.report import build_report_from_file

    report_dir = db.parent / "report"
    started = time.perf_counter()
    page = build_report_from_file(db, report_dir, docs_dir=db.parent / "docs")
    built = time.perf_counter() - started
    print(f"\nreport built in {built:.2f} s: index.html {page.stat().st_size / 1e6:.2f} MB")
    for name in ("panel.csv", "conflicts.csv", "alerts.csv"):
        path = report_dir / name
        if path.exists():
            rows = len(path.read_text("utf-8-sig").splitlines()) - 1
            print(f"  {name:<14} {path.stat().st_size / 1e6:.2f} MB, {rows:,} rows")
    chromium = shutil.which("chromium")
    if chromium:
        with tempfile.TemporaryDirectory() as profile:
            started = time.perf_counter()
            subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                           capture_output=True, check=False, timeout=300)
            seconds = time.perf_counter() - started
            print(f"  Chromium load and layout (--dump-dom, incl. browser start): {seconds:.2f} s")
            started = time.perf_counter()
            subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", "about:blank"],
                           capture_output=True, check=False, timeout=300)
            print(f"  Chromium on an empty page (its start-up alone): {time.perf_counter() - started:.2f} s")
    results = db.parent / "docs" / "gx" / "results"
    print(f"\nGX results in the report: {len(list(results.glob('*.json'))) if results.exists() else 0} suite(s)")
    print(f"workdir: {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
