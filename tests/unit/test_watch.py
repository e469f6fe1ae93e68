"""`newsfusion watch`: files and feed entries that appear are stored once, in arrival order,
with back-pressure, warnings for inputs that cannot be read, and a clean stop."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

from newsfusion.errors import StoreError
from newsfusion.settings import Settings, load_settings
from newsfusion.store import Store
from newsfusion.watch import BatchReport, Watcher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
BODY = [p for p in REUTERS.split("\n\n")[2:] if p.strip()]
TOPICS = ["flood", "election", "harvest", "strike", "bridge", "museum", "satellite", "vaccine", "railway", "drought"]


def article_text(n: int) -> str:
    """A short article of its own: the title line, then a paragraph nobody else prints."""
    topic = TOPICS[n % len(TOPICS)]
    return (
        f"Report {n} on the {topic}\n\n"
        f"Officials in district {n} said on Monday that the {topic} had affected {n * 17 + 3} households, "
        f"and that a review of the {topic} response would be published within {n + 2} weeks."
    )


def article_html(n: int) -> str:
    """Paragraphs enough for the HTML cleaner to see an article in."""
    topic = TOPICS[n % len(TOPICS)]
    paragraphs = [
        f"Officials in district {n} said on Monday that the {topic} had affected {n * 17 + 3} households across the region.",
        f"A review of the {topic} response would be published within {n + 2} weeks, the regional governor told reporters.",
        f"Residents near the town hall described the {topic} as the worst they could remember in {n + 20} years.",
        f"Opposition members called for an independent inquiry and asked for {n * 3 + 1} million in emergency funds.",
    ]
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def write_ordered_articles(inbox: Path, names: list[str]) -> list[str]:
    """One article file per name in a new folder, modified in name order (so arrival order is name order)."""
    inbox.mkdir()
    for n, name in enumerate(names):
        path = inbox / f"{name}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        os.utime(path, ns=(1_600_000_000_000_000_000 + n * 1_000_000,) * 2)
    return names


def watch_settings(tmp_path: Path, **values: object) -> Settings:
    """Fast settings: no extraction, in-process preparation, quick polls."""
    given = {"db": str(tmp_path / "watch.db"), "extract": False, "workers": 1, "watch_interval_s": 0.1, **values}
    settings, _ = load_settings(given, environ={}, cwd=tmp_path)
    return settings


class Recorder:
    """Collects what a Watcher reports."""

    def __init__(self) -> None:
        self.batches: list[BatchReport] = []
        self.warnings: list[str] = []

    def kwargs(self) -> dict[str, Callable]:
        return {"on_batch": self.batches.append, "on_warning": self.warnings.append}

    @property
    def ingested(self) -> int:
        return sum(batch.summary.ingested for batch in self.batches)


@contextmanager
def running(watcher: Watcher) -> Iterator[dict]:
    """Run the watcher on a thread for the block; stop it after and re-raise what it raised."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["summary"] = watcher.run()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    try:
        yield outcome
    finally:
        watcher.stop()
        thread.join(timeout=15)
        assert not thread.is_alive(), "the watcher did not stop"
    if "error" in outcome:
        raise outcome["error"]


