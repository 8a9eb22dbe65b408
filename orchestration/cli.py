"""The command line for people: `indicators run` (or `python -m orchestration run`) and `indicators status`."""

from __future__ import annotations

import argparse
import sys

import duckdb
from rich.console import Console
from rich.live import Live
from rich.table import Table

from orchestration.config import Paths, current_paths

console = Console()

_MARKS = {"running": "[yellow]…[/]", "done": "[green]✓[/]", "failed": "[red]✗[/]", "skipped": "[dim]-[/]"}


class WarehouseMissingError(SystemExit):
    pass


def open_published(paths: Paths) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the published mart, with a clear error when there is none yet."""
    if not paths.db.exists():
        raise WarehouseMissingError(
            f"no warehouse at {paths.db}: run `indicators run` first (or set INDICATORS_DB)"
        )
    return duckdb.connect(str(paths.db), read_only=True)


def _steps_table(steps: dict[str, str]) -> Table:
    table = Table(title="nightly_etl", show_header=False, box=None)
    for step, state in steps.items():
        table.add_row(_MARKS.get(state, state), step)
    return table


def _summary(paths: Paths) -> Table:
    with open_published(paths) as con:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        rows = [
            ("files", q("select count(distinct source_file) from staging.files")),
            ("quarantined files", q("select count(distinct source_file) from staging.quarantine")),
            ("articles", q("select count(*) from mart.dim_article")),
            ("figure mentions", q("select count(*) from mart.fct_figure_mentions")),
            ("figures", q("select count(*) from mart.fct_figures")),
            ("open conflicts", q("select count(*) from mart.dq_conflicts where status = 'open'")),
            ("open alerts", q("select count(*) from mart.dq_alerts where status = 'open'")),
        ]
    table = Table(title="warehouse", show_header=False)
    for name, value in rows:
        table.add_row(name, f"{value:,}")
    table.add_row("warehouse", str(paths.db))
    table.add_row("alerts log", str(paths.alerts_log))
    return table


def cmd_run(args: argparse.Namespace) -> int:
    from orchestration.runner import run_nightly

    paths = current_paths()
    console.print(f"raw folder [bold]{paths.raw_dir}[/] -> warehouse [bold]{paths.db}[/]")
    with Live(_steps_table({}), console=console, refresh_per_second=4, transient=False) as live:
        report = run_nightly(on_progress=lambda steps: live.update(_steps_table(steps)))
    if report.failed_checks:
        console.print("[yellow]failed checks:[/] " + ", ".join(report.failed_checks))
    if not report.success:
        console.print(f"[red]run {report.run_id} failed after {report.seconds:.1f} s[/]: {report.error}")
        console.print("The published warehouse was left as it was.")
        return 1
    console.print(f"[green]run {report.run_id} succeeded in {report.seconds:.1f} s[/]")
    console.print(_summary(paths))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    console.print(_summary(current_paths()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="indicators", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the nightly job once on raw/ and publish the warehouse").set_defaults(func=cmd_run)
    sub.add_parser("status", help="counts, open conflicts and alerts of the published warehouse").set_defaults(
        func=cmd_status
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["run", *(argv or [])])
    try:
        return args.func(args)
    except WarehouseMissingError as exc:
        console.print(f"[red]{exc}[/]")
        return 2


if __name__ == "__main__":
    sys.exit(main())

