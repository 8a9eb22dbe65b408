"""The vocabularies and limits of a figure (units, qualifiers, value kinds, period grains, the period
grammar, the impossible-value limits), read from the one place they are defined: the `vars` of
dbt_project/dbt_project.yml, where dbt's accepted_values and reject rules read them too.

The GX suites name them as `{"dbt_var": "<name>"}` (gx_suites.load_suites fills them in), and
tests/test_vocabulary.py holds the parser's rules and output to them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DBT_PROJECT_YML = Path(__file__).resolve().parents[1] / "dbt_project" / "dbt_project.yml"


@cache
def dbt_vars() -> dict[str, Any]:
    return dict(yaml.safe_load(DBT_PROJECT_YML.read_text(encoding="utf-8"))["vars"])


def var(name: str) -> Any:
    """One var of the dbt project; KeyError names the missing one."""
    values = dbt_vars()
    if name not in values:
        raise KeyError(f"dbt_project.yml has no var {name!r} (vars: {', '.join(sorted(values))})")
    return values[name]


def units() -> tuple[str, ...]:
    return tuple(var("units"))


def qualifiers() -> tuple[str, ...]:
    return tuple(var("qualifiers"))


def value_kinds() -> tuple[str, ...]:
    return tuple(var("value_kinds"))


def period_grains() -> tuple[str, ...]:
    return tuple(var("period_grains"))


def period_re() -> re.Pattern[str]:
    return re.compile(var("period_pattern"))


def resolve(value: Any) -> Any:
    """`value` with every `{"dbt_var": name}` inside it replaced by that var's value."""
    if isinstance(value, dict):
        if set(value) == {"dbt_var"}:
            return var(value["dbt_var"])
        return {k: resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v) for v in value]
    return value
