"""Full-text search over articles with SQLite FTS5.

User text is never passed to FTS5 as query syntax: it is split into words and each word is
quoted, so operators, quotes and SQL-shaped strings are searched for as plain text.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 query matching articles that hold every word of `text` (None when it has no words)."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{word}"' for word in words)


def search_articles(connection: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching every word of `text`, best first (BM25), each with a highlighted snippet."""
    query = fts_query(text)
    if query is None:
        return []
    rows = connection.execute(
        "SELECT a.source_id, a.title, a.outlet, a.published, bm25(articles_fts) AS score,"
        " snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY score, a.seq LIMIT ? OFFSET ?",
        (query, limit, offset),
    ).fetchall()
    return [dict(row) for row in rows]
