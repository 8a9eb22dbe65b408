"""The dbt models as assets: dbt seed + run + test against the run's working copy.

dbt sources map to the Python assets that write them (`meta.dagster.asset_key` in the sources'
YAML), and dbt tests become asset checks (ERROR tests block the run, WARN ones do not).
"""

from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dbt_runs import build_args, keep_failed_run, keep_partial_parse, remove_stale_run_folders
from orchestration.defs.dbt.project import dbt_project
from orchestration.defs.resources import WarehouseResource


class IndicatorsDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props) -> str:  # noqa: ANN001 - dagster-dbt's signature
        return "dbt_" + dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "dbt"


@dbt_assets(
    manifest=dbt_project.manifest_path,
    dagster_dbt_translator=IndicatorsDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
)
def indicators_dbt(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """dbt build against the working copy (passed as a var: see dbt_runs.build_args)."""
    removed = remove_stale_run_folders()  # left by killed runs, which never clean up after themselves
    if removed:
        context.log.info(f"removed {len(removed)} dbt run folder(s) left by killed runs: {', '.join(removed)}")
    invocation = dbt.cli(build_args(warehouse.paths.build_db), context=context)
    try:
        yield from invocation.stream()
    except BaseException:
        keep_failed_run(invocation.target_path)
        raise
    keep_partial_parse(invocation.target_path)
