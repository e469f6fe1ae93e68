"""The cached stand-in for attribute_ruler + lemmatizer (extract/fast_attributes.py) must
give every token exactly what the model's own two components give it."""

from __future__ import annotations

import pytest

from newsfusion.extract.fast_attributes import COMPONENT
from newsfusion.extract.nlp import load_nlp

PARAGRAPHS = [
    # contractions, pronouns as subjects and objects, auxiliaries
    "\u201cWe don't know yet, and I can't tell you when we'll know,\u201d the governor said on Tuesday. "
    "She's been asked about it twice, but it isn't clear whether they've even met.",
    # the ruler's two-token patterns: gon na, got ta, let 's, y' all, c'm on, ai n't
    "\u201cWe're gonna fight this, and we gotta win it,\u201d Smith told the crowd. \u201cLet's go! "
    "Y'all know what's at stake. C'mon, this ain't over.\u201d",
    # expletive there + be (the second token becomes VERB), do/have as main verbs
    "There is no evidence of fraud, officials said. There are still 3,000 ballots to count, and there were "
    "delays in two counties.\n\nThe campaign did what it had promised: it has a lawyer in every county. "
    "Do you have the numbers? I do.",
    # whitespace tokens, a headline run into a paragraph, comparatives, numbers, a bare 'but'
    "Senate passes $1.2 trillion bill  \n\nThe bill, which passed 69-30, is the largest since 2009. "
    "Critics called it bigger, costlier and worse than the last one; its backers said it was the best "
    "they could get. It wasn't perfect, but then nothing ever is. Nothin' is free.",
    # reported speech with pronouns in every case, possessives, modal chains
    "He told me that I should have been told earlier. \u201cYou'd think they'd have called you,\u201d "
    "she said of the officials, who have been criticized for it. It's theirs, not ours, and we'd rather "
    "they'd said so.",
]


@pytest.fixture(scope="module")
def pipelines():
    standard = load_nlp((), fast_attributes=False)
    fast = load_nlp((), fast_attributes=True)
    return standard, fast


def test_the_fast_component_replaces_the_ruler_and_lemmatizer(pipelines):
    standard, fast = pipelines
    assert "attribute_ruler" in standard.pipe_names and "lemmatizer" in standard.pipe_names
    assert COMPONENT in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_same_pos_lemma_tag_dep_and_morph_per_token(pipelines, text):
    standard, fast = pipelines
    # Twice: the first pass fills the cache, the second reads from it.
    for _ in range(2):
        expected, got = standard(text), fast(text)
        assert [t.text for t in got] == [t.text for t in expected]
        for a, b in zip(expected, got):
            assert (b.pos_, b.lemma_) == (a.pos_, a.lemma_), f"token {a.i} {a.text!r}"
            assert (b.tag_, b.dep_, str(b.morph)) == (a.tag_, a.dep_, str(a.morph)), f"token {a.i} {a.text!r}"
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
        assert [s.start for s in got.sents] == [s.start for s in expected.sents]


def test_two_token_patterns_are_applied(pipelines):
    _, fast = pipelines
    doc = fast("We're gonna win. Let's go. There is time.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"]) == ("go", "to")
    assert lemmas["'s"] == "us"  # "let 's"
    assert [t.pos_ for t in doc if t.text == "is"] == ["VERB"]  # expletive "there" + be


def test_the_cache_is_compact(pipelines):
    """Up to MAX_CACHE entries live in every extract worker: each is two short bytes rows, not tuples of ints."""
    import sys

    _, fast = pipelines
    fast(" ".join(PARAGRAPHS))
    cache = fast.get_pipe(COMPONENT).cache
    assert cache and all(isinstance(key, bytes) and isinstance(value, bytes) for key, value in cache.items())
    per_entry = sum(sys.getsizeof(key) + sys.getsizeof(value) for key, value in cache.items()) / len(cache)
    assert per_entry < 160  # two tuples of Python ints took about 500


def test_a_dep_matters_only_through_the_patterns_conditions(pipelines):
    _, fast = pipelines
    component = fast.get_pipe(COMPONENT)
    strings = fast.vocab.strings
    classes = {dep: component._dep_class_of(strings[dep]) for dep in ("compound", "appos", "amod", "nsubj", "aux", "dobj", "pobj")}
    assert classes["compound"] == classes["appos"] == classes["amod"]  # no pattern tells these apart
    assert len({classes["compound"], classes["nsubj"], classes["aux"], classes["dobj"]}) == 4
    assert classes["dobj"] == classes["pobj"]  # every pattern that names one names the other


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_multi_token_matches_in_windows_are_the_matchers(pipelines, text):
    _, fast = pipelines
    component = fast.get_pipe(COMPONENT)
    doc = fast(text)
    deps = doc.to_array(["DEP"]).astype("uint64")
    whole = sorted(component.multi(doc, allow_missing=True, as_spans=False), key=lambda m: (m[1], m[2], m[0]))
    assert component._multi_matches(doc, deps) == whole


def test_the_lemma_index_is_sets(pipelines):
    _, fast = pipelines
    component = fast.get_pipe(COMPONENT)
    table = component.lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
