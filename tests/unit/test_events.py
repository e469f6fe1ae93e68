"""Events: the PLOVER coder on real sentences, event records, merging mentions across articles, CLI and export.

The sentences are quoted from the seed articles (../shared/seeds) and from allsides articles;
each test says what a reader of that sentence would code.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsfusion.crosscheck.events import aggregate_events, reactions
from newsfusion.extract import extract_article
from newsfusion.extract.events import code_text
from newsfusion.types import Article

# Seed 002 (VOA), seed 004 (Al Mayadeen), seed 001 (Reuters), seed 003 (AFP); allsides articles.
FIGHTING_TOLL = "Armenian authorities said the fighting, which had continued into Wednesday, left at least 32 people dead and more than 200 injured."
THE_1990S = "In the 1990s, Armenia defeated Azerbaijan and took control of the region, which is an internationally recognized part of Azerbaijan."
FRENCH_CALL = "The French Ministry of Foreign Affairs expressed its “grave concern” and called on all parties to respect the agreements reached in November 2020."
WASHINGTON = ("Washington called on Azerbaijan to halt the military action it launched into Armenian-controlled Nagorno-Karabakh on Tuesday, "
              "while Russia urged both sides in the conflict to stop the bloodshed in the mountainous and disputed region.")
POPE = "The violence brought international calls for peace, including Wednesday from Russia and Pope Francis."
SYRIA = ("Syria launched coordinated attacks Wednesday on Islamist factions in towns in Hama and Idlib provinces in western Syria, "
         "with the Syrian shelling apparently conducted in concert with Russian airstrikes, according to an opposition group.")
VETO = "The bill adds 10 days of congressional review if Obama vetoes the legislation."
WHO_FUNDING = "President Trump said the U.S. will stop funding to the World Health Organization while his administration reviews its role."
MOSCOW = "Moscow called early on Wednesday on both sides to stop the bloodshed and hostilities and return to the implementation of the 2020 ceasefire agreement."
RUSSIA_UN = "Russia and the United Nations have jointly called for an immediate cessation of hostilities in the disputed Nagorno-Karabakh area."


def only(events, event_type):
    found = [event for event in events if event.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger) for e in events]}"
    return found[0]


def test_reported_violence_with_its_toll():
    event = only(code_text(FIGHTING_TOLL, 2023), "FIGHT")
    assert event.reported and not event.background
    assert (event.dead, event.injured) == (32, 200)
    assert [e.type for e in code_text(FIGHTING_TOLL, 2023)] == ["FIGHT"]  # "injured" counts victims, it is no second event


def test_a_war_of_the_1990s_is_background():
    events = code_text(THE_1990S, 2023)
    fight = only(events, "FIGHT")
    assert fight.background and (fight.source.code, fight.target.code) == ("ARM", "AZE")
    assert all(event.background for event in events)


def test_a_past_year_in_a_complement_leaves_the_call_as_news():
    demand = only(code_text(FRENCH_CALL, 2021), "DEMAND")
    assert not demand.background and demand.source.code == "FRA"


def test_actor_codes_of_two_calls_in_one_sentence():
    events = [event for event in code_text(WASHINGTON, 2023) if event.type == "DEMAND"]
    assert [(e.source.code, e.target.code if e.target else None) for e in events] == [("USA", "AZE"), ("RUS", None)]


def test_conjoined_actors_keep_their_own_codes():
    demand = only(code_text(POPE, 2023), "DEMAND")
    assert demand.source.parts == (("Russia", "RUS"), ("Pope Francis", "VAT"))


def test_allsides_sentences():
    fight = only(code_text(SYRIA, 2019), "FIGHT")
    assert fight.source.code == "SYR" and fight.mode == "heavy-weapons"
    assert code_text(VETO) == []  # "if Obama vetoes": a hypothetical, not an event
    stopped = code_text(WHO_FUNDING)[0]
    assert stopped.type == "THREATEN" and stopped.mode == "discontinue"  # a promised cut of aid
    assert (stopped.source.code, stopped.target.code) == ("USA", "IGO")


def test_event_records_in_the_extraction_with_dates():
    text = FIGHTING_TOLL + "\n\nBoilerplate line.\n\n" + MOSCOW
    extraction = extract_article(Article("s", text, published="2023-09-20"))
    records = [event.as_dict() for event in extraction.events]
    assert {r["type"] for r in records} == {"FIGHT", "DEMAND"}
    for record in records:
        assert text[record["start"] : record["end"]] == record["sentence"]
        assert text[record["trigger_start"] : record["trigger_end"]] == record["trigger"]
    demand = next(r for r in records if r["type"] == "DEMAND")
    assert (demand["date"], demand["date_text"], demand["date_basis"]) == ("2023-09-20", "Wednesday", "text")
    assert demand["source"]["code"] == "RUS" and demand["reported_speech"] is False
    fight = next(r for r in records if r["type"] == "FIGHT")
    # "the fighting, which had continued into Wednesday": the relative clause dates the fighting
    assert (fight["date"], fight["date_basis"]) == ("2023-09-20", "text") and fight["source"]["text"] is None


def _mentions(source_id, group, text, published="2023-09-20"):
    extraction = extract_article(Article(source_id, text, published=published))
    return [{**event.as_dict(), "source_id": source_id, "group": group} for event in extraction.events]


def test_two_articles_mentions_of_one_call_are_one_event():
    mentions = _mentions("001", "Reuters", MOSCOW) + _mentions("004", "004", RUSSIA_UN)
    merged = [event for event in aggregate_events(mentions) if event.type == "DEMAND"]
    assert len(merged) == 1
    event = merged[0]
    assert (event.mentions, event.independent_sources, event.sources) == (2, 2, ["001", "004"])
    assert [(s["source_id"], s["start"]) for s in event.sentences] == [("001", 0), ("004", 0)]
    same_wire = _mentions("001", "Reuters", MOSCOW) + _mentions("002", "Reuters", RUSSIA_UN)
    assert [e.independent_sources for e in aggregate_events(same_wire) if e.type == "DEMAND"] == [1]


# Two allsides reports of the UN Security Council's Ebola meeting of September 2014.
EBOLA_CALL = ("On Monday, U.S. Ambassador to the United Nations Samantha Power called for an emergency meeting of the "
              "U.N. Security Council on Thursday, warning that the potential risk of the virus could \"set the countries "
              "of West Africa back a generation.\"")
EBOLA_CHAIR = "Next week, the U.S. will chair an emergency meeting of the U.N. Security Council to maximize the response to the Ebola crisis."


def test_a_meeting_called_for_is_the_bodys_meeting_too():
    from newsfusion.crosscheck.events import implied_meetings

    call = _mentions("a", "a", EBOLA_CALL, published="2014-09-16")
    implied = implied_meetings(call)
    assert [(m["type"], m["source"]["text"], m["trigger"], m["implied_by"], m["date"]) for m in implied] == [
        ("CONSULT", "U.N. Security Council", "meeting", "DEMAND", None)]
    assert EBOLA_CALL[implied[0]["trigger_start"] : implied[0]["trigger_end"]] == "meeting"
    chair = _mentions("b", "b", EBOLA_CHAIR, published="2014-09-16")
    events = aggregate_events(call + implied + chair + implied_meetings(chair))
    meetings = [e for e in events if e.type == "CONSULT" and e.independent_sources == 2]
    assert len(meetings) == 1 and meetings[0].sources == ["a", "b"]
    demand = next(row for row in reactions(events) if row["type"] == "DEMAND")
    assert demand["action"].startswith("called for an emergency meeting")
    # talks *with* a body, or a body's meeting named otherwise, imply nothing
    assert implied_meetings(_mentions("c", "c", "Russia called for talks with the U.N. Security Council on Thursday.")) == []


def test_background_and_news_stay_apart():
    mentions = _mentions("a", "a", THE_1990S) + _mentions("b", "b", "Armenia and Azerbaijan fought fierce battles on Tuesday.")
    fights = [event for event in aggregate_events(mentions) if event.type == "FIGHT"]
    assert sorted(event.background for event in fights) == [False, True]
    assert reactions(aggregate_events(_mentions("a", "a", THE_1990S))) == []


# --- the seeds through the real pipeline, the CLI and the exports ----------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from tests.conftest import SEEDS, run_cli

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}; they ship with the shared data, not the project")
    db = str(tmp_path_factory.mktemp("events") / "seeds.db")
    result = run_cli("ingest", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--db", db, "--quiet", "--workers", "1")
    assert result.code == 0, result.err
    return db


def test_reactions_of_the_2023_story(seed_db):
    from newsfusion.crosscheck.events import story_event_mentions
    from newsfusion.crosscheck.material import story_material
    from newsfusion.store import Store

    with Store(seed_db, read_only=True) as store:
        story = max(store.stories(), key=lambda s: s["article_count"])
        material = story_material(store, story["id"])
    rows = reactions(aggregate_events(story_event_mentions(material)))
    by_actor: dict[str, set[str]] = {}
    for row in rows:
        assert row["sources"] and row["spans"] and row["action"]
        by_actor.setdefault(row["actor"], set()).update(row["sources"])
    for actor in ("United States", "Russia", "France", "Germany", "United Nations", "ICRC", "Vatican"):
        assert actor in by_actor, sorted(by_actor)
    assert len(by_actor["Russia"]) == 4 and len(by_actor["United States"]) >= 3
    # France called for it (004), Macron plans to convene it (000), the Council is due to hold it (002)
    meeting = next(row for row in rows if row["actor"] == "United Nations" and row["type"] == "CONSULT")
    assert sorted(meeting["sources"]) == ["000_50e2646faf1d8608", "002_ba3696da157a7910", "004_ea40ac9fa0fa6313"]
    pope = next(row for row in rows if row["actor"] == "Vatican")
    assert pope["as_written"] == ["Pope Francis"] and pope["sources"] == ["002_ba3696da157a7910"]


def test_article_json_carries_its_events(cli, seed_db):
    result = cli("article", "004_ea40ac9fa0fa6313", "--json", "--db", seed_db)
    assert result.code == 0, result.err
    article = json.loads(result.out)
    events = article["events"]
    assert events and all(article["text"][e["start"] : e["end"]] == e["sentence"] for e in events)
    assert any(e["type"] == "DEMAND" and e["source"]["code"] == "RUS" and e["date"] == "2023-09-19" for e in events)


def test_events_command(cli, seeds):
    result = cli("events", "--from", str(seeds / "001_0a3c867d137370e9.txt"), "--json")
    assert result.code == 0, result.err
    records = json.loads(result.out)
    for key in ("source_id", "sentence", "type", "mode", "source", "target", "location", "date", "dead", "injured",
                "background", "reported_speech", "start", "end"):
        assert key in records[0]
    first = records[0]
    assert (first["type"], first["source"]["code"], first["target"]["code"]) == ("DEMAND", "USA", "AZE")
    text = cli("events", "--from", str(seeds / "001_0a3c867d137370e9.txt"))
    assert text.code == 0 and text.out.rstrip().endswith("events in 1 articles")


def test_export_events_in_three_formats(cli, seed_db, tmp_path):
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    from newsfusion.export import EVENT_COLUMNS

    jsonl = cli("export", "--what", "events", "--format", "jsonl", "--db", seed_db)
    assert jsonl.code == 0, jsonl.err
    rows = [json.loads(line) for line in jsonl.out.splitlines()]
    assert rows and list(rows[0]) == list(EVENT_COLUMNS)
    russia = next(r for r in rows if r["EventRootCode"] == "DEMAND" and r["Actor1CountryCode"] == "RUS")
    assert russia["NumMentions"] >= 3 and russia["NumSources"] >= 2 and russia["QuadClass"] == 3
    assert russia["SQLDATE"] == 20230919 and russia["SourceIds"].count(";") == russia["NumArticles"] - 1
    out = tmp_path / "events.csv"
    assert cli("export", "--what", "events", "--format", "csv", "--db", seed_db, "--out", out).code == 0
    read = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(read) == len(rows) and read[0]["GLOBALEVENTID"] == "1"
    parquet = tmp_path / "events.parquet"
    assert cli("export", "--what", "events", "--format", "parquet", "--db", seed_db, "--out", parquet).code == 0
    table = pyarrow_parquet.read_table(parquet)
    assert table.num_rows == len(rows) and table.column("NumMentions").to_pylist() == [r["NumMentions"] for r in rows]
    stories = cli("export", "--what", "stories", "--format", "csv", "--db", seed_db)
    assert stories.code == 0 and len(list(csv.DictReader(io.StringIO(stories.out)))) == 2
    articles = cli("export", "--what", "articles", "--db", seed_db)
    assert len(articles.out.splitlines()) == 5


def test_export_errors_say_what_to_do(cli, seed_db, tmp_path):
    unknown = cli("export", "--what", "tweets", "--db", seed_db)
    assert unknown.code == 2 and "choose one of articles, claims, events, stories" in unknown.err
    unwritable = cli("export", "--what", "events", "--format", "csv", "--db", seed_db, "--out", tmp_path / "no" / "x.csv")
    assert unwritable.code == 2 and "--out" in unwritable.err and len(unwritable.err.strip().splitlines()) == 1
    parquet = cli("export", "--what", "events", "--format", "parquet", "--db", seed_db)
    assert parquet.code == 2 and "--out" in parquet.err
