"""HTML that templates cannot express simply: an article's text with its spans marked, and the places map.

Article text is cut at every span boundary into segments; each segment is wrapped in one
element per annotation covering it (highlight, quote, figure, entity, in that order), so
overlapping spans of different kinds never break the nesting. All text is escaped here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from typing import Any, Iterable

from markupsafe import Markup

# Wrapping order, outermost first: the cited sentence, then quotes, figures, entities.
_LAYERS = {"hl": 0, "quote": 1, "figure": 2, "entity": 3}
# A paragraph: text up to a blank line; single line breaks inside it are kept.
_PARAGRAPH = re.compile(r"[^\n](?:[^\n]|\n(?![ \t]*(?:\n|$)))*")


@dataclass(frozen=True)
class Span:
    """One annotation over `text[start:end]`: its kind, CSS classes, tooltip and a badge shown after it."""

    start: int
    end: int
    kind: str
    classes: str
    title: str | None = None
    badge: str | None = None


def _attrs(span: Span, first: bool) -> str:
    attrs = f' class="{escape(span.classes)}"'
    if span.title:
        attrs += f' title="{escape(span.title)}"'
    if span.kind == "hl" and first:
        attrs += ' id="hl" tabindex="-1"'
    return attrs


def _tag(span: Span) -> str:
    return "mark" if span.kind == "hl" else "span"


def _segment_html(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def annotated_text(text: str, spans: Iterable[Span]) -> Markup:
    """The text as paragraphs with every span marked up; spans outside the text are dropped."""
    usable = sorted(
        (span for span in spans if 0 <= span.start < span.end <= len(text)),
        key=lambda span: (span.start, -span.end, _LAYERS[span.kind]),
    )
    started: set[int] = set()
    parts: list[str] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        if not text[start:end].strip():
            continue
        inside = [(index, span) for index, span in enumerate(usable) if span.start < end and span.end > start]
        cuts = sorted({start, end} | {max(start, min(end, edge)) for _, span in inside for edge in (span.start, span.end)})
        html: list[str] = []
        for left, right in zip(cuts, cuts[1:]):
            covering = sorted(
                ((index, span) for index, span in inside if span.start <= left and span.end >= right),
                key=lambda pair: (_LAYERS[pair[1].kind], pair[1].start),
            )
            opened = ""
            for index, span in covering:
                opened += f"<{_tag(span)}{_attrs(span, index not in started)}>"
                started.add(index)
            closed = "".join(f"</{_tag(span)}>" for _, span in reversed(covering))
            html.append(opened + _segment_html(text[left:right]) + closed)
            for _, span in covering:
                if span.end == right and span.badge:
                    html.append(f'<span class="badge badge-variant">{escape(span.badge)}</span>')
        parts.append("<p>" + "".join(html) + "</p>")
    return Markup("\n".join(parts))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the longer of two overlapping spans of one kind (an entity inside another, say)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda span: (-(span.end - span.start), span.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return kept


def article_spans(article: dict[str, Any], highlight: tuple[int, int] | None) -> list[Span]:
    """The spans an article page marks: the requested highlight, quotes, figures and entities."""
    spans: list[Span] = []
    if highlight is not None:
        spans.append(Span(highlight[0], highlight[1], "hl", "hl", "the sentence the brief cites"))
    quotes = []
    for quote in article.get("quotes", []):
        speaker = quote.get("speaker") or "unattributed"
        quotes.append(Span(quote["start"], quote["end"], "quote", f"quote quote-{quote.get('kind') or 'direct'}", f"{quote.get('kind') or 'quote'} quote: {speaker}"))
    spans.extend(_without_overlaps(quotes))
    figures = []
    for figure in article.get("figures", []):
        qualifier = (figure.get("qualifier") + " ") if figure.get("qualifier") else ""
        background = ", background" if figure.get("background") else ""
        figures.append(Span(figure["start"], figure["end"], "figure", "figure", f"{figure.get('counts')}: {qualifier}{figure.get('value'):g}{background}"))
    spans.extend(_without_overlaps(figures))
    entities = []
    for entity in article.get("entities", []):
        kind = (entity.get("type") or "other").lower()
        canonical = entity.get("canonical") or entity["text"]
        title = f"{entity.get('type')}: {canonical}"
        classes = f"entity entity-{kind}"
        badge = None
        if entity.get("variant_of"):
            classes += " variant"
            title = f"{entity['text']}: spelling variant of {entity['variant_of']}"
            badge = f"variant of {entity['variant_of']}"
        entities.append(Span(entity["start"], entity["end"], "entity", classes, title, badge))
    spans.extend(_without_overlaps(entities))
    return spans


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its matched words (between [ and ]) marked."""
    parts = re.split(r"\[([^\[\]]*)\]", snippet or "")
    return Markup("".join(f"<mark>{escape(part)}</mark>" if index % 2 else escape(part) for index, part in enumerate(parts)))


# -- the places map ------------------------------------------------------------------------------

MAP_WIDTH = 640
# The map keeps within these heights; the narrower span of the two is widened to fit.
MAP_MIN_HEIGHT = 240
MAP_MAX_HEIGHT = 420
MAP_MARGIN = 36
# The smallest area shown, in degrees, so one city does not fill the whole map.
MIN_SPAN_DEGREES = 4.0


