"""SQL for stories, their members and threads: the clusterer's state and the story listings."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..independence import SourceFacts, independent_groups
from .articles import now

if TYPE_CHECKING:
    from ..cluster.clusterer import StoryState, ThreadState

# Key terms and entities shown per story.
SHOWN_TERMS = 8


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def max_ids(connection: sqlite3.Connection) -> tuple[int, int]:
    story = connection.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()[0]
    thread = connection.execute("SELECT COALESCE(MAX(id), 0) FROM threads").fetchone()[0]
    return int(story), int(thread)


def put_story(connection: sqlite3.Connection, story: "StoryState") -> None:
    from ..cluster.clusterer import vectors_json

    time = story.time
    connection.execute(
        "INSERT INTO stories (id, thread_id, title, title_vector, articles, vector, floor_day, ceiling_day, floor_confidence,"
        " ceiling_confidence, first_published, last_published, first_seq, last_seq, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET thread_id = excluded.thread_id, title = excluded.title, title_vector = excluded.title_vector,"
        " articles = excluded.articles, vector = excluded.vector, floor_day = excluded.floor_day, ceiling_day = excluded.ceiling_day,"
        " floor_confidence = excluded.floor_confidence, ceiling_confidence = excluded.ceiling_confidence,"
        " first_published = excluded.first_published, last_published = excluded.last_published, first_seq = excluded.first_seq,"
        " last_seq = excluded.last_seq, updated_at = excluded.updated_at",
        (
            story.id,
            story.thread_id,
            story.title,
            vectors_json(story.title_vector),
            story.articles,
            vectors_json(story.vector),
            _iso(time.floor),
            _iso(time.ceiling),
            time.floor_confidence,
            time.ceiling_confidence,
            _iso(time.first_published),
            _iso(time.last_published),
            story.first_seq,
            story.last_seq,
            now(),
        ),
    )


def put_story_member(connection: sqlite3.Connection, article_id: int, story_id: int, similarity: float) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity) VALUES (?, ?, ?)", (article_id, story_id, similarity)
    )


def merge_stories(connection: sqlite3.Connection, fold: int, keep: int) -> None:
    """Move a folded story's articles to the story it was merged into, and say so on the folded one."""
    connection.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (keep, fold))
    connection.execute("UPDATE stories SET merged_into = ?, articles = 0 WHERE id = ?", (keep, fold))
    connection.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (keep, fold))


def put_thread(connection: sqlite3.Connection, thread: "ThreadState") -> None:
    from ..cluster.clusterer import vectors_json

    connection.execute(
        "INSERT INTO threads (id, title, stories, vector, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET title = excluded.title, stories = excluded.stories, vector = excluded.vector,"
        " first_seq = excluded.first_seq, last_seq = excluded.last_seq",
        (thread.id, thread.title, thread.stories, vectors_json(thread.vector), thread.first_seq, thread.last_seq),
    )


def active_stories(connection: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    """The `limit` most recently updated live stories, oldest first (the clusterer's working set)."""
    rows = connection.execute(
        "SELECT * FROM stories WHERE merged_into IS NULL AND articles > 0 ORDER BY last_seq DESC LIMIT ?", (limit,)
    ).fetchall()
    return list(reversed(rows))


def active_threads(connection: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    rows = connection.execute("SELECT * FROM threads WHERE stories > 0 ORDER BY last_seq DESC LIMIT ?", (limit,)).fetchall()
    return list(reversed(rows))


def _story_record(connection: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    members = connection.execute(
        "SELECT a.source_id, a.outlet, a.published, a.updated_at, a.details, d.group_id FROM story_articles m"
        " JOIN articles a ON a.id = m.article_id LEFT JOIN dedupe d ON d.article_id = a.id"
        " WHERE m.story_id = ? ORDER BY a.seq",
        (row["id"],),
    ).fetchall()
    vector = json.loads(row["vector"])
    ranked = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
    outlets = Counter(member["outlet"] for member in members if member["outlet"])
    groups = set(
        independent_groups(
            SourceFacts(
                member["source_id"],
                str(member["group_id"]) if member["group_id"] is not None else member["source_id"],
                tuple(json.loads(member["details"]).get("credited_agencies") or ()),
                member["outlet"],
            )
            for member in members
        ).values()
    )
    arrivals = [member["updated_at"] for member in members]
    return {
        "id": row["id"],
        "title": row["title"],
        "thread_id": row["thread_id"],
        "first_seen": row["first_published"] or (min(arrivals) if arrivals else None),
        "last_seen": row["last_published"] or (max(arrivals) if arrivals else None),
        "articles": [member["source_id"] for member in members],
        "article_count": len(members),
        "independent_sources": len(groups),
        "outlets": sorted(outlets),
        "key_terms": [key for key, _ in ranked if key[0] not in "~#@"][:SHOWN_TERMS],
        "entities": [key[1:] for key, _ in ranked if key[0] == "~"][:SHOWN_TERMS],
        "time": {
            "floor": row["floor_day"],
            "ceiling": row["ceiling_day"],
            "first_published": row["first_published"],
            "last_published": row["last_published"],
        },
    }


def story_records(connection: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Live stories, most recently updated first, each with its members' source_ids."""
    sql = "SELECT * FROM stories WHERE merged_into IS NULL AND articles > 0 ORDER BY last_seq DESC"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (limit, offset)
    return [_story_record(connection, row) for row in connection.execute(sql, params).fetchall()]


def live_story_size(connection: sqlite3.Connection, story_id: int) -> tuple[int, int] | None:
    """(id, article count) of the live story `story_id` is or was folded into; None if unknown."""
    while True:
        row = connection.execute("SELECT id, merged_into, articles FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        if row["merged_into"] is None:
            return int(row["id"]), int(row["articles"])
        story_id = row["merged_into"]


def story_record(connection: sqlite3.Connection, story_id: int) -> dict[str, Any] | None:
    """One story; a story merged into another answers with the one it became."""
    row = connection.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    if row["merged_into"] is not None:
        return story_record(connection, row["merged_into"])
    return _story_record(connection, row)


def story_of(connection: sqlite3.Connection, source_id: str) -> int | None:
    row = connection.execute(
        "SELECT m.story_id FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE a.source_id = ?", (source_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def story_assignments(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every clustered article's source_id with its story and thread."""
    rows = connection.execute(
        "SELECT a.source_id, m.story_id, s.thread_id FROM story_articles m JOIN articles a ON a.id = m.article_id"
        " JOIN stories s ON s.id = m.story_id ORDER BY a.seq"
    ).fetchall()
    return [dict(row) for row in rows]


def live_story_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL AND articles > 0").fetchone()[0])


def add_placeholder_article(connection: sqlite3.Connection, source_id: str, title: str | None) -> int:
    """An article row with no text or document, for benchmarks that replay features without articles."""
    seq = connection.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
    document = connection.execute(
        "INSERT INTO documents (source_id, revision, content_hash, format, origin, received_at, raw)"
        " VALUES (?, 1, ?, 'json', 'bench', ?, x'')",
        (source_id, source_id, now()),
    ).lastrowid
    return int(
        connection.execute(
            "INSERT INTO articles (source_id, seq, revision, document_id, title, text, updated_at) VALUES (?, ?, 1, ?, ?, '', ?)",
            (source_id, seq, document, title, now()),
        ).lastrowid
    )
