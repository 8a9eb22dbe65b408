"""The analyst's tools (CLI, report, GX results, adjudication) on a warehouse whose figures disagree
everywhere: a generated corpus where every article sits beside a restatement with other numbers
(`disagreeing_warehouse`, built once per session by the real job). Sizes and times are printed by
`benchmarks/analyst_benchmark.py`, not asserted here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration import adjudications, cli
from orchestration.conflict_groups import read_conflict_groups
from orchestration.gx_suites import load_suites
from orchestration.lookup import nearest, normalise_period
from orchestration.report import build_report_from_file, format_value
from tests.conftest import project_lock, run_in_process
from tests.test_report import rendered_dom, section

pytestmark = pytest.mark.e2e

INDICATORS = Path(sys.executable).parent / "indicators"


def script(*args: str, db: Path | None = None, columns: int = 80, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": str(columns), "HOME": str(Path.home()), "INDICATORS_ANALYST": "ana"}
    if db is not None:
        env["INDICATORS_DB"] = str(db)
    return subprocess.run([str(INDICATORS), *args], capture_output=True, text=True, env=env, timeout=300,
                          check=False, **kwargs)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# --- the CLI ------------------------------------------------------------------------------------------


def test_no_arguments_prints_help_and_runs_nothing(tmp_path: Path) -> None:
    result = script(db=tmp_path / "nowhere" / "indicators.duckdb")
    assert result.returncode == 0 and "usage: indicators" in result.stdout and "adjudicate" in result.stdout
    assert not (tmp_path / "nowhere").exists()  # no nightly run started, no warehouse written


def _wait_until_it_has_open(process: subprocess.Popen[str], path: Path, seconds: float = 60) -> None:
    """Until `process` holds `path` open. On a loaded machine the imports alone can outlast a fixed
    sleep, and a library that guards an import with a bare `except:` then swallows the Ctrl-C."""
    import psutil

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        if any(Path(f.path) == path for f in psutil.Process(process.pid).open_files()):
            return
        time.sleep(0.1)
    raise AssertionError(f"the CLI did not open {path} within {seconds} s")


def _wait_until_it_has_worked(process: subprocess.Popen[str], seconds: float, timeout: float = 60) -> None:
    """Until `process` has used `seconds` of CPU more than now: measured in its own time, not the
    clock's, so that on a loaded machine (the suite runs in two workers) it is past what comes after
    the open (a second of CPU is far more than that takes) and inside the query."""
    import psutil

    def used() -> float:
        times = psutil.Process(process.pid).cpu_times()
        return times.user + times.system

    start, deadline = used(), time.monotonic() + timeout
    while used() - start < seconds:
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, f"the CLI did not use {seconds} s of CPU within {timeout} s"
        time.sleep(0.1)


def test_ctrl_c_ends_cleanly(disagreeing_warehouse: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "80", "HOME": str(Path.home()), "INDICATORS_DB": str(
        disagreeing_warehouse)}
    process = subprocess.Popen(
        # (a filter makes DuckDB look at every row: a bare count of a range takes it only seconds here)
        [str(INDICATORS), "sql", "select count(*) from range(100000000000) a where a.range % 7 = 3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        # as in a terminal: a suite started in the background (`pytest &`) would hand SIGINT on ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        _wait_until_it_has_open(process, disagreeing_warehouse)
        _wait_until_it_has_worked(process, seconds=1.0)  # the query is running now: Ctrl-C as a person presses it
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # it did not stop: the test fails, and leaves no query running for hours
            process.kill()
            process.wait()
    assert process.returncode == 130, err
    assert "Traceback" not in err and err.strip() == "error: interrupted"


def test_ctrl_c_ends_the_command_when_the_query_does_not_stop() -> None:
    """DuckDB 2.0.1 sometimes waits for a worker thread's task long after Ctrl-C (about 1 query in 5
    above): the command still ends with the one line and 130, here on a block that will not stop."""
    child = (
        "import time\n"
        "from orchestration import cli\n"
        "with cli._ctrl_c_ends_within(1.0):\n"
        "    while True:\n"
        "        try:\n"  # (the line is printed inside the try: Ctrl-C, sent once it is read, lands there)
        "            print('waiting', flush=True)\n"
        "            time.sleep(60)\n"
        "        except KeyboardInterrupt:\n"  # what DuckDB does meanwhile: it keeps the interpreter
        "            pass\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout.readline().strip() == "waiting"
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, err
    assert err.strip() == "error: interrupted"


def test_ctrl_c_stops_a_run_cleanly(tmp_path: Path) -> None:
    """Ctrl-C in a terminal signals the whole foreground group (dbt included): one line, exit 130,
    the published warehouse as it was."""
    from tests.conftest import copy_seeds, job_env

    raw = copy_seeds(tmp_path / "raw")
    db = tmp_path / "warehouse" / "indicators.duckdb"
    with project_lock(exclusive=True):  # `indicators run` parses the dbt project again: it rewrites the manifest
        process = subprocess.Popen(
            [str(INDICATORS), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=job_env(raw, db), start_new_session=True,
        )
        # once the run has started (the first line comes after the imports), as a person would press it
        assert process.stdout.readline().startswith("raw folder")
        time.sleep(3)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=300)
    assert process.returncode == 130, err[-3000:]
    assert "Traceback" not in err and err.strip().endswith("interrupted: the published warehouse was left as it was")
    assert not db.exists()


def test_a_closed_pipe_ends_quietly(disagreeing_warehouse: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "INDICATORS_DB": str(disagreeing_warehouse)}
    process = subprocess.Popen(
        [str(INDICATORS), "figures", "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout.readline().startswith(b"region_code,")
    process.stdout.close()  # what `| head -1` does
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert process.returncode in (0, 141)


def test_status_summarises(disagreeing_warehouse: Path) -> None:
    groups = query(disagreeing_warehouse, "select count(*) from mart.dq_conflicts where status = 'open'")[0][0]
    assert groups > 50  # the corpus disagrees everywhere
    result = script("status", db=disagreeing_warehouse)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) < 120 and all(len(line) <= 80 for line in lines)
    assert "open alerts" in result.stdout and "conflicting_figures" in result.stdout
    assert re.search(r"open conflicts: [\d,]+ key\(s\), [\d,]+ conflict\(s\)", result.stdout)
    assert "more key(s)" in result.stdout
    everything = script("status", "--all", db=disagreeing_warehouse)
    assert len(everything.stdout.splitlines()) > len(lines)


def test_conflicts_grouped_by_key_with_limit_and_all(disagreeing_warehouse: Path) -> None:
    with duckdb.connect(str(disagreeing_warehouse), read_only=True) as con:
        groups = read_conflict_groups(con)
    three = script("conflicts", "--limit", "3", db=disagreeing_warehouse)
    assert three.returncode == 0 and three.stdout.count("  key ") == 3
    assert f"{len(groups) - 3:,} more key(s)" in three.stdout
    everything = script("conflicts", "--all", db=disagreeing_warehouse, columns=200)
    assert everything.stdout.count("  key ") == len(groups)
    # the most disputed key first, with every competing value, its quote and its file
    top = groups[0]
    assert top.label in three.stdout and all(v.source_file in everything.stdout for v in top.values)
    rows = json.loads(script("conflicts", "--format", "json", db=disagreeing_warehouse).stdout)
    assert len(rows) == sum(len(g.values) for g in groups) and {r["key"] for r in rows} == {g.key for g in groups}


def test_conflicts_filtered_by_region_indicator_and_period(disagreeing_warehouse: Path) -> None:
    with duckdb.connect(str(disagreeing_warehouse), read_only=True) as con:
        groups = read_conflict_groups(con)
    top = next(g for g in groups if g.indicator_code)
    rows = json.loads(script("conflicts", "--region", top.region_code, "--indicator", top.indicator_code,
                             "--period", f"{top.period}年" if top.period.isdigit() else top.period,
                             "--format", "json", db=disagreeing_warehouse).stdout)
    assert top.key in {r["key"] for r in rows}
    assert {(r["region_code"], r["indicator_code"], r["period"]) for r in rows} == {
        (top.region_code, top.indicator_code, top.period)}
    unknown = script("conflicts", "--region", "火星", db=disagreeing_warehouse)
    assert unknown.returncode == 2 and "no region matches" in unknown.stderr


def test_wide_results_read_in_80_columns(disagreeing_warehouse: Path) -> None:
    result = script("sql", "select * from mart.dq_alerts", db=disagreeing_warehouse)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    # a record per row: every column name whole at the start of a line, no 3-character slivers
    for column in ("alert_id", "check_name", "severity", "message", "rows_json", "first_raised_at"):
        assert any(line.startswith(column) for line in lines), column
    assert "showing the first 100" in result.stdout
    (region,) = query(disagreeing_warehouse, "select any_value(region_code) from mart.fct_figures")[0]
    figures = script("figures", "--region", region, db=disagreeing_warehouse)
    assert figures.returncode == 0 and all(len(line) <= 80 for line in figures.stdout.splitlines())
    assert any(line.startswith("sources ") and ".txt" in line for line in figures.stdout.splitlines())


def test_unknown_names_say_so_and_suggest(disagreeing_warehouse: Path) -> None:
    result = script("figures", "--region", "火星", db=disagreeing_warehouse)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no region matches --region '火星'" in result.stderr
    close = script("figures", "--region", "长沙县城", db=disagreeing_warehouse)
    assert close.returncode == 2 and "nearest:" in close.stderr and "长沙市" in close.stderr
    indicator = script("figures", "--indicator", "研发投入强渡", db=disagreeing_warehouse)
    assert indicator.returncode == 2 and "研发投入强度" in indicator.stderr


@pytest.mark.parametrize(
    ("written", "period"),
    [
        ("2025", "2025"), ("2025年", "2025"), ("２０２５年", "2025"), ("2025上半年", "2025H1"),
        ("2025年下半年", "2025H2"), ("2025年一季度", "2025Q1"), ("2025年前三季度", "2025Q1-Q3"),
        ("2025年1-10月", "2025M01-M10"), ("2025年10月", "2025M10"), ("十四五", "2021-2025"),
        ("2021—2025年", "2021-2025"), ("2025h1", "2025H1"), ("火星", None),
    ],
)
def test_periods_as_people_write_them(written: str, period: str | None) -> None:
    assert normalise_period(written) == period


def test_period_option_reads_chinese(disagreeing_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def rows(period: str) -> list[dict]:
        assert cli.main(["figures", "--db", str(disagreeing_warehouse), "--period", period, "--format", "json"]) == 0
        return json.loads(capsys.readouterr().out)

    plain = rows("2020")
    assert plain and rows("2020年") == plain
    assert cli.main(["figures", "--db", str(disagreeing_warehouse), "--period", "昨天"]) == 2
    assert "is no period" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "unit", "kind", "expected"),
    [
        (6.0, "rank", "rank_change", "提升6位"),
        (-2.0, "rank", "rank_change", "下降2位"),
        (5.0, "rank", "rank", "第5"),
        (8.5, "percent", "growth_rate", "增长8.5%"),
        (-3.0, "percent", "growth_rate", "下降3%"),
        (14634000000.0, "yuan", "change", "+146.34亿元"),
        (-0.5, "percentage_point", "change", "-0.5个百分点"),
        (2.8, "percent", "target", "目标 2.8%"),
        (2.62, "percent", "share", "2.62%"),
    ],
)
def test_every_value_kind_reads_as_what_it_is(value: float, unit: str, kind: str, expected: str) -> None:
    assert format_value(value, unit, None, "exact", kind) == expected


def test_rank_changes_show_as_changes(disagreeing_warehouse: Path) -> None:
    found = query(disagreeing_warehouse, "select count(*) from mart.fct_figures where value_kind = 'rank_change'")
    if not found[0][0]:
        pytest.skip("this corpus states no rank change")
    result = script("figures", "--kind", "rank_change", db=disagreeing_warehouse, columns=200)
    assert re.search(r"(提升|下降)\d+位", result.stdout) and not re.search(r" 第\d+ ", result.stdout)


def test_nearest_names() -> None:
    assert nearest("长沙", ["湖南省", "长沙市", "长春市"])[0] == "长沙市"
    assert nearest("火星", ["湖南省", "长沙市"]) == []


# --- the report -----------------------------------------------------------------------------------------


def test_report_groups_conflicts_without_duplicates_and_links(disagreeing_warehouse: Path, tmp_path: Path) -> None:
    assert (disagreeing_warehouse.parent / "report" / "index.html").exists()  # the nightly run wrote one
    report = tmp_path / "report"  # the same page built here, so a reused warehouse folder tests this code
    build_report_from_file(disagreeing_warehouse, report, docs_dir=disagreeing_warehouse.parent / "docs")
    dom = rendered_dom(report / "index.html", tmp_path)
    with duckdb.connect(str(disagreeing_warehouse), read_only=True) as con:
        groups = read_conflict_groups(con)
    conflicts = section(dom, "conflicts")
    assert f"{len(groups):,} disputed key(s)" in conflicts
    cards = re.findall(r'<details class="card" id="(k-[0-9a-f]+)"', conflicts)
    assert len(cards) == min(len(groups), 100) and len(set(cards)) == len(cards)
    alerts = section(dom, "alerts")
    assert "conflicting_figures" in alerts
    assert not re.search(r"conflicting figures for", alerts)  # each conflict once, in the conflicts section
    # every link inside the page lands somewhere
    ids = set(re.findall(r'\sid="([^"]+)"', dom))
    targets = set(re.findall(r'href="#([^"]+)"', dom))
    assert targets and targets <= ids, targets - ids
    # the CSV beside the page holds every competing value
    lines = (report / "conflicts.csv").read_text("utf-8-sig").splitlines()
    assert len(lines) - 1 == sum(len(g.values) for g in groups)
    assert (report / "panel.csv").exists() and (report / "alerts.csv").exists()
    assert not re.search(r'(src|href)="(https?:)?//', dom)


def test_report_charts_start_with_headline_indicators(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """On the seeds + a later article (two years of R&D intensity and of contract turnover for
    Hunan): R&D intensity, a headline indicator before turnover, is the first chart."""
    from tests.test_report import build_conflict_warehouse

    db = build_conflict_warehouse(tmp_path_factory)
    dom = rendered_dom(db.parent / "report" / "index.html", tmp_path)
    captions = re.findall(r"<figcaption>(.*?)·\s*(.*?)\s*(?:<span|</figcaption>)", section(dom, "trends"), re.S)
    first_two = [(r.strip(), i.strip()) for r, i in captions][:2]
    assert first_two == [("湖南省", "研发投入强度"), ("湖南省", "技术合同成交额")]


def test_chart_order_is_headline_indicators_then_provinces_then_cities() -> None:
    from orchestration.report import Series, charted_series

    def series(region: str, level: str, code: str, years: int) -> Series:
        points = [{"year": 2020 + i, "value": 1.0 + i, "qualifier": "exact", "region_level": level,
                   "region_code": region, "indicator_code": code} for i in range(years)]
        return Series(region_name=region, indicator_name=code, unit="percent", points=points)

    maglev = series("430000", "province", "maglev_lines", 9)  # many years, but nobody asks for it first
    city = series("430100", "prefecture", "rd_intensity", 3)
    province = series("430000", "province", "rd_intensity", 2)
    spending = series("430000", "province", "rd_expenditure", 2)
    ordered = charted_series([maglev, city, province, spending], limit=3)
    assert ordered == [spending, province, city]


def test_gx_results_of_every_suite_are_in_the_report(disagreeing_warehouse: Path, tmp_path: Path) -> None:
    page = build_report_from_file(disagreeing_warehouse, tmp_path / "report",
                                  docs_dir=disagreeing_warehouse.parent / "docs")
    quality = section(rendered_dom(page, tmp_path), "quality")
    for suite in load_suites():
        assert f'id="gx-{suite.name}"' in quality, suite.name
    assert "passed" in quality or "failed" in quality
    results = disagreeing_warehouse.parent / "docs" / "gx" / "results"
    assert {p.stem for p in results.glob("*.json")} == {s.name for s in load_suites()}


# --- adjudication ---------------------------------------------------------------------------------------


def test_adjudication_is_kept_with_the_warehouse_and_applied_by_the_next_run(
    disagreeing_warehouse: Path, tmp_path: Path
) -> None:
    source = disagreeing_warehouse.parent.parent
    shutil.copytree(source / "raw", tmp_path / "raw")
    shutil.copytree(source / "warehouse", tmp_path / "warehouse")
    db = tmp_path / "warehouse" / "indicators.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        groups = read_conflict_groups(con)
    first, second = groups[0], groups[1]
    by_id = next(g for g in groups[2:] if g.indicator_code)
    ruled = next(g for g in groups[2:] if g.indicator_code and g.indicator_code != by_id.indicator_code)

    accept = script("adjudicate", first.key, "--accept", str(first.values[0].value), "--note", "the bureau's",
                    db=db)
    assert accept.returncode == 0, accept.stderr
    assert script("adjudicate", second.key, "--resolve", "--note", "misprint corrected", db=db).returncode == 0
    assert script("adjudicate", by_id.conflict_ids[0], "--both", "--note", "two definitions", db=db).returncode == 0
    rule = script("adjudicate", "--rule", "latest", "--indicator", ruled.indicator_code, "--note",
                  "later releases revise earlier ones", db=db)
    assert rule.returncode == 0, rule.stderr
    refused = script("adjudicate", first.key, "--resolve", db=db)
    assert refused.returncode == 2 and "--note" in refused.stderr
    unknown = script("adjudicate", "999999:nothing:2025:level", "--resolve", "--note", "x", db=db)
    assert unknown.returncode == 2 and "no conflict has the id or key" in unknown.stderr

    log = tmp_path / "warehouse" / adjudications.LOG_NAME
    decisions = adjudications.read(log)
    assert [d["action"] for d in decisions] == ["accept", "resolve", "both", "rule"]
    assert all(d["decided_by"] == "ana" and d["decided_at"] and d["note"] for d in decisions)

    # nothing changes until the next run, which applies every decision
    assert query(db, "select count(*) from mart.dq_conflicts where status <> 'open'") == [(0,)]
    result = run_in_process(tmp_path / "raw", db)
    assert result.success, result.error
    rows = {
        r[0]: r[1:]
        for r in query(db, "select conflict_id, status, resolved_by, note, accepted_value from mart.dq_conflicts")
    }
    for cid in first.conflict_ids:
        assert rows[cid][:3] == ("resolved", "ana", "the bureau's") and rows[cid][3] == first.values[0].value
    assert all(rows[c][0] == "resolved" and rows[c][2] == "misprint corrected" for c in second.conflict_ids)
    assert rows[by_id.conflict_ids[0]][0] == "accepted"
    ruled_rows = query(
        db,
        f"""select status, note, accepted_value from mart.dq_conflicts where indicator_code = '{ruled.indicator_code}'
            and status <> 'open' and note = 'later releases revise earlier ones'""",
    )
    assert ruled_rows and all(r[2] is not None for r in ruled_rows)
    # the published warehouse carries the decisions themselves
    assert query(db, "select count(*) from staging.adjudications") == [(4,)]
    # settled conflicts stop alerting, and `conflicts` no longer lists them as open
    listed = script("conflicts", "--all", db=db, columns=200)
    assert "resolved by ana: the bureau's" in listed.stdout
    open_now = json.loads(script("conflicts", "--format", "json", db=db).stdout)
    assert first.key not in {r["key"] for r in open_now}
