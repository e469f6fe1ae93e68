"""The fast decoder of the model's entity recognizer (extract/fast_ner.py) must set exactly the
entities, and the same IOB tags on every token, as the model's own recognizer."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from newsfusion.extract.fast_ner import COMPONENT, FastNER, unsupported_reason
from newsfusion.extract.nlp import load_nlp
from tests.conftest import shared_file

EDGES = [
    "",  # no tokens at all
    "Obama",  # one token, an entity that is the whole doc
    "Talks in Geneva",  # an entity at the doc's very end
    "New York\n\nLos Angeles police said.",  # entities either side of a paragraph break
    "  \n\n  Angela Merkel  \n spoke in   Berlin  on Tuesday .  ",  # whitespace tokens all around
    "U.S. President Joe Biden met French President Emmanuel Macron and the E.U.'s Ursula von der Leyen.",
]


@pytest.fixture(scope="module")
def pipelines():
    fast = load_nlp(())
    assert COMPONENT in fast.pipe_names and "ner" not in fast.pipe_names
    return fast, fast.get_pipe("ner")


def _entities(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents], [token.ent_iob_ for token in doc]


def _both(pipelines, texts, batch_size=4):
    fast_nlp, model_ner = pipelines
    with fast_nlp.select_pipes(disable=[COMPONENT]):
        bare = list(fast_nlp.pipe(texts, batch_size=batch_size))
    theirs = [model_ner(doc.copy()) for doc in bare]
    ours = list(fast_nlp.get_pipe(COMPONENT).pipe([doc.copy() for doc in bare], batch_size=batch_size))
    return [_entities(d) for d in theirs], [_entities(d) for d in ours]


def test_the_recognizer_is_supported_and_replaced(pipelines):
    _, model_ner = pipelines
    assert unsupported_reason(model_ner) == ""
    standard = load_nlp((), fast_ner=False)
    assert "ner" in standard.pipe_names and COMPONENT not in standard.pipe_names


@pytest.mark.parametrize("text", EDGES)
def test_edges_match_the_model(pipelines, text):
    theirs, ours = _both(pipelines, [text], batch_size=1)
    assert ours == theirs


def test_seed_articles_match_the_model(pipelines, seeds):
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("0*.txt"))]
    theirs, ours = _both(pipelines, texts)
    assert sum(len(entities) for entities, _ in ours) > 100
    assert ours == theirs


def test_preset_entities_go_to_the_model(pipelines):
    fast_nlp, model_ner = pipelines
    with fast_nlp.select_pipes(disable=[COMPONENT]):
        doc = fast_nlp("Reporters in Paris heard Emmanuel Macron speak.")
    from spacy.tokens import Span

    doc.set_ents([Span(doc, 2, 3, label="ORG")], default="unmodified")  # "Paris", preset and wrong
    expected = model_ner(doc.copy())
    ours = FastNER(model_ner)(doc.copy())
    assert _entities(ours) == _entities(expected)
    assert ("Paris", "ORG") in [(e.text, e.label_) for e in ours.ents]


def test_an_unsupported_recognizer_is_left_alone():
    class Other:
        moves = object()
        model = object()

    assert unsupported_reason(Other()) != ""
    with pytest.raises(ValueError, match="cannot stand in"):
        FastNER(Other())


@pytest.mark.data
def test_allsides_articles_match_the_model(pipelines):
    path = shared_file("allsides-articles.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line).get("text") or "" for line in itertools.islice(lines, 20000, 20060)]
    theirs, ours = _both(pipelines, texts)
    assert sum(len(entities) for entities, _ in ours) > 2000
    assert ours == theirs
