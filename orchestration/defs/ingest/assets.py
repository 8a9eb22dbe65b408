"""raw/ -> staging.files (+ staging.quarantine): decode new and changed files, refuse what is not text;
the analysts' adjudications log beside the warehouse -> staging.adjudications."""

from datetime import datetime

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from orchestration import adjudications, ingest, staging
from orchestration.defs.keys import STAGING_ADJUDICATIONS, STAGING_FILES, STAGING_QUARANTINE
from orchestration.defs.resources import WarehouseResource


@multi_asset(
    specs=[
        AssetSpec(STAGING_FILES, description="Every version of every file in raw/: bytes, sha256, encoding, text."),
        AssetSpec(STAGING_QUARANTINE, description="Files refused at ingestion, with the reason."),
        AssetSpec(
            STAGING_ADJUDICATIONS,
            description="Analysts' decisions on conflicts (adjudications.jsonl beside the warehouse), for dbt.",
        ),
    ],
    group_name="staging",
)
def raw_files(context: AssetExecutionContext, warehouse: WarehouseResource):
    """Decode new and changed files in the landing folder; refuse what is not text."""
    paths = warehouse.paths
    now = datetime.now()
    with warehouse.connect() as con:
        staging.ensure_schema(con)
        summary = staging.record_files(con, ingest.scan_raw(paths.raw_dir), now)
        counts = staging.table_counts(con, ["staging.files", "staging.quarantine"])
        decisions = adjudications.load(con, adjudications.log_path(paths))
    for note in summary.notes:  # files left for the next run, repairs (NUL bytes stripped)
        context.log.warning(note)
    counted = {k: v for k, v in vars(summary).items() if k != "notes"}
    context.log.info(f"raw folder {paths.raw_dir}: {counted}")
    meta = {**counted, "raw_dir": str(paths.raw_dir), "notes": "\n".join(summary.notes)}
    yield MaterializeResult(asset_key=STAGING_FILES, metadata={**meta, "rows": counts["staging.files"]})
    yield MaterializeResult(
        asset_key=STAGING_QUARANTINE,
        metadata={"quarantined_now": summary.quarantined, "rows": counts["staging.quarantine"]},
    )
    yield MaterializeResult(asset_key=STAGING_ADJUDICATIONS, metadata={"rows": decisions})
