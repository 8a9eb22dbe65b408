"""dbt docs for the analysts: generated from the dbt project, only when it changed, never from the
published file read-write (see refresh_dbt_docs and generate_dbt_docs)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from orchestration.config import DBT_PROJECT_DIR, Paths, dbt_executable

DBT_DOCS_TIMEOUT_SECONDS = 600


_PARSE_STAMPS = {"created_at", "generated_at", "invocation_id", "invocation_started_at", "run_started_at", "root_path"}


def _without_parse_stamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_parse_stamps(v) for k, v in value.items() if k not in _PARSE_STAMPS}
    if isinstance(value, list):
        return [_without_parse_stamps(v) for v in value]
    return value


def _docs_cache_key() -> str:
    """dbt docs describe the project (models, columns, types), which only changes with the manifest;
    not with when or from where it was parsed (`dbt parse` stamps nodes with both), so a re-parse
    keeps the cache."""
    manifest = DBT_PROJECT_DIR / "target" / "manifest.json"
    content = _without_parse_stamps(json.loads(manifest.read_bytes())) if manifest.exists() else None
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode())
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
