"""The dbt project against hand-written staging rows: deduplication, conflicts, rejects, hierarchy, history.

Two constructed articles (not the seed articles), delivered as four file versions:
- hunan-a.txt v1 (superseded by v2) and v2 (current): a 湖南省 review, published 2025-12-20;
- changsha-b.txt (current): a 长沙市 article, published 2026-01-10, that reprints one paragraph of
  hunan-a.txt word for word and restates some provincial figures, one with a transposed digit;
- changsha-b-copy.txt: the same bytes as changsha-b.txt under another name (duplicate_of set);
- zhuzhou-c.txt, no longer current, and two later copies of its bytes under new names: the first
  copy takes its place, the second counts for nothing.

The staging rows are what the parser would write for these texts; offsets are real.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from tests.conftest import project_lock

REPO = Path(__file__).resolve().parents[1]
DBT_PROJECT = REPO / "dbt_project"
STAGING_SCHEMA = REPO / "orchestration" / "staging_schema.sql"

HUNAN = ("430000", "湖南省")
SME = "tech_smes"
HIGH_TECH = "high_tech_enterprises"
CHANGSHA = ("430100", "长沙市")
ZHUZHOU = ("430200", "株洲市")


def md5(*parts: object) -> str:
    return hashlib.md5("".join(str(p) for p in parts).encode()).hexdigest()


def additive_count_indicator() -> str:
    """A code the indicators seed marks additive with unit count, for the hierarchy case."""
    with (DBT_PROJECT / "seeds" / "indicators.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    candidates = [
        row["indicator_code"]
        for row in rows
        if row["is_additive"].strip().lower() in ("true", "1", "t", "yes")
        and row["unit"] == "count"
        and row["indicator_code"] != SME
    ]
    if not candidates:
        pytest.skip("the indicators seed has no additive count indicator")
    return HIGH_TECH if HIGH_TECH in candidates else candidates[0]


@dataclass
class Figure:
    """One mention the parser found: the quote is located in the paragraph that contains it."""

    quote: str
    value: float
    unit: str
    qualifier: str
    value_kind: str
    region: tuple[str, str]
    indicator_code: str | None
    indicator_name: str
    period: str = "2025"
    counter: str | None = None


@dataclass
class FileVersion:
    source_file: str
    text_paragraphs: list[str]
    figures: list[Figure]
    version: int
    is_current: bool
    duplicate_of: str | None
    first_seen: datetime
    published_on: date
    region: tuple[str, str]

    @property
    def text(self) -> str:
        return "\n".join(self.text_paragraphs)

    @property
    def file_version_id(self) -> str:
        return md5(self.source_file, self.sha256)[:16]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def build_files(high_tech: str) -> list[FileVersion]:
    reprinted = "截至年底，全省科技型中小企业入库数量达4万家。"

    def sme(quote: str, qualifier: str) -> Figure:
        return Figure(quote, 40000, "count", qualifier, "level", HUNAN, SME, "科技型中小企业数量", counter="家")

    def rd_growth(quote: str, value: float) -> Figure:
        return Figure(quote, value, "percent", "exact", "growth_rate", HUNAN, "rd_expenditure", "研发经费投入")

    def transfer(quote: str, value: float, qualifier: str) -> Figure:
        return Figure(quote, value, "percent", qualifier, "share", HUNAN, None, "科技成果本地转化率")

    def contracts(quote: str, value: float, qualifier: str) -> Figure:
        return Figure(quote, value, "yuan", qualifier, "level", HUNAN, "tech_contract_turnover", "技术合同成交额")

    def innovation_rank(quote: str) -> Figure:
        return Figure(quote, 5, "rank", "exact", "rank", HUNAN, None, "科技创新综合实力排名")

    hunan_v2 = FileVersion(
        source_file="hunan-a.txt",
        text_paragraphs=[
            "湖南科技创新年度综述",
            "2025年，全省科技型中小企业入库数量突破4万家。",
            reprinted,
            "全省研发经费投入增长8.62%，科技成果本地转化率近90%。",
            "全省技术合同成交额突破5300亿元，高新技术企业1.6万家。",
            "区域创新能力居全国第5位。高新技术产业增加值占比120%，研发投入强度12.6%。",
            "2027年全省新增专利授权3万件。到2027年高新技术企业达到2万家。",
        ],
        figures=[
            sme("科技型中小企业入库数量突破4万家", "lower_bound"),
            sme("科技型中小企业入库数量达4万家", "exact"),
            rd_growth("研发经费投入增长8.62%", 8.62),
            transfer("科技成果本地转化率近90%", 90, "approx"),
            contracts("技术合同成交额突破5300亿元", 530_000_000_000, "lower_bound"),
            Figure(
                "高新技术企业1.6万家",
                16000,
                "count",
                "exact",
                "level",
                HUNAN,
                high_tech,
                "高新技术企业数量",
                counter="家",
            ),
            innovation_rank("居全国第5位"),
            # impossible: a share above 100%, an R&D intensity above 10%, a level for a later year
            Figure(
                "高新技术产业增加值占比120%", 120, "percent", "exact", "share", HUNAN, None, "高新技术产业增加值占比"
            ),
            Figure("研发投入强度12.6%", 12.6, "percent", "exact", "share", HUNAN, "rd_intensity", "研发投入强度"),
            Figure(
                "2027年全省新增专利授权3万件",
                30000,
                "count",
                "exact",
                "level",
                HUNAN,
                None,
                "专利授权量",
                period="2027",
                counter="件",
            ),
            # a target for a later year is not impossible
            Figure(
                "到2027年高新技术企业达到2万家",
                20000,
                "count",
                "exact",
                "target",
                HUNAN,
                high_tech,
                "高新技术企业数量",
                period="2027",
                counter="家",
            ),
        ],
        version=2,
        is_current=True,
        duplicate_of=None,
        first_seen=datetime(2025, 12, 21, 2, 0),
        published_on=date(2025, 12, 20),
        region=HUNAN,
    )
    hunan_v1 = FileVersion(
        source_file="hunan-a.txt",
        text_paragraphs=["湖南科技创新年度综述", reprinted, "全省研发经费投入增长8.52%。"],
        figures=[sme("科技型中小企业入库数量达4万家", "exact"), rd_growth("研发经费投入增长8.52%", 8.52)],
        version=1,
        is_current=False,
        duplicate_of=None,
        first_seen=datetime(2025, 12, 20, 2, 0),
        published_on=date(2025, 12, 20),
        region=HUNAN,
    )
    changsha_paragraphs = [
        "长沙建设研发之城",
        reprinted,
        "2025年全省研发经费投入增长8.26%。",
        "全省科技成果本地转化率为88%。",
        "全省技术合同成交额5000亿元。",
        "长沙高新技术企业达2万家。",
        "湖南区域创新能力居全国第五。",
    ]
    changsha_figures = [
        sme("科技型中小企业入库数量达4万家", "exact"),
        rd_growth("研发经费投入增长8.26%", 8.26),
        transfer("科技成果本地转化率为88%", 88, "exact"),
        contracts("技术合同成交额5000亿元", 500_000_000_000, "exact"),
        Figure(
            "长沙高新技术企业达2万家",
            20000,
            "count",
            "exact",
            "level",
            CHANGSHA,
            high_tech,
            "高新技术企业数量",
            counter="家",
        ),
        innovation_rank("居全国第五"),
    ]
    changsha = FileVersion(
        source_file="changsha-b.txt",
        text_paragraphs=changsha_paragraphs,
        figures=changsha_figures,
        version=1,
        is_current=True,
        duplicate_of=None,
        first_seen=datetime(2026, 1, 11, 2, 0),
        published_on=date(2026, 1, 10),
        region=CHANGSHA,
    )
    changsha_copy = FileVersion(
        source_file="changsha-b-copy.txt",
        text_paragraphs=changsha_paragraphs,
        figures=changsha_figures,
        version=1,
        is_current=True,
        duplicate_of="changsha-b.txt",
        first_seen=datetime(2026, 1, 12, 2, 0),
        published_on=date(2026, 1, 10),
        region=CHANGSHA,
    )
    # a file that left raw/, and the same bytes delivered under another name: the copy is now the only
    # current one, so it feeds the mart
    zhuzhou = FileVersion(
        source_file="zhuzhou-c.txt",
        text_paragraphs=["株洲科技简讯", "株洲高新技术企业达600家。"],
        figures=[
            Figure(
                "株洲高新技术企业达600家",
                600,
                "count",
                "exact",
                "level",
                ZHUZHOU,
                high_tech,
                "高新技术企业数量",
                counter="家",
            )
        ],
        version=1,
        is_current=False,
        duplicate_of=None,
        first_seen=datetime(2026, 1, 5, 2, 0),
        published_on=date(2026, 1, 4),
        region=ZHUZHOU,
    )
    zhuzhou_renamed = FileVersion(
        **{
            **zhuzhou.__dict__,
            "source_file": "zhuzhou-c-renamed.txt",
            "is_current": True,
            "duplicate_of": "zhuzhou-c.txt",
            "first_seen": datetime(2026, 1, 13, 2, 0),
        }
    )
    # a third copy of those bytes, delivered later, also names the departed file: it must not count again
    zhuzhou_again = FileVersion(
        **{**zhuzhou_renamed.__dict__, "source_file": "zhuzhou-c-again.txt", "first_seen": datetime(2026, 1, 14, 2, 0)}
    )
    return [hunan_v1, hunan_v2, changsha, changsha_copy, zhuzhou, zhuzhou_renamed, zhuzhou_again]


def load_staging(db: Path, files: list[FileVersion]) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute(STAGING_SCHEMA.read_text(encoding="utf-8"))
        for f in files:
            fv, text = f.file_version_id, f.text
            con.execute(
                "insert into staging.files (file_version_id, source_file, sha256, bytes, encoding, text, version, "
                "is_current, duplicate_of, first_seen, last_seen) values (?, ?, ?, ?, 'utf_8', ?, ?, ?, ?, ?, ?)",
                [
                    fv,
                    f.source_file,
                    f.sha256,
                    len(text.encode()),
                    text,
                    f.version,
                    f.is_current,
                    f.duplicate_of,
                    f.first_seen,
                    f.first_seen,
                ],
            )
            article_id = md5(fv, 0)[:16]
            con.execute(
                "insert into staging.articles values (?, ?, ?, 0, 0, ?, ?, '本报记者', ?, 'text', ?, ?)",
                [article_id, fv, f.source_file, len(text), f.text_paragraphs[0], f.published_on, *f.region],
            )
            start = 0
            paragraph_starts = []
            for index, paragraph in enumerate(f.text_paragraphs):
                paragraph_starts.append(start)
                kind = "title" if index == 0 else "body"
                con.execute(
                    "insert into staging.paragraphs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, null)",
                    [
                        md5(fv, index),
                        article_id,
                        fv,
                        f.source_file,
                        index,
                        start,
                        start + len(paragraph),
                        kind,
                        paragraph,
                        md5("".join(paragraph.split())),
                    ],
                )
                con.execute(
                    "insert into staging.sentences values (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    [
                        md5(fv, index, 0),
                        md5(fv, index),
                        fv,
                        f.source_file,
                        index,
                        start,
                        start + len(paragraph),
                        paragraph,
                    ],
                )
                start += len(paragraph) + 1
            for m in f.figures:
                char_start = text.index(m.quote)
                char_end = char_start + len(m.quote)
                assert text[char_start:char_end] == m.quote
                index = max(i for i, s in enumerate(paragraph_starts) if s <= char_start)
                con.execute(
                    """insert into staging.figure_mentions values
                       (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 'explicit', ?, ?, false, ?,
                        false, false)""",
                    [
                        md5(fv, char_start, char_end, m.value),
                        fv,
                        f.source_file,
                        article_id,
                        index,
                        char_start,
                        char_end,
                        m.quote,
                        f.text_paragraphs[index],
                        m.value,
                        m.unit,
                        m.counter,
                        m.qualifier,
                        m.value_kind,
                        *m.region,
                        m.period,
                        m.indicator_code,
                        m.indicator_name,
                        f.published_on,
                    ],
                )


def dbt(args: list[str], db: Path, work: Path) -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "dbt"
    command = [
        str(executable) if executable.exists() else shutil.which("dbt") or "dbt",
        *args,
        "--project-dir",
        str(DBT_PROJECT),
        "--profiles-dir",
        str(DBT_PROJECT),
    ]
    env = {
        **os.environ,
        "INDICATORS_BUILD_DB": str(db),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    with project_lock():  # the project's models and seeds, which a test may be changing in the other worker
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=work, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (DBT_PROJECT / "seeds" / "indicators.csv").exists():
        pytest.skip("dbt_project/seeds/indicators.csv is not there yet")
    work = tmp_path_factory.mktemp("dbt")
    db = work / "build.duckdb"
    high_tech = additive_count_indicator()
    load_staging(db, build_files(high_tech))
    first = dbt(["build"], db, work)  # seeds included
    with duckdb.connect(str(db)) as con:
        first_ids = con.execute("select figure_id from mart.fct_figures order by 1").fetchall()
        first_conflicts = con.execute("select unit, status from mart.dq_conflicts order by unit").fetchall()
        # an analyst adjudicates the conflict over the contract turnover (a row in the seed)
        con.execute(
            """insert into ref.conflict_adjudications
               select conflict_id, 'resolved', 'analyst', date '2026-01-15', 'misprint'
               from mart.dq_conflicts where unit = 'yuan'"""
        )
    # the rerun keeps that row (no reseeding) and must give every figure the same id
    second = dbt(["build", "--exclude", "resource_type:seed"], db, work)
    return {
        "db": db,
        "work": work,
        "first_ids": first_ids,
        "first_conflicts": first_conflicts,
        "first_log": first.stdout,
        "second_log": second.stdout,
    }


def query(warehouse: dict, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse["db"]), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def figure(warehouse: dict, quote_like: str) -> tuple:
    rows = query(
        warehouse,
        """select value, qualifier, mention_count, source_count, source_file, quote
           from mart.fct_figures where quote like ?""",
        [f"%{quote_like}%"],
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_figures_are_deduplicated(warehouse: dict) -> None:
    assert query(warehouse, "select count(*) from mart.fct_figures") == [(11,)]
    # 突破4万家 + 达4万家 in hunan-a.txt, and the reprint in changsha-b.txt: one exact figure
    assert figure(warehouse, "4万家") == (40000, "exact", 3, 2, "hunan-a.txt", "科技型中小企业入库数量达4万家")
    # 近90% and 88%: compatible, one exact figure of 88
    assert figure(warehouse, "转化率") == (88, "exact", 2, 2, "changsha-b.txt", "科技成果本地转化率为88%")
    # 第5位 and 第五 are the same rank
    assert figure(warehouse, "第") == (5, "exact", 2, 2, "hunan-a.txt", "居全国第5位")
    assert sorted(query(warehouse, "select value, qualifier from mart.fct_figures where unit = 'yuan'")) == [
        (500_000_000_000, "exact"),
        (530_000_000_000, "lower_bound"),
    ]
    assert sorted(query(warehouse, "select value from mart.fct_figures where value_kind = 'growth_rate'")) == [
        (8.26,),
        (8.62,),
    ]
    # the target for 2027 is a figure, not a reject
    assert query(warehouse, "select value, period from mart.fct_figures where value_kind = 'target'") == [
        (20000, "2027")
    ]
    assert query(warehouse, "select sum(mention_count) from mart.fct_figures") == [(15,)]


def test_figure_ids_are_stable(warehouse: dict) -> None:
    assert query(warehouse, "select figure_id from mart.fct_figures order by 1") == warehouse["first_ids"]


def test_duplicate_delivery_adds_nothing(warehouse: dict) -> None:
    for table in ("fct_figures", "fct_figure_mentions", "dq_rejects", "dq_conflicts"):
        column = "source_file_a" if table == "dq_conflicts" else "source_file"
        assert query(warehouse, f"select count(*) from mart.{table} where {column} = 'changsha-b-copy.txt'") == [(0,)]
    assert query(
        warehouse,
        """select count(*), count(current_figure_id) from mart.figure_mention_history
           where history_reason = 'duplicate' and duplicate_of = 'changsha-b.txt'""",
    ) == [(6, 6)]


def test_duplicate_of_a_file_that_left_feeds_the_mart(warehouse: dict) -> None:
    assert query(
        warehouse, "select source_file, value, mention_count from mart.fct_figures where region_code = '430200'"
    ) == [("zhuzhou-c-renamed.txt", 600, 1)]
    assert query(
        warehouse, "select source_file, history_reason from mart.figure_mention_history where value = 600 order by 1"
    ) == [("zhuzhou-c-again.txt", "duplicate"), ("zhuzhou-c.txt", "superseded")]


def test_mentions_carry_provenance(warehouse: dict) -> None:
    assert query(warehouse, "select count(*), count(distinct figure_id) from mart.fct_figure_mentions") == [(15, 11)]
    repeated = query(
        warehouse,
        """select source_file, quote, version from mart.fct_figure_mentions
           where is_repeated_passage order by source_file""",
    )
    assert repeated == [("changsha-b.txt", "科技型中小企业入库数量达4万家", 1)]
    assert query(
        warehouse,
        "select distinct version from mart.fct_figure_mentions where source_file = 'hunan-a.txt'",
    ) == [(2,)]


def test_superseded_version_is_history(warehouse: dict) -> None:
    rows = query(
        warehouse,
        """select history.quote, history.version, figures.value
           from mart.figure_mention_history as history
           left join mart.fct_figures as figures on history.current_figure_id = figures.figure_id
           where history.history_reason = 'superseded' order by history.quote""",
    )
    # the 4万 of version 1 is still a current figure; the old growth rate 8.52% no longer is
    assert rows == [
        ("株洲高新技术企业达600家", 1, 600),
        ("研发经费投入增长8.52%", 1, None),
        ("科技型中小企业入库数量达4万家", 1, 40000),
    ]


def test_conflicts(warehouse: dict) -> None:
    rows = query(
        warehouse,
        """select least(value_a, value_b), greatest(value_a, value_b), list_sort([source_file_a, source_file_b])
           from mart.dq_conflicts order by 1""",
    )
    assert rows == [
        (8.26, 8.62, ["changsha-b.txt", "hunan-a.txt"]),
        (500_000_000_000, 530_000_000_000, ["changsha-b.txt", "hunan-a.txt"]),
    ]
    assert query(warehouse, "select count(distinct conflict_id) from mart.dq_conflicts") == [(2,)]
    assert warehouse["first_conflicts"] == [("percent", "open"), ("yuan", "open")]
    assert re.search(r"WARN 2 open_figure_conflicts\b", warehouse["first_log"])


def test_an_adjudicated_conflict_stops_alerting(warehouse: dict) -> None:
    rows = query(warehouse, "select unit, status, resolved_by, note from mart.dq_conflicts order by unit")
    assert rows == [("percent", "open", None, None), ("yuan", "resolved", "analyst", "misprint")]
    assert re.search(r"WARN 1 open_figure_conflicts\b", warehouse["second_log"])
    assert query(warehouse, "select count(*) from dq_test_failures.open_figure_conflicts") == [(1,)]


def test_rejects(warehouse: dict) -> None:
    assert query(warehouse, "select quote, reason from mart.dq_rejects order by quote") == [
        ("2027年全省新增专利授权3万件", "period starts after the publication year"),
        ("研发投入强度12.6%", "R&D intensity above 10%"),
        ("高新技术产业增加值占比120%", "percent share outside 0-100"),
    ]
    assert query(warehouse, "select count(*) from mart.fct_figures where value = 120 or value = 12.6") == [(0,)]


def test_hierarchy(warehouse: dict) -> None:
    assert query(
        warehouse,
        """select child_region_name, child_value, parent_region_name, parent_value, child_quote, parent_quote
           from mart.dq_hierarchy""",
    ) == [("长沙市", 20000, "湖南省", 16000, "长沙高新技术企业达2万家", "高新技术企业1.6万家")]


def test_dimensions(warehouse: dict) -> None:
    assert query(warehouse, "select region_name, parent_name from mart.dim_region where region_code = '430100'") == [
        ("长沙市", "湖南省")
    ]
    assert query(
        warehouse, "select is_in_seed from mart.dim_indicator where indicator_name = '科技创新综合实力排名'"
    ) == [(False,)]
    assert query(warehouse, "select count(*), count(*) filter (where is_current) from mart.dim_article") == [(7, 3)]
    assert query(warehouse, "select period, start_year, end_year, is_span from mart.dim_period order by 1") == [
        ("2025", 2025, 2025, False),
        ("2027", 2027, 2027, False),
    ]


def test_warn_tests_report_the_problems(warehouse: dict) -> None:
    logs = warehouse["first_log"]
    for test in ("open_figure_conflicts", "region_figure_above_parent_region", "rejected_figure_mentions"):
        assert re.search(rf"WARN \d+ {test}\b", logs), test
    assert query(warehouse, "select count(*) from dq_test_failures.rejected_figure_mentions") == [(3,)]
    assert query(warehouse, "select count(*) from dq_test_failures.region_figure_above_parent_region") == [(1,)]
    # the fixture's offsets are right, so the provenance check passes
    assert re.search(r"PASS figure_mention_quote_matches_source_text\b", logs)


def test_provenance_check_catches_offsets_that_miss_the_quote(warehouse: dict, tmp_path: Path) -> None:
    """Offsets shifted by one inside a paragraph, and offsets pointing outside their paragraph:
    both are reported with what they actually point at."""
    db = tmp_path / "broken.duckdb"
    shutil.copy(warehouse["db"], db)
    with duckdb.connect(str(db)) as con:
        first, second = con.execute(
            "select mention_id from mart.fct_figure_mentions order by mention_id limit 2").fetchall()
        con.execute("update mart.fct_figure_mentions set char_start = char_start + 1, char_end = char_end + 1 "
                    "where mention_id = ?", [first[0]])
        con.execute("update mart.fct_figure_mentions set char_start = 0, char_end = length(quote) "
                    "where mention_id = ? and char_start > 0", [second[0]])
    shutil.copytree(warehouse["work"] / "target", tmp_path / "target")
    result = dbt(["test", "--select", "figure_mention_quote_matches_source_text"], db, tmp_path)
    assert re.search(r"WARN 2 figure_mention_quote_matches_source_text\b", result.stdout), result.stdout[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select mention_id, quote <> text_at_offsets "
                           "from dq_test_failures.figure_mention_quote_matches_source_text order by 1").fetchall()
    assert rows == sorted([(first[0], True), (second[0], True)])


def test_every_mart_column_is_described(warehouse: dict) -> None:
    manifest = json.loads((warehouse["work"] / "target" / "manifest.json").read_text(encoding="utf-8"))
    described = {
        (node["name"], column)
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] == "mart"
        for column, spec in node["columns"].items()
        if spec.get("description")
    }
    built = set(
        query(warehouse, "select table_name, column_name from information_schema.columns where table_schema = 'mart'")
    )
    assert built, "no mart tables"
    assert built - described == set()


def test_contract_columns_come_first(warehouse: dict) -> None:
    def columns(table: str) -> list[str]:
        sql = """select column_name from information_schema.columns
                 where table_schema = 'mart' and table_name = ? order by ordinal_position"""
        return [name for (name,) in query(warehouse, sql, [table])]

    assert columns("fct_figures")[:16] == [
        "figure_id", "region_code", "region_name", "subject", "period", "indicator_code", "indicator_name",
        "value", "unit", "counter", "qualifier", "value_kind", "mention_count", "source_count", "source_file",
        "quote",
    ]  # fmt: skip
    assert columns("fct_figure_mentions")[:10] == [
        "figure_id", "mention_id", "source_file", "article_id", "paragraph_index", "char_start", "char_end",
        "quote", "sentence", "is_repeated_passage",
    ]  # fmt: skip


def test_dbt_unit_tests_of_the_assignment_conflict_and_arithmetic_models_pass(warehouse: dict) -> None:
    """`dbt build` runs the unit tests (YAML beside the models) before building each model; the
    nightly job leaves them out (dbt_runs.build_args), the suite runs them here."""
    logs = warehouse["first_log"]
    for model, test in (
        ("int_figure_mentions__assigned", "mentions_merge_into_exact_anchors_bounds_and_leftovers"),
        ("dq_conflict_pairs", "pairs_disagree_beyond_rounding_and_say_how"),
        ("dq_conflict_pairs", "a_value_rounded_as_written_agrees_with_the_precise_one_it_rounds"),
        ("indicator_panel", "a_tie_on_every_other_rule_goes_to_the_larger_value"),
        ("indicator_panel", "counties_the_gazetteer_lacks_get_a_cell_each_by_name"),
        ("dq_conflicts", "one_row_per_key_with_the_value_that_holds"),
        ("int_arithmetic__growth_vs_levels", "levels_in_the_indicators_own_unit_only"),
    ):
        assert re.search(rf"PASS {model}::{test}\b", logs), (test, logs[-3000:])


def test_the_nightly_build_leaves_unit_tests_out() -> None:
    from orchestration.dbt_runs import build_args  # noqa: PLC0415

    args = build_args(Path("/tmp/x.duckdb"))
    assert args[0] == "build" and json.loads(args[args.index("--vars") + 1]) == {"build_db": "/tmp/x.duckdb"}
    assert args[args.index("--exclude-resource-type") + 1] == "unit_test"
