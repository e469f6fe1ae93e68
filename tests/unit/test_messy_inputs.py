"""Messy real-world input for cleaning: oversized pages, mixed encodings, tables, tiny articles."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsfusion.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE = gzip.decompress((FIXTURES / "aljazeera-helicopter.html.gz").read_bytes()).decode("utf-8")
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")


def padded_page(megabytes: float) -> str:
    """The real page with a huge comment section and menu appended, as some sites serve."""
    links = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(200))
    chunk = '<div class="comments">' + "<p>Great article, thanks for sharing this with us all today!</p>" * 100 + f"</div><ul>{links}</ul>"
    return PAGE.replace("</body>", chunk * int(megabytes * 1e6 / len(chunk)) + "</body>")


def test_20_mb_page_is_rejected_over_the_limit(cli, db, tmp_path):
    (tmp_path / "huge.html").write_text(padded_page(20), encoding="utf-8")
    result = cli("ingest", tmp_path / "huge.html", "--db", db)
    assert result.code == 1 and "too_large" not in result.err  # the message says it in words
    with Store(db, read_only=True) as store:
        (reject,) = store.rejections()
    assert reject["code"] == "too_large" and "20.0 MB" in reject["message"]


@pytest.mark.slow
def test_large_page_within_a_raised_limit_is_cleaned(cli, db, tmp_path):
    (tmp_path / "big.html").write_text(padded_page(5), encoding="utf-8")
    result = cli("ingest", tmp_path / "big.html", "--db", db, "--max-document-mb", "30")
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        article = store.article("big")
    assert "helicopter" in article["text"] and "Great article, thanks" not in article["text"]


def test_mixed_encodings_in_one_file(cli, db, tmp_path):
    # UTF-8 text with a stray cp1252 apostrophe pasted in: not valid UTF-8 as a whole.
    data = REUTERS.encode("utf-8").replace("Blinken".encode(), b"Blinken\x92s", 1)
    (tmp_path / "mixed.txt").write_bytes(data)
    result = cli("ingest", tmp_path / "mixed.txt", "--db", db)
    assert result.code == 0, result.err
    with Store(db, read_only=True) as store:
        text = store.article("mixed")["text"]
    assert "Nagorno-Karabakh" in text and "Azerbaijani President Ilham Aliyev" in text


def test_page_full_of_tables(cli, db, tmp_path):
    rows = "".join(f"<tr><td>{i}</td><td>Kyle Busch</td><td>{5040 - i * 3}</td></tr>" for i in range(200))
    html = f"<html><body><h1>Standings</h1><p>{REUTERS.splitlines()[4]}</p><table>{rows}</table></body></html>"
    (tmp_path / "tables.html").write_text(html, encoding="utf-8")
    result = cli("ingest", tmp_path / "tables.html", "--db", db)
    with Store(db, read_only=True) as store:
        article = store.article("tables")
        rejects = store.rejections()
    assert (article is not None and "Washington" in article["text"]) or (rejects and rejects[0]["code"] == "no_article")
    assert result.code in (0, 1)
