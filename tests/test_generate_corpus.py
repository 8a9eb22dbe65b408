"""The synthetic corpus is only useful as an answer key if it is exact: these tests check that every
expected quote is in its file, that figures never contradict each other except where planted, that the
planted counts follow the requested rates, and that the same seed gives the same bytes."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.generate_corpus import (
    INDICATORS,
    REGIONS_CSV,
    CorpusSummary,
    count_num,
    generate,
    load_regions,
    main,
    money_num,
    mutate,
    parse_range,
)

TOLERANCE = 0.005  # dbt var figure_value_tolerance
APPROX_BAND = 0.1  # dbt var approx_band
UNITS = {"yuan", "percent", "percentage_point", "rank", "count"}
QUALIFIERS = {"exact", "lower_bound", "upper_bound", "approx"}
KINDS = {"level", "growth_rate", "share", "rank", "rank_change", "change", "target"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusSummary:
    out = tmp_path_factory.mktemp("corpus") / "c30"
    return generate(out, 30, seed=3, conflict_rate=0.1, reprint_rate=0.1, gbk_rate=0.3, article_kb=8)


@pytest.fixture(scope="module")
def texts(corpus: CorpusSummary) -> dict[str, str]:
    assert corpus.manifest_path
    return {row["file"]: (corpus.out_dir / row["file"]).read_bytes().decode(row["encoding"])
            for row in read_jsonl(corpus.manifest_path)}


def interval(row: dict) -> tuple[float, float]:
    """The values a figure allows, as the warehouse's figure_intervals macro reads it."""
    v = row["value"]
    if row["qualifier"] == "exact":
        return min(v * (1 - TOLERANCE), v * (1 + TOLERANCE)), max(v * (1 - TOLERANCE), v * (1 + TOLERANCE))
    if row["qualifier"] == "approx":
        return min(v * (1 - APPROX_BAND), v * (1 + APPROX_BAND)), max(v * (1 - APPROX_BAND), v * (1 + APPROX_BAND))
    if row["qualifier"] == "lower_bound":
        return v, float("inf")
    return float("-inf"), v


def test_summary_counts_follow_the_requested_rates(corpus: CorpusSummary) -> None:
    assert corpus.articles == 30
    assert corpus.planted_conflicts == corpus.requested_conflicts == round(0.1 * 30)
    assert corpus.reprints == round(0.1 * 30)
    assert corpus.files == len(list(corpus.out_dir.iterdir()))
    assert corpus.bytes == sum(p.stat().st_size for p in corpus.out_dir.iterdir())
    assert corpus.expected_path and corpus.conflicts_path
    assert corpus.figures == len(read_jsonl(corpus.expected_path)) > 30 * 5
    assert len(read_jsonl(corpus.conflicts_path)) == corpus.planted_conflicts


def test_every_quote_is_in_its_file(corpus: CorpusSummary, texts: dict[str, str]) -> None:
    assert corpus.expected_path
    for row in read_jsonl(corpus.expected_path):
        text, quote = texts[row["file"]], row["quote"]
        assert quote in text, row
        start = text.find(quote)
        while start != -1:  # no occurrence is the head of a longer number ('第1' inside '第12')
            assert not (quote[-1].isdigit() and text[start + len(quote):][:1].isdigit()), row
            start = text.find(quote, start + 1)


def test_rows_use_the_conventions_vocabulary(corpus: CorpusSummary) -> None:
    assert corpus.expected_path
    regions = load_regions(REGIONS_CSV)
    names = {i.name for i in INDICATORS}
    for row in read_jsonl(corpus.expected_path):
        assert row["unit"] in UNITS and row["qualifier"] in QUALIFIERS and row["value_kind"] in KINDS, row
        assert regions[row["region_code"]].name == row["region_name"]
        assert row["indicator"] in names
        assert (row["counter"] is not None) == (row["unit"] == "count")
        assert row["period"] == "2021-2025" or 2015 <= int(row["period"]) <= 2035


def test_figures_agree_except_planted_conflicts(corpus: CorpusSummary) -> None:
    """Truth rows of one key all intersect; each planted row contradicts its key's exact truth only."""
    assert corpus.expected_path
    rows = read_jsonl(corpus.expected_path)
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        by_key[(row["region_code"], row["indicator_code"], row["period"], row["value_kind"])].append(row)
    planted = 0
    for key, group in by_key.items():
        truth = [r for r in group if not r["planted_conflict"]]
        for a in truth:
            for b in truth:
                low_a, high_a = interval(a)
                low_b, high_b = interval(b)
                assert low_a <= high_b and low_b <= high_a, (key, a["quote"], b["quote"])
        for wrong in (r for r in group if r["planted_conflict"]):
            planted += 1
            assert all(r["qualifier"] == "exact" for r in group), key
            assert truth, key
            for r in truth:
                assert abs(r["value"] - wrong["value"]) > TOLERANCE * max(abs(r["value"]), abs(wrong["value"]))
    assert planted >= corpus.planted_conflicts


