"""One name per entity across the articles of a story, with misspellings flagged.

Outlets spell names differently ("Anthony" and "Antony Blinken", "Nagoro-Karabakh"),
shorten them ("Blinken", "Karabakh", "U.N." for "United Nations") and the tagger types
them inconsistently. Surface forms are linked when they are the same name written
differently: equal once accents and dots are folded; a person's surname alone, or a
place's last part, that belongs to one full name; an acronym of a longer name; or a close
spelling (rapidfuzz) of the same kind of name, which for people also needs the same
surname. The canonical name is the form most independent sources use. A form linked only
by a close spelling is a variant of it: a probable misspelling, shown as such.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

from .entities import Entity
from .gazetteer import fold, gazetteer

# How alike two spellings must be (rapidfuzz ratio, 0-100) to be one name. First names of
# one surname vary more ("Annalina"/"Annalena" 88, "Anthony"/"Antony" 92) than whole names
# may: two different places or organisations often differ by a few letters only.
SAME_SURNAME_FIRST_NAME = 80
SAME_SURNAME = 90
SAME_NAME = 90
# Names shorter than this are too short to call a close spelling a misspelling.
MIN_FUZZY_CHARS = 8
_CONNECTORS = {"of", "the", "and", "for", "de"}
# Words that make a name an organisation's rather than a place's.
_ORG_WORDS = frozenset(
    """ministry council department committee union organization organisation party agency bank company corp inc group
    association court army forces force front movement nations institute university office commission assembly
    parliament government cross fund service services police guard agency coalition alliance league federation""".split()
)


@dataclass(frozen=True)
class Mention:
    """An entity found in one article of the story."""

    source_id: str
    group: str  # the independent-source group of the article
    entity: Entity


@dataclass(frozen=True)
class Resolution:
    """What a surface form resolved to: its canonical name and type, and whether it is a misspelling of it."""

    canonical: str
    type: str
    variant_of: str | None


@lru_cache(maxsize=100_000)
def _key(text: str) -> str:
    return fold(text).replace(".", "").replace("-", " ")


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word.lower() not in _CONNECTORS).upper()


def acronym_of(short: str, long: str) -> bool:
    """'UN Security Council' abbreviates 'United Nations Security Council'."""
    short_words, long_words = short.replace(".", "").split(), long.split()
    for index, word in enumerate(short_words):
        if len(word) >= 2 and word.isupper():
            prefix, suffix = short_words[:index], short_words[index + 1 :]
            if long_words[: len(prefix)] != prefix or (suffix and long_words[len(long_words) - len(suffix) :] != suffix):
                continue
            middle = long_words[len(prefix) : len(long_words) - len(suffix)]
            if len(middle) >= 2 and _initials(middle) == word:
                return True
    return False


class _Links:
    def __init__(self, forms: Iterable[str]):
        self.parent = {form: form for form in forms}
        self.fuzzy: set[str] = set()

    def find(self, form: str) -> str:
        while self.parent[form] != form:
            self.parent[form] = self.parent[self.parent[form]]
            form = self.parent[form]
        return form

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(mentions: list[Mention], aliases: Iterable[tuple[str, str]] = ()) -> dict[str, Resolution]:
    """Map every surface form of the story's entities to its canonical name.

    `aliases` are (alias, name) pairs the texts state ("Artsakh, the Armenian term for Karabakh").
    """
    types: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for mention in mentions:
        text = mention.entity.text
        types[text][mention.entity.type] += 1
        sources[text].add(mention.group)
        counts[text] += 1
    forms = sorted(types)
    kind = {form: types[form].most_common(1)[0][0] for form in forms}
    links = _Links(forms)
    short: set[str] = set()

    by_key: dict[str, str] = {}
    for form in forms:
        if kind[form] == "NORP":
            continue
        key = _key(form)
        if key in by_key:
            links.join(form, by_key[key])
        else:
            by_key[key] = form

    people = [form for form in forms if kind[form] == "PERSON" and len(form.split()) >= 2]
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            first_a, last_a = _key(a).rsplit(" ", 1)
            first_b, last_b = _key(b).rsplit(" ", 1)
            if fuzz.ratio(last_a, last_b) >= SAME_SURNAME and fuzz.ratio(first_a, first_b) >= SAME_SURNAME_FIRST_NAME:
                if _key(a) != _key(b):
                    links.fuzzy.update({a, b})
                links.join(a, b)

    others = [form for form in forms if kind[form] in {"ORG", "PLACE", "EVENT"}]
    # Only a form with an all-capitals word can abbreviate another; test just those pairs.
    has_acronym = {form: any(len(w) >= 2 and w.isupper() for w in form.replace(".", "").split()) for form in others}
    spelled_out = [form for form in others if len(form.split()) >= 2]  # an acronym stands for two or more words
    # An acronym's letters are the first letters of words of the name it stands for: a name
    # without them all is not tested (the test itself splits both names on every call).
    first_letters = {form: frozenset("".join(word[0] for word in form.split()).upper()) for form in spelled_out}
    for a in (form for form in others if has_acronym[form]):
        needs = [frozenset(word) for word in a.replace(".", "").split() if len(word) >= 2 and word.isupper()]
        for b in spelled_out:
            if a != b and any(need <= first_letters[b] for need in needs) and links.find(a) != links.find(b) and acronym_of(a, b):
                links.join(a, b)
                short.add(a if len(a) < len(b) else b)
    # Close spellings of one kind of name: rapidfuzz scans each kind's names at C speed.
    by_kind: dict[str, list[str]] = defaultdict(list)
    for form in others:
        if len(form) >= MIN_FUZZY_CHARS:
            by_kind[kind[form]].append(form)
    for group in by_kind.values():
        keys = [_key(form) for form in group]
        for i, a in enumerate(group):
            for _, _, j in process.extract(keys[i], keys, scorer=fuzz.ratio, score_cutoff=SAME_NAME, limit=None):
                b = group[j]
                if j <= i or links.find(a) == links.find(b) or _different_places(a, b):
                    continue
                links.fuzzy.update({a, b})
                links.join(a, b)

    full_names = [form for form in forms if len(form.split()) >= 2 or "-" in form]
    by_last_word: dict[str, list[str]] = defaultdict(list)
    by_hyphen_end: dict[str, list[str]] = defaultdict(list)
    for full in full_names:
        by_last_word[_key(full).split()[-1]].append(full)
        if "-" in full:
            by_hyphen_end[full.lower().rsplit("-", 1)[-1]].append(full)
    for form in forms:
        if len(form.split()) != 1 or kind[form] == "NORP":
            continue
        owners = {
            links.find(full)
            for full in by_last_word.get(_key(form), []) + by_hyphen_end.get(form.lower(), [])
            if full != form
            and (
                (kind[full] == kind[form] and _key(full).split()[-1] == _key(form))
                # "Karabakh" for "Nagorno-Karabakh", whichever of place or organisation the tagger said.
                or ({kind[form], kind[full]} <= {"PLACE", "ORG"} and full.lower().endswith("-" + form.lower()))
            )
        }
        if len(owners) == 1:
            links.join(form, owners.pop())
            short.add(form)

    for alias, name in aliases:
        if alias in links.parent and name in links.parent:
            links.join(alias, name)
            short.add(alias)

    groups: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        groups[links.find(form)].append(form)
    # Acronyms the story spells out ("UN" and "United Nations"), to expand them in other names.
    expansions: dict[str, str] = {}
    for members in groups.values():
        longs = [form for form in members if len(form.split()) >= 2 and form not in short]
        for form in members:
            bare = form.replace(".", "")
            if bare.isupper() and len(bare) >= 2 and longs:
                match = next((long for long in longs if _initials(long.split()) == bare), None)
                if match:
                    expansions[bare] = match
    resolved: dict[str, Resolution] = {}
    for members in groups.values():
        full = [form for form in members if form not in short] or members
        chosen = max(full, key=lambda form: (len(sources[form]), counts[form], len(form.split()), form))
        canonical = " ".join(expansions.get(word.replace(".", ""), word) for word in chosen.split()) if len(chosen.split()) > 1 else chosen
        family = Counter()
        for form in members:
            family.update(types[form])
        group_type = family.most_common(1)[0][0] if kind[chosen] != "NORP" else "NORP"
        if group_type == "ORG" and family["PLACE"] and not _ORG_WORDS.intersection(_key(canonical).split()):
            group_type = "PLACE"  # the tagger's "ORG" for a region with no organisation word in its name
        for form in members:
            misspelt = form in links.fuzzy and form not in short and _key(form) != _key(chosen) and not _same_but_shorter(form, chosen)
            resolved[form] = Resolution(canonical, group_type, canonical if misspelt else None)
    return resolved


def _same_but_shorter(form: str, canonical: str) -> bool:
    """One name is the other with words added ("U.S. State Department", "State Department"): not a misspelling."""
    a, b = _key(form).split(), _key(canonical).split()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) < len(longer) and longer[len(longer) - len(shorter) :] == shorter


def _different_places(a: str, b: str) -> bool:
    """Two names the gazetteer knows as two different places ('Austria', 'Australia') are not one."""
    places = gazetteer()
    first, second = places.lookup(a), places.lookup(b)
    return bool(first and second and first[0].name != second[0].name)


def spelling_variants(mentions: list[Mention], resolved: dict[str, Resolution]) -> list[dict[str, object]]:
    """Each misspelt form with its canonical name and the articles that use it."""
    by_form: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        resolution = resolved.get(mention.entity.text)
        if resolution and resolution.variant_of and mention.source_id not in by_form[mention.entity.text]:
            by_form[mention.entity.text].append(mention.source_id)
    return [
        {"canonical": resolved[form].canonical, "variant": form, "sources": sources}
        for form, sources in sorted(by_form.items(), key=lambda item: (resolved[item[0]].canonical, item[0]))
    ]




_TITLE_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
# Longest name, in words, looked for in a headline.
MAX_TITLE_NAME_WORDS = 4


@lru_cache(maxsize=8)
def _title_lookup(known: tuple[tuple[str, str], ...]) -> dict[int, tuple[dict[str, str], list[str], list[str]]]:
    """For each name length in words: folded name -> name, and the folded names in order (for close spellings)."""
    lookup: dict[int, tuple[dict[str, str], list[str], list[str]]] = {}
    for form, _ in known:
        exact, keys, forms = lookup.setdefault(len(form.split()), ({}, [], []))
        key = _key(form)
        exact.setdefault(key, form)
        keys.append(key)
        forms.append(form)
    return lookup


def title_mentions(title: str, known: dict[str, str]) -> list[Entity]:
    """Names of the story found in a headline, whose title case defeats the tagger.

    `known` maps the story's surface forms to their type. A run of capitalised headline
    words that equals a known name, or spells one closely, is a mention of it
    ("Nagoro-Karabakh" for "Nagorno-Karabakh"). Spans are offsets into the headline.
    """
    tokens = list(_TITLE_TOKEN.finditer(title))
    lookup = _title_lookup(tuple(known.items()))
    found: list[Entity] = []
    index = 0
    while index < len(tokens):
        match = None
        for size in range(min(MAX_TITLE_NAME_WORDS, len(tokens) - index), 0, -1):
            chunk = title[tokens[index].start() : tokens[index + size - 1].end()]
            if not all(token.group(0)[:1].isupper() for token in tokens[index : index + size]):
                continue
            exact, keys, forms = lookup.get(size, ({}, [], []))
            chunk_key = _key(chunk)
            form = exact.get(chunk_key)
            if form is None and len(chunk) >= MIN_FUZZY_CHARS and keys:
                close = process.extractOne(chunk_key, keys, scorer=fuzz.ratio, score_cutoff=SAME_NAME)
                form = forms[close[2]] if close else None
            if form is not None:
                match = Entity(chunk, known[form], tokens[index].start(), tokens[index + size - 1].end())
            if match:
                index += size
                break
        if match:
            found.append(match)
        else:
            index += 1
    return found
