"""Writing raw files and parser output into the staging schema of the working copy.

Every write for one file version happens in one transaction, so a crash leaves either all of a
file's rows or none (and the working copy is rebuilt from the published mart anyway). Every id is a
hash of what it identifies, never a counter or a clock: a rerun after a crash writes the same ids.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from orchestration.config import STAGING_SCHEMA_SQL
from orchestration.faults import fault_point
from orchestration.ingest import RawFile
from orchestration.parsing.model import ParsedDocument

FILE_COLUMNS = (
    "file_version_id", "source_file", "sha256", "bytes", "encoding", "text", "version", "is_current",
    "duplicate_of", "first_seen", "last_seen", "kind", "title", "published_on", "date_origin", "source", "url",
    "extractor", "extractor_version", "markup",
)
DOCUMENT_COLUMNS = ("kind", "title", "published_on", "date_origin", "source", "url", "extractor",
                    "extractor_version", "markup")


COMMIT_EVERY_FILES = 200
"""New file versions written per transaction by `record_files`."""


def short_hash(*parts: object) -> str:
    """Stable 16-hex-digit id from its parts: the same input gives the same id on every rerun."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.md5(joined.encode("utf-8")).hexdigest()[:16]


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(STAGING_SCHEMA_SQL.read_text(encoding="utf-8"))


@dataclass
class IngestSummary:
    seen: int = 0
    new_versions: int = 0
    unchanged: int = 0
    redelivered: int = 0  # same bytes as a file already known under another name
    reinstated: int = 0  # a file put back to an earlier version (a correction withdrawn)
    quarantined: int = 0
    waiting: int = 0  # still being written (settle time, ready marker): left for the next run
    notes: list[str] = field(default_factory=list)  # waiting files and repairs, one line each


def _quarantine(
    con: duckdb.DuckDBPyConnection, source_file: str, sha256: str | None, size: int | None, reason: str,
    now: datetime,
) -> None:
    con.execute(
        """insert into staging.quarantine values (?, ?, ?, ?, ?, ?)
           on conflict (source_file, reason) do update
           set last_seen = excluded.last_seen, sha256 = excluded.sha256, bytes = excluded.bytes""",
        [source_file, sha256, size, reason, now, now],
    )


