"""`newsfusion export`: the store's articles, stories, claims or events as flat rows in JSON lines, CSV or Parquet.

Every exporter yields flat rows (no nesting: lists are joined with ";") under a fixed,
documented column list, so the three formats hold the same table. The events table follows
GDELT 2.0's event table where the meaning is the same (GLOBALEVENTID, SQLDATE, Actor1Name,
Actor1CountryCode, EventRootCode, QuadClass, NumMentions, NumSources, ActionGeo_*, SOURCEURL)
with PLOVER types in place of CAMEO codes; `newsfusion/extract/EVENTS.md` describes every
column. One row is one real-world event of one story: the mentions of every article of the
story merged by `crosscheck.events.aggregate_events`.

`EXPORTERS` maps each `--what` to its column list and row generator; a new table is one
more entry.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from .errors import UsageError
from .store import Store

FORMATS = ("jsonl", "csv", "parquet")
# Rows handed to the Parquet writer at once: bounded memory on a large store.
PARQUET_BATCH_ROWS = 5000

ARTICLE_COLUMNS: dict[str, str] = {
    "source_id": "string", "url": "string", "outlet": "string", "title": "string", "published": "string",
    "language": "string", "byline": "string", "dateline": "string", "credited_agencies": "string",
    "story_id": "int64", "duplicate_of": "string", "revision": "int64", "text": "string",
}
STORY_COLUMNS: dict[str, str] = {
    "story_id": "int64", "title": "string", "thread_id": "int64", "first_seen": "string", "last_seen": "string",
    "article_count": "int64", "independent_sources": "int64", "outlets": "string", "articles": "string",
}
EVENT_COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "int64", "EventKey": "string", "StoryId": "int64",
    "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64", "EventDate": "string", "DateBasis": "string",
    "Actor1Name": "string", "Actor1CountryCode": "string", "Actor1Type1Code": "string",
    "Actor2Name": "string", "Actor2CountryCode": "string", "Actor2Type1Code": "string",
    "EventRootCode": "string", "EventCode": "string", "EventMode": "string", "EventContext": "string", "QuadClass": "int64",
    "NumMentions": "int64", "NumSources": "int64", "NumArticles": "int64",
    "Dead": "int64", "Injured": "int64", "IsBackground": "int64", "IsReportedOnly": "int64", "Confidence": "double",
    "ActionGeo_FullName": "string", "ActionGeo_CountryCode": "string", "ActionGeo_Lat": "double", "ActionGeo_Long": "double",
    "SOURCEURL": "string", "SourceIds": "string", "Sentence": "string",
}
# CAMEO's quad classes (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict) for the PLOVER types, by the CAMEO root codes each type comes from.
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "DEMAND": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3,
    "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4,
}


def _joined(values: Any) -> str | None:
    return ";".join(str(v) for v in values) if values else None


# --- rows ------------------------------------------------------------------------------------------


def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per stored article, in arrival order."""
    stories = {row["source_id"]: row["story_id"] for row in store.story_assignments()}
    groups = {row["source_id"]: row["group_id"] for row in store.group_ids()}
    originals: dict[Any, str] = {}
    for article in store.articles():
        source_id = article["source_id"]
        group = groups.get(source_id)
        original = originals.setdefault(group, source_id) if group is not None else source_id
        yield {
            "source_id": source_id, "url": article.get("url"), "outlet": article.get("outlet"), "title": article.get("title"),
            "published": article.get("published"), "language": article.get("language"), "byline": article.get("byline"),
            "dateline": article.get("dateline"), "credited_agencies": _joined(article.get("credited_agencies")),
            "story_id": stories.get(source_id), "duplicate_of": original if original != source_id else None,
            "revision": article.get("revision"), "text": article.get("text"),
        }


