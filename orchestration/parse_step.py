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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import duckdb

from orchestration import staging
from orchestration.faults import fault_point
from orchestration.parsing import parse_document
from orchestration.parsing.model import ParsedDocument

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


def _parse(item: tuple[str, str, str]) -> tuple[str, str, ParsedDocument | str, int]:
    """(version id, file, document or the error as text, characters); never raises, so one file
    failing in a worker process does not abort the pool's other results."""
    version_id, source_file, text = item
    try:
        return version_id, source_file, parse_document(text, source_name=source_file), len(text)
    except Exception as exc:  # noqa: BLE001 - any parser bug on one file is that file's problem
        where = traceback.extract_tb(exc.__traceback__)[-1]
        error = f"{type(exc).__name__}: {exc} ({os.path.basename(where.filename)}:{where.lineno})"
        return version_id, source_file, error, 0


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


def _batches(con: duckdb.DuckDBPyConnection, ids: list[tuple[str, str]]) -> Iterator[list[tuple[str, str, str]]]:
    for i in range(0, len(ids), BATCH):
        chunk = ids[i : i + BATCH]
        texts = dict(
            con.execute(
                "select file_version_id, text from staging.files where file_version_id in (select unnest(?))",
                [[vid for vid, _ in chunk]],
            ).fetchall()
        )
        yield [(vid, name, texts[vid]) for vid, name in chunk]


def parse_pending(con: duckdb.DuckDBPyConnection, workers: int | None = None) -> ParseSummary:
    ids = staging.pending_versions(con)
    summary = ParseSummary()
    workers = workers or os.cpu_count() or 1
    pool = (
        ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))
        if workers > 1 and len(ids) >= PARALLEL_THRESHOLD
        else None
    )
    try:
        for batch in _batches(con, ids):
            results = pool.map(_parse, batch, chunksize=4) if pool else map(_parse, batch)
            for version_id, source_file, doc, chars in results:
                if isinstance(doc, str):
                    staging.quarantine_version(con, version_id, f"parser failed on this file: {doc}")
                    summary.failed.append(source_file)
                    continue
                try:
                    staging.write_parsed(con, version_id, source_file, doc)
                except (duckdb.Error, KeyError, TypeError, ValueError) as exc:
                    # parser output that does not fit staging (a dangling index, a wrong type)
                    staging.quarantine_version(
                        con, version_id, f"parser output could not be stored: {type(exc).__name__}: {exc}"
                    )
                    summary.failed.append(source_file)
                    continue
                summary.files += 1
                summary.articles += len(doc.articles)
                summary.paragraphs += len(doc.paragraphs)
                summary.mentions += len(doc.mentions)
                summary.characters += chars
                fault_point("mid_parse")
    finally:
        if pool:
            pool.shutdown()
    fault_point("after_parse")
    return summary
