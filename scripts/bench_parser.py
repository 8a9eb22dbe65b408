#!/usr/bin/env python3
"""Parser throughput against one bare regular-expression pass over the same text.

Builds a corpus of at least --mb megabytes (UTF-8) of documents: the seed articles in raw/ and
constructed sentences, varied (places, years, digits, Traditional script, full-width digits) so
that documents differ. Prints characters per second for parse_document over every document and for
one compiled number regex consumed over the whole corpus, their ratio, and cn2an against the
parser's own numeral converter. Times are CPU seconds of this process (time.process_time), so that
other work on a shared machine does not distort the ratio.

usage: bench_parser.py [--mb 20] [--repeat 1] [--against REF]

--against REF also times the parser of another commit (e.g. the last release) on the same corpus,
in a subprocess, interleaved with this one's timings, and prints both rates and their ratio: the
way to say "within 10% of the rate before this change" on a noisy machine.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.parsing import parse_document  # noqa: E402
from orchestration.parsing.normalize import translation_table  # noqa: E402
from orchestration.parsing.numbers import parse_number  # noqa: E402

BARE = re.compile(r"[0-9０-９.]+|[零〇一二两三四五六七八九十百千万亿]+")
PLACES = [("湖南", "长沙"), ("广东", "深圳"), ("四川", "成都"), ("安徽", "合肥"), ("湖北", "武汉"),
          ("浙江", "杭州"), ("江苏", "苏州"), ("陕西", "西安"), ("山东", "济南"), ("福建", "厦门")]
SENTENCES = [
    "2025年，{p}省研发经费投入达{a}亿元，同比增长{b}%，研发投入强度达{c}%，比上年提高0.{d}个百分点。",
    "{c2}市高新技术企业突破{e}万家、居全国第{f}，科技型中小企业入库数量达{g}家。",
    "全省技术合同成交额超{a}亿元，同比增长超{b}%；高校科技成果本地转化率达{h}%。",
    "截至2025年底，{c2}市拥有国家级创新平台{i}个，新增全国重点实验室{j}家，总数达到{k}家。",
    "到2030年，全市研发投入强度力争达到{c}%，高新技术企业数量达到{e}万家以上。",
    "电子信息、生物医药产业分别增长{b}%、{h}.5%，规模以上工业增加值同比下降{d}.1%。",
    "{c2}市跃居全球科技集群百强第{f}位、较上年提升{d}位，列全球科研城市第{j}位。",
    "目前已布局{i}家省级院士工作站、{k}家专家工作站，引进国家级高层次人才{g}余人。",
    "一座城、两院院士、百花齐放，“十四五”规划和“1+2”体系，走进{d}号楼。",
    "↑2025年{d}月{j}日，{c2}市举办科技活动周。记者 李四 摄",
]


def vary(text: str, rng: random.Random) -> str:
    """Swap places, digits and script so that documents are not copies of each other."""
    province, city = rng.choice(PLACES)
    text = text.replace("湖南", province).replace("长沙", city)
    digits = "0123456789"
    shuffled = "".join(rng.sample(digits, len(digits)))
    text = text.translate(str.maketrans(digits, shuffled))
    if rng.random() < 0.1:  # a reprint in Traditional script
        reverse = {v: k for k, v in translation_table().items() if 0x4E00 <= k <= 0x9FFF}
        text = text.translate(reverse)
    if rng.random() < 0.1:  # full-width digits
        text = text.translate(str.maketrans(digits, "０１２３４５６７８９"))
    return text


def constructed(rng: random.Random, n: int, prose: list[str]) -> str:
    """A report of template sentences between paragraphs of the seeds' prose."""
    province, city = rng.choice(PLACES)
    lines = [f"{city}科技创新观察\n本报记者 张三 李四\n"]
    for _ in range(n):
        if rng.random() < 0.6:
            lines.append(rng.choice(prose))
            continue
        template = rng.choice(SENTENCES)
        lines.append(template.format(
            p=province, c2=city, a=rng.randint(100, 9999), b=rng.randint(1, 30), c=rng.randint(1, 6),
            d=rng.randint(1, 9), e=rng.randint(1, 9), f=rng.randint(1, 30), g=rng.randint(100, 90000),
            h=rng.randint(10, 90), i=rng.randint(10, 400), j=rng.randint(2, 30), k=rng.randint(30, 900)))
    return "\n\n".join(lines)


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]
    prose = [line for seed in seeds for line in seed.splitlines() if len(line) > 40]
    docs: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        doc = vary(rng.choice(seeds), rng) if rng.random() < 0.7 else vary(constructed(rng, 80, prose), rng)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings")
    parser.add_argument("--against", metavar="REF", help="also time the parser of this git commit")
    args = parser.parse_args()
    docs = corpus(args.mb)
    if args.against:
        return _compare(docs, args.against, args.repeat)
    whole = "\n".join(docs)
    chars = len(whole)
    print(f"corpus: {len(docs)} documents, {len(whole.encode('utf-8')) / 1e6:.1f} MB, {chars:,} characters")
    parse_document(docs[0])  # load the seed dictionaries outside the timing

    bare_s = parser_s = float("inf")
    mentions = matches = 0
    for _ in range(args.repeat):
        for _ in range(5):  # the bare pass is short, so the machine's noise weighs more: best of five
            started = time.process_time()
            matches = sum(1 for _ in BARE.finditer(whole))
            bare_s = min(bare_s, time.process_time() - started)
        started = time.process_time()
        mentions = sum(len(parse_document(doc).mentions) for doc in docs)
        parser_s = min(parser_s, time.process_time() - started)
    bare_rate, parser_rate = chars / bare_s, chars / parser_s
    print(f"bare regex pass: {bare_rate:>14,.0f} chars/s  ({matches:,} matches, {bare_s:.2f} s)")
    print(f"parse_document:  {parser_rate:>14,.0f} chars/s  ({mentions:,} mentions, {parser_s:.2f} s, "
          f"one per {chars / max(mentions, 1):.0f} characters)")
    print(f"ratio parser/bare: {parser_rate / bare_rate:.3f} (target >= 0.333)")
    _stages(docs, chars, bare_rate)
    _floor(docs, chars, bare_s)
    budget = 3 * bare_s
    print(f"per figure: the target allows {budget / mentions * 1e6:.1f} µs for everything (the whole budget "
          f"over {mentions:,} mentions); the parser spends {parser_s / mentions * 1e6:.1f} µs")

    import cn2an  # noqa: PLC0415 - only for the comparison

    words = [m.group() for m in BARE.finditer(whole[:2_000_000]) if not m.group()[0].isdigit()]
    words = [w for w in words if _cn2an_ok(cn2an, w)][:50_000]
    started = time.process_time()
    theirs = [cn2an.cn2an(w, "smart") for w in words]
    cn2an_s = time.process_time() - started
    convert = getattr(parse_number, "__wrapped__", parse_number)  # the converter itself, not its cache
    started = time.process_time()
    ours = [convert(w) for w in words]
    ours_s = time.process_time() - started
    agree = sum(1 for a, b in zip(theirs, ours, strict=True) if b is not None and abs(a - b) < 1e-6)
    print(f"numerals: cn2an {len(words) / cn2an_s:,.0f}/s, parse_number {len(words) / ours_s:,.0f}/s, "
          f"agree on {agree}/{len(words)}")
    return 0


