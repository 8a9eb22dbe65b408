"""Reading the landing folder: which files to take, how to decode them, and why others are refused.

Pure file-system code (no database): `scan_raw` returns one record per file, either accepted with
its text (decoded, or extracted from an HTML page or a PDF by orchestration.documents, with the
file's own headline, date, source and URL, overridden by a sidecar `NAME.meta.json` or the folder's
`_manifest.csv`) or refused with a reason a person can act on. Nothing a file contains, and nothing
the file system does to it (vanishing, growing, unreadable, a FIFO, a name that is not UTF-8), may
raise out of here: one bad file must never stop the others from being loaded.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from orchestration import config, documents
from orchestration.documents.metadata import MANIFEST_NAME, Metadata, is_metadata_file

MAX_BYTES = config.DEFAULT_MAX_FILE_BYTES
"""Larger files are refused: no single article page is this big, and it bounds memory per file.
The default of `INDICATORS_MAX_FILE_BYTES` (config.max_file_bytes), read when the folder is scanned."""

READY_MARKERS = (".done", ".ready")
"""Files a crawler writes when it has finished a file (`NAME.done`). A folder that holds any of them
is a folder whose writer uses them: its other files wait for their marker. Never read as articles."""

MAX_NUL_SHARE = 0.01
"""NUL bytes in a file that is otherwise text (a bad copy, a crawler's padding): stripped with a note
up to this share of the bytes; more is binary and refused."""

REPEAT_MIN_CHARS = 20_000
REPEAT_MAX_SHARE = 0.9
"""A file of at least REPEAT_MIN_CHARS characters whose text is more than REPEAT_MAX_SHARE repeats
of its own earlier passages (one paragraph pasted thousands of times, a looping crawler) is refused
with an alert, not parsed: its figures would be one figure mentioned thousands of times."""

_CN_MAX_CHAOS = 0.2
"""charset-normalizer's mess ratio above which its best guess is garbage rather than text."""
_MAX_CONTROL_SHARE = 0.01
"""Control characters (other than line breaks and tabs) in real text: essentially none."""
_MAX_SUSPICIOUS_SHARE = 0.01
"""Characters a Chinese article does not contain but a misread Big5 or binary file does."""

# GBK's symbol rows and the private-use area: what Big5 bytes, or binary bytes, turn into when read
# as GB18030. Kana is left out: Chinese articles quote Japanese names now and then.
_SUSPICIOUS_RANGES = (
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x2460, 0x24FF),  # enclosed numerals
    (0x2500, 0x257F),  # box drawing
    (0xE000, 0xF8FF),  # private use
)


@dataclass(frozen=True)
class RawFile:
    source_file: str  # path relative to the raw folder, '/'-separated
    sha256: str | None  # of the bytes, and of the metadata beside them when there is any
    bytes: int | None
    encoding: str | None = None
    text: str | None = None
    refused: str | None = None  # the reason, when the file is quarantined
    document: documents.Document | None = None  # kind, headline, date, source, URL, extractor, markup
    waiting: str | None = None  # why it is left for the next run (still being written), when it is
    notes: tuple[str, ...] = ()  # what was repaired on the way in (NUL bytes stripped), for the run's log

    @property
    def accepted(self) -> bool:
        return self.refused is None and self.waiting is None


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


# One compiled character class each: a Python loop over every character took 36 s of the 52 s
# that reading 10,000 articles cost (the GB18030 check runs on every non-UTF-8 file).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")  # below 32, except \t \n \v \f \r
_SUSPICIOUS_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _SUSPICIOUS_RANGES) + "]")
_CJK_RE = re.compile("[\u4e00-\u9fff]")


def _control_share(text: str) -> float:
    bad = sum(1 for _ in _CONTROL_RE.finditer(text))
    return bad / max(len(text), 1)


def _suspicious_share(text: str) -> float:
    bad = sum(1 for _ in _SUSPICIOUS_RE.finditer(text))
    return bad / max(len(text), 1)


