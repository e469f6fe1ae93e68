"""The brief of a story: what happened, who says so, what changed, what conflicts, how each outlet frames it.

In this order: headline; a summary where every sentence cites its articles; key facts with
their status; spelling variants; the timeline; reactions (who called for what, from the
story's aggregated PLOVER events); framing, outlet by outlet; and the sources table. `build_brief` works on any `Material`;
`story_brief` reads a stored story; `brief_from_paths` ingests files into a scratch store
and briefs all their articles as one story. Renderers for text, Markdown and HTML are in
`render.py`; the dict is the JSON form.

The summary is extractive: every sentence is a source sentence. Given `RewriteOptions` (the
`story` and `brief` commands, when `abstractive_url` is set; never the web server),
`abstractive.py` has a language model rewrite it and keeps only the sentences it can trace to
the sentences they cite, or else keeps the extractive summary. `summary_mode` says which one
the brief shows, and `summary_note` what happened to the rewrite asked for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Sequence

from ..crosscheck.align import align
from ..crosscheck.claims import build_facts, event_facts, variants
from ..crosscheck.events import aggregate_events, reactions, story_event_mentions
from ..crosscheck.framing import find_framing
from ..crosscheck.material import Material, build_material, story_material
from ..crosscheck.sentences import split_sentences
from ..crosscheck.timeline import build_timeline
from ..store import Store
from .abstractive import RewriteOptions, rewrite_summary
from .summary import DEFAULT_WORDS, summarize

# Facts shown in the brief: agreed, updated and conflicting ones all, single-source ones up to this many.
MAX_SINGLE_SOURCE_FACTS = 12


def _headline(material: Material, title: str | None) -> str:
    if title:
        return title
    titled = [article.title for article in material.articles if article.title]
    return titled[0] if titled else "(untitled story)"


def _leads(material: Material) -> dict[str, int]:
    """How many opening sentences of each article repeat its title (skipped by a one-source summary)."""
    leads = {}
    for article in material.articles:
        sentences = split_sentences(article.source_id, article.text, min_words=1)
        count = 0
        for sentence in sentences[:2]:
            if article.title and sentence.text.strip().rstrip(".") == article.title.strip().rstrip("."):
                count = sentence.index + 1
        leads[article.source_id] = count
    return leads


def _summary_fields(material: Material, summary: list[dict[str, Any]], words: int, rewrite: RewriteOptions | None) -> dict[str, Any]:
    """The brief's summary keys: the summary shown and its mode, and with a rewrite asked for, its note."""
    if rewrite is None:
        return {"summary": summary, "summary_mode": "extractive"}
    texts = {article.source_id: article.text for article in material.articles}
    cited_texts = [[texts[span["source_id"]][span["start"] : span["end"]] for span in item["spans"]] for item in summary]
    result = rewrite_summary(summary, cited_texts, words, rewrite)
    fields = {"summary": result.summary, "summary_mode": result.mode, "summary_note": result.note}
    if result.mode == "abstractive":
        fields["extractive_summary"] = summary  # what the rewritten sentences' `from` indices point into
    return fields


def build_brief(
    material: Material, words: int = DEFAULT_WORDS, title: str | None = None, rewrite: RewriteOptions | None = None
) -> dict[str, Any]:
    """The brief of a story as a JSON-ready dict (the contract in DESIGN.md, plus spans for every citation).

    With `rewrite`, the summary is rewritten by the endpoint it names where the rewrite traces.
    """
    sentences = [s for article in material.articles for s in split_sentences(article.source_id, article.text)]
    alignment = align(sentences)
    order = {article.source_id: article.position for article in material.articles}
    single_source = len(set(material.groups.values())) <= 1
    summary = summarize(alignment, material.groups, order, words, leads=_leads(material) if single_source else None)
    events = aggregate_events(story_event_mentions(material))
    facts = build_facts(material, alignment, event_facts(material, events, alignment))
    shown = [fact for fact in facts if fact.status != "single_source"]
    shown += [fact for fact in facts if fact.status == "single_source"][:MAX_SINGLE_SOURCE_FACTS]
    framing = find_framing(material)
    notes: dict[str, list[str]] = {}
    for row in framing:
        notes.setdefault(row["source_id"], []).append(f"{row['term']} ({row['voice']})")
    independent = len(set(material.groups.values()))
    return {
        "story_id": material.story_id,
        "headline": _headline(material, title),
        "articles": len(material.articles),
        "independent_sources": independent,
        "sources_line": f"{independent} independent source{'s' if independent != 1 else ''} ({len(material.articles)} article{'s' if len(material.articles) != 1 else ''})",
        **_summary_fields(material, [item.as_dict() for item in summary], words, rewrite),
        "facts": [fact.as_dict() for fact in shown],
        "variants": variants(material),
        "timeline": build_timeline(material, alignment),
        "reactions": reactions(events),
        "events": [event.as_dict() for event in events if not event.background],
        "framing": framing,
        "sources": [
            {
                "source_id": article.source_id,
                "outlet": article.outlet,
                "title": article.title,
                "published": article.published,
                "language": article.language,
                "group": material.groups[article.source_id],
                "credited_agencies": list(article.credited_agencies),
                "framing": notes.get(article.source_id, []),
            }
            for article in material.articles
        ],
    }


def story_brief(store: Store, story_id: int, words: int = DEFAULT_WORDS, rewrite: RewriteOptions | None = None) -> dict[str, Any] | None:
    """The brief of a stored story, or None when there is no such story."""
    material = story_material(store, story_id)
    if material is None:
        return None
    story = store.story(story_id) or {}
    return build_brief(material, words, title=story.get("title"), rewrite=rewrite)


def brief_from_paths(
    paths: Sequence[str], settings: Any, words: int = DEFAULT_WORDS, rewrite: RewriteOptions | None = None
) -> tuple[dict[str, Any], Any]:
    """Ingest the inputs into a scratch store and brief all their articles as one story.

    Returns the brief and the ingest summary (whose rejections the caller reports).
    """
    from dataclasses import replace

    from ..ingest import Fetcher, InputReader
    from ..pipeline import Pipeline

    with tempfile.TemporaryDirectory(prefix="newsfusion-brief-") as folder:
        scratch = replace(settings, db=str(Path(folder) / "brief.db"))
        with Store(scratch.db) as store:
            with Fetcher(scratch) as fetcher, Pipeline(store, scratch) as pipeline:
                summary = pipeline.run(InputReader(scratch, fetcher=fetcher).read(list(paths)))
            rows = [row for story in store.stories() for row in store.story_extractions(story["id"])]
            floors = [(story.get("time") or {}).get("floor") for story in store.stories()]
    rows.sort(key=lambda row: row.get("seq", 0))
    known = sorted(floor for floor in floors if floor)
    material = build_material(None, rows, known[0] if known else None)
    return build_brief(material, words, rewrite=rewrite), summary
