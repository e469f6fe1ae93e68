"""The store: the one place with SQL. Every stage, the CLI and the web read and write through it."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..types import Article, RawDocument, Rejection, StoredOutcome
from . import articles as _articles
from . import dedupe as _dedupe
from . import extractions as _extractions
from . import stories as _stories
from . import templates as _templates
from . import web_queries as _web_queries
from .database import Database
from .search import search_articles

__all__ = ["Store"]


class Store:
    """A newsfusion database: documents, articles, rejections and search over them."""

    def __init__(self, path: str, read_only: bool = False):
        self.db = Database(path, read_only=read_only)
        self.path = path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing: call inside `with store.db.write():` to group many into one transaction --

    def is_known(self, document: RawDocument) -> bool:
        """True when this exact content is already stored under its source_id."""
        return _articles.known_revision(self.db.connection, document.source_id, document.content_hash) is not None

    def add_document(self, document: RawDocument) -> tuple[StoredOutcome, int | None]:
        with self.db.write() as connection:
            return _articles.insert_document(connection, document)

    def put_article(self, article: Article, document_id: int, revision: int) -> int:
        """Store the article as the current revision of its source_id; return its row id."""
        with self.db.write() as connection:
            return _articles.upsert_article(connection, article, document_id, revision)

    def add_rejection(self, rejection: Rejection) -> None:
        with self.db.write() as connection:
            _articles.insert_rejection(connection, rejection)

    def add_outlet_lines(self, increments: dict[tuple[str, int], int]) -> None:
        with self.db.write() as connection:
            _templates.add_outlet_lines(connection, increments)

    def outlet_line_counts(self, outlet: str, keys: Iterable[int]) -> dict[int, int]:
        return _templates.outlet_line_counts(self.db.connection, outlet, keys)

    def put_signature(self, article_id: int, group_id: int, exact_hash: str, shingles: int, minhash: bytes | None, similarity: float) -> None:
        with self.db.write() as connection:
            _dedupe.put_signature(connection, article_id, group_id, exact_hash, shingles, minhash, similarity)

    def exact_duplicate(self, exact_hash: str, exclude: int | None = None) -> tuple[int, int] | None:
        return _dedupe.exact_duplicate(self.db.connection, exact_hash, exclude)

    def recent_signatures(self, limit: int) -> list[tuple[int, int, int, bytes]]:
        return _dedupe.recent_signatures(self.db.connection, limit)

    def duplicate_group(self, source_id: str) -> dict[str, Any] | None:
        return _dedupe.group_of(self.db.connection, source_id)

    def group_ids(self) -> list[dict[str, Any]]:
        return _dedupe.group_ids(self.db.connection)

    # -- extractions -------------------------------------------------------------------------

    def put_extraction(self, article_id: int, data: dict[str, Any]) -> None:
        with self.db.write() as connection:
            _extractions.put_extraction(connection, article_id, data)

    def await_extraction(self, article_id: int, revision: int, queue: bool = True) -> None:
        with self.db.write() as connection:
            _extractions.await_extraction(connection, article_id, revision, queue)

    def finish_extraction(self, article_id: int, revision: int, data: dict[str, Any]) -> bool:
        with self.db.write() as connection:
            return _extractions.finish_extraction(connection, article_id, revision, data)

    def pending_extractions(self) -> list[tuple[int, int, Article]]:
        """Articles stored whose extraction was never written (a run stopped in between), oldest first."""
        return [
            (article_id, revision, _articles.article_from_record(record))
            for article_id, revision, record in _extractions.pending_extractions(self.db.connection)
        ]

    def extraction_pending(self, source_id: str) -> bool:
        """True while the article's extraction (of its current text) is still to be written."""
        return _extractions.extraction_pending(self.db.connection, source_id)

    def extraction(self, source_id: str) -> dict[str, Any] | None:
        return _extractions.extraction(self.db.connection, source_id)

    def story_extractions(self, story_id: int) -> list[dict[str, Any]]:
        return _extractions.story_extractions(self.db.connection, story_id)

    # -- stories (the clusterer's state) --------------------------------------------------------

    def max_story_and_thread_ids(self) -> tuple[int, int]:
        return _stories.max_ids(self.db.connection)

    def put_story(self, story: Any) -> None:
        with self.db.write() as connection:
            _stories.put_story(connection, story)

    def put_story_member(self, article_id: int, story_id: int, similarity: float) -> None:
        with self.db.write() as connection:
            _stories.put_story_member(connection, article_id, story_id, similarity)

    def merge_stories(self, fold: int, keep: int) -> None:
        with self.db.write() as connection:
            _stories.merge_stories(connection, fold, keep)

    def put_thread(self, thread: Any) -> None:
        with self.db.write() as connection:
            _stories.put_thread(connection, thread)

    def active_stories(self, limit: int) -> list[Any]:
        return _stories.active_stories(self.db.connection, limit)

    def active_threads(self, limit: int) -> list[Any]:
        return _stories.active_threads(self.db.connection, limit)

    def stories(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return _stories.story_records(self.db.connection, limit, offset)

    def story(self, story_id: int) -> dict[str, Any] | None:
        return _stories.story_record(self.db.connection, story_id)

    def live_story_size(self, story_id: int) -> tuple[int, int] | None:
        return _stories.live_story_size(self.db.connection, story_id)

    def story_of(self, source_id: str) -> int | None:
        return _stories.story_of(self.db.connection, source_id)

    def live_story_count(self) -> int:
        return _stories.live_story_count(self.db.connection)

    def add_placeholder_article(self, source_id: str, title: str | None) -> int:
        with self.db.write() as connection:
            return _stories.add_placeholder_article(connection, source_id, title)

    def story_assignments(self) -> list[dict[str, Any]]:
        return _stories.story_assignments(self.db.connection)

    # -- reading -----------------------------------------------------------------------------

    def article_seq(self, article_id: int) -> int:
        return int(self.db.connection.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()[0])

    def article(self, source_id: str) -> dict[str, Any] | None:
        return _articles.article_record(self.db.connection, source_id)

    def articles(self) -> Iterator[dict[str, Any]]:
        return _articles.article_records(self.db.connection)

    def revisions(self, source_id: str) -> list[dict[str, Any]]:
        return _articles.revisions(self.db.connection, source_id)

    def raw_document(self, source_id: str, revision: int) -> dict[str, Any] | None:
        return _articles.raw_document(self.db.connection, source_id, revision)

    def rejections(self, limit: int | None = None) -> list[dict[str, Any]]:
        return _articles.rejection_records(self.db.connection, limit)

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        return search_articles(self.db.connection, text, limit, offset)

    def counts(self) -> dict[str, int]:
        return _articles.counts(self.db.connection)

    def version(self) -> int:
        """A number that grows whenever an input is stored or an extraction written, by this process or another."""
        return _web_queries.store_version(self.db.connection)

    def input_version(self) -> int:
        """A number that grows whenever an input is stored, by this process or another."""
        return _articles.input_version(self.db.connection)
