"""The read side of the JSON API over the ingested seeds: every GET route, its filters and its errors."""

from __future__ import annotations

import sqlite3

import pytest

from newsfusion.web.readers import find_brief_function

from .conftest import BLINKEN_MISSPELT, KARABAKH_2023, assert_error_shape

needs_briefs = pytest.mark.skipif(find_brief_function() is None, reason="the brief stage (newsfusion.brief) is not installed")
STATUSES = {"agreed", "single_source", "updated", "conflict"}


def test_status_counts_the_store(client):
    status = client.get("/api/status").json()
    assert status["ok"] is True
    assert status["counts"]["articles"] == 5 and status["counts"]["stories"] == 2
    assert status["version"] >= 5
    assert status["read_only"] is False and status["writes_need_token"] is False


def test_stories_are_paged_newest_first(client):
    everything = client.get("/api/stories").json()
    assert everything["total"] == 2 and len(everything["stories"]) == 2
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert [story["id"] for story in first["stories"] + second["stories"]] == [story["id"] for story in everything["stories"]]
    assert first["total"] == 2 and first["limit"] == 1
    for story in everything["stories"]:
        for key in ("id", "title", "thread_id", "first_seen", "last_seen", "articles", "independent_sources"):
            assert key in story


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"outlet": "fastest news updates around the world"}, {"karabakh"}),
        ({"entity": "Anthony Blinken"}, {"karabakh"}),
        ({"entity": "blinken"}, {"karabakh"}),
        ({"entity": "Blink"}, set()),
        ({"q": "Grigoryan"}, {"2021"}),
        ({"q": "Pashinyan"}, {"karabakh", "2021"}),
        ({"q": "peacekeepers Lachin"}, {"2021"}),
        ({"since": "2023-01-01"}, {"karabakh"}),
        ({"until": "2022-06-30"}, {"2021"}),
        ({"since": "2021-06-01", "until": "2021-12-31"}, {"2021"}),
        ({"q": "!!!"}, set()),
    ],
)
def test_stories_filter_by_outlet_entity_words_and_time(client, karabakh_story, params, expected):
    stories = client.get("/api/stories", params=params).json()["stories"]
    found = {"karabakh" if story["id"] == karabakh_story["id"] else "2021" for story in stories}
    assert found == expected


def test_story_filters_reject_bad_values(client):
    body = assert_error_shape(client.get("/api/stories", params={"since": "yesterday"}), 422)
    assert "since" in body["error"]
    assert_error_shape(client.get("/api/stories", params={"limit": 0}), 422)
    assert_error_shape(client.get("/api/stories", params={"limit": 101}), 422)
    assert_error_shape(client.get("/api/stories", params={"offset": -1}), 422)


def test_story_detail_has_articles_places_and_the_misspelt_name(client, karabakh_story):
    view = client.get(f"/api/stories/{karabakh_story['id']}").json()
    assert view["story"]["id"] == karabakh_story["id"]
    assert {article["source_id"] for article in view["articles"]} == KARABAKH_2023
    assert view["places"], "the seeds name Azerbaijan, Armenia, Baku..."
    assert all(-90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180 for place in view["places"])
    assert "Azerbaijan" in {place["name"] for place in view["places"]}
    assert {"canonical": "Antony Blinken", "variant": "Anthony Blinken", "sources": [BLINKEN_MISSPELT]} in view["variants"]


def test_story_entities_are_resolved_to_canonical_names(client, karabakh_story):
    entities = client.get(f"/api/stories/{karabakh_story['id']}/entities").json()["entities"]
    blinken = next(entity for entity in entities if entity["canonical"] == "Antony Blinken")
    forms = {form["text"]: form["variant_of"] for form in blinken["forms"]}
    assert forms["Anthony Blinken"] == "Antony Blinken"
    assert set(blinken["sources"]) >= {BLINKEN_MISSPELT, "001_0a3c867d137370e9"}


