"""A generated corpus whose figures disagree everywhere: the analyst's tools at real volume.

Why: the generator plants few conflicts (its "truth" is shared by every article), but an analyst
meets warehouses where thousands of figures are disputed: revisions, reprints with other numbers,
estimates against finals. This writes `benchmarks.generate_corpus` articles and, beside each file,
a restatement of it (`rev-<name>`, published a week later) in which every figure is changed by
13 %, so that nearly every figure of the corpus has a competing value in the warehouse.

    python -m benchmarks.disagreeing_corpus OUT_DIR --articles 1000 [--seed 0]

`--articles` counts both halves (500 originals + 500 restatements for 1000).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# a number that is a figure: not a year, month or day (followed by 年/月/日), not part of a date
_NUMBER = re.compile(r"(?<![\d.\-/])(\d+(?:\.\d+)?)(?![\d.]*\s*(?:年|月|日|号|时|期|\d|[-/]\d))")
_DATE_IN_NAME = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATE_LINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _shift(match: re.Match[str]) -> str:
    text = match.group(1)
    value = float(text) * 1.13
    if "." in text:
        decimals = len(text.split(".")[1])
        return f"{value:.{decimals}f}"
    return str(round(value)) if round(value) != int(text) else str(int(text) + 1)


def _week_later(match: re.Match[str]) -> str:
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3))) + timedelta(days=7)
    except ValueError:
        return match.group(0)
    return f"{day.year}年{day.month}月{day.day}日"


def restate(text: str) -> str:
    """The same article a week later with every figure 13 % higher (years, months kept)."""
    return _NUMBER.sub(_shift, _DATE_LINE.sub(_week_later, text))


def _later(name: str) -> str:
    """`sti-20160108-000034.txt` -> `rev-sti-20160115-000034.txt`: a week later, so the
    restatement is the later publication."""
    match = _DATE_IN_NAME.search(name)
    if not match:
        return f"rev-{name}"
    try:
        later = date(int(match.group(1)), int(match.group(2)), int(match.group(3))) + timedelta(days=7)
    except ValueError:
        return f"rev-{name}"
    return "rev-" + name[: match.start()] + later.strftime("%Y%m%d") + name[match.end() :]


def write_corpus(out_dir: Path, articles: int, seed: int = 0) -> Path:
    """Originals plus restatements in `out_dir` (created); returns it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated"
        subprocess.run(
            [sys.executable, "-m", "benchmarks.generate_corpus", str(generated), "--articles",
             str(max(1, articles // 2)), "--seed", str(seed), "--gbk-rate", "0", "--reprint-rate", "0"],
            cwd=PROJECT_ROOT, check=True, capture_output=True,
        )
        for path in sorted(generated.iterdir()):
            if not path.is_file():
                continue
            shutil.copy(path, out_dir / path.name)
            text = path.read_text("utf-8")
            (out_dir / _later(path.name)).write_text(restate(text), encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out = write_corpus(args.out_dir, args.articles, args.seed)
    print(f"{len(list(out.iterdir()))} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
