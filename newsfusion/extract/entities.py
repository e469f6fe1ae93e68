"""Named entities from spaCy's NER, cleaned: types checked against the gazetteer, titles split off as roles.

The small English model often calls places people ("Yerevan", "Azerbaijan"), keeps "the"
and possessives inside names, and tags section headings as names. Each entity is checked:
a "PERSON" the gazetteer knows as a place becomes one; a one-word name that is an ordinary
English word ("State", "Background") is dropped; a surname of a person named earlier in the
article is that person; titles before a name ("U.S. Secretary of State", "French
President") become its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..cluster.features import _frequencies
from .gazetteer import gazetteer
from .nlp import doc_text, sentence_at, span_text, tokens
from .nlp import entities as doc_entities

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# One-word names this common in lower case are ordinary words the model mistook for names.
COMMON_WORD_FREQUENCY = 1e-5
# Words of a title that stands before a name.
TITLE_WORDS = frozenset(
    """president prime minister secretary foreign defense defence interior state of general spokesperson spokesman
    spokeswoman chancellor chief head deputy vice senator sen. rep. representative governor mayor ambassador envoy
    commander leader king queen prince pope judge justice attorney director chair chairman chairwoman ceo founder
    minister-president secretary-general high commissioner special adviser advisor security council national
    former acting interim opposition party army navy colonel col. lt. gen. general sergeant officer police
    the""".split()
)
# Title words that show a role by themselves: not "of", "the", or those that also name offices ("state", "national security council").
_ROLE_WORDS = TITLE_WORDS - {"of", "the", "state", "national", "security", "council"}
# A determiner the model took into a name: "the Kremlin", "an Environmental Protection Agency
# (spokesperson)", "This National Oceanic and Atmospheric Administration (report)". A capital
# "A" is left alone (a name may start with it).
_LEADING_ARTICLE = re.compile(r"^(?:the|The|an|An|a|this|This|that|That|these|These|those|Those)\s+")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Entity:
    """A name in the text: its span, type, and the role it was given ("French President")."""

    text: str
    type: str  # PERSON, ORG, PLACE, NORP or EVENT
    start: int
    end: int
    role: str | None = None


def _role(doc: Any, ent: Any) -> str | None:
    """The title written just before a person's name, with the country or adjective that opens it."""
    index = ent.start - 1
    first = None
    sentence_start = sentence_at(doc, ent.start).start
    words = tokens(doc)  # the doc's kept tokens: doc[i] would make a new Token each time
    while index >= sentence_start:
        token = words[index]
        lower = token.text.lower()
        joins_title = lower in {"-", "–"} and index > sentence_start and words[index - 1].text.lower() in TITLE_WORDS
        if lower in TITLE_WORDS or token.ent_type_ in {"NORP", "GPE"} or lower in {"'s", "’s"} or joins_title:
            if lower != "the":
                first = index
            index -= 1
            continue
        break
    if first is None:
        return None
    while first < ent.start and words[first].text.lower() in {"of", "'s", "’s", "the"}:
        first += 1
    if first >= ent.start or not any(words[i].text.lower() in _ROLE_WORDS for i in range(first, ent.start)):
        return None
    return span_text(doc[first : ent.start])


def find_entities(doc: Any) -> list[Entity]:
    """The cleaned named entities of a parsed article, in text order."""
    places = gazetteer()
    frequencies = _frequencies()
    found: list[Entity] = []
    for ent in doc_entities(doc):
        if ent.label_ not in KEPT_LABELS or "\n" in span_text(ent):
            continue
        text, start = span_text(ent), ent.start_char
        label = ent.label_
        role = None
        match = _LEADING_ARTICLE.match(text)
        if match:
            text, start = text[match.end() :], start + match.end()
        match = _POSSESSIVE.search(text)
        if match:
            text = text[: match.start()]
        if label == "PERSON":
            # A title the model swallowed into the name: "Spokesperson Matthew Miller".
            words = text.split()
            while len(words) > 1 and words[0].lower() in TITLE_WORDS:
                start += len(words[0]) + (len(text) - len(text.lstrip()[len(words[0]) :].lstrip()) - len(words[0]))
                text = text[len(words[0]) :].lstrip()
                words = words[1:]
                role = role or "title"
            role = _role(doc, ent) if role is None else doc_text(doc)[ent.start_char : start].strip() or None
        if not text.strip():
            continue
        words = text.split()
        if len(words) == 1 and frequencies.get(text.lower(), 0.0) > COMMON_WORD_FREQUENCY and not places.is_place(text):
            continue  # "State", "Background": ordinary words
        if label in {"PERSON", "ORG", "NORP"} and places.is_place(text):
            label = "GPE"
        elif label == "PERSON" and any(places.lookup(word) and places.lookup(word)[0].kind == "country" for word in words):
            continue  # "Azerbaijan Launches Anti-Terrorism Measures": a heading, not a person
        found.append(Entity(text, label, start, start + len(text), role))
    return _settle_types(found)


def _settle_types(entities: list[Entity]) -> list[Entity]:
    """One name, one type within an article: surnames of people are people, places stay places."""
    surnames = {entity.text.split()[-1]: entity for entity in entities if entity.type == "PERSON" and len(entity.text.split()) >= 2}
    nationalities = {entity.text for entity in entities if entity.type == "NORP"}
    votes: dict[str, dict[str, int]] = {}
    for entity in entities:
        votes.setdefault(entity.text, {}).setdefault(entity.type, 0)
        votes[entity.text][entity.type] += 1
    settled = []
    for entity in entities:
        kind = entity.type
        if len(entity.text.split()) == 1 and entity.text in surnames and kind in {"ORG", "NORP", "GPE"} and not gazetteer().is_place(entity.text):
            kind = "PERSON"
        elif entity.text in nationalities and kind != "NORP":
            kind = "NORP"  # "Azerbaijani" tagged a person once and a nationality elsewhere
        elif kind == "PERSON" and any(votes[entity.text].get(place, 0) for place in PLACE_LABELS):
            kind = max(PLACE_LABELS, key=lambda label: votes[entity.text].get(label, 0))
        settled.append(Entity(entity.text, "PLACE" if kind in PLACE_LABELS else kind, entity.start, entity.end, entity.role))
    return settled


# "Artsakh ..., the Armenian term for Karabakh", "Khankendi, known as Stepanakert": a text
# saying that two names are one.
_ALIAS_PHRASE = re.compile(r"\b(?:the (?:\w+ )?(?:term|name|word) for|(?:also |better |formerly )?known as|also called)\s*$", re.IGNORECASE)


def find_aliases(doc: Any, entities: list[Entity]) -> list[tuple[str, str]]:
    """(alias, name) pairs an article states: the name just after an alias phrase, the alias the nearest name before it."""
    pairs = []
    for index, entity in enumerate(entities):
        if entity.type not in {"PLACE", "ORG", "PERSON"}:
            continue
        before = doc_text(doc)[max(0, entity.start - 40) : entity.start]
        if not _ALIAS_PHRASE.search(before):
            continue
        sentence_start = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        floor = sentence_at(doc, sentence_start.start).start_char if sentence_start is not None else 0
        earlier = [e for e in entities[:index] if e.start >= floor and e.type in {"PLACE", "ORG", "PERSON"} and e.text != entity.text]
        if earlier:
            pairs.append((earlier[-1].text, entity.text))
    return pairs
