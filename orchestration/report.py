"""The analysts' page: a static HTML report of the published mart, written beside the warehouse.

Pure: it reads a (read-only) DuckDB connection and writes files, nothing else, so the nightly
asset, the CLI and the tests all call the same `build_report`. The page must open on a machine
without internet, so nothing is fetched at view time: CSS is inline and charts are matplotlib
SVGs pasted into the HTML. Chart text is ASCII (years and numbers) and every Chinese word lives
in the HTML around it, where the browser's own CJK fonts render it; matplotlib's default font has
no CJK glyphs.
"""

from __future__ import annotations

import io
import json
import math
import os
from collections.abc import Iterable
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
    value: float | None, unit: str | None, counter: str | None = None, qualifier: str | None = None
) -> str:
    """A figure as a reader would write it: 5300亿元, 2.62%, 第5, 40,000家; bounds as ≥/≤, approx as ≈."""
    if value is None:
        return ""
    sign = _QUALIFIER_SIGNS.get(qualifier or "exact", "")
    if unit == "rank":
        return f"{sign}第{format_number(value)}"
    divisor, suffix = scale_for(unit, [value])
    if unit == "count":
        suffix = counter or ""
    return f"{sign}{format_number(value / divisor)}{suffix}"


# --- reading the mart ---------------------------------------------------------------------------------


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


@dataclass
class Series:
    """One region + indicator with figures for several years: a chart."""

    region_name: str
    indicator_name: str
    unit: str | None
    points: list[dict[str, Any]] = field(default_factory=list)
    svg: Markup = Markup("")
    suffix: str = ""


@dataclass
class ReportData:
    """Everything the page shows, read once from the mart."""

    regions: list[dict[str, Any]]
    series: list[Series]
    conflicts: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    counts: dict[str, int]
    has_panel: bool
    series_total: int = 0  # multi-year series in the mart; only the first MAX_CHARTS are drawn