_TIME_PARSER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from orchestration.parsing import parse_document
docs = json.load(open(sys.argv[2], encoding="utf-8"))
parse_document(docs[0])
started = time.process_time()
mentions = sum(len(parse_document(doc).mentions) for doc in docs)
print(time.process_time() - started, mentions)
"""


def _compare(docs: list[str], ref: str, repeat: int) -> int:
    """This checkout's parser against commit `ref`'s on the same documents, each in a fresh process,
    alternating, best of `repeat` each (CPU time of the parse only)."""
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import tarfile  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    chars = sum(len(doc) for doc in docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "corpus.json"
        corpus_file.write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        archive = Path(tmp) / "ref.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), ref, "orchestration/parsing",
                        "dbt_project/seeds"], check=True)
        other = Path(tmp) / "ref"
        with tarfile.open(archive) as tar:
            tar.extractall(other, filter="data")
        (other / "orchestration" / "__init__.py").touch()  # the parser alone, not the Dagster package
        best: dict[str, tuple[float, int]] = {}
        for _ in range(repeat):
            for name, root in (("this checkout", ROOT), (ref, other)):
                done = subprocess.run([sys.executable, "-c", _TIME_PARSER, str(root), str(corpus_file)],
                                      capture_output=True, text=True, check=True)
                seconds, mentions = done.stdout.split()
                if name not in best or float(seconds) < best[name][0]:
                    best[name] = (float(seconds), int(mentions))
    for name, (seconds, mentions) in best.items():
        print(f"{name:>15}: {chars / seconds:>12,.0f} chars/s  ({seconds:.2f} s, {mentions:,} mentions)")
    ours, theirs = best["this checkout"][0], best[ref][0]
    print(f"ratio this/{ref}: {theirs / ours:.3f} (1.0 = as fast; 0.9 = 10% slower)")
    return 0


def _stages(docs: list[str], chars: int, bare_rate: float) -> None:
    """Where the time goes: the fixed stages alone, as a share of the bare pass's speed."""
    from orchestration.parsing import layout  # noqa: PLC0415
    from orchestration.parsing.figures import DocumentIndex  # noqa: PLC0415
    from orchestration.parsing.normalize import normalize  # noqa: PLC0415

    started = time.process_time()
    norms = [normalize(doc) for doc in docs]
    normalize_s = time.process_time() - started
    started = time.process_time()
    for norm in norms:
        blocks = layout.split_blocks(norm)
        layout.assign_articles(norm, blocks)
        layout.mark_repeats(norm, blocks)
        layout.mark_continuations(norm, blocks)
    layout_s = time.process_time() - started
    started = time.process_time()
    for norm in norms:
        DocumentIndex.build(norm)
    index_s = time.process_time() - started
    for name, seconds in (("normalize (str.translate)", normalize_s), ("layout", layout_s),
                          ("document index (regexes)", index_s)):
        rate = chars / seconds
        print(f"  stage {name:26} {rate:>14,.0f} chars/s  ({rate / bare_rate:.2f} of the bare pass)")


