"""The parser's output does not depend on the interpreter's hash seed: the same file parses the same on
every nightly run (a tie between two areas a national story names as often once went to whichever a set
happened to list first: `h168-quanguo-traditional-2024.txt`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIED_AREAS = ROOT / "tests" / "fixtures" / "real" / "holdout43" / "h168-quanguo-traditional-2024.txt"
SCRIPT = ("import pathlib, sys; from orchestration.ingest import decode; from orchestration.parsing import "
          "parse_document; text, _ = decode(pathlib.Path(sys.argv[1]).read_bytes()); "
          "print(repr(parse_document(text).mentions))")
SEEDS = (11, 12, 15, 16)  # (at 2026-12-07's parser, seeds 11 and 15 gave two different readings of the file)


def _parsed_with_seed(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(TIED_AREAS)], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True)
    return done.stdout


def test_parse_output_is_the_same_whatever_the_hash_seed() -> None:
    outputs = {_parsed_with_seed(seed) for seed in SEEDS}
    assert len(outputs) == 1 and "FigureMention" in next(iter(outputs))
