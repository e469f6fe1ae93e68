"""The brief of the 2023 seed story, and the briefs of awkward stories (one article, two languages, no figures)."""

from __future__ import annotations

import json

import pytest

from newsfusion.crosscheck.align import NEAR_REPEAT, align
from newsfusion.crosscheck.sentences import split_sentences


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from tests.conftest import SEEDS, run_cli

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    seeds = SEEDS
    db = str(tmp_path_factory.mktemp("brief") / "seeds.db")
    run_cli("ingest", *sorted(str(p) for p in seeds.glob("*.txt")), "--db", db, "--quiet")
    return db


@pytest.fixture(scope="module")
def brief(seed_db):
    from tests.conftest import run_cli

    stories = json.loads(run_cli("stories", "--json", "--db", seed_db).out)
    story = max(stories, key=lambda s: len(s["articles"]))
    result = run_cli("story", str(story["id"]), "--json", "--db", seed_db)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_brief_has_the_contract_keys(brief):
    for key in ("headline", "summary", "facts", "variants", "timeline", "reactions", "framing", "sources"):
        assert key in brief
    assert brief["sources_line"] == "3 independent sources (4 articles)"


def test_every_summary_sentence_is_cited_and_none_repeats(brief):
    assert brief["summary"]
    assert all(item["citations"] for item in brief["summary"])
    sentences = [s for i, item in enumerate(brief["summary"]) for s in split_sentences(f"s{i}", item["text"])]
    alignment = align(sentences)
    for i in range(len(sentences)):
        assert all(score < NEAR_REPEAT for j, score in alignment.similar(i, 0.0) if j != i)


def test_toll_is_an_update_not_a_conflict(brief):
    tolls = [f for f in brief["facts"] if f["kind"] == "figure" and f["slot"] == "killed:people"]
    assert len(tolls) == 1
    assert tolls[0]["status"] == "updated"
    assert [v["value"] for v in tolls[0]["values"]] == [27, 32]


def test_the_earlier_wars_length_is_agreed_background(brief):
    # 000: "during 44 days of clashes" in 2020; 001: "a six-week conflict in 2020"
    [fact] = [f for f in brief["facts"] if f["background"]]
    assert fact["slot"] == "duration:time:2020" and fact["status"] == "agreed"
    assert {s[:3] for s in fact["sources"]} == {"000", "001"} and fact["independent_sources"] == 2


def test_wire_copies_count_once(brief):
    groups = {s["source_id"][:3]: s["group"] for s in brief["sources"]}
    assert groups["001"] == groups["002"]  # 002 credits Reuters, and 001 is Reuters
    assert len(set(groups.values())) == 3
    quote = next(f for f in brief["facts"] if f["kind"] == "quote" and "bloodshed" in f["text"])
    assert {s[:3] for s in quote["sources"]} == {"001", "004"} and quote["independent_sources"] == 2


def test_spelling_variant_and_framing_under_their_outlets(brief):
    assert any(v["variant"] == "Anthony Blinken" and v["canonical"] == "Antony Blinken" for v in brief["variants"])
    terms = {(row["source_id"][:3], row["term"].lower(), row["voice"]) for row in brief["framing"]}
    assert ("000", "liberated territories", "own") in terms
    assert ("001", "full-scale aggression", "quoted") in terms
    assert ("002", "anti-terrorist", "quoted") in terms
    assert ("004", "artsakh", "quoted") in terms


def test_timeline_is_in_order_and_not_background(brief):
    dates = [entry["date"] for entry in brief["timeline"]]
    assert dates == sorted(dates) and dates
    assert all(date >= "2023-09" for date in dates)


def test_renderers(cli, seed_db, brief):
    story_id = str(brief["story_id"])
    text = cli("story", story_id, "--db", seed_db).out
    assert text.startswith(brief["headline"]) and "KEY FACTS" in text and "[updated" in text
    markdown = cli("story", story_id, "--md", "--db", seed_db).out
    assert markdown.startswith("# ") and "## Sources" in markdown
    page = cli("story", story_id, "--html", "--db", seed_db).out
    assert page.startswith("<!doctype html>") and 'class="cite"' in page and "<script" not in page


def test_unknown_story_is_a_clear_error(cli, seed_db):
    result = cli("story", "999", "--db", seed_db)
    assert result.code == 2 and "no story 999" in result.err


def test_brief_from_one_article(cli, seeds):
    result = cli("brief", "--from", str(seeds / "003_cd7ac7b8430c8331.txt"), "--json", "--words", "60")
    assert result.code == 0, result.err
    brief = json.loads(result.out)
    assert brief["sources_line"] == "1 independent source (1 article)"
    assert brief["summary"] and sum(len(s["text"].split()) for s in brief["summary"]) <= 60
    assert all(s["citations"] == ["003_cd7ac7b8430c8331"] for s in brief["summary"])
    assert all(f["status"] == "single_source" for f in brief["facts"])


def test_brief_with_two_languages_and_no_figures(cli, tmp_path):
    records = [
        {"id": "en1", "source": "Paper A", "title": "Council approves new library", "text": "The city council approved the new central library on Monday after a long debate. The library will open next spring, the mayor said. Residents had asked for a larger reading room for years."},
        {"id": "en2", "source": "Paper B", "title": "New library approved", "text": "The city council approved a new central library on Monday. The mayor said the library will open next spring. Critics said the building is too expensive for a small town."},
        {"id": "fr1", "source": "Journal C", "language": "fr", "title": "Nouvelle bibliothèque", "text": "Le conseil municipal a approuvé lundi la nouvelle bibliothèque centrale. Elle ouvrira au printemps prochain, selon le maire."},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = cli("brief", "--from", str(path), "--json")
    assert result.code == 0, result.err
    brief = json.loads(result.out)
    assert {s["source_id"] for s in brief["sources"]} == {"en1", "en2", "fr1"}
    assert brief["summary"] and all(item["citations"] for item in brief["summary"])
    agreed = [f for f in brief["facts"] if f["status"] == "agreed"]
    assert any({"en1", "en2"} <= set(f["sources"]) for f in agreed)
    assert not [f for f in brief["facts"] if f["kind"] == "figure"]


def test_brief_from_unreadable_input(cli, tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": \n', encoding="utf-8")
    result = cli("brief", "--from", str(broken))
    assert result.code == 2 and "no article could be read" in result.err


def test_claims_export_reads_back(cli, seed_db, tmp_path):
    import csv

    out = tmp_path / "claims.csv"
    result = cli("export", "--what", "claims", "--format", "csv", "--out", str(out), "--db", seed_db)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {"story_id", "kind", "status", "text", "sources", "independent_sources"} <= set(rows[0])
    toll = next(r for r in rows if r["kind"] == "figure" and r["status"] == "updated")
    assert "27" in toll["text"] and "32" in toll["text"]
    assert any(r["kind"] == "variant" and r["text"] == "Anthony Blinken -> Antony Blinken" for r in rows)