def read_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Headline cells per region (latest year first), multi-year series, open conflicts and alerts."""
    tables = _tables(con)
    has_panel = "mart.indicator_panel" in tables
    cells = (
        _rows(
            con,
            """select * from mart.indicator_panel
               order by case region_level when 'country' then 0 when 'province' then 1 else 2 end,
                        region_code, indicator_code is null, indicator_code, indicator_name, year desc""",
        )
        if has_panel
        else []
    )
    regions: dict[str, dict[str, Any]] = {}
    by_series: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for cell in cells:
        cell["display"] = format_value(cell["value"], cell["unit"], cell["counter"], cell["qualifier"])
        region = regions.setdefault(
            cell["region_code"],
            {"code": cell["region_code"], "name": cell["region_name"], "coded": [], "uncoded": [], "seen": set()},
        )
        by_series.setdefault((cell["region_code"], cell["indicator_key"]), []).append(cell)
        if cell["indicator_key"] in region["seen"]:
            continue  # the headline shows the latest year; earlier years are in the charts
        region["seen"].add(cell["indicator_key"])
        region["coded" if cell["indicator_code"] else "uncoded"].append(cell)
    series = [
        Series(
            region_name=points[0]["region_name"],
            indicator_name=points[0]["indicator_name"] or points[0]["indicator_key"],
            unit=points[0]["unit"],
            points=sorted(points, key=lambda p: p["year"]),
        )
        for points in by_series.values()
        if len({p["year"] for p in points}) >= 2
    ]
    for region in regions.values():
        for cell in region["coded"] + region["uncoded"]:
            cell["years"] = sorted({c["year"] for c in by_series[(region["code"], cell["indicator_key"])]})
    conflicts = (
        _rows(
            con,
            """select * from mart.dq_conflicts where status = 'open'
               order by region_code, indicator_name, period, conflict_id""",
        )
        if "mart.dq_conflicts" in tables
        else []
    )
    conflicts.sort(key=lambda c: c.get("severity") != "WARN")  # contradictions before notes
    for c in conflicts:
        c["display_a"] = format_value(c["value_a"], c["unit"], None, c["qualifier_a"])
        c["display_b"] = format_value(c["value_b"], c["unit"], None, c["qualifier_b"])
    alerts = (
        _rows(
            con,
            """select * from mart.dq_alerts where status = 'open'
               order by case severity when 'ERROR' then 0 else 1 end, check_name, last_raised_at desc, alert_id""",
        )
        if "mart.dq_alerts" in tables
        else []
    )
    for a in alerts:
        a["quotes"] = _quotes(a.get("rows_json"))
        a["first_raised_at"] = _when(a.get("first_raised_at"))
    counts = {}
    for label, table in (
        ("articles", "mart.dim_article"),
        ("figures", "mart.fct_figures"),
        ("mentions", "mart.fct_figure_mentions"),
        ("panel cells", "mart.indicator_panel"),
    ):
        if table in tables:
            counts[label] = con.execute(f"select count(*) from {table}").fetchone()[0]
    counts["open conflicts"] = len(conflicts)
    counts["open alerts"] = len(alerts)
    return ReportData(
        regions=[{k: v for k, v in r.items() if k != "seen"} for r in regions.values()],
        series=series,
        conflicts=conflicts,
        alerts=alerts,
        counts=counts,
        has_panel=has_panel,
    )


# --- charts -------------------------------------------------------------------------------------------

_MARKERS = {"exact": "o", "approx": "D", "lower_bound": "^", "upper_bound": "v"}


def render_chart(series: Series) -> Markup:
    """An inline SVG line chart of one series; ASCII text only (see the module docstring)."""
    # imported here: the CLI imports this module for format_value and should start fast
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    divisor, suffix = scale_for(series.unit, [p["value"] for p in series.points])
    if series.unit == "count":
        suffix = next((p["counter"] for p in series.points if p.get("counter")), "")
    elif series.unit == "rank":
        suffix = "名"
    series.suffix = suffix
    years = [p["year"] for p in series.points]
    values = [p["value"] / divisor for p in series.points]
    fig = Figure(figsize=(4.6, 2.4), dpi=100)
    ax = fig.add_subplot()
    ax.plot(years, values, color="#3060a0", linewidth=1.6, zorder=1)
    for point, x, y in zip(series.points, years, values, strict=True):
        exact = point["qualifier"] == "exact"
        ax.scatter(
            [x], [y], marker=_MARKERS.get(point["qualifier"], "o"), s=36, zorder=2,
            facecolors="#3060a0" if exact else "white", edgecolors="#3060a0",
        )
        ax.annotate(format_number(y), (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    ax.set_xticks(years, [str(y) for y in years])
    if series.unit in ("count", "rank"):
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # no 9.5th place
    ax.margins(x=0.12, y=0.25)
    if series.unit == "rank":
        ax.invert_yaxis()  # first place on top
    ax.grid(axis="y", color="#e4e4e4", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    fig.tight_layout(pad=0.4)
    out = io.StringIO()
    # text as <text> (selectable, found by search) rather than glyph outlines; stable ids across runs
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "indicators"}):
        fig.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    return Markup(svg[svg.index("<svg") :])


CHART_CACHE_DIR = ".charts"
MAX_CHARTS = 300
"""Charts on the page. 10,000 articles give over 10,000 multi-year series: 25 KB of SVG each made a
page of a quarter of a gigabyte that no browser opens, and 13 minutes of matplotlib on first draw."""


def charted_series(series: list[Series], limit: int = MAX_CHARTS) -> list[Series]:
    """The `limit` series with the most years (provinces before cities, then by code), in page order."""
    if len(series) <= limit:
        return series

    def rank(item: tuple[int, Series]) -> tuple[int, int, str, str]:
        s = item[1]
        level = s.points[0].get("region_level") if s.points else None
        code = str(s.points[0].get("region_code") or "") if s.points else ""
        return -len(s.points), 0 if level == "province" else 1, code, s.indicator_name or ""

    keep = {i for i, _ in sorted(enumerate(series), key=rank)[:limit]}
    return [s for i, s in enumerate(series) if i in keep]


def _chart_key(series: Series) -> str:
    """What a chart is drawn from: its points, unit and the drawing code (a code change redraws all)."""
    import hashlib
    import inspect

    import matplotlib

    payload = json.dumps(
        [series.unit, series.points, inspect.getsource(render_chart), matplotlib.__version__],
        ensure_ascii=False, sort_keys=True, default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def render_charts(series: list[Series], cache_dir: Path) -> None:
    """Fill in every series' SVG, drawing only those whose points changed since the last report.

    Why: a chart costs about 75 ms of matplotlib CPU, and an archive of 10,000 articles has
    thousands of multi-year series, so drawing them all made the report the slowest step of every
    night (4.5 minutes at 1,000 articles), a cost that grew with the whole history. A night that
    adds a few files changes a few series; the rest come from the cache (one small JSON file per
    chart, named by a hash of what it is drawn from). Entries no series uses any more are removed.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for s in series:
        key = _chart_key(s)
        used.add(key)
        cached = cache_dir / f"{key}.json"
        try:
            entry = json.loads(cached.read_text(encoding="utf-8"))
            s.svg, s.suffix = Markup(entry["svg"]), entry["suffix"]
            continue
        except (OSError, ValueError, KeyError):
            pass  # not drawn yet (or a damaged entry): draw it
        s.svg = render_chart(s)
        tmp = cached.with_name(cached.name + ".tmp")
        tmp.write_text(json.dumps({"svg": str(s.svg), "suffix": s.suffix}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cached)
    for stale in cache_dir.glob("*.json"):
        if stale.stem not in used:
            stale.unlink(missing_ok=True)


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
  header a { color: #fff; }
  nav { display: flex; gap: 18px; padding: 8px 32px; background: #fff; border-bottom: 1px solid var(--line);
        position: sticky; top: 0; z-index: 1; }
  nav a { color: #1f3a5f; text-decoration: none; font-weight: 600; }
  main { max-width: 1200px; margin: 0 auto; padding: 12px 32px 48px; }
  h2 { margin: 28px 0 8px; font-size: 19px; border-bottom: 2px solid #1f3a5f; padding-bottom: 4px; }
  h3 { margin: 18px 0 6px; font-size: 16px; }
  .counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
  .count { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
  .count b { display: block; font-size: 20px; }
  .count span { color: var(--muted); font-size: 12px; }
  .count.alert b { color: var(--warn); }
  table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); font-size: 14px; }
  th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { background: #eef1f5; font-weight: 600; font-size: 13px; color: var(--muted); }
  td.value { font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.num { white-space: nowrap; }
  .quote { font-family: inherit; background: #fff8e1; padding: 0 3px; border-radius: 3px; }
  .src { color: var(--muted); font-size: 12px; }
  .why { color: var(--muted); font-size: 12px; }
  .flag { color: var(--err); font-weight: 600; font-size: 12px; }
  details { margin: 8px 0; }
  summary { cursor: pointer; color: var(--muted); }
  .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 14px; }
  figure.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
  figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
  figure.chart svg { width: 100%; height: auto; }
  .card { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 4px;
          padding: 10px 14px; margin: 10px 0; }
  .card.ERROR { border-left-color: var(--err); }
  .card h4 { margin: 0 0 6px; font-size: 15px; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  .pair > div { background: #fafbfc; border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; }
  .pair .v { font-size: 18px; font-weight: 700; }
  .sev { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 6px; border-radius: 3px;
         color: #fff; background: var(--warn); margin-right: 6px; }
  .sev.ERROR { background: var(--err); }
  .muted { color: var(--muted); }
  .empty { color: var(--ok); }
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
  <a href="#conflicts">Conflicts ({{ data.conflicts|length }})</a>
  <a href="#alerts">Alerts ({{ data.alerts|length }})</a>
  <a href="#docs">Documentation</a>
</nav>
<main>
  <div class="counts">
    {% for label, n in data.counts.items() %}
    <div class="count{% if label.startswith('open') and n %} alert{% endif %}">
      <b>{{ "{:,}".format(n) }}</b><span>{{ label }}</span></div>
    {% endfor %}
  </div>

  <h2 id="headlines">Headline figures by region</h2>
  <p class="muted">From <code>mart.indicator_panel</code>: per region and indicator the latest year, and in each
    cell the best figure (exact over approximate over bounds, then more sources, then the latest publication).
    ≥ lower bound (突破/超过), ≤ upper bound (不足), ≈ approximate (约/近).</p>
  {% if not data.has_panel %}<p class="flag">mart.indicator_panel is missing from this warehouse.</p>{% endif %}
  {% for region in data.regions %}
  <h3 id="region-{{ region.code }}">{{ region.name }} <span class="muted">{{ region.code }}</span></h3>
  {% if region.coded %}
  <table>
    <thead><tr><th>indicator</th><th>year</th><th>value</th><th>source</th>
      <th>why this figure</th></tr></thead>
    <tbody>
    {% for c in region.coded %}{{ cell_row(c) }}{% endfor %}
    </tbody>
  </table>
  {% endif %}
  {% if region.uncoded %}
  <details>
    <summary>{{ region.uncoded|length }} more figure(s) whose indicator is not in the indicators seed</summary>
    <table>
      <thead><tr><th>indicator (as written)</th><th>year</th><th>value</th><th>source</th>
        <th>why this figure</th></tr></thead>
      <tbody>
      {% for c in region.uncoded %}{{ cell_row(c) }}{% endfor %}
      </tbody>
    </table>
  </details>
  {% endif %}
  {% else %}
  <p class="muted">No region-level figures yet.</p>
  {% endfor %}

  <h2 id="trends">Trends</h2>
  {% if data.series %}
  <p class="muted">Indicators with figures for several years in the same region. Filled dots are exact values;
    ▲ lower bounds, ▼ upper bounds, ◇ approximate values.</p>
  {% if data.series_total > data.series|length %}
  <p class="muted">{{ data.series|length }} of {{ "{:,}".format(data.series_total) }} series are charted: those
    with the most years, provinces first. Every year of every series is in <code>mart.indicator_panel</code>
    (<code>indicators figures</code>).</p>
  {% endif %}
  <div class="charts">
    {% for s in data.series %}
    <figure class="chart">
      <figcaption>{{ s.region_name }} · {{ s.indicator_name }}
        {% if s.suffix %}<span class="muted">({{ s.suffix }})</span>{% endif %}</figcaption>
      {{ s.svg }}
      <div class="src">
      {% for p in s.points %}
        {{ p.year }}: <span class="quote">{{ p.quote }}</span> ({{ p.source_file }}){% if not loop.last %} ·{% endif %}
      {% endfor %}
      </div>
    </figure>
    {% endfor %}
  </div>
  {% else %}
  <p class="muted">No region and indicator has figures for more than one year yet.</p>
  {% endif %}

  <h2 id="conflicts">Open conflicts</h2>
  {% if data.conflicts %}
  <p class="muted">Sources that give one region, indicator, period and measure different values. WARN: they
    cannot all be true (a contradiction, or a bound that excludes a value); INFO: a revision, an estimate or a
    preliminary release that the final figure superseded (the first value holds).
    To settle one, add its id to <code>dbt_project/seeds/conflict_adjudications.csv</code>.</p>
  {% for c in data.conflicts %}
  <div class="card">
    <h4>{{ c.region_name }}{% if c.subject %} · {{ c.subject }}{% endif %}
      · {{ c.indicator_name or c.indicator_code or "(indicator unknown)" }}
      · {{ c.period }} <span class="muted">({{ c.value_kind }})</span>
      <span class="muted">{{ c.severity }} {{ c.disagreement }}</span></h4>
    <div class="pair">
      <div><div class="v">{{ c.display_a }}</div><span class="quote">{{ c.quote_a }}</span>
        <div class="src">{{ c.source_file_a }}</div></div>
      <div><div class="v">{{ c.display_b }}</div><span class="quote">{{ c.quote_b }}</span>
        <div class="src">{{ c.source_file_b }}</div></div>
    </div>
    {% if c.explanation %}<div class="src">{{ c.explanation }}</div>{% endif %}
    <div class="src">conflict_id <code>{{ c.conflict_id }}</code></div>
  </div>
  {% endfor %}
  {% else %}
  <p class="empty">No open conflicts.</p>
  {% endif %}

  <h2 id="alerts">Open alerts</h2>
  {% if data.alerts %}
  {% for a in data.alerts %}
  <div class="card {{ a.severity }}">
    <h4><span class="sev {{ a.severity }}">{{ a.severity }}</span>{{ a.check_name }}
      <span class="muted">{{ a.asset or "" }}</span></h4>
    <div>{{ a.message }}</div>
    {% if a.quotes %}<div>{% for q in a.quotes %}<span class="quote">{{ q }}</span> {% endfor %}</div>{% endif %}
    <div class="src">{% if a.source_files %}{{ a.source_files }} · {% endif %}first raised {{ a.first_raised_at }},
      raised {{ a.times_raised }} time(s)</div>
  </div>
  {% endfor %}
  {% else %}
  <p class="empty">No open alerts.</p>
  {% endif %}

  <h2 id="docs">Documentation</h2>
  <ul class="links">
    <li><a href="{{ dbt_docs }}">dbt docs</a>: every model and column of the mart, its tests and lineage
      {% if not dbt_docs_exist %}<span class="flag">(not generated yet)</span>{% endif %}</li>
    <li><a href="{{ gx_docs }}">Great Expectations Data Docs</a>: the expectation suites and their latest results
      {% if not gx_docs_exist %}<span class="flag">(not generated yet)</span>{% endif %}</li>
  </ul>
  <p class="muted">Query the mart yourself: <code>indicators figures --region 长沙</code>,
    <code>indicators sql "select * from mart.indicator_panel"</code> (see the README's Analyst's guide).</p>
</main>
</body>
</html>
"""

_CELL_MACRO = """{% macro cell_row(c) -%}
<tr>
  <td>{{ c.indicator_name or c.indicator_key }}
    {% if c.indicator_code %}<span class="src">{{ c.indicator_code }}</span>{% endif %}</td>
  <td class="num">{{ c.period }}
    {% if c.years|length > 1 %}<a class="src" href="#trends">{{ c.years|length }} years</a>{% endif %}</td>
  <td class="value">{{ c.display }}</td>
  <td><span class="quote">{{ c.quote }}</span> <span class="src">{{ c.source_file }}
    {% if c.source_count > 1 %}+{{ c.source_count - 1 }} more{% endif %}</span></td>
  <td class="why">{{ c.chosen_because }}{% if c.candidates > 1 %} · {{ c.candidates }} candidates{% endif %}
    {% if c.has_open_conflict %}<div class="flag">disputed: see conflicts
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
    """Write `out_dir/index.html` (and `run.json`) from the mart behind `con`; returns the page's path.

    `docs_dir` is the warehouse's docs folder (dbt/ and gx/ inside); links are relative so the
    folder can be copied or served as a whole.
    """
    generated_at = generated_at or datetime.now()
    data = read_report_data(con)
    data.series_total = len(data.series)
    data.series = charted_series(data.series)
    render_charts(data.series, out_dir / CHART_CACHE_DIR)
    for region in data.regions:
        for cell in region["coded"] + region["uncoded"]:
            cell["runner_up_display"] = format_value(cell["runner_up_value"], cell["unit"], cell["counter"],
                                                     cell["runner_up_qualifier"])
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_dir = docs_dir or out_dir.parent / "docs"
    dbt_index, gx_index = docs_dir / "dbt" / "index.html", docs_dir / "gx" / "index.html"
    env = _environment()
    template = env.from_string(_CELL_MACRO + _TEMPLATE)
    html = template.render(
        data=data,
        generated_at=_when(generated_at),
        run_id=run_id,
        db_path=str(db_path) if db_path else "",
        published_at=_when(db_path.stat().st_mtime) if db_path and db_path.exists() else "",
        dbt_docs=Path(os.path.relpath(dbt_index, out_dir)).as_posix(),
        gx_docs=Path(os.path.relpath(gx_index, out_dir)).as_posix(),
        dbt_docs_exist=dbt_index.exists(),
        gx_docs_exist=gx_index.exists(),
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
