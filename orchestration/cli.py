"""The command line for people: `indicators run` (or `python -m orchestration run`) for the nightly job,
and for analysts `status`, `sql`, `figures`, `conflicts` and `export` on the published mart, and
`adjudicate` to settle conflicts (kept beside the warehouse, applied by the next run).

Every analyst command opens the published warehouse read-only: it never blocks a nightly run (which
builds a copy and swaps it in) and cannot change the mart. Problems an analyst can cause or meet (no
warehouse yet, a typo in SQL, an attempt to write, a name that matches nothing) end with one
readable line and exit code 2, never a traceback; Ctrl-C and a closed pipe end quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from rich.cells import cell_len
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from orchestration import adjudications
from orchestration.config import Paths, current_paths
from orchestration.conflict_groups import ConflictGroup, read_conflict_groups
from orchestration.lookup import nearest, normalise_period
from orchestration.report import RUN_FILE, format_number, format_value

console = Console()

_MARKS = {"running": "[yellow]…[/]", "done": "[green]✓[/]", "failed": "[red]✗[/]", "skipped": "[dim]-[/]"}

# Statements `indicators sql` runs: queries and harmless session settings (MULTI is how DuckDB
# parses PIVOT). Everything else would write (the mart, or files beside it) and is refused before
# DuckDB sees it; a write hidden in an allowed statement still meets the read-only connection.
_QUERY_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "SET", "VARIABLE_SET", "CALL", "RELATION", "MULTI"}
_TABLE_ROW_LIMIT = 100  # a terminal table beyond this is unreadable (--limit, --all); csv/json give everything
_CELL_LIMIT = 300  # characters of one cell on screen (a rows_json of 20 KB is no reading); csv/json keep all
_SUMMARY_LIMIT = 10  # disputed keys and alert checks `status` lists
_CONFLICT_LIMIT = 20  # disputed keys `conflicts` lists
_COLUMN_CAP = 28  # a column wider than this on screen wraps; what a readable table may ask for per column
_MART_TABLES_ORDER = ("fct_figures", "fct_figure_mentions", "indicator_panel", "dq_conflicts", "dq_alerts")


class CliError(Exception):
    """A problem the person at the keyboard can fix; printed as one line, exit code 2."""


class WarehouseMissingError(CliError):
    pass


def _paths(args: argparse.Namespace | None = None) -> Paths:
    """INDICATORS_DB / INDICATORS_RAW_DIR, or the warehouse given with --db."""
    paths = current_paths()
    db = getattr(args, "db", None)
    return replace(paths, db=Path(db).resolve()) if db else paths


def open_published(paths: Paths) -> duckdb.DuckDBPyConnection:
    """Read-only connection to the published mart, with a clear error when there is none yet."""
    if not paths.db.exists():
        raise WarehouseMissingError(
            f"no warehouse at {paths.db}: run `indicators run` first (or set INDICATORS_DB, or pass --db)"
        )
    try:
        return duckdb.connect(str(paths.db), read_only=True)
    except duckdb.Error as exc:
        raise CliError(f"cannot open the warehouse {paths.db}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    """The message on one line: DuckDB's hint ('Did you mean ...') kept, its caret drawing dropped."""
    lines = []
    for line in str(exc).splitlines():
        if line.startswith("LINE "):
            break
        if line.strip():
            lines.append(line.strip())
    return " ".join(lines) or type(exc).__name__


def _db_error(exc: duckdb.Error) -> CliError:
    """DuckDB's message, one line; writes refused by the read-only connection say so plainly.
    A query stopped by Ctrl-C is an interruption, not a failed query."""
    if isinstance(exc, duckdb.InterruptException):
        raise KeyboardInterrupt from None
    message = _first_line(exc)
    if "read-only" in message or "read only" in message:
        return CliError(f"the mart is read-only: {message}")
    return CliError(f"query failed: {message}")


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select table_schema || '.' || table_name from information_schema.tables").fetchall()
    return {r[0] for r in rows}


# --- rendering ----------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ", timespec="seconds") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _short(text: str) -> str:
    if len(text) <= _CELL_LIMIT:
        return text
    return f"{text[:_CELL_LIMIT]}… ({len(text):,} characters; --format csv or json for all)"


def fits(columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int) -> bool:
    """Whether a table of these rows reads at this width: every column gets what it needs (up to
    _COLUMN_CAP, and its header whole) plus rich's borders. If not, rows are shown as records."""
    needs = []
    for i, column in enumerate(columns):
        longest = max((cell_len(_cell(row[i]).split("\n")[0]) for row in rows[:50]), default=0)
        needs.append(max(cell_len(column), min(longest, _COLUMN_CAP)))
    return sum(needs) + 3 * len(columns) + 1 <= width


