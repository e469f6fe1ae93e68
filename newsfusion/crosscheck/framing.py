"""How each outlet frames a story: the loaded terms it uses, in its own voice or quoted.

Candidates come from the articles themselves, not from a list for one conflict:
- scare quotes: a short phrase in quotation marks ("anti-terrorist", “full-scale
  aggression”) is a term some outlet chose to hold at a distance;
- distancing cues: "so-called X", "what it called X", "what they consider X";
- naming: a name given as someone's "term for" a place ("Artsakh, the Armenian term for
  Karabakh") or a name only one outlet of the story uses in a sentence that says so;
- loaded participles on places: "liberated territories", "occupied lands", where an
  -ed word judges the status of a territory.
Every candidate is then looked for in every article of the story, so one outlet's quoted
term shows up where another uses it in its own voice: that contrast is the framing.
An occurrence is *quoted* when it sits inside quotation marks, inside a quote the
extract stage attributed to a speaker, or after a distancing cue; otherwise it is *own*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .material import Material, StoryArticle
from .sentences import stopwords

# A scare quote holds at most this many words; longer quoted spans are statements.
MAX_TERM_WORDS = 4
_QUOTED = re.compile(r"[“\"«]([^“”\"«»\n]{2,80}?)[”\"»]|(?<![\w])‘([^‘’\n]{2,60}?)’(?![\w])")
_CUE = re.compile(
    r"\b(?:so-called|self-proclaimed|self-styled|what (?:it|they|he|she|we|[A-Z][\w.-]+) (?:calls?|called|terms?|termed|dubs?|dubbed|"
    r"describes? as|described as|considers?|considered|labels?|labell?ed|refers? to as|referred to as))\s+"
    r"(?:an?\s+|the\s+)?[“\"‘]?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})",
)
_CUE_STOP = frozenset("in on of and to that against by for with at from as which who".split())
_TERM_FOR = re.compile(r"\b(?:term|name|word)\s+for\s+(?:the\s+)?([A-Z][\w-]+)")
_LOADED_PLACE = re.compile(
    r"\b([a-z]{4,}ed)\s+(territor(?:y|ies)|lands?|regions?|areas?|provinces?|districts?|zones?|cities|city|villages?)\b"
)
# Participles that describe a place without judging it.
_NEUTRAL_PARTICIPLES = frozenset(
    """affected surrounding populated restricted designated specified selected related united limited isolated crowded
    detailed developed industrialised industrialized mixed named listed based located situated flooded damaged
    destroyed evacuated""".split()
)


@dataclass(frozen=True)
class Candidate:
    """A term worth looking for, and how it was found."""

    term: str
    found_by: str  # scare_quote, cue, naming, loaded_place


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    words = re.findall(r"[\w]+(?:-[\w]+)*", term.lower())
    parts = []
    for word in words:
        stem = word if len(word) <= 5 else word[: max(5, len(word) - 3)]
        parts.append(re.escape(stem) + r"[\w-]*")
    # Matched against the lower-cased text, starting with a literal and with the word boundary
    # before it checked by the caller: the regex engine can then jump from one candidate
    # position to the next instead of trying every character (`_occurrences`).
    return re.compile(r"[\s-]+".join(parts) + r"(?![\w])")


def _occurrences(pattern: re.Pattern[str], text: str, lowered: str) -> list[tuple[int, int, str]]:
    """(start, end, text as written) of each whole-word match of a term pattern."""
    found = []
    for match in pattern.finditer(lowered):
        start = match.start()
        if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-"):
            continue
        found.append((start, match.end(), text[start : match.end()]))
    return found


def _family(term: str) -> str:
    """The key that puts "anti-terrorist" and "anti-terror" in one family, "separatist(s)" in another."""
    first = re.findall(r"[\w]+(?:-[\w]+)*", term.lower())
    return first[0][: max(5, len(first[0]) - 3)] if first else term.lower()


# Articles whose quoted spans and own candidate terms a process keeps: a story's brief is
# rebuilt from the same articles each time one joins it (as `sentences.SPLIT_CACHE_ARTICLES`).
TEXT_CACHE_ARTICLES = 512


@lru_cache(maxsize=TEXT_CACHE_ARTICLES)
def _read_text(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[str, str], ...]]:
    """An article's quoted spans, and the (term, how found) candidates its text gives on its own:
    scare quotes, cues, loaded places."""
    spans = []
    found = []
    for match in _QUOTED.finditer(text):
        spans.append((match.start(), match.end()))
        inner = (match.group(1) or match.group(2) or "").strip()
        words = inner.split()
        if not 1 <= len(words) <= MAX_TERM_WORDS or re.search(r"[,.;:!?]", inner) or inner[:1].isdigit():
            continue
        if all(word[:1].isupper() for word in words) and len(words) > 1:
            continue  # a title or a name in quotes, not a term
        if words[0].lower() in stopwords():
            continue  # a fragment of a statement ("in the strongest terms"), not a term
        found.append((inner, "scare_quote"))
    for match in _CUE.finditer(text):
        words = []
        for word in match.group(1).split():
            if word.lower() in _CUE_STOP:
                break
            words.append(word)
        if words:
            found.append((" ".join(words), "cue"))
    for match in _LOADED_PLACE.finditer(text):
        if match.group(1) not in _NEUTRAL_PARTICIPLES:
            found.append((match.group(0), "loaded_place"))
    return tuple(spans), tuple(found)


@lru_cache(maxsize=4096)
def _bounded(name: str) -> re.Pattern[str]:
    """The name as a whole word (not inside a longer word or hyphenated compound)."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _candidates(material: Material) -> list[Candidate]:
    found: dict[str, Candidate] = {}

    def add(term: str, how: str) -> None:
        term = term.strip(" ,.;:").strip()
        if not term or len(term) < 4 or term.lower() in _CUE_STOP:
            return
        key = term.lower()
        if key not in found:
            found[key] = Candidate(term, how)

    names: list[str] | None = None
    for article in material.articles:
        text = article.text
        for term, how in _read_text(text)[1]:
            add(term, how)
        for match in _TERM_FOR.finditer(text):
            sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            sentence = text[sentence_start : match.end()]
            referent = match.group(1)
            if names is None:
                names = sorted(material.resolutions)  # every name of the story, places among them
            for name in names:
                if name == referent or len(name) < 4 or name not in sentence:
                    continue  # the substring test first: a regex per name per article is slow
                bounded = _bounded(name)
                if not bounded.search(sentence):
                    continue
                users = sum(1 for other in material.articles if name in other.text and bounded.search(other.text))
                if users == 1 and not referent.startswith(name) and name not in referent:
                    add(name, "naming")
    return list(found.values())


