"""Robustness of ingestion, staging, parsing and publishing without the job: real files, real DuckDB.

The end-to-end counterparts (the real `dagster job execute`) are in test_robustness_e2e.py and
test_robustness_faults.py; these pin down each rule quickly and say which rule broke.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import random
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from orchestration import parse_step, publish, staging
from orchestration.config import Paths
from orchestration.faults import FAULT_ENV
from orchestration.ingest import DecodeError, RawFile, decode, read_file, scan_raw
from orchestration.parsing.model import Article, FigureMention, Paragraph, ParsedDocument, Sentence

TEXT = "（2026年1月5日）\n\n2025年，浙江省研发经费投入增长8.62%，研发投入强度达3.20%，科技型中小企业突破4万家。\n"
PROJECT_ROOT = Path(__file__).resolve().parents[1]


# --- decoding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (TEXT.encode("utf-8"), "utf_8", TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf_8_sig", TEXT),
        (TEXT.encode("gb18030"), "gb18030", TEXT),
        (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030", TEXT.replace("\n", "\r\n")),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf_16", TEXT),
        (TEXT.encode("utf-16-le"), "utf_16_le", TEXT),  # no BOM: NUL bytes, but text all the same
        ("全省研發經費投入增長8.62%，研發投入強度達2.62%，科技型中小企業突破4萬家。".encode("big5"), "big5", None),
    ],
)
def test_decode_picks_the_encoding_and_keeps_the_text_as_written(data: bytes, encoding: str, text: str | None) -> None:
    decoded, used = decode(data)
    assert used == encoding
    if text is not None:
        assert decoded == text  # CRLF kept, BOM dropped: offsets index exactly this string
    else:
        assert "研發經費" in decoded  # Big5 is not misread as (valid but garbled) GB18030


def test_full_width_and_zero_width_characters_survive_decoding() -> None:
    text = "２０２５年，湖南省研发投入强度达２．６２％，\u200b科技型中小企业\u200d突破４万家。"
    for codec in ("utf-8", "gb18030"):
        decoded, _ = decode(text.encode(codec))
        assert decoded == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (TEXT.encode("utf-8")[:-2], "truncated: the file ends inside a multi-byte UTF-8 character"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8")[:-2], "truncated"),
        (TEXT.rstrip().encode("gb18030")[:-1], "truncated: the file ends inside a multi-byte GB18030 character"),
        (TEXT.encode("utf-8")[:20] + b"\xff" + TEXT.encode("utf-8")[20:], "corrupt UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (bytes(b for b in random.Random(7).randbytes(6000) if b), "binary"),
    ],
)
def test_decode_refuses_with_a_reason_a_person_can_act_on(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_ten_megabytes_decode_fast() -> None:
    data = (TEXT * (10_000_000 // len(TEXT.encode("utf-8")) + 1)).encode("gb18030")
    started = time.monotonic()
    text, encoding = decode(data)
    assert encoding == "gb18030" and len(text) > 3_000_000
    assert time.monotonic() - started < 10


# --- reading the folder -----------------------------------------------------------------------------


def test_special_files_and_foreign_names_are_refused_without_stopping_the_scan(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(raw / "pipe.txt")  # reading it would block the job forever
    gbk_name = os.fsdecode("报道.txt".encode("gbk"))  # a GBK-named file unpacked on Linux
    (raw / gbk_name).write_text(TEXT, encoding="utf-8")
    os.symlink(raw / "good.txt", raw / "alias.txt")
    os.symlink(tmp_path, raw / "up")  # a directory link pointing outside raw/

    files = {f.source_file: f for f in scan_raw(raw)}
    assert files["good.txt"].accepted
    assert "not a regular file" in files["pipe.txt"].refused
    (foreign,) = [f for name, f in files.items() if name.endswith(".txt") and "\\x" in name]
    assert "not valid UTF-8" in foreign.refused
    foreign.source_file.encode("utf-8")  # storable in DuckDB and JSON
    assert "inside the raw folder" in files["alias.txt"].refused
    assert "outside the raw folder" in files["up"].refused


def test_a_file_that_changes_while_read_is_refused_for_this_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    path = raw / "growing.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_fstat = os.fstat

    def fstat_after_append(fd: int) -> os.stat_result:
        with path.open("a", encoding="utf-8") as more:
            more.write("更多内容")
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", fstat_after_append)
    assert "changed while being read" in read_file(raw, path).refused


# --- staging: versions, re-delivery, corrections ---------------------------------------------------


def _raw(name: str, text: str) -> RawFile:
    data = text.encode("utf-8")
    return RawFile(name, hashlib.sha256(data).hexdigest(), len(data), "utf_8", text)


def _files(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "select source_file, version, is_current, duplicate_of from staging.files order by source_file, version"
    ).fetchall()


def test_versions_redelivery_and_a_withdrawn_correction() -> None:
    con = duckdb.connect()
    staging.ensure_schema(con)
    a1, a2 = _raw("a.txt", TEXT), _raw("a.txt", TEXT.replace("3.20%", "3.25%"))
    s = staging.record_files(con, [a1, _raw("copy of a.txt", TEXT)], datetime(2026, 1, 1))
    assert (s.new_versions, s.redelivered) == (2, 1)
    assert [v for v, _ in staging.pending_versions(con)] == [staging.short_hash("a.txt", a1.sha256)]

    again = staging.record_files(con, [a1, _raw("copy of a.txt", TEXT)], datetime(2026, 1, 2))
    assert (again.new_versions, again.unchanged) == (0, 2)
    assert con.execute("select count(*) from staging.files").fetchone() == (2,)

    staging.record_files(con, [a2, _raw("copy of a.txt", TEXT)], datetime(2026, 1, 3))
    assert _files(con) == [
        ("a.txt", 1, False, None), ("a.txt", 2, True, None), ("copy of a.txt", 1, True, "a.txt"),
    ]
    # a.txt no longer holds those bytes: the copy is now the one that feeds the mart, so it is parsed
    pending = {name for _, name in staging.pending_versions(con)}
    assert pending == {"a.txt", "copy of a.txt"}

    # a third copy arriving later never feeds the mart while the first copy holds the bytes
    staging.record_files(con, [a2, _raw("copy of a.txt", TEXT), _raw("third.txt", TEXT)], datetime(2026, 1, 3, 1))
    assert "third.txt" not in {name for _, name in staging.pending_versions(con)}

    back = staging.record_files(con, [a1], datetime(2026, 1, 4))  # the correction is withdrawn
    assert back.reinstated == 1
    assert [r[:3] for r in _files(con) if r[0] == "a.txt"] == [("a.txt", 1, True), ("a.txt", 2, False)]


def _document(paragraphs: int, mentions_per_paragraph: int) -> ParsedDocument:
    body = "2025年，全省研发投入强度达2.62%。"
    paras, sents, ments = [], [], []
    for i in range(paragraphs):
        start = i * (len(body) + 1)
        paras.append(Paragraph(i, 0, start, start + len(body), body, "body", i > 0, 0 if i else None))
        sents.append(Sentence(i, 0, start, start + len(body), body))
        for k in range(mentions_per_paragraph):
            ments.append(FigureMention(
                0, i, 0, start + 13 + k, start + 18, "2.62%", body, 2.62, "percent", None, "exact", "share",
                "430000", "湖南省", None, "2025", "explicit", "rd_intensity", "研发投入强度", i > 0,
            ))
    article = Article(0, 0, paragraphs * (len(body) + 1), None, None, date(2026, 1, 5), "text", None, None)
    return ParsedDocument([article], paras, sents, ments)


def test_a_big_file_is_written_to_staging_in_seconds() -> None:
    con = duckdb.connect()
    staging.ensure_schema(con)
    doc = _document(50_000, 1)
    started = time.monotonic()
    staging.write_parsed(con, "v", "big.txt", doc)
    assert time.monotonic() - started < 15  # executemany took 155 s for a 10 MB file
    counts = staging.table_counts(con, ["staging.paragraphs", "staging.sentences", "staging.figure_mentions"])
    assert counts == {"staging.paragraphs": 50_000, "staging.sentences": 50_000, "staging.figure_mentions": 50_000}
    assert con.execute(
        "select count(*) from staging.paragraphs where repeat_of_index is null"
    ).fetchone() == (1,)
    assert con.execute("select distinct published_on from staging.figure_mentions").fetchall() == [(date(2026, 1, 5),)]


def test_a_failed_write_leaves_nothing_of_that_file() -> None:
    con = duckdb.connect()
    staging.ensure_schema(con)
    doc = _document(3, 2)  # two mentions per paragraph, one of them twice at the same offsets
    doc.mentions.append(doc.mentions[0])  # a duplicate mention id: the primary key refuses it
    with pytest.raises(duckdb.Error):
        staging.write_parsed(con, "v", "a.txt", doc)
    assert staging.table_counts(con, ["staging.articles", "staging.figure_mentions"]) == {
        "staging.articles": 0, "staging.figure_mentions": 0,
    }
    staging.write_parsed(con, "v", "a.txt", _document(3, 2))  # the connection is still usable


def test_a_file_the_parser_chokes_on_is_quarantined_and_the_others_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    con = duckdb.connect()
    staging.ensure_schema(con)
    now = datetime(2026, 1, 1)
    staging.record_files(con, [_raw("bad.txt", "坏" + TEXT), _raw("good.txt", TEXT)], now)
    real = parse_step.parse_document

    def parse(text: str, *, source_name: str = "") -> ParsedDocument:
        if source_name == "bad.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, source_name=source_name)

    monkeypatch.setattr(parse_step, "parse_document", parse)
    summary = parse_step.parse_pending(con, workers=1)
    assert summary.files == 1 and summary.failed == ["bad.txt"]
    rows = con.execute("select source_file, reason, last_seen from staging.quarantine").fetchall()
    assert len(rows) == 1 and rows[0][0] == "bad.txt" and "RecursionError" in rows[0][1] and rows[0][2] == now
    assert con.execute("select distinct source_file from staging.figure_mentions").fetchall() == [("good.txt",)]
    # tried again next run (the parser may have been fixed), quarantined once, not twice
    parse_step.parse_pending(con, workers=1)
    assert con.execute("select count(*) from staging.quarantine").fetchone() == (1,)


# --- crashes and concurrency --------------------------------------------------------------------------


def test_fault_point_kills_the_process_with_sigkill_at_the_nth_time() -> None:
    code = "from orchestration.faults import fault_point\nfor i in range(5):\n    print(i, flush=True)\n" \
           "    fault_point('mid_parse')\n"
    env = {**os.environ, FAULT_ENV: "mid_parse:3"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == -9
    assert result.stdout.split()[:3] == ["0", "1", "2"] and "SIGKILL at mid_parse" in result.stdout
    unset = subprocess.run([sys.executable, "-c", code], env={**os.environ, FAULT_ENV: ""}, cwd=PROJECT_ROOT)
    assert unset.returncode == 0


_POOL_THEN_CRASH = """
import os, signal
from concurrent.futures import ProcessPoolExecutor
from orchestration.parse_step import _die_with_parent

