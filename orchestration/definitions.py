"""The Dagster code location: `dagster dev -m orchestration.definitions` (or `dg dev`).

Every definition lives in orchestration/defs/, one folder per concern, and is found there the way
`dg` projects load theirs ([tool.dg] in pyproject.toml).
"""

from pathlib import Path

from dagster import load_from_defs_folder

defs = load_from_defs_folder(path_within_project=Path(__file__).resolve().parent)
