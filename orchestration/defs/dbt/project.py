"""The dbt project as dagster-dbt sees it.

Its manifest (dbt_project/target/manifest.json) must exist before the definitions load. It is
prepared, never checked at import time: by setup.sh (`dagster-dbt project prepare-and-package
--file orchestration/defs/dbt/project.py`), by `indicators run` and the test session (`prepare()`),
and by `dagster dev` itself (`prepare_if_dev`, which re-parses on every reload).
"""

from dagster_dbt import DagsterDbtProjectPreparer, DbtCliResource, DbtProject
from dagster_shared.record import replace

from orchestration.config import DBT_PROJECT_DIR, dbt_executable


class _Preparer(DagsterDbtProjectPreparer):
    """dagster-dbt's preparer (`dbt deps` when there are packages, `dbt parse`), with the dbt of this
    virtualenv: the stock one looks for `dbt` on PATH, which a venv that is not activated lacks."""

    def _prepare_packages(self, project: DbtProject) -> None:
        _dbt(project).cli(["deps", "--quiet"], target_path=project.target_path).wait()

    def _prepare_manifest(self, project: DbtProject) -> None:
        _dbt(project).cli(self._prepare_project_cli_args, target_path=project.target_path).wait()
        self._invalidate_seeds_in_partial_parse(project)


def _dbt(project: DbtProject) -> DbtCliResource:
    return DbtCliResource(project_dir=project, dbt_executable=dbt_executable())


dbt_project = replace(DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR), preparer=_Preparer())
dbt_project.prepare_if_dev()


def prepare() -> None:
    """`dbt parse` (and `dbt deps` when the project has packages): an up-to-date manifest."""
    dbt_project.preparer.prepare(dbt_project)