def _has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def _looks_like_chinese_gb(text: str) -> bool:
    """A strict GB18030 reading is believed when it yields Chinese and nothing a misread would."""
    # Counting over a sample keeps this linear and cheap on 10 MB files.
    sample = text if len(text) <= 200_000 else text[:100_000] + text[-100_000:]
    return (
        _has_cjk(sample)
        and _control_share(sample) <= _MAX_CONTROL_SHARE
        and _suspicious_share(sample) <= _MAX_SUSPICIOUS_SHARE
    )


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading, if it is text (low mess, no control characters)."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > _CN_MAX_CHAOS:
        return None
    text = str(best)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return text, best.encoding


def _strict_utf8(data: bytes, offset: int = 0) -> str:
    """UTF-8 or a DecodeError that says whether the file was cut short (byte positions in the file)."""
    try:
        return data.decode("utf_8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            raise DecodeError(
                f"truncated: the file ends inside a multi-byte UTF-8 character (byte {exc.start + offset})"
            ) from exc
        raise DecodeError(f"invalid UTF-8 after a UTF-8 byte-order mark at byte {exc.start + offset}") from exc


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, codec name); raise DecodeError with the reason for anything else.

    Order: a byte-order mark decides; then strict UTF-8; then strict GB18030 (a superset of GBK
    and GB2312) when the result reads as Chinese; then charset-normalizer. The text is the plain
    decoded string (a BOM dropped, CRLF kept): every offset stored downstream indexes it.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict_utf8(data[len(codecs.BOM_UTF8):], offset=len(codecs.BOM_UTF8)), "utf_8_sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf_16"), "utf_16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from exc
    if b"\x00" in data:
        found = _charset_normalizer(data)
        if found and found[1].startswith(("utf_16", "utf_32")):
            return found
        raise DecodeError("binary content (NUL bytes)")
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            raise DecodeError(
                f"truncated: the file ends inside a multi-byte UTF-8 character (byte {exc.start})"
            ) from exc
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if exc.reason == "incomplete multibyte sequence" and exc.end == len(data):
            head = data[: exc.start]
            try:
                if _looks_like_chinese_gb(head.decode("gb18030")):
                    raise DecodeError(
                        f"truncated: the file ends inside a multi-byte GB18030 character (byte {exc.start})"
                    ) from exc
            except UnicodeDecodeError:
                pass
        text = None
    if text is not None and _looks_like_chinese_gb(text):
        return text, "gb18030"
    found = _charset_normalizer(data)
    if found is not None:
        return found
    invalid = data.decode("utf_8", errors="replace").count("\ufffd")
    if invalid * 20 < len(data):  # a few bad bytes in otherwise valid UTF-8
        raise DecodeError(
            f"corrupt UTF-8: {invalid} invalid byte sequence(s), the first at byte {utf8_error.start}; "
            "not GB18030 either"
        )
    if _control_share(data.decode("latin_1")) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary content (control bytes, no text encoding fits)")
    raise DecodeError("undecodable: not UTF-8, not GB18030, and no other text encoding fits these bytes")


def _refuse(name: str, reason: str, data: bytes | None = None, size: int | None = None) -> RawFile:
    return RawFile(
        source_file=name,
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        bytes=len(data) if data is not None else size,
        refused=reason,
    )


def _display_name(raw_dir: Path, path: Path) -> tuple[str, bool]:
    """('/'-separated name relative to raw_dir, whether it is valid UTF-8).

    A name written in another encoding (a GBK zip unpacked on Linux) reaches Python with surrogate
    escapes, which no database or JSON accepts: it is shown with its bytes escaped instead.
    """
    name = path.relative_to(raw_dir).as_posix()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        escaped = os.fsencode(name).decode("utf-8", errors="backslashreplace")
        return escaped, False
    return name, True


def _wait(name: str, reason: str) -> RawFile:
    return RawFile(source_file=name, sha256=None, bytes=None, waiting=reason)


def _missing_marker(path: Path, marker: str | None) -> str | None:
    """The marker `path` still waits for, if its folder uses markers (or `marker` is configured)."""
    markers = (marker,) if marker else READY_MARKERS
    if marker is None:
        try:
            names = os.listdir(path.parent)
        except OSError:
            return None
        used = [m for m in markers if any(n.endswith(m) and len(n) > len(m) for n in names)]
        if not used:
            return None
        markers = tuple(used)
    if any(path.with_name(path.name + m).exists() for m in markers):
        return None
    return path.name + markers[0]


