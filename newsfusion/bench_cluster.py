"""`newsfusion bench --stage cluster`: story assignment alone, at 10k to 1M articles.

The corpus is cleaned and turned into clustering features once (in the worker pool). Those
features are then replayed, as many times as needed to reach the requested number of
articles, through `StoryClusterer` and a real store: each replayed copy is shifted in time
(copy k is dated k x 400 days later, so copies of one article are separate events) and
lightly edited (about 10% of its features dropped and the rest reweighted by up to +-10%,
deterministically), then renormalised. Every copy gets a row in the articles table so the
story tables are written exactly as in a real run. Reported: assignments per second,
assignment latency p50/p95 (predict_one + learn_one), the cost of the per-batch write, the
number of stories, and peak RSS.

Per-article cost is reported twice at each size: averaged from the start, and over the last
`WINDOW` articles before that size (the marginal cost, which is what must not grow with the
store), in wall-clock and in this process's CPU time (steadier on a shared machine).
"""

from __future__ import annotations

import hashlib
import itertools
import math
import tempfile
import time
from collections import deque
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from .bench import peak_rss_mb, percentile
from .cluster.clusterer import ClusterItem, StoryClusterer
from .cluster.features import ArticleFeatures
from .extract.timeframe import Timeframe
from .ingest import InputReader
from .settings import Settings
from .store import Store
from .types import Article, RawDocument
from .pools import worker_count
from .prepare_pool import PreparePool

# Days between replayed copies of the corpus: more than a year, so a copy is a new event.
REPLAY_SHIFT_DAYS = 400
# Share of an article's features a replayed copy drops, and how far it reweights the rest.
REPLAY_DROP = 0.10
REPLAY_REWEIGHT = 0.10
# Articles over which the marginal cost and the latency percentiles are taken.
WINDOW = 10_000


