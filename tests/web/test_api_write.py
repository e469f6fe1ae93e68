"""Live ingest through POST /api/articles: formats, validation, limits, the token, read-only, one writer."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading

import pytest

from newsfusion.errors import StoreError
from newsfusion.settings import load_settings
from newsfusion.web import create_app
from tests.conftest import run_cli

from .conftest import BLINKEN_MISSPELT

from .conftest import KARABAKH_FOLLOW_UP, assert_error_shape

ARTICLE = KARABAKH_FOLLOW_UP


def record(number: int, **changes: object) -> dict:
    return {**ARTICLE, "id": f"web-record-{number}", **changes}


def test_one_record_is_ingested_and_joins_a_story(make_client):
    client = make_client()
    answer = client.post("/api/articles", json=ARTICLE)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["ok"] is True and body["ingested"] == 1 and body["rejected"] == 0
    assert body["results"][0]["source_id"] == "web-karabakh-1" and body["results"][0]["status"] == "new"
    story_id = body["results"][0]["story_id"]
    assert isinstance(story_id, int)
    article = client.get("/api/articles/web-karabakh-1").json()
    assert article["outlet"] == "Example Wire" and article["story_id"] == story_id
    assert any(entity["text"] == "Antony Blinken" for entity in article["entities"])
    again = client.post("/api/articles", json=ARTICLE).json()
    assert again["unchanged"] == 1 and again["results"][0]["status"] == "unchanged"
    revised = client.post("/api/articles", json={**ARTICLE, "text": ARTICLE["text"] + "\n\nTalks were to resume on Friday."}).json()
    assert revised["revisions"] == 1 and revised["results"][0]["status"] == "revision"


def test_json_lines_land_with_the_bad_lines_rejected_by_number(make_client):
    client = make_client()
    lines = [json.dumps(record(1)), "{not json", json.dumps({"id": "no-body", "title": "nothing"}), json.dumps(record(4))]
    answer = client.post("/api/articles", content="\n".join(lines).encode(), headers={"Content-Type": "application/x-ndjson"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["ingested"] == 2 and body["rejected"] == 2
    assert [result["status"] for result in body["results"]] == ["new", "rejected", "rejected", "new"]
    codes = {rejection["line"]: rejection["code"] for rejection in body["rejections"]}
    assert codes == {2: "bad_json", 3: "no_text"}
    assert all(rejection["message"] for rejection in body["rejections"])
    stored = client.get("/api/rejects").json()["rejects"]
    assert {"bad_json", "no_text"} <= {row["code"] for row in stored if row["origin"].startswith("POST /api/articles")}


def test_a_json_list_of_records_is_accepted(make_client):
    client = make_client()
    body = client.post("/api/articles", json=[record(1), record(2, text="A second, different report: " + ARTICLE["text"])]).json()
    assert body["ingested"] == 2
    assert {result["source_id"] for result in body["results"]} == {"web-record-1", "web-record-2"}


def test_a_record_without_id_gets_a_stable_one(make_client):
    client = make_client()
    anonymous = {key: value for key, value in ARTICLE.items() if key != "id"}
    first = client.post("/api/articles", json=anonymous).json()["results"][0]
    second = client.post("/api/articles", json=anonymous).json()["results"][0]
    assert first["source_id"].startswith("api-") and first["source_id"] == second["source_id"]
    assert second["status"] == "unchanged"


@pytest.mark.parametrize(
    "body, words",
    [
        (b'{"id": "x", "text": "unterminated', "not valid JSON"),
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[]", "empty JSON list"),
    ],
)
def test_a_body_that_is_not_json_is_a_400(make_client, body, words):
    client = make_client()
    answer = assert_error_shape(client.post("/api/articles", content=body, headers={"Content-Type": "application/json"}), 400)
    assert words in answer["error"]


@pytest.mark.parametrize(
    "payload, code",
    [
        ({"id": "x", "title": "no text"}, "no_text"),
        ({"id": "x", "text": 42}, "bad_field"),
        ("just a string", "not_a_record"),
        (7, "not_a_record"),
    ],
)
def test_a_record_that_cannot_be_used_is_a_422_with_its_reason(make_client, payload, code):
    client = make_client()
    answer = assert_error_shape(client.post("/api/articles", json=payload), 422)
    assert answer["rejected"] == 1 and answer["rejections"][0]["code"] == code
    assert answer["results"][0]["status"] == "rejected"


def test_an_oversized_body_is_a_413(make_client):
    client = make_client(max_body_bytes=2_000)
    big = {**ARTICLE, "text": "word " * 1_000}
    answer = assert_error_shape(client.post("/api/articles", json=big), 413)
    assert "limit" in answer["error"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(10):
            yield b" " * 500

    assert_error_shape(client.post("/api/articles", content=chunks()), 413)
    assert client.get("/api/articles/web-karabakh-1").status_code == 404


def test_a_record_over_max_document_mb_is_rejected_too_large(make_client, writable_db):
    settings, _ = load_settings({"db": writable_db})
    client = make_client(settings=dataclasses.replace(settings, max_document_mb=0.001))
    answer = assert_error_shape(client.post("/api/articles", json={**ARTICLE, "text": "word " * 1_000}), 422)
    assert answer["rejections"][0]["code"] == "too_large"


def test_with_a_token_writes_need_it_and_reads_stay_open(make_client):
    client = make_client(token="s3cret")
    missing = assert_error_shape(client.post("/api/articles", json=ARTICLE), 401)
    assert "Bearer" in missing["error"]
    wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer guess"})
    assert "wrong" in assert_error_shape(wrong, 401)["error"]
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    assert_error_shape(client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Basic s3cret"}), 401)
    assert client.get("/api/stories").status_code == 200
    assert client.get("/api/status").json()["writes_need_token"] is True
    right = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer s3cret"})
    assert right.status_code == 200 and right.json()["ingested"] == 1


def test_read_only_refuses_writes_and_still_reads(make_client, writable_db):
    client = make_client(read_only=True)
    answer = assert_error_shape(client.post("/api/articles", json=ARTICLE), 403)
    assert "read-only" in answer["error"]
    assert client.get("/api/status").json()["read_only"] is True
    assert client.get("/api/stories").json()["total"] == 2
    with sqlite3.connect(writable_db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5


def test_concurrent_posts_are_written_one_at_a_time(make_client):
    client = make_client()
    answers: list[dict] = []

    def post(number: int) -> None:
        text = f"Report number {number} from the region. " + ARTICLE["text"].replace("Thursday", f"day {number}")
        answers.append(client.post("/api/articles", json=record(number, text=text)).json())

    threads = [threading.Thread(target=post, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer["results"][0]["source_id"] for answer in answers) == [f"web-record-{n}" for n in range(4)]
    assert all(answer["ok"] and answer["ingested"] == 1 for answer in answers)
    assert client.get("/api/status").json()["counts"]["articles"] == 9


def test_an_ingested_article_shows_in_changes_and_the_story(make_client):
    client = make_client()
    before = client.get("/api/changes").json()["version"]
    story_id = client.post("/api/articles", json=ARTICLE).json()["results"][0]["story_id"]
    change = client.get("/api/changes", params={"since": before, "story": story_id}).json()
    assert change["changed"] is True and story_id in change["stories"] and change["version"] > before
    view = client.get(f"/api/stories/{story_id}").json()
    assert "web-karabakh-1" in {article["source_id"] for article in view["articles"]}


def test_another_writer_between_requests_is_picked_up(make_client, writable_db, tmp_path):
    client = make_client()
    client.post("/api/articles", json=record(1))
    feed = tmp_path / "more.jsonl"
    feed.write_text(json.dumps(record(2, text="Meanwhile in Yerevan, " + ARTICLE["text"])) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(feed), "--db", writable_db, "--quiet").code == 0
    third = client.post("/api/articles", json=record(3, text="Later on, " + ARTICLE["text"])).json()
    assert third["ingested"] == 1
    with sqlite3.connect(writable_db) as connection:
        story_ids = connection.execute("SELECT story_id FROM story_articles").fetchall()
        assert len(story_ids) == 8
        assert connection.execute("SELECT COUNT(DISTINCT id) FROM stories").fetchone()[0] == connection.execute("SELECT COUNT(*) FROM stories").fetchone()[0]


def test_serving_a_missing_database_says_to_ingest_first(tmp_path):
    missing = tmp_path / "nowhere.db"
    with pytest.raises(StoreError, match="newsfusion ingest"):
        create_app(str(missing))
    result = run_cli("serve", "--db", str(missing))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "newsfusion ingest" in lines[0]
    assert not missing.exists()


def test_an_extraction_written_after_its_article_is_a_change_of_its_story(make_client, writable_db):
    from newsfusion.store import Store

    client = make_client()
    article = client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()
    before = client.get("/api/changes").json()["version"]
    with Store(writable_db) as store:  # as the pipeline does: the extraction is awaited, then written
        row = store.db.connection.execute("SELECT id, revision FROM articles WHERE source_id = ?", (BLINKEN_MISSPELT,)).fetchone()
        extraction = store.extraction(BLINKEN_MISSPELT)
        store.await_extraction(row[0], row[1])
        assert store.finish_extraction(row[0], row[1], extraction)
    change = client.get("/api/changes", params={"since": before, "story": article["story_id"]}).json()
    assert change["changed"] is True and article["story_id"] in change["stories"] and change["version"] > before