def print_records(columns: Sequence[str], rows: Sequence[Sequence[Any]], display: Callable | None = None) -> None:
    """One block per row, one line per column (`name  value`): what a table of many columns becomes
    in an 80-column terminal, instead of 3-character slivers."""
    for n, row in enumerate(rows, start=1):
        console.rule(Text(f"{n}", style="dim"), align="left", style="dim")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")  # long values wrap under themselves, not under the names
        for column, value in zip(columns, row, strict=True):
            shown = display(column, value) if display else Text(_short(_cell(value)))
            grid.add_row(Text(column), shown if isinstance(shown, Text) else Text(str(shown)))
        console.print(grid)


def render(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    title: str | None = None,
    display: Callable[[str, Any], str | Text] | None = None,
    total: int | None = None,
) -> None:
    """Print rows as a rich table (or records when the table does not fit), CSV or JSON on stdout.

    CSV and JSON carry the raw values (numbers as numbers) for other tools; the table may show a
    friendlier `display` of a column. `total` is the number of rows there are when `rows` holds
    only the first of them.
    """
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else _cell(v) if isinstance(v, (datetime, date)) else v for v in row])
        return
    if fmt == "json":
        records = [{c: _jsonable(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    shown = list(rows)
    total = len(rows) if total is None else total
    if title:
        console.print(Text(title, style="bold"))
    if fits(columns, shown, console.width):
        table = Table(show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in shown:
            # Text, not str: a value such as '[b]' must print as written, not as rich markup
            table.add_row(
                *[display(c, v) if display else Text(_short(_cell(v))) for c, v in zip(columns, row, strict=True)]
            )
        console.print(table)
    else:
        print_records(columns, shown, display)
    more = f"; showing the first {len(shown)} (--limit N, --all, or --format csv or json for all)" if total > len(
        shown) else ""
    console.print(f"[dim]{total} row(s){more}[/]")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format (default: table)"
    )


# --- run and status -----------------------------------------------------------------------------------


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
        if "mart.indicator_panel" in _tables(con):
            rows.insert(5, ("panel cells", q("select count(*) from mart.indicator_panel")))
        waiting = []
        if "staging.waiting_files" in _tables(con):  # still being written at the last run: read next run
            waiting = con.execute("select source_file, reason from staging.waiting_files order by 1").fetchall()
            rows.insert(2, ("files waiting for the next run", len(waiting)))
    table = Table(title="warehouse", show_header=False)
    for name, value in rows:
        table.add_row(name, f"{value:,}")
    for source_file, reason in waiting[:20]:
        table.add_row("  waiting", Text(f"{source_file}: {reason}"))
    table.add_row("warehouse", Text(str(paths.db)))
    table.add_row("alerts log", Text(str(paths.alerts_log)))
    return table


def cmd_run(args: argparse.Namespace) -> int:
    from orchestration.defs.dbt.project import prepare
    from orchestration.runner import run_nightly

    paths = current_paths()
    console.print(f"raw folder [bold]{paths.raw_dir}[/] -> warehouse [bold]{paths.db}[/]")
    log_path = paths.warehouse_dir / "last_run.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    screen = Console(file=sys.stdout)  # bound now: stdout is redirected to the log below
    # dbt's own output goes to last_run.log (dagster-dbt writes it to stdout); the screen keeps the steps
    with (
        log_path.open("w", encoding="utf-8") as log,
        contextlib.redirect_stdout(log),
        Live(_steps_table({}), console=screen, refresh_per_second=4, transient=False) as live,
    ):
        with _interrupt_after():
            prepare()  # dbt parse: the job's dbt assets are read from the manifest, which must match the project
        with _interrupt_after(pass_on=True):
            report = run_nightly(on_progress=lambda steps: live.update(_steps_table(steps)), log_level="WARNING")
    console.print(f"\ndbt and step output: {log_path}")
    if report.failed_checks:
        console.print("[yellow]failed checks:[/] " + ", ".join(report.failed_checks))
    if not report.success:
        console.print(f"[red]run {report.run_id} failed after {report.seconds:.1f} s[/]: {report.error}")
        console.print("The published warehouse was left as it was.")
        return 1
    console.print(f"[green]run {report.run_id} succeeded in {report.seconds:.1f} s[/]")
    console.print(_summary(paths))
    return 0


@contextlib.contextmanager
def _interrupt_after(*, pass_on: bool = False) -> Any:
    """Ctrl-C during the block stops the command when the block ends, however the block ended.

    dbt's in-process parse prints a KeyboardInterrupt raised inside it as a traceback and carries on,
    so there the signal is only noted. During the run it is also passed on (Dagster stops the run),
    and a run that ends as a failure because Ctrl-C killed one of its child processes (a terminal
    signals the whole group) is still an interruption."""
    noted: list[int] = []

    def note(signum: int, frame: Any) -> None:
        noted.append(signum)
        if pass_on and callable(previous):
            previous(signum, frame)

    try:
        previous = signal.signal(signal.SIGINT, note)
    except ValueError:  # not the main thread: nothing to defer
        yield
        return
    try:
        yield
    except Exception:
        if noted:  # a child process killed by the same Ctrl-C made the block fail: still an interruption
            raise KeyboardInterrupt from None
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
    if noted:
        raise KeyboardInterrupt


# How long a query may take to stop after Ctrl-C before the command ends without it
QUERY_STOP_GRACE_SECONDS = 3.0


@contextlib.contextmanager
def _ctrl_c_ends_within(seconds: float) -> Any:
    """Ctrl-C interrupts the query as usual and, should DuckDB not give the interpreter back within
    `seconds`, ends the command anyway with the same one line and exit code 130.

    DuckDB 2.0.1 stops a query by waiting for its running tasks; a task on one of its worker threads
    that does not look at the interruption (a scan of a single large source) keeps the main thread
    waiting until it finishes, which can be hours. It waits with the interpreter released, so a timer
    thread can still end the process. The read-only connection has nothing to save."""
    timers: list[threading.Timer] = []

    def give_up() -> None:
        _print_error("interrupted")
        sys.stderr.flush()
        os._exit(130)

    def on_ctrl_c(signum: int, frame: Any) -> None:
        if not timers:
            timers.append(threading.Timer(seconds, give_up))
            timers[0].daemon = True
            timers[0].start()
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, on_ctrl_c)
    except ValueError:  # not the main thread (a test calling main()): Ctrl-C is not ours to handle
        yield
        return
    if previous is signal.SIG_IGN:  # started in the background: Ctrl-C is not meant for this process
        signal.signal(signal.SIGINT, previous)
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        for timer in timers:  # it stopped in time: the usual path prints the one line
            timer.cancel()


def _ago(when: datetime) -> str:
    seconds = max(0, int((datetime.now() - when).total_seconds()))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n > 1 else ''} ago"
    return "just now"


def last_run(paths: Paths) -> dict[str, Any]:
    """When the mart was last published and by which run; a failed run since then, if any.

    The published file's mtime is the publish time (os.replace keeps the working copy's mtime,
    written at the end of the run). The run id comes from report/run.json, which the nightly
    `analyst_report` asset writes after publishing. A failed run never publishes, but its failure
    hook appends a `run_failed` alert to alerts.jsonl: a newer one than the publish is reported.
    """
    info: dict[str, Any] = {}
    if paths.db.exists():
        info["published_at"] = datetime.fromtimestamp(paths.db.stat().st_mtime)
    run_file = paths.warehouse_dir / "report" / RUN_FILE
    if run_file.exists():
        try:
            recorded = json.loads(run_file.read_text("utf-8"))
            report_at = datetime.fromisoformat(recorded["generated_at"])
        except (ValueError, KeyError, TypeError):
            recorded, report_at = {}, None
        # the report is written just after the publish (its time is cut to the second): a report
        # older than the published file belongs to an earlier run and must not name this one
        published = info.get("published_at")
        if report_at and (published is None or report_at >= published - timedelta(seconds=2)):
            info["run_id"] = recorded.get("run_id")
    if paths.alerts_log.exists():
        for line in paths.alerts_log.read_text("utf-8", errors="replace").splitlines():
            if "run_failed" not in line:  # the log holds every alert ever sent: parse only failures
                continue
            try:
                alert = json.loads(line)
                raised = datetime.fromisoformat(alert.get("raised_at", ""))
            except ValueError:
                continue
            if alert.get("check_name") != "run_failed":
                continue
            if "published_at" in info and raised <= info["published_at"]:
                continue
            if "failed_at" not in info or raised > info["failed_at"]:
                info.update(failed_at=raised, failed_run_id=alert.get("run_id"), failure=alert.get("message"))
    return info


def _limit(args: argparse.Namespace, default: int) -> int | None:
    """How many items a summary shows: --limit N, else None (everything) with --all, else `default`."""
    limit = getattr(args, "limit", None)
    if limit is not None:
        return max(0, limit)
    return None if getattr(args, "all", False) else default


def cmd_status(args: argparse.Namespace) -> int:
    paths = _paths(args)
    info = last_run(paths)
    summary = _summary(paths)  # raises the clear "no warehouse" error first
    if "published_at" in info:
        when = info["published_at"]
        run = f" by run {info['run_id']}" if info.get("run_id") else ""
        console.print(f"last published [bold]{when:%Y-%m-%d %H:%M:%S}[/] ({_ago(when)}){run}")
    if "failed_at" in info:
        console.print(
            f"[red]a later run failed at {info['failed_at']:%Y-%m-%d %H:%M:%S}[/] "
            f"(run {info.get('failed_run_id')}): {info.get('failure')}"
        )
    console.print(summary)
    limit = _limit(args, _SUMMARY_LIMIT)
    with open_published(paths) as con:
        # open alerts by check: a night with 14,000 conflict alerts is one line, not 14,000
        alerts = con.execute(
            """select severity, check_name, count(*) as n, max(last_raised_at) as latest,
                      arg_max(message, last_raised_at) as example
               from mart.dq_alerts where status = 'open'
               group by severity, check_name
               order by case severity when 'ERROR' then 0 else 1 end, n desc, check_name"""
        ).fetchall()
        groups = read_conflict_groups(con)
    if alerts:
        total = sum(a[2] for a in alerts)
        render(
            ("severity", "check", "open", "latest", "for example"),
            alerts if limit is None else alerts[:limit],
            "table",
            title=f"open alerts ({total:,}) by check",
            total=len(alerts),
            display=lambda c, v: Text(
                _short(_cell(v)), style={"ERROR": "red", "WARN": "yellow"}.get(v, "") if c == "severity" else ""
            ),
        )
        console.print(
            "[dim]each alert: indicators sql \"select check_name, message from dq_alerts where status = 'open'\""
            "[/]"
        )
    if groups:
        _print_groups(groups, limit, title="open conflicts", detail=False)
    return 0


def _group_values(group: ConflictGroup, *, detail: bool) -> Text:
    """The competing values of a key: value, then (with detail) its quote and file."""
    text = Text()
    for i, v in enumerate(group.values):
        if i:
            text.append("\n")
        text.append(format_value(v.value, group.unit, None, v.qualifier, group.value_kind), style="bold")
        if detail:
            if v.role:
                text.append(f" ({v.role})", style="green" if v.role == "holds" else "dim")
            text.append(f"  «{v.quote}»", style="yellow")
            text.append(f"  {v.source_file or ''}", style="dim")
    return text


def _print_groups(groups: list[ConflictGroup], limit: int | None, *, title: str, detail: bool) -> None:
    """Disputed keys, the most contested first: what, the competing values, how many conflicts."""
    pairs = sum(g.pairs for g in groups)
    shown = groups if limit is None else groups[:limit]
    console.print(Text(f"{title}: {len(groups):,} key(s), {pairs:,} conflict(s)", style="bold"))
    for g in shown:
        status = Text(g.status, style="red" if g.status == "open" else "green")
        if g.resolved_by:
            status.append(f" by {g.resolved_by}" + (f": {g.note}" if g.note else ""))
        head = Text.assemble(
            (g.label, "bold"), f"  ({g.value_kind}", f", {g.disagreement}" if g.disagreement else "", ")  ",
            status, (f"  {len(g.values)} values, {g.pairs} conflict(s)", "dim"),
        )
        console.print(head)
        if detail:
            for line in _group_values(g, detail=True).split("\n"):
                console.print(Text("  ") + line)
            console.print(Text(f"  key {g.key}", style="dim"))
        else:  # a summary: the values on one line, then the key
            shown = " · ".join(format_value(v.value, g.unit, None, v.qualifier, g.value_kind) for v in g.values)
            console.print(Text.assemble("  ", (shown, "bold"), (f"  key {g.key}", "dim")))
    if len(shown) < len(groups):
        console.print(
            f"[dim]… {len(groups) - len(shown):,} more key(s): indicators conflicts --limit N, --all, "
            "or --format csv[/]"
        )


# --- sql ----------------------------------------------------------------------------------------------


def cmd_sql(args: argparse.Namespace) -> int:
    query = args.query if args.query != "-" else sys.stdin.read()
    paths = _paths(args)
    with open_published(paths) as con:
        con.execute("set search_path = 'mart,main'")  # `from fct_figures` works as well as `from mart.fct_figures`
        try:
            statements = con.extract_statements(query)
        except duckdb.Error as exc:
            raise _db_error(exc) from None
        if not statements:
            raise CliError("no SQL given: indicators sql \"select * from mart.fct_figures limit 10\"")
        for statement in statements:
            kind = statement.type.name
            if kind not in _QUERY_STATEMENTS:
                raise CliError(
                    f"the mart is read-only: `indicators sql` runs queries only, not {kind} statements "
                    "(use `indicators export` for files, or --format csv > file.csv)"
                )
        cursor = None
        try:
            for statement in statements:
                cursor = con.execute(statement.query)
            if cursor is None or cursor.description is None:
                console.print("[dim]done (no rows returned)[/]")
                return 0
            columns = [d[0] for d in cursor.description]
            limit = _limit(args, _TABLE_ROW_LIMIT) if args.format == "table" else None
            if limit is None:
                rows, total = cursor.fetchall(), None
            else:  # a screenful: the rest is counted, not kept (13 columns of 14,000 alerts took 18 s)
                rows = cursor.fetchmany(limit)
                total = len(rows)
                while chunk := cursor.fetchmany(10_000):
                    total += len(chunk)
        except duckdb.Error as exc:
            raise _db_error(exc) from None
    render(columns, rows, args.format, total=total)
    return 0


# --- figures ------------------------------------------------------------------------------------------


def _region_filter(value: str) -> tuple[str, list[Any]]:
    """A code (430100), a full name (长沙市) or a short one (长沙 matches 长沙市, 湖南 matches 湖南省)."""
    return (
        """(f.region_code = ? or f.region_name = ? or f.region_name like ? || '%'
            or f.region_code in (select region_code from mart.dim_region where short_name = ?))""",
        [value, value, value, value],
    )


def _indicator_filter(value: str) -> tuple[str, list[Any]]:
    """A code (rd_intensity, any case) or a substring of the Chinese name or of any alias (研发强度)."""
    return (
        """(lower(f.indicator_code) = lower(?) or f.indicator_name like '%' || ? || '%'
            or f.indicator_key like '%' || ? || '%'
            or f.indicator_code in (select indicator_code from mart.dim_indicator
                                    where aliases like '%' || ? || '%' and indicator_code is not null))""",
        [value, value, value, value],
    )


def _check_names(con: duckdb.DuckDBPyConnection, what: str, value: str) -> None:
    """A region or indicator that names nothing the warehouse knows is a typo, not an empty answer:
    say so, with the nearest names."""
    if what == "region":
        clause, params = _region_filter(value)
        found = con.execute(
            f"select count(*) from mart.dim_region f where {clause}",
            params,
        ).fetchone()[0] or con.execute(f"select count(*) from mart.fct_figures f where {clause}", params).fetchone()[0]
        names = [r[0] for r in con.execute(
            "select region_name from mart.dim_region union all select short_name from mart.dim_region"
        ).fetchall()]
        option, example = "--region", "a code such as 430100 or a name such as 长沙"
    else:
        clause, params = _indicator_filter(value)
        found = con.execute(f"select count(*) from mart.fct_figures f where {clause}", params).fetchone()[0]
        names = [r[0] for r in con.execute(
            """select indicator_name from mart.dim_indicator union all select indicator_code from mart.dim_indicator
               union all select distinct indicator_name from mart.fct_figures"""
        ).fetchall()]
        option, example = "--indicator", "a code such as rd_intensity or part of a name such as 研发"
    if found:
        return
    close = nearest(value, [n for n in names if n])
    hint = f"nearest: {', '.join(close)}" if close else f"try {example}"
    raise CliError(f"no {what} matches {option} {value!r}; {hint}")


FIGURE_COLUMNS = (
    "region_code", "region_name", "subject", "period", "indicator_code", "indicator_name", "value", "unit",
    "counter", "qualifier", "value_kind", "source_count", "sources", "quote", "quotes", "figure_id",
)


def cmd_figures(args: argparse.Namespace) -> int:
    where, params = ["true"], []
    if args.region:
        clause, values = _region_filter(args.region)
        where.append(clause)
        params += values
    if args.indicator:
        clause, values = _indicator_filter(args.indicator)
        where.append(clause)
        params += values
    if args.period:
        period = normalise_period(args.period)
        if period is None:
            raise CliError(
                f"--period {args.period!r} is no period: write 2025, 2025年, 2025上半年, 2025年前三季度, "
                "2025年1-10月, 2021-2025 or 十四五"
            )
        where.append("f.period = ?")
        params.append(period)
    if args.kind:
        where.append("f.value_kind = ?")
        params.append(args.kind)
    sql = f"""
        select f.region_code, f.region_name, f.subject, f.period, f.indicator_code, f.indicator_name, f.value,
               f.unit, f.counter, f.qualifier, f.value_kind, f.source_count,
               (select string_agg(distinct m.source_file, ', ' order by m.source_file)
                  from mart.fct_figure_mentions m where m.figure_id = f.figure_id) as sources,
               f.quote,
               (select string_agg(distinct m.quote, ' | ' order by m.quote)
                  from mart.fct_figure_mentions m where m.figure_id = f.figure_id) as quotes,
               f.figure_id
        from mart.fct_figures f
        where {" and ".join(where)}
        order by f.region_code nulls last, f.indicator_code is null, f.indicator_code, f.indicator_name,
                 f.period, f.subject nulls first, f.value_kind, f.figure_id"""
    with open_published(_paths(args)) as con:
        try:
            for what in ("region", "indicator"):
                if getattr(args, what):
                    _check_names(con, what, getattr(args, what))
            rows = con.execute(sql, params).fetchall()
        except duckdb.Error as exc:
            raise _db_error(exc) from None
    if args.format != "table":
        render(FIGURE_COLUMNS, rows, args.format)
        return 0
    limit = _limit(args, _TABLE_ROW_LIMIT)
    shown = rows if limit is None else rows[:limit]
    columns = ("region", "indicator", "subject", "period", "value", "qualifier", "kind", "quote", "sources")
    records = []
    for r in shown:
        rec = dict(zip(FIGURE_COLUMNS, r, strict=True))
        records.append((
            rec["region_name"] or "(unknown)", rec["indicator_name"] or rec["indicator_code"] or "(unknown)",
            rec["subject"] or "", rec["period"] or "",
            format_value(rec["value"], rec["unit"], rec["counter"], rec["qualifier"], rec["value_kind"]),
            rec["qualifier"], rec["value_kind"], f"«{rec['quote']}»", rec["sources"] or "",
        ))
    styles = {"value": "bold", "quote": "yellow", "sources": "dim"}
    render(columns, records, "table", title="figures", total=len(rows),
           display=lambda c, v: Text(_short(_cell(v)), style=styles.get(c, "")))
    if not rows:
        hint = "no figure matches; try a shorter --indicator (a name substring), another --period or drop --kind"
        console.print(f"[yellow]{hint}[/]")
    return 0


# --- conflicts ----------------------------------------------------------------------------------------

CONFLICT_COLUMNS = (
    "key", "status", "region_code", "region_name", "subject", "indicator_code", "indicator_name", "period",
    "value_kind", "unit", "disagreement", "conflicts", "value", "qualifier", "quote", "source_file", "figure_id",
    "resolved_by", "resolved_on", "note",
)


def _filter_groups(con: duckdb.DuckDBPyConnection, groups: list[ConflictGroup], args: argparse.Namespace):
    """--region / --indicator / --period over disputed keys (the same names `figures` takes)."""
    if getattr(args, "region", None):
        _check_names(con, "region", args.region)
        clause, params = _region_filter(args.region)
        codes = {r[0] for r in con.execute(f"select region_code from mart.dim_region f where {clause}", params)
                 .fetchall()}
        groups = [g for g in groups if g.region_code in codes or (g.region_name or "").startswith(args.region)]
    if getattr(args, "indicator", None):
        _check_names(con, "indicator", args.indicator)
        clause, params = _indicator_filter(args.indicator)
        keys = {r[0] for r in con.execute(
            f"select distinct coalesce(indicator_code, indicator_name) from mart.fct_figures f where {clause}", params
        ).fetchall()}
        groups = [g for g in groups if (g.indicator_code or g.indicator_name) in keys]
    if getattr(args, "period", None):
        period = normalise_period(args.period)
        if period is None:
            raise CliError(f"--period {args.period!r} is no period: write 2025, 2025年, 2025上半年 or 2021-2025")
        groups = [g for g in groups if g.period == period]
    return groups


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_published(_paths(args)) as con:
        groups = _filter_groups(con, read_conflict_groups(con, include_closed=args.all), args)
    if args.format != "table":
        rows = [
            (g.key, g.status, g.region_code, g.region_name, g.subject, g.indicator_code, g.indicator_name, g.period,
             g.value_kind, g.unit, g.disagreement, g.pairs, v.value, v.qualifier, v.quote,
             v.source_file, v.figure_id, g.resolved_by, g.resolved_on, g.note)
            for g in groups
            for v in g.values
        ]
        render(CONFLICT_COLUMNS, rows, args.format)
        return 0
    label = "conflicts" if args.all else "open conflicts"
    if not groups:
        console.print(f"{label}: 0 key(s)")
        console.print("[green]no open conflicts[/]" if not args.all else "[green]no conflicts[/]")
        return 0
    _print_groups(groups, _limit(args, _CONFLICT_LIMIT), title=label, detail=True)
    console.print(
        "[dim]settle one: indicators adjudicate KEY --accept VALUE --note \"why\" (or --resolve, --both); "
        "over many: indicators adjudicate --rule latest --indicator CODE --note \"why\"[/]"
    )
    return 0


# --- adjudicate ---------------------------------------------------------------------------------------


def _parse_value(text: str, unit: str | None) -> float:
    """A value as the mart stores it: 2.71, 2.71%, 5300亿元, 1.2万, 40,000."""
    word = text.strip().replace(",", "").replace("，", "")
    multipliers = (("亿元", 1e8), ("万元", 1e4), ("亿", 1e8), ("万", 1e4), ("元", 1.0), ("%", 1.0), ("个百分点", 1.0))
    factor = 1.0
    for suffix, m in multipliers:
        if word.endswith(suffix):
            word, factor = word[: -len(suffix)], m
            break
    try:
        return float(word) * factor
    except ValueError:
        raise CliError(f"--accept {text!r} is no number (write it as the mart does: 2.71, 5300亿元, 40000)") from None


def _find_target(groups: list[ConflictGroup], target: str) -> tuple[ConflictGroup, str | None]:
    """A conflict id or a key -> its group (and the id, if one was given)."""
    for g in groups:
        if g.key == target:
            return g, None
        if target in g.conflict_ids:
            return g, target
    keys = [g.key for g in groups]
    close = [k for k in keys if k.startswith(target.split(":")[0])][:5] if ":" in target else []
    hint = f"; keys like it: {', '.join(close)}" if close else "; see indicators conflicts --all"
    raise CliError(f"no conflict has the id or key {target!r}{hint}")


def cmd_adjudicate(args: argparse.Namespace) -> int:
    paths = _paths(args)
    log = adjudications.log_path(paths)
    if not args.note or not args.note.strip():
        raise CliError('say why: --note "..." (kept with the decision, who and when)')
    if args.withdraw:
        known = {d["decision_id"] for d in adjudications.read(log)}
        if args.withdraw not in known:
            raise CliError(f"no decision {args.withdraw!r} in {log}")
        record = adjudications.new_decision("withdraw", args.note, withdraws=args.withdraw)
    elif args.rule:
        if args.target:
            raise CliError("a rule applies over many conflicts: give --indicator, --region or --file, not an id")
        if not (args.indicator or args.region or args.file):
            raise CliError("a rule needs a scope: --indicator CODE, --region CODE or --file NAME (or several)")
        if args.rule == "source" and not args.source:
            raise CliError("--rule source needs --source NAME (a file name, or the source an article names)")
        with open_published(paths) as con:
            for what in ("region", "indicator"):
                if getattr(args, what):
                    _check_names(con, what, getattr(args, what))
            indicator = _resolve_code(con, "indicator", args.indicator)
            region = _resolve_code(con, "region", args.region)
        record = adjudications.new_decision(
            "rule", args.note, prefer=args.rule, prefer_source=args.source, scope_indicator=indicator,
            scope_region=region, scope_file=args.file,
        )
    else:
        if not args.target:
            raise CliError("say which conflict: an id or a key from `indicators conflicts` (or --rule for many)")
        actions = [a for a in ("accept", "resolve", "both") if getattr(args, a) not in (None, False)]
        if len(actions) != 1:
            raise CliError("say what to do: --accept VALUE, --resolve or --both (one of them)")
        with open_published(paths) as con:
            group, conflict_id = _find_target(read_conflict_groups(con, include_closed=True), args.target)
        fields: dict[str, Any] = {
            "conflict_id": conflict_id, "region_code": group.region_code, "subject": group.subject,
            "indicator_code": group.indicator_code, "period": group.period, "value_kind": group.value_kind,
            "figure_ids": None if conflict_id else group.figure_ids,
        }
        if actions[0] == "accept":
            value = _parse_value(args.accept, group.unit)
            if not any(abs(v.value - value) <= 0.005 * max(abs(v.value), 1e-9) for v in group.values):
                shown = ", ".join(format_value(v.value, group.unit, None, v.qualifier) for v in group.values)
                console.print(f"[yellow]note: {args.accept} is none of the competing values ({shown})[/]")
            fields["accepted_value"] = value
        record = adjudications.new_decision(actions[0], args.note, **fields)
    adjudications.append(log, record)
    console.print(
        f"decision [bold]{record['decision_id']}[/] ({record['action']}) by {record['decided_by']} at "
        f"{record['decided_at']} kept in {log}; the next run applies it "
        f"(withdraw: indicators adjudicate --withdraw {record['decision_id']} --note \"why\")"
    )
    return 0


def _resolve_code(con: duckdb.DuckDBPyConnection, what: str, value: str | None) -> str | None:
    """The code a rule is scoped to, from what the analyst typed (a code, a name or part of one)."""
    if not value:
        return None
    if what == "region":
        clause, params = _region_filter(value)
        rows = con.execute(f"select region_code from mart.dim_region f where {clause} order by region_code",
                           params).fetchall()
    else:
        clause, params = _indicator_filter(value)
        rows = con.execute(
            f"""select distinct indicator_code from mart.fct_figures f where {clause} and indicator_code is not null
                order by indicator_code""", params).fetchall()
    codes = [r[0] for r in rows]
    if len(codes) != 1:
        raise CliError(f"--{what} {value!r} names {len(codes)} {what}s ({', '.join(codes[:8])}): give one code")
    return codes[0]


# --- export -------------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    """Every table and view of schema mart to one file each; written by DuckDB's COPY, not the mart."""
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    option = "(format parquet)" if args.format == "parquet" else "(format csv, header true)"
    written = []
    with open_published(_paths(args)) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'mart' order by table_name"
            ).fetchall()
        ]
        if not names:
            raise CliError("the warehouse has no mart tables to export")
        names.sort(key=lambda n: (_MART_TABLES_ORDER.index(n) if n in _MART_TABLES_ORDER else 99, n))
        for name in names:
            target = out / f"{name}.{args.format}"
            try:
                con.execute(f"copy (select * from mart.{name}) to '{_sql_string(target)}' {option}")
                (rows,) = con.execute(f"select count(*) from mart.{name}").fetchone()
            except duckdb.Error as exc:
                raise CliError(f"could not export mart.{name} to {target}: {_first_line(exc)}") from None
            written.append((f"mart.{name}", rows, str(target)))
    render(("table", "rows", "file"), written, "table")
    return 0


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")


