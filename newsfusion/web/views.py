"""What each page and API route shows, as plain dicts: the HTML pages render these, the API returns them.

Keeping one function per view means every HTML page has a JSON twin with the same content.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..article_view import article_record, story_resolutions
from ..store import Store
from ..store.web_queries import StoryFilter, article_page, entity_page, event_page, stories_of, story_page
from .readers import BriefCache

# Fact statuses a story list shows as badges, and what they are called there.
BADGE_STATUSES = {"conflict": "conflicts", "updated": "updates"}


def _badges(brief: dict[str, Any] | None) -> dict[str, int]:
    counts = {name: 0 for name in BADGE_STATUSES.values()}
    for fact in (brief or {}).get("facts", []):
        name = BADGE_STATUSES.get(fact.get("status"))
        if name:
            counts[name] += 1
    return counts


def story_list(store: Store, briefs: BriefCache, filters: StoryFilter, limit: int, offset: int) -> dict[str, Any]:
    """A page of stories, most recently updated first, with conflict and update counts when briefs exist."""
    ids, total = story_page(store.db.connection, filters, limit, offset)
    records = [record for record in (store.story(story_id) for story_id in ids) if record is not None]
    # A story of one article has nothing to cross-check: no conflict, no update, its own title
    # as headline. Only stories of several articles are briefed for the list.
    found = briefs.briefs(store, [record["id"] for record in records if record["article_count"] > 1])
    if briefs.available:
        for record in records:
            brief = found.get(record["id"])
            record["headline"] = brief.get("headline") if brief else None
            record["badges"] = _badges(brief)
    return {
        "stories": records,
        "total": total,
        "limit": limit,
        "offset": offset,
        "filters": {key: value for key, value in vars(filters).items() if value is not None},
    }


def _places(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The story's places that have coordinates, one per name, with how often and where they are mentioned."""
    places: dict[tuple[str, str | None], dict[str, Any]] = {}
    for member in members:
        for place in (member["extraction"] or {}).get("places", []):
            if place.get("lat") is None or place.get("lon") is None:
                continue
            key = (place["name"], place.get("country"))
            entry = places.setdefault(
                key,
                {
                    "name": place["name"],
                    "country": place.get("country"),
                    "kind": place.get("kind"),
                    "lat": place["lat"],
                    "lon": place["lon"],
                    "mentions": 0,
                    "sources": [],
                },
            )
            entry["mentions"] += 1
            if member["source_id"] not in entry["sources"]:
                entry["sources"].append(member["source_id"])
    return sorted(places.values(), key=lambda place: (-place["mentions"], place["name"]))


