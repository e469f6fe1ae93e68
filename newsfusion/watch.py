"""`newsfusion watch`: keep ingesting the new files and feed entries of some paths and URLs.

Two threads share a bounded queue. The poller (a background thread) looks at every watched
input each `watch_interval_s`: folders are walked recursively for files that are new or whose
modification time, size or inode changed, files are read again when they change, and feed URLs
are fetched again, passing over the entries it has already read. What it finds goes on a
`queue.Queue(maxsize=watch_queue)`; when the queue is full `put` blocks, so a poller that
outruns the pipeline waits (back-pressure) instead of holding the whole backlog in memory.

The consumer (the caller's thread, the main thread under the CLI) takes documents off the
queue and runs them through the Pipeline in batches of `batch_size`, flushing a partial batch
once the queue has been quiet for a moment, so a lone article is stored within about a second.
Each flushed batch is one transaction: a kill loses at most that batch, and since what is
stored is never read twice (`Store.is_known`), the next run picks up exactly what was lost.

A feed that times out or a file that cannot be read is a one-line warning, and the next poll
tries it again; inputs that are read but unusable (a binary file, a malformed JSON line) are
stored rejections, as with `newsfusion ingest`.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Hashable, Sequence

from .errors import UsageError
from .ingest import Fetcher, InputReader, is_url
from .ingest.reader import SUPPORTED_SUFFIXES, suffix_of
from .pipeline import MAX_BATCH_WAIT_S, IngestSummary, ResidentPipeline
from .settings import Settings
from .store import Store
from .types import RawDocument, Rejection

# A file is read once it has been left alone this long (or looked the same on two looks in a
# row): a writer that creates a file and then fills it is not caught half-way. Writers of
# article files finish in milliseconds; half a second keeps a dropped file's delay small.
SETTLE_NS = 500_000_000
# While a file is settling, the folders are looked at again this often (feeds are not).
SETTLE_RECHECK_S = 0.25
# A partial batch is written once no document has arrived for this long, or once its oldest
# document has waited MAX_BATCH_WAIT_S (the pipeline's own limit), whichever comes first.
IDLE_FLUSH_S = 0.2
# How often a blocked poller or an idle consumer looks up to see whether it should stop.
STOP_CHECK_S = 0.2
# How long stopping waits for the poller to notice; it may be inside a slow fetch, and it is a
# daemon thread, so the process can end without it.
POLLER_JOIN_S = 5.0
# Whole-input failures that the next poll retries instead of storing a rejection.
RETRIED_CODES = frozenset({"unreadable", "not_found", "fetch_failed"})

_END = object()  # put by the poller after its last document (with --once, or when it fails)

FileSignature = tuple[int, int, int]  # (mtime_ns, size, inode): what says a file changed


class _Stopped(Exception):
    """Raised inside the poller when the watcher is asked to stop while it waits or reads."""


@dataclass
class WatchStats:
    """What the poller did, for the tests and for the exit code of `watch --once`."""

    polls: int = 0
    queued: int = 0
    already_stored: int = 0  # read again but already in the store: nothing to do
    queue_full_waits: int = 0  # times the poller found the queue full and had to wait
    warnings: int = 0  # inputs that could not be read (each retried at the next poll)


@dataclass(frozen=True)
class BatchReport:
    """What one flushed batch did, and how many articles the store holds after it."""

    summary: IngestSummary
    stored: int

    def line(self) -> str:
        done = self.summary
        text = (
            f"watch: +{done.ingested} ingested, {done.revisions} revisions, {done.duplicates} duplicates, "
            f"{done.rejected} rejected; {self.stored} stored"
        )
        return text + (f" ({done.unchanged} unchanged)" if done.unchanged else "")


def check_inputs(inputs: Sequence[str], settings: Settings) -> None:
    """Refuse what cannot be watched, before anything starts."""
    if not inputs:
        raise UsageError("give at least one folder, file or feed URL to watch")
    for given in inputs:
        if given == "-":
            raise UsageError("watch cannot follow standard input; use `newsfusion ingest -` for JSON lines on stdin")
        if is_url(given):
            if settings.offline:
                raise UsageError(f"{given} needs fetching but --offline is set; drop --offline to watch a URL")
        elif not Path(given).exists():
            raise UsageError(f"{given} does not exist; create the folder first or fix the path")


class _Poller:
    """Finds what is new in the watched inputs and offers it to the queue. Runs on one thread.

    State is in memory: the signature of every file read, the feed entries read, and the keys
    of recently queued documents. After a restart everything is read once more and the store's
    `is_known` passes over what it already holds.
    """

    def __init__(
        self,
        inputs: Sequence[str],
        settings: Settings,
        fetcher: Fetcher,
        known: Store,
        put: Callable[[RawDocument | Rejection], None],
        warn: Callable[[str], None],
        stopping: Callable[[], bool],
        stats: WatchStats,
        recent_limit: int,
    ):
        self.inputs = list(inputs)
        self._known = known
        self._put = put
        self._warn = warn
        self._stopping = stopping
        self.stats = stats
        self._reader = InputReader(settings, fetcher=fetcher, skip_feed_entry=self._skip_feed_entry)
        self._signatures: dict[str, dict[Path, FileSignature]] = {}  # per watched path: files read
        self._last_look: dict[str, dict[Path, FileSignature]] = {}  # per watched path: files settling
        self._feed_seen: dict[str, set[str]] = {}  # per feed: keys of the entries read
        self._entries: dict[int, str] = {}  # the entries of the feed being read: number -> key
        # Documents and rejections queued lately, so that an input read twice before its
        # documents are stored does not queue them twice. Bounded: anything older has left the
        # bounded queue and been stored, and then `is_known` answers.
        self._recent: OrderedDict[Hashable, None] = OrderedDict()
        self._recent_limit = recent_limit
        self.settling = False  # some file was left to settle at the last look

    # -- one poll ------------------------------------------------------------------------------

    def poll(self, fetch_urls: bool, settle: bool) -> None:
        """Look at every input once (URLs only when `fetch_urls`); offer what is new, oldest first.

        With `settle` False every changed file is read at once (`watch --once`).
        """
        self.settling = False
        for given in self.inputs:
            if self._stopping():
                raise _Stopped
            if is_url(given):
                if fetch_urls:
                    self._read(given, whole_failure_is_retried=True)
            else:
                self._poll_path(given, settle)
        if fetch_urls:
            self.stats.polls += 1

    def _poll_path(self, given: str, settle: bool) -> None:
        files = _watched_files(Path(given))
        if files is None:
            self._warn(f"{given} does not exist now; watching for it to come back")
            return
        present = set(files)
        read = self._signatures.setdefault(given, {})
        looked = self._last_look.setdefault(given, {})
        # Forget files that went away, so one that comes back is read again.
        for table in (read, looked):
            for path in [path for path in table if path not in present]:
                del table[path]
        changed: list[tuple[int, str, Path, FileSignature]] = []
        for path in files:
            signature = _signature(path)
            if signature is not None and read.get(path) != signature:
                changed.append((signature[0], str(path), path, signature))
        # Arrival order: the oldest change first (ties by name, as `ingest` reads a folder).
        changed.sort()
        now = time.time_ns()
        for _, _, path, signature in changed:
            if self._stopping():
                raise _Stopped
            if settle and now - signature[0] < SETTLE_NS and looked.get(path) != signature:
                looked[path] = signature
                self.settling = True
                continue
            if self._read(str(path), whole_failure_is_retried=False) and _signature(path) == signature:
                # Only a file that did not change while it was read counts as read. One to be
                # read again stays settled (in `looked`), so each poll retries it.
                read[path] = signature
                looked.pop(path, None)

    # -- reading one input -----------------------------------------------------------------------

    def _read(self, given: str, whole_failure_is_retried: bool) -> bool:
        """Read one file or URL and offer what it holds; False when it must be read again."""
        self._entries = {}
        offered_entries: set[int] = set()
        complete = True
        for item in self._reader.read([given]):
            if isinstance(item, Rejection):
                whole = item.line is None
                if whole and (whole_failure_is_retried or item.code in RETRIED_CODES):
                    # A URL that failed is tried again at every poll: storing a rejection each
                    # time would bury the real ones. A file that vanished or could not be
                    # opened is tried again too.
                    self._warn(f"{item.message}; trying again at the next poll")
                    complete = False
                    continue
                if whole and item.code == "empty":
                    # Most likely created but not yet filled: it is read again when it changes.
                    continue
                if item.code == "fetch_failed":
                    # A feed entry whose page could not be fetched: left unread, and the feed
                    # (a file too, though it did not change) is read again at the next poll.
                    self._warn(f"{item.message}; trying again at the next poll")
                    complete = False
                    continue
            self._offer(item)
            if item.line is not None and item.line in self._entries:
                offered_entries.add(item.line)
        if self._entries:
            # Keep the keys of the entries the feed still lists: those read before and those
            # just read. Entries that dropped out of the feed are forgotten.
            before = self._feed_seen.get(given, set())
            self._feed_seen[given] = {
                key for number, key in self._entries.items() if key in before or number in offered_entries
            }
        return complete

    def _skip_feed_entry(self, origin: str, number: int, entry: dict[str, Any]) -> bool:
        """The reader asks this before fetching a feed entry: True for an entry read before."""
        key = hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode("utf-8")).hexdigest()
        self._entries[number] = key
        return key in self._feed_seen.get(origin, ())

    def _offer(self, item: RawDocument | Rejection) -> None:
        """Queue a document unless it is already stored or was queued lately; same for a rejection."""
        if isinstance(item, RawDocument):
            key: Hashable = ("document", item.source_id, item.content_hash)
            if key in self._recent:
                return
            if self._known.is_known(item):
                self.stats.already_stored += 1
                self._remember(key)
                return
        else:
            # A JSON lines file that grows is read again from the top: its bad lines would be
            # rejected again each time.
            key = ("rejection", item.origin, item.line, item.code, item.message)
            if key in self._recent:
                return
        self._remember(key)
        self._put(item)
        self.stats.queued += 1

    def _remember(self, key: Hashable) -> None:
        self._recent[key] = None
        self._recent.move_to_end(key)
        while len(self._recent) > self._recent_limit:
            self._recent.popitem(last=False)


def _watched_files(root: Path) -> list[Path] | None:
    """The files a watched path stands for: itself, or the supported files below a folder.

    As `ingest` does, hidden files and folders are passed over, which lets a writer fill
    `.name.part` and rename it when done. None when the path does not exist.
    """
    if root.is_dir():
        found = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in names:
                path = Path(folder) / name
                if not name.startswith(".") and suffix_of(path) in SUPPORTED_SUFFIXES:
                    found.append(path)
        return found
    if root.exists():
        return [root]
    return None


def _signature(path: Path) -> FileSignature | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _add_summary(total: IngestSummary, part: IngestSummary) -> None:
    """Add one batch's counts to the run's (latencies are not kept: a watch can run for months)."""
    total.ingested += part.ingested
    total.revisions += part.revisions
    total.unchanged += part.unchanged
    total.duplicates += part.duplicates
    total.rejected += part.rejected


class Watcher:
    """Watches folders, files and feed URLs and ingests what appears, until stopped.

    `run()` blocks on the caller's thread (the consumer) and returns the run's IngestSummary
    once `stop()` is called (from a signal handler or another thread), or, with `once`, after
    one poll has been ingested. `on_batch` gets a BatchReport per flushed batch, `on_warning`
    a line per input that could not be read, `on_rejection` each stored rejection.
    """

    def __init__(
        self,
        inputs: Sequence[str],
        settings: Settings,
        once: bool = False,
        on_batch: Callable[[BatchReport], None] | None = None,
        on_warning: Callable[[str], None] | None = None,
        on_rejection: Callable[[Rejection], None] | None = None,
    ):
        check_inputs(inputs, settings)
        self.inputs = list(inputs)
        self.settings = settings
        self.once = once
        self.stats = WatchStats()
        self.summary = IngestSummary()
        self._on_batch = on_batch
        self._on_warning = on_warning
        self._on_rejection = on_rejection
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=settings.watch_queue)
        self._stop = threading.Event()
        self._poller_error: BaseException | None = None
        self._pipeline: ResidentPipeline | None = None
        # Warnings printed at the previous full poll and at this one: a feed that stays down
        # is reported when it fails, not at every poll.
        self._warned_before: set[str] = set()
        self._warned_now: set[str] = set()

    def stop(self) -> None:
        """Ask the watcher to stop: the batch being written is committed, then `run` returns."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # -- the consumer ------------------------------------------------------------------------------

    def run(self) -> IngestSummary:
        """Poll and ingest until stopped (or, with `once`, until one poll is stored)."""
        # The writable store is opened (created, migrated) before the poller opens it read-only.
        with Store(self.settings.db) as store:
            poller = threading.Thread(target=self._poll_forever, name="newsfusion-watch-poller", daemon=True)
            poller.start()
            try:
                self._consume(store)
            finally:
                self._stop.set()
                poller.join(timeout=POLLER_JOIN_S)
                if self._pipeline is not None:
                    self._pipeline.close()
        if self._poller_error is not None:
            raise self._poller_error
        # Documents the poller found already stored are what `ingest` counts as unchanged.
        self.summary.unchanged += self.stats.already_stored
        return self.summary

    def _consume(self, store: Store) -> None:
        batch: list[RawDocument | Rejection] = []
        oldest = newest = 0.0
        while not self._stop.is_set():
            timeout = STOP_CHECK_S
            if batch:
                now = time.monotonic()
                due = min(newest + IDLE_FLUSH_S, oldest + MAX_BATCH_WAIT_S)
                if now >= due:
                    self._flush(store, batch)
                    batch = []
                    continue
                timeout = min(due - now, STOP_CHECK_S)
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                if self._pipeline is not None:  # idle: write the extractions finished meanwhile
                    self._pipeline.write_extractions()
                continue
            if item is _END:
                break
            newest = time.monotonic()
            if not batch:
                oldest = newest
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                self._flush(store, batch)
                batch = []
        # Stopping: what was already taken off the queue is written; what is still queued is
        # not stored, so the next run reads it again.
        if batch:
            self._flush(store, batch)
        if self._pipeline is not None:
            self._pipeline.write_extractions(wait_all=True)

    def _flush(self, store: Store, batch: list[RawDocument | Rejection]) -> None:
        """Run one batch through the pipeline: one transaction. Its extractions follow, written while idle."""
        if self._pipeline is None:
            self._pipeline = ResidentPipeline(store, self.settings, on_rejection=self._on_rejection)
        done = self._pipeline.run(batch, finish_extractions=False)
        _add_summary(self.summary, done)
        if self._on_batch is not None:
            self._on_batch(BatchReport(done, store.counts()["articles"]))

    # -- the poller thread -----------------------------------------------------------------------

    def _poll_forever(self) -> None:
        try:
            with Fetcher(self.settings) as fetcher, Store(self.settings.db, read_only=True) as known:
                poller = _Poller(
                    self.inputs,
                    self.settings,
                    fetcher,
                    known,
                    self._put,
                    self._warn,
                    self._stop.is_set,
                    self.stats,
                    recent_limit=max(10_000, 2 * (self.settings.watch_queue + self.settings.batch_size)),
                )
                self._poll_loop(poller)
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            self._poller_error = exc
        finally:
            try:
                self._put(_END)
            except _Stopped:
                pass

    def _poll_loop(self, poller: _Poller) -> None:
        next_full_poll = time.monotonic()
        while not self._stop.is_set():
            started = time.monotonic()
            if started >= next_full_poll:
                poller.poll(fetch_urls=True, settle=not self.once)
                self._warned_before, self._warned_now = self._warned_now, set()
                next_full_poll = started + self.settings.watch_interval_s
                if self.once:
                    return
            elif poller.settling:
                poller.poll(fetch_urls=False, settle=True)
            wait = next_full_poll - time.monotonic()
            if poller.settling:
                wait = min(wait, SETTLE_RECHECK_S)
            self._stop.wait(max(wait, 0.0))

    def _put(self, item: Any) -> None:
        """Put on the queue; when it is full, wait (back-pressure) but give up if asked to stop."""
        try:
            self._queue.put_nowait(item)
            return
        except queue.Full:
            self.stats.queue_full_waits += 1
        while True:
            if self._stop.is_set():
                raise _Stopped
            try:
                self._queue.put(item, timeout=STOP_CHECK_S)
                return
            except queue.Full:
                continue

    def _warn(self, message: str) -> None:
        self.stats.warnings += 1
        if message not in self._warned_before and message not in self._warned_now and self._on_warning is not None:
            self._on_warning(message)
        self._warned_now.add(message)
