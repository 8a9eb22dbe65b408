"""The analysts' page: a static HTML report of the published mart, written beside the warehouse.

Pure: it reads a (read-only) DuckDB connection and writes files, nothing else, so the nightly
asset, the CLI and the tests all call the same `build_report`. The page must open on a machine
without internet, so nothing is fetched at view time: CSS and the little script are inline and
charts are small hand-written SVGs. Chart text is ASCII (years and numbers) and every Chinese
word lives in the HTML around it, where the browser's own CJK fonts render it.

It must also open at any volume (an archive of 1,000 articles whose figures disagree everywhere
has over ten thousand conflicts): the page shows what an analyst asks first (the headline
indicators of provinces and cities, the most disputed keys, alerts by check, the latest
Great Expectations result of every suite) and writes everything else as CSV files beside it
(`panel.csv`, `conflicts.csv`, `alerts.csv`), linked from the page.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, select_autoescape
from markupsafe import Markup

REPORT_FILE = "index.html"
RUN_FILE = "run.json"  # when the report (and so the run that published the mart) was made

_QUALIFIER_SIGNS = {"exact": "", "approx": "≈", "lower_bound": "≥", "upper_bound": "≤"}


# --- formatting (shared with the CLI) -------------------------------------------------------------


def format_number(value: float) -> str:
    """Thousands separators, no float noise and no exponent: 40000.0 -> '40,000', 2.62 -> '2.62'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "" if value is None else str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def scale_for(unit: str | None, values: Iterable[float]) -> tuple[float, str]:
    """(divisor, suffix) that make a series readable as a Chinese reader writes it: yuan in 亿元/万元."""
    if unit == "yuan":
        top = max((abs(v) for v in values if v is not None), default=0.0)
        if top >= 1e8:
            return 1e8, "亿元"
        if top >= 1e4:
            return 1e4, "万元"
        return 1.0, "元"
    if unit == "usd":
        top = max((abs(v) for v in values if v is not None), default=0.0)
        return (1e8, "亿美元") if top >= 1e8 else (1e4, "万美元") if top >= 1e4 else (1.0, "美元")
    return 1.0, {"percent": "%", "percentage_point": "个百分点"}.get(unit or "", "")


def format_value(
    value: float | None,
    unit: str | None,
    counter: str | None = None,
    qualifier: str | None = None,
    kind: str | None = None,
) -> str:
    """A figure as a reader would write it: 5300亿元, 2.62%, 第5, 40,000家; bounds as ≥/≤, approx as ≈.

    With its value_kind, each kind reads as what it is: a rank change 提升6位 / 下降2位 (never 第6), a
    growth rate 增长8.5% / 下降3%, a change +146.34亿元 / -0.5个百分点, a target 目标 2.8%.
    """
    if value is None:
        return ""
    sign = _QUALIFIER_SIGNS.get(qualifier or "exact", "")
    if kind == "rank_change":
        n = format_number(abs(value))
        return f"{sign}提升{n}位" if value > 0 else f"{sign}下降{n}位" if value < 0 else "位次持平"
    if kind == "target":
        return "目标 " + format_value(value, unit, counter, qualifier)
    if unit == "rank":
        return f"{sign}第{format_number(value)}"
    divisor, suffix = scale_for(unit, [value])
    if unit == "count":
        suffix = counter or ""
    if kind == "growth_rate" and unit == "percent":
        return f"{sign}{'下降' if value < 0 else '增长'}{format_number(abs(value))}%"
    if kind == "change":
        return f"{sign}{'+' if value > 0 else ''}{format_number(value / divisor)}{suffix}"
    return f"{sign}{format_number(value / divisor)}{suffix}"


# --- reading the mart ---------------------------------------------------------------------------------

HEADLINE_INDICATORS = (
    "rd_expenditure", "rd_intensity", "tech_contract_turnover", "high_tech_enterprises", "tech_smes",
    "invention_patents_per_10k", "high_value_patents_per_10k", "enterprise_rd_expenditure", "fiscal_st_expenditure",
    "invention_patents_held", "high_tech_industry_share", "rd_personnel",
)
"""What an analyst asks first about a region, in that order: R&D spending and intensity, technology
contracts, high-tech enterprises, patents. The region table shows the first MATRIX_COLUMNS; charts
and province tables follow the same order."""
MATRIX_COLUMNS = 6
MAX_CHARTS = 60
"""Charts on the page: the headline indicators of the country, the provinces and then the cities.
Every series is in panel.csv; a chart is ~2 KB of SVG."""
MAX_CONFLICT_ROWS = 200  # region x indicator rows of the conflict summary on the page (all in conflicts.csv)
MAX_CONFLICT_DETAILS = 100  # disputed keys whose values, quotes and files are on the page (folded)
MAX_ALERT_SAMPLES = 10  # alerts shown per check (other than conflicts, which have their own section)
PANEL_CSV, CONFLICTS_CSV, ALERTS_CSV = "panel.csv", "conflicts.csv", "alerts.csv"
CONFLICT_CHECK = "conflicting_figures"  # its alerts are the conflicts: shown once, in the conflicts section

