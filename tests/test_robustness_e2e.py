"""The real nightly job (Dagster, dbt, DuckDB, GX) on a landing folder full of trouble.

One folder holds every encoding and every kind of bad file at once, so one run tests them all
(each real run costs 20-60 s). Nights 1 and 3 run the job in the test process; night 2 runs it as
people do (`dagster job execute`), twice at once. The runs build on each other, in this order:

1. night 1: the folder as delivered: good files are loaded, bad ones refused and alerted;
2. night 2: the same folder again, while analysts read the mart and a second run is started:
   nothing changes (same ids, no new rows or alerts) and the second run stops with a clear message;
3. night 3: a re-delivery under another name and a corrected article: the copy adds nothing, the
   correction replaces the old figures, which stay queryable as history.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from scripts.fault_inject import snapshot
from tests.conftest import (
    PROJECT_ROOT,
    SEED_FILES,
    SEED_RAW,
    job_env,
    prepare_dbt_once,
    project_lock,
    run_in_process,
    run_job,
)

pytestmark = pytest.mark.e2e


def article(day: int, title: str, body: str) -> str:
    return f"（2026年1月{day}日）\n\n{title}\n\n{body}\n"


# One province per file, so every file's figures can be found again in the mart.
GOOD = {
    # file name: (bytes, encoding expected in staging.files, province, R&D intensity)
    "utf8.txt": ("utf-8", "utf_8", "浙江省", 3.2),
    "bom.txt": ("utf-8-sig", "utf_8_sig", "江苏省", 3.29),
    "gb18030.txt": ("gb18030", "gb18030", "广东省", 3.6),
    "gbk.txt": ("gbk", "gb18030", "四川省", 2.26),
    "crlf.txt": ("utf-8", "utf_8", "山东省", 2.57),
    "full width.txt": ("utf-8", "utf_8", "福建省", 2.08),
    "zero width.txt": ("gb18030", "gb18030", "安徽省", 2.69),
    "湖南 科技 报道（终稿）.txt": ("utf-8", "utf_8", "湖北省", 2.36),
}
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def good_text(name: str) -> str:
    _, _, province, intensity = GOOD[name]
    body = (
        f"2025年，{province}研发经费投入增长8.1%，研发投入强度达{intensity}%，"
        f"科技型中小企业突破3万家，技术合同成交额达1520.3亿元。\n\n{province}将继续加大投入。"
    )
    text = article(5, f"{province}科技创新成绩单", body)
    if name == "crlf.txt":
        text = text.replace("\n", "\r\n")
    if name == "full width.txt":
        text = text.translate(FULL_WIDTH)
    if name == "zero width.txt":  # between characters (copied from web pages), never inside a number
        text = text.replace("研发投入", "研\u200b发投\u200d入").replace("科技型", "\u2060科技型")
    return text


ZERO_WIDTH_IN_NUMBER = article(5, "江西省科技创新", "2025年，江西省研发投入强度达1.\u200b94%。")


def big_file_text(target_bytes: int = 10 * 1024 * 1024) -> str:
    """About 10 MB of prose from the seed articles, with a dated figure sentence every ~50 KB."""
    prose = "".join((SEED_RAW / name).read_text("utf-8") for name in SEED_FILES)
    sentences = [s + "。" for s in re.split(r"[。\n]", prose) if len(s) > 12 and not re.search(r"[0-9０-９%]", s)]
    rng = random.Random(2025)
    parts, size, n = [article(3, "湖南科技年度长篇报道", "")], 0, 0
    while size < target_bytes:
        paragraph = "".join(rng.sample(sentences, 6))
        n += 1
        if n % 50 == 0:
            paragraph += "2025年，全省研发经费投入增长8.62%，研发投入强度达2.62%。"
        parts.append(paragraph + "\n\n")
        size += len(paragraph.encode("utf-8")) + 2
    return "".join(parts)


@dataclass
class Night:
    db: Path
    raw: Path
    result: subprocess.CompletedProcess | None = None
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


def read(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def alert_lines(db: Path) -> list[dict]:
    path = db.parent / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()] if path.exists() else []


def build_raw(raw: Path, outside: Path) -> dict[str, str]:
    """Write the folder; returns {bad file name: reason words expected in quarantine}."""
    raw.mkdir(parents=True)
    for name, (codec, *_rest) in GOOD.items():
        (raw / name).write_bytes(good_text(name).encode(codec))
    for name in SEED_FILES:
        (raw / name).write_bytes((SEED_RAW / name).read_bytes())
    (raw / "zero width in number.txt").write_text(ZERO_WIDTH_IN_NUMBER, "utf-8")
    (raw / "no figures.txt").write_text(article(6, "春节假期安排", "各单位做好节日值班和安全生产工作。"), "utf-8")
    (raw / "archive 10MB.txt").write_text(big_file_text(), "utf-8")
    whole = good_text("utf8.txt").replace("浙江省", "河北省")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    (raw / "corrupt.txt").write_bytes(whole.encode("utf-8")[:40] + b"\xff\xfe" + whole.encode("utf-8")[40:])
    (raw / "cut utf8.txt").write_bytes(whole.encode("utf-8").rstrip()[:-2])
    (raw / "cut gbk.txt").write_bytes(whole.encode("gbk").rstrip()[:-1])
    (raw / "blank.txt").write_text(" \r\n\u3000\n", "utf-8")
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(whole, "utf-8")
    os.symlink(outside / "secret.txt", raw / "link outside.txt")
    os.symlink(outside, raw / "linked folder")
    os.mkfifo(raw / "pipe.txt")
    (raw / os.fsdecode("报道.txt".encode("gbk"))).write_text(whole, "utf-8")
    return {
        "empty.txt": "empty file",
        "photo.jpg": "JPEG image",  # recognised by its bytes, before any decoding
        "corrupt.txt": "corrupt UTF-8",
        "cut utf8.txt": "truncated",
        "cut gbk.txt": "truncated",
        "blank.txt": "only whitespace",
        "link outside.txt": "symlink to a path outside",
        "linked folder": "symlink to a path outside",
        "pipe.txt": "not a regular file",
        r"\xb1\xa8\xb5\xc0.txt": "not valid UTF-8",
    }


def run_night(raw: Path, db: Path) -> subprocess.CompletedProcess:
    """The job in this process (no Dagster and GX imports to pay again), reported like a subprocess."""
    report = run_in_process(raw, db)
    return subprocess.CompletedProcess(["nightly_etl"], 0 if report.success else 1, report.error or "", "")


@pytest.fixture(scope="module")
def night1(tmp_path_factory: pytest.TempPathFactory) -> Night:
    root = tmp_path_factory.mktemp("robust")
    night = Night(db=root / "wh" / "indicators.duckdb", raw=root / "raw")
    night.extra["bad"] = build_raw(night.raw, root / "outside")
    started = time.monotonic()
    night.result = run_night(night.raw, night.db)
    night.seconds = time.monotonic() - started
    assert night.result.returncode == 0, night.result.stdout[-3000:] + night.result.stderr[-3000:]
    return night


def test_every_encoding_is_detected_recorded_and_its_figures_loaded(night1: Night) -> None:
    files = dict(read(night1.db, "select source_file, encoding from staging.files where is_current"))
    for name, (_, encoding, province, intensity) in GOOD.items():
        assert files[name] == encoding, name
        rows = read(
            night1.db,
            """select f.value, f.region_name from mart.fct_figures f join mart.fct_figure_mentions m using (figure_id)
               where m.source_file = ? and f.indicator_code = 'rd_intensity'""",
            [name],
        )
        assert rows == [(intensity, province)], name


def test_offsets_index_the_decoded_text_exactly(night1: Night) -> None:
    """text[char_start:char_end] == quote, in staging and against the bytes on disk decoded again."""
    texts = dict(read(night1.db, "select file_version_id, text from staging.files"))
    encodings = dict(read(night1.db, "select source_file, encoding from staging.files where is_current"))
    mentions = read(
        night1.db, "select file_version_id, source_file, char_start, char_end, quote from mart.fct_figure_mentions"
    )
    assert len(mentions) > 100
    wrong = [m for m in mentions if texts[m[0]][m[2]:m[3]] != m[4]]
    assert wrong == []
    for name in GOOD:
        on_disk = (night1.raw / name).read_bytes().decode(codecs.lookup(encodings[name]).name)
        for _, source, start, end, quote in mentions:
            if source == name:
                assert on_disk[start:end] == quote, (name, start, end, quote)
    crlf = [m for m in mentions if m[1] == "crlf.txt"]
    assert crlf and all(m[2] > texts[crlf[0][0]].index("\r\n") for m in crlf)  # CRs counted, not dropped


def test_bad_files_are_quarantined_with_reasons_and_alerted(night1: Night) -> None:
    expected: dict[str, str] = night1.extra["bad"]
    quarantined = dict(read(night1.db, "select source_file, reason from staging.quarantine"))
    for name, words in expected.items():
        assert name in quarantined, (name, sorted(quarantined))
        assert words in quarantined[name], (name, quarantined[name])
    assert set(quarantined) == set(expected)  # nothing good was refused
    loaded = {r[0] for r in read(night1.db, "select source_file from staging.files")}
    assert not loaded & set(expected)
    alerts = read(
        night1.db,
        "select source_files, severity, status from mart.dq_alerts where check_name = 'no_quarantined_files'",
    )
    assert sorted(a[0] for a in alerts) == sorted(expected)
    assert {(a[1], a[2]) for a in alerts} == {("WARN", "open")}
    logged = [a["source_files"][0] for a in alert_lines(night1.db) if a["check_name"] == "no_quarantined_files"]
    assert sorted(logged) == sorted(expected)


def test_odd_but_good_files_are_loaded(night1: Night) -> None:
    no_figures = read(
        night1.db,
        """select count(distinct a.article_id), count(m.mention_id) from staging.articles a
           left join staging.figure_mentions m using (file_version_id) where a.source_file = 'no figures.txt'""",
    )
    assert no_figures[0][0] >= 1 and no_figures[0][1] == 0
    big = read(
        night1.db,
        """select f.bytes, count(m.mention_id) from staging.files f
           join mart.fct_figure_mentions m using (file_version_id)
           where f.source_file = 'archive 10MB.txt' group by f.bytes""",
    )
    assert big and big[0][0] >= 10 * 1024 * 1024 and big[0][1] >= 100
    assert night1.seconds < 240, f"a 10 MB file must not make the night absurdly long ({night1.seconds:.0f} s)"
    names = {r[0] for r in read(night1.db, "select distinct source_file from mart.fct_figure_mentions")}
    assert "湖南 科技 报道（终稿）.txt" in names and set(SEED_FILES) <= names


def test_zero_width_character_inside_a_number_is_ignored(night1: Night) -> None:
    rows = read(
        night1.db,
        """select m.quote, f.value from mart.fct_figure_mentions m join mart.fct_figures f using (figure_id)
           where m.source_file = 'zero width in number.txt'""",
    )
    assert [r[1] for r in rows] == [1.94]


# --- night 2: the same folder, analysts reading, a second run started ------------------------------


@pytest.fixture(scope="module")
def night2(night1: Night) -> Night:
    """Rerun on the unchanged folder while readers poll the mart and a second run tries to start."""
    before = snapshot(night1.db)
    lines_before = len(alert_lines(night1.db))
    errors: list[str] = []
    seen_counts: set[int] = set()
    stop = threading.Event()
    # each analyst holds a read-only connection open across the whole run (one per thread: a DuckDB
    # connection serves one call at a time), and opens fresh ones while the run goes on
    analysts = [duckdb.connect(str(night1.db), read_only=True) for _ in range(2)]

    def poll(analyst: duckdb.DuckDBPyConnection) -> None:
        while not stop.is_set():
            try:
                seen_counts.add(analyst.execute("select count(*) from mart.fct_figures").fetchone()[0])
                with duckdb.connect(str(night1.db), read_only=True) as fresh:
                    seen_counts.add(fresh.execute("select count(*) from mart.fct_figures").fetchone()[0])
            except duckdb.Error as exc:
                errors.append(str(exc))
            time.sleep(0.05)

    readers = [threading.Thread(target=poll, args=(a,), daemon=True) for a in analysts]
    for t in readers:
        t.start()
    lock_file = night1.db.with_name(night1.db.name + ".lock")
    log = night1.db.parent.parent / "night2.log"  # a file, not a pipe nobody reads while we wait
    out = log.open("w")
    prepare_dbt_once()
    with project_lock():  # both runs read the dbt project: the one started here and run_job's
        first = subprocess.Popen(
            [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"],
            cwd=PROJECT_ROOT, env=job_env(night1.raw, night1.db), stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 300
            while not (lock_file.exists() and lock_file.read_text().startswith("pid")):
                assert first.poll() is None, "the first run ended before taking the lock"
                assert time.monotonic() < deadline
                time.sleep(0.2)
            second = run_job(night1.raw, night1.db)  # INDICATORS_LOCK_WAIT_SECONDS=0: stop at once
            first.wait(timeout=900)
        finally:
            stop.set()
            for t in readers:
                t.join(10)
            for a in analysts:
                a.close()
            if first.poll() is None:
                first.kill()
            out.close()
    night = Night(db=night1.db, raw=night1.raw)
    night.result = subprocess.CompletedProcess(first.args, first.returncode, log.read_text(errors="replace"), "")
    night.extra.update(before=before, lines_before=lines_before, second=second, errors=errors, counts=seen_counts)
    return night


def test_second_run_stops_with_a_clear_message_and_the_first_completes(night2: Night) -> None:
    second: subprocess.CompletedProcess = night2.extra["second"]
    assert second.returncode != 0
    assert "another nightly run is writing the warehouse" in second.stdout + second.stderr
    assert night2.result.returncode == 0, night2.result.stdout[-3000:]


def test_readers_during_the_run_are_not_broken(night2: Night) -> None:
    assert night2.extra["errors"] == []
    assert len(night2.extra["counts"]) == 1  # the same mart before and after: every read agreed


def test_rerun_on_the_same_folder_changes_nothing(night2: Night) -> None:
    after = snapshot(night2.db)
    before = night2.extra["before"]
    assert sorted(after) == sorted(before)
    changed = [t for t in before if before[t] != after[t]]
    assert changed == []  # same figure ids, same rows, same alerts (timestamps aside)
    new_lines = alert_lines(night2.db)[night2.extra["lines_before"]:]
    # the only new line is the refused second run telling people it stopped
    assert [a["check_name"] for a in new_lines] == ["run_failed"]
    assert "another nightly run" in new_lines[0]["message"]


# --- night 3: a re-delivery and a correction ---------------------------------------------------------


@pytest.fixture(scope="module")
def night3(night2: Night) -> Night:
    raw, db = night2.raw, night2.db
    before = snapshot(db)
    (raw / "utf8 copy.txt").write_bytes((raw / "utf8.txt").read_bytes())
    corrected = good_text("crlf.txt").replace("2.57%", "2.75%")
    (raw / "crlf.txt").write_bytes(corrected.encode("utf-8"))
    night = Night(db=db, raw=raw)
    night.result = run_night(raw, db)
    assert night.result.returncode == 0, night.result.stdout[-3000:]
    night.extra["before"] = before
    return night


def _crlf_figure_ids(rows: list[tuple]) -> set[str]:
    """figure ids of crlf.txt's mentions, from a fct_figure_mentions snapshot (figure_id, mention_id, file)."""
    return {r[0] for r in rows if r[2] == "crlf.txt"}


