"""The extract stage's worker lane: spaCy and the extractors, run behind the stories.

Articles already stored (their story updated) are handed over in chunks and come back in
order as their extractions finish. The workers import this module and the extract package,
not the cleaning or duplicate stages (see `pools`).
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from .extract import Extraction, extract_articles
from .heap import freeze_loaded, malloc_trim
from .pools import MIN_POOL_BATCH, chunks, pool_pids, spawn_pool, start_worker
from .types import Article

# Resident memory past which an extract worker gives freed heap back (`_give_back_freed_memory`).
TRIM_ABOVE_MB = 450
# How much lower the extract workers' CPU priority is than the rest (see `_start_extract_worker`).
EXTRACT_NICENESS = 10


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
    if _worker["started"]:
        # After a first chunk the model, lexicons and gazetteer are loaded: over 200 allsides
        # articles in chunks of 16 the collector took 2.5-3.0 ms an article, 0.7-1.0 ms frozen.
        freeze_loaded()
    return extractions, time.perf_counter() - started


# Whether this process is an extract worker (the in-process lane leaves the main process's heap alone).
_worker = {"started": False}


def _give_back_freed_memory() -> None:
    """Return the heap that spaCy's arrays freed to the system, once the process holds more than TRIM_ABOVE_MB.

    glibc keeps freed blocks for reuse, and the arrays of one long article leave a large heap
    that it rarely hands back: an extract worker grew to about 750 MB over 400 allsides
    articles, and stays near 300 MB when trimmed after each chunk. Trimming costs time (the
    next chunk faults the pages back in: 10% slower after every chunk), hence the threshold.
    """
    trim = malloc_trim()
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


def _start_extract_worker() -> None:
    """An extract worker: as any worker (`start_worker`), at a lower CPU priority.

    Extraction is the bulk of the CPU work and nothing waits on it but the briefs; at a lower
    priority it takes the time the stories' stages leave, instead of delaying them.
    """
    start_worker()
    _worker["started"] = True
    try:
        os.nice(EXTRACT_NICENESS)
    except OSError:  # not allowed here: run at the same priority
        pass


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
            self._executor = spawn_pool(self.workers, _start_extract_worker)
        for chunk in chunks(items):
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
                self._executor = spawn_pool(self.workers, _start_extract_worker)
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
        return pool_pids(self._executor)

    def close(self) -> None:
        self._queue.clear()
        self.backlog = 0
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
