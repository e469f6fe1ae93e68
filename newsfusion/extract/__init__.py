"""The extract stage: entities, quotes, figures, dates and places, each traced to its span of the text.

Articles go through spaCy in batches (`nlp.pipe`), with the model's attribute ruler and
lemmatizer replaced by a cached equivalent (`fast_attributes.py`) and its entity recognizer
decoded by `fast_ner.py` (the same entities, faster); each extractor then reads the parsed
document. Articles that are not in English are skipped
with a reason (the English model would mislabel them), and very long ones are cut to
`nlp.MAX_CHARS` characters with a note, so one enormous page cannot stall the stage. Long
texts go through spaCy in pieces cut at paragraph breaks and are joined back into one
document (`SEGMENT_CHARS`), so a worker's memory does not grow with the longest article.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator, Sequence

from ..types import Article
from .dates import DateMention, find_dates
from .entities import Entity, find_aliases, find_entities
from .events import Event, event_records, find_events, reference_year
from .figures import Figure, find_figures
from .nlp import MAX_CHARS, keep_text, load_nlp, release
from .places import PlaceMention, find_places
from .quotes import Quote, find_quotes
from .timeframe import infer_timeframe

# Components the extractors do not read (the lemmatizer is read: speech verbs are found by lemma).
DISABLED: tuple[str, ...] = ()
# Articles per spaCy batch. Larger batches are no faster, and a batch's arrays are held at
# once: an extract worker peaked at 740 MB with 16, 540 MB with 4 (same output).
PIPE_BATCH = 4
# The parser's batches are larger: it scores its moves a step at a time for all the docs of a
# sub-batch (a quarter of its batch) at once, and each step's matrix product repacks the
# weights, so more docs per step cost less. Over 160 allsides articles in chunks of 16 (as
# the extract workers get them), batches of 32 took 0.74x the parser time of batches of 4,
# with the same parses (`scripts/extract_speed.py --probe parser`). A sub-batch's parser
# arrays take about 4 KB per token; with pieces of at most SEGMENT_CHARS (about 2,000
# tokens) its 8 docs hold at most about 65 MB.
PARSER_BATCH = 32
# Texts longer than this go through spaCy in pieces of at most this many characters, cut
# after a paragraph break where there is one (`text_pieces`), and the pieces' docs are joined
# back into one. spaCy's arrays grow with a doc's length: the longest allsides article
# (75,000 characters) raised an extract worker by 250 MB inside `nlp()`. A paragraph break
# already ends a sentence, so no sentence is split; but the models' token windows (four
# tokens either side) no longer see across the cut, which can change a tag, an arc or an
# entity next to it. About one allsides article in ten is longer than this (1,020 of the
# first 10,000); `scripts/memory_probes.py worker` counts the extractions that change.
SEGMENT_CHARS = 10_000


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()  # PLOVER events, one per coded mention (see extract/EVENTS.md)
    inferred_date: dict[str, Any] | None = None
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, name) pairs the text states
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": [asdict(item) for item in self.entities],
            "aliases": [list(pair) for pair in self.aliases],
            "quotes": [asdict(item) for item in self.quotes],
            "figures": [asdict(item) for item in self.figures],
            "dates": [asdict(item) for item in self.dates],
            "places": [asdict(item) for item in self.places],
            "events": [item.as_dict() for item in self.events],
            "inferred_date": self.inferred_date,
            "notes": list(self.notes),
        }


def _inferred_date(article: Article) -> dict[str, Any] | None:
    if article.published:
        return None
    frame = infer_timeframe(article.text, None)
    if not frame.known:
        return None
    return {
        "start": frame.start.isoformat() if frame.start else None,
        "end": frame.end.isoformat() if frame.end else None,
        "confidence": frame.confidence,
        "basis": frame.basis,
    }


def _from_doc(article: Article, doc: Any, notes: list[str]) -> Extraction:
    entities = find_entities(doc)
    dates = find_dates(doc, article.published)
    inferred = _inferred_date(article)
    events = find_events(doc, reference_year(article.published, inferred))
    extraction = Extraction(
        aliases=tuple(find_aliases(doc, entities)),
        entities=tuple(entities),
        quotes=tuple(find_quotes(doc, entities)),
        figures=tuple(find_figures(doc, entities, dates)),
        dates=tuple(dates),
        places=tuple(find_places(entities)),
        events=tuple(event_records(events, dates, article.published)),
        inferred_date=inferred,
        notes=tuple(notes),
    )
    release(doc)  # the doc is done with: see `release`
    return extraction


def extract_articles(articles: Sequence[Article]) -> list[Extraction]:
    """Extract from several articles at once (one spaCy batch), results in order."""
    results: list[Extraction | None] = [None] * len(articles)
    texts: list[str] = []
    positions: list[int] = []
    notes: dict[int, list[str]] = {}
    for index, article in enumerate(articles):
        if article.language and article.language != "en":
            results[index] = Extraction(
                inferred_date=_inferred_date(article),
                notes=(f"not extracted: the article is in '{article.language}' and the model reads English",),
            )
            continue
        text = article.text
        notes[index] = []
        if len(text) > MAX_CHARS:
            notes[index].append(f"only the first {MAX_CHARS:,} of {len(text):,} characters were read")
            text = text[:MAX_CHARS]
        texts.append(text)
        positions.append(index)
    if texts:
        for index, doc in zip(positions, _parse(texts)):
            results[index] = _from_doc(articles[index], doc, notes[index])
    return [result for result in results if result is not None]


def _parse(texts: list[str]) -> Iterator[Any]:
    """One spaCy doc per text, in order; long texts are parsed in pieces and joined (`SEGMENT_CHARS`)."""
    from spacy.tokens import Doc

    nlp = load_nlp(DISABLED)
    pieces = [text_pieces(text) for text in texts]
    docs = nlp.pipe(itertools.chain.from_iterable(pieces), batch_size=PIPE_BATCH, component_cfg={"parser": {"batch_size": PARSER_BATCH}})
    for text, parts in zip(texts, pieces):
        doc = next(docs) if len(parts) == 1 else Doc.from_docs([next(docs) for _ in parts], ensure_whitespace=False)
        yield keep_text(doc, text)


def text_pieces(text: str, limit: int | None = None) -> list[str]:
    """`text` cut into pieces of at most `limit` (default `SEGMENT_CHARS`) characters that join back into it.

    Each cut falls in the second half of its piece: after a paragraph break if there is one,
    else after a line break, a sentence's full stop, or a space (with the whitespace that
    follows), else at the limit.
    """
    limit = limit or SEGMENT_CHARS
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = len(window)
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark, limit // 2)
            if at >= 0:
                end = at + len(mark)
                while end < len(window) and window[end].isspace():
                    end += 1
                break
        pieces.append(window[:end])
        start += end
    pieces.append(text[start:])
    return pieces


def extract_article(article: Article) -> Extraction:
    return extract_articles([article])[0]


__all__ = ["Extraction", "extract_article", "extract_articles", "text_pieces"]
