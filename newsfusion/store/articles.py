"""SQL for documents (inputs as received), articles (their cleaned current revision) and rejects."""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import datetime, timezone
from typing import Any, Iterator

from ..types import Article, RawDocument, Rejection, RemovedText, StoredOutcome


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def known_revision(connection: sqlite3.Connection, source_id: str, content_hash: str) -> int | None:
    """The revision that already holds exactly this content, if any."""
    row = connection.execute(
        "SELECT revision FROM documents WHERE source_id = ? AND content_hash = ?", (source_id, content_hash)
    ).fetchone()
    return None if row is None else int(row[0])


def insert_document(connection: sqlite3.Connection, document: RawDocument) -> tuple[StoredOutcome, int | None]:
    """Store a received document as the next revision of its source_id, unless its content is known.

    Returns what happened and the new row's id (None when unchanged).
    """
    existing = known_revision(connection, document.source_id, document.content_hash)
    if existing is not None:
        return StoredOutcome(document.source_id, "unchanged", existing), None
    latest = connection.execute("SELECT MAX(revision) FROM documents WHERE source_id = ?", (document.source_id,)).fetchone()[0]
    revision = 1 if latest is None else int(latest) + 1
    cursor = connection.execute(
        "INSERT INTO documents (source_id, revision, content_hash, format, origin, line, url, encoding, received_at, raw)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.source_id,
            revision,
            document.content_hash,
            document.format,
            document.origin,
            document.line,
            document.url,
            document.encoding,
            now(),
            zlib.compress(document.raw, 1),
        ),
    )
    connection.execute("INSERT INTO change_log (source_id) VALUES (?)", (document.source_id,))
    return StoredOutcome(document.source_id, "new" if revision == 1 else "revision", revision), int(cursor.lastrowid)


def input_version(connection: sqlite3.Connection) -> int:
    """A number that grows whenever an input is stored, by this process or another."""
    return int(connection.execute("SELECT COALESCE(MAX(id), 0) FROM documents").fetchone()[0])


# Article fields kept in the `details` JSON column rather than columns of their own.
DETAIL_FIELDS = (
    "outlet_source",
    "published_source",
    "published_confidence",
    "language_score",
    "byline",
    "dateline",
)


def _details(article: Article) -> str:
    return json.dumps(
        {
            **{name: getattr(article, name) for name in DETAIL_FIELDS},
            "credited_agencies": list(article.credited_agencies),
            "removed": [{"text": item.text, "reason": item.reason} for item in article.removed],
            "metadata": dict(article.metadata),
        },
        ensure_ascii=False,
        default=str,
    )


def upsert_article(connection: sqlite3.Connection, article: Article, document_id: int, revision: int) -> int:
    """Make `article` the current revision of its source_id; its arrival order is the first revision's.

    Returns the article's row id.
    """
    values = (
        revision,
        document_id,
        article.url,
        article.outlet,
        article.title,
        article.published,
        article.language,
        article.text,
        _details(article),
        now(),
    )
    updated = connection.execute(
        "UPDATE articles SET revision = ?, document_id = ?, url = ?, outlet = ?, title = ?, published = ?,"
        " language = ?, text = ?, details = ?, updated_at = ? WHERE source_id = ?",
        (*values, article.source_id),
    ).rowcount
    if updated:
        return int(connection.execute("SELECT id FROM articles WHERE source_id = ?", (article.source_id,)).fetchone()[0])
    seq = connection.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
    cursor = connection.execute(
        "INSERT INTO articles (revision, document_id, url, outlet, title, published, language, text, details,"
        " updated_at, source_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*values, article.source_id, seq),
    )
    return int(cursor.lastrowid)


def insert_rejection(connection: sqlite3.Connection, rejection: Rejection) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO rejects (stage, code, message, source_id, origin, line, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            rejection.stage,
            rejection.code,
            rejection.message,
            rejection.source_id or "",
            rejection.origin or "",
            rejection.line or 0,
            now(),
        ),
    )


def _article_from_row(row: sqlite3.Row) -> dict[str, Any]:
    details = json.loads(row["details"])
    return {
        "source_id": row["source_id"],
        "revision": row["revision"],
        "seq": row["seq"],
        "url": row["url"],
        "outlet": row["outlet"],
        "title": row["title"],
        "published": row["published"],
        "language": row["language"],
        "text": row["text"],
        **{name: details.get(name) for name in DETAIL_FIELDS},
        "credited_agencies": details.get("credited_agencies", []),
        "removed": details.get("removed", []),
        "metadata": details.get("metadata", {}),
    }


def article_from_record(record: dict[str, Any]) -> Article:
    """The Article an `article_record` was stored from."""
    return Article(
        source_id=record["source_id"],
        text=record["text"],
        **{name: record[name] for name in ("title", "url", "outlet", "published", "language", *DETAIL_FIELDS)},
        credited_agencies=tuple(record["credited_agencies"]),
        removed=tuple(RemovedText(item["text"], item["reason"]) for item in record["removed"]),
        metadata=record["metadata"],
    )


def article_record(connection: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    row = connection.execute("SELECT * FROM articles WHERE source_id = ?", (source_id,)).fetchone()
    return None if row is None else _article_from_row(row)


def article_records(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in connection.execute("SELECT * FROM articles ORDER BY seq"):
        yield _article_from_row(row)


def revisions(connection: sqlite3.Connection, source_id: str) -> list[dict[str, Any]]:
    """Every stored revision of a source_id, oldest first, without the raw bytes."""
    rows = connection.execute(
        "SELECT revision, content_hash, format, origin, line, received_at FROM documents WHERE source_id = ? ORDER BY revision",
        (source_id,),
    ).fetchall()
    return [dict(row) for row in rows]


def raw_document(connection: sqlite3.Connection, source_id: str, revision: int) -> dict[str, Any] | None:
    """One stored input with its received bytes, to parse and process again."""
    row = connection.execute(
        "SELECT source_id, revision, format, origin, line, url, raw FROM documents WHERE source_id = ? AND revision = ?",
        (source_id, revision),
    ).fetchone()
    if row is None:
        return None
    record = dict(row)
    record["raw"] = zlib.decompress(row["raw"])
    return record


def rejection_records(connection: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT stage, code, message, source_id, origin, line, created_at FROM rejects ORDER BY id"
    rows = connection.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ()).fetchall()
    return [dict(row) for row in rows]


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    """How much the store holds."""
    one = lambda sql: int(connection.execute(sql).fetchone()[0])  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "documents": one("SELECT COUNT(*) FROM documents"),
        "rejects": one("SELECT COUNT(*) FROM rejects"),
    }
