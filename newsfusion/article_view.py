"""The full record of one article, as `newsfusion article ID --json` and the web page show it.

It joins what each stage stored: the cleaned text and metadata, what cleaning removed, the
duplicate group, the story, and the extractions. Entity names are resolved against every
article of the story, so a surname or a misspelling in this article shows its canonical name.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .extract.entities import Entity
from .extract.normalize import Mention, Resolution, resolve, title_mentions
from .store import Store


def story_resolutions(store: Store, story_id: int | None, source_id: str, own: dict[str, Any] | None) -> dict[str, Resolution]:
    """Canonical names for the entities of the story (or of the article alone when it has no story)."""
    members = store.story_extractions(story_id) if story_id is not None else []
    if not members and own is not None:
        members = [{"source_id": source_id, "group": source_id, "extraction": own, "title": store.article(source_id)["title"]}]
    mentions = [
        Mention(member["source_id"], member["group"], Entity(**entity))
        for member in members
        if member["extraction"]
        for entity in member["extraction"]["entities"]
    ]
    known = {mention.entity.text: mention.entity.type for mention in mentions if mention.entity.type != "NORP"}
    for member in members:
        for entity in title_mentions(member.get("title") or "", known):
            mentions.append(Mention(member["source_id"], member["group"], entity))
    aliases = [tuple(pair) for member in members if member["extraction"] for pair in member["extraction"].get("aliases", [])]
    return resolve(mentions, aliases)


def article_record(store: Store, source_id: str) -> dict[str, Any] | None:
    """Everything known about one article, or None when there is no such article."""
    article = store.article(source_id)
    if article is None:
        return None
    article["revisions"] = store.revisions(source_id)
    article["story_id"] = store.story_of(source_id)
    group = store.duplicate_group(source_id)
    article["duplicate_of"] = group["group"] if group and group["group"] != source_id else None
    article["duplicate_group"] = group
    article["extraction_pending"] = store.extraction_pending(source_id)
    extraction = store.extraction(source_id)
    if extraction is None:
        return article
    resolved = story_resolutions(store, article["story_id"], source_id, extraction)
    known = {form: resolution.type for form, resolution in resolved.items() if resolution.type != "NORP"}
    title_entities = [
        {**asdict(entity), "canonical": resolved[entity.text].canonical, "variant_of": resolved[entity.text].variant_of}
        for entity in title_mentions(article["title"] or "", known)
        if entity.text in resolved
    ]
    entities = []
    for entity in extraction["entities"]:
        resolution = resolved.get(entity["text"])
        entities.append(
            {
                **entity,
                "canonical": resolution.canonical if resolution else entity["text"],
                "type": resolution.type if resolution else entity["type"],
                "variant_of": resolution.variant_of if resolution else None,
            }
        )
    article.update(
        {
            "entities": entities,
            "title_entities": title_entities,
            "quotes": extraction["quotes"],
            "figures": extraction["figures"],
            "dates": extraction["dates"],
            "inferred_date": extraction["inferred_date"],
            "places": extraction["places"],
            "events": extraction.get("events", []),  # absent in extractions stored before events were coded
            "extraction_notes": extraction["notes"],
        }
    )
    return article
