"""Issue 16 through the real job (dbt, DuckDB, GX): the cases the crash tests do not cover, one
shared run per scenario. The runs whose output or timing is the point run as people run them
(`dagster job execute`: night 1 of the landing folder, the night an analyst holds the file during);
the others run in the test process (run_in_process), whose stdout and stderr, or the run's error,
the tests read instead where it matters.

1. an analyst holds the published warehouse read-write during a run (the duckdb CLI without
   -readonly): the run waits, refuses with an alert when the analyst does not let go, and otherwise
   publishes without any reader seeing an error; writes made outside the runs are kept;
2. files still being written (settle time, ready markers) wait for the next run;
3. copies of one article (GB18030, UTF-16, a page under another name, a reprint) are one source;
4. a full disk: the alert still reaches stderr and the URL, no partial copy is left;
5. NUL bytes stripped with a note; a file that is mostly repeats refused with an alert; stale dbt
   run folders removed; a warehouse folder inside the raw folder refused with a clear error.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest

from orchestration.dbt_runs import TARGET_DIR, remove_stale_run_folders
from tests.conftest import (
    FIXTURES,
    PROJECT_ROOT,
    SEED_FILES,
    SEED_RAW,
    ProjectLock,
    copy_seeds,
    job_env,
    prepare_dbt_once,
    project_lock,
    run_in_process,
)
from tests.test_robustness_cases_unit import Holder, _Sink

if TYPE_CHECKING:
    from orchestration.runner import RunReport

pytestmark = pytest.mark.e2e

OLD = time.time() - 3600
HUNAN = (SEED_RAW / SEED_FILES[0]).read_text("utf-8")
CHANGSHA = (SEED_RAW / SEED_FILES[1]).read_text("utf-8")
PARTIAL = FIXTURES / "heldout" / "zhejiang-sti-2024.txt"
JOB = [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", "nightly_etl"]


def read(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def alert_lines(db: Path) -> list[dict]:
    path = db.parent / "alerts.jsonl"
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()] if path.exists() else []


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def _old(path: Path) -> None:
    os.utime(path, (OLD, OLD))


@dataclass
class Landing:
    raw: Path
    db: Path
    night1: subprocess.CompletedProcess | None = None
    night2: RunReport | None = None
    stale_dbt: Path | None = None
    extra: dict = field(default_factory=dict)


# --- 2, 3, 5: one landing folder, two nights ----------------------------------------------------------


def _night_that_removes_the_stale_folder(raw: Path, db: Path, logs: Path, lock: ProjectLock
                                        ) -> subprocess.CompletedProcess:
    """`dagster job execute` as run_job runs it, holding the project exclusively only until the run's
    dbt step has removed the planted folder (it logs that first thing), and shared from then on."""
    logs.mkdir()
    out, err = logs / "stdout", logs / "stderr"
    with out.open("w") as stdout, err.open("w") as stderr:
        job = subprocess.Popen(JOB, cwd=PROJECT_ROOT, env=job_env(raw, db, INDICATORS_SETTLE_SECONDS="600"),
                               stdout=stdout, stderr=stderr)
        try:
            deadline = time.monotonic() + 600
            while job.poll() is None and "dbt run folder(s) left by killed runs" not in (
                    err.read_text(errors="replace") + out.read_text(errors="replace")):
                assert time.monotonic() < deadline, "night 1 did not reach its dbt step"
                time.sleep(0.2)
            lock.downgrade()
            job.wait(600)
        finally:
            if job.poll() is None:
                job.kill()
    return subprocess.CompletedProcess(JOB, job.returncode, out.read_text(errors="replace"),
                                       err.read_text(errors="replace"))


@pytest.fixture(scope="module")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Landing:
    root = tmp_path_factory.mktemp("landing")
    raw = copy_seeds(root / "raw")
    # 3: the Hunan article again, re-encoded, saved as a page under another name, and reprinted
    (raw / "hunan gb18030.txt").write_bytes(HUNAN.encode("gb18030"))
    (raw / "湖南 科技 utf16.txt").write_bytes(HUNAN.encode("utf-16"))
    paragraphs = "".join(f"<p>{p}</p>\n" for p in HUNAN.split("\n") if p.strip())
    (raw / "转载 page.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>回眸2025</title></head><body>"
        "<div class='nav'>首页 | 科技 | 地方</div><article>" + paragraphs + "</article>"
        "<div class='footer'>版权所有 某某网</div></body></html>", "utf-8")
    reprint = HUNAN.split("\n")
    reprint.insert(2, "（本文转载自湖南日报，有删节）")
    reprint = [p for p in reprint if "站在新征程新起点上" not in p]  # one paragraph cut
    (raw / "reprint.txt").write_text("\n".join(reprint), "utf-8")
    # 5: a good article with a few NUL bytes; 50 MB of one paragraph looped
    data = CHANGSHA.encode("utf-8")
    (raw / "nul bytes.txt").write_bytes(data[:200] + b"\x00\x00\x00" + data[200:])
    looped = "2025年，全省研发经费投入增长8.62%，研发投入强度达2.62%，科技型中小企业突破4万家。\n"
    with (raw / "looped 50MB.txt").open("w", encoding="utf-8") as out:
        out.write("（2026年1月3日）\n")
        out.write(looped * (50 * 1024 * 1024 // len(looped.encode())))
    # 2: a crawler halfway through a file; a folder whose crawler writes ready markers
    text = PARTIAL.read_text("utf-8")
    (raw / "crawl").mkdir()
    shutil.copy(FIXTURES / "heldout" / "anhui-innovation-2022.txt", raw / "crawl" / "finished.txt")
    (raw / "crawl" / "finished.txt.done").write_bytes(b"")
    shutil.copy(FIXTURES / "heldout" / "shaanxi-tech-market-2021.txt", raw / "crawl" / "no marker yet.txt")
    for path in raw.rglob("*"):
        _old(path)
    (raw / "being written.txt").write_text(text[: len(text) * 2 // 5], "utf-8")  # changed just now
    land = Landing(raw=raw, db=root / "wh" / "indicators.duckdb")
    prepare_dbt_once()
    # every run removes the stale dbt run folders it finds: no other run (another test's, in the
    # other worker) may start until night 1 has removed the one planted here
    with project_lock(exclusive=True) as lock:
        remove_stale_run_folders()  # older ones left by killed runs: night 1 names only the planted one
        # 5: a dbt run folder a killed run left an hour ago
        stale = TARGET_DIR / "indicators_dbt-0000000-killed-run"
        (stale / "compiled").mkdir(parents=True, exist_ok=True)
        (stale / "run_results.json").write_text("{}")
        for path in (stale / "run_results.json", stale / "compiled", stale):
            os.utime(path, (OLD - 3600, OLD - 3600))
        land.stale_dbt = stale
        land.night1 = _night_that_removes_the_stale_folder(raw, land.db, root / "night1", lock)
    assert land.night1.returncode == 0, output(land.night1)[-4000:]
    land.extra["versions_after_night1"] = read(land.db, "select source_file, version from staging.files")
    # night 2: the crawler finished the file and wrote the missing marker
    (raw / "being written.txt").write_text(text, "utf-8")
    (raw / "crawl" / "no marker yet.txt.done").write_bytes(b"")
    for path in (raw / "being written.txt", raw / "crawl" / "no marker yet.txt.done"):
        _old(path)
    land.night2 = run_in_process(raw, land.db, INDICATORS_SETTLE_SECONDS="600")  # only its warehouse is read
    assert land.night2.success, land.night2.error
    return land


def test_2_files_still_being_written_wait_for_the_next_run(landing: Landing) -> None:
    night1 = dict(landing.extra["versions_after_night1"])
    assert "being written.txt" not in night1 and "crawl/no marker yet.txt" not in night1
    assert "crawl/finished.txt" in night1  # its marker was there
    log = output(landing.night1)
    assert "waiting: being written.txt: changed" in log and "still being written" in log
    assert "waiting: crawl/no marker yet.txt: its ready marker no marker yet.txt.done is missing" in log
    # not refused, not alerted; night 2 reads each file once, complete, as its first version
    quarantined = {r[0] for r in read(landing.db, "select source_file from staging.quarantine")}
    assert not quarantined & {"being written.txt", "crawl/no marker yet.txt", "crawl/finished.txt.done"}
    assert not [a for a in alert_lines(landing.db) if "being written" in json.dumps(a, ensure_ascii=False)]
    versions = read(landing.db, "select version, is_current, length(text) from staging.files "
                                "where source_file = 'being written.txt'")
    assert versions == [(1, True, len(PARTIAL.read_text("utf-8")))]
    assert read(landing.db, "select count(*) from staging.files where source_file = 'crawl/no marker yet.txt'") == [
        (1,)]
    assert read(landing.db, "select count(*) from mart.figure_mention_history "
                            "where source_file = 'being written.txt'") == [(0,)]
    assert read(landing.db, "select count(*) from staging.waiting_files") == [(0,)]


def test_3_copies_of_one_article_are_one_source(landing: Landing) -> None:
    copies = {SEED_FILES[0], "hunan gb18030.txt", "湖南 科技 utf16.txt", "转载 page.html", "reprint.txt"}
    rows = read(
        landing.db,
        """select f.figure_id, f.source_count, f.mention_count, list(distinct m.source_file)
           from mart.fct_figures f join mart.fct_figure_mentions m using (figure_id)
           where f.region_name = '湖南省' and f.period = '2025' and f.indicator_code = 'rd_intensity'
           group by all""",
    )
    assert len(rows) == 1
    _, source_count, mention_count, files = rows[0]
    assert set(files) == copies  # every copy kept as a mention, for provenance
    assert source_count == 1 and mention_count >= 5
    # no figure stated only by the Hunan article and its copies counts more than one source
    counts = read(
        landing.db,
        """select f.source_count, list(distinct m.source_file) from mart.fct_figures f
           join mart.fct_figure_mentions m using (figure_id) group by f.figure_id, f.source_count""",
    )
    only_copies = [c for c, files in counts if set(files) <= copies]
    assert only_copies and set(only_copies) == {1}
    # two different articles stating the same figure are still two sources
    both = [c for c, files in counts if SEED_FILES[1] in files and set(files) & copies]
    assert both and set(both) == {2}


def test_5_nul_bytes_are_stripped_with_a_warning(landing: Landing) -> None:
    log = output(landing.night1)
    assert "nul bytes.txt: 3 NUL byte(s) stripped before decoding" in log
    assert "WARNING" in next(line for line in log.splitlines() if "NUL byte(s) stripped" in line)
    (text,) = read(landing.db, "select text from staging.files where source_file = 'nul bytes.txt'")[0]
    assert text == CHANGSHA
    assert read(landing.db, "select count(*) from mart.fct_figure_mentions where source_file = 'nul bytes.txt'")[0][
        0] > 10


def test_5_a_file_of_repeats_is_refused_with_an_alert(landing: Landing) -> None:
    (reason,) = read(landing.db, "select reason from staging.quarantine where source_file = 'looped 50MB.txt'")[0]
    assert reason.startswith("mostly repeats: 100.0% of its text") or reason.startswith("mostly repeats: 99.")
    assert read(landing.db, "select count(*) from staging.files where source_file = 'looped 50MB.txt'") == [(0,)]
    alerted = [a for a in alert_lines(landing.db) if a["source_files"] == ["looped 50MB.txt"]]
    assert len(alerted) == 1 and alerted[0]["check_name"] == "no_quarantined_files"
    assert "mostly repeats" in alerted[0]["message"]


def test_5_stale_dbt_run_folders_are_removed(landing: Landing) -> None:
    assert not landing.stale_dbt.exists()
    assert "removed 1 dbt run folder(s) left by killed runs: indicators_dbt-0000000-killed-run" in output(
        landing.night1)


def test_5_a_warehouse_inside_the_raw_folder_is_refused(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    raw = copy_seeds(tmp_path / "raw")
    db = raw / "warehouse" / "indicators.duckdb"
    capfd.readouterr()
    result = run_in_process(raw, db)  # what the run prints: its log and alerts, on this process's stdout and stderr
    assert not result.success
    assert "lies inside the raw folder" in "".join(capfd.readouterr())
    assert not (raw / "warehouse").exists() or not any((raw / "warehouse").iterdir())


# --- 1: an analyst with a read-write connection ------------------------------------------------------


@dataclass
class AnalystNights:
    db: Path
    refused: RunReport
    published: subprocess.CompletedProcess
    sha_before: str
    sha_after_refusal: str
    files_after_refusal: list[str]
    reader_errors: list[str]
    reads: int
    lines_before: int


def _copy_warehouse(src_db: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for path in src_db.parent.iterdir():
        if path.is_file() and path.name.startswith(src_db.name) and not path.name.endswith(".lock"):
            shutil.copy2(path, dest / path.name)  # keeps the mtime the last publish recorded
    if (src_db.parent / "alerts.jsonl").exists():
        shutil.copy2(src_db.parent / "alerts.jsonl", dest / "alerts.jsonl")
    return dest / src_db.name


@pytest.fixture(scope="module")
def analyst(seed_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> AnalystNights:
    root = tmp_path_factory.mktemp("analyst")
    raw = copy_seeds(root / "raw")
    db = _copy_warehouse(seed_warehouse, root / "wh")
    sha_before = sha(db)
    lines_before = len(alert_lines(db))
    prepare_dbt_once()
    first = Holder(db, "rw", "notes")  # 81 rows in its WAL, uncommitted to the file
    try:
        with project_lock():  # both nights run the job: in this process, and the one started here
            # night A: the analyst does not let go within the wait: refused, nothing replaced
            refused = run_in_process(raw, db, INDICATORS_ANALYST_WAIT_SECONDS="3")
            files_after_refusal = sorted(p.name for p in db.parent.iterdir())
            sha_after_refusal = sha(db)
            # night B: the analyst closes 5 s into the run; a second analyst opens the file read-write
            # while dbt builds and holds it until the publish has been waiting 3 s
            log_path = root / "night-b.log"
            errors: list[str] = []
            reads = [0]
            quiet = threading.Event()  # set while nobody outside the run holds the file read-write
            stop = threading.Event()

            def poll() -> None:
                while not stop.is_set():
                    if quiet.is_set():
                        try:
                            with duckdb.connect(str(db), read_only=True) as con:
                                con.execute("select count(*) from mart.fct_figures").fetchone()
                            reads[0] += 1
                        except duckdb.Error as exc:
                            if quiet.is_set():  # not a writer that just arrived
                                errors.append(str(exc))
                    time.sleep(0.05)

            reader = threading.Thread(target=poll, daemon=True)
            reader.start()
            with log_path.open("w") as log:
                job = subprocess.Popen(
                    JOB, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                    env=job_env(raw, db, INDICATORS_ANALYST_WAIT_SECONDS="300", PYTHONUNBUFFERED="1"),
                )
                second = None
                try:
                    time.sleep(5)
                    first.close()
                    quiet.set()
                    deadline = time.monotonic() + 600
                    while "indicators_dbt - STEP_START" not in log_path.read_text(errors="replace"):
                        assert job.poll() is None and time.monotonic() < deadline, "the run ended early"
                        time.sleep(0.2)
                    quiet.clear()
                    time.sleep(0.3)
                    second = Holder(db, "rw", "notes_during_run")
                    while "published_warehouse - STEP_START" not in log_path.read_text(errors="replace"):
                        assert job.poll() is None and time.monotonic() < deadline, "the run ended early"
                        time.sleep(0.2)
                    time.sleep(3)
                    assert job.poll() is None  # the publish waits for the analyst
                    second.close()
                    quiet.set()
                    job.wait(600)
                finally:
                    stop.set()
                    reader.join(10)
                    if second is not None:
                        second.close()
                    if job.poll() is None:
                        job.kill()
            published = subprocess.CompletedProcess(JOB, job.returncode, log_path.read_text(errors="replace"), "")
    finally:
        first.close()
    return AnalystNights(db=db, refused=refused, published=published, sha_before=sha_before,
                         sha_after_refusal=sha_after_refusal, files_after_refusal=files_after_refusal,
                         reader_errors=errors, reads=reads[0], lines_before=lines_before)


def test_1_a_run_refuses_with_an_alert_while_an_analyst_holds_the_file(analyst: AnalystNights) -> None:
    assert not analyst.refused.success
    assert "is open read-write in another process" in (analyst.refused.error or "")
    assert analyst.sha_after_refusal == analyst.sha_before  # nothing replaced
    assert not [name for name in analyst.files_after_refusal if ".building" in name or name.endswith(".wal")
                and name != "indicators.duckdb.wal"]
    failed = [a for a in alert_lines(analyst.db)[analyst.lines_before:] if a["check_name"] == "run_failed"]
    assert len(failed) == 1 and "open read-write in another process" in failed[0]["message"]


def test_1_a_run_waits_for_the_analyst_and_nobody_sees_an_error(analyst: AnalystNights) -> None:
    assert analyst.published.returncode == 0, analyst.published.stdout[-4000:]
    assert analyst.reader_errors == []
    assert analyst.reads > 20
    assert not analyst.db.with_name(analyst.db.name + ".wal").exists()
    assert read(analyst.db, "select count(*) from mart.fct_figures")[0][0] > 50  # fresh readers replay no WAL
    # alert_notifications ran after the publish: the run's alerts went out tonight
    assert "alert_notifications - STEP_SUCCESS" in analyst.published.stdout


def test_1_nobodys_writes_vanish(analyst: AnalystNights) -> None:
    # the first analyst's rows were checkpointed before the copy: the new mart carries them
    assert read(analyst.db, "select count(*) from analyst.notes") == [(81,)]
    # the second analyst's rows went into the old file during the run: it is kept, with both
    changed = [a for a in alert_lines(analyst.db) if a["check_name"] == "published_file_changed"]
    assert len(changed) == 1 and "written while this run was building" in changed[0]["message"]
    kept = sorted(analyst.db.parent.glob("indicators.duckdb.kept-*"))
    assert len(kept) == 1 and str(kept[0]) in changed[0]["message"]
    assert read(kept[0], "select count(*) from analyst.notes") == [(81,)]
    assert read(kept[0], "select count(*) from analyst.notes_during_run") == [(81,)]


# --- 4: a full disk ----------------------------------------------------------------------------------


def test_4_a_full_disk_still_alerts_and_leaves_no_partial_copy(seed_warehouse: Path, tmp_path: Path,
                                                              capfd: pytest.CaptureFixture[str]) -> None:
    raw = copy_seeds(tmp_path / "raw")
    db = _copy_warehouse(seed_warehouse, tmp_path / "wh")
    alerts_log = db.parent / "alerts.jsonl"  # absent when the seed run had nothing to tell
    before, log_before = sha(db), (alerts_log.read_bytes() if alerts_log.exists() else None)
    _Sink.received = []
    server = HTTPServer(("127.0.0.1", 0), _Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    capfd.readouterr()
    try:  # in this process: what the run prints is on this process's stdout and stderr
        result = run_in_process(raw, db, INDICATORS_FAULT_POINT="disk_full",
                                INDICATORS_ALERT_URL=f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    assert not result.success
    stdout, stderr = capfd.readouterr()
    assert "No space left on device" in stdout + stderr
    assert "ALERT [ERROR] run_failed: nightly run" in stderr  # stderr, whatever the log file does
    assert (alerts_log.read_bytes() if alerts_log.exists() else None) == log_before  # it could not be written
    posted = [a for batch in _Sink.received for a in batch["alerts"]]
    assert [a["check_name"] for a in posted] == ["run_failed"] and "No space left" in posted[0]["message"]
    assert not [p.name for p in db.parent.iterdir() if ".building" in p.name]
    assert sha(db) == before
