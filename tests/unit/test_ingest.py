"""Ingest: every format of the contract, source_id rules, order, idempotence and revisions."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

from newsfusion.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
# The excerpt's paragraphs of prose (its second paragraph is a photo caption, which cleaning removes).
PARAGRAPHS = [p for p in REUTERS.split("\n\n")[1:] if p.strip() and not p.startswith("©")]


def record(i: int, **extra) -> dict:
    return {"id": f"r{i}", "title": f"Paragraph {i}", "source": "Reuters", "text": PARAGRAPHS[i % len(PARAGRAPHS)], **extra}


def source_ids(db: str) -> list[str]:
    with Store(db, read_only=True) as store:
        return [article["source_id"] for article in store.articles()]


def test_seeds_are_stored_by_source_id_and_a_second_run_stores_nothing(cli, db, seeds):
    first = cli("ingest", seeds, "--db", db)
    assert "ingested 5," in first.out
    ids = source_ids(db)
    assert ids == sorted(path.stem for path in seeds.glob("*.txt"))
    stories = json.loads(cli("stories", "--json", "--db", db).out)
    assert sorted(source for story in stories for source in story["articles"]) == ids
    article = json.loads(cli("article", ids[3], "--json", "--db", db).out)
    assert article["source_id"] == ids[3] and "Shoigu" in article["text"]

    with sqlite3.connect(db) as connection:
        before = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    second = cli("ingest", seeds, "--db", db)
    assert "ingested 0," in second.out and "unchanged 5" in second.out
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == before


def test_text_file_title_is_its_first_line(cli, db, tmp_path):
    path = tmp_path / "reuters-karabakh.txt"
    path.write_text(REUTERS, encoding="utf-8")
    assert cli("ingest", path, "--db", db).code == 0
    article = json.loads(cli("article", "reuters-karabakh", "--json", "--db", db).out)
    assert article["title"] == "US calls for Azerbaijan to halt Karabakh attack, Russia urges return to ceasefire"
    assert article["credited_agencies"] == ["Reuters"]
    assert article["text"].startswith("(Reuters) – Washington called on Azerbaijan")
    assert {"text": REUTERS.split("\n\n")[1].strip(), "reason": "photo caption or credit"} in article["removed"]


def test_cp1252_and_utf16_files_are_decoded(cli, db, tmp_path):
    (tmp_path / "legacy.txt").write_bytes(REUTERS.encode("cp1252"))
    (tmp_path / "wide.txt").write_bytes(REUTERS.encode("utf-16"))
    result = cli("ingest", tmp_path, "--db", db)
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        for source_id in ("legacy", "wide"):
            article = store.article(source_id)
            assert "Armenia’s Prime Minister Nikol Pashinyan" in article["text"]
            assert "Washington called on Azerbaijan" in article["text"]


def test_jsonl_gz_json_list_and_stdin_keep_input_order(cli, db, tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        for i in (3, 1, 2):
            handle.write(json.dumps(record(i)) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([record(9), record(8)]), encoding="utf-8")
    stdin = (json.dumps(record(20)) + "\n" + json.dumps({"text": PARAGRAPHS[1]}) + "\n").encode()
    result = cli("ingest", tmp_path / "a.jsonl.gz", tmp_path / "b.json", "-", "--db", db, stdin=stdin)
    assert result.code == 0, result.err
    assert source_ids(db) == ["r3", "r1", "r2", "r9", "r8", "r20", "stdin-2"]


def test_record_fields_and_metadata_are_kept(cli, db, tmp_path):
    item = {"ID": "x1", "url": "https://example.org/a", "source": "Example Times", "date": "2016-09-20",
            "title": "Headline", "text": PARAGRAPHS[2], "bias_text": "left", "authors": "A. Writer"}
    (tmp_path / "one.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    cli("ingest", tmp_path / "one.jsonl", "--db", db)
    with Store(db, read_only=True) as store:
        article = store.article("x1")
    assert (article["outlet"], article["published"], article["url"]) == ("Example Times", "2016-09-20", "https://example.org/a")
    assert article["metadata"] == {"bias_text": "left", "authors": "A. Writer"}


def test_records_without_id_get_file_stem_and_line(cli, db, tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps({"text": p}) for p in PARAGRAPHS[:3]) + "\n", encoding="utf-8")
    cli("ingest", path, "--db", db)
    assert source_ids(db) == ["wire-1", "wire-2", "wire-3"]


def test_changed_content_becomes_a_revision_and_keeps_the_old_one(cli, db, tmp_path):
    path = tmp_path / "story.jsonl"
    path.write_text(json.dumps(record(1)) + "\n", encoding="utf-8")
    cli("ingest", path, "--db", db)
    path.write_text(json.dumps(record(1, text=PARAGRAPHS[1] + " Updated with a new toll.")) + "\n", encoding="utf-8")
    result = cli("ingest", path, "--db", db)
    assert "revisions 1" in result.out
    again = cli("ingest", path, "--db", db)
    assert "unchanged 1" in again.out
    with Store(db, read_only=True) as store:
        assert [row["revision"] for row in store.revisions("r1")] == [1, 2]
        assert store.article("r1")["text"].endswith("Updated with a new toll.")
        first = store.raw_document("r1", 1)
        assert json.loads(first["raw"])["text"] == PARAGRAPHS[1]


def test_html_file_is_extracted(cli, db, tmp_path):
    page = gzip.decompress((FIXTURES / "aljazeera-helicopter.html.gz").read_bytes())
    (tmp_path / "crash.html").write_bytes(page)
    assert cli("ingest", tmp_path / "crash.html", "--db", db).code == 0
    with Store(db, read_only=True) as store:
        article = store.article("crash")
    assert "helicopter" in article["text"].lower()
    assert article["title"] and "<" not in article["text"]


def test_folder_is_walked_in_name_order_and_other_files_are_skipped(cli, db, tmp_path):
    tmp_path = tmp_path / "inputs"
    tmp_path.mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second\n" + PARAGRAPHS[1], encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\n" + PARAGRAPHS[2], encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n" + PARAGRAPHS[3], encoding="utf-8")
    result = cli("ingest", tmp_path, "--db", db)
    assert result.code == 0
    assert "skipped 1 files" in result.out
    assert source_ids(db) == ["a", "2"]


def test_search_finds_words_and_treats_sql_as_text(cli, db, tmp_path):
    (tmp_path / "r.txt").write_text(REUTERS, encoding="utf-8")
    cli("ingest", tmp_path / "r.txt", "--db", db)
    hits = json.loads(cli("search", "Blinken Pashinyan", "--json", "--db", db).out)
    assert [hit["source_id"] for hit in hits] == ["r"]
    for hostile in ["'; DROP TABLE articles; --", 'Blinken" OR 1=1 --', "NEAR(", "*", "\"unbalanced"]:
        result = cli("search", hostile, "--db", db)
        assert result.code == 0, result.err
    assert source_ids(db) == ["r"]


def test_wire_ticker_codes_are_not_mistaken_for_html(cli, db, tmp_path):
    # Reuters copy marks instruments like <.DJI>; such text is plain text, not markup.
    text = ("The Dow Jones industrial average <.DJI> fell 54.92 points, the S&P 500 <.SPX> lost 3.45 points "
            "and the Nasdaq Composite <.IXIC> added 18.96 points. ") * 3
    (tmp_path / "markets.jsonl").write_text(json.dumps({"id": "m", "text": text}) + "\n", encoding="utf-8")
    assert cli("ingest", tmp_path / "markets.jsonl", "--db", db).code == 0
    with Store(db, read_only=True) as store:
        assert "<.DJI>" in store.article("m")["text"]


def test_text_field_holding_html_is_extracted(cli, db, tmp_path):
    html = "<div><p>" + "</p><p>".join(PARAGRAPHS) + "</p></div>"
    (tmp_path / "feedish.jsonl").write_text(json.dumps({"id": "h", "text": html}) + "\n", encoding="utf-8")
    assert cli("ingest", tmp_path / "feedish.jsonl", "--db", db).code == 0
    with Store(db, read_only=True) as store:
        text = store.article("h")["text"]
    assert "<p>" not in text and "Washington called on Azerbaijan" in text
