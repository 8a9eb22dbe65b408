"""staging.files -> staging.articles / paragraphs / sentences / figure_mentions, through the pure parser."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from orchestration import staging
from orchestration.defs.keys import STAGING_FILES, STAGING_PARSED
from orchestration.defs.resources import WarehouseResource
from orchestration.parse_step import parse_pending


@multi_asset(
    specs=[AssetSpec(key, deps=[STAGING_FILES]) for key in STAGING_PARSED],
    group_name="staging",
    description="Articles, paragraphs, sentences and figure mentions of file versions not parsed before.",
)
def parsed_articles(context: AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        staging.ensure_schema(con)
        summary = parse_pending(con)
        counts = staging.table_counts(con, [".".join(k.path) for k in STAGING_PARSED])
    context.log.info(f"parsed {summary}")
    for key in STAGING_PARSED:
        yield MaterializeResult(
            asset_key=key, metadata={"rows": counts[".".join(key.path)], "new_files_parsed": summary.files}
        )
