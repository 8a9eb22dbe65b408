"""Dagster assets: thin steps that move data between the raw folder, the parser, dbt and the mart.

raw/ -> staging.files (+ quarantine) -> staging.articles/paragraphs/sentences/figure_mentions
     -> dbt models (mart.*) -> checks -> mart.dq_alerts -> published warehouse
"""


import os
import shutil
from datetime import datetime
from pathlib import Path

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    MaterializeResult,
    asset,
    multi_asset,
)
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration import ingest, publish, staging
from orchestration.config import DBT_PROJECT_DIR, dbt_executable
from orchestration.parse_step import parse_pending
from orchestration.resources import WarehouseResource

STAGING_FILES = AssetKey(["staging", "files"])
STAGING_QUARANTINE = AssetKey(["staging", "quarantine"])
STAGING_PARSED = [AssetKey(["staging", t]) for t in ("articles", "paragraphs", "sentences", "figure_mentions")]
FIGURE_MENTIONS = AssetKey(["staging", "figure_mentions"])
DQ_ALERTS = AssetKey(["mart", "dq_alerts"])

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _manifest_is_stale() -> bool:
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [p for d in ("models", "seeds", "macros", "tests") for p in (DBT_PROJECT_DIR / d).rglob("*")]
    sources += [DBT_PROJECT_DIR / "dbt_project.yml"]
    return any(p.is_file() and p.stat().st_mtime > built for p in sources)


def ensure_manifest() -> None:
    """A fresh clone has no target/manifest.json, and an edited project an outdated one: `dbt parse`."""
    if _manifest_is_stale():
        dbt = DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable())
        dbt.cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()


@multi_asset(
    specs=[
        AssetSpec(STAGING_FILES, description="Every version of every file in raw/: bytes, sha256, encoding, text."),
        AssetSpec(STAGING_QUARANTINE, description="Files refused at ingestion, with the reason."),
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
    context.log.info(f"raw folder {paths.raw_dir}: {summary}")
    meta = {**vars(summary), "raw_dir": str(paths.raw_dir)}
    yield MaterializeResult(asset_key=STAGING_FILES, metadata={**meta, "rows": counts["staging.files"]})
    yield MaterializeResult(
        asset_key=STAGING_QUARANTINE,
        metadata={"quarantined_now": summary.quarantined, "rows": counts["staging.quarantine"]},
    )


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


class IndicatorsDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props) -> str:  # noqa: ANN001 - dagster-dbt's signature
        return "dbt_" + dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "dbt"


ensure_manifest()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=IndicatorsDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
)
def indicators_dbt(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """dbt seed + run + test against the working copy (profiles.yml reads INDICATORS_BUILD_DB)."""
    os.environ["INDICATORS_BUILD_DB"] = str(warehouse.paths.build_db)
    invocation = dbt.cli(["build"], context=context)
    try:
        yield from invocation.stream()
    except BaseException:
        keep_failed_run(invocation.target_path)
        raise
    keep_partial_parse(invocation.target_path)


def keep_failed_run(run_target: Path) -> None:
    """A failed build's target/<run>/ (run_results.json, compiled SQL) becomes target/last_failed/,
    replacing the one before: enough to debug the last failure, and the folder does not grow."""
    if run_target.parent != dbt_project.project_dir / dbt_project.target_path or not run_target.exists():
        return
    last = run_target.parent / "last_failed"
    shutil.rmtree(last, ignore_errors=True)
    os.replace(run_target, last)


def keep_partial_parse(run_target: Path) -> None:
    """Each dbt invocation gets its own target/<run>/ folder; keep its partial-parse state for the
    next night (dagster-dbt copies target/partial_parse.msgpack in; it saves dbt ~3 s of parsing when
    the warehouse path is unchanged) and remove the rest so the folder does not grow."""
    if run_target.parent != dbt_project.project_dir / dbt_project.target_path:
        return
    state = run_target / "partial_parse.msgpack"
    if state.exists():
        staged = run_target.parent / f".partial_parse.{os.getpid()}"
        shutil.copyfile(state, staged)
        os.replace(staged, run_target.parent / "partial_parse.msgpack")
    shutil.rmtree(run_target, ignore_errors=True)


@asset(
    key=["published_warehouse"],
    deps=[DQ_ALERTS],
    group_name="publish",
    description="Swap the working copy onto warehouse/indicators.duckdb atomically (readers keep the old file).",
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    paths = warehouse.paths
    with warehouse.connect() as con:
        counts = staging.table_counts(
            con, ["staging.files", "staging.articles", "mart.fct_figures", "mart.dq_conflicts", "mart.dq_alerts"]
        )
    published = publish.publish(paths)
    context.log.info(f"published {published}: {counts}")
    return MaterializeResult(metadata={"path": str(published), **counts})
