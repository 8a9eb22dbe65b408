"""A snapshot of the code location (what exists, how it is triggered) and the sensor's cursor logic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterInstance, Definitions, RunRequest, SkipReason, build_sensor_context

from orchestration.ingest import changed_files
from tests.conftest import environment, prepare_dbt_once, project_lock


@pytest.fixture(scope="module")
def defs() -> Definitions:
    prepare_dbt_once()
    with project_lock():  # the definitions read the dbt manifest
        from orchestration.definitions import defs

    return defs


PYTHON_ASSETS = {
    "staging/files", "staging/quarantine", "staging/adjudications", "staging/articles", "staging/paragraphs",
    "staging/sentences",
    "staging/figure_mentions", "mart/dq_alerts", "published_warehouse", "alert_notifications", "analyst_report",
}
GROUPS = {"staging", "dbt_staging", "dbt_intermediate", "dbt_marts", "dbt", "quality", "publish"}


def test_code_location_snapshot(defs: Definitions) -> None:
    """What exists and how it is triggered: an accidental change shows up here."""
    import json

    from orchestration.defs.dbt.project import dbt_project

    graph = defs.resolve_asset_graph()
    keys = {"/".join(k.path) for k in graph.get_all_asset_keys()}
    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    dbt_nodes = {
        "/".join([n["config"]["schema"] or "main", n["name"]]) if n["resource_type"] == "model" else n["name"]
        for n in manifest["nodes"].values()
        if n["resource_type"] in ("model", "seed")
    }
    # every Python asset, and one asset per dbt model and seed, nothing else
    assert keys >= PYTHON_ASSETS
    assert len(keys - PYTHON_ASSETS) == len(dbt_nodes)
    assert {"mart/fct_figures", "mart/fct_figure_mentions", "mart/dim_region", "mart/dq_conflicts",
            "stg/stg_parser__figure_mentions", "int/int_figure_mentions__assigned"} <= keys
    assert {graph.get(k).group_name for k in graph.get_all_asset_keys()} <= GROUPS
    # every dbt source is mapped to the Python asset that writes it
    deps = {"/".join(d.path) for d in graph.get(AssetKey(["stg", "stg_parser__figure_mentions"])).parent_keys}
    assert deps == {"staging/figure_mentions"}
    deps = {"/".join(d.path) for d in graph.get(AssetKey(["stg", "stg_ingest__files"])).parent_keys}
    assert deps == {"staging/files"}
    # the analysts' adjudications: copied in by ingest, read by dbt
    deps = {"/".join(d.path) for d in graph.get(AssetKey(["int", "int_conflict_decisions"])).parent_keys}
    assert "staging/adjudications" in deps
    checks = {c.name for c in graph.asset_check_keys}
    assert {"gx_staging_figure_mentions", "gx_mart_fct_figures", "no_quarantined_files"} <= checks
    assert len([c for c in checks if c.startswith("gx_")]) == 2
    job = defs.resolve_job_def("nightly_etl")
    assert job.executor_def.name == "in_process"
    assert {h.name for h in job.hook_defs} == {"alert_on_step_failure"}
    assert set(job.asset_layer.asset_graph.get_all_asset_keys()) == graph.get_all_asset_keys()
    assert [j.name for j in defs.jobs] == ["nightly_etl"]
    schedule = defs.resolve_schedule_def("nightly_etl_schedule")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert [s.name for s in defs.schedules] == ["nightly_etl_schedule"]
    assert defs.resolve_sensor_def("raw_files_sensor").job_name == "nightly_etl"
    assert [s.name for s in defs.sensors] == ["raw_files_sensor"]
    assert set(defs.resources) == {"dbt", "warehouse"}


def test_schedule_launches_with_the_warehouse_paths(defs: Definitions, tmp_path: Path) -> None:
    schedule = defs.resolve_schedule_def("nightly_etl_schedule")
    db = tmp_path / "wh" / "indicators.duckdb"
    with environment({"INDICATORS_RAW_DIR": str(tmp_path / "raw"), "INDICATORS_DB": str(db)}), \
            DagsterInstance.ephemeral() as instance:
        from dagster import build_schedule_context

        (request,) = schedule.evaluate_tick(build_schedule_context(instance=instance)).run_requests
    assert request.run_config["resources"]["warehouse"]["config"] == {
        "raw_dir": str(tmp_path / "raw"), "db": str(db)}
    assert request.tags["indicators/writer"] == "warehouse"


def test_changed_files() -> None:
    assert changed_files({"a": [1, 2]}, {"a": (1, 2), "b": (3, 4)}) == ["b"]
    assert changed_files({"a": [1, 2]}, {"a": (1, 3)}) == ["a"]
    assert changed_files({"a": [1, 2]}, {"a": (1, 2)}) == []


def test_sensor_starts_one_run_per_change(defs: Definitions, tmp_path: Path) -> None:
    sensor = defs.resolve_sensor_def("raw_files_sensor")
    raw = tmp_path / "raw"
    raw.mkdir()
    with environment({"INDICATORS_RAW_DIR": str(raw)}), DagsterInstance.ephemeral() as instance:
        def tick(cursor: str | None):  # noqa: ANN202
            context = build_sensor_context(instance=instance, cursor=cursor)
            result = sensor(context)
            return result, context.cursor

        result, cursor = tick(None)
        assert isinstance(result, SkipReason)
        (raw / "a.txt").write_text("2025年，全省研发投入强度达2.5%。", encoding="utf-8")
        result, cursor = tick(cursor)
        assert isinstance(result, RunRequest) and result.run_key
        assert result.run_config["resources"]["warehouse"]["config"]["raw_dir"] == str(raw.resolve())
        again, cursor2 = tick(cursor)
        assert isinstance(again, SkipReason)  # the same file does not start a second run
        assert json.loads(cursor2) == json.loads(cursor)
        (raw / "a.txt").write_text("2025年，全省研发投入强度达2.6%。更正。", encoding="utf-8")
        changed, _ = tick(cursor2)
        assert isinstance(changed, RunRequest) and changed.run_key != result.run_key


def test_job_ends_with_the_publish_and_the_report(defs: Definitions) -> None:
    job_keys = defs.resolve_job_def("nightly_etl").asset_layer.asset_graph.get_all_asset_keys()
    assert {AssetKey(["published_warehouse"]), AssetKey(["analyst_report"])} <= set(job_keys)
