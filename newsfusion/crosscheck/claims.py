"""The facts of a story, aligned across its articles, each with a status.

- Figures by slot: what is counted (killed, injured, troops ...) and of whom ("people",
  "soldiers and civilians"). Values that overlap once their qualifiers are read ("at least
  32" and "35") agree; values that move between reports made on different days are an
  *update* (a toll rising from 27 on Tuesday to at least 32 on Wednesday); values that
  cannot both be true for the same day are a *conflict*.
- The same statement quoted by several outlets (one quote, near-identical words).
- Background figures (an earlier war's toll, how long it lasted) that independent sources
  give alike for the same past year; durations are compared in days.
- Key assertions: sentences of different articles that say the same thing (align.py).
- Spelling variants: one name spelled differently across outlets.

A fact is *agreed* when two or more independent sources carry it, *single_source* when
only one does (however many articles that is).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .align import SAME_CLAIM, Alignment
from .material import Material, StoryArticle
from .sentences import stopwords

AGREED, SINGLE, UPDATED, CONFLICT = "agreed", "single_source", "updated", "conflict"
# Two quotes are one statement when one is (nearly) contained in the other: rapidfuzz's
# partial ratio over lower-cased words, calibrated on the seeds' Russian ministry statement
# quoted by 001 and 004 (95) against unrelated quotes (below 70).
SAME_QUOTE = 88
MIN_QUOTE_CHARS = 30
MIN_SHARED_WORDS = 4
# Words naming whom a figure counts that mean "people" in general.
_GENERIC_VICTIMS = frozenset("people persons person individuals others civilians people's".split()) - {"civilians"}
_VICTIM_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_NUMBER_WORDS = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|scores?|tens)$"
)
# Days in a duration's unit, to compare "44 days" with "six weeks".
_UNIT_DAYS = {"seconds": 1 / 86400, "minutes": 1 / 1440, "hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 30.44, "years": 365.25, "decades": 3652.5}
# Past figures too varied to group by what they count and their year alone (a 2016 poll's
# share and a 2016 vote's; a budget and a fine).
_UNSLOTTED_PAST = frozenset({"percent", "money", "people"})
_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")
_COUNT_WORDS = frozenset(
    """strong at least more than about around some nearly almost over up to as many as an estimated least more fewer less than
    killed dead injured wounded hurt died death deaths and or including were had been have has people""".split()
)


@dataclass
class Fact:
    """One claim of the story with where it comes from."""

    kind: str  # figure, quote, assertion
    text: str
    status: str
    sources: list[str]
    independent_sources: int
    values: list[dict[str, Any]] = field(default_factory=list)
    slot: str | None = None
    spans: list[dict[str, Any]] = field(default_factory=list)  # {source_id, start, end} of the backing sentences
    background: bool = False  # about the story's past (an earlier war), not the story itself

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "status": self.status,
            "sources": self.sources,
            "independent_sources": self.independent_sources,
            "values": self.values,
            "slot": self.slot,
            "spans": self.spans,
            "background": self.background,
        }


def _status(material: Material, sources: list[str]) -> str:
    return AGREED if material.independent(sources) >= 2 else SINGLE


# -- figures ----------------------------------------------------------------------------------


def _victims(figure: dict[str, Any]) -> str:
    words = {w.lower() for w in _VICTIM_WORD.findall(figure["text"])} - _COUNT_WORDS
    words = {w for w in words if not _NUMBER_WORDS.match(w)}
    words = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}
    words -= {w.rstrip("s") for w in _GENERIC_VICTIMS}
    return "+".join(sorted(words)) if words else "people"


def _interval(figure: dict[str, Any]) -> tuple[float, float]:
    """The values a figure allows once its qualifier is read; durations in days.

    A duration is said to its unit, so a bare "six weeks" allows anything that rounds to six
    weeks (38.5-45.5 days), and "44 days" fits it.
    """
    value = float(figure["value"])
    scale = _UNIT_DAYS.get(figure.get("unit") or "", 1.0) if figure.get("counts") == "duration" else 1.0
    if figure.get("value_max"):
        return value * scale, float(figure["value_max"]) * scale
    qualifier = (figure.get("qualifier") or "").lower()
    if qualifier in {"at least", "more than", "over", "as many as", "an estimated more than"}:
        return value * scale, math.inf
    if qualifier in {"up to", "fewer than", "less than", "at most", "under"}:
        return 0.0, value * scale
    if qualifier in {"about", "around", "nearly", "almost", "some", "roughly", "approximately", "an estimated"}:
        return value * 0.9 * scale, value * 1.1 * scale
    if figure.get("counts") == "duration":
        return (value - 0.5) * scale, (value + 0.5) * scale
    return value, value


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _describe(figure: dict[str, Any]) -> str:
    qualifier = (figure.get("qualifier") + " ") if figure.get("qualifier") else ""
    value = f"{figure['value']:,.0f}" if float(figure["value"]).is_integer() else f"{figure['value']:,}"
    if figure.get("value_max"):
        value += f"-{figure['value_max']:,.0f}"
    if figure.get("counts") == "duration" and figure.get("unit"):
        value += " " + (figure["unit"].rstrip("s") if float(figure["value"]) == 1 and not figure.get("value_max") else figure["unit"])
    return qualifier + value


def _value(slot: str, article: StoryArticle, figure: dict[str, Any], day: Any) -> dict[str, Any]:
    """One figure of one article as a slot's value."""
    return {
        "slot": slot,
        "source_id": article.source_id,
        "value": figure["value"],
        "counts": figure["counts"],
        "unit": figure.get("unit"),
        "qualifier": figure.get("qualifier"),
        "value_max": figure.get("value_max"),
        "when": figure.get("when"),
        "day": day.isoformat() if day else None,
        "reported_by": figure.get("reported_by"),
        "text": figure["text"],
        "start": figure["start"],
        "end": figure["end"],
    }


