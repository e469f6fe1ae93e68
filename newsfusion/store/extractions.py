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
