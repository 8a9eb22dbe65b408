"""Reading the landing folder: which files to take, how to decode them, and why others are refused.

Pure file-system code (no database): `scan_raw` returns one record per file, either accepted with
its decoded text or refused with a reason a person can act on.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused: no single article page is this big, and it bounds memory per file."""

# Codecs tried in order before asking charset-normalizer: Chinese sources are UTF-8 or GB18030
# (a superset of GBK and GB2312); strict decoding of either is unambiguous for real text.
_PREFERRED = ("utf_8", "gb18030")
_CJK_MIN_SHARE = 0.2  # a GB18030 reading of non-Chinese bytes yields few CJK characters


@dataclass(frozen=True)
class RawFile:
    source_file: str  # path relative to the raw folder, '/'-separated
    sha256: str | None
    bytes: int | None
    encoding: str | None = None
    text: str | None = None
    refused: str | None = None  # the reason, when the file is quarantined

    @property
    def accepted(self) -> bool:
        return self.refused is None


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk / len(text)


def _control_share(text: str) -> float:
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return bad / max(len(text), 1)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, codec name); raise DecodeError with the reason for anything else."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf_8_sig"), "utf_8_sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-8 after a UTF-8 byte-order mark at byte {exc.start}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf_16"), "utf_16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from exc
    if b"\x00" in data:
        raise DecodeError("binary content (NUL bytes)")
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            raise DecodeError(
                f"truncated: the file ends inside a multi-byte UTF-8 character (byte {exc.start})"
            ) from exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _cjk_share(text) >= _CJK_MIN_SHARE:
        return text, "gb18030"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    text = str(best)
    if _control_share(text) > 0.01:
        raise DecodeError(f"binary content (control characters as {best.encoding})")
    return text, best.encoding


def _refuse(name: str, reason: str, data: bytes | None = None) -> RawFile:
    return RawFile(
        source_file=name,
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        bytes=len(data) if data is not None else None,
        refused=reason,
    )


def read_file(raw_dir: Path, path: Path) -> RawFile:
    """Read one candidate file; never raises for bad content, it refuses instead."""
    name = path.relative_to(raw_dir).as_posix()
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        where = "inside" if target.is_relative_to(raw_dir.resolve()) else "outside"
        return _refuse(name, f"symlink to a path {where} the raw folder: not followed")
    size = path.stat().st_size
    if size == 0:
        return _refuse(name, "empty file", b"")
    if size > MAX_BYTES:
        return RawFile(name, None, size, refused=f"too large: {size} bytes, limit {MAX_BYTES}")
    data = path.read_bytes()
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        return _refuse(name, str(exc), data)
    if not text.strip():
        return _refuse(name, "no text: only whitespace", data)
    return RawFile(name, hashlib.sha256(data).hexdigest(), len(data), encoding, text)


def _candidates(raw_dir: Path) -> Iterator[Path]:
    """Regular files and symlinks below raw_dir, skipping hidden and partial uploads."""
    for root, dirs, files in os.walk(raw_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".part", ".tmp", "~")):
                continue
            yield Path(root) / name
        for d in list(dirs):
            if (Path(root) / d).is_symlink():
                yield Path(root) / d


def scan_raw(raw_dir: Path) -> Iterator[RawFile]:
    """Every file in the landing folder, decoded or refused, in a stable order."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder does not exist: {raw_dir}")
    for path in _candidates(raw_dir):
        yield read_file(raw_dir, path)


def list_raw_state(raw_dir: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) per file name: a cheap fingerprint for the new-file sensor."""
    state = {}
    for path in _candidates(raw_dir):
        st = path.lstat()
        state[path.relative_to(raw_dir).as_posix()] = (st.st_size, st.st_mtime_ns)
    return state
