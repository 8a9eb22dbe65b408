"""Asset keys that several concerns refer to (kept here so no definition is imported twice)."""

from dagster import AssetKey

STAGING_FILES = AssetKey(["staging", "files"])
STAGING_QUARANTINE = AssetKey(["staging", "quarantine"])
STAGING_ADJUDICATIONS = AssetKey(["staging", "adjudications"])
STAGING_PARSED = [AssetKey(["staging", t]) for t in ("articles", "paragraphs", "sentences", "figure_mentions")]
DQ_ALERTS = AssetKey(["mart", "dq_alerts"])
PUBLISHED_WAREHOUSE = AssetKey(["published_warehouse"])

JOB_NAME = "nightly_etl"
RUN_TAGS = {"indicators/writer": "warehouse"}
