"""The five seed articles: what expected.json says cleaning and dedupe must get right."""

from __future__ import annotations

import json

import pytest

from newsfusion.store import Store


@pytest.fixture
def seeded(cli, db, seeds):
    cli("ingest", seeds, "--db", db)
    expected = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    with Store(db, read_only=True) as store:
        articles = {source_id: store.article(source_id) for source_id in expected["articles"]}
        groups = {source_id: store.duplicate_group(source_id)["group"] for source_id in expected["articles"]}
    return expected, articles, groups


def kept_lines(article):
    return set(article["text"].split("\n\n"))


def test_boilerplate_lines_are_gone(seeded):
    expected, articles, _ = seeded
    for source_id, truth in expected["articles"].items():
        for line in truth["boilerplate_lines"] + truth.get("credit_lines", []):
            assert " ".join(line.split()) not in kept_lines(articles[source_id]), (source_id, line)


def test_must_keep_sentences_stay(seeded):
    expected, articles, _ = seeded
    for source_id, truth in expected["articles"].items():
        for sentence in truth["must_keep"]:
            assert sentence in articles[source_id]["text"], (source_id, sentence)


def test_titles_and_credited_agencies(seeded):
    expected, articles, _ = seeded
    for source_id, truth in expected["articles"].items():
        assert articles[source_id]["title"] == truth["title"]
        assert sorted(articles[source_id]["credited_agencies"]) == sorted(truth["credited_agencies"])


def test_no_two_seeds_are_duplicates(seeded):
    _, _, groups = seeded
    assert len(set(groups.values())) == len(groups)


def test_removed_text_is_kept_with_reasons(seeded):
    _, articles, _ = seeded
    removed = {item["text"]: item["reason"] for item in articles["004_ea40ac9fa0fa6313"]["removed"]}
    assert removed["— Al Mayadeen English (@MayadeenEnglish) September 19, 2023"] == "social media embed"
    assert removed["Read more: Protesters in Yerevan block Russian Embassy"] == "link to another article"
