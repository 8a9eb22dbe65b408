"""The layout keeps its promises: a pure parser, definitions apart from domain code, no private
Dagster imports, no process-wide environment writes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT_ROOT / "orchestration"
HEAVY = ("dagster", "dagster_dbt", "dbt", "duckdb", "great_expectations")
SHARED = ("orchestration.parsing", "orchestration.vocabulary")  # what the parser may import of the package


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_parser_tests_load_without_dagster_dbt_or_duckdb() -> None:
    """What `pytest tests/test_parsing_*.py` imports (this conftest included), in a fresh interpreter."""
    parser_tests = sorted((PROJECT_ROOT / "tests").glob("test_parsing_*.py"))
    modules = ["tests.conftest"] + [f"tests.{p.stem}" for p in parser_tests]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_the_parser_is_pure() -> None:
    """No orchestration, storage or Dagster code in the parser: it ships as is to any engine."""
    for path in _modules(PACKAGE / "parsing"):
        names = _imports(path)
        assert not {n for n in names if n.split(".")[0] in HEAVY}, path
        assert not {n for n in names if n.startswith("orchestration.") and not n.startswith(SHARED)}, path


def test_no_private_dagster_imports() -> None:
    for path in _modules(PACKAGE) + _modules(PROJECT_ROOT / "tests") + _modules(PROJECT_ROOT / "scripts"):
        private = {n for n in _imports(path) if n.split(".")[0].startswith("dagster") and "._" in n}
        assert not private, (path, private)


def test_definitions_live_in_defs_and_domain_code_does_not_import_dagster() -> None:
    """Dagster is imported by orchestration/defs/ and by the entry points that run the job, nothing else."""
    runners = {"definitions.py", "runner.py"}
    for path in _modules(PACKAGE):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "defs" or rel.name in runners:
            continue
        uses = {n for n in _imports(path) if n.split(".")[0] in ("dagster", "dagster_dbt")}
        assert not uses, (rel, uses)


def test_no_process_wide_environment_writes() -> None:
    for path in _modules(PACKAGE):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
                targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
                for t in targets:
                    written = isinstance(t, ast.Subscript) and ast.unparse(t.value) == "os.environ"
                    assert not written, (path, node.lineno)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = ast.unparse(node.func.value)
                assert not (owner == "os.environ" and node.func.attr in ("setdefault", "update", "pop", "clear")), (
                    path, node.lineno)
                assert not (owner == "os" and node.func.attr in ("putenv", "unsetenv")), (path, node.lineno)
