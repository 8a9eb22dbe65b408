#!/usr/bin/env python3
"""Scores parse_document against a synthetic corpus's answer key (benchmarks/generate_corpus.py).

usage: score_corpus.py RAW_DIR [--show N] [--classes N]

RAW_DIR is the folder the generator wrote (`/tmp/corpus/raw`); the answer key is RAW_DIR's
sibling `raw.expected.jsonl`, the encodings `raw.files.jsonl`. Every file is decoded as the key
says and parsed with parse_document (source_name = file name, no metadata date), in memory.

A mention matches a key row when it is in the same file, its offsets overlap an occurrence of the
quote, and value (within 0.5%) and unit agree. Mentions are indexed per file by position, so the
match is a bisection, not an all-pairs loop. Prints
  recall      key rows matched by some mention
  precision   mentions that match a key row, out of all mentions (the key lists every figure the
              generator planted; unplanted numbers in filler prose count as false)
  attributes  matched rows whose mention has the key's region, period, qualifier and kind
  per-attribute accuracy (region, period, qualifier, kind, indicator code where the key has one)
and the largest error classes with examples. The last line is machine-readable:
'recall=R precision=P attributes=A'.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.parsing import parse_document  # noqa: E402
from orchestration.parsing.model import FigureMention  # noqa: E402


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


class FileMentions:
    """A file's mentions sorted by start, for overlap queries by bisection."""

    def __init__(self, mentions: list[FigureMention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.char_start)
        self.starts = [m.char_start for m in self.items]
        self.longest = max((m.char_end - m.char_start for m in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[int]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [i for i in range(lo, hi) if self.items[i].char_end > start]


def context(text: str, start: int, end: int, width: int = 30) -> str:
    return (text[max(0, start - width):start] + "【" + text[start:end] + "】" + text[end:end + 10]).replace("\n", "⏎")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("--show", type=int, default=3, help="examples per error class")
    parser.add_argument("--classes", type=int, default=25, help="error classes to print")
    args = parser.parse_args()
    raw: Path = args.raw_dir
    key_path = raw.with_name(raw.name + ".expected.jsonl")
    files_path = raw.with_name(raw.name + ".files.jsonl")
    key = [json.loads(line) for line in key_path.open(encoding="utf-8") if line.strip()]
    encodings = {}
    spans_of: dict[tuple[str, int], tuple[int, int]] = {}  # (file, article_index) -> its span
    key_articles: dict[str, list[dict]] = {}
    if files_path.exists():
        for line in files_path.open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                encodings[row["file"]] = row.get("encoding", "utf-8")
                key_articles[row["file"]] = row.get("articles", [])
                for art in row.get("articles", []):
                    spans_of[row["file"], art["article_index"]] = (art["char_start"], art["char_end"])

    errors: dict[str, list[str]] = defaultdict(list)
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(key):
        by_file[row["file"]].append(i)
    names = sorted({p.name for p in raw.iterdir() if p.is_file()} | set(by_file))
    texts: dict[str, str] = {}
    mentions: dict[str, FileMentions] = {}
    split_found = split_total = 0
    parse_s = 0.0
    for name in names:
        data = (raw / name).read_bytes()
        text = data.decode(encodings.get(name, "utf-8"))
        if text.startswith("\ufeff"):
            text = text[1:]
        texts[name] = text
        started = time.process_time()
        parsed = parse_document(text, source_name=name)
        parse_s += time.process_time() - started
        mentions[name] = FileMentions(parsed.mentions)
        starts = [a.char_start for a in parsed.articles]
        for art in key_articles.get(name, [])[1:]:  # an article boundary is found within 300 chars
            split_total += 1
            if any(abs(s - art["char_start"]) < 300 for s in starts):
                split_found += 1
            else:
                errors["article boundary missed"].append(f"{name}: {art['title']}")

    matched_mentions: dict[str, set[int]] = defaultdict(set)
    found = right = 0
    # the key's indicator codes are the generator's, not the seed's: a mention's indicator is right
    # when it is the code most mentions of that key code get (consistency, not spelling)
    indicator_pairs: list[tuple[str, str | None, str, str | None]] = []
    attr_ok: Counter[str] = Counter()
    attr_total: Counter[str] = Counter()
    for name, rows in by_file.items():
        text, fm = texts[name], mentions[name]
        for i in rows:
            row = key[i]
            spans = occurrences(text, row["quote"])
            if not spans:
                errors["key quote not in text"].append(row["quote"])
                continue
            art_span = spans_of.get((name, row.get("article_index", -1)))
            if art_span:  # a quote also written in another article of the page is not this row's
                spans = [(s, e) for s, e in spans if art_span[0] <= s < art_span[1]] or spans
            hits: list[FigureMention] = []
            near: list[FigureMention] = []
            for s, e in spans:
                for j in fm.overlapping(s, e):
                    m = fm.items[j]
                    if m.unit == row["unit"] and close(m.value, row["value"]):
                        matched_mentions[name].add(j)
                        hits.append(m)
                    else:
                        near.append(m)
            hit = max(hits, key=lambda m: (m.region_name == row["region_name"]) + (m.period == row["period"])
                      + (m.qualifier == row["qualifier"]) + (m.value_kind == row["value_kind"]), default=None)
            s, e = spans[0]
            where = f"{name}:{context(text, s, e)}"
            if hit is None:
                if near:
                    m = near[0]
                    label = ("unit" if m.unit != row["unit"] else
                             "sign" if close(-m.value, row["value"]) else "value")
                    errors[f"miss: wrong {label} ({row['unit']}/{row['value_kind']})"].append(
                        f"{where}  want {row['value']:g} {row['unit']}, got {m.value:g} {m.unit}")
                else:
                    errors[f"miss: no mention ({row['unit']}/{row['value_kind']})"].append(where)
                continue
            found += 1
            checks = {
                "region": (hit.region_name, row["region_name"]),
                "period": (hit.period, row["period"]),
                "qualifier": (hit.qualifier, row["qualifier"]),
                "kind": (hit.value_kind, row["value_kind"]),
            }
            if row.get("indicator_code"):
                indicator_pairs.append((row["indicator_code"], hit.indicator_code, where, hit.indicator_name))
            all_ok = True
            for attr, (got, want) in checks.items():
                attr_total[attr] += 1
                if got == want:
                    attr_ok[attr] += 1
                    continue
                if attr != "indicator":
                    all_ok = False
                errors[f"{attr}: {want} -> {got}" if attr in ("qualifier", "kind") else f"{attr} wrong"].append(
                    f"{where}  want {want}, got {got}" + (f" ({hit.indicator_name})" if attr == "indicator" else ""))
            right += all_ok

    usual: dict[str, Counter[str | None]] = defaultdict(Counter)
    for want, got, _, _ in indicator_pairs:
        usual[want][got] += 1
    for want, got, where, got_name in indicator_pairs:
        attr_total["indicator"] += 1
        expected = usual[want].most_common(1)[0][0]
        if got == expected and got is not None:
            attr_ok["indicator"] += 1
        else:
            errors[f"indicator: {want} ({expected}) -> {got}"].append(f"{where}  got {got_name}")

    total_mentions = false_pos = 0
    for name, fm in mentions.items():
        total_mentions += len(fm.items)
        for j, m in enumerate(fm.items):
            if j in matched_mentions[name]:
                continue
            false_pos += 1
            errors[f"false: {m.unit}/{m.value_kind}"].append(
                f"{name}:{context(texts[name], m.char_start, m.char_end)} = {m.value:g}")

    chars = sum(len(t) for t in texts.values())
    print(f"{len(names)} files, {chars:,} characters, parsed in {parse_s:.2f} s CPU "
          f"({chars / max(parse_s, 1e-9):,.0f} chars/s); key rows {len(key)}, mentions {total_mentions}")
    if split_total:
        print(f"  article boundaries found {split_found}/{split_total}")
    for attr in attr_total:
        print(f"  {attr:<10} {attr_ok[attr] / attr_total[attr]:.3f} ({attr_total[attr] - attr_ok[attr]} wrong)")
    print("error classes (largest first):")
    for label, examples in sorted(errors.items(), key=lambda kv: -len(kv[1]))[:args.classes]:
        print(f"{len(examples):6d}  {label}")
        for example in examples[:args.show]:
            print(f"          {example}")
    recall = found / max(len(key), 1)
    precision = (total_mentions - false_pos) / max(total_mentions, 1)
    attributes = right / max(found, 1)
    print(f"recall={recall:.3f} precision={precision:.3f} attributes={attributes:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
