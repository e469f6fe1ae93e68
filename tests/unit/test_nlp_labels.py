"""`nlp.labels` gives every token's POS, dependency, lemma, text and lower case exactly as spaCy's own attributes do."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfusion.extract import DISABLED
from newsfusion.extract.nlp import labels, lemmas, load_nlp, tokens

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DISABLED)


def test_labels_match_the_token_attributes(nlp):
    text = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
    extra = "Ca n't they SAY it?\n\nThe U.S.-based group's 3.5% rise, née Müller, said: “no.” 🙂"
    for doc in nlp.pipe([text, extra, ""]):
        kept = labels(doc)
        assert [len(column) for column in kept] == [len(doc)] * 5
        for token in tokens(doc):
            assert (kept.pos[token.i], kept.dep[token.i], kept.lemma[token.i]) == (token.pos_, token.dep_, token.lemma_)
            assert (kept.text[token.i], kept.lower[token.i]) == (token.text, token.lower_)
        assert lemmas(doc) == [token.lemma_.lower() for token in doc]
        assert labels(doc) is kept  # worked out once per doc
