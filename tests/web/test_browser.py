"""End to end in a real browser: Debian's chromium, driven by Playwright, against `uvicorn` on a free port.

A reader opens the story list, opens the 2023 Karabakh story, follows a citation to the
article page and sees the cited sentence highlighted; the misspelt "Anthony Blinken" is
flagged as a variant of Antony Blinken; an article posted meanwhile shows up on the open
list without a reload. Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Iterator
from urllib.request import Request, urlopen

import pytest

from newsfusion.web import create_app
from tests.conftest import ROOT

from .conftest import BLINKEN_MISSPELT, KARABAKH_2023, KARABAKH_FOLLOW_UP

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "web"
# The pages poll every 3 s; ingesting one article takes a few seconds the first time (the model loads).
LIVE_UPDATE_TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(writable_db: str) -> Iterator[str]:
    """The app over a copy of the seeded store, served by uvicorn in a background thread."""
    import uvicorn

    config = uvicorn.Config(create_app(writable_db), host="127.0.0.1", port=_free_port(), log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    running.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium (apt-get install -y chromium), as .ci/run does")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the `test` extra: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _post(base: str, record: dict) -> dict:
    request = Request(f"{base}/api/articles", data=json.dumps(record).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def test_a_reader_follows_a_citation_and_sees_the_misspelt_name(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Stories", exact=True)).to_be_visible()
    karabakh = page.locator("li.story-item").filter(has_text="4 articles")
    expect(karabakh).to_have_count(1)
    _shot(page, "1-story-list")

    karabakh.get_by_role("link").first.click()
    page.wait_for_url("**/stories/*")
    for source_id in KARABAKH_2023:
        expect(page.locator(f'a[href^="/articles/{source_id}"]').first).to_be_attached()
    variants = page.locator("section[aria-labelledby=h-variants]")
    expect(variants).to_contain_text("Anthony Blinken")
    expect(variants).to_contain_text("variant of Antony Blinken")
    _shot(page, "2-story")

    citation = page.locator("a.cite[href*='?hl=']").first
    if citation.count() == 0:
        pytest.fail("the story page has no citation linking to a cited sentence (is the brief stage installed?)")
    href = citation.get_attribute("href")
    source_id = href.split("/articles/", 1)[1].split("?", 1)[0]
    start, end = (int(part) for part in href.split("hl=", 1)[1].split("#", 1)[0].split("-"))
    citation.focus()
    page.keyboard.press("Enter")  # keyboard users follow citations too
    page.wait_for_url(f"**/articles/{source_id}?hl=*")
    mark = page.locator("mark#hl")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    article = page.request.get(f"{server}/api/articles/{source_id}").json()
    highlighted = "".join(page.locator(".article-text mark.hl").all_inner_texts())
    cited = article["text"][start:end]
    assert "".join(highlighted.split()) == "".join(cited.split())
    _shot(page, "3-article-highlight")

    page.goto(f"{server}/articles/{BLINKEN_MISSPELT}")
    misspelt = page.locator(".article-text .entity.variant", has_text="Anthony Blinken")
    expect(misspelt.first).to_have_attribute("title", "Anthony Blinken: spelling variant of Antony Blinken")
    expect(page.locator(".article-text .badge-variant").first).to_have_text("variant of Antony Blinken")
    expect(page.locator("ul.removed")).to_contain_text("Leave a Reply")
    _shot(page, "4-article-variant")


def test_the_open_story_list_updates_when_an_article_arrives(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    expect(page.locator("li.story-item")).to_have_count(2)
    answer = _post(
        server,
        {
            "id": "live-1",
            "source": "Example Wire",
            "title": "Lunar probe lands near the south pole of the Moon",
            "published": "2023-08-23",
            "text": "India's Chandrayaan-3 lander touched down near the lunar south pole on Wednesday, the space agency ISRO said. "
            "The rover will study the soil for two weeks.",
        },
    )
    assert answer["ingested"] == 1
    expect(page.get_by_role("link", name="Lunar probe lands near the south pole of the Moon")).to_be_visible(timeout=LIVE_UPDATE_TIMEOUT_MS)
    expect(page.locator("#live-status")).to_contain_text("new articles arrived")
    _shot(page, "5-live-update")


def test_an_open_story_updates_when_one_of_its_articles_arrives(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    page.locator("li.story-item").filter(has_text="4 articles").get_by_role("link").first.click()
    page.wait_for_url("**/stories/*")
    story_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator("section[aria-labelledby=h-articles] li")).to_have_count(4)
    answer = _post(server, KARABAKH_FOLLOW_UP)
    assert answer["results"][0]["story_id"] == story_id
    new_article = page.locator(f'section[aria-labelledby=h-articles] a[href="/articles/{KARABAKH_FOLLOW_UP["id"]}"]')
    expect(new_article).to_be_visible(timeout=LIVE_UPDATE_TIMEOUT_MS)
    expect(page.locator("section[aria-labelledby=h-articles] li")).to_have_count(5)
    _shot(page, "6-live-story")


def test_pages_fit_a_phone_and_work_from_the_keyboard(server, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(server + "/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    outline = page.locator(".skip-link").evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "focused links show a focus ring"
    story_id = page.locator("li.story-item").filter(has_text="4 articles").get_by_role("link").first.get_attribute("href")
    for url in ("/", story_id, f"/articles/{BLINKEN_MISSPELT}", "/search?q=Blinken"):
        page.goto(server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{url} scrolls sideways on a phone by {overflow}px"
    page.goto(server + story_id)
    _shot(page, "7-story-phone")
