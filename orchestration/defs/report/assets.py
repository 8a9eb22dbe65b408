"""The nightly analysts' page: dbt docs and the HTML report, made from the warehouse just published.

Runs after `published_warehouse`, so it only ever reads the published file, and always
read-only: analysts may hold connections to it, and the mart must never be changed after the
checks that guarded it ran.

No `from __future__ import annotations` here: Dagster rejects string annotations on `context`.
"""

import subprocess

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from orchestration.dbt_docs import refresh_dbt_docs
from orchestration.defs.keys import PUBLISHED_WAREHOUSE
from orchestration.defs.resources import WarehouseResource
from orchestration.report import build_report_from_file


@asset(
    key=["analyst_report"],
    deps=[PUBLISHED_WAREHOUSE],
    group_name="publish",
    description=(
        "warehouse/report/index.html: headline figures per region, trends, open conflicts and alerts, "
        "with links to dbt docs (warehouse/docs/dbt) and GX Data Docs; built read-only from the published mart."
    ),
)
def analyst_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    """Refresh dbt docs (best effort: the page says when they are missing), then write the report.

    A failure to document is logged, not fatal: the mart is already published and the report is
    still worth having. A failure to write the report itself fails the step, so people see it.
    """
    paths = warehouse.paths
    docs_note = "generated"
    try:
        refresh_dbt_docs(paths)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        docs_note = f"not refreshed: {exc}"
        context.log.warning(f"dbt docs {docs_note}")
    page = build_report_from_file(
        paths.db, paths.warehouse_dir / "report", run_id=context.run.run_id, docs_dir=paths.docs_dir
    )
    context.log.info(f"analyst report written to {page}")
    return MaterializeResult(
        metadata={
            "report": MetadataValue.path(str(page)),
            "dbt_docs": MetadataValue.path(str(paths.docs_dir / "dbt" / "index.html")),
            "dbt_docs_status": docs_note,
        }
    )
