"""Read access to the store for request handlers: one read-only connection per thread, and cached briefs.

Request handlers run on a pool of threads; each opens its own read-only `Store` the first
time it needs one, so reads never wait for each other or for the writer (SQLite's WAL mode
lets readers see the last commit while a write is in progress).

Briefs are computed by `newsfusion.brief.story_brief` when that module is installed, and
cached per story until one of the story's articles changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from collections import OrderedDict
from typing import Any, Callable

from ..heap import freeze_loaded
from ..store import Store
from ..store.web_queries import story_versions

# Briefs kept in memory; a brief is a few kilobytes, and a page shows at most 100 stories.
BRIEF_CACHE_SIZE = 512

BriefFunction = Callable[[Store, int], "dict[str, Any] | None"]


def find_brief_function() -> BriefFunction | None:
    """`newsfusion.brief.story_brief` when the brief stage is installed, else None.

    Only a missing module means "no briefs": an error inside an installed one is raised.
    """
    if importlib.util.find_spec("newsfusion.brief") is None:
        return None
    module = importlib.import_module("newsfusion.brief")
    return getattr(module, "story_brief", None)


class StoreReaders:
    """Hands each thread its own read-only Store over one database file."""

    def __init__(self, db_path: str):
        self.db_path = db_path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path, read_only=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


class BriefCache:
    """Story briefs, computed once per version of the story (its article count, newest input and extractions written)."""

    def __init__(self, brief_function: BriefFunction | None, size: int = BRIEF_CACHE_SIZE):
        self.function = brief_function
        self._size = size
        self._entries: OrderedDict[int, tuple[tuple[int, int, int], dict[str, Any] | None]] = OrderedDict()
        self._lock = threading.Lock()
        # One brief is computed at a time: two requests for the same story then compute it once.
        self._computing = threading.Lock()

    @property
    def available(self) -> bool:
        return self.function is not None

    def briefs(self, store: Store, story_ids: list[int]) -> dict[int, dict[str, Any] | None]:
        """The brief of each story (None where the stage made none); empty when briefs are not installed."""
        if self.function is None or not story_ids:
            return {}
        versions = story_versions(store.db.connection, story_ids)
        found: dict[int, dict[str, Any] | None] = {}
        for story_id in story_ids:
            version = versions.get(story_id, (0, 0, 0))
            with self._lock:
                cached = self._entries.get(story_id)
                if cached is not None and cached[0] == version:
                    self._entries.move_to_end(story_id)
                    found[story_id] = cached[1]
                    continue
            with self._computing:
                with self._lock:
                    cached = self._entries.get(story_id)
                if cached is not None and cached[0] == version:
                    found[story_id] = cached[1]
                    continue
                brief = self.function(store, story_id)
                freeze_loaded()  # a server lives long: what the first brief loaded stays for good
            with self._lock:
                self._entries[story_id] = (version, brief)
                self._entries.move_to_end(story_id)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            found[story_id] = brief
        return found

    def brief(self, store: Store, story_id: int) -> dict[str, Any] | None:
        return self.briefs(store, [story_id]).get(story_id)
