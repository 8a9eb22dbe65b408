"""Parsing the file versions that are new since the last run, on every core.

Only versions without articles are parsed (incremental); texts are fetched and written in batches
so memory stays bounded by the batch, not the archive.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import duckdb

from orchestration import staging
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


def _parse(item: tuple[str, str, str]) -> tuple[str, str, ParsedDocument, int]:
    version_id, source_file, text = item
    return version_id, source_file, parse_document(text, source_name=source_file), len(text)


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
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 and len(ids) >= PARALLEL_THRESHOLD else None
    try:
        for batch in _batches(con, ids):
            results = pool.map(_parse, batch, chunksize=4) if pool else map(_parse, batch)
            for version_id, source_file, doc, chars in results:
                staging.write_parsed(con, version_id, source_file, doc)
                summary.files += 1
                summary.articles += len(doc.articles)
                summary.paragraphs += len(doc.paragraphs)
                summary.mentions += len(doc.mentions)
                summary.characters += chars
    finally:
        if pool:
            pool.shutdown()
    return summary