def _voice(article: StoryArticle, start: int, end: int, quoted: tuple[tuple[int, int], ...]) -> str:
    if any(a <= start and end <= b for a, b in quoted):
        return "quoted"
    for quote in (article.extraction or {}).get("quotes", []):
        if quote["kind"] != "indirect" and quote["start"] <= start and end <= quote["end"]:
            return "quoted"
    before = article.text[max(0, start - 40) : start]
    if re.search(r"(?:so-called|what (?:it|they|he|she|we|[A-Z][\w.-]+) (?:\w+ )?(?:calls?|called|terms?|termed|considers?|considered|describes? as|described as|dubs?|dubbed))\s+(?:an?\s+|the\s+)?[“\"‘]?$", before):
        return "quoted"
    return "own"


def find_framing(material: Material) -> list[dict[str, Any]]:
    """Per outlet, each candidate term it uses, with its voice and where: outlet-by-outlet rows."""
    candidates = _candidates(material)
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    patterns = [
        (candidate, _family(candidate.term), _term_pattern(candidate.term))
        for candidate in sorted(candidates, key=lambda c: -len(c.term))
    ]
    for article in material.articles:
        quoted = _read_text(article.text)[0]
        taken: list[tuple[int, int]] = []
        lowered = article.text.lower()
        if len(lowered) != len(article.text):
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in article.text)  # keep offsets
        for candidate, family, pattern in patterns:
            if family not in lowered:
                continue  # cheap test before the regex
            for start, end, written in _occurrences(pattern, article.text, lowered):
                if any(a < end and start < b for a, b in taken):
                    continue  # a longer term already covers this occurrence
                taken.append((start, end))
                voice = _voice(article, start, end, quoted)
                key = (article.source_id, family, voice)
                row = rows.setdefault(
                    key,
                    {
                        "source_id": article.source_id,
                        "outlet": article.outlet or material.groups.get(article.source_id),
                        "term": written,
                        "family": family,
                        "voice": voice,
                        "found_by": candidate.found_by,
                        "count": 0,
                        "spans": [],
                    },
                )
                row["count"] += 1
                row["spans"].append({"start": start, "end": end})
    # Keep families that say something about framing: used by more than one outlet, or
    # used by one outlet in its own voice while marked as loaded elsewhere, or quoted.
    by_family: dict[str, list[dict[str, Any]]] = {}
    for row in rows.values():
        by_family.setdefault(row["family"], []).append(row)
    kept = []
    for family_rows in by_family.values():
        sources = {row["source_id"] for row in family_rows}
        voices = {row["voice"] for row in family_rows}
        how = {row["found_by"] for row in family_rows}
        if len(sources) >= 2 or "quoted" in voices or how & {"loaded_place", "naming", "cue"}:
            kept.extend(family_rows)
    position = {article.source_id: article.position for article in material.articles}
    kept.sort(key=lambda row: (position[row["source_id"]], row["spans"][0]["start"]))
    return kept
