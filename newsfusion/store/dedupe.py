"""SQL for duplicate groups: signatures of recent articles, exact-hash lookups, group members."""

from __future__ import annotations

import sqlite3
from typing import Any


def exact_duplicate(connection: sqlite3.Connection, exact_hash: str, exclude: int | None) -> tuple[int, int] | None:
    row = connection.execute(
        "SELECT article_id, group_id FROM dedupe WHERE exact_hash = ? AND article_id != ? ORDER BY article_id LIMIT 1",
        (exact_hash, exclude if exclude is not None else -1),
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def recent_signatures(connection: sqlite3.Connection, limit: int) -> list[tuple[int, int, int, bytes]]:
    """(article id, group id, shingles, minhash) of the `limit` latest articles with a signature, oldest first."""
    rows = connection.execute(
        "SELECT article_id, group_id, shingles, minhash FROM dedupe WHERE minhash IS NOT NULL ORDER BY article_id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [(int(a), int(g), int(s), bytes(m)) for a, g, s, m in reversed(rows)]


def put_signature(
    connection: sqlite3.Connection, article_id: int, group_id: int, exact_hash: str, shingles: int, minhash: bytes | None, similarity: float
) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO dedupe (article_id, group_id, exact_hash, shingles, minhash, similarity) VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, group_id, exact_hash, shingles, minhash, similarity),
    )


def group_of(connection: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    """The duplicate group an article belongs to: its original and every member with outlet and URL."""
    row = connection.execute(
        "SELECT d.group_id FROM dedupe d JOIN articles a ON a.id = d.article_id WHERE a.source_id = ?", (source_id,)
    ).fetchone()
    if row is None:
        return None
    members = connection.execute(
        "SELECT a.source_id, a.outlet, a.url, a.published, d.similarity, a.id = d.group_id AS original"
        " FROM dedupe d JOIN articles a ON a.id = d.article_id WHERE d.group_id = ? ORDER BY a.seq",
        (row[0],),
    ).fetchall()
    original = next((m["source_id"] for m in members if m["original"]), members[0]["source_id"])
    return {
        "group": original,
        "articles": [
            {"source_id": m["source_id"], "outlet": m["outlet"], "url": m["url"], "published": m["published"], "similarity": m["similarity"]}
            for m in members
        ],
    }


def group_ids(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every article's source_id with its duplicate group id."""
    rows = connection.execute("SELECT a.source_id, d.group_id FROM dedupe d JOIN articles a ON a.id = d.article_id").fetchall()
    return [dict(row) for row in rows]
