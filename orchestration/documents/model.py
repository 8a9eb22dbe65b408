"""The record a reader returns."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Document:
    text: str  # what the parser reads; every offset downstream indexes it
    kind: str  # 'text', 'html' or 'pdf'
    encoding: str | None = None  # of the bytes (None for PDF)
    title: str | None = None  # the headline, when the file gives one apart from the text
    published_on: datetime.date | None = None
    date_origin: str | None = None  # 'sidecar', 'manifest', 'page_meta' (meta tags), 'page_text' (its date line)
    source: str | None = None  # who published it (来源), as the page or the metadata says
    url: str | None = None
    extractor: str | None = None  # library that made `text` from the markup: 'trafilatura', 'pdfplumber'
    extractor_version: str | None = None
    markup: str | None = None  # the decoded HTML, kept so that a better extractor can be rerun

    def with_metadata(self, meta) -> Document:
        """Metadata from beside the file wins over what the file implies, field by field."""
        if meta is None:
            return self
        changes = {}
        for field in ("title", "source", "url"):
            value = getattr(meta, field)
            if value:
                changes[field] = value
        if meta.published_on is not None:
            changes["published_on"] = meta.published_on
            changes["date_origin"] = meta.origin
        return replace(self, **changes)