def test_conflict_pairs_point_at_real_quotes(corpus: CorpusSummary, texts: dict[str, str]) -> None:
    assert corpus.conflicts_path
    kinds = set()
    for pair in read_jsonl(corpus.conflicts_path):
        kinds.add(pair["kind"])
        original, altered = pair["original"], pair["altered"]
        assert original["quote"] in texts[original["file"]]
        assert altered["quote"] in texts[altered["file"]]
        assert original["file"] != altered["file"]
        assert abs(original["value"] - altered["value"]) > TOLERANCE * max(original["value"], altered["value"])
    assert kinds == {"reprint", "restated"}


def test_reprints_repeat_the_article_text(corpus: CorpusSummary, texts: dict[str, str]) -> None:
    assert corpus.manifest_path and corpus.conflicts_path
    articles = {}
    for row in read_jsonl(corpus.manifest_path):
        for article in row["articles"]:
            articles[article["article_index"]] = (row["file"], article)
    altered = {pair["altered"]["article_index"] for pair in read_jsonl(corpus.conflicts_path)}
    reprints = [a for _, a in articles.values() if a["reprint_of"] is not None]
    assert len(reprints) == corpus.reprints
    plain = 0
    for article in reprints:
        file, _ = articles[article["article_index"]]
        source_file, source = articles[article["reprint_of"]]
        assert file != source_file
        text = texts[file][article["char_start"]:article["char_end"]]
        original = texts[source_file][source["char_start"]:source["char_end"]]
        if article["article_index"] in altered:  # the same text but for one numeral
            assert text != original and abs(len(text) - len(original)) <= 4
        else:
            assert text == original
            plain += 1
    assert plain >= 1


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    def snapshot(out: Path) -> dict[str, bytes]:
        generate(out, 12, seed=5, conflict_rate=0.2, reprint_rate=0.2, article_kb=4)
        side = sorted(p for p in out.parent.iterdir() if p.is_file() and p.name.startswith(out.name + "."))
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        files.update({p.name: p.read_bytes() for p in side if not p.name.endswith("summary.json")})
        return files

    first, second = snapshot(tmp_path / "a" / "c"), snapshot(tmp_path / "b" / "c")
    assert first == second
    assert snapshot(tmp_path / "d" / "c") == first
    other = generate(tmp_path / "e" / "c", 12, seed=6, article_kb=4)
    assert {p.read_bytes() for p in other.out_dir.iterdir()} != set(
        v for k, v in first.items() if k.endswith(".txt"))


def test_gb18030_files_are_not_utf8(corpus: CorpusSummary) -> None:
    assert corpus.manifest_path
    encodings = {row["file"]: row["encoding"] for row in read_jsonl(corpus.manifest_path)}
    assert set(encodings.values()) == {"utf-8", "gb18030"}
    for name, encoding in encodings.items():
        data = (corpus.out_dir / name).read_bytes()
        if encoding == "gb18030":
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")


def test_articles_per_file_and_size(tmp_path: Path) -> None:
    summary = generate(tmp_path / "c", 20, seed=1, articles_per_file=(2, 2), article_kb=10, gbk_rate=0.0,
                       reprint_rate=0.0, conflict_rate=0.0)
    assert summary.files == 10 and summary.gb18030_files == 0 and summary.planted_conflicts == 0
    assert 0.7 * 20 * 10 * 1024 < summary.bytes < 1.5 * 20 * 10 * 1024


def test_written_numbers_normalise_per_conventions() -> None:
    tech = next(i for i in INDICATORS if i.code == "high_tech_enterprises")
    assert money_num(51236).numeral + money_num(51236).suffix == "512.36亿元"
    assert money_num(51236).value == 51_236_000_000
    assert money_num(86).suffix == "万元" and money_num(86).value == 86_000_000
    assert money_num(200_000, chinese=True).numeral == "两千" and money_num(200_000).value == 2e11
    assert (count_num(18234, tech, wan=True).numeral, count_num(18234, tech, wan=True).value) == ("1.82", 18200)
    assert count_num(20000, tech, chinese=True).numeral + count_num(20000, tech, chinese=True).suffix == "两万家"
    assert count_num(12, tech, chinese=True).numeral == "十二"


def test_mutation_moves_the_value_beyond_tolerance() -> None:
    import random

    rng = random.Random(0)
    for ticks in (51236, 1138, 262, 99):
        num = money_num(ticks)
        wrong, _ = mutate(num, rng, False, 0, float("inf")) or (None, None)
        assert wrong and abs(wrong.value - num.value) >= 0.02 * max(wrong.value, num.value)


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_range("1..3") == (1, 3) and parse_range("2") == (2, 2)
    expected = tmp_path / "key.jsonl"
    assert main([str(tmp_path / "out"), "--articles", "4", "--article-kb", "3", "--expected", str(expected),
                 "--articles-per-file", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == 2
    assert read_jsonl(expected)
