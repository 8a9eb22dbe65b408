"""Issue 16's rules one by one, without the job: settle time and ready markers, NUL bytes, the size
limit, mostly repeated files, the warehouse inside raw/, foreign read-write connections, a published
file changed outside the runs, alerts without alerts.jsonl, stale dbt run folders.

The same cases run through the real job in tests/test_robustness_cases_e2e.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import duckdb
import pytest

from orchestration import alerting, config, dbt_runs, ingest, publish
from orchestration.config import Paths
from tests.conftest import SEED_FILES, SEED_RAW

ARTICLE = (SEED_RAW / SEED_FILES[0]).read_text("utf-8")
OLD = time.time() - 3600


def _write(path: Path, data: bytes, mtime: float | None = OLD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


# --- landing files ----------------------------------------------------------------------------------


def test_a_file_changed_within_the_settle_time_waits(tmp_path: Path) -> None:
    fresh = _write(tmp_path / "fresh.txt", ARTICLE.encode(), mtime=None)
    old = _write(tmp_path / "old.txt", ARTICLE.encode())
    waiting = ingest.read_file(tmp_path, fresh, settle_seconds=30)
    assert waiting.waiting and "still being written" in waiting.waiting and not waiting.accepted
    assert waiting.refused is None and waiting.text is None  # not quarantined, not read
    assert ingest.read_file(tmp_path, old, settle_seconds=30).accepted
    assert ingest.read_file(tmp_path, fresh, settle_seconds=0).accepted


def test_settle_time_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "fresh.txt", ARTICLE.encode(), mtime=None)
    monkeypatch.setenv("INDICATORS_SETTLE_SECONDS", "120")
    assert config.settle_seconds() == 120
    assert [f.waiting is not None for f in ingest.scan_raw(tmp_path)] == [True]
    monkeypatch.delenv("INDICATORS_SETTLE_SECONDS")
    assert config.settle_seconds() == config.DEFAULT_SETTLE_SECONDS == 60


def test_a_folder_with_ready_markers_waits_for_each_files_marker(tmp_path: Path) -> None:
    _write(tmp_path / "crawl" / "a.txt", ARTICLE.encode())
    _write(tmp_path / "crawl" / "a.txt.done", b"")
    _write(tmp_path / "crawl" / "b.txt", ARTICLE.encode())  # its marker is not written yet
    _write(tmp_path / "other" / "c.txt", ARTICLE.encode())  # a folder without markers: read as before
    files = {f.source_file: f for f in ingest.scan_raw(tmp_path, settle_seconds=0)}
    assert set(files) == {"crawl/a.txt", "crawl/b.txt", "other/c.txt"}  # markers are no articles
    assert files["crawl/a.txt"].accepted and files["other/c.txt"].accepted
    assert "b.txt.done is missing" in files["crawl/b.txt"].waiting
    # a configured marker applies everywhere
    configured = {f.source_file: f for f in ingest.scan_raw(tmp_path, settle_seconds=0, marker=".ok")}
    assert all(f.waiting for f in configured.values())


def test_a_few_nul_bytes_are_stripped_with_a_note(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    path = _write(tmp_path / "nul.txt", data[:300] + b"\x00\x00\x00" + data[300:])
    got = ingest.read_file(tmp_path, path)
    assert got.accepted and got.text == ARTICLE and "\x00" not in got.text
    assert got.notes and "3 NUL byte(s) stripped" in got.notes[0]
    gb = ARTICLE.encode("gb18030")
    path = _write(tmp_path / "nul gb.txt", b"\x00" + gb)
    assert ingest.read_file(tmp_path, path).text == ARTICLE


def test_binary_files_with_nul_bytes_are_still_refused(tmp_path: Path) -> None:
    binary = _write(tmp_path / "blob.txt", bytes(range(256)) * 40)
    assert "binary" in ingest.read_file(tmp_path, binary).refused
    half = _write(tmp_path / "half.txt", ARTICLE.encode()[:3000] + b"\x00" * 200)  # 6 % NUL: not text
    assert ingest.read_file(tmp_path, half).refused


def test_the_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "a.txt", ARTICLE.encode())
    assert config.max_file_bytes() == 64 * 1024 * 1024
    monkeypatch.setenv("INDICATORS_MAX_FILE_BYTES", "10000")
    (refused,) = list(ingest.scan_raw(tmp_path))
    assert refused.refused.startswith("too large: ") and "limit 10000" in refused.refused


def test_a_file_that_is_mostly_repeats_is_refused_with_the_share(tmp_path: Path) -> None:
    paragraph = "2025年，全省研发经费投入增长8.62%，研发投入强度达2.62%，科技型中小企业突破4万家。\n"
    looped = _write(tmp_path / "looped.txt", ("（2026年1月3日）\n" + paragraph * 2000).encode())
    got = ingest.read_file(tmp_path, looped)
    assert got.refused.startswith("mostly repeats: 99.9% of its text")
    one_line = _write(tmp_path / "one line.txt", (paragraph.strip() * 2000).encode())  # no line breaks
    assert ingest.read_file(tmp_path, one_line).refused.startswith("mostly repeats")
    # a long article quoting itself now and then, and a short page with a layout duplicate, are fine
    long_article = _write(tmp_path / "long.txt", ((ARTICLE + "\n") * 2 + ARTICLE.replace("湖南", "湖北")).encode())
    assert ingest.repeated_share(ARTICLE) < 0.2
    assert ingest.read_file(tmp_path, long_article).accepted  # 2/3 repeats: an alert-worthy share is more
    short = _write(tmp_path / "short.txt", (paragraph * 5).encode())
    assert ingest.read_file(tmp_path, short).accepted  # too short to matter


def test_a_warehouse_inside_the_raw_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lies inside the raw folder"):
        config.check_layout(Paths(raw_dir=tmp_path / "raw", db=tmp_path / "raw" / "wh" / "indicators.duckdb"))
    with pytest.raises(ValueError, match="lies inside the raw folder"):
        config.check_layout(Paths(raw_dir=tmp_path / "raw", db=tmp_path / "raw" / "indicators.duckdb"))
    config.check_layout(Paths(raw_dir=tmp_path / "raw", db=tmp_path / "wh" / "indicators.duckdb"))
    config.check_layout(Paths(raw_dir=tmp_path / "wh" / "raw", db=tmp_path / "wh" / "indicators.duckdb"))


# --- publishing beside other connections -------------------------------------------------------------

HOLDER = """
import duckdb, sys, time
deadline = time.monotonic() + 120
while True:  # a reader of the test may hold the file for a moment: DuckDB refuses a writer then
    try:
        con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro')
        break
    except duckdb.IOException:
        if time.monotonic() > deadline:
            raise
        time.sleep(0.1)
