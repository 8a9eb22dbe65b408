"""Parsing the file versions that are new since the last run, on every core.

Only versions without articles are parsed (incremental); texts are fetched and written in batches
so memory stays bounded by the batch, not the archive. A file the parser cannot handle is
quarantined with the error and the others are parsed as usual: one odd file must not cost the
night's data. A version that failed is tried again on the next run (the parser may be fixed).
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from orchestration import staging
from orchestration.faults import fault_point
from orchestration.parsing import parse_document

BATCH = 64
PARALLEL_THRESHOLD = 8  # below this many files a process pool costs more than it saves


@dataclass
class ParseSummary:
    files: int = 0
    articles: int = 0
    paragraphs: int = 0
    mentions: int = 0
    characters: int = 0
    failed: list[str] = field(default_factory=list)  # source files the parser could not handle


@dataclass
class Parsed:
    """What a worker sends back for one file version: its staging rows, or why there are none."""

    version_id: str
    source_file: str
    rows: dict[str, list[tuple[Any, ...]]] | None = None
    error: str | None = None  # the quarantine reason
    characters: int = 0
    counts: tuple[int, int, int] = (0, 0, 0)  # articles, paragraphs, mentions


def _parse(item: tuple[str, str, str, str | None, date | None]) -> Parsed:
    """Parse one text and build its staging rows (in a worker process); never raises, so one file
    failing in a worker does not abort the pool's other results. The headline and date the file gave
    apart from its text (a page's, a sidecar's) are the article's context."""
    version_id, source_file, text, title, published_on = item
    try:
        given = {"published_on": published_on, "title": title}
        doc = parse_document(text, source_name=source_file, **{k: v for k, v in given.items() if v is not None})
    except Exception as exc:  # noqa: BLE001 - any parser bug on one file is that file's problem
        where = traceback.extract_tb(exc.__traceback__)[-1]
        error = f"{type(exc).__name__}: {exc} ({os.path.basename(where.filename)}:{where.lineno})"
        return Parsed(version_id, source_file, error=f"parser failed on this file: {error}")
    try:
        rows = staging.parsed_rows(version_id, source_file, doc)
    except (KeyError, TypeError, ValueError) as exc:  # a dangling index, a wrong type
        return Parsed(version_id, source_file,
                      error=f"parser output could not be stored: {type(exc).__name__}: {exc}")
    counts = (len(doc.articles), len(doc.paragraphs), len(doc.mentions))
    return Parsed(version_id, source_file, rows=rows, characters=len(text), counts=counts)


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """Pool initializer: when the run is SIGKILLed, its parser processes die too.

    Otherwise they wait forever on a queue nobody writes to any more: every crash would leave
    processes (and their memory) behind. Linux kills them at once (PR_SET_PDEATHSIG); elsewhere a
    thread notices the parent is gone within a second.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _batches(con: duckdb.DuckDBPyConnection, ids: list[tuple[str, str]]
             ) -> Iterator[list[tuple[str, str, str, str | None, date | None]]]:
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        texts = {
            vid: rest for vid, *rest in con.execute(
                """select file_version_id, text, title, published_on from staging.files
                   where file_version_id in (select unnest(?))""",
                [[vid for vid, _ in chunk]],
            ).fetchall()
        }
        yield [(vid, name, *texts[vid]) for vid, name in chunk]


def _store(con: duckdb.DuckDBPyConnection, results: list[Parsed], summary: ParseSummary) -> list[Parsed]:
    """Write a batch's rows in one transaction; returns the versions stored, quarantines the others.

    If the batch's insert fails (parser output that does not fit staging), nothing of it was
    written; the files are then written one by one so that only the culprit is quarantined.
    """
    good = [p for p in results if p.rows is not None]
    for p in results:
        if p.error is not None:
            staging.quarantine_version(con, p.version_id, p.error)
            summary.failed.append(p.source_file)
    merged: dict[str, list[tuple[Any, ...]]] = {}
    for p in good:
        for table, rows in (p.rows or {}).items():
            merged.setdefault(table, []).extend(rows)
    try:
        staging.write_rows(con, merged)
        return good
    except duckdb.Error:
        pass
    stored = []
    for p in good:
        try:
            staging.write_rows(con, p.rows or {})
        except duckdb.Error as exc:
            staging.quarantine_version(
                con, p.version_id, f"parser output could not be stored: {type(exc).__name__}: {exc}"
            )
            summary.failed.append(p.source_file)
            continue
        stored.append(p)
    return stored


def parse_pending(con: duckdb.DuckDBPyConnection, workers: int | None = None) -> ParseSummary:
    ids = staging.pending_versions(con)
    summary = ParseSummary()
    workers = workers or os.cpu_count() or 1
    pool = (
        ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))
        if workers > 1 and len(ids) >= PARALLEL_THRESHOLD
        else None
    )
    def store(results: Iterable[Parsed]) -> None:
        for parsed in _store(con, list(results), summary):
            summary.files += 1
            summary.articles += parsed.counts[0]
            summary.paragraphs += parsed.counts[1]
            summary.mentions += parsed.counts[2]
            summary.characters += parsed.characters
            fault_point("mid_parse")

    try:
        # The workers parse batch k+1 while this process writes batch k (pool.map submits at once);
        # at most two batches are in memory.
        previous: Iterable[Parsed] | None = None
        for batch in _batches(con, ids):
            if pool is None:
                store(map(_parse, batch))
                continue
            results = pool.map(_parse, batch, chunksize=4)
            if previous is not None:
                store(previous)
            previous = results
        if previous is not None:
            store(previous)
    finally:
        if pool:
            pool.shutdown()
    fault_point("after_parse")
    return summary
