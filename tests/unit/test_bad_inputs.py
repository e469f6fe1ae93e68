"""Bad inputs: each gives one clear line, is stored as a rejection, and the rest of the batch lands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfusion.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")


def good_file(folder: Path) -> Path:
    path = folder / "good.txt"
    path.write_text(REUTERS, encoding="utf-8")
    return path


def ingest_with_good(cli, db, tmp_path, bad: Path, *extra: str):
    """Ingest a good file, then the bad input, then another good record; return the run and the rejects."""
    tail = tmp_path / "tail.jsonl"
    tail.write_text(json.dumps({"id": "tail", "text": REUTERS}) + "\n", encoding="utf-8")
    result = cli("ingest", good_file(tmp_path), bad, tail, "--db", db, *extra)
    with Store(db, read_only=True) as store:
        ids = [article["source_id"] for article in store.articles()]
        rejects = store.rejections()
    assert ids == ["good", "tail"], result.err
    assert result.code == 1
    assert len(rejects) == 1
    # One line per rejection on stderr, naming the input.
    lines = [line for line in result.err.splitlines() if line.startswith("rejected:")]
    assert len(lines) == 1 and str(bad) in lines[0]
    return result, rejects[0]


def test_binary_file(cli, db, tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    _, reject = ingest_with_good(cli, db, tmp_path, bad)
    assert reject["code"] == "binary" and "PNG" in reject["message"]


def test_empty_file(cli, db, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"  \n\n")
    _, reject = ingest_with_good(cli, db, tmp_path, bad)
    assert reject["code"] == "empty"


def test_jsonl_with_one_malformed_line_reports_its_number(cli, db, tmp_path):
    bad = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "one", "text": REUTERS}), '{"id": "two", "text": "unterminated', json.dumps({"id": "three", "text": REUTERS + " More."})]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("ingest", bad, "--db", db)
    assert result.code == 1
    with Store(db, read_only=True) as store:
        assert [a["source_id"] for a in store.articles()] == ["one", "three"]
        (reject,) = store.rejections()
    assert (reject["code"], reject["line"]) == ("bad_json", 2)
    assert f"{bad} line 2:" in result.err


def test_file_over_the_size_limit(cli, db, tmp_path):
    bad = tmp_path / "huge.txt"
    bad.write_text(REUTERS * 700, encoding="utf-8")  # ~1.4 MB
    _, reject = ingest_with_good(cli, db, tmp_path, bad, "--max-document-mb", "1")
    assert reject["code"] == "too_large" and "--max-document-mb" in reject["message"]


def test_html_with_no_article(cli, db, tmp_path):
    bad = tmp_path / "nav.html"
    links = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    bad.write_text(f"<html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav><footer>© 2024</footer></body></html>")
    _, reject = ingest_with_good(cli, db, tmp_path, bad)
    assert (reject["stage"], reject["code"]) == ("clean", "no_article")


def test_feed_with_broken_xml(cli, db, tmp_path):
    bad = tmp_path / "news.rss"
    bad.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A & B</tit')
    _, reject = ingest_with_good(cli, db, tmp_path, bad)
    assert reject["code"] == "bad_feed"


def test_url_that_never_answers_times_out(cli, db, tmp_path, silent_server):
    result = cli("ingest", good_file(tmp_path), silent_server, "--db", db, "--fetch-timeout-s", "0.3", "--fetch-retries", "1")
    assert result.code == 1
    with Store(db, read_only=True) as store:
        assert [a["source_id"] for a in store.articles()] == ["good"]
        (reject,) = store.rejections()
    assert reject["code"] == "fetch_failed" and "timed out" in reject["message"] and "2 attempts" in reject["message"]


def test_missing_path_and_unknown_type(cli, db, tmp_path):
    other = tmp_path / "slides.pptx"
    other.write_bytes(b"x")
    result = cli("ingest", good_file(tmp_path), tmp_path / "nope.txt", other, "--db", db)
    assert result.code == 1
    with Store(db, read_only=True) as store:
        codes = sorted(r["code"] for r in store.rejections())
    assert codes == ["not_found", "unsupported"]


def test_json_record_without_text(cli, db, tmp_path):
    bad = tmp_path / "meta.json"
    bad.write_text(json.dumps({"id": "m", "title": "Only a title"}))
    _, reject = ingest_with_good(cli, db, tmp_path, bad)
    assert reject["code"] == "no_text" and "'text'" in reject["message"]


def test_rejection_is_stored_once_across_runs(cli, db, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    cli("ingest", bad, "--db", db)
    cli("ingest", bad, "--db", db)
    with Store(db, read_only=True) as store:
        assert len(store.rejections()) == 1


@pytest.mark.parametrize("command", [["stories"], ["article", "x"], ["search", "x"], ["rejects"]])
def test_reading_a_missing_database_is_one_line_and_exit_2(cli, tmp_path, command):
    result = cli(*command, "--db", tmp_path / "missing.db")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "does not exist" in result.err


def test_unknown_article_is_exit_2(cli, db, tmp_path):
    cli("ingest", good_file(tmp_path), "--db", db)
    result = cli("article", "no-such-id", "--db", db)
    assert result.code == 2 and "no article 'no-such-id'" in result.err
