#!/usr/bin/env bash
# Sets up everything on a fresh machine (Python 3.11, pip, git) and runs the nightly job on raw/.
#   ./setup.sh            create .venv, install the pinned stack, prepare dbt, run the job once
#   ./setup.sh --no-run   the same without the run (CI)
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# dagster-dbt loads dbt's manifest when the definitions load: build it once (about 6 s).
(cd dbt_project && ../.venv/bin/dbt parse --quiet --profiles-dir . >/dev/null)
if [ "${1:-}" != "--no-run" ]; then
  .venv/bin/indicators run
fi
