"""The real-text corpus (fixtures/real: passages copied verbatim from public pages, gold annotated
blind) holds its scores: a rule that mends one article and breaks others shows up here. The floors
are the scores each set reached when the rules were last changed (see fixtures/real/README.md: every
set was scored blind first), less a small margin for the rounding of one or two rows."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
# dev's merged floor is 0.95, not 0.96: one value stated for several places (`营口、鞍山、抚顺三市…均超30%`)
# is now one mention per place, as the gold has it; the scorer matches gold rows by offsets, so each
# place's row is hit by every copy and counts as split (attributes rose, merged fell by one key).
FLOORS = {
    "dev": {"recall": 0.96, "precision": 0.98, "attributes": 0.93, "merged": 0.95},
    "blind": {"recall": 0.96, "precision": 0.97, "attributes": 0.94, "merged": 0.97},
    "holdout": {"recall": 0.99, "precision": 0.98, "attributes": 0.96, "merged": 0.97},
    "holdout2": {"recall": 0.98, "precision": 0.98, "attributes": 0.90, "merged": 0.94},
    "holdout3": {"recall": 0.98, "precision": 0.98, "attributes": 0.92, "merged": 0.94},
    "holdout4": {"recall": 0.97, "precision": 0.97, "attributes": 0.94, "merged": 0.96},
    "holdout5": {"recall": 0.95, "precision": 0.97, "attributes": 0.93, "merged": 0.95},
    "holdout6": {"recall": 0.97, "precision": 0.98, "attributes": 0.94, "merged": 0.97},
    "holdout7": {"recall": 0.98, "precision": 0.98, "attributes": 0.93, "merged": 0.95},
    "holdout8": {"recall": 0.97, "precision": 0.98, "attributes": 0.93, "merged": 0.95},
    "holdout9": {"recall": 0.97, "precision": 0.98, "attributes": 0.89, "merged": 0.90},
    "holdout10": {"recall": 0.97, "precision": 0.99, "attributes": 0.87, "merged": 0.97},
    "holdout11": {"recall": 0.97, "precision": 0.96, "attributes": 0.93, "merged": 0.96},
    "holdout12": {"recall": 0.95, "precision": 0.95, "attributes": 0.91, "merged": 0.94},
    "holdout13": {"recall": 0.97, "precision": 0.96, "attributes": 0.93, "merged": 0.94},
    "holdout14": {"recall": 0.98, "precision": 0.98, "attributes": 0.90, "merged": 0.97},
    # a 40-city forum table and three sources on a ranking report
    "holdout15": {"recall": 0.94, "precision": 0.96, "attributes": 0.79, "merged": 0.95},
    "holdout16": {"recall": 0.97, "precision": 0.97, "attributes": 0.90, "merged": 0.97},
    "holdout17": {"recall": 0.97, "precision": 0.96, "attributes": 0.92, "merged": 0.96},
    "holdout18": {"recall": 0.96, "precision": 0.95, "attributes": 0.89, "merged": 0.95},
    # gathered last this session, read briefly: ranking reports whose pages give only an estimated year
    "holdout19": {"recall": 0.93, "precision": 0.98, "attributes": 0.87, "merged": 0.94},
    # the seventh session's group, read: 呼和浩特's year-to-date counts stay split from the annotator
    "holdout20": {"recall": 0.95, "precision": 0.97, "attributes": 0.89, "merged": 0.96},
    # read briefly: index scores in 分 the parser does not read, part-year stocks the annotators split on
    "holdout21": {"recall": 0.92, "precision": 0.93, "attributes": 0.83, "merged": 0.95},
    # read briefly: stocks in a press conference dated by 去年 elsewhere, a month-end stock the annotator held
    # at its month
    "holdout22": {"recall": 0.97, "precision": 0.96, "attributes": 0.84, "merged": 0.96},
    # gathered last and scored untouched at the session's final rules, then read briefly
    "holdout23": {"recall": 0.96, "precision": 0.97, "attributes": 0.86, "merged": 0.94},
    # the eighth session's first group, read: a month-end stock held at its month (2018M08), a mid-year stock
    # (`到今年6月`, now read) as H1, and 目前 in early March as last year's, all split among annotators; targets listed
    # a sentence after the one that says they are targets
    "holdout24": {"recall": 0.96, "precision": 0.97, "attributes": 0.83, "merged": 0.96},
    # the eighth session's second group, read: recall is low because one page is a patent table flattened one
    # cell per line with its header's units and date split off (134 core rows unread); the same table laid
    # out one row per line is read
    "holdout25": {"recall": 0.73, "precision": 0.93, "attributes": 0.93, "merged": 0.97},
    # the eighth session's last group (h91-h93; h90 left out, see fixtures/real/README.md), gathered after
    # every other rule and scored untouched at the session's start and at 1b96de2; read briefly: 过去五年 in
    # a December review (the annotator ends it the year before, the parser at the review's own year), a
    # city's press conference whose figures went to the province
    "holdout26": {"recall": 0.97, "precision": 0.95, "attributes": 0.74, "merged": 0.98},
    # the ninth session's first group (h94-h97), scored untouched at the session's start (0.712 attributes),
    # then read: plans listed after `主要目标是：`, a park's story, a province's award won by a city
    "holdout27": {"recall": 0.97, "precision": 0.96, "attributes": 0.84, "merged": 0.95},
    # its second group (h98-h101), scored untouched at the start (0.839) and with the first group's rules
    # (c06c48f: 0.870), then read: a yearbook table on one line (recall 0.771 -> 0.980)
    "holdout28": {"recall": 0.97, "precision": 0.97, "attributes": 0.89, "merged": 0.94},
    # its third group (h102-h105), scored untouched at the start (0.700) and with the rules from the two
    # groups before (5984562: 0.708), then read: reprints stamped with a later date than their story's,
    # year-only date lines, a clause a line (`记者从市统计局获悉,`)
    "holdout29": {"recall": 0.95, "precision": 0.95, "attributes": 0.77, "merged": 0.90},
    # its last group (h106-h109), scored untouched at the start and at cd884d8 (every rule above): the same,
    # recall 0.457 (a patent table one cell per line whose header groups its columns by applicant: 165 core
    # rows unread) and attributes 0.782; read: the table, now read
    "holdout30": {"recall": 0.97, "precision": 0.98, "attributes": 0.91, "merged": 0.97},
    # a fifth group (h110-h113), scored untouched at the start (0.749) and at 81aef08 (0.729: the rules from
    # the groups above gave a `这5个城市` figure to 广东, since mended); read: a 湖南 reprint that names no
    # province of its own, 宁波's tables of measures
    "holdout31": {"recall": 0.94, "precision": 0.91, "attributes": 0.85, "merged": 0.91},
    # the last (h114, h115, h117; the search tool's budget ran out before h116), scored untouched at the start
    # (0.800) and at 4018dff (0.824), then read briefly: a ranking table's rank columns (`专利排行`) are read
    # now; recall is low because h117's yearbook table is not; merged is low because the gold quotes every
    # cell of the ranking table by its row's start, which the row's overall rank overlaps
    "holdout32": {"recall": 0.62, "precision": 0.96, "attributes": 0.88, "merged": 0.87},
    "holdout33": {"recall": 0.90, "precision": 0.94, "attributes": 0.88, "merged": 0.95},
    "holdout34": {"recall": 0.97, "precision": 0.95, "attributes": 0.87, "merged": 0.97},
    "holdout35": {"recall": 0.90, "precision": 0.97, "attributes": 0.84, "merged": 0.91},
    "holdout36": {"recall": 0.96, "precision": 0.96, "attributes": 0.86, "merged": 0.91},
    "holdout37": {"recall": 0.97, "precision": 0.94, "attributes": 0.86, "merged": 0.93},
    "holdout38": {"recall": 0.97, "precision": 0.97, "attributes": 0.88, "merged": 0.94},
    "holdout39": {"recall": 0.96, "precision": 0.95, "attributes": 0.84, "merged": 0.93},
    "holdout40": {"recall": 0.96, "precision": 0.96, "attributes": 0.77, "merged": 0.90},
    "holdout41": {"recall": 0.85, "precision": 0.96, "attributes": 0.83, "merged": 0.89},
    "holdout42": {"recall": 0.83, "precision": 0.97, "attributes": 0.81, "merged": 0.94},
    "holdout43": {"recall": 0.94, "precision": 0.96, "attributes": 0.92, "merged": 0.96},
    "holdout44": {"recall": 0.95, "precision": 0.97, "attributes": 0.71, "merged": 0.95},
    "holdout45": {"recall": 0.96, "precision": 0.97, "attributes": 0.88, "merged": 0.93},
    "holdout46": {"recall": 0.97, "precision": 0.96, "attributes": 0.94, "merged": 0.96},
    "holdout47": {"recall": 0.89, "precision": 0.95, "attributes": 0.82, "merged": 0.90},
    "holdout48": {"recall": 0.91, "precision": 0.97, "attributes": 0.79, "merged": 0.90},
    "holdout49": {"recall": 0.67, "precision": 0.95, "attributes": 0.48, "merged": 0.97},
    # h192-h197 (the thirteenth session's first wave; h193, h195 never read): tables by year, portal metadata
    "holdout50": {"recall": 0.84, "precision": 0.96, "attributes": 0.79, "merged": 0.90},
    # h198-h203 (second wave; h199, h202 never read): county stories, text wrapped at a fixed width
    "holdout51": {"recall": 0.95, "precision": 0.95, "attributes": 0.87, "merged": 0.87},
    # h204-h209 (third wave; never read but h209's opening): scored on arrival and at the session's end
    "holdout52": {"recall": 0.96, "precision": 0.97, "attributes": 0.83, "merged": 0.87},
    # h210-h215 (the fourteenth session's first wave; h211-h215 never read): a county named under its city
    "holdout53": {"recall": 0.96, "precision": 0.93, "attributes": 0.84, "merged": 0.96},
    # h216-h221 (second wave; h217, h220, h221 never read): a bilingual yearbook table of places by year,
    # county stories without a title, 十八大以来 reviews
    "holdout54": {"recall": 0.95, "precision": 0.97, "attributes": 0.71, "merged": 0.87},
    # h222-h227 (the fifteenth session's first wave; h222, h223, h224, h227 never read): districts and zones,
    # press conferences, a district's plan of targets
    "holdout55": {"recall": 0.96, "precision": 0.97, "attributes": 0.73, "merged": 0.94},
    # h228-h233 (second wave; h230-h233 never read): counties and districts ranked within their province or city,
    # districts named with their city (深圳市南山区), national stories
    "holdout56": {"recall": 0.91, "precision": 0.95, "attributes": 0.66, "merged": 0.94},
    # h234-h239 (third wave; h234, h236-h239 never read): province-level reprints, Traditional reprints, a
    # title naming an event with its year
    "holdout57": {"recall": 0.93, "precision": 0.96, "attributes": 0.79, "merged": 0.90},
    # h240-h245 (the sixteenth session's first wave; h241-h244 never read): county stories that name their county
    # by its short name only, a national ranking of counties laid out in pairs of columns, 今年以来 in autumn
    "holdout58": {"recall": 0.97, "precision": 0.94, "attributes": 0.80, "merged": 0.95},
    # h246-h251 (second wave; h246-h248 and h250 never read, h249 only its table's layout): a city's statistics
    # table of measures by year, one cell per line (h249, 135 core rows), read since it arrived
    "holdout59": {"recall": 0.97, "precision": 0.97, "attributes": 0.79, "merged": 0.94},
}


def _score_parser() -> ModuleType:
    """scripts/score_parser.py, imported (it is a script, not a package's module)."""
    spec = importlib.util.spec_from_file_location("score_parser", ROOT / "scripts" / "score_parser.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(half: str) -> dict[str, float]:
    """scripts/score_parser.py on one half: the scorer CONVENTIONS.md describes, on the parser alone."""
    report = _score_parser().report(REAL / half, REAL / half)
    return {name: float(value) for name, value in re.findall(r"(\w+)=([0-9.]+)", report.splitlines()[-1])}


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_real_corpus_scores_do_not_fall(half: str) -> None:
    got = scores(half)
    assert set(got) == set(FLOORS[half])
    low = {name: (got[name], floor) for name, floor in FLOORS[half].items() if got[name] < floor}
    assert not low, f"{half}: score below its floor (got, floor): {low}"
