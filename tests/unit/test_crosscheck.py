"""Cross-check rules on small stories: independence, figure status, quotes, framing voice, summaries."""

from __future__ import annotations

from newsfusion.brief.summary import summarize
from newsfusion.crosscheck.align import align
from newsfusion.crosscheck.claims import background_facts, figure_facts
from newsfusion.crosscheck.framing import find_framing
from newsfusion.crosscheck.material import build_material
from newsfusion.crosscheck.sentences import sentence_spans, split_sentences


def figure(value, when=None, qualifier=None, text=None, start=0):
    text = text or f"{value} people were killed"
    return {"value": value, "counts": "killed", "text": text, "start": start, "end": start + len(text), "qualifier": qualifier,
            "unit": None, "value_max": None, "reported_by": "officials", "when": when, "background": False, "part_of_previous": False}


def row(source_id, text="", published=None, figures=(), credits=(), group=None, dates=(), outlet=None):
    extraction = {"entities": [], "aliases": [], "quotes": [], "figures": list(figures), "dates": list(dates), "places": []}
    return {"source_id": source_id, "title": "", "text": text, "published": published, "outlet": outlet or source_id,
            "details": {"credited_agencies": list(credits)}, "group": group or source_id, "extraction": extraction}


def test_wire_credits_and_copies_make_one_source():
    material = build_material(None, [row("a", credits=["Reuters"]), row("b", credits=["Associated Press", "Reuters"]), row("c", group="x"), row("d", group="x"), row("e")])
    assert material.independent(["a", "b"]) == 1
    assert material.independent(["c", "d"]) == 1
    assert material.independent(["a", "c", "e"]) == 3


def test_rising_toll_on_later_days_is_an_update():
    rows = [row("a", published="2024-03-04", figures=[figure(10)]), row("b", published="2024-03-05", figures=[figure(14, qualifier="at least")])]
    [fact] = figure_facts(build_material(None, rows))
    assert fact.status == "updated" and "→" in fact.text


def test_different_tolls_on_the_same_day_conflict():
    rows = [row("a", published="2024-03-04", figures=[figure(10)]), row("b", published="2024-03-04", figures=[figure(40)])]
    [fact] = figure_facts(build_material(None, rows))
    assert fact.status == "conflict"


def test_compatible_qualified_tolls_agree():
    rows = [row("a", published="2024-03-04", figures=[figure(30, qualifier="at least")]), row("b", published="2024-03-04", figures=[figure(34)])]
    [fact] = figure_facts(build_material(None, rows))
    assert fact.status == "agreed" and fact.independent_sources == 2


def test_tolls_of_different_victims_are_different_slots():
    rows = [row("a", figures=[figure(27)]), row("b", figures=[figure(6, text="four soldiers and two civilians")])]
    assert len(figure_facts(build_material(None, rows))) == 2


def past(value, counts, unit=None, when="in 2020", text=None):
    text = text or f"{value} {unit or 'people'}"
    return {"value": value, "counts": counts, "text": text, "start": 0, "end": len(text), "qualifier": None, "unit": unit,
            "value_max": None, "reported_by": None, "when": when, "background": True, "part_of_previous": False}


def test_one_past_duration_in_days_and_in_weeks_agrees():
    rows = [row("a", figures=[past(44, "duration", "days")]), row("b", figures=[past(6, "duration", "weeks", text="six-week")])]
    [fact] = background_facts(build_material(None, rows))
    assert fact.status == "agreed" and fact.independent_sources == 2
    assert fact.text == "background, 2020: duration: 44 days; 6 weeks"
    assert figure_facts(build_material(None, rows)) == []  # background figures are not the story's own


def test_past_figures_that_disagree_or_share_one_wire_are_no_fact():
    # past values that cannot both be true are more likely two different things than a conflict
    rows = [row("a", figures=[past(6500, "killed")]), row("b", figures=[past(3000, "killed")])]
    assert background_facts(build_material(None, rows)) == []
    rows = [row("a", credits=["Reuters"], figures=[past(6500, "killed")]), row("b", credits=["Reuters"], figures=[past(6500, "killed")])]
    assert background_facts(build_material(None, rows)) == []
    rows = [row("a", figures=[past(52, "percent")]), row("b", figures=[past(52, "percent")])]
    assert background_facts(build_material(None, rows)) == []


def test_a_past_figure_without_a_year_or_a_second_source_is_no_fact():
    assert background_facts(build_material(None, [row("a", figures=[past(44, "duration", "days")])])) == []
    rows = [row("a", figures=[past(44, "duration", "days", when="last year")]), row("b", figures=[past(6, "duration", "weeks", when=None)])]
    assert background_facts(build_material(None, rows)) == []


def test_scare_quoted_term_is_quoted_in_one_outlet_and_own_voice_in_another():
    rows = [
        row("a", "The army began what it called a “counter-insurgency sweep” in the hills on Monday.", outlet="Daily A"),
        row("b", "The counter-insurgency sweep in the hills continued on Monday, the paper reported.", outlet="Daily B"),
    ]
    framing = {(r["source_id"], r["voice"]) for r in find_framing(build_material(None, rows))}
    assert ("a", "quoted") in framing and ("b", "own") in framing


def test_sentence_spans_keep_abbreviations_together():
    text = "The U.S. envoy met Gen. Smith on Monday. They spoke for an hour.\nA new paragraph starts here."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["The U.S. envoy met Gen. Smith on Monday.", "They spoke for an hour.", "A new paragraph starts here."]


