"""Dates the article mentions, resolved against its publication date, on the right side of it.

"On Tuesday" in a report is the last Tuesday; "due to hold talks Thursday" is the coming one.
The direction comes from the words around the expression (due to, will, scheduled, next
-> forward; otherwise back). Absolute dates ("November 2020", "September 19, 2023") resolve
without a reference. Durations ("44 days") are not dates and are left to the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..clean.metadata import parse_date
from .nlp import entities as doc_entities
from .nlp import sentence_at, span_text

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_FORWARD = re.compile(
    r"\b(?:will|shall|due to|is to|are to|set to|scheduled|expected to|plans? to|planned|upcoming|coming|next|"
    r"is going to|are going to|would|to be held|to hold|to meet)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^(?!(?:last|this|next|past|coming|previous|the)\b)(?:about |some |nearly |more than |over )?[\w-]+\s+(?:days?|weeks?|months?|years?|decades?|hours?)(?: long)?$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(?:the )?(?:year )?((?:19|20)\d\d)$", re.IGNORECASE)
_DECADE = re.compile(r"^(?:the )?((?:19|20)\d0)s$", re.IGNORECASE)
# Sentence words around an expression read for its direction, on each side.
_CONTEXT_CHARS = 60


@dataclass(frozen=True)
class DateMention:
    """A date expression, its span, and the date (or month, year, decade) it means."""

    text: str
    start: int
    end: int
    resolved: str | None
    granularity: str | None


def _forward(sentence: str, start: int, end: int) -> bool:
    # The clause before the expression says where it points ("announced plans to hold a rally ...
    # on Wednesday"), and a few words after it ("Thursday, when talks are due to begin").
    around = sentence[:start] + sentence[end : end + _CONTEXT_CHARS]
    return bool(_FORWARD.search(around))


def resolve(expression: str, reference: date | None, forward: bool) -> tuple[str | None, str | None]:
    """(resolved ISO value, granularity) of one expression; (None, None) when it cannot be placed."""
    lower = expression.lower().strip()
    lower = re.sub(r"^(?:on|in|early on|late on|by|since|from|until)\s+", "", lower)
    decade = _DECADE.match(lower)
    if decade:
        return decade.group(1) + "s", "decade"
    year = _YEAR_ONLY.match(lower)
    if year:
        return year.group(1), "year"
    if _DURATION.match(lower):
        return None, None
    if re.search(r"\b(?:19|20)\d\d\b", lower):
        parsed = parse_date(expression)
        if parsed:
            has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b(?:19|20)\d\d\b", "", lower))
            return (parsed[:10], "day") if has_day else (parsed[:7], "month")
        return None, None
    if reference is None:
        return None, None
    if re.search(r"\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b", lower):
        return reference.isoformat(), "day"
    if "yesterday" in lower:
        return (reference - timedelta(days=1)).isoformat(), "day"
    if "tomorrow" in lower:
        return (reference + timedelta(days=1)).isoformat(), "day"
    for offset, phrase in ((-1, "last year"), (0, "this year"), (1, "next year")):
        if phrase in lower:
            return str(reference.year + offset), "year"
    for offset, phrase in ((-1, "last month"), (1, "next month")):
        if phrase in lower:
            month = reference.month + offset
            year = reference.year + (month - 1) // 12
            return f"{year:04d}-{(month - 1) % 12 + 1:02d}", "month"
    weekday = next((i for i, name in enumerate(_WEEKDAYS) if name in lower), None)
    if weekday is not None:
        if "next" in lower:
            forward = True
        if "last" in lower:
            forward = False
        delta = (weekday - reference.weekday()) % 7
        day = reference + timedelta(days=delta or (7 if "next" in lower else 0)) if forward else reference - timedelta(days=(reference.weekday() - weekday) % 7)
        return day.isoformat(), "day"
    month = next((i + 1 for i, name in enumerate(_MONTHS) if re.search(rf"\b(?:{name}|{name[:3]}\.?)(?![a-z])", lower)), None)
    if month is not None:
        day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", lower)
        year = reference.year
        if forward and month < reference.month:
            year += 1
        elif not forward and month > reference.month:
            year -= 1
        if day_match:
            try:
                return date(year, month, int(day_match.group(1))).isoformat(), "day"
            except ValueError:
                return None, None
        return f"{year:04d}-{month:02d}", "month"
    return None, None


def find_dates(doc: Any, published: str | None) -> list[DateMention]:
    """The date expressions of a parsed article (spaCy's DATE entities), resolved against its publication date."""
    reference = None
    if published:
        try:
            reference = date.fromisoformat(published[:10])
        except ValueError:
            reference = None
    found = []
    for ent in doc_entities(doc):
        if ent.label_ != "DATE":
            continue
        text = span_text(ent)  # cut from the kept doc text: ent.text joins new Token objects
        if "\n" in text.strip():
            continue
        sentence = sentence_at(doc, ent.start)
        forward = _forward(span_text(sentence), ent.start_char - sentence.start_char, ent.end_char - sentence.start_char)
        resolved, granularity = resolve(text, reference, forward)
        if granularity is None and _DURATION.match(text.lower()):
            continue
        found.append(DateMention(text, ent.start_char, ent.end_char, resolved, granularity))
    return found