def _entities(store: Store, story_id: int, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The story's entities under their canonical names, each with the spellings the articles used."""
    resolved = story_resolutions(store, story_id, "", None)
    grouped: dict[str, dict[str, Any]] = {}
    form_sources: dict[str, set[str]] = defaultdict(set)
    form_mentions: dict[str, int] = defaultdict(int)
    for member in members:
        for entity in (member["extraction"] or {}).get("entities", []):
            form_sources[entity["text"]].add(member["source_id"])
            form_mentions[entity["text"]] += 1
    for form, resolution in resolved.items():
        if form not in form_sources:
            continue  # a name found only in a title
        entry = grouped.setdefault(
            resolution.canonical, {"canonical": resolution.canonical, "type": resolution.type, "mentions": 0, "sources": set(), "forms": []}
        )
        entry["mentions"] += form_mentions[form]
        entry["sources"].update(form_sources[form])
        entry["forms"].append({"text": form, "variant_of": resolution.variant_of, "sources": sorted(form_sources[form])})
    entities = []
    for entry in grouped.values():
        entry["sources"] = sorted(entry["sources"])
        entry["forms"].sort(key=lambda form: form["text"])
        entities.append(entry)
    return sorted(entities, key=lambda entry: (-len(entry["sources"]), -entry["mentions"], entry["canonical"]))


def _variants(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spellings flagged as probable misspellings of a name, in the brief's `variants` shape."""
    return [
        {"canonical": form["variant_of"], "variant": form["text"], "sources": form["sources"]}
        for entity in entities
        for form in entity["forms"]
        if form["variant_of"]
    ]


def story_entities(store: Store, story_id: int) -> dict[str, Any] | None:
    record = store.story(story_id)
    if record is None:
        return None
    members = store.story_extractions(record["id"])
    return {"story_id": record["id"], "entities": _entities(store, record["id"], members)}


def story_detail(store: Store, briefs: BriefCache, story_id: int) -> dict[str, Any] | None:
    """One story: its record, its brief (when the brief stage is installed), its articles, places and names."""
    record = store.story(story_id)
    if record is None:
        return None
    members = store.story_extractions(record["id"])
    articles = []
    for member in members:
        stored = store.article(member["source_id"]) or {}
        articles.append(
            {
                "source_id": member["source_id"],
                "title": member["title"],
                "outlet": member["outlet"],
                "published": member["published"],
                "url": stored.get("url"),
                "group": member["group"],
                "credited_agencies": member["details"].get("credited_agencies", []),
                "dateline": member["details"].get("dateline"),
            }
        )
    entities = _entities(store, record["id"], members)
    view: dict[str, Any] = {
        "story": record,
        "articles": articles,
        "places": _places(members),
        "variants": _variants(entities),
    }
    if briefs.available:
        view["brief"] = briefs.brief(store, record["id"])
    return view


def story_claims(store: Store, briefs: BriefCache, story_id: int) -> dict[str, Any] | None:
    """The facts of a story's brief: each claim with its status and the independent sources behind it."""
    record = store.story(story_id)
    if record is None:
        return None
    brief = briefs.brief(store, record["id"]) or {}
    return {"story_id": record["id"], "claims": brief.get("facts", [])}


def article_detail(store: Store, source_id: str) -> dict[str, Any] | None:
    """One article with its metadata, extractions and removed boilerplate, plus its story's title."""
    article = article_record(store, source_id)
    if article is None:
        return None
    story = store.story(article["story_id"]) if article.get("story_id") is not None else None
    article["story"] = {"id": story["id"], "title": story["title"]} if story else None
    return article


def article_list(store: Store, outlet: str | None, limit: int, offset: int) -> dict[str, Any]:
    articles, total = article_page(store.db.connection, outlet, limit, offset)
    return {"articles": articles, "total": total, "limit": limit, "offset": offset}


def search(store: Store, query: str, limit: int, offset: int) -> dict[str, Any]:
    """Articles holding every word of `query` (best first) and the stories they belong to."""
    hits = store.search(query, limit=limit + 1, offset=offset) if query.strip() else []
    more = len(hits) > limit
    hits = hits[:limit]
    story_ids = stories_of(store.db.connection, [hit["source_id"] for hit in hits])
    for hit in hits:
        hit["story_id"] = story_ids.get(hit["source_id"])
    stories: list[dict[str, Any]] = []
    if query.strip() and offset == 0:
        ids, _ = story_page(store.db.connection, StoryFilter(text=query), limit=10, offset=0)
        stories = [record for record in (store.story(story_id) for story_id in ids) if record is not None]
    return {"query": query, "articles": hits, "stories": stories, "limit": limit, "offset": offset, "more": more}


def entity_list(store: Store, name: str | None, entity_type: str | None, limit: int, offset: int) -> dict[str, Any]:
    entities, total = entity_page(store.db.connection, name, entity_type, limit, offset)
    return {"entities": entities, "total": total, "limit": limit, "offset": offset}


def event_list(store: Store, event_type: str | None, story_id: int | None, limit: int, offset: int) -> dict[str, Any]:
    events, total = event_page(store.db.connection, event_type, story_id, limit, offset)
    return {"events": events, "total": total, "limit": limit, "offset": offset}
