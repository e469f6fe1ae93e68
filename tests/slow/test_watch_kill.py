"""`newsfusion watch` as a process: SIGKILL loses at most the batch in flight and a rerun with
--once stores the rest exactly once; SIGTERM and Ctrl-C stop cleanly with the summary line."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PARAGRAPHS = [p for p in (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8").split("\n\n")[2:] if p.strip()]
FILES = 600

pytestmark = pytest.mark.slow

# Extraction is off: these tests are about the store and the process, and spaCy would make
# them minutes long.
ENVIRONMENT = {**os.environ, "NEWSFUSION_EXTRACT": "0"}


def count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def drop_files(inbox: Path, staging: Path, names: list[str]) -> None:
    """Write each file elsewhere and move it in whole, oldest first, as a careful producer does."""
    staging.mkdir(exist_ok=True)
    for i, name in enumerate(names):
        text = f"Report {name}\n\n" + "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3)) + f"\n\nUpdate {name}."
        written = staging / f"{name}.txt"
        written.write_text(text, encoding="utf-8")
        os.replace(written, inbox / f"{name}.txt")


def watch_command(inbox: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsfusion", "watch", str(inbox), "--db", str(db), "--workers", "1", *extra]


def test_sigkill_while_watching_then_once_stores_the_rest_exactly_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "watch.db"
    names = [f"w{i:04d}" for i in range(FILES)]
    process = subprocess.Popen(
        watch_command(inbox, db, "--interval", "0.2", "--batch-size", "10", "--queue", "20", "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENVIRONMENT,
    )
    try:
        drop_files(inbox, tmp_path / "staging", names)
        deadline = time.monotonic() + 60
        while count(db, "articles") < 60:
            assert process.poll() is None, "watch ended before it could be killed: " + process.stderr.read().decode()
            assert time.monotonic() < deadline, "watch made no progress"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert 60 <= partial < FILES, "the kill came too late to test anything"
        # Every committed article has its document and its story; nothing half-written shows.
        assert connection.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN documents d ON d.id = a.document_id WHERE d.id IS NULL"
        ).fetchone()[0] == 0
        assert connection.execute("SELECT COUNT(DISTINCT article_id) FROM story_articles").fetchone()[0] == partial
        ids = [row[0] for row in connection.execute("SELECT source_id FROM articles ORDER BY seq")]
        assert ids == names[:partial]  # arrival order, no gap

    rerun = subprocess.run(watch_command(inbox, db, "--once"), capture_output=True, text=True, timeout=300, env=ENVIRONMENT)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().splitlines()[-1].startswith(f"ingested {FILES - partial}, revisions 0, unchanged {partial},")
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in connection.execute("SELECT source_id FROM articles ORDER BY seq")]
        assert ids == names
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == FILES
        assert connection.execute("SELECT COUNT(DISTINCT article_id) FROM story_articles").fetchone()[0] == FILES
        hits = connection.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (f'"Update" AND "{names[-1]}"',)).fetchone()[0]
        assert hits == 1


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_sigterm_and_ctrl_c_stop_cleanly_with_the_summary(tmp_path, stop_signal):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "watch.db"
    process = subprocess.Popen(
        watch_command(inbox, db, "--interval", "0.2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENVIRONMENT
    )
    try:
        drop_files(inbox, tmp_path / "staging", ["s1", "s2", "s3"])
        deadline = time.monotonic() + 60
        while count(db, "articles") < 3:
            assert process.poll() is None, "watch ended early: " + process.stderr.read()
            assert time.monotonic() < deadline, "watch made no progress"
            time.sleep(0.05)
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("watch: +") and "stored" in lines[0]
    assert lines[-1] == "ingested 3, revisions 0, unchanged 0, duplicates 0, rejected 0"
    assert "Traceback" not in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
