"""Story clustering pieces: features, background sentences, timeframes, determinism, merges."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsfusion.cluster.features import article_features, dot, is_background
from newsfusion.cluster.timing import StoryTime, time_factor
from newsfusion.eval.clustering import bcubed, pairwise
from newsfusion.extract.timeframe import Timeframe, infer_timeframe

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")


def test_background_sentences():
    assert is_background("In 2020, Azerbaijan regained control of several cities during 44 days of clashes.", None)
    assert is_background("Since 1994 the region had been under ethnic Armenian control.", None)
    assert is_background("The region was the scene of a war in 2020.", 2023)
    assert not is_background("Azerbaijan launched an offensive on Tuesday.", 2023)


def test_background_counts_less_than_news():
    news = "Azerbaijan launched an offensive in Karabakh on Tuesday. Armenia called for talks."
    history = "In 2020, Azerbaijan launched an offensive in Karabakh. In 2020, Armenia called for talks."
    current = article_features("Fighting in Karabakh", news)
    old = article_features("Fighting in Karabakh", history)
    assert current.vector["offensive"] > old.vector["offensive"]


def test_names_and_figures_are_features():
    features = article_features("US calls for Azerbaijan to halt Karabakh attack", REUTERS)
    assert "~antony blinken" in features.vector and "~nikol pashinyan" in features.vector
    assert "blinken" in features.names
    assert dot(features.vector, features.vector) > 0.999


def test_timeframe_from_content():
    assert infer_timeframe("The six-week war ended in November 2020. Since last year's war, tensions have risen.", None) == Timeframe(
        date(2021, 1, 1), date(2021, 12, 31), 0.6, "last_year"
    )
    frame = infer_timeframe("Putin launched the invasion of Ukraine in 2022.", None)
    assert frame.start == date(2022, 1, 1) and frame.end is None
    # A year in a sentence about the future is not evidence.
    assert not infer_timeframe("Elections will be held in 2030.", None).known
    assert infer_timeframe("x", "2023-09-19", "record") == Timeframe(date(2023, 9, 19), date(2023, 9, 19), 0.95, "record")


def test_time_factor():
    story = StoryTime().add(Timeframe(date(2023, 9, 19), date(2023, 9, 19), 0.95, "record"))
    assert time_factor(Timeframe(date(2023, 9, 21), date(2023, 9, 21), 0.95, "record"), story) == 1.0
    assert time_factor(Timeframe(date(2024, 3, 1), date(2024, 3, 1), 0.95, "record"), story) < 0.01
    floored = StoryTime().add(Timeframe(date(2022, 1, 1), None, 0.5, "latest_year"))
    assert time_factor(Timeframe(date(2021, 1, 1), date(2021, 12, 31), 0.6, "last_year"), floored) == 0.5
    assert time_factor(Timeframe(None, None, 0.0, "unknown"), floored) == 1.0


def test_bcubed_and_pairwise():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, gold)["bcubed_f1"] == 1.0
    lumped = {item: 0 for item in gold}
    assert bcubed(lumped, gold)["bcubed_precision"] == 0.5 and bcubed(lumped, gold)["bcubed_recall"] == 1.0
    assert pairwise(lumped, gold)["pairwise_precision"] == round(2 / 6, 4)


def test_same_input_order_gives_the_same_stories(cli, tmp_path):
    paragraphs = [p for p in REUTERS.split("\n\n")[2:] if p.strip()]
    records = [{"id": f"r{i}", "title": f"Report {i}", "text": "\n\n".join(paragraphs[i % 3 : i % 3 + 4])} for i in range(8)]
    path = tmp_path / "stream.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    results = []
    for run in range(2):
        db = str(tmp_path / f"run{run}.db")
        cli("ingest", path, "--db", db)
        results.append(json.loads(cli("stories", "--json", "--db", db).out))
    strip = lambda stories: [(s["id"], s["articles"], s["thread_id"], s["title"]) for s in stories]  # noqa: E731
    assert strip(results[0]) == strip(results[1])


def test_index_offers_the_freshest_holders_of_a_crowded_entry(monkeypatch):
    from newsfusion.cluster import clusterer

    monkeypatch.setattr(clusterer, "MAX_CANDIDATES", 1000)  # see every holder searched, not just the best 20
    index = clusterer._Index()
    holders = clusterer.RECENT_POSTINGS + 10
    for story_id in range(holders):
        index.update(story_id, set(), {"quake", f"own{story_id}"})
    index.update(3, {"quake", "own3"}, {"quake", "own3"})  # story 3 was just updated: freshest again
    found = set(index.candidates({"quake": 1.0}))
    assert len(found) == clusterer.RECENT_POSTINGS
    assert 3 in found and holders - 1 in found
    assert 0 not in found and 1 not in found  # stale holders are not searched
    index.update(holders - 1, {"quake", f"own{holders - 1}"}, set())  # evicted
    assert holders - 1 not in index.candidates({"quake": 1.0})


def test_top_entries_break_ties_by_key():
    from newsfusion.cluster.clusterer import _prune

    vector = {"b": 1.0, "a": 1.0, "c": 2.0, "d": 0.5}
    assert _prune(vector, 2) == {"c": 2.0, "a": 1.0}
    assert _prune(vector, 9) == vector and _prune(vector, 0) == {}


def test_a_growing_story_keeps_its_thread_sum_exact(tmp_path):
    """A one-article story lends its vector as its thread share; joining must not change that share."""
    from newsfusion.cluster.clusterer import ClusterItem, StoryClusterer
    from newsfusion.extract.timeframe import UNKNOWN
    from newsfusion.store import Store

    text = (
        "Azerbaijan launched an offensive in Nagorno-Karabakh on Tuesday. Armenian separatists said 27 people were killed "
        "in Stepanakert. Baku called it an anti-terrorist operation."
    )
    with Store(str(tmp_path / "s.db")) as store:
        clusterer = StoryClusterer(store, max_active=100)
        first = clusterer.assign(ClusterItem(1, 1, "Azerbaijan attacks Karabakh", article_features("Azerbaijan attacks Karabakh", text), UNKNOWN))
        story = clusterer._stories[first]
        share_before = dict(story.thread_share)
        second = clusterer.assign(
            ClusterItem(2, 2, "Karabakh offensive kills 27", article_features("Karabakh offensive kills 27", text + " Russia urged calm."), UNKNOWN)
        )
        assert second == first and story.articles == 2
        assert share_before  # the one-article share was the vector itself, left as it was
        thread = clusterer._threads[story.thread_id]
        mean = story.mean()
        assert thread.stories == 1 and set(thread.vector) <= set(mean)
        assert all(abs(thread.vector[key] - mean[key]) < 1e-9 for key in thread.vector)
        # Feature names are held once, however many stories carry them: interned.
        import sys

        assert all(sys.intern(key) is key for key in story.vector)
