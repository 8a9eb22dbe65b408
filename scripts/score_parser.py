#!/usr/bin/env python3
"""Scores the parser alone, before the warehouse exists.

Runs parse_document on every file in raw/, writes a throwaway DuckDB file with the two mart tables
the scorer reads (figures grouped the way the warehouse deduplicates them: region, subject,
indicator code or name, period, kind, unit and rounded value; a merged figure's qualifier prefers
`exact`), then runs scripts/score_extraction.py on it and prints its report.

usage: score_parser.py [--raw DIR] [--gold FILE|DIR] [--show N] [--keep PATH]
(--gold DIR: every gold_*.jsonl in DIR, as one gold file; the real-text corpus keeps one per batch)
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import score_extraction  # noqa: E402  (beside this script)

from orchestration.ingest import decode  # noqa: E402
from orchestration.parsing import parse_document  # noqa: E402

QUALIFIER_PREFERENCE = {"exact": 0, "lower_bound": 1, "upper_bound": 2, "approx": 3}


def figure_key(m) -> tuple:
    return (m.region_code, m.subject, m.indicator_code or m.indicator_name, m.period, m.value_kind,
            m.unit, round(m.value, 6))


def build(raw: Path, db_path: Path, decoded: Path) -> int:
    """Parses every file as the pipeline decodes it (UTF-8 or GB18030 ...) and writes the decoded text
    to `decoded/` as UTF-8, which the scorer reads."""
    figures: dict[str, dict] = {}
    mention_rows = []
    for path in sorted(raw.glob("*.txt")):
        text, _ = decode(path.read_bytes())
        (decoded / path.name).write_text(text, "utf-8")
        doc = parse_document(text, source_name=path.name)
        for n, m in enumerate(doc.mentions):
            key = figure_key(m)
            figure_id = hashlib.sha1(repr(key).encode()).hexdigest()[:16]
            mention_rows.append((figure_id, f"{path.name}:{n}", path.name, m.article_index,
                                 m.paragraph_index, m.char_start, m.char_end, m.quote, m.sentence,
                                 m.is_repeated_passage))
            fig = figures.get(figure_id)
            if fig is None:
                figures[figure_id] = fig = {
                    "figure_id": figure_id, "region_code": m.region_code, "region_name": m.region_name,
                    "subject": m.subject, "period": m.period, "indicator_code": m.indicator_code,
                    "indicator_name": m.indicator_name, "value": m.value, "unit": m.unit,
                    "counter": m.counter, "qualifier": m.qualifier, "value_kind": m.value_kind,
                    "mention_count": 0, "sources": set(), "source_file": path.name, "quote": m.quote,
                }
            fig["mention_count"] += 1
            fig["sources"].add(path.name)
            if QUALIFIER_PREFERENCE[m.qualifier] < QUALIFIER_PREFERENCE[fig["qualifier"]]:
                fig["qualifier"] = m.qualifier
    con = duckdb.connect(str(db_path))
    try:
        con.execute("create schema mart")
        con.execute("""create table mart.fct_figure_mentions (figure_id varchar, mention_id varchar,
            source_file varchar, article_id integer, paragraph_index integer, char_start integer,
            char_end integer, quote varchar, sentence varchar, is_repeated_passage boolean)""")
        con.executemany("insert into mart.fct_figure_mentions values (?,?,?,?,?,?,?,?,?,?)", mention_rows)
        con.execute("""create table mart.fct_figures (figure_id varchar, region_code varchar,
            region_name varchar, subject varchar, period varchar, indicator_code varchar,
            indicator_name varchar, value double, unit varchar, counter varchar, qualifier varchar,
            value_kind varchar, mention_count integer, source_count integer, source_file varchar,
            quote varchar)""")
        con.executemany(
            "insert into mart.fct_figures values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(f["figure_id"], f["region_code"], f["region_name"], f["subject"], f["period"],
              f["indicator_code"], f["indicator_name"], f["value"], f["unit"], f["counter"],
              f["qualifier"], f["value_kind"], f["mention_count"], len(f["sources"]),
              f["source_file"], f["quote"]) for f in figures.values()],
        )
    finally:
        con.close()
    return len(mention_rows)


def report(raw: Path, gold: Path, show: int = 0, keep: Path | None = None) -> str:
    """The scorer's report on `raw` against `gold` (a file, or a folder of gold_*.jsonl), run in this
    process (the corpus tests score 40-odd sets: two interpreter starts each cost more than the scoring)."""
    with tempfile.TemporaryDirectory() as tmp:
        db_path = keep or Path(tmp) / "parser_score.duckdb"
        if db_path.exists():
            db_path.unlink()
        decoded = Path(tmp) / "texts"
        decoded.mkdir()
        build(raw, db_path, decoded)
        if gold.is_dir():
            folder, gold = gold, Path(tmp) / "gold.jsonl"
            gold.write_text("".join(p.read_text("utf-8") for p in sorted(folder.glob("gold_*.jsonl"))), "utf-8")
        argv = ["score_extraction.py", str(db_path), str(gold), str(decoded)] + (["--show", str(show)] if show else [])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            score_extraction.main(argv)
        return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=ROOT / "raw")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "gold_seeds.jsonl")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--keep", type=Path, default=None, help="write the DuckDB file here and keep it")
    args = parser.parse_args()
    print(report(args.raw, args.gold, args.show, args.keep), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
