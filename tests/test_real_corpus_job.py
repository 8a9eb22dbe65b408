"""The real job on every real passage the repository holds (tests/fixtures/real, all sets, 400-odd
files): real text at volume breaks what a handful of articles does not. The whole corpus once made
one arithmetic check produce two rows with one check_id (a growth checked against counts and against
amounts of money under one indicator), which failed the uniqueness test and so the nightly build.
One run; the tests read its warehouse."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.conftest import FIXTURES, run_in_process

pytestmark = pytest.mark.e2e

REAL = FIXTURES / "real"
# Known misses, kept visible: a headline's `百亿研发！千家企业！` (its figures are in images) gives nothing; a
# patent table flattened one cell per line, its header's date (`2020年` … `11月`) and units split from their
# columns, is not read (the same table laid out one row per line is); nor is a yearbook table whose unit
# stands on a line of its own (`单位:人年`) over rows of years, industries and cities; nor a county table
# flattened one cell per line whose cells pair two years' values (`0.25\0.37`, `84\93`); nor a bilingual
# yearbook table whose rows run a Chinese name, an English one and two years' values (`17-1 科技监测主要指标`).
_KNOWN_SILENT = frozenset({"h81-yueyang-review-2025.txt", "h88-hunan-patenttable-2020.txt",
                           "h117-shandong-yearbook-2015.txt", "h161-xianning-bulletin-2019.txt",
                           "h191-guangzhou-yearbook-2022.txt"})
# the passages in which an annotator marked at least one region-level figure (tier core: the mart must have it)
_FILES_WITH_GOLD_FIGURES = frozenset(
    row["file"] for gold in REAL.glob("*/gold*.jsonl") for line in gold.read_text(encoding="utf-8").splitlines()
    if line.strip() and (row := json.loads(line))["tier"] == "core")


@dataclass
class CorpusRun:
    db: Path
    files: list[str]
    success: bool
    error: str | None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    root = tmp_path_factory.mktemp("real_corpus")
    raw = root / "raw"
    raw.mkdir()
    files = []
    for path in sorted(REAL.glob("*/*.txt")):  # every set's passages, not the gold files beside them
        shutil.copy(path, raw / path.name)
        files.append(path.name)
    db = root / "wh" / "indicators.duckdb"
    report = run_in_process(raw, db)
    return CorpusRun(db, files, report.success, report.error)


def read(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_whole_real_corpus_builds_and_publishes(corpus: CorpusRun) -> None:
    assert len(corpus.files) == len(set(corpus.files)) > 400  # no two sets hold a file of one name
    assert corpus.success, corpus.error
    loaded = {name for (name,) in read(corpus.db, "select source_file from staging.files")}
    assert loaded == set(corpus.files)
    assert not read(corpus.db, "select * from staging.quarantine")


def test_every_check_and_conflict_has_its_own_id(corpus: CorpusRun) -> None:
    for table, key in (("dq_arithmetic", "check_id"), ("dq_wrong_years", "check_id"),
                       ("dq_conflicts", "conflict_id"), ("dq_alerts", "alert_id")):
        duplicated = read(corpus.db, f"select {key} from mart.{table} group by 1 having count(*) > 1")
        assert not duplicated, (table, duplicated)


def test_every_file_gives_figures_once_and_every_figure_keeps_its_mentions(corpus: CorpusRun) -> None:
    # three passages were copied by two annotators from the same page: the copy is recorded as a
    # duplicate of the first and gives no figures of its own (nothing double-counted); every other file
    # without a figure is one whose annotator found none either (figures in images, only a headline)
    silent = read(corpus.db, """select source_file, duplicate_of from staging.files
                                where source_file not in (select source_file from mart.fct_figure_mentions)""")
    assert silent and all(duplicate_of is not None or name not in _FILES_WITH_GOLD_FIGURES
                          or name in _KNOWN_SILENT for name, duplicate_of in silent), silent
    assert any(duplicate_of is not None for _, duplicate_of in silent)
    orphans = read(corpus.db, """select count(*) from mart.fct_figures
                                 where figure_id not in (select figure_id from mart.fct_figure_mentions)""")
    assert orphans == [(0,)]