def story_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per live story, most recently updated first."""
    for story in store.stories():
        yield {
            "story_id": story["id"], "title": story.get("title"), "thread_id": story.get("thread_id"),
            "first_seen": story.get("first_seen"), "last_seen": story.get("last_seen"),
            "article_count": story.get("article_count"), "independent_sources": story.get("independent_sources"),
            "outlets": _joined(story.get("outlets")), "articles": _joined(story.get("articles")),
        }


def _sql_date(value: str | None) -> tuple[int | None, int | None, int | None]:
    """(SQLDATE YYYYMMDD, MonthYear YYYYMM, Year) of an ISO date, month or year, as far as it is known."""
    if not value or not value[:4].isdigit():
        return None, None, None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else None
    day = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else None
    return (year * 10000 + month * 100 + day if day and month else None), (year * 100 + month if month else None), year


def _place(material: Any, event: Any) -> dict[str, Any] | None:
    """The geocoded place (from the articles' `places`) that the event's location names."""
    if not event.location:
        return None
    for article in material.articles:
        for place in (article.extraction or {}).get("places", []):
            if event.location in (place.get("text"), place.get("name")):
                return place
    return None


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per real-world event of every story (GDELT-like columns, see EVENTS.md)."""
    from .crosscheck.events import aggregate_events, story_event_mentions
    from .crosscheck.material import story_material

    number = 0
    urls: dict[str, str | None] = {}
    for story in sorted(store.stories(), key=lambda s: s["id"]):
        material = story_material(store, story["id"])
        if material is None:
            continue
        published = {article.source_id: article.published for article in material.articles}
        for event in aggregate_events(story_event_mentions(material)):
            number += 1
            best = max(event._members, key=lambda member: member.get("confidence") or 0.0)
            first = event.sentences[0]["source_id"]
            if first not in urls:
                urls[first] = (store.article(first) or {}).get("url")
            # no date of its own: the earliest publication date of the articles reporting it (news only)
            days = sorted(published[s] for s in event.sources if published.get(s))
            day = event.date or (None if event.background or not days else days[0][:10])
            sql_date, month_year, year = _sql_date(day)
            place = _place(material, event)
            yield {
                "GLOBALEVENTID": number, "EventKey": f"S{story['id']}-{event.id}", "StoryId": story["id"],
                "SQLDATE": sql_date, "MonthYear": month_year, "Year": year, "EventDate": day,
                "DateBasis": event.date_basis or ("published" if day else None),
                "Actor1Name": event.source.get("text"), "Actor1CountryCode": event.source.get("code"),
                "Actor1Type1Code": _sector(event, "source"),
                "Actor2Name": event.target.get("text"), "Actor2CountryCode": event.target.get("code"),
                "Actor2Type1Code": _sector(event, "target"),
                "EventRootCode": event.type, "EventCode": f"{event.type}.{event.mode}" if event.mode else event.type,
                "EventMode": event.mode, "EventContext": _context(event), "QuadClass": QUAD_CLASS.get(event.type),
                "NumMentions": event.mentions, "NumSources": event.independent_sources, "NumArticles": len(event.sources),
                "Dead": event.dead, "Injured": event.injured, "IsBackground": int(event.background),
                "IsReportedOnly": int(event.reported_only), "Confidence": event.confidence,
                "ActionGeo_FullName": (place or {}).get("name") or event.location,
                "ActionGeo_CountryCode": (place or {}).get("country"),
                "ActionGeo_Lat": (place or {}).get("lat"), "ActionGeo_Long": (place or {}).get("lon"),
                "SOURCEURL": urls[first], "SourceIds": _joined(event.sources), "Sentence": best.get("sentence"),
            }


def _sector(event: Any, side: str) -> str | None:
    """The sector (GOV, MIL, REB ...) most mentions give the side's actor."""
    sectors = [m[side].get("sector") for m in event._members if m[side].get("sector")]
    return max(set(sectors), key=sectors.count) if sectors else None


def _context(event: Any) -> str | None:
    contexts = [m.get("context") for m in event._members if m.get("context")]
    return max(set(contexts), key=contexts.count) if contexts else None


CLAIM_COLUMNS: dict[str, str] = {
    "story_id": "int64", "kind": "string", "status": "string", "text": "string", "slot": "string",
    "sources": "string", "independent_sources": "int64", "article_count": "int64", "values": "string", "background": "int64",
}


def claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per fact of every story's brief (figure slots, shared quotes, events, assertions) and per spelling variant."""
    from .brief import story_brief

    for story in store.stories():
        brief = story_brief(store, story["id"])
        if brief is None:
            continue
        for fact in brief["facts"]:
            values = [
                f"{value.get('source_id')}: {value.get('qualifier') + ' ' if value.get('qualifier') else ''}{value.get('value', value.get('text', ''))}"
                for value in fact["values"]
            ]
            yield {
                "story_id": story["id"], "kind": fact["kind"], "status": fact["status"], "text": fact["text"], "slot": fact["slot"],
                "sources": _joined(fact["sources"]), "independent_sources": fact["independent_sources"],
                "article_count": len(fact["sources"]), "values": _joined(values), "background": int(bool(fact.get("background"))),
            }
        for variant in brief["variants"]:
            yield {
                "story_id": story["id"], "kind": "variant", "status": "spelling_variant",
                "text": f"{variant['variant']} -> {variant['canonical']}", "slot": variant["canonical"],
                "sources": _joined(variant["sources"]), "independent_sources": None, "article_count": len(variant["sources"]), "values": None,
                "background": 0,
            }


# --- the tables ------------------------------------------------------------------------------------

EXPORTERS: dict[str, tuple[dict[str, str], Callable[[Store], Iterator[dict[str, Any]]]]] = {
    "articles": (ARTICLE_COLUMNS, article_rows),
    "stories": (STORY_COLUMNS, story_rows),
    "events": (EVENT_COLUMNS, event_rows),
    "claims": (CLAIM_COLUMNS, claim_rows),
}


@contextmanager
def _text_output(out: str | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        return
    try:
        handle = open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {out} ({exc.strerror or exc}); pass a writable file with --out") from exc
    with handle:
        yield handle


def _write_jsonl(rows: Iterator[dict[str, Any]], columns: dict[str, str], out: str | None) -> int:
    count = 0
    with _text_output(out) as handle:
        for row in rows:
            handle.write(json.dumps({name: row.get(name) for name in columns}, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(rows: Iterator[dict[str, Any]], columns: dict[str, str], out: str | None) -> int:
    count = 0
    with _text_output(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], columns: dict[str, str], out: str | None) -> int:
    if out is None:
        raise UsageError("Parquet is a binary file format; name the file with --out FILE.parquet")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError("Parquet export needs pyarrow; run `pip install 'pyarrow>=15'` or choose --format jsonl or csv") from exc
    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    try:
        writer = pq.ParquetWriter(out, schema)
    except OSError as exc:
        raise UsageError(f"cannot write {out} ({exc}); pass a writable file with --out") from exc
    count = 0
    with writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({name: row.get(name) for name in columns})
            if len(batch) >= PARQUET_BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:  # an empty table still gets its schema written
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}


def export(store: Store, what: str, format: str, out: str | None) -> int:
    """Write the `what` table of the store in `format` to `out` (stdout when None); return the row count."""
    if what not in EXPORTERS:
        raise UsageError(f"unknown --what {what!r}; choose one of {', '.join(sorted(EXPORTERS))}")
    if format not in _WRITERS:
        raise UsageError(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if out is not None and Path(out).is_dir():
        raise UsageError(f"--out {out} is a folder; pass a file name such as {Path(out) / (what + '.' + format)}")
    columns, rows = EXPORTERS[what]
    return _WRITERS[format](rows(store), columns, out)
