"""Duplicate groups: syndicated copies join their original, different reports do not."""

from __future__ import annotations

import json
from pathlib import Path

from newsfusion.dedupe.signature import containment, jaccard, signature
from newsfusion.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
BODY = [p for p in REUTERS.split("\n\n")[2:] if p.strip()]


def ingest(cli, db, tmp_path, records):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return cli("ingest", path, "--db", db)


def test_containment_from_jaccard():
    a = signature("\n".join(BODY))
    b = signature("\n".join(BODY[:3]))
    share = containment(jaccard(a.minhash, b.minhash), a.shingles, b.shingles)
    assert share > 0.85


def test_syndicated_copy_joins_its_original(cli, db, tmp_path):
    original = {"id": "reuters-1", "source": "Reuters", "url": "https://reuters.com/a", "title": "US calls for halt", "text": "\n\n".join(BODY)}
    copy = {
        "id": "capital-1",
        "source": "Capital Media",
        "url": "https://capital.example/a",
        "title": "US calls for halt | Capital Media",
        "text": "Capital Media\n\nAdvertisement\n\n" + "\n\n".join(BODY[:-1]).replace("recognised", "recognized") + "\n\nSource link",
    }
    result = ingest(cli, db, tmp_path, [original, copy])
    assert "duplicates 1" in result.out
    article = json.loads(cli("article", "capital-1", "--json", "--db", db).out)
    assert article["duplicate_of"] == "reuters-1"
    outlets = [member["outlet"] for member in article["duplicate_group"]["articles"]]
    urls = [member["url"] for member in article["duplicate_group"]["articles"]]
    assert outlets == ["Reuters", "Capital Media"] and urls == ["https://reuters.com/a", "https://capital.example/a"]


def test_reports_sharing_a_quote_are_not_duplicates(cli, db, tmp_path):
    quote = "“We urge the conflicting parties to immediately stop the bloodshed, stop hostilities and eliminate civilian casualties,” Russia’s foreign ministry said."
    first = {"id": "a", "source": "Reuters", "text": "\n\n".join(BODY[:3] + [quote])}
    second = {
        "id": "b",
        "source": "Al Mayadeen",
        "text": "Russia and the United Nations have jointly called for an immediate cessation of hostilities in the disputed "
        "Nagorno-Karabakh area, which is an enclave populated by Armenians within Azerbaijan.\n\n" + quote + "\n\n"
        "Russia disclosed that its 2,000-strong peacekeeping mission in Nagorno-Karabakh is actively engaged in evacuating "
        "civilians and providing medical assistance.",
    }
    result = ingest(cli, db, tmp_path, [first, second])
    assert "duplicates 0" in result.out
    assert json.loads(cli("article", "b", "--json", "--db", db).out)["duplicate_of"] is None


def test_exact_copy_with_other_spacing_and_quotes(cli, db, tmp_path):
    text = "\n\n".join(BODY)
    copy = text.replace("“", '"').replace("”", '"').replace("\n\n", "\n")
    result = ingest(cli, db, tmp_path, [{"id": "x", "text": text}, {"id": "y", "text": copy}])
    assert "duplicates 1" in result.out
    with Store(db, read_only=True) as store:
        assert store.duplicate_group("y")["group"] == "x"


def test_group_survives_a_restart(cli, db, tmp_path):
    ingest(cli, db, tmp_path, [{"id": "x", "text": "\n\n".join(BODY)}])
    second = tmp_path / "later.jsonl"
    second.write_text(json.dumps({"id": "z", "text": "\n\n".join(BODY[:-1])}) + "\n", encoding="utf-8")
    result = cli("ingest", second, "--db", db)
    assert "duplicates 1" in result.out


def with_line(prefix: str, line: str, sources: list[str], **fields) -> list[dict]:
    """Records whose story text differs but which all print `line` between two paragraphs."""
    return [
        {"id": f"{prefix}{i}", "source": source, **{key: value.format(i=i) for key, value in fields.items()},
         "text": f"{BODY[i % len(BODY)]}\n\n{line}\n\n{BODY[(i + 2) % len(BODY)]} ({i})"}
        for i, source in enumerate(sources)
    ]


def test_outlet_template_lines_are_learnt(cli, db, tmp_path):
    ingest(cli, db, tmp_path, with_line("p", "Story Keeps Going Right Here", ["Politico"] * 5))
    with Store(db, read_only=True) as store:
        assert "Story Keeps Going Right Here" in store.article("p2")["text"]
        fourth = store.article("p3")
    assert "Story Keeps Going Right Here" not in fourth["text"]
    assert {"text": "Story Keeps Going Right Here", "reason": "repeated in the outlet's other articles"} in fourth["removed"]


def test_a_sites_template_lines_are_learnt_across_its_columnists(cli, db, tmp_path):
    # allsides names a column's writer as its source; the furniture is the newspaper's.
    promo = "Columnists In-depth political coverage, sports analysis, entertainment reviews and cultural commentary."
    writers = ["S.E. Cupp", "Jesse Jackson", "Lynn Sweet", "Neil Steinberg"]
    ingest(cli, db, tmp_path, with_line("c", promo, writers, url="https://chicago.suntimes.com/columnists/2020/{i}/column-{i}"))
    with Store(db, read_only=True) as store:
        assert promo in store.article("c2")["text"]  # printed by two earlier columns only
        assert promo not in store.article("c3")["text"]


def test_a_short_reply_every_transcript_prints_stays(cli, db, tmp_path):
    ingest(cli, db, tmp_path, with_line("t", "Right.", ["The Daily"] * 5))
    with Store(db, read_only=True) as store:
        assert "Right." in store.article("t4")["text"]


def test_a_recurring_question_heading_over_its_section_stays(cli, db, tmp_path):
    # An outlet's format repeats "What are the details?" in every article; the section under it is the story.
    records = [
        {"id": f"b{i}", "source": "TheBlaze", "text": f"{BODY[i % len(BODY)]}\n\nWhat are the details?\n\nIn the {i}th account, {BODY[1]}"}
        for i in range(5)
    ]
    ingest(cli, db, tmp_path, records)
    with Store(db, read_only=True) as store:
        assert "What are the details?" in store.article("b4")["text"]
