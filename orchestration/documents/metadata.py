"""Metadata beside a file: `NAME.meta.json` (or `STEM.meta.json`) and the folder's `_manifest.csv`.

Both may give url, published_on (YYYY-MM-DD), source and title; they win over what the file itself
implies. A broken sidecar or manifest row raises ValueError with the reason (the caller refuses
the file rather than guess).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass

MANIFEST_NAME = "_manifest.csv"
SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("url", "published_on", "source", "title")


@dataclass(frozen=True)
class Metadata:
    url: str | None = None
    published_on: datetime.date | None = None
    source: str | None = None
    title: str | None = None
    origin: str = "sidecar"  # 'sidecar' or 'manifest'

    def over(self, other: Metadata | None) -> Metadata:
        """This metadata, its gaps filled from `other` (a sidecar over the manifest)."""
        if other is None:
            return self
        merged = {f: getattr(self, f) or getattr(other, f) for f in FIELDS}
        origin = self.origin if self.published_on is not None or other.published_on is None else other.origin
        return Metadata(**merged, origin=origin)


def is_metadata_file(name: str) -> bool:
    """Sidecars and the manifest are read with the files they describe, never as articles."""
    base = name.rsplit("/", 1)[-1]
    return base.endswith(SIDECAR_SUFFIX) or base == MANIFEST_NAME


def sidecar_names(name: str) -> list[str]:
    """`a/page.html` -> ['a/page.html.meta.json', 'a/page.meta.json']: the first that exists wins."""
    names = [name + SIDECAR_SUFFIX]
    folder, _, base = name.rpartition("/")
    if "." in base.lstrip("."):
        stem = base[: base.rfind(".")]
        names.append((folder + "/" if folder else "") + stem + SIDECAR_SUFFIX)
    return names


# other names people and crawlers give the same fields
ALIASES = {
    "file": ("file", "source_file", "filename", "file_name", "name", "path"),
    "url": ("url", "link", "href", "source_url", "canonical_url"),
    "published_on": ("published_on", "published", "publish_date", "published_at", "pubdate", "date",
                     "publication_date", "release_date"),
    "source": ("source", "publisher", "site", "site_name", "outlet", "media"),
    "title": ("title", "headline"),
}
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _date(value, where: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    found = _DATE_RE.search(text)  # 2024-03-05, 2024/3/5, 2024年3月5日, 2024-03-05T10:00:00+08:00
    try:
        if found:
            return datetime.date(*(int(part) for part in found.groups()))
        raise ValueError
    except ValueError:
        raise ValueError(f"{where}: published_on {text!r} is not a date (YYYY-MM-DD)") from None


def _pick(values: dict, field: str):
    lowered = {str(k).strip().lower(): v for k, v in values.items()}
    for name in ALIASES[field]:
        if lowered.get(name) not in (None, ""):
            return lowered[name]
    return None


def _record(values: dict, origin: str, where: str) -> Metadata:
    """Known fields (and their aliases) are read; anything else (an author, a crawl time) is ignored."""
    clean = {f: (str(v).strip() or None) if (v := _pick(values, f)) is not None else None for f in FIELDS}
    return Metadata(url=clean["url"], published_on=_date(_pick(values, "published_on"), where),
                    source=clean["source"], title=clean["title"], origin=origin)


def read_sidecar(data: bytes, name: str) -> Metadata:
    """Parse a sidecar's bytes (`name` only for messages)."""
    try:
        values = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"sidecar {name} is not UTF-8 JSON: {exc}") from None
    if not isinstance(values, dict):
        raise ValueError(f"sidecar {name} is not a JSON object")
    return _record(values, "sidecar", f"sidecar {name}")


def load_manifest(data: bytes, name: str = MANIFEST_NAME) -> dict[str, Metadata]:
    """file name (relative to the manifest's folder) -> Metadata, from a CSV with a header row."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{name} is not UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    names = {str(n).strip().lower() for n in reader.fieldnames or []}
    if not names & set(ALIASES["file"]):
        raise ValueError(f"{name} needs a header row with a 'file' column and any of {', '.join(FIELDS)}")
    out = {}
    for line, row in enumerate(reader, start=2):
        values = {k: v for k, v in row.items() if k}
        file = str(_pick(values, "file") or "").strip().removeprefix("./").removeprefix("raw/")
        if file:
            out[file] = _record(values, "manifest", f"{name} line {line}")
    return out