class CompactFeatures:
    """Clustering features of a whole corpus as flat arrays: dicts of 40k articles would not fit."""

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.words: list[str] = []
        self.ids: list[np.ndarray] = []
        self.weights: list[np.ndarray] = []
        self.frames: list[Timeframe] = []
        self.titles: list[str | None] = []

    def add(self, features: ArticleFeatures, frame: Timeframe, title: str | None) -> None:
        ids = []
        for key in features.vector:
            if key not in self.vocabulary:
                self.vocabulary[key] = len(self.words)
                self.words.append(key)
            ids.append(self.vocabulary[key])
        self.ids.append(np.array(ids, dtype=np.int32))
        self.weights.append(np.array(list(features.vector.values()), dtype=np.float32))
        self.frames.append(frame)
        self.titles.append(title)

    def __len__(self) -> int:
        return len(self.ids)

    def copies(self, start: int, count: int) -> list[tuple[dict[str, float], Timeframe, str | None]]:
        """Replayed copies number `start` to `start + count - 1`: the corpus over and over, each pass a round later."""
        return [self.copy((start + k) % len(self), (start + k) // len(self)) for k in range(count)]

    def copy(self, index: int, round_: int) -> tuple[dict[str, float], Timeframe, str | None]:
        """Copy `round_` of article `index`: shifted in time and lightly edited (round 0 is the original)."""
        vector = {self.words[i]: float(w) for i, w in zip(self.ids[index], self.weights[index])}
        frame = self.frames[index]
        if round_ == 0:
            return vector, frame, self.titles[index]
        edited = {}
        for key, value in vector.items():
            digest = hashlib.blake2b(f"{key}|{round_}".encode(), digest_size=4).digest()
            draw = int.from_bytes(digest, "big") / 2**32
            if draw < REPLAY_DROP:
                continue
            edited[key] = value * (1.0 + REPLAY_REWEIGHT * (2 * draw - 1))
        norm = math.sqrt(sum(v * v for v in edited.values())) or 1.0
        shift = timedelta(days=REPLAY_SHIFT_DAYS * round_)
        frame = replace(
            frame, start=frame.start + shift if frame.start else None, end=frame.end + shift if frame.end else None
        )
        return {key: value / norm for key, value in edited.items()}, frame, self.titles[index]


def _placeholder_item(store: Store, copy: tuple[dict[str, float], Timeframe, str | None], seq: int) -> ClusterItem:
    """A replayed copy as an article row with no text (its `seq` is the row's) and its clustering item."""
    vector, frame, title = copy
    article_id = store.add_placeholder_article(f"bench-{seq - 1}", title)
    return ClusterItem(article_id, seq, title, ArticleFeatures(vector, frozenset()), frame)


def prefill_stories(
    store: Store,
    clusterer: StoryClusterer,
    compact: CompactFeatures,
    count: int,
    batch: int,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Replay `count` copies of the corpus's features through `clusterer` into an empty `store`, untimed.

    The same copies, rows and batch writes as the cluster bench: a store holding `count`
    articles' worth of stories, for timing the whole pipeline on top of it. Returns the
    number of replay rounds used, so what comes next can be dated after all of them.
    """
    done = 0
    while done < count:
        size = min(batch, count - done)
        copies = compact.copies(done, size)
        with store.db.write():
            for copy in copies:
                clusterer.assign(_placeholder_item(store, copy, done + 1))
                done += 1
            clusterer.write()
        if on_progress is not None:
            on_progress(done)
    return -(-count // len(compact))


def corpus_features(corpus: str, limit: int | None, settings: Settings) -> CompactFeatures:
    """Clean and featurise the corpus once, in the worker pool."""
    compact = CompactFeatures()
    documents: Iterator[Any] = InputReader(settings).read([corpus])
    if limit is not None:
        documents = itertools.islice(documents, limit)
    pool = PreparePool(worker_count(settings.workers))  # assignment alone: no spaCy
    try:
        batch: list[RawDocument] = []
        for item in itertools.chain(documents, [None]):
            if isinstance(item, RawDocument):
                batch.append(item)
            if len(batch) >= 2000 or (item is None and batch):
                for prepared in pool.submit(batch)():
                    if isinstance(prepared.result, Article) and prepared.features is not None:
                        compact.add(prepared.features, prepared.timeframe, prepared.result.title)
                batch = []
    finally:
        pool.close()
    return compact


def run_cluster_bench(
    corpus: str,
    sizes: list[int],
    settings: Settings,
    base_limit: int | None = None,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Replay the corpus's features through the clusterer; report figures at each size in `sizes`.

    `on_row` gets each size's figures as soon as they are measured (a 1M run takes an hour).
    """
    started = time.perf_counter()
    compact = corpus_features(corpus, base_limit, settings)
    prepare_seconds = time.perf_counter() - started
    checkpoints = sorted(sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="newsfusion-bench-") as folder, Store(str(Path(folder) / "cluster.db")) as store:
        clusterer = StoryClusterer(store, settings.max_active_stories)
        latencies: deque[float] = deque(maxlen=WINDOW)
        spent_wall: deque[float] = deque(maxlen=WINDOW)  # per article: assignment plus its share of the batch write
        spent_cpu: deque[float] = deque(maxlen=WINDOW)
        write_seconds = 0.0
        assign_seconds = 0.0
        done = 0
        batch = settings.batch_size
        target = checkpoints[-1]
        while done < target:
            size = min(batch, next(size for size in checkpoints if size > done) - done)  # batches end on each size
            # The replayed copies are made before the clocks start: making them is not clustering.
            copies = compact.copies(done, size)
            wall, cpu = time.perf_counter(), time.process_time()
            with store.db.write():
                for copy in copies:
                    item = _placeholder_item(store, copy, done + 1)
                    tick = time.perf_counter()
                    clusterer.assign(item)
                    spent = time.perf_counter() - tick
                    latencies.append(spent)
                    assign_seconds += spent
                    done += 1
                tick = time.perf_counter()
                clusterer.write()
                write_seconds += time.perf_counter() - tick
            spent_wall.extend([(time.perf_counter() - wall) / size] * size)
            spent_cpu.extend([(time.process_time() - cpu) / size] * size)
            if done in checkpoints:
                results.append(
                    {
                        "articles": done,
                        "stories": store.live_story_count(),
                        "articles_per_s": round(done / (assign_seconds + write_seconds), 1),
                        "marginal_ms_per_article": round(sum(spent_wall) / len(spent_wall) * 1000, 3),
                        "marginal_cpu_ms_per_article": round(sum(spent_cpu) / len(spent_cpu) * 1000, 3),
                        "latency_p50_ms": round(percentile(list(latencies), 0.50) * 1000, 3),
                        "latency_p95_ms": round(percentile(list(latencies), 0.95) * 1000, 3),
                        "write_ms_per_article": round(write_seconds / done * 1000, 3),
                        "peak_rss_mb": round(peak_rss_mb(), 1),
                    }
                )
                if on_row is not None:
                    on_row(results[-1])
    return {
        "stage": "cluster",
        "corpus": corpus,
        "base_articles": len(compact),
        "prepare_seconds": round(prepare_seconds, 1),
        "max_active_stories": settings.max_active_stories,
        "sizes": results,
    }


def format_cluster_report(report: dict[str, Any]) -> str:
    lines = [
        f"cluster stage on {report['corpus']} ({report['base_articles']:,} articles replayed; features in {report['prepare_seconds']} s)",
        f"{'articles':>10} {'stories':>9} {'assign/s':>9} {'ms/art':>7} {'cpu ms':>7} {'p50 ms':>8} {'p95 ms':>8} {'write ms':>9} {'RSS MB':>8}",
    ]
    for row in report["sizes"]:
        lines.append(
            f"{row['articles']:>10,} {row['stories']:>9,} {row['articles_per_s']:>9,.0f}"
            f" {row['marginal_ms_per_article']:>7.2f} {row['marginal_cpu_ms_per_article']:>7.2f} {row['latency_p50_ms']:>8.2f}"
            f" {row['latency_p95_ms']:>8.2f} {row['write_ms_per_article']:>9.3f} {row['peak_rss_mb']:>8.0f}"
        )
    lines.append(
        f"assign/s: from the start; ms/art and cpu ms: wall and CPU time per article (assignment and store write) over the last"
        f" {WINDOW:,} before each size; latency: those assignments' predict_one + learn_one; write: store writes per article from the start"
    )
    return "\n".join(lines)