def _figure_values(material: Material) -> dict[str, list[dict[str, Any]]]:
    slots: dict[str, list[dict[str, Any]]] = {}
    for article in material.articles:
        if not article.extraction:
            continue
        dates = article.extraction.get("dates", [])
        for figure in article.extraction.get("figures", []):
            if figure.get("background") or figure.get("part_of_previous"):
                continue
            if figure["counts"] in {"duration", "percent", "money"} and not figure.get("reported_by"):
                continue
            day = None
            if figure.get("when"):
                match = next((d for d in dates if d["text"] == figure["when"] or figure["when"] in d["text"]), None)
                day = material.day_of(article, figure["when"], match["resolved"] if match else None)
            day = day or article.day
            slot = f"{figure['counts']}:{_victims(figure)}"
            slots.setdefault(slot, []).append(_value(slot, article, figure, day))
    return slots


def _background_values(material: Material) -> dict[str, list[dict[str, Any]]]:
    """Background figures (an earlier war's dead, how long it lasted) grouped by what they count and the year they belong to.

    Only figures dated to a year in their sentence are kept ("44 days of clashes in 2020"):
    without one, two background figures could be about different past events.
    """
    slots: dict[str, list[dict[str, Any]]] = {}
    for article in material.articles:
        for figure in (article.extraction or {}).get("figures", []):
            if not figure.get("background") or figure.get("part_of_previous"):
                continue
            year = _YEAR_IN.search(figure.get("when") or "")
            if year is None or figure["counts"] in _UNSLOTTED_PAST or (figure["counts"] == "duration" and figure.get("unit") not in _UNIT_DAYS):
                continue
            whom = "time" if figure["counts"] == "duration" else _victims(figure)
            slot = f"{figure['counts']}:{whom}:{year.group()}"
            slots.setdefault(slot, []).append(_value(slot, article, figure, None))
    return slots


def _compatible(values: list[dict[str, Any]]) -> bool:
    """Whether the values can all be true at once, their qualifiers read."""
    intervals = [_interval(value) for value in values]
    return all(_overlap(a, b) for i, a in enumerate(intervals) for b in intervals[i + 1 :])


def _figure_fact(material: Material, slot: str, values: list[dict[str, Any]], text: str, status: str, background: bool = False) -> Fact:
    """The fact of one figure slot: its values, where they come from and how many sources give them."""
    sources = list(dict.fromkeys(value["source_id"] for value in values))
    return Fact(
        kind="figure",
        text=text,
        status=status,
        sources=sources,
        independent_sources=material.independent(sources),
        values=values,
        slot=slot,
        spans=[{"source_id": v["source_id"], "start": v["start"], "end": v["end"]} for v in values],
        background=background,
    )