def test_same_bytes_under_another_name_add_nothing(night3: Night) -> None:
    assert read(night3.db, "select duplicate_of from staging.files where source_file = 'utf8 copy.txt'") == [
        ("utf8.txt",)
    ]
    before, after = night3.extra["before"], snapshot(night3.db)
    touched = _crlf_figure_ids(before["mart.fct_figure_mentions"]) | _crlf_figure_ids(after["mart.fct_figure_mentions"])
    assert [r for r in after["mart.fct_figure_mentions"] if r[2] == "utf8 copy.txt"] == []
    # every figure not stated by the corrected article is exactly as it was: same ids, same rows
    assert {r for r in before["mart.fct_figures"] if r[0] not in touched} == {
        r for r in after["mart.fct_figures"] if r[0] not in touched
    }
    unrelated = [r for r in after["mart.fct_figure_mentions"] if r[2] != "crlf.txt"]
    assert sorted(unrelated) == sorted(r for r in before["mart.fct_figure_mentions"] if r[2] != "crlf.txt")


def test_a_corrected_article_replaces_its_figures_and_keeps_history(night3: Night) -> None:
    versions = read(night3.db, "select version, is_current from staging.files where source_file = 'crlf.txt' "
                               "order by version")
    assert versions == [(1, False), (2, True)]
    current = read(
        night3.db,
        """select f.value, m.version from mart.fct_figures f join mart.fct_figure_mentions m using (figure_id)
           where m.source_file = 'crlf.txt' and f.indicator_code = 'rd_intensity'""",
    )
    assert current == [(2.75, 2)]
    assert read(night3.db, "select count(*) from mart.fct_figures where value = 2.57 and region_name = '山东省'") == [
        (0,)
    ]
    history = read(
        night3.db,
        """select value, version, history_reason from mart.figure_mention_history
           where source_file = 'crlf.txt' and indicator_code = 'rd_intensity'""",
    )
    assert history == [(2.57, 1, "superseded")]
    # the article's unchanged figures keep their ids; only the corrected value is a new figure
    before = _crlf_figure_ids(night3.extra["before"]["mart.fct_figure_mentions"])
    after = _crlf_figure_ids(snapshot(night3.db)["mart.fct_figure_mentions"])
    assert len(before - after) == 1 and len(after - before) == 1
    twice = read(night3.db, "select count(*) - count(distinct mention_id) from mart.fct_figure_mentions")
    assert twice == [(0,)]


@pytest.mark.skipif(not os.environ.get("INDICATORS_SLOW_TESTS"), reason="set INDICATORS_SLOW_TESTS=1 (minutes)")
def test_a_dense_10mb_file_in_reasonable_time(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = "\n\n".join((SEED_RAW / name).read_text("utf-8") for name in SEED_FILES)
    (raw / "dense.txt").write_text("\n\n".join([seed] * 360), "utf-8")
    started = time.monotonic()
    try:
        result = run_job(raw, tmp_path / "wh" / "indicators.duckdb", timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("the job took more than 240 s on one 10 MB file")
    assert result.returncode == 0 and time.monotonic() - started < 240
