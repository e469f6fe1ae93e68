"""SQL for extraction results."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .articles import now


def put_extraction(connection: sqlite3.Connection, article_id: int, data: dict[str, Any]) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO extractions (article_id, data, extracted_at) VALUES (?, ?, ?)",
        (article_id, json.dumps(data, ensure_ascii=False, separators=(",", ":")), now()),
    )


def await_extraction(connection: sqlite3.Connection, article_id: int, revision: int, queue: bool) -> None:
    """A new text for the article: its old extraction goes (its spans point into the old text);
    with `queue`, the extraction of `revision` is awaited."""
    connection.execute("DELETE FROM extractions WHERE article_id = ?", (article_id,))
    if queue:
        connection.execute(
            "INSERT OR REPLACE INTO pending_extractions (article_id, revision) VALUES (?, ?)", (article_id, revision)
        )
    else:
        connection.execute("DELETE FROM pending_extractions WHERE article_id = ?", (article_id,))


def finish_extraction(connection: sqlite3.Connection, article_id: int, revision: int, data: dict[str, Any]) -> bool:
    """Write the extraction of the article's `revision` if that is the one awaited; False if it is stale."""
    deleted = connection.execute(
        "DELETE FROM pending_extractions WHERE article_id = ? AND revision = ?", (article_id, revision)
    ).rowcount
    if deleted:
        put_extraction(connection, article_id, data)
        connection.execute("INSERT INTO change_log (source_id) SELECT source_id FROM articles WHERE id = ?", (article_id,))
    return bool(deleted)


def pending_extractions(connection: sqlite3.Connection) -> list[tuple[int, int, dict[str, Any]]]:
    """Awaited extractions as (article id, revision, article record), oldest article first."""
    from .articles import _article_from_row

    rows = connection.execute(
        "SELECT p.article_id, p.revision AS awaited, a.* FROM pending_extractions p JOIN articles a ON a.id = p.article_id"
        " WHERE a.revision = p.revision ORDER BY a.seq"
    ).fetchall()
    return [(int(row["article_id"]), int(row["awaited"]), _article_from_row(row)) for row in rows]


def extraction_pending(connection: sqlite3.Connection, source_id: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM pending_extractions p JOIN articles a ON a.id = p.article_id WHERE a.source_id = ?", (source_id,)
    ).fetchone()
    return row is not None


def extraction(connection: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    row = connection.execute(
        "SELECT e.data FROM extractions e JOIN articles a ON a.id = e.article_id WHERE a.source_id = ?", (source_id,)
    ).fetchone()
    return None if row is None else json.loads(row[0])


def story_extractions(connection: sqlite3.Connection, story_id: int) -> list[dict[str, Any]]:
    """The story's articles with their extraction, duplicate group and metadata, in arrival order."""
    rows = connection.execute(
        "SELECT a.source_id, a.seq, a.title, a.outlet, a.published, a.language, a.text, a.details, d.group_id, e.data"
        " FROM story_articles m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN dedupe d ON d.article_id = a.id LEFT JOIN extractions e ON e.article_id = a.id"
        " WHERE m.story_id = ? ORDER BY a.seq",
        (story_id,),
    ).fetchall()
    return [
        {
            "source_id": row["source_id"],
            "seq": row["seq"],
            "title": row["title"],
            "outlet": row["outlet"],
            "published": row["published"],
            "language": row["language"],
            "text": row["text"],
            "details": json.loads(row["details"]),
            "group": str(row["group_id"]) if row["group_id"] is not None else row["source_id"],
            "extraction": json.loads(row["data"]) if row["data"] else None,
        }
        for row in rows
    ]
