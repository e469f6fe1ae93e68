"""Extraction on real sentences: entities and roles, names across articles, quotes, figures, dates, places."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfusion.extract import extract_article
from newsfusion.extract.dates import resolve
from newsfusion.extract.entities import Entity
from newsfusion.extract.normalize import Mention, resolve as resolve_names, title_mentions
from newsfusion.types import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
BODY = "\n\n".join(p for p in REUTERS.split("\n\n")[2:] if p.strip())
VOA = (
    "Armenian authorities said the fighting, which had continued into Wednesday, left at least 32 people dead and more than 200 injured.\n\n"
    "Azerbaijan said it launched its operation in response to landmine explosions that killed four soldiers and two civilians in the region.\n\n"
    "Azerbaijani authorities and representatives from the ethnic Armenians in the region are also due to hold talks Thursday in the Azerbaijani city of Yevlakh.\n\n"
    "Blinken told Aliyev there is no military solution and that Azerbaijan and ethnic Armenians in Nagorno-Karabakh “must resume dialogue to resolve outstanding differences.”"
)


@pytest.fixture(scope="module")
def reuters():
    return extract_article(Article("r", BODY, title="US calls for Azerbaijan to halt Karabakh attack"))


@pytest.fixture(scope="module")
def voa():
    return extract_article(Article("v", "U.S. Secretary of State Antony Blinken spoke with Azerbaijani President Ilham Aliyev.\n\n" + VOA, published="2023-09-20"))


def test_entities_with_roles_and_spans(reuters):
    people = {entity.text: entity for entity in reuters.entities if entity.type == "PERSON"}
    assert {"Antony Blinken", "Ilham Aliyev", "Nikol Pashinyan"} <= set(people)
    assert people["Antony Blinken"].role == "U.S. Secretary of State"
    assert all(BODY[e.start : e.end] == e.text for e in reuters.entities)
    places = {entity.text for entity in reuters.entities if entity.type == "PLACE"}
    assert "Yerevan" not in {e.text for e in reuters.entities if e.type == "PERSON"} and "Baku" in places


def test_quotes_with_speakers(reuters, voa):
    quotes = {quote.text[:30]: quote for quote in reuters.quotes if quote.kind != "indirect"}
    blinken = quotes["I spoke to Azerbaijani Preside"]
    assert (blinken.kind, blinken.speaker, blinken.cue) == ("direct", "Antony Blinken", "said")
    assert blinken.attribution == "Blinken said"
    assert "expressed readiness" not in quotes  # a two-word term in marks is not a quote
    dialogue = next(q for q in voa.quotes if q.text.startswith("must resume dialogue"))
    assert (dialogue.speaker, dialogue.cue) == ("Antony Blinken", "told")


def test_figures_with_qualifiers_sources_and_sums(voa, reuters):
    figures = {(f.counts, f.value): f for f in voa.figures}
    assert figures[("killed", 32)].qualifier == "at least" and figures[("killed", 32)].reported_by == "Armenian authorities"
    assert figures[("injured", 200)].qualifier == "more than"
    summed = figures[("killed", 6)]
    assert summed.text == "four soldiers and two civilians" and summed.reported_by == "Azerbaijan"
    background = [f for f in reuters.figures if f.counts == "duration"]
    assert background and background[0].background and background[0].value == 6
    # "a six-week conflict in 2020": the figure's own words (a DATE to spaCy) do not date it
    assert background[0].when == "2020"


def test_a_range_needs_a_number_at_its_upper_end():
    # From an allsides article: "to," once ended the range with a bare comma, and the
    # ValueError cost the article its whole extraction.
    text = "The bill raised the threshold amount from $400,000 to, say, $1 million, aides said. At least 12 to 15 people were killed."
    figures = {(f.counts, f.value): f for f in extract_article(Article("x", text)).figures}
    assert figures[("money", 400_000)].value_max is None and ("money", 1_000_000) in figures
    assert figures[("killed", 12)].value_max == 15


def test_dates_point_the_right_way(voa):
    resolved = {d.text: d.resolved for d in voa.dates}
    assert resolved["Thursday"] == "2023-09-21"  # "due to hold talks Thursday": the coming one
    assert resolved["Wednesday"] == "2023-09-20"
    assert resolve("last year", __import__("datetime").date(2021, 11, 17), False) == ("2020", "year")


def test_places_are_geocoded(voa):
    yevlakh = next(p for p in voa.places if p.text == "Yevlakh")
    assert yevlakh.country == "Azerbaijan" and abs(yevlakh.lat - 40.6) < 0.2 and yevlakh.confidence >= 0.8


def test_undated_article_gets_an_inferred_range():
    text = "The six-week war, which killed more than 6,500 people, ended in November 2020. Since last year’s war, tensions have risen."
    extraction = extract_article(Article("x", text))
    assert extraction.inferred_date["start"] == "2021-01-01" and extraction.inferred_date["end"] == "2021-12-31"


def test_names_across_articles():
    def mention(source, text, kind="PERSON"):
        return Mention(source, source, Entity(text, kind, 0, len(text)))

    mentions = [
        mention("a", "Anthony Blinken"), mention("b", "Antony Blinken"), mention("c", "Antony Blinken"), mention("b", "Blinken"),
        mention("a", "UN Security Council", "ORG"), mention("b", "U.N. Security Council", "ORG"), mention("c", "United Nations", "ORG"),
        mention("c", "UN", "ORG"), mention("a", "Nagorno-Karabakh", "ORG"), mention("b", "Karabakh", "PLACE"),
    ]
    resolved = resolve_names(mentions)
    assert resolved["Anthony Blinken"].canonical == "Antony Blinken" and resolved["Anthony Blinken"].variant_of == "Antony Blinken"
    assert resolved["Blinken"].canonical == "Antony Blinken" and resolved["Blinken"].variant_of is None
    assert resolved["U.N. Security Council"].canonical == "United Nations Security Council"
    assert resolved["Karabakh"].canonical == "Nagorno-Karabakh" and resolved["Karabakh"].type == "PLACE"
    found = title_mentions("Azerbaijan, Ethnic Armenians Reach Nagoro-Karabakh Cease-Fire", {"Nagorno-Karabakh": "PLACE", "Azerbaijan": "PLACE"})
    assert [e.text for e in found] == ["Azerbaijan", "Nagoro-Karabakh"]


def test_acronyms_find_the_names_they_stand_for():
    # connectors ("of", "the") carry no letter; a name lacking an acronym's letters is not it
    def mention(source, text):
        return Mention(source, source, Entity(text, "ORG", 0, len(text)))

    names = ["ICRC", "International Committee of the Red Cross", "NATO", "North Atlantic Treaty Organization",
             "EU", "European Union", "Ohio State University", "UN Human Rights Council", "United Nations Human Rights Council"]
    resolved = resolve_names([mention(str(i % 3), name) for i, name in enumerate(names)])
    assert resolved["ICRC"].canonical == "International Committee of the Red Cross"
    assert resolved["NATO"].canonical == "North Atlantic Treaty Organization"
    assert resolved["EU"].canonical == "European Union" and resolved["Ohio State University"].canonical == "Ohio State University"
    assert resolved["UN Human Rights Council"].canonical == "United Nations Human Rights Council"


def test_russian_article_is_skipped_with_a_reason():
    extraction = extract_article(Article("ru", "Азербайджан и Армения договорились о прекращении огня.", language="ru"))
    assert not extraction.entities and "ru" in extraction.notes[0]


def test_very_long_article_is_cut_with_a_note(monkeypatch):
    import newsfusion.extract as extract

    monkeypatch.setattr(extract, "MAX_CHARS", 5000)
    extraction = extract_article(Article("long", (BODY + "\n\n") * 60))
    assert extraction.entities and any("characters were read" in note for note in extraction.notes)


def test_text_without_sentences_and_tables():
    words = extract_article(Article("w", "azerbaijan armenia karabakh ceasefire " * 50))
    table = extract_article(Article("t", "\n\n".join(f"| {i} | Kyle Busch | {5040 - i} |" for i in range(200))))
    assert words.quotes == () and table.quotes == ()


def test_text_pieces_join_back_and_cut_after_paragraphs():
    from newsfusion.extract import text_pieces

    text = "\n\n".join(f"Paragraph {i} says the talks in Yevlakh went on for hours." for i in range(40))
    pieces = text_pieces(text, 300)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(piece) <= 300 for piece in pieces)
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])
    unbroken = "x" * 1000  # no whitespace anywhere: cut at the limit
    assert text_pieces(unbroken, 300) == ["x" * 300] * 3 + ["x" * 100]
    assert text_pieces("", 300) == [""]


def test_a_long_article_parsed_in_pieces_keeps_its_spans(monkeypatch):
    """Pieces are joined back into one doc: every span still points into the article's own text."""
    import newsfusion.extract as extract

    text = (BODY + "\n\n") * 3 + VOA
    article = Article("long", text, published="2023-09-20")
    whole = extract_article(article)
    monkeypatch.setattr(extract, "SEGMENT_CHARS", 1500)
    assert len(extract.text_pieces(text)) >= 4
    cut = extract_article(article)
    assert cut.entities and all(text[e.start : e.end] == e.text for e in cut.entities)
    assert cut.quotes and all(text[q.start : q.end] == q.text for q in cut.quotes)
    assert [f.value for f in cut.figures] == [f.value for f in whole.figures]
    assert cut.quotes == whole.quotes


