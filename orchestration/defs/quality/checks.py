"""Dagster asset checks that are not dbt tests: the GX suites and the quarantine.

They are blocking with WARN severity: the run goes on (the mart is still published), but the
alerting step downstream waits for them, so it sees every result of this run.
"""


import json

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    asset_check,
    multi_asset_check,
)

from orchestration import gx_suites
from orchestration.alerting import QUARANTINE_CHECK
from orchestration.config import EXPECTATIONS_DIR
from orchestration.defs.keys import STAGING_QUARANTINE
from orchestration.defs.resources import WarehouseResource


def _asset_key_for_table(table: str) -> AssetKey:
    return AssetKey(table.split("."))


def _gx_check(suite: gx_suites.Suite) -> AssetChecksDefinition:
    """One check op per suite: a single op over staging and mart tables would sit both upstream
    and downstream of the dbt step and force Dagster to split it."""

    @asset_check(
        name=f"gx_{suite.name}",
        asset=_asset_key_for_table(suite.table),
        description=f"Great Expectations suite expectations/{suite.path.name}: {suite.description}",
        blocking=True,
    )
    def run_suite(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
        docs = warehouse.paths.docs_dir / "gx"
        (outcome,) = gx_suites.validate(warehouse.paths.build_db, [suite], docs_dir=docs)
        failures = [
            {
                "expectation": f.type,
                "column": f.column,
                "unexpected_count": f.unexpected_count,
                "unexpected_values": f.unexpected_values,
                "rows": f.rows,
                "notes": f.notes,
            }
            for f in outcome.failures
        ]
        return AssetCheckResult(
            passed=outcome.success,
            severity=AssetCheckSeverity(suite.severity),
            metadata={
                "rows_validated": outcome.row_count,
                "expectations": len(outcome.outcomes),
                "failed_expectations": len(failures),
                "failures": json.dumps(failures, ensure_ascii=False, default=str),
                "data_docs": str(docs / "index.html"),
            },
        )

    return run_suite


gx_checks = [_gx_check(suite) for suite in gx_suites.load_suites(EXPECTATIONS_DIR)]


@multi_asset_check(
    specs=[
        AssetCheckSpec(
            name=QUARANTINE_CHECK,
            asset=STAGING_QUARANTINE,
            description="Files in raw/ that were refused (empty, binary, undecodable, truncated, symlinks).",
            blocking=True,
        )
    ]
)
def quarantine_check(context: AssetCheckExecutionContext, warehouse: WarehouseResource):
    """Fails (WARN) while any refused file is still in the landing folder."""
    with warehouse.connect() as con:
        rows = con.execute(
            """select source_file, reason, sha256, bytes from staging.quarantine
               where last_seen = (select max(last_seen) from staging.quarantine)
                 and last_seen >= (select coalesce(max(last_seen), timestamp '1900-01-01') from staging.files)
               order by source_file"""
        ).fetchall()
    refused = [{"source_file": r[0], "reason": r[1], "sha256": r[2], "bytes": r[3]} for r in rows]
    yield AssetCheckResult(
        passed=not refused,
        severity=AssetCheckSeverity.WARN,
        metadata={"refused_files": len(refused), "rows": json.dumps(refused, ensure_ascii=False)},
    )
