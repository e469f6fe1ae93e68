"""The HTML pages: each renders, has a JSON twin, marks what it should, and loads nothing from the internet."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from newsfusion.web.app import static_folder
from newsfusion.web.markup import Span, annotated_text, places_map
from newsfusion.web.readers import find_brief_function

from .conftest import BLINKEN_MISSPELT, assert_error_shape

HTML = {"Accept": "text/html"}
TEMPLATES = Path(static_folder()).parent / "templates"


def page(client, url: str) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_story_list_page_links_every_story_and_its_twin(client, karabakh_story):
    html = page(client, "/")
    assert f'href="/stories/{karabakh_story["id"]}"' in html
    assert "4 articles" in html
    assert 'href="/?format=json"' in html
    assert client.get("/?format=json").json() == client.get("/api/stories").json()
    assert 'data-live' in html and "/static/live.js" in html


def test_story_list_page_keeps_its_filters(client):
    html = page(client, "/?entity=Blinken&since=2023-01-01")
    assert 'value="Blinken"' in html and 'value="2023-01-01"' in html
    assert "1 story matches" in html


def test_story_page_shows_the_story_its_places_and_the_variant(client, karabakh_story):
    html = page(client, f"/stories/{karabakh_story['id']}")
    assert "<svg" in html and 'class="map"' in html and ">Azerbaijan<" in html
    assert "Anthony Blinken" in html and "variant of Antony Blinken" in html
    for source_id in karabakh_story["articles"]:
        assert f"/articles/{source_id}" in html
    twin = client.get(f"/stories/{karabakh_story['id']}?format=json").json()
    assert twin == client.get(f"/api/stories/{karabakh_story['id']}").json()


@pytest.mark.skipif(find_brief_function() is None, reason="the brief stage is not installed")
def test_story_page_citations_link_to_the_cited_sentence(client, karabakh_story):
    html = page(client, f"/stories/{karabakh_story['id']}")
    brief = client.get(f"/api/stories/{karabakh_story['id']}/brief").json()
    first = brief["summary"][0]
    span = first["spans"][0]
    assert f'/articles/{span["source_id"]}?hl={span["start"]}-{span["end"]}#hl' in html
    assert "Facts" in html and "Outlets and their framing" in html
    for fact in brief["facts"]:
        assert unescape(fact["text"])[:40] in unescape(html)


def test_article_page_highlights_the_requested_span(client):
    article = client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()
    start = article["text"].index("Secretary of State Anthony Blinken")
    end = start + len("Secretary of State Anthony Blinken")
    html = page(client, f"/articles/{BLINKEN_MISSPELT}?hl={start}-{end}")
    marked = re.search(r'<mark class="hl"[^>]*id="hl"[^>]*>(.*?)</mark>', html, re.S)
    assert marked, "the highlight starts with the element the page scrolls to"
    body = html[html.index('<div class="article-text">') :]
    highlighted = "".join(re.findall(r'<mark class="hl"[^>]*>(.*?)</mark>', body, re.S))
    assert re.sub(r"<[^>]+>", "", unescape(highlighted)).startswith("Secretary of State Anthony Blinken")


def test_article_page_marks_entities_variants_and_removed_text(client):
    html = page(client, f"/articles/{BLINKEN_MISSPELT}")
    assert 'title="Anthony Blinken: spelling variant of Antony Blinken"' in html
    assert "variant of Antony Blinken</span>" in html
    assert 'class="entity entity-place' in html
    removed = html[html.index("Removed by cleaning") :]
    assert "Leave a Reply" in removed and 'class="reason"' in removed
    assert client.get(f"/articles/{BLINKEN_MISSPELT}?format=json").json() == client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()


def test_article_page_says_when_its_extraction_is_still_coming(make_client, writable_db):
    from newsfusion.store import Store

    client = make_client()
    assert "still being extracted" not in page(client, f"/articles/{BLINKEN_MISSPELT}")
    assert client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()["extraction_pending"] is False
    with Store(writable_db) as store:  # a new revision stored, its extraction not written yet
        article_id = store.db.connection.execute("SELECT id, revision FROM articles WHERE source_id = ?", (BLINKEN_MISSPELT,)).fetchone()
        store.await_extraction(article_id[0], article_id[1] + 1)
    html = page(client, f"/articles/{BLINKEN_MISSPELT}")
    assert "still being extracted" in html and "Key to the marks" not in html
    assert client.get(f"/api/articles/{BLINKEN_MISSPELT}").json()["extraction_pending"] is True


def test_article_page_rejects_a_malformed_highlight(client):
    assert_error_shape(client.get(f"/articles/{BLINKEN_MISSPELT}?hl=start-end"), 422)
    html = page(client, f"/articles/{BLINKEN_MISSPELT}?hl=999999-9999999")
    assert 'id="hl"' not in html


def test_search_page_lists_matches_and_its_twin(client):
    html = page(client, "/search?q=Blinken")
    assert "<mark>Blinken</mark>" in html
    assert client.get("/search?q=Blinken&format=json").json() == client.get("/api/search?q=Blinken").json()
    empty = page(client, "/search?q=%27%3B+DROP+TABLE+articles%3B+--")
    assert "No article holds every one of these words" in empty


def test_a_browser_gets_error_pages_and_scripts_get_json(client):
    response = client.get("/stories/999999", headers=HTML)
    assert response.status_code == 404 and "no story 999999" in response.text and "<html" in response.text
    assert_error_shape(client.get("/stories/999999"), 404)
    assert_error_shape(client.get("/stories/999999?format=json", headers=HTML), 404)
    assert client.get("/no/such/page", headers=HTML).status_code == 404


def test_static_files_are_served_and_nothing_is_loaded_from_outside():
    for folder in (TEMPLATES, Path(static_folder())):
        for path in folder.iterdir():
            text = path.read_text(encoding="utf-8")
            outside = [url for url in re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//[^"')\s]+""", text)]
            assert not outside, (path, outside)


