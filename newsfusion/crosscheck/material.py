"""What the cross-check reads about a story: its articles, their extractions, and who depends on whom.

Corroboration counts independent sources, not articles (newsfusion.independence: one
duplicate group, or one credited wire agency, is one source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

from ..clean.metadata import parse_date
from ..extract.dates import resolve as resolve_date
from ..extract.entities import Entity
from ..extract.normalize import Mention, Resolution, resolve, title_mentions
from ..extract.timeframe import iso_day
from ..independence import SourceFacts, independent_groups
from ..store import Store

# How far from the story's anchor day a bare weekday ("on Tuesday") of an undated article may
# fall: the nearest such day within three days either side, so a week holds each weekday once.
WEEKDAY_WINDOW_DAYS = 3


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, as the cross-check reads it."""

    source_id: str
    title: str
    outlet: str | None
    published: str | None
    language: str | None
    text: str
    duplicate_group: str
    credited_agencies: tuple[str, ...]
    extraction: dict[str, Any] | None
    position: int  # arrival order within the story

    @property
    def day(self) -> date | None:
        return iso_day(self.published)


@dataclass(frozen=True)
class Material:
    """A story's articles, their independent-source groups, entity names and time anchor."""

    story_id: int | None
    articles: tuple[StoryArticle, ...]
    groups: dict[str, str]  # source_id -> independent group label
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    anchor: date | None = None  # the story's first known day
    title_forms: dict[str, list[str]] = field(default_factory=dict)  # source_id -> names found in its headline

    def article(self, source_id: str) -> StoryArticle:
        return next(item for item in self.articles if item.source_id == source_id)

    def independent(self, source_ids: Iterable[str]) -> int:
        """How many independent sources the articles amount to."""
        return len({self.groups[source_id] for source_id in source_ids})

    def day_of(self, article: StoryArticle, expression: str, resolved: str | None) -> date | None:
        """The day a date expression of an article means: its own resolution, else placed near the anchor."""
        day = iso_day(resolved) if resolved and len(resolved) == 10 else None
        if day is not None or article.day is not None or self.anchor is None:
            return day
        placed, granularity = resolve_date(expression, self.anchor, forward=True)
        if granularity != "day" or placed is None:
            return None
        candidate = iso_day(placed)
        if candidate is None:
            return None
        if (candidate - self.anchor).days > WEEKDAY_WINDOW_DAYS:
            candidate -= timedelta(days=7)
        return candidate


def _entity_resolutions(articles: list[StoryArticle], groups: dict[str, str]) -> tuple[dict[str, Resolution], dict[str, list[str]]]:
    mentions = [
        Mention(article.source_id, groups[article.source_id], Entity(**entity))
        for article in articles
        if article.extraction
        for entity in article.extraction["entities"]
    ]
    known = {mention.entity.text: mention.entity.type for mention in mentions if mention.entity.type != "NORP"}
    title_forms: dict[str, list[str]] = {}
    for article in articles:
        for entity in title_mentions(article.title, known):
            mentions.append(Mention(article.source_id, groups[article.source_id], entity))
            title_forms.setdefault(article.source_id, []).append(entity.text)
    aliases = [tuple(pair) for article in articles if article.extraction for pair in article.extraction.get("aliases", [])]
    return resolve(mentions, aliases), title_forms


def build_material(story_id: int | None, rows: list[dict[str, Any]], floor: str | None = None) -> Material:
    """Material from `Store.story_extractions`-shaped rows (source_id, title, text, details, group, extraction ...)."""
    articles = []
    for position, row in enumerate(rows):
        details = row.get("details") or {}
        published = row.get("published")
        articles.append(
            StoryArticle(
                source_id=row["source_id"],
                title=row.get("title") or "",
                outlet=row.get("outlet"),
                published=parse_date(published) if published else None,
                language=row.get("language"),
                text=row.get("text") or "",
                duplicate_group=str(row.get("group") or row["source_id"]),
                credited_agencies=tuple(details.get("credited_agencies") or ()),
                extraction=row.get("extraction"),
                position=position,
            )
        )
    groups = independent_groups(SourceFacts(a.source_id, a.duplicate_group, a.credited_agencies, a.outlet) for a in articles)
    days = [article.day for article in articles if article.day is not None]
    anchor = min(days) if days else iso_day(floor)
    resolutions, title_forms = _entity_resolutions(articles, groups)
    return Material(story_id, tuple(articles), groups, resolutions, anchor, title_forms)


def story_material(store: Store, story_id: int) -> Material | None:
    """The material of a stored story, or None when there is no such story."""
    story = store.story(story_id)
    if story is None:
        return None
    floor = (story.get("time") or {}).get("floor")
    return build_material(story_id, store.story_extractions(story_id), floor)