def repeated_share(text: str) -> float:
    """Share of the text's characters in passages (lines; sentences of very long lines) that repeat
    an earlier passage of the same text exactly (whitespace aside)."""
    seen: set[str] = set()
    repeated = total = 0
    for line in text.split("\n"):
        parts = re.split("(?<=[。！？!?])", line) if len(line) > 4000 else (line,)
        for part in parts:
            key = "".join(part.split())
            if len(key) < 8:
                continue
            total += len(key)
            if key in seen:
                repeated += len(key)
            else:
                seen.add(key)
    return repeated / total if total else 0.0


def _strip_nuls(data: bytes) -> bytes | None:
    """The bytes without their NULs, if there are a few (at most MAX_NUL_SHARE); None otherwise."""
    count = data.count(0)
    if count == 0 or count > len(data) * MAX_NUL_SHARE:
        return None
    return data.replace(b"\x00", b"")


def read_file(raw_dir: Path, path: Path, manifests: dict[str, dict[str, Metadata]] | None = None,
              settle_seconds: float = 0.0, marker: str | None = None, max_bytes: int = MAX_BYTES,
              now: float | None = None) -> RawFile:
    """Read one candidate file; never raises for bad content or a misbehaving file system, it refuses.

    A file changed less than `settle_seconds` ago, or whose ready marker is missing, is left for the
    next run (`waiting`): a crawler may still be appending to it.
    """
    name, name_ok = _display_name(raw_dir, path)
    if not name_ok:
        return _refuse(name, "file name is not valid UTF-8 (written in another encoding?): rename the file")
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            where = "inside" if target.is_relative_to(raw_dir.resolve()) else "outside"
            return _refuse(name, f"symlink to a path {where} the raw folder: not followed")
        before = path.stat()
        if not stat.S_ISREG(before.st_mode):
            return _refuse(name, "not a regular file (a FIFO, socket or device): not read")
        age = (time.time() if now is None else now) - before.st_mtime
        if settle_seconds > 0 and abs(age) < settle_seconds:
            return _wait(name, f"changed {max(age, 0):.0f} s ago (settle time {settle_seconds:.0f} s): "
                               "still being written? it is read on the next run")
        missing = _missing_marker(path, marker)
        if missing:
            return _wait(name, f"its ready marker {missing} is missing: it is read on the next run")
        if before.st_size == 0:
            return _refuse(name, "empty file", b"")
        if before.st_size > max_bytes:
            return _refuse(name, f"too large: {before.st_size} bytes, limit {max_bytes} (INDICATORS_MAX_FILE_BYTES)",
                           size=before.st_size)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
            after = os.fstat(handle.fileno())
    except FileNotFoundError:
        return _refuse(name, "vanished while the raw folder was being read")
    except OSError as exc:
        return _refuse(name, f"cannot read: {exc.strerror or exc}")
    if len(data) != after.st_size or (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        return _refuse(
            name, "changed while being read (still being written?): it will be read again on the next run", data
        )
    try:
        meta = _metadata(raw_dir, path, name, manifests)
    except ValueError as exc:
        return _refuse(name, f"{exc}: fix or remove it", data)
    notes: tuple[str, ...] = ()
    try:
        doc = documents.read_document(data, name, decode_text=decode)
    except documents.Refused as exc:
        stripped = _strip_nuls(data)
        if stripped is None:
            return _refuse(name, str(exc), data)
        try:  # a good text with a few stray NUL bytes: read without them, and say so
            doc = documents.read_document(stripped, name, decode_text=decode)
        except documents.Refused:
            return _refuse(name, str(exc), data)
        notes = (f"{name}: {len(data) - len(stripped)} NUL byte(s) stripped before decoding; offsets index the "
                 "text without them",)
    if not doc.text.strip():
        return _refuse(name, "no text: only whitespace", data)
    if len(doc.text) >= REPEAT_MIN_CHARS:
        share = repeated_share(doc.text)
        if share > REPEAT_MAX_SHARE:
            return _refuse(name, f"mostly repeats: {share:.1%} of its text repeats its own earlier passages "
                                 f"({len(doc.text):,} characters); not parsed, check the file", data)
    doc = doc.with_metadata(meta)
    digest = hashlib.sha256(data)
    if meta is not None:  # new or changed metadata makes a new version, parsed again with it
        digest.update(b"\0" + repr(meta).encode("utf-8"))
    return RawFile(name, digest.hexdigest(), len(data), doc.encoding or doc.kind, doc.text, document=doc,
                   notes=notes)


def _metadata(raw_dir: Path, path: Path, name: str, manifests: dict[str, dict[str, Metadata]] | None
              ) -> Metadata | None:
    """The sidecar's metadata over the manifest's row for this file (either may be missing)."""
    sidecar = None
    for candidate in documents.sidecar_names(path.name):
        side = path.with_name(candidate)
        if side.is_file() and not side.is_symlink():
            sidecar = documents.read_sidecar(side.read_bytes(), side.relative_to(raw_dir).as_posix())
            break
    listed = None
    if manifests is not None:
        folder = path.parent.relative_to(raw_dir).as_posix()
        listed = manifests.get(folder, {}).get(path.name)
        if listed is None and folder != ".":  # the top manifest may name files in subfolders
            listed = manifests.get(".", {}).get(name)
    return sidecar.over(listed) if sidecar is not None else listed


def _manifests(raw_dir: Path) -> tuple[dict[str, dict[str, Metadata]], list[RawFile]]:
    """Every `_manifest.csv` below raw_dir by folder; a broken one is quarantined (its files are read
    without it)."""
    found, broken = {}, []
    for root, dirs, files in os.walk(raw_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if MANIFEST_NAME in files:
            manifest = Path(root) / MANIFEST_NAME
            folder = manifest.parent.relative_to(raw_dir).as_posix()
            try:
                found[folder] = documents.load_manifest(manifest.read_bytes(), manifest.relative_to(raw_dir).as_posix())
            except (OSError, ValueError) as exc:
                broken.append(_refuse(manifest.relative_to(raw_dir).as_posix(),
                                      f"manifest not read: {exc}; the files it lists are read without it"))
    return found, broken


def _candidates(raw_dir: Path, with_metadata: bool = False) -> Iterator[Path]:
    """Regular files and symlinks below raw_dir, skipping hidden and partial uploads, and the
    metadata files (sidecars, manifests: read with the files they describe; ready markers) unless
    asked for."""
    for root, dirs, files in os.walk(raw_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".part", ".tmp", "~")):
                continue
            if not with_metadata and (is_metadata_file(name) or name.endswith(READY_MARKERS)):
                continue  # a new marker still starts the sensor: it makes its file readable
            yield Path(root) / name
        for d in list(dirs):
            if (Path(root) / d).is_symlink():
                yield Path(root) / d


def scan_raw(raw_dir: Path, settle_seconds: float | None = None, marker: str | None = None,
             max_bytes: int | None = None) -> Iterator[RawFile]:
    """Every file in the landing folder, decoded, refused or left for the next run, in a stable order.

    `settle_seconds`, `marker` and `max_bytes` default to the environment's (config.py).
    """
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder does not exist: {raw_dir}")
    settle = config.settle_seconds() if settle_seconds is None else settle_seconds
    marker = marker if marker is not None else config.ready_marker()
    limit = config.max_file_bytes() if max_bytes is None else max_bytes
    now = time.time()
    manifests, broken = _manifests(raw_dir)
    yield from broken
    for path in _candidates(raw_dir):
        yield read_file(raw_dir, path, manifests, settle_seconds=settle, marker=marker, max_bytes=limit, now=now)


def list_raw_state(raw_dir: Path) -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) per file name: a cheap fingerprint for the new-file sensor (a new or changed
    sidecar or manifest counts: it changes what its files say)."""
    state = {}
    for path in _candidates(raw_dir, with_metadata=True):
        try:
            st = path.lstat()
        except OSError:
            continue  # vanished between listing and stat: the next look sees the folder as it is
        state[_display_name(raw_dir, path)[0]] = (st.st_size, st.st_mtime_ns)
    return state


def changed_files(previous: dict[str, list[int]], current: dict[str, tuple[int, int]]) -> list[str]:
    """Names that are new or whose size or modification time moved since the sensor's cursor was written."""
    return sorted(name for name, state in current.items() if list(state) != previous.get(name))
