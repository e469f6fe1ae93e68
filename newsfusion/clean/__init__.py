"""The clean stage: a RawDocument becomes an Article with readable text and its metadata."""

from __future__ import annotations

from ..types import FORMAT_TEXT, Article, RawDocument, Rejection
from .html import extract_page, looks_like_markup

STAGE = "clean"

# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 250


def _split_title(text: str) -> tuple[str | None, str]:
    """Take a scraped text's first non-empty line as its title when it is headline-sized."""
    lines = text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    if first and len(first) <= MAX_TITLE_CHARS:
        return first, "\n".join(lines[1:]).strip()
    return None, text.strip()


def clean_document(document: RawDocument) -> Article | Rejection:
    """Turn one received document into an Article, or say why it holds none."""
    text = document.text
    html = None
    # A record's plain text is the article as its sender saw it; HTML is extracted only
    # when there is no plain text (or the "text" is really markup).
    if text is None or looks_like_markup(text):
        html = document.html or text
    metadata: dict = dict(document.metadata)
    title = document.title
    published = document.published
    outlet = document.outlet
    if html is not None:
        page = extract_page(html, document.url)
        if page is None:
            return Rejection(
                STAGE,
                "no_article",
                f"{document.origin}: HTML page holds no article text (navigation, an empty page or a script shell); "
                "pass the article's own page",
                source_id=document.source_id,
                origin=document.origin,
                line=document.line,
            )
        text = page.text
        title = title or page.title
        published = published or page.date
        outlet = outlet or page.sitename
        if page.author:
            metadata.setdefault("byline", page.author)
        metadata["extractor"] = page.extractor
    assert text is not None
    if document.format == FORMAT_TEXT and title is None:
        title, text = _split_title(text)
    if not text.strip():
        return Rejection(
            STAGE, "empty", f"{document.origin}: no article text left after cleaning", source_id=document.source_id,
            origin=document.origin, line=document.line,
        )
    return Article(
        source_id=document.source_id,
        text=text.strip(),
        title=title,
        url=document.url,
        outlet=outlet,
        published=published,
        language=document.language,
        metadata=metadata,
    )
