"""What a file is, from its first bytes (its name only breaks ties): text, html, pdf, or refused."""

from __future__ import annotations

import re


class Refused(ValueError):
    """The file is not read; the message says why, for the quarantine table and the alert."""


# (magic bytes, what it is): checked before the name, so a PNG called .html is still refused
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", None),  # too short a signature to trust alone: see _IMAGE_NAMES
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls or .ppt)"),
    (b"{\\rtf", "an RTF document"),
)
_OFFICE_PARTS = ((b"word/", "a Word document (.docx)"), (b"xl/", "an Excel workbook (.xlsx)"),
                 (b"ppt/", "a PowerPoint file (.pptx)"), (b"mimetypeapplication/epub", "an EPUB book"),
                 (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file"))
_HTML_NAMES = (".html", ".htm", ".shtml", ".xhtml")
_IMAGE_NAMES = (".bmp", ".webp", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".svg", ".heic")
_OTHER_NAMES = {".docx": "a Word document (.docx)", ".doc": "a Word document (.doc)", ".xlsx": "an Excel workbook",
                ".xls": "an Excel workbook", ".pptx": "a PowerPoint file", ".zip": "a zip archive",
                ".rar": "a RAR archive", ".7z": "a 7z archive", ".gz": "a gzip archive", ".tar": "a tar archive",
                ".mp4": "a video", ".mp3": "an audio file", ".exe": "a program", ".wps": "a WPS document",
                ".ofd": "an OFD document"}
_HTML_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])",
                            re.IGNORECASE | re.DOTALL)
_WHAT_TO_DO = "save the article as .html, .txt or a PDF with a text layer"


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1].lower()
    return base[base.rfind("."):] if "." in base else ""


def file_kind(data: bytes, name: str) -> str:
    """'text', 'html' or 'pdf'; raises Refused for anything else (an image, an Office file, an archive)."""
    head = data[:4096]
    suffix = _suffix(name)
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if suffix == ".pdf":
        raise Refused("named .pdf but is not a PDF (no %PDF- header): not read")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        what = next((label for part, label in _OFFICE_PARTS if part in data[:65536]), "a zip archive")
        raise Refused(f"{what}, not an article: not read; {_WHAT_TO_DO}")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if what is None:
                if suffix in _IMAGE_NAMES:
                    raise Refused(f"an image ({suffix}), not text: not read; {_WHAT_TO_DO}")
                continue
            raise Refused(f"{what}, not an article: not read; {_WHAT_TO_DO}")
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        raise Refused(f"a WebP image, not an article: not read; {_WHAT_TO_DO}")
    if suffix in _IMAGE_NAMES:
        raise Refused(f"an image ({suffix}), not text: not read; {_WHAT_TO_DO}")
    if suffix in _OTHER_NAMES:
        raise Refused(f"{_OTHER_NAMES[suffix]} ({suffix}), not an article: not read; {_WHAT_TO_DO}")
    if suffix in _HTML_NAMES or _HTML_START_RE.match(head):
        return "html"  # also a page saved without an extension, as .asp or .php, or its source as .txt
    return "text"