def record_files(con: duckdb.DuckDBPyConnection, files: Iterable[RawFile], now: datetime) -> IngestSummary:
    """Register each accepted file version once; refused files go to staging.quarantine.

    A name seen with new bytes is a new version that supersedes the old one (is_current moves);
    bytes already known under that name (a correction withdrawn) make that version current again
    rather than being ignored; bytes first delivered under another name are recorded with
    `duplicate_of`, so the mart counts them once.
    """
    summary = IngestSummary()
    # Every version known before this scan, in one query; a name occurs once per scan, so nothing
    # this loop writes changes the answer for a later file. Unchanged files (nearly all of an
    # archive, every night) are only stamped last_seen, in one statement at the end: a query and a
    # commit per file took 21 s for 10,000 articles that had not changed.
    known_versions = dict(con.execute("select file_version_id, is_current from staging.files").fetchall())
    unchanged: list[str] = []
    # Many whole files per commit: a commit (a WAL sync) per new file made the first load of
    # 10,000 articles take 29 s. A crash loses only whole files not yet committed, and the
    # working copy is rebuilt from the published mart on the next run anyway.
    written = 0
    waiting: list[tuple[str, str]] = []
    con.execute("begin")
    try:
        for f in files:
            summary.seen += 1
            summary.notes.extend(f.notes)
            if f.waiting is not None:
                summary.waiting += 1
                waiting.append((f.source_file, f.waiting))
                summary.notes.append(f"waiting: {f.source_file}: {f.waiting}")
                continue
            if not f.accepted:
                summary.quarantined += 1
                _quarantine(con, f.source_file, f.sha256, f.bytes, f.refused or "refused", now)
                continue
            version_id = short_hash(f.source_file, f.sha256)
            is_current = known_versions.get(version_id)
            if is_current:
                summary.unchanged += 1
                unchanged.append(version_id)
                continue
            if is_current is not None:  # a known version that is not current: a correction withdrawn
                con.execute("update staging.files set is_current = false where source_file = ?", [f.source_file])
                con.execute("update staging.files set is_current = true where file_version_id = ?", [version_id])
                summary.reinstated += 1
                con.execute("update staging.files set last_seen = ? where file_version_id = ?", [now, version_id])
                written += 1
                continue
            (previous,) = con.execute(
                "select coalesce(max(version), 0) from staging.files where source_file = ?", [f.source_file]
            ).fetchone()
            first = con.execute(
                """select source_file from staging.files where sha256 = ? and source_file <> ?
                   order by first_seen, source_file limit 1""",
                [f.sha256, f.source_file],
            ).fetchone()
            duplicate_of = first[0] if first else None
            con.execute("update staging.files set is_current = false where source_file = ?", [f.source_file])
            con.execute(
                f"insert into staging.files ({', '.join(FILE_COLUMNS)}) values ({', '.join('?' * len(FILE_COLUMNS))})",
                [version_id, f.source_file, f.sha256, f.bytes, f.encoding, f.text, previous + 1,
                 True, duplicate_of, now, now,
                 *(getattr(f.document, column) if f.document else None for column in DOCUMENT_COLUMNS)],
            )
            written += 1
            summary.new_versions += 1
            if duplicate_of:
                summary.redelivered += 1
            fault_point("mid_ingest")
            if written >= COMMIT_EVERY_FILES:
                con.execute("commit")
                con.execute("begin")
                written = 0
        if unchanged:
            con.execute(
                "update staging.files set last_seen = ? where file_version_id in (select unnest(?))", [now, unchanged]
            )
        # this run's waiting files only: the run summary reads them (not a history)
        con.execute("delete from staging.waiting_files")
        for source_file, reason in waiting:
            con.execute("insert into staging.waiting_files values (?, ?)", [source_file, reason])
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
    fault_point("after_ingest")
    return summary


def pending_versions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(file_version_id, source_file) of versions to parse now, oldest first.

    A re-delivery (duplicate_of set) is parsed only once it is the copy that feeds the mart: of the
    current versions holding the same bytes, the first delivered (dbt's int_file_versions, same
    order). Until then parsing it would only add rows nobody reads; from then on, skipping it would
    lose its figures. A version whose parse failed has no articles and is tried again next run.
    """
    return con.execute(
        """with ranked as (
               select file_version_id, source_file, first_seen, duplicate_of,
                      case when is_current then row_number() over (
                          partition by sha256, is_current order by first_seen, source_file, file_version_id
                      ) end as current_copy_rank
               from staging.files
           )
           select r.file_version_id, r.source_file from ranked r
           where not exists (select 1 from staging.articles a where a.file_version_id = r.file_version_id)
             and (r.duplicate_of is null or r.current_copy_rank = 1)
           order by r.first_seen, r.source_file"""
    ).fetchall()


def quarantine_version(con: duckdb.DuckDBPyConnection, file_version_id: str, reason: str) -> None:
    """A version the parser could not read: quarantined (and alerted) with the run's ingest time.

    The timestamp is the version's own last_seen, i.e. the ingest time of this run when the file is
    still in raw/, so the quarantine check reports it together with the files refused at ingest.
    """
    row = con.execute(
        "select source_file, sha256, bytes, last_seen from staging.files where file_version_id = ?",
        [file_version_id],
    ).fetchone()
    if row is None:
        return
    source_file, sha256, size, last_seen = row
    _quarantine(con, source_file, sha256, size, reason, last_seen)


# DuckDB column type -> the pandas dtype that hands DuckDB the column without per-value conversion
_FRAME_DTYPES = {"VARCHAR": "string", "INTEGER": "Int32", "BIGINT": "Int64", "BOOLEAN": "boolean", "DOUBLE": "Float64"}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f"describe {table}").fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows in one statement, from a pandas frame typed after the table's columns.

    `executemany` binds one row per statement and took 155 s for the 120,000 rows of a 10 MB file.
    Binding one Python list per column (`unnest(?)`) converts every value separately: 2.0 s for the
    180,000 sentences of 1,000 articles. A frame with explicit nullable dtypes is read by DuckDB
    column by column: 0.8 s, the same rows (no type guessing from a sample, so a column that
    starts with NULLs is still read right). Dates and timestamps go as ISO text, cast on insert.
    """
    if not rows:
        return
    types = _column_types(con, table)
    columns = {}
    for i, (column, kind) in enumerate(zip(zip(*rows, strict=True), types, strict=True)):
        if kind in _FRAME_DTYPES:
            columns[f"c{i}"] = pd.array(column, dtype=_FRAME_DTYPES[kind])
        else:  # DATE, TIMESTAMP: ISO text
            values = [None if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v) for v in column]
            columns[f"c{i}"] = pd.array(values, dtype="string")
    frame = pd.DataFrame(columns)  # noqa: F841 - read by DuckDB's replacement scan below
    con.execute(f"insert into {table} select * from frame")


