"""The ingest stage: inputs of every supported kind in, RawDocuments (or Rejections) out."""

from __future__ import annotations

import json

from ..errors import StoreError
from ..types import FORMAT_HTML, FORMAT_JSON, FORMAT_TEXT, RawDocument
from .decode import decode_bytes
from .fetch import Fetcher
from .reader import InputReader, is_url
from .records import document_from_html, document_from_record, document_from_text

__all__ = ["Fetcher", "InputReader", "is_url", "parse_stored"]


def parse_stored(format: str, raw: bytes, source_id: str, origin: str, line: int | None, url: str | None = None) -> RawDocument:
    """Rebuild the RawDocument of a stored input from its received bytes, to re-run later stages."""
    if format == FORMAT_JSON:
        return document_from_record(json.loads(raw), origin, line, source_id, raw=raw)
    text, encoding = decode_bytes(raw)
    if format == FORMAT_HTML:
        return document_from_html(raw, text, encoding, source_id, origin, url=url)
    if format == FORMAT_TEXT:
        return document_from_text(raw, text, encoding, source_id, origin)
    raise StoreError(f"stored document {source_id} has unknown format {format!r}; was the database written by a newer newsfusion?")
