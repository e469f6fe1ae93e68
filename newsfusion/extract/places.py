"""Places the article names, geocoded with the GeoNames gazetteer, the raw name always kept.

A name can mean several places ("Paris", France or Texas). The countries the article
mentions decide: a city in one of them wins, then the most populous. Confidence says how
clear the choice was: a country by name, a city with no rival of that name, a city picked
by the countries mentioned, or just the largest of its namesakes. Names the gazetteer does
not know (regions like Nagorno-Karabakh, small villages) are kept without coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .entities import Entity
from .gazetteer import Place, gazetteer

# How sure a geocoding is, by how it was decided.
CONFIDENCE = {"country": 0.95, "only": 0.9, "context": 0.8, "largest": 0.5, "state": 0.85}


@dataclass(frozen=True)
class PlaceMention:
    """A place in the text and where it is (coordinates are None when the gazetteer does not know it)."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None
    confidence: float


def _choose(candidates: list[Place], countries: set[str]) -> tuple[Place, float]:
    if candidates[0].kind == "country":
        return candidates[0], CONFIDENCE["country"]
    if candidates[0].kind == "state":
        return candidates[0], CONFIDENCE["state"]
    if len({(p.name, p.country) for p in candidates}) == 1:
        return candidates[0], CONFIDENCE["only"]
    in_context = [place for place in candidates if place.country in countries]
    if in_context:
        return in_context[0], CONFIDENCE["context"]
    return candidates[0], CONFIDENCE["largest"]


def find_places(entities: Sequence[Entity]) -> list[PlaceMention]:
    """Geocode the article's place names, using the countries it names to pick between namesakes."""
    places = gazetteer()
    lookups = {entity.text: places.lookup(entity.text) for entity in entities if entity.type == "PLACE"}
    countries = {found[0].country for found in lookups.values() if found and found[0].kind == "country"}
    mentions = []
    for entity in entities:
        if entity.type != "PLACE":
            continue
        candidates = lookups[entity.text]
        if not candidates:
            mentions.append(PlaceMention(entity.text, entity.start, entity.end, None, None, None, None, None, 0.0))
            continue
        place, confidence = _choose(candidates, countries)
        mentions.append(
            PlaceMention(entity.text, entity.start, entity.end, place.name, place.country_name, place.lat, place.lon, place.kind, confidence)
        )
    return mentions
