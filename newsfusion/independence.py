"""Which articles are one independent source: copies of one text, or reports of one wire agency.

Corroboration counts independent sources, not articles. Two articles are one source when
they are in the same duplicate group or when they credit the same wire agency: 001 is
Reuters and 002 credits AP, AFP and Reuters, so a fact both carry has one independent source
behind it. The story list, the brief and the web UI all count with this one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class SourceFacts:
    """What independence is judged on for one article."""

    source_id: str
    duplicate_group: str
    credited_agencies: tuple[str, ...]
    outlet: str | None = None


def _agency_key(name: str) -> str:
    return " ".join(name.lower().replace(".", "").split())


def independent_groups(articles: Iterable[SourceFacts]) -> dict[str, str]:
    """source_id -> a label shared by every article of one independent source.

    Union-find over duplicate groups and credited agencies; the label names the agency (or
    agencies) when there is one, else the first article's outlet or id.
    """
    articles = list(articles)
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    for article in articles:
        union("article:" + article.source_id, "group:" + article.duplicate_group)
        for agency in article.credited_agencies:
            union("article:" + article.source_id, "agency:" + _agency_key(agency))
    members: dict[str, list[SourceFacts]] = {}
    for article in articles:
        members.setdefault(find("article:" + article.source_id), []).append(article)
    labels: dict[str, str] = {}
    used: set[str] = set()
    for group in members.values():
        agencies = sorted({agency for article in group for agency in article.credited_agencies})
        label = " + ".join(agencies) if agencies else (group[0].outlet or group[0].source_id)
        if label in used:
            label = f"{label} ({group[0].source_id})"
        used.add(label)
        for article in group:
            labels[article.source_id] = label
    return labels
