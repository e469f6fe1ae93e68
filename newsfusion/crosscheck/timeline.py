"""The story's dated developments in order, each with the articles that report it.

A development is a sentence that places itself on a day: a date expression the extract
stage found in it, resolved against the article's publication date, or for an undated
article placed near the story's first known day. Background sentences (about an earlier
war, a past year) stay out: days before the story's anchor by more than a week are history,
not developments. Sentences of different articles that say the same thing (align.py) on the
same day become one entry with all their sources.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ..cluster.features import is_background
from .align import SAME_CLAIM, Alignment
from .material import Material

# Days before the anchor that still count as the story's own (reports of the run-up).
LEAD_IN_DAYS = 7


def build_timeline(material: Material, alignment: Alignment) -> list[dict[str, Any]]:
    """[{date, text, sources, spans}] in date order, then first report."""
    entries: list[dict[str, Any]] = []
    placed: dict[int, dict[str, Any]] = {}  # sentence index -> its entry
    for article in material.articles:
        if not article.extraction:
            continue
        years = [int(d["resolved"][:4]) for d in article.extraction.get("dates", []) if d.get("resolved") and d["resolved"][:4].isdigit()]
        latest = max(years) if years else None
        for mention in article.extraction.get("dates", []):
            day = material.day_of(article, mention["text"], mention.get("resolved"))
            if day is None:
                continue
            if material.anchor is not None and day < material.anchor - timedelta(days=LEAD_IN_DAYS):
                continue
            index = alignment.locate(article.source_id, mention["start"])
            if index is None or is_background(alignment.sentences[index].text, latest):
                continue
            sentence = alignment.sentences[index]
            if index in placed:
                continue
            match = next(
                (
                    placed[other]
                    for other, _ in alignment.similar(index, SAME_CLAIM)
                    if other in placed and placed[other]["date"] == day.isoformat()
                ),
                None,
            )
            span = {"source_id": sentence.source_id, "start": sentence.start, "end": sentence.end}
            if match is not None:
                if sentence.source_id not in match["sources"]:
                    match["sources"].append(sentence.source_id)
                    match["spans"].append(span)
                placed[index] = match
                continue
            entry = {"date": day.isoformat(), "text": sentence.text, "sources": [sentence.source_id], "spans": [span]}
            entries.append(entry)
            placed[index] = entry
    position = {article.source_id: article.position for article in material.articles}
    entries.sort(key=lambda entry: (entry["date"], position[entry["sources"][0]], entry["spans"][0]["start"]))
    for entry in entries:
        entry["independent_sources"] = material.independent(entry["sources"])
    return entries