_LEVEL_ORDER = {"country": 0, "province": 1, "prefecture": 2}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        f"{schema}.{name}"
        for schema, name in con.execute("select table_schema, table_name from information_schema.tables").fetchall()
    }


def _quotes(rows_json: str | None) -> list[str]:
    """The quotes an alert's rows carry (quote, quote_a, child_quote, ...), in order, once each."""
    try:
        rows = json.loads(rows_json or "[]")
    except ValueError:
        return []
    found: list[str] = []
    for row in rows if isinstance(rows, list) else []:
        for key, value in (row.items() if isinstance(row, dict) else []):
            if "quote" in key and isinstance(value, str) and value and value not in found:
                found.append(value)
    return found


def anchor(*parts: Any) -> str:
    """A stable HTML id for a thing (a region, a chart, a disputed key)."""
    return hashlib.md5("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]  # noqa: S324 - an id


def headline_rank(indicator_code: str | None) -> int:
    return HEADLINE_INDICATORS.index(indicator_code) if indicator_code in HEADLINE_INDICATORS else len(
        HEADLINE_INDICATORS)


@dataclass
class Series:
    """One region + indicator with figures for several years: a chart."""

    region_name: str
    indicator_name: str
    unit: str | None
    points: list[dict[str, Any]] = field(default_factory=list)
    svg: Markup = Markup("")
    suffix: str = ""
    anchor: str = ""


@dataclass
class ReportData:
    """Everything the page shows, read once from the mart."""

    regions: list[dict[str, Any]]
    series: list[Series]
    conflicts: list[dict[str, Any]]  # region x indicator summary rows, the most disputed first
    conflict_details: list[Any]  # ConflictGroup, the most disputed keys
    alerts: list[dict[str, Any]]  # by check
    counts: dict[str, int]
    has_panel: bool
    matrix_columns: list[dict[str, Any]] = field(default_factory=list)
    series_total: int = 0
    conflict_keys: int = 0
    conflict_pairs: int = 0
    gx: list[dict[str, Any]] = field(default_factory=list)
    panel_rows: list[dict[str, Any]] = field(default_factory=list)
    conflict_groups: list[Any] = field(default_factory=list)


def read_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Headline cells per region, multi-year series, disputed keys and alerts by check."""
    from orchestration.conflict_groups import read_conflict_groups, summarise_by_region_indicator

    tables = _tables(con)
    has_panel = "mart.indicator_panel" in tables
    cells = (
        _rows(
            con,
            """select * from mart.indicator_panel
               order by case region_level when 'country' then 0 when 'province' then 1 else 2 end,
                        region_key, indicator_code is null, indicator_code, indicator_name, year desc""",
        )
        if has_panel
        else []
    )
    groups = read_conflict_groups(con) if "mart.dq_conflicts" in tables else []
    group_anchor = {}
    for g in groups:
        g.anchor = "k-" + anchor(g.key)
        g.displays = [format_value(v.value, g.unit, None, v.qualifier, g.value_kind) for v in g.values]
        group_anchor[(g.region_code, g.indicator_code, g.period)] = g.anchor
    regions: dict[str, dict[str, Any]] = {}
    by_series: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for cell in cells:
        cell["display"] = format_value(cell["value"], cell["unit"], cell["counter"], cell["qualifier"])
        cell["runner_up_display"] = format_value(
            cell["runner_up_value"], cell["unit"], cell["counter"], cell["runner_up_qualifier"]
        )
        # (a county's or an area's cell has no code: keyed on its name, and no conflict group of a code is its)
        cell["conflict_anchor"] = group_anchor.get((cell["region_code"], cell["indicator_code"], cell["period"])) if (
            cell["region_code"] is not None) else None
        by_series.setdefault((cell["region_key"], cell["indicator_key"]), []).append(cell)
        region = regions.setdefault(
            cell["region_key"],
            {"code": cell["region_code"], "name": cell["region_name"], "level": cell["region_level"],
             "anchor": "r-" + (cell["region_code"] or anchor(cell["region_key"])), "latest": {}, "indicators": 0},
        )
        if cell["indicator_key"] not in region["latest"]:
            region["latest"][cell["indicator_key"]] = cell  # cells come latest year first
            region["indicators"] += 1
    series = []
    for (code, key), points in by_series.items():
        if len({p["year"] for p in points}) < 2:
            continue
        first = points[0]
        s = Series(
            region_name=first["region_name"], indicator_name=first["indicator_name"] or key, unit=first["unit"],
            points=sorted(points, key=lambda p: p["year"]), anchor="t-" + anchor(code, key),
        )
        series.append(s)
        for p in points:
            p["series_anchor"] = s.anchor
    # the matrix: the headline indicators that regions actually have, in headline order
    present = {c["indicator_code"] for c in cells if c["indicator_code"]}
    matrix = [code for code in HEADLINE_INDICATORS if code in present][:MATRIX_COLUMNS]
    names = {c["indicator_code"]: c["indicator_name"] for c in cells if c["indicator_code"]}
    region_list = []
    for region in regions.values():
        latest = region.pop("latest")
        region["matrix"] = [latest.get(code) for code in matrix]
        region["headline"] = sorted(
            (c for c in latest.values() if c["indicator_code"] in HEADLINE_INDICATORS),
            key=lambda c: headline_rank(c["indicator_code"]),
        )
        region_list.append(region)
    region_list.sort(key=lambda r: (_LEVEL_ORDER.get(r["level"], 3), r["code"] or ""))
    summary = summarise_by_region_indicator(groups)
    for row in summary:
        row["anchor"] = row["groups"][0].anchor if row["groups"] else ""
    details = groups[:MAX_CONFLICT_DETAILS]
    shown = {g.key for g in details}
    for row in summary:
        row["detailed"] = [g for g in row["groups"] if g.key in shown]
    alerts = _alerts_by_check(con) if "mart.dq_alerts" in tables else []
    counts = {}
    for label, table in (
        ("articles", "mart.dim_article"),
        ("figures", "mart.fct_figures"),
        ("mentions", "mart.fct_figure_mentions"),
        ("panel cells", "mart.indicator_panel"),
    ):
        if table in tables:
            counts[label] = con.execute(f"select count(*) from {table}").fetchone()[0]
    counts["disputed keys"] = len(groups)
    counts["open conflicts"] = sum(g.pairs for g in groups)
    counts["open alerts"] = sum(a["open"] for a in alerts)
    return ReportData(
        regions=region_list,
        series=series,
        conflicts=summary,
        conflict_details=details,
        alerts=alerts,
        counts=counts,
        has_panel=has_panel,
        matrix_columns=[{"code": code, "name": names.get(code, code)} for code in matrix],
        conflict_keys=len(groups),
        conflict_pairs=counts["open conflicts"],
        panel_rows=cells,
        conflict_groups=groups,
    )


def _alerts_by_check(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Open alerts per check with a few examples each; conflict alerts are counted, not repeated."""
    checks = _rows(
        con,
        """select check_name, severity, count(*) as open, max(last_raised_at) as latest, min(first_raised_at) as first
           from mart.dq_alerts where status = 'open' group by check_name, severity
           order by case severity when 'ERROR' then 0 else 1 end, open desc, check_name""",
    )
    for check in checks:
        check["anchor"] = "a-" + anchor(check["check_name"], check["severity"])
        check["latest"], check["first"] = _when(check["latest"]), _when(check["first"])
        check["is_conflicts"] = check["check_name"] == CONFLICT_CHECK
        check["samples"] = []
        if check["is_conflicts"]:
            continue
        samples = _rows(
            con,
            """select alert_id, asset, message, rows_json, source_files, first_raised_at, times_raised
               from mart.dq_alerts where status = 'open' and check_name = ? and severity = ?
               order by last_raised_at desc, alert_id limit ?""",
            [check["check_name"], check["severity"], MAX_ALERT_SAMPLES],
        )
        for a in samples:
            a["quotes"] = _quotes(a.pop("rows_json"))[:6]
            a["first_raised_at"] = _when(a.get("first_raised_at"))
        check["samples"] = samples
    return checks


def read_gx_results(docs_dir: Path | None) -> list[dict[str, Any]]:
    """The latest result of every Great Expectations suite (written by the run's GX checks)."""
    from orchestration.gx_suites import RESULTS_DIR

    folder = (docs_dir / "gx" / RESULTS_DIR) if docs_dir else None
    results = []
    for path in sorted(folder.glob("*.json")) if folder and folder.exists() else []:
        try:
            results.append(json.loads(path.read_text("utf-8")))
        except ValueError:
            continue
    results.sort(key=lambda r: (r.get("success", True), r.get("suite", "")))
    return results


# --- charts -------------------------------------------------------------------------------------------

_W, _H, _LEFT, _RIGHT, _TOP, _BOTTOM = 460, 190, 56, 16, 22, 26


def _ticks(low: float, high: float) -> list[float]:
    if high == low:
        return [low]
    raw = (high - low) / 3
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    return [first + i * step for i in range(0, 6) if first + i * step <= high + step * 0.01]


def render_chart(series: Series) -> Markup:
    """An inline SVG line chart of one series, about 2 KB; ASCII text only (see the module docstring).
    Filled dots are exact values; hollow triangles up/down are lower/upper bounds, hollow diamonds
    approximations. Ranks are drawn with first place on top."""
    divisor, suffix = scale_for(series.unit, [p["value"] for p in series.points])
    if series.unit == "count":
        suffix = next((p["counter"] for p in series.points if p.get("counter")), "")
    elif series.unit == "rank":
        suffix = "名"
    series.suffix = suffix
    years = [p["year"] for p in series.points]
    values = [p["value"] / divisor for p in series.points]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.15 or (abs(hi) * 0.1 or 1.0)
    ticks = _ticks(lo - pad, hi + pad)
    y_lo, y_hi = min(ticks[0], lo - pad), max(ticks[-1], hi + pad)
    x_lo, x_hi = min(years), max(years)
    inverted = series.unit == "rank"

    def x(year: float) -> float:
        return _LEFT + (year - x_lo) / ((x_hi - x_lo) or 1) * (_W - _LEFT - _RIGHT - 20) + 10

    def y(value: float) -> float:
        share = (value - y_lo) / ((y_hi - y_lo) or 1)
        return _TOP + (share if inverted else 1 - share) * (_H - _TOP - _BOTTOM)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
           'font-family="sans-serif" font-size="10" role="img">']
    for t in ticks:
        if y_lo <= t <= y_hi:
            out.append(f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#e4e4e4"/>')
            out.append(f'<text x="{_LEFT - 4}" y="{y(t) + 3:.1f}" text-anchor="end" fill="#5d6778">'
                       f'{format_number(round(t, 6))}</text>')
    out.append(f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP - 6}" y2="{_H - _BOTTOM}" stroke="#888"/>')
    for year in years:
        out.append(f'<text x="{x(year):.1f}" y="{_H - 8}" text-anchor="middle" fill="#5d6778">{year}</text>')
    path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in zip(years, values, strict=True))
    out.append(f'<polyline points="{path}" fill="none" stroke="#3060a0" stroke-width="1.6"/>')
    for point, year, value in zip(series.points, years, values, strict=True):
        cx, cy = x(year), y(value)
        qualifier = point.get("qualifier")
        if qualifier == "lower_bound":
            shape = f'<path d="M{cx:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy + 4:.1f} L{cx - 5:.1f},{cy + 4:.1f} Z"'
        elif qualifier == "upper_bound":
            shape = f'<path d="M{cx:.1f},{cy + 5:.1f} L{cx + 5:.1f},{cy - 4:.1f} L{cx - 5:.1f},{cy - 4:.1f} Z"'
        elif qualifier == "approx":
            shape = (f'<path d="M{cx:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy:.1f} L{cx:.1f},{cy + 5:.1f} '
                     f'L{cx - 5:.1f},{cy:.1f} Z"')
        else:
            shape = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5"'
        fill = "#3060a0" if qualifier in (None, "exact") else "#fff"
        out.append(f'{shape} fill="{fill}" stroke="#3060a0" stroke-width="1.4"/>')
        out.append(f'<text x="{cx:.1f}" y="{cy - 8:.1f}" text-anchor="middle">{format_number(round(value, 4))}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def charted_series(series: list[Series], limit: int = MAX_CHARTS) -> list[Series]:
    """What an analyst asks first: the headline indicators (in HEADLINE_INDICATORS order) of the
    country, then the provinces, then the cities; then the series with the most years."""

    def rank(s: Series) -> tuple[int, int, int, str]:
        first = s.points[0] if s.points else {}
        return (
            headline_rank(first.get("indicator_code")),
            _LEVEL_ORDER.get(first.get("region_level"), 3),
            -len(s.points),
            str(first.get("region_code") or ""),
        )

    return sorted(series, key=rank)[:limit]


def render_charts(series: list[Series]) -> None:
    """Fill in every series' SVG (about 0.1 ms each: no cache needed)."""
    for s in series:
        s.svg = render_chart(s)


# --- files beside the page ------------------------------------------------------------------------------


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8-sig", newline="") as out:  # BOM: spreadsheets read it as UTF-8
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    os.replace(tmp, path)


def write_csvs(con: duckdb.DuckDBPyConnection, data: ReportData, out_dir: Path) -> None:
    """Everything the page leaves out, for a spreadsheet: the whole panel, every disputed value, every alert."""
    panel_columns = ("region_code", "region_name", "region_level", "indicator_code", "indicator_name", "period",
                     "value", "unit", "counter", "qualifier", "display", "quote", "source_file", "source_count",
                     "candidates", "chosen_because", "runner_up_value", "has_open_conflict")
    _write_csv(out_dir / PANEL_CSV, panel_columns, ([c.get(k) for k in panel_columns] for c in data.panel_rows))
    conflict_columns = ("key", "region_code", "region_name", "subject", "indicator_code", "indicator_name", "period",
                        "value_kind", "disagreement", "conflicts", "value", "display", "qualifier", "quote",
                        "source_file", "figure_id")
    _write_csv(
        out_dir / CONFLICTS_CSV,
        conflict_columns,
        (
            (g.key, g.region_code, g.region_name, g.subject, g.indicator_code, g.indicator_name, g.period,
             g.value_kind, g.disagreement, g.pairs, v.value, d, v.qualifier, v.quote, v.source_file,
             v.figure_id)
            for g in data.conflict_groups
            for v, d in zip(g.values, g.displays, strict=True)
        ),
    )
    alert_columns = ("alert_id", "check_name", "severity", "asset", "message", "source_files", "first_raised_at",
                     "last_raised_at", "times_raised")
    rows = (
        con.execute(
            f"select {', '.join(alert_columns)} from mart.dq_alerts where status = 'open' "
            "order by check_name, last_raised_at desc, alert_id"
        ).fetchall()
        if "mart.dq_alerts" in _tables(con)
        else []
    )
    _write_csv(out_dir / ALERTS_CSV, alert_columns, rows)


# --- the page -------------------------------------------------------------------------------------------

_TEMPLATE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>科技指标 · Science and technology indicators</title>
<style>
  :root { --ink: #1d2430; --muted: #5d6778; --line: #dde2ea; --warn: #a35a00; --err: #b3261e; --ok: #2e7d32; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
         system-ui, sans-serif; color: var(--ink); background: #f6f7f9; }
  header { background: #1f3a5f; color: #fff; padding: 18px 32px; }
  header h1 { margin: 0 0 4px; font-size: 22px; }
  header .meta { color: #c9d6ea; font-size: 13px; }
  nav { display: flex; flex-wrap: wrap; gap: 18px; padding: 8px 32px; background: #fff;
        border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
  nav a { color: #1f3a5f; text-decoration: none; font-weight: 600; }
  main { max-width: 1200px; margin: 0 auto; padding: 12px 32px 48px; }
  h2 { margin: 28px 0 8px; font-size: 19px; border-bottom: 2px solid #1f3a5f; padding-bottom: 4px; }
  h3 { margin: 18px 0 6px; font-size: 16px; }
  :target { scroll-margin-top: 48px; }
  .counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
  .count { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
  .count b { display: block; font-size: 20px; }
  .count span { color: var(--muted); font-size: 12px; }
  .count.alert b { color: var(--warn); }
  table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); font-size: 14px; }
  th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { background: #eef1f5; font-weight: 600; font-size: 13px; color: var(--muted); }
  td.value { font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.num { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
  .quote { background: #fff8e1; padding: 0 3px; border-radius: 3px; }
  .src, .why { color: var(--muted); font-size: 12px; }
  .flag { color: var(--err); font-weight: 600; font-size: 12px; }
  details { margin: 6px 0; }
  summary { cursor: pointer; }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 14px; }
  figure.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
  figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
  figure.chart svg { width: 100%; height: auto; }
  .card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 4px;
          padding: 8px 14px; margin: 8px 0; }
  .card.ERROR { border-left-color: var(--err); }
  .card h4 { margin: 0 0 6px; font-size: 15px; }
  .values td { font-size: 13px; }
  .sev { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 3px;
         color: #fff; background: var(--warn); margin-right: 6px; }
  .sev.ERROR { background: var(--err); }
  .ok { color: var(--ok); font-weight: 600; }
  .bad { color: var(--err); font-weight: 600; }
  .muted { color: var(--muted); }
  .empty { color: var(--ok); }
  input[type=search] { font: inherit; padding: 4px 8px; width: 320px; margin: 6px 0; }
  ul.links li { margin: 4px 0; }
  code { font-size: 12px; background: #eef1f5; padding: 1px 4px; border-radius: 3px; }
  code.inv { background: none; color: #fff; }
</style>
</head>
<body>
<header>
  <h1>科技创新指标 · Science and technology indicators</h1>
  <div class="meta">
    Generated {{ generated_at }}
    {% if run_id %}by run <code class="inv">{{ run_id }}</code>{% endif %}
    · warehouse <code class="inv">{{ db_path }}</code>
    {% if published_at %}· published {{ published_at }}{% endif %}
  </div>
</header>
<nav>
  <a href="#headlines">Headline figures</a>
  <a href="#trends">Trends</a>
  <a href="#conflicts">Conflicts ({{ "{:,}".format(data.conflict_keys) }})</a>
  <a href="#alerts">Alerts ({{ "{:,}".format(data.counts["open alerts"]) }})</a>
  <a href="#quality">Data quality</a>
  <a href="#docs">Documentation</a>
</nav>
<main>
  <div class="counts">
    {% for label, n in data.counts.items() %}
    <div class="count{% if (label.startswith('open') or label.startswith('disputed')) and n %} alert{% endif %}">
      <b>{{ "{:,}".format(n) }}</b><span>{{ label }}</span></div>
    {% endfor %}
  </div>

  <h2 id="headlines">Headline figures by region</h2>
  <p class="muted">From <code>mart.indicator_panel</code>: the latest year of each headline indicator, in each cell
    the best figure (exact over approximate over bounds, then more sources, then the latest publication).
    ≥ lower bound (突破/超过), ≤ upper bound (不足), ≈ approximate (约/近); <span class="flag">!</span> disputed.
    Every indicator and year of every region: <a href="{{ panel_csv }}">{{ panel_csv }}</a>.</p>
  {% if not data.has_panel %}<p class="flag">mart.indicator_panel is missing from this warehouse.</p>{% endif %}
  {% if data.regions %}
  <table id="region-table">
    <thead><tr><th>region</th>{% for col in data.matrix_columns %}<th>{{ col.name }}</th>{% endfor %}
      <th>indicators</th></tr></thead>
    <tbody>
    {% for region in data.regions %}
    <tr id="{{ region.anchor }}"><td>{% if region.level != 'prefecture'
      and region.headline %}<a href="#{{ region.anchor }}-detail">{{
        region.name }}</a>{% else %}{{ region.name }}{% endif %} <span class="src">{{ region.code }}</span></td>
      {% for c in region.matrix %}<td class="num">{% if c %}{{ c.display }}<span class="src"> {{ c.year }}</span>
        {% if c.conflict_anchor %}<a class="flag" href="#{{ c.conflict_anchor }}" title="disputed">!</a>{% endif %}
        {% endif %}</td>{% endfor %}
      <td class="num">{{ region.indicators }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="muted">No region-level figures yet.</p>
  {% endif %}
  {% for region in data.regions if region.level != 'prefecture' and region.headline %}
  <h3 id="{{ region.anchor }}-detail">{{ region.name }} <span class="muted">{{ region.code }}</span></h3>
  <table>
    <thead><tr><th>indicator</th><th>year</th><th>value</th><th>source</th><th>why this figure</th></tr></thead>
    <tbody>
    {% for c in region.headline %}{{ cell_row(c) }}{% endfor %}
    </tbody>
  </table>
  {% endfor %}

  <h2 id="trends">Trends</h2>
  {% if data.series %}
  <p class="muted">Headline indicators of the country, the provinces, then the cities, with figures for several
    years. Filled dots are exact values; ▲ lower bounds, ▼ upper bounds, ◇ approximate values.
    {% if data.series_total > data.series|length %}{{ data.series|length }} of
    {{ "{:,}".format(data.series_total) }} series are charted; every year of every series is in
    <a href="{{ panel_csv }}">{{ panel_csv }}</a>.{% endif %}</p>
  <div class="charts">
    {% for s in data.series %}
    <figure class="chart" id="{{ s.anchor }}">
      <figcaption>{{ s.region_name }} · {{ s.indicator_name }}
        {% if s.suffix %}<span class="muted">({{ s.suffix }})</span>{% endif %}</figcaption>
      {{ s.svg }}
      <details class="src"><summary>sources</summary>
      {% for p in s.points %}
        {{ p.year }}: <span class="quote">{{ p.quote }}</span> ({{ p.source_file }}){% if not loop.last %} ·{% endif %}
      {% endfor %}
      </details>
    </figure>
    {% endfor %}
  </div>
  {% else %}
  <p class="muted">No region and indicator has figures for more than one year yet.</p>
  {% endif %}

  <h2 id="conflicts">Conflicts</h2>
  {% if data.conflicts %}
  <p class="muted">{{ "{:,}".format(data.conflict_keys) }} disputed key(s) (a region, indicator, period and measure
    with values that cannot all be true), {{ "{:,}".format(data.conflict_pairs) }} open conflict(s), by region and
    indicator, the most disputed first. Every competing value with its quote and file:
    <a href="{{ conflicts_csv }}">{{ conflicts_csv }}</a>. Settle one with
    <code>indicators adjudicate KEY --accept VALUE --note "why"</code>, many with
    <code>indicators adjudicate --rule latest --indicator CODE --note "why"</code>.</p>
  <input type="search" id="conflict-filter" placeholder="filter: region or indicator (湖南, 研发)"
    aria-label="filter conflicts">
  <table id="conflict-summary">
    <thead><tr><th>region</th><th>indicator</th><th>keys</th><th>conflicts</th><th>values</th><th></th></tr></thead>
    <tbody>
    {% for row in data.conflicts[:max_conflict_rows] %}
    <tr><td>{{ row.region_name }}</td><td>{{ row.indicator }}</td><td class="num">{{ row["keys"] }}</td>
      <td class="num">{{ row.conflicts }}</td><td class="num">{{ row["values"] }}</td>
      <td>{% if row.detailed %}<a href="#{{ row.detailed[0].anchor }}">details</a>{% else %}<span class="src">in
        {{ conflicts_csv }}</span>{% endif %}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% if data.conflicts|length > max_conflict_rows %}
  <p class="muted">{{ "{:,}".format(data.conflicts|length - max_conflict_rows) }} more region and indicator pair(s)
    in <a href="{{ conflicts_csv }}">{{ conflicts_csv }}</a> (or <code>indicators conflicts --all</code>).</p>
  {% endif %}
  <h3>The {{ data.conflict_details|length }} most disputed keys</h3>
  {% for g in data.conflict_details %}
  <details class="card" id="{{ g.anchor }}">
    <summary><b>{{ g.label }}</b> <span class="muted">({{ g.value_kind }}{% if g.disagreement %},
      {{ g.disagreement }}{% endif %})</span> · {{ g["values"]|length }} values, {{ g.pairs }}
      conflict(s)</summary>
    <table class="values">
      {% for v in g["values"] %}
      <tr><td class="value">{{ g.displays[loop.index0] }}{% if v.role %} <span class="src">{{ v.role }}</span>{%
        endif %}</td><td><span class="quote">{{ v.quote }}</span></td>
        <td class="src">{{ v.source_file }}</td></tr>
      {% endfor %}
    </table>
    <div class="src">key <code>{{ g.key }}</code></div>
  </details>
  {% endfor %}
  {% else %}
  <p class="empty">No open conflicts.</p>
  {% endif %}

  <h2 id="alerts">Open alerts</h2>
  {% if data.alerts %}
  <p class="muted">By check. Every open alert: <a href="{{ alerts_csv }}">{{ alerts_csv }}</a>.</p>
  <table>
    <thead><tr><th>severity</th><th>check</th><th>open</th><th>first raised</th><th>last raised</th></tr></thead>
    <tbody>
    {% for a in data.alerts %}
    <tr><td><span class="sev {{ a.severity }}">{{ a.severity }}</span></td>
      <td><a href="#{{ a.anchor if not a.is_conflicts else 'conflicts' }}">{{ a.check_name }}</a></td>
      <td class="num">{{ "{:,}".format(a.open) }}</td><td>{{ a.first }}</td><td>{{ a.latest }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% for a in data.alerts if not a.is_conflicts %}
  <details id="{{ a.anchor }}" {% if a.severity == 'ERROR' %}open{% endif %}>
    <summary><span class="sev {{ a.severity }}">{{ a.severity }}</span>{{ a.check_name }}:
      {{ "{:,}".format(a.open) }} open{% if a.open > a.samples|length %}, the latest
      {{ a.samples|length }} below{% endif %}</summary>
    {% for s in a.samples %}
    <div class="card {{ a.severity }}">
      <div>{{ s.message }}</div>
      {% if s.quotes %}<div>{% for q in s.quotes %}<span class="quote">{{ q }}</span> {% endfor %}</div>{% endif %}
      <div class="src">{% if s.source_files %}{{ s.source_files }} · {% endif %}first raised {{ s.first_raised_at }},
        raised {{ s.times_raised }} time(s)</div>
    </div>
    {% endfor %}
  </details>
  {% endfor %}
  {% else %}
  <p class="empty">No open alerts.</p>
  {% endif %}

  <h2 id="quality">Data quality checks (Great Expectations)</h2>
  {% if gx %}
  <p class="muted">The latest result of every suite in <code>expectations/</code>, validated by the nightly run.</p>
  {% for suite in gx %}
  <details class="card{% if not suite.success %} {{ suite.severity }}{% endif %}" id="gx-{{ suite.suite }}"
    {% if not suite.success %}open{% endif %}>
    <summary><b>{{ suite.suite }}</b> on <code>{{ suite.table }}</code>:
      {% if suite.success %}<span class="ok">passed</span>{% else %}<span class="bad">failed</span>{% endif %}
      · {{ suite.expectations|length }} expectation(s), {{ "{:,}".format(suite.row_count) }} rows
      <span class="src">· {{ suite.validated_at }}</span></summary>
    <table>
      <thead><tr><th>expectation</th><th>column</th><th>result</th><th>unexpected</th><th>examples</th></tr></thead>
      {% for e in suite.expectations %}
      <tr><td>{{ e.type }}{% if e.notes %}<div class="why">{{ e.notes }}</div>{% endif %}</td>
        <td>{{ e.column or "" }}</td>
        <td>{% if e.success %}<span class="ok">✓</span>{% else %}<span class="bad">✗</span>{% endif %}</td>
        <td class="num">{{ "{:,}".format(e.unexpected_count) }}</td>
        <td class="src">{{ e.unexpected_values[:5]|join(", ") }}</td></tr>
      {% endfor %}
    </table>
  </details>
  {% endfor %}
  {% else %}
  <p class="muted">No Great Expectations results yet (the nightly run writes them).</p>
  {% endif %}

  <h2 id="docs">Documentation</h2>
  <ul class="links">
    <li><a href="{{ dbt_docs }}">dbt docs</a>: every model and column of the mart, its tests and lineage
      {% if not dbt_docs_exist %}<span class="flag">(not generated yet)</span>{% endif %}</li>
    <li><a href="{{ gx_docs }}">Great Expectations Data Docs</a>: GX's own pages (they load their styles and
      tables from CDNs, so they need internet; every suite's latest result is <a href="#quality">above</a>)
      {% if not gx_docs_exist %}<span class="flag">(not generated yet)</span>{% endif %}</li>
  </ul>
  <p class="muted">Query the mart yourself: <code>indicators figures --region 长沙</code>,
    <code>indicators conflicts --region 湖南</code>, <code>indicators sql "select * from mart.indicator_panel"</code>
    (see the README's Analyst's guide).</p>
</main>
<script>
  // a link into a folded block opens it; the filter hides conflict rows that do not match
  function openTarget() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (; el; el = el.parentElement) { if (el.tagName === "DETAILS") { el.open = true; } }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var filter = document.getElementById("conflict-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim();
      document.querySelectorAll("#conflict-summary tbody tr").forEach(function (row) {
        row.style.display = !q || row.textContent.indexOf(q) !== -1 ? "" : "none";
      });
    });
  }
</script>
</body>
</html>
"""

_CELL_MACRO = """{% macro cell_row(c) -%}
<tr>
  <td>{{ c.indicator_name or c.indicator_key }}
    {% if c.indicator_code %}<span class="src">{{ c.indicator_code }}</span>{% endif %}</td>
  <td class="num">{{ c.period }}
    {% if c.series_anchor %}<a class="src" href="#{{ c.series_anchor }}">trend</a>{% endif %}</td>
  <td class="value">{{ c.display }}</td>
  <td><span class="quote">{{ c.quote }}</span> <span class="src">{{ c.source_file }}
    {% if c.source_count > 1 %}+{{ c.source_count - 1 }} more{% endif %}</span></td>
  <td class="why">{{ c.chosen_because }}{% if c.candidates > 1 %} · {{ c.candidates }} candidates{% endif %}
    {% if c.has_open_conflict %}<div class="flag">disputed: {% if c.conflict_anchor %}<a
      href="#{{ c.conflict_anchor }}">see conflicts</a>{% else %}see conflicts{% endif %}
      {% if c.runner_up_value is not none %}(other value {{ c.runner_up_display }}){% endif %}</div>{% endif %}</td>
</tr>
{%- endmacro %}"""


def _environment() -> Environment:
    return Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True)


def _when(ts: float | datetime | date | None) -> str:
    if ts is None:
        return ""
    if isinstance(ts, (int, float)):
        ts = datetime.fromtimestamp(ts)
    return ts.strftime("%Y-%m-%d %H:%M") if isinstance(ts, datetime) else ts.isoformat()


def build_report(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    *,
    db_path: Path | None = None,
    docs_dir: Path | None = None,
    run_id: str | None = None,
    generated_at: datetime | None = None,
) -> Path:
    """Write `out_dir/index.html`, its CSV files and `run.json` from the mart behind `con`; returns
    the page's path.

    `docs_dir` is the warehouse's docs folder (dbt/ and gx/ inside); links are relative so the
    folder can be copied or served as a whole.
    """
    generated_at = generated_at or datetime.now()
    data = read_report_data(con)
    data.series_total = len(data.series)
    data.series = charted_series(data.series)
    render_charts(data.series)
    charted = {s.anchor for s in data.series}
    detailed = {g.anchor for g in data.conflict_details}
    for cell in data.panel_rows:  # links only to what is on the page: a chart, a key's details, else the section
        if cell.get("series_anchor") not in charted:
            cell["series_anchor"] = None
        if cell.get("conflict_anchor") and cell["conflict_anchor"] not in detailed:
            cell["conflict_anchor"] = "conflicts"
    out_dir.mkdir(parents=True, exist_ok=True)
    stale_cache = out_dir / ".charts"  # matplotlib charts were cached there before
    if stale_cache.is_dir():
        for entry in stale_cache.glob("*.json"):
            entry.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            stale_cache.rmdir()
    docs_dir = docs_dir or out_dir.parent / "docs"
    data.gx = read_gx_results(docs_dir)
    write_csvs(con, data, out_dir)
    dbt_index, gx_index = docs_dir / "dbt" / "index.html", docs_dir / "gx" / "index.html"
    env = _environment()
    template = env.from_string(_CELL_MACRO + _TEMPLATE)
    html = template.render(
        data=data,
        gx=data.gx,
        generated_at=_when(generated_at),
        run_id=run_id,
        db_path=str(db_path) if db_path else "",
        published_at=_when(db_path.stat().st_mtime) if db_path and db_path.exists() else "",
        dbt_docs=Path(os.path.relpath(dbt_index, out_dir)).as_posix(),
        gx_docs=Path(os.path.relpath(gx_index, out_dir)).as_posix(),
        dbt_docs_exist=dbt_index.exists(),
        gx_docs_exist=gx_index.exists(),
        panel_csv=PANEL_CSV,
        conflicts_csv=CONFLICTS_CSV,
        alerts_csv=ALERTS_CSV,
        max_conflict_rows=MAX_CONFLICT_ROWS,
    )
    page = out_dir / REPORT_FILE
    tmp = page.with_name(page.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, page)  # a reader never sees half a page
    (out_dir / RUN_FILE).write_text(
        json.dumps(
            {"run_id": run_id, "generated_at": generated_at.isoformat(timespec="seconds"),
             "db": str(db_path) if db_path else None, **data.counts},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return page


def build_report_from_file(db: Path, out_dir: Path, **kwargs: Any) -> Path:
    """`build_report` on a read-only connection to a published warehouse file."""
    with duckdb.connect(str(db), read_only=True) as con:
        return build_report(con, out_dir, db_path=db, **kwargs)
