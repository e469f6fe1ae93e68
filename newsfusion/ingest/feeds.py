"""RSS and Atom feeds: each entry becomes a JSON record, fetched from its link when it has no body.

An entry with full content (`content:encoded`, Atom `content`) keeps it as `html`. An entry
with only a summary is fetched from its link, unless the run is offline, in which case the
summary is kept as the text.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import feedparser

from ..errors import InputError
from .decode import decode_bytes


def looks_like_feed(text: str) -> bool:
    """Tell a feed document from an HTML page or other XML by its root element."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip() if "?>" in head else head
    while head.startswith("<!--") and "-->" in head:
        head = head[head.find("-->") + 3:].lstrip()
    return head.startswith(("<rss", "<feed", "<rdf:rdf", "<rdf"))


def _entry_body(entry: Any) -> tuple[str | None, str | None]:
    """Return (html, summary) for an entry: its full content if any, else its summary."""
    for content in entry.get("content") or []:
        value = (content.get("value") or "").strip()
        if value:
            return value, None
    summary = (entry.get("summary") or "").strip()
    return None, summary or None


def feed_records(
    data: bytes,
    origin: str,
    fetch_html: Callable[[str], str] | None,
    skip: Callable[[int, dict[str, Any]], bool] | None = None,
) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """Yield (entry number, record or the error for that entry) for every entry of a feed.

    `fetch_html(url)` returns a page's HTML; pass None when offline. A feed that cannot be
    parsed at all raises InputError("bad_feed"). `skip(number, entry)`, when given, sees each
    entry as the feed gives it (its record plus `html` and `summary`) before its link is
    fetched; True leaves the entry out, so `newsfusion watch` re-reading a feed fetches only
    the entries it has not seen.
    """
    text, _ = decode_bytes(data)
    parsed = feedparser.parse(text)
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        # feedparser's loose parser recovers what it can from broken XML; keep only entries
        # that came through with something to ingest.
        entries = [entry for entry in entries if entry.get("link") or _entry_body(entry) != (None, None)]
    if parsed.get("bozo") and not entries:
        problem = parsed.get("bozo_exception")
        reason = str(problem).splitlines()[0] if problem else "unreadable"
        raise InputError("bad_feed", f"is not a readable RSS/Atom feed ({reason}); check that the file or URL is a feed")
    if not entries:
        raise InputError("empty", "is a feed with no entries; nothing to ingest")
    outlet = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        link = entry.get("link")
        html, summary = _entry_body(entry)
        record: dict[str, Any] = {
            "id": entry.get("id") or link,
            "url": link,
            "title": entry.get("title"),
            "published": entry.get("published") or entry.get("updated"),
            "source": outlet,
        }
        if skip is not None and skip(number, {**record, "html": html, "summary": summary}):
            continue
        if html is None:
            if link and fetch_html is not None:
                try:
                    html = fetch_html(link)
                except InputError as exc:
                    yield number, exc
                    continue
            elif summary:
                record["text"] = summary
                record["summary_only"] = True
        if html is not None:
            record["html"] = html
        if not record["id"]:
            record.pop("id")
        yield number, {key: value for key, value in record.items() if value is not None}
