"""Decoding and refusing raw files: real bytes on disk, every encoding Chinese sources come in."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orchestration.ingest import DecodeError, decode, list_raw_state, scan_raw

TEXT = "2025年，广东省研发经费投入增长9.1%，研发投入强度达3.6%。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf_8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf_8_sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.replace("。", "。\r\n").encode("utf-8"), "utf_8"),
    ],
)
def test_decode_detects_encoding_and_keeps_text(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert text.replace("\r\n", "") == TEXT


def test_bom_is_not_part_of_the_text_so_offsets_stay_true() -> None:
    text, _ = decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert text.index("3.6%") == TEXT.index("3.6%")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02PNG\x00binary", "binary"),
        (TEXT.encode("utf-8")[:-2], "truncated"),
    ],
)
def test_decode_refuses_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_scan_refuses_bad_files_and_keeps_good_ones(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "sub dir").mkdir(parents=True)
    (raw / "good.txt").write_text(TEXT, encoding="utf-8")
    (raw / "sub dir" / "湖南 报道 (1).txt").write_bytes(TEXT.encode("gb18030"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (raw / "image.jpg").write_bytes(bytes(range(256)) * 10)
    (raw / "cut.txt").write_bytes(TEXT.encode("utf-8")[:-1])
    (raw / ".hidden").write_text(TEXT, encoding="utf-8")
    (raw / "upload.part").write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text(TEXT, encoding="utf-8")
    os.symlink(outside, raw / "link.txt")

    files = {f.source_file: f for f in scan_raw(raw)}
    assert sorted(files) == sorted(
        ["good.txt", "sub dir/湖南 报道 (1).txt", "empty.txt", "blank.txt", "image.jpg", "cut.txt", "link.txt"]
    )
    assert files["good.txt"].accepted and files["good.txt"].text == TEXT
    assert files["sub dir/湖南 报道 (1).txt"].encoding == "gb18030"
    assert files["empty.txt"].refused == "empty file"
    assert "whitespace" in files["blank.txt"].refused
    assert "image" in files["image.jpg"].refused  # by its name: no article is saved as .jpg
    assert "truncated" in files["cut.txt"].refused
    assert "symlink" in files["link.txt"].refused and "outside" in files["link.txt"].refused


def test_missing_raw_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="raw folder does not exist"):
        list(scan_raw(tmp_path / "nope"))


def test_raw_state_changes_when_a_file_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("一", encoding="utf-8")
    before = list_raw_state(tmp_path)
    (tmp_path / "a.txt").write_text("一二三", encoding="utf-8")
    assert list_raw_state(tmp_path)["a.txt"] != before["a.txt"]
