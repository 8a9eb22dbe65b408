"""A snapshot of the code location (what exists, how it is triggered) and the sensor's cursor logic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterInstance, Definitions, RunRequest, SkipReason, build_sensor_context

from orchestration.ingest import changed_files
from tests.conftest import environment, prepare_dbt_once


@pytest.fixture(scope="module")
def defs() -> Definitions:
    prepare_dbt_once()
    from orchestration.definitions import defs

    return defs


def test_code_location_snapshot(defs: Definitions) -> None:
    graph = defs.resolve_asset_graph()
    keys = {"/".join(k.path) for k in graph.get_all_asset_keys()}
    assert {
        "staging/files", "staging/quarantine", "staging/articles", "staging/paragraphs", "staging/sentences",
        "staging/figure_mentions", "mart/fct_figures", "mart/fct_figure_mentions", "mart/dim_region",
        "mart/dim_indicator", "mart/dim_article", "mart/dq_conflicts", "mart/dq_alerts", "published_warehouse",
        "analyst_report",
    } <= keys
    # every dbt source is mapped to the Python asset that writes it
    deps = {"/".join(d.path) for d in graph.get(AssetKey(["stg", "stg_parser__figure_mentions"])).parent_keys}
    assert deps == {"staging/figure_mentions"}
    checks = {c.name for c in graph.asset_check_keys}
    assert {"gx_staging_figure_mentions", "gx_mart_fct_figures", "no_quarantined_files"} <= checks
    job = defs.resolve_job_def("nightly_etl")
    assert job.executor_def.name == "in_process"
    schedule = defs.resolve_schedule_def("nightly_etl_schedule")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Asia/Shanghai")
    assert defs.resolve_sensor_def("raw_files_sensor").job_name == "nightly_etl"


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
        again, cursor2 = tick(cursor)
        assert isinstance(again, SkipReason)  # the same file does not start a second run
        assert json.loads(cursor2) == json.loads(cursor)
        (raw / "a.txt").write_text("2025年，全省研发投入强度达2.6%。更正。", encoding="utf-8")
        changed, _ = tick(cursor2)
        assert isinstance(changed, RunRequest) and changed.run_key != result.run_key


def test_job_ends_with_the_publish_and_the_report(defs: Definitions) -> None:
    job_keys = defs.resolve_job_def("nightly_etl").asset_layer.asset_graph.get_all_asset_keys()
    assert {AssetKey(["published_warehouse"]), AssetKey(["analyst_report"])} <= set(job_keys)