@needs_briefs
def test_story_brief_cites_sentences_by_span(client, karabakh_story):
    brief = client.get(f"/api/stories/{karabakh_story['id']}/brief").json()
    assert brief["headline"] and brief["summary"]
    texts = {source_id: client.get(f"/api/articles/{source_id}").json()["text"] for source_id in KARABAKH_2023}
    for sentence in brief["summary"]:
        assert set(sentence["citations"]) <= KARABAKH_2023
        for span in sentence.get("spans", []):
            cited = texts[span["source_id"]][span["start"] : span["end"]]
            assert cited.strip(), span
    view = client.get(f"/api/stories/{karabakh_story['id']}").json()
    assert view["brief"] == brief


@needs_briefs
def test_story_claims_are_the_brief_facts(client, karabakh_story):
    claims = client.get(f"/api/stories/{karabakh_story['id']}/claims").json()
    assert claims["story_id"] == karabakh_story["id"]
    assert claims["claims"], "the seeds agree on several facts"
    assert {claim["status"] for claim in claims["claims"]} <= STATUSES
    assert any(claim["independent_sources"] >= 2 for claim in claims["claims"])


@needs_briefs
def test_story_list_carries_badges_from_the_brief(client, karabakh_story):
    story = next(story for story in client.get("/api/stories").json()["stories"] if story["id"] == karabakh_story["id"])
    facts = client.get(f"/api/stories/{karabakh_story['id']}/claims").json()["claims"]
    assert story["badges"] == {
        "conflicts": sum(fact["status"] == "conflict" for fact in facts),
        "updates": sum(fact["status"] == "updated" for fact in facts),
    }


@pytest.mark.parametrize("suffix", ["", "/entities", "/brief", "/claims"])
def test_unknown_story_is_a_404_in_the_common_shape(client, suffix):
    if suffix in ("/brief", "/claims") and find_brief_function() is None:
        pytest.skip("the brief stage is not installed")
    body = assert_error_shape(client.get(f"/api/stories/999999{suffix}"), 404)
    assert "999999" in body["error"]


def test_story_id_must_be_a_number(client):
    body = assert_error_shape(client.get("/api/stories/abc"), 422)
    assert "story_id" in body["error"]


def test_article_has_text_extractions_and_removed_boilerplate(client):
    article = client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()
    assert article["source_id"] == BLINKEN_MISSPELT
    assert "Anthony Blinken" in article["text"]
    assert "Leave a Reply" not in article["text"]
    assert any(item["text"] == "Leave a Reply" and item["reason"] for item in article["removed"])
    misspelt = [entity for entity in article["entities"] if entity["text"] == "Anthony Blinken"]
    assert misspelt and all(entity["variant_of"] == "Antony Blinken" for entity in misspelt)
    for entity in article["entities"]:
        assert article["text"][entity["start"] : entity["end"]] == entity["text"]
    for key in ("quotes", "figures", "dates", "places"):
        assert isinstance(article[key], list)
    assert article["story"]["id"] == article["story_id"]


def test_unknown_article_is_a_404(client):
    body = assert_error_shape(client.get("/api/articles/no-such-article"), 404)
    assert "no-such-article" in body["error"]


def test_article_list_is_paged_and_filtered_by_outlet(client):
    listing = client.get("/api/articles", params={"limit": 2}).json()
    assert listing["total"] == 5 and len(listing["articles"]) == 2
    assert listing["articles"][0]["seq"] > listing["articles"][1]["seq"]
    assert "text" not in listing["articles"][0]
    one = client.get("/api/articles", params={"outlet": "Fastest News Updates around the World"}).json()
    assert [article["source_id"] for article in one["articles"]] == [BLINKEN_MISSPELT]


def test_search_finds_articles_and_their_stories(client, karabakh_story):
    found = client.get("/api/search", params={"q": "Blinken"}).json()
    assert {hit["source_id"] for hit in found["articles"]} <= KARABAKH_2023 and found["articles"]
    assert all(hit["story_id"] == karabakh_story["id"] for hit in found["articles"])
    assert [story["id"] for story in found["stories"]] == [karabakh_story["id"]]
    assert all("[" in hit["snippet"] for hit in found["articles"])


