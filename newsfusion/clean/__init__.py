"""The clean stage: a RawDocument becomes an Article with readable text and its metadata.

HTML is reduced to its article text first (trafilatura, readability as the fallback); then
every text, extracted or given, goes through the same line-level boilerplate removal. Lines
taken out are kept with their reason. Credit lines and datelines become metadata. Lines an
outlet prints in article after article are removed afterwards by `OutletTemplates`, which
knows the stream's history.
"""

from __future__ import annotations

import re
import unicodedata

from ..types import FORMAT_TEXT, Article, RawDocument, Rejection, RemovedText
from .boilerplate import classify_lines, find_title_and_masthead, is_prose
from .credits import Credits, read_dateline, strip_title_credit
from .html import ExtractedPage, extract_page, looks_like_markup
from .metadata import detect_language, outlet_from_url, published_from
from .outlets import OutletTemplates

__all__ = ["OutletTemplates", "clean_document", "split_lines"]

STAGE = "clean"

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Paragraphs that may open with a dateline ("NEW YORK (Reuters) -").
_DATELINE_PARAGRAPHS = 3


def split_lines(text: str) -> list[str]:
    """The non-empty lines of a text, with invisible characters removed and spaces collapsed."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def clean_document(document: RawDocument) -> Article | Rejection:
    """Turn one received document into an Article, or say why it holds none.

    A pure function of the document, so it can run in worker processes; the outlet-template
    pass (`OutletTemplates.apply`) needs the stream's history and runs after it, in order.
    """
    page: ExtractedPage | None = None
    text = document.text
    # A record's plain text is the article as its sender saw it; HTML is extracted only
    # when there is no plain text (or the "text" is really markup).
    if text is None or looks_like_markup(text):
        page = extract_page(document.html or text or "", document.url)
        if page is None:
            return _reject(document, "no_article", "HTML page holds no article text (navigation, an empty page or a script shell); pass the article's own page")
        text = page.text
    lines = split_lines(text)
    removed: list[RemovedText] = []
    credits = Credits()
    masthead: str | None = None

    title = document.title or (page.title if page else None)
    if title:
        title = " ".join(title.split())
    elif document.format == FORMAT_TEXT and len(lines) > 1:
        # A scraped text opens with its headline; a text of one line is all body.
        title_index, masthead_indexes = find_title_and_masthead(lines)
        assert title_index is not None
        for index in masthead_indexes:
            removed.append(RemovedText(lines[index], "masthead"))
        masthead = lines[masthead_indexes[0]] if masthead_indexes else None
        title = lines[title_index]
        removed.append(RemovedText(title, "headline (kept as title)"))
        lines = lines[title_index + 1 :]
    if title:
        title = strip_title_credit(title, credits)

    verdicts = classify_lines(lines, title, credits, scraped=page is None)
    kept = [verdict.line for verdict in verdicts if verdict.keep]
    removed.extend(RemovedText(verdict.line, verdict.reason) for verdict in verdicts if verdict.reason)
    if not any(is_prose(line) for line in kept) and not any(len(line.split()) >= 4 for line in kept):
        return _reject(document, "empty", "no article text left after removing page furniture; check that the input is an article")
    for paragraph in kept[:_DATELINE_PARAGRAPHS]:
        read_dateline(paragraph, credits)

    body = "\n\n".join(kept)
    published = published_from(
        document.published,
        page.date if page else None,
        lines,
        [item.text for item in removed if item.reason == "social media embed"],
    )
    outlet, outlet_source = _outlet(document, page, masthead)
    language, language_score = (document.language, 1.0) if document.language else detect_language(body)
    byline = document.metadata.get("authors") if isinstance(document.metadata.get("authors"), str) else None
    byline = byline or (page.author if page and page.author else None) or ("; ".join(credits.bylines) or None)
    metadata = dict(document.metadata)
    if page:
        metadata["extractor"] = page.extractor
    if document.published and (published is None or published.source != "record"):
        metadata["published_unparsed"] = document.published
    return Article(
        source_id=document.source_id,
        text=body,
        title=title,
        url=document.url,
        outlet=outlet,
        outlet_source=outlet_source,
        published=published.value if published else None,
        published_source=published.source if published else None,
        published_confidence=published.confidence if published else None,
        language=language,
        language_score=language_score,
        byline=byline,
        credited_agencies=tuple(credits.agencies),
        dateline=credits.dateline,
        removed=tuple(removed),
        metadata=metadata,
    )


def _reject(document: RawDocument, code: str, message: str) -> Rejection:
    return Rejection(STAGE, code, f"{document.origin}: {message}", source_id=document.source_id, origin=document.origin, line=document.line)


def _outlet(document: RawDocument, page: ExtractedPage | None, masthead: str | None) -> tuple[str | None, str | None]:
    """The outlet and where it came from: the record, the page's markup, the URL's site, or a masthead."""
    if document.outlet:
        return document.outlet, "record"
    if page and page.sitename:
        return page.sitename, "html"
    site = outlet_from_url(document.url)
    if site:
        return site, "url"
    if masthead:
        return masthead, "masthead"
    return None, None

