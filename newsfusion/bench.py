"""`newsfusion bench`: throughput, latency and memory of the pipeline on a real corpus.

Each run ingests the first N documents of the corpus into a fresh temporary store, in a
fresh process, so runs do not share caches or memory peaks. With several runs the report
gives the median of each figure and every run's figures beside it: these machines are
shared and noisy, so one run says little.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from .ingest import InputReader
from .pipeline import Pipeline
from .settings import Settings
from .store import Store
from .workers import worker_count


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall (nearest rank); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[rank]


def peak_rss_mb(workers: int = 0) -> float:
    """Peak resident memory in MB: this process's, plus the largest finished worker's for each worker.

    An upper bound on the run's total, since workers rarely peak at once (Linux reports KB).
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers * child) / 1024


def run_once(corpus: str, limit: int | None, settings: Settings) -> dict[str, Any]:
    """Ingest up to `limit` documents of `corpus` into a fresh store; return the measured figures."""
    with tempfile.TemporaryDirectory(prefix="newsfusion-bench-") as folder:
        run_settings = replace(settings, db=str(Path(folder) / "bench.db"), offline=True)
        with Store(run_settings.db) as store:
            reader = InputReader(run_settings)
            items = reader.read([corpus])
            if limit is not None:
                items = itertools.islice(items, limit)
            with Pipeline(store, run_settings) as pipeline:
                started = time.perf_counter()
                summary = pipeline.run(items)
                seconds = time.perf_counter() - started
    articles = summary.ingested + summary.revisions
    return {
        "articles": articles,
        "documents": summary.seen,
        "rejected": summary.rejected,
        "seconds": round(seconds, 3),
        "articles_per_s": round(summary.seen / seconds, 1) if seconds else 0.0,
        "latency_p50_s": round(percentile(summary.latencies, 0.50), 4),
        "latency_p95_s": round(percentile(summary.latencies, 0.95), 4),
        "peak_rss_mb": round(peak_rss_mb(worker_count(run_settings.workers)), 1),
        "stages": {stage: round(rate, 1) for stage, rate in pipeline.timer.rates().items()},
    }


def _child(corpus: str, limit: int | None, settings: Settings, queue: Any) -> None:
    queue.put(run_once(corpus, limit, settings))


def run_bench(corpus: str, limit: int | None, runs: int, settings: Settings) -> dict[str, Any]:
    """Run the bench `runs` times, each in its own process; report medians and every run."""
    context = multiprocessing.get_context("spawn")
    results = []
    for _ in range(runs):
        queue = context.Queue()
        process = context.Process(target=_child, args=(corpus, limit, settings, queue))
        process.start()
        result = queue.get()
        process.join()
        results.append(result)
    median = lambda key: statistics.median(run[key] for run in results)  # noqa: E731
    stages = sorted({stage for run in results for stage in run["stages"]})
    return {
        "corpus": corpus,
        "limit": limit,
        "runs": len(results),
        "articles": results[0]["articles"],
        "documents": results[0]["documents"],
        "seconds": median("seconds"),
        "articles_per_s": median("articles_per_s"),
        "latency_p50_s": median("latency_p50_s"),
        "latency_p95_s": median("latency_p95_s"),
        "peak_rss_mb": median("peak_rss_mb"),
        "stages": {stage: statistics.median(run["stages"].get(stage, 0.0) for run in results) for stage in stages},
        "each_run": results,
    }


def format_report(report: dict[str, Any]) -> str:
    """The bench report as a few human-readable lines."""
    lines = [
        f"corpus {report['corpus']}  documents {report['documents']:,}  articles {report['articles']:,}  runs {report['runs']} (medians)",
        f"end to end   {report['articles_per_s']:,.1f} documents/s  ({report['seconds']:.2f} s)",
        f"latency      p50 {report['latency_p50_s'] * 1000:.1f} ms  p95 {report['latency_p95_s'] * 1000:.1f} ms",
        f"peak RSS     {report['peak_rss_mb']:.0f} MB",
        "stages       " + "  ".join(f"{stage} {rate:,.0f}/s" for stage, rate in report["stages"].items()),
    ]
    if report["runs"] > 1:
        lines.append("each run     " + "  ".join(f"{run['articles_per_s']:,.0f}/s" for run in report["each_run"]))
    return "\n".join(lines)
