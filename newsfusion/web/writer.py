"""The web app's one writer: a thread that owns the writable store and runs the pipeline.

SQLite has one writer at a time, and the pipeline's incremental models (duplicate index,
story clusterer) keep state in memory, so every `POST /api/articles` hands its documents to
this single thread and waits for the outcome. The pipeline stays loaded between requests;
when another process (a `newsfusion ingest` run) has written to the file meanwhile, it is
rebuilt from the store first, so its state is never stale.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import IngestSummary, ResidentPipeline
from ..settings import Settings
from ..store import Store
from ..types import RawDocument, Rejection


@dataclass
class IngestOutcome:
    """What one request's documents became: the counts, one result per record, and every rejection."""

    summary: IngestSummary
    results: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.summary.ingested + self.summary.revisions + self.summary.unchanged

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "ingested": self.summary.ingested,
            "revisions": self.summary.revisions,
            "unchanged": self.summary.unchanged,
            "duplicates": self.summary.duplicates,
            "rejected": self.summary.rejected,
            "results": self.results,
            "rejections": self.rejections,
        }


def rejection_dict(rejection: Rejection) -> dict[str, Any]:
    return {
        "stage": rejection.stage,
        "code": rejection.code,
        "message": rejection.message,
        "source_id": rejection.source_id,
        "line": rejection.line,
    }


class IngestWriter:
    """Runs ingest jobs one at a time on its own thread, against its own writable Store."""

    def __init__(self, db_path: str, settings: Settings):
        self._db_path = db_path
        # A request brings a handful of articles: worker processes would cost more than they save.
        self._settings = dataclasses.replace(settings, db=db_path, workers=1)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsfusion-writer")
        self._store: Store | None = None
        self._pipeline: ResidentPipeline | None = None
        self._job_rejections: list[Rejection] = []

    def submit(self, items: list[RawDocument | Rejection]) -> "Future[IngestOutcome]":
        """Queue one request's documents; the future gives their outcome once they are stored."""
        return self._executor.submit(self._ingest, items)

    def close(self) -> None:
        """Finish the queued jobs, then release the pipeline and the store."""
        self._executor.shutdown(wait=True)
        if self._pipeline is not None:
            self._pipeline.close()
        if self._store is not None:
            self._store.close()

    # -- on the writer thread ------------------------------------------------------------------

    def _ready_pipeline(self) -> tuple[Store, ResidentPipeline]:
        if self._store is None:
            self._store = Store(self._db_path)
        if self._pipeline is None:
            self._pipeline = ResidentPipeline(self._store, self._settings, on_rejection=self._job_rejections.append)
        return self._store, self._pipeline

    def _ingest(self, items: list[RawDocument | Rejection]) -> IngestOutcome:
        store, pipeline = self._ready_pipeline()
        self._job_rejections.clear()
        documents = [item for item in items if isinstance(item, RawDocument)]
        known_before = {id(document): store.is_known(document) for document in documents}
        existed_before = {document.source_id: store.article(document.source_id) is not None for document in documents}
        summary = pipeline.run(items)
        rejected_ids = {rejection.source_id for rejection in self._job_rejections if rejection.source_id}
        results: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, Rejection):
                results.append({"line": item.line, "source_id": None, "status": "rejected", "code": item.code})
                continue
            if known_before[id(item)]:
                status = "unchanged"
            elif item.source_id in rejected_ids:
                status = "rejected"
            elif store.article(item.source_id) is None:
                status = "unchanged"
            else:
                status = "revision" if existed_before[item.source_id] else "new"
            result: dict[str, Any] = {"line": item.line, "source_id": item.source_id, "status": status}
            if status != "rejected":
                result["story_id"] = store.story_of(item.source_id)
            results.append(result)
        return IngestOutcome(summary, results, [rejection_dict(rejection) for rejection in self._job_rejections])
