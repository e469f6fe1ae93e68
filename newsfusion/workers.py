"""The per-article work that needs no shared state, run in worker processes.

Cleaning and fingerprinting depend only on the document, so they run in a process pool,
one document per task, results in input order. The stages that need the stream's history
(outlet templates, duplicate groups, stories) run after them in the main process, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from .clean import clean_document
from .cluster.features import ArticleFeatures, article_features
from .dedupe import Signature, signature
from .extract import Extraction, extract_articles
from .extract.timeframe import UNKNOWN, Timeframe, infer_timeframe
from .types import Article, RawDocument, Rejection

# Documents sent to a worker per task: large enough to amortise the hand-over, small enough
# to keep both workers busy on a batch of a few hundred.
CHUNK_SIZE = 16
# Batches smaller than this are prepared in-process: starting workers costs about a second.
MIN_POOL_BATCH = 32


@dataclass(frozen=True)
class Prepared:
    """A document after the stateless stages, with the seconds each stage took."""

    result: Article | Rejection
    fingerprint: Signature | None = None
    features: ArticleFeatures | None = None
    timeframe: Timeframe = UNKNOWN
    extraction: Extraction | None = None
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


def prepare_many(documents: list[RawDocument], extract: bool = True) -> list[Prepared]:
    """Prepare documents, then extract from all the resulting articles in one spaCy batch."""
    prepared = [prepare(document) for document in documents]
    if not extract:
        return prepared
    articles = [item.result for item in prepared if isinstance(item.result, Article)]
    if not articles:
        return prepared
    started = time.perf_counter()
    extractions = iter(extract_articles(articles))  # type: ignore[arg-type]
    share = (time.perf_counter() - started) / len(articles)
    done = []
    for item in prepared:
        if isinstance(item.result, Article):
            item = replace(item, extraction=next(extractions), seconds={**item.seconds, "extract": share})
        done.append(item)
    return done


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process: a terminal sends SIGINT to the whole process group, and a
    worker dying mid-batch would lose the batch that `newsfusion watch` means to finish on Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worker_count(setting: int) -> int:
    """The number of worker processes: the setting, or one per CPU when it is 0."""
    return setting if setting > 0 else (os.cpu_count() or 1)


class PreparePool:
    """Runs `prepare` over documents, in worker processes when there is more than one worker."""

    def __init__(self, workers: int, extract: bool = True):
        self.workers = workers
        self.extract = extract
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, documents: Iterable[RawDocument]) -> Callable[[], list[Prepared]]:
        """Start preparing documents; the returned function waits for and returns the results, in order.

        Work goes to the workers in the background, so the caller can write the previous
        batch meanwhile. Small batches are prepared at once, in-process.
        """
        documents = list(documents)
        if self.workers <= 1 or len(documents) < MIN_POOL_BATCH:
            results = prepare_many(documents, self.extract)
            return lambda: results
        if self._executor is None:
            # One BLAS thread per worker: the workers already fill the cores, and two
            # processes each running a BLAS thread per core spend their time waiting on
            # each other (spaCy's NER ran 1.5x slower so). Spawned workers inherit this.
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
            # spawn, not fork: the main process holds SQLite connections and threads.
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts
            )
        chunks = [documents[i : i + CHUNK_SIZE] for i in range(0, len(documents), CHUNK_SIZE)]
        futures = [self._executor.submit(prepare_many, chunk, self.extract) for chunk in chunks]
        return lambda: [prepared for future in futures for prepared in future.result()]

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