def wait_until(condition: Callable[[], bool], timeout: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def stored_ids(db: str) -> list[str]:
    try:
        with Store(db, read_only=True) as store:
            return [article["source_id"] for article in store.articles()]
    except StoreError:  # not created yet, or the watcher is still creating its tables
        return []


def document_count(db: str) -> int:
    with Store(db, read_only=True) as store:
        return store.counts()["documents"]


def test_files_appearing_in_a_folder_are_stored_once_in_arrival_order(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    settings = watch_settings(tmp_path)
    seen = Recorder()
    watcher = Watcher([str(inbox)], settings, **seen.kwargs())
    with running(watcher):
        # Name order is not arrival order: c, then a, then sub/b.
        for n, name in enumerate(["c.txt", "a.txt", "sub/b.txt"]):
            (inbox / name).write_text(article_text(n), encoding="utf-8")
            time.sleep(0.05)
        (inbox / ".d.txt.part").write_text(article_text(7), encoding="utf-8")  # hidden: being written
        (inbox / "notes.md").write_text("not an article format", encoding="utf-8")
        wait_until(lambda: len(stored_ids(settings.db)) == 3, what="three articles")
        polls = watcher.stats.polls
        wait_until(lambda: watcher.stats.polls >= polls + 3, what="three more polls")
        # A lone file dropped in later lands within about a second of settling.
        started = time.monotonic()
        (inbox / "e.txt").write_text(article_text(4), encoding="utf-8")
        wait_until(lambda: len(stored_ids(settings.db)) == 4, timeout=5, what="the lone article")
        assert time.monotonic() - started < 4.0  # about one: a poll, half a second to settle, the flush
    assert stored_ids(settings.db) == ["c", "a", "b", "e"]
    assert document_count(settings.db) == 4
    assert seen.ingested == 4 and seen.warnings == []
    assert all(batch.line().startswith("watch: +") for batch in seen.batches)
    assert seen.batches[-1].stored == 4
    assert watcher.summary.ingested == 4 and watcher.summary.rejected == 0


def test_with_extraction_the_story_comes_first_and_the_extraction_follows_while_idle(tmp_path):
    import sqlite3

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = watch_settings(tmp_path, extract=True)

    def extracted() -> int:
        with sqlite3.connect(settings.db) as connection:
            return connection.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]

    watcher = Watcher([str(inbox)], settings, **Recorder().kwargs())
    with running(watcher):
        (inbox / "a.txt").write_text(article_text(1), encoding="utf-8")
        wait_until(lambda: len(stored_ids(settings.db)) == 1, what="the article")
        # Nothing else arrives: the idle consumer writes the extraction on its own.
        wait_until(lambda: extracted() == 1, what="its extraction")
        (inbox / "b.txt").write_text(article_text(2), encoding="utf-8")
        wait_until(lambda: len(stored_ids(settings.db)) == 2, what="the second article")
    # Stopping writes whatever is still out.
    assert extracted() == 2 and stored_ids(settings.db) == ["a", "b"]


def test_rewritten_file_is_a_revision_and_polling_again_changes_nothing(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "story.txt").write_text(article_text(1), encoding="utf-8")
    settings = watch_settings(tmp_path)
    seen = Recorder()
    watcher = Watcher([str(inbox)], settings, **seen.kwargs())
    with running(watcher):
        wait_until(lambda: stored_ids(settings.db) == ["story"], what="the first version")
        (inbox / "story.txt").write_text(article_text(1) + " The toll was later revised upwards.", encoding="utf-8")
        wait_until(lambda: document_count(settings.db) == 2, what="the revision")
        # The batch is stored before its report reaches the recorder: wait for the report too.
        wait_until(lambda: any(batch.summary.revisions for batch in seen.batches), what="the revision's batch report")
        batches = len(seen.batches)
        polls = watcher.stats.polls
        wait_until(lambda: watcher.stats.polls >= polls + 5, what="five more polls")
        assert len(seen.batches) == batches  # nothing new, nothing written
    with Store(settings.db, read_only=True) as store:
        assert [r["revision"] for r in store.revisions("story")] == [1, 2]
        assert "revised upwards" in store.article("story")["text"]
    assert sum(b.summary.revisions for b in seen.batches) == 1
    # A restart reads the folder again and finds everything stored.
    again = Watcher([str(inbox)], settings, once=True)
    summary = again.run()
    assert (summary.ingested, summary.revisions, summary.unchanged) == (0, 0, 1)
    assert document_count(settings.db) == 2


class CountingRoutes(dict):
    """Routes for the conftest HTTP server that count the requests of each path."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.hits: dict[str, int] = {}

    def get(self, path, default=None):  # noqa: ANN001 - dict's signature
        self.hits[path] = self.hits.get(path, 0) + 1
        return super().get(path, default)


def rss(base: str, numbers: list[int]) -> bytes:
    """A feed listing entries newest first; odd ones carry no content and are fetched from their link."""
    items = []
    for n in sorted(numbers, reverse=True):
        if n % 2:
            body = f"<link>{base}/page/{n}</link><description>Summary {n}.</description>"
        else:
            body = f"<link>{base}/page/{n}</link><content:encoded><![CDATA[{article_html(n)}]]></content:encoded>"
        items.append(f"<item><guid>entry-{n}</guid><title>Report {n}</title>{body}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Local Wire</title><link>{base}</link>{''.join(items)}</channel></rss>"
    ).encode()


def page(n: int) -> tuple[int, str, bytes]:
    html = f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>{article_html(n)}</article></body></html>"
    return (200, "text/html; charset=utf-8", html.encode())


def test_feed_that_gains_entries_ingests_only_the_new_ones(tmp_path, http_server):
    routes = CountingRoutes({f"/page/{n}": page(n) for n in range(1, 6)})
    base = http_server(routes)
    routes["/feed"] = (200, "application/rss+xml", rss(base, [1, 2]))
    settings = watch_settings(tmp_path, fetch_retries=0)
    seen = Recorder()
    watcher = Watcher([f"{base}/feed"], settings, **seen.kwargs())
    with running(watcher):
        wait_until(lambda: len(stored_ids(settings.db)) == 2, what="the first two entries")
        polls = watcher.stats.polls
        wait_until(lambda: watcher.stats.polls >= polls + 3, what="three more polls")
        routes["/feed"] = (200, "application/rss+xml", rss(base, [1, 2, 3, 4]))
        wait_until(lambda: len(stored_ids(settings.db)) == 4, what="the two new entries")
        polls = watcher.stats.polls
        wait_until(lambda: watcher.stats.polls >= polls + 3, what="three more polls")
    # Each poll's entries in feed order (newest first), as `ingest` reads a feed.
    assert stored_ids(settings.db) == ["entry-2", "entry-1", "entry-4", "entry-3"]
    assert document_count(settings.db) == 4 and seen.ingested == 4
    # The feed is fetched at every poll, each entry's page only once.
    assert routes.hits["/feed"] >= 6
    assert routes.hits["/page/1"] == 1 and routes.hits["/page/3"] == 1
    assert "/page/2" not in routes.hits  # it had its content in the feed
    with Store(settings.db, read_only=True) as store:
        assert store.article("entry-3")["outlet"] == "Local Wire"
        assert store.rejections() == []


def test_feed_file_entry_whose_page_fails_is_fetched_again_at_the_next_poll(tmp_path, http_server):
    routes = CountingRoutes()
    base = http_server(routes)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "wire.rss").write_bytes(rss(base, [1, 2]))  # entry 1's page is missing for now
    settings = watch_settings(tmp_path, fetch_retries=0)
    seen = Recorder()
    watcher = Watcher([str(inbox)], settings, **seen.kwargs())
    with running(watcher):
        wait_until(lambda: stored_ids(settings.db) == ["entry-2"] and seen.warnings, what="entry 2 and a warning")
        wait_until(lambda: routes.hits.get("/page/1", 0) >= 3, what="more attempts at entry 1")
        routes["/page/1"] = page(1)
        wait_until(lambda: len(stored_ids(settings.db)) == 2, what="entry 1")
        fetched = routes.hits["/page/1"]
        polls = watcher.stats.polls
        wait_until(lambda: watcher.stats.polls >= polls + 3, what="three more polls")
    assert stored_ids(settings.db) == ["entry-2", "entry-1"]
    assert len(seen.warnings) == 1, "\n".join(seen.warnings)
    assert "HTTP 404" in seen.warnings[0] and "entry 2" in seen.warnings[0]
    assert routes.hits["/page/1"] == fetched  # once read, not fetched again
    with Store(settings.db, read_only=True) as store:
        assert store.rejections() == []


class SlowFeedHandler(http.server.BaseHTTPRequestHandler):
    """Serves `feed` from its server; while the server's `slow` event is set, answers too late."""

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.server.requests += 1  # type: ignore[attr-defined]
        if self.server.slow.is_set():  # type: ignore[attr-defined]
            time.sleep(1.0)
        body = self.server.feed  # type: ignore[attr-defined]
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up: that is the point

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_feed() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowFeedHandler)
    server.daemon_threads = True
    server.slow = threading.Event()  # type: ignore[attr-defined]
    server.requests = 0  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{server.server_address[1]}"
    server.feed = rss(base, [2, 4])  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_feed_that_times_out_is_a_warning_and_is_retried(tmp_path, slow_feed):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"http://127.0.0.1:{slow_feed.server_address[1]}/feed"
    slow_feed.slow.set()
    settings = watch_settings(tmp_path, fetch_timeout_s=0.3, fetch_retries=0)
    seen = Recorder()
    watcher = Watcher([url, str(inbox)], settings, **seen.kwargs())
    with running(watcher):
        wait_until(lambda: seen.warnings, what="a warning")
        # The watcher goes on: the folder after the feed is still watched.
        (inbox / "local.txt").write_text(article_text(5), encoding="utf-8")
        wait_until(lambda: stored_ids(settings.db) == ["local"], what="the local file")
        wait_until(lambda: watcher.stats.warnings >= 3, what="more failed polls")
        assert len(seen.warnings) == 1  # a feed that stays down is reported once
        slow_feed.slow.clear()
        wait_until(lambda: len(stored_ids(settings.db)) == 3, what="the feed's entries")
    (warning,) = seen.warnings
    assert url in warning and "timed out" in warning and "next poll" in warning and "\n" not in warning
    assert sorted(stored_ids(settings.db)) == ["entry-2", "entry-4", "local"]
    with Store(settings.db, read_only=True) as store:
        assert store.rejections() == []  # a feed that was down is not a rejected input


