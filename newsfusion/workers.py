"""The per-article work that needs no shared state, run in worker processes.

Two pools. The prepare pool cleans and fingerprints documents and computes what clustering
needs; it depends only on the document, so it runs one chunk per task, results in input
order, and the stages that need the stream's history (outlet templates, duplicate groups,
stories) then run in the main process, in order. The extract lane runs the spaCy stage on
articles already stored, behind the stories (see `ExtractLane`).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
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
# Batches smaller than this are handled in-process: starting workers costs about a second
# (several for the extract workers, which load the spaCy model).
MIN_POOL_BATCH = 32
# Resident memory past which an extract worker gives freed heap back (`_give_back_freed_memory`).
TRIM_ABOVE_MB = 450
# Seconds between a worker's checks that the main process is still there.
PARENT_CHECK_S = 1.0
# How much lower the extract workers' CPU priority is than the rest (see `_start_extract_worker`).
EXTRACT_NICENESS = 10


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


def extract_many(articles: list[Article]) -> tuple[list[Extraction], float]:
    """Extract from articles in one spaCy batch; the extractions and the seconds it took.

    An article the extractors fail on gets an empty extraction saying why, so one odd text
    neither stops the stream nor stays awaited for ever.
    """
    started = time.perf_counter()
    try:
        extractions = extract_articles(articles)
    except Exception:
        extractions = [_extract_alone(article) for article in articles]
    _give_back_freed_memory()
    return extractions, time.perf_counter() - started


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def _give_back_freed_memory() -> None:
    """Return the heap that spaCy's arrays freed to the system, once the process holds more than TRIM_ABOVE_MB.

    glibc keeps freed blocks for reuse, and the arrays of one long article leave a large heap
    that it rarely hands back: an extract worker grew to about 750 MB over 400 allsides
    articles, and stays near 300 MB when trimmed after each chunk. Trimming costs time (the
    next chunk faults the pages back in: 10% slower after every chunk), hence the threshold.
    """
    trim = _malloc_trim()
    if trim is not None and _resident_mb() > TRIM_ABOVE_MB:
        trim(0)


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _extract_alone(article: Article) -> Extraction:
    try:
        return extract_articles([article])[0]
    except Exception as exc:  # the article's text broke an extractor: say so and go on
        return Extraction(notes=(f"not extracted: the extractors failed on this text ({type(exc).__name__}: {exc})",))


def _start_worker() -> None:
    """A worker: Ctrl-C left to the main process, and an exit when the main process is gone.

    A terminal sends SIGINT to the whole process group, and a worker dying mid-batch would
    lose the batch that `newsfusion watch` means to finish on Ctrl-C. A main process killed
    outright (`kill -9`) cannot stop its workers, which would otherwise wait on its queue for
    ever, holding their memory.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def exit_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=exit_with_parent, name="exit-with-parent", daemon=True).start()


def _start_extract_worker() -> None:
    """An extract worker: as any worker (`_start_worker`), at a lower CPU priority.

    Extraction is the bulk of the CPU work and nothing waits on it but the briefs; at a lower
    priority it takes the time the stories' stages leave, instead of delaying them.
    """
    _start_worker()
    try:
        os.nice(EXTRACT_NICENESS)
    except OSError:  # not allowed here: run at the same priority
        pass


def worker_count(setting: int) -> int:
    """The number of worker processes: the setting, or one per CPU when it is 0."""
    return setting if setting > 0 else (os.cpu_count() or 1)


def _spawn_pool(workers: int, initializer: Callable[[], None] = _start_worker) -> ProcessPoolExecutor:
    # One BLAS thread per worker: the workers already fill the cores, and two processes each
    # running a BLAS thread per core spend their time waiting on each other (spaCy's NER ran
    # 1.5x slower so). Spawned workers inherit this.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # spawn, not fork: the main process holds SQLite connections and threads.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=initializer)


def _pids(executor: ProcessPoolExecutor | None) -> list[int]:
    """The process ids of a pool's workers (none before it starts)."""
    processes = getattr(executor, "_processes", None) or {}
    return sorted(processes)


def _chunks(items: list, size: int = CHUNK_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


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
            self._executor = _spawn_pool(self.workers)
        futures = [self._executor.submit(prepare_many, chunk) for chunk in _chunks(documents)]
        return lambda: [prepared for future in futures for prepared in future.result()]

    def warm_up(self) -> None:
        """Start the worker processes now rather than on the first large batch."""
        if self.workers > 1:
            if self._executor is None:
                self._executor = _spawn_pool(self.workers)
            for future in [self._executor.submit(prepare_many, []) for _ in range(self.workers)]:
                future.result()

    def pids(self) -> list[int]:
        return _pids(self._executor)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None


def _load_model() -> None:
    from .extract import DISABLED
    from .extract.nlp import load_nlp

    load_nlp(DISABLED)


@dataclass(frozen=True)
class ToExtract:
    """A stored article awaiting its extraction: which revision, its story, when it arrived."""

    article_id: int
    revision: int
    article: Article
    story_id: int | None = None
    arrived: float | None = None  # None for one resumed from an earlier run


@dataclass(frozen=True)
class Extracted:
    item: ToExtract
    extraction: Extraction
    seconds: float  # its share of its chunk's extraction time


class ExtractLane:
    """The extract stage, run behind the stories.

    Articles are handed over once stored (their story already updated) and come back, in the
    order handed over, as their extractions finish; `backlog` counts those not yet collected,
    which the pipeline bounds by holding back its input. Extraction runs in worker processes
    with their own spaCy model, or in-process for one worker or for small hand-overs before
    any worker exists.
    """

    def __init__(self, workers: int):
        self.workers = workers
        self.backlog = 0
        self._executor: ProcessPoolExecutor | None = None
        self._queue: deque[tuple[list[ToExtract], Future]] = deque()

    def submit(self, items: list[ToExtract]) -> None:
        if not items:
            return
        in_process = self.workers <= 1 or (self._executor is None and len(items) < MIN_POOL_BATCH)
        if not in_process and self._executor is None:
            self._executor = _spawn_pool(self.workers, _start_extract_worker)
        for chunk in _chunks(items):
            articles = [item.article for item in chunk]
            if in_process:
                future: Future = Future()
                future.set_result(extract_many(articles))
            else:
                assert self._executor is not None
                future = self._executor.submit(extract_many, articles)
            self._queue.append((chunk, future))
            self.backlog += len(chunk)

    def warm_up(self) -> None:
        """Start the worker processes and load their spaCy model now rather than on the first large batch."""
        if self.workers > 1:
            if self._executor is None:
                self._executor = _spawn_pool(self.workers, _start_extract_worker)
            for future in [self._executor.submit(_load_model) for _ in range(self.workers)]:
                future.result()

    def collect(self, wait: bool = False) -> list[Extracted]:
        """The extractions finished so far, in hand-over order; with `wait`, at least the oldest one's chunk."""
        done: list[Extracted] = []
        while self._queue:
            chunk, future = self._queue[0]
            if not future.done() and not (wait and not done):
                break
            extractions, seconds = future.result()
            self._queue.popleft()
            self.backlog -= len(chunk)
            done.extend(Extracted(item, extraction, seconds / len(chunk)) for item, extraction in zip(chunk, extractions))
        return done

    def pids(self) -> list[int]:
        return _pids(self._executor)

    def close(self) -> None:
        self._queue.clear()
        self.backlog = 0
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
