"""The command line for people: `indicators run` (or `python -m orchestration run`) for the nightly job,
and for analysts `status`, `sql`, `figures`, `conflicts` and `export` on the published mart.

Every analyst command opens the published warehouse read-only: it never blocks a nightly run (which
builds a copy and swaps it in) and cannot change the mart. Problems an analyst can cause or meet (no
warehouse yet, a typo in SQL, an attempt to write) end with one readable line and exit code 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from orchestration.config import Paths, current_paths
from orchestration.report import RUN_FILE, format_number, format_value

console = Console()

_MARKS = {"running": "[yellow]…[/]", "done": "[green]✓[/]", "failed": "[red]✗[/]", "skipped": "[dim]-[/]"}

# Statements `indicators sql` runs: queries and harmless session settings (MULTI is how DuckDB
# parses PIVOT). Everything else would write (the mart, or files beside it) and is refused before
# DuckDB sees it; a write hidden in an allowed statement still meets the read-only connection.
_QUERY_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "SET", "VARIABLE_SET", "CALL", "RELATION", "MULTI"}
_TABLE_ROW_LIMIT = 500  # a terminal table beyond this is unreadable; csv/json give everything
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
    """DuckDB's message, one line; writes refused by the read-only connection say so plainly."""
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


def render(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    title: str | None = None,
    display: Callable[[str, Any], str | Text] | None = None,
) -> None:
    """Print rows as a rich table, CSV or JSON (a list of objects) on stdout.

    CSV and JSON carry the raw values (numbers as numbers) for other tools; the table may show a
    friendlier `display` of a column.
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
    table = Table(title=title, show_lines=False, header_style="bold", title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows[:_TABLE_ROW_LIMIT]:
        # Text, not str: a value such as '[b]' must print as written, not as rich markup
        table.add_row(*[display(c, v) if display else Text(_cell(v)) for c, v in zip(columns, row, strict=True)])
    console.print(table)
    shown = min(len(rows), _TABLE_ROW_LIMIT)
    more = f"; showing the first {shown} (use --format csv or json for all)" if len(rows) > shown else ""
    console.print(f"[dim]{len(rows)} row(s){more}[/]")


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
        prepare()  # dbt parse: the job's dbt assets are read from the manifest, which must match the project
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
    with open_published(paths) as con:
        alerts = con.execute(
            """select severity, check_name, message, last_raised_at from mart.dq_alerts where status = 'open'
               order by case severity when 'ERROR' then 0 else 1 end, check_name, last_raised_at desc"""
        ).fetchall()
        conflicts = con.execute(
            """select region_name, coalesce(indicator_name, indicator_code), period, value_a, qualifier_a, quote_a,
                      value_b, qualifier_b, quote_b, unit
               from mart.dq_conflicts where status = 'open' order by region_code, indicator_name, period"""
        ).fetchall()
    if alerts:
        table = Table(title=f"open alerts ({len(alerts)})", title_justify="left")
        for column in ("severity", "check", "message", "last raised"):
            table.add_column(column, overflow="fold")
        for severity, check, message, raised in alerts[:20]:
            style = "red" if severity == "ERROR" else "yellow"
            table.add_row(Text(severity, style=style), Text(check), Text(message), _cell(raised))
        console.print(table)
        if len(alerts) > 20:
            console.print(f"[dim]… and {len(alerts) - 20} more: indicators sql \"select * from mart.dq_alerts\"[/]")
    if conflicts:
        table = Table(title=f"open conflicts ({len(conflicts)}): indicators conflicts", title_justify="left")
        for column in ("region", "indicator", "period", "a", "b"):
            table.add_column(column, overflow="fold")
        for region, indicator, period, va, qa, quote_a, vb, qb, quote_b, unit in conflicts:
            table.add_row(
                *(Text(x or "") for x in (region, indicator, period)),
                Text(f"{format_value(va, unit, None, qa)} «{quote_a}»"),
                Text(f"{format_value(vb, unit, None, qb)} «{quote_b}»"),
            )
        console.print(table)
    return 0


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
            rows = cursor.fetchall()
        except duckdb.Error as exc:
            raise _db_error(exc) from None
    render(columns, rows, args.format)
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
        where.append("f.period = ?")
        params.append(args.period)
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
            rows = con.execute(sql, params).fetchall()
        except duckdb.Error as exc:
            raise _db_error(exc) from None
    if args.format != "table":
        render(FIGURE_COLUMNS, rows, args.format)
        return 0
    table = Table(title="figures", header_style="bold", title_justify="left")
    for column in ("region", "indicator", "subject", "period", "value", "qualifier", "kind", "sources / quote"):
        table.add_column(column, overflow="fold")
    for r in rows[:_TABLE_ROW_LIMIT]:
        rec = dict(zip(FIGURE_COLUMNS, r, strict=True))
        table.add_row(
            Text(rec["region_name"] or "(unknown)"),
            Text(rec["indicator_name"] or rec["indicator_code"] or "(unknown)"),
            Text(rec["subject"] or ""),
            Text(rec["period"] or ""),
            Text(format_value(rec["value"], rec["unit"], rec["counter"], rec["qualifier"]), style="bold"),
            rec["qualifier"],
            rec["value_kind"],
            Text.assemble((f"«{rec['quote']}»", "yellow"), "\n", (rec["sources"] or rec["quote"] or "", "dim")),
        )
    console.print(table)
    console.print(f"[dim]{len(rows)} figure(s); --format csv or json for every column[/]")
    if not rows:
        hint = "no figure matches; try a shorter --indicator (a name substring) or drop --period"
        console.print(f"[yellow]{hint}[/]")
    return 0


# --- conflicts ----------------------------------------------------------------------------------------

CONFLICT_COLUMNS = (
    "conflict_id", "status", "severity", "disagreement", "explanation", "region_code", "region_name", "subject",
    "indicator_code", "indicator_name", "period",
    "value_kind", "unit", "value_a", "qualifier_a", "quote_a", "source_file_a", "value_b", "qualifier_b",
    "quote_b", "source_file_b", "resolved_by", "resolved_on", "note",
)


def cmd_conflicts(args: argparse.Namespace) -> int:
    where = "true" if args.all else "status = 'open'"
    with open_published(_paths(args)) as con:
        rows = con.execute(
            f"""select {", ".join(CONFLICT_COLUMNS)} from mart.dq_conflicts where {where}
                order by status <> 'open', region_code, indicator_name, period, conflict_id"""
        ).fetchall()
    if args.format != "table":
        render(CONFLICT_COLUMNS, rows, args.format)
        return 0
    label = "conflicts" if args.all else "open conflicts"
    table = Table(title=f"{label} ({len(rows)})", header_style="bold", title_justify="left", show_lines=True)
    for column in ("figure", "value A / quote / file", "value B / quote / file", "status / id"):
        table.add_column(column, overflow="fold")
    for r in rows:
        c = dict(zip(CONFLICT_COLUMNS, r, strict=True))
        what = " · ".join(
            x for x in (c["region_name"], c["subject"], c["indicator_name"] or c["indicator_code"], c["period"]) if x
        )
        sides = [
            Text.assemble(
                (format_value(c[f"value_{s}"], c["unit"], None, c[f"qualifier_{s}"]), "bold"),
                "\n", (f"«{c[f'quote_{s}']}»", "yellow"), "\n", (c[f"source_file_{s}"] or "", "dim"),
            )
            for s in ("a", "b")
        ]
        status = Text(c["status"], style="red" if c["status"] == "open" and c["severity"] == "WARN" else "green")
        if c["resolved_by"]:
            status.append(f" by {c['resolved_by']}" + (f": {c['note']}" if c["note"] else ""))
        status.append(f"\n{c['severity']} {c['disagreement']}")
        status.append(f"\n{c['conflict_id']}", style="dim")
        status.append(f"\n{c['explanation']}", style="dim")
        table.add_row(Text(f"{what}\n({c['value_kind']})"), *sides, status)
    console.print(table)
    if not rows:
        console.print("[green]no open conflicts[/]" if not args.all else "[green]no conflicts[/]")
    else:
        console.print(
            "[dim]to settle one, add its id to dbt_project/seeds/conflict_adjudications.csv "
            "(status resolved or accepted); the next run honours it[/]"
        )
    return 0


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
  indicators status
  indicators figures --region 长沙 --period 2025
  indicators figures --indicator 研发投入强度 --format csv > rd.csv
  indicators sql "select region_name, value from mart.indicator_panel where indicator_code = 'rd_intensity'"
  indicators conflicts --all
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

    reader("status", "last run, counts, open alerts and conflicts of the published warehouse", cmd_status)

    p = reader("sql", "run a read-only SQL query against the published mart", cmd_sql)
    p.add_argument("query", help='the SQL, e.g. "select * from mart.indicator_panel"; - reads it from stdin')
    _add_format(p)

    p = reader("figures", "figures of the mart, filtered by region, indicator and period", cmd_figures)
    p.add_argument("--region", help="region code (430100) or name (长沙市, or just 长沙)")
    p.add_argument("--indicator", help="indicator code (rd_intensity) or part of its Chinese name (研发)")
    p.add_argument("--period", help="period as in the mart: 2025, or 2021-2025 for a span")
    p.add_argument("--kind", help="value_kind: level, growth_rate, share, rank, rank_change, change, target")
    _add_format(p)

    p = reader("conflicts", "open conflicts with both quotes and both source files", cmd_conflicts)
    p.add_argument("--all", action="store_true", help="include resolved and accepted conflicts")
    _add_format(p)

    p = reader("export", "write every mart table to Parquet or CSV files in a folder", cmd_export)
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="file format (default parquet)")
    p.add_argument("--out", required=True, help="folder to write <table>.<format> files into (created if needed)")
    return parser


def main(argv: list[str] | None = None) -> int:
    global console
    # a fresh console per call: its width and colour follow the terminal (or COLUMNS) of this call
    console = Console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["run", *(argv or [])])
    try:
        return args.func(args)
    except CliError as exc:
        _print_error(str(exc))
        return 2
    except duckdb.Error as exc:  # anything not caught closer to the query: still one line
        _print_error(str(_db_error(exc)))
        return 2


def _print_error(message: str) -> None:
    # Text, not markup: DuckDB messages hold brackets that rich would take for styles
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text.assemble(("error: ", "bold red"), message))


if __name__ == "__main__":
    sys.exit(main())
