"""The landing folder with pages, PDFs, sidecars and manifests (no database)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from orchestration.ingest import list_raw_state, scan_raw
from tests.fixtures.html.make_pages import PAGES

TEXT = "2024年，全省研发经费投入增长9.2%，研发投入强度达到2.57%。\n"


def _scan(raw: Path) -> dict:
    return {f.source_file: f for f in scan_raw(raw)}


def test_sidecar_and_manifest_give_a_text_file_its_metadata(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "a.meta.json").write_text(json.dumps({"published_on": "2024-03-05", "title": "研发投入"}), encoding="utf-8")
    (raw / "sub" / "b.txt").write_text(TEXT + "。", encoding="utf-8")
    (raw / "sub" / "_manifest.csv").write_text("file,url,published_on,source\nb.txt,http://b,2023-01-02,湖南日报\n",
                                               encoding="utf-8")
    (raw / "_manifest.csv").write_text("file,source,url\na.txt,湖南省统计局,http://a\n", encoding="utf-8")
    files = _scan(raw)
    assert sorted(files) == ["a.txt", "sub/b.txt"]  # sidecars and manifests are not articles
    a, b = files["a.txt"].document, files["sub/b.txt"].document
    assert (a.published_on, a.date_origin, a.title, a.source, a.url) == (
        datetime.date(2024, 3, 5), "sidecar", "研发投入", "湖南省统计局", "http://a")  # sidecar over manifest
    assert (b.published_on, b.date_origin, b.source, b.url) == (datetime.date(2023, 1, 2), "manifest", "湖南日报",
                                                                 "http://b")
    assert set(list_raw_state(raw)) == {"a.txt", "a.meta.json", "_manifest.csv", "sub/b.txt", "sub/_manifest.csv"}


def test_changed_metadata_makes_a_new_version(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    bare = _scan(raw)["a.txt"].sha256
    (raw / "a.txt.meta.json").write_text('{"published_on": "2024-03-05"}', encoding="utf-8")
    first = _scan(raw)["a.txt"].sha256
    (raw / "a.txt.meta.json").write_text('{"published_on": "2024-03-06"}', encoding="utf-8")
    assert len({bare, first, _scan(raw)["a.txt"].sha256}) == 3


def test_a_broken_sidecar_or_manifest_is_refused_with_its_reason(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "a.meta.json").write_text('{"published_on": "yesterday"}', encoding="utf-8")
    (raw / "b.txt").write_text(TEXT, encoding="utf-8")
    (raw / "_manifest.csv").write_text("title,url\nb.txt,http://b\n", encoding="utf-8")
    files = _scan(raw)
    assert "not a date" in files["a.txt"].refused
    assert "_manifest.csv" in files and "'file' column" in files["_manifest.csv"].refused
    assert files["b.txt"].accepted and files["b.txt"].document.url is None


def test_pages_and_pdfs_are_read_and_other_files_refused(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_bytes((PAGES / "hunan-rd-2023.html").read_bytes())
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (raw / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    files = _scan(raw)
    page = files["page.html"]
    assert page.accepted and page.document.kind == "html" and page.encoding == "gb18030"
    assert page.text.startswith("动力\n\n湖南强化") and page.document.markup.startswith("<!DOCTYPE html>")
    assert "JPEG image" in files["photo.jpg"].refused and "zip archive" in files["archive.zip"].refused
