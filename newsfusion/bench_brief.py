"""`newsfusion bench --stage brief`: how long the brief of a large story takes to build.

The first N articles of the corpus (default 100) are cleaned and extracted once, then
briefed as one story K times; the report gives the median and the slowest build. Extraction
is not timed: it happens once per article at ingest, while a story's brief is rebuilt as
articles arrive.
"""

from __future__ import annotations

import itertools
import statistics
import time
from typing import Any

from .bench import peak_rss_mb
from .brief import build_brief
from .clean import clean_document
from .crosscheck.material import build_material
from .extract import extract_articles
from .heap import freeze_loaded
from .ingest import InputReader
from .settings import Settings
from .types import Article, RawDocument


def run_brief_bench(corpus: str, articles: int, runs: int, settings: Settings) -> dict[str, Any]:
    cleaned: list[Article] = []
    for document in itertools.islice(InputReader(settings).read([corpus]), articles * 2):
        if not isinstance(document, RawDocument):  # the reader rejected it (unreadable, too large)
            continue
        result = clean_document(document)
        if isinstance(result, Article) and result.language in (None, "en"):
            cleaned.append(result)
        if len(cleaned) == articles:
            break
    extractions = extract_articles(cleaned)
    rows = [
        {
            "source_id": article.source_id,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published,
            "language": article.language,
            "text": article.text,
            "details": {"credited_agencies": list(article.credited_agencies)},
            "group": article.source_id,
            "extraction": extraction.as_dict(),
        }
        for article, extraction in zip(cleaned, extractions)
    ]
    # The model and the extracted rows live as long as the process: move them out of the
    # garbage collector's sight, as a long-running server would, so a brief's own
    # allocations do not trigger full scans of a heap full of spaCy objects.
    freeze_loaded()
    seconds = []
    brief: dict[str, Any] = {}
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        brief = build_brief(build_material(None, rows))
        seconds.append(time.perf_counter() - started)
    return {
        "articles": len(rows),
        "sentences_in_summary": len(brief.get("summary", [])),
        "facts": len(brief.get("facts", [])),
        "runs": len(seconds),
        "brief_seconds_median": round(statistics.median(seconds), 3),
        "brief_seconds_max": round(max(seconds), 3),
        "peak_rss_mb": peak_rss_mb(),
    }


def format_brief_report(report: dict[str, Any]) -> str:
    return (
        f"brief of a {report['articles']}-article story: median {report['brief_seconds_median']} s, "
        f"slowest {report['brief_seconds_max']} s over {report['runs']} runs "
        f"({report['facts']} facts, {report['sentences_in_summary']} summary sentences); peak RSS {report['peak_rss_mb']} MB"
    )
