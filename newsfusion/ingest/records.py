"""JSON records (from .json, .jsonl, .jsonl.gz, stdin, feeds) turned into RawDocuments.

A record may hold `id`, `url`, `source` (the outlet), `title`, `published`, `text` or
`html`, and `language`. A few common spellings are read as the same field (`ID`, `date`,
`link`, `outlet`); anything else is kept as metadata.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from ..errors import InputError
from ..types import FORMAT_HTML, FORMAT_JSON, FORMAT_TEXT, RawDocument

# field -> the record keys read as that field, first match wins.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "ID", "Id", "doc_id"),
    "url": ("url", "link"),
    "outlet": ("source", "outlet", "site_name"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubDate"),
    "text": ("text", "body"),
    "html": ("html",),
    "language": ("language", "lang"),
}
_KNOWN_KEYS = {key for keys in FIELD_ALIASES.values() for key in keys}


def content_hash(data: bytes) -> str:
    """The identity of an input's content: equal bytes, equal hash."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def canonical_json(record: Mapping[str, Any]) -> bytes:
    """One JSON text per record content, whatever its key order or spacing."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _field(record: Mapping[str, Any], name: str) -> Any:
    for key in FIELD_ALIASES[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _as_text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(item.strip() for item in value if item.strip()) or None
    raise InputError("bad_field", f"field {name!r} is a {type(value).__name__}, expected a string")


def document_from_record(
    record: Any,
    origin: str,
    line: int | None,
    fallback_id: str,
    raw: bytes | None = None,
    max_bytes: int | None = None,
) -> RawDocument:
    """Build the RawDocument for one JSON record.

    `fallback_id` is the source_id to use when the record has no `id`. `raw` is the record's
    bytes as received (a JSONL line); without it the canonical JSON of the record is stored.
    """
    if not isinstance(record, dict):
        raise InputError("not_a_record", f"holds a JSON {type(record).__name__}, expected an object with a 'text' or 'html' field")
    canonical = canonical_json(record)
    if max_bytes is not None and len(canonical) > max_bytes:
        raise InputError(
            "too_large",
            f"record is {len(canonical) / 1e6:.1f} MB, over max_document_mb ({max_bytes / 1e6:.1f} MB); "
            "raise it with --max-document-mb if this is a real article",
        )
    text = _field(record, "text")
    html = _field(record, "html")
    if text is not None and not isinstance(text, str):
        raise InputError("bad_field", f"field 'text' is a {type(text).__name__}, expected a string")
    if html is not None and not isinstance(html, str):
        raise InputError("bad_field", f"field 'html' is a {type(html).__name__}, expected a string")
    if not (text and text.strip()) and not (html and html.strip()):
        present = ", ".join(sorted(record)[:8]) or "none"
        raise InputError("no_text", f"record has no 'text' or 'html' (fields: {present}); add the article body as 'text'")

    record_id = _as_text(_field(record, "id"), "id")
    metadata = {key: value for key, value in record.items() if key not in _KNOWN_KEYS}
    return RawDocument(
        source_id=record_id or fallback_id,
        format=FORMAT_JSON,
        origin=origin,
        line=line,
        raw=raw if raw is not None else canonical,
        content_hash=content_hash(canonical),
        text=text if text and text.strip() else None,
        html=html if html and html.strip() else None,
        title=_as_text(_field(record, "title"), "title"),
        url=_as_text(_field(record, "url"), "url"),
        outlet=_as_text(_field(record, "outlet"), "source"),
        published=_as_text(_field(record, "published"), "published"),
        language=_as_text(_field(record, "language"), "language"),
        encoding="utf-8",
        metadata=metadata,
    )


def document_from_text(data: bytes, text: str, encoding: str, source_id: str, origin: str) -> RawDocument:
    """A plain-text file as a RawDocument; its title is found later, by cleaning."""
    if not text.strip():
        raise InputError("empty", "has no text; remove it or fill it")
    return RawDocument(
        source_id=source_id,
        format=FORMAT_TEXT,
        origin=origin,
        raw=data,
        content_hash=content_hash(data),
        text=text,
        encoding=encoding,
    )


def document_from_html(data: bytes, html: str, encoding: str, source_id: str, origin: str, url: str | None = None) -> RawDocument:
    """An HTML page as a RawDocument; its article text is extracted later, by cleaning."""
    if not html.strip():
        raise InputError("empty", "has no content; remove it or fill it")
    return RawDocument(
        source_id=source_id,
        format=FORMAT_HTML,
        origin=origin,
        raw=data,
        content_hash=content_hash(data),
        html=html,
        url=url,
        encoding=encoding,
    )


def parse_json_line(line_bytes: bytes) -> Any:
    """Parse one JSON line; raise InputError("bad_json") saying where it broke."""
    try:
        return json.loads(line_bytes)
    except UnicodeDecodeError:
        raise InputError("bad_encoding", "is not UTF-8; JSON lines must be UTF-8 encoded") from None
    except json.JSONDecodeError as exc:
        raise InputError("bad_json", f"is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line") from None
