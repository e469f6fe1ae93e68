"""`newsfusion bench --stage extract`: the extract stage alone, in its worker processes.

The first N documents of the corpus (default 1,000) are cleaned once, before the clock, in
this process. The extract workers are started and their model loaded, also before the clock
(as in a long-running service). Then every article is handed to the extract lane at once,
in the pipeline's chunks, and the clock stops when the last extraction is back. So the rate
is what the extract stage sustains when it is the only work on the machine. Non-English
articles are counted too, as in the pipeline, though spaCy is not run on them.

Each run is a fresh process. The report gives the median of each figure, and every run's
figures beside it. CPU time per article comes from the workers' own counters, which do not
stretch while a process waits for a core; it is the steadier figure on a shared machine.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from typing import Any

from .bench import RssSampler, _median_or_none, percentile, runs_in_fresh_processes
from .clean import clean_document
from .errors import NewsfusionError
from .extract_lane import ExtractLane, ToExtract
from .ingest import InputReader
from .pools import worker_count
from .settings import Settings
from .types import Article, RawDocument

DEFAULT_ARTICLES = 1000
# Seconds between progress lines on stderr.
PROGRESS_EVERY_S = 10.0


def _cleaned(corpus: str, limit: int, settings: Settings) -> list[Article]:
    """The articles among the first `limit` documents; documents the reader or the cleaner rejects are left out."""
    documents = itertools.islice(InputReader(settings).read([corpus]), limit)
    cleaned = (clean_document(document) for document in documents if isinstance(document, RawDocument))
    return [result for result in cleaned if isinstance(result, Article)]


def run_extract_once(corpus: str, limit: int, settings: Settings) -> dict[str, Any]:
    """Extract the articles among the first `limit` documents of `corpus`; return the measured figures."""
    print(f"bench: cleaning the first {limit:,} documents of {corpus} (not timed)", file=sys.stderr, flush=True)
    articles = _cleaned(corpus, limit, settings)
    if not articles:
        raise NewsfusionError(f"no article in the first {limit:,} documents of {corpus} survived cleaning; nothing to extract")
    workers = worker_count(settings.workers)
    lane = ExtractLane(workers)
    try:
        with RssSampler(workers) as memory:
            started = time.perf_counter()
            lane.warm_up()
            startup = time.perf_counter() - started
            memory.mark_cpu()
            started = time.perf_counter()
            lane.submit([ToExtract(index, 1, article) for index, article in enumerate(articles)])
            done: list = []
            reported = started
            while lane.backlog:
                done.extend(lane.collect(wait=True))
                now = time.perf_counter()
                if now - reported >= PROGRESS_EVERY_S:
                    reported = now
                    rate = len(done) / (now - started)
                    print(f"bench: {len(done):,} of {len(articles):,} articles extracted, {rate:,.1f}/s", file=sys.stderr, flush=True)
            seconds = time.perf_counter() - started
            roles = {pid: "extract" for pid in lane.pids()}
        cpu = memory.cpu_by_role(roles)
        peaks = memory.peaks_by_role(roles)
    finally:
        lane.close()
    extract_cpu = cpu.get("extract", cpu.get("main", 0.0))  # one worker extracts in this process
    shares = [item.seconds for item in done]
    return {
        "articles": len(articles),
        "english": sum(article.language in (None, "en") for article in articles),
        "words": sum(len(article.text.split()) for article in articles),
        "workers": workers,
        "seconds": round(seconds, 3),
        "startup_s": round(startup, 2),
        "articles_per_s": round(len(articles) / seconds, 2) if seconds else 0.0,
        "cpu_ms_per_article": round(1000 * extract_cpu / len(articles), 1),
        "article_share_p50_s": round(percentile(shares, 0.50), 4),
        "article_share_p95_s": round(percentile(shares, 0.95), 4),
        "peak_rss_mb": round(memory.peak_mb, 1),
        "peak_pss_mb": memory.peak_pss_mb,
        "peak_rss_by_process_mb": peaks,
    }


def run_extract_bench(corpus: str, limit: int | None, runs: int, settings: Settings) -> dict[str, Any]:
    """Run the extract-stage bench `runs` times, each in its own process; report medians and every run."""
    limit = limit or DEFAULT_ARTICLES
    results = runs_in_fresh_processes(run_extract_once, (corpus, limit, settings), runs)
    median = lambda key: statistics.median(run[key] for run in results)  # noqa: E731
    return {
        "corpus": corpus,
        "limit": limit,
        "runs": len(results),
        **{key: results[0][key] for key in ("articles", "english", "words", "workers")},
        **{
            key: median(key)
            for key in ("seconds", "articles_per_s", "cpu_ms_per_article", "article_share_p50_s", "article_share_p95_s", "peak_rss_mb")
        },
        "peak_pss_mb": _median_or_none([run["peak_pss_mb"] for run in results]),
        "each_run": results,
    }


def format_extract_report(report: dict[str, Any]) -> str:
    lines = [
        f"extract stage: {report['articles']:,} articles ({report['english']:,} English, {report['words']:,} words), "
        f"{report['workers']} worker process(es), {report['runs']} run(s), medians",
        f"rate         {report['articles_per_s']:,.2f} articles/s  ({report['seconds']:.1f} s)",
        f"CPU          {report['cpu_ms_per_article']:,.0f} ms of one core per article, the workers summed",
        f"per article  its share of its chunk's time: p50 {report['article_share_p50_s']:.3f} s  p95 {report['article_share_p95_s']:.3f} s",
        f"peak RSS     {report['peak_rss_mb']:,.0f} MB, every process summed"
        + (f" (PSS, shared pages counted once: {report['peak_pss_mb']:,.0f} MB)" if report.get("peak_pss_mb") else ""),
    ]
    if report["runs"] > 1:
        lines.append(
            "each run     "
            + "  ".join(f"{run['articles_per_s']:,.2f}/s ({run['cpu_ms_per_article']:,.0f} ms)" for run in report["each_run"])
        )
    return "\n".join(lines)
