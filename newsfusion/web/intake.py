"""Turning the body of `POST /api/articles` into documents for the pipeline.

The body is one JSON record, a JSON list of records, or JSON lines (one record per line).
Each record is read by the same code as `newsfusion ingest` (`ingest.records`), so the
API accepts exactly what the command accepts and rejects the same things with the same
codes. A record that cannot be used becomes a `Rejection` naming its line or position; the
others go on. Only a body that is not JSON at all is refused as a whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import InputError
from ..ingest.records import canonical_json, content_hash, document_from_record, parse_json_line
from ..types import RawDocument, Rejection

STAGE = "ingest"


class BodyError(Exception):
    """The body as a whole cannot be read; the message says what to send instead."""


@dataclass(frozen=True)
class Intake:
    """The body's records in order: each a RawDocument, or the Rejection saying why it cannot be used."""

    origin: str
    items: list[RawDocument | Rejection]


def request_origin() -> str:
    """The `origin` stored with documents from one request: the API route and the time it arrived."""
    return "POST /api/articles " + datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _fallback_id(record: object) -> str:
    """The source_id of a record without `id`: its content's hash, so posting it again changes nothing."""
    if isinstance(record, dict):
        return "api-" + content_hash(canonical_json(record))[:16]
    return "api-unknown"


def _document(record: object, origin: str, number: int, max_bytes: int, raw: bytes | None) -> RawDocument | Rejection:
    try:
        if raw is not None and len(raw) > max_bytes:
            raise InputError(
                "too_large",
                f"is {len(raw) / 1e6:.1f} MB, over max_document_mb ({max_bytes / 1e6:.1f} MB); split it or raise max_document_mb",
            )
        return document_from_record(record, origin, number, _fallback_id(record), raw=raw, max_bytes=max_bytes)
    except InputError as exc:
        return Rejection(STAGE, exc.code, f"record {number}: {exc}", origin=origin, line=number)


def read_body(body: bytes, max_document_bytes: int, origin: str | None = None) -> Intake:
    """Split a request body into documents and rejections; raise BodyError when it is not JSON at all."""
    origin = origin or request_origin()
    if not body.strip():
        raise BodyError("the body is empty; send one JSON record, a JSON list of records, or JSON lines")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BodyError("the body is not UTF-8; send JSON encoded as UTF-8") from None
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in body.splitlines() if line.strip()]
        if len(lines) < 2:
            raise BodyError(
                f"the body is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
                "send one JSON record, a JSON list of records, or JSON lines"
            ) from None
        return Intake(origin, list(_json_lines(body, origin, max_document_bytes)))
    if isinstance(parsed, list):
        if not parsed:
            raise BodyError("the body is an empty JSON list; send at least one record")
        return Intake(origin, [_document(record, origin, number, max_document_bytes, None) for number, record in enumerate(parsed, 1)])
    return Intake(origin, [_document(parsed, origin, 1, max_document_bytes, None)])


def _json_lines(body: bytes, origin: str, max_document_bytes: int) -> list[RawDocument | Rejection]:
    items: list[RawDocument | Rejection] = []
    for number, line in enumerate(body.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = parse_json_line(line)
        except InputError as exc:
            items.append(Rejection(STAGE, exc.code, f"line {number}: {exc}", origin=origin, line=number))
            continue
        items.append(_document(record, origin, number, max_document_bytes, line.strip()))
    return items