def worker_pid(_):
    return os.getpid()

pool = ProcessPoolExecutor(max_workers=2, initializer=_die_with_parent, initargs=(os.getpid(),))
print(" ".join(str(pid) for pid in set(pool.map(worker_pid, range(8)))), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_parser_processes_die_with_a_killed_run() -> None:
    """A SIGKILLed run used to leave its ProcessPoolExecutor workers waiting forever on a dead queue."""
    result = subprocess.run(
        [sys.executable, "-c", _POOL_THEN_CRASH], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60
    )
    assert result.returncode == -9, result.stderr
    workers = [int(p) for p in result.stdout.split()]
    assert workers
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []


_ORPHAN = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("create table t as select 1 as v")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_a_new_run_waits_for_a_writer_left_over_from_a_killed_run(tmp_path: Path) -> None:
    paths = Paths(raw_dir=tmp_path / "raw", db=tmp_path / "wh" / "indicators.duckdb")
    paths.warehouse_dir.mkdir(parents=True)
    orphan = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(paths.build_db), "2"], stdout=subprocess.PIPE)
    try:
        assert orphan.stdout.readline().strip() == b"holding"
        with pytest.raises(publish.RunLockedError, match="left over from a killed run"):
            publish.wait_for_stale_writers(paths.build_db, wait_seconds=0.3)
        started = time.monotonic()
        build = publish.start_build(paths)  # waits for the orphan to let go, then starts clean
        assert time.monotonic() - started > 0.5
        with duckdb.connect(str(build)) as con:
            tables = con.execute("select count(*) from information_schema.tables where table_name = 't'")
            assert tables.fetchone() == (0,)
    finally:
        orphan.wait(10)


