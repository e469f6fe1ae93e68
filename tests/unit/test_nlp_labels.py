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


def test_the_kept_strings_stay_bounded(nlp, monkeypatch):
    import newsfusion.extract.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "_STRINGS_MAX", 5)
    first, second = nlp.pipe(["One sentence with several different words.", "Another short line."])
    labels(first)
    assert len(nlp_module._STRINGS) > 5
    kept = labels(second)  # the cache starts again, and the labels are still right
    assert len(nlp_module._STRINGS) <= 3 * len(second)
    assert kept.text == [token.text for token in second] and kept.lemma == [token.lemma_ for token in second]
