"""The records that flow between newsfusion's stages.

Frozen dataclasses only: no logic lives here. A stage takes one of these and returns the
next one, or a `Rejection` saying why it could not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

# The formats a RawDocument can carry. Feed entries and fetched URLs are normalised into
# JSON records, so everything stored is one of these three and can be parsed again.
FORMAT_TEXT = "text"
FORMAT_HTML = "html"
FORMAT_JSON = "json"


@dataclass(frozen=True)
class RawDocument:
    """One input document exactly as received, plus the fields its reader found in it.

    `raw` holds the received bytes (a text file, an HTML page, one JSON record) so that any
    later stage can be re-run from the store.
    """

    source_id: str
    format: str
    origin: str
    raw: bytes
    content_hash: str
    line: int | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    encoding: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    """An input, or one stage's work on it, that could not be done, and why.

    `code` is a short machine-readable reason (`binary`, `empty`, `bad_json`...); `message`
    is one line that says what is wrong and what to do about it.
    """

    stage: str
    code: str
    message: str
    source_id: str | None = None
    origin: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class RemovedText:
    """A piece of the input that cleaning took out of the article text, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text a reader would see, with its metadata and what was removed.

    Each piece of metadata that can come from more than one place says where it came from
    (`published_source`: record, html, text or embed; `outlet_source`: record, html, url or
    masthead) and, for dates, how far to trust it.
    """

    source_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    published: str | None = None
    published_source: str | None = None
    published_confidence: float | None = None
    language: str | None = None
    language_score: float | None = None
    byline: str | None = None
    credited_agencies: tuple[str, ...] = ()
    dateline: str | None = None
    removed: tuple[RemovedText, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredOutcome:
    """What the store did with one article: stored it new, as a revision, or found it unchanged."""

    source_id: str
    status: str  # "new" | "revision" | "unchanged"
    revision: int