PARSED_TABLES = ("staging.articles", "staging.paragraphs", "staging.sentences", "staging.figure_mentions")


def parsed_rows(file_version_id: str, source_file: str, doc: ParsedDocument) -> dict[str, list[tuple[Any, ...]]]:
    """One file version's rows per staging table. Pure, so the parser's worker processes build them
    (hashing every id is a third of the writing work) and the one writer only inserts."""
    article_ids = {a.index: short_hash(file_version_id, a.index) for a in doc.articles}
    published = {a.index: a.published_on for a in doc.articles}
    paragraph_ids = {p.index: short_hash(file_version_id, "p", p.index) for p in doc.paragraphs}
    articles = [
        (article_ids[a.index], file_version_id, source_file, a.index, a.char_start, a.char_end, a.title,
         a.byline, a.published_on, a.published_on_source, a.region_code, a.region_name)
        for a in doc.articles
    ]
    paragraphs = [
        (paragraph_ids[p.index], article_ids[p.article_index], file_version_id, source_file, p.index,
         p.char_start, p.char_end, p.kind, p.text, hashlib.md5("".join(p.text.split()).encode()).hexdigest(),
         p.is_repeated, p.repeat_of)
        for p in doc.paragraphs
    ]
    sentences = [
        (short_hash(file_version_id, "s", s.paragraph_index, s.index), paragraph_ids[s.paragraph_index],
         file_version_id, source_file, s.paragraph_index, s.index, s.char_start, s.char_end, s.text)
        for s in doc.sentences
    ]
    # one quote stated for several places (`荆州、十堰、黄石入库数量首次突破1500家`) is one mention per
    # place: their ids also hash the region
    spans = Counter((m.char_start, m.char_end, m.value, m.unit) for m in doc.mentions)
    mentions = [
        (short_hash(file_version_id, m.char_start, m.char_end, m.value, m.unit,
                    *((m.region_code,) if spans[(m.char_start, m.char_end, m.value, m.unit)] > 1 else ())),
         file_version_id,
         source_file, article_ids[m.article_index], m.paragraph_index, m.sentence_index, m.char_start,
         m.char_end, m.quote, m.sentence, float(m.value), m.unit, m.counter, m.qualifier, m.value_kind,
         m.region_code, m.region_name, m.subject, m.period, m.period_source, m.indicator_code,
         m.indicator_name, m.is_repeated_passage, published.get(m.article_index), m.is_revision, m.in_list)
        for m in doc.mentions
    ]
    return dict(zip(PARSED_TABLES, (articles, paragraphs, sentences, mentions), strict=True))


def write_rows(con: duckdb.DuckDBPyConnection, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Insert the rows of one or more whole file versions in one transaction (all or nothing).

    Several files per transaction: one commit (a WAL sync) and one statement per table for a whole
    batch rather than four per file.
    """
    con.execute("begin")
    try:
        for table in PARSED_TABLES:
            _insert(con, table, rows.get(table, []))
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def write_parsed(
    con: duckdb.DuckDBPyConnection, file_version_id: str, source_file: str, doc: ParsedDocument
) -> None:
    """Insert one file version's articles, paragraphs, sentences and mentions atomically."""
    write_rows(con, parsed_rows(file_version_id, source_file, doc))


def table_counts(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
