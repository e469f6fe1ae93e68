"""The store: the one place with SQL. Every stage, the CLI and the web read and write through it."""

from __future__ import annotations

from typing import Any, Iterator

from ..types import Article, RawDocument, Rejection, StoredOutcome
from . import articles as _articles
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

    def put_article(self, article: Article, document_id: int, revision: int) -> None:
        with self.db.write() as connection:
            _articles.upsert_article(connection, article, document_id, revision)

    def add_rejection(self, rejection: Rejection) -> None:
        with self.db.write() as connection:
            _articles.insert_rejection(connection, rejection)

    # -- reading -----------------------------------------------------------------------------

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