@pytest.mark.parametrize("query", ["'; DROP TABLE articles; --", '" OR 1=1 --', "NEAR(a b) AND * OR ^", "title:x", "%_\\"])
def test_search_treats_sql_and_fts_syntax_as_plain_text(client, seeded_db, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200, response.text
    assert response.json()["articles"] == []
    assert client.get("/api/stories", params={"q": query, "entity": query, "outlet": query}).status_code == 200
    assert client.get("/api/entities", params={"q": query}).status_code == 200
    with sqlite3.connect(seeded_db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5


def test_search_needs_a_query(client):
    body = assert_error_shape(client.get("/api/search"), 422)
    assert "q" in body["error"]


def test_entities_are_counted_across_the_store(client):
    listing = client.get("/api/entities", params={"q": "blinken"}).json()
    texts = {entity["text"] for entity in listing["entities"]}
    assert {"Antony Blinken", "Anthony Blinken"} <= texts
    assert listing["total"] == len(listing["entities"])
    people = client.get("/api/entities", params={"type": "person", "limit": 100}).json()["entities"]
    assert people and all(entity["type"] == "PERSON" for entity in people)
    assert all(entity["articles"] >= 1 and entity["mentions"] >= entity["articles"] for entity in people)


def test_rejects_lists_the_file_that_was_not_an_article(client):
    rejects = client.get("/api/rejects").json()["rejects"]
    assert any("expected.json" in row["origin"] and row["code"] == "no_text" for row in rejects)


def test_changes_say_whether_anything_arrived(client, karabakh_story):
    now = client.get("/api/changes", params={"since": 0}).json()
    assert now["changed"] is True and karabakh_story["id"] in now["stories"]
    version = now["version"]
    assert client.get("/api/changes", params={"since": version}).json() == {"version": version, "changed": False, "stories": []}
    assert client.get("/api/changes", params={"since": 0, "story": 999999}).json()["changed"] is False
    assert_error_shape(client.get("/api/changes", params={"since": "soon"}), 422)


def test_unknown_route_and_wrong_method_answer_the_common_shape(client):
    assert_error_shape(client.get("/api/nothing-here"), 404)
    wrong = assert_error_shape(client.put("/api/stories"), 405)
    assert "PUT" in wrong["error"]
    assert_error_shape(client.delete(f"/api/articles/{BLINKEN_MISSPELT}"), 405)


def test_a_server_error_answers_the_common_shape(client, monkeypatch):
    from newsfusion.web import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "story_list", broken)
    body = assert_error_shape(client.get("/api/stories"), 500)
    assert "RuntimeError" in body["error"] and "boom" not in body["error"]


def test_openapi_and_docs_are_served_without_the_internet(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{source_id}", "/api/search", "/api/entities", "/api/changes"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "https://" not in docs.text and "http://" not in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs-assets/swagger-ui.css").status_code == 200


def test_events_are_listed_with_their_article_and_story(client, karabakh_story):
    listing = client.get("/api/events", params={"limit": 100}).json()
    if listing["total"] == 0:
        pytest.skip("this build's extract stage stores no events")
    assert listing["total"] >= len(listing["events"]) > 0
    for event in listing["events"]:
        assert event["source_id"] and event["type"] and "sentence" in event
    story_events = client.get("/api/events", params={"story": karabakh_story["id"], "limit": 100}).json()["events"]
    assert story_events and {event["source_id"] for event in story_events} <= KARABAKH_2023
    kind = story_events[0]["type"]
    same = client.get("/api/events", params={"type": kind.lower(), "limit": 100}).json()["events"]
    assert same and all(event["type"] == kind for event in same)
    text = client.get(f"/api/articles/{story_events[0]['source_id']}").json()["text"]
    assert text[story_events[0]["start"] : story_events[0]["end"]] == story_events[0]["sentence"]
    assert_error_shape(client.get("/api/events", params={"story": "x"}), 422)
