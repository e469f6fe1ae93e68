"""Runs the stages over a stream of documents, in batches, with timing per stage.

Order is the stream's arrival order. Work that needs no lock (parsing, cleaning) happens
before a batch's write transaction; each batch is then written in one transaction, so a
crash loses at most the batch in flight, which the next run ingests again.

Extraction, by far the slowest stage, runs behind the stories: a batch's articles join
their stories in the batch's transaction, and their extractions are written as the extract
workers return them, in transactions of their own. The articles awaiting one are listed in
the store in the batch's transaction, so a run killed in between leaves them listed and the
next run extracts them. When too many stored articles await extraction, reading waits
(back-pressure), so memory stays bounded and the stories never fall behind the input.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .clean import OutletTemplates
from .cluster.clusterer import ClusterItem, StoryClusterer
from .cluster.features import ArticleFeatures, article_features
from .extract.timeframe import UNKNOWN, Timeframe
from .extract_lane import ExtractLane, ToExtract
from .dedupe import DuplicateIndex, Signature, signature
from .pools import worker_count
from .prepare_pool import Prepared, PreparePool
from .settings import Settings
from .store import Store
from .types import Article, RawDocument, Rejection

# A batch is written when it is full or when its oldest document has waited this long, so a
# slow stream still lands promptly.
MAX_BATCH_WAIT_S = 1.0
# Stored articles awaiting extraction past which reading waits: a batch, enough to keep every
# extract worker busy while the next batch is prepared, and about 8 s of their output on two
# cores, so a story's facts trail its articles by about that.
MAX_EXTRACT_BACKLOG = 48
# With extraction on, a prepare pool takes cores from the extract workers for little: cleaning
# and fingerprinting cost about a tenth of what extraction does (12 against 140 ms of CPU an
# allsides article), so the main process does them itself, and a pool is started only with
# this many extract workers per prepare worker. On 2 cores this kept the speed, raised p95
# latency to story update by about 0.15 s and took about 300 MB off the run (BENCHMARKS.md,
# stop 18). With extraction off, every worker prepares.
EXTRACT_WORKERS_PER_PREPARE_WORKER = 8


def prepare_workers(settings: Settings) -> int:
    """Processes for cleaning and fingerprinting; 1 or fewer means the main process does it."""
    workers = worker_count(settings.workers)
    return workers // EXTRACT_WORKERS_PER_PREPARE_WORKER if settings.extract else workers


@dataclass
class StageTimer:
    """Seconds spent and items handled in each stage, for `newsfusion bench`."""

    seconds: dict[str, float] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)

    def add(self, stage: str, seconds: float, items: int = 1) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.items[stage] = self.items.get(stage, 0) + items

    def rates(self) -> dict[str, float]:
        """Items per second of each stage alone."""
        return {stage: (self.items[stage] / spent if spent > 0 else float("inf")) for stage, spent in self.seconds.items()}


@dataclass
class IngestSummary:
    """What one run did, for the summary line and for tests."""

    ingested: int = 0
    revisions: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped_files: int = 0
    resumed: int = 0  # extractions an earlier, interrupted run left awaited
    latencies: list[float] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ingested + self.revisions + self.unchanged + self.rejected

    def line(self) -> str:
        parts = [
            f"ingested {self.ingested}",
            f"revisions {self.revisions}",
            f"unchanged {self.unchanged}",
            f"duplicates {self.duplicates}",
            f"rejected {self.rejected}",
        ]
        if self.skipped_files:
            parts.append(f"skipped {self.skipped_files} files of other types")
        if self.resumed:
            parts.append(f"extracted {self.resumed} articles an interrupted run had left")
        text = ", ".join(parts)
        if self.rejected:
            text += " (see `newsfusion rejects`)"
        return text


@dataclass
class _Pending:
    """One document on its way through a batch, with when it arrived."""

    arrived: float
    item: RawDocument | Rejection
    result: Article | Rejection | None = None
    fingerprint: Signature | None = None
    features: ArticleFeatures | None = None
    timeframe: Timeframe = UNKNOWN


ProgressCallback = Callable[[IngestSummary], None]
RejectionCallback = Callable[[Rejection], None]
# Called when articles' facts are in the store (their extractions written, or, without the
# extract stage, the batch committed) with the stories they joined (ids as assigned; a story
# may since have been folded into another) and the arrival times of the articles.
BatchCallback = Callable[[list[int], list[float]], None]


class Pipeline:
    """The stages as built so far: ingest -> clean -> dedupe -> cluster -> extract -> store."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        on_progress: ProgressCallback | None = None,
        on_rejection: RejectionCallback | None = None,
        on_batch: BatchCallback | None = None,
    ):
        self.store = store
        self.settings = settings
        self.templates = OutletTemplates(store)
        self.duplicates = DuplicateIndex(store, settings.dedupe_window)
        self.clusterer = StoryClusterer(store, settings.max_active_stories)
        self.pool = PreparePool(prepare_workers(settings))
        self.lane = ExtractLane(worker_count(settings.workers)) if settings.extract else None
        self.timer = StageTimer()
        self.summary = IngestSummary()
        self._on_progress = on_progress
        self._on_rejection = on_rejection
        self._on_batch = on_batch
        self._batch_stories: list[int] = []
        self._to_extract: list[ToExtract] = []
        self._held: tuple[list[_Pending], list[_Pending], Callable[[], list[Prepared]]] | None = None
        self._resumed = False

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Start the worker processes (and load their models) now, as a long-running service has."""
        self.pool.warm_up()
        if self.lane is not None:
            self.lane.warm_up()

    def worker_pids(self) -> dict[str, list[int]]:
        """The process ids of the running workers, by pool."""
        pids = {"prepare": self.pool.pids()}
        if self.lane is not None:
            pids["extract"] = self.lane.pids()
        return pids

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.close()
        if self.lane is not None:
            self.lane.close()

    def run(self, items: Iterable[RawDocument | Rejection], finish_extractions: bool = True) -> IngestSummary:
        """Process every item in order; return the run's summary.

        With a prepare pool (`prepare_workers`), the main process writes one batch while the
        workers prepare the next; without one, it prepares each batch itself first. With
        `finish_extractions` the run returns once every extraction is written; without, it
        returns once its articles are stored, and a long-running caller writes the rest with
        `write_extractions` as they finish.
        """
        self._resume_extractions()
        for batch in self._batches(items):
            fresh = [p for p in batch if isinstance(p.item, RawDocument) and not self.store.is_known(p.item)]
            waiting = self.pool.submit(p.item for p in fresh)  # type: ignore[misc]
            self._store_held()
            self._held = (batch, fresh, waiting)
        self._store_held()
        self.write_extractions(wait_all=finish_extractions)
        return self.summary

    def write_extractions(self, wait_all: bool = False) -> None:
        """Write the extractions finished so far; with `wait_all`, every one handed over."""
        if self.lane is None:
            return
        self._write_extractions()
        while wait_all and self.lane.backlog:
            self._write_extractions(wait=True)

    def _resume_extractions(self) -> None:
        """Hand over, on a first run, the articles an interrupted run stored but never wrote the extraction of.

        Only once: later runs of this pipeline find listed only its own articles still in the
        lane (another writer's change to the store makes long-running callers start a new one).
        """
        if self.lane is None or self._resumed:
            return
        self._resumed = True
        resumed = [ToExtract(article_id, revision, article) for article_id, revision, article in self.store.pending_extractions()]
        self.summary.resumed += len(resumed)
        self.lane.submit(resumed)

    def _store_held(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            self._process(*held)

    def _make_room(self) -> None:
        """Back-pressure: before reading more, write the extractions done and wait while too many are awaited.

        The batch already read is stored first, so its articles' wait for their stories
        does not include this one.
        """
        if self.lane is None:
            return
        self._write_extractions()
        if self.lane.backlog < MAX_EXTRACT_BACKLOG:
            return
        self._store_held()
        while self.lane.backlog >= MAX_EXTRACT_BACKLOG:
            self._write_extractions(wait=True)

    def _write_extractions(self, wait: bool = False) -> None:
        """Write the extractions the lane has finished (with `wait`, at least one chunk's), in one transaction."""
        assert self.lane is not None
        done = self.lane.collect(wait=wait)
        if not done:
            return
        started = time.perf_counter()
        with self.store.db.write():
            for extracted in done:
                item = extracted.item
                self.store.finish_extraction(item.article_id, item.revision, extracted.extraction.as_dict())
        for extracted in done:
            self.timer.add("extract", extracted.seconds)
        self.timer.add("store", time.perf_counter() - started, 0)
        if self._on_batch is not None:
            stories = [extracted.item.story_id for extracted in done if extracted.item.story_id is not None]
            arrivals = [extracted.item.arrived for extracted in done if extracted.item.arrived is not None]
            self._on_batch(list(dict.fromkeys(stories)), arrivals)  # type: ignore[arg-type]

    def _batches(self, items: Iterable[RawDocument | Rejection]) -> Iterator[list[_Pending]]:
        batch: list[_Pending] = []
        iterator = iter(items)
        while True:
            if not batch:
                self._make_room()
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                break
            arrived = time.perf_counter()
            self.timer.add("read", arrived - started)
            batch.append(_Pending(arrived, item))
            if len(batch) >= self.settings.batch_size or arrived - batch[0].arrived >= MAX_BATCH_WAIT_S:
                yield batch
                batch = []
        if batch:
            yield batch

    def _process(self, batch: list[_Pending], fresh: list[_Pending], waiting: Callable[[], list[Prepared]]) -> None:
        for pending, prepared in zip(fresh, waiting()):
            pending.result, pending.fingerprint = prepared.result, prepared.fingerprint
            pending.features, pending.timeframe = prepared.features, prepared.timeframe
            for stage, seconds in prepared.seconds.items():
                self.timer.add(stage, seconds)

        started = time.perf_counter()
        for pending in fresh:
            if isinstance(pending.result, Article):
                applied = self.templates.apply(pending.result)
                if applied is not pending.result:
                    pending.result, pending.fingerprint = applied, signature(applied.text)
                    pending.features = article_features(applied.title, applied.text)
        self.timer.add("clean", time.perf_counter() - started, 0)

        started = time.perf_counter()
        stored: list[_Pending] = []
        # What a batch that failed to commit left here names rolled-back rows: never hand it on.
        self._batch_stories, self._to_extract = [], []
        with self.store.db.write():
            for pending in batch:
                if self._store_one(pending):
                    stored.append(pending)
            self.templates.write()
            self.clusterer.write()
        done = time.perf_counter()
        self.timer.add("store", done - started, len(batch))
        self.summary.latencies.extend(done - pending.arrived for pending in stored)
        if self.lane is not None:
            self.lane.submit(self._to_extract)
        elif self._on_batch is not None:
            self._on_batch(list(dict.fromkeys(self._batch_stories)), [pending.arrived for pending in stored])
        self._batch_stories, self._to_extract = [], []
        if self._on_progress:
            self._on_progress(self.summary)

    def _store_one(self, pending: _Pending) -> bool:
        """Write one document's outcome; True when an article was stored."""
        item = pending.item
        if isinstance(item, Rejection):
            self._reject(item)
            return False
        if pending.result is None:
            self.summary.unchanged += 1
            return False
        outcome, document_id = self.store.add_document(item)
        if outcome.status == "unchanged" or document_id is None:
            # The same content twice within one batch.
            self.summary.unchanged += 1
            return False
        if isinstance(pending.result, Rejection):
            self._reject(pending.result)
            return False
        article_id = self.store.put_article(pending.result, document_id, outcome.revision)
        if self.lane is not None or outcome.status != "new":
            self.store.await_extraction(article_id, outcome.revision, queue=self.lane is not None)
        assert pending.fingerprint is not None
        started = time.perf_counter()
        match = self.duplicates.predict_one(pending.fingerprint, exclude=article_id)
        self.duplicates.learn_one(article_id, pending.fingerprint, match)
        self.timer.add("dedupe", time.perf_counter() - started, 0)
        if match is not None:
            self.summary.duplicates += 1
        if outcome.status == "new" and pending.features is not None:
            started = time.perf_counter()
            seq = self.store.article_seq(article_id)
            story_id = self.clusterer.assign(ClusterItem(article_id, seq, pending.result.title, pending.features, pending.timeframe))
            self._batch_stories.append(story_id)
            self.timer.add("cluster", time.perf_counter() - started, 0)
        else:
            story_id = None
        if self.lane is not None:
            self._to_extract.append(ToExtract(article_id, outcome.revision, pending.result, story_id, pending.arrived))
        if outcome.status == "new":
            self.summary.ingested += 1
        else:
            self.summary.revisions += 1
        return True

    def _reject(self, rejection: Rejection) -> None:
        self.store.add_rejection(rejection)
        self.summary.rejected += 1
        if self._on_rejection:
            self._on_rejection(rejection)


class ResidentPipeline:
    """A Pipeline kept loaded across batches by a long-running writer (`watch`, the web app).

    Its models (the duplicate index, the clusterer) hold state read from the store. When
    another process has stored an input since the last batch, they are reloaded first. A
    batch that fails is rolled back by the store, and the models, which may hold its articles,
    are rebuilt before the next one.
    """

    def __init__(self, store: Store, settings: Settings, on_rejection: RejectionCallback | None = None):
        self.store = store
        self.settings = settings
        self._on_rejection = on_rejection
        self._pipeline: Pipeline | None = None
        self._version_after_batch: int | None = None

    def run(self, items: Iterable[RawDocument | Rejection], finish_extractions: bool = True) -> IngestSummary:
        """Run one batch (one transaction per `batch_size`) and return its own summary.

        Without `finish_extractions` it returns once the batch's stories are stored; the
        caller then calls `write_extractions` while idle and with `wait_all` before stopping.
        """
        if self._pipeline is not None and self.store.input_version() != self._version_after_batch:
            self.close()
        if self._pipeline is None:
            self._pipeline = Pipeline(self.store, self.settings, on_rejection=self._on_rejection)
        self._pipeline.summary = IngestSummary()
        try:
            done = self._pipeline.run(items, finish_extractions)
        except BaseException:
            self.close()
            raise
        self._version_after_batch = self.store.input_version()
        return done

    def write_extractions(self, wait_all: bool = False) -> None:
        """Write the extractions finished since the last batch (with `wait_all`, every one still out)."""
        if self._pipeline is None:
            return
        try:
            self._pipeline.write_extractions(wait_all)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None