def test_unreadable_file_is_a_warning_and_is_read_again_when_fixed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    lines = "".join(json.dumps({"id": f"g{n}", "text": article_text(n)}) + "\n" for n in range(3)).encode()
    packed = gzip.compress(lines)
    (inbox / "batch.jsonl.gz").write_bytes(packed[: len(packed) // 2])  # a cut-off copy
    settings = watch_settings(tmp_path)
    seen = Recorder()
    watcher = Watcher([str(inbox)], settings, **seen.kwargs())
    with running(watcher):
        wait_until(lambda: seen.warnings, what="a warning")
        (inbox / "batch.jsonl.gz").write_bytes(packed)
        wait_until(lambda: len(stored_ids(settings.db)) == 3, what="the repaired file's records")
    assert stored_ids(settings.db) == ["g0", "g1", "g2"]
    assert "batch.jsonl.gz" in seen.warnings[0] and "cannot be read" in seen.warnings[0]
    with Store(settings.db, read_only=True) as store:
        assert store.rejections() == []


def test_back_pressure_a_full_queue_makes_the_poller_wait_and_nothing_is_lost(tmp_path):
    inbox = tmp_path / "inbox"
    names = write_ordered_articles(inbox, [f"n{n:02d}" for n in range(12)])
    settings = watch_settings(tmp_path, watch_queue=1, batch_size=1)
    depths: list[int] = []

    def slow_consumer(batch: BatchReport) -> None:
        depths.append(watcher._queue.qsize())  # noqa: SLF001 - what the test is about
        time.sleep(0.05)

    watcher = Watcher([str(inbox)], settings, once=True, on_batch=slow_consumer)
    summary = watcher.run()
    assert watcher.stats.queue_full_waits >= 5  # the poller waited on the slow consumer
    assert max(depths) <= 1
    assert summary.ingested == 12 and len(depths) == 12  # one batch per document, none lost
    assert stored_ids(settings.db) == names


def test_stop_while_the_poller_waits_then_a_rerun_stores_the_rest_once(tmp_path):
    inbox = tmp_path / "inbox"
    names = write_ordered_articles(inbox, [f"s{n:02d}" for n in range(30)])
    settings = watch_settings(tmp_path, watch_queue=2, batch_size=2)

    def slow_consumer(batch: BatchReport) -> None:
        time.sleep(0.1)

    watcher = Watcher([str(inbox)], settings, on_batch=slow_consumer)
    with running(watcher) as outcome:
        wait_until(lambda: len(stored_ids(settings.db)) >= 4, what="a few batches")
        started = time.monotonic()
        watcher.stop()
    assert time.monotonic() - started < 5
    partial = stored_ids(settings.db)
    assert 4 <= len(partial) < 30 and partial == names[: len(partial)]
    assert outcome["summary"].ingested == len(partial)

    rest = Watcher([str(inbox)], settings, once=True).run()
    assert (rest.ingested, rest.unchanged) == (30 - len(partial), len(partial))
    assert stored_ids(settings.db) == names and document_count(settings.db) == 30


def test_another_writer_meanwhile_is_picked_up(tmp_path, cli):
    """An `ingest` into the same file while watching: the watcher's models reload before its next batch."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = watch_settings(tmp_path)
    seen = Recorder()
    watcher = Watcher([str(inbox)], settings, **seen.kwargs())
    original = tmp_path / "reuters-1.json"
    original.write_text(json.dumps({"id": "reuters-1", "source": "Reuters", "text": "\n\n".join(BODY)}), encoding="utf-8")
    with running(watcher):
        (inbox / "first.txt").write_text(article_text(1), encoding="utf-8")
        wait_until(lambda: stored_ids(settings.db) == ["first"], what="the first article")
        os.environ["NEWSFUSION_EXTRACT"] = "0"
        try:
            assert cli("ingest", original, "--db", settings.db, "--workers", "1", "--quiet").code == 0
        finally:
            del os.environ["NEWSFUSION_EXTRACT"]
        # A syndicated copy (another masthead, a cut end) arrives in the watched folder.
        copy = "Capital Media\n\n" + "\n\n".join(BODY[:-1])
        (inbox / "capital-1.json").write_text(json.dumps({"id": "capital-1", "source": "Capital Media", "text": copy}), encoding="utf-8")
        wait_until(lambda: len(stored_ids(settings.db)) == 3, what="the copy")
    assert seen.batches[-1].summary.duplicates == 1
    with Store(settings.db, read_only=True) as store:
        assert store.duplicate_group("capital-1") is not None


def test_cli_watch_once_and_usage_errors(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("NEWSFUSION_EXTRACT", "0")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"c{n}.txt").write_text(article_text(n), encoding="utf-8")
    (inbox / "broken.json").write_text("{not json", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    first = cli("watch", inbox, "--db", db, "--once", "--workers", "1")
    assert first.code == 1  # a rejected input, as with ingest
    assert "watch: +3 ingested, 0 revisions, 0 duplicates, 1 rejected; 3 stored" in first.out
    assert first.out.strip().splitlines()[-1].startswith("ingested 3, revisions 0, unchanged 0, duplicates 0, rejected 1")
    assert "rejected: " in first.err and "broken.json" in first.err
    (inbox / "broken.json").unlink()  # read again, it would be rejected again, as with ingest
    second = cli("watch", inbox, "--db", db, "--once", "--quiet", "--interval", "0.5", "--queue", "4")
    assert second.code == 0, second.err
    assert second.out.strip() == "ingested 0, revisions 0, unchanged 3, duplicates 0, rejected 0"

    assert cli("watch", "-", "--db", db).code == 2
    missing = cli("watch", tmp_path / "nowhere", "--db", db)
    assert missing.code == 2 and "does not exist" in missing.err
    assert cli("watch", inbox, "--db", db, "--queue", "0").code == 2