_HOLD_LOCK = """
import sys, time
from pathlib import Path
from orchestration.publish import WarehouseLock
with WarehouseLock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(1.5)
"""


def test_a_second_run_configured_to_wait_queues_behind_the_first(tmp_path: Path) -> None:
    """INDICATORS_LOCK_WAIT_SECONDS > 0: the second writer waits for the lock instead of failing."""
    lock_file = tmp_path / "indicators.duckdb.lock"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(lock_file)], stdout=subprocess.PIPE,
                              cwd=PROJECT_ROOT)
    try:
        assert holder.stdout.readline().strip() == b"locked"
        started = time.monotonic()
        with publish.WarehouseLock(lock_file, wait_seconds=30, poll_seconds=0.05):
            waited = time.monotonic() - started
            assert lock_file.read_text().startswith(f"pid {os.getpid()}")
        assert 0.5 < waited < 30
    finally:
        holder.wait(10)


def test_dbt_run_folders_do_not_pile_up() -> None:
    """A successful build keeps only dbt's partial-parse state; a failed one is kept as
    target/last_failed/ (replacing the previous failure) for debugging."""
    from orchestration.dbt_runs import TARGET_DIR, keep_failed_run, keep_partial_parse  # noqa: PLC0415

    target = TARGET_DIR
    target.mkdir(parents=True, exist_ok=True)
    last = target / "last_failed"
    saved = target / f".saved_last_failed.{os.getpid()}"
    if last.exists():
        os.replace(last, saved)
    try:
        for n in (1, 2):
            failed = target / f"test-failed-run-{os.getpid()}-{n}"
            failed.mkdir()
            (failed / "run_results.json").write_text(str(n), encoding="utf-8")
            keep_failed_run(failed)
            assert not failed.exists()
            assert (last / "run_results.json").read_text(encoding="utf-8") == str(n)
        ok = target / f"test-ok-run-{os.getpid()}"
        ok.mkdir()
        keep_partial_parse(ok)
        assert not ok.exists()
    finally:
        if last.exists():
            shutil.rmtree(last)
        if saved.exists():
            os.replace(saved, last)
