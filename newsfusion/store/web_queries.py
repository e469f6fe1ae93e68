"""Read-only SQL behind the web UI and HTTP API: filtered story pages, entity and event listings, change tracking.

Every function takes a connection and only reads. User text reaches SQL as bound parameters,
and full-text queries go through `fts_query`, which quotes each word, so no input is ever
read as SQL or FTS5 syntax.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .search import fts_query

# A story's time span: its members' publication dates, else the event timeframe the clusterer inferred.
_STORY_START = "substr(COALESCE(s.first_published, s.floor_day, s.last_published, s.ceiling_day), 1, 10)"
_STORY_END = "substr(COALESCE(s.last_published, s.ceiling_day, s.first_published, s.floor_day), 1, 10)"


@dataclass(frozen=True)
class StoryFilter:
    """What a story listing is narrowed to; None means no narrowing on that field."""

    since: str | None = None  # ISO date: the story ends on or after it
    until: str | None = None  # ISO date: the story starts on or before it
    outlet: str | None = None  # an outlet of one of its articles (case-insensitive)
    entity: str | None = None  # a name one of its articles mentions (whole words, case-insensitive)
    text: str | None = None  # words every one of which some article of the story holds


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _story_where(filters: StoryFilter) -> tuple[str, list[Any]] | None:
    """The WHERE clause and its parameters, or None when the filter can match nothing."""
    clauses = ["s.merged_into IS NULL", "s.articles > 0"]
    params: list[Any] = []
    if filters.since:
        clauses.append(f"{_STORY_END} >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{_STORY_START} <= ?")
        params.append(filters.until)
    if filters.outlet:
        clauses.append(
            "EXISTS (SELECT 1 FROM story_articles m JOIN articles a ON a.id = m.article_id"
            " WHERE m.story_id = s.id AND a.outlet = ? COLLATE NOCASE)"
        )
        params.append(filters.outlet)
    if filters.entity:
        name = _like_escape(filters.entity.strip())
        clauses.append(
            "EXISTS (SELECT 1 FROM story_articles m JOIN extractions e ON e.article_id = m.article_id,"
            " json_each(e.data, '$.entities') j WHERE m.story_id = s.id AND ("
            " json_extract(j.value, '$.text') LIKE ? ESCAPE '\\' OR json_extract(j.value, '$.text') LIKE ? ESCAPE '\\'"
            " OR json_extract(j.value, '$.text') LIKE ? ESCAPE '\\' OR json_extract(j.value, '$.text') LIKE ? ESCAPE '\\'))"
        )
        params.extend([name, name + " %", "% " + name, "% " + name + " %"])
    if filters.text is not None:
        query = fts_query(filters.text)
        if query is None:
            return None
        clauses.append(
            "s.id IN (SELECT m.story_id FROM articles_fts JOIN story_articles m ON m.article_id = articles_fts.rowid"
            " WHERE articles_fts MATCH ?)"
        )
        params.append(query)
    return " AND ".join(clauses), params


def story_page(connection: sqlite3.Connection, filters: StoryFilter, limit: int, offset: int) -> tuple[list[int], int]:
    """Ids of the live stories matching `filters`, most recently updated first, and how many match in all."""
    where = _story_where(filters)
    if where is None:
        return [], 0
    clause, params = where
    total = int(connection.execute(f"SELECT COUNT(*) FROM stories s WHERE {clause}", params).fetchone()[0])
    rows = connection.execute(
        f"SELECT s.id FROM stories s WHERE {clause} ORDER BY s.last_seq DESC, s.id DESC LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return [int(row[0]) for row in rows], total


def store_version(connection: sqlite3.Connection) -> int:
    """A number that grows whenever an input is stored (a new article or a new revision) or an
    article's extraction is written."""
    return int(connection.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0])


def stories_changed_since(connection: sqlite3.Connection, version: int) -> list[int]:
    """Stories that gained or changed an article, or got an article's extraction, after `version`,
    and the stories merged into them."""
    rows = connection.execute(
        "SELECT DISTINCT m.story_id FROM change_log c JOIN articles a ON a.source_id = c.source_id"
        " JOIN story_articles m ON m.article_id = a.id WHERE c.id > ?",
        (version,),
    ).fetchall()
    changed = {int(row[0]) for row in rows}
    if changed:
        marks = ",".join("?" * len(changed))
        merged = connection.execute(f"SELECT id FROM stories WHERE merged_into IN ({marks})", sorted(changed)).fetchall()
        changed.update(int(row[0]) for row in merged)
    return sorted(changed)


