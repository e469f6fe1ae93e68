"""A line break always starts a new sentence at the next token (extract/nlp.py's paragraph component)."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest

from newsfusion.extract.nlp import PARAGRAPH_COMPONENT, load_nlp
from tests.conftest import shared_file

EDGES = [
    "Headline without a stop\nThe first sentence of the story follows it.",
    "One paragraph ends here.\n\nAnother begins.",
    "A line ends with spaces   \n   and the next is indented.",
    "Windows line ends\r\nare breaks too.",
    "\n\nLeading breaks, then text.",
    "Trailing breaks after the text.\n\n",
    "U.S.\nNext line after an abbreviation.",
    "A quote \u201cruns\non\u201d over a break.",
    "No break at all in this one.",
    "",
]


def _breaks_after_newlines(doc) -> list[int]:
    """Where the component must have started a sentence: every token after one holding a line break."""
    return [token.i for token in doc[1:] if "\n" in doc[token.i - 1].text]


@pytest.fixture(scope="module")
def component():
    nlp = load_nlp(())
    return nlp, nlp.get_pipe(PARAGRAPH_COMPONENT)


@pytest.mark.parametrize("text", EDGES)
def test_every_token_after_a_line_break_starts_a_sentence(component, text):
    nlp, breaks = component
    doc = breaks(nlp.make_doc(text))
    expected = _breaks_after_newlines(doc)
    assert [token.i for token in doc if token.is_sent_start and token.i > 0] == expected
    if "\n" in text.strip():
        assert expected


def test_allsides_articles_break_at_every_line(component):
    path = shared_file("allsides-articles.jsonl.gz")
    nlp, breaks = component
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line).get("text") or "" for line in itertools.islice(lines, 40)]
    checked = 0
    for text in texts:
        doc = breaks(nlp.make_doc(text))
        expected = _breaks_after_newlines(doc)
        assert [token.i for token in doc if token.is_sent_start and token.i > 0] == expected
        checked += len(expected)
    assert checked > 100
