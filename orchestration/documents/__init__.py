"""Reading a saved file into the text the parser reads: plain text, HTML pages, PDF bulletins.

A pure package (no Dagster, no DuckDB): `read_document(data, name)` returns a `Document` (the text,
the headline, the page's own date, source and URL, which extractor made the text and the raw markup
it was made from) or raises `Refused` with a reason a person can act on (an image, a .docx, a zip, a
scanned PDF with no text). Metadata beside the file (`NAME.meta.json`, `raw/_manifest.csv`) is read
by `metadata.py` and wins over what the file itself implies (`Document.with_metadata`).

    kinds.py     what a file is, from its first bytes and its name
    html.py      HTML: encoding, main text (trafilatura), headline, date, source, URL
    pdf.py       PDF with a text layer (pdfplumber): lines, tables, running headers and page numbers
    metadata.py  sidecar JSON and manifest CSV
"""

from __future__ import annotations

from collections.abc import Callable

from .kinds import Refused, file_kind
from .metadata import Metadata, load_manifest, read_sidecar, sidecar_names
from .model import Document

__all__ = ["Document", "Metadata", "Refused", "file_kind", "load_manifest", "read_document", "read_sidecar",
           "sidecar_names"]


def read_document(data: bytes, name: str, *, decode_text: Callable[[bytes], tuple[str, str]] | None = None) -> Document:
    """The document in `data` (the bytes of the file called `name`), or `Refused`.

    `decode_text` decodes a plain-text file (the landing folder's own decoder: BOM, UTF-8, GB18030,
    charset-normalizer, raising ValueError with a reason); the default accepts UTF-8 and GB18030.
    """
    kind = file_kind(data, name)
    if kind in ("html", "pdf"):
        try:
            if kind == "html":
                from . import html
                return html.read_html(data)
            from . import pdf
            return pdf.read_pdf(data)
        except Refused:
            raise
        except RecursionError:  # a page nested thousands of levels deep
            raise Refused(f"{kind.upper()} too deeply nested to be read") from None
        except Exception as exc:  # noqa: BLE001 - a library failing on one odd file refuses that file only
            raise Refused(f"{kind.upper()} could not be read ({type(exc).__name__}: {exc})") from exc
    decode = decode_text or _decode_plain
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    return Document(text=text, kind="text", encoding=encoding)


def _decode_plain(data: bytes) -> tuple[str, str]:
    for codec in ("utf_8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable: not UTF-8 and not GB18030")