def story_versions(connection: sqlite3.Connection, story_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """For each story: (its article count, the newest stored input among them, how many have their
    extraction written); changes when its content does, and when an extraction lands after the article."""
    if not story_ids:
        return {}
    marks = ",".join("?" * len(story_ids))
    rows = connection.execute(
        "SELECT m.story_id, COUNT(*), MAX(a.document_id), COUNT(e.article_id) FROM story_articles m"
        " JOIN articles a ON a.id = m.article_id LEFT JOIN extractions e ON e.article_id = a.id"
        f" WHERE m.story_id IN ({marks}) GROUP BY m.story_id",
        story_ids,
    ).fetchall()
    return {int(row[0]): (int(row[1]), int(row[2]), int(row[3])) for row in rows}


def entity_page(
    connection: sqlite3.Connection, name: str | None, entity_type: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Entity names as the articles wrote them, with how many articles and mentions, most widespread first.

    `name` keeps names holding it (case-insensitive); `entity_type` keeps one type (PERSON, ORG, ...).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if name:
        clauses.append("json_extract(j.value, '$.text') LIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(name.strip()) + "%")
    if entity_type:
        clauses.append("json_extract(j.value, '$.type') = ?")
        params.append(entity_type.upper())
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    grouped = (
        "SELECT json_extract(j.value, '$.text') AS text, json_extract(j.value, '$.type') AS type,"
        " COUNT(DISTINCT e.article_id) AS articles, COUNT(*) AS mentions"
        f" FROM extractions e, json_each(e.data, '$.entities') j {where} GROUP BY 1, 2"
    )
    total = int(connection.execute(f"SELECT COUNT(*) FROM ({grouped})", params).fetchone()[0])
    rows = connection.execute(
        f"{grouped} ORDER BY articles DESC, mentions DESC, text LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return [dict(row) for row in rows], total


def article_page(connection: sqlite3.Connection, outlet: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Articles newest arrival first (without their text), optionally of one outlet, and how many in all."""
    where, params = ("WHERE a.outlet = ? COLLATE NOCASE", [outlet]) if outlet else ("", [])
    total = int(connection.execute(f"SELECT COUNT(*) FROM articles a {where}", params).fetchone()[0])
    rows = connection.execute(
        "SELECT a.source_id, a.seq, a.title, a.outlet, a.published, a.url, a.language, m.story_id"
        f" FROM articles a LEFT JOIN story_articles m ON m.article_id = a.id {where}"
        " ORDER BY a.seq DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [dict(row) for row in rows], total


def stories_of(connection: sqlite3.Connection, source_ids: list[str]) -> dict[str, int]:
    """The story of each of these articles (articles not in a story are left out)."""
    if not source_ids:
        return {}
    marks = ",".join("?" * len(source_ids))
    rows = connection.execute(
        f"SELECT a.source_id, m.story_id FROM articles a JOIN story_articles m ON m.article_id = a.id WHERE a.source_id IN ({marks})",
        source_ids,
    ).fetchall()
    return {row[0]: int(row[1]) for row in rows}


def event_page(
    connection: sqlite3.Connection, event_type: str | None, story_id: int | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Coded events (who did what to whom) as the extract stage stored them, newest article first.

    Each is the stored event record plus the `source_id` and `story_id` of its article;
    `event_type` keeps one PLOVER type, `story_id` one story's articles.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if event_type:
        clauses.append("json_extract(j.value, '$.type') = ?")
        params.append(event_type.upper())
    if story_id is not None:
        clauses.append("m.story_id = ?")
        params.append(story_id)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    source = (
        "FROM extractions e JOIN articles a ON a.id = e.article_id LEFT JOIN story_articles m ON m.article_id = a.id,"
        f" json_each(e.data, '$.events') j {where}"
    )
    total = int(connection.execute(f"SELECT COUNT(*) {source}", params).fetchone()[0])
    rows = connection.execute(
        f"SELECT a.source_id, m.story_id, j.value AS event {source} ORDER BY a.seq DESC, j.key LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    events = [{"source_id": row["source_id"], "story_id": row["story_id"], **json.loads(row["event"])} for row in rows]
    return events, total