def test_static_assets_respond(client):
    for name in ("style.css", "live.js", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200


def test_annotated_text_escapes_and_nests_overlapping_spans():
    text = "Blinken said <b>calm</b> is needed.\n\nSecond paragraph."
    spans = [
        Span(0, 7, "entity", "entity entity-person", "PERSON: Antony Blinken", "variant of Antony Blinken"),
        Span(0, 24, "quote", "quote quote-direct", "direct quote: Blinken"),
        Span(5, 40, "hl", "hl"),
    ]
    html = str(annotated_text(text, spans))
    assert "&lt;b&gt;calm&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("<p>") == 2
    assert html.count('id="hl"') == 1
    assert html.index('<span class="badge badge-variant">variant of Antony Blinken</span>') < html.index("said")
    without_badges = re.sub(r'<span class="badge[^"]*">[^<]*</span>', "", html)
    assert unescape(re.sub(r"<[^>]+>", "", without_badges)) == text.replace("\n\n", "\n")


def test_places_map_draws_every_place_inside_the_picture():
    places = [
        {"name": "Baku", "country": "Azerbaijan", "lat": 40.4, "lon": 49.9, "mentions": 5, "sources": ["a"]},
        {"name": "Yerevan", "country": "Armenia", "lat": 40.2, "lon": 44.5, "mentions": 2, "sources": ["a", "b"]},
        {"name": "Washington", "country": "United States", "lat": 38.9, "lon": -77.0, "mentions": 1, "sources": ["b"]},
    ]
    svg = str(places_map(places))
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    width, height = int(view_box.group(1)), int(view_box.group(2))
    circles = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)]
    assert len(circles) == 3 and all(0 <= x <= width and 0 <= y <= height for x, y in circles)
    baku, yerevan, washington = (re.search(rf"<title>{name}:", svg) for name in ("Baku", "Yerevan", "Washington"))
    assert baku and yerevan and washington
    assert places_map([]) == ""


def test_a_merged_story_redirects_to_the_story_it_became(make_client, writable_db):
    import sqlite3

    with sqlite3.connect(writable_db) as connection:
        keep, fold = (row[0] for row in connection.execute("SELECT id FROM stories ORDER BY articles DESC"))
        connection.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (keep, fold))
    client = make_client()
    moved = client.get(f"/stories/{fold}", headers=HTML, follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == f"/stories/{keep}"
    assert client.get(f"/api/stories/{fold}").json()["story"]["id"] == keep


def test_without_the_brief_stage_the_story_page_shows_what_exists(make_client, monkeypatch, karabakh_story):
    from newsfusion.web import app as web_app

    monkeypatch.setattr(web_app, "find_brief_function", lambda: None)
    client = make_client()
    html = page(client, f"/stories/{karabakh_story['id']}")
    assert "Summary" not in html and "Facts" not in html
    assert "variant of Antony Blinken" in html and "<svg" in html
    for source_id in karabakh_story["articles"]:
        assert f"/articles/{source_id}" in html
    view = client.get(f"/api/stories/{karabakh_story['id']}").json()
    assert "brief" not in view
    assert "badges" not in client.get("/api/stories").json()["stories"][0]
    assert_error_shape(client.get(f"/api/stories/{karabakh_story['id']}/brief"), 404)
    assert client.get("/api/status").json()["briefs"] is False


def test_the_story_list_briefs_only_stories_of_several_articles(make_client, monkeypatch):
    # A one-article story has nothing to cross-check, so the list does not pay for its brief.
    from newsfusion.web import app as web_app

    real = find_brief_function()
    briefed: list[int] = []

    def counting(store, story_id):
        briefed.append(story_id)
        return real(store, story_id)

    monkeypatch.setattr(web_app, "find_brief_function", lambda: counting)
    stories = make_client().get("/api/stories").json()["stories"]
    several = {story["id"] for story in stories if story["article_count"] > 1}
    single = [story for story in stories if story["article_count"] == 1]
    assert several and single and set(briefed) == several
    for story in single:
        assert story["badges"] == {"conflicts": 0, "updates": 0} and story["headline"] is None


def test_a_one_article_brief_has_no_conflict_or_update(client):
    # What the list relies on: the brief of a lone article never reports a conflict or an update.
    for story in client.get("/api/stories").json()["stories"]:
        if story["article_count"] == 1:
            brief = client.get(f"/api/stories/{story['id']}/brief").json()
            assert not [fact for fact in brief["facts"] if fact["status"] in {"conflict", "updated"}]
