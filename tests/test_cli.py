"""`indicators` for analysts: sql, figures, conflicts, export and status on warehouses built by the real job.

Most tests call `orchestration.cli.main` in-process (fast, output captured); the error tests run the
installed console script, because what matters there is what a person sees: exit code 2 and one
readable line, no traceback.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration import cli
from tests.test_report import EXTRA_NAME, build_conflict_warehouse

pytestmark = pytest.mark.e2e

INDICATORS = Path(sys.executable).parent / "indicators"


@pytest.fixture(scope="session")
def conflict_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus a later article restating Hunan's 2025 R&D intensity (shared with test_report)."""
    return build_conflict_warehouse(tmp_path_factory)


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # rich wraps tables to the terminal; a wide one keeps each value on one line for the asserts
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.delenv("INDICATORS_DB", raising=False)


def run_cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main([args[0], "--db", str(db), *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def run_script(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(Path.home())}
    if db is not None:
        env["INDICATORS_DB"] = str(db)
    return subprocess.run([str(INDICATORS), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


# --- sql ----------------------------------------------------------------------------------------------

RD_INTENSITY = (
    "select region_name, value, unit from mart.fct_figures "
    "where region_name = '湖南省' and period = '2025' and indicator_code = 'rd_intensity'"
)


def test_sql_as_table_csv_and_json(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, seed_warehouse, "sql", RD_INTENSITY)
    assert code == 0 and "湖南省" in out and "2.62" in out and "percent" in out and "1 row(s)" in out

    code, out, _ = run_cli(capsys, seed_warehouse, "sql", RD_INTENSITY, "--format", "csv")
    assert code == 0 and out == "region_name,value,unit\n湖南省,2.62,percent\n"

    code, out, _ = run_cli(capsys, seed_warehouse, "sql", RD_INTENSITY, "--format", "json")
    assert code == 0 and json.loads(out) == [{"region_name": "湖南省", "value": 2.62, "unit": "percent"}]


def test_sql_finds_mart_tables_without_the_schema(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, seed_warehouse, "sql", "select count(*) as n from fct_figures", "--format", "json")
    (expected,) = duckdb.connect(str(seed_warehouse), read_only=True).execute(
        "select count(*) from mart.fct_figures"
    ).fetchone()
    assert code == 0 and json.loads(out) == [{"n": expected}]


def test_sql_values_print_as_written(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, seed_warehouse, "sql", "select '[bold]x[/]' as markup, null as nothing")
    assert code == 0 and "[bold]x[/]" in out  # not swallowed as rich markup


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("selec * from mart.fct_figures", "error: query failed: Parser Error: syntax error"),
        ("select * from nope", "error: query failed: Catalog Error: Table with name nope does not exist"),
        ("delete from mart.fct_figures", "error: the mart is read-only:"),
        ("create table mart.mine as select 1", "error: the mart is read-only:"),
        ("copy mart.fct_figures to '/tmp/out.csv'", "error: the mart is read-only:"),
        ("attach '/tmp/other.duckdb' as other", "error: the mart is read-only:"),
    ],
)
def test_sql_errors_are_one_line_and_exit_2(seed_warehouse: Path, query: str, message: str) -> None:
    result = run_script("sql", query, db=seed_warehouse)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr


def test_duckdbs_own_read_only_refusal_is_reworded(seed_warehouse: Path) -> None:
    """A write that got past the statement check still ends as 'the mart is read-only'."""
    with duckdb.connect(str(seed_warehouse), read_only=True) as con, pytest.raises(duckdb.Error) as caught:
        con.execute("delete from mart.fct_figures")
    assert str(cli._db_error(caught.value)).startswith("the mart is read-only: ")


def test_missing_warehouse(tmp_path: Path) -> None:
    for args in (["status"], ["sql", "select 1"], ["figures"], ["conflicts"], ["export", "--out", str(tmp_path)]):
        result = run_script(*args, db=tmp_path / "nowhere.duckdb")
        assert result.returncode == 2, args
        assert result.stderr.strip().startswith("error: no warehouse at ") and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# --- figures ------------------------------------------------------------------------------------------


def figures_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict]:
    code, out, _ = run_cli(capsys, db, "figures", *args, "--format", "json")
    assert code == 0
    return json.loads(out)


def test_figures_by_region_name_short_name_or_code(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = figures_json(capsys, seed_warehouse, "--region", "长沙", "--period", "2025")
    full = figures_json(capsys, seed_warehouse, "--region", "长沙市", "--period", "2025")
    code = figures_json(capsys, seed_warehouse, "--region", "430100", "--period", "2025")
    assert short and short == full == code
    assert {f["region_name"] for f in short} == {"长沙市"} and {f["period"] for f in short} == {"2025"}
    rd = [f for f in short if f["indicator_code"] == "rd_intensity"]
    assert [(f["value"], f["unit"], f["qualifier"], f["value_kind"]) for f in rd] == [
        (3.36, "percent", "exact", "share")
    ]
    assert rd[0]["sources"] == "changsha-rd-city-2026.txt" and "3.36%" in rd[0]["quote"]


def test_figures_by_indicator_code_name_or_alias(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    by_code = figures_json(capsys, seed_warehouse, "--indicator", "rd_intensity")
    by_name = figures_json(capsys, seed_warehouse, "--indicator", "研发投入强度")
    by_alias = figures_json(capsys, seed_warehouse, "--indicator", "研发强度")  # an alias in the seed
    assert by_code == by_name == by_alias
    assert {(f["region_name"], f["value"]) for f in by_code} >= {("湖南省", 2.62), ("长沙市", 3.36)}
    partial = figures_json(capsys, seed_warehouse, "--indicator", "研发", "--region", "湖南")
    assert {f["region_name"] for f in partial} == {"湖南省"}
    # every figure is of an indicator whose name or an alias contains 研发 (a code alone is no match)
    seed = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "indicators.csv"
    matching = {row["indicator_code"] for row in csv.DictReader(seed.open(encoding="utf-8"))
                if "研发" in row["indicator_name"] or "研发" in row["aliases"]}
    assert partial and {f["indicator_code"] for f in partial} <= matching
    assert ("rd_intensity", 2.62) in {(f["indicator_code"], f["value"]) for f in partial}


def test_figures_table_shows_value_qualifier_kind_and_source(
    seed_warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(
        capsys, seed_warehouse, "figures", "--region", "湖南", "--indicator", "tech_contract_turnover"
    )
    assert code == 0
    assert "技术合同成交额" in out and "≥5,300亿元" in out and "lower_bound" in out and "level" in out
    assert "«突破5300亿元»" in out and "hunan-sti-review-2025.txt" in out
    code, _, err = run_cli(capsys, seed_warehouse, "figures", "--region", "火星")
    assert code == 2 and "no region matches --region '火星'" in err
    code, out, _ = run_cli(capsys, seed_warehouse, "figures", "--region", "湖南", "--period", "1999")
    assert code == 0 and "0 row(s)" in out and "no figure matches" in out


# --- conflicts ----------------------------------------------------------------------------------------


def test_conflicts_show_both_quotes_and_both_files(conflict_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, conflict_db, "conflicts")
    assert code == 0 and "open conflicts: 1 key(s), 1 conflict(s)" in out
    for text in ("湖南省", "研发投入强度", "«2.62%»", "«2.71%»", "hunan-sti-review-2025.txt", EXTRA_NAME, "open",
                 "key 430000:rd_intensity:2025:share"):
        assert text in out, text
    code, out, _ = run_cli(capsys, conflict_db, "conflicts", "--format", "json")
    rows = json.loads(out)  # one row per competing value of each disputed key
    assert {r["key"] for r in rows} == {"430000:rd_intensity:2025:share"}
    assert {r["quote"] for r in rows} == {"2.62%", "2.71%"}
    assert {r["source_file"] for r in rows} == {"hunan-sti-review-2025.txt", EXTRA_NAME}


def test_conflicts_all_includes_resolved_ones(
    conflict_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "adjudicated.duckdb"
    shutil.copy(conflict_db, db)
    with duckdb.connect(str(db)) as con:  # what an adjudication in the seed does on the next run
        con.execute("update mart.dq_conflicts set status = 'resolved', resolved_by = 'analyst', note = 'misprint'")
    code, out, _ = run_cli(capsys, db, "conflicts")
    assert code == 0 and "open conflicts: 0 key(s)" in out and "no open conflicts" in out
    code, out, _ = run_cli(capsys, db, "conflicts", "--all")
    assert code == 0 and "conflicts: 1 key(s)" in out and "resolved by analyst: misprint" in out and "«2.71%»" in out


def test_seed_conflicts_match_the_mart(seed_warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, seed_warehouse, "conflicts", "--all", "--format", "csv")
    (expected,) = duckdb.connect(str(seed_warehouse), read_only=True).execute(
        """select count(*) from (select distinct region_code, subject, indicator_code, period, value_kind, figure_id
           from (select *, unnest([figure_id_a, figure_id_b]) as figure_id from mart.dq_conflicts))"""
    ).fetchone()
    assert code == 0 and len(out.strip().splitlines()) == expected + 1  # header + one line per competing value


# --- the panel, through `sql` -------------------------------------------------------------------------


def test_panel_picks_the_best_figure_and_says_why(conflict_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, conflict_db, "sql",
        """select period, value, qualifier, candidates, chosen_rule, chosen_because, runner_up_value,
                  has_open_conflict, source_file
           from mart.indicator_panel where region_code = '430000' and indicator_code = 'rd_intensity'
           order by year""",
        "--format", "json",
    )
    assert code == 0
    y2024, y2025 = json.loads(out)
    assert (y2024["period"], y2024["value"], y2024["chosen_rule"], y2024["candidates"]) == ("2024", 2.45,
                                                                                             "only_candidate", 1)
    # two exact figures, one source each: the later article (2026-02-10) beats the seed (2026-01-13)
    assert (y2025["value"], y2025["candidates"], y2025["chosen_rule"]) == (2.71, 2, "publication")
    assert y2025["chosen_because"] == "later publication (2026-02-10 vs 2026-01-13)"
    assert y2025["runner_up_value"] == 2.62 and y2025["has_open_conflict"] is True
    assert y2025["source_file"] == EXTRA_NAME
    code, out, _ = run_cli(
        capsys, conflict_db, "sql",
        """select value, qualifier, source_count from indicator_panel
           where region_code = '430000' and indicator_code = 'tech_contract_turnover' and period = '2025'""",
        "--format", "json",
    )
    assert json.loads(out) == [{"value": 530000000000.0, "qualifier": "lower_bound", "source_count": 2}]


# --- export -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_mart_table(
    seed_warehouse: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "export"
    code, out, _ = run_cli(capsys, seed_warehouse, "export", "--format", fmt, "--out", str(out_dir))
    assert code == 0
    with duckdb.connect(str(seed_warehouse), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'mart'"
        ).fetchall()]
        expected = {t: con.execute(f"select count(*) from mart.{t}").fetchone()[0] for t in tables}
    assert {"fct_figures", "fct_figure_mentions", "indicator_panel", "dq_conflicts", "dq_alerts"} <= set(tables)
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{t}.{fmt}" for t in tables)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    with duckdb.connect() as con:
        for table, rows in expected.items():
            (n,) = con.execute(f"select count(*) from {reader}('{out_dir / (table + '.' + fmt)}')").fetchone()
            assert n == rows, table
        (value,) = con.execute(
            f"""select value from {reader}('{out_dir / ('fct_figures.' + fmt)}')
                where region_name = '湖南省' and period = '2025' and indicator_code = 'rd_intensity'"""
        ).fetchone()
    assert value == 2.62
    assert "mart.fct_figures" in out


# --- status -------------------------------------------------------------------------------------------


def test_status_shows_last_run_counts_alerts_and_conflicts(
    conflict_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = json.loads((conflict_db.parent / "report" / "run.json").read_text("utf-8"))
    code, out, _ = run_cli(capsys, conflict_db, "status")
    assert code == 0
    assert f"last published {datetime.fromtimestamp(conflict_db.stat().st_mtime):%Y-%m-%d %H:%M}" in out
    assert f"by run {run['run_id']}" in out
    for label in ("figures", "panel cells", "open conflicts", "open alerts"):
        assert label in out
    assert "conflicting_figures" in out  # the open alerts, by check
    assert "2.62%" in out and "2.71%" in out and "430000:rd_intensity:2025:share" in out  # the disputed keys
    assert "a later run failed" not in out


def test_status_tells_of_a_failed_run_after_the_publish(
    conflict_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "warehouse"
    warehouse.mkdir()
    db = warehouse / "indicators.duckdb"
    shutil.copy2(conflict_db, db)  # keeps the publish time
    failure = {
        "check_name": "run_failed", "severity": "ERROR", "run_id": "run-42",
        "message": "nightly run run-42 failed at step indicators_dbt: boom. The warehouse was left as it was.",
        "raised_at": datetime.now().isoformat(timespec="seconds"),
    }
    (warehouse / "alerts.jsonl").write_text(json.dumps(failure) + "\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, db, "status")
    assert code == 0 and "a later run failed at" in out and "run-42" in out and "indicators_dbt" in out


def test_the_readme_panel_queries_run(conflict_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    guide = readme[readme.index("## Analyst's guide") :]
    queries = re.findall(r"```sql\n(.*?)```", guide, flags=re.S)
    assert len(queries) >= 3
    for query in queries:
        code, out, err = run_cli(capsys, conflict_db, "sql", query, "--format", "json")
        assert code == 0, (query, err)
        assert json.loads(out), query  # each example returns rows on this warehouse
