"""Runs the stages over a stream of documents, in batches, with timing per stage.

Order is the stream's arrival order. Work that needs no lock (parsing, cleaning) happens
before a batch's write transaction; each batch is then written in one transaction, so a
crash loses at most the batch in flight, which the next run ingests again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .clean import OutletTemplates
from .cluster.clusterer import ClusterItem, StoryClusterer
from .cluster.features import ArticleFeatures, article_features
from .extract import Extraction, remap
from .extract.timeframe import UNKNOWN, Timeframe
from .dedupe import DuplicateIndex, Signature, signature
from .settings import Settings
from .store import Store
from .types import Article, RawDocument, Rejection
from .workers import Prepared, PreparePool, worker_count

# A batch is written when it is full or when its oldest document has waited this long, so a
# slow stream still lands promptly.
MAX_BATCH_WAIT_S = 1.0


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
    extraction: Extraction | None = None


ProgressCallback = Callable[[IngestSummary], None]
RejectionCallback = Callable[[Rejection], None]
# Called after each batch is committed with the stories its articles joined (ids as assigned;
# a story may since have been folded into another) and the arrival times of its articles.
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
        self.pool = PreparePool(worker_count(settings.workers), extract=settings.extract)
        self.timer = StageTimer()
        self.summary = IngestSummary()
        self._on_progress = on_progress
        self._on_rejection = on_rejection
        self._on_batch = on_batch
        self._batch_stories: list[int] = []

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes."""
        self.pool.close()

    def run(self, items: Iterable[RawDocument | Rejection]) -> IngestSummary:
        """Process every item in order; return the run's summary.

        While the workers prepare one batch, the main process writes the one before it.
        """
        previous = None
        for batch in self._batches(items):
            fresh = [p for p in batch if isinstance(p.item, RawDocument) and not self.store.is_known(p.item)]
            waiting = self.pool.submit(p.item for p in fresh)  # type: ignore[misc]
            if previous is not None:
                self._process(*previous)
            previous = (batch, fresh, waiting)
        if previous is not None:
            self._process(*previous)
        return self.summary

    def _batches(self, items: Iterable[RawDocument | Rejection]) -> Iterator[list[_Pending]]:
        batch: list[_Pending] = []
        iterator = iter(items)
        while True:
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
            pending.extraction = prepared.extraction
            for stage, seconds in prepared.seconds.items():
                self.timer.add(stage, seconds)

        started = time.perf_counter()
        for pending in fresh:
            if isinstance(pending.result, Article):
                applied = self.templates.apply(pending.result)
                if applied is not pending.result:
                    if pending.extraction is not None:
                        pending.extraction = remap(pending.extraction, pending.result.text, applied.text)
                    pending.result, pending.fingerprint = applied, signature(applied.text)
                    pending.features = article_features(applied.title, applied.text)
        self.timer.add("clean", time.perf_counter() - started, 0)

        started = time.perf_counter()
        stored: list[_Pending] = []
        with self.store.db.write():
            for pending in batch:
                if self._store_one(pending):
                    stored.append(pending)
            self.templates.write()
            self.clusterer.write()
        done = time.perf_counter()
        self.timer.add("store", done - started, len(batch))
        self.summary.latencies.extend(done - pending.arrived for pending in stored)
        if self._on_batch is not None:
            self._on_batch(list(dict.fromkeys(self._batch_stories)), [pending.arrived for pending in stored])
        self._batch_stories = []
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
        if pending.extraction is not None:
            self.store.put_extraction(article_id, pending.extraction.as_dict())
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

    def run(self, items: Iterable[RawDocument | Rejection]) -> IngestSummary:
        """Run one batch (one transaction per `batch_size`) and return its own summary."""
        if self._pipeline is not None and self.store.version() != self._version_after_batch:
            self.close()
        if self._pipeline is None:
            self._pipeline = Pipeline(self.store, self.settings, on_rejection=self._on_rejection)
        self._pipeline.summary = IngestSummary()
        try:
            done = self._pipeline.run(items)
        except BaseException:
            self.close()
            raise
        self._version_after_batch = self.store.version()
        return done

    def close(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None
