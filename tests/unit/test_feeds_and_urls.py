"""Feeds and URLs: entries with content, entries fetched from their link, offline, plain pages."""

from __future__ import annotations

import gzip
from pathlib import Path

from newsfusion.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE = gzip.decompress((FIXTURES / "aljazeera-helicopter.html.gz").read_bytes())
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")


def rss(base: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in REUTERS.split("\n\n")[1:])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire Feed</title><link>{base}</link>
<item><guid>wire-1</guid><title>US calls for Azerbaijan to halt Karabakh attack</title>
<link>{base}/wire-1</link><pubDate>Tue, 19 Sep 2023 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><guid>crash-1</guid><title>US service members killed in Afghanistan crash</title>
<link>{base}/crash</link><description>Two US soldiers were killed.</description></item>
</channel></rss>"""


def test_feed_file_entries_with_and_without_content(cli, db, tmp_path, http_server):
    base = http_server({"/crash": (200, "text/html; charset=utf-8", PAGE)})
    feed = tmp_path / "wire.xml"
    feed.write_text(rss(base), encoding="utf-8")
    result = cli("ingest", feed, "--db", db)
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        wire = store.article("wire-1")
        crash = store.article("crash-1")
    assert wire["outlet"] == "Wire Feed" and "Blinken" in wire["text"]
    assert (wire["published"], wire["published_source"]) == ("2023-09-19T18:00:00Z", "record")
    # The summary-only entry was fetched from its link: the full page text, not the one-line summary.
    assert len(crash["text"]) > 500 and "helicopter" in crash["text"].lower()


def test_offline_keeps_the_summary(cli, db, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(rss("http://127.0.0.1:9"), encoding="utf-8")
    result = cli("ingest", feed, "--db", db, "--offline")
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        crash = store.article("crash-1")
    assert crash["text"] == "Two US soldiers were killed." and crash["metadata"]["summary_only"] is True


def test_entry_whose_link_fails_is_rejected_and_others_land(cli, db, tmp_path, http_server):
    base = http_server({})
    feed = tmp_path / "wire.atom"
    feed.write_text(rss(base), encoding="utf-8")
    result = cli("ingest", feed, "--db", db, "--fetch-retries", "0")
    assert result.code == 1
    with Store(db, read_only=True) as store:
        assert [a["source_id"] for a in store.articles()] == ["wire-1"]
        (reject,) = store.rejections()
    assert reject["code"] == "fetch_failed" and "HTTP 404" in reject["message"] and reject["line"] == 2


def test_url_of_a_page_and_of_a_feed(cli, db, http_server):
    base = http_server({})
    base = http_server({"/news/crash.html": (200, "text/html", PAGE), "/feed": (200, "application/rss+xml", rss(base).encode())})
    result = cli("ingest", f"{base}/news/crash.html", f"{base}/feed", "--db", db, "--offline")
    assert result.code == 1  # --offline refuses to fetch the URLs at all
    result = cli("ingest", f"{base}/news/crash.html", "--db", db)
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        ids = [a["source_id"] for a in store.articles()]
    assert ids == [f"{base.split('://')[1]}/news/crash.html"]
