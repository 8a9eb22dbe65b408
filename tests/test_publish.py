"""Build-then-swap publishing and the writer lock, on real DuckDB files."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import duckdb
import pytest

from orchestration.config import Paths
from orchestration.publish import RunLockedError, WarehouseLock, discard_build, publish, start_build


def _paths(tmp_path: Path) -> Paths:
    return Paths(raw_dir=tmp_path / "raw", db=tmp_path / "wh" / "indicators.duckdb")


def _write(db: Path, value: int) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute("create or replace table t as select ? as v", [value])


def test_publish_swaps_and_open_readers_keep_the_old_version(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    _write(start_build(paths), 1)
    publish(paths)
    reader = duckdb.connect(str(paths.db), read_only=True)
    try:
        _write(start_build(paths), 2)
        assert reader.execute("select v from t").fetchone() == (1,)
        publish(paths)
        assert reader.execute("select v from t").fetchone() == (1,)
    finally:
        reader.close()
    with duckdb.connect(str(paths.db), read_only=True) as con:
        assert con.execute("select v from t").fetchone() == (2,)
    assert not paths.build_db.exists()


def test_discarded_build_leaves_the_published_file(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    _write(start_build(paths), 1)
    publish(paths)
    _write(start_build(paths), 99)
    discard_build(paths)
    with duckdb.connect(str(paths.db), read_only=True) as con:
        assert con.execute("select v from t").fetchone() == (1,)


def test_start_build_copies_the_published_mart(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    _write(start_build(paths), 7)
    publish(paths)
    with duckdb.connect(str(start_build(paths))) as con:
        assert con.execute("select v from t").fetchone() == (7,)


def _hold(lock_file: str, ready, release) -> None:  # noqa: ANN001 - multiprocessing events
    with WarehouseLock(Path(lock_file)):
        ready.set()
        release.wait(10)


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    lock_file = tmp_path / "indicators.duckdb.lock"
    ready, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold, args=(str(lock_file), ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(RunLockedError, match="another nightly run"):
            WarehouseLock(lock_file, wait_seconds=0.2, poll_seconds=0.05).acquire()
    finally:
        release.set()
        holder.join(10)
    with WarehouseLock(lock_file, wait_seconds=1):
        pass  # free again once the holder is gone
