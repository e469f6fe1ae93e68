"""Extraction runs behind the stories (pipeline.py, extract_lane.ExtractLane): a batch's articles join
their stories first; extractions follow in their own transactions; a run stopped in between is
finished by the next one; an extraction of an outdated revision is never written."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

import newsfusion.pipeline as pipeline_module
import newsfusion.extract_lane as extract_lane
from newsfusion.ingest.records import content_hash
from newsfusion.pipeline import Pipeline
from newsfusion.settings import load_settings
from newsfusion.store import Store
from newsfusion.types import Article, RawDocument

PARAGRAPHS = [
    "Azerbaijan launched an offensive in Nagorno-Karabakh on Tuesday, the defence ministry in Baku said.",
    "\u201cWe will not be drawn into hostilities,\u201d Prime Minister Nikol Pashinyan told the cabinet in Yerevan.",
    "Russia said its peacekeepers had evacuated 2,261 civilians, including 1,049 children, by Wednesday.",
    "The European Union called for an immediate halt to the fighting and a return to talks in Brussels.",
]


def document(i: int, text: str | None = None) -> RawDocument:
    body = text or "\n\n".join(PARAGRAPHS[i % 4 :] + PARAGRAPHS[: i % 4])
    raw = f"{i}:{body}".encode()
    return RawDocument(
        source_id=f"a{i}", format="json", origin="test", raw=raw, content_hash=content_hash(raw), line=i, text=body,
        title=f"Offensive in Karabakh, report {i}", outlet="Test Wire",
    )


@pytest.fixture
def settings(db):
    return load_settings(cli={"db": db, "workers": 1}, environ={})[0]


def counts(db: str) -> dict[str, int]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "story_articles", "extractions", "pending_extractions")
        }
    finally:
        connection.close()


def test_every_article_is_extracted_and_nothing_stays_awaited(settings, db):
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        summary = pipeline.run([document(i) for i in range(5)])
    assert summary.ingested == 5
    assert counts(db) == {"articles": 5, "story_articles": 5, "extractions": 5, "pending_extractions": 0}


def test_the_story_is_committed_before_the_extraction_starts(settings, db, monkeypatch):
    seen = []
    real = extract_lane.extract_many

    def spying(articles):
        seen.append(counts(db))  # another connection: sees only what is committed
        with Store(db, read_only=True) as reader:
            seen.append(reader.extraction_pending("a0"))
        return real(articles)

    monkeypatch.setattr(extract_lane, "extract_many", spying)
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        pipeline.run([document(i) for i in range(3)])
        assert not store.extraction_pending("a0")
    assert seen and seen[0]["story_articles"] == 3 and seen[0]["extractions"] == 0
    assert seen[0]["pending_extractions"] == 3 and seen[1] is True


def test_a_run_killed_before_its_extractions_are_written_is_finished_by_the_next(settings, db, monkeypatch):
    def killed(articles):
        raise KeyboardInterrupt

    monkeypatch.setattr(extract_lane, "extract_many", killed)
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        with pytest.raises(KeyboardInterrupt):
            pipeline.run([document(i) for i in range(3)])
    assert counts(db) == {"articles": 3, "story_articles": 3, "extractions": 0, "pending_extractions": 3}

    monkeypatch.undo()
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        summary = pipeline.run([])
        assert store.extraction("a1")["entities"]
    assert summary.resumed == 3 and "extracted 3 articles an interrupted run had left" in summary.line()
    assert counts(db) == {"articles": 3, "story_articles": 3, "extractions": 3, "pending_extractions": 0}


def test_an_extraction_of_an_outdated_revision_is_not_written(settings, db):
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        pipeline.run([document(1)])
        article_id = store.db.connection.execute("SELECT id FROM articles WHERE source_id = 'a1'").fetchone()[0]
        # revision 2 arrives while revision 1's extraction is still out
        store.await_extraction(article_id, 2)
        assert store.extraction("a1") is None  # the old one pointed into the old text
        assert store.finish_extraction(article_id, 1, {"entities": []}) is False
        assert store.extraction("a1") is None
        assert store.finish_extraction(article_id, 2, {"entities": []}) is True
        assert store.extraction("a1") == {"entities": []}


def test_a_revision_replaces_the_extraction_and_the_old_one_never_shows(settings, db):
    with Store(db) as store, Pipeline(store, settings) as pipeline:
        pipeline.run([document(1)])
        changed = document(1, text=PARAGRAPHS[3])
        summary = pipeline.run([changed])
        assert summary.revisions == 1
        places = {entity["text"] for entity in store.extraction("a1")["entities"]}
    assert "Brussels" in places and "Yerevan" not in places


def test_reading_waits_while_too_many_articles_await_extraction(settings, db, monkeypatch):
    monkeypatch.setattr(pipeline_module, "MAX_EXTRACT_BACKLOG", 2)
    settings = replace(settings, batch_size=2)
    backlog_when_read = []

    with Store(db) as store, Pipeline(store, settings) as pipeline:
        def stream():
            for i in range(7):
                backlog_when_read.append(pipeline.lane.backlog)
                yield document(i)

        summary = pipeline.run(stream())
    assert summary.ingested == 7
    assert max(backlog_when_read) < 2 + settings.batch_size
    assert counts(db)["extractions"] == 7


def test_an_article_the_extractors_fail_on_gets_a_note_and_the_rest_go_on(monkeypatch):
    real = extract_lane.extract_articles

    def fragile(articles):
        if any("poison" in article.text for article in articles):
            raise ValueError("cannot parse this")
        return real(articles)

    monkeypatch.setattr(extract_lane, "extract_articles", fragile)
    extractions, seconds = extract_lane.extract_many([Article("ok", PARAGRAPHS[0]), Article("bad", "poison " + PARAGRAPHS[1])])
    assert extractions[0].entities and seconds > 0
    assert extractions[1].entities == () and "extractors failed on this text (ValueError: cannot parse this)" in extractions[1].notes[0]


def test_an_extract_worker_does_not_load_the_duplicate_stage():
    """The extract workers import their lane and the extractors, not datasketch (and the scipy it brings)."""
    import subprocess
    import sys

    code = (
        "import sys; import newsfusion.extract_lane; "
        "print(sorted(m for m in ('datasketch', 'scipy', 'newsfusion.dedupe', 'newsfusion.prepare_pool') if m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_with_extraction_on_the_main_process_cleans_unless_there_are_many_workers():
    from newsfusion.pipeline import prepare_workers

    def workers_for(extract, workers):
        return prepare_workers(load_settings(cli={"extract": extract, "workers": workers}, environ={})[0])

    assert workers_for(True, 2) <= 1 and workers_for(True, 8) <= 1  # in-process: the cores go to extraction
    assert workers_for(True, 16) == 2
    assert workers_for(False, 2) == 2  # without extraction every worker cleans