def _grid_step(span: float) -> float:
    for step in (1, 2, 5, 10, 20, 30, 45, 90):
        if span / step <= 8:
            return float(step)
    return 90.0


def places_map(places: list[dict[str, Any]]) -> Markup:
    """An inline SVG of the places, projected equirectangularly (x from longitude, y from latitude).

    Longitude is scaled by the cosine of the middle latitude so distances look right near it.
    There is no base map: a graticule, the points sized by mentions, and their names.
    """
    if not places:
        return Markup("")
    lats = [place["lat"] for place in places]
    lons = [place["lon"] for place in places]
    mid_lat = (max(lats) + min(lats)) / 2
    scale_x = max(math.cos(math.radians(mid_lat)), 0.2)
    lat_span = max(max(lats) - min(lats), MIN_SPAN_DEGREES)
    lon_span = max(max(lons) - min(lons), MIN_SPAN_DEGREES)
    inner_width = MAP_WIDTH - 2 * MAP_MARGIN
    height = inner_width * lat_span / (lon_span * scale_x)
    if height > MAP_MAX_HEIGHT - 2 * MAP_MARGIN:
        lon_span = lat_span * inner_width / ((MAP_MAX_HEIGHT - 2 * MAP_MARGIN) * scale_x)
    elif height < MAP_MIN_HEIGHT - 2 * MAP_MARGIN:
        lat_span = (MAP_MIN_HEIGHT - 2 * MAP_MARGIN) * lon_span * scale_x / inner_width
    inner_height = inner_width * lat_span / (lon_span * scale_x)
    total_height = inner_height + 2 * MAP_MARGIN
    west = (max(lons) + min(lons)) / 2 - lon_span / 2
    north = mid_lat + lat_span / 2

    def x_of(lon: float) -> float:
        return MAP_MARGIN + (lon - west) / lon_span * inner_width

    def y_of(lat: float) -> float:
        return MAP_MARGIN + (north - lat) / lat_span * inner_height

    out = [
        f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {total_height:.0f}" role="img" '
        f'aria-label="Map of the {len(places)} places the story mentions" xmlns="http://www.w3.org/2000/svg">',
        f'<rect class="map-sea" x="0" y="0" width="{MAP_WIDTH}" height="{total_height:.0f}"/>',
    ]
    step = _grid_step(max(lat_span, lon_span))
    lon_line = math.ceil(west / step) * step
    while lon_line <= west + lon_span:
        x = x_of(lon_line)
        out.append(f'<line class="map-grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{total_height:.0f}"/>')
        out.append(f'<text class="map-grid-label" x="{x + 2:.1f}" y="{total_height - 4:.0f}">{lon_line:g}°</text>')
        lon_line += step
    lat_line = math.floor(north / step) * step
    while lat_line >= north - lat_span:
        y = y_of(lat_line)
        out.append(f'<line class="map-grid" x1="0" y1="{y:.1f}" x2="{MAP_WIDTH}" y2="{y:.1f}"/>')
        out.append(f'<text class="map-grid-label" x="2" y="{y - 2:.1f}">{lat_line:g}°</text>')
        lat_line -= step
    points = [(place, x_of(place["lon"]), y_of(place["lat"]), 4 + min(place["mentions"], 16) ** 0.5 * 2) for place in places]
    labels = _place_labels(points, MAP_WIDTH, total_height)
    # Smaller circles last, so they stay visible on top of bigger ones.
    for place, x, y, radius in sorted(points, key=lambda point: -point[3]):
        sources = len(place["sources"])
        detail = f"{escape(place['name'])}: {place['mentions']} mention{'s' if place['mentions'] != 1 else ''} in {sources} article{'s' if sources != 1 else ''}"
        out.append(f'<g class="map-place"><title>{detail}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/></g>')
    for x, y, anchor, name in labels:
        out.append(f'<text class="map-label" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(name)}</text>')
    out.append("</svg>")
    return Markup("\n".join(out))


# Rough label size at the map's 12px font, to keep labels from covering each other.
_CHAR_WIDTH = 6.8
_LABEL_HEIGHT = 13.0


def _place_labels(points: list[tuple[dict[str, Any], float, float, float]], width: float, height: float) -> list[tuple[float, float, str, str]]:
    """Label positions (x, y, anchor, text): most-mentioned places first, each beside, above or below its
    point where it overlaps no label placed before; a place with no free spot keeps only its tooltip."""
    placed: list[tuple[float, float, float, float]] = []
    labels = []
    for place, x, y, radius in sorted(points, key=lambda point: (-point[0]["mentions"], point[0]["name"])):
        name = place["name"]
        text_width = len(name) * _CHAR_WIDTH
        gap = radius + 3
        candidates = [
            (x + gap, y + 4, "start"),
            (x - gap, y + 4, "end"),
            (x, y - gap - 2, "middle"),
            (x, y + gap + _LABEL_HEIGHT - 2, "middle"),
        ]
        for left_x, base_y, anchor in candidates:
            left = left_x - (text_width if anchor == "end" else text_width / 2 if anchor == "middle" else 0)
            box = (left, base_y - _LABEL_HEIGHT + 3, left + text_width, base_y + 3)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            if inside and all(box[2] <= other[0] or box[0] >= other[2] or box[3] <= other[1] or box[1] >= other[3] for other in placed):
                placed.append(box)
                labels.append((left_x, base_y, anchor, name))
                break
    return labels