# --- the parser ---------------------------------------------------------------------------------------

_EPILOG = """examples:
  indicators run                                    # the nightly job, once, on raw/
  indicators status
  indicators figures --region 长沙 --period 2025年
  indicators figures --indicator 研发投入强度 --format csv > rd.csv
  indicators sql "select region_name, value from mart.indicator_panel where indicator_code = 'rd_intensity'"
  indicators conflicts --region 湖南 --limit 5
  indicators adjudicate 430000:rd_intensity:2025:share --accept 2.71 --note "revised by the bureau"
  indicators adjudicate --rule latest --indicator rd_intensity --note "later releases revise earlier ones"
  indicators export --format parquet --out ~/mart-export
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="indicators", description=__doc__, epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the nightly job once on raw/ and publish the warehouse").set_defaults(func=cmd_run)

    def reader(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", help="a warehouse file other than INDICATORS_DB (opened read-only)")
        p.set_defaults(func=func)
        return p

    def limits(p: argparse.ArgumentParser, default: int, what: str) -> None:
        p.add_argument("--limit", type=int, help=f"show the first N {what} (default {default})")
        p.add_argument("--all", action="store_true", help=f"show every {what.rstrip('s')}")

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("--region", help="region code (430100) or name (长沙市, or just 长沙)")
        p.add_argument("--indicator", help="indicator code (rd_intensity) or part of its Chinese name (研发)")
        p.add_argument("--period", help="2025, 2025年, 2025上半年, 2025年前三季度, 2025年1-10月, 2021-2025, 十四五")

    p = reader("status", "last run, counts, open alerts by check and the most disputed figures", cmd_status)
    limits(p, _SUMMARY_LIMIT, "alert checks and disputed keys")

    p = reader("sql", "run a read-only SQL query against the published mart", cmd_sql)
    p.add_argument("query", help='the SQL, e.g. "select * from mart.indicator_panel"; - reads it from stdin')
    limits(p, _TABLE_ROW_LIMIT, "rows on screen")
    _add_format(p)

    p = reader("figures", "figures of the mart, filtered by region, indicator and period", cmd_figures)
    filters(p)
    p.add_argument("--kind", help="value_kind: level, growth_rate, share, rank, rank_change, change, target")
    limits(p, _TABLE_ROW_LIMIT, "figures on screen")
    _add_format(p)

    p = reader("conflicts", "disputed figures grouped by key: every competing value, quote and file", cmd_conflicts)
    filters(p)
    p.add_argument("--limit", type=int, help=f"show the N most disputed keys (default {_CONFLICT_LIMIT})")
    p.add_argument("--all", action="store_true", help="every key, settled ones (resolved, accepted) too")
    _add_format(p)

    p = reader(
        "adjudicate",
        "settle a conflict (or many, by a rule); kept beside the warehouse with who, when and why, "
        "applied by the next run",
        cmd_adjudicate,
    )
    p.add_argument("target", nargs="?", help="a conflict id or key (430000:rd_intensity:2025:share) from `conflicts`")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--accept", metavar="VALUE", help="the right value (2.71, 5300亿元); the others are wrong")
    action.add_argument("--resolve", action="store_true", help="dealt with, no value named")
    action.add_argument("--both", action="store_true", help="both values stand (two definitions)")
    action.add_argument("--rule", choices=("latest", "source"),
                        help="over many: prefer the latest publication, or --source NAME")
    action.add_argument("--withdraw", metavar="DECISION_ID", help="a decision no longer applies")
    p.add_argument("--source", help="with --rule source: a file name, or the source an article names (湖南日报)")
    p.add_argument("--indicator", help="with --rule: the indicator it covers")
    p.add_argument("--region", help="with --rule: the region it covers")
    p.add_argument("--file", help="with --rule: conflicts involving this file")
    p.add_argument("--note", help="why (required)")

    p = reader("export", "write every mart table to Parquet or CSV files in a folder", cmd_export)
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="file format (default parquet)")
    p.add_argument("--out", required=True, help="folder to write <table>.<format> files into (created if needed)")
    return parser


def main(argv: list[str] | None = None) -> int:
    global console
    # a fresh console per call: its width and colour follow the terminal (or COLUMNS) of this call
    console = Console()
    parser = build_parser()
    args_list = sys.argv[1:] if argv is None else argv
    if not args_list:
        parser.print_help()  # no arguments: what the commands are, never a surprise nightly run
        return 0
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        # `run` has its own Ctrl-C handling: it stops Dagster and leaves the published warehouse as it was
        guard = contextlib.nullcontext() if args.command == "run" else _ctrl_c_ends_within(QUERY_STOP_GRACE_SECONDS)
        with guard:
            code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at interpreter exit
        return code
    except CliError as exc:
        _print_error(str(exc))
        return 2
    except duckdb.Error as exc:  # anything not caught closer to the query: still one line
        _print_error(str(_db_error(exc)))
        return 2
    except (KeyboardInterrupt, RuntimeError) as exc:
        # DuckDB stops a query on Ctrl-C with RuntimeError('Query interrupted')
        if isinstance(exc, RuntimeError) and "interrupted" not in str(exc).lower():
            raise
        message = "interrupted" + (": the published warehouse was left as it was" if args.command == "run" else "")
        _print_error(message)
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly; point stdout at /dev/null so the interpreter's
        # final flush does not raise again
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE


def _print_error(message: str) -> None:
    # Text, not markup: DuckDB messages hold brackets that rich would take for styles
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text.assemble(("error: ", "bold red"), message))


if __name__ == "__main__":
    sys.exit(main())
