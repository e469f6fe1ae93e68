"""When an article was written: its publication date, or a range inferred from what it says.

An undated article still gives itself away: the latest year it mentions is a lower bound
("the 2022 invasion"), and "last year's war" next to a war that ended in 2020 puts it in
2021. Years in sentences about the future ("elections due in 2024") are not evidence. The
result is a range of days with a confidence, cheap enough to compute for every article
before clustering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# A year a news article may mention; outside this, a four-digit number is something else.
MIN_YEAR, MAX_YEAR = 1900, 2100
_YEAR = re.compile(r"(?<![\w.,-])((?:19|20)\d\d)(?![\w-]|,\d|\.\d)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(])|\n+")
# Words that put a year in the future, not in the article's past or present.
_FUTURE = re.compile(
    r"\b(?:will|would|next|upcoming|coming|scheduled|plans?|planned|expected|forecasts?|projected|targets?|goals?|"
    r"ahead of|due (?:to|in))\b|\b(?:by|until|through|before) (?:the end of )?(?:19|20)\d\d",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\blast year(?:['’]s)?\b", re.IGNORECASE)

# How far to trust a date from each source. A published date is what the page said; a date
# from an embedded post may be off by days. A year the article mentions bounds it from below
# and "last year" pins it to the next year, but both rest on reading a year right (a year in
# a quote, a misread forecast), so they count for less.
CONFIDENCE = {"published": 0.95, "embed": 0.5, "last_year": 0.6, "latest_year": 0.5}


@dataclass(frozen=True)
class Timeframe:
    """A range of days the article was written in (either end may be open) and how sure that is."""

    start: date | None
    end: date | None
    confidence: float
    basis: str

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None


UNKNOWN = Timeframe(None, None, 0.0, "unknown")


def iso_day(value: str | None) -> date | None:
    """The day an ISO 8601 date or date-time string starts with, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def years_mentioned(text: str) -> list[tuple[int, str]]:
    """(year, sentence) for each year the text mentions in a sentence that is not about the future."""
    found = []
    for sentence in _SENTENCE.split(text):
        years = [int(y) for y in _YEAR.findall(sentence)]
        if not years:
            continue
        future = bool(_FUTURE.search(sentence))
        for year in years:
            if MIN_YEAR <= year <= MAX_YEAR and not future:
                found.append((year, sentence))
    return found


def infer_timeframe(text: str, published: str | None, published_source: str | None = None) -> Timeframe:
    """The article's timeframe: its publication date when known, else a range from its content."""
    day = iso_day(published)
    if day is not None:
        confidence = CONFIDENCE["embed"] if published_source == "embed" else CONFIDENCE["published"]
        return Timeframe(day, day, confidence, published_source or "published")
    mentioned = years_mentioned(text)
    if not mentioned:
        return UNKNOWN
    latest = max(year for year, _ in mentioned)
    if _LAST_YEAR.search(text) and not any(_LAST_YEAR.search(sentence) for year, sentence in mentioned if year == latest):
        # "last year's war" in an article whose latest past year is Y: it was written in Y + 1.
        return Timeframe(date(latest + 1, 1, 1), date(latest + 1, 12, 31), CONFIDENCE["last_year"], "last_year")
    return Timeframe(date(latest, 1, 1), None, CONFIDENCE["latest_year"], "latest_year")
