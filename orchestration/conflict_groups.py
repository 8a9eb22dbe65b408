"""Disputed figures as an analyst reads them: one group per key (region, subject, indicator, period,
measure) with every competing value, its quotes and files, and how many conflicts tie them.

`read_conflict_groups` is the only code that knows the shape of `mart.dq_conflicts`: the CLI, the
report and adjudication read conflicts through it. Today dq_conflicts has one row per pair of
figures; issue 12 changes it to one row per disputed key. Adapting to that is a change here alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

_SIDE_COLUMNS = ("figure_id", "value", "qualifier", "quote", "source_file")


@dataclass
class CompetingValue:
    figure_id: str
    value: float
    qualifier: str
    quote: str
    source_file: str
    role: str | None = None  # issue 12's shape: holds, superseded or disputes


@dataclass
class ConflictGroup:
    """All conflicts of one key. `status` is `open` while any of them is open."""

    key: str
    region_code: str | None
    region_name: str | None
    subject: str | None
    indicator_code: str | None
    indicator_name: str | None
    period: str | None
    value_kind: str | None
    unit: str | None
    status: str = "open"
    disagreement: str | None = None  # issue 12's kind of disagreement, once dq_conflicts has it
    values: list[CompetingValue] = field(default_factory=list)
    conflict_ids: list[str] = field(default_factory=list)
    open_count: int = 0
    resolved_by: str | None = None
    resolved_on: Any = None
    note: str | None = None
    figure_ids: list[str] = field(default_factory=list)  # every figure competing for the key
    pair_count: int | None = None  # conflicts (pairs of values that cannot both be true), if not one per id

    @property
    def pairs(self) -> int:
        return self.pair_count if self.pair_count is not None else len(self.conflict_ids)

    @property
    def label(self) -> str:
        parts = (self.region_name, self.subject, self.indicator_name or self.indicator_code, self.period)
        return " · ".join(p for p in parts if p)


def conflict_key(region_code: Any, indicator: Any, period: Any, value_kind: Any, subject: Any = None) -> str:
    """The key an analyst types: `430000:rd_intensity:2025:share` (`:subject` when there is one)."""
    parts = [region_code or "-", indicator or "-", period or "-", value_kind or "-"]
    if subject:
        parts.append(str(subject))
    return ":".join(str(p) for p in parts)


def _columns(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_schema = 'mart' and table_name = 'dq_conflicts'"
    ).fetchall()
    return {r[0] for r in rows}


def has_conflicts(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(_columns(con))


def read_conflict_groups(con: duckdb.DuckDBPyConnection, *, include_closed: bool = False) -> list[ConflictGroup]:
    """Groups of open conflicts (with `include_closed`, settled ones too), the largest first."""
    columns = _columns(con)
    if not columns:
        return []
    where = "true" if include_closed else "status = 'open'"
    if "statements" in columns:  # issue 12's shape: one row per disputed key, its statements listed
        return _read_key_rows(con, where)
    disagreement = "disagreement" if "disagreement" in columns else "null"
    cursor = con.execute(
        f"""select conflict_id, status, region_code, region_name, subject, indicator_code, indicator_name, period,
                   value_kind, unit, {disagreement} as disagreement, resolved_by, resolved_on, note,
                   figure_id_a, value_a, qualifier_a, quote_a, source_file_a,
                   figure_id_b, value_b, qualifier_b, quote_b, source_file_b
            from mart.dq_conflicts where {where}"""
    )
    names = [d[0] for d in cursor.description]
    groups: dict[str, ConflictGroup] = {}
    for row in cursor.fetchall():
        r = dict(zip(names, row, strict=True))
        key = conflict_key(r["region_code"], r["indicator_code"] or r["indicator_name"], r["period"],
                           r["value_kind"], r["subject"])
        group = groups.get(key)
        if group is None:
            group = groups[key] = ConflictGroup(
                key=key, **{k: r[k] for k in ("region_code", "region_name", "subject", "indicator_code",
                                              "indicator_name", "period", "value_kind", "unit")},
                status="closed",
            )
        group.conflict_ids.append(r["conflict_id"])
        if r["status"] == "open":
            group.open_count += 1
            group.status = "open"
        elif group.status != "open":
            group.status = r["status"]
            group.resolved_by, group.resolved_on, group.note = r["resolved_by"], r["resolved_on"], r["note"]
        group.disagreement = group.disagreement or r["disagreement"]
        seen = {v.figure_id for v in group.values}
        for side in ("a", "b"):
            fields = {c: r[f"{c}_{side}"] for c in _SIDE_COLUMNS}
            if fields["figure_id"] not in seen:
                seen.add(fields["figure_id"])
                group.values.append(CompetingValue(**fields))
    for group in groups.values():
        group.values.sort(key=lambda v: (v.value is None, v.value, v.source_file or ""))
        group.figure_ids = [v.figure_id for v in group.values]
    return sorted(groups.values(), key=lambda g: (g.status != "open", -g.pairs, g.key))


def _read_key_rows(con: duckdb.DuckDBPyConnection, where: str) -> list[ConflictGroup]:
    """dq_conflicts with one row per key and a `statements` list (value, qualifier, quote, source_file)."""
    cursor = con.execute(
        f"""select conflict_id, status, region_code, region_name, subject, indicator_code, indicator_name, period,
                   value_kind, unit, disagreement, resolved_by, resolved_on, note, statements,
                   coalesce(pair_count, 1) as pair_count, figure_ids
            from mart.dq_conflicts where {where}"""
    )
    names = [d[0] for d in cursor.description]
    groups = []
    for row in cursor.fetchall():
        r = dict(zip(names, row, strict=True))
        key = conflict_key(r["region_code"], r["indicator_code"] or r["indicator_name"], r["period"],
                           r["value_kind"], r["subject"])
        group = ConflictGroup(
            key=key, **{k: r[k] for k in ("region_code", "region_name", "subject", "indicator_code", "indicator_name",
                                          "period", "value_kind", "unit", "status", "disagreement", "resolved_by",
                                          "resolved_on", "note")},
            conflict_ids=[r["conflict_id"]], open_count=1 if r["status"] == "open" else 0,
        )
        for st in r["statements"] or []:
            group.values.append(CompetingValue(
                figure_id=st.get("figure_id") or st.get("statement_id") or "", value=st.get("value"),
                qualifier=st.get("qualifier"), quote=st.get("quote"), source_file=st.get("source_file"),
                role=st.get("role"),
            ))
        group.pair_count = r["pair_count"]
        group.figure_ids = list(r["figure_ids"] or [])
        groups.append(group)
    return sorted(groups, key=lambda g: (g.status != "open", -g.pairs, -len(g.values), g.key))


def summarise_by_region_indicator(groups: list[ConflictGroup]) -> list[dict[str, Any]]:
    """Counts per region and indicator (keys, conflicts, competing values), the most disputed first."""
    summary: dict[tuple[Any, Any], dict[str, Any]] = {}
    for g in groups:
        entry = summary.setdefault(
            (g.region_code, g.indicator_code or g.indicator_name),
            {"region_code": g.region_code, "region_name": g.region_name,
             "indicator": g.indicator_name or g.indicator_code, "keys": 0, "conflicts": 0, "values": 0,
             "groups": []},
        )
        entry["keys"] += 1
        entry["conflicts"] += g.pairs
        entry["values"] += len(g.values)
        entry["groups"].append(g)
    return sorted(summary.values(), key=lambda e: (-e["conflicts"], e["region_code"] or "", e["indicator"] or ""))
