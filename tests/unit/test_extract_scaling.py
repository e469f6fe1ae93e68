"""Extraction time grows with an article's length, not with its square.

A 75,000-character allsides article in one long paragraph took 31 s in the extractors: each
actor phrase walked to its paragraph's ends, and each sentence listed every entity of the
doc (`doc.ents` and `sent.ents` build them all on each access). Measured as a ratio within
one run, so a busy machine does not make it fail.
"""

from __future__ import annotations

import time

from newsfusion.extract import DISABLED, _from_doc
from newsfusion.extract.nlp import entities, entities_in, entity_at, load_nlp, sentences
from newsfusion.types import Article

SENTENCE = (
    "Officials in Baku said on Tuesday that {n} soldiers from Armenia were killed near Stepanakert, "
    "and the foreign ministry of Russia called on both sides to respect the ceasefire. "
)


def _extractor_seconds(nlp, sentences_count: int) -> float:
    text = "".join(SENTENCE.format(n=n + 2) for n in range(sentences_count))  # one paragraph
    doc = nlp(text)
    article = Article(source_id="a", text=text)
    started = time.perf_counter()
    _from_doc(article, doc, [])
    return time.perf_counter() - started


def test_extractors_are_not_quadratic_in_a_long_paragraph():
    nlp = load_nlp(DISABLED)
    _extractor_seconds(nlp, 5)  # warm caches
    short = min(_extractor_seconds(nlp, 40) for _ in range(2))
    long = min(_extractor_seconds(nlp, 160) for _ in range(2))
    # Four times the text: about four times the time when linear, sixteen when quadratic.
    assert long / short < 8, f"{long:.2f} s for 160 sentences against {short:.2f} s for 40"


def test_cached_entities_are_spacys():
    doc = load_nlp(DISABLED)("Antony Blinken met Ilham Aliyev in Baku. Russia and France spoke at the United Nations in New York.")
    assert entities(doc) == tuple(doc.ents)
    for sentence in sentences(doc):
        assert entities_in(sentence) == tuple(sentence.ents)
    for token in doc:
        found = entity_at(doc, token.i)
        expected = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)
        assert found == expected
