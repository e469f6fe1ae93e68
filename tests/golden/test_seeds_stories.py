"""The seed stories: 000, 001, 002, 004 are one event, 003 another, all five one thread."""

from __future__ import annotations

import json
import shutil


def story_sets(cli, db):
    stories = json.loads(cli("stories", "--json", "--db", db).out)
    return {frozenset(source[:3] for source in story["articles"]) for story in stories}, {story["thread_id"] for story in stories}


def test_seed_stories_and_thread(cli, db, seeds):
    cli("ingest", seeds, "--db", db)
    groups, threads = story_sets(cli, db)
    assert groups == {frozenset({"000", "001", "002", "004"}), frozenset({"003"})}
    assert len(threads) == 1


def test_restart_between_articles_gives_the_same_stories(cli, tmp_path, seeds):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, first if path.name < "003" else second)
    db = str(tmp_path / "restart.db")
    cli("ingest", first, "--db", db)
    cli("ingest", second, "--db", db)
    groups, threads = story_sets(cli, db)
    assert groups == {frozenset({"000", "001", "002", "004"}), frozenset({"003"})}
    assert len(threads) == 1


def test_reingesting_changes_nothing(cli, db, seeds):
    cli("ingest", seeds, "--db", db)
    before = json.loads(cli("stories", "--json", "--db", db).out)
    cli("ingest", seeds, "--db", db)
    assert json.loads(cli("stories", "--json", "--db", db).out) == before


def test_story_records_carry_the_contract_keys(cli, db, seeds):
    cli("ingest", seeds, "--db", db)
    story = next(s for s in json.loads(cli("stories", "--json", "--db", db).out) if len(s["articles"]) == 4)
    for key in ("id", "title", "thread_id", "first_seen", "last_seen", "articles", "independent_sources", "outlets", "key_terms", "entities"):
        assert key in story
    # 001 is Reuters and 002 credits Reuters (with AP and AFP): one independent source.
    assert story["independent_sources"] == 3
    assert "karabakh" in story["key_terms"] or "karabakh" in " ".join(story["entities"])