def test_the_kept_text_is_the_text_spacy_would_build(monkeypatch):
    """`_parse` keeps each doc's input text as its `doc_text`; it must be what spaCy joins from the tokens, pieces or not."""
    import newsfusion.extract as extract
    from newsfusion.extract.nlp import doc_text, sentences, span_text

    monkeypatch.setattr(extract, "SEGMENT_CHARS", 1500)
    texts = [(BODY + "\n\n") * 3 + VOA, VOA, "  Leading spaces and a trailing line break.\n"]
    for text, doc in zip(texts, extract._parse(texts)):
        assert doc_text(doc) == doc.text == text
        assert all(span_text(sentence) == sentence.text for sentence in sentences(doc))


def test_stopwords_do_not_import_spacy():
    import subprocess
    import sys

    code = (
        "import sys; from newsfusion.extract.nlp import english_stopwords; words = english_stopwords(); "
        "assert 'spacy' not in sys.modules; from spacy.lang.en.stop_words import STOP_WORDS; "
        "assert words == frozenset(STOP_WORDS) and \"n't\" in words; print('ok')"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "ok"


def test_token_lists_are_kept_on_the_doc():
    from newsfusion.extract.nlp import load_nlp, sentences, span_tokens, tokens

    doc = load_nlp(())(VOA)
    listed = tokens(doc)
    assert listed is tokens(doc) and [t.i for t in listed] == list(range(len(doc)))
    second = sentences(doc)[1]
    assert [t.text for t in span_tokens(second)] == [t.text for t in second]
