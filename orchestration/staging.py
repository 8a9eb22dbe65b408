"""Writing raw files and parser output into the staging schema of the working copy.

Every write for one file version happens in one transaction, so a crash leaves either all of a
file's rows or none (and the working copy is rebuilt from the published mart anyway).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb

from orchestration.config import STAGING_SCHEMA_SQL
from orchestration.ingest import RawFile
from orchestration.parsing.model import ParsedDocument


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
    quarantined: int = 0


def record_files(con: duckdb.DuckDBPyConnection, files: Iterable[RawFile], now: datetime) -> IngestSummary:
    """Register each accepted file version once; refused files go to staging.quarantine."""
    summary = IngestSummary()
    for f in files:
        summary.seen += 1
        if not f.accepted:
            summary.quarantined += 1
            con.execute(
                """insert into staging.quarantine values (?, ?, ?, ?, ?, ?)
                   on conflict (source_file, reason) do update
                   set last_seen = excluded.last_seen, sha256 = excluded.sha256, bytes = excluded.bytes""",
                [f.source_file, f.sha256, f.bytes, f.refused, now, now],
            )
            continue
        version_id = short_hash(f.source_file, f.sha256)
        if con.execute(
            "update staging.files set last_seen = ? where file_version_id = ? returning 1", [now, version_id]
        ).fetchone():
            summary.unchanged += 1
            continue
        con.execute("begin")
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
            "insert into staging.files values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)",
            [version_id, f.source_file, f.sha256, f.bytes, f.encoding, f.text, previous + 1,
             duplicate_of, now, now],
        )
        con.execute("commit")
        summary.new_versions += 1
        if duplicate_of:
            summary.redelivered += 1
    return summary


def pending_versions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(file_version_id, source_file) of versions not parsed yet; re-deliveries are skipped."""
    return con.execute(
        """select f.file_version_id, f.source_file from staging.files f
           where f.duplicate_of is null
             and not exists (select 1 from staging.articles a where a.file_version_id = f.file_version_id)
           order by f.first_seen, f.source_file"""
    ).fetchall()


def write_parsed(
    con: duckdb.DuckDBPyConnection, file_version_id: str, source_file: str, doc: ParsedDocument
) -> None:
    """Insert one file version's articles, paragraphs, sentences and mentions atomically."""
    article_ids = {a.index: short_hash(file_version_id, a.index) for a in doc.articles}
    published = {a.index: a.published_on for a in doc.articles}
    paragraph_ids = {p.index: short_hash(file_version_id, "p", p.index) for p in doc.paragraphs}
    con.execute("begin")
    con.executemany(
        "insert into staging.articles values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [article_ids[a.index], file_version_id, source_file, a.index, a.char_start, a.char_end, a.title,
             a.byline, a.published_on, a.published_on_source, a.region_code, a.region_name]
            for a in doc.articles
        ],
    )
    con.executemany(
        "insert into staging.paragraphs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [paragraph_ids[p.index], article_ids[p.article_index], file_version_id, source_file, p.index,
             p.char_start, p.char_end, p.kind, p.text, hashlib.md5("".join(p.text.split()).encode()).hexdigest(),
             p.is_repeated, p.repeat_of]
            for p in doc.paragraphs
        ],
    )
    con.executemany(
        "insert into staging.sentences values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [short_hash(file_version_id, "s", s.paragraph_index, s.index), paragraph_ids[s.paragraph_index],
             file_version_id, source_file, s.paragraph_index, s.index, s.char_start, s.char_end, s.text]
            for s in doc.sentences
        ],
    )
    con.executemany(
        "insert into staging.figure_mentions values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?)",
        [
            [short_hash(file_version_id, m.char_start, m.char_end, m.value, m.unit), file_version_id,
             source_file, article_ids[m.article_index], m.paragraph_index, m.sentence_index, m.char_start,
             m.char_end, m.quote, m.sentence, m.value, m.unit, m.counter, m.qualifier, m.value_kind,
             m.region_code, m.region_name, m.subject, m.period, m.period_source, m.indicator_code,
             m.indicator_name, m.is_repeated_passage, published.get(m.article_index)]
            for m in doc.mentions
        ],
    )
    con.execute("commit")


def table_counts(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
