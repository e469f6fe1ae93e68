"""Article text and metadata out of an HTML page: trafilatura first, readability as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument

# Pages whose main text holds less prose than this hold no article (a navigation page, a
# stub). Chosen well below the shortest true body among the 90 html-extraction-dev pages
# (about 600 characters), so real short articles pass.
MIN_ARTICLE_CHARS = 200

# A prose line has at least this many words; menus and link lists have fewer per line.
_MIN_PROSE_WORDS = 6


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML page gave: its main text and the metadata its markup declares."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    extractor: str


def _readability_text(html: str) -> tuple[str, str | None]:
    document = ReadabilityDocument(html)
    summary = document.summary(html_partial=True)
    tree = lxml_html.fromstring(summary)
    blocks = [" ".join(node.text_content().split()) for node in tree.iter("p", "h1", "h2", "h3", "li", "blockquote")]
    return "\n".join(block for block in blocks if block), document.short_title() or None


def prose_chars(text: str) -> int:
    """Characters in lines that read as sentences, not as menu items or link lists."""
    return sum(len(line) for line in text.splitlines() if len(line.split()) >= _MIN_PROSE_WORDS)


def _readability_or_none(html: str) -> tuple[str, str | None]:
    try:
        return _readability_text(html)
    except Exception:  # noqa: BLE001 - readability raises many kinds on broken markup; no article then
        return "", None


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    """The page's article, or None when neither extractor finds one of MIN_ARTICLE_CHARS."""
    try:
        result = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True, favor_precision=True)
    except (ValueError, TypeError, AttributeError):
        # trafilatura raises on some malformed trees; the fallback may still read them.
        result = None
    text = (result.text or "").strip() if result is not None else ""
    if prose_chars(text) >= MIN_ARTICLE_CHARS and result is not None:
        return ExtractedPage(text, result.title, result.author, result.date, result.sitename, "trafilatura")
    fallback_text, fallback_title = _readability_or_none(html)
    if prose_chars(fallback_text) >= MIN_ARTICLE_CHARS:
        meta = result
        return ExtractedPage(
            fallback_text,
            (meta.title if meta is not None else None) or fallback_title,
            meta.author if meta is not None else None,
            meta.date if meta is not None else None,
            meta.sitename if meta is not None else None,
            "readability",
        )
    return None


# Real HTML tags, not the <.DJI>-style ticker codes wire copy carries.
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|b|i|em|strong|ul|ol|li|h[1-6]|img|table|tr|td|th|blockquote|figure|figcaption"
    r"|section|article|header|footer|nav|html|body|head|script|style|iframe)\b[^<>]*>",
    re.IGNORECASE,
)


def looks_like_markup(text: str) -> bool:
    """True for 'text' fields that actually carry HTML (feed summaries often do)."""
    return len(_TAG.findall(text[:4000])) >= 3