if sys.argv[2] == 'rw':
    con.execute('create schema if not exists analyst')
    con.execute(f'create table analyst.{sys.argv[3]} as select range as n from range(81)')
print('ready', flush=True)
sys.stdin.readline()
con.close()
print('closed', flush=True)
"""


class Holder:
    """Another process with a connection to `db` (rw: the duckdb CLI without -readonly, with 81 rows
    written to analyst.<table> and not yet checkpointed: they are in the WAL until it closes)."""

    def __init__(self, db: Path, mode: str, table: str = "notes"):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode, table], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            self.proc.stdout.readline()
            self.proc.wait(30)


def _published(tmp_path: Path) -> Paths:
    paths = Paths(raw_dir=tmp_path / "raw", db=tmp_path / "wh" / "indicators.duckdb")
    paths.warehouse_dir.mkdir(parents=True)
    with duckdb.connect(str(paths.db)) as con:
        con.execute("create schema mart; create table mart.t as select 1 as x")
    return paths


def test_a_foreign_read_write_connection_is_waited_for_then_refused(tmp_path: Path) -> None:
    paths = _published(tmp_path)
    reader = Holder(paths.db, "ro")
    try:
        assert publish.foreign_writer(paths.db) is None  # readers never block a run
        with publish.no_foreign_writer(paths.db, 0):
            pass
    finally:
        reader.close()
    analyst = Holder(paths.db, "rw")
    try:
        assert publish.foreign_writer(paths.db) == analyst.proc.pid
        started = time.monotonic()
        refusal = f"open read-write in another process \\(pid {analyst.proc.pid}"
        with pytest.raises(publish.ForeignWriterError, match=refusal):
            publish.start_build(paths, analyst_wait_seconds=1.0)
        assert time.monotonic() - started >= 1.0
        assert not paths.build_db.exists()
    finally:
        analyst.close()
    # once it is closed (its rows checkpointed into the file), the copy holds them
    publish.start_build(paths, analyst_wait_seconds=1.0)
    with duckdb.connect(str(paths.build_db), read_only=True) as con:
        assert con.execute("select count(*) from analyst.notes").fetchone() == (81,)


def test_a_published_file_changed_outside_the_runs_is_kept_with_its_wal(tmp_path: Path) -> None:
    paths = _published(tmp_path)
    publish.start_build(paths)
    published, changed = publish.publish(paths)
    assert changed is None and (tmp_path / "wh" / "indicators.duckdb.published.json").exists()
    publish.start_build(paths)
    # an analyst writes during the run and is killed before checkpointing: a WAL is left behind
    subprocess.run([sys.executable, "-c", "import duckdb, os, sys; c = duckdb.connect(sys.argv[1]); "
                    "c.execute('create table main.mine as select range as n from range(81)'); os._exit(0)",
                    str(paths.db)], check=True)
    assert (tmp_path / "wh" / "indicators.duckdb.wal").exists()
    published, changed = publish.publish(paths)
    assert changed is not None and "WAL" in str(changed) and changed.kept.exists()
    assert not (tmp_path / "wh" / "indicators.duckdb.wal").exists()  # new readers replay nothing foreign
    with duckdb.connect(str(changed.kept), read_only=True) as con:  # the analyst's rows, with their WAL
        assert con.execute("select count(*) from main.mine").fetchone() == (81,)
    with duckdb.connect(str(paths.db), read_only=True) as con:
        assert con.execute("select count(*) from mart.t").fetchone() == (1,)
    # checkpointed writes between two runs are kept as well
    with duckdb.connect(str(paths.db)) as con:
        con.execute("insert into mart.t values (2)")
    publish.start_build(paths)
    _, changed = publish.publish(paths)
    assert changed is not None and "after the last run published it" in str(changed)
    # a night without anyone writing keeps nothing
    publish.start_build(paths)
    assert publish.publish(paths)[1] is None


def test_a_copy_cut_short_by_a_full_disk_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _published(tmp_path)
    monkeypatch.setenv("INDICATORS_FAULT_POINT", "disk_full")
    with pytest.raises(OSError, match="No space left"):
        publish.start_build(paths)
    assert sorted(p.name for p in paths.warehouse_dir.iterdir()) == ["indicators.duckdb"]


# --- alerts without alerts.jsonl; dbt folders -------------------------------------------------------


class _Sink(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Sink.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_alerts_reach_stderr_and_the_url_when_the_log_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = HTTPServer(("127.0.0.1", 0), _Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("INDICATORS_ALERT_URL", f"http://127.0.0.1:{server.server_port}/")
    monkeypatch.setenv("INDICATORS_FAULT_POINT", "disk_full")
    errors: list[str] = []

    class Log:
        def error(self, message: str) -> None:
            errors.append(message)

    message = {"alert_id": "a", "check_name": "run_failed", "severity": "ERROR", "message": "run x failed"}
    try:
        assert alerting.deliver([message], tmp_path / "alerts.jsonl", Log()) is False
    finally:
        server.shutdown()
    assert not (tmp_path / "alerts.jsonl").exists()
    assert _Sink.received and _Sink.received[-1]["alerts"][0]["message"] == "run x failed"
    assert any("No space left" in e for e in errors) and "ALERT [ERROR] run_failed: run x failed" in errors
    assert "ALERT [ERROR] run_failed: run x failed" in capsys.readouterr().err


def test_stale_dbt_run_folders_are_removed(tmp_path: Path) -> None:
    old, fresh = tmp_path / "indicators_dbt-abc1234-old", tmp_path / "indicators_dbt-def5678-new"
    for folder in (old, fresh):
        (folder / "compiled").mkdir(parents=True)
        (folder / "compiled" / "x.sql").write_text("select 1")
    for p in (old, old / "compiled", old / "compiled" / "x.sql"):
        os.utime(p, (OLD - 7200, OLD - 7200))
    (tmp_path / "last_failed").mkdir()
    os.utime(tmp_path / "last_failed", (OLD - 7200, OLD - 7200))
    assert dbt_runs.remove_stale_run_folders(tmp_path) == [old.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["indicators_dbt-def5678-new", "last_failed"]


def test_the_sensor_starts_a_run_once_a_file_has_settled(tmp_path: Path) -> None:
    from dagster import DagsterInstance, RunRequest, SkipReason, build_sensor_context

    from orchestration.definitions import defs
    from tests.conftest import environment

    sensor = defs.resolve_sensor_def("raw_files_sensor")
    fresh = _write(tmp_path / "a.txt", ARTICLE.encode(), mtime=None)
    with environment({"INDICATORS_RAW_DIR": str(tmp_path), "INDICATORS_SETTLE_SECONDS": "60"}), \
            DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(instance=instance, cursor=None)
        skipped = sensor(context)
        assert isinstance(skipped, SkipReason) and "1 still settling" in skipped.skip_message
        os.utime(fresh, (OLD, OLD))
        context = build_sensor_context(instance=instance, cursor=context.cursor)
        assert isinstance(sensor(context), RunRequest)
        # a ready marker arriving later is a change too: it makes its file readable
        _write(tmp_path / "a.txt.done", b"")
        context = build_sensor_context(instance=instance, cursor=context.cursor)
        assert isinstance(sensor(context), RunRequest)