def _floor(docs: list[str], chars: int, bare_s: float) -> None:
    """What any Python parser must do at least once per document, against the time the target
    allows (three bare passes): translate the text, run one figure regex over it, and build the
    output records. When these alone fill the budget, no rework of the rules in Python meets it."""
    from dataclasses import astuple  # noqa: PLC0415

    from orchestration.parsing.figures import FIGURE_RE  # noqa: PLC0415
    from orchestration.parsing.model import FigureMention, Paragraph, Sentence  # noqa: PLC0415
    from orchestration.parsing.normalize import normalize  # noqa: PLC0415

    started = time.process_time()
    norms = [normalize(doc) for doc in docs]
    normalize_s = time.process_time() - started
    started = time.process_time()
    for norm in norms:
        for _ in FIGURE_RE.finditer(norm):
            pass
    regex_s = time.process_time() - started
    del norms
    parsed = [parse_document(doc) for doc in docs]
    records = [(kind, astuple(r)) for p in parsed for kind, rows in
               ((FigureMention, p.mentions), (Sentence, p.sentences), (Paragraph, p.paragraphs)) for r in rows]
    del parsed
    started = time.process_time()
    for kind, row in records:
        kind(*row)
    records_s = time.process_time() - started
    budget = 3 * bare_s
    floor = normalize_s + regex_s + records_s
    print(f"floor of any Python parser: translate {normalize_s:.2f} s + figure regex {regex_s:.2f} s + "
          f"{len(records):,} records {records_s:.2f} s = {floor:.2f} s, {floor / budget:.0%} of the "
          f"{budget:.2f} s the target allows for {chars:,} characters")


def _cn2an_ok(cn2an: object, word: str) -> bool:
    try:
        cn2an.cn2an(word, "smart")  # type: ignore[attr-defined]
    except (ValueError, KeyError):
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
