"""The prepare pool: the per-document work that needs no shared state, run in worker processes.

It cleans and fingerprints documents and computes what clustering needs. That depends only
on the document, so it runs one chunk per task, results in input order, and the stages that
need the stream's history (outlet templates, duplicate groups, stories) then run in the main
process, in order. The spaCy stage has a pool of its own behind the stories (`extract_lane`).
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .clean import clean_document
from .cluster.features import ArticleFeatures, article_features
from .dedupe import Signature, signature
from .extract.timeframe import UNKNOWN, Timeframe, infer_timeframe
from .pools import MIN_POOL_BATCH, chunks, pool_pids, spawn_pool
from .types import Article, RawDocument, Rejection

@dataclass(frozen=True)
class Prepared:
    """A document after the stateless stages, with the seconds each stage took."""

    result: Article | Rejection
    fingerprint: Signature | None = None
    features: ArticleFeatures | None = None
    timeframe: Timeframe = UNKNOWN
    seconds: dict[str, float] = field(default_factory=dict)


def prepare(document: RawDocument) -> Prepared:
    """Clean a document, fingerprint its text, and compute what clustering needs."""
    started = time.perf_counter()
    result = clean_document(document)
    cleaned = time.perf_counter()
    if not isinstance(result, Article):
        return Prepared(result, seconds={"clean": cleaned - started})
    fingerprint = signature(result.text)
    fingerprinted = time.perf_counter()
    features = article_features(result.title, result.text)
    timeframe = infer_timeframe(result.text, result.published, result.published_source)
    seconds = {"clean": cleaned - started, "dedupe": fingerprinted - cleaned, "cluster": time.perf_counter() - fingerprinted}
    return Prepared(result, fingerprint, features, timeframe, seconds=seconds)


def prepare_many(documents: list[RawDocument]) -> list[Prepared]:
    return [prepare(document) for document in documents]


class PreparePool:
    """Runs `prepare` over documents, in worker processes when there is more than one worker."""

    def __init__(self, workers: int):
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, documents: Iterable[RawDocument]) -> Callable[[], list[Prepared]]:
        """Start preparing documents; the returned function waits for and returns the results, in order.

        Work goes to the workers in the background, so the caller can write the previous
        batch meanwhile. Small batches are prepared at once, in-process.
        """
        documents = list(documents)
        if self.workers <= 1 or len(documents) < MIN_POOL_BATCH:
            results = prepare_many(documents)
            return lambda: results
        if self._executor is None:
            self._executor = spawn_pool(self.workers)
        futures = [self._executor.submit(prepare_many, chunk) for chunk in chunks(documents)]
        return lambda: [prepared for future in futures for prepared in future.result()]

    def warm_up(self) -> None:
        """Start the worker processes now rather than on the first large batch."""
        if self.workers > 1:
            if self._executor is None:
                self._executor = spawn_pool(self.workers)
            for future in [self._executor.submit(prepare_many, []) for _ in range(self.workers)]:
                future.result()

    def pids(self) -> list[int]:
        return pool_pids(self._executor)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None


