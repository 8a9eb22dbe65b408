"""The vocabularies and limits are defined once (dbt_project.yml vars) and every reader agrees:
dbt's tests and reject rules, the GX suites, and the parser's rules and output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orchestration import gx_suites, vocabulary
from orchestration.ingest import decode
from orchestration.parsing import parse_document, rules

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MODELS = PROJECT_ROOT / "dbt_project" / "models"


def test_the_vocabularies_are_there() -> None:
    assert "approx" in vocabulary.qualifiers() and "usd" in vocabulary.units()
    assert "target" in vocabulary.value_kinds() and "months" in vocabulary.period_grains()
    for period in ("2025", "2021-2025", "2025H1", "2025Q3", "2025Q1-Q3", "2025M10", "2025M01-M10"):
        assert vocabulary.period_re().match(period), period
    for not_a_period in ("25", "2025H3", "2025Q5", "2025M13", "2025-26", "二〇二五"):
        assert not vocabulary.period_re().match(not_a_period), not_a_period
    assert vocabulary.var("max_share_percent") == 100 and vocabulary.var("min_rank") == 1


def test_no_vocabulary_is_written_out_again_in_the_dbt_models_or_the_gx_suites() -> None:
    lists = {name: vocabulary.var(name) for name in ("units", "qualifiers", "value_kinds", "period_grains")}
    texts = {p: p.read_text("utf-8") for p in [*MODELS.rglob("*.yml"), *(PROJECT_ROOT / "expectations").glob("*.json")]}
    for path, text in texts.items():
        for name, values in lists.items():
            # a literal list of the vocabulary (any quoting) instead of the var
            spelled = r"\[\s*" + r"\s*,\s*".join(rf"[\"']?{re.escape(v)}[\"']?" for v in values) + r"\s*\]"
            assert not re.search(spelled, text), (path, name)
    assert vocabulary.var("period_pattern") not in "".join(texts.values())


def test_the_gx_suites_read_the_vocabularies() -> None:
    suites = {s.name: s for s in gx_suites.load_suites()}
    kwargs = [e["kwargs"] for s in suites.values() for e in s.expectations]
    assert {"column": "unit", "value_set": list(vocabulary.units())} in kwargs
    assert {"column": "value_kind", "value_set": list(vocabulary.value_kinds())} in kwargs
    assert {"column": "period", "regex": vocabulary.var("period_pattern")} in kwargs
    assert "dbt_var" not in json.dumps(kwargs)  # every reference was filled in


def test_an_unknown_var_is_named() -> None:
    with pytest.raises(KeyError, match="no var 'colours'"):
        vocabulary.resolve({"value_set": {"dbt_var": "colours"}})


def test_the_parsers_rules_use_the_vocabulary() -> None:
    qualifiers = {*rules.PRE_QUALIFIERS.values(), *rules.INNER_QUALIFIERS.values(), *rules.POST_QUALIFIERS.values()}
    assert qualifiers <= set(vocabulary.qualifiers())
    assert set(rules.FOREIGN_MONEY_UNITS.values()) <= set(vocabulary.units())


def test_the_parsers_output_stays_in_the_vocabulary() -> None:
    """Every mention the parser finds in the seed articles and the test fixtures."""
    files = [*(PROJECT_ROOT / "raw").glob("*.txt"), *(PROJECT_ROOT / "tests" / "fixtures").rglob("*.txt")]
    mentions = []
    for path in sorted(files):
        text, _ = decode(path.read_bytes())
        mentions += parse_document(text, source_name=path.name).mentions
    assert len(mentions) > 100
    assert {m.unit for m in mentions} <= set(vocabulary.units())
    assert {m.qualifier for m in mentions} <= set(vocabulary.qualifiers())
    assert {m.value_kind for m in mentions} <= set(vocabulary.value_kinds())
    bad = [m.period for m in mentions if m.period is not None and not vocabulary.period_re().match(m.period)]
    assert bad == []
