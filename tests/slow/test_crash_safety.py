"""A SIGKILL in the middle of a large ingest leaves a readable store, and a re-run completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RECORDS = 6_000

pytestmark = pytest.mark.slow


def count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_mid_ingest_then_rerun(tmp_path):
    paragraphs = [p for p in (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for i in range(RECORDS):
            text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(4)) + f"\n\nUpdate {i}."
            handle.write(json.dumps({"id": f"a{i:05d}", "title": f"Report {i}", "text": text}) + "\n")
    db = tmp_path / "crash.db"
    command = [sys.executable, "-m", "newsfusion", "ingest", str(corpus), "--db", str(db), "--batch-size", "100", "--quiet"]

    # Extraction is off: this test is about the store surviving a kill, and spaCy would make
    # the run minutes long. test_extract covers the extract stage's own writes.
    environment = {**os.environ, "NEWSFUSION_EXTRACT": "0"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    deadline = time.monotonic() + 120
    while count(db, "articles") < 2_000:
        assert process.poll() is None, "ingest ended before it could be killed: " + process.stderr.read().decode()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    workers = children(process.pid)
    assert workers, "the ingest runs its cleaning in worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # Its workers notice and exit rather than wait on a dead queue for ever.
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {[pid for pid in workers if alive(pid)]} outlived their killed parent"
        time.sleep(0.1)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert 2_000 <= partial < RECORDS
        # Every committed article has its document, and nothing half-written is visible.
        assert connection.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN documents d ON d.id = a.document_id WHERE d.id IS NULL"
        ).fetchone()[0] == 0

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, env=environment)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {RECORDS - partial}," in rerun.stdout
    assert f"unchanged {partial}" in rerun.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in connection.execute("SELECT source_id FROM articles ORDER BY seq")]
        assert ids == [f"a{i:05d}" for i in range(RECORDS)]
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == RECORDS
        # The search index matches the table after the crash and the re-run.
        hits = connection.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (f'"Update" AND "{RECORDS - 1}"',)).fetchone()[0]
        assert hits == 1
        # Every article belongs to exactly one story.
        assert connection.execute("SELECT COUNT(DISTINCT article_id) FROM story_articles").fetchone()[0] == RECORDS
