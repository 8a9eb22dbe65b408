#!/usr/bin/env bash
# Sets up everything on a fresh machine (Python 3.11, pip, git; Debian or Ubuntu) and runs the nightly job on raw/.
#   ./setup.sh            install Chromium if missing, create .venv, install the pinned stack, prepare dbt, run the job
#   ./setup.sh --no-run   the same without the run (CI)
set -euo pipefail
cd "$(dirname "$0")"
# Headless Chromium renders the analysts' report in the tests (the Debian package).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "setup.sh: headless Chromium is needed by the tests; install it with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
    echo "and run ./setup.sh again." >&2
    exit 1
  fi
fi
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# dagster-dbt reads dbt's manifest when the definitions load: dbt deps (if any packages) + dbt parse, ~6 s.
.venv/bin/dagster-dbt project prepare-and-package --file orchestration/defs/dbt/project.py >/dev/null
if [ "${1:-}" != "--no-run" ]; then
  .venv/bin/indicators run
fi
