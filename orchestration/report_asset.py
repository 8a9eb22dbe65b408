"""The nightly analysts' page: dbt docs and the HTML report, made from the warehouse just published.

Runs after `published_warehouse`, so it only ever reads the published file, and always
read-only: analysts may hold connections to it, and the mart must never be changed after the
checks that guarded it ran.

No `from __future__ import annotations` here: Dagster rejects string annotations on `context`.
"""

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.config import DBT_PROJECT_DIR, Paths, dbt_executable
from orchestration.report import build_report_from_file
from orchestration.resources import WarehouseResource

PUBLISHED_WAREHOUSE = AssetKey(["published_warehouse"])
DBT_DOCS_TIMEOUT_SECONDS = 600


def _docs_cache_key() -> str:
    """dbt docs describe the project (models, columns, types), which only changes with the manifest."""
    manifest = DBT_PROJECT_DIR / "target" / "manifest.json"
    digest = hashlib.sha256(manifest.read_bytes() if manifest.exists() else b"")
    digest.update(dbt_executable().encode())
    return digest.hexdigest()[:24]


def refresh_dbt_docs(paths: Paths) -> Path:
    """Copy the docs of this dbt project into warehouse/docs/dbt, generating them only when the
    project changed: `dbt docs generate` costs ~15 s, a night's data does not change the docs."""
    cached = DBT_PROJECT_DIR / "target" / "docs_cache" / _docs_cache_key()
    if not (cached / "index.html").exists():
        fresh = generate_dbt_docs(paths)
        staging = cached.with_name(cached.name + f".{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        shutil.copyfile(fresh, staging / "index.html")
        shutil.rmtree(cached, ignore_errors=True)
        os.replace(staging, cached)
        for old in cached.parent.iterdir():
            if old != cached:
                shutil.rmtree(old, ignore_errors=True)
    target = paths.docs_dir / "dbt"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached / "index.html", target / "index.html")
    return target / "index.html"


def generate_dbt_docs(paths: Paths) -> Path:
    """`dbt docs generate` into warehouse/docs/dbt, without ever opening the published file read-write.

    dbt-duckdb opens the database named by INDICATORS_BUILD_DB read-write (it cannot be told to
    attach it read-only), and the catalog needs a real database to describe the built tables. So
    dbt runs against a throw-away copy of the published file, made in a temporary folder beside
    it (same disk, so large warehouses fit) and deleted afterwards; the published file is only
    read, by the copy. `--static` writes static_index.html, one page with the manifest and
    catalog inside: the normal index.html fetches manifest.json with JavaScript, which browsers
    refuse for file:// pages, so the static page becomes index.html and works offline from disk.
    """
    target = paths.docs_dir / "dbt"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dbt-docs-", dir=paths.warehouse_dir) as tmp:
        copy = Path(tmp) / paths.db.name  # same file name: the docs show the catalog as analysts see it
        shutil.copyfile(paths.db, copy)
        env = {**os.environ, "INDICATORS_BUILD_DB": str(copy), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        result = subprocess.run(
            [
                dbt_executable(), "docs", "generate", "--static",
                "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR),
                "--target-path", str(target), "--log-path", str(Path(tmp) / "logs"),
            ],
            cwd=DBT_PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=DBT_DOCS_TIMEOUT_SECONDS,
            check=False,
        )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise RuntimeError(f"dbt docs generate failed ({result.returncode}): " + " | ".join(tail))
    static = target / "static_index.html"
    if static.exists():
        os.replace(static, target / "index.html")
    return target / "index.html"


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
