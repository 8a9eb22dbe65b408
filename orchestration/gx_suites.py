"""Great Expectations suites kept as JSON files in `expectations/`, validated through the real GX API.

GX reads DuckDB through SQLAlchemy badly (results read after the connection closes), so tables are
read into pandas with a read-only DuckDB connection and validated as a whole-dataframe batch.
A suite file: {"name", "table", "severity", "description", "expectations": [{"type", "kwargs", "meta"}]}.
A kwarg written `{"dbt_var": "units"}` is that var of dbt_project.yml (orchestration/vocabulary.py):
the vocabularies and limits are defined once, there.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from orchestration import vocabulary
from orchestration.config import EXPECTATIONS_DIR

RESULTS_DIR = "results"
"""Beside the Data Docs (docs/gx/results/<suite>.json): the latest result of each suite as plain JSON,
which the analysts' report shows offline (GX's own pages fetch their styles from CDNs, and each
check's ephemeral context lists only its own suite)."""


@dataclass(frozen=True)
class Suite:
    name: str
    table: str
    severity: str  # 'WARN' or 'ERROR'
    description: str
    expectations: list[dict[str, Any]]
    path: Path


@dataclass
class ExpectationOutcome:
    type: str
    column: str | None
    success: bool
    unexpected_count: int
    unexpected_values: list[Any]
    rows: list[dict[str, Any]] = field(default_factory=list)  # id columns of the offending rows
    notes: str | None = None


@dataclass
class SuiteOutcome:
    suite: Suite
    row_count: int
    outcomes: list[ExpectationOutcome]

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]


def load_suites(directory: Path = EXPECTATIONS_DIR) -> list[Suite]:
    suites = []
    for path in sorted(directory.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        suites.append(
            Suite(raw["name"], raw["table"], raw.get("severity", "WARN"), raw.get("description", ""),
                  vocabulary.resolve(raw["expectations"]), path)
        )
    return suites


_ID_COLUMNS = ("figure_id", "mention_id", "source_file", "quote", "value", "unit", "value_kind")


def _context(docs_dir: Path | None):  # noqa: ANN202 - GX types are imported lazily
    import great_expectations as gx
    from great_expectations.data_context.types.base import DataContextConfig, InMemoryStoreBackendDefaults

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(), analytics_enabled=False)
    context = gx.get_context(project_config=config, mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    if docs_dir is not None:
        context.add_data_docs_site(
            site_name="indicators",
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            },
        )
    return gx, context


def validate(db_path: Path, suites: list[Suite], docs_dir: Path | None = None) -> list[SuiteOutcome]:
    """Validate each suite against its table in `db_path`; write GX Data Docs when docs_dir is given."""
    if not suites:
        return []
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    gx, context = _context(docs_dir)
    source = context.data_sources.add_pandas("warehouse")
    outcomes = []
    for suite in suites:
        with duckdb.connect(str(db_path), read_only=True) as con:
            frame = con.execute(f"select * from {suite.table}").df()
        gx_suite = gx.ExpectationSuite(name=suite.name)
        for e in suite.expectations:
            gx_suite.add_expectation_configuration(
                ExpectationConfiguration(type=e["type"], kwargs=e["kwargs"], meta=e.get("meta") or {})
            )
        gx_suite = context.suites.add(gx_suite)
        asset = source.add_dataframe_asset(name=suite.table)
        batch = asset.add_batch_definition_whole_dataframe("whole_table")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite)
        )
        actions = [gx.checkpoint.UpdateDataDocsAction(name="data_docs")] if docs_dir is not None else []
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(name=f"{suite.name}_checkpoint", validation_definitions=[definition], actions=actions,
                          result_format={"result_format": "COMPLETE"})
        )
        run = checkpoint.run(batch_parameters={"dataframe": frame})
        (validation,) = run.run_results.values()
        results = []
        for r in validation.results:
            kwargs = r.expectation_config.kwargs
            index = r.result.get("unexpected_index_list") or []
            rows = []
            for i in index[:20]:
                row_number = i if isinstance(i, int) else None
                if row_number is not None and row_number < len(frame):
                    row = frame.iloc[row_number]
                    rows.append({c: _plain(row[c]) for c in _ID_COLUMNS if c in frame.columns})
            results.append(
                ExpectationOutcome(
                    type=r.expectation_config.type,
                    column=kwargs.get("column"),
                    success=bool(r.success),
                    unexpected_count=int(r.result.get("unexpected_count") or 0),
                    unexpected_values=[_plain(v) for v in (r.result.get("partial_unexpected_list") or [])[:20]],
                    rows=rows,
                    notes=(r.expectation_config.meta or {}).get("notes"),
                )
            )
        outcomes.append(SuiteOutcome(suite, len(frame), results))
        if docs_dir is not None:
            write_result(outcomes[-1], docs_dir / RESULTS_DIR)
    return outcomes


def write_result(outcome: SuiteOutcome, folder: Path) -> Path:
    """The suite's latest result as JSON (replaced atomically)."""
    from datetime import datetime

    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "suite": outcome.suite.name,
        "table": outcome.suite.table,
        "severity": outcome.suite.severity,
        "description": outcome.suite.description,
        "validated_at": datetime.now().isoformat(sep=" ", timespec="seconds"),
        "row_count": outcome.row_count,
        "success": outcome.success,
        "expectations": [
            {"type": o.type, "column": o.column, "success": o.success, "unexpected_count": o.unexpected_count,
             "unexpected_values": [str(v) for v in o.unexpected_values[:10]], "notes": o.notes}
            for o in outcome.outcomes
        ],
    }
    path = folder / f"{outcome.suite.name}.json"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    tmp.replace(path)
    return path


def _plain(value: Any) -> Any:
    """JSON-safe scalar (numpy and pandas types become Python ones)."""
    if hasattr(value, "item"):
        return value.item()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