def test_summary_keeps_to_its_word_budget_and_cites_every_sentence():
    texts = {
        "a": "Floods hit the northern province on Monday, killing dozens of people. Rescue teams reached the flooded villages by boat. The weather service warned of more rain this week.",
        "b": "Floods hit the northern province on Monday and rescue teams reached villages by boat. Officials said schools would stay closed. The weather service warned of more rain.",
        "c": "Rescue teams reached the flooded villages of the northern province by boat on Tuesday. The army sent helicopters to help.",
    }
    sentences = [s for source, text in texts.items() for s in split_sentences(source, text)]
    chosen = summarize(align(sentences), {k: k for k in texts}, {k: i for i, k in enumerate(texts)}, words=30)
    assert chosen and sum(len(s.text.split()) for s in chosen) <= 30
    assert all(s.citations and s.citations[0] == s.source_id for s in chosen)
    assert any(len(s.citations) >= 2 for s in chosen)


def test_two_figures_of_one_article_are_never_one_slot():
    # One report giving two places' tolls does not contradict itself.
    rows = [
        row("a", published="2024-03-04", figures=[figure(300, text="300 people were killed", start=0), figure(17, text="17 people were killed", start=40)]),
        row("b", published="2024-03-04", figures=[figure(80, text="80 people were killed")]),
    ]
    facts = figure_facts(build_material(None, rows))
    assert not [fact for fact in facts if fact.status == "conflict" and len(set(fact.sources)) == 1]
    assert all(len({v["source_id"] for v in fact.values}) == len(fact.values) for fact in facts)


def test_inflected_words_share_a_stem():
    from newsfusion.crosscheck.sentences import stem

    assert stem("killed") == stem("killing") == stem("kills")
    assert stem("offensive") == stem("offensives") and stem("ceasefire") != stem("fire")


def test_building_a_brief_loads_neither_nltk_nor_spacy():
    """The process that builds briefs stays small: no nltk package (scipy.stats with it) and no spaCy."""
    import subprocess
    import sys

    code = (
        "import sys; from newsfusion.brief import build_brief; from newsfusion.crosscheck.sentences import split_sentences; "
        "split_sentences('a', 'Troops advanced on Tuesday. Officials said 27 people were killed.'); "
        "assert 'nltk' not in sys.modules and 'spacy' not in sys.modules, sorted(m for m in sys.modules if m in ('nltk', 'spacy')); "
        "print('ok')"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "ok"


def test_an_articles_sentences_are_split_once_and_handed_out_as_fresh_lists():
    text = "Floods hit the northern province on Monday, killing dozens of people. Rescue teams reached the villages by boat."
    first = split_sentences("cache-a", text)
    first.clear()
    again = split_sentences("cache-a", text)
    assert [s.text for s in again] == ["Floods hit the northern province on Monday, killing dozens of people.", "Rescue teams reached the villages by boat."]
    assert again[0] is split_sentences("cache-a", text)[0]  # the same sentence object: its weights are computed once
    assert split_sentences("cache-b", text)[0].source_id == "cache-b"  # keyed by article as well as text
    assert [s.text for s in split_sentences("cache-a", text, min_words=8)] == [again[0].text]


def test_a_sentences_weights_favour_rare_words_and_numbers():
    sentence = split_sentences("w", "The minister said 27 people were evacuated from Qarabagh.")[0]
    weights = sentence.weights
    assert sentence.weights is weights
    assert "the" not in weights and "said" not in weights  # stopwords carry no weight
    assert weights["27"] == 2.0 and weights["qarabagh"] > weights["minist"] > 0


def test_alignment_scores_are_the_similarity_matrix():
    texts = {
        "a": "Floods hit the northern province on Monday, killing dozens of people. The army sent helicopters.",
        "b": "Floods hit the northern province on Monday and rescue teams reached villages by boat. Schools stay closed today.",
    }
    alignment = align([s for source, text in texts.items() for s in split_sentences(source, text)])
    dense = alignment.similarity.toarray()
    assert any(dense[0, j] == 0 for j in range(len(dense)))  # a pair sharing no word is not stored
    for i in range(len(dense)):
        for j in range(len(dense)):
            assert alignment.score(i, j) == dense[i, j]


def test_a_sentences_bigrams_are_its_stemmed_word_pairs_without_stopword_pairs():
    sentence = split_sentences("b", "Officials said the floods destroyed bridges in the north.")[0]
    assert sentence.bigrams is sentence.bigrams  # computed once
    assert ("flood", "destroy") in sentence.bigrams and ("destroy", "bridg") in sentence.bigrams
    assert ("in", "the") not in sentence.bigrams  # two stopwords say nothing
    assert ("bridg", "in") in sentence.bigrams and ("the", "north") in sentence.bigrams  # one stopword is kept
    assert len(sentence.bigrams) == 6
    assert sentence.size == 9


def test_a_naming_candidate_follows_each_storys_own_names_though_the_text_is_cached():
    text = "Rebels held Artsakh, the Armenian term for Karabakh, until Monday. Artsakh leaders fled."
    other = "Azerbaijan took Karabakh on Monday, the ministry said."

    def terms(names):
        rows = [row("a", text), row("b", other)]
        rows[0]["extraction"]["entities"] = [{"text": name, "type": "GPE", "start": 0, "end": 1} for name in names]
        return {r["term"] for r in find_framing(build_material(None, rows))}

    assert "Artsakh" in terms(["Artsakh", "Karabakh"])
    assert "Artsakh" not in terms(["Karabakh"])  # the same text, but this story's names do not include it