def _slot_status(material: Material, values: list[dict[str, Any]]) -> str:
    if _compatible(values):
        return _status(material, [value["source_id"] for value in values])
    intervals = [_interval(value) for value in values]
    by_day: dict[str | None, list[tuple[float, float]]] = {}
    for value, interval in zip(values, intervals):
        by_day.setdefault(value["day"], []).append(interval)
    same_day_clash = any(
        not _overlap(a, b) for day, group in by_day.items() if day is not None for i, a in enumerate(group) for b in group[i + 1 :]
    )
    known_days = [day for day in by_day if day is not None]
    if not same_day_clash and len(known_days) >= 2 and None not in by_day:
        return UPDATED
    return CONFLICT


def _figure_slots(material: Material, alignment: Alignment | None, values: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split the values of one (what, whom) group into slots: the figures that count the same thing.

    An article does not contradict itself, so two figures of one article are two slots (one
    country's toll and another's); a repeated value is one mention. Figures of different
    articles are one slot when each is its article's only figure of the group (the story's
    toll) or when their sentences say the same thing (align.py). Generic "people" counts
    (homeless, evacuated, in need) only join by their sentences.
    """
    distinct: list[dict[str, Any]] = []
    for value in values:
        if not any(v["source_id"] == value["source_id"] and v["value"] == value["value"] for v in distinct):
            distinct.append(value)
    per_article: dict[str, int] = {}
    for value in distinct:
        per_article[value["source_id"]] = per_article.get(value["source_id"], 0) + 1
    index_of = {}
    if alignment is not None:
        for value in distinct:
            located = alignment.locate(value["source_id"], value["start"])
            if located is not None:
                index_of[id(value)] = located
    generic = distinct and distinct[0]["slot"].startswith("people:")
    parent = list(range(len(distinct)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(distinct):
        for j in range(i + 1, len(distinct)):
            b = distinct[j]
            if a["source_id"] == b["source_id"]:
                continue
            alone = per_article[a["source_id"]] == 1 and per_article[b["source_id"]] == 1 and not generic
            said_alike = (
                id(a) in index_of and id(b) in index_of and alignment is not None
                and alignment.score(index_of[id(a)], index_of[id(b)]) >= SAME_CLAIM
            )
            if alone or said_alike:
                # Never put two figures of one article in one slot through a third.
                members_a = {distinct[k]["source_id"] for k in range(len(distinct)) if find(k) == find(i)}
                members_b = {distinct[k]["source_id"] for k in range(len(distinct)) if find(k) == find(j)}
                if not members_a & members_b:
                    parent[find(j)] = find(i)
    slots: dict[int, list[dict[str, Any]]] = {}
    for i, value in enumerate(distinct):
        slots.setdefault(find(i), []).append(value)
    return list(slots.values())


def background_facts(material: Material, alignment: Alignment | None = None) -> list[Fact]:
    """Background figures that two or more independent sources give alike for the same past year.

    Only agreement is reported. Which past figures count the same thing is guessed from what
    they count and the year alone (their sentences rarely align: "44 days of clashes" and "a
    six-week conflict"), so values that disagree are more likely two different things than
    a conflict, and a lone source's background figure is context, not a key fact.
    """
    facts = []
    for group, grouped in _background_values(material).items():
        for values in _figure_slots(material, alignment, grouped):
            if not _compatible(values) or material.independent([value["source_id"] for value in values]) < 2:
                continue
            values.sort(key=lambda v: material.article(v["source_id"]).position)
            counts, whom, year = group.split(":")
            label = counts if whom in {"people", "time"} else f"{counts} ({whom.replace('+', ', ')})"
            parts = [_describe(value) + (f" ({value['reported_by']})" if value["reported_by"] else "") for value in values]
            facts.append(_figure_fact(material, group, values, f"background, {year}: {label}: {'; '.join(parts)}", AGREED, background=True))
    return facts


def figure_facts(material: Material, alignment: Alignment | None = None) -> list[Fact]:
    """One fact per figure slot, its values in time order."""
    facts = []
    for group, grouped in _figure_values(material).items():
        for values in _figure_slots(material, alignment, grouped):
            values.sort(key=lambda v: (v["day"] or "9999", material.article(v["source_id"]).position))
            status = _slot_status(material, values)
            counts, victims = group.split(":")
            label = counts if victims == "people" else f"{counts} ({victims.replace('+', ', ')})"
            parts = []
            for value in values:
                context = ", ".join(part for part in (value["when"] or value["day"], value["reported_by"]) if part)
                parts.append(f"{_describe(value)}" + (f" ({context})" if context else ""))
            joiner = " → " if status == UPDATED else "; "
            facts.append(_figure_fact(material, group, values, f"{label}: {joiner.join(parts)}", status))
    return facts


# -- quotes -----------------------------------------------------------------------------------


def _quote_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def quote_facts(material: Material) -> list[Fact]:
    """Statements quoted in two or more articles (direct or partial quotes of the same words)."""
    quotes: list[tuple[StoryArticle, dict[str, Any], str]] = [
        (article, quote, _quote_key(quote["text"]))
        for article in material.articles
        if article.extraction
        for quote in article.extraction.get("quotes", [])
        if quote["kind"] != "indirect" and len(quote["text"]) >= MIN_QUOTE_CHARS
    ]
    used: set[int] = set()
    facts = []
    # Only quotes sharing a few words are compared letter by letter (an inverted index finds them).
    stop = stopwords()
    words = [set(key.split()) - stop for _, _, key in quotes]
    index: dict[str, list[int]] = {}
    for i, found in enumerate(words):
        for word in found:
            index.setdefault(word, []).append(i)
    for i, (article, quote, key) in enumerate(quotes):
        if i in used:
            continue
        members = [(article, quote)]
        shared: dict[int, int] = {}
        for word in words[i]:
            for j in index[word]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j in sorted(shared):
            other_article, other_quote, other_key = quotes[j]
            if j in used or other_article.source_id == article.source_id:
                continue
            if shared[j] < min(MIN_SHARED_WORDS, len(words[i]), len(words[j])):
                continue
            if fuzz.partial_ratio(key, other_key, score_cutoff=SAME_QUOTE) >= SAME_QUOTE:
                members.append((other_article, other_quote))
                used.add(j)
        sources = list(dict.fromkeys(member.source_id for member, _ in members))
        if len(sources) < 2:
            continue
        used.add(i)
        longest = max(members, key=lambda pair: len(pair[1]["text"]))[1]
        speaker = next((q["speaker"] for _, q in members if q.get("speaker")), None)
        facts.append(
            Fact(
                kind="quote",
                text=(f"{speaker}: " if speaker else "") + f"“{longest['text'].strip()}”",
                status=_status(material, sources),
                sources=sources,
                independent_sources=material.independent(sources),
                values=[{"source_id": a.source_id, "speaker": q.get("speaker"), "text": q["text"]} for a, q in members],
                spans=[{"source_id": a.source_id, "start": q["start"], "end": q["end"]} for a, q in members],
            )
        )
    return facts


# -- assertions -------------------------------------------------------------------------------


def assertion_facts(material: Material, alignment: Alignment, covered: set[tuple[str, int]]) -> list[Fact]:
    """Sentences said by two or more articles, each with its best-matching sentence in the others.

    A seed sentence takes, from every other article, its most similar sentence above the
    threshold; seeds that are matched in more articles go first, and a sentence backs one
    fact only. `covered` holds (source_id, sentence index) pairs already used by other facts.
    """
    sentences = alignment.sentences
    candidates = []
    for index, sentence in enumerate(sentences):
        best: dict[str, tuple[int, float]] = {}
        for other, score in alignment.similar(index, SAME_CLAIM):
            source = sentences[other].source_id
            if source != sentence.source_id and (source not in best or score > best[source][1]):
                best[source] = (other, score)
        if best:
            candidates.append((len({material.groups[s] for s in best}), sum(s for _, s in best.values()), index, best))
    candidates.sort(key=lambda item: (-item[0], -item[1], item[2]))
    used: set[int] = set()
    facts = []
    for _, _, index, best in candidates:
        sentence = sentences[index]
        if index in used or (sentence.source_id, sentence.index) in covered:
            continue
        members = [index] + [other for other, _ in best.values() if other not in used]
        if len(members) < 2:
            continue
        used.update(members)
        sources = list(dict.fromkeys(sentences[m].source_id for m in sorted(members, key=lambda m: material.article(sentences[m].source_id).position)))
        facts.append(
            Fact(
                kind="assertion",
                text=sentence.text,
                status=_status(material, sources),
                sources=sources,
                independent_sources=material.independent(sources),
                values=[{"source_id": sentences[m].source_id, "text": sentences[m].text} for m in members],
                spans=[{"source_id": sentences[m].source_id, "start": sentences[m].start, "end": sentences[m].end} for m in members],
            )
        )
    return facts


# -- spelling variants ------------------------------------------------------------------------


def variants(material: Material) -> list[dict[str, Any]]:
    """Names spelled differently across outlets: {canonical, variant, sources}."""
    found: dict[tuple[str, str], list[str]] = {}
    for article in material.articles:
        if not article.extraction:
            continue
        forms = [entity["text"] for entity in article.extraction["entities"]] + material.title_forms.get(article.source_id, [])
        for form in forms:
            resolution = material.resolutions.get(form)
            bare = re.sub(r"['’]s$", "", form)
            if resolution is not None and resolution.variant_of and bare != resolution.variant_of:
                sources = found.setdefault((resolution.variant_of, form), [])
                if article.source_id not in sources:
                    sources.append(article.source_id)
    return [
        {"canonical": canonical, "variant": variant, "sources": sources, "status": "spelling_variant"}
        for (canonical, variant), sources in sorted(found.items())
    ]


def _central(sentences: list[dict[str, Any]], alignment: Alignment | None) -> dict[str, Any]:
    """The sentence most like the others (the medoid), so the fact reads as what most reports say."""
    if alignment is None or len(sentences) < 3:
        return sentences[0]
    indices = [alignment.locate(s["source_id"], s["start"] or 0) for s in sentences]

    def centrality(i: int) -> float:
        if indices[i] is None:
            return -1.0
        return sum(alignment.score(indices[i], other) for j, other in enumerate(indices) if j != i and other is not None)

    return sentences[max(range(len(sentences)), key=lambda i: (centrality(i), -i))]


def event_facts(material: Material, events: list[Any], alignment: Alignment | None = None) -> list[Fact]:
    """Who did what to whom, from the story's aggregated events reported by two or more articles."""
    facts = []
    for event in events:
        if event.background or len(event.sources) < 2:
            continue
        typed = [s for s in event.sentences if s["type"] == event.type and s.get("text")] or event.sentences
        best = _central(typed, alignment)
        who = event.source.get("text") or "?"
        whom = event.target.get("text")
        label = f"{event.type}: {who}" + (f" → {whom}" if whom else "")
        sources = list(event.sources)
        facts.append(
            Fact(
                kind="event",
                text=f"{label}. {best.get('text') or ''}".strip(),
                status=_status(material, sources),
                sources=sources,
                independent_sources=material.independent(sources),
                values=[{"source_id": s["source_id"], "type": s["type"], "text": s.get("text")} for s in event.sentences],
                slot=event.id,
                spans=[{"source_id": s["source_id"], "start": s["start"], "end": s["end"]} for s in event.sentences if s.get("start") is not None],
            )
        )
    return facts


def build_facts(material: Material, alignment: Alignment, events: list[Fact] | None = None) -> list[Fact]:
    """Every fact: figure slots, shared quotes, events, then assertions not already covered by them."""
    figures = figure_facts(material, alignment) + background_facts(material, alignment)
    quotes = quote_facts(material)
    events = events or []
    covered: set[tuple[str, int]] = set()
    for fact in figures + quotes + events:
        for span in fact.spans:
            located = alignment.locate(span["source_id"], span["start"])
            if located is not None:
                covered.add((span["source_id"], alignment.sentences[located].index))
    assertions = assertion_facts(material, alignment, covered)
    order = {AGREED: 0, UPDATED: 1, CONFLICT: 1, SINGLE: 2}
    facts = figures + quotes + events + assertions
    # The story's own facts first, then its agreed background, then what one source alone says.
    facts.sort(key=lambda fact: (order[fact.status] + (1.5 if fact.background else 0), -fact.independent_sources, fact.kind != "figure"))
    return facts
