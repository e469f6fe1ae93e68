"""Article text and metadata out of an HTML page: trafilatura first, readability as the fallback, and a split body read whole."""

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

# Some layouts split an article's body into several containers of one class, with an ad or a
# sidebar between them (Wired's "body__container"); trafilatura, favouring precision, keeps
# the first. A later container of the same tag and class joins the text when the first holds
# at least `_BODY_MIN_PARAGRAPHS` of the extracted paragraphs (it is the body, not a teaser
# box) and the later one at least `_CONTINUATION_MIN_PARAGRAPHS` new paragraphs of running
# prose (a lone quote or a row of linked headlines is not the article going on).
_BODY_MIN_PARAGRAPHS = 3
_CONTINUATION_MIN_PARAGRAPHS = 2
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Paragraphs inside these belong to page furniture kept beside the body (pull quotes, captions).
_ASIDE_TAGS = frozenset({"aside", "figure", "figcaption", "nav", "footer"})


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


def _is_running_prose(text: str) -> bool:
    return len(text.split()) >= _MIN_PROSE_WORDS and bool(_SENTENCE_END.search(text))


def _paragraphs(container: lxml_html.HtmlElement) -> list[str]:
    """The container's paragraph texts, whitespace collapsed, without those set aside in it."""
    texts = []
    for paragraph in container.iter("p"):
        if any(ancestor.tag in _ASIDE_TAGS for ancestor in paragraph.iterancestors()):
            continue
        text = " ".join(paragraph.text_content().split())
        if text:
            texts.append(text)
    return texts


def continue_split_body(html: str, text: str) -> str:
    """The extracted text with the rest of a body that the page split into same-class containers.

    The continuation goes in after the last extracted paragraph of the first container.
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    anchor = next((line for line in lines if _is_running_prose(line)), None)
    if anchor is None:
        return text
    try:
        tree = lxml_html.fromstring(html)
    except (lxml_html.etree.ParserError, ValueError):
        return text
    home = next((p.getparent() for p in tree.iter("p") if " ".join(p.text_content().split()) == anchor), None)
    if home is None or not home.get("class"):
        return text
    have = set(lines)
    home_paragraphs = [paragraph for paragraph in _paragraphs(home) if paragraph in have]
    if len(home_paragraphs) < _BODY_MIN_PARAGRAPHS:
        return text
    # A page that prints the next story in full (infinite scroll) puts it in an <article> of its own.
    story = next((ancestor for ancestor in home.iterancestors() if ancestor.tag == "article"), None)
    after_home = False
    added: list[str] = []
    for element in tree.iter(home.tag):
        if element is home:
            after_home = True
            continue
        if not after_home or element.get("class") != home.get("class") or home in element.iterancestors():
            continue
        if story is not None and story not in element.iterancestors():
            continue
        new = [paragraph for paragraph in _paragraphs(element) if paragraph not in have and len(paragraph.split()) >= _MIN_PROSE_WORDS]
        if sum(_is_running_prose(paragraph) for paragraph in new) >= _CONTINUATION_MIN_PARAGRAPHS:
            added.extend(new)
            have.update(new)
    if not added:
        return text
    last = max(index for index, line in enumerate(lines) if line == home_paragraphs[-1])
    return "\n".join(lines[: last + 1] + added + lines[last + 1 :])


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    """The page's article, or None when neither extractor finds one of MIN_ARTICLE_CHARS."""
    try:
        result = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True, favor_precision=True)
    except (ValueError, TypeError, AttributeError):
        # trafilatura raises on some malformed trees; the fallback may still read them.
        result = None
    text = (result.text or "").strip() if result is not None else ""
    if prose_chars(text) >= MIN_ARTICLE_CHARS and result is not None:
        text = continue_split_body(html, text)
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
